import { availableParallelism } from 'node:os';
import { PipelineError } from '../../errors.js';
import { moduleBeside } from '../../lib/thread-boot.js';
import { createThreadPool } from '../../lib/thread-pool.js';
import type { ExtractedArticle } from '../../queues/contracts.js';
import type { EnrichOptions } from './enrich-article.js';
import { MODEL_FILES, sharedPacks } from './model-pack.js';
import type { Enriched } from './pool-protocol.js';

export type { Enriched } from './pool-protocol.js';

export type EnricherPoolOptions = {
  /** Worker threads; defaults to the number of cores. */
  size?: number;
  /** Time budget per article; a thread that exceeds it is terminated and replaced. */
  timeoutMs?: number;
  /** Heap cap per thread, in MiB; it also makes V8 collect early, which keeps RSS flat. */
  maxHeapMb?: number;
  /** Articles handed to a thread at once, so it never waits for this event loop between two (see ThreadPoolOptions.depth). */
  depth?: number;
  /** Quiet time after which a thread collects its heap (see ThreadPoolOptions.releaseMemoryAfterMs). */
  releaseMemoryAfterMs?: number;
};

export type EnricherPool = {
  /** Runs enrichArticle and the fingerprint for one article in a worker thread. */
  enrich(article: ExtractedArticle, options: EnrichOptions): Promise<Enriched>;
  close(): Promise<void>;
};

export const ENRICHER_POOL_DEFAULTS = { timeoutMs: 30_000, maxHeapMb: 192, maxYoungMb: 16, depth: 2 } as const;

type Job = { article: ExtractedArticle; options: EnrichOptions };

const WORKER_URL = moduleBeside(import.meta.url, './pool-worker');

/**
 * A pool of worker threads running the enricher's core (topics, entities,
 * keywords, language, MinHash), so one enricher process can use more than one
 * core: its event loop keeps only the store and Redis work, and keeps doing
 * it while articles are being tagged. The trained models are read once, here,
 * into shared memory that every thread uses (model-pack.ts), instead of one
 * copy per thread. Jobs queue when every thread is busy. A
 * thread that crashes or overruns the time budget is replaced and its article
 * fails with a retryable error; other articles are unaffected.
 */
export function createEnricherPool(opts: EnricherPoolOptions = {}): EnricherPool {
  const timeoutMs = opts.timeoutMs ?? ENRICHER_POOL_DEFAULTS.timeoutMs;
  const pool = createThreadPool<Job, Enriched>({
    moduleUrl: WORKER_URL,
    size: opts.size ?? availableParallelism(),
    workerData: { models: sharedPacks(Object.values(MODEL_FILES)) },
    timeoutMs,
    maxHeapMb: opts.maxHeapMb ?? ENRICHER_POOL_DEFAULTS.maxHeapMb,
    maxYoungMb: ENRICHER_POOL_DEFAULTS.maxYoungMb,
    depth: opts.depth ?? ENRICHER_POOL_DEFAULTS.depth,
    ...(opts.releaseMemoryAfterMs !== undefined ? { releaseMemoryAfterMs: opts.releaseMemoryAfterMs } : {}),
    message: (job, thread) => {
      // Options go to a thread only when they changed since its last job.
      const sendOptions = thread.options !== job.options;
      thread.options = job.options;
      return { article: job.article, ...(sendOptions ? { options: job.options } : {}) };
    },
    describeTimeout: (job) => `enrichment of ${job.article.url} exceeded ${timeoutMs} ms`,
    threadError: (why, kind) => new PipelineError('timeout', true, kind === 'timeout' ? why : `enricher thread ${why}`),
    bootError: (why) => new PipelineError('config', true, `enricher threads fail to start: ${why}`),
    closedError: () => new PipelineError('config', true, 'enricher pool closed before the article was enriched'),
  });
  return {
    enrich: (article, options) => pool.run({ article, options }),
    close: () => pool.close(),
  };
}
