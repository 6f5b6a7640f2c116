import { statSync, readFileSync } from 'node:fs';
import type { Worker } from 'bullmq';
import { poolThreads, stageConcurrency } from '../../config.js';
import { startStage, type StageEvent } from '../../queues/consumer.js';
import type { Runtime } from '../../runtime.js';
import { publishArticleEvent } from '../../store/article-events.js';
import type { ItemOutcome } from '../../store/types.js';
import type { EnrichOptions } from './enrich-article.js';
import { handleEnrich } from './handler.js';
import { createEnricherPool } from './pool.js';
import { batchUpserts, groupCommit } from './upsert-batch.js';
import { parseTopicsConfig } from './topics-config.js';

/**
 * Custom topics from a YAML file, re-read whenever its modification time changes,
 * so newsroom topics change without a restart. A broken edit keeps the last good set.
 */
export function watchTopics(path: string, log: Runtime['log']): () => EnrichOptions {
  let mtime = -1;
  let current: EnrichOptions = {};
  return () => {
    let m: number;
    try {
      m = statSync(path).mtimeMs;
    } catch {
      return current;
    }
    if (m !== mtime) {
      mtime = m;
      try {
        current = { customTopics: parseTopicsConfig(readFileSync(path, 'utf8')) };
        log.info({ path, topics: current.customTopics?.length ?? 0 }, 'custom topics loaded');
      } catch (err) {
        log.error({ err, path }, 'custom topics invalid, keeping the previous set');
      }
    }
    return current;
  };
}

/** `withExtractor`: an extractor runs in this process too (its pool takes most of the cores; see poolThreads). */
export function startEnricher(rt: Runtime, onEvent?: (e: StageEvent<'enrich'>) => void, opts: { withExtractor?: boolean } = {}): Worker {
  const options = watchTopics(rt.topicsPath, rt.log);
  const workers = rt.config.file.workers;
  const threads = poolThreads(workers, 'enricher', undefined, opts);
  // Tagging runs on worker threads: this event loop keeps the store and Redis work, so one process can use every core.
  const pool = threads === 0 ? null : createEnricherPool({ size: threads, releaseMemoryAfterMs: workers.releaseMemoryAfter });
  // Jobs that reach the store in the same turn share one transaction.
  const upsert = batchUpserts((items) => rt.store.upsertArticles(items));
  // So do the outcome records of jobs that finish in the same turn.
  const recordOutcome = groupCommit(async (outcomes: readonly ItemOutcome[]) => {
    await rt.store.recordItemOutcomes(outcomes);
    return outcomes.map(() => undefined);
  });
  const worker = startStage({
    queue: 'enrich',
    connection: rt.workerRedis,
    prefix: rt.prefix,
    log: rt.log,
    concurrency: stageConcurrency(workers, 'enricher', undefined, opts),
    handle: (payload, ctx) =>
      handleEnrich(payload, {
        store: rt.store,
        options,
        publish: async (record, outcome, substantive) => {
          await publishArticleEvent(rt.producerRedis, rt.eventsStreamKey, record, outcome, undefined, substantive);
        },
        ...(pool ? { enrich: pool.enrich } : {}),
        upsert,
      }, ctx),
    enqueue: rt.producer.enqueue,
    onEvent: async (e) => {
      if (e.outcome === 'failed' || e.outcome === 'done') {
        await recordOutcome({
          feedId: e.payload.feedId,
          url: e.payload.url,
          stage: 'enrich',
          status: e.outcome === 'done' ? 'stored' : 'failed',
          reason: e.outcome === 'failed' ? `${e.error.code}: ${e.error.message}` : String(e.detail['outcome'] ?? ''),
          articleId: e.outcome === 'done' ? String(e.detail['articleId']) : null,
          at: new Date().toISOString(),
        });
      }
      onEvent?.(e);
    },
  });
  worker.on('closed', () => {
    void pool?.close();
  });
  return worker;
}
