import { describe, expect, it } from 'vitest';
import { textAt, tokenize } from '../../../../src/workers/enricher/tokens.js';

describe(textAt.name, () => {
  const tokens = tokenize('Fitch cut its rating');
  it("gives a token's text when the index is inside the tokens", () => {
    expect([0, 1, 3].map((k) => textAt(tokens, k))).toEqual(['Fitch', 'cut', 'rating']);
  });
  it('gives an empty string when the index is past either end', () => {
    expect(textAt(tokens, 4)).toBe('');
    expect(textAt(tokens, -1)).toBe('');
    expect(textAt([], 0)).toBe('');
  });
});
