import { describe, expect, it } from 'vitest';
import { complementNBWeights, nbCountWeights } from '../../../scripts/lib/complement-nb.js';

// Features: 0 "goal", 1 "shares", 2 "said" (in every class). Classes: 0 sport, 1 economy, 2 politics.
const vec = (ids: number[], label: number, weight = 1) => ({ ids, vals: ids.map(() => 1), label, weight });
const TEXTS = [vec([0, 2], 0), vec([0, 2], 0), vec([1, 2], 1), vec([1, 2], 1), vec([2], 2)];
const score = (W: Float64Array, ids: number[], k: number) => ids.reduce((a, f) => a + (W[f * 3 + k] as number), 0);

describe(complementNBWeights.name, () => {
  it('weighs a word for the class whose texts have it and against the others, with rows centred', () => {
    const W = complementNBWeights(TEXTS, 3, 3, 0.1);
    expect(W[0 * 3 + 0]).toBeGreaterThan(0); // goal: sport
    expect(W[0 * 3 + 1]).toBeLessThan(0);
    expect(W[1 * 3 + 1]).toBeGreaterThan(W[1 * 3 + 0] as number); // shares: economy
    for (let f = 0; f < 3; f++) expect((W[f * 3] as number) + (W[f * 3 + 1] as number) + (W[f * 3 + 2] as number)).toBeCloseTo(0, 9);
    const best = (ids: number[]) => [0, 1, 2].reduce((b, k) => (score(W, ids, k) > score(W, ids, b) ? k : b), 0);
    expect(best([0, 2])).toBe(0);
    expect(best([1, 2])).toBe(1);
  });

  it('counts a weighted text as that many texts', () => {
    const once = complementNBWeights([...TEXTS, vec([0], 2, 2)], 3, 3, 0.1);
    const twice = complementNBWeights([...TEXTS, vec([0], 2), vec([0], 2)], 3, 3, 0.1);
    for (let i = 0; i < 9; i++) expect(once[i]).toBeCloseTo(twice[i] as number, 12);
  });
});

describe(nbCountWeights.name, () => {
  const examples = [
    { weight: 1, label: 0, source: 'wikinews' },
    { weight: 2, label: 1, source: 'short-news' },
    { weight: 2, label: 0, source: 'tech-news' },
  ];
  const classWeight = [1.5, 0.5];

  it('gives each example its own weight times its class weight when no source is scaled', () => {
    expect([...nbCountWeights(examples, classWeight)]).toEqual([1.5, 1, 3]);
  });

  it('scales only the named sources when a source scale is given', () => {
    expect([...nbCountWeights(examples, classWeight, { 'short-news': 0.5, 'tech-news': 0 })]).toEqual([1.5, 0.5, 0]);
  });

  it('counts a short set at half scale as half its texts in the naive Bayes weights when scaled by 0.5', () => {
    const vecs = [vec([0, 2], 0), vec([1, 2], 1), vec([2], 2), vec([0], 1, 2)];
    const scaled = nbCountWeights(vecs.map((v, i) => ({ ...v, source: i === 3 ? 'short-news' : 'sib200' })), [1, 1, 1], { 'short-news': 0.5 });
    const W = complementNBWeights(vecs.map((v, i) => ({ ...v, weight: scaled[i] as number })), 3, 3, 0.1);
    const once = complementNBWeights([...vecs.slice(0, 3), vec([0], 1, 1)], 3, 3, 0.1);
    for (let i = 0; i < 9; i++) expect(W[i]).toBeCloseTo(once[i] as number, 12);
  });
});
