/**
 * Every feed of gofeed's test corpus (parser/**, extensions/**, translator/**) either parses
 * matching gofeed's expected JSON on the fields Telex keeps (feed title and link,
 * item count, item guid / link / title / dates) or fails with a clear
 * PipelineError('bad_feed'). Nothing crashes. Known, deliberate differences are
 * listed in EXCEPTIONS with the reason.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { parseFeed } from '../../../../src/workers/fetcher/parse-feed.js';
import { GOFEED_TESTDATA } from '../../../helpers/corpora.js';
import { htmlToText } from '../../../../src/workers/fetcher/feed-text.js';
import type { ParsedFeed } from '../../../../src/workers/fetcher/types.js';

const ROOT = GOFEED_TESTDATA;
const FEED_URL = 'https://corpus.example.test/feed';

type Json = Record<string, unknown>;
type Case = { input: string; expected: string | null };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function cases(): Case[] {
  if (!existsSync(ROOT)) {
    return [];
  }
  const files = [...walk(join(ROOT, 'parser')), ...walk(join(ROOT, 'extensions')), ...walk(join(ROOT, 'translator'))].sort();
  const set = new Set(files);
  const out: Case[] = [];
  for (const f of files) {
    if (f.endsWith('.xml')) {
      const exp = f.replace(/\.xml$/, '.json');
      out.push({ input: f, expected: set.has(exp) ? exp : null });
    } else if (f.endsWith('.json') && !f.endsWith('_expected.json') && !set.has(f.replace(/\.json$/, '.xml'))) {
      const exp = f.replace(/\.json$/, '_expected.json');
      out.push({ input: f, expected: set.has(exp) ? exp : null });
    }
  }
  return out;
}

/**
 * Cases where Telex deliberately differs from gofeed. Keys are paths relative to the corpus root.
 */
const EXCEPTIONS: Record<string, string> = {
  'parser/atom/entry_id_xml_base.xml':
    'gofeed resolves a relative atom:id against xml:base; Telex keeps ids verbatim (an id is an identifier, not a link)',
  'parser/rss/rss_channel_item_guid_naked_markup.xml':
    'a <guid> with child elements: gofeed keeps the inner markup, Telex keeps its text',
};

