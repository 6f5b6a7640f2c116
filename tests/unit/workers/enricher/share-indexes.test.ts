import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsNaming } from '../../../helpers/bio-tags.js';
import { shareIndexesAreMisc } from '../../../../src/workers/enricher/share-indexes.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';

describe(shareIndexesAreMisc.name, () => {
  it('makes an index named with its number or its kind one MISC span when the tagger read an organisation in it', () => {
    const text = 'The S&P 500 rose , the FTSE 100 index fell , the Dow Jones Industrial Average and the Nasdaq composite slipped , and India \'s BSE SENSEX index and the Standard & Poor\'s 500 gained .';
    const { toks, tags } = tagsNaming(text, { 'S&P': 'ORG', FTSE: 'ORG', 'Dow Jones Industrial Average': 'ORG', Nasdaq: 'ORG', India: 'LOC', 'BSE SENSEX': 'ORG', "Standard & Poor 's": 'ORG' });
    const got = shareIndexesAreMisc(toks, tags);
    const spans = (type: string) => toks.flatMap((t, i) => (got[i] === `B-${type}` ? [i] : [])).map((i) => {
      let j = i + 1;
      while (got[j] === `I-${type}`) j++;
      return toks.slice(i, j).map((t) => t.text).join(' ');
    });
    expect(spans('MISC')).toEqual(['S&P 500', 'FTSE 100', 'Dow Jones Industrial Average', 'Nasdaq', 'BSE SENSEX', "Standard & Poor 's 500"]);
    expect(spans('ORG')).toEqual([]);
    expect(spans('LOC')).toEqual(['India']);
  });

  it('leaves the agency, the exchange, the publisher and the bank that share an index\'s words', () => {
    const text = 'S&P cut its rating , shares rose on the Nasdaq , Dow Jones Newswires reported , Dow Chemical and Hang Seng Bank said , and the Nikkei newspaper wrote .';
    const { toks, tags } = tagsNaming(text, { 'S&P': 'ORG', Nasdaq: 'ORG', 'Dow Jones Newswires': 'ORG', 'Dow Chemical': 'ORG', 'Hang Seng Bank': 'ORG', Nikkei: 'ORG' });
    expect(shareIndexesAreMisc(toks, tags)).toEqual(tags);
  });

  it('reads no level or move as an index\'s number', () => {
    const text = 'the NASDAQ 7.51 and the Nasdaq 2,141 lower';
    const { toks, tags } = tagsNaming(text, { NASDAQ: 'ORG', Nasdaq: 'ORG' });
    expect(shareIndexesAreMisc(toks, tags)).toEqual(tags);
  });

  it('makes an index named alone MISC where its sentence moves it by points, not by basis points', () => {
    const text = 'The FTSE had recovered 116 points , the Dow \'s 344.65-point fall , the Dow Jones industrial average fell 12.26 points ; S&P said spreads widened 40 basis points , and the Nasdaq listed it . Its shares rose 20 points .';
    const { toks, tags } = tagsNaming(text, { FTSE: 'ORG', Dow: 'ORG', 'Dow Jones': 'ORG', 'S&P': 'ORG', Nasdaq: 'ORG' });
    const got = shareIndexesAreMisc(toks, tags);
    const at = (word: string) => toks.flatMap((t, i) => (t.text === word ? [got[i]] : []));
    expect(at('FTSE')).toEqual(['B-MISC']);
    expect(at('Dow')).toEqual(['B-MISC', 'B-MISC']);
    expect(at('S&P')).toEqual(['B-ORG']);
    expect(at('Nasdaq')).toEqual(['B-ORG']);
  });

  it('leaves a person whose surname an index shares, named alone or in full', () => {
    const text = 'Russell scored 20 points , and Jack Russell 20 years ago ; the Russell 2000 fell .';
    const { toks, tags } = tagsNaming(text, { Russell: 'PER', 'Jack Russell': 'PER' });
    const got = shareIndexesAreMisc(toks, tags);
    const at = (word: string) => toks.flatMap((t, i) => (t.text === word ? [got[i]] : []));
    expect(at('Russell')).toEqual(['B-PER', 'I-PER', 'B-MISC']);
  });

  it('keeps the tags valid BIO', () => {
    const { toks } = tagsNaming('the S&P 500 Index and BSE SENSEX index , the FTSE-100 and Dow Jones industrials', {});
    expectBioKept(toks.length, 19, (t) => shareIndexesAreMisc(toks, t));
  });

  it('takes the organisation out of a market report through the whole tagger', () => {
    const text = 'Wall Street fell on Friday. The S&P 500 lost 1.4 percent and the Dow Jones Industrial Average dropped 214 points, while the FTSE 100 index rose in London.';
    expect(tagEntities({ title: '', text }).organisations.map((o) => o.name)).toEqual([]);
  });
});
