/**
 * End-to-end pipeline benchmark: articles from the local load wire through
 * every role, each role a separate `node dist/cli/main.js start --role X` process (run `npm run build` first),
 * on a private redis-server (append-only) and a temp SQLite file.
 *
 *   npm run bench:pipeline                          # 10,000 items, 100 feeds
 *   npm run bench:pipeline -- --items 2000 --feeds 40
 *   npm run bench:pipeline -- --phases e2e --rate 20  # paced wire: latency below capacity
 *   npm run bench:pipeline -- --alone-runs 5           # the bound from the median of 5 alone runs (default 3)
 *   npm run bench:pipeline -- --e2e-runs 3             # three e2e runs, an alone run before and after each
 *   BENCH_PROGRESS_MS=1000 npm run bench:pipeline      # a progress line every second (default 5 s)
 *   BENCH_SMAPS_DIR=/tmp/smaps npm run bench:pipeline  # each worker's /proc/PID/smaps at both idle readings
 *
 * Real pages (bench/lib/pages-bench.ts): 520 items over 10 feeds, each a page of the vendored
 * readability corpus under its own URL; `telex run --once` and one process per role against the
 * one-process script bench/pipeline-baseline.ts, in the same run:
 *   npm run bench:pipeline -- --wire pages                       # one round of baseline, once, roles
 *   npm run bench:pipeline -- --pages DIR --items 1000 --rounds 3 --commandstats
 *   npm run bench:pipeline -- --wire pages --modes baseline,once --bin .ab/before/dist/cli/main.js,dist/cli/main.js
 *   npm run bench:pipeline -- --wire pages --modes once --threads extractor=1,enricher=1   # pool threads per process
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:pipeline -- --wire pages --modes roles   # pool threads included
 *
 * Phases (each on a fresh Redis, queue prefix and database):
 *   alone  each stage alone over a full input queue (the queue is paused while the
 *          process starts, so start-up is not counted): CPU ms per article per
 *          stage, and Redis CPU ms per article
 *   e2e    all three roles at once: articles/s, publish -> stored latency p50/p95,
 *          Redis peak memory, each worker's RSS idle at start (start-up settled)
 *          and idle at the end (after the same wait, --idle), and under load: once
 *          10 % is stored, at the last article, at its peak, and the medians while
 *          10-30 % and 80-100 % was stored (growth after warm-up)
 *   scale  two processes of each role on one Redis: no duplicates, throughput
 * Then: the CPU bound implied by `alone` on this machine's cores, and efficiency.
 *
 * The alone runs are spread around the e2e runs (alone, e2e, alone, ...; any
 * runs beyond one more than the e2e runs come first): what a stage costs on
 * this machine moves by up to a third over minutes, with no change in the
 * code (another guest on the host, say), so each e2e run is also compared
 * with the bound of the two alone runs either side of it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFileConfig, stageConcurrency } from '../src/config.js';
import { audit, closeStoredCounts, latencies, median, Observer, percentile, storedCount, writeRunConfig } from './lib/harness.js';
import { startLoadWire, type LoadWire } from './lib/load-wire.js';
import { runPagesBench, type PagesMode } from './lib/pages-bench.js';
import { BIN, cpuMs, REPO, rssMb, startRedis, startRole, waitFor, type RedisProc, type RoleProc } from './lib/procs.js';

const { values } = parseArgs({
  options: {
    // Defaults: 10,000 items over 100 feeds (generated wire), 520 over 10 (real pages).
    items: { type: 'string' },
    feeds: { type: 'string' },
    // "generated" (bench/lib/load-wire.ts) or "pages" (real pages, bench/lib/pages-bench.ts).
    wire: { type: 'string', default: 'generated' },
    // A folder of pages for the real-page wire (implies --wire pages); default the vendored readability pages.
    pages: { type: 'string' },
    // Real-page wire: which runs, in order, each round.
    modes: { type: 'string', default: 'baseline,once,roles' },
    rounds: { type: 'string', default: '1' },
    // Real-page wire: Telex builds (their dist/cli/main.js) compared in the same run, taking turns.
    bin: { type: 'string' },
    'in-flight': { type: 'string', default: '8' },
    commandstats: { type: 'boolean', default: false },
    phases: { type: 'string', default: 'alone,e2e,scale' },
    rate: { type: 'string' },
    'poll-every': { type: 'string', default: '2s' },
    // Jobs in flight per process: "8" for every role, or "extractor=8,enricher=12"; unset = the shipped defaults.
    concurrency: { type: 'string' },
    // Pool threads per extractor / enricher process: "1" for both, or "extractor=1,enricher=2"; unset = one per core.
    threads: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Runs of the alone phase; the bound uses each stage's median (one run moves by about ±15 %).
    'alone-runs': { type: 'string', default: '3' },
    // e2e runs, each between two alone runs (when the alone phase runs).
    'e2e-runs': { type: 'string', default: '1' },
    // Idle wait before the start RSS and before the idle end RSS: long enough for every role and
    // pool thread to release memory after start-up (workers.releaseMemoryAfter, 10 s by default,
    // of quiet after being ready; pool threads are ready seconds after their process).
    idle: { type: 'string', default: '25s' },
  },
});
const REAL_PAGES = values.wire === 'pages' || values.pages !== undefined;
const FEEDS = Number(values.feeds ?? (REAL_PAGES ? 10 : 100));
const ITEMS = Number(values.items ?? (REAL_PAGES ? 520 : 10000));
const PER_FEED = Math.ceil(ITEMS / FEEDS);
const PHASES = new Set(String(values.phases).split(','));
const RATE = values.rate ? Number(values.rate) : undefined;
/** "8" for every role, or "extractor=8,enricher=12". */
function perRole(v: string | undefined, roles: readonly string[]): Partial<Record<'fetcher' | 'extractor' | 'enricher', number>> {
  if (!v) {
    return {};
  }
  if (/^\d+$/.test(v)) {
    return Object.fromEntries(roles.map((r) => [r, Number(v)]));
  }
  return Object.fromEntries(v.split(',').map((kv) => kv.split('=')).map(([k, n]) => [String(k), Number(n)]));
}
const CONC = perRole(values.concurrency, ['fetcher', 'extractor', 'enricher']);
const THREADS = perRole(values.threads, ['extractor', 'enricher']);
const CORES = availableParallelism();
const IDLE_MS = (() => {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(String(values.idle));
  if (!m) {
    throw new Error(`--idle: a duration like 10s or 500ms, not "${values.idle}"`);
  }
  return Number(m[1]) * (m[2] === 'ms' ? 1 : 1000);
})();
const root = mkdtempSync(join(tmpdir(), 'telex-bench-'));
const STAGES = ['fetcher', 'extractor', 'enricher'] as const;
type Stage = (typeof STAGES)[number];
const QUEUE_OF = { fetcher: 'poll', extractor: 'extract', enricher: 'enrich' } as const;

