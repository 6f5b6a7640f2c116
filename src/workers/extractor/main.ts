import type { Worker } from 'bullmq';
import { stageConcurrency } from '../../config.js';
import { backlogGate, startStage, type StageEvent } from '../../queues/consumer.js';
import { createRobotsChecker } from '../../net/robots.js';
import { DEFAULT_USER_AGENT } from '../../net/safe-fetch.js';
import type { Runtime } from '../../runtime.js';
import { createExtractorPool } from './pool.js';
import { handleExtract, type ExtractDeps } from './handler.js';

export function startExtractor(rt: Runtime, onEvent?: (e: StageEvent<'extract'>) => void): Worker {
  // DOM work runs on worker threads so this event loop (and BullMQ's lock renewals) stays free.
  const pool = createExtractorPool({
    ...(rt.config.file.workers.extractorThreads ? { size: rt.config.file.workers.extractorThreads } : {}),
    releaseMemoryAfterMs: rt.config.file.workers.releaseMemoryAfter,
  });
  const ignoringRobots = new Set(rt.config.file.feeds.filter((f) => f.respectRobots === false).map((f) => f.id));
  const deps: ExtractDeps = {
    http: rt.http,
    robots: createRobotsChecker({
      http: rt.http,
      userAgent: rt.config.file.fetch.userAgent ?? DEFAULT_USER_AGENT,
      onFetch: (robotsUrl, outcome) => rt.log.debug({ robotsUrl, outcome }, 'robots.txt fetched'),
    }),
    ignoresRobots: (feedId) => ignoringRobots.has(feedId),
    extract: (html, url, hints) => pool.extract(html, url, hints),
    // Pages go to the threads as bytes: decoded there, not here and then copied.
    extractBytes: (page, url, hints) => pool.extractBytes(page, url, hints),
    now: () => new Date(),
  };
  const worker = startStage({
    queue: 'extract',
    connection: rt.workerRedis,
    prefix: rt.prefix,
    log: rt.log,
    concurrency: stageConcurrency(rt.config.file.workers, 'extractor'),
    // Extract no further ahead of the enrichers than maxEnrichBacklog articles.
    waitForRoom: backlogGate(() => rt.producer.queues.enrich.getWaitingCount(), rt.config.file.workers.maxEnrichBacklog),
    handle: (payload, ctx) => handleExtract(payload, deps, ctx),
    enqueue: rt.producer.enqueue,
    onEvent: async (e) => {
      if (e.outcome === 'failed' || e.outcome === 'skipped' || (e.outcome === 'done' && e.detail['method'] === 'feed-content')) {
        await rt.store.recordItemOutcome({
          feedId: e.payload.feedId,
          url: e.payload.url,
          stage: 'extract',
          status: e.outcome === 'done' ? 'fallback' : e.outcome,
          reason: e.outcome === 'failed' ? `${e.error.code}: ${e.error.message}` : e.outcome === 'skipped' ? e.reason : String(e.detail['reason'] ?? ''),
          at: new Date().toISOString(),
        });
      }
      onEvent?.(e);
    },
  });
  worker.on('closed', () => {
    void pool.close();
  });
  return worker;
}
