/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), validated with zod. Pure. */

import { z } from 'zod';
import { PipelineError } from '../../errors.js';
import { parseFeedDate } from './feed-date.js';
import {
  asBase,
  cleanAuthor,
  cleanTitle,
  resolveUrl,
  textToHtml,
  toContent,
  toSummary,
  uniqueStrings,
} from './feed-fields.js';
import type { ParsedFeed, ParsedItem } from './types.js';

/** A field of the wrong type is ignored rather than failing the whole feed. */
const optString = z.string().optional().catch(undefined);

const Author = z
  .looseObject({ name: optString, url: optString })
  .optional()
  .catch(undefined);

const Item = z.looseObject({
  id: z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .optional()
    .catch(undefined),
  url: optString,
  external_url: optString,
  title: optString,
  content_html: optString,
  content_text: optString,
  summary: optString,
  date_published: optString,
  date_modified: optString,
  author: Author,
  authors: z.array(z.unknown()).optional().catch(undefined),
  tags: z.array(z.unknown()).optional().catch(undefined),
});

const JsonFeed = z.looseObject({
  // "https://jsonfeed.org/version/1.1"; some generators write a bare "1.0".
  version: z.string().regex(/jsonfeed\.org\/version\/|^\d+(\.\d+)*$/, 'not a JSON Feed version'),
  title: optString,
  home_page_url: optString,
  feed_url: optString,
  author: Author,
  authors: z.array(z.unknown()).optional().catch(undefined),
  hubs: z.array(z.unknown()).optional().catch(undefined),
  items: z.array(z.unknown()),
});

function authorName(value: unknown): string | null {
  const parsed = Author.parse(value);
  return cleanAuthor(parsed?.name ?? null);
}

function toItem(raw: unknown, base: string | undefined, feedAuthor: string | null): ParsedItem | null {
  const parsed = Item.safeParse(raw);
  if (!parsed.success) {
    return null;
  }
  const it = parsed.data;
  const firstAuthor = (it.authors ?? []).map(authorName).find((a) => a !== null) ?? null;
  const contentHtml = it.content_html ?? (it.content_text !== undefined ? textToHtml(it.content_text) : undefined);
  return {
    guid: it.id?.trim() || null,
    url: resolveUrl(it.url, base) ?? resolveUrl(it.external_url, base),
    title: cleanTitle(it.title),
    publishedAt: parseFeedDate(it.date_published),
    updatedAt: parseFeedDate(it.date_modified),
    author: firstAuthor ?? authorName(it.author) ?? feedAuthor,
    summary: toSummary(it.summary ?? it.content_text ?? it.content_html),
    content: toContent(contentHtml ?? it.summary, resolveUrl(it.url, base) ?? base),
    categories: uniqueStrings((it.tags ?? []).map((t) => (typeof t === 'string' ? t : null))),
  };
}

/** Parses a JSON Feed document (already known to be JSON text). Throws PipelineError('bad_feed') when invalid. */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PipelineError('bad_feed', false, `not a feed: invalid JSON (${(err as Error).message})`, err);
  }
  const parsed = JsonFeed.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'document';
    throw new PipelineError('bad_feed', false, `not a JSON Feed: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const feed = parsed.data;
  const base = asBase(feedUrl);
  const feedAuthor = (feed.authors ?? []).map(authorName).find((a) => a !== null) ?? authorName(feed.author);
  const items: ParsedItem[] = [];
  for (const raw of feed.items) {
    const item = toItem(raw, base, feedAuthor);
    if (item) {
      items.push(item);
    }
  }
  const hub = (feed.hubs ?? []).map((h) => (typeof h === 'object' && h !== null ? (h as { url?: unknown }).url : null)).find((u) => typeof u === 'string');
  const version = /version\/(\d+(?:\.\d+)*)/.exec(feed.version)?.[1] ?? feed.version;
  return {
    format: 'json',
    version: `JSON Feed ${version}`,
    title: cleanTitle(feed.title),
    link: resolveUrl(feed.home_page_url, base),
    hub: resolveUrl(typeof hub === 'string' ? hub : null, base),
    self: resolveUrl(feed.feed_url, base),
    warnings: [],
    items,
  };
}
