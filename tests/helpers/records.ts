import { articleIdFor, contentHashOf } from '../../src/lib/ids.js';
import type { ArticleRecord } from '../../src/store/types.js';

/** A realistic stored record for store and API tests; `slug` makes its URL (and so its id). */
export type RecordOverrides = Partial<Omit<ArticleRecord, 'id' | 'canonicalUrl' | 'contentHash'>> & { slug: string };

export function makeRecord(o: RecordOverrides): ArticleRecord {
  const url = `https://news.test/${o.slug}`;
  const title = o.title ?? `Story ${o.slug}`;
  const text = o.text ?? `Body of story ${o.slug}.\n\nSecond paragraph.`;
  const { slug: _slug, ...rest } = o;
  return {
    url,
    feed: { id: 'wire', title: 'Wire', url: 'https://news.test/feed.xml' },
    siteName: 'News Test',
    byline: null,
    dateline: null,
    publishedAt: '2026-01-01T10:00:00.000Z',
    modifiedAt: null,
    fetchedAt: '2026-01-01T11:00:00.000Z',
    language: 'en',
    excerpt: null,
    html: `<p>${text}</p>`,
    wordCount: text.split(/\s+/).length,
    leadImage: null,
    topics: [],
    entities: { people: [], places: [], organisations: [] },
    keywords: [],
    clusterId: articleIdFor(url),
    duplicateOf: null,
    version: 1,
    extraction: { method: 'readability', warnings: [] },
    ...rest,
    title,
    text,
    id: articleIdFor(url),
    canonicalUrl: url,
    contentHash: contentHashOf({ title, text }),
  };
}
