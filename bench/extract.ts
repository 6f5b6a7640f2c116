/**
 * Extractor benchmark: body-text quality, metadata agreement, speed and
 * memory over a folder of pages, Telex side by side with plain Readability
 * on jsdom in the same run (each in its own process).
 *
 *   npm run bench:extract                                         # default corpus (readability test pages)
 *   npm run bench:extract -- --corpus ../shared/corpora/extraction-wcxb-dev
 *   npm run bench:extract -- --corpus DIR --limit 100 --worst 40  # first 100 pages, 40 worst listed
 *   npm run bench:extract -- --corpus DIR --modes linkedom,jsdom  # Telex on both DOMs, no Readability
 *   npm run bench:extract -- --modes linkedom,readability-linkedom  # against plain Readability on linkedom (bench:pipeline's baseline)
 *   npm run bench:extract -- --corpus DIR --modes linkedom --misses author  # pages whose author disagrees (title|author|date|with|without|all)
 *   npm run bench:extract -- --corpus DIR --before .bench-before  # also the extractor of an older tree, same run
 *   npm run bench:extract -- --corpus DIR --before .bench-before --paired  # speed only, the two taking turns per page
 *   npm run bench:extract -- --corpus DIR --before .bench-before --halves  # also each half of the set (md5 of the page id)
 *   npm run bench:extract -- --corpus DIR --modes linkedom --before .bench-before --diff  # every page that reads differently
 *   npm run bench:extract -- --corpus DIR --modes linkedom --before .bench-before --dump /tmp/texts  # each page's text in /tmp/texts/<mode>/<id>.txt
 *   npm run bench:extract -- --corpus DIR --modes linkedom --before .bench-before --hash  # pages whose output bytes differ
 *   npm run build && node --import tsx bench/extract.ts --corpus DIR --pool 2 --repeat 4   # the worker-thread pool from dist/: pages/s, CPU, RSS
 *   node --import tsx bench/extract.ts --corpus DIR --pool 2 --pool-from src   # the pool from the sources (its threads load them through tsx)
 *
 * --before DIR: DIR holds an older `src/` (e.g. `mkdir -p .bench-before && git archive <commit> src | tar -x -C
 * .bench-before`); its extractor runs on linkedom as one more column, for before/after figures from one run.
 * Its imports resolve from DIR upwards, so a DIR outside this checkout needs a `node_modules` beside `src/`
 * (a symlink to this one's will do).
 *
 * --hash: each page's whole extractArticle output (its JSON, every field) is hashed, and the pages whose hash differs
 * from --before's are listed: a change made for speed alone must list none.
 *
 * --dump DIR: each page's extracted text is written to DIR/<id>.txt (an empty file when nothing was extracted), in
 * DIR/<mode>/ when the run has more than one mode, so two trees' outputs can be diffed by hand (`diff -r DIR/before
 * DIR/linkedom`); see bench/extract-dump.ts.
 *
 * Two corpus layouts are read:
 * - WCXB: pages/<id>/source.html.gz, expected.txt (the article body) and
 *   meta.json (title, author, publish_date, `with` / `without` snippets);
 * - readability test pages: <name>/source.html, expected.html (Readability's
 *   own output: its text is the truth) and expected-metadata.json (title,
 *   byline, publishedTime).
 *
 * Body text is scored with the 4-shingle P/R/F1 of the WCXB README (see
 * bench/lib/extract-score.ts); title / author / date agreement is counted
 * over the pages whose truth has one. Speed: median ms per page and pages/s
 * on one thread; memory: peak RSS of the process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { collectHeap } from '../src/lib/heap-collect.js';
import { dumpDirFor, dumpFile, dumpText } from './extract-dump.js';
import { stringFlag } from './lib/rng.js';
import { differentOutputs, halves, median, pageChanges, pageHalf, sameAuthor, sameDay, sameTitle, scoreCorpus, scorePage, snippetCheck, type PageCounts, type PageScore } from './lib/extract-score.js';

type Mode = 'linkedom' | 'jsdom' | 'readability-jsdom' | 'readability-linkedom' | 'before';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FALLBACK_URL = 'http://fakehost/test/page.html';

const arg = (name: string): string | undefined => stringFlag(process.argv, name);
const hashing = process.argv.includes('--hash');

/**
 * The extractor, linkedom and Readability, loaded by the modes that run them in this process (loadTools). The pool
 * run (--pool) loads none of them: its threads do, and this process holds only what the extractor role's main thread
 * holds beside the pool, so that its peak RSS is the pool's and not the harness's (the extractor's modules alone
 * weigh about 30 MiB of RSS).
 */
