/** Helpers shared by the feed parsers (pure). */

import { LIMITS } from '../../queues/contracts.js';
import { decodeEntities } from '../../lib/html-entities.js';
import { capSummary, capText, htmlToText } from './feed-text.js';

/** Resolves `href` against `base`; only http(s) URLs are kept. */
export function resolveUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (typeof href !== 'string') {
    return null;
  }
  const trimmed = href.trim();
  if (trimmed === '') {
    return null;
  }
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A base URL usable by `new URL(x, base)`, or undefined. */
export function asBase(url: string | null | undefined, parent?: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') {
    return parent;
  }
  try {
    return new URL(url.trim(), parent).href;
  } catch {
    return parent;
  }
}

/** Elements whose tags, written in a title, mean the title is HTML (a `<blink>` in prose is just prose). */
const HTML_TAG = new RegExp(
  '<!--|<!DOCTYPE|</?(?:a|abbr|acronym|address|article|aside|b|bdi|bdo|big|blockquote|body|br|center|cite|code|dd|del|dfn|div|dl|dt|em|' +
    'figcaption|figure|font|footer|h[1-6]|head|header|hr|html|i|img|ins|kbd|li|mark|nobr|ol|p|pre|q|s|samp|section|small|span|strike|' +
    'strong|sub|sup|table|tbody|td|th|thead|time|title|tr|tt|u|ul|var|wbr)(?=[\\s/>])[^>]*>',
  'i',
);

/**
 * What a title-like field holds: 'text' is literal (Atom type="text": `<` is a character),
 * 'html' is markup, 'guess' (RSS, JSON Feed) is markup only when it has real HTML tags or
 * character references in it.
 */
export type TextKind = 'text' | 'html' | 'guess';

/** Plain text of a title-like field: markup stripped (per `kind`), entities decoded, whitespace collapsed. */
export function cleanTitle(raw: string | null | undefined, kind: TextKind = 'guess'): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  let text: string;
  if (kind === 'text') {
    text = raw.replace(/\s+/g, ' ').trim();
  } else if (kind === 'html' || HTML_TAG.test(raw) || /&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(raw)) {
    text = htmlToText(raw);
    // Double-escaped markup ("&lt;b&gt;Title&lt;/b&gt;") still shows HTML tags after one pass.
    if (HTML_TAG.test(text)) {
      text = htmlToText(text);
    }
  } else {
    text = raw.replace(/\s+/g, ' ').trim();
  }
  return text === '' ? null : text;
}

/** Attributes holding a URL that a reader follows or loads. */
const URL_ATTRS = new Set(['href', 'src', 'poster', 'cite', 'longdesc', 'background', 'action', 'usemap', 'data', 'codebase', 'classid', 'profile']);

/**
 * Resolves relative URLs in the link-bearing attributes of HTML content against `base`
 * (xml:base or the document URL). Absolute URLs, fragments-only and other schemes are left as they are.
 */
export function resolveHtmlLinks(html: string, base: string | undefined): { html: string; resolved: number } {
  if (base === undefined || !/\s(?:href|src|poster|cite|longdesc|background|action|usemap|data|codebase|classid|profile)\s*=/i.test(html)) {
    return { html, resolved: 0 };
  }
  let resolved = 0;
  const out = html.replace(/<[A-Za-z][\w:-]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g, (tag) =>
    tag.replace(/(\s)([^\s"'>\/=]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g, (whole, sp, name, eq, dq, sq, bare) => {
      if (!URL_ATTRS.has(String(name).toLowerCase())) {
        return whole;
      }
      const value = String(dq ?? sq ?? bare ?? '');
      const trimmed = value.trim();
      if (trimmed === '' || trimmed.startsWith('#') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed)) {
        return whole;
      }
      let abs: string;
      try {
        abs = new URL(decodeEntities(trimmed), base).href;
      } catch {
        return whole;
      }
      resolved += 1;
      return `${sp}${name}${eq}"${abs.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }),
  );
  return { html: out, resolved };
}

/** Plain-text summary from HTML or text, capped at LIMITS.summaryChars. */
export function toSummary(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const text = htmlToText(raw);
  return text === '' ? null : capSummary(text, LIMITS.summaryChars);
}

/**
 * HTML content with relative links resolved against `base` (when given), capped at
 * LIMITS.feedContentChars. `onResolved` hears how many links were relative.
 */
export function toContent(raw: string | null | undefined, base?: string, onResolved?: (count: number) => void): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const trimmed = raw.trim();
  if (trimmed === '') {
    return null;
  }
  const { html, resolved } = resolveHtmlLinks(trimmed, base);
  if (resolved > 0) {
    onResolved?.(resolved);
  }
  return capText(html, LIMITS.feedContentChars);
}

/** "jane@example.com (Jane Doe)", "Jane Doe (jane@example.com)", "Jane Doe <jane@example.com>" -> "Jane Doe". */
export function cleanAuthor(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const s = htmlToText(raw);
  if (s === '') {
    return null;
  }
  const emailThenName = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  const nameThenEmail = /^(.+?)\s*[(<]\s*\S+@[^\s)>]+\s*[)>]$/.exec(s);
  return emailThenName?.[1]?.trim() || nameThenEmail?.[1]?.trim() || s;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to simple HTML paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

export function uniqueStrings(values: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const s = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
    if (s !== '' && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}
