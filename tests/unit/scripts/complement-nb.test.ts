import { describe, expect, it } from 'vitest';
import { complementNBWeights } from '../../../scripts/lib/complement-nb.js';

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
