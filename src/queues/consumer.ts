import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError, PipelineError } from '../errors.js';
import type { Logger } from '../logger.js';
import { QUEUES, type JobRequest, type PayloadOf, type QueueKey, type StageResult } from './contracts.js';
import { stageDuration, stageJobs } from './metrics.js';

export type StageContext = {
  attempt: number;
  /** No retry follows this attempt: the handler should fall back rather than throw a retryable error. */
  finalAttempt: boolean;
  /**
   * This job was started before (a retry, or a worker died holding it): side
   * effects after a write may not have happened, so handlers redo them.
   */
  redelivered: boolean;
  log: Logger;
};

export type StageEvent<K extends QueueKey = QueueKey> = {
  stage: K;
  jobId: string;
  payload: PayloadOf<K>;
  ms: number;
} & (
  | { outcome: 'done'; detail: Record<string, unknown>; next: string[] }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'retry'; error: { code: string; message: string } }
  | { outcome: 'failed'; error: { code: string; message: string } }
);

export type StageOptions<K extends QueueKey> = {
  queue: K;
  connection: Redis;
  prefix: string;
  log: Logger;
  concurrency: number;
  handle: (payload: PayloadOf<K>, ctx: StageContext) => Promise<StageResult>;
  enqueue: (requests: readonly JobRequest[]) => Promise<string[]>;
  /** Every final outcome (and every retry), for summaries, item records and tests. */
  onEvent?: (event: StageEvent<K>) => void | Promise<void>;
  /**
   * Backpressure: awaited before each job is handled (see `backlogGate`), so a
   * stage stops running ahead of the next one while that one's queue is full.
   */
  waitForRoom?: () => Promise<void>;
  /** Lock and stall settings: a crashed worker's jobs come back in seconds. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** First retry delay, doubled on each retry (default 1 s); a Retry-After the error carries wins. */
  retryBaseMs?: number;
};

/** Longest wait a server's Retry-After may impose on a retry. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Delay before retry `attemptsMade` (1 = first retry): the server's
 * Retry-After when the error carries one (capped), else exponential from
 * `baseMs` with ±50 % jitter so retries of many jobs spread out.
 */
export function retryDelay(attemptsMade: number, err: unknown, random: () => number = Math.random, baseMs = 1_000): number {
  const retryAfter = (err as { retryAfterMs?: number | null } | undefined)?.retryAfterMs;
  if (typeof retryAfter === 'number' && retryAfter > 0) {
    return Math.min(retryAfter, MAX_RETRY_AFTER_MS);
  }
  const exp = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(exp * (0.5 + random()));
}

/**
 * Backpressure between two stages: the returned function resolves at once
 * while `depth()` (the next stage's waiting jobs) is under `max`, else waits,
 * re-reading it every `pollMs`, until it is. One reading serves every job
 * that asks within `pollMs`, so a busy stage adds one Redis call per
 * `pollMs`, not one per job. A failed reading lets the job through.
 *
 * Without it, a fast stage drains its whole queue into the next one: the
 * backlog moves into Redis (each extracted article is tens of kB) and, on a
 * machine shared with the slower stage, the fast stage's threads take CPU
 * the slower one needs, so the pipeline as a whole goes slower.
 */
