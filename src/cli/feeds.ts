import type { ArticleStore } from '../store/article-store.js';
import type { FeedState } from '../store/types.js';

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
