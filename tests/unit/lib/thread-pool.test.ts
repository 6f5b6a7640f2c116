import { afterEach, describe, expect, it } from 'vitest';
import { createThreadPool, type ThreadPool } from '../../../src/lib/thread-pool.js';

type Job =
  | { op: 'limits' }
  | { op: 'echo'; value: unknown }
  | { op: 'spin'; ms: number }
  | { op: 'signal'; flag: SharedArrayBuffer }
  | { op: 'watch'; flag: SharedArrayBuffer }
  | { op: 'exit' }
  | { op: 'hang' };

const pools: Array<ThreadPool<Job, unknown>> = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(
  opts: { size?: number; depth?: number; timeoutMs?: number; maxHeapMb?: number; maxYoungMb?: number; releaseMemoryAfterMs?: number } = {},
): ThreadPool<Job, unknown> {
  const p = createThreadPool<Job, unknown>({
    moduleUrl: new URL('../../helpers/thread-pool-worker.ts', import.meta.url),
    size: opts.size ?? 1,
    ...(opts.depth ? { depth: opts.depth } : {}),
    ...(opts.maxHeapMb ? { maxHeapMb: opts.maxHeapMb } : {}),
    ...(opts.maxYoungMb ? { maxYoungMb: opts.maxYoungMb } : {}),
    ...(opts.releaseMemoryAfterMs !== undefined ? { releaseMemoryAfterMs: opts.releaseMemoryAfterMs } : {}),
    timeoutMs: opts.timeoutMs ?? 10_000,
    message: (job) => job,
    describeTimeout: (job) => `${job.op} overran`,
    threadError: (why) => new Error(`thread ${why}`),
    bootError: (why) => new Error(`boot: ${why}`),
    closedError: () => new Error('pool closed'),
  });
  pools.push(p);
  return p;
}

/**
 * Runs a long job, then a job that raises a shared flag, and blocks this
 * thread (as a synchronous database write would) until the flag is up or
 * `waitMs` has passed: whether the thread got to the second job without this
 * thread's help.
 */
async function startsNextWhileCallerBlocked(p: ThreadPool<Job, unknown>, waitMs: number): Promise<string> {
  await p.run({ op: 'echo', value: 'ready' });
  const flag = new SharedArrayBuffer(4);
  const first = p.run({ op: 'spin', ms: 30 });
  const second = p.run({ op: 'signal', flag });
  const seen = Atomics.wait(new Int32Array(flag), 0, 0, waitMs);
  await Promise.all([first, second]);
  return seen;
}

/**
 * Leaves an unreachable object in the pool's thread, has it work for 300 ms,
 * then waits up to `waitMs` while it has nothing to do: whether a garbage
 * collection took the object. An idle thread allocates nothing, so V8 has no
 * reason of its own to collect.
 */
async function collectedWhileQuiet(p: ThreadPool<Job, unknown>, waitMs: number): Promise<boolean> {
  await p.run({ op: 'echo', value: 'ready' });
  const flag = new SharedArrayBuffer(4);
  await p.run({ op: 'watch', flag });
  await p.run({ op: 'spin', ms: 300 });
  const view = new Int32Array(flag);
  const end = Date.now() + waitMs;
  while (Atomics.load(view, 0) === 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return Atomics.load(view, 0) === 1;
}

describe(createThreadPool.name, () => {
  it('has a thread collect its heap once it has been quiet for releaseMemoryAfterMs after work', async () => {
    expect(await collectedWhileQuiet(pool({ releaseMemoryAfterMs: 200 }), 10_000)).toBe(true);
  });

  it('leaves an idle thread heap alone when releaseMemoryAfterMs is 0', async () => {
    expect(await collectedWhileQuiet(pool({ releaseMemoryAfterMs: 0 }), 2_500)).toBe(false);
  });

  it('lets a thread start its next job while the caller is blocked when depth is 2', async () => {
    expect(await startsNextWhileCallerBlocked(pool({ depth: 2 }), 10_000)).toBe('ok');
  });

  it('has the thread wait for the caller between jobs when depth is 1', async () => {
    expect(await startsNextWhileCallerBlocked(pool({ depth: 1 }), 300)).toBe('timed-out');
  });

  it('returns every job its own result, in any mix of threads and depth', async () => {
    const p = pool({ size: 2, depth: 3 });
    const values = Array.from({ length: 20 }, (_, i) => i);
    expect(await Promise.all(values.map((value) => p.run({ op: 'echo', value })))).toEqual(values);
  });

  it('fails only the running job when its thread dies, and runs the jobs queued behind it on a new thread', async () => {
    const p = pool({ depth: 3 });
    await p.run({ op: 'echo', value: 'ready' });
    const results = await Promise.allSettled([p.run({ op: 'exit' }), p.run({ op: 'echo', value: 'a' }), p.run({ op: 'echo', value: 'b' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/exited with code 3/) } });
    expect(results.slice(1)).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'fulfilled', value: 'b' },
    ]);
  });

  it('times out only the running job and gives the one queued behind it a fresh budget on a new thread', async () => {
    const p = pool({ depth: 2, timeoutMs: 400 });
    await p.run({ op: 'echo', value: 'ready' });
    const results = await Promise.allSettled([p.run({ op: 'hang' }), p.run({ op: 'spin', ms: 250 })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'thread hang overran' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: 'spun' });
  });

  it('runs its threads under the heap caps it is given', async () => {
    const limits = await pool({ maxHeapMb: 96, maxYoungMb: 12 }).run({ op: 'limits' });
    expect(limits).toMatchObject({ maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 12 });
  });

  it('rejects running, queued and new jobs once closed', async () => {
    const p = pool({ depth: 2 });
    await p.run({ op: 'echo', value: 'ready' });
    const pending = [p.run({ op: 'spin', ms: 200 }), p.run({ op: 'echo', value: 1 }), p.run({ op: 'echo', value: 2 })].map((x) => x.then(() => 'done', (e: Error) => e.message));
    await p.close();
    expect(await Promise.all(pending)).toEqual(['pool closed', 'pool closed', 'pool closed']);
    await expect(p.run({ op: 'echo', value: 3 })).rejects.toThrow('pool closed');
  });
});
