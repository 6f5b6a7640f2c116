/**
 * Conformance classes of feed parsing, one small feed written for each: what the oldest
 * and strangest publishers send, read the way browsers and the best feed parsers read it.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { decodeBody } from '../../../../src/net/charset.js';
import { parseFeed } from '../../../../src/workers/fetcher/parse-feed.js';

const URL_ = 'https://news.example.test/feeds/main.xml';

const rss = (items: string, channel = '<title>Wire</title><link>https://news.example.test/</link>'): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>${channel}${items}</channel></rss>`;

async function badFeed(text: string): Promise<PipelineError> {
  const err = await parseFeed(text, URL_).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PipelineError);
  expect((err as PipelineError).code).toBe('bad_feed');
  return err as PipelineError;
}

describe(`${parseFeed.name} conformance`, () => {
  describe('1. truncated and sloppy XML', () => {
    it('recovers every item with a warning when the feed is cut off inside its last closing tag', async () => {
      const text = rss('<item><title>One</title><link>https://news.example.test/1</link></item><item><title>Two</title><link>https://news.example.test/2</link></item>').replace(/>$/, '');
      expect(text.endsWith('</rss')).toBe(true);
      const feed = await parseFeed(text, URL_);
      expect(feed.title).toBe('Wire');
      expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
      expect(feed.warnings.some((w) => /truncated/.test(w))).toBe(true);
    });

    it('recovers items when the feed stops in the middle of an item', async () => {
      const text = rss('<item><title>One</title><link>https://news.example.test/1</link></item><item><title>Two</title><link>https://news.exa');
      const cut = text.slice(0, text.lastIndexOf('news.exa') + 8);
      const feed = await parseFeed(cut, URL_);
      expect(feed.items[0]?.url).toBe('https://news.example.test/1');
      expect(feed.items).toHaveLength(2);
      expect(feed.warnings.join('\n')).toMatch(/recovered/);
    });

    it('keeps links with unescaped "&" and records that it recovered them', async () => {
      const feed = await parseFeed(rss('<item><title>Q&A: rates</title><link>https://news.example.test/a?id=1&page=2&copy=3</link></item>'), URL_);
      expect(feed.items[0]?.title).toBe('Q&A: rates');
      expect(feed.items[0]?.url).toBe('https://news.example.test/a?id=1&page=2&copy=3');
      expect(feed.warnings).toContain('recovered: unescaped "&" kept as text');
    });

    it('has no warnings when the feed is well formed', async () => {
      const feed = await parseFeed(
        rss('<item><title>A &amp; B</title><link>https://news.example.test/1</link><enclosure url="https://news.example.test/a.mp3" length="1" type="audio/mpeg"/><category/></item>'),
        URL_,
      );
      expect(feed.items[0]?.title).toBe('A & B');
      expect(feed.warnings).toEqual([]);
    });
  });

  describe('2. markup-like text in plain-text titles', () => {
    it('keeps literal angle-bracket text when an RSS title is prose about a tag', async () => {
      const feed = await parseFeed(rss('<item><title>History of the &lt;blink&gt; tag</title><link>https://news.example.test/1</link></item>'), URL_);
      expect(feed.items[0]?.title).toBe('History of the <blink> tag');
    });

    it('keeps everything literally when an Atom title is type="text"', async () => {
      const feed = await parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Use &lt;b&gt; for bold</title>
         <entry><id>e1</id><title>a &lt;em&gt; b</title><link href="https://news.example.test/e1"/></entry></feed>`,
        URL_,
      );
      expect(feed.title).toBe('Use <b> for bold');
      expect(feed.items[0]?.title).toBe('a <em> b');
    });

    it('still strips real HTML from an RSS title that carries escaped markup', async () => {
      const feed = await parseFeed(rss('<item><title>&lt;b&gt;Breaking&lt;/b&gt;: storm</title><link>https://news.example.test/1</link></item>'), URL_);
      expect(feed.items[0]?.title).toBe('Breaking: storm');
    });
  });

  describe('3. XHTML and plain <body>, <fullitem>', () => {
    it('reads an item body in <body xmlns="http://www.w3.org/1999/xhtml"> as HTML', async () => {
      const feed = await parseFeed(
        rss('<item><link>https://news.example.test/1</link><body xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>one</b>.</p><p>Two<br/>lines</p></body></item>'),
        URL_,
      );
      expect(feed.items[0]?.content).toBe('<p>Para <b>one</b>.</p><p>Two<br>lines</p>');
      expect(feed.items[0]?.summary).toBe('Para one. Two lines');
    });

    it('reads an xhtml:body with any declared prefix', async () => {
      const feed = await parseFeed(
        rss('<item xmlns:h="http://www.w3.org/1999/xhtml"><link>https://news.example.test/1</link><h:body><h:p>Prefixed</h:p></h:body></item>'),
        URL_,
      );
      expect(feed.items[0]?.content).toBe('<p>Prefixed</p>');
    });

    it('reads a plain <body> and a <fullitem> holding escaped HTML', async () => {
      const feed = await parseFeed(
        rss(
          '<item><link>https://news.example.test/1</link><body><p>Plain body</p></body></item>' +
            '<item><link>https://news.example.test/2</link><fullitem>&lt;p&gt;Full &lt;i&gt;item&lt;/i&gt;&lt;/p&gt;</fullitem></item>',
        ),
        URL_,
      );
      expect(feed.items[0]?.content).toBe('<p>Plain body</p>');
      expect(feed.items[1]?.content).toBe('<p>Full <i>item</i></p>');
    });
  });

  describe('4. relative links inside content', () => {
    it('resolves links in Atom content against xml:base', async () => {
      const feed = await parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.test/blog/">
          <entry xml:base="2024/"><id>e1</id><link href="post.html"/>
            <content type="html">&lt;a href="other.html"&gt;x&lt;/a&gt; &lt;img src='/img/a.png'&gt; &lt;a href="#top"&gt;t&lt;/a&gt; &lt;a href="mailto:d@example.test"&gt;m&lt;/a&gt;</content>
          </entry></feed>`,
        URL_,
      );
      const item = feed.items[0]!;
      expect(item.url).toBe('https://news.example.test/blog/2024/post.html');
      expect(item.content).toBe(
        '<a href="https://news.example.test/blog/2024/other.html">x</a> <img src="https://news.example.test/img/a.png"> <a href="#top">t</a> <a href="mailto:d@example.test">m</a>',
      );
      expect(feed.warnings.some((w) => /entry 1: 2 relative links in content resolved/.test(w))).toBe(true);
    });

    it('resolves links in RSS content:encoded against the document URL', async () => {
      const feed = await parseFeed(
        `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item><link>/1</link>
          <content:encoded><![CDATA[<p><a href="../about.html">About</a> <img src=pic.jpg alt=""></p>]]></content:encoded></item></channel></rss>`,
        URL_,
      );
      expect(feed.items[0]?.url).toBe('https://news.example.test/1');
      expect(feed.items[0]?.content).toBe('<p><a href="https://news.example.test/about.html">About</a> <img src="https://news.example.test/feeds/pic.jpg" alt=""></p>');
    });

    it('resolves against the xml:base of the content element itself', async () => {
      const feed = await parseFeed(
        rss('<item><link>https://news.example.test/1</link><description xml:base="https://cdn.example.test/media/">&lt;img src="a.png"&gt;&lt;object data="v.swf" codebase="/plugins/"&gt;&lt;/object&gt;</description></item>'),
        URL_,
      );
      expect(feed.items[0]?.content).toBe('<img src="https://cdn.example.test/media/a.png"><object data="https://cdn.example.test/media/v.swf" codebase="https://cdn.example.test/plugins/"></object>');
    });
  });

  describe('5. Windows-1252 C1 numeric references', () => {
    it('reads &#146; and &#150; as ’ and – in titles, in text and in escaped content', async () => {
      const feed = await parseFeed(
        rss('<item><title>It&#146;s 9&#150;5 &#x93;now&#x94;</title><link>https://news.example.test/1</link><description>&lt;p&gt;Don&amp;#146;t&lt;/p&gt;</description></item>'),
        URL_,
      );
      expect(feed.items[0]?.title).toBe('It’s 9–5 “now”');
      expect(feed.items[0]?.summary).toBe('Don’t');
    });
  });

  describe('6. namespace-aware elements', () => {
    it('reads an RSS document whose elements carry a declared prefix', async () => {
      const feed = await parseFeed(
        `<r:rss xmlns:r="http://backend.userland.com/rss2" r:version="2.0"><r:channel><r:title>Prefixed</r:title>
          <r:item><r:title>One</r:title><r:link>https://news.example.test/1</r:link></r:item></r:channel></r:rss>`,
        URL_,
      );
      expect(feed.format).toBe('rss');
      expect(feed.title).toBe('Prefixed');
      expect(feed.items.map((i) => i.url)).toEqual(['https://news.example.test/1']);
    });

    it('reads RSS 1.0 items written as <rss:item> with the RSS namespace bound to "rss"', async () => {
      const feed = await parseFeed(
        `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <rss:channel rdf:about="https://news.example.test/"><rss:title>RDF</rss:title><rss:link>https://news.example.test/</rss:link></rss:channel>
          <rss:item rdf:about="https://news.example.test/a"><rss:title>A</rss:title><rss:link>https://news.example.test/a</rss:link><dc:date>2024-01-02T03:04:05Z</dc:date></rss:item>
        </rdf:RDF>`,
        URL_,
      );
      expect(feed.format).toBe('rdf');
      expect(feed.version).toBe('RSS 1.0');
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]).toMatchObject({ title: 'A', url: 'https://news.example.test/a', publishedAt: '2024-01-02T03:04:05.000Z' });
    });

    it('matches Dublin Core and Atom elements by namespace, not by the prefix the document chose', async () => {
      const feed = await parseFeed(
        `<rss version="2.0" xmlns:purl="http://purl.org/dc/elements/1.1/" xmlns:a="http://www.w3.org/2005/Atom"><channel>
          <a:link rel="hub" href="https://hub.example.test/"/><a:link rel="self" href="https://news.example.test/feeds/main.xml"/>
          <item><link>https://news.example.test/1</link><purl:creator>Jane Roe</purl:creator><purl:date>2024-05-06T07:08:09Z</purl:date></item></channel></rss>`,
        URL_,
      );
      expect(feed.items[0]).toMatchObject({ author: 'Jane Roe', publishedAt: '2024-05-06T07:08:09.000Z' });
      expect(feed.hub).toBe('https://hub.example.test/');
      expect(feed.self).toBe('https://news.example.test/feeds/main.xml');
    });

    it('reads an Atom feed whose elements carry a prefix', async () => {
      const feed = await parseFeed(
        `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>P</atom:title><atom:entry><atom:id>x</atom:id>
          <atom:title>Entry</atom:title><atom:link href="https://news.example.test/x"/></atom:entry></atom:feed>`,
        URL_,
      );
      expect(feed.format).toBe('atom');
      expect(feed.items[0]).toMatchObject({ guid: 'x', title: 'Entry', url: 'https://news.example.test/x' });
    });
  });

  describe('7. entities declared in the internal DTD', () => {
    it('expands internal entities, also nested ones, in text and attributes', async () => {
      const feed = await parseFeed(
        `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY site "news.example.test">
  <!ENTITY id "tag:&site;,2024:42">
  <!ENTITY copy2 "&#169; Wire">
]>
<rss version="2.0"><channel><title>&copy2;</title><item><guid isPermaLink="false">&id;</guid><link>https://&site;/42</link></item></channel></rss>`,
        URL_,
      );
      expect(feed.title).toBe('© Wire');
      expect(feed.items[0]?.guid).toBe('tag:news.example.test,2024:42');
      expect(feed.items[0]?.url).toBe('https://news.example.test/42');
    });

    it('never loads an external entity, and says so', async () => {
      const feed = await parseFeed(
        `<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x&secret;</title></channel></rss>`,
        URL_,
      );
      expect(feed.title).toBe('x&secret;');
      expect(feed.warnings).toContain('external entity &secret; not loaded');
    });

    it('refuses an entity expansion bomb', async () => {
      const levels = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i++) {
        levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      }
      const err = await badFeed(`<!DOCTYPE rss [${levels.join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`);
      expect(err.message).toMatch(/entity expansion limit/);
    });

    it('refuses an entity that refers to itself', async () => {
      const err = await badFeed(`<!DOCTYPE rss [<!ENTITY a "x&b;"><!ENTITY b "y&a;">]><rss version="2.0"><channel><title>&a;</title></channel></rss>`);
      expect(err.message).toMatch(/entity expansion limit/);
    });
  });

  describe('8. comment and DOCTYPE markup in titles', () => {
    it('drops an unclosed comment and a DOCTYPE from an HTML title', async () => {
      const feed = await parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;!DOCTYPE html&gt;Desk &lt;b&gt;news&lt;/b&gt;</title>
          <entry><id>1</id><title type="html">safe&lt;!--</title><link href="https://news.example.test/1"/></entry>
          <entry><id>2</id><title type="html">a&lt;!-- hidden --&gt;b</title><link href="https://news.example.test/2"/></entry></feed>`,
        URL_,
      );
      expect(feed.title).toBe('Desk news');
      expect(feed.items.map((i) => i.title)).toEqual(['safe', 'ab']);
    });

    it('keeps the DOCTYPE of the document out of the first title', async () => {
      const feed = await parseFeed(
        `<?xml version="1.0"?>\n<!-- generator -->\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old wire</title><item><title>t&lt;!-- x</title><link>https://news.example.test/1</link></item></channel></rss>`,
        URL_,
      );
      expect(feed.title).toBe('Old wire');
      expect(feed.version).toBe('RSS 0.91');
      expect(feed.items[0]?.title).toBe('t');
    });
  });

  describe('9. type="html" content holding an XHTML div', () => {
    it('keeps the div as part of the content when the declared type is html', async () => {
      const feed = await parseFeed(
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="https://news.example.test/1"/>
          <content type="html"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p></div></content></entry>
          <entry><id>2</id><link href="https://news.example.test/2"/>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello</p></div></content></entry></feed>`,
        URL_,
      );
      expect(feed.items[0]?.content).toBe('<div><p>Hello</p></div>');
      // type="xhtml": the wrapper div is not part of the content (RFC 4287, 3.1.1.3).
      expect(feed.items[1]?.content).toBe('<p>Hello</p>');
    });
  });

  describe('10. UTF-32 with a BOM', () => {
    const xml = '<?xml version="1.0" encoding="UTF-32"?><rss version="2.0"><channel><title>Größe ’32’</title><item><link>https://news.example.test/1</link></item></channel></rss>';

    it.each(['utf-32le', 'utf-32be'])('decodes and parses %s bytes with a BOM', async (enc) => {
      const bytes = iconv.encode(xml, enc, { addBOM: true });
      const decoded = decodeBody(bytes, 'application/rss+xml');
      expect(decoded).toMatchObject({ charset: enc, source: 'bom' });
      expect((await parseFeed(decoded.text, URL_)).title).toBe('Größe ’32’');
      expect((await parseFeed(bytes, URL_)).title).toBe('Größe ’32’');
    });

    it('recovers UTF-32 bytes that were read as Latin-1 text, with a warning', async () => {
      const text = iconv.encode(xml, 'utf-32le', { addBOM: true }).toString('latin1');
      const feed = await parseFeed(text, URL_);
      expect(feed.title).toBe('Größe ’32’');
      expect(feed.warnings.join('\n')).toMatch(/UTF-16\/UTF-32/);
    });
  });
});
