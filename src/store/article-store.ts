import type { AccessStore } from './access-types.js';
import type {
  ArticleDigestPage,
  ArticleJsonPage,
  ArticleJsonWithDigest,
  ArticlePage,
  ArticleView,
  ArticleQuery,
  ArticleRecord,
  FeedDefinition,
  FeedState,
  ItemOutcome,
  PollReport,
  SeenItem,
  SimilarArticle,
  StoreStats,
  UpsertOptions,
  UpsertOutcome,
  WebSubSubscription,
  UpsertResult,
  ArticleVersion,
  ArticleVersionSummary,
  OutcomeBucket,
  StoreLatency,
} from './types.js';

/**
 * The one storage contract. Every backend (SQLite, PostgreSQL) implements it and
 * passes the same contract suite (tests/integration/store/article-store.contract.ts).
 */
export interface ArticleStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Run pending schema migrations. Idempotent. */
  migrate(): Promise<void>;

  /**
   * Idempotent upsert keyed by `record.id`. Unchanged content hash: nothing is
   * written. Changed: `version` is bumped, the first `publishedAt` kept. With
   * `assignCluster`, the cluster is chosen inside the write's transaction, so
   * near-duplicates written at the same moment (any process) end in one cluster.
   * An update keeps the version it replaces (within the store's VersionRetention),
   * in the same transaction.
   */
  upsertArticle(record: ArticleRecord, opts?: UpsertOptions): Promise<UpsertResult>;
  /**
   * Near-duplicate candidates: stored articles sharing at least one LSH band key
   * with `bands`, most shared keys first (an indexed lookup, sub-linear in the
   * number of articles). Each band key contributes at most its
   * SIMILAR_PER_BAND newest articles, so an over-common key costs a bounded read.
   */
  findSimilar(bands: string[], limit?: number): Promise<SimilarArticle[]>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  listArticles(query: ArticleQuery): Promise<ArticlePage>;
  /**
   * The same page as `listArticles`, each item the JSON text the store keeps for
   * `view` (`full`: the record as `getArticle` returns it; `summary`: its
   * SUMMARY_FIELDS), neither parsed nor re-serialised: an API page is these
   * texts joined.
   */
  listArticleJson(query: ArticleQuery, view: ArticleView): Promise<ArticleJsonPage>;
  /**
   * Optional (PostgreSQL): the page `listArticleJson(query, 'full')` gives, as
   * ids and MD5 digests of the record texts, and the texts of the ids a reader
   * does not hold. A client-server store then sends a page's records only when
   * they are new to the reader; an embedded one (SQLite) reads them in place.
   */
  listArticleDigests?(query: ArticleQuery): Promise<ArticleDigestPage>;
  getArticleJsons?(ids: readonly string[]): Promise<ArticleJsonWithDigest[]>;
  countArticles(): Promise<number>;

  /** The versions of an article that are kept, oldest first, the current one last; null when the article is unknown. */
  listVersions(id: string): Promise<ArticleVersionSummary[] | null>;
  /** One kept version of an article; null when the article or that version is not kept. */
  getVersion(id: string, n: number): Promise<ArticleVersion | null>;

  upsertFeed(feed: FeedDefinition): Promise<void>;
  removeFeed(id: string): Promise<boolean>;
  getFeed(id: string): Promise<FeedState | null>;
  listFeeds(): Promise<FeedState[]>;
  recordPoll(feedId: string, report: PollReport): Promise<void>;

  /**
   * Of `items`, those never seen for this feed or seen with another hash.
   * Does not mark them: call `markSeen` once their jobs are queued.
   */
  filterUnseen(feedId: string, items: SeenItem[]): Promise<SeenItem[]>;
  markSeen(feedId: string, items: SeenItem[]): Promise<void>;

  recordItemOutcome(outcome: ItemOutcome): Promise<void>;
  /** Several outcomes in one transaction, in order (all or none). */
  recordItemOutcomes(outcomes: readonly ItemOutcome[]): Promise<void>;
  listItemOutcomes(opts?: { since?: string; status?: ItemOutcome['status']; limit?: number; feedId?: string }): Promise<ItemOutcome[]>;
  /** Item outcomes recorded since `sinceMs`, counted per `bucketMs` (from the epoch), feed, stage and status. Unordered. */
  countOutcomes(sinceMs: number, bucketMs: number): Promise<OutcomeBucket[]>;
  /**
   * Articles first stored by the pipeline since `sinceMs` (an enrich outcome
   * that created them) that have a publication time: when stored, and how long
   * after publication. At most `limit` (default 100,000), newest first.
   */
  storeLatencies(sinceMs: number, limit?: number): Promise<StoreLatency[]>;

  /** Reachability check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Store features beyond the pipeline contract: operations (retention, stats). Both backends implement them. */
export interface StoreExtras {
  /**
   * Bulk load (imports, backfills, benchmarks): the same as calling
   * `upsertArticle` for each item in order, with the same outcomes and the same
   * stored rows (topics, entities, full text, band keys), but in one transaction
   * with one store time for the whole batch. All or nothing.
   */
  upsertArticles(items: ReadonlyArray<{ record: ArticleRecord } & UpsertOptions>): Promise<UpsertResult[]>;
  /**
   * Retention: deletes articles whose sort time (publishedAt, else storedAt) is
   * older than `days` days, with their topics, entities and band keys; also item
   * outcomes and seen-item marks older than that (an item still listed by its
   * feed is then fetched once more and its upsert finds it unchanged).
   * Returns the number of articles deleted.
   */
  deleteOlderThan(days: number): Promise<number>;
  stats(): Promise<StoreStats>;
  /**
   * Frees memory held only for speed, for a process gone quiet after work
   * (SQLite: the connection's page cache, refilled from disk on the next
   * reads; PostgreSQL holds none here). Safe at any time, also after close.
   */
  releaseMemory(): void;
}

/**
 * WebSub subscriptions, one per feed at most. Kept apart from the feed row: a
 * removed feed's subscription stays until the hub has verified the unsubscription.
 */
export interface WebSubStore {
  getSubscription(feedId: string): Promise<WebSubSubscription | null>;
  listSubscriptions(): Promise<WebSubSubscription[]>;
  /** Inserts or replaces the feed's subscription. */
  saveSubscription(sub: WebSubSubscription): Promise<void>;
  deleteSubscription(feedId: string): Promise<boolean>;
}

/** API keys and webhook subscriptions (src/store/access-types.ts), kept beside the articles. */
export interface AccessExtras {
  readonly access: AccessStore;
}

export type FullArticleStore = ArticleStore & StoreExtras & WebSubStore & AccessExtras;
