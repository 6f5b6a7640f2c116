import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { parseOpml, readOpml, toOpml } from '../../../../src/workers/fetcher/opml.js';

const SAMPLE = `\ufeff<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a reader -->
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="VOA &amp; Friends" xmlUrl="https://www.voanews.com/api/rss?x=1&amp;y=2" htmlUrl="https://www.voanews.com/"/>
      <outline text="Asia">
        <outline type="rss" title="Nested" xmlUrl="https://asia.example.org/feed.xml"></outline>
      </outline>
    </outline>
    <outline type="rss" text="Top level" xmlurl='https://top.example.org/rss'/>
    <outline type="rss" text="Duplicate" xmlUrl="https://top.example.org/rss"/>
    <outline type="rss" text="Not http" xmlUrl="javascript:alert(1)"/>
    <outline text="Empty folder"></outline>
  </body>
</opml>`;

describe(parseOpml.name, () => {
  it('reads nested outlines with their folders when the file has categories', () => {
    expect(parseOpml(SAMPLE)).toEqual([
      { url: 'https://www.voanews.com/api/rss?x=1&y=2', title: 'VOA & Friends', htmlUrl: 'https://www.voanews.com/', category: 'World' },
      { url: 'https://asia.example.org/feed.xml', title: 'Nested', category: 'World / Asia' },
      { url: 'https://top.example.org/rss', title: 'Top level' },
    ]);
  });

  it('names every outline it skipped, with its line and reason, when entries are duplicated, invalid or not feeds', () => {
    expect(readOpml(SAMPLE).skipped).toEqual([
      { line: 13, text: 'Duplicate', xmlUrl: 'https://top.example.org/rss', reason: 'duplicate', firstLine: 12 },
      { line: 14, text: 'Not http', xmlUrl: 'javascript:alert(1)', reason: 'invalid URL' },
      { line: 15, text: 'Empty folder', reason: 'not a feed outline' },
    ]);
  });

  it('skips a link outline and an unparseable URL but not a folder holding feeds', () => {
    const { feeds, skipped } = readOpml(`<opml version="1.0"><body>
<outline text="Desk"><outline text="Site" type="link" url="https://site.example.org/"/><outline text="Bad" xmlUrl="http://"/>
<outline text="Good" xmlUrl="https://good.example.org/rss"/></outline></body></opml>`);
    expect(feeds).toEqual([{ url: 'https://good.example.org/rss', title: 'Good', category: 'Desk' }]);
    expect(skipped.map((s) => [s.line, s.text, s.reason])).toEqual([
      [2, 'Site', 'not a feed outline'],
      [2, 'Bad', 'invalid URL'],
    ]);
  });

  it('throws bad_payload when the text is not OPML', () => {
    const err = (() => {
      try {
        parseOpml('<rss version="2.0"></rss>');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).code).toBe('bad_payload');
  });
});

describe(toOpml.name, () => {
  it('writes OPML 2.0 that reads back to the same feeds', () => {
    const feeds = [
      { url: 'https://a.example.org/feed?x=1&y=2', title: 'A "quoted" <feed>', htmlUrl: 'https://a.example.org/' },
      { url: 'https://b.example.org/rss', category: 'World' },
      { url: 'https://c.example.org/atom', title: 'C', category: 'World' },
    ];
    const xml = toOpml(feeds, { title: 'Telex', dateCreated: 'Sat, 01 Jun 2024 12:00:00 GMT' });
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('<dateCreated>Sat, 01 Jun 2024 12:00:00 GMT</dateCreated>');
    expect(parseOpml(xml)).toEqual([
      feeds[0],
      { url: 'https://b.example.org/rss', title: 'https://b.example.org/rss', category: 'World' },
      feeds[2],
    ]);
  });
});
