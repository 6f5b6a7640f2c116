/**
 * Pure polling decisions: when to poll a feed next.
 *
 * 1. Adaptive interval from the feed's own publish times: the mean gap between
 *    items published in the last `windowMs` (default 7 days), stretched when the
 *    feed has gone quiet (a quarter of the time since its newest item), within
 *    [minMs, maxMs]. With fewer than two usable dates: `baseMs`, stretched the same way.
 * 2. Consecutive failures back off exponentially from `baseMs` (x1, x2, x4, ...) up to
 *    `maxMs`: a failing feed keeps being polled at least every `maxMs`, never silently dropped.
 * 3. Retry-After and Cache-Control max-age are floors: never poll sooner (each capped at `maxMs`).
 * 4. Jitter of +/- `jitter` (default 10 %) from the injected `random`, kept within
 *    [max(minMs, floor), maxMs], so feeds added together drift apart.
 */

export const POLL_DEFAULTS = {
  baseMs: 15 * 60_000,
  minMs: 2 * 60_000,
  maxMs: 24 * 3_600_000,
  windowMs: 7 * 24 * 3_600_000,
  jitter: 0.1,
} as const;

export type PollDelayInput = {
  /** Configured interval, used when the feed gives no usable dates and as the backoff base. */
  baseMs: number;
  minMs: number;
  maxMs: number;
  /** Publish (or update) times of the items in the latest successful parse, ISO 8601; null/invalid ignored. */
  itemDates: Array<string | null | undefined>;
  /** Current time, epoch ms. */
  now: number;
  consecutiveFailures: number;
  /** From the last response (Retry-After on 429/503), ms from now. */
  retryAfterMs?: number | null;
  /** From the last response's Cache-Control max-age, ms. */
  maxAgeMs?: number | null;
  /** Uniform in [0, 1): Math.random in production, a fixed function in tests. */
  random: () => number;
  /** Jitter fraction (default 0.1). */
  jitter?: number;
  /** How far back publish times count (default 7 days). */
  windowMs?: number;
};

export type PollDecision = {
  delayMs: number;
  /** What decided the delay before jitter. */
  reason: 'adaptive' | 'base' | 'backoff' | 'retry-after' | 'max-age';
};

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The adaptive interval from publish times alone (no failures, no headers), within [minMs, maxMs]. */
export function adaptiveInterval(
  input: Pick<PollDelayInput, 'baseMs' | 'minMs' | 'maxMs' | 'itemDates' | 'now' | 'windowMs'>,
): { intervalMs: number; adaptive: boolean } {
  const windowMs = input.windowMs ?? POLL_DEFAULTS.windowMs;
  const times = input.itemDates
    .map((d) => (typeof d === 'string' ? Date.parse(d) : Number.NaN))
    // ignore dates in the future (clock skew, scheduled posts) and beyond the window
    .filter((t) => Number.isFinite(t) && t <= input.now + 60_000);
  const newest = times.length > 0 ? Math.max(...times) : null;
  const quiet = newest === null ? 0 : Math.max(0, input.now - newest) / 4;
  const recent = [...new Set(times.filter((t) => t >= input.now - windowMs))].sort((a, b) => a - b);
  if (recent.length >= 2) {
    const first = recent[0] ?? 0;
    const last = recent[recent.length - 1] ?? 0;
    const meanGap = (last - first) / (recent.length - 1);
    return { intervalMs: clamp(Math.max(meanGap, quiet), input.minMs, input.maxMs), adaptive: true };
  }
  return { intervalMs: clamp(Math.max(input.baseMs, quiet), input.minMs, input.maxMs), adaptive: false };
}

/** Decides the delay until the next poll, and why. See the module comment for the rules. */
export function decideNextPoll(input: PollDelayInput): PollDecision {
  const { minMs, maxMs } = input;
  let target: number;
  let reason: PollDecision['reason'];
  if (input.consecutiveFailures > 0) {
    const exp = Math.min(input.consecutiveFailures - 1, 30);
    target = clamp(input.baseMs * 2 ** exp, minMs, maxMs);
    reason = 'backoff';
  } else {
    const a = adaptiveInterval(input);
    target = a.intervalMs;
    reason = a.adaptive ? 'adaptive' : 'base';
  }
  const retryFloor = clamp(input.retryAfterMs ?? 0, 0, maxMs);
  const ageFloor = clamp(input.maxAgeMs ?? 0, 0, maxMs);
  const floor = Math.max(retryFloor, ageFloor);
  if (floor > target) {
    target = floor;
    reason = retryFloor >= ageFloor ? 'retry-after' : 'max-age';
  }
  const jitter = input.jitter ?? POLL_DEFAULTS.jitter;
  const r = clamp(input.random(), 0, 1);
  const jittered = target + target * jitter * (2 * r - 1);
  const lo = Math.max(minMs, floor);
  return { delayMs: Math.round(clamp(jittered, lo, maxMs)), reason };
}

/** The delay in ms until the next poll (see decideNextPoll). */
export function nextPollDelay(input: PollDelayInput): number {
  return decideNextPoll(input).delayMs;
}