const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** Telex titles are plain text: gofeed's titles compare after markup (even escaped markup) is stripped. */
const text = (v: unknown): string | null => {
  const s = asString(v);
  if (s === null) return null;
  let t = htmlToText(s);
  if (/<\/?[A-Za-z][^>]*>/.test(t)) t = htmlToText(t);
  return t === '' ? null : t;
};
const abs = (v: unknown): string | null => {
  const s = asString(v)?.trim();
  if (!s) return null;
  try {
    const u = new URL(s, FEED_URL);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
};
const instant = (v: unknown): number | null => {
  const s = asString(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
};
const alternate = (links: unknown): string | null => {
  if (!Array.isArray(links)) return null;
  const l = (links as Json[]).find((x) => x && (x.rel === undefined || x.rel === 'alternate') && typeof x.href === 'string');
  return l ? abs(l.href) : null;
};

/** The comparable view of gofeed's expected JSON, in Telex's terms. */
type Kind = 'rss' | 'atom' | 'json' | 'universal' | 'model';

function expectedView(exp: Json, kind: Kind): {
  title: string | null;
  link: string | null;
  /** Every link gofeed saw: Telex picks one of them. */
  links: string[];
  items: Array<{ author?: string | null; guid: string | null; url: string | null; urls: string[]; title: string | null; published: number | null; updated: number | null }> | null;
} {
  if (kind === 'json') {
    const items = Array.isArray(exp.items) ? (exp.items as Json[]) : null;
    return {
      title: text(exp.title),
      link: abs(exp.home_page_url),
      links: [],
      items: items?.map((i) => ({
        guid: asString(i.id),
        url: abs(i.url),
        urls: [],
        title: text(i.title),
        published: instant(i.date_published),
        updated: instant(i.date_modified),
      })) ?? null,
    };
  }
  if (kind === 'model') {
    // translator/**: gofeed's format-independent model (feedType, items[].link / links / guid / author).
    const items = Array.isArray(exp.items) ? (exp.items as Json[]) : [];
    const links = (v: unknown): string[] => (Array.isArray(v) ? v.map(abs).filter((l): l is string => l !== null) : []);
    return {
      title: text(exp.title),
      link: abs(exp.link),
      links: links(exp.links),
      items: items.map((i) => ({
        author: asString((i.author as Json | undefined)?.name),
        guid: asString(i.guid),
        url: abs(i.link),
        urls: links(i.links),
        title: text(i.title),
        published: instant(i.publishedParsed),
        updated: instant(i.updatedParsed),
      })),
    };
  }
  if (kind === 'atom') {
    const entries = Array.isArray(exp.entries) ? (exp.entries as Json[]) : [];
    return {
      title: text(exp.title),
      link: alternate(exp.links),
      links: [],
      items: entries.map((e) => ({
        guid: asString(e.id),
        url: alternate(e.links),
        urls: [],
        title: text(e.title),
        published: instant(e.publishedParsed),
        updated: instant(e.updatedParsed),
      })),
    };
  }
  const items = Array.isArray(exp.items) ? (exp.items as Json[]) : [];
  return {
    title: text(exp.title),
    link: abs(exp.link),
    links: Array.isArray(exp.links) ? exp.links.map(abs).filter((l): l is string => l !== null) : [],
    items: items.map((i) => ({
      guid: asString((i.guid as Json | undefined)?.value) ?? asString(i.guid),
      url: abs(i.link),
      urls: Array.isArray(i.links) ? i.links.map(abs).filter((l): l is string => l !== null) : [],
      title: text(i.title),
      published: instant(i.pubDateParsed) ?? instant(i.publishedParsed),
      updated: instant(i.updatedParsed),
    })),
  };
}

function kindOf(rel: string): Kind {
  if (rel.startsWith('translator/')) return 'model';
  if (rel.startsWith('parser/atom/')) return 'atom';
  if (rel.startsWith('parser/json/')) return 'json';
  if (rel.startsWith('parser/universal/')) return 'universal';
  return 'rss';
}

/** Returns the list of differences between our parse and gofeed's expectations (empty when they agree). */
function compare(feed: ParsedFeed, exp: Json, kind: ReturnType<typeof kindOf>): string[] {
  const view = expectedView(exp, kind);
  const diffs: string[] = [];
  if (view.title !== null && view.title !== feed.title) diffs.push(`title ${JSON.stringify(feed.title)} != ${JSON.stringify(view.title)}`);
  if (view.link !== null && view.link !== feed.link && !view.links.includes(feed.link ?? '')) diffs.push(`link ${feed.link} != ${view.link}`);
  if (view.items) {
    if (view.items.length !== feed.items.length) {
      diffs.push(`item count ${feed.items.length} != ${view.items.length}`);
      return diffs;
    }
    view.items.forEach((e, i) => {
      const got = feed.items[i]!;
      if (e.guid !== null && e.guid.trim() !== '' && e.guid.trim() !== got.guid) diffs.push(`item ${i} guid ${got.guid} != ${e.guid}`);
      if (e.url !== null && e.url !== got.url && !e.urls.includes(got.url ?? '')) diffs.push(`item ${i} url ${got.url} != ${e.url}`);
      if (e.author && e.author !== got.author) diffs.push(`item ${i} author ${got.author} != ${e.author}`);
      if (e.title !== null && e.title !== got.title) diffs.push(`item ${i} title ${JSON.stringify(got.title)} != ${JSON.stringify(e.title)}`);
      const pub = got.publishedAt ? Date.parse(got.publishedAt) : null;
      const upd = got.updatedAt ? Date.parse(got.updatedAt) : null;
      if (e.published !== null && e.published !== pub) diffs.push(`item ${i} published ${got.publishedAt} != ${new Date(e.published).toISOString()}`);
      if (e.updated !== null && e.updated !== upd && e.updated !== pub) diffs.push(`item ${i} updated ${got.updatedAt} != ${new Date(e.updated).toISOString()}`);
    });
  }
  return diffs;
}

const all = cases();

describe(`${parseFeed.name} over the gofeed corpus`, () => {
  it('finds the vendored corpus', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it.each(all.map((c) => [relative(ROOT, c.input), c] as const))('%s parses as expected or fails cleanly', async (rel, c) => {
    const input = readFileSync(c.input, 'utf8');
    let feed: ParsedFeed | null = null;
    let error: unknown = null;
    try {
      feed = await parseFeed(input, FEED_URL);
    } catch (err) {
      error = err;
    }
    if (error !== null) {
      // A failure must be a clear, permanent bad_feed, never a crash.
      expect(error).toBeInstanceOf(PipelineError);
      expect((error as PipelineError).code).toBe('bad_feed');
      expect((error as PipelineError).message).toMatch(/^not a /);
      return;
    }
    expect(feed).not.toBeNull();
    if (c.expected === null) {
      return;
    }
    const exp = JSON.parse(readFileSync(c.expected, 'utf8')) as Json;
    const diffs = compare(feed!, exp, kindOf(rel));
    if (EXCEPTIONS[rel]) {
      expect(diffs.length, `listed exception no longer differs: ${rel}`).toBeGreaterThan(0);
      return;
    }
    expect(diffs).toEqual([]);
  });
});
