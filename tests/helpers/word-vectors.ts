import { decodePack } from '../../src/workers/enricher/model-pack.js';
import { packWordVectors, unpackWordVectors, VECTOR_ZERO, type WordVectors } from '../../src/workers/enricher/word-vectors.js';

/**
 * A made-up word-vector table, packed and unpacked as the committed one is:
 * `steps` holds each word's values row by row in int8 steps of 0.01.
 */
export function madeUpVectors(o: { dims: number; keys: string[]; steps: number[]; rank: number[]; cluster?: number[]; clusters?: number }): WordVectors {
  return unpackWordVectors(
    decodePack(
      packWordVectors({
        dims: o.dims,
        scale: 0.01,
        keys: o.keys,
        vectors: Uint8Array.from(o.steps.map((q) => q + VECTOR_ZERO)),
        rank: Uint32Array.from(o.rank),
        ...(o.cluster ? { cluster: Uint32Array.from(o.cluster), clusters: o.clusters } : {}),
        source: 'test',
      }),
    ),
  );
}
