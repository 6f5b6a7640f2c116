/**
 * The webhooks role: the dispatcher (article events -> delivery jobs) and the
 * deliver-webhook worker, in one process. Runs with `telex start` (role `all`)
 * or alone (`telex start --role webhooks`), any number of replicas.
 */
import { hostname } from 'node:os';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { SafeHttpClient } from '../net/safe-fetch.js';
import { toNinjs } from '../ninjs/to-ninjs.js';
import { startStage } from '../queues/consumer.js';
import type { JobRequest } from '../queues/contracts.js';
import type { Runtime } from '../runtime.js';
import type { FullArticleStore } from '../store/article-store.js';
import { handleDeliver } from './deliver.js';
import { startDispatcher } from './dispatch.js';

export type WebhookServiceOptions = {
  store: FullArticleStore;
  /** Worker connection (BullMQ); the dispatcher duplicates it for its blocking reads. */
  workerRedis: Redis;
  prefix: string;
  streamKey: string;
  enqueue(requests: readonly JobRequest[]): Promise<string[]>;
  http: Pick<SafeHttpClient, 'post'>;
  log: Logger;
  expandTopic?: (code: string) => string[];
  concurrency?: number;
  timeoutMs?: number;
  retryBaseMs?: number;
  pauseAfter?: number;
  keepLog?: number;
  /** Dispatcher tuning (tests). */
  blockMs?: number;
  claimIdleMs?: number;
};

export const WEBHOOK_DEFAULTS = { concurrency: 8, timeoutMs: 10_000, retryBaseMs: 10_000, pauseAfter: 20, keepLog: 100 } as const;

export function startWebhookService(o: WebhookServiceOptions): { worker: Worker; close(): Promise<void> } {
  const worker = startStage({
    queue: 'deliver',
    connection: o.workerRedis,
    prefix: o.prefix,
    log: o.log,
    concurrency: o.concurrency ?? WEBHOOK_DEFAULTS.concurrency,
    retryBaseMs: o.retryBaseMs ?? WEBHOOK_DEFAULTS.retryBaseMs,
    enqueue: o.enqueue,
    handle: (payload, ctx) =>
      handleDeliver(
        payload,
        {
          access: o.store.access,
          getArticle: (id) => o.store.getArticle(id),
          http: o.http,
          toNinjs,
          now: () => new Date(),
          timeoutMs: o.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs,
          pauseAfter: o.pauseAfter ?? WEBHOOK_DEFAULTS.pauseAfter,
          keepLog: o.keepLog ?? WEBHOOK_DEFAULTS.keepLog,
        },
        ctx,
      ),
  });
  const dispatcher = startDispatcher({
    redis: o.workerRedis.duplicate(),
    streamKey: o.streamKey,
    consumer: `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    deps: { access: o.store.access, store: o.store, enqueue: o.enqueue, ...(o.expandTopic ? { expandTopic: o.expandTopic } : {}) },
    log: o.log,
    ...(o.blockMs !== undefined ? { blockMs: o.blockMs } : {}),
    ...(o.claimIdleMs !== undefined ? { claimIdleMs: o.claimIdleMs } : {}),
  });
  return {
    worker,
    async close() {
      await dispatcher.close();
      await worker.close();
    },
  };
}

/** The webhooks role of a `telex start` process. */
export async function startWebhooks(rt: Runtime): Promise<{ worker: Worker; close(): Promise<void> }> {
  const { createHttpClient, proxyFromEnv } = await import('../net/safe-fetch.js');
  const { mediaTopicDescendants } = await import('../topic-expander.js');
  const cfg = rt.config.file.webhooks;
  const env = rt.config.env;
  const http = createHttpClient({
    allow: rt.config.file.fetch.allow,
    ...(rt.config.file.fetch.userAgent ? { userAgent: rt.config.file.fetch.userAgent } : {}),
    timeoutMs: cfg.timeout,
    ...proxyFromEnv({ HTTPS_PROXY: env.HTTPS_PROXY, HTTP_PROXY: env.HTTP_PROXY, NO_PROXY: env.NO_PROXY }),
  });
  const service = startWebhookService({
    store: rt.store,
    workerRedis: rt.workerRedis,
    prefix: rt.prefix,
    streamKey: rt.eventsStreamKey,
    enqueue: (requests) => rt.producer.enqueue(requests),
    http,
    log: rt.log,
    expandTopic: mediaTopicDescendants,
    concurrency: cfg.concurrency,
    timeoutMs: cfg.timeout,
    retryBaseMs: cfg.retryBase,
    pauseAfter: cfg.pauseAfter,
    keepLog: cfg.logSize,
  });
  return {
    worker: service.worker,
    async close() {
      await service.close();
      http.close();
    },
  };
}
