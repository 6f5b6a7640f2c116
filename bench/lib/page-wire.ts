/**
 * A local wire of real article pages: N items over F RSS 2.0 feeds on
 * 127.0.0.1, every item a page of a corpus under its own URL (the corpus is
 * cycled when N is larger than it). Used by `bench:pipeline --pages`.
 *
 * Corpus layouts read (gzipped or not):
 * - readability test pages: <name>/source.html[.gz] (the vendored default);
 * - WCXB: pages/<id>/source.html[.gz].
 *
 * Feeds answer with an ETag and honour If-None-Match, as most sites do, so a
 * fetcher polling again finds nothing new cheaply. robots.txt is a 404.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type CorpusPage = { id: string; html: string };

function readMaybeGz(file: string): string | null {
  if (existsSync(file)) {
    return readFileSync(file, 'utf8');
  }
  return existsSync(`${file}.gz`) ? gunzipSync(readFileSync(`${file}.gz`)).toString('utf8') : null;
}

/** Every page of a corpus folder, in id order. */
export function readCorpusPages(dir: string): CorpusPage[] {
  const base = existsSync(join(dir, 'pages')) ? join(dir, 'pages') : dir;
  const out: CorpusPage[] = [];
  for (const id of readdirSync(base).sort()) {
    const html = readMaybeGz(join(base, id, 'source.html'));
    if (html !== null) {
      out.push({ id, html });
    }
  }
  if (out.length === 0) {
    throw new Error(`no pages (<id>/source.html[.gz] or pages/<id>/source.html[.gz]) in ${dir}`);
  }
  return out;
}

export type PageWireItem = { url: string; feedId: string; pageId: string };

export type PageWire = {
  baseUrl: string;
  feeds: Array<{ id: string; url: string }>;
  items: PageWireItem[];
  stats: { feedRequests: number; notModified: number; pageRequests: number };
  /** URLs of pages served at least once (a fetch that reached the wire). */
  served: Set<string>;
  close(): Promise<void>;
};

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function startPageWire(opts: { pages: CorpusPage[]; items: number; feeds: number }): Promise<PageWire> {
  const feedIds = Array.from({ length: opts.feeds }, (_, i) => `pages-${String(i).padStart(3, '0')}`);
  const byPath = new Map<string, CorpusPage>();
  const entries: Array<{ path: string; feedIndex: number; page: CorpusPage; seq: number }> = [];
  for (let seq = 0; seq < opts.items; seq++) {
    const page = opts.pages[seq % opts.pages.length] as CorpusPage;
    const path = `/story/${seq}/${encodeURIComponent(page.id)}.html`;
    entries.push({ path, feedIndex: seq % opts.feeds, page, seq });
    byPath.set(path, page);
  }
  const stats = { feedRequests: 0, notModified: 0, pageRequests: 0 };
  const served = new Set<string>();
  let baseUrl = '';
  const feedCache = new Map<number, { body: Buffer; etag: string }>();
  const baseTime = Date.UTC(2026, 10, 1);
  const feedOf = (feedIndex: number) => {
    let f = feedCache.get(feedIndex);
    if (!f) {
      const id = feedIds[feedIndex] ?? '';
      const items = entries
        .filter((e) => e.feedIndex === feedIndex)
        .reverse()
        .map(
          (e) =>
            `<item><title>${esc(`${e.page.id} (${e.seq})`)}</title><link>${baseUrl}${e.path}</link>` +
            `<guid isPermaLink="true">${baseUrl}${e.path}</guid><pubDate>${new Date(baseTime - (opts.items - e.seq) * 60_000).toUTCString()}</pubDate></item>`,
        )
        .join('\n');
      const body = Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Pages ${id}</title><link>${baseUrl}/</link>` +
          `<description>Real pages, wire ${id}</description>\n${items}\n</channel></rss>`,
      );
      f = { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
      feedCache.set(feedIndex, f);
    }
    return f;
  };
  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': body.length, ...extra });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const pageBytes = new Map<CorpusPage, Buffer>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://wire.invalid').pathname;
    const feed = /^\/feeds\/(pages-\d+)\.rss$/.exec(path);
    if (feed) {
      stats.feedRequests++;
      const i = feedIds.indexOf(feed[1] ?? '');
      if (i < 0) {
        send(req, res, 404, 'text/plain', Buffer.from('no such feed'));
        return;
      }
      const f = feedOf(i);
      if (req.headers['if-none-match'] === f.etag) {
        stats.notModified++;
        res.writeHead(304, { etag: f.etag });
        res.end();
        return;
      }
      send(req, res, 200, 'application/rss+xml; charset=utf-8', f.body, { etag: f.etag });
      return;
    }
    const page = byPath.get(path);
    if (!page) {
      send(req, res, 404, 'text/html; charset=utf-8', Buffer.from('<!DOCTYPE html><title>Not found</title><h1>Not found</h1>'));
      return;
    }
    stats.pageRequests++;
    served.add(`${baseUrl}${path}`);
    let bytes = pageBytes.get(page);
    if (!bytes) {
      bytes = Buffer.from(page.html, 'utf8');
      pageBytes.set(page, bytes);
    }
    send(req, res, 200, 'text/html; charset=utf-8', bytes);
  });
  // Longer than any pause in a run: a connection the server closes while a client reuses it fails that fetch.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    feeds: feedIds.map((id) => ({ id, url: `${baseUrl}/feeds/${id}.rss` })),
    items: entries.map((e) => ({ url: `${baseUrl}${e.path}`, feedId: feedIds[e.feedIndex] ?? '', pageId: e.page.id })),
    stats,
    served,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
