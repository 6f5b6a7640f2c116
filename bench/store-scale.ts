/**
 * PostgreSQL at scale: loads `--articles` (1,000,000) generated articles into a
 * schema of their own through the store's bulk path (`importArticles`: a few
 * set-based INSERTs per batch of 1,000, with each article's wire-copy band keys), then measures with the API
 * in a process of its own (bench/api-serve.ts), over HTTP on loopback:
 *
 * - a filtered page of 50 (feed, topic, language, entity, since, and their
 *   combinations), each scenario `--requests` times, p50/p95/p99;
 * - a full-text query (common, middling and rare words, two words);
 * - `findSimilar` (straight to the store: it has no route) for stored articles'
 *   band keys;
 * - the enricher path's upsert rate: new articles with fingerprints and a
 *   cluster chosen in the upsert, in groups of 8 like the enricher's;
 * - table and index sizes.
 *
 *   npm run bench:store-scale -- --articles 50000
 *   npm run bench:store-scale -- --articles 1000000 --keep   # keep the schema (its name is printed)
 *   npm run bench:store-scale -- --schema scale_x --drop     # measure a kept schema again, then drop it
 *
 * The data is the same on every run (seeded, article by article, so a load that
 * stopped resumes where it was): 600 feeds of very different output, 3 years
 * of publication times with more in recent months, 1–3 of 120 topics and 1–5
 * of 40,000 named entities per story (both Zipf-like), 11 languages (English
 * the most), 150–450 words of text from a Zipf-like vocabulary of 50,000
 * words, and one story in eight a lightly edited copy of an earlier one from
 * another feed. Flags: --database URL (BENCH_DATABASE_URL, the local test
 * database), --requests N (200), --explain (print EXPLAIN (ANALYZE, BUFFERS)
 * of each page scenario's store query), --skip-measure, --no-load (measure the
 * schema as it is).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openPostgresStore, type PostgresArticleStore } from '../src/store/postgres-article-store.js';
import { entityKey } from '../src/store/store-core.js';
import type { ArticleRecord } from '../src/store/types.js';
import { chooseCluster, fingerprint } from '../src/workers/enricher/cluster.js';
import { ENTITIES, makeArticle, T_END, TOPICS, VOCAB } from './lib/scale-articles.js';
import { percentile } from './lib/harness.js';
import { numberFlag, rng, stringFlag } from './lib/rng.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => stringFlag(args, name);
const has = (name: string): boolean => args.includes(`--${name}`);

const ARTICLES = numberFlag(args, 'articles', 1_000_000);
const REQUESTS = numberFlag(args, 'requests', 200);
/** The server (its `test` database is where the bench database is created from); the bench's own database on it. */
const SERVER_URL = flag('server') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = flag('db') ?? 'telex_scale';
const PG_URL = (() => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const SCHEMA = flag('schema') ?? `scale_${randomBytes(4).toString('hex')}`;
const KEEP = has('keep') && !has('drop');
const BATCH = numberFlag(args, 'batch', 1000);
/** Batches being written at once (each its own connection and generator thread). */
const IN_FLIGHT = numberFlag(args, 'in-flight', 3);
const fmt = (n: number, d = 1): string => n.toFixed(d);
const log = (msg: string): void => {
  process.stdout.write(`${msg}\n`);
};

async function load(store: PostgresArticleStore): Promise<void> {
  const have = await store.countArticles();
  if (have >= ARTICLES) {
    log(`schema ${SCHEMA} holds ${have} articles: no load`);
    return;
  }
  // Batches are whole: a stopped load left complete batches behind.
  let next = Math.floor(have / BATCH) * BATCH;
  // Indexes and constraints are built once, after the load (a stopped load left them deferred).
  const deferred = await store.deferIndexes();
  log(`loading articles ${next}..${ARTICLES} into ${SCHEMA} (importArticles, batches of ${BATCH}, ${IN_FLIGHT} in flight; ${deferred} indexes and constraints deferred)`);
  const t0 = performance.now();
  const from = next;
  let reported = performance.now();
  // IN_FLIGHT importers, each with a generator thread of its own that makes its next batch while this one is written.
  type Batch = Array<{ record: ArticleRecord; fingerprint: ReturnType<typeof fingerprint> }>;
  const threads: Worker[] = [];
  const take = (): [number, number] | null => {
    const start = next;
    if (start >= ARTICLES) {
      return null;
    }
    next = Math.min(ARTICLES, start + BATCH);
    return [start, next];
  };
  const workers = Array.from({ length: IN_FLIGHT }, async () => {
    const thread = new Worker(
      // The TypeScript loader is registered in the thread first (workers do not inherit --import's hooks).
      `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./lib/scale-gen-worker.ts', import.meta.url).href)}); })`,
      { eval: true },
    );
    threads.push(thread);
    // One listener each for the thread's life; the batch being made is the one waiting for them.
    let waiting: { resolve: (b: Batch) => void; reject: (e: unknown) => void } | null = null;
    thread.on('message', (b: Batch) => waiting?.resolve(b));
    thread.on('error', (e) => waiting?.reject(e));
    const generate = (range: [number, number]): Promise<Batch> =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        thread.postMessage({ from: range[0], to: range[1] });
      });
    let range = take();
    let pending = range ? generate(range) : null;
    while (pending) {
      const batch = await pending;
      range = take();
      pending = range ? generate(range) : null;
      await store.importArticles(batch);
      if (performance.now() - reported > 30_000) {
        reported = performance.now();
        const s = (reported - t0) / 1000;
        log(`  ${next} stored, ${fmt((next - from) / s, 0)} articles/s, load average ${loadavg()[0]?.toFixed(1)}`);
      }
    }
  });
  try {
    await Promise.all(workers);
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  const s = (performance.now() - t0) / 1000;
  log(`loaded ${ARTICLES - from} articles in ${fmt(s / 60)} min (${fmt((ARTICLES - from) / s, 0)} articles/s), load average ${loadavg()[0]?.toFixed(1)}`);
}

