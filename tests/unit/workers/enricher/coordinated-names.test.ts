import { describe, expect, it } from 'vitest';
import { tagsFor, tagsNaming } from '../../../helpers/bio-tags.js';
import { firmsJoinedByAmpersand, firmsOfWordsJoinedByAnd, joinCoordinatedNames, joinListsBeforeHeads, joinOrganisationPlaces, joinOrganisationPurposes, knownNamesApart } from '../../../../src/workers/enricher/coordinated-names.js';
import { statsOf } from '../../../helpers/word-stats.js';
import type { NameGazetteer, WordStats } from '../../../../src/workers/enricher/ner-features.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';
import { bioSpans } from '../../../../src/workers/enricher/wire-conventions.js';

const STATS = statsOf({ Labour: 'M', Welfare: 'R', Wildlife: 'H', Conservation: 'H', Monuments: 'H', Foreign: 'H', Office: 'R', Apple: 'A', Defence: 'H', Secretary: 'M', Economic: 'R', 'Co-operation': 'R', Development: 'R' });

/** The names of `tags` over `text`'s tokens, as "TYPE[words]". */
function spans(text: string, tags: readonly string[]): string[] {
  const toks = nerTokenize(text);
  return bioSpans(tags).map((s) => `${s.type}[${toks.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
}


describe(joinCoordinatedNames.name, () => {
  it('joins a coordinated list of common words to an "X of Y" organisation', () => {
    const text = 'The Ministry of Health, Labour and Welfare said so.';
    // Ministry of Health | , | Labour | and | Welfare
    const tags = tagsFor(text, [[1, 4, 'ORG'], [5, 6, 'ORG']]);
    expect(spans(text, joinCoordinatedNames(nerTokenize(text), tags, STATS))).toEqual(['ORG[Ministry of Health , Labour and Welfare]']);
  });

  it('joins the list over untagged words, a name tagged as a person, and a run right after the name', () => {
    const a = 'Officials at the Department of National Parks and Wildlife Conservation agreed.';
    expect(spans(a, joinCoordinatedNames(nerTokenize(a), tagsFor(a, [[3, 7, 'ORG'], [8, 10, 'PER']]), STATS))).toEqual(['ORG[Department of National Parks and Wildlife Conservation]']);
    const b = 'The Organisation for Economic Co-operation and Development cut it.';
    expect(spans(b, joinCoordinatedNames(nerTokenize(b), tagsFor(b, [[1, 4, 'ORG']]), STATS))).toEqual(['ORG[Organisation for Economic Co-operation and Development]']);
  });

  /** Expects the pass to leave `text`'s tags as they are. */
  const keeps = (text: string, named: Array<[number, number, string]>, stats: { words?: WordStats } = { words: STATS }) => {
    const tags = tagsFor(text, named);
    expect(joinCoordinatedNames(nerTokenize(text), tags, stats.words)).toEqual(tags);
  };

  it('leaves two names apart when the second is a name of its own, ends in a head word, or starts a title', () => {
    keeps('The Department of Justice and Apple settled.', [[1, 4, 'ORG'], [5, 6, 'ORG']]);
    keeps('The Ministry of Health and Foreign Office met.', [[1, 4, 'ORG'], [5, 7, 'ORG']]);
    keeps('The Ministry of Health and Defence Secretary spoke.', [[1, 4, 'ORG']]);
  });

  it('joins nothing to a name without "of" or "for", to a place, to unknown words, or without word statistics', () => {
    keeps('Acme Welfare and Monuments grew.', [[0, 2, 'ORG']]);
    keeps('The Ministry of Health and Welfare visited.', [[1, 4, 'ORG'], [5, 6, 'LOC']]);
    keeps('The Ministry of Health and Zorblat agreed.', [[1, 4, 'ORG']]);
    keeps('The Ministry of Health, Labour and Welfare said so.', [[1, 4, 'ORG']], {});
  });

  it('gives the stored record the whole name with the committed tagger', () => {
    const entities = tagEntities({ title: 'Cases rise', text: 'The Ministry of Health, Labour and Welfare said on Tuesday that cases had risen in Tokyo.' });
    expect(entities.organisations.map((e) => e.name)).toContain('Ministry of Health, Labour and Welfare');
    expect(entities.organisations.map((e) => e.name)).not.toContain('Labour');
  });
});

describe(joinListsBeforeHeads.name, () => {
  const LISTS = statsOf({ Fire: 'R', Rescue: 'R', Flood: 'R', Forecasting: 'R', Warning: 'R', Assessment: 'R', Reporting: 'R', Health: 'R', Safety: 'R', Apple: 'R', Secretary: 'M', Trade: 'R', Monday: 'R', Premier: 'M', Labour: 'M' });
  const run = (text: string, named: Array<[number, number, string]>): string[] => spans(text, joinListsBeforeHeads(nerTokenize(text), tagsFor(text, named), LISTS));

  it('joins the coordinated list before "and" to an organisation that ends with its head word', () => {
    // Flood Forecasting and [Warning Centre]: typed a place
    expect(run('the Flood Forecasting and Warning Centre said', [[4, 6, 'LOC']])).toEqual(['ORG[Flood Forecasting and Warning Centre]']);
    // [Australian Curriculum], Assessment and [Reporting Authority]: the first run a name of its own
    expect(run('the Australian Curriculum, Assessment and Reporting Authority said', [[1, 3, 'ORG'], [6, 8, 'ORG']])).toEqual([
      'ORG[Australian Curriculum , Assessment and Reporting Authority]',
    ]);
    expect(run('the Fire and Rescue Service said', [[3, 5, 'ORG']])).toEqual(['ORG[Fire and Rescue Service]']);
  });

  it('leaves lists of names, offices, persons, heads that end no name and words unknown or written in capitals alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['Apple and Google Inc grew', [[0, 1, 'ORG'], [2, 4, 'ORG']]], // a name tagged before "and"
      ['the Trade Secretary and Health Council met', [[4, 6, 'ORG']]], // a word of office in the list
      ['said Kofi and Annan Foundation', [[4, 6, 'ORG']]], // a word the statistics do not know
      ['Trade and John Smith met', [[2, 4, 'PER']]], // a person
      ['Trade and Safety Review met', [[2, 4, 'MISC']]], // no head word at the end
      ['after becoming Premier and Labour Party leader', [[4, 6, 'ORG']]], // a verb before the list
      ['the Minister of Trade and Health Council', [[1, 2, 'PER'], [5, 7, 'ORG']]], // an office's portfolios
    ];
    for (const [text, named] of cases) expect(run(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(joinOrganisationPurposes.name, () => {
  const stats = statsOf({ Advancement: 'R', Science: 'R', Constitutional: 'R', Rights: 'R', Foreign: 'H', Relations: 'R', Acquisition: 'R', Competition: 'R', Satellite: 'R', Radio: 'R', District: 'R', Southern: 'R' });
  const run = (text: string, named: Array<[number, number, string]>) => spans(text, joinOrganisationPurposes(nerTokenize(text), tagsFor(text, named), stats));

  it('joins a purpose in capitalized common words after "for" or "on" to the organisation whose head word it follows', () => {
    // American Association | for the Advancement of Science
    expect(run('The American Association for the Advancement of Science said so.', [[1, 3, 'ORG'], [5, 8, 'MISC']])).toEqual(['ORG[American Association for the Advancement of Science]']);
    expect(run('He joined the Center for Constitutional Rights and the Council on Foreign Relations.', [[3, 4, 'ORG'], [9, 10, 'ORG']])).toEqual([
      'ORG[Center for Constitutional Rights]', 'ORG[Council on Foreign Relations]',
    ]);
    // "in" inside the purpose; after "of" a place, which "in" does not continue.
    expect(run('The Consumer Coalition for Competition in Satellite Radio met.', [[1, 3, 'ORG']])).toEqual(['ORG[Consumer Coalition for Competition in Satellite Radio]']);
    expect(run('The Court for the Southern District of New York in Manhattan ruled.', [[1, 2, 'ORG'], [7, 9, 'LOC'], [10, 11, 'LOC']])).toEqual([
      'ORG[Court for the Southern District of New York]', 'LOC[Manhattan]',
    ]);
  });

  it('leaves a day, a person, a name that is no common word and an organisation without a head word alone', () => {
    expect(run('The Senate Banking Committee on Wednesday voted.', [[1, 4, 'ORG']])).toEqual(['ORG[Senate Banking Committee]']);
    expect(run('He was Chef de Cabinet for Kofi Annan then.', [[2, 5, 'ORG'], [6, 8, 'PER']])).toEqual(['ORG[Chef de Cabinet]', 'PER[Kofi Annan]']);
    expect(run('The Air Force for Acquisition Darleen Druyun spoke.', [[1, 3, 'ORG']])).toEqual(['ORG[Air Force for Acquisition]']);
    expect(run('The Taliban for Afghans said so.', [[1, 2, 'ORG']])).toEqual(['ORG[Taliban]']);
  });
});

describe(joinOrganisationPlaces.name, () => {
  const run = (text: string, named: Array<[number, number, string]>): string[] => spans(text, joinOrganisationPlaces(nerTokenize(text), tagsFor(text, named)));

  it('joins an organisation that ends with its head word, "of" and a place into one organisation', () => {
    // Revolutionary Armed Forces | of | Colombia; Green Party | of | British Columbia
    expect(run('the Revolutionary Armed Forces of Colombia said', [[1, 4, 'ORG'], [5, 6, 'LOC']])).toEqual(['ORG[Revolutionary Armed Forces of Colombia]']);
    // At the text's end: the place may end it, "of" may not.
    expect(run('the Revolutionary Armed Forces of Colombia', [[1, 4, 'ORG'], [5, 6, 'LOC']])).toEqual(['ORG[Revolutionary Armed Forces of Colombia]']);
    expect(run('the Revolutionary Armed Forces of', [[1, 4, 'ORG']])).toEqual(['ORG[Revolutionary Armed Forces]']);
    expect(run('the Green Party of British Columbia and the Bank of Montreal', [[1, 3, 'ORG'], [4, 6, 'LOC'], [8, 9, 'ORG'], [10, 11, 'LOC']])).toEqual([
      'ORG[Green Party of British Columbia]', 'ORG[Bank of Montreal]',
    ]);
  });

  it("leaves a company of its country or its seat, a state's government, a name after \"of\" that is no place and a gap alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['Thales of France and Tesco of Britain', [[0, 1, 'ORG'], [2, 3, 'LOC'], [4, 5, 'ORG'], [6, 7, 'LOC']]], // no head word
      ['The Government of Sudan said', [[1, 2, 'ORG'], [3, 4, 'LOC']]], // a state's government
      ['the Labour Party of Tony Blair', [[1, 3, 'ORG'], [4, 6, 'PER']]], // a person after "of"
      ['the Labour Party of the UK', [[1, 3, 'ORG'], [5, 6, 'LOC']]], // "the" between
      ['the Labour Party in Britain', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // not "of"
      ['from Google Inc. of Mountain View', [[1, 3, 'ORG'], [4, 6, 'LOC']]], // a company form: its seat
    ];
    for (const [text, named] of cases) expect(run(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(firmsJoinedByAmpersand.name, () => {
  const stats = statsOf({ Marks: 'R', Sons: 'R', Block: 'R', Dikembe: 'A' });
  const run = (text: string, named: Array<[number, number, string]>) => spans(text, firmsJoinedByAmpersand(text, nerTokenize(text), tagsFor(text, named), stats));

  it('makes the words around a firm\'s "&" one organisation where the tagger found a name on a side or across it', () => {
    // Shares | of | Marks | & | Spencer | fell
    expect(run('Shares of Marks & Spencer fell.', [[4, 5, 'PER']])).toEqual(['ORG[Marks & Spencer]']);
    expect(run('It was distributed by William Grant & Sons in the U.S.', [[4, 6, 'PER']])).toEqual(['ORG[William Grant & Sons]']);
    expect(run('A report by Ernst & Young found it.', [[3, 4, 'PER'], [5, 6, 'ORG']])).toEqual(['ORG[Ernst & Young]']);
    expect(run('Owned by Hellman & Friedman since 2004.', [[2, 5, 'PER']])).toEqual(['ORG[Hellman & Friedman]']);
  });

  it('takes a firm\'s last word after "&" that the statistics do not know with a name read as a person ("Merrill Lynch & Co")', () => {
    // Merrill | Lynch | & | Co | said (and "Co." with its point)
    expect(run('Merrill Lynch & Co said so.', [[0, 2, 'PER']])).toEqual(['ORG[Merrill Lynch & Co]']);
    expect(run('Lazard Freres & Co. advised it.', [[0, 2, 'PER']])).toEqual(['ORG[Lazard Freres & Co.]']);
    // A word that may be another person's still ends the name.
    expect(run('Merrill Lynch & Cole said so.', [[0, 2, 'PER']])).toEqual(['PER[Merrill Lynch]']);
  });

  it("takes a name the gazetteer's short list knows whole, with its \"'s\", where the tagger found none", () => {
    expect(run("Standard & Poor's cut the rating.", [])).toEqual(["ORG[Standard & Poor 's]"]);
  });

  it('makes the words around "&" one company with the company form that ends them or follows them, whatever the tagger read on either side', () => {
    // O'Melveny | & | Myers | LLP | said: two organisations, one of each kind on each side.
    expect(run("O'Melveny & Myers LLP said so.", [[0, 1, 'ORG'], [2, 4, 'ORG']])).toEqual(["ORG[O'Melveny & Myers LLP]"]);
    // A person and a place.
    expect(run('A lawyer at Crowell & Moring LLP said so.', [[3, 4, 'PER'], [5, 7, 'LOC']])).toEqual(['ORG[Crowell & Moring LLP]']);
    // A person beside a word that may be another's, and the form after a comma.
    expect(run('Penguin Group, Simon & Schuster, Inc. and others sued.', [[0, 2, 'ORG'], [3, 4, 'PER'], [7, 8, 'LOC']])).toEqual(['ORG[Penguin Group]', 'ORG[Simon & Schuster , Inc.]']);
    // Two places, the form right after the second.
    expect(run('Olympia & York Ltd said so.', [[0, 1, 'LOC'], [2, 3, 'LOC']])).toEqual(['ORG[Olympia & York Ltd]']);
  });

  it('leaves words the tagger found no name in, two names of one kind, places, works, other parties and listed persons', () => {
    const keeps = (text: string, named: Array<[number, number, string]>) => {
      const tags = tagsFor(text, named);
      expect(firmsJoinedByAmpersand(text, nerTokenize(text), tags, stats)).toEqual(tags);
    };
    keeps('Read our Arts & Culture section.', []);
    keeps('Biden & Xi met in Bali.', [[0, 1, 'PER'], [2, 3, 'PER'], [5, 6, 'LOC']]);
    keeps('Support for WordPress & Squarespace sites.', [[2, 3, 'ORG'], [4, 5, 'ORG']]);
    keeps('Flights to Trinidad & Tobago resumed.', [[2, 3, 'LOC']]);
    keeps('He starred in Law & Order for years.', [[3, 6, 'MISC']]);
    keeps('The case HKSAR v Lai Chee Ying & Others opened.', [[2, 3, 'ORG'], [4, 7, 'PER']]);
    keeps('Moses Malone & Dikembe Mutombo are here.', [[0, 2, 'PER']]);
    // Not across a line's end.
    keeps('Marks\n& Spencer', [[2, 3, 'PER']]);
  });

  it('gives the stored record the firm with the committed tagger', () => {
    const entities = tagEntities({ title: 'Retail', text: "Shares of Marks & Spencer fell 2 pence in London, and Standard & Poor's cut its rating." });
    expect(entities.organisations.map((e) => e.name)).toEqual(expect.arrayContaining(['Marks & Spencer', "Standard & Poor's"]));
    expect(entities.people).toEqual([]);
  });
});

describe(knownNamesApart.name, () => {
  it('splits an organisation that is two names of the short list joined by "and", and leaves other names joined so', () => {
    const text = 'by RIA Novosti and Interfax , the White House and Senate , and Fish and Chips Limited .';
    const toks = nerTokenize(text);
    const tags = tagsFor(text, [[1, 5, 'ORG'], [7, 11, 'ORG'], [13, 17, 'ORG']]);
    const out = knownNamesApart(toks, tags);
    expect(bioSpans(out).map((x) => toks.slice(x.from, x.to).map((t) => t.text).join(' '))).toEqual(['RIA Novosti', 'Interfax', 'White House', 'Senate', 'Fish and Chips Limited']);
  });

  it('splits two names of two capitalized words or more when the first is a company by its form or a name alone elsewhere', () => {
    const named = (text: string, spansOf: Record<string, string>) => {
      const { toks, tags } = tagsNaming(text, spansOf);
      return bioSpans(knownNamesApart(toks, tags)).map((x) => toks.slice(x.from, x.to).map((t) => t.text).join(' '));
    };
    expect(named('Chemical Banking Corp and Chase Manhattan Corp merged .', { 'Chemical Banking Corp and Chase Manhattan Corp': 'ORG' })).toEqual(['Chemical Banking Corp', 'Chase Manhattan Corp']);
    expect(named('Norsk Hydro and Saga Petroleum agreed . Norsk Hydro said so .', { 'Norsk Hydro and Saga Petroleum': 'ORG', 'Norsk Hydro': 'ORG' })).toEqual(['Norsk Hydro', 'Saga Petroleum', 'Norsk Hydro']);
    // No second mention of the first alone, or one that is a portfolio before its office: one name.
    expect(named('Norsk Hydro and Saga Petroleum agreed .', { 'Norsk Hydro and Saga Petroleum': 'ORG' })).toEqual(['Norsk Hydro and Saga Petroleum']);
    expect(named('the NSW Roads and Traffic Authority . NSW Roads minister Eric Roozendaal', { 'NSW Roads and Traffic Authority': 'ORG', 'NSW Roads': 'ORG', 'Eric Roozendaal': 'PER' })).toEqual(['NSW Roads and Traffic Authority', 'NSW Roads', 'Eric Roozendaal']);
    // A place, one word or a particle on a side, even where that side is named alone: names with "and" inside.
    for (const name of ['New York and New Jersey Port Authority', 'Transport and General Workers Union', 'Organisation for Security and Cooperation in Europe']) {
      const first = name.split(' and ')[0] as string;
      expect(named(`the ${name} . ${first} said`, { [name]: 'ORG', [first]: 'ORG' })).toEqual([name, first]);
    }
    expect(named('the U.S. Food and Drug Administration said', { 'U.S. Food and Drug Administration': 'ORG' })).toEqual(['U.S. Food and Drug Administration']);
  });

  const APART_STATS = statsOf({ Airbus: 'A', Procter: 'A', Gamble: 'H', Transport: 'R', Johnson: 'A' });
  const apart = (text: string, spansOf: Record<string, string>) => {
    const { toks, tags } = tagsNaming(text, spansOf);
    return bioSpans(knownNamesApart(toks, tags, APART_STATS)).map((x) => toks.slice(x.from, x.to).map((t) => t.text).join(' '));
  };

  it('splits two bodies of a legislature or an executive, and a second name after "and the"', () => {
    expect(apart('the House and Senate passed it', { 'House and Senate': 'ORG' })).toEqual(['House', 'Senate']);
    expect(apart('the California Senate and Assembly voted', { 'California Senate and Assembly': 'ORG' })).toEqual(['California Senate', 'Assembly']);
    expect(apart('the European Commission and European Council met', { 'European Commission and European Council': 'ORG' })).toEqual(['European Commission', 'European Council']);
    expect(apart('a session of the Senate and the Chamber of Deputies', { 'Senate and the Chamber of Deputies': 'ORG' })).toEqual(['Senate', 'Chamber of Deputies']);
    // A body's name with "and" inside, and a country, stay whole.
    expect(apart('the Economic and Social Council met', { 'Economic and Social Council': 'ORG' })).toEqual(['Economic and Social Council']);
    expect(apart('the embassy in St Vincent and the Grenadines', { 'St Vincent and the Grenadines': 'ORG' })).toEqual(['St Vincent and the Grenadines']);
  });

  it('splits two names when one stands alone elsewhere as an organisation, a one-word side known only capitalized', () => {
    expect(apart('convicts Airbus and Air France . Airbus said', { 'Airbus and Air France': 'ORG', Airbus: 'ORG' })).toEqual(['Airbus', 'Air France', 'Airbus']);
    expect(apart('sent to NBC and Democratic National Committee staff . NBC said', { 'NBC and Democratic National Committee': 'ORG', NBC: 'ORG' })).toEqual(['NBC', 'Democratic National Committee', 'NBC']);
    // A one-word side that is also a common word, the same word on both sides, a nationality: one name.
    expect(apart('Procter and Gamble said . Procter rose', { 'Procter and Gamble': 'ORG', Procter: 'ORG' })).toEqual(['Procter and Gamble', 'Procter']);
    expect(apart('the Transport and General Workers Union . Transport said', { 'Transport and General Workers Union': 'ORG', Transport: 'ORG' })).toEqual(['Transport and General Workers Union', 'Transport']);
    const jj = 'Johnson and Johnson fell . Johnson said';
    expect(bioSpans(knownNamesApart(nerTokenize(jj), tagsFor(jj, [[0, 3, 'ORG'], [5, 6, 'ORG']]), APART_STATS)).map((x) => [x.from, x.to])).toEqual([[0, 3], [5, 6]]);
    const sse = 'firms are Scottish and Southern Energy . Southern Energy said';
    expect(bioSpans(knownNamesApart(nerTokenize(sse), tagsFor(sse, [[2, 6, 'ORG'], [7, 9, 'ORG']]), APART_STATS)).map((x) => [x.from, x.to])).toEqual([[2, 6], [7, 9]]);
    // The second side alone after a first of two words, or ending in a company form the first lacks: one name.
    const sdlp = 'the Social Democratic and Labour Party . Labour Party won';
    expect(bioSpans(knownNamesApart(nerTokenize(sdlp), tagsFor(sdlp, [[1, 6, 'ORG'], [7, 9, 'ORG']]), APART_STATS)).map((x) => [x.from, x.to])).toEqual([[1, 6], [7, 9]]);
    const teddy = 'Teddy Moving and Storage Inc. . Teddy Moving said';
    expect(bioSpans(knownNamesApart(nerTokenize(teddy), tagsFor(teddy, [[0, 5, 'ORG'], [6, 8, 'ORG']]), APART_STATS)).map((x) => [x.from, x.to])).toEqual([[0, 5], [6, 8]]);
  });

  it('splits two names when one is an organisation the tagger\'s gazetteer knows whole and the other a proper name', () => {
    const gaz: NameGazetteer = { names: new Map([['Deutsche Bank', 'ORG'], ['Justice Party', 'ORG'], ['Georgia Power', 'LOC+ORG']]), maxLength: new Map() };
    const stats = statsOf({ Peace: 'R', Law: 'R' });
    const split = (text: string, name: string) => {
      const { toks, tags } = tagsNaming(text, { [name]: 'ORG' });
      return bioSpans(knownNamesApart(toks, tags, stats, gaz)).map((x) => toks.slice(x.from, x.to).map((t) => t.text).join(' '));
    };
    // Neither name stands alone elsewhere in the text.
    expect(split('Commerzbank and Deutsche Bank cut rates .', 'Commerzbank and Deutsche Bank')).toEqual(['Commerzbank', 'Deutsche Bank']);
    expect(split('Deutsche Bank and Dresdner Kleinwort cut rates .', 'Deutsche Bank and Dresdner Kleinwort')).toEqual(['Deutsche Bank', 'Dresdner Kleinwort']);
    // Without the gazetteer, one name, as before.
    const { toks, tags } = tagsNaming('Commerzbank and Deutsche Bank cut rates .', { 'Commerzbank and Deutsche Bank': 'ORG' });
    expect(knownNamesApart(toks, tags, stats)).toEqual(tags);
    // A common word sharing the head of a two-word name ("Peace and Justice Party"), a name the gazetteer knows also as a place: one name.
    expect(split('the Peace and Justice Party won .', 'Peace and Justice Party')).toEqual(['Peace and Justice Party']);
    expect(split('the Law and Justice Party won .', 'Law and Justice Party')).toEqual(['Law and Justice Party']);
    expect(split('Southern and Georgia Power agreed .', 'Southern and Georgia Power')).toEqual(['Southern and Georgia Power']);
  });

  it('splits two banks in wire copy through the shipped gazetteer', () => {
    const names = tagEntities({ title: '', text: 'FRANKFURT 1996-08-22\nCommerzbank and Deutsche Bank said on Thursday they would cut their lending rates .' }).organisations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Commerzbank', 'Deutsche Bank']));
    expect(names).not.toContain('Commerzbank and Deutsche Bank');
  });
});

describe(firmsOfWordsJoinedByAnd.name, () => {
  const stats = statsOf({ cable: 'N', wireless: 'N', standard: 'R', poor: 'N', arts: 'R', culture: 'R', kmart: 'A', target: 'N', liberal: 'R', national: 'R' });

  it('makes two common words joined by "and" before a firm\'s cue one organisation, one of them read alone or neither', () => {
    const text = "Cable and Wireless said so . Shares in Cable and Wireless rose . Cable and Wireless's shares fell .";
    // The first "Cable" and the last "Wireless" read alone; the middle pair untagged.
    const tags = tagsFor(text, [[0, 1, 'LOC'], [15, 16, 'ORG']]);
    expect(spans(text, firmsOfWordsJoinedByAnd(nerTokenize(text), tags, stats))).toEqual(['ORG[Cable and Wireless]', 'ORG[Cable and Wireless]', 'ORG[Cable and Wireless]']);
  });

  it('makes the firm of a wire story one organisation', () => {
    const text = 'LONDON 1996-08-22\nCable and Wireless said on Thursday it would sell its stake. Shares in Cable and Wireless rose 5 pence.';
    expect(tagEntities({ title: '', text }).organisations.map((o) => o.name)).toEqual(['Cable and Wireless']);
  });

  it("takes in the \"'s\" of a name the short list knows with it", () => {
    const text = "Standard and Poor's also raised its rating .";
    const { toks, tags } = tagsNaming(text, { Standard: 'ORG' });
    expect(spans(text, firmsOfWordsJoinedByAnd(toks, tags, stats))).toEqual(["ORG[Standard and Poor 's]"]);
  });

  it('leaves names of their own, two read apart, a list, and no firm\'s cue alone', () => {
    const text = 'Kmart and Target said so . the Arts and Culture is key . the Liberal and National parties . Britain and Wireless said .';
    const { toks, tags } = tagsNaming(text, { Kmart: 'ORG', Arts: 'LOC', Liberal: 'ORG', National: 'ORG', Britain: 'LOC' });
    expect(firmsOfWordsJoinedByAnd(toks, tags, stats)).toEqual(tags);
  });
});
