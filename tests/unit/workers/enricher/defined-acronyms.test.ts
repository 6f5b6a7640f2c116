import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { abbreviates, extendNamesToTheirAcronyms, typeDefinedAcronyms } from '../../../../src/workers/enricher/defined-acronyms.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { labelTokens } from '../../../../src/workers/enricher/tag-entities.js';
import { bioSpans } from '../../../../src/workers/enricher/wire-conventions.js';

describe(abbreviates.name, () => {
  it('is true when the letters are the name capitals in order, starting with its first word', () => {
    expect(abbreviates('DFAT', ['Department', 'of', 'Foreign', 'Affairs', 'and', 'Trade'])).toBe(true);
    expect(abbreviates('SEBI', ['Securities', 'and', 'Exchange', 'Board', 'of', 'India'])).toBe(true);
    expect(abbreviates('NAOSC', ['North', 'American', 'Oil', 'Sands', 'Corporation'])).toBe(true);
  });

  it('is false when the letters are not the name capitals or start elsewhere', () => {
    expect(abbreviates('PT', ['Carlos', 'Abicalil'])).toBe(false);
    expect(abbreviates('AP', ['WASHINGTON'])).toBe(false);
    expect(abbreviates('ECB', ['Central', 'Bank'])).toBe(false);
  });
});

describe(extendNamesToTheirAcronyms.name, () => {
  const named = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return bioSpans(extendNamesToTheirAcronyms(text, toks, tags)).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
  };

  it("takes in the untagged capitalized words before a name when its acronym's letters are then the name's initials", () => {
    expect(named('The Brain Injury Rehabilitation Trust (BIRT) is a provider.', { 'Injury Rehabilitation Trust': 'ORG' })).toEqual(['ORG[Brain Injury Rehabilitation Trust]']);
    expect(named('They met at the World Trade Organization (WTO) today.', { 'Trade Organization': 'ORG' })).toEqual(['ORG[World Trade Organization]']);
    expect(named('a letter from the National Rifle Association (NRA) said', { 'Rifle Association': 'ORG' })).toEqual(['ORG[National Rifle Association]']);
  });

  it('takes in a name of the same type the tagger found apart, across a linking word, and an organisation head word', () => {
    expect(named('troops near the Liberation Tigers of Tamil Eelam (LTTE) base', { 'Liberation Tigers': 'ORG', 'Tamil Eelam': 'ORG' })).toEqual(['ORG[Liberation Tigers of Tamil Eelam]']);
    expect(named('a strike by the Association of University Teachers (AUT) began', { 'University Teachers': 'ORG' })).toEqual(['ORG[Association of University Teachers]']);
    // A possessive inside the name, written on or apart.
    expect(named("rebels of the Sudan People's Liberation Army (SPLA) said", { 'Sudan People': 'ORG', 'Liberation Army': 'ORG' })).toEqual(["ORG[Sudan People 's Liberation Army]"]);
    expect(named("rebels of the Sudan People ' s Liberation Army ( SPLA ) said", { 'Sudan People': 'ORG', 'Liberation Army': 'ORG' })).toEqual(["ORG[Sudan People ' s Liberation Army]"]);
    // A place closing an organisation's name: the whole is the organisation.
    expect(named('set by the Organisation for Security and Cooperation in Europe (OSCE) .', { 'Organisation for Security and Cooperation': 'ORG', Europe: 'LOC' })).toEqual(['ORG[Organisation for Security and Cooperation in Europe]']);
    // A title across the link is no part of the name; neither is a name of another type, or a name across a line's end.
    expect(named('a Member of Parliament (MP) said', { Parliament: 'ORG' })).toEqual(['ORG[Parliament]']);
    expect(named('the Paris of Tamil Eelam (PTE) said', { Paris: 'LOC', 'Tamil Eelam': 'ORG' })).toEqual(['LOC[Paris]', 'ORG[Tamil Eelam]']);
    expect(named('Liberation Tigers\nof Tamil Eelam (LTTE) said', { 'Liberation Tigers': 'ORG', 'Tamil Eelam': 'ORG' })).toEqual(['ORG[Liberation Tigers]', 'ORG[Tamil Eelam]']);
  });

  it('leaves a name its acronym already starts with, a sentence\'s "The", tagged or lowercase words and letters that do not match alone', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['Electronic Data Systems (EDS) grew.', { 'Electronic Data Systems': 'ORG' }], // already whole
      ['The Trade Organization (TTO) met.', { 'Trade Organization': 'ORG' }], // a sentence's "The" is no initial
      ['Paris World Trade Organization (PWTO) met.', { Paris: 'LOC', 'World Trade Organization': 'ORG' }], // a word tagged before it
      ['the new Trade Organization (NTO) met.', { 'Trade Organization': 'ORG' }], // lowercase
      ['Hong Kong Trade Organization (XTO) met.', { 'Trade Organization': 'ORG' }], // the letters match no run of initials
      ['said Ministry of Foreign Affairs (MOFA).', { 'Foreign Affairs': 'ORG' }], // only capitalized words are taken in
    ];
    const expected = [['ORG[Electronic Data Systems]'], ['ORG[Trade Organization]'], ['LOC[Paris]', 'ORG[World Trade Organization]'], ['ORG[Trade Organization]'], ['ORG[Trade Organization]'], ['ORG[Foreign Affairs]']];
    cases.forEach(([text, names], k) => expect(named(text, names)).toEqual(expected[k]));
  });
});

