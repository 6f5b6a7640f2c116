import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsFor, tagsNaming } from '../../../helpers/bio-tags.js';
import { companyFormsEndNames, articlesOffNames, lateTitlesOutOfNames, surnamesThatAreTitles, titlesOffPersons, trimNameTails } from '../../../../src/workers/enricher/name-tails.js';
import { statsOf } from '../../../helpers/word-stats.js';
import { tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';


describe(trimNameTails.name, () => {
  it('ends a capitalized name at its last capitalized word', () => {
    const text = 'Floods hit Khyber Pakhtunkhwa province and the Oder river valley.';
    // Floods hit [Khyber Pakhtunkhwa province] and the [Oder river valley] .
    const got = trimNameTails(nerTokenize(text), tagsFor(text, [[2, 5, 'LOC'], [7, 10, 'LOC']]));
    expect(got).toEqual(tagsFor(text, [[2, 4, 'LOC'], [7, 8, 'LOC']]));
  });

  it('trims a name that ends the text as one inside it', () => {
    const text = 'Floods hit Khyber Pakhtunkhwa province';
    expect(trimNameTails(nerTokenize(text), tagsFor(text, [[2, 5, 'LOC']]))).toEqual(tagsFor(text, [[2, 4, 'LOC']]));
  });

  it('ends no name with a score', () => {
    const text = 'Chicago beat Boston 5-3 and Hannover 96 won';
    // Chicago beat [Boston 5-3] and [Hannover 96] won
    const got = trimNameTails(nerTokenize(text), tagsFor(text, [[0, 1, 'ORG'], [2, 4, 'ORG'], [5, 7, 'ORG']]));
    expect(got).toEqual(tagsFor(text, [[0, 1, 'ORG'], [2, 3, 'ORG'], [5, 7, 'ORG']]));
    const alone = trimNameTails(nerTokenize(text), tagsFor(text, [[3, 4, 'ORG']]));
    expect(alone.every((t) => t === 'O')).toBe(true);
  });

  it('takes off a number that goes on as a score, a share or thousands, and keeps a number of a name', () => {
    const text = 'defeating Stade Reims 3–0 , the Greens 8 % , the North 50,000 tons';
    // defeating [Stade Reims 3] – 0 , the [Greens 8] % , the [North 50] , 000 tons
    const toks = nerTokenize(text);
    expect(toks.map((t) => t.text).slice(13, 17)).toEqual(['North', '50', ',', '000']);
    const got = trimNameTails(toks, tagsFor(text, [[1, 4, 'ORG'], [8, 10, 'ORG'], [13, 15, 'LOC']]));
    expect(got).toEqual(tagsFor(text, [[1, 3, 'ORG'], [8, 9, 'ORG'], [13, 14, 'LOC']]));
    const kept = 'He watched Channel 4 and BBC Radio 4 , and Apollo 11 flew in 1969 .';
    // He watched [Channel 4] and [BBC Radio 4] , and [Apollo 11] flew
    const named = tagsFor(kept, [[2, 4, 'ORG'], [5, 8, 'ORG'], [10, 12, 'MISC']]);
    expect(trimNameTails(nerTokenize(kept), named)).toEqual(named);
  });

  it("takes a score or an age off a person's name before a list's mark, and a tally off a known place's before its details", () => {
    const text = 'England 285 ( Salim Malik 65 ; Jorge 40 in Hannover 96 won ) Ibrahim Savant 25 , Russell 2000 index';
    // [England 285] ( [Salim Malik 65] ; [Jorge 40] in [Hannover 96] won ) [Ibrahim Savant 25] , [Russell 2000] index
    const got = trimNameTails(nerTokenize(text), tagsFor(text, [[0, 2, 'ORG'], [3, 6, 'PER'], [7, 9, 'PER'], [10, 12, 'ORG'], [14, 17, 'PER'], [18, 20, 'PER']]));
    expect(got).toEqual(tagsFor(text, [[0, 1, 'LOC'], [3, 5, 'PER'], [7, 9, 'PER'], [10, 12, 'ORG'], [14, 16, 'PER'], [18, 20, 'PER']]));
  });

  it('ends no name with a mark that has no letter or digit, but keeps a bracket it opens and a "!" written onto it', () => {
    const text = 'Email: "Andre" <a@b.c> | Paul King | Democrat | and Democratic Party (PD) met Yahoo! staff';
    const toks = nerTokenize(text);
    const at = (w: string) => toks.findIndex((t) => t.text === w);
    // Email : " [Andre " <] ... | [Paul King |] Democrat | and [Democratic Party ( PD )] met [Yahoo !] staff
    const tags = tagsFor(text, [[at('Andre'), at('Andre') + 3, 'PER'], [at('Paul'), at('King') + 2, 'PER'], [at('Democratic'), at(')') + 1, 'ORG'], [at('Yahoo'), at('Yahoo') + 2, 'ORG']]);
    const want = tagsFor(text, [[at('Andre'), at('Andre') + 1, 'PER'], [at('Paul'), at('King') + 1, 'PER'], [at('Democratic'), at(')') + 1, 'ORG'], [at('Yahoo'), at('Yahoo') + 2, 'ORG']]);
    expect(trimNameTails(toks, tags)).toEqual(want);
  });

  it('starts no name with a mark that has no letter or digit, but keeps a bracket it closes', () => {
    const text = '| Gillett | and = = Police to gain and ( PD ) said';
    // [| Gillett] | and = [= Police] to gain and [( PD )] said
    const got = trimNameTails(nerTokenize(text), tagsFor(text, [[0, 2, 'PER'], [5, 7, 'ORG'], [10, 13, 'ORG']]));
    expect(got).toEqual(tagsFor(text, [[1, 2, 'PER'], [6, 7, 'ORG'], [10, 13, 'ORG']]));
  });

  it('keeps names written in lowercase throughout, company forms, inner lowercase words and MISC as they are', () => {
    const text = 'saw ed sheeran and Tesco plc near Bank of England and Rugby union';
    const tags = tagsFor(text, [[1, 3, 'PER'], [4, 6, 'ORG'], [7, 10, 'ORG'], [11, 13, 'MISC']]);
    expect(trimNameTails(nerTokenize(text), tags)).toEqual(tags);
  });

  it('gives the stored record the place without its lowercase descriptor', () => {
    const entities = tagEntities({ title: 'Storm passes', text: 'Officials in Fujian province said the storm had passed. Fujian reopened its ports.' });
    const places = entities.places.map((e) => e.name);
    expect(places).toContain('Fujian');
    expect(places).not.toContain('Fujian province');
    expect(entities.places.find((e) => e.name === 'Fujian')?.mentions).toBe(2);
  });
});

describe(surnamesThatAreTitles.name, () => {
  const spans = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    const out = surnamesThatAreTitles(toks, tags);
    const got: string[] = [];
    out.forEach((t, i) => {
      if (t.startsWith('B-')) got.push(toks[i]!.text);
      else if (t.startsWith('I-')) got[got.length - 1] += ` ${toks[i]!.text}`;
    });
    return got;
  };

  it("takes a title that is also a surname into a given name read alone before it", () => {
    expect(spans('Prime Minister John Major faced a rebellion , and Larry King said so .', { John: 'PER', Larry: 'PER' })).toEqual(['John Major', 'Larry King']);
  });

  it('leaves a title before a capitalized word, after a name of two words or after a word that is no given name alone', () => {
    expect(spans('John Major General Smith met Paul Smith King and Zorg Major left .', { John: 'PER', 'Paul Smith': 'PER', Zorg: 'PER' })).toEqual(['John', 'Paul Smith', 'Zorg']);
  });
});