const out = (s = '') => process.stdout.write(`${s}\n`);
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

let runNo = 0;
let printedWorkers = false;
async function freshRun(wire: LoadWire, label: string) {
  runNo++;
  const dir = join(root, `${runNo}-${label}`);
  const redis = await startRedis({ dir: join(dir, 'redis') });
  const prefix = `{bench-${label}-${Date.now().toString(36)}}`;
  const databaseUrl = join(dir, 'telex.db');
  const setup = writeRunConfig(wire, {
    dir,
    redisUrl: redis.url,
    databaseUrl,
    prefix,
    pollEvery: String(values['poll-every']),
    concurrency: CONC,
    threads: THREADS,
    noBackpressure: label === 'alone',
  });
  const obs = new Observer(redis.url, prefix);
  if (label !== 'alone' && !printedWorkers) {
    printedWorkers = true;
    const w = loadFileConfig(setup.configPath).workers;
    out(
      `workers: fetcher ${w.fetcherConcurrency} jobs; extractor ${stageConcurrency(w, 'extractor')} jobs, ${w.extractorThreads ?? CORES} threads; ` +
        `enricher ${stageConcurrency(w, 'enricher')} jobs, ${w.enricherThreads ?? CORES} threads; extractor waits while ${w.maxEnrichBacklog} articles wait for an enricher`,
    );
  }
  return { dir, redis, prefix, databaseUrl, setup, obs, logDir: join(dir, 'logs') };
}
type Run = Awaited<ReturnType<typeof freshRun>>;

