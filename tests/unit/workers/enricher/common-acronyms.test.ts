import { describe, expect, it } from 'vitest';
import { tagsNaming } from '../../../helpers/bio-tags.js';
import { commonAcronymsAreNoNames } from '../../../../src/workers/enricher/common-acronyms.js';

describe(commonAcronymsAreNoNames.name, () => {
  it("drops a one-word person, place or organisation that is an acronym's plural", () => {
    const text = 'Compare VPNs and APIs ; 19 MEPs voted , and the MOUs were signed with Nokia .';
    const { toks, tags } = tagsNaming(text, { VPNs: 'PER', APIs: 'ORG', MEPs: 'ORG', MOUs: 'LOC', Nokia: 'ORG' });
    const got = commonAcronymsAreNoNames(toks, tags);
    expect(toks.flatMap((t, i) => (got[i] !== 'O' ? [`${got[i]} ${t.text}`] : []))).toEqual(['B-ORG Nokia']);
  });

  it('drops an abbreviation of a common noun read as a name', () => {
    const text = 'Investment in AI rose , GDP grew , the HR team and SEO experts met at Google .';
    const { toks, tags } = tagsNaming(text, { AI: 'LOC', GDP: 'LOC', HR: 'ORG', SEO: 'PER', Google: 'ORG' });
    const got = commonAcronymsAreNoNames(toks, tags);
    expect(toks.flatMap((t, i) => (got[i] !== 'O' ? [`${got[i]} ${t.text}`] : []))).toEqual(['B-ORG Google']);
  });

  it('leaves an acronym the text names alone or after a name in brackets, longer names and other words', () => {
    const text = 'the FCC ruled , the FCCs mandate , Amnesty International ( AI ) said AI will act , the NGOs Alliance and TV Globo met at IDEAS .';
    const { toks, tags } = tagsNaming(text, { FCC: 'ORG', FCCs: 'ORG', 'Amnesty International': 'ORG', AI: 'ORG', 'NGOs Alliance': 'ORG', 'TV Globo': 'ORG', IDEAS: 'ORG' });
    expect(commonAcronymsAreNoNames(toks, tags)).toEqual(tags);
  });
});
