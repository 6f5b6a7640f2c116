/**
 * Pure helpers shared by every ArticleStore backend: upsert decisions, cursors,
 * query normalisation. No I/O, no clock (callers pass `now`).
 */
import { fmix32 } from '../lib/hash.js';
import { PipelineError } from '../errors.js';
import { isSubstantiveChange } from './story-change.js';
import {
  DEFAULT_VERSIONS_KEPT,
  type ArticleQuery,
  type ArticleRecord,
  type ArticleSummary,
  type ArticleVersion,
  type ArticleVersionSummary,
  type ArticleView,
  type ClusterAssignment,
  type FeedState,
  type ItemOutcome,
  type OutcomeBucket,
  type SeenItem,
  type SimilarArticle,
  type StoreLatency,
  type UpsertOutcome,
  type VersionRetention,
  type WebSubState,
  type WebSubSubscription,
} from './types.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** A query parameter the store cannot use (bad cursor, bad date): a permanent error. */
export const badQuery = (message: string): PipelineError => new PipelineError('bad_payload', false, message);

/** Milliseconds since the epoch for an ISO 8601 timestamp; throws a permanent error when unparseable. */
export function toMillis(iso: string, what = 'timestamp'): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    throw badQuery(`invalid ${what}: "${iso}" (use ISO 8601, e.g. 2024-05-01T00:00:00Z)`);
  }
  return ms;
}

/**
 * The time an article sorts and filters by: its `publishedAt`, falling back to
 * `storedAt` when the article has no publication time. Fixed when the article
 * is first stored, so pagination never sees an article move.
 */
export function sortTimeOf(record: Pick<ArticleRecord, 'publishedAt'>, storedAtMs: number): number {
  if (record.publishedAt) {
    const ms = Date.parse(record.publishedAt);
    if (!Number.isNaN(ms)) {
      return ms;
    }
  }
  return storedAtMs;
}

/**
 * Articles are ordered by one unique integer, the sort key: the sort time in
 * whole seconds (clamped to about ±272 years around 1970) times SORT_KEY_SLOTS,
 * plus a slot number handed out in arrival order among articles of the same
 * second. Newest first is `sort key DESC`; it never changes once stored. It is
 * also the SQLite full-text rowid, so a text search walks the index newest first.
 */
export const SORT_KEY_SLOTS = 2 ** 20;
const MAX_SORT_SECONDS = 2 ** 33 - 1;

/** The first sort key of the second that `sortAtMs` falls in. */
export function sortKeyBase(sortAtMs: number): number {
  const sec = Math.max(-MAX_SORT_SECONDS, Math.min(MAX_SORT_SECONDS, Math.floor(sortAtMs / 1000)));
  return sec * SORT_KEY_SLOTS;
}

/** Next free sort key in the second starting at `base`, given the highest key already used there. */
export function nextSortKey(base: number, highestUsed: number | null): number {
  const key = highestUsed === null ? base : highestUsed + 1;
  if (key >= base + SORT_KEY_SLOTS) {
    throw new PipelineError('store', false, `more than ${SORT_KEY_SLOTS} articles share one publication second`);
  }
  return key;
}

/** A position in the newest-first order: the last sort key returned, and that article's id. */
export type Cursor = { key: number; id: string };