type Tools = {
  Readability: typeof import('@mozilla/readability').Readability;
  parseHTML: typeof import('linkedom').parseHTML;
  textBlocks: typeof import('../src/workers/extractor/blocks.js').textBlocks;
  extractArticle: typeof import('../src/workers/extractor/extract-article.js').extractArticle;
};
let loadedTools: Tools | null = null;
async function loadTools(): Promise<Tools> {
  if (!loadedTools) {
    const [{ Readability }, { parseHTML }, { textBlocks }, { extractArticle }] = await Promise.all([
      import('@mozilla/readability'),
      import('linkedom'),
      import('../src/workers/extractor/blocks.js'),
      import('../src/workers/extractor/extract-article.js'),
    ]);
    loadedTools = { Readability, parseHTML, textBlocks, extractArticle };
  }
  return loadedTools;
}
/** The tools, once a mode has loaded them. */
const tools = (): Tools => {
  if (!loadedTools) throw new Error('loadTools() first');
  return loadedTools;
};

/** --corpus DIR, else the vendored readability pages, else the shared ones beside the repository. */
function corpusDir(): string {
  const given = arg('corpus');
  if (given) {
    return resolve(process.cwd(), given);
  }
  const vendored = resolve(root, 'tests/fixtures/corpora/readability-test-pages');
  return existsSync(vendored) ? vendored : resolve(root, '../shared/corpora/readability-test-pages');
}

type Truth = {
  text: string;
  title: string | null;
  author: string | null;
  date: string | null;
  with: string[];
  without: string[];
};
/** `source()` reads the page from disk when called: the process holds one page at a time, so peak RSS is the extractor's. */
type Page = { id: string; url: string; source: () => string; truth: Truth | null };

