import { Worker } from 'node:worker_threads';
import { PipelineError, type ErrorCode } from '../errors.js';
import { IDLE_DEFAULTS } from './idle-release.js';
import { threadBootSource } from './thread-boot.js';

/** What a pool thread posts back: `{ ready: true }` once, then one reply per job. */
export type ThreadReady = { ready: true };
export type ThreadReply<R> =
  | { id: number; ok: true; value: R }
  | { id: number; ok: false; error: { code?: ErrorCode | null; retryable: boolean; message: string } };

export type ThreadPoolOptions<J> = {
  /** The worker module: compiled JavaScript, or TypeScript loaded through tsx (tests, benchmarks). */
  moduleUrl: URL;
  size: number;
  /** Time budget per job; a thread that exceeds it is terminated and replaced. */
  timeoutMs: number;
  workerData?: unknown;
  /** Old-generation heap cap per thread, in MiB: a job that blows it fails alone. */
  maxHeapMb?: number;
  /**
   * Young-generation cap per thread, in MiB. V8 grows a busy thread's young
   * generation to 48 MiB by default; capped, a process's memory stays near its
   * size at start instead of growing by that much per thread under load.
   */
  maxYoungMb?: number;
  /**
   * Jobs handed to a thread at once (default 1). Above 1, a thread finds its
   * next job already in its message queue when it finishes one, instead of
   * idling until the caller's event loop reads the reply and sends more: that
   * loop may be busy (a synchronous database write) for milliseconds at a time.
   * `message` is called again if a job moves to another thread.
   */
  depth?: number;
  /**
   * A thread that has worked and then had nothing to do for this long
   * releases memory (idle-release.ts: a full collection; default
   * IDLE_DEFAULTS.afterMs; 0: never).
   */
  releaseMemoryAfterMs?: number;
  /** The message that hands `job` to a thread; `state` is that thread's own, kept between jobs. */
  message(job: J, state: Record<string, unknown>): unknown;
  /** Buffers of that message moved to the thread rather than copied (they are unusable here afterwards). */
  transfer?(message: unknown): ArrayBuffer[];
  /** Why a job overran its budget, for its error. */
  describeTimeout(job: J): string;
  /** The error of a job whose thread crashed or overran. */
  threadError(why: string, kind: 'crash' | 'timeout'): Error;
  /** The error of every queued job once threads keep dying before they start. */
  bootError(why: string): Error;
  /** The error of jobs still waiting when the pool closes (retryable: they belong elsewhere). */
  closedError(): Error;
};

export type ThreadPool<J, R> = {
  run(job: J): Promise<R>;
  close(): Promise<void>;
};

/** `--cpu-prof`, `--cpu-prof-dir=...`, `--heap-prof`... of this process: passed on to pool threads. */
const PROFILER_ARGS = process.execArgv.filter((a) => /^--(?:cpu|heap)-prof(?:$|-[a-z]+=.)/.test(a));

type Task<J, R> = { id: number; job: J; resolve: (v: R) => void; reject: (e: unknown) => void };

type Slot<J, R> = {
  worker: Worker;
  ready: boolean;
  /** Jobs sent to this thread, in the order it runs them: the first is running. */
  tasks: Array<Task<J, R>>;
  /** The running job's time budget. */
  timer: NodeJS.Timeout | null;
  state: Record<string, unknown>;
};

/**
 * A pool of worker threads for CPU work that must not block the caller's event
 * loop. Each thread runs one job at a time and holds up to `depth` (the rest
 * wait in its message queue); further jobs queue here. A
 * thread warms up and says it is ready before it takes work. A job that
 * overruns its time budget, or whose thread crashes, fails alone and its
 * thread is replaced (jobs sent to it that had not started go to another
 * thread); three threads in a row dying before they are ready is a
 * broken install, and waiting jobs fail with `bootError`.
 */
