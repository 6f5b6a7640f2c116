import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../src/workers/enricher/extract-entities.js';
import { extractKeywords, matchesContentWord } from '../../../../src/workers/enricher/extract-keywords.js';
import { loadLabelledArticles } from '../../../fixtures/enrich/load.js';
import { SEED_TITLE, seedText } from './seed-story.js';

describe(extractKeywords.name, () => {
  const article = { title: SEED_TITLE, text: seedText() };

  it('returns 5 to 10 keyphrases for the seed story, entities and recurring phrases', () => {
    const k = extractKeywords(article, extractEntities(article));
    expect(k.length).toBeGreaterThanOrEqual(5);
    expect(k.length).toBeLessThanOrEqual(10);
    expect(k).toEqual(expect.arrayContaining(['Beijing', 'Liu Jianchao', 'refugees', 'asylum']));
    expect(k.some((x) => x.includes('diplomatic missions'))).toBe(true);
  });

  it('does not repeat a phrase inside a longer picked one', () => {
    const k = extractKeywords(article, extractEntities(article)).map((x) => x.toLowerCase());
    for (const a of k) for (const b of k) if (a !== b) expect(b.includes(a) && a.includes(' ')).toBe(false);
  });

  it('returns at least 5 keyphrases for every labelled article', () => {
    for (const a of loadLabelledArticles()) {
      const k = extractKeywords(a, extractEntities(a));
      expect(k.length, a.id).toBeGreaterThanOrEqual(5);
      expect(k.length, a.id).toBeLessThanOrEqual(10);
    }
  });

  it('returns nothing when the text is empty', () => {
    expect(extractKeywords({ title: '', text: '' })).toEqual([]);
  });
});

describe(matchesContentWord.name, () => {
  it('agrees with the content words\' expression on ASCII words and on words with characters past ASCII', () => {
    const expression = /^\p{Ll}[\p{L}\p{N}'’-]*$/u;
    const words = [
      'word', "don't", 'e-mail', 'covid19', 'wORD', 'x', 'Word', 'WORD', '1st', "'tis", '-ish', 'a.b', 'a_b', 'ab!', 'a b', '',
      'café', 'été', 'Été', 'über', 'naïve', 'x’s', 'ǆemal', 'ßx', 'αβγ', 'Αβγ', 'word–dash', 'x\u00a0y', 'a٣', 'a\u{1D400}',
    ];
    for (const w of words) expect(matchesContentWord(w), w).toBe(expression.test(w));
  });
});