async function startPaused(run: Run, roles: Array<{ role: Stage; name: string }>, pause: Array<'poll' | 'extract' | 'enrich'>, idleMs = IDLE_MS) {
  for (const q of pause) {
    await run.obs.queues[q].pause();
  }
  const procs = roles.map((r) => startRole(r.role, run.setup.env, { name: r.name, configPath: run.setup.configPath, logDir: run.logDir }));
  await Promise.race([
    Promise.all(procs.map((p) => p.ready)),
    ...procs.map((p) => p.exited.then((c) => Promise.reject(new Error(`${p.name} exited early (${c}); see ${run.logDir}`)))),
  ]);
  // Let start-up work settle (scheduler sync, first connections, thread pools loading their models)
  // before the baseline.
  await settleIdle(procs, idleMs);
  return procs;
}

/**
 * Waits while the processes sit idle, as they do before and after a run: `idleMs` (each role
 * and pool thread releases memory once it has been quiet for workers.releaseMemoryAfter after
 * start-up or work), then until no process's RSS moves by more than 1 MB in half a second
 * (15 s at most). The RSS at start and the idle RSS at the end are both taken after this
 * (idleRss), so they compare like with like.
 */
async function settleIdle(procs: RoleProc[], idleMs = IDLE_MS): Promise<void> {
  await new Promise((r) => setTimeout(r, idleMs));
  const deadline = Date.now() + 15_000;
  let last = procs.map((p) => rssMb(p.pid));
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = procs.map((p) => rssMb(p.pid));
    const settled = now.every((v, i) => Math.abs(v - (last[i] ?? 0)) <= 1);
    last = now;
    if (settled) {
      break;
    }
  }
}

/**
 * Each process's idle RSS: the median of readings every 250 ms for 3 s. An idle process still
 * allocates a little (timers, Redis round trips) and so touches its young generation's pages
 * again, a few MB at a time, and a collection hands them back: one reading lands anywhere in that.
 */
async function idleRss(procs: RoleProc[], when: 'start' | 'end'): Promise<Map<string, number>> {
  const smapsDir = process.env['BENCH_SMAPS_DIR'];
  if (smapsDir) {
    mkdirSync(smapsDir, { recursive: true });
    for (const p of procs) {
      // /proc files report a size of 0, so copy by reading.
      writeFileSync(join(smapsDir, `${p.name}-${when}.smaps`), readFileSync(`/proc/${p.pid}/smaps`));
    }
  }
  const readings = procs.map(() => [] as number[]);
  for (let i = 0; i < 12; i++) {
    procs.forEach((p, j) => readings[j]?.push(rssMb(p.pid)));
    await new Promise((r) => setTimeout(r, 250));
  }
  return new Map(procs.map((p, j) => [p.name, percentile([...(readings[j] ?? [])].sort((a, b) => a - b), 50)]));
}

const sample = (procs: RoleProc[], redis: RedisProc) => ({
  cpu: new Map(procs.map((p) => [p.name, cpuMs(p.pid)])),
  rss: new Map(procs.map((p) => [p.name, rssMb(p.pid)])),
  redisCpu: cpuMs(redis.pid()),
  at: Date.now(),
});

async function finish(run: Run) {
  await closeStoredCounts();
  await run.obs.close();
  await run.redis.stop();
}

