/**
 * Extractor benchmark over ../shared/corpora/readability-test-pages.
 *
 *   npm run bench:extract                      # both DOMs, one pass each, in separate processes
 *   npm run bench:extract -- --baseline        # also plain Readability on jsdom, no Telex cleanup
 *   node --import tsx bench/extract.ts --dom linkedom --repeat 20   # one DOM, RSS over many pages
 *   node --import tsx bench/extract.ts --dom linkedom --narrow      # with the <article>-narrowing option
 *   node --import tsx bench/extract.ts --pool 2 --repeat 4          # the worker-thread pool: pages/s, RSS
 *   node --import tsx bench/extract.ts --pool 1 --repeat 77 --max-heap 192   # 10,010 pages through one thread
 *
 * Quality: metadata accuracy vs expected-metadata.json and body-text token
 * precision / recall / F1 vs the text of expected.html (Readability's own
 * output for the page, so it measures agreement with Readability, boilerplate
 * included). Speed: ms/page median and p95, pages/s on one thread. Memory:
 * peak RSS of the process.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { createRequire } from 'node:module';
import { textBlocks } from '../src/workers/extractor/blocks.js';
import { extractArticle } from '../src/workers/extractor/extract-article.js';
import { normalizeDate, stripSiteSuffix } from '../src/workers/extractor/metadata.js';
import { createExtractorPool, POOL_DEFAULTS } from '../src/workers/extractor/pool.js';

type Dom = 'jsdom' | 'linkedom';
type Mode = Dom | 'readability-jsdom';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpora/readability-test-pages');
const PAGE_URL = 'http://fakehost/test/page.html';

type Page = { name: string; source: string; expectedText: string[]; meta: Record<string, string | null> };

/** The corpus pages' sources, in name order. */
function pageSources(): Array<{ name: string; source: string }> {
  return readdirSync(corpus)
    .filter((n) => existsSync(resolve(corpus, n, 'source.html')))
    .sort()
    .map((name) => ({ name, source: readFileSync(resolve(corpus, name, 'source.html'), 'utf8') }));
}

/** Sources with what each page is scored against: the text of expected.html and the expected metadata. */
function loadPages(): Page[] {
  return pageSources().map(({ name, source }) => {
    const dir = resolve(corpus, name);
    const expectedHtml = readFileSync(resolve(dir, 'expected.html'), 'utf8');
    const { document } = parseHTML(`<html><body>${expectedHtml}</body></html>`) as unknown as { document: Document };
    return {
      name,
      source,
      expectedText: textBlocks(document.body),
      meta: JSON.parse(readFileSync(resolve(dir, 'expected-metadata.json'), 'utf8')) as Record<string, string | null>,
    };
  });
}

const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function prf(got: string[], want: string[]): { p: number; r: number; f: number; overlap: number } {
  const bag = new Map<string, number>();
  for (const t of want) {
    bag.set(t, (bag.get(t) ?? 0) + 1);
  }
  let overlap = 0;
  for (const t of got) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      bag.set(t, n - 1);
    }
  }
  const p = got.length ? overlap / got.length : want.length ? 0 : 1;
  const r = want.length ? overlap / want.length : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, overlap };
}

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const BY = /^(?:written by|by|par|por|von)\s+/;
const sameTime = (a: string | null | undefined, b: string | null | undefined): boolean => {
  if (!a && !b) {
    return true;
  }
  const x = normalizeDate(a)?.iso;
  const y = normalizeDate(b)?.iso;
  return !!x && !!y && Date.parse(x) === Date.parse(y);
};
const sameLang = (a: string | null | undefined, b: string | null | undefined): boolean => squash(a) === squash(b);

type Got = { title: string; byline: string | null; excerpt: string | null; siteName: string | null; publishedTime: string | null; lang: string | null; text: string } | null;

function runReadabilityOnly(source: string): Got {
  // Only <style> goes (jsdom throws on some invalid CSS); scripts stay so Readability reads JSON-LD.
  // Loaded on first use: jsdom costs ~100 MiB of RSS the other modes should not carry.
  const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as typeof import('jsdom');
  const dom = new JSDOM(source.replace(/<style\b[\s\S]*?(?:<\/style\s*>|$)/gi, ''), { url: PAGE_URL, virtualConsole: new VirtualConsole() });
  try {
    const r = new Readability(dom.window.document).parse();
    if (!r) {
      return null;
    }
    const { document } = parseHTML(`<html><body>${r.content ?? ''}</body></html>`) as unknown as { document: Document };
    return {
      title: r.title ?? '',
      byline: r.byline ?? null,
      excerpt: r.excerpt ?? null,
      siteName: r.siteName ?? null,
      publishedTime: r.publishedTime ?? null,
      lang: r.lang ?? null,
      text: textBlocks(document.body).join('\n\n'),
    };
  } finally {
    dom.window.close();
  }
}

const NARROW = process.argv.includes('--narrow');

