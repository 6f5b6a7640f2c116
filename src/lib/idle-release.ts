/**
 * Gives memory back once a burst of work is over. News arrives in bursts; after
 * one, V8 keeps the heap it grew to (in Node its memory reducer seldom runs), so
 * an idle worker holds tens of MB it no longer uses. A thread or process that
 * has worked and then stays quiet for `afterMs` collects its heap, which hands
 * the heap's empty pages back to the system, after whatever else the caller
 * frees (the SQLite page cache). It happens once per quiet spell, never while
 * jobs run. What malloc then keeps is the allocator's business: the image runs
 * with jemalloc, which returns freed pages on its own (docs/operations.md).
 */
import { performance } from 'node:perf_hooks';
import { collectHeap } from './heap-collect.js';

export type IdleThresholds = {
  /** Quiet time before releasing. */
  afterMs: number;
  /** Event-loop utilisation over one reading that counts as work. */
  busyAbove: number;
  /** Utilisation under which a reading counts as quiet. */
  quietBelow: number;
};

export const IDLE_DEFAULTS: IdleThresholds = { afterMs: 10_000, busyAbove: 0.05, quietBelow: 0.02 };

export type IdleState = { quietMs: number; workedSinceRelease: boolean };

export const idleStart = (): IdleState => ({ quietMs: 0, workedSinceRelease: false });

/**
 * One reading: the event loop was busy `utilization` (0..1) of the last
 * `elapsedMs`. Returns the next state and whether to release memory now: after
 * some work, once the loop has stayed quiet for `afterMs` in a row. A reading
 * between quiet and busy (timers, a scheduler tick) restarts the quiet time.
 */
export function idleStep(s: IdleState, utilization: number, elapsedMs: number, t: IdleThresholds = IDLE_DEFAULTS): { state: IdleState; release: boolean } {
  if (utilization >= t.busyAbove) {
    return { state: { quietMs: 0, workedSinceRelease: true }, release: false };
  }
  if (utilization >= t.quietBelow) {
    return { state: { ...s, quietMs: 0 }, release: false };
  }
  const quietMs = s.quietMs + elapsedMs;
  if (s.workedSinceRelease && quietMs >= t.afterMs) {
    return { state: { quietMs: 0, workedSinceRelease: false }, release: true };
  }
  return { state: { ...s, quietMs }, release: false };
}

/** Collects this thread's heap as thoroughly as V8 allows (heap-collect.ts). */
export function releaseMemory(): void {
  collectHeap();
}

export type IdleRelease = {
  /** Quiet spells that ended in a release so far. */
  releases(): number;
  stop(): void;
};

/**
 * Reads this thread's event-loop utilisation every `checkMs` and calls
 * `release` (default: `releaseMemory`) once per quiet spell that follows
 * work (see `idleStep`). What came before the call counts as work: loading
 * modules and warming up leave garbage too, and releasing it once the thread
 * has gone quiet (as after any burst, not while start-up still allocates)
 * makes the first idle state the same kind as every later one. The timer does
 * not keep the thread alive. A release that throws is passed to `onError` and
 * the watch goes on.
 */
export function startIdleRelease(
  o: Partial<IdleThresholds> & { checkMs?: number; release?: () => void; onError?: (err: unknown) => void } = {},
): IdleRelease {
  const t: IdleThresholds = { ...IDLE_DEFAULTS, ...o };
  const checkMs = o.checkMs ?? 1_000;
  const release = o.release ?? releaseMemory;
  let state: IdleState = { quietMs: 0, workedSinceRelease: true };
  let count = 0;
  const run = () => {
    count++;
    try {
      release();
    } catch (err) {
      o.onError?.(err);
    }
  };
  let last = performance.eventLoopUtilization();
  let lastAt = performance.now();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const at = performance.now();
    const step = idleStep(state, performance.eventLoopUtilization(now, last).utilization, at - lastAt, t);
    last = now;
    lastAt = at;
    state = step.state;
    if (step.release) {
      run();
      // The release's own time is not work: without this, a long collection would
      // read as busy and start another release after the next quiet spell.
      last = performance.eventLoopUtilization();
      lastAt = performance.now();
    }
  }, checkMs);
  timer.unref();
  return {
    releases: () => count,
    stop: () => clearInterval(timer),
  };
}
