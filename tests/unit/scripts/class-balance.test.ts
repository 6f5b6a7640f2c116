import { describe, expect, it } from 'vitest';
import { classBalanceWeights } from '../../../scripts/lib/class-balance.js';

const ex = (label: number, weight = 1, source = 'sib200') => ({ label, weight, source });
// Classes: 0 politics (3 texts), 1 sport (1 text), 2 arts (none).
const TEXTS = [ex(0), ex(0), ex(0), ex(1)];

describe(classBalanceWeights.name, () => {
  it('weighs a rarer class more, by the power of its inverse frequency, and a class with no text at 0', () => {
    const w = classBalanceWeights(TEXTS, 3, 0.5);
    expect(w[0]).toBeCloseTo(Math.sqrt(4 / 9), 12);
    expect(w[1]).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(w[2]).toBe(0);
    expect(classBalanceWeights(TEXTS, 3, 0)).toEqual([1, 1, 0]);
  });

  it('counts a weighted text as that many texts', () => {
    expect(classBalanceWeights([ex(0, 3), ex(1)], 3, 0.5)).toEqual(classBalanceWeights(TEXTS, 3, 0.5));
  });

  it('leaves the skipped sources out of the counts when the model is not trained on them', () => {
    const withSkipped = [...TEXTS, ex(1, 2, 'short-news'), ex(2, 2, 'tech-news')];
    expect(classBalanceWeights(withSkipped, 3, 0.5, ['tech-news', 'short-news'])).toEqual(classBalanceWeights(TEXTS, 3, 0.5));
    expect(classBalanceWeights(withSkipped, 3, 0.5)).not.toEqual(classBalanceWeights(TEXTS, 3, 0.5));
  });
});
