import { describe, expect, it } from 'vitest';
import { decodePack, encodePack } from '../../../../src/workers/enricher/model-pack.js';
import { clustersPackBytes, unpackClusters } from '../../../../src/workers/enricher/ner-clusters.js';
import { sentenceFeatures, wordFeatures, wordStatsOf } from '../../../../src/workers/enricher/ner-features.js';
import { packGazetteer, parseGazetteer, unpackGazetteer } from '../../../../src/workers/enricher/tag-entities.js';

describe(clustersPackBytes.name, () => {
  it('round-trips each word\'s cluster at every granularity, an unknown word having none', () => {
    const words = ['paris', 'london', 'said', 'told'];
    const ks = [64, 256, 1024];
    const ids = [[3, 3, 60, 60], [12, 13, 241, 241], [48, 52, 964, 1023]];
    const c = unpackClusters(decodePack(clustersPackBytes(words, ks, ids)));
    expect(c.ks).toEqual(ks);
    words.forEach((w, i) => {
      const code = c.get(w) as number;
      expect(code).toBeDefined();
      ks.forEach((_k, j) => expect(c.id(code, j)).toBe((ids[j] as number[])[i]));
    });
    expect(c.get('zorblat')).toBeUndefined();
  });

  it('is the same bytes for the same input, whatever the order of the words', () => {
    const a = clustersPackBytes(['b', 'a'], [4], [[1, 2]]);
    const b = clustersPackBytes(['a', 'b'], [4], [[2, 1]]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses granularities that do not fit a 32-bit code, and a pack of another kind', () => {
    expect(() => clustersPackBytes(['a'], [1 << 16, 1 << 16], [[0], [0]])).toThrow(/bits/);
    expect(() => unpackClusters(decodePack(encodePack({ format: 'x' }, {})))).toThrow(/not a telex word clusters/);
  });
});

describe('word clusters as tagger features', () => {
  const table = { words: new Map([['paris', { cls: 3, cap: 0 }], ['the', { cls: 1, cap: 4 }]]), coarse: [0, 1, 1, 2], buckets: ['A', 'M', 'H', 'R', 'N'] };
  const clusters = unpackClusters(decodePack(clustersPackBytes(['paris', 'the', 'office'], [64, 256], [[5, 1, 9], [20, 4, 37]])));

  it('gives a word its clusters and its neighbours theirs, only when the model says so', () => {
    const stats = { ...wordStatsOf(table), clusters, clusterFeatures: { cur: [0, 1], near: 1, far: 0, classes: true } };
    expect(wordFeatures('Paris', undefined, stats)).toEqual(expect.arrayContaining(['c0=5', 'c1=20', 'k=3']));
    expect(wordFeatures('Zorblat', undefined, stats)).toContain('c=?');
    const f = sentenceFeatures({ words: ['The', 'Paris', 'office', 'Zorblat'], gazetteer: [[], [], [], []], rules: ['', '', '', ''], stats });
    expect(f[1]).toEqual(expect.arrayContaining(['c-1=4', 'c+1=37', 'c-2=<s>', 'c+2=?', 'k-1=1']));
    expect(f[0]).toEqual(expect.arrayContaining(['c-1=<s>', 'c+1=20', 'c+2=9']));
    // Without clusterFeatures, or with the Wikinews classes dropped.
    expect(wordFeatures('Paris', undefined, { ...wordStatsOf(table), clusters })).not.toContain('c0=5');
    const replaced = { ...stats, clusterFeatures: { cur: [1], near: -1, far: -1, classes: false } };
    expect(wordFeatures('Paris', undefined, replaced)).toEqual(expect.arrayContaining(['c1=20', 'cap=A|u']));
    expect(wordFeatures('Paris', undefined, replaced)).not.toContain('k=3');
    expect(sentenceFeatures({ words: ['The', 'Paris'], gazetteer: [[], []], rules: ['', ''], stats: replaced })[1]?.some((x) => x.startsWith('k-1=') || x.startsWith('c-1='))).toBe(false);
  });

  it('are named by the gazetteer pack, which loads them only when it uses them', () => {
    const gaz = parseGazetteer('LOC\tParis\n');
    const features = { cur: [0], near: 0, far: -1, classes: true };
    let loads = 0;
    const load = () => {
      loads++;
      return clusters;
    };
    const back = unpackGazetteer(decodePack(packGazetteer(gaz, table, features)), load);
    expect(loads).toBe(1);
    expect(back.stats?.clusterFeatures).toEqual(features);
    expect(back.stats?.clusters?.get('paris')).toBe(clusters.get('paris'));
    expect(() => unpackGazetteer(decodePack(packGazetteer(gaz, table, features)))).toThrow(/word clusters/);
    expect(unpackGazetteer(decodePack(packGazetteer(gaz, table)), load).stats?.clusters).toBeUndefined();
    expect(loads).toBe(1);
  });
});