/** Builds the indexes and constraints a load deferred (also those of a load that stopped). */
async function rebuild(store: PostgresArticleStore): Promise<void> {
  const t0 = performance.now();
  const built = await store.rebuildDeferredIndexes({
    maintenanceMemoryMb: numberFlag(args, 'index-memory', 1024),
    onBuilt: (name, sec) => log(`  built ${name} in ${fmt(sec)} s`),
  });
  if (built > 0) {
    log(`${built} indexes and constraints built in ${fmt((performance.now() - t0) / 60000)} min, load average ${loadavg()[0]?.toFixed(1)}`);
  }
}

type Scenario = { name: string; params: (i: number) => Record<string, string> };

/** Commonest and rarer values, for the filters. */
const COMMON_TOPIC = TOPICS[0] as string;
const MID_TOPIC = TOPICS[12] as string;
const RARE_TOPIC = TOPICS[110] as string;
const since = (days: number): string => new Date(T_END - days * 86_400_000).toISOString();

const scenarios: Scenario[] = [
  { name: 'newest (no filter)', params: () => ({}) },
  { name: 'feed (busy)', params: (i) => ({ feed: `feed-${i % 3}` }) },
  { name: 'feed (quiet)', params: (i) => ({ feed: `feed-${500 + (i % 100)}` }) },
  { name: 'topic (common)', params: () => ({ topic: COMMON_TOPIC }) },
  { name: 'topic (rare)', params: (i) => ({ topic: TOPICS[100 + (i % 20)] as string }) },
  { name: 'lang (en)', params: () => ({ lang: 'en' }) },
  { name: 'lang (rare: fi)', params: () => ({ lang: 'fi' }) },
  { name: 'entity (common)', params: (i) => ({ entity: ENTITIES[i % 3] as string }) },
  { name: 'entity (rare)', params: (i) => ({ entity: ENTITIES[20_000 + i] as string }) },
  { name: 'since 7 days', params: () => ({ since: since(7) }) },
  { name: 'since 30 days, until 20 days', params: () => ({ since: since(30), until: since(20) }) },
  { name: 'feed + topic', params: (i) => ({ feed: `feed-${i % 20}`, topic: MID_TOPIC }) },
  { name: 'feed + since 30 days', params: (i) => ({ feed: `feed-${50 + (i % 50)}`, since: since(30) }) },
  { name: 'topic + lang (common, en)', params: () => ({ topic: COMMON_TOPIC, lang: 'en' }) },
  { name: 'topic + lang (common, fi)', params: () => ({ topic: COMMON_TOPIC, lang: 'fi' }) },
  { name: 'topic + lang (rare, ja)', params: (i) => ({ topic: TOPICS[100 + (i % 20)] as string, lang: 'ja' }) },
  { name: 'topic + entity (common, common)', params: (i) => ({ topic: COMMON_TOPIC, entity: ENTITIES[i % 3] as string }) },
  { name: 'topic + entity (common, mid)', params: (i) => ({ topic: COMMON_TOPIC, entity: ENTITIES[200 + (i % 100)] as string }) },
  { name: 'topic + entity (rare, common)', params: (i) => ({ topic: RARE_TOPIC, entity: ENTITIES[i % 3] as string }) },
  { name: 'entity + lang (common, de)', params: (i) => ({ entity: ENTITIES[i % 3] as string, lang: 'de' }) },
  { name: 'topic + lang + since 90 days', params: () => ({ topic: MID_TOPIC, lang: 'fr', since: since(90) }) },
  { name: 'feed + topic + entity', params: (i) => ({ feed: `feed-${i % 5}`, topic: COMMON_TOPIC, entity: ENTITIES[i % 10] as string }) },
];

