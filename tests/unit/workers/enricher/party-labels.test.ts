import { describe, expect, it } from 'vitest';
import { labelledText, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { partyLabelsAreNoPersons } from '../../../../src/workers/enricher/party-labels.js';

describe(partyLabelsAreNoPersons.name, () => {
  it("makes a party's label alone an organisation where the tagger read a person or a place", () => {
    const text = '|| Greg A. Pierce || Democrat || Mobile || Ronnie Earle, a Democrat, met the Greens. Adriane Carr of the Green party spoke.';
    const { toks, tags } = tagsNaming(text, { Democrat: 'PER', Greens: 'LOC', Green: 'PER', 'Greg A. Pierce': 'PER', 'Ronnie Earle': 'PER' });
    const out = partyLabelsAreNoPersons(toks, tags);
    expect(tagsAt(toks, out, 'Democrat')).toEqual(['B-ORG', 'B-ORG']);
    expect(tagsAt(toks, out, 'Greens')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'Green')).toEqual(['B-ORG']);
  });

  it("takes a party's label off the front of a member's name", () => {
    const text = 'Liberal Gerard Kennedy and Green Cynthia McKinney ran, as did Democrat Al Gore.';
    const { toks, tags } = tagsNaming(text, { 'Liberal Gerard Kennedy': 'PER', 'Green Cynthia McKinney': 'PER', 'Democrat Al Gore': 'PER' });
    const out = partyLabelsAreNoPersons(toks, tags);
    expect(out.slice(0, 3)).toEqual(['B-ORG', 'B-PER', 'I-PER']);
    expect(out.slice(4, 7)).toEqual(['B-ORG', 'B-PER', 'I-PER']);
    expect(out.slice(-4, -1)).toEqual(['B-ORG', 'B-PER', 'I-PER']);
  });

  it("leaves a label that is a word of a person the text names in full, or a colour or cause ('Green card', 'Green groups', 'Green is')", () => {
    for (const text of ['Michael Green arrived. Green also met the President.', 'He got a Green card. Green groups protested. Vanessa said Green is not here.']) {
      const { toks, tags } = tagsNaming(text, { Green: 'PER', 'Michael Green': 'PER' });
      expect(partyLabelsAreNoPersons(toks, tags)).toEqual(tags);
    }
  });

  it('leaves a two-word name and a name after two labels alone', () => {
    const text = 'Tory Burch spoke. Liberal Democrat Nick Clegg spoke.';
    const { toks, tags } = tagsNaming(text, { 'Tory Burch': 'PER', 'Liberal Democrat Nick Clegg': 'PER' });
    expect(partyLabelsAreNoPersons(toks, tags)).toEqual(tags);
  });

  it("reads a party's label in news copy as an organisation apart from the member's name through the whole tagger", () => {
    // After Wikinews stories (CC BY 2.5) of 2005 and 2006; the tagger alone read "Democrat James Webb", "Liberal Gerard Kennedy" as persons and "a Democrat" as a place.
    const { toks, tags } = labelledText(
      'Senator George Allen today conceded the senatorial race to Democrat James Webb. The candidates are Liberal Gerard Kennedy, Conservative John Carmichael, ' +
        'Green Georgina Wilcock, and NDP candidate Paul Ferreira. Florida Representative Debbie Wasserman-Schultz, a Democrat, who raised the question when she first spoke, said the law was wrong.',
    );
    for (const label of ['Democrat', 'Liberal', 'Green']) expect(new Set(tagsAt(toks, tags, label))).toEqual(new Set(['B-ORG']));
    for (const first of ['James', 'Gerard', 'Georgina']) expect(tagsAt(toks, tags, first)).toEqual(['B-PER']);
  });
});
