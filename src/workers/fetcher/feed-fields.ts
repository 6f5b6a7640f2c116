/** Helpers shared by the feed parsers (pure). */

import { LIMITS } from '../../queues/contracts.js';
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

/** Plain text of a title-like field: markup stripped, entities decoded, whitespace collapsed. */
export function cleanTitle(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  let text = /<[A-Za-z/!]|&[#A-Za-z]/.test(raw) ? htmlToText(raw) : raw.replace(/\s+/g, ' ').trim();
  // Double-escaped markup ("&lt;b&gt;Title&lt;/b&gt;") still shows tags after one pass.
  if (/<\/?[A-Za-z][^>]*>/.test(text)) {
    text = htmlToText(text);
  }
  return text === '' ? null : text;
}

/** Plain-text summary from HTML or text, capped at LIMITS.summaryChars. */
export function toSummary(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const text = htmlToText(raw);
  return text === '' ? null : capSummary(text, LIMITS.summaryChars);
}

/** HTML content capped at LIMITS.feedContentChars. */
export function toContent(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const html = raw.trim();
  return html === '' ? null : capText(html, LIMITS.feedContentChars);
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
