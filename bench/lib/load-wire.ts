/**
 * A local load wire: N feeds x M items over synthetic article pages, served on
 * 127.0.0.1. Used by the pipeline benchmark and the chaos suite.
 *
 * - Feeds rotate between RSS 2.0, Atom 1.0 and JSON Feed 1.1.
 * - Pages vary in layout (JSON-LD + Open Graph, <time> only, bare <article>,
 *   div soup), length (3-14 paragraphs), boilerplate (navigation, share bars,
 *   related links, comments) and language (mostly English, some French,
 *   German and Spanish). Some items are copies of an earlier story under
 *   another URL (wire copy), so near-duplicate clustering has work to do.
 * - Bad input, every `badEvery`-th item, in turn:
 *     dead      page 404, feed has no content     -> the item fails (permanent)
 *     fallback  page 404, feed carries the story  -> stored from feed content
 *     empty     page holds no story, no content   -> skipped as unreadable
 *   and every `flakyEvery`-th good item answers 503 once before serving the
 *   page (a retry, then stored).
 * - Items are published at `publishPerSecond` (all at once when unset): a
 *   feed lists only items already published, newest first. The wire records
 *   when each item first appeared in a served feed (the publish time for
 *   publish -> stored latency).
 *
 * Everything is deterministic for a given `seed`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rng } from './rng.js';

export type LoadWireOptions = {
  feeds: number;
  itemsPerFeed: number;
  /** Every n-th item is bad input (dead, fallback, empty in turn). 0 = none. Default 50. */
  badEvery?: number;
  /** Every n-th good item answers 503 once. 0 = none. Default 0. */
  flakyEvery?: number;
  /** Every n-th good item repeats an earlier story's text under its own URL. 0 = none. Default 40. */
  copyEvery?: number;
  /** Items published per second across all feeds; all published at start when unset. */
  publishPerSecond?: number;
  seed?: number;
  host?: string;
  port?: number;
};

export type ItemExpectation = 'stored' | 'fallback' | 'failed' | 'skipped';
export type ItemKind = 'good' | 'flaky' | 'copy' | 'dead' | 'fallback' | 'empty';

export type LoadWireItem = {
  /** Global sequence number (publish order). */
  seq: number;
  feedId: string;
  url: string;
  title: string;
  kind: ItemKind;
  expect: ItemExpectation;
};

export type LoadWire = {
  baseUrl: string;
  feeds: Array<{ id: string; url: string; format: 'rss' | 'atom' | 'json' }>;
  items: LoadWireItem[];
  /** Items expected in the store (stored + fallback). */
  expectedStored: number;
  /** First time (epoch ms) each item URL appeared in a served feed. */
  firstServedAt: Map<string, number>;
  /** When an item was published (epoch ms): its scheduled time on a paced wire, else when first served. */
  publishedAt(url: string): number | undefined;
  stats: { feedRequests: number; notModified: number; pageRequests: number; errors503: number };
  /** Publishes everything not yet published (for a paced wire). */
  publishAll(): void;
  close(): Promise<void>;
};


const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Lang = 'en' | 'fr' | 'de' | 'es';

