import { describe, expect, it } from 'vitest';
import { detokenize, nerAndWordTokens, nerTokenize, onOneLine, setOffBySpaces, splitNameParticiples, tokenLines } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';
import { tokenize } from '../../../../src/workers/enricher/tokens.js';

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

describe(nerAndWordTokens.name, () => {
  const texts = [
    "Mr. Liu met U.S. envoys in Seoul's old town, then left. MR. SMITH and mr. Jones at Mt. Fuji vs. Ft. Worth.",
    "Justin I'm sure we're fine, they'd say they can't and O'Neill won’t; A. B. Smith, e.g. 3.5% of 1,200.",
    'RT @david_myers77: see (http://t.co/A68YH6AZqP), www.example.com/a?b=1. Done _x_ foo_bar.baz. U.S._Navy',
    "see http://x.com/foo. and www.bar.org/a_b's, www. then httpd.conf and https://q www.x\" ok",
    'going to bed 📺 “ k8emma: itsmeadriano 👊 ” ½ é 𝐀 *safe* — London-based',
    '',
  ];

  it('gives the tokens of nerTokenize and of tokenize when the text holds handles, web addresses, clitics, abbreviations and emoji', () => {
    for (const text of texts) {
      const { nerTokens, wordTokens } = nerAndWordTokens(text);
      expect(nerTokens).toEqual(nerTokenize(text));
      expect(wordTokens).toEqual(tokenize(text));
    }
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

describe(splitNameParticiples.name, () => {
  const words = (text: string): string[] => splitNameParticiples(nerTokenize(text)).map((t) => t.text);

  it('splits a name joined to a participle into the name, the hyphen and the participle, at their offsets', () => {
    expect(words('US-led forces met London-based and Iran-backed groups in New York-based offices')).toEqual([
      'US', '-', 'led', 'forces', 'met', 'London', '-', 'based', 'and', 'Iran', '-', 'backed', 'groups', 'in', 'New', 'York', '-', 'based', 'offices',
    ]);
    expect(words('Chinese-made missiles')).toEqual(['Chinese', '-', 'made', 'missiles']);
    const text = 'a Hamas-run ministry';
    for (const t of splitNameParticiples(nerTokenize(text))) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps lowercase compounds, names joined to other words and hyphenated names whole', () => {
    expect(words('a well-known state-run Coca-Cola X-ray of Saudi-Arabia and Rolls-Royce, home-made')).toEqual([
      'a', 'well-known', 'state-run', 'Coca-Cola', 'X-ray', 'of', 'Saudi-Arabia', 'and', 'Rolls-Royce', ',', 'home-made',
    ]);
  });

  it('lets the tagger find the name in a text it reads ("[London]-based")', () => {
    expect(tagEntities({ title: '', text: 'Shares of the London-based lender fell on Monday.' }).places.map((e) => e.name)).toContain('London');
  });
});

describe(setOffBySpaces.name, () => {
  it('tells a token with a space or the text edge on either side from one joined to a neighbour', () => {
    const toks = nerTokenize('— Saltmere — Storm, Parkdale—High Park');
    const at = (w: string, k = 0) => toks.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number;
    expect([setOffBySpaces(toks, at('—')), setOffBySpaces(toks, at('—', 1)), setOffBySpaces(toks, at('Storm'))]).toEqual([true, true, false]);
    expect(toks.some((t, i) => t.text.includes('—') && i > at('Storm') && setOffBySpaces(toks, i))).toBe(false);
  });
});

describe(onOneLine.name, () => {
  it('tells whether a run of tokens stands on one line, whatever the lines around it', () => {
    const text = 'Results:\nLeeds 2 Everton 1\nArsenal 3';
    const toks = nerTokenize(text);
    const at = (w: string) => toks.findIndex((t) => t.text === w);
    expect(onOneLine(text, toks, at('Leeds'), at('1'))).toBe(true);
    expect(onOneLine(text, toks, at('Leeds'), at('Leeds'))).toBe(true);
    expect(onOneLine(text, toks, at(':'), at('Leeds'))).toBe(false);
    expect(onOneLine(text, toks, at('Everton'), at('Arsenal'))).toBe(false);
  });
});
