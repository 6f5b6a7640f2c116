import { describe, expect, it } from 'vitest';
import { addDense, addDenseThree, addRow, addRows, allowedTransitions, averageModels, emissionScores, tagSequence, trainPerceptron, UNKNOWN_TAG, viterbi } from '../../../../src/workers/enricher/perceptron.js';

const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const feats = (words: string[]) =>
  words.map((w, i) => ['b', `w=${w.toLowerCase()}`, `cap=${/^[A-Z]/.test(w)}`, `prev=${(words[i - 1] ?? '<s>').toLowerCase()}`]);
const DATA = [
  { words: 'Anna Berg lives in Oslo'.split(' '), tags: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC'] },
  { words: 'she moved to Bergen'.split(' '), tags: ['O', 'O', 'O', 'B-LOC'] },
  { words: 'Tom Lund visited Paris'.split(' '), tags: ['B-PER', 'I-PER', 'O', 'B-LOC'] },
  { words: 'they met in Rome'.split(' '), tags: ['O', 'O', 'O', 'B-LOC'] },
  { words: 'Eva Holm works in Berlin'.split(' '), tags: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC'] },
].map((s) => ({ features: feats(s.words), tags: s.tags }));

describe(trainPerceptron.name, () => {
  it('learns to tag the training sentences and generalizes by context when trained on a small hand-written set', () => {
    const model = trainPerceptron(TAGS, DATA, { epochs: 10, seed: 1 });
    for (const s of DATA) expect(tagSequence(model, s.features)).toEqual(s.tags);
    expect(tagSequence(model, feats('Ola Dahl lives in Madrid'.split(' ')))).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
  });

  it('gives the same weights when trained twice with the same seed', () => {
    const a = trainPerceptron(TAGS, DATA, { epochs: 3, seed: 7 });
    const b = trainPerceptron(TAGS, DATA, { epochs: 3, seed: 7 });
    expect([...a.weights]).toEqual([...b.weights]);
    expect([...a.features]).toEqual([...b.features]);
    expect([...a.transitions]).toEqual([...b.transitions]);
  });

  it('reports the averaged model after each epoch when asked', () => {
    const epochs: number[] = [];
    trainPerceptron(TAGS, DATA, { epochs: 2, seed: 1, onEpoch: (e) => epochs.push(e) });
    expect(epochs).toEqual([1, 2]);
  });

  it('trains the same model from weight 1 as from no weight, and scales the updates by the weight', () => {
    const plain = trainPerceptron(TAGS, DATA, { epochs: 3, seed: 7 });
    const one = trainPerceptron(TAGS, DATA.map((s) => ({ ...s, weight: 1 })), { epochs: 3, seed: 7 });
    const half = trainPerceptron(TAGS, DATA.map((s) => ({ ...s, weight: 0.5 })), { epochs: 3, seed: 7 });
    expect([...one.weights]).toEqual([...plain.weights]);
    expect([...half.weights]).toEqual([...plain.weights].map((w) => w / 2));
  });

  it('learns from the known tags of a partly labelled sentence, leaving the open ones to its own best path', () => {
    const open = { features: feats('Ola Dahl lives in Madrid'.split(' ')), tags: [UNKNOWN_TAG, UNKNOWN_TAG, 'O', 'O', 'B-LOC'] };
    const model = trainPerceptron(TAGS, [...DATA, open], { epochs: 10, seed: 1 });
    for (const s of DATA) expect(tagSequence(model, s.features)).toEqual(s.tags);
    expect(tagSequence(model, open.features)).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
  });

  it('learns weights of real-valued inputs, which alone tell the tags apart when the feature strings cannot', () => {
    // One-token sentences with the same feature; a person's name has a vector near (1, 0), other words near (0, 1).
    const vec = (person: boolean, k: number) => Float32Array.from(person ? [1, 0.1 * k] : [0.1 * k, 1]);
    const data = [0, 1, 2, 3].flatMap((k) => [true, false].map((p) => ({ features: [['b']], tags: [p ? 'B-PER' : 'O'], dense: [vec(p, k)] })));
    const model = trainPerceptron(TAGS, data, { epochs: 5, seed: 3, denseDims: 2 });
    expect(model.dense?.length).toBe(2 * TAGS.length);
    const allowed = allowedTransitions(TAGS);
    const tag = (x: Float32Array) => TAGS[viterbi(emissionScores(model, [['b']], [x]), 1, TAGS.length, model.transitions, allowed)[0] as number];
    expect([vec(true, 5), vec(false, 5), vec(true, 6), vec(false, 7)].map(tag)).toEqual(['B-PER', 'O', 'B-PER', 'O']);
    // Without the inputs the tokens cannot be told apart, and a model trained without denseDims has no dense weights.
    expect(trainPerceptron(TAGS, data, { epochs: 5, seed: 3 }).dense).toBeUndefined();
  });

  it('throws when a sentence carries an unknown tag', () => {
    expect(() => trainPerceptron(TAGS, [{ features: [['b']], tags: ['B-ORG'] }], { epochs: 1, seed: 1 })).toThrow(/unknown tag/);
  });
});

describe(averageModels.name, () => {
  const vec = (person: boolean, k: number) => Float32Array.from(person ? [1, 0.1 * k] : [0.1 * k, 1]);
  const data = [0, 1, 2, 3].flatMap((k) => [true, false].map((p) => ({ features: [['b']], tags: [p ? 'B-PER' : 'O'], dense: [vec(p, k)] })));

  it('averages the weights of real-valued inputs with the rest, so an averaged tagger keeps its word vectors', () => {
    const a = trainPerceptron(TAGS, data, { epochs: 5, seed: 3, denseDims: 2 });
    const b = trainPerceptron(TAGS, data, { epochs: 5, seed: 4, denseDims: 2 });
    const mean = averageModels([a, b]);
    expect(mean.dense?.length).toBe(2 * TAGS.length);
    for (let j = 0; j < (mean.dense?.length ?? 0); j++) expect(mean.dense?.[j]).toBeCloseTo(((a.dense?.[j] as number) + (b.dense?.[j] as number)) / 2, 5);
    // The averaged model still tells the tokens apart by their vectors alone.
    const allowed = allowedTransitions(TAGS);
    const tag = (x: Float32Array) => TAGS[viterbi(emissionScores(mean, [['b']], [x]), 1, TAGS.length, mean.transitions, allowed)[0] as number];
    expect([vec(true, 5), vec(false, 5)].map(tag)).toEqual(['B-PER', 'O']);
  });

  it('refuses to average a model with real-valued inputs and one without', () => {
    const a = trainPerceptron(TAGS, data, { epochs: 5, seed: 3, denseDims: 2 });
    const b = trainPerceptron(TAGS, data, { epochs: 5, seed: 3 });
    expect(() => averageModels([a, b])).toThrow(/real-valued/);
    expect(() => averageModels([b, a])).toThrow(/real-valued/);
    expect(averageModels([b, b]).dense).toBeUndefined();
  });
});

describe(viterbi.name, () => {
  it('never puts I-X after O or at the start when the emissions prefer it', () => {
    const T = TAGS.length;
    const allowed = allowedTransitions(TAGS);
    // Two tokens whose emissions favour I-PER everywhere.
    const em = new Float32Array(2 * T);
    em[2] = 5;
    em[T + 2] = 5;
    em[1] = 1;
    const best = viterbi(em, 2, T, new Float32Array((T + 1) * T), allowed).map((t) => TAGS[t]);
    expect(best).toEqual(['B-PER', 'I-PER']);
  });

  it('returns nothing for an empty sentence', () => {
    expect(viterbi(new Float32Array(0), 0, 3, new Float32Array(12), allowedTransitions(['O', 'B-X', 'I-X']))).toEqual([]);
  });

  it('decodes the same with work arrays reused over sentences of different lengths', () => {
    const T = TAGS.length;
    const allowed = allowedTransitions(TAGS);
    const transitions = Float32Array.from({ length: (T + 1) * T }, (_, k) => Math.sin(k));
    const work = { score: new Float64Array(6 * T), back: new Int32Array(6 * T) };
    for (const n of [6, 2, 5, 1, 6]) {
      const em = Float32Array.from({ length: n * T }, (_, k) => Math.cos(k * n));
      expect(viterbi(em, n, T, transitions, allowed, work)).toEqual(viterbi(em, n, T, transitions, allowed));
    }
  });
});

describe(emissionScores.name, () => {
  it('sums the weights of known features and ignores unknown ones', () => {
    const model = { tags: ['O', 'B-X'], features: new Map([['a', 0], ['b', 2]]), weights: Float32Array.from([1, 2, 10, 20]), transitions: new Float32Array(6) };
    expect([...emissionScores(model, [['a', 'b', 'zzz'], ['zzz']])]).toEqual([11, 22, 0, 0]);
  });
});

const random = (seed: number) => () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32 - 0.5;
/** The tagger's size: tags and vector dimensions. */
const T = 9;
const D = 100;
/** Twenty rounds of random dense inputs of the tagger's size: a vector, `blocks` weight blocks of D x T, and `outLength` scores to add to. */
function eachDenseInput(seed: number, blocks: number, outLength: number, check: (x: Float32Array, w: Float32Array, out: Float32Array) => void): void {
  const next = random(seed);
  for (let round = 0; round < 20; round++) {
    const x = Float32Array.from({ length: D }, () => next() * 0.3);
    const w = Float32Array.from({ length: blocks * D * T }, () => next() * 4);
    check(x, w, Float32Array.from({ length: outLength }, () => next()));
  }
}

describe(addDense.name, () => {
  it('adds to each tag the float32 sum of the inputs times their weights, in the order of the inputs, when given vectors of the tagger\'s size', () => {
    // The reference: one tag at a time, each product and each partial sum rounded to float32, d in order.
    eachDenseInput(19, 1, 2 * T, (x, w, out) => {
      const expected = Float32Array.from(out);
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let d = 0; d < D; d++) sum = Math.fround(sum + Math.fround((x[d] as number) * (w[d * T + t] as number)));
        expected[T + t] = (expected[T + t] as number) + sum;
      }
      addDense(out, T, x, w, T);
      expect([...out]).toEqual([...expected]);
    });
  });
});

describe(addDenseThree.name, () => {
  it('adds the same float32 sums as addDense over each of the three weight blocks in turn, when given vectors of the tagger\'s size', () => {
    eachDenseInput(23, 3, 4 * T, (x, w, out) => {
      const expected = Float32Array.from(out);
      for (let block = 0; block < 3; block++) addDense(expected, T + block * T, x, w.subarray(block * D * T, (block + 1) * D * T), T);
      addDenseThree(out, T, x, w, T);
      expect([...out]).toEqual([...expected]);
    });
  });
});

describe(addRows.name, () => {
  it('adds the same float32 sums as addRow of each row in turn', () => {
    const next = random(7);
    const src = Float32Array.from({ length: 40 * T }, () => next() * 1e3);
    const ats = [5 * T, 0, 17 * T, 5 * T, 39 * T, 2 * T + 1];
    const out = Float32Array.from({ length: 3 * T }, () => next() * 1e-3);
    const expected = Float32Array.from(out);
    for (const at of ats) addRow(expected, T, src, at, T);
    addRows(out, T, src, ats, T);
    expect([...out]).toEqual([...expected]);
  });
});