const WORDS: Record<Lang, string[]> = {
  en: `the council said on monday that the new budget would cover transport housing schools and hospitals across the region
    officials expect the plan to face strong opposition from business groups who argue that higher taxes will slow growth while
    unions welcomed the proposal as a long overdue investment in public services the minister told reporters after a meeting with
    regional leaders that negotiations would continue through the week and that a final vote could come before the end of the month
    analysts noted that inflation had eased in recent months giving the government more room to spend without raising borrowing costs
    residents in the northern districts have complained for years about delays to the rail line which was first promised a decade ago
    police said the investigation was continuing and appealed for witnesses to come forward farmers warned that the dry summer had cut
    yields by almost a third the company reported quarterly profit above expectations and raised its forecast for the full year shares
    rose sharply in early trading doctors at the city hospital said the number of patients admitted with respiratory infections had
    doubled since october scientists published the results of a five year study on coastal erosion which found that storms had become
    more frequent the football club confirmed that its captain would miss the rest of the season after surgery on his knee`
    .split(/\s+/)
    .filter(Boolean),
  fr: `le gouvernement a annoncé lundi un nouveau plan pour les transports publics dans la région les syndicats ont salué cette décision
    tandis que les entreprises craignent une hausse des impôts le ministre a déclaré aux journalistes que les négociations se poursuivraient
    toute la semaine les habitants des quartiers nord attendent depuis des années la nouvelle ligne de tramway la police a ouvert une enquête
    et lance un appel à témoins les agriculteurs estiment que la sécheresse a réduit les récoltes d un tiers`
    .split(/\s+/)
    .filter(Boolean),
  de: `die regierung hat am montag einen neuen plan für den öffentlichen verkehr in der region vorgestellt die gewerkschaften begrüßten
    die entscheidung während unternehmen höhere steuern befürchten der minister sagte vor journalisten dass die verhandlungen die ganze
    woche weitergehen würden die bewohner der nördlichen stadtteile warten seit jahren auf die neue straßenbahnlinie die polizei hat
    ermittlungen aufgenommen und bittet zeugen sich zu melden die landwirte schätzen dass die dürre die ernte um ein drittel verringert hat`
    .split(/\s+/)
    .filter(Boolean),
  es: `el gobierno anunció el lunes un nuevo plan para el transporte público en la región los sindicatos celebraron la decisión mientras
    las empresas temen una subida de impuestos el ministro dijo a los periodistas que las negociaciones continuarían durante toda la semana
    los vecinos de los barrios del norte esperan desde hace años la nueva línea de tranvía la policía abrió una investigación y pidió la
    colaboración de testigos los agricultores calculan que la sequía redujo la cosecha en un tercio`
    .split(/\s+/)
    .filter(Boolean),
};

const PEOPLE = ['Ines Varga', 'Bruno Scheel', 'Amara Osei', 'Lena Kowalski', 'Tomas Ferreira', 'Hana Sato', 'Omar Haddad', 'Clara Novak', 'Pieter de Wit', 'Sofia Marin'];
const PLACES = ['Port Amsel', 'Kestrel Bay', 'Norrvik', 'Valdora', 'Halden Cross', 'Marisco', 'Eastmere', 'Brightwater', 'Oskana', 'Tarn Valley'];
const ORGS = ['Harbour Transit Authority', 'Valdora Energy', 'Northern Rail Union', 'City Hospital Trust', 'Kestrel Bay Council', 'Amsel Port Holdings'];
const SECTIONS = ['World', 'Politics', 'Business', 'Health', 'Science', 'Sport', 'Weather', 'Culture'];

type Story = {
  seq: number;
  slug: string;
  path: string;
  lang: Lang;
  section: string;
  headline: string;
  byline: string;
  place: string;
  publishedAt: string;
  paragraphs: string[];
  layout: number;
  boilerplate: number;
};

function sentence(r: () => number, lang: Lang): string {
  const words = WORDS[lang];
  const n = 10 + Math.floor(r() * 18);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(words[Math.floor(r() * words.length)] ?? 'news');
  }
  if (lang === 'en' && r() < 0.5) {
    const who = PEOPLE[Math.floor(r() * PEOPLE.length)] ?? '';
    const org = ORGS[Math.floor(r() * ORGS.length)] ?? '';
    out.splice(Math.min(3, out.length), 0, `${who} of the ${org}`);
  }
  if (r() < 0.4) {
    out.push('in', PLACES[Math.floor(r() * PLACES.length)] ?? '');
  }
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** `at(seq)`: the story's publication time (epoch ms). */
function makeStory(seq: number, r: () => number, at: (seq: number) => number): Story {
  const x = r();
  const lang: Lang = x < 0.85 ? 'en' : x < 0.9 ? 'fr' : x < 0.95 ? 'de' : 'es';
  const section = SECTIONS[Math.floor(r() * SECTIONS.length)] ?? 'World';
  const place = PLACES[Math.floor(r() * PLACES.length)] ?? 'Port Amsel';
  const headWords = sentence(r, lang).replace(/\.$/, '').split(' ').slice(0, 6 + Math.floor(r() * 6));
  const headline = `${headWords.join(' ')} (${seq})`;
  const paragraphs: string[] = [];
  const count = 3 + Math.floor(r() * 12);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const ns = 2 + Math.floor(r() * 4);
    for (let s = 0; s < ns; s++) {
      sentences.push(sentence(r, lang));
    }
    paragraphs.push(p === 0 ? `${place.toUpperCase()} — ${sentences.join(' ')}` : sentences.join(' '));
  }
  const publishedAt = new Date(at(seq)).toISOString();
  const day = publishedAt.slice(0, 10).replace(/-/g, '/');
  const slug = `story-${seq}-${headWords.slice(0, 4).join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '')}`;
  return {
    seq,
    slug,
    path: `/${section.toLowerCase()}/${day}/${slug}.html`,
    lang,
    section,
    headline,
    byline: PEOPLE[Math.floor(r() * PEOPLE.length)] ?? 'Staff',
    place,
    publishedAt,
    paragraphs,
    layout: Math.floor(r() * 4),
    boilerplate: Math.floor(r() * 3),
  };
}