/** Waits until `done()` holds, printing progress every 5 s. */
async function progress(label: string, done: () => Promise<{ ok: boolean; line: string }>) {
  let last = 0;
  await waitFor(
    label,
    async () => {
      const r = await done();
      if (Date.now() - last > Number(process.env["BENCH_PROGRESS_MS"] ?? 5_000)) {
        last = Date.now();
        process.stderr.write(`  [${label}] ${r.line}\n`);
      }
      return r.ok;
    },
    6 * 3600_000,
    250,
  );
}

// ------------------------------------------------------------------ phases

type Alone = { cpuPerArticle: Record<Stage, number>; redisCpuPerArticle: number; seconds: Record<Stage, number> };

async function phaseAlone(wire: LoadWire): Promise<Alone> {
  const run = await freshRun(wire, 'alone');
  const cpuPerArticle = { fetcher: 0, extractor: 0, enricher: 0 };
  const seconds = { fetcher: 0, extractor: 0, enricher: 0 };
  let redisCpu = 0;
  const extractJobs = wire.items.length;
  const enrichJobs = wire.expectedStored;
  try {
    for (const stage of STAGES) {
      const q = QUEUE_OF[stage];
      // CPU only: a short settle is enough.
      const [proc] = await startPaused(run, [{ role: stage, name: `alone-${stage}` }], [q], 1_000);
      if (!proc) {
        throw new Error('no process');
      }
      const before = sample([proc], run.redis);
      await run.obs.queues[q].resume();
      await progress(`alone ${stage}`, async () => {
        const ex = await run.obs.counts('extract');
        const en = await run.obs.counts('enrich');
        const queued = (c: Record<string, number>) => (c['waiting'] ?? 0) + (c['paused'] ?? 0) + (c['prioritized'] ?? 0);
        const stored = stage === 'enricher' ? ((await storedCount(run.databaseUrl)) ?? 0) : 0;
        const ok =
          stage === 'fetcher'
            ? queued(ex) + (ex['failed'] ?? 0) >= extractJobs
            : stage === 'extractor'
              ? queued(ex) + (ex['active'] ?? 0) + (ex['delayed'] ?? 0) === 0 && queued(en) >= enrichJobs
              : stored >= wire.expectedStored && queued(en) + (en['active'] ?? 0) === 0;
        return { ok, line: `extract ${JSON.stringify(ex)} enrich ${JSON.stringify(en)} stored ${stored}` };
      });
      const after = sample([proc], run.redis);
      const articles = stage === 'fetcher' ? extractJobs : stage === 'extractor' ? extractJobs : enrichJobs;
      cpuPerArticle[stage] = ((after.cpu.get(proc.name) ?? 0) - (before.cpu.get(proc.name) ?? 0)) / articles;
      seconds[stage] = (after.at - before.at) / 1000;
      redisCpu += after.redisCpu - before.redisCpu;
      if (stage === 'fetcher') {
        // Later polls find nothing new; stop polling so the next stages run alone.
        await run.obs.queues.poll.pause();
      }
      await proc.stop();
    }
  } finally {
    await finish(run);
  }
  return { cpuPerArticle, redisCpuPerArticle: redisCpu / wire.expectedStored, seconds };
}

type E2E = {
  label: string;
  processes: number;
  seconds: number;
  storedPerSec: number;
  itemsPerSec: number;
  p50: number;
  p95: number;
  seenP50: number;
  seenP95: number;
  redisPeakMb: number;
  rss: Array<{ name: string; start: number; warm: number; end: number; idleEnd: number; peak: number; early: number; late: number }>;
  cpuMsTotal: number;
  /** CPU of each worker process during the run. */
  cpuMs: Array<{ name: string; ms: number }>;
  redisCpuMs: number;
  /** CPU of this process (the load wire serving feeds and pages, the observer's polling) during the run. */
  harnessCpuMs: number;
  audit: Awaited<ReturnType<typeof audit>>;
  jobs: Array<{ name: string; jobs: string }>;
};

