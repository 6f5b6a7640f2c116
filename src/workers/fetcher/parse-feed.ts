/**
 * Feed parsing core: decoded feed text in, Telex's ParsedFeed out. Pure (no I/O).
 *
 * XML (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0) is read by xml-tree.ts, a
 * recovering, namespace-aware reader: elements are matched by namespace (any
 * prefix the document chose), truncated or sloppy markup is recovered with a
 * warning, internal DTD entities are expanded within limits. The mapping of
 * elements to fields is done here, so that every namespace variant (dc:,
 * dcterms:, content:, atom:, xhtml:), xml:base and Atom text constructs
 * (text/html/xhtml, base64) are handled the same way and a broken field never
 * fails the whole feed. JSON Feed goes through json-feed.ts.
 */

import { PipelineError } from '../../errors.js';
import { decodeBody, isValidUtf8 } from '../../net/charset.js';
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
  type TextKind,
} from './feed-fields.js';
import { parseJsonFeed } from './json-feed.js';
import type { ParsedFeed, ParsedItem } from './types.js';
import {
  childElement as child,
  childElements as children,
  hasElementChildren,
  NS,
  parseXmlDocument,
  textContent as textOf,
  type XmlElement,
  type XmlNode,
} from './xml-tree.js';

/** Collects the warnings of one parse (deduplicated, bounded). */
class Warnings {
  private readonly seen = new Set<string>();
  add(message: string): void {
    if (this.seen.size < 100) {
      this.seen.add(message);
    }
  }
  list(): string[] {
    return [...this.seen];
  }
}

type Ctx = { warnings: Warnings };

const attr = (el: XmlElement | undefined, name: string): string | undefined => el?.attrs[name];

/** HTML void elements: serialized without a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function attrMarkup(el: XmlElement): string {
  return Object.entries(el.attrs)
    .map(([k, x]) => ` ${k.replace(/^[a-z]+:/i, '')}="${escapeHtml(x)}"`)
    .join('');
}

/** Serializes an element's children back to markup (for inline XHTML content), in document order. */
function toMarkup(el: XmlNode): string {
  if (typeof el === 'string') {
    return escapeHtml(el);
  }
  return el.children
    .map((c) => {
      if (typeof c === 'string') {
        return escapeHtml(c);
      }
      const tag = c.local.replace(/^[^:]*:/, '');
      return VOID.has(tag.toLowerCase()) && c.children.length === 0
        ? `<${tag}${attrMarkup(c)}>`
        : `<${tag}${attrMarkup(c)}>${toMarkup(c)}</${tag}>`;
    })
    .join('');
}

function firstText(node: XmlElement | undefined, ...names: string[]): string | null {
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

/** The XHTML wrapper <div> of an Atom xhtml construct, when it is the only child; else the element itself. */
function unwrapDiv(el: XmlElement): XmlElement {
  const seq = el.children.filter((c) => !(typeof c === 'string' && c.trim() === ''));
  const only = seq[0];
  if (seq.length === 1 && only !== undefined && typeof only !== 'string' && only.local.replace(/^[^:]*:/, '').toLowerCase() === 'div') {
    return only;
  }
  return el;
}

/** The kind of an Atom text construct (RFC 4287 3.1 and Atom 0.3's MIME types). */
function constructKind(el: XmlElement): { kind: 'text' | 'html' | 'xhtml' | 'binary'; base64: boolean } {
  const type = (attr(el, 'type') ?? 'text').trim().toLowerCase();
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    return { kind: 'xhtml', base64: mode === 'base64' };
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') {
    return { kind: 'html', base64: mode === 'base64' };
  }
  // Atom 1.0: a non-text MIME type means base64 content (RFC 4287, 4.1.3.3).
  const binary = type.includes('/') && !type.startsWith('text/') && !type.endsWith('+xml') && !type.endsWith('/xml');
  return { kind: binary ? 'binary' : 'text', base64: mode === 'base64' || binary };
}

