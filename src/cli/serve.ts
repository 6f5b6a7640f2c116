import type { Worker } from 'bullmq';
import { QUEUES } from '../queues/contracts.js';
import { schedulerIdFor } from '../pipeline.js';
import type { Runtime } from '../runtime.js';
import { addFeed } from './feeds.js';
import { mediaTopicDescendants } from '../topic-expander.js';

/** Starts the HTTP API in this process, wired to the runtime's store, Redis and queues. */
export async function startApi(rt: Runtime, workers: Worker[]): Promise<{ close(): Promise<void>; url: string }> {
  const { createApiServer } = await import('../api/server.js');
  const env = rt.config.env;
  const pollQueue = rt.producer.queues.poll;
  const app = await createApiServer({
    store: rt.store,
    log: rt.log,
    ...(env.API_TOKEN ? { apiToken: env.API_TOKEN } : {}),
    redis: rt.producerRedis,
    eventsStreamKey: rt.eventsStreamKey,
    expandTopic: mediaTopicDescendants,
    queues: Object.values(rt.producer.queues),
    readiness: async () => ({ workers: workers.every((w) => w.isRunning()) }),
    feeds: {
      add: async (def) => {
        const feed = await addFeed(rt.store, {
          id: def.id,
          url: def.url,
          ...(def.title ? { title: def.title } : {}),
          ...(def.intervalMs ? { intervalMs: def.intervalMs } : {}),
          ...(def.categories ? { categories: def.categories } : {}),
        });
        await pollQueue.upsertJobScheduler(
          schedulerIdFor(feed.id),
          { every: feed.intervalMs ?? rt.config.file.poll.interval },
          { name: QUEUES.poll.name, data: { feedId: feed.id } },
        );
        return feed;
      },
      remove: async (id) => {
        await pollQueue.removeJobScheduler(schedulerIdFor(id));
        const removed = await rt.store.removeFeed(id);
        // The hub is told at once; the fetcher's sweep catches feeds removed any other way.
        await rt.websub?.unsubscribe(id).catch((err: unknown) => rt.log.warn({ err, feedId: id }, 'websub unsubscription failed'));
        return removed;
      },
    },
    ...(rt.websub ? { websub: rt.websub, pushBodyLimit: rt.config.file.fetch.maxBytes ?? 15 * 1024 * 1024 } : {}),
  });
  const url = await app.listen({ port: env.PORT, host: env.HOST });
  rt.log.info({ url }, 'api listening');
  return { close: () => app.close(), url };
}
