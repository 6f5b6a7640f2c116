/**
 * GET /articles latency over real HTTP with 100,000 stored articles, on each
 * backend: SQLite (temp file) and PostgreSQL (a unique schema, dropped after).
 *
 *   npm run bench:api
 *   BENCH_ARTICLES=20000 BENCH_REQUESTS=100 BENCH_BACKENDS=sqlite npm run bench:api
 *
 * Scenarios: an unfiltered first page, a filtered page of 50 (feed + topic +
 * since), a full-text query, and deep pagination (following nextCursor).
 * Both backends get the same generated articles, loaded with `upsertArticles`
 * in batches of 500 (about a minute or two per backend).
 *
 * Then a load run (BENCH_MODE=load runs only this one, BENCH_MODE=latency skips
 * it): BENCH_LOAD_ARTICLES (2,000) real-size articles (BENCH_LOAD_WORDS, 1,800
 * words: text and HTML about 25 KB a record, like the wire stories of the
 * issue) in a fresh store, the API in a process of its own (bench/api-serve.ts),
 * and BENCH_CONNECTIONS (50) clients for BENCH_LOAD_SECONDS (10) per scenario
 * on loopback: requests/s, latency p50/p95/p99, bytes per
 * response and the API process's CPU per request for a full page of 50 (as a
 * browser asks: gzip, deflate, br; br only; no compression), a summary page,
 * and a full-text query, BENCH_ROUNDS (2) times. Beside the API's CPU, each
 * row gives the load generator's (this process) and, on PostgreSQL, the
 * database server's CPU per request: on two cores they share the machine.
 *
 * The clients are undici's connection pool (BENCH_CLIENT=undici, the default:
 * llhttp, about 1 ms of CPU for a 384 KB response) or autocannon
 * (BENCH_CLIENT=autocannon: its JavaScript HTTP parser spends about 9 ms of CPU
 * on the same response, so at about 115 full pages a second it fills a core
 * of its own and the run measures the load generator, not the API).
 *
 * BENCH_BEFORE=DIR adds the code of another checkout (the code before a
 * change) as a second API process over a store it fills itself, and every
 * round runs the scenarios it has against both builds in turn:
 *
 *   git worktree add --detach /tmp/telex-before e7e7ce5 && ln -s "$PWD/node_modules" /tmp/telex-before/
 *   BENCH_MODE=load BENCH_BEFORE=/tmp/telex-before npm run bench:api
 *   BENCH_MODE=load BENCH_NODE_ARGS="--single-threaded" npm run bench:api   # node options for the API process
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import pg from 'pg';
import { createApiServer } from '../src/api/server.js';
import { silentLogger } from '../src/logger.js';
import { openStore } from '../src/store/index.js';
import type { ArticleStore, FullArticleStore } from '../src/store/article-store.js';
import type { ArticleRecord } from '../src/store/types.js';
import { benchArticle, syntheticVocabulary } from './lib/articles.js';
import { cpuMs } from './lib/procs.js';
import { rng } from './lib/rng.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MODE = process.env.BENCH_MODE ?? 'all';
const LOAD_ARTICLES = Number(process.env.BENCH_LOAD_ARTICLES ?? 2_000);
const LOAD_WORDS = Number(process.env.BENCH_LOAD_WORDS ?? 1_800);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
/** A checkout of the code before the change, served beside this one in the load run. */
const BEFORE = process.env.BENCH_BEFORE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CLIENT = process.env.BENCH_CLIENT ?? 'undici';

const FEEDS = 20;
const DAYS = 120;
const T_END = Date.parse('2026-03-01T00:00:00Z');
const TOPICS = Array.from({ length: 20 }, (_, i) => `medtop:${String(20000000 + i * 7).padStart(8, '0')}`);
const LANGS = ['en', 'en', 'en', 'fr', 'de', 'es'];


/** The article generator's random source, restarted for each backend so that both store the same articles. */
let rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** A vocabulary with a Zipf-like use: a few common words, a long tail of rare ones. */
const VOCAB = syntheticVocabulary(5_000);
const zipfWord = (): string => VOCAB[Math.floor(VOCAB.length * rand() ** 3)] as string;
const NAMES = Array.from({ length: 300 }, (_, i) => `Person ${VOCAB[i * 7]} ${VOCAB[i * 11 + 1]}`);

