/**
 * WebSub subscriber: subscribes feeds that name a hub, answers the hub's
 * verification of intent, takes signed pushes into the same path as a poll
 * (parse, new-item detection, one extract job per new item), renews leases and
 * unsubscribes removed feeds. State lives in the store, so the fetcher (which
 * discovers hubs and renews) and the API (which the hub calls back) can be
 * different processes.
 *
 * Every request to a hub goes through the safe HTTP client (SSRF guard).
 */
import { randomBytes } from 'node:crypto';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { decodeBody } from '../../net/charset.js';
import type { FormPoster } from '../../net/types.js';
import type { JobRequest } from '../../queues/contracts.js';
import type { ArticleStore, WebSubStore } from '../../store/article-store.js';
import type { FeedState, WebSubSubscription } from '../../store/types.js';
import { newItemJobs, type PollPush } from './handler.js';
import { parseFeed } from './parse-feed.js';
import { answerVerification, callbackUrl, isLiveAt, renewAt, verifySignature, type HubDiscovery } from './websub-core.js';

export type WebSubOptions = {
  /** Base URL at which hubs reach the API; callbacks are `<publicUrl>/websub/<feed id>`. */
  publicUrl: string;
  /** Lease asked of the hub. */
  leaseMs: number;
  renewBeforeMs: number;
  /** Poll interval while a subscription is live. */
  pollEveryMs: number;
  /** After a refusal or failure, ask again no sooner than this. */
  retryAfterMs: number;
  /** A subscription the hub has not verified this long after asking is marked failed (default 1 h). */
  verifyTimeoutMs?: number;
};

export type WebSubDeps = {
  store: Pick<ArticleStore, 'getFeed' | 'listFeeds' | 'filterUnseen' | 'markSeen'> & WebSubStore;
  /** Outbound POSTs to hubs (the safe client). */
  hub: FormPoster;
  log: Logger;
  now?: () => Date;
  /** Queues the extract jobs of pushed items (needed where pushes are received: the API). */
  enqueue?: (jobs: JobRequest[]) => Promise<unknown>;
};

/** A subscription as the API and the console show it (no secret). */
export type WebSubStatus = Omit<WebSubSubscription, 'secret'>;

export type HttpAnswer = { status: number; body: string };

export type WebSubService = PollPush & {
  /** The hub's GET to the callback (verification of intent or denial). */
  verify(feedId: string, query: Record<string, unknown>): Promise<HttpAnswer>;
  /** The hub's POST to the callback (content distribution). */
  receive(feedId: string, push: { signature: string | undefined; contentType: string | null; body: Buffer }): Promise<HttpAnswer>;
  /** Asks the hub to end the feed's subscription (feed removed). False when it had none. */
  unsubscribe(feedId: string): Promise<boolean>;
  /** Renews leases that end soon, unsubscribes feeds that are gone, gives up on unverified requests. */
  sweep(at?: Date): Promise<{ renewed: number; unsubscribed: number; failed: number }>;
  statuses(): Promise<Map<string, WebSubStatus>>;
};

/** Minimum time between two renewal requests for one subscription. */
const RENEW_RETRY_MS = 5 * 60_000;
/** A removed feed's unsubscription that the hub never verifies is forgotten after this. */
const UNSUBSCRIBE_GIVE_UP_MS = 24 * 3_600_000;

const statusOf = ({ secret: _secret, ...rest }: WebSubSubscription): WebSubStatus => rest;

