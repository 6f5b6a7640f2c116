import type { ExtractionInfo } from '../queues/contracts.js';

export type Topic = {
  code: string;
  label: string;
  score: number;
  scheme: 'medtop' | 'custom';
  evidence?: string[];
};

export type Entity = {
  name: string;
  mentions: number;
  salience: number;
  /** Character offset of the first mention in `text`. */
  offset: number;
};

export type Entities = { people: Entity[]; places: Entity[]; organisations: Entity[] };

/** The stored record: the product. Field names are stable. */
export type ArticleRecord = {
  id: string;
  url: string;
  canonicalUrl: string;
  feed: { id: string; title: string | null; url: string | null };
  siteName: string | null;
  title: string;
  byline: string | null;
  dateline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  fetchedAt: string;
  language: string | null;
  excerpt: string | null;
  text: string;
  html: string;
  wordCount: number;
  leadImage: string | null;
  topics: Topic[];
  entities: Entities;
  keywords: string[];
  clusterId: string;
  duplicateOf: string | null;
  contentHash: string;
  version: number;
  /** Set by the store: when the record was first stored and last changed. */
  storedAt?: string;
  updatedAt?: string;
  extraction: ExtractionInfo;
};

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What an upsert returns. `substantive`: whether the stored version changed
 * its headline or text beyond whitespace and punctuation (see story-change.ts)
 * compared with the version before it; null for a first version.
 */
export type UpsertResult = { outcome: UpsertOutcome; record: ArticleRecord; substantive?: boolean | null };

/** One version of an article as the store keeps it (the current one included). */
export type ArticleVersion = {
  /** The record's `version` number. */
  n: number;
  /** When this version was stored. */
  at: string;
  /** Headline or text changed beyond whitespace and punctuation since the version before; null for the first. */
  substantive: boolean | null;
  title: string;
  byline: string | null;
  text: string;
  topics: Array<Pick<Topic, 'code' | 'label' | 'score' | 'scheme'>>;
};

/** A version in a list: no text, its sizes instead. */
export type ArticleVersionSummary = Pick<ArticleVersion, 'n' | 'at' | 'substantive' | 'title'> & {
  /** Characters of text. */
  textLength: number;
  wordCount: number;
};

/**
 * How many earlier versions of an article the store keeps. `keep`: versions
 * per article, the current one included (default 20; 1 keeps none but the
 * current). `maxAgeMs`: earlier versions stored longer ago than this are
 * dropped when the article is next updated (default: no age limit; article
 * retention still deletes an article with all its versions).
 */
export type VersionRetention = { keep?: number; maxAgeMs?: number };

export const DEFAULT_VERSIONS_KEPT = 20;

/**
 * Item outcomes counted per time bucket, feed, stage and status (`changed`:
 * a stored outcome that created or updated the article, not an unchanged one).
 */
export type OutcomeBucket = {
  /** Bucket start, ms since the epoch. */
  at: number;
  feedId: string;
  stage: ItemOutcome['stage'];
  status: ItemOutcome['status'];
  changed: boolean;
  count: number;
};

/** An article first stored in a window: when (ms) and how long after its publication. */
export type StoreLatency = { at: number; feedId: string; latencyMs: number };

export type ArticleQuery = {
  since?: string;
  until?: string;
  feed?: string;
  topic?: string;
  lang?: string;
  q?: string;
  /** Name of a person, place or organisation (case-insensitive exact match). */
  entity?: string;
  /** Feed category (desk): articles of feeds in it (case-insensitive). */
  category?: string;
  limit?: number;
  cursor?: string;
};

export type ArticlePage = { items: ArticleRecord[]; nextCursor: string | null };

