/** IP address classification and allowlists for the SSRF guard (pure: no DNS, no sockets). */

import { isIP } from 'node:net';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'documentation'
  | 'ipv4-mapped'
  | 'reserved'
  | 'invalid';

type Range4 = { base: number; bits: number; cls: AddressClass };

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) {
    return null;
  }
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) {
      return null;
    }
    const v = Number(p);
    if (v > 255) {
      return null;
    }
    n = n * 256 + v;
  }
  return n;
}

const r4 = (cidr: string, cls: AddressClass): Range4 => {
  const [ip, bits] = cidr.split('/');
  return { base: ipv4ToInt(ip ?? '') ?? 0, bits: Number(bits), cls };
};

/** Most specific first. */
const V4_RANGES: Range4[] = [
  r4('255.255.255.255/32', 'broadcast'),
  r4('0.0.0.0/8', 'unspecified'),
  r4('10.0.0.0/8', 'private'),
  r4('100.64.0.0/10', 'cgnat'),
  r4('127.0.0.0/8', 'loopback'),
  r4('169.254.0.0/16', 'link-local'),
  r4('172.16.0.0/12', 'private'),
  r4('192.0.0.0/24', 'reserved'),
  r4('192.0.2.0/24', 'documentation'),
  r4('192.88.99.0/24', 'reserved'),
  r4('192.168.0.0/16', 'private'),
  r4('198.18.0.0/15', 'reserved'),
  r4('198.51.100.0/24', 'documentation'),
  r4('203.0.113.0/24', 'documentation'),
  r4('224.0.0.0/4', 'multicast'),
  r4('240.0.0.0/4', 'reserved'),
];

const inRange4 = (n: number, base: number, bits: number): boolean =>
  bits === 0 ? true : Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));

function classify4(n: number): AddressClass {
  for (const r of V4_RANGES) {
    if (inRange4(n, r.base, r.bits)) {
      return r.cls;
    }
  }
  return 'public';
}

/** Parses an IPv6 address (with optional embedded IPv4 tail and zone id) into 8 16-bit groups. */
function ipv6ToGroups(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  let tail: number[] = [];
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    const n = ipv4ToInt(v4[1] ?? '');
    if (n === null) {
      return null;
    }
    tail = [Math.floor(n / 65536), n % 65536];
    s = s.slice(0, s.length - (v4[1]?.length ?? 0));
    if (s.endsWith(':') && !s.endsWith('::')) {
      s = s.slice(0, -1);
    }
  }
  const halves = s.split('::');
  if (halves.length > 2) {
    return null;
  }
  const parse = (part: string): number[] | null => {
    if (part === '') {
      return [];
    }
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) {
        return null;
      }
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !rest) {
    return null;
  }
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 2) {
    if (explicit > 7) {
      return null;
    }
    return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
  }
  return explicit === 8 ? [...head, ...tail] : null;
}

function classify6(g: number[]): AddressClass {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, h = 0, i = 0] = g;
  const zeroPrefix = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (zeroPrefix && f === 0 && h === 0 && i === 0) {
    return 'unspecified';
  }
  if (zeroPrefix && f === 0 && h === 0 && i === 1) {
    return 'loopback';
  }
  if (zeroPrefix && f === 0xffff) {
    return 'ipv4-mapped';
  }
  if (zeroPrefix && f === 0) {
    return 'reserved'; // IPv4-compatible (deprecated) and other ::/96
  }
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) {
    // NAT64: judge the embedded IPv4 address
    return classify4(h * 65536 + i);
  }
  if (a === 0x2002) {
    // 6to4: judge the embedded IPv4 address
    return classify4(b * 65536 + c);
  }
  if (a === 0x2001 && b === 0x0db8) {
    return 'documentation';
  }
  if (a === 0x2001 && b < 0x0200) {
    return 'reserved'; // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ...)
  }
  if ((a & 0xfe00) === 0xfc00) {
    return 'private'; // unique local fc00::/7
  }
  if ((a & 0xffc0) === 0xfe80) {
    return 'link-local';
  }
  if ((a & 0xffc0) === 0xfec0) {
    return 'private'; // deprecated site-local
  }
  if ((a & 0xff00) === 0xff00) {
    return 'multicast';
  }
  if ((a & 0xe000) !== 0x2000) {
    return 'reserved'; // outside global unicast 2000::/3 (includes 64:ff9b:1::/48, 100::/64)
  }
  return 'public';
}

