import type { Worker } from 'bullmq';
import { startStage, type StageEvent } from '../../queues/consumer.js';
import type { Runtime } from '../../runtime.js';
import { handlePoll } from './handler.js';

export function startFetcher(rt: Runtime, onEvent?: (e: StageEvent<'poll'>) => void): Worker {
  const deps = { store: rt.store, http: rt.http, now: () => new Date() };
  return startStage({
    queue: 'poll',
    connection: rt.workerRedis,
    prefix: rt.prefix,
    log: rt.log,
    concurrency: rt.config.file.workers.fetcherConcurrency,
    handle: (payload) => handlePoll(payload, deps),
    enqueue: rt.producer.enqueue,
    ...(onEvent ? { onEvent } : {}),
  });
}
