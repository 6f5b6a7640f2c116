/**
 * PostgreSQL backend: a `pg` Pool, versioned migrations inside a schema
 * (default `public`), full text with a tsvector column + GIN index.
 * Same semantics as the SQLite backend (see sqlite-article-store.ts): ordering
 * and since/until on the sort time (publishedAt at first store, else storedAt).
 */
import pg from 'pg';
import type { PoolClient } from 'pg';
import { PipelineError } from '../errors.js';
import type { FullArticleStore } from './article-store.js';
import {
  encodeCategories,
  encodeCursor,
  foldDiacritics,
  entityRowsOf,
  langKey,
  normaliseQuery,
  nextSortKey,
  existingFromRow,
  recordFromRow,
  planUpsert,
  SORT_KEY_SLOTS,
  sortKeyBase,
  queryTerms,
  sortTimeOf,
  topicCodesOf,
  feedFromRow,
  outcomeFromRow,
  str,
  toStoreError,
  type NormalisedQuery,
  type Row,
  unseenItems,
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

import { POSTGRES_ACCESS_MIGRATION, PostgresAccessStore } from './postgres-access-store.js';

type Migration = { version: number; name: string; sql: string };

/** Text search configuration: no stemming, like the SQLite FTS5 unicode61 tokenizer. */
const TS_CONFIG = 'simple';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, feeds, seen items, outcomes',
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        canonical_url TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        published_at TEXT,
        sort_at BIGINT NOT NULL,
        stored_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        language TEXT,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        cluster_id TEXT NOT NULL,
        signature TEXT,
        record TEXT NOT NULL,
        tsv TSVECTOR NOT NULL
      );
      CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);
      CREATE INDEX articles_feed_sort ON articles (feed_id, sort_at DESC, id DESC);
      CREATE INDEX articles_lang_sort ON articles (language, sort_at DESC, id DESC);
      CREATE INDEX articles_canonical ON articles (canonical_url);
      CREATE INDEX articles_cluster ON articles (cluster_id);
      CREATE INDEX articles_tsv ON articles USING GIN (tsv);

      CREATE TABLE article_topics (
        code TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        sort_at BIGINT NOT NULL,
        PRIMARY KEY (code, article_id)
      );
      CREATE INDEX article_topics_code_sort ON article_topics (code, sort_at DESC, article_id DESC);
      CREATE INDEX article_topics_article ON article_topics (article_id);

      CREATE TABLE article_entities (
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        sort_at BIGINT NOT NULL,
        PRIMARY KEY (key, kind, article_id)
      );
      CREATE INDEX article_entities_article ON article_entities (article_id);

      CREATE TABLE article_bands (
        band TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
      );
      CREATE INDEX article_bands_article ON article_bands (article_id);

      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        title TEXT,
        interval_ms BIGINT,
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
      );

      CREATE TABLE item_outcomes (
        seq BIGSERIAL PRIMARY KEY,
        feed_id TEXT NOT NULL,
        url TEXT NOT NULL,
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT,
        article_id TEXT,
        at TEXT NOT NULL,
        at_ms BIGINT NOT NULL
      );
      CREATE INDEX item_outcomes_at ON item_outcomes (at_ms DESC);
      CREATE INDEX item_outcomes_status_at ON item_outcomes (status, at_ms DESC);
    `,
  },
  {
    version: 2,
    name: 'unique integer sort key',
    sql: `
      ALTER TABLE articles ADD COLUMN skey BIGINT;
      UPDATE articles SET skey = k.skey FROM (
        SELECT id, sec * ${SORT_KEY_SLOTS} + row_number() OVER (PARTITION BY sec ORDER BY sort_at, seq) - 1 AS skey
        FROM (SELECT id, sort_at, seq, LEAST(GREATEST(floor(sort_at / 1000.0), -8589934591), 8589934591)::bigint AS sec
              FROM articles) s
      ) k WHERE articles.id = k.id;
      ALTER TABLE articles ALTER COLUMN skey SET NOT NULL;
      CREATE UNIQUE INDEX articles_skey ON articles (skey);
      CREATE INDEX articles_feed_skey ON articles (feed_id, skey);
      CREATE INDEX articles_lang_skey ON articles (language, skey);
      DROP INDEX articles_sort;
      DROP INDEX articles_feed_sort;
      DROP INDEX articles_lang_sort;
    `,
  },
  {
    version: 3,
    name: 'sort key on topic and entity rows, for filter-driven pages',
    sql: `
      ALTER TABLE article_topics ADD COLUMN skey BIGINT;
      ALTER TABLE article_entities ADD COLUMN skey BIGINT;
      UPDATE article_topics t SET skey = a.skey FROM articles a WHERE a.id = t.article_id;
      UPDATE article_entities e SET skey = a.skey FROM articles a WHERE a.id = e.article_id;
      DROP INDEX article_topics_code_sort;
      CREATE INDEX article_topics_code_skey ON article_topics (code, skey);
      CREATE INDEX article_entities_key_skey ON article_entities (key, skey);
    `,
  },
  {
    version: 4,
    name: 'narrow article heap (records toasted out of line); covering filter probes',
    sql: `
      ALTER TABLE articles SET (toast_tuple_target = 128);
      CREATE INDEX article_topics_article_code ON article_topics (article_id, code);
      DROP INDEX article_topics_article;
      CREATE INDEX article_entities_article_key ON article_entities (article_id, key);
      DROP INDEX article_entities_article;
    `,
  },
  {
    version: 5,
    name: 'index of updated articles (stats without a table scan)',
    sql: 'CREATE INDEX articles_updated ON articles (skey) WHERE version > 1;',
  },
  {
    version: 6,
    name: 'feed on topic rows: (topic, feed, sort key) index for topic + feed pages',
    sql: `
      ALTER TABLE article_topics ADD COLUMN feed_id TEXT;
      UPDATE article_topics t SET feed_id = a.feed_id FROM articles a WHERE a.id = t.article_id;
      ALTER TABLE article_topics ALTER COLUMN feed_id SET NOT NULL;
      CREATE INDEX article_topics_code_feed_skey ON article_topics (code, feed_id, skey);
    `,
  },
  {
    version: 7,
    name: 'sort key on band rows: (band, sort key) key, so a lookup reads only the newest rows of a common band',
    sql: `
      ALTER TABLE article_bands ADD COLUMN skey BIGINT;
      UPDATE article_bands b SET skey = a.skey FROM articles a WHERE a.id = b.article_id;
      ALTER TABLE article_bands ALTER COLUMN skey SET NOT NULL;
      ALTER TABLE article_bands DROP CONSTRAINT article_bands_pkey;
      ALTER TABLE article_bands ADD PRIMARY KEY (band, skey);
    `,
  },
  {
    version: 8,
    name: 'summary view stored beside the record (list pages without the body)',
    // Rows stored before keep a null summary: pages derive it from their record.
    sql: 'ALTER TABLE articles ADD COLUMN summary TEXT;',
  },
  {
    version: 9,
    name: 'feed categories (desks)',
    sql: "ALTER TABLE feeds ADD COLUMN categories TEXT NOT NULL DEFAULT '';",
  },
  {
    version: 10,
    name: 'API keys, webhook subscriptions and their delivery log',
    sql: POSTGRES_ACCESS_MIGRATION,
  },
  {
    version: 11,
    name: 'earlier versions of articles; substantive flag of the current one',
    // The current version stays in articles.record: an update files the one it replaces here.
    sql: `
      ALTER TABLE articles ADD COLUMN substantive BOOLEAN;
      CREATE TABLE article_versions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        at TEXT NOT NULL,
        at_ms BIGINT NOT NULL,
        substantive BOOLEAN,
        title TEXT NOT NULL,
        text_length INTEGER NOT NULL,
        word_count INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, n)
      );
    `,
  },
  {
    version: 12,
    name: 'WebSub subscriptions',
    sql: WEBSUB_SUBSCRIPTIONS_TABLE,
  },
  {
    version: 13,
    name: 'language on topic and entity rows, and a (language, sort key) index on its primary subtag: bounded topic + language and entity pages',
    sql: `
      ALTER TABLE article_topics ADD COLUMN lang TEXT;
      ALTER TABLE article_entities ADD COLUMN lang TEXT;
      UPDATE article_topics t SET lang = split_part(a.language, '-', 1) FROM articles a WHERE a.id = t.article_id AND a.language IS NOT NULL;
      UPDATE article_entities e SET lang = split_part(a.language, '-', 1) FROM articles a WHERE a.id = e.article_id AND a.language IS NOT NULL;
      CREATE INDEX article_topics_code_lang_skey ON article_topics (code, lang, skey);
      CREATE INDEX article_entities_key_lang_skey ON article_entities (key, lang, skey);
      CREATE INDEX articles_lang_base_skey ON articles ((split_part(language, '-', 1)), skey);
    `,
  },
];

/**
 * The primary subtag of a stored language (`en` for `en-us`), kept on topic and
 * entity rows: a `lang` filter without a subtag matches exactly the rows whose
 * primary subtag it is.
 */
const langBaseOf = (language: string | null): string | null => langKey(language)?.split('-')[0] ?? null;

/**
 * First key of the advisory locks an upsert that assigns a cluster takes, one
 * per band key (the second key is the band's hashtext): a key space of its own,
 * apart from the single-key locks of sort-key slots and migrations.
 */
const BAND_LOCK_CLASS = 0x7e1e;

/** A topic or entity filter matching fewer articles than this drives the page from its own index. */
export const DRIVE_THRESHOLD = 2000;

/** How many of the newest articles a text query walks before falling back to the GIN index. */
export const TEXT_PROBE_ROWS = 250;

/**
 * How many of an entity's newest rows an entity + topic page checks one by one
 * before it joins the two sets instead (see `entityPageRows`).
 */
export const ENTITY_PROBE_ROWS = 400;

/** Item outcomes per INSERT statement (8 parameters each, under PostgreSQL's 65,535). */
const OUTCOME_ROWS = 1000;

const storeError = (err: unknown, what: string): PipelineError => toStoreError('postgres', err, what);

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * since/until and the cursor as conditions on `t` (a table with skey and sort_at):
 * a sort-key range (whole seconds, uses the index) narrowed to the exact milliseconds.
 */
function rangeConditions(t: string, n: NormalisedQuery, p: Params): string[] {
  const range: string[] = [];
  if (n.sinceMs !== null) {
    range.push(`${t}.skey >= ${p.add(sortKeyBase(n.sinceMs))}`, `${t}.sort_at >= ${p.add(n.sinceMs)}`);
  }
  if (n.untilMs !== null) {
    range.push(`${t}.skey < ${p.add(sortKeyBase(n.untilMs) + SORT_KEY_SLOTS)}`, `${t}.sort_at < ${p.add(n.untilMs)}`);
  }
  if (n.cursor !== null) {
    range.push(`${t}.skey < ${p.add(n.cursor.key)}`);
  }
  return range;
}

/** The article tables whose indexes and constraints `deferIndexes` drops for a bulk load. */
const DEFERRABLE_TABLES = ['articles', 'article_topics', 'article_entities', 'article_bands'];

/** A bulk upsert lost an insert race to a concurrent writer: its transaction is run again. */
class RaceLost extends Error {}

/** Builds `$n` placeholders while collecting their values. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export class PostgresArticleStore implements FullArticleStore {
  readonly kind = 'postgres' as const;
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly now: () => Date;
  private readonly topicExpander: ((code: string) => string[]) | undefined;
  private readonly driveThreshold: number;
  private readonly textProbeRows: number;
  private readonly entityProbeRows: number;
  private readonly versions: VersionRetention | undefined;
  private closed = false;
  readonly access: PostgresAccessStore;

  constructor(databaseUrl: string, opts: StoreOptions = {}) {
    const schema = opts.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) {
      throw new PipelineError('config', false, `invalid PostgreSQL schema name "${schema}"`);
    }
    this.schema = schema;
    // Pages are index walks over a working set that lives in memory: price random
    // reads like sequential ones (random_page_cost 1.1, the usual SSD setting), or the
    // planner walks the whole sort key instead of a narrower (feed, sort key) index.
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      options: `-c search_path=${schema} -c random_page_cost=1.1`,
      max: 10,
    });
    // Idle clients that lose their server emit here; the next query reports the problem.
    this.pool.on('error', () => undefined);
    this.now = opts.now ?? (() => new Date());
    this.topicExpander = opts.topicExpander;
    this.driveThreshold = opts.driveThreshold ?? DRIVE_THRESHOLD;
    this.textProbeRows = Math.max(1, Math.floor(opts.textProbeRows ?? TEXT_PROBE_ROWS));
    this.entityProbeRows = Math.max(1, Math.floor(opts.entityProbeRows ?? ENTITY_PROBE_ROWS));
    this.access = new PostgresAccessStore(this.pool, (what, fn) => this.run(what, fn), (fn) => this.tx(fn));
    this.versions = opts.versions;
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) {
      throw new PipelineError('store', false, 'store is closed');
    }
    try {
      return await fn();
    } catch (err) {
      throw storeError(err, what);
    }
  }

  private async tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client whose server goes away emits 'error': without a listener
    // that would crash the process. Note it, let the query fail, and discard the client.
    let lost: Error | undefined;
    const onError = (err: Error): void => {
      lost = err;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  }

  private async rows(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, values)).rows as Row[];
  }

  /** The first row `sql` returns, through `map`; null when there is none. */
  private async one<T>(sql: string, values: unknown[], map: (row: Row) => T): Promise<T | null> {
    const row = (await this.rows(sql, values))[0];
    return row ? map(row) : null;
  }

  /** Runs pending migrations, up to `target` (all by default; a lower target is for upgrade tests). */
  migrate(target = Number.POSITIVE_INFINITY): Promise<void> {
    return this.run('migrate', () =>
      this.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`telex-migrate:${this.schema}`]);
        await c.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
        await c.query(`SET LOCAL search_path TO "${this.schema}"`);
        await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        const done = new Set(
          ((await c.query('SELECT version FROM schema_migrations')).rows as Row[]).map((r) => Number(r.version)),
        );
        for (const m of POSTGRES_MIGRATIONS.filter((x) => x.version <= target)) {
          if (done.has(m.version)) {
            continue;
          }
          await c.query(m.sql);
          await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            this.now().toISOString(),
          ]);
        }
      }),
    );
  }

  upsertArticle(record: ArticleRecord, opts: UpsertOptions = {}): Promise<UpsertResult> {
    return this.run('upsertArticle', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const result = await this.tx(async (c) => {
          await this.lockBands(c, [opts]);
          return this.upsertOnce(c, record, opts);
        });
        if (result) {
          return result;
        }
      }
      throw new PipelineError('store', true, `upsert of ${record.id} kept racing with concurrent writers`);
    });
  }

  /**
   * Serialises upserts that choose a cluster and share a band key: a
   * transaction-scoped advisory lock per band key of every such item, taken in
   * one statement in key order (so two writers never wait on each other in a
   * circle), before any sort-key lock. A writer that gets them runs its
   * similarity lookup after every earlier holder committed (READ COMMITTED: each
   * statement sees what committed before it began), and a later writer sharing a
   * key waits for this commit. See docs/clustering.md.
   */
  private async lockBands(c: PoolClient, items: ReadonlyArray<UpsertOptions>): Promise<void> {
    const bands = new Set<string>();
    for (const item of items) {
      if (item.assignCluster && item.fingerprint) {
        for (const b of item.fingerprint.bands) {
          bands.add(b);
        }
      }
    }
    if (bands.size === 0) {
      return;
    }
    await c.query(
      `SELECT pg_advisory_xact_lock(${BAND_LOCK_CLASS}, h) FROM (SELECT DISTINCT hashtext(b) AS h
       FROM unnest($1::text[]) AS b ORDER BY 1) s`,
      [[...bands]],
    );
  }

  upsertArticles(
    items: ReadonlyArray<{ record: ArticleRecord } & UpsertOptions>,
  ): Promise<UpsertResult[]> {
    return this.run('upsertArticles', async () => {
      if (items.length === 0) {
        return [];
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return await this.tx(async (c) => {
            await this.lockBands(c, items);
            const now = this.now();
            // Take every publication second's slot lock up front, in one order, so that
            // concurrent batches queue behind each other instead of deadlocking.
            const bases = [...new Set(items.map((i) => sortKeyBase(sortTimeOf(i.record, now.getTime()))))];
            await c.query(
              `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext('telex-skey:' || b) AS h
               FROM unnest($1::text[]) AS b ORDER BY 1) s`,
              [bases.map(String)],
            );
            const out: UpsertResult[] = [];
            for (const item of items) {
              const result = await this.upsertOnce(c, item.record, item, now);
              if (!result) {
                throw new RaceLost();
              }
              out.push(result);
            }
            return out;
          });
        } catch (err) {
          // A concurrent writer inserted one of the ids first, or two batches touching
          // the same rows deadlocked: the transaction was rolled back, run it again.
          if (!(err instanceof RaceLost) && (err as { code?: string })?.code !== '40P01') {
            throw err;
          }
        }
      }
      throw new PipelineError('store', true, `bulk upsert of ${items.length} articles kept racing with concurrent writers`);
    });
  }

  /**
   * Bulk load (a migration from another store, a benchmark's data set): the
   * same rows `upsertArticles` writes, but new articles go in with a handful of
   * set-based INSERTs per call (one per table) instead of several statements
   * per article. Articles already stored take the upsert path, in the same
   * transaction. No cluster is chosen: each record keeps its clusterId (its
   * fingerprint's band keys are stored, so later upserts find it).
   */
  importArticles(items: ReadonlyArray<{ record: ArticleRecord } & Pick<UpsertOptions, 'fingerprint'>>): Promise<{ created: number }> {
    return this.run('importArticles', async () => {
      const byId = new Map(items.map((i) => [i.record.id, i]));
      if (byId.size === 0) {
        return { created: 0 };
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return await this.tx(async (c) => {
            // A lost import is run again from its source: the commit need not wait for the disk.
            await c.query('SET LOCAL synchronous_commit = off');
            return this.importOnce(c, [...byId.values()]);
          });
        } catch (err) {
          if (!(err instanceof RaceLost) && (err as { code?: string })?.code !== '40P01') {
            throw err;
          }
        }
      }
      throw new PipelineError('store', true, `import of ${byId.size} articles kept racing with concurrent writers`);
    });
  }

  /**
   * Before a large `importArticles` load into a store nobody reads yet: drops the
   * article tables' indexes and constraints except the two the import itself
   * needs (the article id's primary key and the unique sort key), recording
   * their definitions in `deferred_indexes`, so that rows go in without index
   * maintenance (the text index above all) and foreign-key probes. Returns how
   * many were dropped (0 when an earlier call's are still deferred).
   * `rebuildDeferredIndexes` builds them again, each in one sorted pass.
   */
  deferIndexes(): Promise<number> {
    return this.run('deferIndexes', () =>
      this.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`telex-migrate:${this.schema}`]);
        await c.query(`CREATE TABLE IF NOT EXISTS deferred_indexes (
          n SERIAL PRIMARY KEY, table_name TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, definition TEXT NOT NULL)`);
        if (Number(((await c.query('SELECT COUNT(*) AS n FROM deferred_indexes')).rows[0] as Row).n) > 0) {
          return 0;
        }
        // Constraints first (primary keys and unique ones own an index; foreign keys
        // before the keys they depend on), then the plain indexes.
        const constraints = (
          await c.query(
            `SELECT t.relname AS table_name, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition
             FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace
             WHERE s.nspname = current_schema() AND t.relname = ANY($1::text[]) AND k.contype IN ('p', 'u', 'f')
               AND k.conname NOT IN ('articles_pkey')
             ORDER BY CASE k.contype WHEN 'f' THEN 0 ELSE 1 END, k.conname`,
            [DEFERRABLE_TABLES],
          )
        ).rows as Row[];
        const indexes = (
          await c.query(
            `SELECT i.tablename AS table_name, i.indexname AS name, 'i' AS kind, i.indexdef AS definition
             FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
               AND i.indexname NOT IN ('articles_pkey', 'articles_skey')
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))
             ORDER BY i.indexname`,
            [DEFERRABLE_TABLES],
          )
        ).rows as Row[];
        for (const r of [...constraints, ...indexes]) {
          await c.query('INSERT INTO deferred_indexes (table_name, name, kind, definition) VALUES ($1, $2, $3, $4)', [r.table_name, r.name, r.kind, r.definition]);
          await c.query(r.kind === 'i' ? `DROP INDEX "${String(r.name)}"` : `ALTER TABLE "${String(r.table_name)}" DROP CONSTRAINT "${String(r.name)}"`);
        }
        return constraints.length + indexes.length;
      }),
    );
  }

  /**
   * Builds what `deferIndexes` dropped, one at a time (keys and unique
   * constraints, then indexes, then foreign keys, which each check every row in
   * one join), with `maintenanceMemoryMb` of sort memory per build. `onBuilt` is
   * told each one's name and seconds. Safe to call again after a stop.
   */
  rebuildDeferredIndexes(opts: { maintenanceMemoryMb?: number; onBuilt?: (name: string, seconds: number) => void } = {}): Promise<number> {
    return this.run('rebuildDeferredIndexes', async () => {
      const exists = (await this.rows("SELECT to_regclass('deferred_indexes') AS t"))[0]?.t;
      if (!exists) {
        return 0;
      }
      const order = (kind: string): number => (kind === 'p' || kind === 'u' ? 0 : kind === 'i' ? 1 : 2);
      const pending = (await this.rows('SELECT n, table_name, name, kind, definition FROM deferred_indexes ORDER BY n')).sort(
        (a, b) => order(String(a.kind)) - order(String(b.kind)) || Number(a.n) - Number(b.n),
      );
      const memory = `${Math.max(64, Math.floor(opts.maintenanceMemoryMb ?? 512))}MB`;
      for (const r of pending) {
        const t0 = Date.now();
        // One transaction a build: the definition leaves deferred_indexes only with its index built.
        await this.tx(async (c) => {
          await c.query(`SET LOCAL maintenance_work_mem = '${memory}'`);
          await c.query(
            r.kind === 'i' ? String(r.definition) : `ALTER TABLE "${String(r.table_name)}" ADD CONSTRAINT "${String(r.name)}" ${String(r.definition)}`,
          );
          await c.query('DELETE FROM deferred_indexes WHERE n = $1', [r.n]);
        });
        opts.onBuilt?.(String(r.name), (Date.now() - t0) / 1000);
      }
      await this.pool.query('DROP TABLE IF EXISTS deferred_indexes');
      return pending.length;
    });
  }

  private async importOnce(
    c: PoolClient,
    items: ReadonlyArray<{ record: ArticleRecord } & Pick<UpsertOptions, 'fingerprint'>>,
  ): Promise<{ created: number }> {
    const now = this.now();
    const nowIso = now.toISOString();
    const placed = items.map((i) => ({ ...i, sortAt: sortTimeOf(i.record, now.getTime()) }));
    const bases = [...new Set(placed.map((i) => sortKeyBase(i.sortAt)))];
    await c.query(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext('telex-skey:' || b) AS h
       FROM unnest($1::text[]) AS b ORDER BY 1) s`,
      [bases.map(String)],
    );
    const stored = new Set(
      ((await c.query('SELECT id FROM articles WHERE id = ANY($1::text[])', [placed.map((i) => i.record.id)])).rows as Row[]).map((r) => String(r.id)),
    );
    for (const item of placed.filter((i) => stored.has(i.record.id))) {
      if (!(await this.upsertOnce(c, item.record, item, now))) {
        throw new RaceLost();
      }
    }
    const fresh = placed.filter((i) => !stored.has(i.record.id));
    if (fresh.length === 0) {
      return { created: 0 };
    }
    const highest = new Map<number, number | null>();
    for (const r of (
      await c.query(
        `SELECT b, (SELECT MAX(skey) FROM articles WHERE skey >= b AND skey < b + ${SORT_KEY_SLOTS}) AS m FROM unnest($1::bigint[]) AS b`,
        [bases],
      )
    ).rows as Row[]) {
      highest.set(Number(r.b), highestKey(r));
    }
    const cols = {
      id: [] as string[], url: [] as string[], feed: [] as string[], published: [] as Array<string | null>, sortAt: [] as number[],
      lang: [] as Array<string | null>, hash: [] as string[], cluster: [] as string[], signature: [] as Array<string | null>,
      record: [] as string[], title: [] as string[], text: [] as string[], summary: [] as string[], skey: [] as number[],
    };
    const topics = { code: [] as string[], id: [] as string[], sortAt: [] as number[], skey: [] as number[], feed: [] as string[], lang: [] as Array<string | null> };
    const entities = { key: [] as string[], kind: [] as string[], id: [] as string[], sortAt: [] as number[], skey: [] as number[], lang: [] as Array<string | null> };
    const bands = { band: [] as string[], id: [] as string[], skey: [] as number[] };
    for (const item of fresh) {
      const r = planUpsert(null, item.record, nowIso).record;
      const base = sortKeyBase(item.sortAt);
      const skey = nextSortKey(base, highest.get(base) ?? null);
      highest.set(base, skey);
      cols.id.push(r.id);
      cols.url.push(r.canonicalUrl);
      cols.feed.push(r.feed.id);
      cols.published.push(r.publishedAt);
      cols.sortAt.push(item.sortAt);
      cols.lang.push(langKey(r.language));
      cols.hash.push(r.contentHash);
      cols.cluster.push(r.clusterId);
      cols.signature.push(item.fingerprint ? JSON.stringify(item.fingerprint.signature) : null);
      cols.record.push(JSON.stringify(r));
      cols.title.push(foldDiacritics(r.title));
      cols.text.push(foldDiacritics(r.text));
      cols.summary.push(JSON.stringify(summaryOf(r)));
      cols.skey.push(skey);
      for (const code of topicCodesOf(r)) {
        topics.code.push(code);
        topics.id.push(r.id);
        topics.sortAt.push(item.sortAt);
        topics.skey.push(skey);
        topics.feed.push(r.feed.id);
        topics.lang.push(langBaseOf(r.language));
      }
      for (const e of entityRowsOf(r)) {
        entities.key.push(e.key);
        entities.kind.push(e.kind);
        entities.id.push(r.id);
        entities.sortAt.push(item.sortAt);
        entities.skey.push(skey);
        entities.lang.push(langBaseOf(r.language));
      }
      for (const band of new Set(item.fingerprint?.bands ?? [])) {
        bands.band.push(band);
        bands.id.push(r.id);
        bands.skey.push(skey);
      }
    }
    const inserted = await c.query(
      `INSERT INTO articles (id, canonical_url, feed_id, published_at, sort_at, stored_at, updated_at, language,
       content_hash, version, cluster_id, signature, record, tsv, summary, skey)
       SELECT u.id, u.url, u.feed, u.published, u.sort_at, $15, $15, u.lang, u.hash, 1, u.cluster, u.signature, u.record,
         setweight(to_tsvector('${TS_CONFIG}', u.title), 'A') || setweight(to_tsvector('${TS_CONFIG}', u.body), 'B'), u.summary, u.skey
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[])
         AS u (id, url, feed, published, sort_at, lang, hash, cluster, signature, record, title, body, summary, skey)
       ON CONFLICT (id) DO NOTHING`,
      [
        cols.id, cols.url, cols.feed, cols.published, cols.sortAt, cols.lang, cols.hash, cols.cluster, cols.signature,
        cols.record, cols.title, cols.text, cols.summary, cols.skey, nowIso,
      ],
    );
    if ((inserted.rowCount ?? 0) < fresh.length) {
      // A concurrent writer stored one of them first: run the transaction again.
      throw new RaceLost();
    }
    if (topics.code.length > 0) {
      await c.query(
        `INSERT INTO article_topics (code, article_id, sort_at, skey, feed_id, lang)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[])`,
        [topics.code, topics.id, topics.sortAt, topics.skey, topics.feed, topics.lang],
      );
    }
    if (entities.key.length > 0) {
      await c.query(
        `INSERT INTO article_entities (key, kind, article_id, sort_at, skey, lang)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[])`,
        [entities.key, entities.kind, entities.id, entities.sortAt, entities.skey, entities.lang],
      );
    }
    if (bands.band.length > 0) {
      await c.query('INSERT INTO article_bands (band, article_id, skey) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [
        bands.band,
        bands.id,
        bands.skey,
      ]);
    }
    return { created: fresh.length };
  }

  /** One attempt; null when a concurrent insert of the same id won the race (retry). */
  private async upsertOnce(
    c: PoolClient,
    record: ArticleRecord,
    { fingerprint, assignCluster }: UpsertOptions,
    batchNow?: Date,
  ): Promise<UpsertResult | null> {
    const row = (
      await c.query('SELECT record, content_hash, version, sort_at, skey, substantive FROM articles WHERE id = $1 FOR UPDATE', [record.id])
    ).rows[0] as Row | undefined;
    const existing = existingFromRow(row);
    const now = batchNow ?? this.now();
    const plan = planUpsert(existing, record, now.toISOString());
    if (plan.outcome === 'unchanged') {
      return plan;
    }
    if (existing) {
      await this.keepVersion(c, existing, now.getTime());
    }
    if (fingerprint && assignCluster) {
      // Under the band locks (lockBands): every similar article written before is visible.
      plan.record = applyCluster(plan.record, assignCluster(await this.similar(c, fingerprint.bands, SIMILAR_LIMIT)));
    }
    const r = plan.record;
    const { sortAt, skey: kept, base } = sortPlacement(row, r, now.getTime());
    let skey = kept;
    if (skey === null) {
      // One writer at a time per publication second hands out its slots.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`telex-skey:${base}`]);
      const hi = (await c.query('SELECT MAX(skey) AS m FROM articles WHERE skey >= $1 AND skey < $2', [base, base + SORT_KEY_SLOTS]))
        .rows[0] as Row | undefined;
      skey = nextSortKey(base, highestKey(hi));
    }
    const values = [
      r.id,
      r.canonicalUrl,
      r.feed.id,
      r.publishedAt,
      sortAt,
      r.storedAt ?? now.toISOString(),
      r.updatedAt ?? now.toISOString(),
      langKey(r.language),
      r.contentHash,
      r.version,
      r.clusterId,
      fingerprint ? JSON.stringify(fingerprint.signature) : null,
      JSON.stringify(r),
      foldDiacritics(r.title),
      foldDiacritics(r.text),
      JSON.stringify(summaryOf(r)),
      plan.substantive,
    ];
    const tsv = (t: string, x: string): string =>
      `setweight(to_tsvector('${TS_CONFIG}', ${t}), 'A') || setweight(to_tsvector('${TS_CONFIG}', ${x}), 'B')`;
    if (row) {
      // sort_at and stored_at never change after the first store.
      await c.query(
        `UPDATE articles SET canonical_url = $2, feed_id = $3, published_at = $4, updated_at = $5, language = $6,
         content_hash = $7, version = $8, cluster_id = $9, signature = COALESCE($10, signature), record = $11,
         tsv = ${tsv('$12', '$13')}, summary = $14, substantive = $15
         WHERE id = $1`,
        [values[0], values[1], values[2], values[3], ...values.slice(6)],
      );
      await c.query('DELETE FROM article_topics WHERE article_id = $1', [r.id]);
      await c.query('DELETE FROM article_entities WHERE article_id = $1', [r.id]);
    } else {
      const inserted = await c.query(
        `INSERT INTO articles (id, canonical_url, feed_id, published_at, sort_at, stored_at, updated_at, language,
         content_hash, version, cluster_id, signature, record, tsv, summary, substantive, skey)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, ${tsv('$14', '$15')}, $16, $17, $18)
         ON CONFLICT (id) DO NOTHING`,
        [...values, skey],
      );
      if (inserted.rowCount === 0) {
        return null;
      }
    }
    const codes = topicCodesOf(r);
    if (codes.length > 0) {
      await c.query(
        'INSERT INTO article_topics (code, article_id, sort_at, skey, feed_id, lang) SELECT unnest($1::text[]), $2, $3, $4, $5, $6',
        [codes, r.id, sortAt, skey, r.feed.id, langBaseOf(r.language)],
      );
    }
    const entities = entityRowsOf(r);
    if (entities.length > 0) {
      await c.query(
        `INSERT INTO article_entities (key, kind, article_id, sort_at, skey, lang)
         SELECT unnest($1::text[]), unnest($2::text[]), $3, $4, $5, $6`,
        [entities.map((e) => e.key), entities.map((e) => e.kind), r.id, sortAt, skey, langBaseOf(r.language)],
      );
    }
    if (fingerprint) {
      await c.query('DELETE FROM article_bands WHERE article_id = $1', [r.id]);
      const bands = [...new Set(fingerprint.bands)];
      if (bands.length > 0) {
        await c.query('INSERT INTO article_bands (band, article_id, skey) SELECT unnest($1::text[]), $2, $3', [bands, r.id, skey]);
      }
    }
    return plan;
  }

  /**
   * Files the version an update replaces, inside the upsert's transaction (the
   * article's row is locked), then drops its versions beyond the retention bound.
   */
  private async keepVersion(c: PoolClient, existing: ExistingArticle, nowMs: number): Promise<void> {
    const { keep, keptSinceMs } = versionBounds(this.versions, nowMs);
    const id = existing.record.id;
    if (keep > 1) {
      const v = versionRowOf(existing);
      await c.query(
        `INSERT INTO article_versions (article_id, n, at, at_ms, substantive, title, text_length, word_count, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (article_id, n) DO UPDATE SET at = excluded.at, at_ms = excluded.at_ms, substantive = excluded.substantive,
         title = excluded.title, text_length = excluded.text_length, word_count = excluded.word_count, data = excluded.data`,
        [id, v.n, v.at, v.atMs, v.substantive, v.title, v.textLength, v.wordCount, v.data],
      );
    }
    // The new version is existing.version + 1: keep the keep - 1 before it.
    await c.query('DELETE FROM article_versions WHERE article_id = $1 AND (n <= $2 OR at_ms < $3)', [
      id,
      existing.version + 1 - keep,
      keptSinceMs,
    ]);
  }

  listVersions(id: string): Promise<ArticleVersionSummary[] | null> {
    return this.run('listVersions', async () => {
      const row = (await this.rows('SELECT record, substantive FROM articles WHERE id = $1', [id]))[0];
      if (!row) {
        return null;
      }
      const record = recordFromRow(row);
      const earlier = await this.rows(
        'SELECT n, at, substantive, title, text_length, word_count FROM article_versions WHERE article_id = $1 AND n < $2 ORDER BY n',
        [id, record.version],
      );
      return [...earlier.map(versionSummaryFromRow), versionSummaryOf(currentVersionOf(record, row.substantive), record.wordCount)];
    });
  }

  getVersion(id: string, n: number): Promise<ArticleVersion | null> {
    return this.run('getVersion', async () => {
      const row = (await this.rows('SELECT record, substantive, version FROM articles WHERE id = $1', [id]))[0];
      if (!row) {
        return null;
      }
      if (Number(row.version) === n) {
        return currentVersionOf(recordFromRow(row), row.substantive);
      }
      return this.one('SELECT * FROM article_versions WHERE article_id = $1 AND n = $2', [id, n], versionFromRow);
    });
  }

  findSimilar(bands: string[], limit = SIMILAR_LIMIT): Promise<SimilarArticle[]> {
    return this.run('findSimilar', () => this.similar(this.pool, bands, limit));
  }

  /** Articles sharing band keys with `bands`, most shared first; each key contributes its SIMILAR_PER_BAND newest rows. */
  private async similar(c: Pick<PoolClient, 'query'>, bands: string[], limit: number): Promise<SimilarArticle[]> {
    const unique = [...new Set(bands)];
    if (unique.length === 0) {
      return [];
    }
    const rows = (
      await c.query(
        `SELECT a.id, a.cluster_id, a.signature, s.shared
         FROM (SELECT b.skey, COUNT(*) AS shared FROM unnest($1::text[]) AS k (band)
               CROSS JOIN LATERAL (SELECT x.skey FROM article_bands x WHERE x.band = k.band ORDER BY x.skey DESC LIMIT $3) b
               GROUP BY b.skey ORDER BY shared DESC, b.skey DESC LIMIT $2) s
         JOIN articles a ON a.skey = s.skey
         ORDER BY s.shared DESC, s.skey DESC`,
        [unique, Math.max(1, Math.floor(limit)), SIMILAR_PER_BAND],
      )
    ).rows as Row[];
    return rows.map(similarFromRow);
  }

  getArticle(id: string): Promise<ArticleRecord | null> {
    return this.run('getArticle', () => this.one('SELECT record FROM articles WHERE id = $1', [id], recordFromRow));
  }

  /**
   * Page plan. A topic filter with at most a feed, a language (without a
   * subtag) and a time range besides reads its keys from the topic rows' own
   * indexes (`topicPageRows`). Otherwise, without a text query, a topic or
   * entity filter matching fewer than DRIVE_THRESHOLD articles drives the page
   * from its own (value, sort key) index; failing that, an entity filter walks
   * the entity rows (`entityPageRows`); otherwise the articles are walked newest
   * first, along the (language, sort key) index when the language is the rare
   * part (for a text query, see `textRows`). See docs/scale.md.
   */
  listArticles(query: ArticleQuery): Promise<ArticlePage> {
    return this.run('listArticles', () => this.page(query, viewColumns('full'), recordFromRow));
  }

  listArticleJson(query: ArticleQuery, view: ArticleView): Promise<ArticleJsonPage> {
    return this.run('listArticleJson', () => this.page(query, viewColumns(view), (r) => jsonOfRow(r, view)));
  }

  /**
   * The page `listArticleJson(query, 'full')` would give, each item the article's
   * id and the MD5 of its record text instead of the text: computed by the
   * server, so a page whose records a reader already holds moves a few bytes per
   * article instead of the records (see `getArticleJsons`).
   */
  listArticleDigests(query: ArticleQuery): Promise<ArticleDigestPage> {
    return this.run('listArticleDigests', () => this.page(query, 'md5(a.record) AS digest', (r) => ({ id: String(r.id), digest: String(r.digest) })));
  }

  /** The record texts of `ids` (those still stored), each with the MD5 `listArticleDigests` gives for it. */
  getArticleJsons(ids: readonly string[]): Promise<ArticleJsonWithDigest[]> {
    return this.run('getArticleJsons', async () =>
      ids.length === 0
        ? []
        : (await this.rows('SELECT id, md5(record) AS digest, record FROM articles WHERE id = ANY($1::text[])', [[...ids]])).map((r) => ({
            id: String(r.id),
            digest: String(r.digest),
            json: String(r.record),
          })),
    );
  }

  private async page<T>(query: ArticleQuery, cols: string, item: (row: Row) => T): Promise<{ items: T[]; nextCursor: string | null }> {
    const n = normaliseQuery(query, this.topicExpander);
    let terms: string[] | null = null;
    if (n.q !== null) {
      terms = queryTerms(n.q);
      if (terms.length === 0) {
        return { items: [], nextCursor: null };
      }
    }
    const sides = filterSides(n);
    // A language filter without a subtag (`en`, not `en-gb`) is a condition on the topic and entity rows' own column.
    const langBase = n.lang !== null && !n.lang.includes('-') ? n.lang : null;
    const rowsOnly = terms === null && n.category === null && (n.lang === null || langBase !== null);
    if (n.topics !== null && n.entity === null && rowsOnly) {
      return this.pageOf(await this.topicPageRows(n, n.topics, langBase, cols), n.limit, item);
    }
    let driver: FilterSide | null = null;
    if (terms === null) {
      let best = this.driveThreshold;
      for (const side of sides) {
        const c = await this.rows(
          `SELECT COUNT(*) AS c FROM (SELECT 1 FROM ${side.table} WHERE ${side.col} = ANY($1::text[]) LIMIT $2) x`,
          [side.values, this.driveThreshold],
        );
        if (Number(c[0]?.c ?? best) < best) {
          best = Number(c[0]?.c);
          driver = side;
        }
      }
    }
    // The topic rows carry the article's feed: with a topic, a feed is checked there too.
    if (driver === null && n.entity !== null && (n.feed === null || n.topics !== null) && rowsOnly) {
      return this.pageOf(await this.entityPageRows(n, n.entity, langBase, cols), n.limit, item);
    }
    const p = new Params();
    // A selective filter with nothing else to check on the article: take the page's
    // keys straight from the filter's (value, sort key) index, then fetch those rows.
    // The other side, if any, is checked through its (value, sort key) index without reading the article.
    const keysFirst = driver !== null && terms === null && n.feed === null && n.category === null && n.lang === null;
    const range = rangeConditions(keysFirst ? 'd' : 'a', n, p);
    let sql: string;
    if (keysFirst && driver !== null) {
      sql = `SELECT a.id, a.skey, ${cols} FROM (
          SELECT DISTINCT d.skey FROM ${driver.table} d
          WHERE ${[
            // One value is an equality, so the (value, sort key) index is read newest first and the walk stops at
            // the page (PostgreSQL before 17 does not read `= ANY` in index order). The other side is probed by
            // (value, sort key), so the driver's rows come from its index alone.
            driver.values.length === 1 ? `d.${driver.col} = ${p.add(driver.values[0])}` : `d.${driver.col} = ANY(${p.add(driver.values)}::text[])`,
            ...range,
            ...sides
              .filter((side) => side !== driver)
              .map((side) => `EXISTS (SELECT 1 FROM ${side.table} o WHERE o.${side.col} = ANY(${p.add(side.values)}::text[]) AND o.skey = d.skey)`),
          ].join(' AND ')}
          ORDER BY d.skey DESC LIMIT ${p.add(n.limit + 1)}
        ) s JOIN articles a ON a.skey = s.skey
        ORDER BY a.skey DESC`;
    } else {
      let from = 'articles a';
      if (driver !== null) {
        from = `(SELECT DISTINCT d.skey FROM ${driver.table} d WHERE d.${driver.col} = ANY(${p.add(driver.values)}::text[])) s
          JOIN articles a ON a.skey = s.skey`;
      }
      const where = [...range];
      if (n.feed !== null) {
        where.push(`a.feed_id = ${p.add(n.feed)}`);
      }
      if (n.category !== null) {
        where.push(`a.feed_id IN (SELECT id FROM feeds WHERE categories LIKE ${p.add(n.category)})`);
      }
      if (langBase !== null) {
        // Walks the (primary subtag, sort key) index newest first when the language is the rare part.
        where.push(`split_part(a.language, '-', 1) = ${p.add(langBase)}`);
      } else if (n.lang !== null) {
        const prefix = `${n.lang.replace(/[\\%_]/g, (ch) => `\\${ch}`)}-%`;
        where.push(`(a.language = ${p.add(n.lang)} OR a.language LIKE ${p.add(prefix)})`);
      }
      for (const side of sides) {
        if (side !== driver) {
          where.push(
            side.filter === 'topic'
              ? `EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.code = ANY(${p.add(side.values)}::text[]))`
              : `EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id AND e.key = ANY(${p.add(side.values)}::text[]))`,
          );
        }
      }
      if (terms !== null) {
        // Terms are letters and digits only: safe inside to_tsquery.
        where.push(`a.tsv @@ to_tsquery('${TS_CONFIG}', ${p.add(terms.join(' & '))})`);
      }
      const limit = p.add(n.limit + 1);
      const pageSql = (extra: string[]): string => {
        const all = [...where, ...extra];
        return `SELECT a.id, a.skey, ${cols} FROM ${from}
          ${all.length > 0 ? `WHERE ${all.join(' AND ')}` : ''}
          ORDER BY a.skey DESC LIMIT ${limit}`;
      };
      sql = pageSql([]);
      if (terms !== null) {
        const rows = await this.textRows(pageSql, p.values, n.cursor?.key ?? null, n.limit);
        return this.pageOf(rows, n.limit, item);
      }
    }
    return this.pageOf(await this.rows(sql, p.values), n.limit, item);
  }

  /**
   * A topic page (optionally one feed's, in a time range): each code's own
   * (code, feed, sort key) or (code, sort key) index walked newest first for at
   * most a page of keys, the codes' keys merged, then only the page's articles
   * read. The work is bounded by the page size times the number of codes, however
   * common the topic and however rare it is within the feed.
   */
  private topicPageRows(n: NormalisedQuery, codes: string[], langBase: string | null, cols: string): Promise<Row[]> {
    const p = new Params();
    const where = ['d.code = c.code'];
    if (n.feed !== null) {
      where.push(`d.feed_id = ${p.add(n.feed)}`);
    }
    if (langBase !== null) {
      where.push(`d.lang = ${p.add(langBase)}`);
    }
    where.push(...rangeConditions('d', n, p));
    const limit = p.add(n.limit + 1);
    return this.rows(
      `SELECT a.id, a.skey, ${cols} FROM (
         SELECT DISTINCT k.skey FROM unnest(${p.add(codes)}::text[]) AS c (code)
         CROSS JOIN LATERAL (
           SELECT d.skey FROM article_topics d WHERE ${where.join(' AND ')} ORDER BY d.skey DESC LIMIT ${limit}
         ) k
         ORDER BY k.skey DESC LIMIT ${limit}
       ) s JOIN articles a ON a.skey = s.skey
       ORDER BY a.skey DESC`,
      p.values,
    );
  }

  /**
   * An entity page that no filter narrows to a few thousand articles (a common
   * name, maybe with a common topic, a feed and a language): the entity's (key,
   * language, sort key) or (key, sort key) index walked newest first, each row's
   * topics (and feed, which topic rows carry) checked through the (code, [feed,]
   * sort key) indexes without reading the article, until a page of keys is found; then
   * only the page's articles read.
   */
  private async entityPageRows(n: NormalisedQuery, key: string, langBase: string | null, cols: string): Promise<Row[]> {
    // Each statement gets its own parameters (PostgreSQL wants every one it is given used).
    const entityRows = (p: Params): string => {
      const where = [`d.key = ${p.add(key)}`];
      if (langBase !== null) {
        where.push(`d.lang = ${p.add(langBase)}`);
      }
      where.push(...rangeConditions('d', n, p));
      return where.join(' AND ');
    };
    const topicCheck = (t: string, p: Params): string =>
      `${t}.code = ANY(${p.add(n.topics)}::text[])${n.feed === null ? '' : ` AND ${t}.feed_id = ${p.add(n.feed)}`}`;
    const walk = (inner: string): string => `SELECT a.id, a.skey, ${cols} FROM (${inner}) s JOIN articles a ON a.skey = s.skey ORDER BY a.skey DESC`;
    if (n.topics === null) {
      const p = new Params();
      return this.rows(walk(`SELECT DISTINCT d.skey FROM article_entities d WHERE ${entityRows(p)} ORDER BY d.skey DESC LIMIT ${p.add(n.limit + 1)}`), p.values);
    }
    // The newest ENTITY_PROBE_ROWS of the entity's rows, each checked through the topic rows' (code, [feed,] sort key)
    // index, so the entity's rows come from their own index alone: a page when the topic (and feed) is common among
    // them, or all of it when the entity has no more rows.
    const probe = new Params();
    const probeSql = walk(
      `SELECT DISTINCT d.skey FROM (SELECT d.skey FROM article_entities d WHERE ${entityRows(probe)}
         ORDER BY d.skey DESC LIMIT ${probe.add(this.entityProbeRows)}) d
       WHERE EXISTS (SELECT 1 FROM article_topics t WHERE ${topicCheck('t', probe)} AND t.skey = d.skey)
       ORDER BY d.skey DESC LIMIT ${probe.add(n.limit + 1)}`,
    );
    const more = new Params();
    const moreSql = `SELECT COUNT(*) AS c FROM (SELECT 1 FROM article_entities d WHERE ${entityRows(more)}
      ORDER BY d.skey DESC OFFSET ${more.add(this.entityProbeRows)} LIMIT 1) x`;
    const join = new Params();
    const joinSql = `SELECT DISTINCT d.skey FROM article_entities d JOIN article_topics t ON t.skey = d.skey
      WHERE ${entityRows(join)} AND ${topicCheck('t', join)}
      ORDER BY d.skey DESC LIMIT ${join.add(n.limit + 1)}`;
    return this.tx(async (c) => {
      const rows = (await c.query(probeSql, probe.values)).rows as Row[];
      if (rows.length > n.limit || Number(((await c.query(moreSql, more.values)).rows[0] as Row | undefined)?.c ?? 0) === 0) {
        return rows;
      }
      // Sparse: few of the entity's many articles have the topic (in the feed). Walking on would probe
      // every one of them; instead join the entity's rows with the topic's (feed's) rows on the sort key,
      // each read once from its own index (a hash or merge join, not a loop of probes), then read the page.
      await c.query('SET LOCAL enable_nestloop = off');
      const keys = (await c.query(joinSql, join.values)).rows as Row[];
      await c.query('SET LOCAL enable_nestloop = on');
      if (keys.length === 0) {
        return [];
      }
      return (
        await c.query(`SELECT a.id, a.skey, ${cols} FROM articles a WHERE a.skey = ANY($1::bigint[]) ORDER BY a.skey DESC`, [
          keys.map((k) => String(k.skey)),
        ])
      ).rows as Row[];
    });
  }

  private pageOf<T>(rows: Row[], limit: number, item: (row: Row) => T): { items: T[]; nextCursor: string | null } {
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(item),
      nextCursor: rows.length > limit && last ? encodeCursor({ key: Number(last.skey), id: String(last.id) }) : null,
    };
  }

  /**
   * A page with a text condition. The planner cannot tell a rare word from a
   * common one well: walking the sort key for a rare word reads every row, and a
   * GIN bitmap for a common word reads every match. So first walk only the
   * newest TEXT_PROBE_ROWS articles past the cursor; a common word fills the page
   * there. Otherwise the word is rare there: take its matches from the GIN index.
   */
  private textRows(
    pageSql: (extra: string[]) => string,
    values: unknown[],
    cursorKey: number | null,
    limit: number,
  ): Promise<Row[]> {
    return this.tx(async (c) => {
      const bound = (
        await c.query(
          `SELECT skey FROM articles ${cursorKey === null ? '' : 'WHERE skey < $2'} ORDER BY skey DESC OFFSET $1 LIMIT 1`,
          cursorKey === null ? [this.textProbeRows - 1] : [this.textProbeRows - 1, cursorKey],
        )
      ).rows[0] as Row | undefined;
      if (bound === undefined) {
        return (await c.query(pageSql([]), values)).rows as Row[];
      }
      const boundKey = Number(bound.skey);
      if (!Number.isSafeInteger(boundKey)) {
        throw new PipelineError('store', false, `unexpected sort key ${String(bound.skey)}`);
      }
      // Walk the sort key only: no bitmap of every match, no sequential scan of the table.
      await c.query('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
      const probe = (await c.query(pageSql([`a.skey >= ${boundKey}`]), values)).rows as Row[];
      if (probe.length > limit) {
        return probe;
      }
      await c.query('SET LOCAL enable_bitmapscan = on; SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off');
      return (await c.query(pageSql([]), values)).rows as Row[];
    });
  }

  countArticles(): Promise<number> {
    return this.run('countArticles', async () => Number((await this.rows('SELECT COUNT(*) AS n FROM articles'))[0]?.n ?? 0));
  }

  upsertFeed(feed: FeedDefinition): Promise<void> {
    return this.run('upsertFeed', async () => {
      await this.pool.query(
        `INSERT INTO feeds (id, url, title, interval_ms, created_at, categories) VALUES ($1, $2, $3, $4, $5, COALESCE($6, ''))
         ON CONFLICT (id) DO UPDATE SET
           url = excluded.url,
           title = COALESCE(excluded.title, feeds.title),
           interval_ms = excluded.interval_ms,
           categories = COALESCE($6, feeds.categories),
           status = CASE WHEN feeds.url <> excluded.url THEN 'active' ELSE feeds.status END,
           consecutive_failures = CASE WHEN feeds.url <> excluded.url THEN 0 ELSE feeds.consecutive_failures END,
           etag = CASE WHEN feeds.url <> excluded.url THEN NULL ELSE feeds.etag END,
           last_modified = CASE WHEN feeds.url <> excluded.url THEN NULL ELSE feeds.last_modified END`,
        [feed.id, feed.url, feed.title ?? null, feed.intervalMs ?? null, this.now().toISOString(), feed.categories === undefined ? null : encodeCategories(feed.categories)],
      );
    });
  }

  removeFeed(id: string): Promise<boolean> {
    return this.run('removeFeed', async () => ((await this.pool.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  getFeed(id: string): Promise<FeedState | null> {
    return this.run('getFeed', () => this.one('SELECT * FROM feeds WHERE id = $1', [id], feedFromRow));
  }

  listFeeds(): Promise<FeedState[]> {
    return this.run('listFeeds', async () => (await this.rows('SELECT * FROM feeds ORDER BY id')).map(feedFromRow));
  }

  getSubscription(feedId: string): Promise<WebSubSubscription | null> {
    return this.run('getSubscription', () => this.one('SELECT * FROM websub_subscriptions WHERE feed_id = $1', [feedId], subscriptionFromRow));
  }

  listSubscriptions(): Promise<WebSubSubscription[]> {
    return this.run('listSubscriptions', async () => (await this.rows('SELECT * FROM websub_subscriptions ORDER BY feed_id')).map(subscriptionFromRow));
  }

  saveSubscription(sub: WebSubSubscription): Promise<void> {
    return this.run('saveSubscription', async () => {
      const cols = SUBSCRIPTION_COLUMNS;
      await this.pool.query(
        `INSERT INTO websub_subscriptions (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (feed_id) DO UPDATE SET ${cols.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`,
        subscriptionValues(sub),
      );
    });
  }

  deleteSubscription(feedId: string): Promise<boolean> {
    return this.run(
      'deleteSubscription',
      async () => ((await this.pool.query('DELETE FROM websub_subscriptions WHERE feed_id = $1', [feedId])).rowCount ?? 0) > 0,
    );
  }

  recordPoll(feedId: string, report: PollReport): Promise<void> {
    return this.run('recordPoll', async () => {
      let changes: number;
      if (report.ok) {
        changes =
          (
            await this.pool.query(
              `UPDATE feeds SET last_polled_at = $2, last_success_at = $2, consecutive_failures = 0, last_new_items = $3,
               title = COALESCE($4, title),
               etag = CASE WHEN $5::boolean THEN etag ELSE $6 END,
               last_modified = CASE WHEN $7::boolean THEN last_modified ELSE $8 END,
               next_poll_at = CASE WHEN $9::boolean THEN next_poll_at ELSE $10 END,
               url = COALESCE($11, url)
               WHERE id = $1`,
              [
                feedId,
                report.at,
                report.newItems,
                report.title || null,
                report.etag === undefined,
                report.etag ?? null,
                report.lastModified === undefined,
                report.lastModified ?? null,
                report.nextPollAt === undefined,
                report.nextPollAt ?? null,
                report.movedTo ?? null,
              ],
            )
          ).rowCount ?? 0;
      } else {
        changes =
          (
            await this.pool.query(
              `UPDATE feeds SET last_polled_at = $2, last_error_at = $2, last_error_code = $3, last_error_message = $4,
               consecutive_failures = consecutive_failures + 1, last_new_items = 0,
               status = CASE WHEN $5::boolean THEN 'retired' ELSE status END,
               next_poll_at = CASE WHEN $6::boolean THEN next_poll_at ELSE $7 END
               WHERE id = $1`,
              [
                feedId,
                report.at,
                report.error.code,
                report.error.message,
                report.retired === true,
                report.nextPollAt === undefined,
                report.nextPollAt ?? null,
              ],
            )
          ).rowCount ?? 0;
      }
      if (changes === 0) {
        throw new PipelineError('store', false, `recordPoll: unknown feed "${feedId}" (register it with upsertFeed)`);
      }
    });
  }

  filterUnseen(feedId: string, items: SeenItem[]): Promise<SeenItem[]> {
    return this.run('filterUnseen', async () => {
      const keys = [...new Set(items.map((i) => i.key))];
      const known = new Map<string, string>();
      if (keys.length > 0) {
        const rows = await this.rows('SELECT key, hash FROM seen_items WHERE feed_id = $1 AND key = ANY($2::text[])', [
          feedId,
          keys,
        ]);
        for (const r of rows) {
          known.set(String(r.key), String(r.hash));
        }
      }
      return unseenItems(items, known);
    });
  }

  markSeen(feedId: string, items: SeenItem[]): Promise<void> {
    return this.run('markSeen', async () => {
      // Last hash wins when a key repeats in one batch (ON CONFLICT cannot touch a row twice).
      const byKey = new Map(items.map((i) => [i.key, i.hash]));
      if (byKey.size === 0) {
        return;
      }
      await this.pool.query(
        `INSERT INTO seen_items (feed_id, key, hash, seen_at)
         SELECT $1, k, h, $4 FROM unnest($2::text[], $3::text[]) AS u (k, h)
         ON CONFLICT (feed_id, key) DO UPDATE SET hash = excluded.hash, seen_at = excluded.seen_at`,
        [feedId, [...byKey.keys()], [...byKey.values()], this.now().toISOString()],
      );
    });
  }

  recordItemOutcome(o: ItemOutcome): Promise<void> {
    return this.recordItemOutcomes([o]);
  }

  recordItemOutcomes(outcomes: readonly ItemOutcome[]): Promise<void> {
    return this.run('recordItemOutcomes', async () => {
      const insert = async (c: Pick<PoolClient, 'query'>, part: readonly ItemOutcome[]): Promise<void> => {
        const params: unknown[] = [];
        const rows = part.map((o) => {
          const at = params.length;
          params.push(o.feedId, o.url, o.stage, o.status, o.reason, o.articleId ?? null, o.at, Date.parse(o.at) || 0);
          return `(${Array.from({ length: 8 }, (_, k) => `$${at + k + 1}`).join(', ')})`;
        });
        await c.query(`INSERT INTO item_outcomes (feed_id, url, stage, status, reason, article_id, at, at_ms) VALUES ${rows.join(', ')}`, params);
      };
      // Up to OUTCOME_ROWS rows are one statement; more are several in one transaction (all or none).
      if (outcomes.length <= OUTCOME_ROWS) {
        if (outcomes.length > 0) {
          await insert(this.pool, outcomes);
        }
        return;
      }
      await this.tx(async (c) => {
        for (let i = 0; i < outcomes.length; i += OUTCOME_ROWS) {
          await insert(c, outcomes.slice(i, i + OUTCOME_ROWS));
        }
      });
    });
  }

  countOutcomes(sinceMs: number, bucketMs: number): Promise<OutcomeBucket[]> {
    return this.run('countOutcomes', async () => {
      const size = Math.max(1, Math.floor(bucketMs));
      const rows = await this.rows(
        `SELECT (at_ms / $1) * $1 AS at, feed_id, stage, status,
         COALESCE(status = 'stored' AND reason = ANY($2::text[]), false) AS changed, COUNT(*) AS n
         FROM item_outcomes WHERE at_ms >= $3 GROUP BY 1, 2, 3, 4, 5`,
        [size, [...WRITING_REASONS], Math.floor(sinceMs)],
      );
      return rows.map(outcomeBucketFromRow);
    });
  }

  storeLatencies(sinceMs: number, limit = 100_000): Promise<StoreLatency[]> {
    return this.run('storeLatencies', async () => {
      const rows = await this.rows(
        `SELECT o.at_ms, o.feed_id, a.published_at, a.stored_at FROM item_outcomes o JOIN articles a ON a.id = o.article_id
         WHERE o.at_ms >= $1 AND o.stage = 'enrich' AND o.status = 'stored' AND o.reason = 'created' AND a.published_at IS NOT NULL
         ORDER BY o.at_ms DESC LIMIT $2`,
        [Math.floor(sinceMs), Math.max(1, Math.floor(limit))],
      );
      return rows.map(latencyFromRow).filter((l): l is StoreLatency => l !== null);
    });
  }

  listItemOutcomes(
    opts: { since?: string; status?: ItemOutcome['status']; limit?: number; feedId?: string } = {},
  ): Promise<ItemOutcome[]> {
    return this.run('listItemOutcomes', async () => {
      const p = new Params();
      const where: string[] = [];
      if (opts.since) {
        where.push(`at_ms >= ${p.add(Date.parse(opts.since) || 0)}`);
      }
      if (opts.status) {
        where.push(`status = ${p.add(opts.status)}`);
      }
      if (opts.feedId) {
        where.push(`feed_id = ${p.add(opts.feedId)}`);
      }
      const rows = await this.rows(
        `SELECT * FROM item_outcomes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY at_ms DESC, seq DESC LIMIT ${p.add(Math.max(1, Math.floor(opts.limit ?? 100)))}`,
        p.values,
      );
      return rows.map(outcomeFromRow);
    });
  }

  deleteOlderThan(days: number): Promise<number> {
    return this.run('deleteOlderThan', async () => {
      if (!Number.isFinite(days) || days < 0) {
        throw new PipelineError('bad_payload', false, `retention days must be >= 0, got ${days}`);
      }
      const cutoff = this.now().getTime() - days * 86_400_000;
      return this.tx(async (c) => {
        const deleted = await c.query('DELETE FROM articles WHERE skey < $1 AND sort_at < $2', [
          sortKeyBase(cutoff) + SORT_KEY_SLOTS,
          cutoff,
        ]);
        await c.query('DELETE FROM item_outcomes WHERE at_ms < $1', [cutoff]);
        await c.query('DELETE FROM seen_items WHERE seen_at < $1', [new Date(cutoff).toISOString()]);
        return deleted.rowCount ?? 0;
      });
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('stats', async () => {
      const [a, f, s, size, outcomeRows] = await Promise.all([
        this.rows(
          `SELECT (SELECT COUNT(*) FROM articles) AS n,
             (SELECT COUNT(*) FROM articles WHERE version > 1) AS updated,
             (SELECT MAX(sort_at) FROM articles WHERE skey >= (SELECT (floor(MAX(skey)::numeric / ${SORT_KEY_SLOTS}) * ${SORT_KEY_SLOTS})::bigint FROM articles)) AS newest,
             (SELECT MIN(sort_at) FROM articles WHERE skey < (SELECT (floor(MIN(skey)::numeric / ${SORT_KEY_SLOTS}) * ${SORT_KEY_SLOTS} + ${SORT_KEY_SLOTS})::bigint FROM articles)) AS oldest`,
        ),
        this.rows(
          `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE status = 'active') AS active,
           COUNT(*) FILTER (WHERE status = 'retired') AS retired,
           COUNT(*) FILTER (WHERE status = 'active' AND consecutive_failures > 0) AS failing FROM feeds`,
        ),
        this.rows('SELECT COUNT(*) AS n FROM seen_items'),
        this.rows(
          `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
           JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = $1 AND c.relkind = 'r'`,
          [this.schema],
        ),
        this.rows('SELECT status, COUNT(*) AS n FROM item_outcomes GROUP BY status'),
      ]);
      const outcomes: StoreStats['itemOutcomes'] = { stored: 0, skipped: 0, failed: 0, fallback: 0 };
      for (const r of outcomeRows) {
        const st = String(r.status) as ItemOutcome['status'];
        if (st in outcomes) {
          outcomes[st] = Number(r.n);
        }
      }
      const ar = a[0] ?? {};
      const fr = f[0] ?? {};
      return {
        articles: Number(ar.n ?? 0),
        updatedArticles: Number(ar.updated ?? 0),
        feeds: {
          total: Number(fr.total ?? 0),
          active: Number(fr.active ?? 0),
          retired: Number(fr.retired ?? 0),
          failing: Number(fr.failing ?? 0),
        },
        seenItems: Number(s[0]?.n ?? 0),
        itemOutcomes: outcomes,
        newestAt: ar.newest === null || ar.newest === undefined ? null : new Date(Number(ar.newest)).toISOString(),
        oldestAt: ar.oldest === null || ar.oldest === undefined ? null : new Date(Number(ar.oldest)).toISOString(),
        sizeBytes: Number(size[0]?.bytes ?? 0),
      };
    });
  }

  ping(): Promise<void> {
    return this.run('ping', async () => {
      await this.pool.query('SELECT 1');
    });
  }

  releaseMemory(): void {
    // Rows are not cached here, and the pool closes connections idle for 10 s itself.
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.pool.end();
    }
  }
}

/** Where a PostgreSQL URL points, without credentials (for error messages). */
export function describePostgresUrl(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured PostgreSQL';
  }
}

export async function openPostgresStore(databaseUrl: string, opts: StoreOptions = {}): Promise<PostgresArticleStore> {
  const store = new PostgresArticleStore(databaseUrl, opts);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    const e = err instanceof PipelineError ? err : storeError(err, 'open');
    throw new PipelineError(e.code, e.retryable, `cannot open PostgreSQL store at ${describePostgresUrl(databaseUrl)}: ${e.message}`, err);
  }
  return store;
}
