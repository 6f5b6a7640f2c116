import { describe, expect, it } from 'vitest';
import { labelledText, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { firstNamesAreNoOrganisations, surnamesAreNoOrganisations } from '../../../../src/workers/enricher/lone-surnames.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { labelTokens } from '../../../../src/workers/enricher/tag-entities.js';

describe(surnamesAreNoOrganisations.name, () => {
  it('makes the lone surname of a person the text names in full a person where the tagger read an organisation', () => {
    const text = 'Senator John McCain spoke. McCain argued that the McCain amendment passed, said McCain.';
    const { toks, tags } = tagsNaming(text, { McCain: 'ORG', 'John McCain': 'PER' });
    expect(tagsAt(toks, surnamesAreNoOrganisations(toks, tags), 'McCain')).toEqual(['I-PER', 'B-PER', 'B-PER', 'B-PER']);
  });

  it("leaves a company named after its founder when the text writes a company's form, people or parts after the word", () => {
    for (const [text, founder, company] of [
      ['Arthur Andersen founded it. The jury convicted Andersen, and Andersen employees were told.', 'Arthur Andersen', 'Andersen'],
      ['Michael Dell spoke. Dell Inc. said Dell will grow.', 'Michael Dell', 'Dell'],
      ['Ratan Tata said Tata paid investors, as the Tata group grew.', 'Ratan Tata', 'Tata'],
    ] as const) {
      const { toks, tags } = tagsNaming(text, { [company]: 'ORG', [founder]: 'PER' });
      expect(surnamesAreNoOrganisations(toks, tags)).toEqual(tags);
    }
  });

  it('leaves names whose full form opens with no given name, acronyms, known organisations and longer names alone', () => {
    const text = 'Provisional IRA men met the IRA. Bob Rae NDP ran for the NDP. Michael Bloomberg met Bloomberg. Luis Zanon met Zanon Ceramics.';
    const { toks, tags } = tagsNaming(text, { IRA: 'ORG', 'Provisional IRA': 'PER', NDP: 'ORG', 'Bob Rae NDP': 'PER', Bloomberg: 'ORG', 'Michael Bloomberg': 'PER', 'Zanon Ceramics': 'ORG', 'Luis Zanon': 'PER' });
    expect(surnamesAreNoOrganisations(toks, tags)).toEqual(tags);
  });

  it("keeps a senator's surname a person through the whole tagger in news, where it alone read every lone 'McCain' as an organisation", () => {
    // After a Wikinews story (CC BY 2.5) of 2005.
    const text =
      'The Senate approved a proposal that limits the treatment of prisoners held by the military. The proposal, sponsored by Senator John McCain, ' +
      'was passed by a 90 to 9 vote, with most Republicans joining the Democrats. McCain argued that soldiers need clarity and "are not served by ambiguity". ' +
      '"We have to do better than that," McCain, himself held in a prison camp for five years, said. McCain was urged to draft clear standards by an army ' +
      'captain. The White House had asked to drop the McCain amendment.';
    const toks = nerTokenize(text);
    expect(tagsAt(toks, labelTokens(text, toks), 'McCain')).toEqual(['I-PER', 'B-PER', 'B-PER', 'B-PER', 'B-PER']);
  });
});

describe(firstNamesAreNoOrganisations.name, () => {
  it('makes the lone first name of a person the text names in full and calls by it a person where the tagger read an organisation or a place', () => {
    const text = 'Prime Minister Thaksin Shinawatra spoke. Supporters of Thaksin marched, and Thaksin left for Bangkok.';
    const { toks, tags } = tagsNaming(text, { Thaksin: 'ORG', 'Thaksin Shinawatra': 'PER', Bangkok: 'LOC' });
    tags[toks.findLastIndex((t) => t.text === 'Thaksin')] = 'B-LOC';
    expect(tagsAt(toks, firstNamesAreNoOrganisations(toks, tags), 'Thaksin')).toEqual(['B-PER', 'B-PER', 'B-PER']);
  });

  it('reads a full name that ends the text as one that ends a sentence', () => {
    const text = 'Supporters of Thaksin marched, and Thaksin left. They wait for Thaksin Shinawatra';
    const { toks, tags } = tagsNaming(text, { Thaksin: 'ORG', 'Thaksin Shinawatra': 'PER' });
    expect(tags[tags.length - 1]).toBe('I-PER');
    expect(tagsAt(toks, firstNamesAreNoOrganisations(toks, tags), 'Thaksin')).toEqual(['B-PER', 'B-PER', 'B-PER']);
  });

  it('leaves a name the text calls by its surname, a common given name, a title, a place and a product after a company', () => {
    for (const [text, names] of [
      ['Raul Castro spoke. Castro said Raul and Castro agreed, as Castro left.', { Raul: 'ORG', 'Raul Castro': 'PER' }],
      ['John Smith spoke. John left.', { John: 'ORG', 'John Smith': 'PER' }],
      ['Sultan Qaboos spoke. The Sultan left, and the Sultan came back.', { Sultan: 'ORG', 'Sultan Qaboos': 'PER' }],
      ['Vodafone Greece said Vodafone paid investors. Vodafone left.', { Vodafone: 'ORG', 'Vodafone Greece': 'PER' }],
      ['The Prophet Muhammad was drawn. The Prophet is revered. Prophet.', { Prophet: 'ORG', 'Prophet Muhammad': 'PER' }],
    ] as const) {
      const { toks, tags } = tagsNaming(text, names);
      expect(firstNamesAreNoOrganisations(toks, tags)).toEqual(tags);
    }
  });

  it("keeps a Thai leader's first name a person through the whole tagger, where it alone read every lone 'Thaksin' as an organisation", () => {
    // After Wikinews stories (CC BY 2.5) of 2006.
    const { toks, tags } = labelledText(
      "Thailand's army has seized power in a coup against Prime Minister Thaksin Shinawatra, who was in New York for the United Nations General Assembly. Troops surrounded " +
        'Government House in Bangkok. Supporters of Thaksin said the coup was illegal, while critics accused Thaksin of corruption. The army said it would hold elections ' +
        'within a year and that Thaksin could return to face charges. Thaksin has denied any wrongdoing.',
    );
    expect(tagsAt(toks, tags, 'Thaksin')).toEqual(['B-PER', 'B-PER', 'B-PER', 'B-PER', 'B-PER']);
  });
});
