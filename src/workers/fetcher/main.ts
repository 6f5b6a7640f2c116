import type { Worker } from 'bullmq';
import { QUEUES } from '../../queues/contracts.js';
import { startStage, type StageEvent } from '../../queues/consumer.js';
import type { Runtime } from '../../runtime.js';
import { handlePoll, type FeedScheduler, type PollDeps } from './handler.js';

export const schedulerIdFor = (feedId: string): string => `poll-${feedId}`;

/** The poll queue's job schedulers, one per feed. */
export function feedScheduler(rt: Runtime): FeedScheduler {
  const queue = rt.producer.queues.poll;
  return {
    async intervalOf(feedId) {
      const s = await queue.getJobScheduler(schedulerIdFor(feedId));
      return s?.every ? Number(s.every) : null;
    },
    async reschedule(feedId, everyMs) {
      await queue.upsertJobScheduler(schedulerIdFor(feedId), { every: everyMs }, { name: QUEUES.poll.name, data: { feedId } });
      rt.log.info({ feedId, everyMs }, 'feed poll interval changed');
    },
  };
}

/**
 * `schedule: false` (a one-off run): the feeds' job schedulers are not touched,
 * and WebSub is left alone (no callback is served) unless `websub` says otherwise.
 */
export function startFetcher(rt: Runtime, onEvent?: (e: StageEvent<'poll'>) => void, opts: { schedule?: boolean; websub?: boolean } = {}): Worker {
  const poll = rt.config.file.poll;
  const deps: PollDeps = {
    store: rt.store,
    http: rt.http,
    now: () => new Date(),
    bounds: { baseMs: poll.interval, minMs: poll.minInterval, maxMs: poll.maxInterval },
    ...(opts.schedule === false ? {} : { scheduler: feedScheduler(rt) }),
    ...(rt.websub && (opts.websub ?? opts.schedule !== false) ? { push: rt.websub } : {}),
  };
  return startStage({
    queue: 'poll',
    connection: rt.workerRedis,
    prefix: rt.prefix,
    log: rt.log,
    concurrency: rt.config.file.workers.fetcherConcurrency,
    handle: (payload) => handlePoll(payload, deps),
    enqueue: rt.producer.enqueue,
    onEvent: async (e) => {
      // A retired feed (410) keeps no scheduler.
      if (e.outcome === 'failed' && opts.schedule !== false && /-> 410$/.test(e.error.message)) {
        await rt.producer.queues.poll.removeJobScheduler(schedulerIdFor(e.payload.feedId));
      }
      onEvent?.(e);
    },
  });
}
