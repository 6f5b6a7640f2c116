/**
 * GET /pipeline/stats?window=1h|1d: what the pipeline did lately, for the
 * console's pipeline page and for anyone who wants the figures as JSON.
 * Stories stored per time bucket (total and per feed) and failures per stage
 * come from the store's item outcomes; publication-to-stored latency from the
 * articles those outcomes created; queue depths from BullMQ, read now.
 */
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { ItemOutcome, OutcomeBucket, StoreLatency } from '../store/types.js';
import { parseParams } from './article-query.js';
import { type QueueCounts, readQueueCounts } from './metrics.js';

export const STATS_WINDOWS = {
  '1h': { spanMs: 3_600_000, bucketMs: 60_000 },
  '1d': { spanMs: 86_400_000, bucketMs: 15 * 60_000 },
} as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

export const STAGES = ['fetch', 'extract', 'enrich'] as const satisfies ReadonlyArray<ItemOutcome['stage']>;

export type PipelineStats = {
  window: StatsWindow;
  /** The buckets' width, and their start times (ms since the epoch), oldest first; the last is the current one. */
  bucketMs: number;
  buckets: number[];
  from: string;
  to: string;
  /** Articles created or updated by the pipeline per bucket: all feeds, and each feed (feeds with none left out). */
  stored: { total: number[]; byFeed: Record<string, number[]>; sum: number };
  /** Items that failed per bucket, by the stage they failed in. */
  failures: { byStage: Record<(typeof STAGES)[number], number[]>; sum: number };
  /** Publication to stored, in ms, of articles first stored in the window: per bucket (null: none) and over the window. */
  latency: { p50: Array<number | null>; p95: Array<number | null>; overall: { p50: number | null; p95: number | null; count: number } };
  /** Jobs per queue and state, now; null when this process has no queues to read. */
  queues: QueueCounts[] | null;
};

/** The nearest-rank percentile (0 < p <= 100) of ascending `sorted`; null when empty. Pure. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

/** The buckets of a window ending at `nowMs`: aligned to the epoch, the last one holding `nowMs`. Pure. */
export function bucketsOf(window: StatsWindow, nowMs: number): number[] {
  const { spanMs, bucketMs } = STATS_WINDOWS[window];
  const last = Math.floor(nowMs / bucketMs) * bucketMs;
  const count = spanMs / bucketMs;
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * bucketMs);
}

/** The stats from what the store and the queues said. Pure. */
export function buildPipelineStats(input: {
  window: StatsWindow;
  nowMs: number;
  outcomes: readonly OutcomeBucket[];
  latencies: readonly StoreLatency[];
  queues: QueueCounts[] | null;
}): PipelineStats {
  const { bucketMs } = STATS_WINDOWS[input.window];
  const buckets = bucketsOf(input.window, input.nowMs);
  const first = buckets[0] ?? 0;
  const indexOf = (at: number): number => {
    const i = Math.floor((at - first) / bucketMs);
    return i >= 0 && i < buckets.length ? i : -1;
  };
  const zeros = (): number[] => buckets.map(() => 0);

  const total = zeros();
  const byFeed: Record<string, number[]> = {};
  const byStage = Object.fromEntries(STAGES.map((s) => [s, zeros()])) as PipelineStats['failures']['byStage'];
  let storedSum = 0;
  let failedSum = 0;
  for (const o of input.outcomes) {
    const i = indexOf(o.at);
    if (i < 0) {
      continue;
    }
    if (o.stage === 'enrich' && o.status === 'stored' && o.changed) {
      total[i] = (total[i] ?? 0) + o.count;
      const feed = (byFeed[o.feedId] ??= zeros());
      feed[i] = (feed[i] ?? 0) + o.count;
      storedSum += o.count;
    } else if (o.status === 'failed') {
      const stage = byStage[o.stage];
      stage[i] = (stage[i] ?? 0) + o.count;
      failedSum += o.count;
    }
  }

  const perBucket: number[][] = buckets.map(() => []);
  const all: number[] = [];
  for (const l of input.latencies) {
    const i = indexOf(l.at);
    if (i >= 0) {
      perBucket[i]?.push(l.latencyMs);
      all.push(l.latencyMs);
    }
  }
  const asc = (xs: number[]): number[] => xs.sort((a, b) => a - b);
  for (const xs of perBucket) {
    asc(xs);
  }
  asc(all);

  return {
    window: input.window,
    bucketMs,
    buckets,
    from: new Date(first).toISOString(),
    to: new Date(input.nowMs).toISOString(),
    stored: { total, byFeed, sum: storedSum },
    failures: { byStage, sum: failedSum },
    latency: {
      p50: perBucket.map((xs) => percentile(xs, 50)),
      p95: perBucket.map((xs) => percentile(xs, 95)),
      overall: { p50: percentile(all, 50), p95: percentile(all, 95), count: all.length },
    },
    queues: input.queues,
  };
}

const StatsParams = z.object({ window: z.enum(['1h', '1d']).default('1h') }).strict();

export function registerPipelineStats(
  app: FastifyInstance,
  deps: { store: ArticleStore; queues?: Queue[]; log: Logger; now?: () => Date },
): void {
  app.get('/pipeline/stats', { config: { access: 'read' } }, async (request, reply) => {
    const { window } = parseParams(StatsParams, request.query);
    const nowMs = (deps.now?.() ?? new Date()).getTime();
    const since = bucketsOf(window, nowMs)[0] ?? nowMs;
    const [outcomes, latencies, queues] = await Promise.all([
      deps.store.countOutcomes(since, STATS_WINDOWS[window].bucketMs),
      deps.store.storeLatencies(since),
      deps.queues && deps.queues.length > 0 ? readQueueCounts(deps.queues, deps.log) : Promise.resolve(null),
    ]);
    reply.header('cache-control', 'no-store');
    return buildPipelineStats({ window, nowMs, outcomes, latencies, queues });
  });
}
