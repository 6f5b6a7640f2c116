/**
 * Full collections of the calling thread's V8 heap, on demand, without
 * --expose-gc on the command line.
 */
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | null | undefined;

/**
 * A full, synchronous garbage collection of this thread's heap: `global.gc`
 * when node runs with --expose-gc, else the same function taken from a fresh
 * context once the flag is set. Returns false if V8 would not give one.
 */
export function collectGarbage(): boolean {
  if (gcFn === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') {
      gcFn = exposed;
    } else {
      try {
        v8.setFlagsFromString('--expose-gc');
        const fn = runInNewContext('gc') as unknown;
        gcFn = typeof fn === 'function' ? (fn as () => void) : null;
      } catch {
        gcFn = null;
      }
    }
  }
  if (!gcFn) {
    return false;
  }
  gcFn();
  return true;
}

/** A class no object is ever made of: what `v8.queryObjects` is asked to count. */
class NoInstances {}

/**
 * V8's most thorough collection, the one it runs when memory is short
 * (several passes, compacting, and its pool of free pages handed back); false
 * if this Node has no way to ask for it. The only call Node offers that runs
 * it is `v8.queryObjects` (it collects before it counts); Node flags that
 * call experimental and would print a warning the first time, which is
 * silenced here.
 */
function collectAllAvailable(): boolean {
  const query = (v8 as { queryObjects?: (ctor: unknown, opts: { format: 'count' }) => number }).queryObjects;
  if (typeof query !== 'function') {
    return false;
  }
  const emitWarning = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    query(NoInstances, { format: 'count' });
  } finally {
    process.emitWarning = emitWarning;
  }
  return true;
}

/**
 * Collects this thread's heap as thoroughly as V8 allows: collectAllAvailable,
 * else two full collections (one leaves about as much again for the next).
 */
export function collectHeap(): void {
  if (!collectAllAvailable()) {
    collectGarbage();
    collectGarbage();
  }
}
