/**
 * SQLite write benchmark: the enricher's store writes alone, with WAL checkpoints
 * in the commits (the default) and on a background thread (what a process
 * running the enricher uses). Each round stores the same generated articles
 * (text, topics, an entity, the wire-copy fingerprint and so its 48 band keys)
 * into a fresh temp database through `upsertArticles`, in batches like the
 * enricher's group commits, and the two modes alternate.
 *
 *   npm run bench:store-write                                   # 10,000 articles, batches of 8, 2 rounds
 *   npm run bench:store-write -- --articles 20000 --batch 16 --rounds 3
 *
 * Prints per round: articles/s, process CPU ms per article (all threads, the
 * checkpoint thread included), the largest -wal file seen, and the mean and
 * worst time of one batch (the time the enricher's event loop is held).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/sqlite-article-store.js';
import type { ArticleRecord } from '../src/store/types.js';
import { fingerprint } from '../src/workers/enricher/cluster.js';
import { benchArticle, syntheticVocabulary } from './lib/articles.js';
import { numberFlag, rng } from './lib/rng.js';

const args = process.argv.slice(2);
const ARTICLES = numberFlag(args, 'articles', 10_000);
const BATCH = numberFlag(args, 'batch', 8);
const ROUNDS = numberFlag(args, 'rounds', 2);

const VOCAB = syntheticVocabulary(20_000);
const TOPICS = Array.from({ length: 40 }, (_, i) => `medtop:${String(20000000 + i * 7).padStart(8, '0')}`);

/** The same articles every round: a Zipf-like vocabulary, about 400 words each. */
function makeItems(): Array<{ record: ArticleRecord; fingerprint: ReturnType<typeof fingerprint> }> {
  const rand = rng(7);
  const word = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)] as string;
  return Array.from({ length: ARTICLES }, (_, i) => {
    const title = Array.from({ length: 9 }, word).join(' ');
    const paragraphs = Array.from({ length: 5 }, () => Array.from({ length: 80 }, word).join(' '));
    const record = benchArticle({
      n: i,
      title,
      paragraphs,
      feed: { id: `feed-${i % 50}`, title: null, url: `https://bench.test/feed-${i % 50}.xml` },
      publishedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(),
      language: 'en',
      wordCount: 400,
      topics: [TOPICS[i % TOPICS.length] as string, TOPICS[(i * 7) % TOPICS.length] as string].map((code) => ({ code, score: 0.5 })),
      person: `Person ${VOCAB[i % 500]}`,
    });
    return { record, fingerprint: fingerprint(record.text) };
  });
}

async function round(items: ReturnType<typeof makeItems>, background: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'telex-store-write-'));
  const path = join(dir, 'telex.db');
  try {
    const store = await openSqliteStore(path, background ? { backgroundCheckpoint: {} } : {});
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let worst = 0;
    let maxWal = 0;
    for (let i = 0; i < items.length; i += BATCH) {
      const b0 = performance.now();
      await store.upsertArticles(items.slice(i, i + BATCH));
      worst = Math.max(worst, performance.now() - b0);
      // Let the event loop turn, as the enricher's does between batches.
      await new Promise((r) => setImmediate(r));
      if ((i / BATCH) % 25 === 0) {
        try {
          maxWal = Math.max(maxWal, statSync(`${path}-wal`).size);
        } catch {
          // no WAL yet
        }
      }
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await store.close();
    return {
      perSec: items.length / (ms / 1000),
      cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / items.length,
      maxWalMb: maxWal / 1048576,
      meanBatchMs: ms / Math.ceil(items.length / BATCH),
      worstBatchMs: worst,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 1) => n.toFixed(d);
console.log(`## bench:store-write — ${new Date().toISOString()}`);
console.log(`${ARTICLES} articles, batches of ${BATCH}, ${ROUNDS} rounds per mode, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const items = makeItems();
const results: Record<'commit' | 'thread', number[]> = { commit: [], thread: [] };
for (let r = 1; r <= ROUNDS; r++) {
  for (const background of [false, true]) {
    const x = await round(items, background);
    const mode = background ? 'thread' : 'commit';
    results[mode].push(x.perSec);
    console.log(
      `round ${r}, checkpoints in the ${mode === 'thread' ? 'background thread' : 'commits'}: ${fmt(x.perSec)} articles/s, ` +
        `${fmt(x.cpuMsPerArticle, 2)} CPU ms/article (all threads), batch mean ${fmt(x.meanBatchMs, 1)} ms / worst ${fmt(x.worstBatchMs, 0)} ms, largest WAL ${fmt(x.maxWalMb)} MB`,
    );
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`mean: in the commits ${fmt(mean(results.commit))} articles/s, on the thread ${fmt(mean(results.thread))} articles/s (${fmt((mean(results.thread) / mean(results.commit) - 1) * 100)} %)`);
console.log(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
