/**
 * Feed parsing core: decoded feed text in, Telex's ParsedFeed out. Pure (no I/O).
 *
 * XML (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0) goes through rss-parser's
 * parseString, which parses the XML and recognises the format; the mapping of
 * elements to fields is done here, over the raw element tree, so that every
 * namespace variant (dc:, dcterms:, content:, atom:), xml:base and Atom text
 * constructs (text/html/xhtml, base64) are handled the same way and a broken
 * field never fails the whole feed. JSON Feed goes through json-feed.ts.
 */

import Parser from 'rss-parser';
import { PipelineError } from '../../errors.js';
import { isValidUtf8 } from '../../net/charset.js';
import { parseFeedDate } from './feed-date.js';
import {
  asBase,
  cleanAuthor,
  cleanTitle,
  escapeHtml,
  resolveUrl,
  toContent,
  toSummary,
  uniqueStrings,
} from './feed-fields.js';
import { balanceXmlTags, repairXmlEntities } from './feed-text.js';
import { parseJsonFeed } from './json-feed.js';
import type { ParsedFeed, ParsedItem } from './types.js';

type XmlNode = Record<string, unknown>;
type RawFeed = { format: 'rss' | 'rdf' | 'atom'; root: unknown };

const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);

function children(node: unknown, name: string): unknown[] {
  if (!isNode(node)) {
    return [];
  }
  const v = node[name];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

const child = (node: unknown, name: string): unknown => children(node, name)[0];

function attrs(node: unknown): Record<string, string> {
  if (isNode(node) && isNode(node.$)) {
    return node.$ as Record<string, string>;
  }
  return {};
}

const attr = (node: unknown, name: string): string | undefined => {
  const v = attrs(node)[name];
  return typeof v === 'string' ? v : undefined;
};

/** Element children in document order, as xml2js gives them with preserveChildrenOrder. */
function ordered(node: XmlNode): XmlNode[] | null {
  const v = node.$$;
  return Array.isArray(v) ? (v.filter(isNode) as XmlNode[]) : null;
}

const STRUCTURAL = new Set(['$', '_', '$$', '#name']);

/** All character data under a node (markup dropped), in document order. */
function textOf(v: unknown): string {
  if (typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map(textOf).join(' ');
  }
  if (!isNode(v)) {
    return '';
  }
  const seq = ordered(v);
  if (seq) {
    return seq.map((c) => (c['#name'] === '__text__' ? (typeof c._ === 'string' ? c._ : '') : textOf(c))).join('');
  }
  if (typeof v._ === 'string') {
    return v._;
  }
  const parts: string[] = [];
  for (const [k, val] of Object.entries(v)) {
    if (!STRUCTURAL.has(k)) {
      parts.push(textOf(val));
    }
  }
  return parts.join(' ');
}

function attrMarkup(el: unknown): string {
  return Object.entries(attrs(el))
    .filter(([k]) => !k.startsWith('xmlns'))
    .map(([k, x]) => ` ${k.replace(/^[a-z]+:/i, '')}="${escapeHtml(String(x))}"`)
    .join('');
}

/** Serializes an element's children back to markup (for inline XHTML content), in document order. */
function toMarkup(v: unknown): string {
  if (typeof v === 'string') {
    return escapeHtml(v);
  }
  if (!isNode(v)) {
    return '';
  }
  const seq = ordered(v);
  if (!seq) {
    return typeof v._ === 'string' ? escapeHtml(v._) : '';
  }
  return seq
    .map((c) => {
      const name = String(c['#name'] ?? '');
      if (name === '__text__') {
        return typeof c._ === 'string' ? escapeHtml(c._) : '';
      }
      const tag = name.replace(/^[a-z]+:/i, '');
      return `<${tag}${attrMarkup(c)}>${toMarkup(c)}</${tag}>`;
    })
    .join('');
}

function firstText(node: unknown, ...names: string[]): string | null {
  for (const name of names) {
    for (const el of children(node, name)) {
      const t = textOf(el).trim();
      if (t !== '') {
        return t;
      }
    }
  }
  return null;
}

/** Base64 that decodes to well-formed UTF-8 text, else null (the value was not base64 after all). */
function decodeBase64Text(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return null;
  }
  const bytes = Buffer.from(compact, 'base64');
  return isValidUtf8(bytes) ? bytes.toString('utf8') : null;
}

