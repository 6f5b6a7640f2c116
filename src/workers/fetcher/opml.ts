/** OPML 2.0 subscription lists (pure): import and export. */

import { PipelineError } from '../../errors.js';
import { tagAttributes } from '../../lib/tag-attributes.js';

export type OpmlFeed = {
  /** The feed URL (xmlUrl). */
  url: string;
  title?: string;
  /** The site (htmlUrl). */
  htmlUrl?: string;
  /** Text of the enclosing folder outline(s), joined with " / ". */
  category?: string;
};

/** An outline that was not imported, and why. */
export type OpmlSkipped = {
  /** Line of the outline in the document (1-based). */
  line: number;
  /** Its text/title, and its xmlUrl as written, when it has them. */
  text?: string;
  xmlUrl?: string;
  reason: 'duplicate' | 'invalid URL' | 'not a feed outline';
  /** For a duplicate: the line of the first outline with that URL. */
  firstLine?: number;
};

/** An http(s) URL as written (trimmed), or null. */
function httpUrl(s: string): string | null {
  const t = s.trim();
  if (!/^https?:\/\//i.test(t)) {
    return null;
  }
  try {
    const u = new URL(t);
    return u.hostname === '' ? null : t;
  } catch {
    return null;
  }
}

/**
 * Reads every outline with an xmlUrl (any nesting depth), in document order, without repeated
 * URLs, and names every other leaf outline it skipped, with the reason (a folder with feeds in it
 * is not skipped: it becomes the feeds' category). Throws PipelineError('bad_payload') when the
 * text is not an OPML document.
 */
export function readOpml(text: string): { feeds: OpmlFeed[]; skipped: OpmlSkipped[] } {
  // Comments are blanked to spaces of the same length, so line numbers stay true.
  const body = text.replace(/^\ufeff/, '').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  if (!/<opml\b/i.test(body)) {
    throw new PipelineError('bad_payload', false, 'not an OPML document: no <opml> element');
  }
  const feeds: OpmlFeed[] = [];
  const skipped: OpmlSkipped[] = [];
  const seen = new Map<string, number>();
  /** Open outlines: their folder name (null for a feed outline), line, and whether any outline was nested in them. */
  const open: Array<{ folder: string | null; line: number; text: string; hasChildren: boolean; feed: boolean }> = [];
  let lineAt = 0;
  let line = 1;
  const lineOf = (index: number): number => {
    for (let i = body.indexOf('\n', lineAt); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) {
      line += 1;
      lineAt = i + 1;
    }
    return line;
  };
  const leaf = (o: { line: number; text: string; feed: boolean }): void => {
    if (!o.feed) {
      skipped.push({ line: o.line, ...(o.text ? { text: o.text } : {}), reason: 'not a feed outline' });
    }
  };
  for (const m of body.matchAll(/<\/outline\s*>|<outline\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
    const tag = m[0];
    if (tag.startsWith('</')) {
      const closed = open.pop();
      if (closed && !closed.hasChildren) {
        leaf(closed);
      }
      continue;
    }
    const at = lineOf(m.index ?? 0);
    const parent = open[open.length - 1];
    if (parent) {
      parent.hasChildren = true;
    }
    const a = tagAttributes(tag);
    const selfClosing = /\/\s*>$/.test(tag);
    const rawUrl = (a.xmlurl ?? '').trim();
    const title = (a.title ?? a.text ?? '').trim();
    if (rawUrl) {
      const url = httpUrl(rawUrl);
      const first = url === null ? undefined : seen.get(url);
      if (url === null) {
        skipped.push({ line: at, ...(title ? { text: title } : {}), xmlUrl: rawUrl, reason: 'invalid URL' });
      } else if (first !== undefined) {
        skipped.push({ line: at, ...(title ? { text: title } : {}), xmlUrl: rawUrl, reason: 'duplicate', firstLine: first });
      } else {
        seen.set(url, at);
        const htmlUrl = httpUrl(a.htmlurl ?? '');
        const category = open.map((o) => o.folder).filter((f): f is string => !!f).join(' / ');
        feeds.push({
          url,
          ...(title ? { title } : {}),
          ...(htmlUrl ? { htmlUrl } : {}),
          ...(category ? { category } : {}),
        });
      }
    }
    const entry = { folder: rawUrl ? null : title || null, line: at, text: title, hasChildren: false, feed: rawUrl !== '' };
    if (selfClosing) {
      leaf(entry);
    } else {
      open.push(entry);
    }
  }
  skipped.sort((x, y) => x.line - y.line);
  return { feeds, skipped };
}

/** The feeds of an OPML document (see readOpml). */
export function parseOpml(text: string): OpmlFeed[] {
  return readOpml(text).feeds;
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
