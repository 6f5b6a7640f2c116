import type { HttpClient } from '../net/types.js';
import type { ArticleStore } from '../store/article-store.js';
import type { FeedState } from '../store/types.js';
import { discoverFeeds } from '../workers/fetcher/discover-feed.js';
import { parseOpml, toOpml, type OpmlFeed } from '../workers/fetcher/opml.js';
import { parseFeed } from '../workers/fetcher/parse-feed.js';

/** A readable feed id from its URL: host and path, slugged. */
export function feedIdFromUrl(url: string): string {
  const u = new URL(url);
  const slug = `${u.hostname.replace(/^www\./, '')}${u.pathname}`
    .toLowerCase()
    .replace(/\.(xml|rss|atom|json)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (slug || 'feed').slice(0, 80);
}

export async function addFeed(
  store: ArticleStore,
  def: { id: string; url: string; intervalMs?: number; title?: string },
): Promise<FeedState> {
  const url = new URL(def.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`feed URL must be http(s): ${def.url}`);
  }
  await store.upsertFeed({ id: def.id, url: url.href, title: def.title ?? null, intervalMs: def.intervalMs ?? null });
  const feed = await store.getFeed(def.id);
  if (!feed) {
    throw new Error(`feed ${def.id} was not stored`);
  }
  return feed;
}

/**
 * What to subscribe to for a URL: the URL itself when it serves a feed, else
 * the first feed the page advertises with <link rel="alternate">.
 */
export async function resolveFeedUrl(http: HttpClient, url: string): Promise<{ url: string; title: string | null; discovered: boolean }> {
  const res = await http.get(url, { accept: 'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.8, */*;q=0.5' });
  try {
    const feed = await parseFeed(res.text, res.url);
    return { url: res.url, title: feed.title, discovered: false };
  } catch {
    const found = discoverFeeds(res.text, res.url);
    const first = found[0];
    if (!first) {
      throw new Error(`${url} is neither a feed nor a page that links to one`);
    }
    const feedRes = await http.get(first, { accept: 'application/rss+xml, application/atom+xml, application/feed+json, */*;q=0.5' });
    const feed = await parseFeed(feedRes.text, feedRes.url);
    return { url: feedRes.url, title: feed.title, discovered: true };
  }
}

/** Registers every feed of an OPML document; ids come from the URLs. Returns those added. */
export async function importOpml(store: ArticleStore, text: string): Promise<FeedState[]> {
  const existing = new Set((await store.listFeeds()).map((f) => f.url));
  const added: FeedState[] = [];
  for (const f of parseOpml(text)) {
    if (existing.has(f.url)) {
      continue;
    }
    added.push(await addFeed(store, { id: feedIdFromUrl(f.url), url: f.url, ...(f.title ? { title: f.title } : {}) }));
    existing.add(f.url);
  }
  return added;
}

export async function exportOpml(store: ArticleStore, now: Date): Promise<string> {
  const feeds: OpmlFeed[] = (await store.listFeeds()).map((f) => ({ url: f.url, ...(f.title ? { title: f.title } : {}) }));
  return toOpml(feeds, { title: 'Telex feeds', dateCreated: now.toUTCString() });
}
