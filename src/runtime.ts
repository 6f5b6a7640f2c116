import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createHostLimiter, hostKey } from './net/host-limiter.js';
import { createHttpClient, proxyFromEnv } from './net/safe-fetch.js';
import type { HttpClient } from './net/types.js';
import { assertClusterPrefix, createRedis, waitReady } from './queues/connection.js';
import { createProducer, type Producer } from './queues/producer.js';
import { openStore } from './store/index.js';
import { mediaTopicDescendants } from './topic-expander.js';
import type { FullArticleStore } from './store/article-store.js';
import { createWebSub, type WebSubService } from './workers/fetcher/websub.js';

/** Everything a role needs, built once per process (the composition root's parts). */
export type Runtime = {
  config: Config;
  log: Logger;
  prefix: string;
  redisUrl: string;
  workerRedis: Redis;
  producerRedis: Redis;
  producer: Producer;
  store: FullArticleStore;
  http: HttpClient;
  topicsPath: string;
  eventsStreamKey: string;
  /** WebSub subscriber; null while no public URL is configured (websub.publicUrl / WEBSUB_PUBLIC_URL). */
  websub: WebSubService | null;
  /** Closes producer, connections and store, in that order (workers are closed by their owner first). */
  close(): Promise<void>;
};

export async function createRuntime(
  config: Config,
  log: Logger,
  /** `enriches`: this process runs the enricher, the store's main writer (SQLite checkpoints then run on a thread). */
  opts: { redisUrl: string; prefix?: string; enriches?: boolean },
): Promise<Runtime> {
  const prefix = opts.prefix ?? config.env.QUEUE_PREFIX;
  assertClusterPrefix(opts.redisUrl, prefix);
  const versions = config.file.versions;
  const store = await openStore(config.env.DATABASE_URL, {
    topicExpander: mediaTopicDescendants,
    versions: { keep: versions.keep, ...(versions.maxAge !== undefined ? { maxAgeMs: versions.maxAge } : {}) },
    ...(opts.enriches
      ? { backgroundCheckpoint: { onFailure: (err: Error) => log.warn({ err: err.message }, 'SQLite checkpoints are back in the commits') } }
      : {}),
  });
  const workerRedis = createRedis(opts.redisUrl, 'worker');
  const producerRedis = createRedis(opts.redisUrl, 'producer');
  for (const r of [workerRedis, producerRedis]) {
    r.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  }
  try {
    await Promise.all([waitReady(workerRedis), waitReady(producerRedis)]);
  } catch (err) {
    workerRedis.disconnect();
    producerRedis.disconnect();
    await store.close();
    throw err;
  }
  for (const f of config.file.feeds) {
    await store.upsertFeed({ id: f.id, url: f.url, title: f.title ?? null, intervalMs: f.interval ?? null, ...(f.categories ? { categories: f.categories } : {}) });
  }
  const fetchOpts = config.file.fetch;
  const direct = createHttpClient({
    allow: fetchOpts.allow,
    ...(fetchOpts.userAgent ? { userAgent: fetchOpts.userAgent } : {}),
    ...(fetchOpts.timeout ? { timeoutMs: fetchOpts.timeout } : {}),
    ...(fetchOpts.maxBytes ? { maxBytes: fetchOpts.maxBytes } : {}),
    ...proxyFromEnv({ HTTPS_PROXY: config.env.HTTPS_PROXY, HTTP_PROXY: config.env.HTTP_PROXY, NO_PROXY: config.env.NO_PROXY }),
  });
  // Politeness per host, shared by every process on this Redis (not the private run prefix).
  const limiter = createHostLimiter(producerRedis, {
    prefix: config.env.QUEUE_PREFIX,
    maxConcurrent: fetchOpts.perHost.concurrency,
    perMinute: fetchOpts.perHost.perMinute,
  });
  const http: HttpClient = {
    async get(url, o) {
      const release = await limiter.acquire(hostKey(url), o?.signal, o?.minSpacingMs ? { minSpacingMs: o.minSpacingMs } : undefined);
      try {
        return await direct.get(url, o);
      } finally {
        await release().catch((err) => log.warn({ err }, 'could not release host slot'));
      }
    },
  };
  const producer = createProducer(producerRedis, prefix, (err, queue) => log.warn({ err: err.message, queue }, 'queue connection error'));
  const publicUrl = config.env.WEBSUB_PUBLIC_URL ?? config.file.websub.publicUrl;
  const ws = config.file.websub;
  const websub = publicUrl
    ? createWebSub(
        { store, hub: direct, log: log.child({ component: 'websub' }), enqueue: (jobs) => producer.enqueue(jobs) },
        { publicUrl, leaseMs: ws.lease, renewBeforeMs: ws.renewBefore, pollEveryMs: ws.pollInterval, retryAfterMs: ws.retryAfter },
      )
    : null;
  return {
    config,
    log,
    prefix,
    redisUrl: opts.redisUrl,
    workerRedis,
    producerRedis,
    producer,
    store,
    http,
    topicsPath: config.file.topicsFile,
    eventsStreamKey: `${config.env.QUEUE_PREFIX}:articles`,
    websub,
    async close() {
      await producer.close().catch((err) => log.error({ err }, 'producer close failed'));
      await Promise.all([workerRedis.quit(), producerRedis.quit()]).catch(() => {
        workerRedis.disconnect();
        producerRedis.disconnect();
      });
      await store.close();
      direct.close();
    },
  };
}