function makeArticle(i: number): ArticleRecord {
  // The random source is read in this order (the order the generated articles depend on).
  const title = Array.from({ length: 8 }, zipfWord).join(' ');
  const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 30 }, zipfWord).join(' '));
  const feedN = Math.floor(rand() * FEEDS);
  const publishedAt = new Date(T_END - Math.floor(rand() * DAYS * 86_400_000)).toISOString();
  const topicCodes = new Set([pick(TOPICS), pick(TOPICS)]);
  const language = pick(LANGS);
  const topics = [...topicCodes].map((code) => ({ code, score: Math.round(rand() * 100) / 100 }));
  const person = pick(NAMES);
  return benchArticle({
    n: i,
    title,
    paragraphs,
    feed: { id: `feed-${feedN}`, title: `Feed ${feedN}`, url: `https://bench.test/feed-${feedN}.xml` },
    publishedAt,
    language,
    wordCount: 128,
    topics,
    person,
  });
}

/** Bulk load through `upsertArticles`: batches of SEED_BATCH in one transaction each, a few in flight on PostgreSQL. */
const SEED_BATCH = 500;

async function seed(store: FullArticleStore, n: number): Promise<number> {
  rand = rng(42);
  const started = performance.now();
  const parallel = store.kind === 'postgres' ? 3 : 1;
  let next = 0;
  let reported = 0;
  const workers = Array.from({ length: parallel }, async () => {
    for (;;) {
      const from = next;
      if (from >= n) return;
      next = Math.min(n, from + SEED_BATCH);
      const batch = Array.from({ length: next - from }, (_, k) => ({ record: makeArticle(from + k) }));
      await store.upsertArticles(batch);
      if (next - reported >= 20_000) {
        reported = next;
        process.stdout.write(`  ${next} stored\n`);
      }
    }
  });
  await Promise.all(workers);
  return (performance.now() - started) / 1000;
}

type Figures = { p50: number; p95: number; p99: number; mean: number; items: number };

function summarise(ms: number[], items: number): Figures {
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: ms.reduce((a, b) => a + b, 0) / ms.length, items: items / ms.length };
}

type Params = Record<string, string>;

/** The same query over HTTP and straight to the store, so the API's own share is visible. */
async function measure(base: string, store: ArticleStore, makeParams: (i: number) => Params, n: number): Promise<{ http: Figures; store: Figures }> {
  const url = (p: Params) => `${base}/articles?${new URLSearchParams(p).toString()}`;
  for (let i = 0; i < 10; i++) {
    await (await fetch(url(makeParams(i)))).arrayBuffer();
  }
  const httpMs: number[] = [];
  const storeMs: number[] = [];
  let items = 0;
  for (let i = 0; i < n; i++) {
    const params = makeParams(i);
    const t = performance.now();
    const res = await fetch(url(params));
    const body = (await res.json()) as { items?: unknown[] };
    httpMs.push(performance.now() - t);
    if (res.status !== 200) {
      throw new Error(`${url(params)} -> ${res.status} ${JSON.stringify(body)}`);
    }
    items += body.items?.length ?? 0;
    const t2 = performance.now();
    await store.listArticles({ ...params, limit: Number(params.limit ?? 50) });
    storeMs.push(performance.now() - t2);
  }
  return { http: summarise(httpMs, items), store: summarise(storeMs, items) };
}

