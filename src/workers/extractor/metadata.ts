import { collapseSpace, firstTextNode, pushChildren, squash, tagOf, textOwners } from './blocks.js';
import { headlineWindow, type HeadlineWindow } from './headline-window.js';
import { decodeEntities } from '../../lib/html-entities.js';
import { tagAttributes, tagEnd } from '../../lib/tag-attributes.js';
import { bareHost } from '../../lib/url.js';
import { repairMojibakeRuns } from './mojibake.js';
import { absoluteUrl } from './sanitize.js';
import type { Extracted } from './types.js';
import { MONTH_START, MONTH_WORD, monthNumber, writtenDates } from './written-dates.js';

/**
 * Metadata read from the page's head, JSON-LD and markup, before Readability touches the DOM: the fields it
 * shares with the extractor's result mean the same there (see `Extracted`).
 */
export type PageMetadata = Pick<
  Extracted,
  'byline' | 'dateline' | 'publishedAt' | 'modifiedAt' | 'canonicalUrl' | 'siteName' | 'language' | 'excerpt' | 'leadImage' | 'warnings'
> & {
  title: string | null;
  headline: string | null;
  /** A name shown beside the date by the headline without a "By" label: weaker than Readability's byline. */
  bylineGuess: string | null;
  /** The byline is the declared author naming the site itself ("USA TODAY") and nobody is credited by the headline. */
  bylineIsSite: boolean;
};

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$|^Report$|^WebPage$/;

/** Pulls the JSON-LD blocks out of raw HTML (they are stripped with the other scripts before parsing). */
export function jsonLdBlocks(html: string): JsonObject[] {
  const out: JsonObject[] = [];
  // A JSON-LD script's start tag, then its end found from there: one pass over the page, however many scripts are left open.
  const re = /<script\b[^<>]*type\s*=\s*["']?application\/ld\+json["']?[^<>]*>/gi;
  const close = /<\/script\s*>/gi;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(html)) !== null && guard++ < 50) {
    close.lastIndex = re.lastIndex;
    const end = close.exec(html);
    if (!end) {
      break;
    }
    re.lastIndex = close.lastIndex;
    const body = unwrapScript(html.slice(m.index + m[0].length, end.index));
    if (!body || body.length > 1_000_000) {
      continue;
    }
    try {
      collectObjects(JSON.parse(body), out, 0);
    } catch {
      // A broken JSON-LD block is common and harmless: ignore it.
    }
  }
  // Some site frameworks write their JSON-LD as `<meta name="script:ld+json" content="{…}">` (their meta API's
  // "script:ld+json" entry, which is meant to become a script): the same data, entity-encoded in an attribute.
  // Found from each occurrence of the name, one linear scan per tag (a pattern over the page would be quadratic on hostile markup).
  for (let at = html.indexOf(LD_META_NAME); at >= 0 && guard++ < 50; at = html.indexOf(LD_META_NAME, at + LD_META_NAME.length)) {
    const open = html.lastIndexOf('<', at);
    const end = open >= 0 && /^<meta\b/i.test(html.slice(open, open + 6)) ? tagEnd(html, open) : -1;
    if (end < 0) {
      continue;
    }
    const attrs = tagAttributes(html.slice(open, end + 1));
    const body = (attrs.content ?? '').trim();
    if (attrs.name?.toLowerCase() !== LD_META_NAME || (!body.startsWith('{') && !body.startsWith('['))) {
      continue;
    }
    try {
      collectObjects(JSON.parse(body), out, 0);
    } catch {
      // As above.
    }
    at = end;
  }
  return out;
}

/**
 * A script's text without the comment or CDATA wrapper old pages put around it
 * ("<!-- … //-->", "//<![CDATA[ … //]]>"). The end is cut with string tests: an
 * end-anchored pattern starting with \s* is quadratic on a long run of spaces.
 */
function unwrapScript(text: string): string {
  let body = text.trim().replace(/^(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)\s*/, '');
  for (const mark of ['-->', ']]>']) {
    if (body.endsWith(mark)) {
      body = body.slice(0, -mark.length).trimEnd();
      if (body.endsWith('//')) body = body.slice(0, -2);
      break;
    }
  }
  return body.trim();
}

const LD_META_NAME = 'script:ld+json';

function collectObjects(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > 4 || out.length > 100) {
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      collectObjects(v, out, depth + 1);
    }
    return;
  }
  if (value && typeof value === 'object') {
    const obj = value as JsonObject;
    out.push(obj);
    if (Array.isArray(obj['@graph'])) {
      collectObjects(obj['@graph'], out, depth + 1);
    }
  }
}

/**
 * The questions a page's JSON-LD publishes as its FAQ (an FAQPage's
 * mainEntity of Questions, by name), squashed (blocks.ts squash): the page
 * says these lines are content.
 */
export function faqQuestions(objs: JsonObject[]): Set<string> {
  const out = new Set<string>();
  for (const o of objs) {
    if (!typesOf(o).includes('FAQPage')) {
      continue;
    }
    const main = o['mainEntity'];
    for (const q of Array.isArray(main) ? main : [main]) {
      const name = q && typeof q === 'object' ? (q as JsonObject)['name'] : null;
      if (typeof name === 'string' && typesOf(q as JsonObject).includes('Question')) {
        out.add(squash(name));
      }
    }
  }
  return out;
}

const typesOf = (o: JsonObject): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

function pickArticle(objs: JsonObject[]): JsonObject | null {
  const articles = objs.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage'));
  if (articles.length > 0) {
    return articles[0] ?? null;
  }
  return objs.find((o) => typesOf(o).includes('WebPage') && typeof o.headline === 'string') ?? null;
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') {
    const t = collapseSpace(decodeEntities(v));
    return t || null;
  }
  return null;
};

function names(v: unknown): string[] {
  if (typeof v === 'string') {
    const s = str(v);
    return s ? [s] : [];
  }
  if (Array.isArray(v)) {
    return v.flatMap(names);
  }
  if (v && typeof v === 'object') {
    const s = str((v as JsonObject).name);
    return s ? [s] : [];
  }
  return [];
}

function imageUrl(v: unknown): string | null {
  if (typeof v === 'string') {
    return v;
  }
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = imageUrl(x);
      if (u) {
        return u;
      }
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as JsonObject;
    return str(o.url) ?? str(o.contentUrl);
  }
  return null;
}

/**
 * The page's <meta> and <link> elements, each in document order, read in one walk of the page (as
 * `doc.querySelectorAll('meta')` and `doc.querySelectorAll('link')` would find them).
 */
export function metaAndLinks(doc: Document): { metas: Element[]; links: Element[] } {
  const metas: Element[] = [];
  const links: Element[] = [];
  for (const el of Array.from(doc.querySelectorAll('meta, link'))) {
    (tagOf(el) === 'META' ? metas : links).push(el);
  }
  return { metas, links };
}

/** The first of `els` that matches `selector`, as `querySelector` over their document finds it when `els` holds, in document order, every element the selector can match. */
export function firstMatching(els: readonly Element[], selector: string): Element | null {
  return els.find((el) => el.matches(selector)) ?? null;
}

/**
 * All <meta> values keyed by lowercased property / name / itemprop / http-equiv; first wins. Every value of a
 * title key (TITLE_KEYS) goes to `titles` too, with its key: a page may declare two og:title tags.
 */
function metaMap(metas: readonly Element[], titles: Array<[string, string]> = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of metas) {
    const content = el.getAttribute('content');
    if (content === null) {
      continue;
    }
    const value = collapseSpace(content);
    if (!value) {
      continue;
    }
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keys = el.getAttribute(attr);
      if (!keys) {
        continue;
      }
      for (const raw of keys.toLowerCase().split(/\s+/)) {
        // "dc.title" and "dc:title" are the same key.
        const key = raw.replace(/\./g, ':');
        if (key && !map.has(key)) {
          map.set(key, value);
        }
        if (TITLE_KEY_SET.has(key)) {
          titles.push([key, value]);
        }
      }
    }
  }
  return map;
}

const first = (map: Map<string, string>, keys: string[]): string | null => {
  for (const k of keys) {
    const v = map.get(k);
    if (v) {
      return v;
    }
  }
  return null;
};

/**
 * Normalises a date string to ISO 8601 with an offset. Keeps the page's own
 * offset when it gives one; a bare date becomes midnight UTC. Null when the
 * value is not a plausible date.
 */
