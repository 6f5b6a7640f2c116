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
  },
});

type ExtractFn = (html: string, url: string) => unknown;

if (values.child) {
  // One build, in its own process: warm-up pass, then the timed passes.
  const mod = (await import(pathToFileURL(join(values.child, 'dist/workers/extractor/extract-article.js')).href)) as { extractArticle: ExtractFn };
  const all = readCorpusPages(resolve(String(values.corpus)))
    .slice(0, Number(values.limit))
    .map((p) => p.html);
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
      const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`extraction in ${root} failed: ${r.stderr}`);
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
