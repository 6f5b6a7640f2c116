import { statSync, readFileSync } from 'node:fs';
import type { Worker } from 'bullmq';
import { startStage, type StageEvent } from '../../queues/consumer.js';
import type { Runtime } from '../../runtime.js';
import { publishArticleEvent } from '../../store/article-events.js';
import type { EnrichOptions } from './enrich-article.js';
import { handleEnrich } from './handler.js';
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

export function startEnricher(rt: Runtime, onEvent?: (e: StageEvent<'enrich'>) => void): Worker {
  const options = watchTopics(rt.topicsPath, rt.log);
  return startStage({
    queue: 'enrich',
    connection: rt.workerRedis,
    prefix: rt.prefix,
    log: rt.log,
    concurrency: rt.config.file.workers.enricherConcurrency,
    handle: (payload, ctx) =>
      handleEnrich(payload, {
        store: rt.store,
        options,
        publish: async (record, outcome) => {
          await publishArticleEvent(rt.producerRedis, rt.eventsStreamKey, record, outcome);
        },
      }, ctx),
    enqueue: rt.producer.enqueue,
    onEvent: async (e) => {
      if (e.outcome === 'failed' || e.outcome === 'done') {
        await rt.store.recordItemOutcome({
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
}