function runTelex(source: string, dom: Dom): Got {
  const r = extractArticle(source, PAGE_URL, { dom, narrow: NARROW });
  if (!r) {
    return null;
  }
  return {
    title: r.title,
    byline: r.byline,
    excerpt: r.excerpt,
    siteName: r.siteName,
    publishedTime: r.publishedAt,
    lang: r.language,
    text: r.text,
  };
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function runOne(mode: Mode, repeat: number, verbose: boolean): Promise<Record<string, unknown>> {
  const pages = loadPages();
  const run = (p: Page): Got => (mode === 'readability-jsdom' ? runReadabilityOnly(p.source) : runTelex(p.source, mode));
  // Warm up the JIT on a few pages, not counted.
  for (const p of pages.slice(0, 5)) {
    try {
      run(p);
    } catch {
      // counted below
    }
    await new Promise((r) => setImmediate(r));
  }
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const fields = ['title', 'byline', 'excerpt', 'siteName', 'publishedTime', 'lang'] as const;
  const hits: Record<string, number> = Object.fromEntries(fields.map((f) => [f, 0]));
  let sumP = 0;
  let sumR = 0;
  let sumF = 0;
  let microOverlap = 0;
  let microGot = 0;
  let microWant = 0;
  let failures = 0;
  let nulls = 0;
  let scored = 0;
  let withTime = 0;
  let realPages = 0;
  let sumFReal = 0;
  const rssAt: number[] = [];
  let extraTimes = 0;
  const worst: Array<{ name: string; f: number; p: number; r: number }> = [];
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  for (let round = 0; round < repeat; round++) {
    rssAt.push(Math.round(process.memoryUsage().rss / 1048576));
    for (const p of pages) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let got: Got = null;
      try {
        got = run(p);
      } catch {
        failures++;
      }
      ms.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
      // Let jsdom release its windows between pages.
      await new Promise((r) => setImmediate(r));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (round > 0) {
        continue;
      }
      if (!got) {
        nulls++;
      }
      scored++;
      const want = tokens(p.expectedText.join(' '));
      const have = tokens(got?.text ?? '');
      const s = prf(have, want);
      sumP += s.p;
      sumR += s.r;
      sumF += s.f;
      microOverlap += s.overlap;
      microGot += have.length;
      microWant += want.length;
      worst.push({ name: p.name, f: s.f, p: s.p, r: s.r });
      // The corpus has toy pages of a few words that Telex rightly calls "no article" (minWords 25).
      if (want.length >= 25) {
        realPages++;
        sumFReal += s.f;
      }
      if (squash(got?.title) === squash(p.meta.title)) hits.title = (hits.title ?? 0) + 1;
      // Telex removes " | Site" suffixes on purpose; Readability keeps them.
      if (squash(got?.title) === squash(stripSiteSuffix(p.meta.title ?? '', p.meta.siteName ?? got?.siteName ?? null, 'fakehost'))) {
        hits.titleNoSuffix = (hits.titleNoSuffix ?? 0) + 1;
      }
      if (p.meta.publishedTime) {
        withTime++;
        if (sameTime(got?.publishedTime, p.meta.publishedTime)) hits.publishedTimeWhenExpected = (hits.publishedTimeWhenExpected ?? 0) + 1;
      } else if (got?.publishedTime) {
        extraTimes++;
      }
      if (squash(got?.byline).replace(BY, '') === squash(p.meta.byline).replace(BY, '')) hits.byline = (hits.byline ?? 0) + 1;
      if (squash(got?.excerpt) === squash(p.meta.excerpt)) hits.excerpt = (hits.excerpt ?? 0) + 1;
      if (squash(got?.siteName) === squash(p.meta.siteName)) hits.siteName = (hits.siteName ?? 0) + 1;
      if (sameTime(got?.publishedTime, p.meta.publishedTime)) hits.publishedTime = (hits.publishedTime ?? 0) + 1;
      if (sameLang(got?.lang, p.meta.lang)) hits.lang = (hits.lang ?? 0) + 1;
    }
  }
  const elapsed = performance.now() - started;
  const microP = microGot ? microOverlap / microGot : 0;
  const microR = microWant ? microOverlap / microWant : 0;
  worst.sort((a, b) => a.f - b.f);
  const result = {
    mode,
    pages: pages.length,
    extractions: ms.length,
    failures,
    noArticle: nulls,
    metadata: {
      ...Object.fromEntries(fields.map((f) => [f, pct(hits[f] ?? 0, scored)])),
      titleNoSuffix: pct(hits.titleNoSuffix ?? 0, scored),
      publishedTimeWhenExpected: `${pct(hits.publishedTimeWhenExpected ?? 0, withTime)} of ${withTime}`,
      publishedTimeFoundWhereReadabilityHasNone: extraTimes,
    },
    text: {
      macroP: +(sumP / scored).toFixed(4),
      macroR: +(sumR / scored).toFixed(4),
      macroF1: +(sumF / scored).toFixed(4),
      macroF1PagesOver25Words: +(sumFReal / Math.max(1, realPages)).toFixed(4),
      pagesOver25Words: realPages,
      microP: +microP.toFixed(4),
      microR: +microR.toFixed(4),
      microF1: +((2 * microP * microR) / Math.max(1e-9, microP + microR)).toFixed(4),
    },
    msMedian: +quantile(ms, 0.5).toFixed(1),
    msP95: +quantile(ms, 0.95).toFixed(1),
    pagesPerSecond: +((1000 * ms.length) / elapsed).toFixed(1),
    msMean: +(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)).toFixed(1),
    /** One thread's throughput while extracting: pages over the summed wall time of the extractions (the scoring between them left out). */
    pagesPerSecondExtracting: +((1000 * ms.length) / Math.max(1, ms.reduce((a, b) => a + b, 0))).toFixed(1),
    cpuMsMedian: +quantile(cpuMs, 0.5).toFixed(1),
    cpuMsP95: +quantile(cpuMs, 0.95).toFixed(1),
    /** Pages per second of CPU time: throughput per core, whatever else the machine is doing. */
    pagesPerCpuSecond: +((1000 * cpuMs.length) / cpuMs.reduce((a, b) => a + b, 0)).toFixed(1),
    loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
    peakRssMiB: Math.round(peakRss / 1048576),
    /** RSS at the start of each pass over the corpus: flat means no leak. */
    rssMiBPerRound: rssAt,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    worst: verbose ? worst.slice(0, 15) : worst.slice(0, 5),
  };
  return result;
}