/** Words by how often they occur: VOCAB is drawn with a skew, low indexes common. */
const textScenarios: Scenario[] = [
  { name: 'q: common word', params: (i) => ({ q: VOCAB[i % 5] as string }) },
  { name: 'q: middling word', params: (i) => ({ q: VOCAB[2_000 + (i % 200)] as string }) },
  { name: 'q: rare word', params: (i) => ({ q: VOCAB[45_000 + (i % 1000)] as string }) },
  { name: 'q: two middling words', params: (i) => ({ q: `${VOCAB[1_000 + (i % 300)]} ${VOCAB[1_500 + (i % 300)]}` }) },
  { name: 'q: rare word + lang', params: (i) => ({ q: VOCAB[40_000 + (i % 1000)] as string, lang: 'de' }) },
];

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, p99 ${fmt(percentile(sorted, 99))} ms`;
}

async function startApi(): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'api-serve.ts'), PG_URL, SCHEMA], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).once('line', (l) => resolve(Number(l)));
    child.once('exit', (code) => reject(new Error(`api-serve exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

async function measurePages(base: string, list: Scenario[]): Promise<Array<{ name: string; p95: number }>> {
  const out: Array<{ name: string; p95: number }> = [];
  for (const s of list) {
    const url = (i: number): string => `${base}/articles?${new URLSearchParams({ ...s.params(i), limit: '50', view: 'summary' }).toString()}`;
    for (let i = 0; i < 5; i++) {
      await (await fetch(url(i))).arrayBuffer();
    }
    const ms: number[] = [];
    let items = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      const res = await fetch(url(i));
      const body = (await res.json()) as { items?: unknown[]; error?: unknown };
      ms.push(performance.now() - t);
      if (res.status !== 200) {
        throw new Error(`${s.name}: HTTP ${res.status} ${JSON.stringify(body)}`);
      }
      items += body.items?.length ?? 0;
    }
    const p95 = percentile([...ms].sort((a, b) => a - b), 95);
    out.push({ name: s.name, p95 });
    log(`| ${s.name} | ${summary(ms)} | ${fmt(items / REQUESTS)} |`);
  }
  return out;
}

