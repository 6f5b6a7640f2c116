/** Feed discovery from an HTML page (pure): <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">. */

import { tagAttributes } from '../../lib/tag-attributes.js';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/x.atom+xml',
  'application/x-atom+xml',
  'application/x-rss+xml',
  'text/xml',
  'application/xml',
]);

/** Strips comments, scripts and styles so that links inside them are not taken. */
function visibleMarkup(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
}

function resolveHttp(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The feed URLs a page advertises, absolute, in document order, without repeats.
 * Relative hrefs resolve against <base href> when present, else `pageUrl`.
 * Generic XML types (text/xml, application/xml) count only with rel="alternate" and a feed-like href or title.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const markup = visibleMarkup(html);
  let base = pageUrl;
  const baseTag = /<base\b[^>]*>/i.exec(markup);
  if (baseTag) {
    const href = tagAttributes(baseTag[0]).href;
    const resolved = href ? resolveHttp(href, pageUrl) : null;
    if (resolved) {
      base = resolved;
    }
  }
  const out: string[] = [];
  for (const m of markup.matchAll(/<link\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const a = tagAttributes(m[0]);
    const rels = (a.rel ?? '').toLowerCase().split(/\s+/);
    const type = (a.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rels.includes('alternate') || !FEED_TYPES.has(type) || !a.href) {
      continue;
    }
    if ((type === 'text/xml' || type === 'application/xml') && !/rss|atom|feed/i.test(`${a.href} ${a.title ?? ''}`)) {
      continue;
    }
    const url = resolveHttp(a.href, base);
    if (url && !out.includes(url)) {
      out.push(url);
    }
  }
  return out;
}
