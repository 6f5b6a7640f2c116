/**
 * GET /stream: the filters of GET /articles applied in memory to one event and
 * one record, and the SSE wire format. Pure.
 */
import { entityKey } from '../store/store-core.js';
import type { ArticleQuery, ArticleRecord } from '../store/types.js';

/** The filters of GET /articles (as the store reads them) that a stream applies. */
export type StreamFilter = Pick<ArticleQuery, 'since' | 'until' | 'feed' | 'topic' | 'lang' | 'q' | 'entity'> & {
  /** The feeds of the requested category (resolved by the caller; an empty set matches nothing). */
  feedIds?: ReadonlySet<string>;
};

const words = (text: string): string[] => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether a language tag passes `lang`, case-insensitive: the tag itself or one of its subtags (`en` passes `en-US`). */
function langMatches(language: string, lang: string): boolean {
  const want = lang.toLowerCase();
  const have = language.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
}

/** The time the filters use: publishedAt, else storedAt (as the store sorts and filters). */
export function filterTimeOf(record: ArticleRecord): number | null {
  for (const iso of [record.publishedAt, record.storedAt, record.fetchedAt]) {
    if (iso) {
      const ms = Date.parse(iso);
      if (!Number.isNaN(ms)) {
        return ms;
      }
    }
  }
  return null;
}

/**
 * Cheap pre-check on the event's own fields (feed, language), so records that
 * cannot match are not read from the store. True means "maybe".
 */
export function eventMayMatch(event: { feedId: string; language: string | null }, f: StreamFilter): boolean {
  if (f.feed !== undefined && event.feedId && event.feedId !== f.feed) {
    return false;
  }
  if (f.feedIds !== undefined && event.feedId && !f.feedIds.has(event.feedId)) {
    return false;
  }
  if (f.lang !== undefined && event.language && !langMatches(event.language, f.lang)) {
    return false;
  }
  return true;
}

export const hasFilter = (f: StreamFilter): boolean => Object.values(f).some((v) => v !== undefined);

/**
 * Whether `record` passes the filters of GET /articles. `expandTopic` returns
 * the descendants of a topic code (IPTC tree); the code itself always matches.
 */
export function matchesFilter(
  record: ArticleRecord,
  f: StreamFilter,
  expandTopic?: (code: string) => string[],
): boolean {
  if (f.feed !== undefined && record.feed.id !== f.feed) {
    return false;
  }
  if (f.feedIds !== undefined && !f.feedIds.has(record.feed.id)) {
    return false;
  }
  if (f.since !== undefined || f.until !== undefined) {
    const t = filterTimeOf(record);
    if (t === null) {
      return false;
    }
    if (f.since !== undefined && t < Date.parse(f.since)) {
      return false;
    }
    if (f.until !== undefined && t >= Date.parse(f.until)) {
      return false;
    }
  }
  if (f.lang !== undefined && !langMatches(record.language ?? '', f.lang)) {
    return false;
  }
  if (f.topic !== undefined) {
    const codes = new Set([f.topic, ...(expandTopic?.(f.topic) ?? [])]);
    if (!record.topics.some((t) => codes.has(t.code))) {
      return false;
    }
  }
  if (f.entity !== undefined) {
    const want = entityKey(f.entity);
    const { people, places, organisations } = record.entities;
    if (![...people, ...places, ...organisations].some((e) => entityKey(e.name) === want)) {
      return false;
    }
  }
  if (f.q !== undefined) {
    const terms = words(f.q);
    if (terms.length > 0) {
      const have = new Set(words(`${record.title}\n${record.text}`));
      if (!terms.every((t) => have.has(t))) {
        return false;
      }
    }
  }
  return true;
}

/** One SSE message. Multi-line data is split so every line has its own `data:` prefix. */
export function formatSseMessage(m: { id?: string; event?: string; data: string }): string {
  let out = '';
  if (m.id) out += `id: ${m.id}\n`;
  if (m.event) out += `event: ${m.event}\n`;
  for (const line of m.data.split(/\r\n|\r|\n/)) {
    out += `data: ${line}\n`;
  }
  return `${out}\n`;
}

/** Compares two stream entry ids ("<ms>-<seq>"): negative, zero or positive. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map((x) => BigInt(x));
  const [bm = 0n, bs = 0n] = b.split('-').map((x) => BigInt(x));
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

/** What XINFO STREAM says about trimming: the oldest entry kept, and how many entries were ever added vs kept. */
export type StreamTrimInfo = { firstId: string | null; entriesAdded: number; length: number };

/**
 * Whether resuming after `lastEventId` may miss events: the stream is bounded,
 * and once entries were trimmed, an id older than the oldest entry kept means
 * the entries that followed it are gone. `0-0` (from the start) never does.
 */
export function resumeMayLoseEvents(lastEventId: string, info: StreamTrimInfo | null): boolean {
  if (!info || info.firstId === null || lastEventId === '0-0' || info.entriesAdded <= info.length) {
    return false;
  }
  return compareStreamIds(info.firstId, lastEventId) > 0;
}
