import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { createExtractorPool } from '../../../../src/workers/extractor/pool.js';

const root = resolve(import.meta.dirname, '../../../..');
const seedPage = readFileSync(resolve(root, 'tests/fixtures/pages/voa-2002-06-11.html'), 'utf8');
const SEED_TITLE = "N. Korean Refugees' Asylum Discussed by Beijing, Seoul";

/** A legal but heavy page: thousands of paragraphs, slow to parse with jsdom. */
const slowPage = `<!DOCTYPE html><html><head><title>Long read</title></head><body><article>${Array.from(
  { length: 3000 },
  (_, i) => `<p>Paragraph ${i} of a very long story about harbour cranes, tides, ferries and the people who run them.</p>`,
).join('')}</article></body></html>`;

/** Far heavier: several seconds with jsdom on any machine. */
const verySlowPage = slowPage.replace('<article>', `<article>${slowPage.slice(slowPage.indexOf('<p>'), slowPage.indexOf('</article>')).repeat(10)}`);

describe(createExtractorPool.name, () => {
  const pool = createExtractorPool({ size: 2, dom: 'jsdom', timeoutMs: 60_000 });
  afterAll(async () => {
    await pool.close();
  });

  it('extracts a page in a worker thread when given the seed story', async () => {
    const article = await pool.extract(seedPage, 'https://www.voanews.test/a/seed.html');
    expect(article?.title).toBe(SEED_TITLE);
    expect(article?.text.split('\n\n')).toHaveLength(11);
  });

  it('decodes a page sent as bytes in the thread, by its declared charset, and leaves the caller its bytes', async () => {
    const utf8 = Buffer.from(seedPage, 'utf8');
    const fromBytes = await pool.extractBytes({ bytes: utf8, contentType: 'text/html; charset=utf-8' }, 'https://www.voanews.test/a/seed.html');
    expect(fromBytes).toEqual(await pool.extract(seedPage, 'https://www.voanews.test/a/seed.html'));
    expect(utf8.toString('utf8')).toBe(seedPage);
    const story = 'Caf\u00e9 owners in S\u00e3o Paulo said the na\u00efve plan would \u201ccost\u201d them dearly. '.repeat(12);
    const page = `<html><head><title>Prices</title></head><body><article><h1>Prices</h1><p>${story}</p><p>${story}</p></article></body></html>`;
    const latin = Buffer.from(page.replace(/[\u201c\u201d]/g, (q) => (q === '\u201c' ? '\x93' : '\x94')), 'latin1');
    const decoded = await pool.extractBytes({ bytes: latin, contentType: 'text/html; charset=windows-1252' }, 'https://news.test/prices');
    expect(decoded?.text).toContain('Caf\u00e9 owners in S\u00e3o Paulo said the na\u00efve plan would \u201ccost\u201d them');
  });

  it('keeps the event loop turning when a slow page is being extracted', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 1);
    try {
      const article = await pool.extract(slowPage, 'https://news.test/long-read');
      expect(article?.wordCount).toBeGreaterThan(50_000);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('runs pages in parallel and returns each its own result when several are queued', async () => {
    const pages = Array.from({ length: 5 }, (_, i) =>
      seedPage.replace("N. Korean Refugees' Asylum Discussed by Beijing, Seoul</h1>", `Copy ${i}</h1>`),
    );
    const results = await Promise.all(pages.map((p, i) => pool.extract(p, `https://www.voanews.test/a/${i}.html`)));
    expect(results.map((r) => r?.canonicalUrl)).toEqual(
      results.map(() => 'https://www.voanews.test/a/n-korean-refugees-asylum-discussed-by-beijing-seoul/2002-06-11.html'),
    );
    expect(results.every((r) => r?.title === SEED_TITLE)).toBe(true);
  });

  it('passes the hints to the extractor when given a Content-Language and a feed date', async () => {
    const bare = `<html><body><article><h1>Quay</h1>${'<p>Crews poured concrete into the new foundations of the quay wall overnight.</p>'.repeat(4)}</article></body></html>`;
    const article = await pool.extract(bare, 'https://news.test/quay', { contentLanguage: 'de', fallbackPublishedAt: '2026-11-20T08:00:00Z' });
    expect(article?.language).toBe('de');
    expect(article?.publishedAt).toBe('2026-11-20T08:00:00Z');
  });

  it('resolves null when the page has no article', async () => {
    expect(await pool.extract('<html><body><nav>Home</nav></body></html>', 'https://news.test/')).toBeNull();
  });

  it('rejects with the permanent PipelineError from the worker when a page is over the size limit', async () => {
    const small = createExtractorPool({ size: 1, maxChars: 1000 });
    try {
      const err = await small.extract(seedPage, 'https://news.test/big').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PipelineError);
      expect((err as PipelineError).code).toBe('too_large');
      expect((err as PipelineError).retryable).toBe(false);
    } finally {
      await small.close();
    }
  });

  it('rejects with a timeout and keeps serving other pages when a page exceeds the time budget', async () => {
    const tight = createExtractorPool({ size: 1, dom: 'jsdom', timeoutMs: 1000 });
    try {
      const err = await tight.extract(verySlowPage, 'https://news.test/slow').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PipelineError);
      expect((err as PipelineError).code).toBe('timeout');
      expect((err as PipelineError).retryable).toBe(false);
      const ok = await tight.extract('<html><body><article><p>' + 'Tide tables. '.repeat(40) + '</p></article></body></html>', 'https://news.test/ok');
      expect(ok?.wordCount).toBe(80);
    } finally {
      await tight.close();
    }
  });

  it('rejects new pages when the pool is closed', async () => {
    const p = createExtractorPool({ size: 1 });
    await p.close();
    await expect(p.extract(seedPage, 'https://news.test/a')).rejects.toBeInstanceOf(PipelineError);
  });
});
