import { describe, expect, it } from 'vitest';
import { isAuthorized } from '../../../src/api/auth.js';

describe(isAuthorized.name, () => {
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

  it('accepts the bearer token and rejects others', () => {
    expect(isAuthorized('Bearer s3cret', 's3cret')).toBe(true);
    expect(isAuthorized('bearer   s3cret ', 's3cret')).toBe(true);
    expect(isAuthorized('Bearer s3cre', 's3cret')).toBe(false);
    expect(isAuthorized('Bearer s3cret-and-more', 's3cret')).toBe(false);
    expect(isAuthorized(undefined, 's3cret')).toBe(false);
    expect(isAuthorized('s3cret', 's3cret')).toBe(false);
  });

  it('accepts basic auth with the token as password only when allowed', () => {
    expect(isAuthorized(basic('admin', 's3cret'), 's3cret', { allowBasic: true })).toBe(true);
    expect(isAuthorized(basic('admin', 'wrong'), 's3cret', { allowBasic: true })).toBe(false);
    expect(isAuthorized(basic('admin', 's3cret'), 's3cret')).toBe(false);
  });
});
