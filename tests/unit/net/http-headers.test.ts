import { describe, expect, it } from 'vitest';
import { parseMaxAge, parseRetryAfter } from '../../../src/net/http-headers.js';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2024-06-01T12:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 13:00:00 GMT', now)).toBe(3_600_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 11:00:00 GMT', now)).toBe(0);
  });
  it('returns null when absent or unreadable and caps at a week', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('99999999', now)).toBe(7 * 24 * 3_600_000);
  });
});

describe(parseMaxAge.name, () => {
  it('reads max-age and treats no-cache as zero', () => {
    expect(parseMaxAge('public, max-age=600')).toBe(600_000);
    expect(parseMaxAge('no-cache')).toBe(0);
    expect(parseMaxAge('public')).toBeNull();
    expect(parseMaxAge(null)).toBeNull();
  });
});
