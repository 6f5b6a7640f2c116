import { describe, expect, it } from 'vitest';
import { tagsNaming } from '../../../helpers/bio-tags.js';
import { pluralAcronymsAreNoNames } from '../../../../src/workers/enricher/plural-acronyms.js';

describe(pluralAcronymsAreNoNames.name, () => {
  it("drops a one-word person, place or organisation that is an acronym's plural", () => {
    const text = 'Compare VPNs and APIs ; 19 MEPs voted , and the MOUs were signed with Nokia .';
    const { toks, tags } = tagsNaming(text, { VPNs: 'PER', APIs: 'ORG', MEPs: 'ORG', MOUs: 'LOC', Nokia: 'ORG' });
    const got = pluralAcronymsAreNoNames(toks, tags);
    expect(toks.flatMap((t, i) => (got[i] !== 'O' ? [`${got[i]} ${t.text}`] : []))).toEqual(['B-ORG Nokia']);
  });

  it('leaves an acronym the text names alone (its possessive without the apostrophe), longer names and other words', () => {
    const text = 'the FCC ruled , the FCCs mandate , the NGOs Alliance and Mr Sims met at IDEAS .';
    const { toks, tags } = tagsNaming(text, { FCC: 'ORG', FCCs: 'ORG', 'NGOs Alliance': 'ORG', Sims: 'PER', IDEAS: 'ORG' });
    expect(pluralAcronymsAreNoNames(toks, tags)).toEqual(tags);
  });
});