export function createWebSub(deps: WebSubDeps, o: WebSubOptions): WebSubService {
  const { store, log } = deps;
  const now = deps.now ?? (() => new Date());
  const leaseSeconds = Math.max(1, Math.round(o.leaseMs / 1000));
  const verifyTimeoutMs = o.verifyTimeoutMs ?? 3_600_000;

  async function subscribe(feedId: string, found: { hub: string; topic: string }, existing: WebSubSubscription | null): Promise<void> {
    const same = existing !== null && existing.hub === found.hub && existing.topic === found.topic && existing.state !== 'unsubscribing';
    const renewal = same && existing.state === 'active';
    const sub: WebSubSubscription = {
      feedId,
      hub: found.hub,
      topic: found.topic,
      callback: callbackUrl(o.publicUrl, feedId),
      // A renewal keeps its secret: pushes signed with it may be on their way.
      secret: renewal ? existing.secret : randomBytes(32).toString('hex'),
      state: renewal ? 'active' : 'pending',
      leaseSeconds: renewal ? existing.leaseSeconds : null,
      expiresAt: renewal ? existing.expiresAt : null,
      requestedAt: now().toISOString(),
      verifiedAt: renewal ? existing.verifiedAt : null,
      lastPushAt: same ? existing.lastPushAt : null,
      lastError: null,
    };
    // Stored before asking: the hub may verify before it answers the request.
    await store.saveSubscription(sub);
    try {
      await deps.hub.postForm(sub.hub, {
        'hub.callback': sub.callback,
        'hub.mode': 'subscribe',
        'hub.topic': sub.topic,
        'hub.lease_seconds': String(leaseSeconds),
        'hub.secret': sub.secret,
      });
      log.info({ feedId, hub: sub.hub, topic: sub.topic, renewal }, renewal ? 'websub renewal requested' : 'websub subscription requested');
    } catch (err) {
      const error = describeError(err);
      log.warn({ feedId, hub: sub.hub, err: error }, 'websub subscription request failed');
      const current = await store.getSubscription(feedId);
      if (current && current.requestedAt === sub.requestedAt) {
        // A failed renewal keeps the lease it has (the sweep asks again); a first request fails.
        await store.saveSubscription({ ...current, state: current.state === 'active' ? 'active' : 'failed', lastError: `${error.code}: ${error.message}` });
      }
    }
  }

  async function unsubscribe(feedId: string): Promise<boolean> {
    const sub = await store.getSubscription(feedId);
    if (!sub) {
      return false;
    }
    if (sub.state === 'denied' || sub.state === 'failed') {
      // The hub holds no subscription to end.
      await store.deleteSubscription(feedId);
      log.info({ feedId, hub: sub.hub }, 'websub subscription dropped');
      return true;
    }
    await store.saveSubscription({ ...sub, state: 'unsubscribing', requestedAt: now().toISOString(), lastError: null });
    try {
      await deps.hub.postForm(sub.hub, { 'hub.callback': sub.callback, 'hub.mode': 'unsubscribe', 'hub.topic': sub.topic });
      log.info({ feedId, hub: sub.hub, topic: sub.topic }, 'websub unsubscription requested');
    } catch (err) {
      const error = describeError(err);
      log.warn({ feedId, hub: sub.hub, err: error }, 'websub unsubscription request failed');
      const current = await store.getSubscription(feedId);
      if (current?.state === 'unsubscribing') {
        await store.saveSubscription({ ...current, lastError: `${error.code}: ${error.message}` });
      }
    }
    return true;
  }

  return {
    pollEveryMs: o.pollEveryMs,

    async discovered(feed: FeedState, found: HubDiscovery): Promise<void> {
      const { hub, topic } = found;
      if (!hub) {
        return;
      }
      try {
        const existing = await store.getSubscription(feed.id);
        if (existing && existing.hub === hub && existing.topic === topic) {
          if (existing.state !== 'denied' && existing.state !== 'failed') {
            return;
          }
          if (now().getTime() - Date.parse(existing.requestedAt) < o.retryAfterMs) {
            return;
          }
        }
        await subscribe(feed.id, { hub, topic }, existing);
      } catch (err) {
        log.error({ feedId: feed.id, hub, err }, 'websub subscription failed');
      }
    },

    async isLive(feedId, at) {
      return isLiveAt(await store.getSubscription(feedId), at);
    },

    async verify(feedId, query) {
      const sub = await store.getSubscription(feedId);
      const at = now();
      const answer = answerVerification(sub, query, at, leaseSeconds);
      if (answer.status === 404 || !sub) {
        log.warn({ feedId, mode: query['hub.mode'], topic: query['hub.topic'], reason: answer.status === 404 ? answer.reason : 'none' }, 'websub verification refused');
        return { status: 404, body: '' };
      }
      const change = answer.change;
      if (change.kind === 'activate') {
        await store.saveSubscription({
          ...sub,
          state: 'active',
          leaseSeconds: change.leaseSeconds,
          expiresAt: change.expiresAt,
          verifiedAt: at.toISOString(),
          lastError: null,
        });
        log.info({ feedId, hub: sub.hub, leaseSeconds: change.leaseSeconds, expiresAt: change.expiresAt }, 'websub subscription verified');
      } else if (change.kind === 'delete') {
        await store.deleteSubscription(feedId);
        log.info({ feedId, hub: sub.hub }, 'websub unsubscription verified');
      } else {
        await store.saveSubscription({ ...sub, state: 'denied', expiresAt: null, lastError: change.reason });
        log.warn({ feedId, hub: sub.hub, reason: change.reason }, 'websub subscription denied by the hub');
      }
      return { status: 200, body: answer.body };
    },

    async receive(feedId, push) {
      const sub = await store.getSubscription(feedId);
      if (!sub || sub.state === 'unsubscribing') {
        log.warn({ feedId }, 'websub push for no subscription dropped');
        return { status: 404, body: '' };
      }
      const check = verifySignature(push.signature, sub.secret, push.body);
      if (!check.ok) {
        // Acknowledged all the same (WebSub 8): the sender learns nothing about the secret.
        log.warn({ feedId, hub: sub.hub, reason: check.reason, bytes: push.body.length }, 'websub push dropped: signature not valid');
        return { status: 202, body: '' };
      }
      const feed = await store.getFeed(feedId);
      if (!feed || feed.status !== 'active') {
        log.warn({ feedId }, 'websub push for a feed not polled any more dropped');
        return { status: 202, body: '' };
      }
      if (!deps.enqueue) {
        throw new Error('websub pushes need a queue to enqueue to');
      }
      const at = now();
      let parsed;
      try {
        parsed = await parseFeed(decodeBody(push.body, push.contentType).text, feed.url);
      } catch (err) {
        log.error({ feedId, hub: sub.hub, err: describeError(err) }, 'websub push unreadable');
        return { status: 202, body: '' };
      }
      const { next, unseen } = await newItemJobs(store, feed, parsed, at);
      await deps.enqueue(next);
      await store.markSeen(feedId, unseen);
      const current = await store.getSubscription(feedId);
      if (current) {
        await store.saveSubscription({ ...current, lastPushAt: at.toISOString() });
      }
      log.info({ feedId, algorithm: check.algorithm, items: parsed.items.length, newItems: next.length }, 'websub push received');
      return { status: 202, body: '' };
    },

    unsubscribe,

    async sweep(at = now()) {
      const counts = { renewed: 0, unsubscribed: 0, failed: 0 };
      const [subs, feeds] = await Promise.all([store.listSubscriptions(), store.listFeeds()]);
      const polled = new Set(feeds.filter((f) => f.status === 'active').map((f) => f.id));
      const t = at.getTime();
      for (const sub of subs) {
        const since = t - Date.parse(sub.requestedAt);
        try {
          if (!polled.has(sub.feedId)) {
            if (sub.state !== 'unsubscribing') {
              await unsubscribe(sub.feedId);
              counts.unsubscribed++;
            } else if (since > UNSUBSCRIBE_GIVE_UP_MS) {
              await store.deleteSubscription(sub.feedId);
              log.warn({ feedId: sub.feedId, hub: sub.hub }, 'websub unsubscription never verified; forgotten');
            }
          } else if (sub.state === 'pending' && since > verifyTimeoutMs) {
            await store.saveSubscription({ ...sub, state: 'failed', lastError: `the hub did not verify within ${Math.round(verifyTimeoutMs / 60_000)} min` });
            log.warn({ feedId: sub.feedId, hub: sub.hub }, 'websub subscription never verified');
            counts.failed++;
          } else if (sub.state === 'active') {
            const due = renewAt(sub, o.renewBeforeMs);
            // A renewal asked for after the last verification is in flight: leave it a while.
            const inFlight = sub.verifiedAt !== null && sub.requestedAt > sub.verifiedAt && since < RENEW_RETRY_MS;
            if (due !== null && t >= due && !inFlight) {
              await subscribe(sub.feedId, { hub: sub.hub, topic: sub.topic }, sub);
              counts.renewed++;
            }
          }
        } catch (err) {
          log.error({ feedId: sub.feedId, err }, 'websub sweep failed for a subscription');
        }
      }
      return counts;
    },

    async statuses() {
      return new Map((await store.listSubscriptions()).map((s) => [s.feedId, statusOf(s)]));
    },
  };
}