function boilerplate(level: number, r: () => number): { nav: string; aside: string; comments: string; footer: string } {
  const links = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => `<li><a href="/${prefix}/${i}">${esc(`${prefix} ${PLACES[i % PLACES.length]} update ${i}`)}</a></li>`).join('');
  const nav = `<nav class="site-nav"><ul>${SECTIONS.map((s) => `<li><a href="/${s.toLowerCase()}/">${s}</a></li>`).join('')}</ul></nav>
    <div class="breaking">Breaking News: <a href="/live">Live coverage</a></div>`;
  const aside = level > 0 ? `<aside class="related"><h2>Related</h2><ul>${links(4 + level * 4, 'related')}</ul></aside>` : '';
  const comments =
    level > 1
      ? `<section class="comments"><h2>Comments</h2>${Array.from({ length: 3 + Math.floor(r() * 6) }, (_, i) => `<div class="comment"><b>reader${i}</b><p>${esc(sentence(r, 'en'))}</p></div>`).join('')}</section>`
      : '';
  const footer = `<footer><p>© The Load Wire</p><ul>${links(6, 'about')}</ul></footer>`;
  return { nav, aside, comments, footer };
}

/** A story page; `empty` serves the site chrome with no story in it. */
function renderPage(story: Story, copyOf: Story | null, empty: boolean, r: () => number): string {
  const text = copyOf ?? story;
  const bp = boilerplate(story.boilerplate, r);
  const paras = empty ? '' : text.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const share = `<div class="share"><a href="/share/fb">Share</a> <a href="/share/x">Post</a> <a href="/share/mail">Email</a></div>`;
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.publishedAt,
    inLanguage: story.lang,
    author: [{ '@type': 'Person', name: story.byline }],
    publisher: { '@type': 'NewsMediaOrganization', name: 'The Load Wire' },
  }).replace(/</g, '\\u003c');
  const head = (extra: string) => `<!DOCTYPE html>
<html lang="${story.lang}">
<head>
<meta charset="utf-8">
<title>${esc(story.headline)} | The Load Wire</title>
<link rel="canonical" href="${esc(story.path)}">
${extra}
</head>`;
  const title = `<h1>${esc(story.headline)}</h1>`;
  switch (empty ? 3 : story.layout) {
    case 0:
      return `${head(`<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="The Load Wire"><meta property="article:published_time" content="${story.publishedAt}"><script type="application/ld+json">${ld}</script>`)}
<body>${bp.nav}<main><article>${title}<p class="byline">By ${esc(story.byline)}</p>${share}
${paras}
</article>${bp.aside}${bp.comments}</main>${bp.footer}</body></html>`;
    case 1:
      return `${head(`<meta name="author" content="${esc(story.byline)}">`)}
<body>${bp.nav}<div id="content"><div class="story">${title}<time datetime="${story.publishedAt}">${story.publishedAt.slice(0, 10)}</time>
<div class="story-body">${paras}</div>${share}</div>${bp.aside}</div>${bp.comments}${bp.footer}</body></html>`;
    case 2:
      return `${head('')}
<body>${bp.nav}<article>${title}
${paras}
</article>${bp.footer}</body></html>`;
    default:
      return `${head('<meta name="robots" content="noindex">')}
<body>${bp.nav}<div class="wrap"><div class="col-main">${empty ? '<p>This page has moved.</p>' : `${title}<div class="text">${paras}</div>`}</div>
<div class="col-side">${bp.aside}</div></div>${bp.comments}${bp.footer}</body></html>`;
  }
}