async function measureDeep(base: string, pages: number): Promise<Figures> {
  const ms: number[] = [];
  let items = 0;
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const url = `${base}/articles?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const t = performance.now();
    const body = (await (await fetch(url)).json()) as { items: unknown[]; nextCursor: string | null };
    ms.push(performance.now() - t);
    items += body.items.length;
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return summarise(ms, items);
}

type Row = [string, Figures, Figures | null];

function report(kind: string, name: string, http: Figures, direct: Figures | null): void {
  const st = direct ? `  store p50 ${direct.p50.toFixed(1).padStart(6)} p95 ${direct.p95.toFixed(1).padStart(6)}` : '';
  console.log(`  ${kind.padEnd(8)} ${name.padEnd(44)} p50 ${http.p50.toFixed(1).padStart(6)} ms  p95 ${http.p95.toFixed(1).padStart(6)} ms  p99 ${http.p99.toFixed(1).padStart(6)} ms${st}  (${http.items.toFixed(1)} items/page)`);
}

async function runBackend(kind: string): Promise<Row[]> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  let schema: string | undefined;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'telex-bench-api-'));
    databaseUrl = join(dir, 'telex.db');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else if (kind === 'postgres') {
    databaseUrl = PG_URL;
    schema = `bench_api_${randomBytes(4).toString('hex')}`;
    const s = schema;
    cleanup = async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await client.end();
    };
  } else {
    throw new Error(`unknown backend ${kind}`);
  }
  const store = await openStore(databaseUrl, schema ? { schema } : {});
  const results: Row[] = [];
  try {
    console.log(`${kind}: storing ${ARTICLES} articles${schema ? ` (schema ${schema})` : ''}`);
    const seconds = await seed(store, ARTICLES);
    console.log(`${kind}: stored in ${seconds.toFixed(1)} s (${Math.round(ARTICLES / seconds)}/s)`);
    const app = await createApiServer({ store, log: silentLogger() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const r = rng(7);
      const since = (i: number) => new Date(T_END - (10 + (i % 50)) * 86_400_000).toISOString();
      const midWord = (): string => VOCAB[200 + Math.floor(r() * 800)] as string;
      const scenarios: Array<[string, (i: number) => Params]> = [
        ['unfiltered page of 50', () => ({ limit: '50' })],
        ['filtered page of 50 (feed + topic + since)', (i) => ({ limit: '50', feed: `feed-${i % FEEDS}`, topic: TOPICS[i % TOPICS.length] as string, since: since(i) })],
        ['filtered page of 50 (feed + since)', (i) => ({ limit: '50', feed: `feed-${i % FEEDS}`, since: since(i) })],
        ['full-text q (one word), page of 50', () => ({ limit: '50', q: midWord() })],
        ['full-text q (two words), page of 50', () => ({ limit: '50', q: `${midWord()} ${VOCAB[Math.floor(r() * 50)]}` })],
        ['entity, page of 50', (i) => ({ limit: '50', entity: NAMES[i % NAMES.length] as string })],
      ];
      for (const [name, make] of scenarios) {
        const f = await measure(base, store, make, REQUESTS);
        results.push([name, f.http, f.store]);
        report(kind, name, f.http, f.store);
      }
      const deep = await measureDeep(base, REQUESTS);
      results.push(['deep pagination (nextCursor), page of 50', deep, null]);
      report(kind, 'deep pagination (nextCursor), page of 50', deep, null);
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    await cleanup();
  }
  return results;
}

/** A real-size stored article: LOAD_WORDS words in paragraphs of about 80. */
function makeLoadArticle(i: number): ArticleRecord {
  const a = makeArticle(i);
  const paragraphs = Array.from({ length: Math.max(1, Math.round(LOAD_WORDS / 80)) }, () => Array.from({ length: 80 }, zipfWord).join(' '));
  const text = paragraphs.join('\n\n');
  return { ...a, text, html: paragraphs.map((p) => `<p>${p}</p>`).join(''), wordCount: paragraphs.length * 80, contentHash: `${a.contentHash}-load` };
}

type LoadFigures = { rps: number; p50: number; p95: number; p99: number; bytes: number; errors: number; cpuMs?: number; clientCpuMs?: number; dbCpuMs?: number };

/** CPU time used so far by each PostgreSQL server process on this machine, in ms, by pid. */
function postgresCpu(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        byPid.set(Number(entry), cpuMs(Number(entry)) || 0);
      }
    } catch {
      // the process ended while the table was read
    }
  }
  return byPid;
}

/**
 * CPU the PostgreSQL server used between two `postgresCpu` readings: each
 * process's growth, whole for those started in between (the CPU of one that
 * ended in between is not seen).
 */
function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) {
    total += ms - (before.get(pid) ?? 0);
  }
  return total;
}

/** Latency percentiles and totals of a load run. */
function loadFigures(times: number[], answered: number, bytes: number, errors: number): LoadFigures {
  const sorted = times.sort((a, b) => a - b);
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { rps: answered / LOAD_SECONDS, p50: q(0.5), p95: q(0.95), p99: q(0.99), bytes: times.length > 0 ? bytes / times.length : 0, errors };
}

/** CONNECTIONS clients for LOAD_SECONDS on `paths` (taken in turn), with `headers`. */
function load(base: string, paths: string[], headers: Record<string, string>): Promise<LoadFigures> {
  return CLIENT === 'autocannon' ? loadAutocannon(base, paths, headers) : loadUndici(base, paths, headers);
}

/**
 * undici's pool of CONNECTIONS keep-alive connections, each client asking for
 * the next path as soon as its previous answer is read to the end. A request
 * counts in the rate when its answer was read within LOAD_SECONDS; requests
 * still open then are finished and counted in the latencies only.
 */
async function loadUndici(base: string, paths: string[], headers: Record<string, string>): Promise<LoadFigures> {
  const pool = new Pool(base, { connections: CONNECTIONS, pipelining: 1 });
  const times: number[] = [];
  let bytes = 0;
  let errors = 0;
  let answered = 0;
  let next = 0;
  const end = performance.now() + LOAD_SECONDS * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length] as string;
      const start = performance.now();
      try {
        const res = await pool.request({ path, method: 'GET', headers, headersTimeout: 10_000, bodyTimeout: 10_000 });
        let n = 0;
        for await (const chunk of res.body) {
          n += (chunk as Buffer).length;
        }
        const done = performance.now();
        times.push(done - start);
        bytes += n;
        if (res.statusCode !== 200) {
          errors++;
        } else if (done <= end) {
          answered++;
        }
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
  } finally {
    await pool.close();
  }
  return loadFigures(times, answered, bytes, errors);
}

/** The same run with autocannon. */
async function loadAutocannon(base: string, paths: string[], headers: Record<string, string>): Promise<LoadFigures> {
  const times: number[] = [];
  let bytes = 0;
  let non2xx = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: LOAD_SECONDS,
        headers,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      times.push(responseTime);
      bytes += resBytes;
      if (statusCode !== 200) {
        non2xx++;
      }
    });
  });
  return loadFigures(times, times.length, bytes, result.errors + result.timeouts + non2xx);
}

/**
 * Waits until the server answers /healthz quickly: requests of the previous
 * scenario still queued when its clients stopped are done.
 */
async function settle(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const t = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    if (performance.now() - t < 20) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The API of `from` (another checkout, or this one) in a process of its own over `databaseUrl`; its base URL. */
async function startServer(databaseUrl: string, schema: string | undefined, from: string | undefined): Promise<{ base: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(
    process.execPath,
    // BENCH_NODE_ARGS: node options for the API process (e.g. "--single-threaded").
    [...(process.env['BENCH_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean), '--import', 'tsx', join(import.meta.dirname, 'api-serve.ts'), databaseUrl, ...(schema ? [schema] : []), ...(from ? ['--from', from] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`api-serve exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

/**
 * The load run on one backend. With BENCH_BEFORE (a checkout of the code before
 * the change, e.g. `git worktree add /tmp/telex-before <commit>` with its
 * node_modules linked), that code stores the same articles in a store of its
 * own and serves them from a second API process; each round runs every
 * scenario against the old build and the new one in turn, so both see the same
 * machine load.
 */
async function runLoad(kind: string): Promise<Array<[string, LoadFigures]>> {
  const builds: Array<{ name: 'before' | 'after'; from: string | undefined }> = [
    ...(BEFORE ? [{ name: 'before' as const, from: BEFORE }] : []),
    { name: 'after', from: undefined },
  ];
  const dir = kind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'telex-bench-load-')) : null;
  const schemas: string[] = [];
  const servers: Array<ReturnType<typeof spawn>> = [];
  const bases = new Map<string, string>();
  const pids = new Map<string, number | undefined>();
  const rows: Array<[string, LoadFigures]> = [];
  try {
    for (const build of builds) {
      const schema = kind === 'postgres' ? `bench_load_${randomBytes(4).toString('hex')}` : undefined;
      if (schema) {
        schemas.push(schema);
      }
      const databaseUrl = dir ? join(dir, `${build.name}.db`) : PG_URL;
      const { openStore: open } = (build.from
        ? await import(pathToFileURL(join(build.from, 'src/store/index.ts')).href)
        : { openStore }) as { openStore: typeof openStore };
      const store = await open(databaseUrl, schema ? { schema } : {});
      rand = rng(43);
      for (let from = 0; from < LOAD_ARTICLES; from += SEED_BATCH) {
        const batch = Array.from({ length: Math.min(SEED_BATCH, LOAD_ARTICLES - from) }, (_, k) => ({ record: makeLoadArticle(from + k) }));
        await store.upsertArticles(batch);
      }
      await store.close();
      const server = await startServer(databaseUrl, schema, build.from);
      servers.push(server.child);
      bases.set(build.name, server.base);
      pids.set(build.name, server.child.pid);
    }
    const r = rng(9);
    const words = Array.from({ length: 50 }, () => VOCAB[200 + Math.floor(r() * 800)] as string);
    // What browsers and HTTP libraries send.
    const client = { 'accept-encoding': 'gzip, deflate, br' };
    type Scenario = [string, 'before' | 'after', string[], Record<string, string>];
    const scenarios: Scenario[] = [
      ['full page of 50', 'before', ['/articles?limit=50'], client],
      ['full page of 50', 'after', ['/articles?limit=50'], client],
      ['full page of 50, br only', 'after', ['/articles?limit=50'], { 'accept-encoding': 'br' }],
      ['full page of 50, no compression', 'after', ['/articles?limit=50'], {}],
      ['summary page of 50 (view=summary)', 'after', ['/articles?limit=50&view=summary'], client],
      ['full-text q (one word), full page of 50', 'before', words.map((w) => `/articles?limit=50&q=${w}`), client],
      ['full-text q (one word), full page of 50', 'after', words.map((w) => `/articles?limit=50&q=${w}`), client],
      ['full-text q (one word), summary page of 50', 'after', words.map((w) => `/articles?limit=50&view=summary&q=${w}`), client],
    ];
    console.log(`${kind}: load run, ${LOAD_ARTICLES} articles of ${LOAD_WORDS} words, ${CONNECTIONS} clients, ${LOAD_SECONDS} s per scenario, ${ROUNDS} rounds${BEFORE ? `, before = ${BEFORE}` : ''}`);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, build, paths, headers] of scenarios) {
        const base = bases.get(build);
        if (!base) {
          continue;
        }
        await settle(base);
        const pid = pids.get(build);
        const cpu0 = pid === undefined ? NaN : cpuMs(pid);
        const client0 = process.cpuUsage();
        const db0 = kind === 'postgres' ? postgresCpu() : null;
        const f = await load(base, paths, headers);
        const cpu1 = pid === undefined ? NaN : cpuMs(pid);
        const client = process.cpuUsage(client0);
        const db1 = kind === 'postgres' ? postgresCpu() : null;
        if (Number.isFinite(cpu0) && Number.isFinite(cpu1) && f.rps > 0) {
          // The API process's own CPU per answered request: what the load average does not change much.
          f.cpuMs = (cpu1 - cpu0) / (f.rps * LOAD_SECONDS);
          // Where the rest of the two cores went: the load generator (this process) and the database server.
          f.clientCpuMs = (client.user + client.system) / 1000 / (f.rps * LOAD_SECONDS);
          f.dbCpuMs = db0 && db1 ? postgresCpuBetween(db0, db1) / (f.rps * LOAD_SECONDS) : undefined;
        }
        const label = `${build}: ${name} (round ${round})`;
        rows.push([label, f]);
        console.log(
          `  ${kind.padEnd(8)} ${label.padEnd(64)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(0).padStart(5)} ms  p95 ${f.p95.toFixed(0).padStart(5)} ms  p99 ${f.p99.toFixed(0).padStart(5)} ms  ${(f.bytes / 1024).toFixed(0).padStart(5)} KiB/response  ${f.cpuMs === undefined ? '' : `${f.cpuMs.toFixed(1)} CPU ms/request (client ${f.clientCpuMs?.toFixed(1)}${f.dbCpuMs === undefined ? '' : `, database ${f.dbCpuMs.toFixed(1)}`})`}${f.errors ? `  ${f.errors} errors` : ''}  load ${loadavg()[0]?.toFixed(1)}`,
        );
      }
    }
  } finally {
    for (const server of servers) {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    }
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
    if (schemas.length > 0) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      for (const schema of schemas) {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
      await c.end();
    }
  }
  return rows;
}