/** Atom text construct (title, summary, content...) as HTML, or null when empty. */
function atomHtml(el: unknown): string | null {
  if (el === undefined) {
    return null;
  }
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  const mode = (attr(el, 'mode') ?? '').toLowerCase();
  let raw: string;
  // Atom 1.0: a non-text MIME type means base64 content (RFC 4287, 4.1.3.3).
  const binaryType = type.includes('/') && !type.startsWith('text/') && !type.endsWith('+xml') && !type.endsWith('/xml');
  const decoded = mode === 'base64' || binaryType ? decodeBase64Text(textOf(el)) : null;
  if (decoded !== null) {
    raw = decoded;
  } else if (type === 'xhtml' || type === 'application/xhtml+xml' || (isNode(el) && hasElementChildren(el))) {
    const inner = isNode(el) ? unwrapDiv(el) : el;
    raw = toMarkup(inner).trim();
    return raw === '' ? null : raw;
  } else {
    raw = textOf(el);
  }
  const trimmed = raw.trim();
  if (trimmed === '') {
    return null;
  }
  const isHtml = type === 'html' || type === 'text/html' || mode === 'escaped' || decoded !== null;
  return isHtml ? trimmed : escapeHtml(trimmed);
}

function hasElementChildren(el: XmlNode): boolean {
  return Object.keys(el).some((k) => !STRUCTURAL.has(k));
}

/** The XHTML wrapper <div> of an Atom xhtml construct, when it is the only child; else the element itself. */
function unwrapDiv(el: XmlNode): unknown {
  const seq = (ordered(el) ?? []).filter((c) => !(c['#name'] === '__text__' && String(c._ ?? '').trim() === ''));
  const only = seq[0];
  if (seq.length === 1 && only && String(only['#name'] ?? '').replace(/^[a-z]+:/i, '') === 'div') {
    return only;
  }
  return el;
}

/** Atom text construct as plain text. */
function atomText(el: unknown): string | null {
  const html = atomHtml(el);
  return html === null ? null : cleanTitle(html);
}

function firstDate(node: unknown, ...names: string[]): string | null {
  for (const name of names) {
    for (const el of children(node, name)) {
      const iso = parseFeedDate(textOf(el));
      if (iso) {
        return iso;
      }
    }
  }
  return null;
}

// ---------- Atom ----------

/** Picks the rel="alternate" link (or a link without rel), falling back to any non-service link. */
function atomLink(node: unknown, base: string | undefined): string | null {
  const links = [...children(node, 'link'), ...children(node, 'atom:link')];
  const candidates = [
    links.filter((l) => {
      const rel = attr(l, 'rel');
      return rel === undefined || rel === 'alternate';
    }),
    links.filter((l) => !['self', 'edit', 'enclosure', 'replies', 'hub', 'license', 'next', 'previous'].includes(attr(l, 'rel') ?? '')),
  ];
  for (const group of candidates) {
    for (const l of group) {
      const href = attr(l, 'href') ?? textOf(l);
      const url = resolveUrl(href, asBase(attr(l, 'xml:base'), base));
      if (url) {
        return url;
      }
    }
  }
  return null;
}

function atomAuthor(node: unknown): string | null {
  for (const a of [...children(node, 'author'), ...children(node, 'atom:author')]) {
    const name = firstText(a, 'name', 'atom:name') ?? (typeof a === 'string' ? a : null);
    const clean = cleanAuthor(name ?? firstText(a, 'email'));
    if (clean) {
      return clean;
    }
  }
  return null;
}

