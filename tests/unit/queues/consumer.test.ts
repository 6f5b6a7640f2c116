import { describe, expect, it } from 'vitest';
import { backlogGate, MAX_RETRY_AFTER_MS, retryDelay } from '../../../src/queues/consumer.js';

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

describe(backlogGate.name, () => {
  it('lets jobs through at once while the next queue is under the limit', async () => {
    let reads = 0;
    const gate = backlogGate(async () => {
      reads++;
      return 3;
    }, 10);
    await Promise.all([gate(), gate(), gate()]);
    // one reading serves jobs that ask together
    expect(reads).toBe(1);
  });

  it('holds jobs while the next queue is full and releases them when it drains', async () => {
    const depths = [12, 11, 10, 4];
    let clock = 0;
    const slept: number[] = [];
    const gate = backlogGate(async () => depths.shift() ?? 0, 10, {
      pollMs: 100,
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    await gate();
    expect(slept).toEqual([100, 100, 100]);
    expect(depths).toEqual([]);
  });

  it('lets jobs through when the queue depth cannot be read', async () => {
    const gate = backlogGate(() => Promise.reject(new Error('redis down')), 10);
    await expect(gate()).resolves.toBeUndefined();
  });
});
