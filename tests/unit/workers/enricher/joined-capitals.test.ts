import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsNaming } from '../../../helpers/bio-tags.js';
import { joinedCapitalsAreNoPersons } from '../../../../src/workers/enricher/joined-capitals.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { bioSpans } from '../../../../src/workers/enricher/wire-conventions.js';

/** The names joinedCapitalsAreNoPersons gives over `text`, tagged first with `names`, as "TYPE[words]". */
function run(text: string, names: Record<string, string>): string[] {
  const { toks, tags } = tagsNaming(text, names);
  return bioSpans(joinedCapitalsAreNoPersons(toks, tags)).map((s) => `${s.type}[${toks.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
}

describe(joinedCapitalsAreNoPersons.name, () => {
  it('makes a one-word name of two capitalized parts read as a person an organisation wherever it stands so', () => {
    expect(run('Shoppers on TikTok buy more , and TikTok said its app is safe .', { TikTok: 'PER' })).toEqual(['ORG[TikTok]', 'ORG[TikTok]']);
    expect(run('HubSpot and NordVPN raised prices , Jane Smith said .', { HubSpot: 'PER', NordVPN: 'PER', 'Jane Smith': 'PER' })).toEqual(['ORG[HubSpot]', 'ORG[NordVPN]', 'PER[Jane Smith]']);
  });

  it('leaves a word the text names a person by, a surname particle\'s word, a given name run into a surname and one-part words', () => {
    for (const [text, names] of [
      ['Jon VanHorn said . VanHorn left .', { 'Jon VanHorn': 'PER', VanHorn: 'PER' }], // inside a longer person's name
      ['Jon DelMonte said . Mr. DelMonte left .', { 'Jon DelMonte': 'PER', DelMonte: 'PER' }],
      ['Senator ByrdWood spoke .', { ByrdWood: 'PER' }], // after a title
      ['Mr. KaneBerg spoke .', { KaneBerg: 'PER' }], // after an honorific
      ['McCain and LeBron and MacArthur and FitzGerald spoke .', { McCain: 'PER', LeBron: 'PER', MacArthur: 'PER', FitzGerald: 'PER' }],
      ['a post by JohnSmith went viral .', { JohnSmith: 'PER' }], // a given name first
      ['Salesforce said .', { Salesforce: 'PER' }],
      ['TikTok Shop and LinkedIn said .', { 'TikTok Shop': 'PER', LinkedIn: 'ORG' }], // two words; an organisation already
    ] as Array<[string, Record<string, string>]>) {
      const { toks, tags } = tagsNaming(text, names);
      expect(joinedCapitalsAreNoPersons(toks, tags)).toEqual(tags);
    }
  });

  it('keeps the tags valid BIO', () => {
    const toks = nerTokenize('TikTok and Jon VanHorn met HubSpot and McCain on LinkedIn');
    expectBioKept(toks.length, 23, (tags) => joinedCapitalsAreNoPersons(toks, tags));
  });
});
