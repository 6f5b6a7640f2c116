/** OPML 2.0 subscription lists (pure): import and export. */

import { PipelineError } from '../../errors.js';
import { tagAttributes } from './tag-attributes.js';

export type OpmlFeed = {
  /** The feed URL (xmlUrl). */
  url: string;
  title?: string;
  /** The site (htmlUrl). */
  htmlUrl?: string;
  /** Text of the enclosing folder outline(s), joined with " / ". */
  category?: string;
};

const isHttp = (s: string): boolean => /^https?:\/\//i.test(s.trim());

/**
 * Reads every outline with an xmlUrl (any nesting depth), in document order, without repeated URLs.
 * Throws PipelineError('bad_payload') when the text is not an OPML document.
 */
export function parseOpml(text: string): OpmlFeed[] {
  const body = text.replace(/^[\ufeff\s]+/, '').replace(/<!--[\s\S]*?-->/g, ' ');
  if (!/<opml\b/i.test(body)) {
    throw new PipelineError('bad_payload', false, 'not an OPML document: no <opml> element');
  }
  const out: OpmlFeed[] = [];
  const seen = new Set<string>();
  const folders: Array<string | null> = [];
  for (const m of body.matchAll(/<\/outline\s*>|<outline\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = m[0];
    if (tag.startsWith('</')) {
      folders.pop();
      continue;
    }
    const a = tagAttributes(tag);
    const selfClosing = /\/\s*>$/.test(tag);
    const xmlUrl = (a.xmlurl ?? '').trim();
    if (xmlUrl && isHttp(xmlUrl) && !seen.has(xmlUrl)) {
      seen.add(xmlUrl);
      const title = (a.title ?? a.text ?? '').trim();
      const htmlUrl = (a.htmlurl ?? '').trim();
      const category = folders.filter((f): f is string => !!f).join(' / ');
      out.push({
        url: xmlUrl,
        ...(title ? { title } : {}),
        ...(htmlUrl && isHttp(htmlUrl) ? { htmlUrl } : {}),
        ...(category ? { category } : {}),
      });
    }
    if (!selfClosing) {
      folders.push(xmlUrl ? null : (a.text ?? a.title ?? '').trim() || null);
    }
  }
  return out;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Writes an OPML 2.0 document; feeds with a category are grouped under a folder outline of that name. */
export function toOpml(feeds: OpmlFeed[], opts: { title?: string; dateCreated?: string } = {}): string {
  const line = (f: OpmlFeed, indent: string): string => {
    const title = f.title ?? f.url;
    const html = f.htmlUrl ? ` htmlUrl="${esc(f.htmlUrl)}"` : '';
    return `${indent}<outline type="rss" text="${esc(title)}" title="${esc(title)}" xmlUrl="${esc(f.url)}"${html}/>`;
  };
  const groups = new Map<string, OpmlFeed[]>();
  const loose: OpmlFeed[] = [];
  for (const f of feeds) {
    if (f.category) {
      groups.set(f.category, [...(groups.get(f.category) ?? []), f]);
    } else {
      loose.push(f);
    }
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${esc(opts.title ?? 'Telex feeds')}</title>`,
    ...(opts.dateCreated ? [`    <dateCreated>${esc(opts.dateCreated)}</dateCreated>`] : []),
    '  </head>',
    '  <body>',
    ...loose.map((f) => line(f, '    ')),
    ...[...groups.entries()].flatMap(([name, list]) => [
      `    <outline text="${esc(name)}" title="${esc(name)}">`,
      ...list.map((f) => line(f, '      ')),
      '    </outline>',
    ]),
    '  </body>',
    '</opml>',
  ];
  return `${lines.join('\n')}\n`;
}