/** Opaque cursor: base64url of `<sort key>:<id>`. */
export const encodeCursor = (c: Cursor): string => Buffer.from(`${c.key}:${c.id}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): Cursor {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(-?\d{1,16}):([^\s]{1,200})$/.exec(raw);
  if (!m || !m[1] || !m[2] || !Number.isSafeInteger(Number(m[1]))) {
    throw badQuery('invalid cursor');
  }
  return { key: Number(m[1]), id: m[2] };
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_PAGE_SIZE;
  }
  if (!Number.isFinite(limit) || limit < 1) {
    throw badQuery(`invalid limit: ${limit} (1..${MAX_PAGE_SIZE})`);
  }
  return Math.min(Math.floor(limit), MAX_PAGE_SIZE);
}

/** Text as the full-text index sees it: accents removed (like FTS5's remove_diacritics), so "refugies" finds "réfugiés". */
export const foldDiacritics = (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC');

/** Words of a free-text query: letters and digits only, lower-cased, accents removed, at most 16. */
export function queryTerms(q: string): string[] {
  return (foldDiacritics(q).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** FTS5 MATCH expression that requires every word of `q` (each quoted, so no operator injection). */
export function ftsMatchExpression(q: string): string | null {
  const terms = queryTerms(q);
  return terms.length === 0 ? null : terms.map((t) => `"${t}"`).join(' ');
}

/** Normalised entity key used by the entity filter: lower case, single spaces. */
export const entityKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export type EntityKind = 'people' | 'places' | 'organisations';

export function entityRowsOf(record: ArticleRecord): Array<{ kind: EntityKind; key: string }> {
  const rows = new Map<string, { kind: EntityKind; key: string }>();
  for (const kind of ['people', 'places', 'organisations'] as const) {
    for (const e of record.entities?.[kind] ?? []) {
      const key = entityKey(e.name);
      if (key) {
        rows.set(`${kind}\u0000${key}`, { kind, key });
      }
    }
  }
  return [...rows.values()];
}

export const topicCodesOf = (record: ArticleRecord): string[] => [...new Set((record.topics ?? []).map((t) => t.code))];

/** Codes the topic filter matches: the code itself plus whatever the expander adds (descendants). */
export function expandTopic(code: string, expander?: (code: string) => string[]): string[] {
  const codes = new Set<string>([code]);
  for (const c of expander?.(code) ?? []) {
    codes.add(c);
  }
  return [...codes];
}

/** The stored article an upsert compares against; `substantive`: the stored version's flag (null for a first version). */
export type ExistingArticle = { record: ArticleRecord; contentHash: string; version: number; substantive: boolean | null };

export type UpsertPlan =
  | { outcome: Extract<UpsertOutcome, 'unchanged'>; record: ArticleRecord; substantive: boolean | null }
  | { outcome: Exclude<UpsertOutcome, 'unchanged'>; record: ArticleRecord; substantive: boolean | null };

/**
 * What an upsert does. New id: created, version 1, storedAt = updatedAt = now.
 * Same content hash: unchanged, the stored record is returned as is.
 * Other hash: updated, version + 1, the first publishedAt (when it had one) and
 * storedAt kept, updatedAt = now, substantive or cosmetic against the stored version.
 */
export function planUpsert(existing: ExistingArticle | null, incoming: ArticleRecord, nowIso: string): UpsertPlan {
  if (!existing) {
    return { outcome: 'created', record: { ...incoming, version: 1, storedAt: nowIso, updatedAt: nowIso }, substantive: null };
  }
  if (existing.contentHash === incoming.contentHash) {
    return { outcome: 'unchanged', record: existing.record, substantive: existing.substantive };
  }
  return {
    outcome: 'updated',
    substantive: isSubstantiveChange(existing.record, incoming),
    record: {
      ...incoming,
      publishedAt: existing.record.publishedAt ?? incoming.publishedAt,
      version: existing.version + 1,
      storedAt: existing.record.storedAt ?? nowIso,
      updatedAt: nowIso,
    },
  };
}

/** Validates the query's filters once, for every backend. */
export type NormalisedQuery = {
  sinceMs: number | null;
  untilMs: number | null;
  feed: string | null;
  topics: string[] | null;
  lang: string | null;
  entity: string | null;
  /** LIKE pattern (escape character "\\") matching the feeds' stored categories, or null. */
  category: string | null;
  q: string | null;
  limit: number;
  cursor: Cursor | null;
};

export function normaliseQuery(query: ArticleQuery, topicExpander?: (code: string) => string[]): NormalisedQuery {
  const q = query.q?.trim() ? query.q.trim() : null;
  return {
    sinceMs: query.since ? toMillis(query.since, 'since') : null,
    untilMs: query.until ? toMillis(query.until, 'until') : null,
    feed: query.feed || null,
    topics: query.topic ? expandTopic(query.topic, topicExpander) : null,
    lang: query.lang ? query.lang.toLowerCase() : null,
    entity: query.entity ? entityKey(query.entity) || null : null,
    category: query.category?.trim() ? categoryPattern(query.category) : null,
    q,
    limit: pageSize(query.limit),
    cursor: query.cursor ? decodeCursor(query.cursor) : null,
  };
}

/**
 * The topic and entity filters of a query as the index tables that answer them: the table, its value column
 * and the values any of which an article must carry (topic codes with their descendants; one entity key).
 */
export type FilterSide = { filter: 'topic' | 'entity'; table: 'article_topics' | 'article_entities'; col: 'code' | 'key'; values: string[] };

export function filterSides(n: Pick<NormalisedQuery, 'topics' | 'entity'>): FilterSide[] {
  const sides: FilterSide[] = [];
  if (n.topics !== null) {
    sides.push({ filter: 'topic', table: 'article_topics', col: 'code', values: n.topics });
  }
  if (n.entity !== null) {
    sides.push({ filter: 'entity', table: 'article_entities', col: 'key', values: [n.entity] });
  }
  return sides;
}

/** Language as stored for filtering: lower case, and `lang=en` also matches `en-US`. */
export const langKey = (language: string | null): string | null => (language ? language.toLowerCase() : null);

/** A database row, as both drivers return it. */
export type Row = Record<string, unknown>;

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Category names as a feed keeps them: trimmed, whitespace collapsed, no empty or repeated (case-insensitive) ones. */
export function cleanCategories(categories: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of categories) {
    const name = c.replace(/\s+/g, ' ').trim().slice(0, 100);
    if (name !== '' && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/**
 * The feeds row's categories column: the names lower-cased, each between "|" ("|world|business|"),
 * so one LIKE finds a whole name on both backends; the names as written follow after a tab.
 */
export function encodeCategories(categories: readonly string[]): string {
  const clean = cleanCategories(categories).map((c) => c.replace(/[|\t]/g, ' '));
  return clean.length === 0 ? '' : `|${clean.map((c) => c.toLowerCase()).join('|')}|\t${JSON.stringify(clean)}`;
}

function decodeCategories(v: unknown): string[] {
  const s = typeof v === 'string' ? v : '';
  const tab = s.indexOf('\t');
  if (tab === -1) {
    return [];
  }
  try {
    const list = JSON.parse(s.slice(tab + 1)) as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** LIKE pattern (escape "\\") for one category name against the encoded column. */
export function categoryPattern(category: string): string {
  const name = category.replace(/\s+/g, ' ').trim().replace(/[|\t]/g, ' ').toLowerCase();
  return `%|${name.replace(/[\\%_]/g, (c) => `\\${c}`)}|%\t%`;
}

/** A feeds row (same columns on both backends) as the contract's FeedState. */
/**
 * The websub_subscriptions table (the same SQL for SQLite and PostgreSQL). No
 * foreign key to feeds: a removed feed's subscription lives until the hub
 * verifies the unsubscription.
 */
export const WEBSUB_SUBSCRIPTIONS_TABLE = `CREATE TABLE websub_subscriptions (
  feed_id TEXT PRIMARY KEY,
  hub TEXT NOT NULL,
  topic TEXT NOT NULL,
  callback TEXT NOT NULL,
  secret TEXT NOT NULL,
  state TEXT NOT NULL,
  lease_seconds INTEGER,
  expires_at TEXT,
  requested_at TEXT NOT NULL,
  verified_at TEXT,
  last_push_at TEXT,
  last_error TEXT
);`;

/** The columns of websub_subscriptions, in the order `subscriptionValues` gives them. */
export const SUBSCRIPTION_COLUMNS = [
  'feed_id', 'hub', 'topic', 'callback', 'secret', 'state', 'lease_seconds', 'expires_at', 'requested_at', 'verified_at', 'last_push_at', 'last_error',
] as const;

export function subscriptionValues(s: WebSubSubscription): unknown[] {
  return [s.feedId, s.hub, s.topic, s.callback, s.secret, s.state, s.leaseSeconds, s.expiresAt, s.requestedAt, s.verifiedAt, s.lastPushAt, s.lastError];
}

export function subscriptionFromRow(r: Row): WebSubSubscription {
  return {
    feedId: String(r.feed_id),
    hub: String(r.hub),
    topic: String(r.topic),
    callback: String(r.callback),
    secret: String(r.secret),
    state: String(r.state) as WebSubState,
    leaseSeconds: r.lease_seconds === null || r.lease_seconds === undefined ? null : Number(r.lease_seconds),
    expiresAt: str(r.expires_at),
    requestedAt: String(r.requested_at),
    verifiedAt: str(r.verified_at),
    lastPushAt: str(r.last_push_at),
    lastError: str(r.last_error),
  };
}

export function feedFromRow(r: Row): FeedState {
  const code = str(r.last_error_code);
  return {
    id: String(r.id),
    url: String(r.url),
    title: str(r.title),
    categories: decodeCategories(r.categories),
    intervalMs: r.interval_ms === null || r.interval_ms === undefined ? null : Number(r.interval_ms),
    lastPolledAt: str(r.last_polled_at),
    lastSuccessAt: str(r.last_success_at),
    lastErrorAt: str(r.last_error_at),
    lastError: code === null ? null : { code, message: str(r.last_error_message) ?? '' },
    consecutiveFailures: Number(r.consecutive_failures ?? 0),
    lastNewItems: Number(r.last_new_items ?? 0),
    etag: str(r.etag),
    lastModified: str(r.last_modified),
    nextPollAt: str(r.next_poll_at),
    status: r.status === 'retired' ? 'retired' : 'active',
  };
}

/** A nullable boolean column (SQLite 0/1, PostgreSQL boolean) as a boolean or null. */
export const flag = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || Number(v) === 1);

/** The article record a row's `record` column holds (JSON). */
export const recordFromRow = (row: Row): ArticleRecord => JSON.parse(String(row.record)) as ArticleRecord;

/** The stored article an upsert compares against, from its row (record JSON, content_hash, version, substantive); null when none. */
export function existingFromRow(row: Row | undefined): ExistingArticle | null {
  return row
    ? {
        record: recordFromRow(row),
        contentHash: String(row.content_hash),
        version: Number(row.version),
        substantive: flag(row.substantive),
      }
    : null;
}

/** Retention of earlier versions with defaults applied: versions kept in all (at least 1), and the oldest time kept (ms). */
export function versionBounds(r: VersionRetention | undefined, nowMs: number): { keep: number; keptSinceMs: number } {
  const keep = Math.max(1, Math.floor(r?.keep ?? DEFAULT_VERSIONS_KEPT));
  return { keep, keptSinceMs: r?.maxAgeMs === undefined ? Number.MIN_SAFE_INTEGER : nowMs - r.maxAgeMs };
}

/** The row an update files for the version it replaces (the columns of article_versions). */
export function versionRowOf(existing: ExistingArticle): {
  n: number;
  at: string;
  atMs: number;
  substantive: boolean | null;
  title: string;
  textLength: number;
  wordCount: number;
  data: string;
} {
  const r = existing.record;
  const at = r.updatedAt ?? r.storedAt ?? r.fetchedAt;
  const data: Pick<ArticleVersion, 'byline' | 'text' | 'topics'> = {
    byline: r.byline,
    text: r.text,
    topics: (r.topics ?? []).map((t) => ({ code: t.code, label: t.label, score: t.score, scheme: t.scheme })),
  };
  return {
    n: existing.version,
    at,
    atMs: Date.parse(at) || 0,
    substantive: existing.substantive,
    title: r.title,
    textLength: r.text.length,
    wordCount: r.wordCount,
    data: JSON.stringify(data),
  };
}

/** A kept earlier version from its article_versions row. */
export function versionFromRow(row: Row): ArticleVersion {
  const data = JSON.parse(String(row.data)) as Pick<ArticleVersion, 'byline' | 'text' | 'topics'>;
  return { n: Number(row.n), at: String(row.at), substantive: flag(row.substantive), title: String(row.title), ...data };
}

/** A kept earlier version's list entry from its article_versions row. */
export const versionSummaryFromRow = (row: Row): ArticleVersionSummary => ({
  n: Number(row.n),
  at: String(row.at),
  substantive: flag(row.substantive),
  title: String(row.title),
  textLength: Number(row.text_length),
  wordCount: Number(row.word_count),
});

/** The current version of an article (its record and the substantive column of its row). */
export function currentVersionOf(record: ArticleRecord, substantive: unknown): ArticleVersion {
  return {
    n: record.version,
    at: record.updatedAt ?? record.storedAt ?? record.fetchedAt,
    substantive: flag(substantive),
    title: record.title,
    byline: record.byline,
    text: record.text,
    topics: (record.topics ?? []).map((t) => ({ code: t.code, label: t.label, score: t.score, scheme: t.scheme })),
  };
}

/** A version's list entry. */
export const versionSummaryOf = (v: ArticleVersion, wordCount: number): ArticleVersionSummary => ({
  n: v.n,
  at: v.at,
  substantive: v.substantive,
  title: v.title,
  textLength: v.text.length,
  wordCount,
});

/** An outcome-count row (at, feed_id, stage, status, changed, n) as an OutcomeBucket. */
export const outcomeBucketFromRow = (r: Row): OutcomeBucket => ({
  at: Number(r.at),
  feedId: String(r.feed_id),
  stage: r.stage as OutcomeBucket['stage'],
  status: r.status as OutcomeBucket['status'],
  changed: Number(r.changed) === 1 || r.changed === true,
  count: Number(r.n),
});

/** A latency row (at_ms, feed_id, published_at, stored_at) as a StoreLatency; null when a time is unreadable. */
export function latencyFromRow(r: Row): StoreLatency | null {
  const published = Date.parse(String(r.published_at));
  const stored = Date.parse(String(r.stored_at));
  return Number.isNaN(published) || Number.isNaN(stored) ? null : { at: Number(r.at_ms), feedId: String(r.feed_id), latencyMs: stored - published };
}

/** Outcome reasons of an enrich stored outcome that wrote the article (see the enricher's outcome records). */
export const WRITING_REASONS = ['created', 'updated'] as const;

/**
 * Where an upsert files the article. A stored row keeps its sort time and key
 * (`skey`). A new article sorts by its publication time, else `nowMs`, and
 * takes the next free key of that second: the backend reads the highest key
 * used from `base` on and passes it to `nextSortKey`.
 */
export function sortPlacement(row: Row | undefined, record: ArticleRecord, nowMs: number): { sortAt: number; skey: number | null; base: number } {
  const sortAt = row ? Number(row.sort_at) : sortTimeOf(record, nowMs);
  return { sortAt, skey: row ? Number(row.skey) : null, base: sortKeyBase(sortAt) };
}

/** The highest sort key a `SELECT MAX(skey) AS m` found, or null when none. */
export const highestKey = (row: Row | undefined): number | null => (row?.m === null || row?.m === undefined ? null : Number(row.m));

/** An item_outcomes row as the contract's ItemOutcome. */
export function outcomeFromRow(r: Row): ItemOutcome {
  return {
    feedId: String(r.feed_id),
    url: String(r.url),
    stage: r.stage as ItemOutcome['stage'],
    status: r.status as ItemOutcome['status'],
    reason: str(r.reason),
    articleId: str(r.article_id),
    at: String(r.at),
  };
}

/** Turns driver errors into retryable store errors; PipelineErrors pass through. */
export function toStoreError(backend: 'sqlite' | 'postgres', err: unknown, what: string): PipelineError {
  if (err instanceof PipelineError) {
    return err;
  }
  return new PipelineError('store', true, `${backend} ${what}: ${(err as Error)?.message ?? String(err)}`, err);
}

/** Of `items`, those whose key is unknown or known with another hash; each key once, first wins. */
export function unseenItems(items: readonly SeenItem[], known: ReadonlyMap<string, string>): SeenItem[] {
  const emitted = new Set<string>();
  return items.filter((i) => {
    if (emitted.has(i.key) || known.get(i.key) === i.hash) {
      return false;
    }
    emitted.add(i.key);
    return true;
  });
}

/**
 * A band key as a 52-bit integer (two FNV-1a hashes of its text, mixed), for
 * stores that index bands by number: an integer row is under half the size
 * of a text one, and so is the index that commits and checkpoints write (each
 * article's 48 rows land at random places in it). Two bands with the same
 * number only add a candidate, which the signature comparison drops.
 * Stored data depends on this function: it must never change.
 */
export function bandKey(band: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ band.length;
  for (let i = 0; i < band.length; i++) {
    const c = band.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) + 0x9e3779b9;
  }
  return (fmix32(b) & 0xfffff) * 0x1_0000_0000 + fmix32(a);
}

/**
 * Articles each band key contributes to a similarity lookup: its newest this
 * many. A key shared by thousands of stories (boilerplate-heavy or very short
 * texts) then costs a bounded index read instead of a scan of every article
 * carrying it. Recall: a copy is missed only when every band key it shares with
 * its original is also carried by more than this many newer articles; copies of
 * one story arrive within hours of each other and share several keys (see
 * docs/clustering.md).
 */
export const SIMILAR_PER_BAND = 200;

/** A similarity candidate from its row (id, cluster_id, signature JSON or null). */
export const similarFromRow = (r: Row): SimilarArticle => ({
  id: String(r.id),
  clusterId: String(r.cluster_id),
  signature: r.signature ? (JSON.parse(String(r.signature)) as number[]) : [],
});

/** The record with the cluster an upsert's `assignCluster` chose (null: the record's own). */
export function applyCluster(record: ArticleRecord, assignment: ClusterAssignment): ArticleRecord {
  return assignment ? { ...record, clusterId: assignment.clusterId, duplicateOf: assignment.duplicateOf } : record;
}

/** Candidates a similarity lookup returns by default (most shared band keys first). */
export const SIMILAR_LIMIT = 20;

/** The summary view of a record (SUMMARY_FIELDS; topics without evidence). */
export function summaryOf(r: ArticleRecord): ArticleSummary {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    feed: r.feed,
    publishedAt: r.publishedAt,
    language: r.language,
    topics: (r.topics ?? []).map((t) => ({ code: t.code, label: t.label, score: t.score, scheme: t.scheme })),
    clusterId: r.clusterId,
    excerpt: r.excerpt,
  };
}

/**
 * Page columns a backend selects for a view: the record, or the stored summary
 * (with the record only for rows stored before summaries were, whose summary is null).
 */
export const viewColumns = (view: ArticleView): string =>
  view === 'full' ? 'a.record' : 'a.summary, CASE WHEN a.summary IS NULL THEN a.record END AS record';

/** The JSON text of a page row in a view (see `viewColumns`). */
export function jsonOfRow(row: Row, view: ArticleView): string {
  if (view === 'summary' && row.summary !== null && row.summary !== undefined) {
    return String(row.summary);
  }
  const record = String(row.record);
  return view === 'full' ? record : JSON.stringify(summaryOf(JSON.parse(record) as ArticleRecord));
}
