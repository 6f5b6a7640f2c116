import { describe, expect, it } from 'vitest';
import { adaptiveInterval, decideNextPoll, nextPollDelay, POLL_DEFAULTS } from '../../../../src/workers/fetcher/schedule.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = Date.parse('2024-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const mid = (): number => 0.5; // no jitter
const input = {
  baseMs: POLL_DEFAULTS.baseMs,
  minMs: POLL_DEFAULTS.minMs,
  maxMs: POLL_DEFAULTS.maxMs,
  itemDates: [] as Array<string | null>,
  now,
  consecutiveFailures: 0,
  random: mid,
};

describe(nextPollDelay.name, () => {
  it('uses the base interval when the feed gives no dates', () => {
    expect(decideNextPoll(input)).toEqual({ delayMs: 15 * MIN, reason: 'base' });
  });

  it('polls a busy wire at the minimum when items arrive every minute', () => {
    const dates = Array.from({ length: 20 }, (_, i) => ago(i * MIN));
    expect(nextPollDelay({ ...input, itemDates: dates })).toBe(2 * MIN);
  });

  it('follows the mean gap when items arrive every 30 minutes', () => {
    const dates = Array.from({ length: 10 }, (_, i) => ago(i * 30 * MIN));
    expect(decideNextPoll({ ...input, itemDates: dates })).toEqual({ delayMs: 30 * MIN, reason: 'adaptive' });
  });

  it('stretches the interval when a feed has gone quiet', () => {
    const dates = [ago(8 * HOUR), ago(8 * HOUR + 5 * MIN), ago(8 * HOUR + 10 * MIN)];
    expect(nextPollDelay({ ...input, itemDates: dates })).toBe(2 * HOUR);
  });

  it('caps at the maximum when the feed publishes rarely', () => {
    const dates = [ago(2 * 24 * HOUR), ago(6 * 24 * HOUR)];
    expect(nextPollDelay({ ...input, itemDates: dates })).toBe(24 * HOUR);
    expect(nextPollDelay({ ...input, itemDates: [ago(400 * 24 * HOUR)] })).toBe(24 * HOUR);
  });

  it('ignores future and unparseable dates', () => {
    const dates = [new Date(now + 10 * 24 * HOUR).toISOString(), 'garbage', null, ago(0)];
    expect(decideNextPoll({ ...input, itemDates: dates })).toEqual({ delayMs: 15 * MIN, reason: 'base' });
  });

  it('backs off exponentially on consecutive failures up to the maximum', () => {
    const delays = [1, 2, 3, 4, 8, 50].map((n) => nextPollDelay({ ...input, consecutiveFailures: n }));
    expect(delays).toEqual([15 * MIN, 30 * MIN, 60 * MIN, 120 * MIN, 24 * HOUR, 24 * HOUR]);
  });

  it('never polls sooner than Retry-After or max-age', () => {
    expect(decideNextPoll({ ...input, retryAfterMs: 3 * HOUR })).toEqual({ delayMs: 3 * HOUR, reason: 'retry-after' });
    expect(decideNextPoll({ ...input, maxAgeMs: HOUR })).toEqual({ delayMs: HOUR, reason: 'max-age' });
    expect(nextPollDelay({ ...input, retryAfterMs: 30 * 24 * HOUR })).toBe(24 * HOUR);
    expect(nextPollDelay({ ...input, retryAfterMs: 10 * MIN, random: () => 0 })).toBeGreaterThanOrEqual(13.5 * MIN);
    expect(nextPollDelay({ ...input, retryAfterMs: HOUR, random: () => 0 })).toBe(HOUR);
  });

  it('spreads polls by up to 10 % either way when random varies', () => {
    expect(nextPollDelay({ ...input, random: () => 0 })).toBe(13.5 * MIN);
    expect(nextPollDelay({ ...input, random: () => 0.999999 })).toBeCloseTo(16.5 * MIN, -2);
    const atMax = nextPollDelay({ ...input, consecutiveFailures: 20, random: () => 0.999 });
    expect(atMax).toBeLessThanOrEqual(24 * HOUR);
  });

  it('keeps the minimum even with jitter', () => {
    const dates = Array.from({ length: 20 }, (_, i) => ago(i * 10_000));
    expect(nextPollDelay({ ...input, itemDates: dates, random: () => 0 })).toBe(2 * MIN);
  });
});

describe(adaptiveInterval.name, () => {
  it('reports whether publish times decided the interval', () => {
    expect(adaptiveInterval({ ...input, itemDates: [ago(HOUR), ago(2 * HOUR)] })).toEqual({ intervalMs: HOUR, adaptive: true });
    expect(adaptiveInterval({ ...input, itemDates: [ago(HOUR)] })).toEqual({ intervalMs: 15 * MIN, adaptive: false });
  });
});
