import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleWire, type SampleWire } from '../../../src/demo/sample-wire.js';
import { extractArticle } from '../../../src/workers/extractor/extract-article.js';

const root = resolve(import.meta.dirname, '../../..');

describe(startSampleWire.name, () => {
  let wire: SampleWire;
  beforeAll(async () => {
    wire = await startSampleWire();
  });
  afterAll(async () => {
    await wire.close();
  });

  it('listens on 127.0.0.1 with a random port when given no options', () => {
    expect(wire.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(wire.baseUrl).not.toMatch(/:0$/);
  });

  it('serves RSS and Atom feeds that parse, with items linking to the same server, when fetched', async () => {
    const parser = new Parser();
    for (const feed of wire.feeds.filter((f) => f.format === 'rss' || f.format === 'atom')) {
      const res = await fetch(feed.url);
      expect(res.status).toBe(200);
      const parsed = await parser.parseString(await res.text());
      expect(parsed.items.length, feed.id).toBeGreaterThanOrEqual(2);
      expect(parsed.items.length, feed.id).toBeLessThanOrEqual(4);
      for (const item of parsed.items) {
        expect(item.link?.startsWith(`${wire.baseUrl}/`)).toBe(true);
      }
    }
  });

  it('serves a JSON Feed 1.1 when fetched', async () => {
    const feed = wire.feeds.find((f) => f.format === 'json');
    const res = await fetch(feed?.url ?? '');
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { version: string; items: Array<{ url: string }> };
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    for (const item of body.items) {
      expect(item.url.startsWith(`${wire.baseUrl}/`)).toBe(true);
    }
  });

  it('serves a feed that fails to parse when the format is broken', async () => {
    const feed = wire.feeds.find((f) => f.format === 'broken');
    const res = await fetch(feed?.url ?? '');
    expect(res.status).toBe(200);
    await expect(new Parser().parseString(await res.text())).rejects.toThrow();
  });

  it('lists every feed item as an article, each with its expected outcome', async () => {
    const parser = new Parser();
    const links: string[] = [];
    for (const feed of wire.feeds.filter((f) => f.format === 'rss' || f.format === 'atom')) {
      const parsed = await parser.parseString(await (await fetch(feed.url)).text());
      links.push(...parsed.items.map((i) => i.link ?? ''));
    }
    const json = (await (await fetch(wire.feeds.find((f) => f.format === 'json')?.url ?? '')).json()) as {
      items: Array<{ url: string }>;
    };
    links.push(...json.items.map((i) => i.url));
    expect(new Set(links)).toEqual(new Set(wire.articles.map((a) => a.url)));
    expect(wire.articles.filter((a) => a.expect === 'fallback')).toHaveLength(1);
    expect(wire.articles.filter((a) => a.expect === 'failed')).toHaveLength(1);
  });

  it('answers 200 for stored articles and 404 for dead ones when pages are fetched', async () => {
    for (const article of wire.articles) {
      const res = await fetch(article.url);
      await res.text();
      expect(res.status, article.url).toBe(article.expect === 'stored' ? 200 : 404);
    }
  });

  it('carries at least 80 words of content for the fallback item and none for the failed one', async () => {
    const rss = wire.feeds.find((f) => f.format === 'rss');
    const parsed = await new Parser().parseString(await (await fetch(rss?.url ?? '')).text());
    const fallback = wire.articles.find((a) => a.expect === 'fallback');
    const failed = wire.articles.find((a) => a.expect === 'failed');
    const fbItem = parsed.items.find((i) => i.link === fallback?.url);
    const failedItem = parsed.items.find((i) => i.link === failed?.url);
    const words = (fbItem?.['content:encoded'] as string | undefined ?? '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean);
    expect(words.length).toBeGreaterThanOrEqual(80);
    expect(failedItem?.content ?? '').toBe('');
    expect(failedItem?.['content:encoded']).toBeUndefined();
  });

  it('serves the golden fixture byte for byte as the seed story page', async () => {
    const seed = wire.articles.find((a) => a.title.startsWith('N. Korean Refugees'));
    const served = await (await fetch(seed?.url ?? '')).text();
    expect(served).toBe(readFileSync(resolve(root, 'tests/fixtures/pages/voa-2002-06-11.html'), 'utf8'));
  });

  it('yields each stored page as an article with its feed title when extracted', async () => {
    for (const article of wire.articles.filter((a) => a.expect === 'stored')) {
      const html = await (await fetch(article.url)).text();
      const extracted = extractArticle(html, article.url);
      expect(extracted?.title, article.url).toBe(article.title);
      expect(extracted?.canonicalUrl).toBe(article.url);
      expect(extracted?.text).not.toMatch(/Read more|newsletter|Share on|Related stories|Leave a comment|Most read|Follow The/i);
    }
  });

  it('counts requests per path when pages are fetched', async () => {
    const article = wire.articles[1];
    const path = new URL(article?.url ?? '').pathname;
    const before = wire.hits.get(path) ?? 0;
    await (await fetch(article?.url ?? '')).text();
    await (await fetch(article?.url ?? '')).text();
    expect(wire.hits.get(path)).toBe(before + 2);
  });

  it('answers 304 when the ETag matches', async () => {
    const url = wire.feeds[0]?.url ?? '';
    const first = await fetch(url);
    await first.text();
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
  });
});