/** Throughput and memory of the production path: the worker-thread pool, fed two pages per thread. */
async function runPool(repeat: number, size: number, maxHeapMb?: number): Promise<Record<string, unknown>> {
  // Sources only: the pool's process holds no parsed reference texts.
  const pages = pageSources();
  const rssBeforePool = Math.round(process.memoryUsage().rss / 1048576);
  const pool = createExtractorPool({ size, dom: 'linkedom', timeoutMs: 60_000, ...(maxHeapMb ? { maxHeapMb } : {}) });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const rssAt: number[] = [];
  // Warm-up: wait for every thread to be ready.
  await Promise.all(Array.from({ length: size }, () => pool.extract(pages[0]?.source ?? '', PAGE_URL).catch(() => null)));
  const c0 = process.cpuUsage();
  const started = performance.now();
  let done = 0;
  let failures = 0;
  for (let round = 0; round < repeat; round++) {
    rssAt.push(Math.round(process.memoryUsage().rss / 1048576));
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < pages.length) {
        const p = pages[next++];
        try {
          await pool.extract(p?.source ?? '', PAGE_URL);
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
    maxHeapMb: maxHeapMb ?? POOL_DEFAULTS.maxHeapMb,
    extractions: done,
    failures,
    pagesPerSecond: +((1000 * done) / elapsed).toFixed(1),
    cpuMsPerPage: +((cpu.user + cpu.system) / 1000 / done).toFixed(1),
    /** The main thread alone, corpus loaded, before any worker starts. */
    rssBeforePoolMiB: rssBeforePool,
    peakRssMiB: Math.round(peakRss / 1048576),
    rssMiBPerRound: rssAt,
    loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const mode = arg('dom') as Mode | undefined;
  const repeat = Number(arg('repeat') ?? '1');
  const verbose = process.argv.includes('--verbose');
  const poolSize = arg('pool');
  if (poolSize) {
    const heap = arg('max-heap');
    console.log(JSON.stringify(await runPool(repeat, Number(poolSize) || os.availableParallelism(), heap ? Number(heap) : undefined), null, 2));
    return;
  }
  if (mode) {
    const result = await runOne(mode, repeat, verbose);
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      console.log(JSON.stringify(result, null, 2));
    }
    return;
  }
  const modes: Mode[] = process.argv.includes('--baseline') ? ['readability-jsdom', 'jsdom', 'linkedom'] : ['jsdom', 'linkedom'];
  const rows: Array<Record<string, unknown>> = [];
  for (const m of modes) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--dom', m, '--repeat', String(repeat), '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exitCode = 1;
      continue;
    }
    const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
    const row = JSON.parse(line) as Record<string, unknown>;
    rows.push(row);
    console.log(JSON.stringify(row, null, 2));
  }
  console.log('\n| DOM | title | title (suffix rule) | byline | excerpt | siteName | publishedTime | lang | text P | text R | text F1 (pages of 25+ words) | ms/page median | p95 | pages/s (extracting) | CPU ms/page median | CPU p95 | pages per CPU-second | peak RSS MiB | failures | no article |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const m = r.metadata as Record<string, string>;
    const t = r.text as Record<string, number>;
    console.log(
      `| ${r.mode} | ${m.title} | ${m.titleNoSuffix} | ${m.byline} | ${m.excerpt} | ${m.siteName} | ${m.publishedTime} (${m.publishedTimeWhenExpected}) | ${m.lang} | ${t.macroP} | ${t.macroR} | ${t.macroF1} (${t.macroF1PagesOver25Words}) | ${r.msMedian} | ${r.msP95} | ${r.pagesPerSecondExtracting} | ${r.cpuMsMedian} | ${r.cpuMsP95} | ${r.pagesPerCpuSecond} | ${r.peakRssMiB} | ${r.failures} | ${r.noArticle} |`,
    );
  }
}

await main();