describe('the name-end passes on any tags', () => {
  it('keep them well formed (BIO) and their length', () => {
    const text = 'England 285 ( Salim Malik 65 ; Hannover 96 won ) Prime Minister John Major faced Larry King , Channel 4 .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 11, (tags) => trimNameTails(toks, tags), (tags) => surnamesThatAreTitles(toks, tags));
  });
});

describe(lateTitlesOutOfNames.name, () => {
  it("takes the titles the tagger does not know out of a person's name's start and an organisation's name's end", () => {
    const text = 'according to Director-General Diouf , the Flint City Administrator and Director General Smith';
    const got = lateTitlesOutOfNames(nerTokenize(text), tagsFor(text, [[2, 4, 'PER'], [6, 9, 'ORG'], [10, 13, 'PER']]));
    // A title the tagger knows ("Director") is left to it.
    expect(got).toEqual(tagsFor(text, [[3, 4, 'PER'], [6, 8, 'ORG'], [10, 13, 'PER']]));
  });
});

describe(companyFormsEndNames.name, () => {
  const stats = statsOf({ the: 'N', it: 'N', reuters: 'A' });

  it('ends an organisation at a company form written with a full stop before a capitalized word', () => {
    const text = 'It bought McDonnell Douglas Corp. The Federal Trade Commission agreed . It bought Acme Ltd. Reuters said so .';
    const { toks, tags } = tagsNaming(text, { 'McDonnell Douglas Corp. The Federal Trade Commission': 'ORG', 'Acme Ltd. Reuters': 'ORG' });
    const out = companyFormsEndNames(toks, tags, stats);
    const spans = tagsNaming(text, { 'McDonnell Douglas Corp.': 'ORG', 'Federal Trade Commission': 'ORG', 'Acme Ltd.': 'ORG', Reuters: 'ORG' }).tags;
    expect(out).toEqual(spans);
  });

  it('makes the rest a person where a given name opens it, and starts it at its first capitalized word', () => {
    const text = 'It sued Lockheed Martin Corp. John Martin said , and Schering Corp. Shares of Bayer rose .';
    const { toks, tags } = tagsNaming(text, { 'Lockheed Martin Corp. John Martin': 'ORG', 'Schering Corp. Shares of Bayer': 'ORG' });
    const out = companyFormsEndNames(toks, tags, statsOf({ shares: 'R' }));
    expect(out).toEqual(tagsNaming(text, { 'Lockheed Martin Corp.': 'ORG', 'John Martin': 'PER', 'Schering Corp.': 'ORG', Bayer: 'ORG' }).tags);
  });

  it('leaves a form before another form, before a lowercase word, and a form that ends the name, as they are', () => {
    const text = 'Nomura Securities Co. Ltd. and Merrill Lynch & Co. Inc. met Ford Motor Co. of Canada and Apple Computer Inc. The end .';
    const { toks, tags } = tagsNaming(text, { 'Nomura Securities Co. Ltd.': 'ORG', 'Merrill Lynch & Co. Inc.': 'ORG', 'Ford Motor Co. of Canada': 'ORG', 'Apple Computer Inc.': 'ORG' });
    expect(companyFormsEndNames(toks, tags, stats)).toEqual(tags);
  });

  it('splits such a name through the whole tagger', () => {
    const text = 'The Justice Department will not oppose the merger of Boeing Co and McDonnell Douglas Corp. The Federal Trade Commission had reviewed the deal.';
    const names = tagEntityMentions(text).map((m) => text.slice(m.start, m.end));
    expect(names).toContain('McDonnell Douglas Corp.');
    expect(names).toContain('Federal Trade Commission');
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'It bought McDonnell Douglas Corp. The Federal Trade Commission agreed , and Acme Ltd. Reuters Inc. Co. said so .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 41, (tags) => companyFormsEndNames(toks, tags, stats));
  });
});

