import { describeError, PipelineError } from '../../errors.js';
import { LIMITS, type FeedItem, type JobRequest, type PayloadOf, type StageResult } from '../../queues/contracts.js';
import { parseMaxAge } from '../../net/http-headers.js';
import type { HttpClient } from '../../net/types.js';
import type { ArticleStore } from '../../store/article-store.js';
import type { FeedState, SeenItem } from '../../store/types.js';
import { identifyItems } from './item-identity.js';
import { parseFeed } from './parse-feed.js';
import { adaptiveInterval, decideNextPoll } from './schedule.js';
import type { ParsedFeed, ParsedItem } from './types.js';
import { discoverHub, type HubDiscovery } from './websub-core.js';

export type PollBounds = { baseMs: number; minMs: number; maxMs: number };

/** The feed's job scheduler: how often it ticks, and changing that. */
export type FeedScheduler = {
  intervalOf(feedId: string): Promise<number | null>;
  reschedule(feedId: string, everyMs: number): Promise<void>;
};

/** WebSub as the poll sees it (see websub.ts). */
export type PollPush = {
  /** After a successful poll: the hub and topic the feed names; subscribes when needed. Never throws. */
  discovered(feed: FeedState, found: HubDiscovery): Promise<void>;
  /** Whether the feed's subscription is live (verified, lease not over). */
  isLive(feedId: string, at: Date): Promise<boolean>;
  /** Poll interval while it is: polling stays as the safety net. */
  pollEveryMs: number;
};

export type PollDeps = {
  store: ArticleStore;
  http: HttpClient;
  now: () => Date;
  bounds?: PollBounds;
  scheduler?: FeedScheduler;
  random?: () => number;
  push?: PollPush;
};

export const DEFAULT_BOUNDS: PollBounds = { baseMs: 15 * 60_000, minMs: 2 * 60_000, maxMs: 24 * 3_600_000 };
/** A tick this close before the feed's next poll time counts as due (covers jitter). */
export const DUE_SLACK = 0.15;
/** The scheduler is only changed when the adaptive interval moves by more than this fraction. */
export const RESCHEDULE_THRESHOLD = 0.25;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

const cap = (text: string | null, max: number): string | undefined =>
  text ? (text.length > max ? text.slice(0, max) : text) : undefined;

/** Maps a parsed feed item to the extract-article payload. */
export function toFeedItem(
  item: ParsedItem & { url: string },
  feed: { id: string; title: string | null; url: string },
  fetchedAt: Date,
): FeedItem {
  return {
    feedId: feed.id,
    ...(feed.title ? { feedTitle: feed.title } : {}),
    feedUrl: feed.url,
    url: item.url,
    ...(item.guid ? { guid: item.guid } : {}),
    ...(item.title ? { title: item.title } : {}),
    publishedAt: item.publishedAt ?? fetchedAt.toISOString(),
    ...(item.publishedAt ? {} : { dateMissing: true }),
    ...(item.author ? { author: item.author } : {}),
    ...(item.summary ? { summary: cap(item.summary, LIMITS.summaryChars) } : {}),
    ...(item.content ? { content: cap(item.content, LIMITS.feedContentChars) } : {}),
    ...(item.categories.length > 0 ? { categories: item.categories } : {}),
  };
}

/**
 * What a feed document gives, polled or pushed alike: one extract job per item
 * with a link that this feed has not listed before (or listed with other
 * content), and the marks to record once those jobs are queued.
 */
export async function newItemJobs(
  store: Pick<ArticleStore, 'filterUnseen'>,
  feed: { id: string; title: string | null; url: string },
  parsed: ParsedFeed,
  fetchedAt: Date,
): Promise<{ next: JobRequest[]; unseen: SeenItem[] }> {
  const identified = identifyItems(parsed.items).filter(
    (x): x is typeof x & { item: ParsedItem & { url: string } } => x.item.url !== null,
  );
  const unseen = await store.filterUnseen(
    feed.id,
    identified.map(({ key, hash }) => ({ key, hash })),
  );
  const unseenKeys = new Set(unseen.map((u) => u.key));
  const feedInfo = { id: feed.id, title: parsed.title ?? feed.title, url: feed.url };
  const next: JobRequest[] = identified
    .filter((x) => unseenKeys.has(x.key))
    .map(({ item }) => ({ queue: 'extract', payload: toFeedItem(item, feedInfo, fetchedAt) }));
  return { next, unseen };
}

/** Whether a scheduler tick should poll now, given the feed's recorded next poll time. */
export function isDue(feed: Pick<FeedState, 'nextPollAt'>, nowMs: number, tickMs: number): boolean {
  if (!feed.nextPollAt) {
    return true;
  }
  const next = Date.parse(feed.nextPollAt);
  return !Number.isFinite(next) || nowMs >= next - tickMs * DUE_SLACK;
}

/**
 * Polls one feed: conditional GET, parse, one extract job per item not seen
 * before; records health and decides when to poll next.
 */
