/**
 * enrichArticle of a build's dist/ on text it has not seen, for counting instructions with callgrind: a warm-up of
 * six passes over 300 shorter Wikinews articles (300 to 799 words), then the first 100 Wikinews articles of 800 words
 * or more, cut to 800, each enriched once. Plain JavaScript, so that node runs it without a loader.
 *
 *   npm run build
 *   valgrind --tool=callgrind --instr-atstart=no node --predictable --hash-seed=1 bench/enrich-unseen.mjs . --wait &
 *   # when it prints "MEASURE <pid>": callgrind_control -i on <pid>; touch /tmp/enrich-unseen-<pid>
 *
 * Without --wait it runs straight through (for --trace-opt, --cpu-prof and the like). With --topics the measured
 * phase runs the topic classifier alone (classifyTopics, on the words enrichArticle gives it, found before the phase),
 * for its share of the count. The first argument is the folder whose dist/ is measured (another build for
 * comparisons); --corpus DIR the enrichment corpora (default ../shared/corpora/enrichment). Under --predictable V8
 * compiles and collects on the main thread, so the count holds its compiler's work too; two runs of one build agree
 * within 0.1 % but for garbage collection, which moves by up to 0.7 G instructions between runs (a full collection
 * in the measured phase or not): compare builds by the count without the collector's functions as well
 * (callgrind_annotate).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const root = resolve(args[0] ?? '.');
const wait = args.includes('--wait');
const topicsOnly = args.includes('--topics');
const corpusAt = args.indexOf('--corpus');
const corpus = corpusAt >= 0 ? resolve(args[corpusAt + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/corpora/enrichment');
const enricher = (file) => join(root, 'dist/workers/enricher', file);
const { enrichArticle } = await import(enricher('enrich-article.js'));
const { parseTopicsConfig } = await import(enricher('topics-config.js'));
const { classifyTopics } = await import(enricher('classify-topics.js'));
const { nerAndWordTokens } = await import(enricher('ner-tokens.js'));
const { normalizedWords } = await import(enricher('phrase-matcher.js'));
const customTopics = parseTopicsConfig(readFileSync(join(root, 'config/topics.yaml'), 'utf8'));

const articles = readFileSync(join(corpus, 'topics/wikinews-politics-economy/articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .map((a) => ({ id: a.id, title: a.title, words: a.text.split(/\s+/) }));
const extracted = (a, text) => ({
  feedId: 'bench', url: `http://127.0.0.1/${a.id}`, canonicalUrl: `http://127.0.0.1/${a.id}`, title: a.title, byline: null, dateline: null,
  publishedAt: null, modifiedAt: null, fetchedAt: '2026-01-01T00:00:00.000Z', siteName: null, language: 'en', excerpt: null,
  leadImage: null, text, html: '', wordCount: text.split(/\s+/).length, extraction: { method: 'readability', warnings: [] },
});
const warmUp = articles.filter((a) => a.words.length >= 300 && a.words.length < 800).slice(0, 300).map((a) => extracted(a, a.words.join(' ')));
const unseen = articles.filter((a) => a.words.length >= 800).slice(0, 100).map((a) => extracted(a, a.words.slice(0, 800).join(' ')));

for (let pass = 0; pass < 6; pass++) for (const a of warmUp) enrichArticle(a, { customTopics });
// classifyTopics' inputs as enrichArticle makes them (English text: the tokens of nerAndWordTokens).
const topicInputs = topicsOnly ? unseen.map((a) => ({ article: { title: a.title, text: a.text }, titleWords: normalizedWords(a.title), textWords: normalizedWords(a.text, nerAndWordTokens(a.text).wordTokens) })) : [];
console.log(`MEASURE ${process.pid}`);
if (wait) {
  // Blocks without running JavaScript until the file exists (callgrind_control has switched counting on by then).
  const flag = `/tmp/enrich-unseen-${process.pid}`;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(flag)) Atomics.wait(cell, 0, 0, 200);
}
const c0 = process.cpuUsage();
const t0 = performance.now();
if (topicsOnly) for (const t of topicInputs) classifyTopics(t.article, { maxTopics: 5, titleWords: t.titleWords, textWords: t.textWords });
else for (const a of unseen) enrichArticle(a, { customTopics });
const cpu = process.cpuUsage(c0);
console.log(`DONE ${unseen.length} unseen articles: ${((performance.now() - t0) / unseen.length).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / unseen.length).toFixed(2)} ms CPU each`);
