/**
 * extractArticle of a build's dist/ over the readability test pages, for counting instructions with callgrind: one
 * warm-up pass over the 130 pages, then a second pass, the one counted. Plain JavaScript, so that node runs it
 * without a loader.
 *
 *   npm run build
 *   valgrind --tool=callgrind --instr-atstart=no node --single-threaded --predictable --hash-seed=1 --perf-basic-prof \
 *     bench/extract-count.mjs . --wait &
 *   # when it prints "MEASURE <pid>": callgrind_control -i on <pid>; touch /tmp/extract-count-<pid>
 *   callgrind_annotate --inclusive=no --threshold=100 callgrind.out.<pid>
 *
 * Without --wait it runs straight through (for --cpu-prof and the like). The first argument is the folder whose
 * dist/ is measured (another build for comparisons); --corpus DIR another folder of pages in the readability layout
 * (default tests/fixtures/corpora/readability-test-pages of this checkout). Compare builds by the count without V8's
 * collector functions (/Mark|Sweep|Scaveng|Evacuat|SizeFromMap|Heap::/ in callgrind_annotate's list), which move
 * between runs of one build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const root = resolve(args[0] ?? '.');
const wait = args.includes('--wait');
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0
  ? resolve(args[corpusAt + 1])
  : resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/corpora/readability-test-pages');
const { extractArticle } = await import(join(root, 'dist/workers/extractor/extract-article.js'));

const URL = 'http://fakehost/test/page.html';
const read = (dir) => {
  const plain = join(dir, 'source.html');
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  const gz = `${plain}.gz`;
  return existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : null;
};
const pages = readdirSync(corpus).sort().map((name) => read(join(corpus, name))).filter((s) => s !== null);
const pass = () => {
  let words = 0;
  for (const html of pages) words += extractArticle(html, URL)?.wordCount ?? 0;
  return words;
};

pass();
console.log(`MEASURE ${process.pid}`);
if (wait) {
  // Blocks without running JavaScript until the file exists (callgrind_control has switched counting on by then).
  const flag = `/tmp/extract-count-${process.pid}`;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(flag)) Atomics.wait(cell, 0, 0, 200);
}
const c0 = process.cpuUsage();
const words = pass();
const cpu = process.cpuUsage(c0);
console.log(`DONE ${pages.length} pages, ${words} words: ${((cpu.user + cpu.system) / 1000 / pages.length).toFixed(2)} ms CPU each`);