/** Classifies an IPv4 or IPv6 address literal. Anything that is not public must not be fetched. */
export function classifyAddress(ip: string): AddressClass {
  const s = ip.trim().replace(/^\[|\]$/g, '');
  const v4 = ipv4ToInt(s);
  if (v4 !== null) {
    return classify4(v4);
  }
  const g = ipv6ToGroups(s);
  return g ? classify6(g) : 'invalid';
}

type Cidr = { family: 4; base: number; bits: number } | { family: 6; groups: number[]; bits: number };

function parseCidr(entry: string): Cidr | null {
  const [ip = '', bitsText] = entry.trim().split('/');
  const v4 = ipv4ToInt(ip);
  if (v4 !== null) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    return Number.isInteger(bits) && bits >= 0 && bits <= 32 ? { family: 4, base: v4, bits } : null;
  }
  const groups = ipv6ToGroups(ip);
  if (groups) {
    const bits = bitsText === undefined ? 128 : Number(bitsText);
    return Number.isInteger(bits) && bits >= 0 && bits <= 128 ? { family: 6, groups, bits } : null;
  }
  return null;
}

function inCidr6(groups: number[], cidr: { groups: number[]; bits: number }): boolean {
  let bits = cidr.bits;
  for (let k = 0; k < 8 && bits > 0; k++) {
    const take = Math.min(16, bits);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((groups[k] ?? 0) & mask) !== ((cidr.groups[k] ?? 0) & mask)) {
      return false;
    }
    bits -= take;
  }
  return true;
}

/** An allowlist of host names and CIDRs (or bare IPs), e.g. ["127.0.0.1/32", "::1", "localhost", ".internal.example"]. */
export type AddressPolicy = {
  /** True when the host name itself is allowed (any address it resolves to is accepted). */
  allowsHost(hostname: string): boolean;
  /** True when the address may be connected to. */
  allowsAddress(ip: string): boolean;
};

/**
 * Builds the SSRF policy: public addresses always pass; other addresses only when
 * inside an allowed CIDR, or when the host name is allowed ("example.test" exactly,
 * ".example.test" for the domain and its subdomains). `allowPrivate` turns the guard off.
 */
export function createAddressPolicy(allow: readonly string[] = [], allowPrivate = false): AddressPolicy {
  const cidrs: Cidr[] = [];
  const hosts: string[] = [];
  for (const raw of allow) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') {
      continue;
    }
    const cidr = parseCidr(entry);
    if (cidr) {
      cidrs.push(cidr);
    } else {
      hosts.push(entry.replace(/\.$/, ''));
    }
  }
  const allowsHost = (hostname: string): boolean => {
    if (allowPrivate) {
      return true;
    }
    const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
    return hosts.some((e) => (e.startsWith('.') ? h === e.slice(1) || h.endsWith(e) : h === e));
  };
  const allowsAddress = (ip: string): boolean => {
    if (allowPrivate) {
      return true;
    }
    const s = ip.replace(/^\[|\]$/g, '');
    if (classifyAddress(s) === 'public') {
      return true;
    }
    const fam = isIP(s);
    for (const c of cidrs) {
      if (c.family === 4 && fam === 4) {
        const n = ipv4ToInt(s);
        if (n !== null && inRange4(n, c.base, c.bits)) {
          return true;
        }
      } else if (c.family === 6 && fam === 6) {
        const g = ipv6ToGroups(s);
        if (g && inCidr6(g, c)) {
          return true;
        }
      }
    }
    return false;
  };
  return { allowsHost, allowsAddress };
}
