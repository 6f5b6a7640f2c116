import { describe, expect, it } from 'vitest';
import { classifyAddress, createAddressPolicy } from '../../../src/net/address.js';

describe(classifyAddress.name, () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::127.0.0.1', 'reserved'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['64:ff9b:1::1', 'reserved'],
    ['100::1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    ['4000::1', 'reserved'],
    ['not-an-ip', 'invalid'],
    ['256.1.1.1', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['1::2::3', 'invalid'],
  ])('classifies %s as %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe(createAddressPolicy.name, () => {
  it('refuses every non-public address when nothing is allowed', () => {
    const p = createAddressPolicy();
    expect(p.allowsAddress('127.0.0.1')).toBe(false);
    expect(p.allowsAddress('::1')).toBe(false);
    expect(p.allowsAddress('10.1.2.3')).toBe(false);
    expect(p.allowsAddress('8.8.8.8')).toBe(true);
    expect(p.allowsHost('localhost')).toBe(false);
  });

  it('lets allowed CIDRs, bare IPs and host names through when configured', () => {
    const p = createAddressPolicy(['127.0.0.1/32', '10.0.0.0/8', 'fd00::/8', '::1', 'wire.local', '.corp.example']);
    expect(p.allowsAddress('127.0.0.1')).toBe(true);
    expect(p.allowsAddress('127.0.0.2')).toBe(false);
    expect(p.allowsAddress('10.200.0.1')).toBe(true);
    expect(p.allowsAddress('fd12::1')).toBe(true);
    expect(p.allowsAddress('fe80::1')).toBe(false);
    expect(p.allowsAddress('::1')).toBe(true);
    expect(p.allowsAddress('192.168.0.1')).toBe(false);
    expect(p.allowsHost('wire.local')).toBe(true);
    expect(p.allowsHost('WIRE.local.')).toBe(true);
    expect(p.allowsHost('evil-wire.local')).toBe(false);
    expect(p.allowsHost('a.corp.example')).toBe(true);
    expect(p.allowsHost('corp.example')).toBe(true);
    expect(p.allowsHost('notcorp.example')).toBe(false);
  });

  it('allows everything when the guard is turned off', () => {
    const p = createAddressPolicy([], true);
    expect(p.allowsAddress('127.0.0.1')).toBe(true);
    expect(p.allowsHost('anything')).toBe(true);
  });
});
