import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '../../../../src/queues/contracts.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const SEED_PATH = resolve(REPO_ROOT, 'tests/fixtures/corpora/seed/voa-2002-06-11.txt');
export const SEED_TITLE = "N. Korean Refugees' Asylum Discussed by Beijing, Seoul";

/** The seed story's eleven paragraphs: the file minus its first three chrome lines. */
export function seedText(): string {
  const blocks = readFileSync(SEED_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return blocks.slice(3).join('\n\n');
}

export function extractedArticle(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const text = over.text ?? seedText();
  return {
    feedId: 'voa',
    feedTitle: 'VOA News',
    feedUrl: 'http://127.0.0.1:9/feed.xml',
    url: 'http://127.0.0.1:9/a/refugees?utm=1',
    canonicalUrl: 'http://127.0.0.1:9/a/refugees',
    title: SEED_TITLE,
    byline: null,
    dateline: null,
    publishedAt: '2002-06-11T08:00:00+00:00',
    modifiedAt: null,
    fetchedAt: '2026-11-28T01:00:00.000Z',
    siteName: 'VOA',
    language: 'en',
    excerpt: 'China and South Korea are discussing the fate of 17 North Korean refugees.',
    leadImage: null,
    text,
    html: text
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join(''),
    wordCount: text.split(/\s+/).filter(Boolean).length,
    extraction: { method: 'readability', warnings: [] },
    ...over,
  };
}