export function normalizeDate(value: string | null | undefined): { iso: string; zoneAssumed: boolean } | null {
  if (!value) {
    return null;
  }
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/i.exec(v);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const date = `${y}-${mo}-${d}`;
    if (!isPlausible(Date.parse(`${date}T00:00:00Z`))) {
      return null;
    }
    if (h === undefined) {
      return { iso: `${date}T00:00:00Z`, zoneAssumed: true };
    }
    const time = `${h}:${mi}:${s ?? '00'}${frac ? frac.slice(0, 4) : ''}`;
    if (!zone) {
      const full = `${date}T${time}Z`;
      return isPlausible(Date.parse(full)) ? { iso: full, zoneAssumed: true } : null;
    }
    let z = zone.toUpperCase();
    if (z !== 'Z') {
      const digits = z.replace(/[^0-9]/g, '');
      z = `${z[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
    }
    const full = `${date}T${time}${z}`;
    return isPlausible(Date.parse(full)) ? { iso: full, zoneAssumed: false } : null;
  }
  // "2019/1/22", "2019.01.22" (Google Scholar's citation_publication_date): year first, any padding.
  const slashed = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/.exec(v);
  if (slashed) {
    const [, y, , mo, d] = slashed;
    return normalizeDate(`${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(v);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    return normalizeDate(h ? `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}` : `${y}-${mo}-${d}`);
  }
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const ms = v.length === 13 ? Number(v) : Number(v) * 1000;
    return isPlausible(ms) ? { iso: new Date(ms).toISOString(), zoneAssumed: false } : null;
  }
  // A month's name, or day, month and year in figures: V8's Date.parse reads any word and a number as a date ("Part 1",
  // "Top 10", "Windows 11" are 2001).
  if (!/[a-z]/i.test(v) || v.length > 80 || !DATE_SHAPE.test(v)) {
    return null;
  }
  const ms = Date.parse(v);
  if (!isPlausible(ms)) {
    return null;
  }
  const hasZone = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2}|\b[ECMP][SD]T)\b/.test(v);
  return { iso: new Date(ms).toISOString(), zoneAssumed: !hasZone };
}

/** What a written date has that other text with a number has not: a month's name, or a numeric date. */
const DATE_SHAPE = new RegExp(`\\b${MONTH_WORD}\\b|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}`, 'i');

const isPlausible = (ms: number): boolean =>
  Number.isFinite(ms) && ms > Date.UTC(1990, 0, 1) && ms < Date.UTC(2100, 0, 1);

/** A yyyy/mm/dd (or yyyy-mm-dd) in the URL path, as a date. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  // The date may lead the slug's words ("/2025-12-15+Rust+GCC"), its month be a name ("/2023/october/03/").
  const m = /(?:^|\/|[-_])((?:19|20)\d{2})[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?:\/|[-_+]|$)/.exec(path);
  if (m) {
    return normalizeDate(`${m[1]}-${m[2]}-${m[3]}`)?.iso ?? null;
  }
  const named = URL_NAMED_MONTH_DATE.exec(path);
  const month = named ? monthNumber(named[2] as string) : undefined;
  return named && month ? (normalizeDate(`${named[1]}-${String(month).padStart(2, '0')}-${(named[3] as string).padStart(2, '0')}`)?.iso ?? null) : null;
}

/** "/2023/october/03/" in a URL path: year, month name, day. */
const URL_NAMED_MONTH_DATE = new RegExp(`\\/((?:19|20)\\d{2})\\/(${MONTH_WORD})\\/(0?[1-9]|[12]\\d|3[01])(?:\\/|$)`, 'i');

const MONTH = `${MONTH_START}[a-z]*\\.?`;
const BYLINE_TAIL = new RegExp(
  `\\s*(?:[-–—|·•,]\\s*)?(?:(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|(?:updated|published|posted)\\b)|@\\w).*$`,
  'i',
);

/** "By Jane Doe - Apr 16, 2015 @jdoe" -> "Jane Doe". */
export function cleanByline(v: string | null): string | null {
  if (!v) {
    return null;
  }
  let s = collapseSpace(v)
    .replace(/^[\s,;:|·•—–-]+/, '')
    .replace(/^(?:written\s+)?(?:by|par|por|von|di|door|av)\s*:?\s+/i, '')
    // "BySummer Swann": the space lost between a label and a link.
    .replace(/^(?:[Ww]ritten\s+)?[Bb]y:?(?=\p{Lu}\p{Ll})/u, '')
    .replace(BYLINE_TAIL, '')
    .replace(/[\s—–|·•,:-]+$/, '')
    .trim();
  // "Harry RabinowitzTech Reporter": a job title glued to the name (not "McCarthy": no title follows).
  // A glue follows a whole word (four lowercase letters at least): "MacDonald", "McNamara", "DeAndre" are names.
  const glue = /\p{Lu}\p{Ll}{4,}(?=\p{Lu})/u.exec(s);
  if (glue && JOB_TITLE.test(s.slice(glue.index + glue[0].length).split(/\s+/).slice(0, 2).join(' '))) {
    s = s.slice(0, glue.index + glue[0].length).trim();
  }
  // "JOHN SMITH, Staff Writer", "Ann Lee, Associated Press Writer": the job title after a comma is not the name.
  s = withoutJobTitle(s) ?? s;
  if (/^(?:by|par|por|von|last|updated|published|posted|share|follow|(?:(?:about )?the )?author|staff|admin|administrator|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)$/i.test(s)) {
    s = '';
  }
  if (!s || s.length > 200 || /^https?:\/\//i.test(s) || /^\d/.test(s) || !/\p{L}/u.test(s) || isTemplatePlaceholder(s)) {
    return null;
  }
  return s;
}

/**
 * A template's field the site never filled in, where a name belongs: a
 * variable's path ("page.head.extra.author", "post.author.name": three
 * dotted parts or more, each a lowercase-led identifier, no space) or its
 * braces ("{{ author }}", "${author}", "<%= author %>"). Initials
 * ("J.R.R. Tolkien") and a user name ("jane.doe") are not.
 */
const isTemplatePlaceholder = (s: string): boolean => /^[a-z_][\w-]+(?:\.[a-z_][\w-]+){2,}$/.test(s) || /\{\{|\}\}|\$\{|<%|%>/.test(s);

/** Joins byline names, dropping repeats. */
const joinNames = (list: string[]): string | null => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of list) {
    const c = cleanByline(n);
    if (c && !seen.has(c.toLowerCase())) {
      seen.add(c.toLowerCase());
      out.push(c);
    }
  }
  return out.length ? out.join(', ') : null;
};

/** A host without "www." and its last label: "www.example.com" -> "example", "news.example.co.uk" -> "news.example.co". */
const hostWithoutTld = (host: string): string => bareHost(host).split('.').slice(0, -1).join('.');

/**
 * The name a host is registered under: "newegg" for promotions.newegg.com,
 * "bbc" for www.bbc.co.uk (a short second-level label is a registry's).
 */
export function siteLabel(host: string | null): string | null {
  const labels = (host ?? '').toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) {
    return null;
  }
  const second = labels[labels.length - 2] as string;
  const label = labels.length >= 3 && second.length <= 3 && (labels[labels.length - 1] as string).length === 2 ? labels[labels.length - 3] : second;
  return label && label.length >= 3 ? label : null;
}

const SEPARATORS = [' | ', ' - ', ' — ', ' – ', ' :: ', ' · ', ' • ', ' « ', ' » ', ' / '];

/**
 * Removes a " | Site" / " - Site" style suffix (or "Site | " prefix) when it
 * names the site, or when it is a short trailing segment after a pipe; and
 * the host's domain name leading the title ("example.com Story title").
 */
export function stripSiteSuffix(title: string, siteName: string | null, host: string | null): string {
  const t = collapseSpace(title);
  // "davidbau.com Vibe Coding": the host's domain name before the story's, without a separator.
  const domain = host ? bareHost(host) : '';
  if (domain.includes('.') && t.toLowerCase().startsWith(`${domain} `) && t.slice(domain.length).trim().split(/\s+/).length >= 2) {
    return stripSiteSuffix(t.slice(domain.length).trim(), siteName, host);
  }
  const siteKeys = [siteName, host, host && hostWithoutTld(host), siteLabel(host)]
    .filter((x): x is string => !!x)
    .map(squash)
    .filter((x) => x.length > 1);
  for (const sep of SEPARATORS) {
    const i = t.lastIndexOf(sep);
    if (i > 0) {
      const head = t.slice(0, i).trim();
      const tail = t.slice(i + sep.length).trim();
      const nt = squash(tail);
      const namesSite = siteKeys.some((k) => nt === k || (nt.length > 3 && (k.startsWith(nt) || nt.startsWith(k))));
      const wordsHead = head.split(/\s+/).length;
      const wordsTail = tail.split(/\s+/).length;
      if (namesSite && wordsHead >= 2) {
        return stripSiteSuffix(head, siteName, host);
      }
      if (sep === ' | ' && wordsTail <= 4 && wordsHead >= 3) {
        return stripSiteSuffix(head, siteName, host);
      }
      // Any separator: a short tail after a headline-sized head is a site or section name.
      if (sep !== ' / ' && wordsTail <= 3 && wordsHead >= 4 && !/[.!?]$/.test(tail)) {
        return stripSiteSuffix(head, siteName, host);
      }
    }
    const j = t.indexOf(sep);
    if (j > 0) {
      const head = t.slice(0, j).trim();
      const rest = t.slice(j + sep.length).trim();
      if (siteKeys.some((k) => squash(head) === k) && rest.split(/\s+/).length >= 2) {
        return rest;
      }
    }
  }
  return t;
}

/**
 * What each title reads before a separator and before a later one
 * ("A – B – Site": "A" and "A – B"), normalised: the parts a page's own
 * headline may be.
 */
export function titleHeads(titles: Array<string | null>): Set<string> {
  const out = new Set<string>();
  for (const t of titles) {
    if (!t) continue;
    for (const sep of SEPARATORS) {
      for (let i = t.indexOf(sep); i > 0; i = t.indexOf(sep, i + sep.length)) {
        const head = squash(t.slice(0, i));
        if (head.length >= 3) out.add(head);
      }
    }
  }
  return out;
}

