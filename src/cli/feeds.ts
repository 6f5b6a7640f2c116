import type { HttpClient } from '../net/types.js';
import type { ArticleStore } from '../store/article-store.js';
import type { FeedState } from '../store/types.js';
import { discoverFeeds } from '../workers/fetcher/discover-feed.js';
import { readOpml, toOpml, type OpmlFeed } from '../workers/fetcher/opml.js';
import { parseFeed } from '../workers/fetcher/parse-feed.js';
import { bareHost } from '../lib/url.js';

/** A readable feed id from its URL: host and path, slugged. */
export function feedIdFromUrl(url: string): string {
  const u = new URL(url);
  const slug = `${bareHost(u.hostname)}${u.pathname}`
    .toLowerCase()
    .replace(/\.(xml|rss|atom|json)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (slug || 'feed').slice(0, 80);
}

export async function addFeed(
  store: ArticleStore,
  def: { id: string; url: string; intervalMs?: number; title?: string; categories?: string[] },
): Promise<FeedState> {
  const url = new URL(def.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`feed URL must be http(s): ${def.url}`);
  }
  await store.upsertFeed({
    id: def.id,
    url: url.href,
    title: def.title ?? null,
    intervalMs: def.intervalMs ?? null,
    ...(def.categories ? { categories: def.categories } : {}),
  });
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

export type OpmlImport = {
  added: FeedState[];
  /** Every outline not imported, with the reason (as in the file, or "already registered"). */
  skipped: Array<{ line: number; text?: string; url?: string; reason: string }>;
};

/** Registers every feed of an OPML document; ids come from the URLs (made unique). Returns those added and those skipped. */
export async function importOpml(store: ArticleStore, text: string): Promise<OpmlImport> {
  const feeds = await store.listFeeds();
  const byUrl = new Map(feeds.map((f) => [f.url, f.id]));
  const ids = new Set(feeds.map((f) => f.id));
  const { feeds: found, skipped: fromFile } = readOpml(text);
  const skipped: OpmlImport['skipped'] = fromFile.map((s) => ({
    line: s.line,
    ...(s.text ? { text: s.text } : {}),
    ...(s.xmlUrl ? { url: s.xmlUrl } : {}),
    reason: s.reason === 'duplicate' && s.firstLine ? `duplicate of line ${s.firstLine}` : s.reason,
  }));
  const added: FeedState[] = [];
  for (const f of found) {
    const canonical = new URL(f.url).href;
    const existing = byUrl.get(f.url) ?? byUrl.get(canonical);
    if (existing) {
      skipped.push({ line: 0, ...(f.title ? { text: f.title } : {}), url: f.url, reason: `already registered as ${existing}` });
      continue;
    }
    // Two URLs can slug to the same id: never let the second replace the first.
    const stem = feedIdFromUrl(f.url);
    let id = stem;
    for (let n = 2; ids.has(id); n++) {
      id = `${stem.slice(0, 75)}-${n}`;
    }
    // The OPML folder (nested folders joined with " / ") is the feed's category.
    const feed = await addFeed(store, { id, url: f.url, ...(f.title ? { title: f.title } : {}), ...(f.category ? { categories: [f.category] } : {}) });
    added.push(feed);
    ids.add(feed.id);
    byUrl.set(f.url, feed.id);
    byUrl.set(feed.url, feed.id);
  }
  return { added, skipped };
}

export async function exportOpml(store: ArticleStore, now: Date): Promise<string> {
  // A feed in several categories is written under its first (OPML has one folder per outline).
  const feeds: OpmlFeed[] = (await store.listFeeds()).map((f) => ({
    url: f.url,
    ...(f.title ? { title: f.title } : {}),
    ...(f.categories[0] ? { category: f.categories[0] } : {}),
  }));
  return toOpml(feeds, { title: 'Telex feeds', dateCreated: now.toUTCString() });
}
