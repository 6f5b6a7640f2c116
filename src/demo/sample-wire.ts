import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderStoryPage } from './sample-wire/render.js';
import { FAILED_STORY, FALLBACK_STORY, SITE_NAME, STORIES } from './sample-wire/stories.js';

export type SampleWireFeed = { id: string; url: string; format: 'rss' | 'atom' | 'json' | 'broken' };
export type SampleWireArticle = { url: string; title: string; feedId: string; expect: 'stored' | 'fallback' | 'failed' };

export type SampleWire = {
  baseUrl: string;
  feeds: SampleWireFeed[];
  articles: SampleWireArticle[];
  /** Requests served, per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
};

/** The seed story page (also the extractor's golden fixture). */
export const SEED_PAGE_PATH = '/a/n-korean-refugees-asylum-discussed-by-beijing-seoul/2002-06-11.html';
export const SEED_TITLE = "N. Korean Refugees' Asylum Discussed by Beijing, Seoul";
const SEED_PAGE_FILE = new URL('./sample-wire/pages/voa-2002-06-11.html', import.meta.url);

const FEEDS = {
  rss: { id: 'courier-world', path: '/feeds/world.rss', format: 'rss' },
  atom: { id: 'courier-weather-sport', path: '/feeds/weather-sport.atom', format: 'atom' },
  json: { id: 'courier-business-health', path: '/feeds/business-health.json', format: 'json' },
  broken: { id: 'courier-broken', path: '/feeds/broken.xml', format: 'broken' },
} as const;

const storyBySlug = (slug: string) => {
  const s = STORIES.find((x) => x.slug === slug);
  if (!s) {
    throw new Error(`no sample story ${slug}`);
  }
  return s;
};

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const rfc822 = (iso: string): string => new Date(iso).toUTCString();

function rssFeed(base: string): string {
  const election = storyBySlug('election');
  const fallbackHtml = FALLBACK_STORY.paragraphs.map((p) => `<p>${xml(p)}</p>`).join('');
  const seedSummary =
    'China and South Korea are discussing the fate of 17 North Korean refugees inside Seoul\'s mission in Beijing.';
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(SITE_NAME)}: World</title>
    <link>${base}/news/</link>
    <description>World and city news from ${xml(SITE_NAME)}</description>
    <language>en</language>
    <atom:link href="${base}${FEEDS.rss.path}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${rfc822(FALLBACK_STORY.publishedAt)}</lastBuildDate>
    <item>
      <title>${xml(SEED_TITLE)}</title>
      <link>${base}${SEED_PAGE_PATH}</link>
      <guid isPermaLink="false">voa-2002-06-11-refugees</guid>
      <pubDate>${rfc822('2002-06-11T01:42:00Z')}</pubDate>
      <dc:creator>VOA News</dc:creator>
      <description>${xml(seedSummary)}</description>
    </item>
    <item>
      <title>${xml(election.headline)}</title>
      <link>${base}${election.path}</link>
      <guid isPermaLink="true">${base}${election.path}</guid>
      <pubDate>${rfc822(election.publishedAt)}</pubDate>
      <dc:creator>${xml(election.byline)}</dc:creator>
      <category>Politics</category>
      <description>${xml(election.description)}</description>
    </item>
    <item>
      <title>${xml(FALLBACK_STORY.title)}</title>
      <link>${base}${FALLBACK_STORY.path}</link>
      <guid isPermaLink="true">${base}${FALLBACK_STORY.path}</guid>
      <pubDate>${rfc822(FALLBACK_STORY.publishedAt)}</pubDate>
      <description>${xml(FALLBACK_STORY.paragraphs[0] ?? '')}</description>
      <content:encoded><![CDATA[${fallbackHtml}]]></content:encoded>
    </item>
    <item>
      <title>${xml(FAILED_STORY.title)}</title>
      <link>${base}${FAILED_STORY.path}</link>
      <guid isPermaLink="true">${base}${FAILED_STORY.path}</guid>
      <pubDate>${rfc822(FAILED_STORY.publishedAt)}</pubDate>
    </item>
  </channel>
</rss>
`;
}

function atomFeed(base: string): string {
  const entries = ['storm', 'football'].map(storyBySlug);
  const updated = entries.map((s) => s.modifiedAt).sort().at(-1) ?? '';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <title>${xml(SITE_NAME)}: Weather and Sport</title>
  <id>tag:courier.sample,2026:weather-sport</id>
  <link rel="self" href="${base}${FEEDS.atom.path}"/>
  <link rel="alternate" href="${base}/"/>
  <updated>${new Date(updated).toISOString()}</updated>
${entries
  .map(
    (s) => `  <entry>
    <title>${xml(s.headline)}</title>
    <id>tag:courier.sample,2026:${s.slug}</id>
    <link rel="alternate" type="text/html" href="${base}${s.path}"/>
    <published>${s.publishedAt}</published>
    <updated>${s.modifiedAt}</updated>
    <author><name>${xml(s.byline)}</name></author>
    <category term="${xml(s.section)}"/>
    <summary type="text">${xml(s.description)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}

function jsonFeed(base: string): string {
  const items = ['earnings', 'vaccine'].map(storyBySlug);
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: `${SITE_NAME}: Business and Health`,
      home_page_url: `${base}/`,
      feed_url: `${base}${FEEDS.json.path}`,
      language: 'en-GB',
      items: items.map((s) => ({
        id: `${base}${s.path}`,
        url: `${base}${s.path}`,
        title: s.headline,
        summary: s.description,
        content_text: s.description,
        date_published: s.publishedAt,
        date_modified: s.modifiedAt,
        authors: [{ name: s.byline }],
        tags: [s.section],
      })),
    },
    null,
    2,
  )}\n`;
}

function brokenFeed(base: string): string {
  // What a feed URL serves when the CMS behind it is down: an HTML error page, no feed at all.
  return `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><h1>Bad Gateway</h1><p>The upstream server for ${xml(SITE_NAME)} (${base}/late/) did not answer.</p></body></html>
