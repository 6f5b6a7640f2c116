import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsNaming } from '../../../helpers/bio-tags.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { possessiveNamesWhole, possessiveOrganisations, possessivesOfPlaces } from '../../../../src/workers/enricher/possessive-organisations.js';
import { tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';

describe(possessiveOrganisations.name, () => {
  it('splits an organisation read whole into its owner and its unit when both end in a head word or the owner in a place after "of"', () => {
    const text = "The Bank of England's Monetary Policy Committee met , and Stanford University’s SCALE Initiative said so .";
    const { toks, tags } = tagsNaming(text, { "Bank of England 's Monetary Policy Committee": 'ORG', 'Stanford University ’s SCALE Initiative': 'ORG' });
    const want = tagsNaming(text, { 'Bank of England': 'ORG', 'Monetary Policy Committee': 'ORG', 'Stanford University': 'ORG', 'SCALE Initiative': 'ORG' }).tags;
    expect(possessiveOrganisations(toks, tags)).toEqual(want);
  });

  it('leaves a head word alone untagged as the owner', () => {
    const text = "the Bank's Monetary Policy Committee said .";
    const { toks, tags } = tagsNaming(text, { "Bank 's Monetary Policy Committee": 'ORG' });
    expect(possessiveOrganisations(toks, tags)).toEqual(tagsNaming(text, { 'Monetary Policy Committee': 'ORG' }).tags);
  });

  it('keeps a name whose word before "\'s" is no head word, or whose unit has none, as one', () => {
    const text = "Moody's Investors Service , the Women's Christian Temperance Union , the Department of Children's Services and Harvard University's Kennedy said .";
    const { toks, tags } = tagsNaming(text, {
      "Moody 's Investors Service": 'ORG',
      "Women 's Christian Temperance Union": 'ORG',
      "Department of Children 's Services": 'ORG',
      "Harvard University 's Kennedy": 'ORG',
    });
    expect(possessiveOrganisations(toks, tags)).toEqual(tags);
  });

  it('splits them through the whole tagger', () => {
    const text = "LONDON 1996-08-22\nThe Bank of England's Monetary Policy Committee left rates on hold on Thursday.";
    const names = tagEntityMentions(text).map((m) => `${text.slice(m.start, m.end)}:${m.kind}`);
    expect(names).toEqual(expect.arrayContaining(['Bank of England:organisation', 'Monetary Policy Committee:organisation']));
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = "Bank's Fund of England's Bank Committee ’s Union of Paris's the Bank 's Office .";
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 47, (tags) => possessiveOrganisations(toks, tags));
  });
});

describe(possessivesOfPlaces.name, () => {
  it('reads one word before "\'s" and "of" a place as the firm with its town, the clitic joined or written apart', () => {
    const cases: Array<[string, string, string, string]> = [
      ["Lloyd's of London said .", 'Lloyd', 'London', "Lloyd 's of London"],
      ["Lloyd 's of London said .", 'Lloyd', 'London', "Lloyd ' s of London"],
      ['products like Tom’s of Maine toothpaste', 'Tom', 'Maine', 'Tom ’s of Maine'],
    ];
    for (const [text, word, place, name] of cases) {
      const { toks, tags } = tagsNaming(text, { [word]: 'PER', [place]: 'LOC' });
      expect(possessivesOfPlaces(toks, tags)).toEqual(tagsNaming(text, { [name]: 'ORG' }).tags);
    }
  });

  it('leaves a place\'s possessive, a longer name\'s, and "of" before no place', () => {
    const text = "Britain's of London , John Smith's of London , a friend of John's of many years .";
    const { toks, tags } = tagsNaming(text, { Britain: 'LOC', London: 'LOC', 'John Smith': 'PER', John: 'PER' });
    expect(possessivesOfPlaces(toks, tags)).toEqual(tags);
  });

  it('gives the firm in wire copy, not a person and a place', () => {
    const ms = tagEntityMentions("LONDON 1996-08-22\nLloyd's of London said on Thursday its losses had narrowed .");
    expect(ms.map((m) => `${m.kind}:${m.name}`)).toEqual(['place:London', "organisation:Lloyd's of London"]);
  });
});

describe(possessiveNamesWhole.name, () => {
  it('reads a name holding "People\'s", "Women\'s", "Workers\'" or "Peoples\'" whole, from the capitalized words before it to the name after it', () => {
    const text =
      "A general of the Chinese People's Liberation Army spoke . Rebels of the New People's Militia fled . Turkey fought the Kurdistan Workers' Party . " +
      "She joined the Women's Royal Air Force . It led the pro-Kurdish Peoples' Equality Party .";
    const { toks, tags } = tagsNaming(text, {
      'Liberation Army': 'ORG', 'New People': 'ORG', Militia: 'ORG', Kurdistan: 'LOC', "Workers ' Party": 'ORG', 'Royal Air Force': 'ORG', 'pro-Kurdish Peoples': 'MISC', 'Equality Party': 'ORG',
    });
    const want = tagsNaming(text, {
      "Chinese People 's Liberation Army": 'ORG', "New People 's Militia": 'ORG', "Kurdistan Workers ' Party": 'ORG', "Women 's Royal Air Force": 'ORG', 'pro-Kurdish': 'MISC', "Peoples ' Equality Party": 'ORG',
    }).tags;
    expect(possessiveNamesWhole(toks, tags)).toEqual(want);
  });

  it('takes the capitalized words after the possessive where only "People" is read, the clitic joined or written apart', () => {
    const cases: Array<[string, string]> = [["The People's Daily said so .", "People 's Daily"], ["The People 's Daily said so .", "People ' s Daily"]];
    for (const [text, name] of cases) {
      const { toks, tags } = tagsNaming(text, { People: 'ORG' });
      expect(possessiveNamesWhole(toks, tags)).toEqual(tagsNaming(text, { [name]: 'ORG' }).tags);
    }
  });

  it('leaves an office, a sentence\'s first word, "The", a person, lowercase words and a name after a line\'s end out', () => {
    const text = "He was People's Deputy before . Seven New People's Army guerrillas died . The People's Party won . the people's choice . Workers' rights . Men's / Women's\n\nBrooks Ghost";
    const { toks, tags } = tagsNaming(text, { People: 'ORG', "New People 's Army": 'ORG', "People 's Party": 'ORG', 'Brooks Ghost': 'ORG' });
    expect(possessiveNamesWhole(toks, tags)).toEqual(tags);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = "The Chinese People's Liberation Army and People 's Daily . New People's";
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 59, (tags) => possessiveNamesWhole(toks, tags));
  });
});
