import { describe, expect, it } from 'vitest';
import { detokenize, nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';

describe(nerTokenize.name, () => {
  it('splits punctuation and possessives and keeps abbreviations when tokenizing prose', () => {
    const text = "Mr. Liu met U.S. envoys in Seoul's old town, then left.";
    const toks = nerTokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['Mr.', 'Liu', 'met', 'U.S.', 'envoys', 'in', 'Seoul', "'s", 'old', 'town', ',', 'then', 'left', '.']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('returns no tokens when the text is blank', () => {
    expect(nerTokenize('  \n ')).toEqual([]);
  });
});

describe(detokenize.name, () => {
  it('joins CoNLL tokens with natural spacing and exact offsets', () => {
    const words = ['The', 'Foreign', 'Ministry', "'s", 'spokesman', '(', 'Liu', ')', 'said', '"', 'no', '"', '.'];
    const { text, tokens } = detokenize(words);
    expect(text).toBe('The Foreign Ministry\'s spokesman (Liu) said "no".');
    tokens.forEach((t, i) => expect(text.slice(t.start, t.end)).toBe(words[i]));
  });
});