describe(titlesOffPersons.name, () => {
  it("takes titles of office out of a person's name, and titles alone before one", () => {
    const text = 'Prime Minister John said . President Bill Clinton and Senator Bob Dole met . Defense Minister Yitzhak Mordechai spoke .';
    const { toks, tags } = tagsNaming(text, { 'Prime Minister John': 'PER', 'President Bill Clinton': 'PER', Senator: 'PER', 'Bob Dole': 'PER', 'Defense Minister Yitzhak Mordechai': 'PER' });
    const want = tagsNaming(text, { John: 'PER', 'Bill Clinton': 'PER', 'Bob Dole': 'PER', 'Yitzhak Mordechai': 'PER' }).tags;
    expect(titlesOffPersons(toks, tags)).toEqual(want);
  });

  it('keeps titles that name the person with the name, a title alone, and a title before a lowercase word', () => {
    const text = 'King Fahd and Pope John Paul met Sir Joh . President said so , and Minister for trade spoke .';
    const { toks, tags } = tagsNaming(text, { 'King Fahd': 'PER', 'Pope John Paul': 'PER', 'Sir Joh': 'PER', President: 'PER', 'Minister for trade': 'PER' });
    expect(titlesOffPersons(toks, tags)).toEqual(tags);
  });

  it('gives "Prime Minister John Major" at a sentence\'s start the person in full through the whole tagger', () => {
    const text = 'Prime Minister John Major said on Monday he would fight on.';
    expect(tagEntityMentions(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`)).toEqual(['person:John Major']);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'Prime Minister John Major and President Senator Bill Clinton met King Fahd and Minister for trade .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 47, (tags) => titlesOffPersons(toks, tags));
  });
});

describe(articlesOffNames.name, () => {
  it('takes "A" or "An" off the start of a name, which goes on after it', () => {
    const text = 'A High Court judge ruled . An Air Force plane flew . A Ugandan helicopter .';
    const { toks, tags } = tagsNaming(text, { 'A High Court': 'ORG', 'An Air Force': 'ORG', 'A Ugandan': 'ORG' });
    expect(articlesOffNames(toks, tags)).toEqual(tagsNaming(text, { 'High Court': 'ORG', 'Air Force': 'ORG', Ugandan: 'ORG' }).tags);
  });

  it('takes a lowercase "the", "a" or "an" off the start of a name inside a sentence', () => {
    const text = 'Miners began talks with the Chamber of Mines . He led the Republic of China . It was a Gallup poll .';
    const { toks, tags } = tagsNaming(text, { 'the Chamber of Mines': 'ORG', 'the Republic of China': 'LOC', 'a Gallup': 'ORG' });
    expect(articlesOffNames(toks, tags)).toEqual(tagsNaming(text, { 'Chamber of Mines': 'ORG', 'Republic of China': 'LOC', Gallup: 'ORG' }).tags);
  });

  it('leaves "The" opening a name, an article alone, a MISC name and an article before a lowercase word as they are', () => {
    const text = 'The Hague ruled . A said . A Clockwork Orange . An the';
    const { toks, tags } = tagsNaming(text, { 'The Hague': 'LOC', A: 'PER', 'A Clockwork Orange': 'MISC', 'An the': 'ORG' });
    expect(articlesOffNames(toks, tags)).toEqual(tags);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'A High Court An Air A A Force An .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 53, (tags) => articlesOffNames(toks, tags));
  });
});