function atomItem(entry: unknown, feedBase: string | undefined, feedAuthor: string | null): ParsedItem {
  const base = asBase(attr(entry, 'xml:base'), feedBase);
  const summaryEl = child(entry, 'summary');
  const contentEl = child(entry, 'content');
  const summaryHtml = atomHtml(summaryEl);
  const contentHtml = contentEl !== undefined && attr(contentEl, 'src') === undefined ? atomHtml(contentEl) : null;
  const updatedAt = firstDate(entry, 'updated', 'modified', 'dcterms:modified');
  return {
    guid: firstText(entry, 'id'),
    url: atomLink(entry, base),
    title: atomText(child(entry, 'title')),
    // Without a publication date, the last update is the best estimate.
    publishedAt: firstDate(entry, 'published', 'issued', 'created', 'dc:date', 'dcterms:issued') ?? updatedAt,
    updatedAt,
    author: atomAuthor(entry) ?? cleanAuthor(firstText(entry, 'dc:creator')) ?? feedAuthor,
    summary: toSummary(summaryHtml ?? contentHtml),
    content: toContent(contentHtml ?? summaryHtml),
    categories: uniqueStrings([
      ...children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
      ...children(entry, 'dc:subject').map(textOf),
    ]),
  };
}

function mapAtom(feed: unknown, feedUrl: string): ParsedFeed {
  if (!isNode(feed)) {
    return { format: 'atom', title: null, link: null, items: [] };
  }
  const base = asBase(attr(feed, 'xml:base'), asBase(feedUrl));
  const feedAuthor = atomAuthor(feed);
  return {
    format: 'atom',
    title: atomText(child(feed, 'title')),
    link: atomLink(feed, base),
    items: children(feed, 'entry').map((e) => atomItem(e, base, feedAuthor)),
  };
}

// ---------- RSS 0.9x / 2.0 and RDF ----------

function rssLink(node: unknown, base: string | undefined): string | null {
  for (const l of children(node, 'link')) {
    const href = isNode(l) && attr(l, 'href') !== undefined && textOf(l).trim() === '' ? attr(l, 'href') : textOf(l);
    const url = resolveUrl(href, base);
    if (url) {
      return url;
    }
  }
  return atomLinkOnly(node, base);
}

function atomLinkOnly(node: unknown, base: string | undefined): string | null {
  for (const l of children(node, 'atom:link')) {
    const rel = attr(l, 'rel');
    if (rel === undefined || rel === 'alternate') {
      const url = resolveUrl(attr(l, 'href'), base);
      if (url) {
        return url;
      }
    }
  }
  return null;
}

