/** Small pure text helpers for feed fields: HTML to plain text, caps. */

import { decodeEntities } from '../../lib/html-entities.js';

const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|table|tr|pre|hr)\b[^>]*>/gi;

/** HTML (or plain text) to plain text: tags dropped, block boundaries become spaces, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const withoutInvisible = html
    // A comment runs to "-->", or to the end when it is never closed (as HTML reads it).
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    // Declarations (<!DOCTYPE ...>) and processing instructions are not text.
    .replace(/<![A-Za-z][^>]*>|<\?[^>]*>/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  const noTags = withoutInvisible.replace(BLOCK, ' ').replace(/<\/?[A-Za-z][^>]*>/g, '');
  return decodeEntities(noTags).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Caps a string at `max` characters without splitting a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) {
    cut -= 1;
  }
  return text.slice(0, cut);
}

/** Caps a plain-text summary at `max` characters, at a word boundary when possible, with an ellipsis. */
export function capSummary(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const hard = capText(text, max - 1);
  const space = hard.lastIndexOf(' ');
  const cut = space > max * 0.8 ? hard.slice(0, space) : hard;
  return `${cut.trimEnd()}…`;
}
