import type { ExtractedArticle } from '../../src/queues/contracts.js';
import { loadLabelledArticles } from '../fixtures/enrich/load.js';
import { extractedArticle } from '../unit/workers/enricher/seed-story.js';

const DESKS = ['SEOUL', 'LONDON', 'NAIROBI', 'LIMA', 'OSLO', 'DELHI', 'CAIRO', 'QUITO', 'PERTH', 'RIGA'];

/**
 * Copy `n` of a story as another wire would carry it: its own dateline and
 * credit line, one word changed, published a minute after copy n - 1. Copies of one story measure well above the
 * duplicate threshold; copies of different stories share nothing.
 */
export function wireCopyText(text: string, n: number): string {
  const paras = text.split('\n\n');
  paras[0] = `${DESKS[n % DESKS.length]}, June ${n + 1} (Wire ${n}) - ${paras[0] ?? ''}`;
  const body = paras.join('\n\n').replace(/\b(said|says|on)\b/, n % 2 === 0 ? 'stated' : 'told reporters');
  return `${body}\n\n(Reporting by desk ${n}; editing by desk ${n + 1})`;
}

/** Copy `n` of development story `storyIndex` (tests/fixtures/enrich/articles.txt) as an enrich payload from feed `wire-<n>`, published n minutes after copy 0. */
export function wireCopy(storyIndex: number, n: number): ExtractedArticle {
  const story = loadLabelledArticles()[storyIndex];
  if (!story) {
    throw new Error(`no development story ${storyIndex}`);
  }
  const text = wireCopyText(story.text, n);
  const url = `http://127.0.0.1:9/wire-${n}/${story.id}`;
  // Every other field as the seed story's enrich payload has it (no byline, English, read by Readability).
  return extractedArticle({
    feedId: `wire-${n}`,
    feedTitle: `Wire ${n}`,
    feedUrl: `http://127.0.0.1:9/wire-${n}/feed.xml`,
    url,
    canonicalUrl: url,
    title: n === 0 ? story.title : `${story.title} (${DESKS[n % DESKS.length]})`,
    publishedAt: new Date(Date.parse('2026-06-01T08:00:00.000Z') + n * 60_000).toISOString(),
    fetchedAt: '2026-06-01T08:05:00.000Z',
    siteName: `Wire ${n}`,
    excerpt: null,
    text,
  });
}
