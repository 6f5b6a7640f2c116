import { describe, expect, it } from 'vitest';
import { detokenize, nerTokenize, tokenLines } from '../../../../src/workers/enricher/ner-tokens.js';

describe(nerTokenize.name, () => {
  it('splits punctuation and possessives and keeps abbreviations when tokenizing prose', () => {
    const text = "Mr. Liu met U.S. envoys in Seoul's old town, then left.";
    const toks = nerTokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['Mr.', 'Liu', 'met', 'U.S.', 'envoys', 'in', 'Seoul', "'s", 'old', 'town', ',', 'then', 'left', '.']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits clitics as the CoNLL sets write them', () => {
    const text = "Justin I'm sure we're fine, they'd say they can't and O'Neill won’t.";
    const toks = nerTokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['Justin', 'I', "'m", 'sure', 'we', "'re", 'fine', ',', 'they', "'d", 'say', 'they', 'ca', "n't", 'and', "O'Neill", 'wo', 'n’t', '.']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps a handle with underscores and a web address as one token each', () => {
    const text = 'RT @david_myers77: see (http://t.co/A68YH6AZqP), www.example.com/a?b=1. Done';
    const toks = nerTokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['RT', '@', 'david_myers77', ':', 'see', '(', 'http://t.co/A68YH6AZqP', ')', ',', 'www.example.com/a?b=1', '.', 'Done']);
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

describe(tokenLines.name, () => {
  it('groups tokens by line, skipping blank lines and lines without tokens', () => {
    const text = '\nAberdeen 1 Hibernian 2\n\n  \nRangers 4\nend';
    const tokens = nerTokenize(text);
    const lines = tokenLines(text, tokens).map(([a, b]) => tokens.slice(a, b).map((t) => t.text).join(' '));
    expect(lines).toEqual(['Aberdeen 1 Hibernian 2', 'Rangers 4', 'end']);
    expect(tokenLines('one line only', nerTokenize('one line only'))).toEqual([[0, 3]]);
    expect(tokenLines('', [])).toEqual([]);
  });
});