async function explain(store: PostgresArticleStore, list: Scenario[]): Promise<void> {
  // The store's own SQL, as the page runs it, through a client that logs and explains every statement.
  const admin = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${SCHEMA} -c random_page_cost=1.1` });
  await admin.connect();
  try {
    await admin.query("LOAD 'auto_explain'").catch(() => undefined);
    for (const s of list) {
      const q = new URLSearchParams(s.params(0));
      log(`\n### ${s.name} (${q.toString()})`);
      const p = store as unknown as { rows: (sql: string, values?: unknown[]) => Promise<unknown[]> };
      const original = p.rows.bind(store);
      const seen: Array<{ sql: string; values: unknown[] }> = [];
      p.rows = async (sql: string, values: unknown[] = []) => {
        seen.push({ sql, values });
        return original(sql, values);
      };
      try {
        await store.listArticleJson(
          {
            limit: 50,
            ...(q.get('feed') ? { feed: q.get('feed') as string } : {}),
            ...(q.get('topic') ? { topic: q.get('topic') as string } : {}),
            ...(q.get('lang') ? { lang: q.get('lang') as string } : {}),
            ...(q.get('entity') ? { entity: q.get('entity') as string } : {}),
            ...(q.get('since') ? { since: q.get('since') as string } : {}),
            ...(q.get('until') ? { until: q.get('until') as string } : {}),
          },
          'summary',
        );
      } finally {
        p.rows = original;
      }
      const main = seen[seen.length - 1];
      if (main) {
        const plan = await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${main.sql}`, main.values);
        log((plan.rows as Array<Record<string, string>>).map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await admin.end();
  }
}

async function measureSimilar(store: PostgresArticleStore, stored: number, n: number): Promise<void> {
  const ms: number[] = [];
  let found = 0;
  for (let k = 0; k < n; k++) {
    const i = Math.floor((k * 7_919) % stored);
    const fp = fingerprint(makeArticle(i).text);
    const t = performance.now();
    const similar = await store.findSimilar(fp.bands);
    ms.push(performance.now() - t);
    found += similar.length;
  }
  log(`| findSimilar (a stored article's 48 band keys) | ${summary(ms)} | ${fmt(found / n)} candidates |`);
}

async function measureEnricherUpserts(store: PostgresArticleStore, stored: number, n: number): Promise<void> {
  // New articles (numbered past the stored ones), copies included, grouped in eights like the enricher's writes.
  const items = Array.from({ length: n }, (_, k) => {
    const record = makeArticle(stored + k);
    const fp = fingerprint(record.text);
    return { record, fingerprint: fp, assignCluster: (c: Parameters<typeof chooseCluster>[2]) => chooseCluster(record.id, fp.signature, c) };
  });
  const t0 = performance.now();
  const ms: number[] = [];
  // Four groups in flight, as the enricher's concurrent jobs keep several group commits going.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const start = next;
        if (start >= items.length) {
          return;
        }
        next = Math.min(items.length, start + 8);
        const t = performance.now();
        await store.upsertArticles(items.slice(start, next));
        ms.push(performance.now() - t);
      }
    }),
  );
  const s = (performance.now() - t0) / 1000;
  log(`enricher path: ${n} new articles (fingerprint, cluster chosen in the upsert) in groups of 8, four in flight: ${fmt(n / s, 0)} articles/s; one group ${summary(ms)}`);
}

