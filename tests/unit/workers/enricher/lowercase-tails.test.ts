import { describe, expect, it } from 'vitest';
import { trimLowercaseTails } from '../../../../src/workers/enricher/lowercase-tails.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';

/** BIO tags over `text`'s tokens with the given spans (token indexes, end exclusive). */
function tagsFor(text: string, named: Array<[from: number, to: number, type: string]>): string[] {
  const tags = nerTokenize(text).map(() => 'O');
  for (const [from, to, type] of named) for (let k = from; k < to; k++) tags[k] = `${k === from ? 'B' : 'I'}-${type}`;
  return tags;
}

describe(trimLowercaseTails.name, () => {
  it('ends a capitalized name at its last capitalized word', () => {
    const text = 'Floods hit Khyber Pakhtunkhwa province and the Oder river valley.';
    // Floods hit [Khyber Pakhtunkhwa province] and the [Oder river valley] .
    const got = trimLowercaseTails(nerTokenize(text), tagsFor(text, [[2, 5, 'LOC'], [7, 10, 'LOC']]));
    expect(got).toEqual(tagsFor(text, [[2, 4, 'LOC'], [7, 8, 'LOC']]));
  });

  it('keeps names written in lowercase throughout, company forms, inner lowercase words and MISC as they are', () => {
    const text = 'saw ed sheeran and Tesco plc near Bank of England and Rugby union';
    const tags = tagsFor(text, [[1, 3, 'PER'], [4, 6, 'ORG'], [7, 10, 'ORG'], [11, 13, 'MISC']]);
    expect(trimLowercaseTails(nerTokenize(text), tags)).toEqual(tags);
  });

  it('gives the stored record the place without its lowercase descriptor', () => {
    const entities = tagEntities({ title: 'Storm passes', text: 'Officials in Fujian province said the storm had passed. Fujian reopened its ports.' });
    const places = entities.places.map((e) => e.name);
    expect(places).toContain('Fujian');
    expect(places).not.toContain('Fujian province');
    expect(entities.places.find((e) => e.name === 'Fujian')?.mentions).toBe(2);
  });
});