/** The pages of a corpus in id order; `withTruth` false reads only the sources (the pool run). */
function loadCorpus(dir: string, withTruth: boolean, limit: number): Page[] {
  if (existsSync(resolve(dir, 'pages'))) {
    const base = resolve(dir, 'pages');
    return readdirSync(base)
      .filter((id) => existsSync(resolve(base, id, 'source.html.gz')))
      .sort()
      .slice(0, limit)
      .map((id) => {
        const d = resolve(base, id);
        const meta = JSON.parse(readFileSync(resolve(d, 'meta.json'), 'utf8')) as Record<string, unknown>;
        const str = (k: string): string | null => (typeof meta[k] === 'string' && meta[k] ? (meta[k] as string) : null);
        const list = (k: string): string[] => (Array.isArray(meta[k]) ? (meta[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
        return {
          id,
          url: str('url') ?? FALLBACK_URL,
          source: () => gunzipSync(readFileSync(resolve(d, 'source.html.gz'))).toString('utf8'),
          truth: withTruth
            ? {
                text: readFileSync(resolve(d, 'expected.txt'), 'utf8'),
                title: str('title'),
                author: str('author'),
                date: str('publish_date'),
                with: list('with'),
                without: list('without'),
              }
            : null,
        };
      });
  }
  // The readability pages as published (source.html) or as vendored in tests/fixtures (gzipped).
  const readMaybeGz = (d: string, name: string): string =>
    existsSync(resolve(d, name)) ? readFileSync(resolve(d, name), 'utf8') : gunzipSync(readFileSync(resolve(d, `${name}.gz`))).toString('utf8');
  return readdirSync(dir)
    .filter((n) => existsSync(resolve(dir, n, 'source.html')) || existsSync(resolve(dir, n, 'source.html.gz')))
    .sort()
    .slice(0, limit)
    .map((id) => {
      const d = resolve(dir, id);
      let truth: Truth | null = null;
      if (withTruth) {
        const { parseHTML, textBlocks } = tools();
        const { document } = parseHTML(`<html><body>${readMaybeGz(d, 'expected.html')}</body></html>`) as unknown as { document: Document };
        const meta = JSON.parse(readFileSync(resolve(d, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>;
        truth = {
          text: textBlocks(document.body).join('\n\n'),
          title: meta.title || null,
          author: meta.byline || null,
          date: meta.publishedTime || null,
          with: [],
          without: [],
        };
      }
      return { id, url: FALLBACK_URL, source: () => readMaybeGz(d, 'source.html'), truth };
    });
}

/** `hash`: of the whole output's JSON, with --hash. */
type Got = { text: string; title: string | null; author: string | null; date: string | null; method?: string; hash?: string } | null;

/**
 * Plain Readability on linkedom, as a one-process script would run it (the
 * baseline of `bench:pipeline --wire pages`): the page parsed as it is, no
 * Telex cleaning, metadata or second method.
 */
function runReadabilityLinkedom(source: string): Got {
  const { parseHTML, Readability, textBlocks } = tools();
  const { document } = parseHTML(source) as unknown as { document: Document };
  const r = new Readability(document).parse();
  if (!r) {
    return null;
  }
  const { document: out } = parseHTML(`<html><body>${r.content ?? ''}</body></html>`) as unknown as { document: Document };
  return { text: textBlocks(out.body).join('\n\n'), title: r.title ?? null, author: r.byline ?? null, date: r.publishedTime ?? null };
}

function runReadabilityOnly(source: string, url: string): Got {
  // Only <style> goes (jsdom throws on some invalid CSS); scripts stay so Readability reads JSON-LD.
  // Loaded on first use: jsdom costs ~100 MiB of RSS the other modes should not carry.
  const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
  const { parseHTML, Readability, textBlocks } = tools();
  const dom = new JSDOM(source.replace(/<style\b[\s\S]*?(?:<\/style\s*>|$)/gi, ''), { url, virtualConsole: new VirtualConsole() });
  try {
    const r = new Readability(dom.window.document).parse();
    if (!r) {
      return null;
    }
    const { document } = parseHTML(`<html><body>${r.content ?? ''}</body></html>`) as unknown as { document: Document };
    return { text: textBlocks(document.body).join('\n\n'), title: r.title ?? null, author: r.byline ?? null, date: r.publishedTime ?? null };
  } finally {
    dom.window.close();
  }
}

type ExtractFn = Tools['extractArticle'];
/** The extractor of the Telex modes: this tree's, or --before's. */
let extractor: ExtractFn | null = null;

function runTelex(source: string, url: string, dom: 'linkedom' | 'jsdom'): Got {
  const r = (extractor ?? tools().extractArticle)(source, url, { dom });
  if (!r) {
    return null;
  }
  const hash = hashing ? createHash('sha256').update(JSON.stringify(r)).digest('hex') : undefined;
  return { text: r.text, title: r.title, author: r.byline, date: r.publishedAt, method: r.method, hash };
}

type PageRow = PageCounts & { f1: number; method?: string; misses?: Miss[]; hash?: string };
/** A metadata field where the extractor and the truth disagree, or a snippet missed or kept (only with --misses). */
type Miss = { field: 'title' | 'author' | 'date' | 'with' | 'without'; got: string | null; want: string };

/** One mode over the corpus, in this process: the figures as one JSON object. */
async function runMode(mode: Mode, dir: string, limit: number): Promise<Record<string, unknown>> {
  await loadTools();
  const pages = loadCorpus(dir, true, limit);
  const before = arg('before');
  if (mode === 'before' && before) {
    const mod = (await import(resolve(process.cwd(), before, 'src/workers/extractor/extract-article.ts'))) as { extractArticle: ExtractFn };
    extractor = mod.extractArticle;
  }
  const run = (p: Page, source = p.source()): Got =>
    mode === 'readability-jsdom'
      ? runReadabilityOnly(source, p.url)
      : mode === 'readability-linkedom'
        ? runReadabilityLinkedom(source)
        : runTelex(source, p.url, mode === 'jsdom' ? 'jsdom' : 'linkedom');
  // Warm up the JIT on a few pages, not counted.
  for (const p of pages.slice(0, 5)) {
    try {
      run(p);
    } catch {
      // counted below
    }
  }
  const ms: number[] = [];
  const scores: PageScore[] = [];
  const rows: PageRow[] = [];
  const methods: Record<string, number> = {};
  let failures = 0;
  let withTotal = 0;
  let withFound = 0;
  let withoutTotal = 0;
  let withoutAbsent = 0;
  const agree: Record<'title' | 'author' | 'date', [number, number]> = { title: [0, 0], author: [0, 0], date: [0, 0] };
  let peakRss = process.memoryUsage().rss;
  let extracting = 0;
  const listMisses = arg('misses');
  const dump = arg('dump');
  if (dump) {
    mkdirSync(dump, { recursive: true });
  }
  for (const p of pages) {
    const truth = p.truth as Truth;
    const source = p.source();
    const t0 = performance.now();
    let got: Got = null;
    let failed = false;
    try {
      got = run(p, source);
    } catch {
      failures++;
      failed = true;
    }
    const dt = performance.now() - t0;
    ms.push(dt);
    extracting += dt;
    if (mode === 'readability-jsdom') {
      // Let jsdom release its windows between pages.
      await new Promise((r) => setImmediate(r));
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (dump) {
      writeFileSync(dumpFile(dump, p.id), dumpText(got?.text));
    }
    const s = scorePage(got?.text ?? '', truth.text);
    scores.push(s);
    const method = got ? (got.method ?? 'readability') : 'none';
    methods[method] = (methods[method] ?? 0) + 1;
    const snip = snippetCheck(got?.text ?? '', truth.with, truth.without);
    const row: PageRow = {
      id: p.id, f1: s.f1, p: s.precision, r: s.recall, empty: !s.predicted, method,
      snippets: [snip.withFound, truth.with.length, snip.withoutAbsent, truth.without.length], agree: {},
      ...(hashing ? { hash: got?.hash ?? (failed ? 'failed' : 'null') } : {}),
    };
    rows.push(row);
    withTotal += truth.with.length;
    withFound += snip.withFound;
    withoutTotal += truth.without.length;
    withoutAbsent += snip.withoutAbsent;
    const count = (k: keyof typeof agree, want: string | null, ok: (w: string) => boolean): void => {
      if (want) {
        agree[k][1]++;
        row.agree[k] = ok(want);
        if (row.agree[k]) {
          agree[k][0]++;
        } else if (listMisses) {
          (row.misses ??= []).push({ field: k, got: got?.[k] ?? null, want });
        }
      }
    };
    if (listMisses) {
      // Each snippet on its own: a `with` snippet not found, a `without` snippet found.
      for (const w of truth.with) {
        if (snippetCheck(got?.text ?? '', [w], []).withFound === 0) (row.misses ??= []).push({ field: 'with', got: null, want: w });
      }
      for (const w of truth.without) {
        if (snippetCheck(got?.text ?? '', [], [w]).withoutAbsent === 0) (row.misses ??= []).push({ field: 'without', got: w, want: '(absent)' });
      }
    }
    count('title', truth.title, (w) => sameTitle(got?.title, w));
    count('author', truth.author, (w) => sameAuthor(got?.author, w));
    count('date', truth.date, (w) => sameDay(got?.date, w));
  }
  const c = scoreCorpus(scores);
  const rate = ([n, d]: number[]): string => (d ? `${((100 * (n ?? 0)) / d).toFixed(1)} % (${n}/${d})` : 'n/a');
  return {
    mode,
    pages: pages.length,
    failures,
    empty: c.empty,
    methods,
    precision: +c.precision.toFixed(4),
    recall: +c.recall.toFixed(4),
    f1: +c.f1.toFixed(4),
    withFound: rate([withFound, withTotal]),
    withoutAbsent: rate([withoutAbsent, withoutTotal]),
    title: rate(agree.title),
    author: rate(agree.author),
    date: rate(agree.date),
    msMedian: +median(ms).toFixed(1),
    pagesPerSecond: +((1000 * pages.length) / Math.max(1, extracting)).toFixed(1),
    peakRssMiB: Math.round(peakRss / 1048576),
    rows,
  };
}

/**
 * The pool as production runs it: the compiled package (dist/), whose threads
 * load JavaScript. From src/ (--pool-from src) the threads also load and
 * compile the TypeScript sources through tsx, which adds to the CPU figure.
 */
const POOL_FROM = arg('pool-from') ?? 'dist';
async function poolModule(): Promise<typeof import('../src/workers/extractor/pool.js')> {
  if (POOL_FROM === 'src') return import('../src/workers/extractor/pool.js');
  const compiled = resolve(root, 'dist/workers/extractor/pool.js');
  if (POOL_FROM !== 'dist' || !existsSync(compiled)) {
    throw new Error(POOL_FROM === 'dist' ? `${compiled} not found: run npm run build first (or --pool-from src)` : `--pool-from takes dist or src, not ${POOL_FROM}`);
  }
  return import(pathToFileURL(compiled).href) as Promise<typeof import('../src/workers/extractor/pool.js')>;
}

/**
 * Throughput and memory of the production path: the worker-thread pool, fed
 * two pages per thread, each page as the bytes a response would carry
 * (`extractBytes`: decoded in the thread, as the extractor role does). Pages
 * are read from disk as they are sent, so peak RSS is the pool's and not the
 * corpus's; the reading is measured alone first and left out of the CPU figure.
 */
async function runPool(dir: string, limit: number, repeat: number, size: number, maxHeapMb?: number): Promise<Record<string, unknown>> {
  const pages = loadCorpus(dir, false, limit);
  const bytesOf = (p: Page): Buffer => Buffer.from(p.source(), 'utf8');
  const r0 = process.cpuUsage();
  for (const p of pages) bytesOf(p);
  const r = process.cpuUsage(r0);
  const readMsPerPage = (r.user + r.system) / 1000 / Math.max(1, pages.length);
  // That reading's garbage (every page as a string and as bytes, some 40 MiB of heap and buffers) is the harness's,
  // not the pool's: collected here, so that the main thread enters the run as the extractor role's would.
  collectHeap();
  const rssBeforePool = Math.round(process.memoryUsage().rss / 1048576);
  const { createExtractorPool, POOL_DEFAULTS } = await poolModule();
  const pool = createExtractorPool({ size, dom: 'linkedom', timeoutMs: 60_000, ...(maxHeapMb ? { maxHeapMb } : {}) });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const rssAt: number[] = [];
  const page = (p: Page) => pool.extractBytes({ bytes: bytesOf(p), contentType: 'text/html; charset=utf-8' }, p.url);
  const first = pages[0];
  await Promise.all(Array.from({ length: size }, () => (first ? page(first).catch(() => null) : null)));
  const c0 = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  let failures = 0;
  for (let round = 0; round < repeat; round++) {
    rssAt.push(Math.round(process.memoryUsage().rss / 1048576));
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < pages.length) {
        const p = pages[next++] as Page;
        try {
          await page(p);
        } catch {
          failures++;
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: size * 2 }, lane));
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(c0);
  clearInterval(sampler);
  await pool.close();
  return {
    mode: `pool-linkedom x${size}`,
    poolFrom: POOL_FROM,
    maxHeapMb: maxHeapMb ?? POOL_DEFAULTS.maxHeapMb,
    extractions: done,
    failures,
    pagesPerSecond: +((1000 * done) / elapsed).toFixed(1),
    cpuMsPerPage: +((cpu.user + cpu.system) / 1000 / done - readMsPerPage).toFixed(1),
    readMsPerPage: +readMsPerPage.toFixed(2),
    rssBeforePoolMiB: rssBeforePool,
    peakRssMiB: Math.round(peakRss / 1048576),
    rssMiBPerRound: rssAt,
    loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
  };
}

/**
 * Speed of this tree's extractor against --before's on the same pages in one
 * process, the two taking turns on each page (first one, then the other, the
 * order alternating), so that a machine whose load changes during the run
 * weighs on both alike. Prints each one's median ms and the median of the
 * per-page ratio (now / before).
 */
async function runPaired(dir: string, limit: number): Promise<Record<string, unknown>> {
  const before = arg('before');
  if (!before) {
    throw new Error('--paired needs --before DIR');
  }
  const { extractArticle } = await loadTools();
  const old = ((await import(resolve(process.cwd(), before, 'src/workers/extractor/extract-article.ts'))) as { extractArticle: ExtractFn }).extractArticle;
  const pages = loadCorpus(dir, false, limit);
  const time = (fn: ExtractFn, source: string, url: string): number => {
    const t0 = performance.now();
    try {
      fn(source, url);
    } catch {
      // timed all the same
    }
    return performance.now() - t0;
  };
  for (const p of pages.slice(0, 5)) {
    const source = p.source();
    time(old, source, p.url);
    time(extractArticle, source, p.url);
  }
  const msOld: number[] = [];
  const msNow: number[] = [];
  const ratio: number[] = [];
  pages.forEach((p, i) => {
    const source = p.source();
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = time(old, source, p.url);
      b = time(extractArticle, source, p.url);
    } else {
      b = time(extractArticle, source, p.url);
      a = time(old, source, p.url);
    }
    msOld.push(a);
    msNow.push(b);
    ratio.push(b / a);
  });
  const sum = (xs: number[]): number => xs.reduce((x, y) => x + y, 0);
  return {
    pages: pages.length,
    msMedianBefore: +median(msOld).toFixed(1),
    msMedianNow: +median(msNow).toFixed(1),
    medianRatioNowOverBefore: +median(ratio).toFixed(3),
    totalRatioNowOverBefore: +(sum(msNow) / sum(msOld)).toFixed(3),
  };
}

async function main(): Promise<void> {
  const dir = corpusDir();
  const limit = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
  const poolSize = arg('pool');
  if (poolSize) {
    const heap = arg('max-heap');
    const repeat = Number(arg('repeat') ?? '1');
    console.log(JSON.stringify(await runPool(dir, limit, repeat, Number(poolSize) || os.availableParallelism(), heap ? Number(heap) : undefined), null, 2));
    return;
  }
  if (process.argv.includes('--paired')) {
    console.log(JSON.stringify(await runPaired(dir, limit), null, 2));
    return;
  }
  const one = arg('mode') ?? arg('dom');
  if (one) {
    process.stdout.write(`${JSON.stringify(await runMode(one as Mode, dir, limit))}\n`);
    return;
  }
  const modes = (arg('modes') ?? 'linkedom,readability-jsdom').split(',') as Mode[];
  const before = arg('before');
  if (before && !modes.includes('before')) {
    modes.splice(1, 0, 'before');
  }
  const results: Array<Record<string, unknown>> = [];
  for (const m of modes) {
    const childArgs = ['--import', 'tsx', fileURLToPath(import.meta.url), '--mode', m, '--corpus', dir];
    if (Number.isFinite(limit)) childArgs.push('--limit', String(limit));
    if (arg('misses')) childArgs.push('--misses', arg('misses') as string);
    if (hashing) childArgs.push('--hash');
    if (m === 'before' && before) childArgs.push('--before', resolve(process.cwd(), before));
    if (arg('dump')) childArgs.push('--dump', resolve(process.cwd(), dumpDirFor(arg('dump') as string, m, modes)));
    const child = spawnSync(process.execPath, childArgs, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exitCode = 1;
      continue;
    }
    results.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>);
  }
  const label = (m: unknown): string =>
    m === 'linkedom'
      ? 'Telex (linkedom)'
      : m === 'jsdom'
        ? 'Telex (jsdom)'
        : m === 'before'
          ? `Telex before (${before})`
          : m === 'readability-linkedom'
            ? 'Readability (linkedom)'
            : 'Readability (jsdom)';
  console.log(`corpus: ${dir} (${results[0]?.pages ?? 0} pages), ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.versions.node}\n`);
  console.log('| extractor | P | R | F1 | empty | with found | without absent | title | author | date | ms/page median | pages/s | peak RSS MiB | failures |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${label(r.mode)} | ${r.precision} | ${r.recall} | **${r.f1}** | ${r.empty} | ${r.withFound} | ${r.withoutAbsent} | ${r.title} | ${r.author} | ${r.date} | ${r.msMedian} | ${r.pagesPerSecond} | ${r.peakRssMiB} | ${r.failures} |`,
    );
  }
  for (const r of results) {
    if (r.mode !== 'readability-jsdom' && r.mode !== 'readability-linkedom') {
      console.log(`\n${label(r.mode)} methods: ${JSON.stringify(r.methods)}`);
    }
  }
  if (process.argv.includes('--halves')) {
    // The two halves of the set (md5 of the page id): a rule is kept only when it helps both.
    const pct = ([n, d]: [number, number]): string => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');
    console.log('\n| extractor | half | pages | P | R | F1 | empty | with found | without absent | title | author | date |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      for (const h of halves(r.rows as PageRow[])) {
        console.log(
          `| ${label(r.mode)} | ${h.half} | ${h.pages} | ${h.precision.toFixed(4)} | ${h.recall.toFixed(4)} | **${h.f1.toFixed(4)}** | ${h.empty} | ` +
            `${pct(h.withFound)} | ${pct(h.withoutAbsent)} | ${pct(h.agree.title)} | ${pct(h.agree.author)} | ${pct(h.agree.date)} |`,
        );
      }
    }
  }
  const first = results[0];
  const beforeRun = results.find((r) => r.mode === 'before');
  if (process.argv.includes('--diff')) {
    // --diff (with --before): every page whose body F1, snippet checks or metadata agreement changed, losses first.
    if (!first || !beforeRun || first === beforeRun) throw new Error('--diff needs --before DIR');
    const changes = pageChanges(first.rows as PageRow[], beforeRun.rows as PageRow[]);
    const up = changes.filter((c) => c.f1Now > c.f1Before).length;
    const down = changes.filter((c) => c.f1Now < c.f1Before).length;
    console.log(`\n${label(first.mode)} against ${label('before')}: ${changes.length} pages read differently (F1 ${up} up, ${down} down)\n`);
    console.log('| page | half | F1 before | F1 now | change | with | without | metadata |');
    console.log('|---|---|---|---|---|---|---|---|');
    const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '');
    for (const c of changes) {
      const d = c.f1Now - c.f1Before;
      console.log(
        `| ${c.id} | ${pageHalf(c.id)} | ${c.f1Before.toFixed(3)} | ${c.f1Now.toFixed(3)} | ${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d).toFixed(3)} | ` +
          `${signed(c.withDelta)} | ${signed(c.withoutDelta)} | ${c.fields.join(' ')} |`,
      );
    }
  }
  if (hashing) {
    // --hash (with --before): every page whose output differs by a byte.
    if (!first || !beforeRun || first === beforeRun) throw new Error('--hash needs --before DIR');
    const differ = differentOutputs(first.rows as PageRow[], beforeRun.rows as PageRow[]);
    console.log(`\n${label(first.mode)} against ${label('before')}: ${differ.length} of ${first.pages} pages give other output bytes${differ.length ? `: ${differ.join(' ')}` : ''}`);
  }
  const missField = arg('misses');
  if (first && missField) {
    // --misses title|author|date|with|without|all: every page of the first extractor where the field disagrees with
    // the truth, and every `with` snippet not found and `without` snippet found.
    console.log(`\n${label(first.mode)} misses (${missField}):\n`);
    console.log('| page | field | got | want |');
    console.log('|---|---|---|---|');
    const cell = (v: string | null): string => (v === null ? '(none)' : v.replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ').slice(0, 140));
    for (const x of first.rows as PageRow[]) {
      for (const m of x.misses ?? []) {
        if (missField === 'all' || missField.split(',').includes(m.field)) {
          console.log(`| ${x.id} | ${m.field} | ${cell(m.got)} | ${cell(m.want)} |`);
        }
      }
    }
  }
  const worst = Number(arg('worst') ?? '20');
  if (first && worst > 0) {
    const others = results.slice(1).map((r) => new Map((r.rows as PageRow[]).map((x) => [x.id, x])));
    console.log(`\n${worst} worst pages for ${label(first.mode)}:\n`);
    console.log(`| page | F1 | P | R | method |${results.slice(1).map((r) => ` ${label(r.mode)} F1 |`).join('')}`);
    console.log(`|---|---|---|---|---|${results.slice(1).map(() => '---|').join('')}`);
    const rows = [...(first.rows as PageRow[])].sort((a, b) => a.f1 - b.f1).slice(0, worst);
    for (const x of rows) {
      const cmp = others.map((o) => ` ${o.get(x.id)?.f1.toFixed(3) ?? '-'} |`).join('');
      console.log(`| ${x.id} | ${x.f1.toFixed(3)} | ${x.p.toFixed(3)} | ${x.r.toFixed(3)} | ${x.method ?? ''} |${cmp}`);
    }
  }
}

await main();
