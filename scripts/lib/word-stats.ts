/**
 * Word statistics from unlabelled text, for the entity tagger (train-ner.ts):
 * how often each word is written capitalized away from a sentence start, and
 * distributional word classes (spherical k-means over each word's left and
 * right neighbours, a cheap stand-in for Brown clusters). Deterministic: the
 * vocabulary is sorted, the initial centroids are drawn with a fixed seed.
 */
import { seededRandom } from '../../src/lib/random.js';
import { CAP_BUCKETS, type WordStatsTable } from '../../src/workers/enricher/ner-features.js';

const SENTENCE_END = new Set(['.', '!', '?', '"', '“', '”', ':', ';', '(', '-', '—', '–', '|', '‘', '’', "'"]);

export type WordStatsOptions = {
  /** Fine classes (k of the k-means). */
  fine: number;
  /** Coarse classes (the fine centroids clustered again). */
  coarse: number;
  /** Words seen fewer times get no class (they may still get a capitalization bucket). */
  minClassCount: number;
  /** Words seen fewer times get nothing. */
  minCount: number;
  /** Most frequent words used as contexts. */
  contexts: number;
  iterations: number;
  seed: number;
};

/** The capitalization bucket of a word written capitalized `cap` times and lowercase `low` times mid-sentence. */
export function capBucket(cap: number, low: number): number {
  const r = cap / Math.max(1, cap + low);
  // CAP_BUCKETS: always, mostly, mixed, rarely, never capitalized.
  return r >= 0.97 ? 0 : r >= 0.7 ? 1 : r >= 0.3 ? 2 : r >= 0.03 ? 3 : 4;
}

/** Spherical k-means over unit sparse vectors; returns each vector's cluster and the centroids. */
function kmeans(
  vecs: ReadonlyArray<{ idx: Int32Array; val: Float32Array }>,
  dims: number,
  k: number,
  iterations: number,
  rand: () => number,
  weights?: ArrayLike<number>,
): { assign: Int32Array; centroids: Float32Array } {
  const n = vecs.length;
  const centroids = new Float32Array(k * dims);
  // Initial centroids: k distinct vectors drawn at random.
  const picked = new Set<number>();
  while (picked.size < Math.min(k, n)) picked.add(Math.floor(rand() * n));
  [...picked].forEach((v, c) => {
    const { idx, val } = vecs[v] as { idx: Int32Array; val: Float32Array };
    for (let j = 0; j < idx.length; j++) centroids[c * dims + (idx[j] as number)] = val[j] as number;
  });
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let v = 0; v < n; v++) {
      const { idx, val } = vecs[v] as { idx: Int32Array; val: Float32Array };
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const base = c * dims;
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += (val[j] as number) * (centroids[base + (idx[j] as number)] as number);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[v] !== best) moved++;
      assign[v] = best;
    }
    const sums = new Float32Array(k * dims);
    const sizes = new Int32Array(k);
    for (let v = 0; v < n; v++) {
      const c = assign[v] as number;
      const w = weights ? (weights[v] as number) : 1;
      sizes[c] = (sizes[c] as number) + 1;
      const { idx, val } = vecs[v] as { idx: Int32Array; val: Float32Array };
      for (let j = 0; j < idx.length; j++) {
        const d = c * dims + (idx[j] as number);
        sums[d] = (sums[d] as number) + w * (val[j] as number);
      }
    }
    for (let c = 0; c < k; c++) {
      if (!sizes[c]) continue; // an empty cluster keeps its centroid
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += (sums[c * dims + d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = (sums[c * dims + d] as number) / norm;
    }
    if (moved === 0) break;
  }
  return { assign, centroids };
}

/**
 * Statistics of the words of `sentences` (token texts; a sentence is any run of
 * tokens, its first token counts as sentence-initial): per lowercase word, its
 * capitalization bucket and, for frequent enough words, its fine class (1-based;
 * 0 = none); and the coarse class of each fine class.
 */
