/**
 * Cost of keeping story versions on the SQLite upsert path. Each round stores
 * the same generated articles, then updates each of them several times (a new
 * sentence each time, as a write-through does), through `upsertArticles` in
 * batches like the enricher's, into a fresh temp database; rounds alternate
 * between the default retention (the last 20 versions kept) and `keep: 1` (no
 * history: the update path as it was before versions).
 *
 *   npm run bench:store-versions                                  # 3,000 articles, 4 updates each, 2 rounds
 *   npm run bench:store-versions -- --articles 5000 --updates 6 --rounds 3
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/sqlite-article-store.js';
import type { ArticleRecord } from '../src/store/types.js';
import { contentHashOf } from '../src/lib/ids.js';
import { benchArticle, syntheticVocabulary } from './lib/articles.js';
import { numberFlag, rng } from './lib/rng.js';

const args = process.argv.slice(2);
const ARTICLES = numberFlag(args, 'articles', 3_000);
const UPDATES = numberFlag(args, 'updates', 4);
const BATCH = numberFlag(args, 'batch', 8);
const ROUNDS = numberFlag(args, 'rounds', 2);
const VOCAB = syntheticVocabulary(20_000);

function makeArticles(): ArticleRecord[] {
  const rand = rng(11);
  const word = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)] as string;
  return Array.from({ length: ARTICLES }, (_, i) =>
    benchArticle({
      n: i,
      title: Array.from({ length: 9 }, word).join(' '),
      paragraphs: Array.from({ length: 5 }, () => Array.from({ length: 80 }, word).join(' ')),
      feed: { id: `feed-${i % 50}`, title: null, url: `https://bench.test/feed-${i % 50}.xml` },
      publishedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(),
      language: 'en',
      wordCount: 400,
      topics: [],
      person: `Person ${VOCAB[i % 500]}`,
    }),
  );
}

/** Update `u` of an article: one more sentence at the end. */
function revised(a: ArticleRecord, u: number): ArticleRecord {
  const text = `${a.text}\n\nUpdate ${u}: officials gave new figures.`;
  return { ...a, text, contentHash: contentHashOf({ title: a.title, text }) };
}

async function round(articles: ArticleRecord[], keep: number) {
  const dir = mkdtempSync(join(tmpdir(), 'telex-store-versions-'));
  const path = join(dir, 'telex.db');
  try {
    const store = await openSqliteStore(path, { versions: { keep } });
    for (let i = 0; i < articles.length; i += BATCH) {
      await store.upsertArticles(articles.slice(i, i + BATCH).map((record) => ({ record })));
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let u = 1; u <= UPDATES; u++) {
      for (let i = 0; i < articles.length; i += BATCH) {
        await store.upsertArticles(articles.slice(i, i + BATCH).map((a) => ({ record: revised(a, u) })));
        await new Promise((r) => setImmediate(r));
      }
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    const updates = articles.length * UPDATES;
    return { perSec: updates / (ms / 1000), cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / updates, dbMb: statSync(path).size / 1048576 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 1) => n.toFixed(d);
console.log(`## bench:store-versions — ${new Date().toISOString()}`);
console.log(`${ARTICLES} articles, ${UPDATES} updates each, batches of ${BATCH}, ${ROUNDS} rounds per mode, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const articles = makeArticles();
const results: Record<string, number[]> = { keep20: [], keep1: [] };
for (let r = 1; r <= ROUNDS; r++) {
  for (const keep of [20, 1]) {
    const x = await round(articles, keep);
    results[`keep${keep}`]?.push(x.perSec);
    console.log(`round ${r}, keep ${keep}: ${fmt(x.perSec)} updates/s, ${fmt(x.cpuMsPerUpdate, 2)} CPU ms/update, database ${fmt(x.dbMb)} MB`);
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const [k20, k1] = [mean(results.keep20 ?? []), mean(results.keep1 ?? [])];
console.log(`mean: keep 20 ${fmt(k20)} updates/s, keep 1 ${fmt(k1)} updates/s (${fmt((k20 / k1 - 1) * 100)} %)`);
console.log(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
