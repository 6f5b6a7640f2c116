import { describe, expect, it } from 'vitest';
import { expectBioKept, expectTagsLeft, namesAfterPass } from '../../../helpers/bio-tags.js';
import { joinedCapitalsAreNoPersons, servicesAreNoPersons } from '../../../../src/workers/enricher/firms-read-as-persons.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';

const run = (text: string, names: Record<string, string>, pass = joinedCapitalsAreNoPersons): string[] => namesAfterPass(pass, text, names);

describe(joinedCapitalsAreNoPersons.name, () => {
  it('makes a one-word name of two capitalized parts read as a person an organisation wherever it stands so', () => {
    expect(run('Shoppers on TikTok buy more , and TikTok said its app is safe .', { TikTok: 'PER' })).toEqual(['ORG[TikTok]', 'ORG[TikTok]']);
    expect(run('HubSpot and NordVPN raised prices , Jane Smith said .', { HubSpot: 'PER', NordVPN: 'PER', 'Jane Smith': 'PER' })).toEqual(['ORG[HubSpot]', 'ORG[NordVPN]', 'PER[Jane Smith]']);
  });

  it('leaves a word the text names a person by, a surname particle\'s word, a given name run into a surname and one-part words', () => {
    expectTagsLeft(joinedCapitalsAreNoPersons, [
      ['Jon DelHorn said . DelHorn left .', { DelHorn: 'PER', 'Jon DelHorn': 'PER' }], // inside a longer person's name
      ['Senator ByrdWood spoke .', { ByrdWood: 'PER' }], // after a title
      ['Mr. KaneBerg spoke .', { KaneBerg: 'PER' }], // after an honorific
      ['McCain and LeBron and MacArthur and FitzGerald spoke .', { McCain: 'PER', LeBron: 'PER', MacArthur: 'PER', FitzGerald: 'PER' }],
      ['a post by JohnSmith went viral .', { JohnSmith: 'PER' }], // a given name first
      ['a post by @ TheNickSavoia went viral .', { TheNickSavoia: 'PER' }], // a user's handle
      ['Salesforce said .', { Salesforce: 'PER' }],
      ['TikTok Shop and LinkedIn said .', { 'TikTok Shop': 'PER', LinkedIn: 'ORG' }], // two words; an organisation already
    ]);
  });

  it('keeps the tags valid BIO', () => {
    const toks = nerTokenize('TikTok and Jon VanHorn met HubSpot and McCain on LinkedIn');
    expectBioKept(toks.length, 23, (tags) => joinedCapitalsAreNoPersons(toks, tags));
  });
});

describe(servicesAreNoPersons.name, () => {
  it('makes a one-word name read as a person an organisation where the text writes it before what a service has or does', () => {
    expect(run("Shopify's app store grew , Shopify said .", { Shopify: 'PER' }, servicesAreNoPersons)).toEqual(['ORG[Shopify]', 'ORG[Shopify]']);
    expect(run('Mullvad users pay five euros ; Mullvad keeps no logs .', { Mullvad: 'PER' }, servicesAreNoPersons)).toEqual(['ORG[Mullvad]', 'ORG[Mullvad]']);
    expect(run('Kajabi lets you sell courses , and Preply offers a free lesson .', { Kajabi: 'PER', Preply: 'PER' }, servicesAreNoPersons)).toEqual(['ORG[Kajabi]', 'ORG[Preply]']);
    expect(run('Zapier integrates with Gmail .', { Zapier: 'PER', Gmail: 'ORG' }, servicesAreNoPersons)).toEqual(['ORG[Zapier]', 'ORG[Gmail]']);
  });

  it('leaves a name the text names a person by, one without a service\'s word after it and longer names', () => {
    expectTagsLeft(servicesAreNoPersons, [
      ["Barack Obama spoke . Obama's website crashed .", { Obama: 'PER', 'Barack Obama': 'PER' }], // inside a longer person's name
      ["Senator Byrd's website crashed .", { Byrd: 'PER' }], // after a title
      ['Smith offers his view , and Smith lets it go .', { Smith: 'PER' }],
      ["Jane Doe's customers waited .", { 'Jane Doe': 'PER' }],
    ]);
  });

  it('keeps the tags valid BIO', () => {
    const toks = nerTokenize("Shopify's app and Jon Smith's users , Kajabi lets you");
    expectBioKept(toks.length, 31, (tags) => servicesAreNoPersons(toks, tags));
  });
});