`;
}

type Route = { type: string; body: (base: string) => string };

/**
 * An offline news wire for demos and end-to-end tests: an RSS 2.0, an Atom 1.0
 * and a JSON Feed 1.1 feed pointing at story pages on the same server, two
 * dead links (one whose feed entry carries the whole story, one with nothing),
 * and a truncated feed. Listens on 127.0.0.1, a random port by default.
 */
export async function startSampleWire(opts: { port?: number; host?: string } = {}): Promise<SampleWire> {
  const host = opts.host ?? '127.0.0.1';
  const seedPage = readFileSync(SEED_PAGE_FILE, 'utf8');
  const routes = new Map<string, Route>([
    [FEEDS.rss.path, { type: 'application/rss+xml; charset=utf-8', body: rssFeed }],
    [FEEDS.atom.path, { type: 'application/atom+xml; charset=utf-8', body: atomFeed }],
    [FEEDS.json.path, { type: 'application/feed+json; charset=utf-8', body: jsonFeed }],
    [FEEDS.broken.path, { type: 'application/rss+xml; charset=utf-8', body: brokenFeed }],
    [SEED_PAGE_PATH, { type: 'text/html; charset=utf-8', body: () => seedPage }],
    ...STORIES.map((s): [string, Route] => {
      const page = renderStoryPage(s);
      return [s.path, { type: 'text/html; charset=utf-8', body: () => page }];
    }),
  ]);
  const hits = new Map<string, number>();
  let baseUrl = '';

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://wire.invalid').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(route ? 405 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(route ? '' : '<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>');
      return;
    }
    const body = Buffer.from(route.body(baseUrl), 'utf8');
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': route.type,
      'content-length': body.length,
      etag,
      'cache-control': 'max-age=60',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  baseUrl = `http://${hostPart}:${addr.port}`;

  const feedUrl = (f: { path: string }): string => `${baseUrl}${f.path}`;
  const story = (slug: string, feedId: string): SampleWireArticle => {
    const s = storyBySlug(slug);
    return { url: `${baseUrl}${s.path}`, title: s.headline, feedId, expect: 'stored' };
  };
  return {
    baseUrl,
    feeds: Object.values(FEEDS).map((f) => ({ id: f.id, url: feedUrl(f), format: f.format })),
    articles: [
      { url: `${baseUrl}${SEED_PAGE_PATH}`, title: SEED_TITLE, feedId: FEEDS.rss.id, expect: 'stored' },
      story('election', FEEDS.rss.id),
      { url: `${baseUrl}${FALLBACK_STORY.path}`, title: FALLBACK_STORY.title, feedId: FEEDS.rss.id, expect: 'fallback' },
      { url: `${baseUrl}${FAILED_STORY.path}`, title: FAILED_STORY.title, feedId: FEEDS.rss.id, expect: 'failed' },
      story('storm', FEEDS.atom.id),
      story('football', FEEDS.atom.id),
      story('earnings', FEEDS.json.id),
      story('vaccine', FEEDS.json.id),
    ],
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