async function phaseE2E(wire: LoadWire, label: string, copies: number): Promise<E2E> {
  const run = await freshRun(wire, label);
  const roles = STAGES.flatMap((role) => Array.from({ length: copies }, (_, i) => ({ role, name: `${label}-${role}-${i + 1}` })));
  const procs = await startPaused(run, roles, ['poll']);
  try {
    const idleStart = await idleRss(procs, 'start');
    const before = sample(procs, run.redis);
    const harness0 = process.cpuUsage();
    await run.obs.queues.poll.resume();
    const t0 = Date.now();
    // RSS once a tenth is stored: lexicons, gazetteers and thread pools are loaded by then (warm-up, not growth).
    let warm: Map<string, number> | null = null;
    // RSS at every progress check, with the share stored then: a single reading lands anywhere in V8's
    // collection cycle (tens of MB apart), so the flatness figure compares medians of two windows.
    const trace = new Map<string, Array<{ at: number; rss: number }>>(procs.map((p) => [p.name, []]));
    await progress(label, async () => {
      const stored = (await storedCount(run.databaseUrl)) ?? 0;
      for (const p of procs) {
        trace.get(p.name)?.push({ at: stored / wire.expectedStored, rss: rssMb(p.pid) });
      }
      if (!warm && stored >= wire.expectedStored / 10) {
        warm = new Map(procs.map((p) => [p.name, rssMb(p.pid)]));
      }
      const ex = await run.obs.counts('extract');
      const en = await run.obs.counts('enrich');
      const busy = await run.obs.busy();
      const finalExtract = (ex['failed'] ?? 0) + stored;
      return {
        ok: stored >= wire.expectedStored && busy === 0,
        line:
          `stored ${stored}/${wire.expectedStored}, busy ${busy}, extract failed ${ex['failed'] ?? 0}, ~${fmt(finalExtract / ((Date.now() - t0) / 1000))} items/s; ` +
          `waiting/active: extract ${ex['waiting'] ?? 0}/${ex['active'] ?? 0}, enrich ${en['waiting'] ?? 0}/${en['active'] ?? 0}`,
      };
    });
    const t1 = Date.now();
    const after = sample(procs, run.redis);
    const harness = process.cpuUsage(harness0);
    const mem = await run.redis.info('memory');
    const events = await run.obs.events();
    const lat = latencies(wire, events, 'publish');
    const seen = latencies(wire, events, 'seen');
    const lastEvent = events.reduce((m, e) => Math.max(m, e.ms), 0);
    const firstServed = Math.min(...wire.firstServedAt.values());
    const seconds = ((lastEvent || t1) - Math.min(firstServed, t0)) / 1000;
    await settleIdle(procs);
    const idleEnd = await idleRss(procs, 'end');
    for (const p of procs) {
      await p.stop();
    }
    const result: E2E = {
      label,
      processes: procs.length,
      seconds,
      storedPerSec: wire.expectedStored / seconds,
      itemsPerSec: wire.items.length / seconds,
      p50: percentile(lat, 50),
      p95: percentile(lat, 95),
      seenP50: percentile(seen, 50),
      seenP95: percentile(seen, 95),
      redisPeakMb: Number(mem['used_memory_peak'] ?? 0) / 1024 / 1024,
      rss: procs.map((p) => {
        const t = trace.get(p.name) ?? [];
        const median = (lo: number, hi: number) => percentile(t.filter((x) => x.at >= lo && x.at < hi).map((x) => x.rss).sort((a, b) => a - b), 50);
        return {
          name: p.name,
          start: idleStart.get(p.name) ?? NaN,
          warm: (warm as Map<string, number> | null)?.get(p.name) ?? NaN,
          end: after.rss.get(p.name) ?? NaN,
          idleEnd: idleEnd.get(p.name) ?? NaN,
          peak: Math.max(...t.map((x) => x.rss)),
          early: median(0.1, 0.3),
          late: median(0.8, 1.01),
        };
      }),
      cpuMsTotal: procs.reduce((s, p) => s + (after.cpu.get(p.name) ?? 0) - (before.cpu.get(p.name) ?? 0), 0),
      cpuMs: procs.map((p) => ({ name: p.name, ms: (after.cpu.get(p.name) ?? 0) - (before.cpu.get(p.name) ?? 0) })),
      redisCpuMs: after.redisCpu - before.redisCpu,
      harnessCpuMs: (harness.user + harness.system) / 1000,
      audit: await audit(wire, run.obs, run.databaseUrl),
      jobs: procs.map((p) => ({ name: p.name, jobs: [...p.jobs.entries()].map(([k, v]) => `${k}=${v}`).join(' ') })),
    };
    return result;
  } finally {
    for (const p of procs) {
      if (p.alive()) {
        await p.kill9();
      }
    }
    await finish(run);
  }
}