export function createThreadPool<J, R>(o: ThreadPoolOptions<J>): ThreadPool<J, R> {
  const size = Math.max(1, o.size);
  const depth = Math.max(1, Math.floor(o.depth ?? 1));
  const boot = threadBootSource(o.moduleUrl, { releaseMemoryAfterMs: o.releaseMemoryAfterMs ?? IDLE_DEFAULTS.afterMs });
  const queue: Array<Task<J, R>> = [];
  const slots: Array<Slot<J, R>> = [];
  let nextId = 1;
  let closed = false;
  /** Threads that died before ever becoming ready, in a row. */
  let bootFailures = 0;

  const spawn = (): void => {
    const worker = new Worker(boot, {
      eval: true,
      // The boot code loads what the module needs (tsx for TypeScript); inherit no --import,
      // only the profiler's flags, so `node --cpu-prof` profiles the pool's threads too.
      execArgv: PROFILER_ARGS,
      workerData: o.workerData,
      resourceLimits: {
        ...(o.maxHeapMb ? { maxOldGenerationSizeMb: o.maxHeapMb } : {}),
        ...(o.maxYoungMb ? { maxYoungGenerationSizeMb: o.maxYoungMb } : {}),
      },
      stdout: false,
      stderr: false,
    });
    const slot: Slot<J, R> = { worker, ready: false, tasks: [], timer: null, state: {} };
    worker.on('message', (msg: ThreadReply<R> | ThreadReady) => {
      if ('ready' in msg) {
        slot.ready = true;
        bootFailures = 0;
        pump();
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.id !== msg.id) {
        return;
      }
      slot.tasks.shift();
      startBudget(slot);
      if (msg.ok) {
        task.resolve(msg.value);
      } else if (msg.error.code) {
        task.reject(new PipelineError(msg.error.code, msg.error.retryable, msg.error.message));
      } else {
        task.reject(new Error(msg.error.message));
      }
      pump();
    });
    worker.on('error', (err) => fail(slot, o.threadError(`crashed: ${err.message}`, 'crash')));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) {
        fail(slot, o.threadError(`exited with code ${code}`, 'crash'));
      }
    });
    slots.push(slot);
  };

  /** Starts the time budget of the job the thread runs now (its first), if any. */
  const startBudget = (slot: Slot<J, R>): void => {
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = null;
    }
    const head = slot.tasks[0];
    if (head) {
      slot.timer = setTimeout(() => fail(slot, o.threadError(o.describeTimeout(head.job), 'timeout')), o.timeoutMs);
    }
  };

  /** Drops a broken thread, rejects the job it was running, requeues the ones it had not started, and starts a replacement. */
  const fail = (slot: Slot<J, R>, err: Error): void => {
    const i = slots.indexOf(slot);
    if (i < 0) {
      return;
    }
    slots.splice(i, 1);
    const [task, ...unstarted] = slot.tasks;
    slot.tasks = [];
    startBudget(slot);
    queue.unshift(...unstarted);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    task?.reject(err);
    if (!slot.ready) {
      bootFailures++;
    }
    if (bootFailures >= 3) {
      const bootErr = o.bootError(err.message);
      for (const queued of queue.splice(0)) {
        queued.reject(bootErr);
      }
      if (slots.length === 0) {
        bootFailures = 0;
      }
      return;
    }
    if (!closed) {
      spawn();
      pump();
    }
  };

  /** Hands queued jobs to ready threads, the least loaded first, up to `depth` each. */
  const pump = (): void => {
    for (let load = 0; load < depth; load++) {
      for (const slot of slots) {
        if (queue.length === 0) {
          return;
        }
        if (!slot.ready || slot.tasks.length !== load) {
          continue;
        }
        const task = queue.shift() as Task<J, R>;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) {
          startBudget(slot);
        }
        const message = o.message(task.job, slot.state) as object;
        slot.worker.postMessage({ id: task.id, ...message }, o.transfer?.(message));
      }
    }
  };

  for (let i = 0; i < size; i++) {
    spawn();
  }

  return {
    run(job: J): Promise<R> {
      if (closed) {
        return Promise.reject(o.closedError());
      }
      // Threads lost to a failed start are brought back on the next job.
      while (slots.length < size) {
        spawn();
      }
      return new Promise<R>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      if (closed) {
        return;
      }
      closed = true;
      const err = o.closedError();
      for (const task of queue.splice(0)) {
        task.reject(err);
      }
      const all = slots.splice(0);
      for (const slot of all) {
        const tasks = slot.tasks;
        slot.tasks = [];
        startBudget(slot);
        for (const task of tasks) {
          task.reject(err);
        }
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => {});
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