type Entry = { item: LoadWireItem; story: Story; copyOf: Story | null; feedIndex: number };

export async function startLoadWire(opts: LoadWireOptions): Promise<LoadWire> {
  const seed = opts.seed ?? 7;
  const badEvery = opts.badEvery ?? 50;
  const flakyEvery = opts.flakyEvery ?? 0;
  const copyEvery = opts.copyEvery ?? 40;
  const r = rng(seed);
  const baseTime = Date.UTC(2026, 10, 1);
  const total = opts.feeds * opts.itemsPerFeed;
  // A paced wire dates each item when it appears (the fetcher's adaptive schedule reads these dates);
  // otherwise items are a minute apart in the past.
  const wireStart = Date.now();
  const rate = opts.publishPerSecond;
  const at = rate ? (seq: number) => wireStart + Math.floor((seq / rate) * 1000) : (seq: number) => baseTime - (100_000 - seq) * 60_000;
  const feedIds = Array.from({ length: opts.feeds }, (_, i) => `load-${String(i).padStart(3, '0')}`);
  const formats = ['rss', 'atom', 'json'] as const;
  const entries: Entry[] = [];
  const byPath = new Map<string, Entry>();
  const badKinds = ['dead', 'fallback', 'empty'] as const;
  let bad = 0;
  let good = 0;
  for (let seq = 0; seq < total; seq++) {
    const feedIndex = seq % opts.feeds;
    const story = makeStory(seq, r, at);
    let kind: ItemKind = 'good';
    if (badEvery > 0 && seq % badEvery === badEvery - 1) {
      kind = badKinds[bad++ % badKinds.length] ?? 'dead';
    } else {
      good++;
      if (flakyEvery > 0 && good % flakyEvery === 0) {
        kind = 'flaky';
      } else if (copyEvery > 0 && good % copyEvery === 0 && entries.length > 0) {
        kind = 'copy';
      }
    }
    const copyOf = kind === 'copy' ? (entries[Math.floor(r() * entries.length)]?.story ?? null) : null;
    const expect: ItemExpectation = kind === 'dead' ? 'failed' : kind === 'empty' ? 'skipped' : kind === 'fallback' ? 'fallback' : 'stored';
    const entry: Entry = {
      item: { seq, feedId: feedIds[feedIndex] ?? '', url: '', title: story.headline, kind, expect },
      story,
      copyOf,
      feedIndex,
    };
    entries.push(entry);
    byPath.set(story.path, entry);
  }

  const firstServedAt = new Map<string, number>();
  const stats = { feedRequests: 0, notModified: 0, pageRequests: 0, errors503: 0 };
  const flakyServed = new Set<string>();
  const started = wireStart;
  let publishedOverride = false;
  const published = (): number => {
    if (publishedOverride || !opts.publishPerSecond) {
      return total;
    }
    return Math.min(total, Math.floor(((Date.now() - started) / 1000) * opts.publishPerSecond) + 1);
  };
  const pageCache = new Map<string, string>();
  let baseUrl = '';

  const feedBody = (feedIndex: number): { body: string; type: string; urls: string[] } => {
    const upTo = published();
    const items: Entry[] = [];
    for (let seq = feedIndex; seq < upTo; seq += opts.feeds) {
      const e = entries[seq];
      if (e) {
        items.push(e);
      }
    }
    items.reverse();
    const id = feedIds[feedIndex] ?? '';
    const format = formats[feedIndex % formats.length] ?? 'rss';
    const urls = items.map((e) => `${baseUrl}${e.story.path}`);
    const content = (e: Entry) => (e.item.kind === 'fallback' ? e.story.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('') : null);
    const summary = (e: Entry) => (e.item.kind === 'dead' || e.item.kind === 'empty' ? '' : (e.story.paragraphs[0] ?? '').slice(0, 180));
    if (format === 'json') {
      const body = JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: `Load Wire ${id}`,
        home_page_url: `${baseUrl}/`,
        feed_url: `${baseUrl}/feeds/${id}.json`,
        items: items.map((e) => ({
          id: `${baseUrl}${e.story.path}`,
          url: `${baseUrl}${e.story.path}`,
          title: e.story.headline,
          date_published: e.story.publishedAt,
          authors: [{ name: e.story.byline }],
          ...(content(e) ? { content_html: content(e) } : summary(e) ? { summary: summary(e) } : {}),
        })),
      });
      return { body, type: 'application/feed+json; charset=utf-8', urls };
    }
    if (format === 'atom') {
      const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Load Wire ${id}</title><id>tag:load.wire,2026:${id}</id>
<link rel="self" href="${baseUrl}/feeds/${id}.atom"/>
<updated>${items[0]?.story.publishedAt ?? new Date(baseTime).toISOString()}</updated>
${items
  .map(
    (e) => `<entry><title>${esc(e.story.headline)}</title><id>tag:load.wire,2026:${e.story.slug}</id>
<link rel="alternate" type="text/html" href="${baseUrl}${e.story.path}"/>
<published>${e.story.publishedAt}</published><updated>${e.story.publishedAt}</updated>
<author><name>${esc(e.story.byline)}</name></author>${summary(e) ? `<summary>${esc(summary(e))}</summary>` : ''}${content(e) ? `<content type="html">${esc(content(e) ?? '')}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
      return { body, type: 'application/atom+xml; charset=utf-8', urls };
    }
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Load Wire ${id}</title><link>${baseUrl}/</link><description>Synthetic wire ${id}</description>
${items
  .map(
    (e) => `<item><title>${esc(e.story.headline)}</title><link>${baseUrl}${e.story.path}</link>
<guid isPermaLink="false">${e.story.slug}</guid><pubDate>${new Date(e.story.publishedAt).toUTCString()}</pubDate>${summary(e) ? `<description>${esc(summary(e))}</description>` : ''}${content(e) ? `<content:encoded><![CDATA[${content(e)}]]></content:encoded>` : ''}</item>`,
  )
  .join('\n')}
</channel></rss>`;
    return { body, type: 'application/rss+xml; charset=utf-8', urls };
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    const buf = Buffer.from(body, 'utf8');
    res.writeHead(status, { 'content-type': type, 'content-length': buf.length, ...extra });
    res.end(req.method === 'HEAD' ? undefined : buf);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://wire.invalid').pathname;
    const feed = /^\/feeds\/(load-\d+)\.(rss|atom|json)$/.exec(path);
    if (feed) {
      stats.feedRequests++;
      const feedIndex = feedIds.indexOf(feed[1] ?? '');
      if (feedIndex < 0) {
        send(req, res, 404, 'text/plain', 'no such feed');
        return;
      }
      const { body, type, urls } = feedBody(feedIndex);
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified++;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      const now = Date.now();
      for (const u of urls) {
        if (!firstServedAt.has(u)) {
          firstServedAt.set(u, now);
        }
      }
      send(req, res, 200, type, body, { etag });
      return;
    }
    stats.pageRequests++;
    const entry = byPath.get(path);
    if (!entry || entry.item.seq >= published() || entry.item.kind === 'dead' || entry.item.kind === 'fallback') {
      send(req, res, 404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>');
      return;
    }
    if (entry.item.kind === 'flaky' && !flakyServed.has(path)) {
      flakyServed.add(path);
      stats.errors503++;
      send(req, res, 503, 'text/plain', 'try again');
      return;
    }
    let page = pageCache.get(path);
    if (!page) {
      page = renderPage(entry.story, entry.copyOf, entry.item.kind === 'empty', rng(seed * 7919 + entry.item.seq));
      if (pageCache.size < 2_000) {
        pageCache.set(path, page);
      }
    }
    send(req, res, 200, 'text/html; charset=utf-8', page);
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  baseUrl = `http://${addr.address}:${addr.port}`;
  for (const e of entries) {
    e.item.url = `${baseUrl}${e.story.path}`;
  }
  const items = entries.map((e) => e.item);
  return {
    baseUrl,
    feeds: feedIds.map((id, i) => {
      const format = formats[i % formats.length] ?? 'rss';
      return { id, url: `${baseUrl}/feeds/${id}.${format}`, format };
    }),
    items,
    expectedStored: items.filter((i) => i.expect === 'stored' || i.expect === 'fallback').length,
    firstServedAt,
    publishedAt: (url) => {
      const e = byPath.get(url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url);
      return rate && e ? at(e.item.seq) : firstServedAt.get(url);
    },
    stats,
    publishAll() {
      publishedOverride = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
