/**
 * SQLite backend (embedded default): better-sqlite3, WAL, FTS5, versioned migrations.
 *
 * Ordering and since/until use the article's sort time: publishedAt when the
 * article was first stored, falling back to storedAt (see `sortTimeOf`). `since`
 * is inclusive, `until` exclusive. Newest first; ties broken by id.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { PipelineError } from '../errors.js';
import type { FullArticleStore } from './article-store.js';
import { SQLITE_ACCESS_MIGRATION, SqliteAccessStore } from './sqlite-access-store.js';
import { startCheckpointer, type Checkpointer, type CheckpointerStats } from './sqlite-checkpointer.js';
import {
  encodeCategories,
  encodeCursor,
  entityRowsOf,
  ftsMatchExpression,
  langKey,
  normaliseQuery,
  nextSortKey,
  existingFromRow,
  recordFromRow,
  planUpsert,
  SORT_KEY_SLOTS,
  sortKeyBase,
  topicCodesOf,
  feedFromRow,
  outcomeFromRow,
  str,
  toStoreError,
  type Row,
  unseenItems,
  bandKey,
  highestKey,
  sortPlacement,
  applyCluster,
  jsonOfRow,
  summaryOf,
  viewColumns,
  SIMILAR_LIMIT,
  SIMILAR_PER_BAND,
  similarFromRow,
  filterSides,
  type FilterSide,
  SUBSCRIPTION_COLUMNS,
  WEBSUB_SUBSCRIPTIONS_TABLE,
  subscriptionFromRow,
  subscriptionValues,
  type ExistingArticle,
  currentVersionOf,
  latencyFromRow,
  outcomeBucketFromRow,
  versionBounds,
  versionFromRow,
  versionRowOf,
  versionSummaryFromRow,
  versionSummaryOf,
  WRITING_REASONS,
} from './store-core.js';
import type {
  ArticleJsonPage,
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
  StoreOptions,
  StoreStats,
  UpsertOptions,
  UpsertOutcome,
  WebSubSubscription,
  UpsertResult,
  ArticleVersion,
  ArticleVersionSummary,
  OutcomeBucket,
  StoreLatency,
  VersionRetention,
} from './types.js';

type Migration = { version: number; name: string; up: string | ((db: Database.Database) => void) };

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, feeds, seen items, outcomes',
    up: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        canonical_url TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        published_at TEXT,
        sort_at INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        language TEXT,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        cluster_id TEXT NOT NULL,
        signature TEXT,
        record TEXT NOT NULL
      );
      CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
      CREATE INDEX articles_feed_sort ON articles (feed_id, sort_at DESC, id DESC);
      CREATE INDEX articles_lang_sort ON articles (language, sort_at DESC, id DESC);
      CREATE INDEX articles_canonical ON articles (canonical_url);
      CREATE INDEX articles_cluster ON articles (cluster_id);

      CREATE TABLE article_topics (
        code TEXT NOT NULL,
        article_id TEXT NOT NULL,
        sort_at INTEGER NOT NULL,
        PRIMARY KEY (code, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_topics_code_sort ON article_topics (code, sort_at DESC, article_id DESC);
      CREATE INDEX article_topics_article ON article_topics (article_id);

      CREATE TABLE article_entities (
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        article_id TEXT NOT NULL,
        sort_at INTEGER NOT NULL,
        PRIMARY KEY (key, kind, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_entities_article ON article_entities (article_id);

      CREATE TABLE article_bands (
        band TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (band, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_bands_article ON article_bands (article_id);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        title TEXT,
        interval_ms INTEGER,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error_at TEXT,
        last_error_code TEXT,
        last_error_message TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_new_items INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT
      );

      CREATE TABLE seen_items (
        feed_id TEXT NOT NULL,
        key TEXT NOT NULL,
        hash TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, key)
      ) WITHOUT ROWID;

      CREATE TABLE item_outcomes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id TEXT NOT NULL,
        url TEXT NOT NULL,
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        article_id TEXT,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX item_outcomes_at ON item_outcomes (at_ms DESC);
      CREATE INDEX item_outcomes_status_at ON item_outcomes (status, at_ms DESC);
    `,
  },
  {
    version: 2,
    name: 'unique integer sort key; full-text rowid = sort key',
    up: (db) => {
      db.exec(`
        ALTER TABLE articles ADD COLUMN skey INTEGER;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
          title, text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
        );
      `);
      const setKey = db.prepare('UPDATE articles SET skey = ? WHERE seq = ?');
      const addText = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
      let base: number | null = null;
      let key = 0;
      const getRecord = db.prepare('SELECT record FROM articles WHERE seq = ?');
      for (const r of db.prepare('SELECT seq, sort_at FROM articles ORDER BY sort_at, seq').all() as Row[]) {
        const b = sortKeyBase(Number(r.sort_at));
        key = nextSortKey(b, b === base ? key : null);
        base = b;
        setKey.run(key, r.seq);
        const rec = JSON.parse(String((getRecord.get(r.seq) as Row).record)) as ArticleRecord;
        addText.run(key, rec.title, rec.text);
      }
      db.exec(`
        CREATE UNIQUE INDEX articles_skey ON articles (skey);
        CREATE INDEX articles_feed_skey ON articles (feed_id, skey);
        CREATE INDEX articles_lang_skey ON articles (language, skey);
        DROP INDEX articles_sort;
        DROP INDEX articles_feed_sort;
        DROP INDEX articles_lang_sort;
      `);
    },
  },
  {
    version: 3,
    name: 'sort key on topic and entity rows, for filter-driven pages',
    up: `
      ALTER TABLE article_topics ADD COLUMN skey INTEGER;
      ALTER TABLE article_entities ADD COLUMN skey INTEGER;
      UPDATE article_topics SET skey = (SELECT a.skey FROM articles a WHERE a.id = article_topics.article_id);
      UPDATE article_entities SET skey = (SELECT a.skey FROM articles a WHERE a.id = article_entities.article_id);
      DROP INDEX article_topics_code_sort;
      CREATE INDEX article_topics_code_skey ON article_topics (code, skey);
      CREATE INDEX article_entities_key_skey ON article_entities (key, skey);
    `,
  },
  {
    version: 4,
    name: 'index of updated articles (stats without a table scan)',
    up: 'CREATE INDEX articles_updated ON articles (skey) WHERE version > 1;',
  },
  {
    version: 5,
    name: 'band index on integers: (band hash, sort key) instead of (band text, article id)',
    // Each article adds 48 band rows at random places in this index, most of what an upsert writes:
    // integer rows make the index under half the size, so commits and checkpoints write fewer pages.
    up: (db) => {
      db.exec(`
        CREATE TABLE article_band_keys (
          band INTEGER NOT NULL,
          skey INTEGER NOT NULL,
          PRIMARY KEY (band, skey)
        ) WITHOUT ROWID;
        CREATE INDEX article_band_keys_skey ON article_band_keys (skey);
      `);
      const add = db.prepare('INSERT OR IGNORE INTO article_band_keys (band, skey) VALUES (?, ?)');
      const read = db.prepare(
        `SELECT b.band, b.article_id, a.skey FROM article_bands b JOIN articles a ON a.id = b.article_id
         WHERE (b.band, b.article_id) > (?, ?) ORDER BY b.band, b.article_id LIMIT 10000`,
      );
      // In slices (a connection cannot write while it iterates a query), each after the last row read.
      let after: Row = { band: '', article_id: '' };
      for (;;) {
        const rows = read.all(after.band, after.article_id) as Row[];
        for (const r of rows) {
          add.run(bandKey(String(r.band)), r.skey);
        }
        if (rows.length < 10_000) {
          break;
        }
        after = rows[rows.length - 1] as Row;
      }
      db.exec('DROP TABLE article_bands;');
    },
  },
  {
    version: 6,
    name: 'summary view stored beside the record (list pages without the body)',
    // Rows stored before keep a null summary: pages derive it from their record.
    up: 'ALTER TABLE articles ADD COLUMN summary TEXT;',
  },
  {
    version: 7,
    name: 'feed categories (desks)',
    up: "ALTER TABLE feeds ADD COLUMN categories TEXT NOT NULL DEFAULT '';",
  },
  {
    version: 8,
    name: 'API keys, webhook subscriptions and their delivery log',
    up: SQLITE_ACCESS_MIGRATION,
  },
  {
    version: 9,
    name: 'earlier versions of articles; substantive flag of the current one',
    // The current version stays in articles.record: an update files the one it replaces here.
    up: `
      ALTER TABLE articles ADD COLUMN substantive INTEGER;
      CREATE TABLE article_versions (
        article_id TEXT NOT NULL,
        n INTEGER NOT NULL,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        substantive INTEGER,
        title TEXT NOT NULL,
        text_length INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE UNIQUE INDEX article_versions_article_n ON article_versions (article_id, n);
    `,
  },
  {
    version: 10,
    name: 'WebSub subscriptions',
    up: WEBSUB_SUBSCRIPTIONS_TABLE,
  },
];

const storeError = (err: unknown, what: string): PipelineError => toStoreError('sqlite', err, what);

const SQLITE_PARAM_CHUNK = 500;

/** A topic or entity filter matching fewer articles than this drives the page from its own index. */
export const DRIVE_THRESHOLD = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** `sqlite:` / `file:` prefixes are accepted and stripped; `:memory:` stays in memory. */
export function sqlitePathOf(databaseUrl: string): string {
  const m = /^(?:sqlite|file):(?:\/\/)?(.*)$/.exec(databaseUrl);
  return m?.[1] ? m[1] : databaseUrl;
}

