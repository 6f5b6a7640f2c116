import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryDelay } from '../../../src/queues/consumer.js';

describe(retryDelay.name, () => {
  it('doubles with each attempt around the base when the error says nothing', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, new Error('x'), mid))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('spreads retries by ±50 % jitter', () => {
    expect(retryDelay(3, undefined, () => 0)).toBe(2_000);
    expect(retryDelay(3, undefined, () => 0.999)).toBeCloseTo(5_996, -1);
  });

  it('waits as long as the server’s Retry-After asks, up to a cap', () => {
    expect(retryDelay(1, { retryAfterMs: 30_000 }, () => 0.5)).toBe(30_000);
    expect(retryDelay(1, { retryAfterMs: 3_600_000 }, () => 0.5)).toBe(MAX_RETRY_AFTER_MS);
  });
});