describe(typeDefinedAcronyms.name, () => {
  it("makes every mention of an acronym an organisation's when the text defines it after an organisation's name", () => {
    const text = 'HP will buy Electronic Data Systems (EDS). Adding EDS would help, and EDS staff were told. The NAOSC board met.';
    const { toks, tags } = tagsNaming(text, { 'Electronic Data Systems': 'ORG', EDS: 'LOC', NAOSC: 'LOC' });
    tags[toks.findIndex((t) => t.text === 'EDS') + 4] = 'O'; // the second mention untagged
    const out = typeDefinedAcronyms(toks, tags);
    expect(tagsAt(toks, out, 'EDS')).toEqual(['B-ORG', 'B-ORG', 'B-ORG']);
    expect(tagsAt(toks, out, 'NAOSC')).toEqual(['B-LOC']);
  });

  it('leaves acronyms of places, of names with no head word, of mismatched letters and inside longer names alone', () => {
    const text =
      'New South Wales (NSW) police said NSW will act. Gross Domestic Product (GDP) rose as GDP grew. ' +
      'The Group Representation Constituencies (GRC) voted in Hong Kah GRC. Its Central Business District (CBD) lit the CBD. ' +
      'Carlos Abicalil Party (PT) met PT. The Australian Labor Party (ALP) met the ALP Caucus.';
    const { toks, tags } = tagsNaming(text, {
      'New South Wales': 'ORG', NSW: 'LOC', 'Gross Domestic Product': 'ORG', GDP: 'MISC', 'Group Representation Constituencies': 'ORG', GRC: 'PER',
      'Central Business District': 'ORG', CBD: 'LOC', 'Carlos Abicalil Party': 'ORG', PT: 'PER', 'Australian Labor Party': 'ORG', ALP: 'ORG', 'ALP Caucus': 'MISC',
    });
    const out = typeDefinedAcronyms(toks, tags);
    expect(out).toEqual(tags);
  });

  it("makes every mention of an acronym defined after a treaty's, a law's or an award's MISC name MISC, and not after other MISC names", () => {
    const text = 'It signed the Nuclear Non-Proliferation Treaty (NPT). The NPT permits it, said the World Social Forum (WSF) of the WSF.';
    const { toks, tags } = tagsNaming(text, { 'Nuclear Non-Proliferation Treaty': 'MISC', NPT: 'ORG', 'World Social Forum': 'MISC', WSF: 'ORG' });
    const out = typeDefinedAcronyms(toks, tags);
    expect(tagsAt(toks, out, 'NPT')).toEqual(['B-MISC', 'B-MISC']);
    expect(tagsAt(toks, out, 'WSF')).toEqual(['B-ORG', 'B-ORG']);
  });

  it('keeps an acronym that a story defines an organisation through the whole tagger', () => {
    // The tagger alone reads "ASIC" as a place in the Wikinews story this follows.
    const text =
      'The figures were released by the Australian Securities and Investments Commission (ASIC). 637 ASIC staff made use of the service, ' +
      'and the bureau spent more on it than ASIC. The whistleblower wrote to ASIC six years ago.';
    const toks = nerTokenize(text);
    expect(tagsAt(toks, labelTokens(text, toks), 'ASIC')).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'B-ORG']);
  });
});

describe(`${extendNamesToTheirAcronyms.name} on any tags`, () => {
  it('keeps them well formed (BIO) and their length', () => {
    const text = "the Liberation Tigers of Tamil Eelam ( LTTE ) , the Sudan People ' s Liberation Army (SPLA) and the Organisation for Security and Cooperation in Europe (OSCE)";
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 17, (tags) => extendNamesToTheirAcronyms(text, toks, tags));
  });
});
