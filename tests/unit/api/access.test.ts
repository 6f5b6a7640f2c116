import { describe, expect, it } from 'vitest';
import { createFailureLimiter, credentialOf, grants, hashToken, newKeyToken } from '../../../src/api/access.js';

describe(grants.name, () => {
  it('lets admin do anything, write read, and keeps metrics apart', () => {
    expect(grants(['admin'], 'metrics')).toBe(true);
    expect(grants(['admin'], 'write')).toBe(true);
    expect(grants(['write'], 'read')).toBe(true);
    expect(grants(['write'], 'admin')).toBe(false);
    expect(grants(['read'], 'write')).toBe(false);
    expect(grants(['read'], 'metrics')).toBe(false);
    expect(grants(['metrics'], 'read')).toBe(false);
    expect(grants(['read', 'metrics'], 'metrics')).toBe(true);
    expect(grants([], 'read')).toBe(false);
  });
});

describe(credentialOf.name, () => {
  it('reads a bearer token, and a basic password only where allowed', () => {
    expect(credentialOf('Bearer abc')).toBe('abc');
    expect(credentialOf('bearer   abc  ')).toBe('abc');
    const basic = `Basic ${Buffer.from('ops:pa:ss').toString('base64')}`;
    expect(credentialOf(basic)).toBeNull();
    expect(credentialOf(basic, true)).toBe('pa:ss');
    expect(credentialOf(undefined)).toBeNull();
    expect(credentialOf('Token abc')).toBeNull();
  });
});

describe(newKeyToken.name, () => {
  it('makes distinct high-entropy tokens, stored as their SHA-256', () => {
    const a = newKeyToken();
    expect(a).toMatch(/^telex_[A-Za-z0-9_-]{43}$/);
    expect(newKeyToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe(createFailureLimiter.name, () => {
  it('blocks a client past the limit until its window ends, others untouched, memory bounded', () => {
    let now = 0;
    const l = createFailureLimiter({ max: 2, windowMs: 1_000, maxClients: 2, now: () => now });
    l.fail('a');
    expect(l.blockedFor('a')).toBe(0);
    l.fail('a');
    expect(l.blockedFor('a')).toBe(1_000);
    expect(l.blockedFor('b')).toBe(0);
    now = 400;
    expect(l.blockedFor('a')).toBe(600);
    now = 1_000;
    expect(l.blockedFor('a')).toBe(0);
    l.fail('x');
    l.fail('y');
    l.fail('z');
    l.fail('z');
    expect(l.blockedFor('z')).toBe(1_000);
  });
});