function rssItem(item: unknown, channelBase: string | undefined, format: 'rss' | 'rdf'): ParsedItem {
  const base = asBase(attr(item, 'xml:base'), channelBase);
  const guidEl = child(item, 'guid');
  const guidText = guidEl === undefined ? null : textOf(guidEl).trim() || null;
  const about = attr(item, 'rdf:about')?.trim() || null;
  const guid = guidText ?? (format === 'rdf' ? about : null);
  const permalink = guidEl !== undefined && (attr(guidEl, 'isPermaLink') ?? 'true').toLowerCase() !== 'false';
  const url =
    rssLink(item, base) ??
    resolveUrl(firstText(item, 'feedburner:origLink'), base) ??
    (permalink && guidText && /^https?:\/\//i.test(guidText) ? resolveUrl(guidText, base) : null) ??
    (about && /^https?:\/\//i.test(about) ? resolveUrl(about, base) : null);
  const description = firstText(item, 'description', 'summary', 'atom:summary', 'dc:description');
  const encoded = firstText(item, 'content:encoded', 'encoded', 'xhtml:body', 'atom:content');
  const updatedAt = firstDate(item, 'atom:updated', 'dcterms:modified', 'updated', 'lastBuildDate');
  return {
    guid,
    url,
    title: cleanTitle(firstText(item, 'title', 'dc:title', 'atom:title')),
    // Without a publication date, the last update is the best estimate.
    publishedAt:
      firstDate(item, 'pubDate', 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'published', 'issued') ??
      updatedAt,
    updatedAt,
    author: cleanAuthor(firstText(item, 'dc:creator', 'author', 'dc:author', 'itunes:author', 'dc:contributor')) ??
      atomAuthor(item),
    summary: toSummary(description ?? firstText(item, 'itunes:summary') ?? encoded),
    content: toContent(encoded ?? description),
    categories: uniqueStrings([
      ...children(item, 'category').map(textOf),
      ...children(item, 'dc:subject').map(textOf),
      ...children(item, 'atom:category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
    ]),
  };
}

function mapRss(format: 'rss' | 'rdf', root: unknown, feedUrl: string): ParsedFeed {
  const channel = child(root, 'channel');
  if (channel === undefined && children(root, 'item').length === 0) {
    // A well-formed but empty feed: nothing to read, not an error.
    return { format, title: null, link: null, items: [] };
  }
  const base = asBase(attr(channel, 'xml:base'), asBase(attr(root, 'xml:base'), asBase(feedUrl)));
  // RSS 1.0 puts items beside the channel; some RSS 2.0 feeds do too.
  const rawItems = [...children(channel, 'item'), ...children(root, 'item')];
  return {
    format,
    title: cleanTitle(firstText(channel, 'title', 'dc:title')),
    link: rssLink(channel, base),
    items: rawItems.map((i) => rssItem(i, base, format)),
  };
}

// ---------- detection and entry point ----------

function xmlRootName(text: string): string | null {
  const stripped = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi, '').trimStart();
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(stripped);
  return m?.[1] ?? null;
}

function rawParser(): Parser {
  const parser = new Parser({
    defaultRSS: 2,
    // Keep document order (mixed inline XHTML) next to the named children.
    xml2js: { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: true, includeWhiteChars: true },
  });
  // rss-parser parses and recognises the format; we keep its raw element tree and map it ourselves.
  const hooks = parser as unknown as Record<string, (xml: XmlNode) => RawFeed>;
  hooks.buildAtomFeed = (xml) => ({ format: 'atom', root: xml.feed });
  hooks.buildRSS2 = (xml) => ({ format: 'rss', root: xml.rss });
  hooks.buildRSS0_9 = (xml) => ({ format: 'rss', root: xml.rss });
  hooks.buildRSS1 = (xml) => ({ format: 'rdf', root: xml['rdf:RDF'] });
  return parser;
}

async function parseXmlTree(text: string): Promise<RawFeed> {
  return (await rawParser().parseString(text)) as unknown as RawFeed;
}

async function parseXml(text: string, feedUrl: string): Promise<ParsedFeed> {
  const root = xmlRootName(text);
  if (root === null) {
    throw new PipelineError('bad_feed', false, 'not a feed: no XML root element');
  }
  const local = root.toLowerCase();
  if (local === 'html' || local === 'xhtml:html') {
    throw new PipelineError('bad_feed', false, 'not a feed: the document is an HTML page');
  }
  if (!['rss', 'feed', 'rdf:rdf'].includes(local)) {
    throw new PipelineError('bad_feed', false, `not a feed: unknown XML root <${root}>`);
  }
  let raw: RawFeed;
  try {
    raw = await parseXmlTree(text);
  } catch (first) {
    // Real feeds carry bare "&", HTML entities and badly nested tags: repair and try again.
    try {
      raw = await parseXmlTree(repairXmlEntities(text)).catch(() => parseXmlTree(balanceXmlTags(repairXmlEntities(text))));
    } catch {
      const reason = (first as Error).message?.split('\n')[0] ?? String(first);
      throw new PipelineError('bad_feed', false, `not a feed: malformed XML (${reason})`, first);
    }
  }
  return raw.format === 'atom' ? mapAtom(raw.root, feedUrl) : mapRss(raw.format, raw.root, feedUrl);
}

/**
 * Parses decoded feed text (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1).
 * Relative links are resolved against xml:base and `feedUrl`; dates become ISO 8601 (or null).
 * Throws PipelineError('bad_feed', permanent) for anything that is not a readable feed.
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  if (typeof text !== 'string') {
    throw new PipelineError('bad_feed', false, 'not a feed: no text');
  }
  // Leading BOM / whitespace, and control characters XML forbids (real feeds carry them).
  const body = text.replace(/^[\ufeff\s]+/, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  if (body === '') {
    throw new PipelineError('bad_feed', false, 'not a feed: empty document');
  }
  try {
    if (body.startsWith('{')) {
      return parseJsonFeed(body, feedUrl);
    }
    if (body.startsWith('<')) {
      return await parseXml(body, feedUrl);
    }
  } catch (err) {
    if (err instanceof PipelineError) {
      throw err;
    }
    throw new PipelineError('bad_feed', false, `not a feed: ${(err as Error)?.message ?? String(err)}`, err);
  }
  throw new PipelineError('bad_feed', false, 'not a feed: neither XML nor JSON');
}