export async function handlePoll(job: PayloadOf<'poll'>, deps: PollDeps): Promise<StageResult> {
  const feed = await deps.store.getFeed(job.feedId);
  if (!feed) {
    return { status: 'skipped', reason: 'unknown feed' };
  }
  if (feed.status === 'retired') {
    return { status: 'skipped', reason: 'feed retired' };
  }
  const bounds = deps.bounds ?? DEFAULT_BOUNDS;
  const baseMs = feed.intervalMs ?? bounds.baseMs;
  const startedAt = deps.now();
  const nowMs = startedAt.getTime();
  const tickMs = (await deps.scheduler?.intervalOf(feed.id)) ?? baseMs;
  if (!job.force && !isDue(feed, nowMs, tickMs)) {
    return { status: 'skipped', reason: 'not due' };
  }
  const random = deps.random ?? Math.random;
  const decide = (extra: { itemDates: Array<string | null>; failures: number; base: number; retryAfterMs?: number | null; maxAgeMs?: number | null }) =>
    decideNextPoll({
      baseMs: extra.base,
      minMs: bounds.minMs,
      maxMs: bounds.maxMs,
      itemDates: extra.itemDates,
      now: nowMs,
      consecutiveFailures: extra.failures,
      retryAfterMs: extra.retryAfterMs ?? null,
      maxAgeMs: extra.maxAgeMs ?? null,
      random,
    });
  const nextAt = (delayMs: number) => new Date(nowMs + delayMs).toISOString();
  const isLive = async (): Promise<boolean> => (deps.push ? deps.push.isLive(feed.id, startedAt) : false);
  // A live WebSub subscription delivers new items: the poll is only the safety net.
  const slowWhenLive = <T extends { delayMs: number }>(d: T, live: boolean): T =>
    live && deps.push ? { ...d, delayMs: Math.max(d.delayMs, deps.push.pollEveryMs) } : d;

  try {
    const res = await deps.http.get(feed.url, { accept: FEED_ACCEPT, etag: feed.etag, lastModified: feed.lastModified });
    const maxAgeMs = parseMaxAge(res.headers['cache-control']);
    if (res.notModified) {
      // Nothing new: keep the feed's current rhythm.
      const decision = slowWhenLive(decide({ itemDates: [], failures: 0, base: tickMs, maxAgeMs }), await isLive());
      await deps.store.recordPoll(feed.id, { ok: true, at: startedAt.toISOString(), newItems: 0, nextPollAt: nextAt(decision.delayMs) });
      return { status: 'done', detail: { feedId: feed.id, notModified: true, items: 0, newItems: 0, nextPollMs: decision.delayMs } };
    }
    const parsed = await parseFeed(res.text, res.url);
    const feedUrl = res.permanentRedirect ?? feed.url;
    const { next, unseen } = await newItemJobs(deps.store, { id: feed.id, title: feed.title, url: feedUrl }, parsed, startedAt);
    const live = await isLive();
    const itemDates = parsed.items.map((i) => i.publishedAt ?? i.updatedAt);
    const decision = slowWhenLive(decide({ itemDates, failures: 0, base: baseMs, maxAgeMs }), live);
    const tick = adaptiveInterval({ baseMs, minMs: bounds.minMs, maxMs: bounds.maxMs, itemDates, now: nowMs }).intervalMs;
    return {
      status: 'done',
      next,
      afterEnqueue: async () => {
        await deps.store.markSeen(feed.id, unseen);
        await deps.store.recordPoll(feed.id, {
          ok: true,
          at: startedAt.toISOString(),
          newItems: next.length,
          title: parsed.title,
          etag: res.headers['etag'] ?? null,
          lastModified: res.headers['last-modified'] ?? null,
          nextPollAt: nextAt(decision.delayMs),
          ...(res.permanentRedirect ? { movedTo: res.permanentRedirect } : {}),
        });
        if (deps.scheduler && Math.abs(tick - tickMs) > tickMs * RESCHEDULE_THRESHOLD) {
          await deps.scheduler.reschedule(feed.id, tick);
        }
        await deps.push?.discovered({ ...feed, url: feedUrl }, discoverHub(parsed, res.headers, res.url));
      },
      detail: {
        feedId: feed.id,
        items: parsed.items.length,
        newItems: next.length,
        nextPollMs: decision.delayMs,
        ...(res.permanentRedirect ? { movedTo: res.permanentRedirect } : {}),
        // What the parser had to recover from (logged with the job; `telex feeds check` lists them all).
        ...(parsed.warnings.length > 0 ? { parseWarnings: parsed.warnings.slice(0, 10) } : {}),
      },
    };
  } catch (err) {
    const retired = err instanceof PipelineError && (err as { status?: number }).status === 410;
    const retryAfterMs = (err as { retryAfterMs?: number | null }).retryAfterMs ?? null;
    const decision = decide({ itemDates: [], failures: feed.consecutiveFailures + 1, base: baseMs, retryAfterMs });
    await deps.store.recordPoll(feed.id, {
      ok: false,
      at: startedAt.toISOString(),
      error: describeError(err),
      ...(retired ? { retired: true } : { nextPollAt: nextAt(decision.delayMs) }),
    });
    throw err;
  }
}
