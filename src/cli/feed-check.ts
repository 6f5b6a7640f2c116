/**
 * `telex feeds check <url|file>`: what Telex sees in a feed, for an operator deciding
 * whether to add it. Nothing is stored and no Redis is needed.
 */

import { charsetFromContentType, charsetFromDocument, decodeBody, normalizeCharset, type CharsetSource } from '../net/charset.js';
import type { HttpClient } from '../net/types.js';
import { linkByRel } from '../net/http-headers.js';
import { parseFeed } from '../workers/fetcher/parse-feed.js';
import { discoverHub } from '../workers/fetcher/websub-core.js';
import type { ParsedFeed } from '../workers/fetcher/types.js';

export type FeedCheckItem = {
  n: number;
  title: string | null;
  link: string | null;
  guid: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  author: string | null;
  /** Characters of the item's own content (HTML), 0 when it has none. */
  contentChars: number;
  summaryChars: number;
};

export type FeedCheckReport = {
  ok: true;
  source: string;
  /** Where the bytes came from: the final URL after redirects, or the file. */
  fetched: { kind: 'url'; url: string; status: number; contentType: string | null } | { kind: 'file'; path: string; bytes: number };
  charset: { name: string; source: CharsetSource; why: string };
  format: ParsedFeed['format'];
  version: string | null;
  title: string | null;
  link: string | null;
  hub: string | null;
  self: string | null;
  itemCount: number;
  items: FeedCheckItem[];
  warnings: string[];
};

export type FeedCheckFailure = { ok: false; source: string; error: { code: string; message: string } };

export type FeedCheckDeps = {
  http: HttpClient;
  readFile: (path: string) => Promise<Uint8Array>;
};

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

/** Why the decoder chose its charset, in words. */
export function explainCharset(bytes: Uint8Array, contentType: string | null, chosen: { charset: string; source: CharsetSource }): string {
  const header = charsetFromContentType(contentType);
  const inDoc = charsetFromDocument(bytes);
  const declared = [
    header ? `HTTP header says ${header}` : 'no charset in the HTTP header',
    inDoc ? `the document declares ${inDoc}` : 'no declaration in the document',
  ].join(', ');
  switch (chosen.source) {
    case 'bom':
      return `byte order mark (${chosen.charset}); it wins over any declaration (${declared})`;
    case 'header':
      return `the HTTP Content-Type charset (${declared})`;
    case 'document':
      return `the document's own declaration (${declared})`;
    case 'utf8': {
      const lied = [header, inDoc].map(normalizeCharset).find((c) => c !== null && c !== 'utf-8');
      return lied
        ? `the bytes are valid UTF-8, which overrides the declared ${lied} (${declared})`
        : `the bytes are valid UTF-8 (${declared})`;
    }
    case 'sniffed':
      return `NUL bytes around ASCII characters: ${chosen.charset} without a byte order mark (${declared})`;
    case 'fallback':
      return `not valid UTF-8 and no declaration decoded cleanly: windows-1252, the web's default (${declared})`;
  }
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Reads and parses one feed. Never throws: an unreadable feed is a FeedCheckFailure with the reason. */
export async function checkFeed(source: string, deps: FeedCheckDeps, opts: { baseUrl?: string } = {}): Promise<FeedCheckReport | FeedCheckFailure> {
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let fetched: FeedCheckReport['fetched'];
  let baseUrl: string;
  let headers: Record<string, string> = {};
  try {
    if (isUrl(source)) {
      const res = await deps.http.get(source, { accept: FEED_ACCEPT });
      bytes = res.body;
      headers = res.headers;
      contentType = res.contentType ?? res.headers['content-type'] ?? null;
      fetched = { kind: 'url', url: res.url, status: res.status, contentType };
      baseUrl = opts.baseUrl ?? res.url;
    } else {
      bytes = await deps.readFile(source);
      fetched = { kind: 'file', path: source, bytes: bytes.byteLength };
      const { pathToFileURL } = await import('node:url');
      baseUrl = opts.baseUrl ?? pathToFileURL(source).href;
    }
  } catch (err) {
    return { ok: false, source, error: errorOf(err) };
  }
  const decoded = decodeBody(bytes, contentType);
  let feed: ParsedFeed;
  try {
    feed = await parseFeed(decoded.text, baseUrl);
  } catch (err) {
    return { ok: false, source, error: errorOf(err) };
  }
  const warnings = [...feed.warnings];
  const discovery = discoverHub(feed, headers, baseUrl);
  if (fetched.kind === 'file' && opts.baseUrl === undefined && feed.items.some((i) => i.url === null)) {
    warnings.push('items without an absolute link: relative links need the feed URL (--url <feed url>)');
  }
  feed.items.forEach((item, i) => {
    if (item.url === null) {
      warnings.push(`item ${i + 1}: no usable link (the item would be skipped)`);
    }
  });
  return {
    ok: true,
    source,
    fetched,
    charset: { name: decoded.charset, source: decoded.source, why: explainCharset(bytes, contentType, decoded) },
    format: feed.format,
    version: feed.version,
    title: feed.title,
    link: feed.link,
    // As the WebSub subscriber sees it: HTTP Link headers first, then the document's links.
    hub: discovery.hub,
    self: linkByRel(headers['link'], 'self', baseUrl) ?? feed.self,
    itemCount: feed.items.length,
    items: feed.items.map((item, i) => ({
      n: i + 1,
      title: item.title,
      link: item.url,
      guid: item.guid,
      publishedAt: item.publishedAt,
      updatedAt: item.updatedAt,
      author: item.author,
      contentChars: item.content?.length ?? 0,
      summaryChars: item.summary?.length ?? 0,
    })),
    warnings,
  };
}

function errorOf(err: unknown): { code: string; message: string } {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'error';
  const message = err instanceof Error ? err.message : String(err);
  return { code, message };
}

/** The report as text for a terminal. */
export function formatFeedCheck(r: FeedCheckReport): string {
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`${k.padEnd(9)} ${v}`);
  row(
    'source',
    r.fetched.kind === 'url'
      ? `${r.fetched.url} (HTTP ${r.fetched.status}${r.fetched.contentType ? `, ${r.fetched.contentType}` : ''})`
      : `${r.fetched.path} (${r.fetched.bytes} bytes)`,
  );
  row('format', r.version ?? r.format);
  row('charset', `${r.charset.name}: ${r.charset.why}`);
  row('title', r.title ?? '(none)');
  row('link', r.link ?? '(none)');
  row('hub', r.hub ?? '(none)');
  row('self', r.self ?? '(none)');
  row('items', String(r.itemCount));
  for (const i of r.items) {
    lines.push(`  ${i.n}. ${i.title ?? '(no title)'}`);
    lines.push(`     link      ${i.link ?? '(none)'}`);
    lines.push(`     guid      ${i.guid ?? '(none)'}`);
    lines.push(`     published ${i.publishedAt ?? '(none)'}   updated ${i.updatedAt ?? '(none)'}`);
    lines.push(`     content   ${i.contentChars} chars   summary ${i.summaryChars} chars${i.author ? `   author ${i.author}` : ''}`);
  }
  lines.push(`warnings  ${r.warnings.length === 0 ? 'none' : String(r.warnings.length)}`);
  for (const w of r.warnings) {
    lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
