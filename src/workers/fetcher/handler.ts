import { describeError, PipelineError } from '../../errors.js';
import { LIMITS, type FeedItem, type JobRequest, type PayloadOf, type StageResult } from '../../queues/contracts.js';
import type { HttpClient } from '../../net/types.js';
import type { ArticleStore } from '../../store/article-store.js';
import { identifyItems } from './item-identity.js';
import { parseFeed } from './parse-feed.js';
import type { ParsedItem } from './types.js';

export type PollDeps = {
  store: ArticleStore;
  http: HttpClient;
  now: () => Date;
};

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

/** Polls one feed: conditional GET, parse, and one extract job per item not seen before. */
export async function handlePoll(job: PayloadOf<'poll'>, deps: PollDeps): Promise<StageResult> {
  const feed = await deps.store.getFeed(job.feedId);
  if (!feed) {
    return { status: 'skipped', reason: 'unknown feed' };
  }
  if (feed.status === 'retired') {
    return { status: 'skipped', reason: 'feed retired' };
  }
  const startedAt = deps.now();
  try {
    const res = await deps.http.get(feed.url, { accept: FEED_ACCEPT, etag: feed.etag, lastModified: feed.lastModified });
    if (res.notModified) {
      await deps.store.recordPoll(feed.id, { ok: true, at: startedAt.toISOString(), newItems: 0 });
      return { status: 'done', detail: { feedId: feed.id, notModified: true, newItems: 0 } };
    }
    const parsed = await parseFeed(res.text, res.url);
    const identified = identifyItems(parsed.items).filter(
      (x): x is typeof x & { item: ParsedItem & { url: string } } => x.item.url !== null,
    );
    const unseen = await deps.store.filterUnseen(
      feed.id,
      identified.map(({ key, hash }) => ({ key, hash })),
    );
    const unseenKeys = new Set(unseen.map((u) => u.key));
    const fresh = identified.filter((x) => unseenKeys.has(x.key));
    const feedInfo = { id: feed.id, title: parsed.title ?? feed.title, url: res.permanentRedirect ?? feed.url };
    const next: JobRequest[] = fresh.map(({ item }) => ({
      queue: 'extract',
      payload: toFeedItem(item, feedInfo, startedAt),
    }));
    return {
      status: 'done',
      next,
      afterEnqueue: async () => {
        await deps.store.markSeen(feed.id, unseen);
        await deps.store.recordPoll(feed.id, {
          ok: true,
          at: startedAt.toISOString(),
          newItems: fresh.length,
          title: parsed.title,
          etag: res.headers['etag'] ?? null,
          lastModified: res.headers['last-modified'] ?? null,
          ...(res.permanentRedirect ? { movedTo: res.permanentRedirect } : {}),
        });
      },
      detail: { feedId: feed.id, items: parsed.items.length, newItems: fresh.length },
    };
  } catch (err) {
    const retired = err instanceof PipelineError && err.code === 'http_status' && /-> 410$/.test(err.message);
    await deps.store.recordPoll(feed.id, {
      ok: false,
      at: startedAt.toISOString(),
      error: describeError(err),
      ...(retired ? { retired: true } : {}),
    });
    throw err;
  }
}