export function backlogGate(
  depth: () => Promise<number>,
  max: number,
  opts: { pollMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): () => Promise<void> {
  const pollMs = opts.pollMs ?? 200;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  let reading: { at: number; value: Promise<number> } | null = null;
  const current = (): Promise<number> => {
    if (!reading || now() - reading.at >= pollMs) {
      reading = { at: now(), value: depth().catch(() => 0) };
    }
    return reading.value;
  };
  return async () => {
    while ((await current()) >= max) {
      await sleep(pollMs);
    }
  };
}

export const STALL_DEFAULTS = { lockDurationMs: 10_000, stalledIntervalMs: 3_000, maxStalledCount: 2 } as const;

/** The one BullMQ wrapper every stage runs in. */
export function startStage<K extends QueueKey>(o: StageOptions<K>): Worker {
  const { name, payload: schema } = QUEUES[o.queue];
  const emit = async (event: StageEvent<K>) => {
    try {
      await o.onEvent?.(event);
    } catch (err) {
      o.log.error({ err, queue: name }, 'stage event hook failed');
    }
  };

  const processor = async (job: Job) => {
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    let log = o.log.child({ stage: o.queue, jobId: job.id, attempt });
    let started = performance.now();
    const elapsed = () => performance.now() - started;
    const input = schema.safeParse(job.data);
    if (!input.success) {
      stageJobs.inc({ stage: o.queue, outcome: 'failed' });
      log.error({ issues: input.error.issues.slice(0, 5) }, 'job failed permanently: bad payload');
      throw new UnrecoverableError(`bad_payload: ${input.error.message}`);
    }
    const payload = input.data as PayloadOf<K>;
    const jobId = String(job.id);
    if (o.waitForRoom) {
      await o.waitForRoom();
      // Time spent waiting for room downstream is not handling time.
      started = performance.now();
    }
    log = log.child({ feedId: payload.feedId, ...('url' in payload ? { url: payload.url } : {}) });
    try {
      const redelivered = job.attemptsStarted > 1 || job.stalledCounter > 0 || job.attemptsMade > 0;
      const result = await o.handle(payload, { attempt, finalAttempt: attempt >= maxAttempts, redelivered, log });
      if (result.status === 'done') {
        const next = await o.enqueue(result.next ?? []);
        await result.afterEnqueue?.();
        const ms = elapsed();
        stageJobs.inc({ stage: o.queue, outcome: 'done' });
        stageDuration.observe({ stage: o.queue }, ms / 1000);
        log.info({ ms: Math.round(ms), next: next.length, ...result.detail }, 'job done');
        await emit({ stage: o.queue, jobId, payload, ms, outcome: 'done', detail: result.detail ?? {}, next });
        return { status: 'done', next, ...result.detail };
      }
      const ms = elapsed();
      stageJobs.inc({ stage: o.queue, outcome: 'skipped' });
      stageDuration.observe({ stage: o.queue }, ms / 1000);
      log.info({ ms: Math.round(ms), reason: result.reason }, 'job skipped');
      await emit({ stage: o.queue, jobId, payload, ms, outcome: 'skipped', reason: result.reason });
      return { status: 'skipped', reason: result.reason };
    } catch (err) {
      const ms = elapsed();
      const error = describeError(err);
      const permanent = (err instanceof PipelineError && !err.retryable) || err instanceof UnrecoverableError;
      if (permanent || attempt >= maxAttempts) {
        stageJobs.inc({ stage: o.queue, outcome: 'failed' });
        log.error({ err, ms: Math.round(ms) }, permanent ? 'job failed permanently' : 'job failed after last attempt');
        await emit({ stage: o.queue, jobId, payload, ms, outcome: 'failed', error });
        if (permanent) {
          throw new UnrecoverableError(`${error.code}: ${error.message}`);
        }
        throw err;
      }
      stageJobs.inc({ stage: o.queue, outcome: 'retried' });
      log.warn({ err, ms: Math.round(ms) }, 'job failed, will retry');
      await emit({ stage: o.queue, jobId, payload, ms, outcome: 'retry', error });
      throw err;
    }
  };

  const worker = new Worker(name, processor, {
    connection: o.connection,
    prefix: o.prefix,
    concurrency: o.concurrency,
    lockDuration: o.lockDurationMs ?? STALL_DEFAULTS.lockDurationMs,
    stalledInterval: o.stalledIntervalMs ?? STALL_DEFAULTS.stalledIntervalMs,
    maxStalledCount: STALL_DEFAULTS.maxStalledCount,
    settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelay(attemptsMade, err, Math.random, o.retryBaseMs) },
  });
  worker.on('error', (err) => o.log.error({ err, queue: name }, 'worker error'));
  return worker;
}