/**
 * WAL pages after which a commit checkpoints (16 MB of WAL rather than the default 4 MB): index
 * pages written by many commits in between (each article adds rows all over the band and entity
 * indexes) are copied to the database once.
 */
const WAL_AUTOCHECKPOINT = 4000;
/** With a background checkpointer, commits checkpoint only if it stalls (ten times the usual WAL). */
const WAL_AUTOCHECKPOINT_BEHIND_THREAD = 10 * WAL_AUTOCHECKPOINT;

/** Distinct SQL texts kept prepared before the cache starts over. */
const STATEMENT_CACHE_LIMIT = 500;

export class SqliteArticleStore implements FullArticleStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly path: string;
  private checkpointer: Checkpointer | null = null;
  private readonly now: () => Date;
  private readonly topicExpander: ((code: string) => string[]) | undefined;
  private readonly driveThreshold: number;
  private readonly versions: VersionRetention | undefined;
  private closed = false;
  /** Prepared statements by SQL text: preparing costs more than running most of them. */
  private readonly statements = new Map<string, Database.Statement>();
  readonly access: SqliteAccessStore;

  constructor(path: string, opts: StoreOptions = {}) {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
    }
    this.path = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    this.db.pragma('foreign_keys = ON');
    this.now = opts.now ?? (() => new Date());
    this.topicExpander = opts.topicExpander;
    this.driveThreshold = opts.driveThreshold ?? DRIVE_THRESHOLD;
    this.access = new SqliteAccessStore(this.db, (what, fn) => this.run(what, fn));
    this.versions = opts.versions;
  }

  /** The prepared statement for `sql`, prepared once. The cache is bounded (generated SQL varies in shape). */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) {
        this.statements.clear();
      }
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** The first row `sql` returns for `params`, through `map`; null when there is none. */
  private one<T>(sql: string, params: unknown[], map: (row: Row) => T): T | null {
    const row = this.statement(sql).get(...params) as Row | undefined;
    return row ? map(row) : null;
  }

  private run<T>(what: string, fn: () => T): Promise<T> {
    try {
      if (this.closed) {
        throw new PipelineError('store', false, 'store is closed');
      }
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(storeError(err, what));
    }
  }

  /** Runs pending migrations, up to `target` (all by default; a lower target is for upgrade tests). */
  migrate(target = Number.POSITIVE_INFINITY): Promise<void> {
    return this.run('migrate', () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= target)) {
        this.db
          .transaction(() => {
            const done = this.statement('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
            if (done) {
              return;
            }
            if (typeof m.up === 'string') {
              this.db.exec(m.up);
            } else {
              m.up(this.db);
            }
            this.statement('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
              .run(m.version, m.name, this.now().toISOString());
          })
          .immediate();
      }
    });
  }

  /**
   * Runs in a write (IMMEDIATE) transaction: SQLite lets one connection of any
   * process write at a time, and a writer reads the newest committed state. So an
   * `assignCluster` lookup made inside it sees every article written before, and
   * no other write can land between that lookup and this commit.
   */
  upsertArticle(record: ArticleRecord, opts: UpsertOptions = {}): Promise<UpsertResult> {
    return this.run('upsertArticle', () => this.db.transaction(() => this.upsertRow(record, opts, this.now())).immediate());
  }

  upsertArticles(
    items: ReadonlyArray<{ record: ArticleRecord } & UpsertOptions>,
  ): Promise<UpsertResult[]> {
    return this.run('upsertArticles', () =>
      this.db
        .transaction(() => {
          const now = this.now();
          return items.map((item) => this.upsertRow(item.record, item, now));
        })
        .immediate(),
    );
  }

  /** One upsert, inside the caller's transaction. */
  private upsertRow(
    record: ArticleRecord,
    { fingerprint, assignCluster }: UpsertOptions,
    now: Date,
  ): UpsertResult {
    const row = this.statement('SELECT skey, record, content_hash, version, sort_at, substantive FROM articles WHERE id = ?')
      .get(record.id) as Row | undefined;
    const existing = existingFromRow(row);
    const plan = planUpsert(existing, record, now.toISOString());
    if (plan.outcome === 'unchanged') {
      return plan;
    }
    if (existing) {
      this.keepVersion(existing, now.getTime());
    }
    if (fingerprint && assignCluster) {
      plan.record = applyCluster(plan.record, assignCluster(this.similar(fingerprint.bands, SIMILAR_LIMIT)));
    }
    const r = plan.record;
    const { sortAt, skey: kept, base } = sortPlacement(row, r, now.getTime());
    const skey =
      kept ??
      nextSortKey(base, highestKey(this.statement('SELECT MAX(skey) AS m FROM articles WHERE skey >= ? AND skey < ?').get(base, base + SORT_KEY_SLOTS) as Row));
    const cols = {
      id: r.id,
      canonical_url: r.canonicalUrl,
      feed_id: r.feed.id,
      published_at: r.publishedAt,
      sort_at: sortAt,
      skey,
      stored_at: r.storedAt ?? now.toISOString(),
      updated_at: r.updatedAt ?? now.toISOString(),
      language: langKey(r.language),
      content_hash: r.contentHash,
      version: r.version,
      cluster_id: r.clusterId,
      signature: fingerprint ? JSON.stringify(fingerprint.signature) : null,
      record: JSON.stringify(r),
      summary: JSON.stringify(summaryOf(r)),
      substantive: plan.substantive === null ? null : plan.substantive ? 1 : 0,
    };
    if (row) {
      this.statement(
          `UPDATE articles SET canonical_url = @canonical_url, feed_id = @feed_id, published_at = @published_at,
           updated_at = @updated_at, language = @language, content_hash = @content_hash, version = @version,
           cluster_id = @cluster_id, signature = COALESCE(@signature, signature), record = @record, summary = @summary,
           substantive = @substantive WHERE id = @id`,
        )
        .run(cols);
      this.statement('DELETE FROM article_topics WHERE article_id = ?').run(r.id);
      this.statement('DELETE FROM article_entities WHERE article_id = ?').run(r.id);
      this.statement('DELETE FROM articles_fts WHERE rowid = ?').run(skey);
    } else {
      this.statement(
          `INSERT INTO articles (id, canonical_url, feed_id, published_at, sort_at, skey, stored_at, updated_at,
           language, content_hash, version, cluster_id, signature, record, summary, substantive)
           VALUES (@id, @canonical_url, @feed_id, @published_at, @sort_at, @skey, @stored_at, @updated_at,
           @language, @content_hash, @version, @cluster_id, @signature, @record, @summary, @substantive)`,
        )
        .run(cols);
    }
    const addTopic = this.statement(
      'INSERT INTO article_topics (code, article_id, sort_at, skey) VALUES (?, ?, ?, ?)',
    );
    for (const code of topicCodesOf(r)) {
      addTopic.run(code, r.id, sortAt, skey);
    }
    const addEntity = this.statement(
      'INSERT INTO article_entities (key, kind, article_id, sort_at, skey) VALUES (?, ?, ?, ?, ?)',
    );
    for (const e of entityRowsOf(r)) {
      addEntity.run(e.key, e.kind, r.id, sortAt, skey);
    }
    this.statement('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(skey, r.title, r.text);
    if (fingerprint) {
      this.statement('DELETE FROM article_band_keys WHERE skey = ?').run(skey);
      const addBand = this.statement('INSERT OR IGNORE INTO article_band_keys (band, skey) VALUES (?, ?)');
      for (const band of fingerprint.bands) {
        addBand.run(bandKey(band), skey);
      }
    }
    return plan;
  }

  /**
   * Files the version an update replaces, inside the upsert's transaction, then
   * drops the article's versions beyond the retention bound.
   */
  private keepVersion(existing: ExistingArticle, nowMs: number): void {
    const { keep, keptSinceMs } = versionBounds(this.versions, nowMs);
    const id = existing.record.id;
    if (keep > 1) {
      const v = versionRowOf(existing);
      this.statement(
        `INSERT OR REPLACE INTO article_versions (article_id, n, at, at_ms, substantive, title, text_length, word_count, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, v.n, v.at, v.atMs, v.substantive === null ? null : v.substantive ? 1 : 0, v.title, v.textLength, v.wordCount, v.data);
    }
    // The new version is existing.version + 1: keep the keep - 1 before it.
    this.statement('DELETE FROM article_versions WHERE article_id = ? AND (n <= ? OR at_ms < ?)').run(id, existing.version + 1 - keep, keptSinceMs);
  }

  listVersions(id: string): Promise<ArticleVersionSummary[] | null> {
    return this.run('listVersions', () =>
      this.db.transaction(() => {
        const row = this.statement('SELECT record, substantive FROM articles WHERE id = ?').get(id) as Row | undefined;
        if (!row) {
          return null;
        }
        const record = recordFromRow(row);
        const earlier = this.statement(
          'SELECT n, at, substantive, title, text_length, word_count FROM article_versions WHERE article_id = ? AND n < ? ORDER BY n',
        ).all(id, record.version) as Row[];
        return [...earlier.map(versionSummaryFromRow), versionSummaryOf(currentVersionOf(record, row.substantive), record.wordCount)];
      })(),
    );
  }

  getVersion(id: string, n: number): Promise<ArticleVersion | null> {
    return this.run('getVersion', () =>
      this.db.transaction(() => {
        const row = this.statement('SELECT record, substantive, version FROM articles WHERE id = ?').get(id) as Row | undefined;
        if (!row) {
          return null;
        }
        if (Number(row.version) === n) {
          return currentVersionOf(recordFromRow(row), row.substantive);
        }
        return this.one('SELECT * FROM article_versions WHERE article_id = ? AND n = ?', [id, n], versionFromRow);
      })(),
    );
  }

  findSimilar(bands: string[], limit = SIMILAR_LIMIT): Promise<SimilarArticle[]> {
    return this.run('findSimilar', () => this.similar(bands, limit));
  }

  /**
   * Articles sharing band keys with `bands`, most shared first. Each key joins its
   * rows from its SIMILAR_PER_BAND-th newest sort key on (found by one short walk
   * of the (band, sort key) index), so an over-common key reads a bounded range.
   */
  private similar(bands: string[], limit: number): SimilarArticle[] {
    const unique = [...new Set(bands.map(bandKey))].slice(0, SQLITE_PARAM_CHUNK);
    if (unique.length === 0) {
      return [];
    }
    const rows = this.statement(
        `WITH k (band) AS (SELECT value FROM json_each(?))
         SELECT a.id, a.cluster_id, a.signature, b.shared
         FROM (SELECT x.skey, COUNT(*) AS shared FROM k CROSS JOIN article_band_keys x
               WHERE x.band = k.band AND x.skey >= COALESCE(
                 (SELECT y.skey FROM article_band_keys y WHERE y.band = k.band ORDER BY y.skey DESC LIMIT 1 OFFSET ?),
                 -9007199254740991)
               GROUP BY x.skey ORDER BY shared DESC, x.skey DESC LIMIT ?) b
         JOIN articles a ON a.skey = b.skey
         ORDER BY b.shared DESC, b.skey DESC`,
      )
      .all(JSON.stringify(unique), SIMILAR_PER_BAND - 1, Math.max(1, Math.floor(limit))) as Row[];
    return rows.map(similarFromRow);
  }

  getArticle(id: string): Promise<ArticleRecord | null> {
    return this.run('getArticle', () => this.one('SELECT record FROM articles WHERE id = ?', [id], recordFromRow));
  }

  /**
   * Page plan. A text query walks the full-text index newest first. Otherwise,
   * a topic or entity filter matching fewer than DRIVE_THRESHOLD articles drives
   * the page from its own (value, sort key) index; anything else walks the
   * articles newest first and checks each filter.
   */
  listArticles(query: ArticleQuery): Promise<ArticlePage> {
    return this.run('listArticles', () => {
      const page = this.page(query, 'full');
      return { items: page.items.map((j) => JSON.parse(j) as ArticleRecord), nextCursor: page.nextCursor };
    });
  }

  listArticleJson(query: ArticleQuery, view: ArticleView): Promise<ArticleJsonPage> {
    return this.run('listArticleJson', () => this.page(query, view));
  }

  private page(query: ArticleQuery, view: ArticleView): ArticleJsonPage {
    const cols = viewColumns(view);
    const n = normaliseQuery(query, this.topicExpander);
    const where: string[] = [];
    const params: unknown[] = [];
    const marks = (xs: unknown[]): string => xs.map(() => '?').join(', ');
    let match: string | null = null;
    if (n.q !== null) {
      match = ftsMatchExpression(n.q);
      if (match === null) {
        return { items: [], nextCursor: null };
      }
    }
    const sides = filterSides(n);
    let driver: FilterSide | null = null;
    if (match === null) {
      let best = this.driveThreshold;
      for (const side of sides) {
        const c = this.statement(
            `SELECT COUNT(*) AS c FROM (SELECT 1 FROM ${side.table} WHERE ${side.col} IN (${marks(side.values)}) LIMIT ?)`,
          )
          .get(...side.values, this.driveThreshold) as Row;
        if (Number(c.c) < best) {
          best = Number(c.c);
          driver = side;
        }
      }
    }
    if (n.feed !== null) {
      where.push('a.feed_id = ?');
      params.push(n.feed);
    }
    if (n.category !== null) {
      where.push("a.feed_id IN (SELECT id FROM feeds WHERE categories LIKE ? ESCAPE '\\')");
      params.push(n.category);
    }
    if (n.lang !== null) {
      where.push("(a.language = ? OR a.language LIKE ? ESCAPE '\\')");
      params.push(n.lang, `${n.lang.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`);
    }
    for (const side of sides) {
      if (side !== driver) {
        where.push(
          side.filter === 'topic'
            ? `EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.code IN (${marks(side.values)}))`
            : `EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.key IN (${marks(side.values)}))`,
        );
        params.push(...side.values);
      }
    }
    // A selective filter with nothing else to check on the article: take the page's
    // keys straight from the filter's (value, sort key) index, then fetch those rows.
    const keysFirst = match === null && driver !== null && where.length === 0;
    let key: string;
    let sortCol: string;
    if (match !== null) {
      key = 'f.rowid';
      sortCol = 'a.sort_at';
    } else if (driver !== null) {
      key = keysFirst ? 'd.skey' : 's.skey';
      sortCol = keysFirst ? 'd.sort_at' : 'a.sort_at';
    } else {
      key = 'a.skey';
      sortCol = 'a.sort_at';
    }
    const range: string[] = [];
    const rangeParams: unknown[] = [];
    // since/until: a sort-key range (whole seconds, uses the index) narrowed to the exact milliseconds.
    if (n.sinceMs !== null) {
      range.push(`${key} >= ?`, `${sortCol} >= ?`);
      rangeParams.push(sortKeyBase(n.sinceMs), n.sinceMs);
    }
    if (n.untilMs !== null) {
      range.push(`${key} < ?`, `${sortCol} < ?`);
      rangeParams.push(sortKeyBase(n.untilMs) + SORT_KEY_SLOTS, n.untilMs);
    }
    if (n.cursor !== null) {
      range.push(`${key} < ?`);
      rangeParams.push(n.cursor.key);
    }
    let sql: string;
    const fromParams: unknown[] = [];
    if (keysFirst && driver !== null) {
      sql = `SELECT a.id, a.skey, ${cols} FROM (
          SELECT DISTINCT d.skey FROM ${driver.table} d
          WHERE ${[`d.${driver.col} IN (${marks(driver.values)})`, ...range].join(' AND ')}
          ORDER BY d.skey DESC LIMIT ?
        ) s CROSS JOIN articles a ON a.skey = s.skey
        ORDER BY s.skey DESC LIMIT ?`;
      fromParams.push(...driver.values, ...rangeParams, n.limit + 1);
    } else {
      let from: string;
      if (match !== null) {
        // The full-text rowid is the sort key: FTS5 walks matches newest first and stops at the limit.
        from = 'articles_fts f JOIN articles a ON a.skey = f.rowid';
        where.unshift('articles_fts MATCH ?');
        params.unshift(match);
      } else if (driver !== null) {
        from = `(SELECT DISTINCT d.skey FROM ${driver.table} d WHERE d.${driver.col} IN (${marks(driver.values)})) s
          CROSS JOIN articles a ON a.skey = s.skey`;
        fromParams.push(...driver.values);
      } else {
        from = 'articles a';
      }
      where.push(...range);
      params.push(...rangeParams);
      sql = `SELECT a.id, a.skey, ${cols} FROM ${from}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${key} DESC LIMIT ?`;
    }
    const rows = this.statement(sql).all(...fromParams, ...params, n.limit + 1) as Row[];
    const page = rows.slice(0, n.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => jsonOfRow(r, view)),
      nextCursor: rows.length > n.limit && last ? encodeCursor({ key: Number(last.skey), id: String(last.id) }) : null,
    };
  }

  countArticles(): Promise<number> {
    return this.run('countArticles', () => Number((this.statement('SELECT COUNT(*) AS n FROM articles').get() as Row).n));
  }

  upsertFeed(feed: FeedDefinition): Promise<void> {
    return this.run('upsertFeed', () => {
      this.db
        .transaction(() => {
          const row = this.statement('SELECT url FROM feeds WHERE id = ?').get(feed.id) as Row | undefined;
          const categories = feed.categories === undefined ? null : encodeCategories(feed.categories);
          if (!row) {
            this.statement('INSERT INTO feeds (id, url, title, interval_ms, created_at, categories) VALUES (?, ?, ?, ?, ?, ?)')
              .run(feed.id, feed.url, feed.title ?? null, feed.intervalMs ?? null, this.now().toISOString(), categories ?? '');
            return;
          }
          const moved = String(row.url) !== feed.url;
          this.statement(
              `UPDATE feeds SET url = ?, title = COALESCE(?, title), interval_ms = ?, categories = COALESCE(?, categories),
               status = CASE WHEN ? THEN 'active' ELSE status END,
               consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,
               etag = CASE WHEN ? THEN NULL ELSE etag END,
               last_modified = CASE WHEN ? THEN NULL ELSE last_modified END
               WHERE id = ?`,
            )
            .run(
              feed.url,
              feed.title ?? null,
              feed.intervalMs === undefined ? null : feed.intervalMs,
              categories,
              moved ? 1 : 0,
              moved ? 1 : 0,
              moved ? 1 : 0,
              moved ? 1 : 0,
              feed.id,
            );
        })
        .immediate();
    });
  }

  removeFeed(id: string): Promise<boolean> {
    return this.run('removeFeed', () => this.statement('DELETE FROM feeds WHERE id = ?').run(id).changes > 0);
  }

  getFeed(id: string): Promise<FeedState | null> {
    return this.run('getFeed', () => this.one('SELECT * FROM feeds WHERE id = ?', [id], feedFromRow));
  }

  listFeeds(): Promise<FeedState[]> {
    return this.run('listFeeds', () => (this.statement('SELECT * FROM feeds ORDER BY id').all() as Row[]).map(feedFromRow));
  }

  getSubscription(feedId: string): Promise<WebSubSubscription | null> {
    return this.run('getSubscription', () => this.one('SELECT * FROM websub_subscriptions WHERE feed_id = ?', [feedId], subscriptionFromRow));
  }

  listSubscriptions(): Promise<WebSubSubscription[]> {
    return this.run('listSubscriptions', () =>
      (this.statement('SELECT * FROM websub_subscriptions ORDER BY feed_id').all() as Row[]).map(subscriptionFromRow),
    );
  }

  saveSubscription(sub: WebSubSubscription): Promise<void> {
    return this.run('saveSubscription', () => {
      this.statement(
        `INSERT OR REPLACE INTO websub_subscriptions (${SUBSCRIPTION_COLUMNS.join(', ')}) VALUES (${SUBSCRIPTION_COLUMNS.map(() => '?').join(', ')})`,
      ).run(...subscriptionValues(sub));
    });
  }

  deleteSubscription(feedId: string): Promise<boolean> {
    return this.run('deleteSubscription', () => this.statement('DELETE FROM websub_subscriptions WHERE feed_id = ?').run(feedId).changes > 0);
  }

  recordPoll(feedId: string, report: PollReport): Promise<void> {
    return this.run('recordPoll', () => {
      let changes: number;
      if (report.ok) {
        const keep = (v: string | null | undefined): [number, string | null] => (v === undefined ? [1, null] : [0, v]);
        const [keepTitle, title] = report.title ? [0, report.title] : [1, null];
        const [keepEtag, etag] = keep(report.etag);
        const [keepLm, lm] = keep(report.lastModified);
        const [keepNext, next] = keep(report.nextPollAt);
        changes = this.statement(
            `UPDATE feeds SET last_polled_at = ?, last_success_at = ?, consecutive_failures = 0, last_new_items = ?,
             title = CASE WHEN ? THEN title ELSE ? END,
             etag = CASE WHEN ? THEN etag ELSE ? END,
             last_modified = CASE WHEN ? THEN last_modified ELSE ? END,
             next_poll_at = CASE WHEN ? THEN next_poll_at ELSE ? END,
             url = COALESCE(?, url)
             WHERE id = ?`,
          )
          .run(
            report.at,
            report.at,
            report.newItems,
            keepTitle,
            title,
            keepEtag,
            etag,
            keepLm,
            lm,
            keepNext,
            next,
            report.movedTo ?? null,
            feedId,
          ).changes;
      } else {
        changes = this.statement(
            `UPDATE feeds SET last_polled_at = ?, last_error_at = ?, last_error_code = ?, last_error_message = ?,
             consecutive_failures = consecutive_failures + 1, last_new_items = 0,
             status = CASE WHEN ? THEN 'retired' ELSE status END,
             next_poll_at = CASE WHEN ? THEN next_poll_at ELSE ? END
             WHERE id = ?`,
          )
          .run(
            report.at,
            report.at,
            report.error.code,
            report.error.message,
            report.retired ? 1 : 0,
            report.nextPollAt === undefined ? 1 : 0,
            report.nextPollAt ?? null,
            feedId,
          ).changes;
      }
      if (changes === 0) {
        throw new PipelineError('store', false, `recordPoll: unknown feed "${feedId}" (register it with upsertFeed)`);
      }
    });
  }

  filterUnseen(feedId: string, items: SeenItem[]): Promise<SeenItem[]> {
    return this.run('filterUnseen', () => {
      const known = new Map<string, string>();
      const keys = [...new Set(items.map((i) => i.key))];
      for (const part of chunks(keys, SQLITE_PARAM_CHUNK)) {
        const rows = this.statement(`SELECT key, hash FROM seen_items WHERE feed_id = ? AND key IN (${part.map(() => '?').join(', ')})`)
          .all(feedId, ...part) as Row[];
        for (const r of rows) {
          known.set(String(r.key), String(r.hash));
        }
      }
      return unseenItems(items, known);
    });
  }

  markSeen(feedId: string, items: SeenItem[]): Promise<void> {
    return this.run('markSeen', () => {
      const at = this.now().toISOString();
      const stmt = this.statement(
        `INSERT INTO seen_items (feed_id, key, hash, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (feed_id, key) DO UPDATE SET hash = excluded.hash, seen_at = excluded.seen_at`,
      );
      this.db
        .transaction(() => {
          for (const i of items) {
            stmt.run(feedId, i.key, i.hash, at);
          }
        })
        .immediate();
    });
  }

  recordItemOutcome(o: ItemOutcome): Promise<void> {
    return this.recordItemOutcomes([o]);
  }

  recordItemOutcomes(outcomes: readonly ItemOutcome[]): Promise<void> {
    return this.run('recordItemOutcomes', () => {
      const add = this.statement(
        `INSERT INTO item_outcomes (feed_id, url, stage, status, reason, article_id, at, at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      this.db
        .transaction(() => {
          for (const o of outcomes) {
            add.run(o.feedId, o.url, o.stage, o.status, o.reason, o.articleId ?? null, o.at, Date.parse(o.at) || 0);
          }
        })
        .immediate();
    });
  }

  listItemOutcomes(
    opts: { since?: string; status?: ItemOutcome['status']; limit?: number; feedId?: string } = {},
  ): Promise<ItemOutcome[]> {
    return this.run('listItemOutcomes', () => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (opts.since) {
        where.push('at_ms >= ?');
        params.push(Date.parse(opts.since) || 0);
      }
      if (opts.status) {
        where.push('status = ?');
        params.push(opts.status);
      }
      if (opts.feedId) {
        where.push('feed_id = ?');
        params.push(opts.feedId);
      }
      const rows = this.statement(
          `SELECT * FROM item_outcomes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY at_ms DESC, seq DESC LIMIT ?`,
        )
        .all(...params, Math.max(1, Math.floor(opts.limit ?? 100))) as Row[];
      return rows.map(outcomeFromRow);
    });
  }

  countOutcomes(sinceMs: number, bucketMs: number): Promise<OutcomeBucket[]> {
    return this.run('countOutcomes', () => {
      const size = Math.max(1, Math.floor(bucketMs));
      const rows = this.statement(
        `SELECT (at_ms / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS at, feed_id, stage, status,
         CASE WHEN status = 'stored' AND reason IN (${WRITING_REASONS.map(() => '?').join(', ')}) THEN 1 ELSE 0 END AS changed,
         COUNT(*) AS n
         FROM item_outcomes WHERE at_ms >= ? GROUP BY 1, 2, 3, 4, 5`,
      ).all(size, size, ...WRITING_REASONS, Math.floor(sinceMs)) as Row[];
      return rows.map(outcomeBucketFromRow);
    });
  }

  storeLatencies(sinceMs: number, limit = 100_000): Promise<StoreLatency[]> {
    return this.run('storeLatencies', () => {
      const rows = this.statement(
        `SELECT o.at_ms, o.feed_id, a.published_at, a.stored_at FROM item_outcomes o JOIN articles a ON a.id = o.article_id
         WHERE o.at_ms >= ? AND o.stage = 'enrich' AND o.status = 'stored' AND o.reason = 'created' AND a.published_at IS NOT NULL
         ORDER BY o.at_ms DESC LIMIT ?`,
      ).all(Math.floor(sinceMs), Math.max(1, Math.floor(limit))) as Row[];
      return rows.map(latencyFromRow).filter((l): l is StoreLatency => l !== null);
    });
  }

  deleteOlderThan(days: number): Promise<number> {
    return this.run('deleteOlderThan', () => {
      if (!Number.isFinite(days) || days < 0) {
        throw new PipelineError('bad_payload', false, `retention days must be >= 0, got ${days}`);
      }
      const cutoff = this.now().getTime() - days * 86_400_000;
      return this.db
        .transaction(() => {
          const victims = this.statement('SELECT id, skey FROM articles WHERE skey < ? AND sort_at < ?')
            .all(sortKeyBase(cutoff) + SORT_KEY_SLOTS, cutoff) as Row[];
          const delFts = this.statement('DELETE FROM articles_fts WHERE rowid = ?');
          const delTopics = this.statement('DELETE FROM article_topics WHERE article_id = ?');
          const delEntities = this.statement('DELETE FROM article_entities WHERE article_id = ?');
          const delBands = this.statement('DELETE FROM article_band_keys WHERE skey = ?');
          const delArticle = this.statement('DELETE FROM articles WHERE id = ?');
          const delVersions = this.statement('DELETE FROM article_versions WHERE article_id = ?');
          for (const v of victims) {
            delVersions.run(v.id);
            delFts.run(v.skey);
            delTopics.run(v.id);
            delEntities.run(v.id);
            delBands.run(v.skey);
            delArticle.run(v.id);
          }
          this.statement('DELETE FROM item_outcomes WHERE at_ms < ?').run(cutoff);
          this.statement('DELETE FROM seen_items WHERE seen_at < ?').run(new Date(cutoff).toISOString());
          return victims.length;
        })
        .immediate();
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('stats', () => {
      const one = (sql: string): Row => this.statement(sql).get() as Row;
      // Every query here is answered from an index: stats must not stall the event loop on a large store.
      const keys = one('SELECT COUNT(*) AS n, MAX(skey) AS hi, MIN(skey) AS lo FROM articles');
      const updated = one('SELECT COUNT(*) AS n FROM articles WHERE version > 1');
      const secondOf = (k: unknown): number => Math.floor(Number(k) / SORT_KEY_SLOTS) * SORT_KEY_SLOTS;
      const a = {
        n: keys.n,
        updated: updated.n,
        newest:
          keys.hi === null
            ? null
            : (this.statement('SELECT MAX(sort_at) AS v FROM articles WHERE skey >= ?').get(secondOf(keys.hi)) as Row).v,
        oldest:
          keys.lo === null
            ? null
            : (
                this.statement('SELECT MIN(sort_at) AS v FROM articles WHERE skey < ?')
                  .get(secondOf(keys.lo) + SORT_KEY_SLOTS) as Row
              ).v,
      };
      const f = one(
        `SELECT COUNT(*) AS total, SUM(status = 'active') AS active, SUM(status = 'retired') AS retired,
         SUM(status = 'active' AND consecutive_failures > 0) AS failing FROM feeds`,
      );
      const outcomes: StoreStats['itemOutcomes'] = { stored: 0, skipped: 0, failed: 0, fallback: 0 };
      for (const r of this.statement('SELECT status, COUNT(*) AS n FROM item_outcomes GROUP BY status').all() as Row[]) {
        const s = String(r.status) as ItemOutcome['status'];
        if (s in outcomes) {
          outcomes[s] = Number(r.n);
        }
      }
      const pageCount = Number(this.db.pragma('page_count', { simple: true }));
      const pageSize = Number(this.db.pragma('page_size', { simple: true }));
      return {
        articles: Number(a.n),
        updatedArticles: Number(a.updated ?? 0),
        feeds: {
          total: Number(f.total),
          active: Number(f.active ?? 0),
          retired: Number(f.retired ?? 0),
          failing: Number(f.failing ?? 0),
        },
        seenItems: Number(one('SELECT COUNT(*) AS n FROM seen_items').n),
        itemOutcomes: outcomes,
        newestAt: a.newest === null ? null : new Date(Number(a.newest)).toISOString(),
        oldestAt: a.oldest === null ? null : new Date(Number(a.oldest)).toISOString(),
        sizeBytes: pageCount * pageSize,
      };
    });
  }

  ping(): Promise<void> {
    return this.run('ping', () => {
      this.statement('SELECT 1').get();
    });
  }

  /**
   * Moves WAL checkpoints to a background thread (see sqlite-checkpointer.ts): commits stop
   * checkpointing unless the thread stalls or stops.
   */
  startBackgroundCheckpoints(o: NonNullable<StoreOptions['backgroundCheckpoint']> = {}): void {
    if (this.checkpointer || this.closed || this.path === ':memory:') {
      return;
    }
    this.checkpointer = startCheckpointer(this.path, {
      intervalMs: o.intervalMs ?? 1000,
      onFailure: (err) => {
        if (!this.closed) {
          this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
        }
        o.onFailure?.(err);
      },
    });
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_BEHIND_THREAD}`);
  }

  /** What the background checkpointer has done, or null without one. */
  backgroundCheckpointStats(): CheckpointerStats | null {
    return this.checkpointer?.stats() ?? null;
  }

  releaseMemory(): void {
    if (!this.closed) {
      this.db.pragma('shrink_memory');
    }
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      // The thread's connection goes first: the last connection to close checkpoints the WAL away.
      await this.checkpointer?.close();
      this.db.close();
    }
  }
}

export async function openSqliteStore(path: string, opts: StoreOptions = {}): Promise<SqliteArticleStore> {
  const store = new SqliteArticleStore(sqlitePathOf(path), opts);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  if (opts.backgroundCheckpoint) {
    store.startBackgroundCheckpoints(opts.backgroundCheckpoint);
  }
  return store;
}