async function sizes(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    const rows = (
      await admin.query(
        `SELECT c.relname AS name, c.relkind AS kind, pg_relation_size(c.oid) AS bytes,
           CASE WHEN c.relkind = 'r' THEN pg_total_relation_size(c.oid) ELSE NULL END AS total
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'i') ORDER BY pg_relation_size(c.oid) DESC`,
        [SCHEMA],
      )
    ).rows as Array<{ name: string; kind: string; bytes: string; total: string | null }>;
    const mb = (b: string | number): string => fmt(Number(b) / 1048576, 0);
    log('\n| relation | kind | size MB | with TOAST and indexes MB |\n|---|---|---|---|');
    for (const r of rows.filter((x) => Number(x.bytes) > 1048576 || x.kind === 'r')) {
      log(`| ${r.name} | ${r.kind === 'r' ? 'table' : 'index'} | ${mb(r.bytes)} | ${r.total === null ? '' : mb(r.total)} |`);
    }
    const total = (await admin.query('SELECT SUM(pg_total_relation_size(c.oid)) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = $2', [SCHEMA, 'r'])).rows[0] as { b: string };
    log(`schema total: ${mb(total.b)} MB`);
  } finally {
    await admin.end();
  }
}

/** The bench's own database, created when missing (its disk is given back by dropDatabase). */
async function createDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    const there = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount;
    if (!there) {
      await admin.query(`CREATE DATABASE "${DB_NAME}"`);
      log(`database ${DB_NAME} created`);
    }
  } finally {
    await admin.end();
  }
}

async function dropSchema(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  const others = (await admin.query("SELECT COUNT(*) AS n FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('public', 'information_schema')")).rows[0] as { n: string };
  await admin.end();
  log(`schema ${SCHEMA} dropped`);
  if (Number(others.n) === 0) {
    // No other kept schema in it: drop the database, so its files are gone, not just free pages.
    const server = new pg.Client({ connectionString: SERVER_URL });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS "${DB_NAME}"`);
    await server.end();
    log(`database ${DB_NAME} dropped`);
  }
}

log(`## bench:store-scale — ${new Date().toISOString()}`);
log(`${ARTICLES} articles, database ${DB_NAME}, schema ${SCHEMA}, ${REQUESTS} requests per scenario, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await createDatabase();
const store = await openPostgresStore(PG_URL, { schema: SCHEMA });
let api: ChildProcess | null = null;
try {
  if (!has('no-load')) {
    await load(store);
  }
  await rebuild(store);
  // Fresh statistics (and visibility maps, for index-only scans) after the load or a migration that rewrote rows.
  // The TOAST tables (records, text vectors) are read only through their table's rows: not vacuumed here.
  const t0 = performance.now();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(
    `VACUUM (ANALYZE, PROCESS_TOAST FALSE) "${SCHEMA}".articles, "${SCHEMA}".article_topics, "${SCHEMA}".article_entities, "${SCHEMA}".article_bands`,
  );
  await admin.end();
  log(`VACUUM ANALYZE in ${fmt((performance.now() - t0) / 1000)} s`);
  if (has('explain')) {
    await explain(store, scenarios);
  }
  if (!has('skip-measure')) {
    const started = await startApi();
    api = started.child;
    log('\nGET /articles?…&limit=50&view=summary over HTTP, one request at a time:\n\n| scenario | latency | items per page |\n|---|---|---|');
    const pages = await measurePages(started.base, scenarios);
    const text = await measurePages(started.base, textScenarios);
    log('');
    const stored = await store.countArticles();
    await measureSimilar(store, stored, REQUESTS);
    await measureEnricherUpserts(store, stored, 1_000);
    await sizes();
    const worst = (xs: Array<{ name: string; p95: number }>): string => {
      const w = xs.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      return `${fmt(w.p95)} ms (${w.name})`;
    };
    log(`\nworst filtered page p95 ${worst(pages)}; worst full-text p95 ${worst(text)}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
} finally {
  api?.kill('SIGTERM');
  await store.close();
  if (KEEP) {
    log(`schema ${SCHEMA} kept (drop it with --schema ${SCHEMA} --drop --skip-measure, or DROP SCHEMA ${SCHEMA} CASCADE)`);
  } else {
    await dropSchema();
  }
}
