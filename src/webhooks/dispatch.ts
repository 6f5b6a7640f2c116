/**
 * The dispatcher: reads the Redis stream of article events as the consumer
 * group `webhooks` (several processes share the work), and turns each created
 * or updated article into one deliver-webhook job per matching active
 * subscription. Job ids are the delivery ids (subscription + stream entry),
 * so an event dispatched twice (a dispatcher that died before acknowledging
 * it; its entries are claimed by another after `claimIdleMs`) queues nothing twice.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { JobRequest } from '../queues/contracts.js';
import type { AccessStore } from '../store/access-types.js';
import { type ArticleEvent, ackArticleEvents, ensureArticleEventGroup, parseArticleEvent, readArticleEvents } from '../store/article-events.js';
import type { ArticleStore } from '../store/article-store.js';
import { candidatesFor, deliveryIdFor, matchingSubscriptions } from './match.js';

export const DISPATCH_GROUP = 'webhooks';

export type DispatchDeps = {
  access: AccessStore;
  store: Pick<ArticleStore, 'getArticle' | 'listFeeds'>;
  enqueue(requests: readonly JobRequest[]): Promise<string[]>;
  expandTopic?: (code: string) => string[];
};

/** Queues the deliveries `events` call for; returns how many (already queued ones included). */
export async function dispatchEvents(events: readonly ArticleEvent[], deps: DispatchDeps): Promise<number> {
  const relevant = events.filter((e) => e.outcome === 'created' || e.outcome === 'updated');
  if (relevant.length === 0) {
    return 0;
  }
  const subs = (await deps.access.listWebhooks()).filter((w) => w.status === 'active');
  if (subs.length === 0) {
    return 0;
  }
  const feedCategories = new Map<string, readonly string[]>(
    subs.some((w) => w.filter.category !== undefined) ? (await deps.store.listFeeds()).map((f) => [f.id, f.categories]) : [],
  );
  const requests: JobRequest[] = [];
  for (const e of relevant) {
    const candidates = candidatesFor(subs, e, feedCategories);
    if (candidates.length === 0) {
      continue;
    }
    const record = await deps.store.getArticle(e.id);
    if (!record) {
      continue;
    }
    for (const w of matchingSubscriptions(candidates, record, deps.expandTopic)) {
      requests.push({
        queue: 'deliver',
        payload: {
          feedId: e.feedId,
          webhookId: w.id,
          deliveryId: deliveryIdFor(w.id, e.streamId),
          event: e.outcome === 'created' ? 'article.created' : 'article.updated',
          articleId: e.id,
          version: e.version || record.version,
          occurredAt: new Date(Number(e.streamId.split('-')[0])).toISOString(),
        },
      });
    }
  }
  await deps.enqueue(requests);
  return requests.length;
}

type ClaimReply = [string, Array<[string, string[] | null]>, ...unknown[]];

export type DispatcherOptions = {
  /** A connection of its own: reads block on it. Closed with the dispatcher. */
  redis: Redis;
  streamKey: string;
  /** This process's name in the group. */
  consumer: string;
  deps: DispatchDeps;
  log: Logger;
  blockMs?: number;
  /** Entries another consumer took and did not acknowledge for this long are taken over. */
  claimIdleMs?: number;
};

export function startDispatcher(o: DispatcherOptions): { close(): Promise<void> } {
  const blockMs = o.blockMs ?? 5_000;
  const claimIdleMs = o.claimIdleMs ?? 60_000;
  const log = o.log.child({ component: 'webhook-dispatcher' });
  let closed = false;
  let lastClaim = Date.now();

  const handle = async (events: ArticleEvent[], ids: string[]): Promise<void> => {
    const queued = await dispatchEvents(events, o.deps);
    await ackArticleEvents(o.redis, o.streamKey, DISPATCH_GROUP, ids);
    if (queued > 0) {
      log.debug({ events: events.length, queued }, 'webhook deliveries queued');
    }
  };

  const reclaim = async (): Promise<void> => {
    const reply = (await o.redis.call('XAUTOCLAIM', o.streamKey, DISPATCH_GROUP, o.consumer, String(claimIdleMs), '0-0', 'COUNT', '100')) as ClaimReply;
    const entries = reply[1] ?? [];
    const events = entries.flatMap(([id, fields]) => {
      const e = fields ? parseArticleEvent(id, fields) : null;
      return e ? [e] : [];
    });
    if (entries.length > 0) {
      log.info({ entries: entries.length }, 'taking over unacknowledged article events');
      await handle(events, entries.map(([id]) => id));
    }
  };

  const loop = (async () => {
    // '$': a new group starts with the events published from now on.
    await ensureArticleEventGroup(o.redis, o.streamKey, DISPATCH_GROUP, '$').catch((err: unknown) => log.warn({ err }, 'could not create the dispatch group'));
    while (!closed) {
      try {
        if (Date.now() - lastClaim >= claimIdleMs) {
          lastClaim = Date.now();
          await reclaim();
        }
        const events = await readArticleEvents(o.redis, o.streamKey, '$', {
          group: { name: DISPATCH_GROUP, consumer: o.consumer },
          blockMs,
          count: 100,
        });
        if (events.length > 0) {
          await handle(events, events.map((e) => e.streamId));
        }
      } catch (err) {
        if (closed) {
          break;
        }
        // Unacknowledged events stay pending and are claimed again after claimIdleMs.
        log.warn({ err }, 'webhook dispatch failed, will retry');
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  })();

  return {
    async close() {
      closed = true;
      o.redis.disconnect();
      await loop;
    },
  };
}