/** Atom text construct (title, summary, content...) as HTML, or null when empty. */
function atomHtml(el: XmlElement | undefined): string | null {
  if (el === undefined) {
    return null;
  }
  const { kind, base64 } = constructKind(el);
  const decoded = base64 ? decodeBase64Text(textOf(el)) : null;
  if (decoded !== null) {
    const t = decoded.trim();
    // Base64 payloads are read as HTML whatever their declared type (publishers encode markup this way).
    return t === '' ? null : t;
  }
  if (kind === 'xhtml' || hasElementChildren(el)) {
    // Markup as child elements. Only type="xhtml" wraps it in a <div> that is not part of the content.
    const raw = toMarkup(kind === 'xhtml' ? unwrapDiv(el) : el).trim();
    return raw === '' ? null : raw;
  }
  const trimmed = textOf(el).trim();
  if (trimmed === '') {
    return null;
  }
  return kind === 'html' ? trimmed : escapeHtml(trimmed);
}

/** Atom text construct as plain text. */
function atomText(el: XmlElement | undefined): string | null {
  if (el === undefined) {
    return null;
  }
  const { kind, base64 } = constructKind(el);
  if (kind === 'text' && !base64 && !hasElementChildren(el)) {
    // Plain text: "<" is a character, not markup.
    return cleanTitle(textOf(el), 'text');
  }
  const html = atomHtml(el);
  return html === null ? null : cleanTitle(html, 'html');
}

function firstDate(ctx: Ctx, where: string, node: XmlElement | undefined, ...names: string[]): string | null {
  let unreadable: string | null = null;
  for (const name of names) {
    for (const el of children(node, name)) {
      const raw = textOf(el).trim();
      const iso = parseFeedDate(raw);
      if (iso) {
        return iso;
      }
      if (raw !== '' && unreadable === null) {
        unreadable = raw;
      }
    }
  }
  if (unreadable !== null) {
    ctx.warnings.add(`${where}: unreadable date ${JSON.stringify(unreadable.slice(0, 80))}`);
  }
  return null;
}

const onRelative = (ctx: Ctx, where: string, base: string | undefined) => (count: number) =>
  ctx.warnings.add(`${where}: ${count} relative link${count === 1 ? '' : 's'} in content resolved against ${base}`);

/** `rel` values that are not the item's page. */
const SERVICE_RELS = ['self', 'edit', 'enclosure', 'replies', 'hub', 'license', 'next', 'previous', 'first', 'last', 'via', 'related'];

/** The href of the first link with the given rel (Atom or atom: in RSS), resolved. */
function linkByRel(node: XmlElement | undefined, rel: string, base: string | undefined): string | null {
  for (const l of [...children(node, 'link'), ...children(node, 'atom:link')]) {
    if ((attr(l, 'rel') ?? '').trim().toLowerCase() === rel) {
      const url = resolveUrl(attr(l, 'href'), asBase(attr(l, 'xml:base'), base));
      if (url) {
        return url;
      }
    }
  }
  return null;
}

// ---------- Atom ----------

