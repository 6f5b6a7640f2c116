/** Synthetic stored articles for the store and API benchmarks. */
import { articleIdFor, contentHashOf } from '../../src/lib/ids.js';
import type { ArticleRecord } from '../../src/store/types.js';
import { rng } from './rng.js';

/** `size` made-up words of 3–10 letters, the same on every run. */
export function syntheticVocabulary(size: number): string[] {
  return Array.from({ length: size }, (_, i) => {
    const r = rng(i + 1);
    const len = 3 + Math.floor(r() * 8);
    let w = '';
    for (let k = 0; k < len; k++) w += String.fromCharCode(97 + Math.floor(r() * 26));
    return w;
  });
}

/** A stored record at `https://bench.test/story/<n>`, its text `paragraphs` joined by blank lines. */
export function benchArticle(o: {
  n: number;
  title: string;
  paragraphs: string[];
  feed: ArticleRecord['feed'];
  publishedAt: string;
  language: string;
  wordCount: number;
  topics: Array<{ code: string; score: number }>;
  person: string;
}): ArticleRecord {
  const url = `https://bench.test/story/${o.n}`;
  const text = o.paragraphs.join('\n\n');
  return {
    id: articleIdFor(url),
    url,
    canonicalUrl: url,
    feed: o.feed,
    siteName: 'Bench',
    title: o.title,
    byline: null,
    dateline: null,
    publishedAt: o.publishedAt,
    modifiedAt: null,
    fetchedAt: o.publishedAt,
    language: o.language,
    excerpt: o.paragraphs[0]?.slice(0, 200) ?? null,
    text,
    html: o.paragraphs.map((p) => `<p>${p}</p>`).join(''),
    wordCount: o.wordCount,
    leadImage: null,
    topics: o.topics.map(({ code, score }) => ({ code, label: code, score, scheme: 'medtop' as const })),
    entities: { people: [{ name: o.person, mentions: 1, salience: 0.5, offset: 0 }], places: [], organisations: [] },
    keywords: [],
    clusterId: articleIdFor(url),
    duplicateOf: null,
    contentHash: contentHashOf({ title: o.title, text }),
    version: 1,
    extraction: { method: 'readability', warnings: [] },
  };
}
