import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { LIMITS } from '../../../../src/queues/contracts.js';
import { parseFeed } from '../../../../src/workers/fetcher/parse-feed.js';

const fixture = (name: string): string => readFileSync(resolve('tests/fixtures/feeds', name), 'utf8');

async function expectBadFeed(text: string, message: RegExp): Promise<void> {
  const err = await parseFeed(text, 'https://feeds.example.test/feed').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PipelineError);
  expect((err as PipelineError).code).toBe('bad_feed');
  expect((err as PipelineError).retryable).toBe(false);
  expect((err as PipelineError).message).toMatch(message);
}

describe(parseFeed.name, () => {
  it('maps RSS 2.0 fields and resolves links against xml:base when the channel sets one', async () => {
    const feed = await parseFeed(fixture('rss2-wire.xml'), 'https://wire.example.org/feed.xml');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Example Wire & Co');
    expect(feed.link).toBe('https://wire.example.org/');
    expect(feed.items).toHaveLength(3);
    const [first, second, third] = feed.items;
    expect(first).toEqual({
      guid: 'wire-1001',
      url: 'https://wire.example.org/news/2002/06/11/refugees.html?utm_source=rss#top',
      title: 'Refugees’ asylum discussed',
      publishedAt: '2002-06-11T07:30:00.000Z',
      updatedAt: null,
      author: 'Jane Doe',
      summary: 'Beijing and Seoul discussed the fate of refugees.',
      content: '<p>Full story.</p><p>Second paragraph.</p>',
      categories: ['Asia', 'Refugees'],
    });
    expect(second?.url).toBe('https://wire.example.org/news/second');
    expect(second?.publishedAt).toBe('2002-06-11T10:00:00.000Z');
    expect(second?.summary).toBe('Plain & simple');
    expect(second?.content).toBe('Plain & simple');
    expect(third?.url).toBe('https://wire.example.org/third');
    expect(third?.publishedAt).toBeNull();
    expect(third?.guid).toBeNull();
  });

  it('maps Atom 1.0 with nested xml:base, xhtml content and html titles', async () => {
    const feed = await parseFeed(fixture('atom10-base.xml'), 'https://atom.example.org/feed.atom');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Atom Blog');
    expect(feed.link).toBe('https://atom.example.org/blog/');
    const [first, second] = feed.items;
    expect(first?.url).toBe('https://atom.example.org/blog/posts/robots.html');
    expect(first?.guid).toBe('urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a');
    expect(first?.publishedAt).toBe('2003-12-13T12:29:29.000Z');
    expect(first?.updatedAt).toBe('2003-12-13T18:30:02.000Z');
    expect(first?.author).toBe('Feed Author');
    expect(first?.summary).toBe('Some text.');
    expect(first?.content).toBe('<p>Inline <em>xhtml</em> body</p>');
    expect(first?.categories).toEqual(['robots']);
    expect(second?.title).toBe('Second & last');
    expect(second?.url).toBe('https://other.example.net/a?b=1');
    expect(second?.content).toBe('<p>Escaped <i>html</i></p>');
    expect(second?.summary).toBe('Escaped html');
    // no published date: the update time stands in
    expect(second?.publishedAt).toBe('2003-12-14T10:00:00.000Z');
  });

  it('maps RSS 1.0 items that sit beside the channel when the feed is RDF', async () => {
    const feed = await parseFeed(fixture('rdf10.xml'), 'https://rdf.example.org/rss');
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('RDF Site');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://rdf.example.org/item/1',
      url: 'https://rdf.example.org/item/1',
      publishedAt: '2024-03-01T11:00:00.000Z',
      author: 'Wire Desk',
      summary: 'RDF description',
    });
  });

  it('maps JSON Feed 1.1 and skips malformed items when some are not objects', async () => {
    const feed = await parseFeed(fixture('jsonfeed11.json'), 'https://json.example.org/feed.json');
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('JSON Wire');
    expect(feed.link).toBe('https://json.example.org/');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      guid: '42',
      url: 'https://json.example.org/2024/story.html',
      title: 'A JSON story',
      publishedAt: '2024-02-29T21:59:59.000Z',
      updatedAt: null,
      author: 'Desk',
      summary: 'Short summary',
      content: '<p>Body <b>html</b></p>',
      categories: ['Politics', 'Asia'],
    });
    expect(feed.items[1]?.url).toBe('https://elsewhere.example.com/x');
    expect(feed.items[1]?.content).toBe('<p>Line one.</p>\n<p>Line &lt;two&gt;.</p>');
    expect(feed.items[1]?.updatedAt).toBeNull();
  });

  it('detects the format when the text starts with a BOM and whitespace', async () => {
    const feed = await parseFeed('\ufeff \n\t' + fixture('rdf10.xml'), 'https://rdf.example.org/rss');
    expect(feed.format).toBe('rdf');
    const json = await parseFeed('\ufeff\n' + fixture('jsonfeed11.json'), 'https://json.example.org/feed.json');
    expect(json.format).toBe('json');
  });

  it('reads an RSS 0.91 feed and an RSS feed without version when they are well formed', async () => {
    const rss091 = '<rss version="0.91"><channel><title>Old</title><item><title>A</title><link>http://old.example.org/a</link></item></channel></rss>';
    expect((await parseFeed(rss091, 'http://old.example.org/rss')).items[0]?.url).toBe('http://old.example.org/a');
    const noVersion = '<rss><channel><title>Bare</title><item><guid>g</guid><link>/x</link></item></channel></rss>';
    expect((await parseFeed(noVersion, 'http://bare.example.org/rss')).items[0]?.url).toBe('http://bare.example.org/x');
  });

  it('repairs bare ampersands and HTML entities when the XML is sloppy', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Fish & Chips &amp; more&nbsp;&lt;3 &eacute;</title></channel></rss>',
      'https://x.example.org/',
    );
    expect(feed.title).toBe('Fish & Chips & more <3 é');
  });

  it('repairs badly nested tags when the XML is not well formed', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Wire</title><language>en</langauge><item><title>A</title><link>https://a.example.org/1</link></channel></rss>',
      'https://a.example.org/rss',
    );
    expect(feed.title).toBe('Wire');
    expect(feed.items.map((i) => i.url)).toEqual(['https://a.example.org/1']);
  });

  it('decodes an Atom 0.3 base64 title when mode is base64', async () => {
    const feed = await parseFeed(
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title mode="base64">RW50cnkgVGl0bGU=</title><issued>Sun, 06 Jul 2014 12:56:00 GMT</issued><link rel="alternate" href="http://a.example.org/1"/></entry></feed>',
      'http://a.example.org/feed',
    );
    expect(feed.items[0]?.title).toBe('Entry Title');
    expect(feed.items[0]?.publishedAt).toBe('2014-07-06T12:56:00.000Z');
  });

  it('caps summary and content when the item is huge', async () => {
    const big = 'word '.repeat(60_000);
    const feed = await parseFeed(
      `<rss version="2.0"><channel><item><link>https://a.example.org/1</link><description>${big}</description></item></channel></rss>`,
      'https://a.example.org/rss',
    );
    expect(feed.items[0]?.summary?.length).toBeLessThanOrEqual(LIMITS.summaryChars);
    expect(feed.items[0]?.content?.length).toBe(LIMITS.feedContentChars);
  });

  it('returns an empty feed when the RSS has no channel', async () => {
    const feed = await parseFeed('<?xml version="1.0"?><rss version="2.0"></rss>', 'https://a.example.org/rss');
    expect(feed).toEqual({ format: 'rss', version: 'RSS 2.0', title: null, link: null, hub: null, self: null, warnings: [], items: [] });
  });

  it('throws bad_feed when the input is not a feed', async () => {
    await expectBadFeed('', /empty/);
    await expectBadFeed('   \ufeff  ', /empty/);
    await expectBadFeed('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>', /HTML page/);
    await expectBadFeed('<note><to>Tove</to></note>', /unknown XML root <note>/);
    await expectBadFeed('<rss version="2.0"', /malformed XML/);
    await expectBadFeed('{"verion": "1.0"', /invalid JSON/);
    await expectBadFeed('{"title": "x", "items": []}', /not a JSON Feed/);
    await expectBadFeed('{"version": "https://jsonfeed.org/version/1.1", "items": 3}', /items/);
    await expectBadFeed('just some text', /neither XML nor JSON/);
    await expectBadFeed('\u0000\u0001binary', /neither XML nor JSON/);
  });
});
