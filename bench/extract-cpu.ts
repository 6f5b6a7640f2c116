/**
 * CPU time of the compiled extractor of one or more builds, alternated in one
 * run: each run spawns one process per build, which extracts every page of
 * the corpus once to warm up and then --passes more times, and reports the
 * CPU time (user + system) of the timed passes. For comparing builds whose
 * difference is below the noise of wall time on a shared machine (the DOM
 * adapters, linkedom as installed or edited).
 *
 *   npm run build && npm run bench:extract-cpu
 *   npm run bench:extract-cpu -- --root OTHER_CHECKOUT --runs 5    # OTHER_CHECKOUT/dist beside this build
 *   npm run bench:extract-cpu -- --corpus DIR --limit 40 --passes 2
 *   npm run bench:extract-cpu -- --cold --passes 4         # no warm-up pass: module load and each pass from a cold start
 *   node --maglev --import tsx bench/extract-cpu.ts --cold  # node options reach the child processes
 *
 * --cold: what a thread that has just started pays (a short run through the pool gives each thread only a few hundred
 * pages): the CPU of loading the extractor's modules, then of each pass on its own, and per page cumulated from the
 * start, module load included.
 *
 * --corpus: a folder of page folders (<id>/source.html[.gz], or pages/<id>/... as WCXB);
 * default the vendored readability test pages.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readCorpusPages } from './lib/page-wire.js';
import { REPO } from './lib/procs.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true },
    runs: { type: 'string', default: '3' },
    passes: { type: 'string', default: '2' },
    limit: { type: 'string', default: '1000' },
    corpus: { type: 'string', default: join(REPO, 'tests/fixtures/corpora/readability-test-pages') },
    child: { type: 'string' },
    cold: { type: 'boolean', default: false },
  },
});

type ExtractFn = (html: string, url: string) => unknown;

if (values.child) {
  // One build, in its own process: warm-up pass (not with --cold), then the timed passes.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  const i0 = process.cpuUsage();
  const mod = (await import(pathToFileURL(join(values.child, 'dist/workers/extractor/extract-article.js')).href)) as { extractArticle: ExtractFn };
  const importMs = cpuMs(i0);
  const all = readCorpusPages(resolve(String(values.corpus)))
    .slice(0, Number(values.limit))
    .map((p) => p.html);
  if (values.cold) {
    const passMs: number[] = [];
    for (let p = 0; p < Number(values.passes); p++) {
      const c0 = process.cpuUsage();
      for (const html of all) mod.extractArticle(html, 'https://news.test/a');
      passMs.push(cpuMs(c0));
    }
    process.stdout.write(JSON.stringify({ pages: all.length, importMs, passMs }));
    process.exit(0);
  }
  for (const html of all) mod.extractArticle(html, 'https://news.test/a');
  const c0 = process.cpuUsage();
  for (let p = 0; p < Number(values.passes); p++) for (const html of all) mod.extractArticle(html, 'https://news.test/a');
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ pages: all.length, cpuMs: Math.round((c.user + c.system) / 1000) }));
} else {
  const roots = [REPO, ...(values.root ?? []).map((r) => resolve(r))];
  const samples = new Map<string, number[]>(roots.map((r) => [r, []]));
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const root of roots) {
      const args = [...process.execArgv, process.argv[1] ?? '', '--child', root, '--passes', String(values.passes), '--limit', String(values.limit), '--corpus', String(values.corpus)];
      if (values.cold) args.push('--cold');
      const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`extraction in ${root} failed: ${r.stderr}`);
      if (values.cold) {
        const { pages: n, importMs, passMs } = JSON.parse(r.stdout) as { pages: number; importMs: number; passMs: number[] };
        let total = importMs;
        const cumulated = passMs.map((ms, i) => ((total += ms), (total / (n * (i + 1))).toFixed(1)));
        console.log(
          `run ${run}  ${root}: modules ${importMs.toFixed(0)} ms; each pass ${passMs.map((ms) => (ms / n).toFixed(1)).join(' / ')} ms a page; ` +
            `cumulated with the modules ${cumulated.join(' / ')} ms a page`,
        );
        samples.get(root)?.push(Math.round(passMs.reduce((a, b) => a + b, importMs)));
        continue;
      }
      const { cpuMs, pages: n } = JSON.parse(r.stdout) as { cpuMs: number; pages: number };
      samples.get(root)?.push(cpuMs);
      console.log(`run ${run}  ${root}: ${cpuMs} ms CPU for ${values.passes} x ${n} pages`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const base = median(samples.get(REPO) ?? []);
  for (const [root, xs] of samples) {
    const m = median(xs);
    console.log(`${root}: median ${m} ms CPU (${xs.join(', ')})${root === REPO ? '' : `, ${(((m - base) / base) * 100).toFixed(1)} % against this build`}`);
  }
}