/**
 * The page's <title> when the declared title is that title cut short
 * mid-phrase (JSON-LD headlines are often cut at 110 characters): the cut
 * falls where no separator is, and the title says more. Else the declared title.
 */
export function uncut(declared: string | null, docTitle: string | null): string | null {
  if (!declared || !docTitle) {
    return declared;
  }
  const d = declared.replace(/\s*(?:…|\.\.\.)$/, '');
  if (d.length < 20 || docTitle.length <= d.length || !docTitle.startsWith(d)) {
    return declared;
  }
  const rest = docTitle.slice(d.length);
  return /^\s*(?:[|–—·•:»«/]|-\s)/.test(rest) || /^\s*$/.test(rest) ? declared : docTitle;
}

const titleWords = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The <h1> that carries the story's headline: of the page's first <h1>s, not
 * a link (a logo) nor the site's name, the one sharing the most words with the
 * metadata title (Jaccard over word sets, at least `minShare`). Metadata
 * titles are often a search-engine variant of the headline ("Best X in 2025 |
 * Site"); the visible one is what the story is called. Null when none agrees
 * enough, or when there is no metadata title to compare with.
 */
export function visibleHeadline(h1s: Element[], metaTitle: string | null, siteName: string | null, minShare = 0.25): string | null {
  const h = headlineElement(h1s, metaTitle, siteName, minShare);
  return h ? headingText(h) : null;
}

/** Tags inside a heading that break its words apart: "Weekend<br>Coding" reads "Weekend Coding". */
const HEADING_BREAKS = new Set(['BR', 'DIV', 'P', 'LI', 'TIME']);

/**
 * A heading's text as it reads: a space where a line break or a block
 * (a subtitle <div>) sits between two words; inline elements (a drop-cap
 * <span>) join their words as they are.
 */
export function headingText(h: Element): string {
  let out = '';
  const stack: Array<Node | null> = [h];
  let guard = 0;
  while (stack.length > 0 && guard++ < 2000) {
    const n = stack.pop();
    if (n === null) {
      out += ' ';
      continue;
    }
    if (!n) {
      continue;
    }
    if (n.nodeType === 3) {
      out += (n as Text).data;
      continue;
    }
    if (n.nodeType !== 1) {
      continue;
    }
    const breaks = n !== h && HEADING_BREAKS.has(tagOf(n as Element));
    if (breaks) {
      out += ' ';
      stack.push(null);
    }
    pushChildren(stack, n);
  }
  return collapseSpace(out);
}

/**
 * The heading is the metadata title plus something that is not headline: a
 * separator and a site or section name ("Title | Opinion", "Title – Site"),
 * a date or a byline ("Title Posted on July 1, 2024 by X", "Dec 18 2025
 * Title"), or a label before a colon ("Blog: Title").
 */
export function addsToTitle(heading: string, metaTitle: string): boolean {
  const h = heading.toLowerCase();
  const m = collapseSpace(metaTitle).toLowerCase();
  if (m.length < 8 || h.length <= m.length) {
    return false;
  }
  if (h.startsWith(m)) {
    const rest = h.slice(m.length).trim();
    // Not a colon: "Title: what it means" is the headline's own subtitle.
    return /^(?:[|–—·•]|-\s|\()/.test(rest) || DATE_OR_READ.test(rest) || /^(?:posted|by|updated|published)\b/.test(rest);
  }
  if (h.endsWith(m)) {
    const lead = h.slice(0, h.length - m.length).trim();
    return /(?:[|–—·•:]|\s-)$/.test(lead) || DATE_OR_READ.test(lead);
  }
  return false;
}

/**
 * The heading is the metadata title with characters lost to a charset
 * conversion: each "?" or U+FFFD where the title has one or two other
 * characters, at least one of them not an ASCII letter or digit ("Caf?" for
 * "Café", "Planning? Beginner? Guide" for "Planning: Beginner’s Guide"), and
 * nothing else different.
 */
export function lostCharacters(heading: string, metaTitle: string): boolean {
  // Each mark may stand for one character or two: a few of them keep the match's ways few.
  const marks = heading.match(/[?\uFFFD]/g)?.length ?? 0;
  if (marks === 0 || marks > 6 || heading.length > 300) {
    return false;
  }
  const parts = heading.split(/[?\uFFFD]/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const lost = '(?=[^\\s]?[^A-Za-z0-9\\s])[^\\s?\\uFFFD]{1,2}';
  const re = new RegExp(`^${parts.join(`(?:${lost}|[?\\uFFFD])`)}$`, 'iu');
  const m = collapseSpace(metaTitle);
  return m !== heading && re.test(m) && m.replace(/[?\uFFFD]/g, '').length > heading.replace(/[?\uFFFD]/g, '').length;
}

/** `text` is the host's name, whole: "davidbau.com", "www.davidbau.com", "davidbau". */
function isHostName(text: string, host: string): boolean {
  const t = squash(text);
  const bare = bareHost(host);
  return t.length >= 3 && [host, bare, hostWithoutTld(host)].some((k) => squash(k) === t);
}

/** The <h1> element visibleHeadline reads its text from. */
function headlineElement(
  h1s: Element[],
  metaTitle: string | null,
  siteName: string | null,
  minShare = 0.25,
  heads?: Set<string>,
  host: string | null = null,
): Element | null {
  if (!metaTitle || h1s.length === 0) {
    return null;
  }
  const want = new Set(titleWords(metaTitle));
  const site = siteName ? titleWords(siteName).join(' ') : '';
  let best: Element | null = null;
  let bestShare = minShare;
  for (const h of h1s.slice(0, 10)) {
    const text = headingText(h);
    const words = titleWords(text);
    // A logo (an image, a link home) is not the headline; an icon before a headline's words does not make one.
    if (text.length < 3 || text.length > 300 || h.closest('a') || h.querySelector('a[href="/"]') || (words.length < 4 && h.querySelector('img'))) {
      continue;
    }
    // Nor the site's name or its host ("davidbau.com" over every post of a blog).
    if (words.length === 0 || (site && words.join(' ') === site) || (host && isHostName(text, host))) {
      continue;
    }
    // Not the site's name, which "Site | Story" titles start with too.
    if (heads?.has(squash(text)) && !namesTheSite(text, [siteName, host])) {
      return h;
    }
    const have = new Set(words);
    let shared = 0;
    for (const w of have) {
      if (want.has(w)) shared++;
    }
    const share = shared / (want.size + have.size - shared);
    // A later heading as close replaces the best, unless it is a link (a teaser's) and the best is not.
    if (share > bestShare || (share === bestShare && !(best && linkedHeading(h) && !linkedHeading(best)))) {
      best = h;
      bestShare = share;
    }
  }
  return best;
}

/**
 * Elements a page without <h1> sets its headline in: old layouts, then site
 * builders (a <p> styled large), looked at only when none of the first is: a
 * story paragraph that repeats the title (loose in a table, a browser moves it
 * before the table's headline) is not the headline.
 */
const OLD_HEADLINE_TAGS = ['h2, h3, h4, b, strong, font, big, td, span', 'p'];

/**
 * The headline of a page with no <h1> (old layouts set it in <b>, <font>, an
 * <h2>/<h3> or a table cell): the first of the elements above, not a link,
 * whose whole text is the page's title, or what the title reads before a
 * separator ("Mayor signs budget - Daily Times"), in three words or more and
 * not the site's name. Null when none is.
 */
export function headlineByTitle(doc: Document, heads: Set<string>, metaTitle: string | null, sites: Array<string | null>): Element | null {
  const want = new Set(heads);
  if (metaTitle) {
    want.add(squash(metaTitle));
  }
  if (want.size === 0 || !doc.body) {
    return null;
  }
  for (const tags of OLD_HEADLINE_TAGS) {
    let looked = 0;
    for (const el of Array.from(doc.body.querySelectorAll(tags))) {
      if (++looked > 400) {
        break;
      }
      const text = shortText(el, 300);
      if (!text || titleWords(text).length < 3 || !want.has(squash(text)) || el.closest('a') || namesTheSite(text, sites)) {
        continue;
      }
      return el;
    }
  }
  return null;
}

/** A heading whose words are all one link's. */
function linkedHeading(h: Element): boolean {
  const a = h.querySelector('a');
  return !!a && collapseSpace(a.textContent ?? '') === collapseSpace(h.textContent ?? '');
}

const DATELINE_CLASS = /(?:^|[\s_-])dateline(?:$|[\s_-])/i;

/** Reads every metadata field Telex carries from the parsed page. */
export function readMetadata(doc: Document, url: string, ld: JsonObject[]): PageMetadata {
  const warnings: string[] = [];
  const metaTitles: Array<[string, string]> = [];
  const { metas, links } = metaAndLinks(doc);
  const meta = metaMap(metas, metaTitles);
  const article = pickArticle(ld);
  let host: string | null = null;
  try {
    host = new URL(url).hostname;
  } catch {
    host = null;
  }

  const publisher = article?.publisher;
  const siteName =
    first(meta, ['og:site_name', 'application-name', 'twitter:app:name:iphone']) ??
    (publisher && typeof publisher === 'object' ? str((publisher as JsonObject).name) : null) ??
    str(ld.find((o) => typesOf(o).includes('WebSite'))?.name) ??
    null;

  const h1s = Array.from(doc.querySelectorAll('h1'));
  const h1 = h1s.length === 1 && h1s[0] ? collapseSpace(h1s[0].textContent ?? '') || null : null;
  const docTitle = repairMojibakeRuns(collapseSpace(doc.querySelector('title')?.textContent ?? '')) || null;
  const declaredTitle = [
    ldTitle(article, docTitle),
    first(meta, TITLE_KEYS),
  ]
    .map((t) => (t ? repairMojibakeRuns(t) : null))
    // A title that is only the site's name ("Robomow") names no story.
    .find((t) => t && !(docTitle && docTitle !== t && namesTheSite(t, [siteName, host])));
  const rawTitle = uncut(declaredTitle ?? null, docTitle) ?? docTitle ?? h1;
  const metaTitle = rawTitle ? stripSiteSuffix(rawTitle, siteName, host) : null;
  // The headline a reader sees is the page's <h1> when one says nearly what the metadata says,
  // or when it is what the page's title reads before a separator ("Coffee - University of X").
  const heads = titleHeads([rawTitle, docTitle]);
  // A title the page declares whole under two keys (og:title and twitter:title, or one and its JSON-LD headline):
  // an <h1> saying it is the headline, however far the title read first is from it.
  for (const t of declaredTwice(metaTitles, article)) {
    heads.add(t);
  }
  const headlineEl =
    headlineElement(h1s, metaTitle, siteName, 0.25, heads, host) ?? (h1s.length === 0 ? headlineByTitle(doc, heads, metaTitle, [siteName, host]) : null);
  const shownTitle = headlineEl ? repairMojibakeRuns(headingText(headlineEl)) : null;
  // The <h1> wins, unless it is the metadata title with a date, a byline or a site or section name attached.
  // Nor when it is in capitals only (a style, not the headline's words) and the metadata title, not, says mostly the same words.
  const shouted = (t: string): boolean => {
    if (/\p{Ll}/u.test(t) || !/\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(t) || !metaTitle || !/\p{Ll}/u.test(metaTitle)) {
      return false;
    }
    const words = titleWords(t);
    const meta = new Set(titleWords(metaTitle));
    return words.filter((w) => meta.has(w)).length * 2 >= words.length;
  };
  const title =
    shownTitle && metaTitle && (addsToTitle(shownTitle, metaTitle) || shouted(shownTitle) || lostCharacters(shownTitle, metaTitle)) ? metaTitle : (shownTitle ?? metaTitle);
  // The lines around the story's headline: where readers see its date and author.
  // Not a heading of the site's footer or a sidebar ("Contact Us" over the footer's links).
  const anchor = headlineEl ?? h1s.find((h) => !h.closest('a, footer, aside, nav') && collapseSpace(h.textContent ?? '').length >= 10) ?? null;
  const around = anchor ? headlineWindow(anchor) : null;

  const bylineEl = doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .author-name, .article-byline');
  const declaredByline =
    joinNames(names(article?.author)) ??
    cleanByline(first(meta, ['dc:creator', 'dcterm:creator', 'dcterms:creator', 'author', 'parsely-author', 'sailthru:author', 'byl'])) ??
    cleanByline(nonUrl(first(meta, ['article:author'])));
  const shownName = shownByline(around);
  const besideDate = shownName ? null : nameBesideDate(around, title);
  // A declared author that is the site itself ("USA TODAY", "Cleveland Clinic") or an account's login name ("KatieS",
  // "andrew.keaveney", "NOC Admin") gives way to the person the page credits.
  const credited = shownName ?? besideDate;
  const siteDeclared = !!declaredByline && namesTheSite(declaredByline, [siteName, publisherName(article), host]);
  const byline =
    (declaredByline && credited && (siteDeclared || loginHandle(declaredByline, credited)) ? credited : declaredByline) ??
    shownName ??
    cleanByline(bylineEl ? collapseSpace(bylineEl.textContent ?? '') : null);

  // A page whose JSON-LD describes no article may still date its WebPage (Yoast's graph does): after the <meta> tags.
  const webPage = article ? null : (ld.find((o) => typesOf(o).includes('WebPage')) ?? null);
  const declaredNotes: string[] = [];
  let declaredPublished = pickDate(
    [str(article?.datePublished), first(meta, PUBLISHED_KEYS), () => publishedLike(meta), () => str(webPage?.datePublished)],
    declaredNotes,
    'publishedAt',
  );
  // A <time pubdate> marks its article's publication in the page's own markup: a declared date of another day gives way.
  const pubdate = declaredPublished ? normalizeDate(pubdateTime(doc)) : null;
  if (pubdate && pubdate.iso.slice(0, 10) !== declaredPublished?.slice(0, 10)) {
    declaredPublished = pubdate.iso;
    declaredNotes.length = 0;
    warnings.push('publishedAt is the page\'s <time pubdate>; its other markup declares another day');
    if (pubdate.zoneAssumed) {
      warnings.push('publishedAt had no time zone; UTC assumed');
    }
  }
  warnings.push(...declaredNotes);
  const declaredModified = pickDate(
    [str(article?.dateModified ?? webPage?.dateModified), first(meta, ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms:modified', 'dc:date:modified'])],
    [],
    'modifiedAt',
  );
  const marked = (notes: string[]): string | null =>
    pickDate(
      [
        () => timeAttr(doc, ['time[pubdate]', 'time[itemprop="datePublished"]', '[itemprop="datePublished"]', 'article time[datetime]', 'header time[datetime]', 'time[datetime]']),
        () => timestampText(doc),
      ],
      notes,
      'publishedAt',
    );
  const canonical = absoluteUrl(firstMatching(links, 'link[rel~="canonical" i]')?.getAttribute('href'), url);
  const urlDate = dateFromUrl(canonical ?? url) ?? (canonical ? dateFromUrl(url) : null);
  let published = shownDate(around, declaredPublished, declaredModified, warnings, urlDate?.slice(0, 10) ?? null);
  if (published?.endsWith('T00:00:00Z') && !declaredPublished) {
    // A shown day alone and no declared date: the page's time element or timestamp line may say the hour.
    const notes: string[] = [];
    const exact = marked(notes);
    if (exact?.startsWith(published.slice(0, 10))) {
      published = exact;
      warnings.push(...notes);
    }
  }
  published ??= declaredPublished ?? marked(warnings);
  if (!published) {
    published = bylineDate(doc);
    if (published) {
      warnings.push('publishedAt is the date shown beside the author');
    }
  }
  if (!published && urlDate) {
    published = urlDate;
    warnings.push('publishedAt taken from the URL');
  }
  if (!published) {
    published = labelledDate(doc);
    if (published) {
      warnings.push('publishedAt is the date the page labels as its publication or last update');
    }
  }

  const modifiedAt =
    declaredModified ?? pickDate([() => timeAttr(doc, ['time[itemprop="dateModified"]', '[itemprop="dateModified"]'])], warnings, 'modifiedAt');
  const publishedAt = published;

  const canonicalUrl =
    canonical ??
    absoluteUrl(first(meta, ['og:url']), url) ??
    absoluteUrl(str(article?.url) ?? mainEntityUrl(article), url);

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  const language = normalizeLang(
    htmlLang ??
      first(meta, ['content-language', 'language', 'dc:language', 'og:locale']) ??
      str(article?.inLanguage),
  );

  const excerpt =
    str(article?.description) ??
    first(meta, ['dc:description', 'dcterm:description', 'og:description', 'weibo:article:description', 'description', 'twitter:description', 'sailthru:description']);

  const leadImage = absoluteUrl(
    first(meta, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']) ??
      imageUrl(article?.image) ??
      firstMatching(links, 'link[rel="image_src"]')?.getAttribute('href'),
    url,
  );

  let dateline: string | null = null;
  // The substring selector narrows cheaply; the class rule below decides.
  for (const el of Array.from(doc.querySelectorAll('[class*="dateline" i], [itemprop="dateline"]')).slice(0, 50)) {
    if (el.getAttribute('itemprop') === 'dateline' || DATELINE_CLASS.test(el.getAttribute('class') ?? '')) {
      const t = cleanDateline(el.textContent ?? '');
      if (t) {
        dateline = t;
        break;
      }
    }
  }

  return {
    title,
    headline: h1,
    byline,
    bylineGuess: byline ? null : besideDate,
    bylineIsSite: siteDeclared && !credited,
    publishedAt,
    modifiedAt,
    canonicalUrl,
    siteName,
    language,
    excerpt: excerpt ? decodeEntities(excerpt) : null,
    leadImage,
    dateline,
    warnings,
  };
}

const TITLE_KEYS = ['dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'twitter:title', 'parsely-title', 'sailthru:title'];
const TITLE_KEY_SET = new Set(TITLE_KEYS);

/**
 * The titles (squashed) that a page declares under two different keys or more: its <meta> title tags, all of
 * them (`metaTitles`, from metaMap), and its article's JSON-LD headline or name, which count as one key.
 */
function declaredTwice(metaTitles: Array<[string, string]>, article: JsonObject | null): string[] {
  const keys = new Map<string, Set<string>>();
  const add = (value: string | null, key: string): void => {
    const v = value ? squash(repairMojibakeRuns(value)) : '';
    if (v) {
      const set = keys.get(v) ?? new Set<string>();
      set.add(key);
      keys.set(v, set);
    }
  };
  for (const [key, value] of metaTitles.slice(0, 20)) {
    add(value, key);
  }
  add(str(article?.headline), 'ld');
  add(str(article?.name), 'ld');
  return [...keys].filter(([, k]) => k.size >= 2).map(([v]) => v);
}

const PUBLISHED_KEYS = ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru:date', 'dc:date:issued', 'dc:date', 'dcterms:created', 'dcterms:issued', 'date', 'article:published', 'citation_publication_date', 'citation_date', 'citation_online_date'];

/** "By", "Written by", "Posted by", "Author:" and the like, at the start of a line or after a separator; the name follows. */
const BY_LABEL = /(?:^|[·|•⋅]\s*|\d{4},?\s+)(?:(?:written|posted|published|authored|words|story|text)\s+)?(?:by|authors?)\b\s*:?\s*|^(?:written|posted|published)\s+by(?=\p{Lu})/iu;
/** "ByDaryl Austin": the label glued to the name. */
const BY_GLUED = /^(?:Written |Posted )?By:?(?=\p{Lu}\p{Ll})/u;
/** Credits that are not the author's. */
const NOT_AUTHOR = /(?:reviewed|edited|checked|photos?|photographs?|illustrations?|images?|video|produced|sponsored|powered|presented|supported|designed|hosted)\s+by\b/i;
/** Where a name in a byline line ends: a separator, a date (its month too: "Jane Doe April 12, 2024"), a section's lead word, a label glued to the name. */
const NAME_END = /\s+(?:[|·•⋅—–]|-\s|on\s|in\s|at\s|view\b|published\b|updated\b|posted\b|last\b|\d).*$|(?<!\d)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d.*$|(?<=\p{Ll})(?:Last|Updated|Published|Posted|Reviewed|View)\b.*$/u;
/** Lowercase words a name may hold. */
const NAME_PARTICLE = /^(?:and|&|van|von|de|der|den|da|di|du|la|le|del|della|dos|bin|al|el|y|e|et|und|of|the)$/;

/**
 * The author as the lines by the headline credit them: "By Jane Doe",
 * "Written by\nJane Doe", "Posted by jdoe on ...", "Authors: A, B". The name
 * is cut at the next separator or date and must read as a name or a short
 * handle, not as a sentence ("By clicking subscribe you agree...").
 */
export function shownByline(around: HeadlineWindow | null): string | null {
  if (!around) {
    return null;
  }
  const after = around.after.split('\n').slice(0, 12);
  const before = around.before.split('\n').slice(-4).reverse();
  for (const lines of [after, before]) {
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (line.length > 200 || NOT_AUTHOR.test(line)) {
        continue;
      }
      const m = BY_LABEL.exec(line) ?? BY_GLUED.exec(line);
      if (!m) {
        continue;
      }
      const rest = line.slice(m.index + m[0].length).trim();
      // A label alone on its line ("Written by"): the name is the next line, or the one after when the next is
      // link texts glued together (the story's sections) (after the headline only).
      const name = rest || lines !== after ? asName(rest) : (asName((lines[i + 1] ?? '').trim()) ?? (glued(lines[i + 1] ?? '') ? asName((lines[i + 2] ?? '').trim()) : null));
      if (name) {
        return name;
      }
    }
  }
  return null;
}

/**
 * With no "By" label: a line that is a name alone, beside the story's date
 * ("Jane Doe\nDec 17, 2025"; below the headline also with the writer's job
 * title between them), or on the date's line ("Dec 17, 2025 · Jane Doe", the
 * section it is filed in after the name cut off: "Jane Doe in Project
 * Management"); above the headline only the latter (kickers are title-cased too).
 * Not a job title, not words of the title.
 */
export function nameBesideDate(around: HeadlineWindow | null, title: string | null): string | null {
  if (!around) {
    return null;
  }
  const after = around.after.split('\n').slice(0, 8);
  const before = around.before.split('\n').slice(-3).reverse();
  const titleSet = new Set(titleWords(title ?? ''));
  for (const [side, lines] of [after, before].entries()) {
    const dated = lines.map((l) => DATE_OR_READ.test(l));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      // "Ann Lee, Staff Writer": the job title after the comma is not the name.
      let bare = collapseSpace((withoutJobTitle(line) ?? line).replace(DATE_OR_READ_G, ' ').replace(/[·|•,]/g, ' '));
      // "Dec 26, 2025 • Jane Doe in Project Management": the section the story is filed in follows the name.
      if (dated[i]) {
        bare = bare.replace(/\s+in\s+\p{Lu}.*$/u, '');
      }
      if (bare.length < 3 || bare.length > 60 || !NAME_LIKE.test(bare) || NOT_A_NAME.test(bare)) {
        continue;
      }
      if (JOB_TITLE.test(bare) || titleWords(bare).some((w) => titleSet.has(w))) {
        continue;
      }
      // Or a job title between the name and the date ("Jane Doe\nMarketing Director\nUpdated on 23 Oct 2025").
      const titled = side === 0 && !!dated[i + 2] && JOB_TITLE.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').length <= 60;
      if (dated[i] || (side === 0 && (dated[i - 1] || dated[i + 1])) || titled) {
        return bare;
      }
    }
  }
  return null;
}

/**
 * The name of a "name, job title" line ("JOHN SMITH, Staff Writer", "Ann Lee, Associated Press Writer"): the part
 * before the comma when the part after it, four words at most, ends in a job title; else null.
 */
export function withoutJobTitle(line: string): string | null {
  const titled = /^([^,]{3,60}),\s+((?:[\p{L}.&]+\s+){0,3}[\p{L}]+)$/u.exec(line.trim());
  return titled?.[1] && titled[2] && JOB_TITLE.test(titled[2].split(/\s+/).pop() ?? '') ? titled[1].trim() : null;
}

/** A wire service or agency a byline's line under the name gives as the writer's employer. */
const BYLINE_AGENCY =
  /^(?:the )?(?:associated press|ap|reuters|agence france-presse|afp|upi|united press international|bloomberg(?: news)?|dpa|press association|pa media|canadian press|australian associated press|aap|xinhua|kyodo(?: news)?|efe|ansa|wire (?:services|reports))$/i;

/**
 * A newspaper's or magazine's name: "The" and one to three names before its kind of paper ("The Boston Globe", "The
 * Wall Street Journal", "The Daily News"). Without "The" or a name the words are a title-case line's as often ("Good
 * News", "Hard Times", "Weekly"), which a story's first line may be.
 */
const PUBLICATION =
  /^The (?:\p{Lu}[\p{L}.&'-]*\s+){1,3}(?:Times|Post|Journal|Herald|Tribune|Gazette|News|Press|Chronicle|Globe|Telegraph|Observer|Examiner|Inquirer|Courier|Dispatch|Enquirer|Ledger|Sentinel|Bulletin|Magazine|Daily|Weekly)$/u;

/**
 * An article, possessive or preposition: before a job title's word it makes a phrase of it, not a title ("Council Takes
 * the Lead", "Letters to the Editor", "Keep Your Head").
 */
const BEFORE_NOUN = /^(?:the|a|an|your|our|my|his|her|their|its|to|from|of|for|with|by|in|on|at)$/i;

/**
 * Whether a line set under a byline says whom the writer works for or writes as, not what the story is: a job title
 * ("Associated Press Writer", "Staff Reporter", "Business Editor"), a staff line ("Times Staff", "Staff and wire
 * reports"), an agency ("Reuters", "The Associated Press"), a publication ("The Boston Globe"), "Special to The
 * Times", or the writer's e-mail address or handle. Six words at most; "Who Pays For The Roads" is none.
 */
export function isBylineAffiliation(line: string): boolean {
  const text = line.trim().replace(/[.,;:]$/, '');
  const words = text.split(/\s+/);
  if (!text || words.length > 6 || text.length > 60) {
    return false;
  }
  return (
    BYLINE_AGENCY.test(text) ||
    /^special (?:to|for) \S/i.test(text) ||
    /^staff\b|\bstaff$/i.test(text) ||
    PUBLICATION.test(text) ||
    (JOB_TITLE.test(words.at(-1) ?? '') && !BEFORE_NOUN.test(words.at(-2) ?? '')) ||
    /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(text) ||
    /^@\w{1,30}$/.test(text)
  );
}

/** A job title printed under a byline's name ("Marketing Director"), not a name. */
const JOB_TITLE = /\b(?:director|editor|writer|reporter|manager|founder|officer|ceo|cto|contributor|correspondent|columnist|analyst|specialist|strategist|consultant|engineer|developer|designer|lead|head|president|intern|insights?)\b/i;

/** A written date or a reading time, the company a byline keeps. */
const DATE_OR_READ_SOURCE = `(?:${MONTH_WORD}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH_WORD}\\.?,? \\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d+ min(?:ute)?s? read)`;
const DATE_OR_READ = new RegExp(DATE_OR_READ_SOURCE, 'i');
const DATE_OR_READ_G = new RegExp(DATE_OR_READ_SOURCE, 'gi');

/** Words of two or more links read without a space between them ("Wedding ChecklistsJust EngagedWedding"), not one handle ("MixmasterFred"). */
const glued = (text: string): boolean => /\s/.test(text.trim()) && /\p{Ll}{4}\p{Lu}/u.test(text);

function asName(text: string): string | null {
  const cut = cleanByline(text.replace(NAME_END, ''));
  if (!cut || cut.length > 100) {
    return null;
  }
  const words = cut.split(/\s+/);
  // Nor link texts read without a space between them: a name's inner capital follows a short prefix ("McNally",
  // "MacKenzie", "FitzGerald"), not a whole word.
  if (words.length > 12 || glued(cut)) {
    return null;
  }
  let lower = 0;
  for (const w of words) {
    if (!/^[\p{Lu}@\d]/u.test(w) && !NAME_PARTICLE.test(w.toLowerCase())) {
      lower++;
    }
  }
  // A name, or a one-word handle ("ibby"); a run of lowercase words is a sentence.
  return lower === 0 || (words.length === 1 && lower === 1) ? cut : null;
}

/** The name of the article's publisher in JSON-LD. */
function publisherName(article: JsonObject | null): string | null {
  const p = article?.publisher;
  return p && typeof p === 'object' && !Array.isArray(p) ? str((p as JsonObject).name) : null;
}

/** `name` is the site's: equal to its name, its publisher's or its host's label, or one starting with the other. */
export function namesTheSite(name: string, sites: Array<string | null>): boolean {
  const n = squash(name);
  if (n.length < 3) {
    return false;
  }
  return sites.some((site) => {
    if (!site) {
      return false;
    }
    const keys = [squash(site), squash(hostWithoutTld(site))].filter((k) => k.length >= 3);
    return keys.some((k) => k === n || (n.length >= 4 && (k.startsWith(n) || n.startsWith(k))));
  });
}

/**
 * `name` reads as the login of the account that posted the page, not as the
 * writer's name: one word with a dot, underscore, digit or @, starting in lower
 * case or with a capital after a lower-case letter ("andrew.keaveney", "KatieS"),
 * or an administrator's account ("NOC Admin"). Not when the credited name
 * holds it as a word ("David" for "David Bau": the same person, as the page
 * signs).
 */
export function loginHandle(name: string, credited: string): boolean {
  const handle = (!/\s/.test(name) && (/[._\d@]/.test(name) || /^\p{Ll}|\p{Ll}\p{Lu}/u.test(name))) || /\badmin(?:istrator)?\b/i.test(name);
  return handle && !titleWords(credited).includes(name.toLowerCase());
}

/** A site's own publication-date key ("w-published-date", "article.published", "published"): named for publishing, not for an update. */
const PUBLISHED_LIKE = /(?:^|[:_-])(?:publish|published|publication|pubdate|posted|release)(?:$|[:_-])/;
const NOT_PUBLISHED = /modif|updat|expir|review|revis/;

/** The first date-valued <meta> whose key reads as a publication date; PUBLISHED_KEYS come first. */
function publishedLike(meta: Map<string, string>): string | null {
  for (const [key, value] of meta) {
    if (PUBLISHED_LIKE.test(key) && !NOT_PUBLISHED.test(key) && normalizeDate(value)) {
      return value;
    }
  }
  return null;
}

/**
 * The story's date as the lines around its headline show it to readers:
 * - the declared publication date when the URL's path holds its day (two
 *   records of the publisher agree: other dates shown are updates, related
 *   stories, comments);
 * - the declared publication date when those lines show that day, or the
 *   modification date (e.g. "Last updated: ..."), or the day before or after
 *   (a time near midnight written in another zone): the markup is right,
 *   though written on the day shown when the URL's path shows that day too;
 *   but not when it is shown only as the update and another date is shown
 *   without that label ("Published Apr 26, 2023 · Updated Aug 21, 2025"
 *   with Aug 21 declared as published): that other date is the story's;
 * - the declared modification when those lines show its day without an
 *   update label and do not show the declared publication ("By Jane Doe
 *   Mar 5, 2025", declared published Jan 1 and modified Mar 5): the page
 *   presents the story under its latest date;
 * - with no publication date declared, the first date shown that is not
 *   labelled an update, else the update; precise when it is the declared
 *   modification;
 * - else the first date shown (not labelled an update, if one is): a
 *   declared date that appears nowhere near the headline while another one
 *   does is often a template's or the CMS's (the site's build date), not the
 *   story's.
 * Null when no date is shown there.
 */
export function shownDate(
  around: HeadlineWindow | null,
  published: string | null,
  modified: string | null,
  warnings: string[],
  urlDay: string | null = null,
): string | null {
  if (!around) {
    return null;
  }
  // A date inside a sentence is one the story talks about, not its own.
  const shown = [...writtenDates(around.after), ...writtenDates(around.before).reverse()].filter((s) => !s.inSentence);
  const updatedDays = new Set(shown.filter((s) => s.updated).map((s) => s.day));
  const writtenPlain = new Set(shown.filter((s) => !s.updated).map((s) => s.day));
  const precise: string[] = [];
  for (const t of around.times) {
    // A <time datetime> read as written; a value without a year (datetime="Apr 12") says too little.
    const d = /\d{4}/.test(t) ? normalizeDate(t) : null;
    if (d) {
      const day = d.iso.slice(0, 10);
      // Its text is in the lines too: an update there ("Last updated: <time>") stays one.
      shown.push({ day, alt: null, updated: updatedDays.has(day) && !writtenPlain.has(day) });
      precise.push(d.iso);
    }
  }
  const found = shown.find((s) => !s.updated) ?? shown[0];
  if (!found) {
    return null;
  }
  // "03/10/2023" read month first, where the URL says October 3: the URL settles it.
  const pick = found.alt && found.alt === urlDay ? { ...found, day: found.alt, alt: found.day } : found;
  const plainDays = new Set<string>();
  const allDays = new Set<string>();
  for (const s of shown) {
    for (const day of s.alt ? [s.day, s.alt] : [s.day]) {
      allDays.add(day);
      if (!s.updated) plainDays.add(day);
    }
  }
  const m = modified?.slice(0, 10) ?? null;
  if (published) {
    const p = published.slice(0, 10);
    const near = [p, shiftDay(p, -1), shiftDay(p, 1)];
    if (plainDays.has(p) || urlDay === p) {
      return published;
    }
    // The day before or after, shown and in the URL's path too: both written where the story is published, the
    // markup's instant read in another zone (UTC). Shown alone, the markup's day stands: a shown day a day away
    // from the instant agreed with the WCXB dev truth less often than the instant's own day (3 pages against 5).
    if (urlDay && urlDay !== p && near.includes(urlDay) && plainDays.has(urlDay)) {
      warnings.push('publishedAt is on the day the headline and the URL show; the markup declares an instant on another day');
      return precise.find((iso) => iso.startsWith(urlDay)) ?? onDay(published, urlDay) ?? normalizeDate(urlDay)?.iso ?? published;
    }
    if (near.some((d) => plainDays.has(d))) {
      return published;
    }
    const shownNear = near.some((d) => allDays.has(d));
    if (!shownNear && m && !pick.updated && (pick.day === m || pick.alt === m)) {
      warnings.push('publishedAt is the declared modification, the date the headline shows; the declared publication is not shown');
      return modified;
    }
    const onlyAsUpdate = shownNear && !pick.updated && pick.day !== m;
    if (!onlyAsUpdate && (shownNear || (m && allDays.has(m)))) {
      return published;
    }
  } else if (modified && (pick.day === m || pick.alt === m)) {
    return modified;
  }
  const first = precise.find((iso) => iso.startsWith(pick.day)) ?? normalizeDate(pick.day)?.iso;
  if (!first) {
    return null;
  }
  if (published) {
    warnings.push('publishedAt is the date shown by the headline; the markup declares another');
  }
  return first;
}

/**
 * The instant `iso` written in the whole-hour offset nearest to UTC (-12:00 to
 * +14:00, as real zones span) under which its calendar day is `day`; null
 * when no such offset exists or `iso` does not parse.
 */
export function onDay(iso: string, day: string): string | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) {
    return null;
  }
  const offsets = [0, ...Array.from({ length: 14 }, (_, i) => [i + 1, -(i + 1)]).flat()].filter((h) => h >= -12 && h <= 14);
  for (const h of offsets) {
    const local = new Date(ms + h * 3_600_000).toISOString();
    if (local.startsWith(day)) {
      const zone = h === 0 ? '+00:00' : `${h < 0 ? '-' : '+'}${String(Math.abs(h)).padStart(2, '0')}:00`;
      return `${local.slice(0, 19)}${zone}`;
    }
  }
  return null;
}

/** YYYY-MM-DD moved by `days`. */
function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString().slice(0, 10) : day;
}

/** The first candidate that parses as a date; a function is a candidate read only when the earlier ones failed. */
function pickDate(values: Array<string | null | (() => string | null)>, warnings: string[], field: string): string | null {
  for (const candidate of values) {
    const d = normalizeDate(typeof candidate === 'function' ? candidate() : candidate);
    if (d) {
      if (d.zoneAssumed) {
        warnings.push(`${field} had no time zone; UTC assumed`);
      }
      return d.iso;
    }
  }
  return null;
}

/** The `datetime` of the first <time pubdate> that holds a year, outside links, navigation and asides (a teaser's). */
function pubdateTime(doc: Document): string | null {
  for (const el of Array.from(doc.getElementsByTagName('time'))) {
    const v = el.hasAttribute('pubdate') ? (el.getAttribute('datetime') ?? '') : '';
    if (/\d{4}/.test(v) && normalizeDate(v) && !el.closest('a, nav, aside')) {
      return v;
    }
  }
  return null;
}

/** Elements timeAttr's selectors can name: a <time>, or an element with an itemprop. */
const TIME_ATTR_SUBJECTS = 'time, [itemprop]';

function timeAttr(doc: Document, selectors: string[]): string | null {
  // One walk of the page, not one per selector: each selector's element is a <time> or has an itemprop, so the
  // first element (in page order) it matches is the first such element it matches.
  const subjects = Array.from(doc.querySelectorAll(TIME_ATTR_SUBJECTS));
  for (const sel of selectors) {
    const el = subjects.find((s) => s.matches(sel));
    const v = el?.getAttribute('datetime') ?? el?.getAttribute('content');
    if (v) {
      return v;
    }
  }
  return null;
}

/** The text of a visible timestamp line ("Sunday, Feb 1, 2015 11:57 AM UTC"), when it parses. */
function timestampText(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('.dateline, .timestamp, .published, .pubdate, .post-date, .entry-date, .date')).slice(0, 10)) {
    const t = collapseSpace(el.textContent ?? '')
      .replace(/^(?:published|posted|updated)(?:\s+on)?:?\s*/i, '')
      .replace(/\s+updated\b.*$/i, '')
      .replace(/\s+at\s+/i, ' ');
    if (t.length >= 8 && t.length <= 60 && normalizeDate(t)) {
      return t;
    }
  }
  return visibleDate(doc);
}

/** A written date inside a line: "Dec 16, 2025", "16th December 2025", "2025-12-16". */
const DATE_IN_TEXT = new RegExp(
  `\\b(?:${MONTH_WORD}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH_WORD}\\.?,? \\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'i',
);
/** class / id words of the line under a headline that carries the date. */
const DATE_HOLDER = /(?:^|[\s_-])(?:date|dates|time|published|publish|posted|pubdate|meta|post-?meta|entry-?meta|article-?meta|byline|info|details)(?:$|[\s_-])/i;

/**
 * The first written date in a short line whose class or id names a date, a
 * time or the post's meta line ("Posted on December 16, 2025 by Jane"): the
 * date a reader sees when the page declares none in its markup.
 */
export function visibleDate(doc: Document): string | null {
  const root = doc.body;
  if (!root) {
    return null;
  }
  let looked = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_HOLDER.test(name)) {
      continue;
    }
    const text = shortText(el, 200);
    if (!text) {
      continue;
    }
    const m = DATE_IN_TEXT.exec(text);
    if (m) {
      const written = m[0].replace(/(\d)(?:st|nd|rd|th)\b/i, '$1');
      if (normalizeDate(written)) {
        return written;
      }
    }
    if (++looked >= 40) {
      break;
    }
  }
  return null;
}

/** What names the author: a link to an author's page, rel="author", or an element whose class names the author or byline. */
const AUTHOR_ANCHORS = 'a[rel~="author" i], a[href*="/author/" i], a[href*="/authors/" i], [class*="author" i], [class*="byline" i]';
/** Where the authors named are a comment's, not the story's. */
const COMMENTS = '[class*="comment" i], [id*="comment" i]';

/**
 * The date shown beside the author's name when the page shows none by its
 * headline (a "Written by Jane Doe · April 8, 2024" line at the story's end,
 * an author card): the first date in the short text of the first author
 * links or author-named elements outside the comments, or in the few lines
 * around them, not labelled an update if one is not. Null when none is.
 */
export function bylineDate(doc: Document): string | null {
  if (!doc.body) {
    return null;
  }
  let looked = 0;
  for (const el of Array.from(doc.body.querySelectorAll(AUTHOR_ANCHORS))) {
    if (el.closest(COMMENTS)) {
      continue;
    }
    const around = headlineWindow(el, 120, 160, 80);
    const shown = [...writtenDates(shortText(el, 200) ?? ''), ...writtenDates(around.after), ...writtenDates(around.before).reverse()];
    const found = shown.find((d) => !d.updated) ?? shown[0];
    if (found) {
      return normalizeDate(found.day)?.iso ?? null;
    }
    if (++looked >= 5) {
      break;
    }
  }
  return null;
}

/** A label saying which date follows: publication first, then an update or review. */
const DATE_LABEL = /\b(?:(published|posted|first published|originally published)|((?:last\s+|page\s+last\s+)?(?:updated|modified|reviewed|revised)))(?:\s+on)?\s*:?\s*$/i;
/** Where a written date may start: a month's name, a day before one, a numeric date. */
const DATE_START = new RegExp(`\\b${MONTH_WORD}\\.?\\s|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_WORD}\\b|\\b\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b`, 'gi');
/** A month and a year alone ("June 2022"): a date to the month. */
const MONTH_YEAR = new RegExp(`^\\s*(${MONTH_WORD})\\.?,?\\s+((?:19|20)\\d{2})(?!\\d)`, 'i');

/**
 * The text of `root` up to `max` characters, without the site's footer (a
 * <footer> or role="contentinfo" outside <article> and <main>: a legal
 * notice's "Last updated", not the page's) nor navigation.
 */
function pageText(root: Element | null, max: number): string {
  let out = '';
  const stack: Node[] = root ? [root] : [];
  while (stack.length > 0 && out.length < max) {
    const n = stack.pop() as Node;
    if (n.nodeType === 3) {
      out += (n as Text).data;
      continue;
    }
    if (n.nodeType !== 1) {
      continue;
    }
    const el = n as Element;
    const tag = tagOf(el);
    if (tag === 'NAV' || ((tag === 'FOOTER' || el.getAttribute('role') === 'contentinfo') && !el.closest('article, main'))) {
      continue;
    }
    pushChildren(stack, el);
  }
  return out.slice(0, max);
}

/**
 * A date the page's text labels as its publication or last update, anywhere
 * ("Last updated: November 13, 2025" at the foot of a page, "Posted on
 * April 13, 2023", "Last Updated: June 2022", read as its first day): the
 * first labelled as published, else the first labelled as an update. For
 * pages that give no date in their markup, by their headline or by their
 * author. Null when none is.
 */
export function labelledDate(doc: Document): string | null {
  const text = pageText(doc.body, 500_000);
  let update: string | null = null;
  let m: RegExpExecArray | null;
  let guard = 0;
  DATE_START.lastIndex = 0;
  while ((m = DATE_START.exec(text)) !== null && guard++ < 2000) {
    const label = DATE_LABEL.exec(text.slice(Math.max(0, m.index - 40), m.index));
    if (!label) {
      continue;
    }
    const rest = text.slice(m.index, m.index + 40);
    let day = writtenDates(rest, 1)[0]?.day ?? null;
    if (!day) {
      const my = MONTH_YEAR.exec(rest);
      const month = my ? monthNumber(my[1] as string) : undefined;
      day = my && month ? `${my[2]}-${String(month).padStart(2, '0')}-01` : null;
    }
    const iso = day ? (normalizeDate(day)?.iso ?? null) : null;
    if (iso && label[1]) {
      return iso;
    }
    update ??= iso;
  }
  return update;
}

/**
 * The JSON-LD title. When `name` and `headline` differ (Wikipedia puts a short
 * description in `headline`), the one the <title> starts with wins; else headline.
 */
function ldTitle(article: JsonObject | null, docTitle: string | null): string | null {
  const headline = str(article?.headline);
  const name = str(article?.name);
  if (headline && name && headline !== name && docTitle) {
    const t = squash(docTitle);
    if (t.startsWith(squash(name)) && !t.includes(squash(headline))) {
      return name;
    }
  }
  return headline;
}

const nonUrl = (v: string | null): string | null => (v && !/^https?:\/\//i.test(v) ? v : null);

function mainEntityUrl(article: JsonObject | null): string | null {
  const m = article?.mainEntityOfPage;
  if (typeof m === 'string') {
    return m;
  }
  if (m && typeof m === 'object') {
    return str((m as JsonObject)['@id']) ?? str((m as JsonObject).url);
  }
  return null;
}

/** "en_US" -> "en-US"; keeps only well-formed BCP 47 looking tags. */
export function normalizeLang(v: string | null | undefined): string | null {
  if (!v) {
    return null;
  }
  const tag = v.split(',')[0]?.trim().replace(/_/g, '-') ?? '';
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) {
    return null;
  }
  const [lang, ...rest] = tag.split('-');
  return [lang?.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

/** A dateline's place, e.g. "BEIJING —" -> "BEIJING". */
export function cleanDateline(v: string): string | null {
  const t = collapseSpace(v).replace(/\s*[—–-]+\s*$/, '').replace(/[,:]\s*$/, '').trim();
  // Many sites call their timestamp line a "dateline": a place has no digits and no "By".
  if (!t || t.length > 60 || /\d/.test(t) || /^by\s/i.test(t)) {
    return null;
  }
  return t;
}

/**
 * The dateline that opens a story's first paragraph ("BEIJING —",
 * "WASHINGTON, D.C. (AP) —", "LONDON, June 11 (Reuters) -"), place only.
 */
export function datelineFromText(firstBlock: string): string | null {
  const m =
    /^((?:[A-Z][A-Z.'’-]+)(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?)\s*(?:\([A-Za-z .-]{1,30}\)\s*)?(?:—|–|--|-|:)\s+\S/.exec(
      firstBlock,
    );
  if (!m || !m[1]) {
    return null;
  }
  const place = m[1].replace(/,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$/, '').trim();
  // The first word must be all caps and at least two letters: "BEIJING", not "I" or "A".
  const firstWord = place.split(/[\s,]/)[0] ?? '';
  if (firstWord.replace(/[^A-Z]/g, '').length < 2 || /[a-z]/.test(firstWord)) {
    return null;
  }
  return place;
}

/** class / id words of an element that holds the author's name. */
const AUTHOR_HOLDER = /(?:^|[\s_-])(?:author|authors|byline|writer|author-?name|post-?author|entry-?author|article-?author)(?:$|[\s_-])/i;
/** Link and label words that a name-like short text may start with ("No Comments", a post's comment count). */
const NOT_A_NAME = /^(?:learn|read|see|view|more|about|contact|follow|share|written|posted|author|home|menu|search|sign|log|subscribe|newer|older|next|previous|prev|back|related|(?:no\s+)?comments?)\b/i;
/** A person's name as bylines write it: two to five words, each starting with a capital (particles aside). */
const NAME_LIKE = /^(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|le|la|del|bin|al)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|le|la|del|bin|al)){1,4}$/u;

/**
 * The author's name as the page shows it when no markup names one: the first
 * short text of an element whose class or id names the author or byline, or
 * of a link to an /author/ or /authors/ page, that reads as a person's name.
 */
export function visibleByline(doc: Document): string | null {
  for (const el of authorHolders(doc.body, true)) {
    const shown = shortText(el, 120);
    const text = shown ? cleanByline(shown.replace(/^(?:author|written by|posted by)\s*:?\s*/i, '')) : null;
    if (readsAsName(text)) {
      return text;
    }
  }
  return null;
}

/**
 * The elements that name the author by their class or id (with `links`, also
 * links to an /author/ or /authors/ page), outside the comments ("comment-author-name"
 * is a comment's): the first 40 of them.
 */
function* authorHolders(root: Element | null, links: boolean): Generator<Element> {
  if (!root) {
    return;
  }
  let looked = 0;
  for (const el of Array.from(root.querySelectorAll(links ? '[class], [id], a[href*="/author/"], a[href*="/authors/"]' : '[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const href = links && tagOf(el) === 'A' ? (el.getAttribute('href') ?? '') : '';
    if ((!AUTHOR_HOLDER.test(name) && !/\/authors?\//i.test(href)) || el.closest(COMMENTS)) {
      continue;
    }
    yield el;
    if (++looked >= 40) {
      return;
    }
  }
}

/** A credit's text that reads as a person's name: 60 characters at most, capitalised words, no "Admin" or "No Comments". */
function readsAsName(text: string | null | undefined): text is string {
  return !!text && text.length <= 60 && NAME_LIKE.test(text) && !NOT_A_NAME.test(text);
}

/** The first text of `el` that is not whitespace, whitespace collapsed, outside scripts and styles; '' when none. */
function firstText(el: Element): string {
  const node = firstTextNode(el, (data) => collapseSpace(data) !== '', (e) => /^(?:script|style)$/i.test(e.tagName));
  return node ? collapseSpace(node.data) : '';
}

/** A credit label alone in its element: "By", "Written by:", "Article by", "Article written by:", "Author:". */
const BY_LABEL_ALONE = /^\s*(?:(?:article|post|story)\s+)?(?:(?:written|posted|authored)\s+)?by\s*:?\s*$|^\s*authors?\s*:\s*$/i;

/**
 * The name set in the element right after a credit label that stands alone
 * in its own element ("<h2>Article by</h2><div>Jane Doe</div>",
 * "<span>By </span><button>Jane Doe</button>"), wherever on the page, outside
 * the comments: the first text of that element up to a comma (a degree or a
 * job title follows), when it reads as a name. For pages that name the
 * author nowhere else; null when no label has one.
 */
export function labelledName(root: Element | null): string | null {
  if (!root) {
    return null;
  }
  for (const owner of textOwners(root, BY_LABEL_ALONE)) {
    // The label is the owner's whole text ("By" in "<p>By <a>Jane Doe</a></p>" is not alone).
    const next = owner.nextElementSibling;
    if (!next || !BY_LABEL_ALONE.test(shortText(owner, 40) ?? 'x') || owner.closest(COMMENTS)) {
      continue;
    }
    const text = (firstText(next).split(/[,|·•]/)[0] ?? '').trim();
    if (readsAsName(text)) {
      return text;
    }
  }
  return null;
}

/**
 * The name an author card opens with, for pages that name the author nowhere
 * else: the first text of an element whose class or id names the author
 * (outside the comments) when it reads as a person's name, the card's other
 * lines (a date, "| Author", a bio) making its whole text too long or too
 * mixed for visibleByline ("<div class="blog_author-text"><div>Jane
 * Doe</div><div>March 3, 2025</div><p>Jane is a…</p></div>").
 */
export function authorCardName(doc: Document): string | null {
  for (const el of authorHolders(doc.body, false)) {
    const text = cleanByline(firstText(el).replace(/^(?:author|written by|posted by|by)\s*:?\s*/i, ''));
    if (readsAsName(text)) {
      return text;
    }
  }
  return null;
}

/** A line that credits the writer in so many words: "Written by Jane Doe", "Posted by Jane at December 16, 2025", "This post was written by Jane Doe, MD, …". */
const WRITTEN_BY_LINE = /^(?:(?:written|posted) by|this (?:post|article|story|piece|guide) was written by)\s*:?\s+(.+)$/i;
/** Where WRITTEN_BY_LINE's text node starts (textOwners tests an element's first text). */
const WRITTEN_BY_START = /^\s*(?:(?:written|posted) by|this (?:post|article|story|piece|guide) was written by)\b/i;
/** A cheap look at the markup for WRITTEN_BY_LINE before a walk. */
export const WRITTEN_BY_MARKUP = /(?:written|posted) by/i;

/**
 * The name a "Written by Jane Doe" or "Posted by Jane Doe on …" line gives,
 * wherever on the page it stands (an author box at the story's end, a credit
 * line in italics under it, a blog's post footer), for pages whose markup,
 * headline and author-named elements name no one: the shortest such line
 * outside the comments, its name cut at the first comma (a job title or a
 * degree follows: "Jane Doe, MD, gastroenterologist") and read as a name.
 * Null when no line names one.
 */
export function writtenByName(root: Element | null): string | null {
  if (!root) {
    return null;
  }
  let best: string | null = null;
  for (const owner of textOwners(root, WRITTEN_BY_START)) {
    const shown = shortText(owner, 200);
    const m = shown ? WRITTEN_BY_LINE.exec(shown) : null;
    if (!m?.[1] || NOT_AUTHOR.test(shown ?? '') || owner.closest(COMMENTS)) {
      continue;
    }
    // The period that ends the line ("Posted by Alon Zakai."), not an initial's ("John A.").
    const name = asName((m[1].split(',')[0] ?? '').replace(/(?<=\p{Ll}{2})\.$/u, ''));
    if (name && /^\p{Lu}/u.test(name) && !NOT_A_NAME.test(name) && (!best || name.length < best.length)) {
      best = name;
    }
  }
  return best;
}

/**
 * The text of `el`, whitespace collapsed, when it is at most `max` characters
 * of raw text; null when longer or empty. Stops reading at the limit, so a
 * wrapper around the whole page costs no more than a short line.
 */
export function shortText(el: Element, max: number): string | null {
  const raw = boundedRawText(el, max);
  const text = raw === null ? '' : collapseSpace(raw);
  return text && text.length <= max ? text : null;
}

/**
 * The raw text of `el` (its text nodes' data in order, nothing collapsed),
 * or null as soon as it is sure to collapse to more than `max` characters.
 * `known` holds the raw text of elements read before (a child read on a
 * climb through its ancestors): taken as it is, not read again.
 */
export function boundedRawText(el: Element, max: number, known?: Map<Element, string>): string | null {
  let raw = '';
  // Collapsed again only once the text read since could take it past the limit (each character adds one at most,
  // a trailing space trimmed before one more).
  let check = max * 4;
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    const chunk = n.nodeType === 3 ? (n as Text).data : n !== el ? known?.get(n as Element) : undefined;
    if (chunk !== undefined) {
      raw += chunk;
      if (raw.length > check) {
        const shown = collapseSpace(raw).length;
        // A prefix that collapses to more than the limit: the whole text does too.
        if (shown > max) {
          return null;
        }
        check = raw.length + max - shown - 1;
      }
      continue;
    }
    for (let k = n.lastChild; k; k = k.previousSibling) {
      if (k.nodeType === 3 || k.nodeType === 1) {
        stack.push(k);
      }
    }
  }
  return raw;
}
