import { describe, expect, it } from 'vitest';
import { type Token, textAt, tokenize, tokenizeSpan } from '../../../../src/workers/enricher/tokens.js';

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

describe(tokenizeSpan.name, () => {
  const text = 'see http://x.com/foo. then Mr. Liu';

  it("adds the words that start inside the span and gives the end of the last one's match when the span holds words", () => {
    const out: Token[] = [];
    expect(tokenizeSpan(text, 4, 20, out)).toBe(21);
    expect(out).toEqual(tokenize(text).slice(1, 4));
    expect(out.map((t) => t.text)).toEqual(['http', 'x.com', 'foo']);
  });

  it('adds nothing and gives the span\'s start when the span holds no word', () => {
    const out: Token[] = [];
    expect(tokenizeSpan(text, 20, 21, out)).toBe(20);
    expect(out).toEqual([]);
  });

  it("leaves tokenize reading from the text's start when it has searched from an offset", () => {
    tokenizeSpan(text, 4, 20, []);
    expect(tokenize(text).map((t) => t.text)).toEqual(['see', 'http', 'x.com', 'foo', 'then', 'Mr.', 'Liu']);
  });
});