/** Fields of the summary view of an article (list pages that do not need the body). */
export const SUMMARY_FIELDS = ['id', 'url', 'title', 'feed', 'publishedAt', 'language', 'topics', 'clusterId', 'excerpt'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
/** The summary view: a few fields of the record; topics without their evidence. */
export type ArticleSummary = Pick<ArticleRecord, SummaryField>;

/** How a page of articles comes back from `listArticleJson`. */
export type ArticleView = 'full' | 'summary';
/** A page whose items are JSON texts, as stored (`full`: the record; `summary`: its summary), ready to be sent as they are. */
export type ArticleJsonPage = { items: string[]; nextCursor: string | null };
/** A page of full records named by id and the MD5 (hex) of the record text the store keeps (`listArticleDigests`). */
export type ArticleDigestPage = { items: Array<{ id: string; digest: string }>; nextCursor: string | null };
/** A stored record text with its MD5 (hex), as `getArticleJsons` gives it. */
export type ArticleJsonWithDigest = { id: string; digest: string; json: string };

export type FeedDefinition = {
  id: string;
  url: string;
  title?: string | null;
  /** Poll interval in milliseconds. */
  intervalMs?: number | null;
  /** Categories (desks) the feed belongs to; undefined keeps the stored ones. */
  categories?: string[];
};

export type FeedHealth = {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: { code: string; message: string } | null;
  consecutiveFailures: number;
  lastNewItems: number;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string | null;
  status: 'active' | 'retired';
};

export type FeedState = Omit<FeedDefinition, 'categories'> & { title: string | null; intervalMs: number | null; categories: string[] } & FeedHealth;

export type PollReport =
  | {
      ok: true;
      at: string;
      newItems: number;
      title?: string | null;
      etag?: string | null;
      lastModified?: string | null;
      nextPollAt?: string | null;
      /** A permanent redirect moved the feed. */
      movedTo?: string;
    }
  | { ok: false; at: string; error: { code: string; message: string }; retired?: boolean; nextPollAt?: string | null };

/**
 * Where a feed's WebSub subscription stands: `pending` (asked, the hub has not
 * verified yet), `active` (verified; lease until `expiresAt`), `denied` (the hub
 * refused), `failed` (the hub's answer was an error, or it never verified),
 * `unsubscribing` (the feed was removed; waiting for the hub to verify that).
 */
export type WebSubState = 'pending' | 'active' | 'denied' | 'failed' | 'unsubscribing';

/** One feed's WebSub subscription, as stored. `secret` signs the hub's pushes: never shown. */
export type WebSubSubscription = {
  feedId: string;
  hub: string;
  topic: string;
  callback: string;
  secret: string;
  state: WebSubState;
  /** Lease the hub granted (seconds), once verified. */
  leaseSeconds: number | null;
  /** When the lease ends, once verified. */
  expiresAt: string | null;
  /** When the last (re)subscription or unsubscription was asked for. */
  requestedAt: string;
  verifiedAt: string | null;
  lastPushAt: string | null;
  /** Why it failed or was denied. */
  lastError: string | null;
};

/** An item as the fetcher sees it, for new/changed detection. */
export type SeenItem = { key: string; hash: string };

export type ItemOutcome = {
  feedId: string;
  url: string;
  stage: 'fetch' | 'extract' | 'enrich';
  status: 'stored' | 'skipped' | 'failed' | 'fallback';
  reason: string | null;
  articleId?: string | null;
  at: string;
};

/** MinHash signature of an article's text and its LSH band keys (see the enricher's clustering core). */
export type Fingerprint = { signature: number[]; bands: string[] };

/** A stored article sharing a band key with a fingerprint (`findSimilar`). */
export type SimilarArticle = { id: string; clusterId: string; signature: number[] };

/** Where an article goes: an existing story's cluster (and the id it duplicates), or null for a cluster of its own. */
export type ClusterAssignment = { clusterId: string; duplicateOf: string } | null;

/**
 * Options of one article upsert. `fingerprint` is stored (signature, band keys).
 * `assignCluster`, given with a fingerprint, is called inside the upsert's
 * transaction with the stored articles similar to it (what `findSimilar`
 * returns for its bands), at a point where every similar article written
 * before is visible and none written concurrently can commit unseen: its answer
 * sets the record's clusterId and duplicateOf (null keeps the record's own).
 * Not called when the upsert is unchanged. See docs/clustering.md.
 */
export type UpsertOptions = {
  fingerprint?: Fingerprint;
  assignCluster?: (candidates: SimilarArticle[]) => ClusterAssignment;
};

/** Counts for /metrics and `telex status`. */
export type StoreStats = {
  articles: number;
  /** Articles updated at least once (version > 1). */
  updatedArticles: number;
  feeds: { total: number; active: number; retired: number; failing: number };
  seenItems: number;
  itemOutcomes: Record<ItemOutcome['status'], number>;
  /** Newest and oldest sort time (publishedAt, else storedAt) of stored articles. */
  newestAt: string | null;
  oldestAt: string | null;
  /** Bytes on disk used by the store (database file / relations). */
  sizeBytes: number;
};

export type StoreOptions = {
  /** PostgreSQL schema (default `public`); ignored by SQLite. */
  schema?: string;
  /** Expands an IPTC code to its descendants, for the topic filter. */
  topicExpander?: (code: string) => string[];
  /** Clock for storedAt / updatedAt / retention (tests). */
  now?: () => Date;
  /**
   * A topic or entity filter matching fewer articles than this drives a page
   * from its own index (default 2000). Tests set 0 to exercise the other plan.
   */
  driveThreshold?: number;
  /**
   * SQLite: run WAL checkpoints on a background thread every `intervalMs`
   * (default 1000) instead of inside the commit that crosses the mark, so a
   * long-running writer never waits for a checkpoint's disk flush. `onFailure`
   * hears of a thread that stopped (the store then checkpoints in its commits
   * again). Ignored by PostgreSQL and by `:memory:` databases.
   */
  backgroundCheckpoint?: { intervalMs?: number; onFailure?: (err: Error) => void };
  /** PostgreSQL: how many of the newest articles a text query walks before using the GIN index (default 250). */
  textProbeRows?: number;
  /** PostgreSQL: how many of an entity's newest rows an entity + topic page checks one by one before joining the two sets (default 400). */
  entityProbeRows?: number;
  /** Earlier versions kept per article (default: the last DEFAULT_VERSIONS_KEPT, any age). */
  versions?: VersionRetention;
};