export function wordStats(sentences: ReadonlyArray<readonly string[]>, opts: WordStatsOptions): WordStatsTable {
  const counts = new Map<string, number>();
  const capCounts = new Map<string, [number, number]>();
  const lowered: string[][] = [];
  for (const s of sentences) {
    const lw = s.map((w) => w.toLowerCase());
    lowered.push(lw);
    for (let i = 0; i < s.length; i++) {
      const w = s[i] as string;
      const l = lw[i] as string;
      counts.set(l, (counts.get(l) ?? 0) + 1);
      if (i === 0 || SENTENCE_END.has(s[i - 1] as string) || !/^\p{L}/u.test(w)) continue;
      const cc = capCounts.get(l) ?? [0, 0];
      if (/^\p{Lu}/u.test(w)) cc[0]++;
      else if (/^\p{Ll}/u.test(w)) cc[1]++;
      capCounts.set(l, cc);
    }
  }
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const sorted = [...counts].filter(([, c]) => c >= opts.minCount).sort(byCount);
  const contextIndex = new Map(sorted.slice(0, opts.contexts).map(([w], i) => [w, i]));
  // Context dims: the frequent words, then "other capitalized", "other lowercase", "other number", "other symbol", "boundary"; left then right.
  const C = opts.contexts + 5;
  const dims = 2 * C;
  const contextOf = (orig: string | undefined, low: string | undefined): number => {
    if (orig === undefined || low === undefined) return opts.contexts + 4;
    const at = contextIndex.get(low);
    if (at !== undefined) return at;
    return /^\p{Lu}/u.test(orig) ? opts.contexts : /^\p{Ll}/u.test(orig) ? opts.contexts + 1 : /^\p{N}/u.test(orig) ? opts.contexts + 2 : opts.contexts + 3;
  };
  const vocab = sorted.filter(([, c]) => c >= opts.minClassCount).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const rows = vocab.map(() => new Map<number, number>());
  let k = 0;
  for (const s of sentences) {
    const lw = lowered[k++] as string[];
    for (let i = 0; i < lw.length; i++) {
      const v = vocabIndex.get(lw[i] as string);
      if (v === undefined) continue;
      const row = rows[v] as Map<number, number>;
      const left = contextOf(s[i - 1], lw[i - 1]);
      const right = C + contextOf(s[i + 1], lw[i + 1]);
      row.set(left, (row.get(left) ?? 0) + 1);
      row.set(right, (row.get(right) ?? 0) + 1);
    }
  }
  const vecs = rows.map((row) => {
    const entries = [...row].sort((a, b) => a[0] - b[0]);
    const val = Float32Array.from(entries, ([, c]) => Math.sqrt(c));
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] = (val[j] as number) / norm;
    return { idx: Int32Array.from(entries, ([d]) => d), val };
  });
  const rand = seededRandom(opts.seed);
  const fine = kmeans(vecs, dims, opts.fine, opts.iterations, rand);
  // Coarse classes: the fine centroids clustered again, each weighted by its size.
  const sizes = new Array<number>(opts.fine).fill(0);
  for (const c of fine.assign) sizes[c] = (sizes[c] as number) + 1;
  const centroidVecs = Array.from({ length: opts.fine }, (_, c) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (let d = 0; d < dims; d++) {
      const x = fine.centroids[c * dims + d] as number;
      if (x) {
        idx.push(d);
        val.push(x);
      }
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
  });
  const coarse = kmeans(centroidVecs, dims, opts.coarse, opts.iterations * 2, rand, sizes);
  const words = new Map<string, { cls: number; cap: number }>();
  for (const [w] of sorted) {
    const v = vocabIndex.get(w);
    const cc = capCounts.get(w);
    const cap = cc && cc[0] + cc[1] >= 2 ? capBucket(cc[0], cc[1]) : -1;
    const cls = v === undefined ? 0 : (fine.assign[v] as number) + 1;
    if (cls === 0 && cap < 0) continue;
    words.set(w, { cls, cap });
  }
  return { words, coarse: [0, ...Array.from(coarse.assign, (c) => c + 1)], buckets: CAP_BUCKETS };
}
