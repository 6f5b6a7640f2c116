import { describe, expect, it } from 'vitest';
import { tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { surnamesAreNoOrganisations } from '../../../../src/workers/enricher/lone-surnames.js';
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
