import { describe, expect, it } from 'vitest';
import { decodePack } from '../../../../src/workers/enricher/model-pack.js';
import { sentenceVectors, vectorBins, wordFeatures, wordStatsOf, wordVector } from '../../../../src/workers/enricher/ner-features.js';
import { entityTagger, packGazetteer, parseGazetteer, unpackGazetteer } from '../../../../src/workers/enricher/tag-entities.js';
import { loadWordVectors } from '../../../../src/workers/enricher/word-vectors.js';
import { madeUpVectors } from '../../../helpers/word-vectors.js';

/** A word-vector table of four words in 3 dimensions (int8 + 128, one step = 0.01). */
const table = madeUpVectors({ dims: 3, keys: ['paris', 'london', 'said', 'told'], steps: [90, -10, 0, 80, 0, -20, -60, 50, 10, -20, 30, -40], rank: [4, 3, 1, 2] });
const stats = { words: new Map([['paris', { cls: 3, cap: 0 }]]), coarse: [0, 1, 1, 2], buckets: ['A', 'M', 'H', 'R', 'N'] };

describe(vectorBins.name, () => {
  it('sets each dimension\'s thresholds at the means of its positive and its negative values', () => {
    const b = vectorBins(table);
    expect([...b.hi]).toEqual([85, 40, 10]);
    expect([...b.lo]).toEqual([-40, -10, -30]);
  });

  it('gives a word "e<d>+" above the upper threshold and "e<d>-" below the lower one, once whatever the domain, "e=?" without a vector', () => {
    const s = { ...wordStatsOf(stats), vectorBins: vectorBins(table) };
    const bins = (w: string) => wordFeatures(w, undefined, s).filter((f) => /^e\d|^e=/.test(f));
    // Paris: 90 > 85; -10 is not below -10; 0 is neither. said: -60 < -40, 50 > 40, 10 is not above 10. told: -40 < -30.
    expect(bins('Paris')).toEqual(['e0+']);
    expect(bins('said')).toEqual(['e0-', 'e1+']);
    expect(bins('told')).toEqual(['e2-']);
    const social = wordFeatures('Paris', 'social', s);
    expect(social.filter((f) => f.includes('e0+'))).toEqual(['e0+']);
    expect(wordFeatures('Zorblat', undefined, s)).toContain('e=?');
    expect(wordFeatures('Paris', undefined, wordStatsOf(stats)).some((f) => /^e\d|^e=/.test(f))).toBe(false);
  });

  it('is carried by the gazetteer pack, which takes the vectors only when the model uses them', () => {
    const gaz = parseGazetteer('LOC\tParis\n');
    let loads = 0;
    const load = () => {
      loads++;
      return table;
    };
    const back = unpackGazetteer(decodePack(packGazetteer(gaz, stats, undefined, vectorBins(table))), undefined, load);
    expect(loads).toBe(1);
    expect([...(back.stats?.vectorBins?.hi ?? [])]).toEqual([85, 40, 10]);
    expect(back.stats?.vectorBins?.vectors).toBe(table);
    expect(() => unpackGazetteer(decodePack(packGazetteer(gaz, stats, undefined, vectorBins(table))))).toThrow(/word vectors/);
    expect(unpackGazetteer(decodePack(packGazetteer(gaz, stats)), undefined, load).stats?.vectorBins).toBeUndefined();
    expect(loads).toBe(1);
  });
});

describe(sentenceVectors.name, () => {
  it('gives each word its scaled vector, then its neighbours\' within the sentence, and nothing when none has one', () => {
    const own = sentenceVectors(['Paris', 'zorblat', 'said'], table, 2, false);
    expect([...(own[0] as Float32Array)]).toEqual([1.8, -0.2, 0].map(Math.fround));
    expect(own[1]).toBeUndefined();
    expect(wordVector('London', table, 1)).toEqual(Float32Array.from([0.8, 0, -0.2]));
    const near = sentenceVectors(['Paris', 'zorblat', 'said', 'qux', 'quux'], table, 1, true);
    // zorblat: no vector of its own, Paris before it, said after it.
    expect([...(near[1] as Float32Array)]).toEqual([0, 0, 0, 0.9, -0.1, 0, -0.6, 0.5, 0.1].map(Math.fround));
    expect([...(near[0] as Float32Array)].slice(3, 6)).toEqual([0, 0, 0]);
    expect(near[4]).toBeUndefined();
  });
});

describe('the committed tagger and word vectors', () => {
  it('takes the topic classifier\'s word vectors: the word\'s and its neighbours\' as real-valued inputs, and binarized as features', () => {
    const tagger = entityTagger();
    expect(tagger.vectors?.table).toBe(loadWordVectors());
    expect(tagger.vectors?.near).toBe(true);
    expect(tagger.model.dense?.length).toBe(3 * loadWordVectors().dims * tagger.model.tags.length);
    expect(tagger.gazetteer.stats?.vectorBins?.vectors).toBe(loadWordVectors());
  });
});
