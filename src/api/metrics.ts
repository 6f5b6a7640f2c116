/**
 * GET /metrics: prom-client's default registry (stage counters and histograms,
 * registered by the workers) merged with gauges this module computes at scrape
 * time: queue depths, feeds by health, store size, open SSE streams.
 */
import type { Queue } from 'bullmq';
import { Gauge, Registry, register as defaultRegistry } from 'prom-client';
import type { Logger } from '../logger.js';
import type { ArticleStore } from '../store/article-store.js';
import { FEED_HEALTH_STATUSES, countFeedsByHealth } from './feed-health.js';
import { withTimeout } from '../lib/with-timeout.js';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed'] as const;

export type ApiMetrics = {
  /** Prometheus text of the default registry plus the API's gauges. */
  render(): Promise<{ contentType: string; body: string }>;
  sseClients: Gauge;
};

type StoreWithStats = ArticleStore & { stats?: () => Promise<{ articles: number; sizeBytes?: number }> };

const SCRAPE_TIMEOUT_MS = 3_000;

export type QueueCounts = { queue: string; counts: Record<(typeof QUEUE_STATES)[number], number> };

/** Jobs in each queue by state; a queue whose counts fail or hang is left out (and logged). */
export async function readQueueCounts(queues: readonly Queue[], log: Logger): Promise<QueueCounts[]> {
  const read = await Promise.all(
    queues.map(async (q): Promise<QueueCounts | null> => {
      try {
        const counts = await withTimeout(q.getJobCounts(...QUEUE_STATES), SCRAPE_TIMEOUT_MS, `queue ${q.name}`);
        return { queue: q.name, counts: Object.fromEntries(QUEUE_STATES.map((s) => [s, counts[s] ?? 0])) as QueueCounts['counts'] };
      } catch (err) {
        log.warn({ err, queue: q.name }, 'queue depth unavailable');
        return null;
      }
    }),
  );
  return read.filter((c): c is QueueCounts => c !== null);
}

/** One registry per server instance, so several servers (tests) never clash on metric names. */
export function createApiMetrics(deps: { store: ArticleStore; queues?: Queue[]; log: Logger }): ApiMetrics {
  const registry = new Registry();
  const { store, log } = deps;
  const queues = deps.queues ?? [];

  const queueJobs = new Gauge({
    name: 'telex_queue_jobs',
    help: 'Jobs in each queue by state, read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
  });
  const feeds = new Gauge({
    name: 'telex_feeds',
    help: 'Registered feeds by health (ok, failing, pending, retired).',
    labelNames: ['health'] as const,
    registers: [registry],
  });
  const storeArticles = new Gauge({
    name: 'telex_store_articles',
    help: 'Articles in the store.',
    registers: [registry],
  });
  const storeSize = new Gauge({
    name: 'telex_store_size_bytes',
    help: 'Bytes on disk used by the article store, when the backend reports it.',
    registers: [registry],
  });
  const sseClients = new Gauge({
    name: 'telex_api_stream_clients',
    help: 'Open GET /stream connections.',
    registers: [registry],
  });

  /** Reads every gauge's source; a source that fails or hangs leaves its gauge empty for this scrape. */
  async function refresh(): Promise<void> {
    queueJobs.reset();
    feeds.reset();
    storeArticles.reset();
    storeSize.reset();
    const tasks = [
      (async () => {
        for (const { queue, counts } of await readQueueCounts(queues, log)) {
          for (const state of QUEUE_STATES) {
            queueJobs.set({ queue, state }, counts[state]);
          }
        }
      })(),
      (async () => {
        try {
          const counts = countFeedsByHealth(await withTimeout(store.listFeeds(), SCRAPE_TIMEOUT_MS, 'feeds'));
          for (const health of FEED_HEALTH_STATUSES) {
            feeds.set({ health }, counts[health]);
          }
        } catch (err) {
          log.warn({ err }, 'feed health unavailable');
        }
      })(),
      (async () => {
        try {
          const s = store as StoreWithStats;
          if (typeof s.stats === 'function') {
            const stats = await withTimeout(s.stats(), SCRAPE_TIMEOUT_MS, 'store stats');
            storeArticles.set(stats.articles);
            if (typeof stats.sizeBytes === 'number') {
              storeSize.set(stats.sizeBytes);
            }
          } else {
            storeArticles.set(await withTimeout(store.countArticles(), SCRAPE_TIMEOUT_MS, 'article count'));
          }
        } catch (err) {
          log.warn({ err }, 'store size unavailable');
        }
      })(),
    ];
    await Promise.all(tasks);
  }

  return {
    sseClients,
    async render() {
      await refresh();
      const own = await registry.metrics();
      const shared = await defaultRegistry.metrics();
      const body = [shared.trimEnd(), own.trimEnd()].filter((s) => s.length > 0).join('\n\n');
      return { contentType: defaultRegistry.contentType, body: `${body}\n` };
    },
  };
}