async function main(): Promise<void> {
  console.log(`GET /articles over HTTP: ${ARTICLES} articles, ${REQUESTS} sequential requests per scenario, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const all: Array<[string, ...Row]> = [];
  const loads: Array<[string, string, LoadFigures]> = [];
  for (const kind of BACKENDS) {
    if (MODE !== 'load') {
      for (const row of await runBackend(kind)) {
        all.push([kind, ...row]);
      }
    }
    if (MODE !== 'latency') {
      for (const [name, f] of await runLoad(kind)) {
        loads.push([kind, name, f]);
      }
    }
  }
  if (loads.length > 0) {
    console.log(`\n| backend | ${CONNECTIONS} clients, ${LOAD_SECONDS} s | req/s | p50 ms | p95 ms | p99 ms | KiB/response | API CPU ms/request | client CPU ms/request | database CPU ms/request | errors |`);
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [kind, name, f] of loads) {
      console.log(`| ${kind} | ${name} | ${f.rps.toFixed(1)} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.p99.toFixed(0)} | ${(f.bytes / 1024).toFixed(0)} | ${f.cpuMs?.toFixed(1) ?? '–'} | ${f.clientCpuMs?.toFixed(1) ?? '–'} | ${f.dbCpuMs?.toFixed(1) ?? '–'} | ${f.errors} |`);
    }
  }
  if (all.length === 0) {
    return;
  }
  console.log(`\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('\n| backend | scenario | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | store p50 ms | store p95 ms |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const fmt = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
  for (const [kind, name, http, direct] of all) {
    console.log(`| ${kind} | ${name} | ${fmt(http.p50)} | ${fmt(http.p95)} | ${fmt(http.p99)} | ${fmt(direct?.p50)} | ${fmt(direct?.p95)} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