/** Picks the rel="alternate" link (or a link without rel), falling back to any non-service link. */
function atomLink(node: XmlElement | undefined, base: string | undefined): string | null {
  const links = [...children(node, 'link'), ...children(node, 'atom:link')];
  const candidates = [
    links.filter((l) => {
      const rel = attr(l, 'rel');
      return rel === undefined || rel === 'alternate';
    }),
    links.filter((l) => !SERVICE_RELS.includes(attr(l, 'rel') ?? '')),
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

function atomAuthor(node: XmlElement | undefined): string | null {
  for (const a of [...children(node, 'author'), ...children(node, 'atom:author')]) {
    const name = firstText(a, 'name', 'atom:name') ?? (hasElementChildren(a) ? null : textOf(a));
    const clean = cleanAuthor(name ?? firstText(a, 'email', 'atom:email'));
    if (clean) {
      return clean;
    }
  }
  return null;
}

function atomItem(ctx: Ctx, entry: XmlElement, n: number, feedBase: string | undefined, feedAuthor: string | null): ParsedItem {
  const where = `entry ${n + 1}`;
  const base = asBase(attr(entry, 'xml:base'), feedBase);
  const summaryEl = child(entry, 'summary');
  const contentEl = child(entry, 'content');
  const summaryHtml = atomHtml(summaryEl);
  const contentHtml = contentEl !== undefined && attr(contentEl, 'src') === undefined ? atomHtml(contentEl) : null;
  const updatedAt = firstDate(ctx, where, entry, 'updated', 'modified', 'dcterms:modified');
  const contentBase = asBase(attr(contentHtml !== null ? contentEl : summaryEl, 'xml:base'), base);
  return {
    guid: firstText(entry, 'id'),
    url: atomLink(entry, base),
    title: atomText(child(entry, 'title')),
    // Without a publication date, the last update is the best estimate.
    publishedAt: firstDate(ctx, where, entry, 'published', 'issued', 'created', 'dc:date', 'dcterms:issued') ?? updatedAt,
    updatedAt,
    author: atomAuthor(entry) ?? cleanAuthor(firstText(entry, 'dc:creator')) ?? feedAuthor,
    summary: toSummary(summaryHtml ?? contentHtml),
    content: toContent(contentHtml ?? summaryHtml, contentBase, onRelative(ctx, where, contentBase)),
    categories: uniqueStrings([
      ...children(entry, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
      ...children(entry, 'dc:subject').map((c) => textOf(c)),
    ]),
  };
}

function mapAtom(ctx: Ctx, feed: XmlElement, feedUrl: string): Omit<ParsedFeed, 'warnings'> {
  const base = asBase(attr(feed, 'xml:base'), asBase(feedUrl));
  const feedAuthor = atomAuthor(feed);
  const v03 = feed.ns !== null && feed.ns.toLowerCase().startsWith(NS.atom03.slice(0, -1));
  return {
    format: 'atom',
    version: v03 || attr(feed, 'version') === '0.3' ? 'Atom 0.3' : 'Atom 1.0',
    title: atomText(child(feed, 'title')),
    link: atomLink(feed, base),
    hub: linkByRel(feed, 'hub', base),
    self: linkByRel(feed, 'self', base),
    items: children(feed, 'entry').map((e, n) => atomItem(ctx, e, n, base, feedAuthor)),
  };
}

// ---------- RSS 0.9x / 2.0 and RDF ----------

function rssLink(node: XmlElement | undefined, base: string | undefined): string | null {
  for (const l of children(node, 'link')) {
    const href = attr(l, 'href') !== undefined && textOf(l).trim() === '' ? attr(l, 'href') : textOf(l);
    const url = resolveUrl(href, base);
    if (url) {
      return url;
    }
  }
  return atomLinkOnly(node, base);
}

function atomLinkOnly(node: XmlElement | undefined, base: string | undefined): string | null {
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

/**
 * The item's full body: content:encoded (escaped HTML), an XHTML <body> (any prefix, or none),
 * <fullitem> (escaped HTML), or an atom:content construct.
 */
function rssBody(item: XmlElement): { html: string; el: XmlElement } | null {
  for (const el of [...children(item, 'content:encoded'), ...children(item, 'encoded')]) {
    const html = textOf(el).trim();
    if (html !== '') {
      return { html, el };
    }
  }
  for (const el of [...children(item, 'xhtml:body'), ...children(item, 'body')]) {
    const html = hasElementChildren(el) ? toMarkup(el).trim() : textOf(el).trim();
    if (html !== '') {
      return { html, el };
    }
  }
  for (const el of children(item, 'fullitem')) {
    const html = textOf(el).trim();
    if (html !== '') {
      return { html, el };
    }
  }
  const atom = child(item, 'atom:content');
  const html = atomHtml(atom);
  return html !== null && atom !== undefined ? { html, el: atom } : null;
}

/** The first non-empty element of those named, with its text. */
function firstWithText(node: XmlElement | undefined, ...names: string[]): { text: string; el: XmlElement } | null {
  for (const name of names) {
    for (const el of children(node, name)) {
      const t = textOf(el).trim();
      if (t !== '') {
        return { text: t, el };
      }
    }
  }
  return null;
}

/** RSS titles: escaped HTML in some feeds, plain prose in others (see cleanTitle's 'guess'). */
function rssTitle(node: XmlElement | undefined, ...names: string[]): string | null {
  for (const name of names) {
    for (const el of children(node, name)) {
      const kind: TextKind = name.startsWith('atom:') ? (constructKind(el).kind === 'text' ? 'text' : 'html') : 'guess';
      const t = name.startsWith('atom:') ? atomText(el) : cleanTitle(textOf(el), kind);
      if (t) {
        return t;
      }
    }
  }
  return null;
}

function rssItem(ctx: Ctx, item: XmlElement, n: number, channelBase: string | undefined, format: 'rss' | 'rdf'): ParsedItem {
  const where = `item ${n + 1}`;
  const base = asBase(attr(item, 'xml:base'), channelBase);
  const guidEl = child(item, 'guid');
  const guidText = guidEl === undefined ? null : textOf(guidEl).trim() || null;
  const about = attr(item, 'rdf:about')?.trim() || null;
  const guid = guidText ?? (format === 'rdf' ? about : null);
  const permalink = guidEl !== undefined && (attr(guidEl, 'ispermalink') ?? 'true').trim().toLowerCase() !== 'false';
  const url =
    rssLink(item, base) ??
    resolveUrl(firstText(item, 'feedburner:origlink'), base) ??
    (permalink && guidText && /^https?:\/\//i.test(guidText) ? resolveUrl(guidText, base) : null) ??
    (about && /^https?:\/\//i.test(about) ? resolveUrl(about, base) : null);
  const descriptionEl = firstWithText(item, 'description', 'summary', 'atom:summary', 'dc:description');
  const description = descriptionEl?.text ?? null;
  const bodyEl = rssBody(item);
  const body = bodyEl?.html ?? null;
  // Content resolves against its own xml:base, when it has one.
  const contentBase = asBase(attr(bodyEl?.el ?? descriptionEl?.el, 'xml:base'), base);
  const updatedAt = firstDate(ctx, where, item, 'atom:updated', 'dcterms:modified', 'updated', 'lastbuilddate');
  return {
    guid,
    url,
    title: rssTitle(item, 'title', 'dc:title', 'atom:title'),
    // Without a publication date, the last update is the best estimate.
    publishedAt:
      firstDate(ctx, where, item, 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'published', 'issued') ??
      updatedAt,
    updatedAt,
    author: cleanAuthor(firstText(item, 'dc:creator', 'author', 'dc:author', 'itunes:author', 'dc:contributor')) ??
      atomAuthor(item),
    summary: toSummary(description ?? firstText(item, 'itunes:summary') ?? body),
    content: toContent(body ?? description, contentBase, onRelative(ctx, where, contentBase)),
    categories: uniqueStrings([
      ...children(item, 'category').map((c) => textOf(c)),
      ...children(item, 'dc:subject').map((c) => textOf(c)),
      ...children(item, 'atom:category').map((c) => attr(c, 'term') ?? attr(c, 'label') ?? textOf(c)),
    ]),
  };
}

function rssVersion(format: 'rss' | 'rdf', root: XmlElement): string {
  if (format === 'rdf') {
    const channel = child(root, 'channel');
    const ns = (channel ?? child(root, 'item'))?.ns?.toLowerCase() ?? '';
    return ns.startsWith(NS.rss090) ? 'RSS 0.90' : 'RSS 1.0';
  }
  const v = attr(root, 'version')?.trim();
  return v ? `RSS ${v}` : 'RSS (no version)';
}

function mapRss(ctx: Ctx, format: 'rss' | 'rdf', root: XmlElement, feedUrl: string): Omit<ParsedFeed, 'warnings'> {
  const version = rssVersion(format, root);
  const channel = child(root, 'channel');
  if (channel === undefined && children(root, 'item').length === 0) {
    // A well-formed but empty feed: nothing to read, not an error.
    return { format, version, title: null, link: null, hub: null, self: null, items: [] };
  }
  const base = asBase(attr(channel, 'xml:base'), asBase(attr(root, 'xml:base'), asBase(feedUrl)));
  // RSS 1.0 puts items beside the channel; some RSS 2.0 feeds do too.
  const rawItems = [...children(channel, 'item'), ...children(root, 'item')];
  return {
    format,
    version,
    title: rssTitle(channel, 'title', 'dc:title'),
    link: rssLink(channel, base),
    hub: linkByRel(channel, 'hub', base),
    self: linkByRel(channel, 'self', base),
    items: rawItems.map((i, n) => rssItem(ctx, i, n, base, format)),
  };
}

// ---------- detection and entry point ----------

function duplicateGuids(ctx: Ctx, items: ParsedItem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, n) => {
    if (item.guid === null) {
      return;
    }
    const first = seen.get(item.guid);
    if (first === undefined) {
      seen.set(item.guid, n);
    } else {
      ctx.warnings.add(`item ${n + 1}: duplicate guid ${JSON.stringify(item.guid.slice(0, 200))} (first at item ${first + 1})`);
    }
  });
}

function parseXml(text: string, feedUrl: string): ParsedFeed {
  const doc = parseXmlDocument(text);
  const ctx: Ctx = { warnings: new Warnings() };
  for (const w of doc.warnings) {
    ctx.warnings.add(w);
  }
  const root = doc.root;
  const local = root.local.replace(/^[^:]*:/, '').toLowerCase();
  let mapped: Omit<ParsedFeed, 'warnings'>;
  if (local === 'html' || root.name === 'xhtml:html') {
    throw new PipelineError('bad_feed', false, 'not a feed: the document is an HTML page');
  } else if (local === 'rss') {
    mapped = mapRss(ctx, 'rss', root, feedUrl);
  } else if (local === 'rdf' && (root.name === 'rdf:rdf' || root.ns === null)) {
    mapped = mapRss(ctx, 'rdf', root, feedUrl);
  } else if (local === 'feed') {
    mapped = mapAtom(ctx, root, feedUrl);
  } else {
    const qname = root.ns === null && root.name.includes(':') ? root.name : root.local;
    throw new PipelineError('bad_feed', false, `not a feed: unknown XML root <${qname}>`);
  }
  duplicateGuids(ctx, mapped.items);
  return { ...mapped, warnings: ctx.warnings.list() };
}

/**
 * Text that is really UTF-16 / UTF-32 bytes read as an 8-bit charset (a NUL beside every
 * ASCII character), decoded again; null when the text is fine. Latin-1-read text is
 * recovered exactly; text read as UTF-8 keeps its ASCII only.
 */
function redecodeWideText(text: string): string | null {
  const head = text.slice(0, 64);
  const nuls = head.split('\u0000').length - 1;
  if (nuls < head.length * 0.3) {
    return null;
  }
  if (!/[^\u0000-\u00ff]/.test(text)) {
    return decodeBody(Buffer.from(text, 'latin1')).text;
  }
  return text.replace(/^[\ufeff\ufffe\ufffd\u0000]+/, '').replace(/\u0000/g, '');
}

/**
 * Parses a feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1) from decoded text,
 * or from bytes (then decoded by BOM, XML prolog, UTF-8 validity; see decodeBody).
 * Relative links (item links and links inside content) are resolved against xml:base and
 * `feedUrl`; dates become ISO 8601 (or null). What had to be recovered is listed in `warnings`.
 * Throws PipelineError('bad_feed', permanent) for anything that is not a readable feed.
 */
export async function parseFeed(input: string | Uint8Array, feedUrl: string): Promise<ParsedFeed> {
  const early: string[] = [];
  let text: string;
  if (input instanceof Uint8Array) {
    text = decodeBody(input).text;
  } else if (typeof input === 'string') {
    const again = redecodeWideText(input);
    if (again !== null) {
      early.push('recovered: the text was UTF-16/UTF-32 read as an 8-bit charset; decoded again');
    }
    text = again ?? input;
  } else {
    throw new PipelineError('bad_feed', false, 'not a feed: no text');
  }
  // Leading BOM / whitespace, and control characters XML forbids (real feeds carry them).
  const body = text.replace(/^[\ufeff\s]+/, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  if (body === '') {
    throw new PipelineError('bad_feed', false, 'not a feed: empty document');
  }
  try {
    if (body.startsWith('{')) {
      const feed = parseJsonFeed(body, feedUrl);
      return early.length > 0 ? { ...feed, warnings: [...early, ...feed.warnings] } : feed;
    }
    if (body.startsWith('<')) {
      const feed = parseXml(body, feedUrl);
      return early.length > 0 ? { ...feed, warnings: [...early, ...feed.warnings] } : feed;
    }
  } catch (err) {
    if (err instanceof PipelineError) {
      throw err;
    }
    throw new PipelineError('bad_feed', false, `not a feed: ${(err as Error)?.message ?? String(err)}`, err);
  }
  throw new PipelineError('bad_feed', false, 'not a feed: neither XML nor JSON');
}
