import { describe, expect, it } from 'vitest';
import { topicFeatures, type VectorFeatures } from '../../../../src/workers/enricher/classify-topics.js';
import { meanVector, VECTOR_ZERO, vectorRow } from '../../../../src/workers/enricher/word-vectors.js';
import { madeUpVectors } from '../../../helpers/word-vectors.js';

// A made-up table of three words in two dimensions (int8 steps of 0.01).
const table = madeUpVectors({ dims: 2, keys: ['goal', 'striker', 'bank'], steps: [100, 0, 80, 0, 0, 100], rank: [100, 300, 50], cluster: [0, 0, 1], clusters: 2 });

describe('word vectors', () => {
  it('round-trips a table and finds rows by normalized word', () => {
    expect(table.dims).toBe(2);
    expect(vectorRow(table, 'striker')).toBe(1);
    expect(vectorRow(table, 'unknown')).toBe(-1);
    expect([...(table.cluster ?? [])]).toEqual([0, 0, 1]);
  });

  it('averages unit vectors with smooth inverse frequency weights, to unit length', () => {
    const m = meanVector(table, [{ words: ['goal', 'bank', 'unknown'], weight: 1 }], 100, () => true);
    // goal: 100 / 200 = 0.5 on the first axis; bank: 50 / 150 on the second.
    expect(m?.[0]).toBeCloseTo(0.5 / Math.hypot(0.5, 1 / 3), 6);
    expect(m?.[1]).toBeCloseTo(1 / 3 / Math.hypot(0.5, 1 / 3), 6);
    expect(meanVector(table, [{ words: ['unknown'], weight: 1 }], 100, () => true)).toBeNull();
  });

  it('sums each dimension over the words in their order, the same doubles as word after word into every dimension, when the table has an odd number of dimensions or an even one', () => {
    const random = (seed: number) => () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const next = random(19);
    for (const dims of [5, 6]) {
      const keys = Array.from({ length: 40 }, (_, i) => `w${i}`);
      const t = madeUpVectors({ dims, keys, steps: Array.from({ length: 40 * dims }, () => Math.floor(next() * 255) - 127), rank: keys.map(() => 1 + Math.floor(next() * 5000)) });
      const words = Array.from({ length: 300 }, () => `w${Math.floor(next() * 45)}`);
      const groups = [{ words: words.slice(0, 20), weight: 2 }, { words, weight: 1 }];
      // The reference: each kept word's weighted values added to every dimension, word after word.
      const sum = new Float64Array(dims);
      for (const { words: ws, weight } of groups) {
        for (const w of ws) {
          const r = vectorRow(t, w);
          if (r < 0) continue;
          const f = (weight * (t.rank[r] as number)) / ((t.rank[r] as number) + 100);
          for (let d = 0; d < dims; d++) sum[d] = (sum[d] as number) + f * ((t.vectors[r * dims + d] as number) - VECTOR_ZERO);
        }
      }
      const norm = Math.sqrt(sum.reduce((a, x) => a + x ** 2, 0));
      expect([...(meanVector(t, groups, 100, () => true) ?? [])]).toEqual([...sum].map((x) => x / norm));
    }
  });

  it('adds dense features, scaled down on long texts, and cluster ids as words', () => {
    const vectors: VectorFeatures = { dense: true, clusters: true, r0: 100, scale: 2, lengthRef: 4, table };
    const short = topicFeatures({ title: '', text: 'Striker goal' }, { vectors });
    expect(short.get('vec:0')).toBeCloseTo(2, 6);
    expect(short.get('wc:0')).toBeGreaterThan(0);
    const long = topicFeatures({ title: '', text: 'Striker goal and more words here about the bank today' }, { vectors });
    const norm = Math.hypot(long.get('vec:0') ?? 0, long.get('vec:1') ?? 0);
    expect(norm).toBeGreaterThan(0);
    expect(norm).toBeLessThan(2);
    expect(topicFeatures({ title: '', text: 'Striker goal' }).has('vec:0')).toBe(false);
  });
});