function printE2E(r: E2E) {
  out(`### ${r.label}: ${r.processes} worker processes`);
  out(`end to end: ${fmt(r.seconds)} s, ${fmt(r.storedPerSec)} articles stored/s (${fmt(r.itemsPerSec)} items/s incl. bad input)`);
  out(`publish -> stored latency: p50 ${fmt(r.p50 / 1000, 2)} s, p95 ${fmt(r.p95 / 1000, 2)} s (first seen in a feed -> stored: p50 ${fmt(r.seenP50 / 1000, 2)} s, p95 ${fmt(r.seenP95 / 1000, 2)} s)`);
  out(`redis peak memory (used_memory_peak): ${fmt(r.redisPeakMb)} MB; redis CPU ${fmt(r.redisCpuMs / r.audit.expectedStored, 2)} ms/article`);
  out(`worker CPU: ${fmt(r.cpuMsTotal / r.audit.expectedStored, 1)} ms/article in total; CPU obtained ${fmt((r.cpuMsTotal + r.redisCpuMs) / 1000 / r.seconds, 2)} cores on average`);
  out(`worker CPU per article, by process: ${r.cpuMs.map((c) => `${c.name} ${fmt(c.ms / r.audit.expectedStored, 2)} ms`).join(', ')}`);
  out(`this benchmark process (load wire serving feeds and pages, observer): ${fmt(r.harnessCpuMs / 1000 / r.seconds, 2)} cores on average`);
  for (const x of r.rss) {
    const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${fmt(((b - a) / a) * 100)} %`;
    out(
      `  rss ${x.name.padEnd(24)} idle: start ${fmt(x.start)} MB -> end ${fmt(x.idleEnd)} MB (${pct(x.start, x.idleEnd)}); ` +
        `under load: at 10 % ${fmt(x.warm)} MB, at the last article ${fmt(x.end)} MB, peak ${fmt(x.peak)} MB (start->last ${pct(x.start, x.end)}, 10 %->last ${pct(x.warm, x.end)}); ` +
        `median while 10-30 % stored ${fmt(x.early)} MB -> while 80-100 % stored ${fmt(x.late)} MB (${pct(x.early, x.late)})`,
    );
  }
  for (const j of r.jobs) {
    out(`  jobs ${j.name.padEnd(24)} ${j.jobs}`);
  }
  const a = r.audit;
  out(
    `audit: stored ${a.stored}/${a.expectedStored} exactly once: ${a.storedOnce ? 'yes' : 'NO'}; created events ${a.createdEvents} (ids with >1: ${a.duplicateCreatedEvents}); versions > 1: ${a.versionsAboveOne}; failed jobs extract ${a.failedJobs.extract} / enrich ${a.failedJobs.enrich} / poll ${a.failedJobs.poll}; failed on good input ${a.failedOnGoodInput.length}; nothing left queued or active: ${a.nothingLeft ? 'yes' : 'NO'}`,
  );
  if (!a.storedOnce) {
    out(`  missing ${a.missing.length}: ${a.missing.slice(0, 5).join(' ')}`);
  }
  out();
}

// ------------------------------------------------------------------ main

const totalOf = (a: Alone) => a.cpuPerArticle.fetcher + a.cpuPerArticle.extractor + a.cpuPerArticle.enricher + a.redisCpuPerArticle;
const boundOf = (a: Alone) => (CORES * 1000) / totalOf(a);


/** Each stage's median over `runs`. */
function medianAlone(runs: Alone[]): Alone {
  const per = (f: (a: Alone) => number) => median(runs.map(f));
  return {
    cpuPerArticle: { fetcher: per((r) => r.cpuPerArticle.fetcher), extractor: per((r) => r.cpuPerArticle.extractor), enricher: per((r) => r.cpuPerArticle.enricher) },
    redisCpuPerArticle: per((r) => r.redisCpuPerArticle),
    seconds: { fetcher: per((r) => r.seconds.fetcher), extractor: per((r) => r.seconds.extractor), enricher: per((r) => r.seconds.enricher) },
  };
}

function printAlone(runs: Alone[], alone: Alone) {
  out(`### each stage alone (CPU ms per article; median of ${runs.length} run${runs.length > 1 ? 's' : ''}, in the order they ran)`);
  for (const s of STAGES) {
    out(`  ${s.padEnd(10)} ${fmt(alone.cpuPerArticle[s], 2)} ms  (${fmt(alone.seconds[s])} s wall)  runs: ${runs.map((r) => fmt(r.cpuPerArticle[s], 2)).join(' / ')}`);
  }
  out(`  redis      ${fmt(alone.redisCpuPerArticle, 2)} ms  runs: ${runs.map((r) => fmt(r.redisCpuPerArticle, 2)).join(' / ')}`);
  out(`  total      ${fmt(totalOf(alone), 2)} ms -> CPU bound on ${CORES} cores: ${fmt(boundOf(alone))} articles/s  (per run: ${runs.map((r) => fmt(boundOf(r))).join(' / ')})`);
  out();
}

/** Efficiency of one e2e or scale run against a bound from `alone`. */
function efficiency(r: E2E, alone: Alone): { bound: number; pct: number; obtained: number; vsObtained: number; left: number; vsLeft: number } {
  const perArticle = totalOf(alone);
  const bound = boundOf(alone);
  const obtained = (r.cpuMsTotal + r.redisCpuMs) / 1000 / r.seconds;
  // The wire and the observer run on the same cores as the pipeline; a real deployment's sites do not.
  const left = CORES - r.harnessCpuMs / 1000 / r.seconds;
  return {
    bound,
    pct: (r.storedPerSec / bound) * 100,
    obtained,
    vsObtained: (r.storedPerSec / ((obtained * 1000) / perArticle)) * 100,
    left,
    vsLeft: (r.storedPerSec / ((left * 1000) / perArticle)) * 100,
  };
}

async function main() {
  out(`## bench:pipeline — ${new Date().toISOString()}`);
  out(`items ${FEEDS * PER_FEED} (${FEEDS} feeds x ${PER_FEED}), concurrency ${values.concurrency ? `${values.concurrency} per worker` : 'shipped defaults'}, poll every ${values['poll-every']}, cores ${CORES}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const wireOpts = { feeds: FEEDS, itemsPerFeed: PER_FEED, flakyEvery: 100, ...(RATE ? { publishPerSecond: RATE } : {}) };
  const e2eRuns = PHASES.has('e2e') ? Math.max(1, Number(values['e2e-runs'])) : 0;
  const aloneTotal = PHASES.has('alone') ? Math.max(1, Number(values['alone-runs']), e2eRuns > 0 ? e2eRuns + 1 : 0) : 0;
  const aloneRuns: Alone[] = [];
  let wirePrinted = false;
  const runAlone = async () => {
    const wire = await startLoadWire({ ...wireOpts, publishPerSecond: undefined });
    try {
      if (!wirePrinted) {
        wirePrinted = true;
        out(`wire: ${wire.items.length} items, ${wire.expectedStored} should be stored (${wire.items.filter((i) => i.expect === 'failed').length} dead links, ${wire.items.filter((i) => i.expect === 'skipped').length} pages without a story, ${wire.items.filter((i) => i.kind === 'fallback').length} from feed content, ${wire.items.filter((i) => i.kind === 'flaky').length} answer 503 once)`);
      }
      const a = await phaseAlone(wire);
      process.stderr.write(`  [alone run ${aloneRuns.length + 1}/${aloneTotal}] bound ${fmt(boundOf(a))} articles/s\n`);
      aloneRuns.push(a);
    } finally {
      await wire.close();
    }
  };
  const runE2E = async (phase: 'e2e' | 'scale', copies: number) => {
    const wire = await startLoadWire(wireOpts);
    try {
      const r = await phaseE2E(wire, phase, copies);
      printE2E(r);
      return r;
    } finally {
      await wire.close();
    }
  };
  // alone x (aloneTotal - e2eRuns), then (e2e, alone) x e2eRuns: each e2e run has an alone run either side.
  const e2e: Array<{ r: E2E; aloneBefore: number }> = [];
  for (let i = 0; i < aloneTotal - e2eRuns; i++) {
    await runAlone();
  }
  for (let i = 0; i < e2eRuns; i++) {
    const aloneBefore = aloneRuns.length;
    e2e.push({ r: await runE2E('e2e', 1), aloneBefore });
    if (aloneRuns.length < aloneTotal) {
      await runAlone();
    }
  }
  const alone = aloneRuns.length > 0 ? medianAlone(aloneRuns) : null;
  if (alone) {
    printAlone(aloneRuns, alone);
  }
  const scale = PHASES.has('scale') ? await runE2E('scale', 2) : null;
  if (alone) {
    out('### efficiency (measured articles/s over the CPU bound)');
    const pcts: number[] = [];
    for (const [i, { r, aloneBefore }] of e2e.entries()) {
      const all = efficiency(r, alone);
      const sides = aloneRuns.slice(Math.max(0, aloneBefore - 1), aloneBefore + 1);
      const near = efficiency(r, medianAlone(sides));
      pcts.push(all.pct);
      out(
        `e2e run ${i + 1}: ${fmt(r.storedPerSec)} articles/s, ${fmt(all.pct)} % of the ${CORES}-core bound (${fmt(all.bound)}, median of all alone runs); ` +
          `${fmt(near.pct)} % of the bound of the alone runs either side of it (${fmt(near.bound)}: runs ${sides.map((_, j) => Math.max(0, aloneBefore - 1) + j + 1).join(' and ')})`,
      );
      out(`  vs the CPU this run obtained (${fmt(all.obtained, 2)} cores): ${fmt(all.vsObtained)} %; vs the ${fmt(all.left, 2)} cores left to the pipeline by this benchmark process: ${fmt(all.vsLeft)} %`);
    }
    if (e2e.length > 1) {
      const sorted = [...pcts].sort((a, b) => a - b);
      out(`e2e efficiency over ${e2e.length} runs: median ${fmt(median(sorted))} %, range ${fmt(sorted[0] ?? NaN)}-${fmt(sorted[sorted.length - 1] ?? NaN)} %`);
    }
    if (scale) {
      const s = efficiency(scale, alone);
      out(`scale: ${fmt(scale.storedPerSec)} articles/s, ${fmt(s.pct)} % of the ${CORES}-core bound (vs the CPU it obtained, ${fmt(s.obtained, 2)} cores: ${fmt(s.vsObtained)} %)`);
    }
    out();
  }
  out(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

try {
  if (REAL_PAGES) {
    await runPagesBench({
      pagesDir: values.pages ? resolve(values.pages) : join(REPO, 'tests/fixtures/corpora/readability-test-pages'),
      items: ITEMS,
      feeds: FEEDS,
      modes: String(values.modes).split(',') as PagesMode[],
      rounds: Math.max(1, Number(values.rounds)),
      bins: values.bin ? values.bin.split(',').map((b) => resolve(b)) : [BIN],
      inFlight: Number(values['in-flight']),
      commandstats: values.commandstats === true,
      root,
      ...(values.threads ? { threads: THREADS } : {}),
    });
  } else {
    await main();
  }
} finally {
  if (!values.keep) {
    rmSync(root, { recursive: true, force: true });
  } else {
    out(`kept ${root}`);
  }
}
