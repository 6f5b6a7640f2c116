import { describe, expect, it } from 'vitest';
import { expectBioKept, isValidBio, labelledText, randomBioTags, tagsAt, tagsFor, tagsNaming } from '../../../helpers/bio-tags.js';
import { seededRandom } from '../../../../src/lib/random.js';
import { abbreviatedCountries, acronymsBeforeOffices, addressesArePlaces, bodiesReadAsPlaces, branchesInCountries, namesSplitAtInitials, divisionsOfPlaces, agenciesBeforeTheirKind, hyphenatedNewspapers, knownPlacesJoinedByOf, knownPlacesReadAsPersons, publicationsBeforeTheirKind, regionalAdjectivesAreMisc, airlinesBeforeTheirFlights, companiesByTheirPriceMoves, companiesByTheirStock, firmsByTheirFirstWord, groupsBeforeTheirFighters, groupsByTheirMembers, countriesBeforePossessives, countriesOffPersons, employersOfStaff, eponymsAreNoPersons, eventsAndLawsAreMisc, leadersGovernmentsAreNoNames, namesBeforePartyAreOrganisations, numberedCraftAreMisc, organisationsFirstWords, organisationsLastWords, personsAfterRoles, placesAfterStrikes, placesBeforePlaceNouns, pollstersBeforePolls, townsBeforeTheirCountries, seatsOfGovernmentActing, shipsAreMisc, venuesAfterTheirNames, venuesArePlaces, typeKindAppositives, typePortfolioMinistries, worksAreMisc } from '../../../../src/workers/enricher/kind-nouns.js';
import { statsOf } from '../../../helpers/word-stats.js';
import type { WordStats } from '../../../../src/workers/enricher/ner-features.js';
import { nerTokenize, splitNameParticiples } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';
import { bioSpans } from '../../../../src/workers/enricher/wire-conventions.js';

const STATS = statsOf({ carmaker: 'N', maker: 'N', general: 'R', motors: 'M', online: 'R', toyota: 'A' });

/** The names of `tags` over `text`'s tokens, as "TYPE[words]". */
function spans(text: string, tags: readonly string[]): string[] {
  const toks = nerTokenize(text);
  return bioSpans(tags).map((s) => `${s.type}[${toks.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
}

/** The names `pass` gives over `text`, tagged first with `names` (tagsNaming), as "TYPE[words]". */
const spansOfPass = (pass: (toks: ReturnType<typeof nerTokenize>, tags: string[]) => string[]) => (text: string, names: Record<string, string>): string[] => {
  const { toks, tags } = tagsNaming(text, names);
  return spans(text, pass(toks, tags));
};

const run = (text: string, named: Array<[number, number, string]>, stats: WordStats | null = STATS): string[] =>
  spans(text, typeKindAppositives(nerTokenize(text), tagsFor(text, named), stats ?? undefined));

describe(typeKindAppositives.name, () => {
  it('types a place or MISC right after a kind noun as an organisation', () => {
    // Italian bank [UniCredit] and Japanese automaker [Nissan]
    expect(run('Italian bank UniCredit and Japanese automaker Nissan', [[0, 1, 'MISC'], [2, 3, 'LOC'], [4, 5, 'MISC'], [6, 7, 'MISC']])).toEqual([
      'MISC[Italian]', 'ORG[UniCredit]', 'MISC[Japanese]', 'ORG[Nissan]',
    ]);
  });

  it('types a person right after a kind noun as an organisation when nothing makes it read as a person', () => {
    // the band [Gigi], the magazine [Der Spiegel], ratings agency [Fitch]
    expect(run('the band Gigi, the magazine Der Spiegel and ratings agency Fitch', [[2, 3, 'PER'], [6, 8, 'PER'], [11, 12, 'PER']])).toEqual([
      'ORG[Gigi]', 'ORG[Der Spiegel]', 'ORG[Fitch]',
    ]);
  });

  it('tags the untagged capitalized words after a kind noun as an organisation, with "&" or "of" inside', () => {
    expect(run('Mining group Glencore said so', [])).toEqual(['ORG[Glencore]']);
    expect(run('the rating agency Standard & Poor cut it', [])).toEqual(['ORG[Standard & Poor]']);
    expect(run('the newspaper Voice of Kenya said', [])).toEqual(['ORG[Voice of Kenya]']);
  });

  it('reads journals, carriers, charities, unions, clubs and other organisations introduced by their kind', () => {
    expect(run('published in the journal Nature on Monday', [])).toEqual(['ORG[Nature]']);
    expect(run('Spanish flag carrier Iberia and the trade union Unite', [[0, 1, 'MISC'], [3, 4, 'LOC']])).toEqual(['MISC[Spanish]', 'ORG[Iberia]', 'ORG[Unite]']);
    expect(run("the children's charity Variety said", [[4, 5, 'PER']])).toEqual(['ORG[Variety]']);
  });

  it('takes small words inside a name before its next capitalized word, and ends a name cut at eight words with a capitalized one', () => {
    expect(run('the charity Save the Children said', [])).toEqual(['ORG[Save the Children]']);
    expect(run('the group Friends of the Earth said', [[5, 6, 'MISC']])).toEqual(['ORG[Friends of the Earth]']);
    expect(run('the group Movement for the Emancipation of the Niger Delta', [])).toEqual(['ORG[Movement for the Emancipation of the Niger Delta]']);
    expect(run('the group Alliance for the Defence of the Rights of the Poor said', [])).toEqual(['ORG[Alliance for the Defence of the Rights]']);
  });

  it('stops a name at a small word before a weekday, an abbreviation or a lowercase word', () => {
    expect(run('the group Hamas on Monday said', [])).toEqual(['ORG[Hamas]']);
    expect(run('the retailer Best Buy for the No. 2 spot', [])).toEqual(['ORG[Best Buy]']);
    expect(run('the firm Acme for the first time', [])).toEqual(['ORG[Acme]']);
  });

  it('keeps a capitalized union or club opening a name at a sentence start, and a team is no kind noun', () => {
    expect(run('Union Pacific said so', [[0, 2, 'ORG']])).toEqual(['ORG[Union Pacific]']);
    expect(run('Club Med said so', [[0, 2, 'ORG']])).toEqual(['ORG[Club Med]']);
    expect(run('In Birmingham, a team from the Marines helped', [[1, 2, 'LOC'], [7, 8, 'ORG']])).toEqual(['LOC[Birmingham]', 'ORG[Marines]']);
  });

  it('reads the name after "called" as after the kind noun, and takes a name the untagged words run into whole', () => {
    expect(run('made by a company called Intamin.', [])).toEqual(['ORG[Intamin]']);
    expect(run('a band called Hello Central that', [[3, 5, 'MISC']])).toEqual(['ORG[Hello Central]']);
    // the newspaper [Folha de São Paulo], the bank [Singer & Friedlander]
    expect(run('the newspaper Folha de São Paulo said', [[4, 6, 'LOC']])).toEqual(['ORG[Folha de São Paulo]']);
    expect(run('the bank Singer & Friedlander grew', [[4, 5, 'PER']])).toEqual(['ORG[Singer & Friedlander]']);
  });

  it('reads a name set off by commas after its kind noun as after the kind itself, when a mark closes it', () => {
    // His current band, [Gigi], ...; by American rock band, [Eels].
    expect(run('His current band, Gigi, was formed in 1994.', [[4, 5, 'PER']])).toEqual(['ORG[Gigi]']);
    expect(run('a song by American rock band, Eels.', [[3, 4, 'MISC']])).toEqual(['MISC[American]', 'ORG[Eels]']);
    expect(run('Last week another agency, Fitch, downgraded the bank.', [[5, 6, 'PER']])).toEqual(['ORG[Fitch]']);
    // Not a name that runs on into its clause, the holder of a role "of" or "for" the organisation, nor an ordinary word.
    expect(run('According to the company, Smith said no.', [[5, 6, 'PER']])).toEqual(['PER[Smith]']);
    expect(run('The leader of the main opposition party, Jan Novak, was jailed.', [[8, 10, 'PER']])).toEqual(['PER[Jan Novak]']);
    expect(run('a spokesman for the agency, Adams, said', [[6, 7, 'PER']])).toEqual(['PER[Adams]']);
    expect(run('He left the group, General, in May', [], statsOf({ general: 'R' }))).toEqual([]);
  });

  it('reads a name in quotes after its kind noun or "called" as after the kind itself, when a quote closes it', () => {
    expect(run('He established a band called "Squirrell" which was popular', [[6, 7, 'MISC']])).toEqual(['ORG[Squirrell]']);
    expect(run('the Danish newspaper "Information" has', [[1, 2, 'MISC'], [4, 5, 'PER']])).toEqual(['MISC[Danish]', 'ORG[Information]']);
    expect(run('a group called "Inquilab" claimed it', [])).toEqual(['ORG[Inquilab]']);
    // No closing quote right after the name: a quotation, not a name.
    expect(run('the group "Free Tibet Now and others', [[3, 5, 'LOC']])).toEqual(['LOC[Free Tibet]']);
  });

  it('types the words a kind noun introduces as that organisation wherever else the text reads them as a person', () => {
    const text = 'His current band, Gigi, was formed in 1994. Since then, Gigi has released six albums with Baron, Gigi\'s guitarist.';
    expect(run(text, [[4, 5, 'PER'], [14, 15, 'PER'], [20, 21, 'PER'], [22, 23, 'PER']])).toEqual(['ORG[Gigi]', 'ORG[Gigi]', 'PER[Baron]', 'ORG[Gigi]']);
    expect(run('the magazine Veja said. Veja was sued.', [[2, 3, 'LOC'], [5, 6, 'PER']])).toEqual(['ORG[Veja]', 'ORG[Veja]']);
    // Not a person's full name whose surname the text reads alone as a person's ("Cleo magazine Sharri Markson ... Markson said").
    expect(run('Cleo magazine Jane Markson quit. Markson said so.', [[0, 1, 'ORG'], [2, 4, 'PER'], [6, 7, 'PER']])).toEqual(['ORG[Cleo]', 'PER[Jane Markson]', 'PER[Markson]']);
  });

  it('leaves a name after "named", a run whose tagged name would pass eight words, and a name not next to the run alone', () => {
    expect(run('Time magazine named Detroit Mayor Kwame Kilpatrick', [[0, 1, 'ORG'], [5, 7, 'PER']])).toEqual(['ORG[Time]', 'PER[Kwame Kilpatrick]']);
    expect(run('the group Students & Scholars Against Corporate Misbehavior said', [[5, 8, 'MISC']])).toEqual(['ORG[Students & Scholars Against Corporate Misbehavior]']);
    expect(run('the group Students & Scholars & Workers United Against Corporate Misbehavior said', [[8, 11, 'MISC']])).toEqual(['MISC[Against Corporate Misbehavior]']);
    expect(run('the newspaper Folha, in São Paulo, said', [[5, 7, 'LOC']])).toEqual(['ORG[Folha]', 'LOC[São Paulo]']);
    expect(run('a company called, of course, Acme', [])).toEqual([]);
  });

  it('leaves persons named as persons, nationalities, known places, weekdays and capitalized kind nouns alone', () => {
    // A person the text names in full, or whose name starts with a given name.
    expect(run('Elon Musk left the company Musk founded', [[0, 2, 'PER'], [5, 6, 'PER']])).toEqual(['PER[Elon Musk]', 'PER[Musk]']);
    expect(run('the party Dennis Kucinich leads', [[2, 4, 'PER']])).toEqual(['PER[Dennis Kucinich]']);
    expect(run('a group French officials named', [])).toEqual([]);
    expect(run('the firm Tuesday said', [])).toEqual([]);
    expect(run('the bank Paris chose', [[2, 3, 'LOC']])).toEqual(['LOC[Paris]']);
    expect(run('He joined Group Lotus', [[2, 4, 'ORG']])).toEqual(['ORG[Group Lotus]']);
  });

  it('ends a name with the company form written after it and a comma ("Google, Inc."), and starts what the tagger ran on from the form at its next capital', () => {
    expect(run('from Google, Inc. of Mountain View and CCNG, Inc. said', [[1, 2, 'ORG'], [3, 7, 'LOC'], [8, 9, 'MISC'], [10, 11, 'LOC']])).toEqual([
      'ORG[Google , Inc.]', 'LOC[Mountain View]', 'ORG[CCNG , Inc.]',
    ]);
    expect(run('Shin Kong Life Insurance Co., Ltd. held it', [[0, 5, 'ORG'], [6, 7, 'PER']])).toEqual(['ORG[Shin Kong Life Insurance Co. , Ltd.]']);
    // Look-alikes: a person or a known place before the comma, an untagged word, and "Co." of an Irish county.
    expect(run('John Smith, Ltd. and Texas, Inc. and Acme, Inc. and Tralee, Co. Kerry', [[0, 2, 'PER'], [5, 6, 'LOC'], [13, 14, 'LOC'], [15, 17, 'LOC']])).toEqual([
      'PER[John Smith]', 'LOC[Texas]', 'LOC[Tralee]', 'LOC[Co. Kerry]',
    ]);
  });

  it('types a name that ends with a company form as an organisation, and leaves a form alone or a place abbreviation as they are', () => {
    expect(run('Proastiakos S.A. belongs to OSE', [[0, 2, 'PER'], [4, 5, 'LOC']])).toEqual(['ORG[Proastiakos S.A.]', 'LOC[OSE]']);
    expect(run('Robert Bosch GmbH was founded', [[0, 3, 'PER']])).toEqual(['ORG[Robert Bosch GmbH]']);
    expect(run('He flew to Reno NV and met Inc', [[3, 5, 'LOC'], [7, 8, 'PER']])).toEqual(['LOC[Reno NV]', 'PER[Inc]']);
  });

  it("types a place or MISC name that ends as only organisations' names do as an organisation, and leaves persons and universities alone", () => {
    expect(run('Cedar Holdings fell as Iraqi Police came', [[0, 2, 'LOC'], [4, 6, 'MISC']])).toEqual(['ORG[Cedar Holdings]', 'ORG[Iraqi Police]']);
    expect(run('The State Duma voted and the German Bundesrat met', [[1, 3, 'LOC'], [6, 8, 'MISC']])).toEqual(['ORG[State Duma]', 'MISC[German Bundesrat]']);
    expect(run('Michael Steel of Waikato University and Gulf Times', [[0, 2, 'PER'], [3, 5, 'LOC'], [6, 8, 'LOC']])).toEqual(['PER[Michael Steel]', 'LOC[Waikato University]', 'ORG[Gulf Times]']);
    expect(run('Danielle Steel met Police', [[0, 2, 'PER'], [3, 4, 'MISC']])).toEqual(['PER[Danielle Steel]', 'MISC[Police]']);
  });

  it("types a person's or a place's name that ends as only a business's does as an organisation, and leaves surnames, one word and other types alone", () => {
    expect(run('Carr Futures hired Malcolm Smith Motorsports and the Jonas Brothers', [[0, 2, 'PER'], [3, 6, 'PER'], [8, 10, 'PER']])).toEqual([
      'ORG[Carr Futures]', 'ORG[Malcolm Smith Motorsports]', 'ORG[Jonas Brothers]',
    ]);
    expect(run('Altamira Biologics and Vertex Therapeutics met Kestrel Brewing', [[0, 2, 'PER'], [3, 5, 'PER'], [6, 8, 'PER']])).toEqual([
      'ORG[Altamira Biologics]', 'ORG[Vertex Therapeutics]', 'ORG[Kestrel Brewing]',
    ]);
    // So is a place's ("Mirage Resorts", "US Bancorp", "Port City Brewing" read as places).
    expect(run('Wynn sold Mirage Resorts to US Bancorp and Port City Brewing', [[2, 4, 'LOC'], [5, 7, 'LOC'], [8, 11, 'LOC']])).toEqual([
      'ORG[Mirage Resorts]', 'ORG[US Bancorp]', 'ORG[Port City Brewing]',
    ]);
    // Surnames that are also business words, a lone word, and a place stay as tagged.
    expect(run('Bill Press met Danielle Steel and Futures in Studios City', [[0, 2, 'PER'], [3, 5, 'PER'], [6, 7, 'PER'], [8, 10, 'LOC']])).toEqual([
      'PER[Bill Press]', 'PER[Danielle Steel]', 'PER[Futures]', 'LOC[Studios City]',
    ]);
  });

  it("types the name before a company's shareholders or its shares' move as an organisation, and not a place, a nationality or the verb", () => {
    expect(run('Maxtor shareholders and Ford shares gained', [[0, 1, 'PER'], [3, 4, 'PER']])).toEqual(['ORG[Maxtor]', 'ORG[Ford]']);
    expect(run('India shares a border as Tokyo shares fell and British shareholders sold', [[0, 1, 'LOC'], [5, 6, 'LOC'], [9, 10, 'MISC']])).toEqual(['LOC[India]', 'LOC[Tokyo]', 'MISC[British]']);
  });

  it('types a person\'s name right before "company" as an organisation, and leaves a place there alone', () => {
    expect(run('The ISAP, ILPAP and ETHEL companies belong to a US company and the Smith family', [[1, 2, 'ORG'], [3, 4, 'ORG'], [5, 6, 'PER'], [10, 11, 'LOC'], [14, 15, 'PER']])).toEqual([
      'ORG[ISAP]', 'ORG[ILPAP]', 'ORG[ETHEL]', 'LOC[US]', 'PER[Smith]',
    ]);
  });

  it('takes the kind off a name that opens a sentence, and only there', () => {
    expect(run('Carmaker Toyota said so.', [[0, 2, 'ORG']])).toEqual(['ORG[Toyota]']);
    expect(run('Sportswear maker Puma said so.', [[0, 3, 'ORG']])).toEqual(['ORG[Puma]']);
    expect(run('He said. Carmaker Toyota agreed.', [[3, 5, 'ORG']])).toEqual(['ORG[Toyota]']);
    // Kind nouns that also open names, and a name whose first word is no kind.
    expect(run('Bank Leumi said so.', [[0, 2, 'ORG']])).toEqual(['ORG[Bank Leumi]']);
    expect(run('General Motors said so.', [[0, 2, 'ORG']])).toEqual(['ORG[General Motors]']);
    // Without word statistics the names stay whole.
    expect(run('Sportswear maker Puma said so.', [[0, 3, 'ORG']], null)).toEqual(['ORG[Sportswear maker Puma]']);
  });

  it('types the name before a trailing appositive of its kind as an organisation', () => {
    expect(run('The case began after Veja, a magazine, made it known.', [[4, 5, 'LOC']])).toEqual(['ORG[Veja]']);
    expect(run('He said Audible Magic, a company in Los Gatos, built it.', [[8, 10, 'LOC']])).toEqual(['ORG[Audible Magic]', 'LOC[Los Gatos]']);
    expect(run('Police arrested members of IBAMA, a Brazilian agency for the environment.', [[4, 5, 'MISC'], [7, 8, 'MISC']])).toEqual(['ORG[IBAMA]', 'MISC[Brazilian]']);
    // At a sentence's start a word news text writes in lowercase is no part of the name.
    expect(run('Neither Merial, the pharmaceutical company, said so.', [], statsOf({ neither: 'R', merial: 'A' }))).toEqual(['ORG[Merial]']);
  });

  it('leaves the name before an appositive alone when it is a known place, a person, a weekday, an ordinary word, or the kind opens a name or a phrase', () => {
    expect(run('Elections were held in Kyrgyzstan, an opposition-run newspaper ran it.', [[4, 5, 'LOC']])).toEqual(['LOC[Kyrgyzstan]']);
    expect(run('Said Morgan, the company spokesman, smiled.', [[1, 2, 'PER']])).toEqual(['PER[Morgan]']);
    expect(run('On Wednesday, the group released it.', [])).toEqual([]);
    expect(run('Meanwhile, the group challenged it.', [], statsOf({ meanwhile: 'R' }))).toEqual([]);
    expect(run('On Saturday, the Iranian newspaper Shargh said so.', [[4, 5, 'MISC'], [6, 7, 'ORG']])).toEqual(['MISC[Iranian]', 'ORG[Shargh]']);
    expect(run('It cited Canadian Geographic, a selection of magazines.', [[2, 3, 'MISC']])).toEqual(['MISC[Canadian]']);
  });

  it('reads the name right after an app, a platform or a think-tank as an organisation, but not a word news writes in lowercase nor a name before such a kind', () => {
    const stats = statsOf({ simple: 'R', gojek: 'A' });
    // the super app [Gojek], video platform [Rumble], the think-tank [International Crisis Group]; the fitness app [Strava] read as a person
    expect(run('He co-founded the super app Gojek.', [], stats)).toEqual(['ORG[Gojek]']);
    expect(run('orders the suspension of video platform Rumble for', [], stats)).toEqual(['ORG[Rumble]']);
    expect(run('tracks Somalia for the think-tank International Crisis Group said', [[1, 2, 'LOC']], stats)).toEqual(['LOC[Somalia]', 'ORG[International Crisis Group]']);
    expect(run('The fitness app Strava said so.', [[3, 4, 'PER']], stats)).toEqual(['ORG[Strava]']);
    // A word news writes in lowercase after the kind is no name ("the mobile app Simple dashboard"); nor is a name set off or
    // before such a kind an app's or platform's (products: "Slideshow, a universal app,").
    expect(run('the mobile app Simple dashboard', [], stats)).toEqual([]);
    expect(run('a web app, Digikam, and more', [[4, 5, 'LOC']], stats)).toEqual(['LOC[Digikam]']);
    expect(run('try Slideshow, a universal app that works', [[1, 2, 'LOC']], stats)).toEqual(['LOC[Slideshow]']);
  });

  it('reads the name before an alliance set off after it as an organisation', () => {
    // with the help of [Gavi], the vaccine alliance, and UNICEF
    expect(run('with the help of Gavi, the vaccine alliance, and UNICEF.', [[4, 5, 'LOC'], [11, 12, 'ORG']], statsOf({ gavi: 'A' }))).toEqual(['ORG[Gavi]', 'ORG[UNICEF]']);
  });

  it('gives valid BIO of the same length whatever the tags it is given', () => {
    const text = 'Carmaker Toyota and Sportswear maker Puma met the bank UniCredit, mining group Glencore, Proastiakos S.A. and the agency Standard & Poor of Moscow. Neither Veja, a magazine, nor IBAMA, an agency, came.';
    const tokens = nerTokenize(text);
    expectBioKept(tokens.length, 11, (tags) => typeKindAppositives(tokens, tags, STATS));
  });

  it('makes the name a kind noun introduces an organisation wherever else the text reads it as a place', () => {
    // Brazilian magazine [Veja] said so. According to [Veja], he resigned. He flew to Brasília.
    expect(run('Brazilian magazine Veja said so. According to Veja, he resigned. He flew to Brasília.', [[0, 1, 'MISC'], [2, 3, 'LOC'], [8, 9, 'LOC'], [16, 17, 'LOC']])).toEqual([
      'MISC[Brazilian]', 'ORG[Veja]', 'ORG[Veja]', 'LOC[Brasília]',
    ]);
    // A place the gazetteer knows stays one where the text reads it so.
    expect(run('the band Georgia played. They toured Georgia.', [[7, 8, 'LOC']])).toEqual(['ORG[Georgia]', 'LOC[Georgia]']);
  });

  it('types the subject a copula defines by its kind as an organisation, and its name elsewhere in the text', () => {
    // [Crazyhead] are an English punk rock / garage rock band from Leicester. In 1988 [Crazyhead] toured Europe.
    expect(run('Crazyhead are an English punk rock / garage rock band from Leicester. In 1988 Crazyhead toured Europe.', [[3, 4, 'MISC'], [11, 12, 'LOC'], [15, 16, 'PER'], [17, 18, 'LOC']])).toEqual([
      'ORG[Crazyhead]', 'MISC[English]', 'LOC[Leicester]', 'ORG[Crazyhead]', 'LOC[Europe]',
    ]);
    // A bracket may stand between the name and its verb; "manufacturer" ends the definition before "based in".
    expect(run('Aero Gare ( 1982 ) was a kitplane manufacturer based in Ohio.', [[0, 2, 'PER'], [11, 12, 'LOC']])).toEqual(['ORG[Aero Gare]', 'LOC[Ohio]']);
    // A firm read as a place, and the same name read as a person elsewhere.
    expect(run('Alamo is the biggest car rental company. Compared to Hertz, Alamo scores well.', [[0, 1, 'LOC'], [10, 11, 'ORG'], [12, 13, 'PER']])).toEqual(['ORG[Alamo]', 'ORG[Hertz]', 'ORG[Alamo]']);
  });

  it('types the subject a copula defines as a work as MISC', () => {
    expect(run('Confete is the second album by Ruby Tuesday.', [[0, 1, 'PER'], [6, 8, 'ORG']])).toEqual(['MISC[Confete]', 'ORG[Ruby Tuesday]']);
  });

  it('leaves a subject alone when the kind noun is no head, says what a person is, or the name is no sentence subject', () => {
    expect(run('Smith was a band member in 1990.', [[0, 1, 'PER']])).toEqual(['PER[Smith]']);
    expect(run('Fred Goodwin was the dominant decision maker at RBS.', [[0, 2, 'PER'], [8, 9, 'ORG']])).toEqual(['PER[Fred Goodwin]', 'ORG[RBS]']);
    expect(run('Tonga is a group of islands.', [[0, 1, 'LOC']])).toEqual(['LOC[Tonga]']);
    expect(run('He said Acme is a company.', [])).toEqual([]);
    expect(run('It is a company based in Ohio.', [[6, 7, 'LOC']])).toEqual(['LOC[Ohio]']);
  });

  it('takes the subject from its own line, not the heading above it', () => {
    const text = 'Top agencies\n\n6. Ninja Promo\n\nNinja Promo is a digital marketing agency.';
    expect(run(text, [])).toEqual(['ORG[Ninja Promo]']);
  });

  it('gives valid BIO of the same length whatever the tags around a definition', () => {
    const text = 'Crazyhead ( 1986 ) are an English punk band from Leicester. Confete is the second album by Ruby Tuesday. Alamo is a company. The magazine Veja said so, according to Veja.';
    const tokens = nerTokenize(text);
    expectBioKept(tokens.length, 19, (tags) => typeKindAppositives(tokens, tags, STATS));
  });

  it('gives the stored record the company named by its kind', () => {
    const entities = tagEntities({ title: 'Output cut', text: 'Carmaker Toyota said it would cut output. Analysts at brokerage Jefferies said Toyota would recover.' });
    const orgs = entities.organisations.map((e) => e.name);
    expect(orgs).toContain('Toyota');
    expect(orgs).toContain('Jefferies');
    expect(orgs).not.toContain('Carmaker Toyota');
    expect(entities.places.map((e) => e.name)).not.toContain('Jefferies');
  });
});

describe(companiesByTheirStock.name, () => {
  it('makes every lone mention of a one-word name the text writes before a company form or its stock that company', () => {
    const text = 'Calpine said so. Calpine shareholders voted, as Satyam Ltd and Satyam fell and Enron shares rose at Enron.';
    const { toks, tags } = tagsNaming(text, { Calpine: 'PER', Satyam: 'LOC', 'Satyam Ltd': 'ORG', Enron: 'LOC' });
    const out = companiesByTheirStock(toks, tags);
    expect([...tagsAt(toks, out, 'Calpine'), ...tagsAt(toks, out, 'Satyam'), ...tagsAt(toks, out, 'Enron')]).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'B-ORG', 'B-ORG', 'B-ORG']);
  });

  it("leaves a person's surname, a word inside a longer company name, a place and a name inside a longer span alone", () => {
    const text =
      'Robert Gerard joined. Gerard Corporation grew and Mr Gerard left. Forever Elmwood Corp. met on Elmwood. Tokyo shares fell in Tokyo. Kraft Foods Inc met Kraft Heinz.';
    const { toks, tags } = tagsNaming(text, { 'Robert Gerard': 'PER', Gerard: 'PER', Elmwood: 'LOC', Tokyo: 'LOC', 'Kraft Heinz': 'MISC' });
    tags[1] = 'I-PER';
    expect(companiesByTheirStock(toks, tags)).toEqual(tags);
  });
});

describe(firmsByTheirFirstWord.name, () => {
  const gazetteer = { names: new Map([['Dyer', 'LOC']]), maxLength: new Map(), stats: statsOf({ national: 'H', lehman: 'A' }) };

  it('makes a lone word a firm where the text names the firm by that word and a business word', () => {
    const text = 'Lehman Brothers lost money. Lehman said so, and analysts at Fidelity said Fidelity Investments cut its stake.';
    const toks = nerTokenize(text);
    const tags = tagsFor(text, [[0, 2, 'ORG'], [5, 6, 'PER'], [14, 16, 'ORG']]);
    expect(spans(text, firmsByTheirFirstWord(toks, tags, gazetteer))).toEqual(['ORG[Lehman Brothers]', 'ORG[Lehman]', 'ORG[Fidelity]', 'ORG[Fidelity Investments]']);
  });

  it('leaves a person named so, a place, a word news writes in lower case and a word inside a longer name alone', () => {
    const text =
      'Walt Disney met staff of Walt Group. Walt left. Dyer Bank grew in Dyer. National Bank rose and National fell. Zeta Bank said Zeta Corp grew.';
    const toks = nerTokenize(text);
    const at = (w: string, from = 0) => toks.findIndex((t, i) => i >= from && t.text === w);
    const tags = tagsFor(text, [
      [0, 2, 'PER'], [at('Walt', 2), at('Walt', 2) + 2, 'ORG'], [at('left') - 1, at('left'), 'PER'], [at('Dyer'), at('Dyer') + 2, 'ORG'], [at('National'), at('National') + 2, 'ORG'], [at('Zeta'), at('Zeta') + 2, 'ORG'],
    ]);
    expect(firmsByTheirFirstWord(toks, tags, gazetteer)).toEqual(tags);
  });
});

describe(groupsByTheirMembers.name, () => {
  it('makes a name read as a person, MISC or unknown place a group where the text names its members with it, wherever it stands', () => {
    const text = 'Nirvana frontman Kurt Cobain left Nirvana. Police held members of Batasuna, and Batasuna said so. He was the drummer for Metallica.';
    const { toks, tags } = tagsNaming(text, { Nirvana: 'PER', 'Kurt Cobain': 'PER', Batasuna: 'LOC', Metallica: 'MISC' });
    expect(spans(text, groupsByTheirMembers(toks, tags))).toEqual(['ORG[Nirvana]', 'PER[Kurt Cobain]', 'ORG[Nirvana]', 'ORG[Batasuna]', 'ORG[Batasuna]', 'ORG[Metallica]']);
  });

  it("leaves a known place, a possessive, a name that goes on, a seat and a member's full name alone", () => {
    const text =
      'members of Brazil met. members of Morales\' party met. founder of Mindy Weiss Events spoke. member of Calare left the Calare electorate. Jimmy Page guitarist John Paul Jones played.';
    const { toks, tags } = tagsNaming(text, { Brazil: 'LOC', Morales: 'PER', Mindy: 'PER', Calare: 'LOC', 'Jimmy Page': 'PER', 'John Paul Jones': 'PER' });
    expect(groupsByTheirMembers(toks, tags)).toEqual(tags);
  });
});

describe(groupsBeforeTheirFighters.name, () => {
  it("makes the name before a group's fighters the group where the tagger read a place, a person's full name or left capitals", () => {
    const text = 'Hizbollah guerrillas fired. Boko Haram militants struck. ELN rebels met. PKK fighters left.';
    const { toks, tags } = tagsNaming(text, { Hizbollah: 'LOC', 'Boko Haram': 'PER', PKK: 'ORG' });
    expect(spans(text, groupsBeforeTheirFighters(toks, tags, undefined))).toEqual(['ORG[Hizbollah]', 'ORG[Boko Haram]', 'ORG[ELN]', 'ORG[PKK]']);
  });

  it('makes the name before "gang" or "cartel" the gang, not a one-word person ("the Kray gang")', () => {
    const text = 'It was seized by the Viv Ansanm gang. Attacks by the Gulf Clan cartel went on. The Kray gang fled.';
    const { toks, tags } = tagsNaming(text, { 'Viv Ansanm': 'PER', 'Gulf Clan': 'LOC', Kray: 'PER' });
    expect(spans(text, groupsBeforeTheirFighters(toks, tags, undefined))).toEqual(['ORG[Viv Ansanm]', 'ORG[Gulf Clan]', 'PER[Kray]']);
  });

  it('leaves a known place, a nationality, a MISC name, a one-word person, ordinary-case words and "-ist" words alone', () => {
    const text = 'Kosovo rebels met. Chechen rebels met. Zapatista rebels met. Karen rebels met. Kashmiri militants met. Maoist rebels met. The rebels met.';
    const { toks, tags } = tagsNaming(text, { Kosovo: 'LOC', Chechen: 'MISC', Zapatista: 'MISC', Karen: 'PER' });
    expect(groupsBeforeTheirFighters(toks, tags, undefined)).toEqual(tags);
  });
});

describe(`${groupsBeforeTheirFighters.name}: the group's first words`, () => {
  it("takes the untagged capitalized words before an organisation read without them into it, not a nationality or a word news writes in lowercase", () => {
    const text = 'Tupac Amaru rebels freed them. Colombian FARC rebels met. Armed ETA militants fled. Marxist ELN rebels and Thirty-eight Taliban fighters.';
    const { toks, tags } = tagsNaming(text, { Amaru: 'ORG', FARC: 'ORG', ETA: 'ORG', ELN: 'ORG', Taliban: 'ORG' });
    expect(spans(text, groupsBeforeTheirFighters(toks, tags, statsOf({ armed: 'N' })))).toEqual(['ORG[Tupac Amaru]', 'ORG[FARC]', 'ORG[ETA]', 'ORG[ELN]', 'ORG[Taliban]']);
  });
});

describe("the wire's company, group, airline and venue passes", () => {
  it('keep any tags well formed (BIO) and their length, whatever the tagger read', () => {
    const text =
      'Heineken NV said . Heineken shares rose and Ford Motor Co rose 1-1/8 ; Cheung Kong gained HK$1.25 . Tupac Amaru rebels and ELN guerrillas met Pan Am flight 103 at Chiang Kai-shek International Airport .';
    const toks = nerTokenize(text);
    expectBioKept(
      toks.length,
      7,
      (tags) => companiesByTheirStock(toks, tags, STATS),
      (tags) => companiesByTheirPriceMoves(toks, tags, STATS),
      (tags) => groupsBeforeTheirFighters(toks, tags, STATS),
      (tags) => airlinesBeforeTheirFlights(toks, tags),
      (tags) => venuesAfterTheirNames(text, toks, tags),
    );
  });
});

describe(airlinesBeforeTheirFlights.name, () => {
  it('makes the capitalized words before "flight" and its number the airline, untagged or with names of other types among them', () => {
    const text = 'the bombing of Pan Am flight 103 and of Air France Flight 447 and of Air India Flight AI171 .';
    const { toks, tags } = tagsNaming(text, { France: 'LOC', 'Air India': 'LOC' });
    expect(spans(text, airlinesBeforeTheirFlights(toks, tags))).toEqual(['ORG[Pan Am]', 'ORG[Air France]', 'ORG[Air India]']);
  });

  it('leaves a place, a nationality, an organisation read whole and a flight without its number alone', () => {
    const text = 'a Paris flight 12 , the Libyan flight 9 , Lufthansa flight 181 and the Delta flight home .';
    const { toks, tags } = tagsNaming(text, { Paris: 'LOC', Libyan: 'MISC', Lufthansa: 'ORG', Delta: 'ORG' });
    expect(airlinesBeforeTheirFlights(toks, tags)).toEqual(tags);
  });
});

describe(companiesByTheirPriceMoves.name, () => {
  it("makes a name or untagged capitalized words before a share price's move a company", () => {
    const text = 'Cheung Kong rose HK$1.25 and Hutchison Whampoa gained 25 cents . Daimler-Benz rose 1.50 marks ; Intel fell 1-1/8 .';
    const { toks, tags } = tagsNaming(text, { 'Hutchison Whampoa': 'PER', Intel: 'LOC' });
    expect(spans(text, companiesByTheirPriceMoves(toks, tags, undefined))).toEqual(['ORG[Cheung Kong]', 'ORG[Hutchison Whampoa]', 'ORG[Daimler-Benz]', 'ORG[Intel]']);
  });

  it("makes a name or untagged capitalized words a company where its share price stands or closed so", () => {
    const text = 'Hoechst was unchanged at 330.50 marks . Daimler ended unchanged at 81.30 marks . Philips was down 1.20 guilders . Ericsson closed up 4 crowns . Volkswagen closed 2.50 marks higher .';
    const { toks, tags } = tagsNaming(text, { Philips: 'PER', Volkswagen: 'LOC' });
    expect(spans(text, companiesByTheirPriceMoves(toks, tags, undefined))).toEqual(['ORG[Hoechst]', 'ORG[Daimler]', 'ORG[Philips]', 'ORG[Ericsson]', 'ORG[Volkswagen]']);
  });

  it("ends a name the tagger ran on over the move's verb before it, and reads a price in pence written with its \"p\"", () => {
    const text = 'Tate & Lyle rose 4p to 450p . Zeneca added 5p at 1,640p .';
    const { toks, tags } = tagsNaming(text, { 'Tate & Lyle rose': 'ORG' });
    expect(spans(text, companiesByTheirPriceMoves(toks, tags, undefined))).toEqual(['ORG[Tate & Lyle]', 'ORG[Zeneca]']);
  });

  it("leaves a bare close, a move in percent or points, a standing that is no price's and a currency or commodity alone", () => {
    const text = 'Brent closed at $88.69 . Unilever was up 2 percent . Smith was down 5 points . Sterling was unchanged at 2.40 marks . Brent rose 20 cents .';
    const { toks, tags } = tagsNaming(text, { Brent: 'PER', Smith: 'PER' });
    expect(companiesByTheirPriceMoves(toks, tags, undefined)).toEqual(tags);
  });

  it("makes a name read as a person a company when it moves on a market's reason", () => {
    const text = 'Hanson fell on worries about its demerger . Lonrho rose on renewed bid speculation .';
    const { toks, tags } = tagsNaming(text, { Hanson: 'PER', Lonrho: 'PER' });
    expect(spans(text, companiesByTheirPriceMoves(toks, tags, undefined))).toEqual(['ORG[Hanson]', 'ORG[Lonrho]']);
  });

  it('makes a wire story\'s firm that falls on worries an organisation', () => {
    const text = 'LONDON 1996-08-22\nHanson fell on worries about its demerger, dealers said.';
    expect(tagEntities({ title: '', text }).organisations.map((o) => o.name)).toEqual(['Hanson']);
  });

  it("leaves a person who falls on something else, a given name's person and a place on a market's reason alone", () => {
    const text = 'Smith fell on the ice . Jones fell on hard times . John Major rose on hopes of a deal . Tokyo fell on fears .';
    const { toks, tags } = tagsNaming(text, { Smith: 'PER', Jones: 'PER', 'John Major': 'PER', Tokyo: 'LOC' });
    expect(companiesByTheirPriceMoves(toks, tags, undefined)).toEqual(tags);
  });

  it('leaves a known place, a word news writes in lowercase, a move without a price and other rises alone', () => {
    const text = 'Tokyo fell 20 yen . Shares rose 5 cents . Smith rose 12 places . Li Ka-shing rose to fame . Brazil gained 3 points .';
    const { toks, tags } = tagsNaming(text, { Tokyo: 'LOC', Smith: 'PER', 'Li Ka-shing': 'PER', Brazil: 'LOC' });
    expect(companiesByTheirPriceMoves(toks, tags, statsOf({ shares: 'N' }))).toEqual(tags);
  });
});

describe(venuesAfterTheirNames.name, () => {
  it('makes a venue and the person or place right before it, read apart, one place', () => {
    const text = 'Flights from Chiang Kai-shek International Airport and John F. Kennedy International Airport and Baghdad International Airport.';
    const { toks, tags } = tagsNaming(text, { Chiang: 'PER', 'John F. Kennedy': 'PER', Baghdad: 'LOC', 'International Airport': 'LOC' });
    expect(spans(text, venuesAfterTheirNames(text, toks, tags))).toEqual(['LOC[Chiang Kai-shek International Airport]', 'LOC[John F. Kennedy International Airport]', 'LOC[Baghdad International Airport]']);
  });

  it("leaves a venue after a line's end, one that starts with an initial, one after an organisation and a person's own name alone", () => {
    const text = 'Kuwait\nKuwait International Airport. Michael N. Castle voted. Emirates Dubai Tower rose. Hariri spoke.';
    const { toks, tags } = tagsNaming(text, { Kuwait: 'LOC', 'Kuwait International Airport': 'LOC', Michael: 'PER', 'N. Castle': 'LOC', Emirates: 'ORG', 'Dubai Tower': 'LOC', Hariri: 'PER' });
    expect(venuesAfterTheirNames(text, toks, tags)).toEqual(tags);
  });
});

describe(`${companiesByTheirStock.name}: untagged mentions`, () => {
  it("makes a lone untagged mention of the company an organisation, and takes a form that is also a place's abbreviation only where the tagger read it with the name", () => {
    const text = 'Heineken net profit up. Dutch brewer Heineken NV said so. Heineken shares rose, and the Heineken Cup went on. Some shares fell. Some said so. Fiat SA said. Fiat fell.';
    const { toks, tags } = tagsNaming(text, { 'Heineken NV': 'ORG' });
    const out = companiesByTheirStock(toks, tags, statsOf({ some: 'N' }));
    // The headline's, the form's and the stock's mentions; not the one inside "the Heineken Cup".
    expect(tagsAt(toks, out, 'Heineken')).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'O']);
    // A word news writes in lowercase is no company for its shares; "SA" alone, untagged, makes none.
    expect([...tagsAt(toks, out, 'Some'), ...tagsAt(toks, out, 'Fiat')]).toEqual(['O', 'O', 'O', 'O']);
    // The first word of a company's name read whole with its form names the company alone.
    const ford = 'Ford to build plant . Ford Motor Co said so . Kerry Tralee Co met .';
    const f = tagsNaming(ford, { Ford: 'PER', 'Ford Motor Co': 'ORG', Kerry: 'PER', 'Tralee Co': 'ORG' });
    expect([...tagsAt(f.toks, companiesByTheirStock(f.toks, f.tags), 'Ford'), ...tagsAt(f.toks, companiesByTheirStock(f.toks, f.tags), 'Kerry')]).toEqual(['B-ORG', 'B-ORG', 'B-PER']);
    // Without the word statistics, the untagged mentions are taken the same way.
    expect(tagsAt(toks, companiesByTheirStock(toks, tags), 'Heineken')).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'O']);
  });
});

describe(typePortfolioMinistries.name, () => {
  it('makes an untagged ministry named by its portfolio an organisation, and leaves a tagged one and other words alone', () => {
    const text = 'Foreign Ministry spokesman Qin Gang spoke. The Chinese Foreign Ministry said so. The Foreign Minister and the Ministry of Sound met.';
    const { toks, tags } = tagsNaming(text, { 'Chinese Foreign Ministry': 'ORG' });
    const out = typePortfolioMinistries(toks, tags);
    expect(out.slice(0, 3)).toEqual(['B-ORG', 'I-ORG', 'O']);
    expect(out.slice(3)).toEqual(tags.slice(3));
  });

  it("reads a spokesman's ministry as an organisation through the whole tagger, which alone left it untagged", () => {
    const { toks, tags } = labelledText('"This is not reasonable," Foreign Ministry spokesman Qin Gang told reporters in Beijing.');
    expect([...tagsAt(toks, tags, 'Foreign'), ...tagsAt(toks, tags, 'Ministry')]).toEqual(['B-ORG', 'I-ORG']);
  });
});

describe(personsAfterRoles.name, () => {
  const runRoles = (text: string, named: Array<[number, number, string]>): string[] => spans(text, personsAfterRoles(nerTokenize(text), tagsFor(text, named)));

  it('makes a place, organisation or MISC name of two to four words right after a role noun a person', () => {
    expect(runRoles('democracy leader Aung San Suu Kyi said', [[2, 6, 'MISC']])).toEqual(['PER[Aung San Suu Kyi]']);
    expect(runRoles('the prosecutor Anna Beccaria said', [[2, 4, 'ORG']])).toEqual(['PER[Anna Beccaria]']);
    // IDF spokeswoman [Miri Eisen], FNL spokesman [Pasteur Habimana], VOA correspondent [Nancy-Amelia Collins]
    expect(runRoles('IDF spokeswoman Miri Eisen said', [[0, 1, 'ORG'], [2, 4, 'ORG']])).toEqual(['ORG[IDF]', 'PER[Miri Eisen]']);
    expect(runRoles('FNL spokesman Pasteur Habimana admitted', [[0, 1, 'ORG'], [2, 4, 'LOC']])).toEqual(['ORG[FNL]', 'PER[Pasteur Habimana]']);
    expect(runRoles('VOA correspondent Nancy-Amelia Collins reports', [[0, 1, 'ORG'], [2, 4, 'MISC']])).toEqual(['ORG[VOA]', 'PER[Nancy-Amelia Collins]']);
  });

  it('makes untagged name-shaped words after a role noun a person, and a first name left out before the person it read part of that person', () => {
    const stats = statsOf({ ally: 'R', specs: 'N' });
    const runStats = (text: string, named: Array<[number, number, string]>): string[] => spans(text, personsAfterRoles(nerTokenize(text), tagsFor(text, named), stats, text));
    // striker [Ally McCoist] scored, leader [Xi Jinping] visits, writer Gay [Talese] → [Gay Talese]
    expect(runStats('Rangers striker Ally McCoist scored', [])).toEqual(['PER[Ally McCoist]']);
    expect(runStats('Chinese leader Xi Jinping visits', [[0, 1, 'MISC']])).toEqual(['MISC[Chinese]', 'PER[Xi Jinping]']);
    expect(runStats('The writer Gay Talese insisted', [[3, 4, 'PER']])).toEqual(['PER[Gay Talese]']);
    // Not a rank, a run before a capitalized word or a word news writes in lower case, or over a line's end.
    for (const [text, named] of [
      ['US spokesman Major-General Kevin Bergner said', [[0, 1, 'LOC'], [3, 5, 'PER']]],
      ['the editor Ally McCoist Holdings said', []],
      ['the editor Key Specs show', []],
      ['the editor Ally\nMcCoist said', [[3, 4, 'PER']]],
    ] as Array<[string, Array<[number, number, string]>]>) expect(runStats(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });

  it('leaves organisations, places, one-word names, long names, capitalized roles and other nouns alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the official Xinhua News Agency said', [[2, 5, 'ORG']]], // head of an organisation's name
      ['a commander Fort Bragg sent', [[2, 4, 'LOC']]], // first word of a place's name
      ['a commander Fujian Province sent', [[2, 4, 'LOC']]], // head of a place's name
      ['the chief Nobel Prize winner', [[2, 4, 'MISC']]], // head of an event's or award's name
      ['the founder Buenos Aires hosted', [[2, 4, 'LOC']]], // a known place
      ['the spokesman Reuters quoted', [[2, 3, 'ORG']]], // one word
      ['the editor Vanity Fair Hollywood Issue Cover said', [[2, 7, 'MISC']]], // five words
      ['FARC Spokesman Raul Reyes said', [[0, 1, 'ORG'], [2, 4, 'LOC']]], // the role capitalized: the tagger's call
      ['the deputy Miri Eisen said', [[2, 4, 'ORG']]], // no role noun of the list
      ['the coach Manchester United hired', [[2, 4, 'ORG']]], // a word a known place
      ['the spokesman Chinese Foreign said', [[2, 4, 'MISC']]], // a nationality
      ['the chief US envoy', [[2, 3, 'LOC']]], // not name-shaped
    ];
    for (const [text, named] of cases) expect(runRoles(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });

  it('keeps the tags valid BIO whatever they were', () => {
    const rand = seededRandom(7);
    const text = 'IDF spokeswoman Miri Eisen Cohen said , and the commander Simon Trinidad of FARC spokesman Qin Gang left';
    const toks = nerTokenize(text);
    for (let k = 0; k < 300; k++) expect(isValidBio(personsAfterRoles(toks, randomBioTags(toks.length, rand)))).toBe(true);
  });

  it("reads a spokesman's name as a person through the whole tagger, which alone read it as MISC", () => {
    const { toks, tags } = labelledText('"This is not reasonable," Foreign Ministry spokesman Qin Gang told reporters in Beijing.');
    expect([...tagsAt(toks, tags, 'Qin'), ...tagsAt(toks, tags, 'Gang')]).toEqual(['B-PER', 'I-PER']);
  });
});

describe(agenciesBeforeTheirKind.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, agenciesBeforeTheirKind(toks, tags));
  };

  it('makes the capitalized words before "news agency" the agency, untagged or one name of another type', () => {
    expect(run('the official Antara news agency said, and the Yonhap news agency agreed.', {})).toEqual(['ORG[Antara]', 'ORG[Yonhap]']);
    expect(run('Interfax news agency quoted him.', { Interfax: 'LOC' })).toEqual(['ORG[Interfax]']);
  });

  it('leaves a place, a nationality, a sentence\'s "The", part of a longer name, a news service and other nouns alone', () => {
    for (const [text, names] of [
      ['a Russian news agency said', {}],
      ['the Tokyo news agency said', {}],
      ['The news agency said', {}],
      ['the Jakarta Post news service', { 'Jakarta Post': 'ORG' }],
      ['Antara news reports', {}],
      ["the newspaper's Internet news service", {}],
    ] as const) {
      const { toks, tags } = tagsNaming(text, names);
      expect(agenciesBeforeTheirKind(toks, tags)).toEqual(tags);
    }
  });
});

describe(abbreviatedCountries.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, abbreviatedCountries(text, toks, tags));
  };

  it('makes "N." or "S." and a country\'s last word the country, read as a person, an organisation or in part', () => {
    expect(run("a stand against N. Korea's programme", { 'N. Korea': 'PER' })).toEqual(['LOC[N. Korea]']);
    expect(run('talks with S. Korea and S. Africa', { 'S. Korea': 'ORG', Africa: 'LOC' })).toEqual(['LOC[S. Korea]', 'LOC[S. Africa]']);
  });

  it("leaves a person's initial, and the words inside a longer name", () => {
    expect(run('Kim met S. Jaishankar and N. Korea Times', { 'S. Jaishankar': 'PER', 'N. Korea Times': 'ORG' })).toEqual(['PER[S. Jaishankar]', 'ORG[N. Korea Times]']);
  });
});

describe(divisionsOfPlaces.name, () => {
  const gazetteer = { names: new Map([['Andhra Pradesh', 'LOC'], ['Columbia', 'LOC'], ['New York', 'LOC'], ['New Jersey', 'LOC']]), maxLength: new Map<string, number>() };
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, divisionsOfPlaces(toks, tags, gazetteer));
  };

  it('splits a division "of" a known place read as one organisation into two places, and makes "District of" a place one', () => {
    expect(run('a town in Chittoor District of Andhra Pradesh, India', { 'Chittoor District of Andhra Pradesh': 'ORG', India: 'LOC' })).toEqual([
      'LOC[Chittoor District]', 'LOC[Andhra Pradesh]', 'LOC[India]',
    ]);
    expect(run('all 50 states and the District of Columbia', { 'District of Columbia': 'ORG' })).toEqual(['LOC[District of Columbia]']);
  });

  it("leaves a court's district and a longer name", () => {
    expect(run('heard in the Southern District of New York', { 'Southern District of New York': 'ORG' })).toEqual(['ORG[Southern District of New York]']);
    expect(run('the Court for the District of New Jersey ruled', { 'Court for the District of New Jersey': 'ORG' })).toEqual(['ORG[Court for the District of New Jersey]']);
    expect(run('judge of the Superior Court of the District of Columbia', { 'Superior Court': 'ORG', 'District of Columbia': 'ORG' })).toEqual(['ORG[Superior Court]', 'ORG[District of Columbia]']);
  });
});

describe(addressesArePlaces.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, addressesArePlaces(toks, tags));
  };

  it("makes a street's name after a house's number a place, with a compass letter between or not", () => {
    expect(run('his meetings at 24 Sussex Drive ended', { 'Sussex Drive': 'ORG' })).toEqual(['LOC[Sussex Drive]']);
    expect(run('Details: 610 E. Roosevelt St. and 15 N Oxford St, Brooklyn', { 'E. Roosevelt St.': 'PER', 'Oxford St': 'ORG', Brooklyn: 'LOC' })).toEqual([
      'LOC[E. Roosevelt St.]', 'LOC[Oxford St]', 'LOC[Brooklyn]',
    ]);
  });

  it("leaves a street's name without a number, a person's name and a longer name", () => {
    expect(run('Downing Street said and Major-General Roger Lane spoke', { 'Downing Street': 'ORG', 'Roger Lane': 'PER' })).toEqual(['ORG[Downing Street]', 'PER[Roger Lane]']);
    expect(run('100 W. Portland St. Industry Standard opened', { 'Portland St. Industry Standard': 'ORG' })).toEqual(['ORG[Portland St. Industry Standard]']);
  });
});

describe(hyphenatedNewspapers.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, hyphenatedNewspapers(text, toks, tags));
  };

  it('makes a hyphenated newspaper title an organisation, with its town, where the tagger read a place, a person or nothing', () => {
    expect(run('Wynn told the Las Vegas Review-Journal on Friday.', { Wynn: 'PER', 'Las Vegas Review-Journal': 'LOC' })).toEqual(['PER[Wynn]', 'ORG[Las Vegas Review-Journal]']);
    expect(run('He wrote for the Austin American-Statesman.', { 'Austin American-Statesman': 'PER' })).toEqual(['ORG[Austin American-Statesman]']);
    expect(run('as did the Honolulu Star-Bulletin and the Fort Worth Star-Telegram.', { Honolulu: 'LOC', Fort: 'LOC' })).toEqual(['ORG[Honolulu Star-Bulletin]', 'ORG[Fort Worth Star-Telegram]']);
    expect(run('Weir said to The Star-Ledger.', { Weir: 'PER' })).toEqual(['PER[Weir]', 'ORG[Star-Ledger]']);
  });

  it('leaves a title inside a longer name, an organisation, and other hyphenated words', () => {
    expect(run('Micro-Star International said.', { 'Micro-Star International': 'ORG' })).toEqual(['ORG[Micro-Star International]']);
    expect(run('Hollinger sold the Chicago Sun-Times.', { Hollinger: 'ORG', 'Chicago Sun-Times': 'ORG' })).toEqual(['ORG[Hollinger]', 'ORG[Chicago Sun-Times]']);
    expect(run('the Sun-Times Media Group', { 'Sun-Times Media Group': 'ORG' })).toEqual(['ORG[Sun-Times Media Group]']);
    expect(run('a Christian-Democrat and an E-Mail', {})).toEqual([]);
  });
});

describe(publicationsBeforeTheirKind.name, () => {
  const stats = statsOf({ people: 'N', communist: 'R', online: 'R' });
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, publicationsBeforeTheirKind(toks, tags, stats));
  };

  it('makes the capitalized words before "newspaper" or "magazine" the publication, untagged or one name of another type', () => {
    expect(run('Sheehan told Time magazine reporters.', { Sheehan: 'PER' })).toEqual(['PER[Sheehan]', 'ORG[Time]']);
    expect(run('a letter to the Il Manifesto newspaper on Monday', {})).toEqual(['ORG[Il Manifesto]']);
    expect(run('Forbes magazine ranked him 44th.', { Forbes: 'PER' })).toEqual(['ORG[Forbes]']);
    expect(run("Mubarak told Egypt's Al-Ahram newspaper.", { Mubarak: 'PER', Egypt: 'LOC' })).toEqual(['PER[Mubarak]', 'LOC[Egypt]', 'ORG[Al-Ahram]']);
    expect(run("In today's Guardian newspaper, he wrote.", {})).toEqual(['ORG[Guardian]']);
  });

  it('leaves a name after its kind, a place, a nationality, a language, "a", a common possessive and a name it found alone', () => {
    for (const [text, names] of [
      ['the Communist newspaper Il Manifesto said', {}],
      ['Online newspaper The Register reported', {}],
      ['a Melbourne newspaper said', {}],
      ['the Finnish newspaper said', {}],
      ['the Thai-language newspaper said', {}],
      ['A British newspaper has revealed it.', {}],
      ['he spoke to a Catholic newspaper', {}],
      ["the state-run People's Daily newspaper said", { People: 'ORG' }],
      ['The Jakarta Post newspaper said', { 'Jakarta Post': 'ORG' }],
      ['the New York Times Magazine', { 'New York Times': 'ORG' }],
    ] as const) {
      const { toks, tags } = tagsNaming(text, names);
      expect(publicationsBeforeTheirKind(toks, tags, stats)).toEqual(tags);
    }
  });

  it('keeps the tags valid BIO whatever they were', () => {
    const rand = seededRandom(19);
    const toks = nerTokenize('He told Time magazine and the Guardian newspaper, and the Sydney Morning Herald newspaper.');
    for (let k = 0; k < 300; k++) expect(isValidBio(publicationsBeforeTheirKind(toks, randomBioTags(toks.length, rand), stats))).toBe(true);
  });

  it('reads a magazine named before its kind as an organisation through the whole tagger', () => {
    const { toks, tags } = labelledText('Rumsfeld says in the October issue of GQ magazine that the plan failed.');
    expect(tagsAt(toks, tags, 'GQ')).toEqual(['B-ORG']);
  });
});

describe(employersOfStaff.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, employersOfStaff(toks, tags));
  };
  /** Each text, its names typed as given, comes back as it went in. */
  const expectLeftAlone = (cases: ReadonlyArray<readonly [string, Record<string, string>]>, stats?: WordStats): void => {
    for (const [text, names] of cases) {
      const { toks, tags } = tagsNaming(text, names);
      expect(employersOfStaff(toks, tags, stats)).toEqual(tags);
    }
  };

  it("makes a firm read as a person an organisation before a firm's job and a person, after staff and \"at\", and wherever else the text names it so", () => {
    expect(run('JP Morgan economist John Lipsky said. JP Morgan cut its forecast.', { 'JP Morgan': 'PER', 'John Lipsky': 'PER' })).toEqual([
      'ORG[JP Morgan]',
      'PER[John Lipsky]',
      'ORG[JP Morgan]',
    ]);
    expect(run('Traders at Merrill Lynch and analysts at Smith Barney and Dean Witter agreed.', { 'Merrill Lynch': 'PER', 'Smith Barney': 'PER', 'Dean Witter': 'PER' })).toEqual([
      'ORG[Merrill Lynch]',
      'ORG[Smith Barney]',
      'ORG[Dean Witter]',
    ]);
    // The second of two after a firm the tagger read as an organisation.
    expect(run('Analysts at Morgan Stanley and Bernstein raised targets.', { 'Morgan Stanley': 'ORG', Bernstein: 'PER' })).toEqual(['ORG[Morgan Stanley]', 'ORG[Bernstein]']);
  });

  it('makes a name read as no known place a firm after its chief executive, chairman or founder and "of", where the name ends there', () => {
    expect(run('Tony Salameh , chairman of Aishti , said so . James Smith , the chief executive of Aegis , left . Aegis would not submit .', { 'Tony Salameh': 'PER', Aishti: 'LOC', 'James Smith': 'PER', Aegis: 'LOC' })).toEqual([
      'PER[Tony Salameh]',
      'ORG[Aishti]',
      'PER[James Smith]',
      'ORG[Aegis]',
      'ORG[Aegis]',
    ]);
    // Not a place the gazetteer knows, a president's or a director's "of", nor a name before its own noun.
    expectLeftAlone([
      ["the chairman of Arkansas ' Democratic Party", { Arkansas: 'LOC' }],
      ['the president of Nicaragua , Daniel Ortega', { Nicaragua: 'LOC' }],
      ['director of the Cavite provincial police', { Cavite: 'LOC' }],
      ['the director of Cavite , who', { Cavite: 'LOC' }],
      ['CEO of Kaupthing bank', { Kaupthing: 'LOC' }],
    ]);
  });

  it("makes a name read as a person or as no known place a firm after its staff, holders or parts and \"of\", \"from\" or \"in\"", () => {
    expect(run('Officials from Sabena met . Sabena said so .', { Sabena: 'PER' })).toEqual(['ORG[Sabena]', 'ORG[Sabena]']);
    expect(run('The firm is a unit of Hanson , and Exxon holds a stake in Daewoo .', { Hanson: 'PER', Exxon: 'ORG', Daewoo: 'LOC' })).toEqual(['ORG[Hanson]', 'ORG[Exxon]', 'ORG[Daewoo]']);
    // A place read so only after what a firm owns, before no capitalized word; not a place the gazetteer knows, a possessive, or a spokesman's "for".
    expect(run('officials of Chisinau met , shares in Real Estate Investment Trusts rose .', { Chisinau: 'LOC', 'Real Estate': 'LOC' })).toEqual(['LOC[Chisinau]', 'LOC[Real Estate]']);
    expect(run('a stake in Canada , officials from Clinton\'s campaign too .', { Canada: 'LOC', Clinton: 'PER' })).toEqual(['LOC[Canada]', 'PER[Clinton]']);
    expect(run('A spokesman for Yeltsin said .', { Yeltsin: 'PER' })).toEqual(['PER[Yeltsin]']);
    // A firm's officer before "of" and the name right after it, the name whole.
    expect(run('said the chief executive of Proton . Proton lost money .', { Proton: 'PER' })).toEqual(['ORG[Proton]', 'ORG[Proton]']);
    expect(run('the president of News Corp and Robert Iger , and the creative director of Beth Smith Events .', { 'News Corp': 'ORG', 'Robert Iger': 'PER', 'Beth Smith': 'PER' })).toEqual(['ORG[News Corp]', 'PER[Robert Iger]', 'PER[Beth Smith]']);
  });

  it("makes words left untagged or read as MISC after a firm's cue the firm, when the statistics know them only capitalized", () => {
    const stats = statsOf({ fiat: 'A', internet: 'R', horticulture: 'N' });
    const named = (text: string, names: Record<string, string>) => {
      const { toks, tags } = tagsNaming(text, names);
      return spans(text, employersOfStaff(toks, tags, stats));
    };
    expect(named('Officials from Fiat met , and shares of Fiat rose .', { Fiat: 'MISC' })).toEqual(['ORG[Fiat]', 'ORG[Fiat]']);
    expect(named('the Chairman of SADC said .', {})).toEqual(['ORG[SADC]']);
    // A common word, a department after an officer's title, a name going on, a weekday: none.
    expect(named('shares in Internet companies rose , the Director of Horticulture spoke , shares of Fiat Auto Group Italia Holdings rose , officials from Monday met .', {})).toEqual([]);
    expect(named('the President of CCNG , Inc. said .', { 'Inc.': 'LOC' })).toEqual(['ORG[CCNG , Inc.]']);
  });

  it('makes a name read as a person that upgrades or downgrades a stock a firm, but a name with a given name or after a title', () => {
    expect(run('HSBC rose after Jardine Fleming upgraded the stock . Jardine Fleming said so .', { HSBC: 'ORG', 'Jardine Fleming': 'PER' })).toEqual([
      'ORG[HSBC]',
      'ORG[Jardine Fleming]',
      'ORG[Jardine Fleming]',
    ]);
    expect(run('John Smith upgraded the stock , analyst Egizio Bianchini downgraded it and Chairman Egizio Bianchini upgraded it .', { 'John Smith': 'PER', 'Egizio Bianchini': 'PER' })).toEqual([
      'PER[John Smith]',
      'PER[Egizio Bianchini]',
      'PER[Egizio Bianchini]',
    ]);
  });

  it("makes a name read as a person or a place a firm before \"'s\" and what only a firm has, before \"headquartered in\" or after a word of buying or merging, and wherever else the text names it so", () => {
    // [Merrill]'s CEO John Thain; [Metronet]'s shareholders; [Ring]'s chief executive; [Alteryx], headquartered in Irvine
    expect(run("Merrill's CEO John Thain spoke . Merrill fell .", { Merrill: 'PER', 'John Thain': 'PER' })).toEqual(['ORG[Merrill]', 'PER[John Thain]', 'ORG[Merrill]']);
    expect(run("Metronet's shareholders and Ring's chief executive met .", { Metronet: 'PER', Ring: 'LOC' })).toEqual(['ORG[Metronet]', 'ORG[Ring]']);
    expect(run("Nexa's board of directors met .", { Nexa: 'PER' })).toEqual(['ORG[Nexa]']);
    expect(run('Alteryx , headquartered in Irvine , and Firebolt , which is headquartered in Palo Alto .', { Alteryx: 'PER', Irvine: 'LOC', Firebolt: 'PER', 'Palo Alto': 'LOC' })).toEqual([
      'ORG[Alteryx]', 'LOC[Irvine]', 'ORG[Firebolt]', 'LOC[Palo Alto]',
    ]);
    // A firm bought or merged; a one-word firm so cued names the person's name that starts with it ("Merrill ... [Merrill Lynch]").
    expect(run('Twilio agreed to acquire Stytch , and the acquisition of Hulu and a merger with Martin Marietta followed .', { Stytch: 'PER', Hulu: 'LOC', 'Martin Marietta': 'PER' })).toEqual([
      'ORG[Stytch]', 'ORG[Hulu]', 'ORG[Martin Marietta]',
    ]);
    expect(run("Merrill's CEO spoke . Merrill Lynch fell .", { Merrill: 'PER', 'Merrill Lynch': 'PER' })).toEqual(['ORG[Merrill]', 'ORG[Merrill Lynch]']);
    // Its listed stock moving or priced ("Southwest's stock rose", "Delta's shares fell", "Cemex's share price").
    expect(run("Southwest's stock rose , Delta's shares fell and Cemex's share price slid .", { Southwest: 'LOC', Delta: 'PER', Cemex: 'PER' })).toEqual([
      'ORG[Southwest]', 'ORG[Delta]', 'ORG[Cemex]',
    ]);
    // What persons have too (a spokesman, staff, shares, headquarters), a person based somewhere, a known place's chief executive: no firm.
    expectLeftAlone([
      ["Musharraf's spokesman and Sadr's headquarters , Buffett's shares .", { Musharraf: 'PER', Sadr: 'PER', Buffett: 'PER' }],
      // Shares a person holds or sells, a country's stock market: no firm.
      ["Murdoch's shares in BSkyB were sold , Buffett's shares were worth more and Australia's stock losses grew .", { Murdoch: 'PER', BSkyB: 'ORG', Buffett: 'PER', Australia: 'LOC' }],
      ["Warren Buffett's shares fell in value .", { 'Warren Buffett': 'PER' }],
      ['Glen Arnold , based in Petawawa , died .', { 'Glen Arnold': 'PER', Petawawa: 'LOC' }],
      ["Hong Kong's chief executive spoke .", { 'Hong Kong': 'LOC' }],
      ['They acquired Kevin Durant , claimed the takeover of Tardo Village and the acquisition of Oakland , California .', { 'Kevin Durant': 'PER', 'Tardo Village': 'LOC', Oakland: 'LOC', California: 'LOC' }],
      ["Stability AI's CEO spoke .", { AI: 'LOC' }],
    ]);
  });

  it('makes a one-word name read as a person a firm where it acts on "its" own, and wherever else the text names it so', () => {
    expect(run('Fenwick cut its profit forecast . Fenwick said sales fell .', { Fenwick: 'PER' })).toEqual(['ORG[Fenwick]', 'ORG[Fenwick]']);
    expect(run('Suunto has retained its design , and Riveron announced its acquisition of Eden Data .', { Suunto: 'PER', Riveron: 'PER', 'Eden Data': 'ORG' })).toEqual([
      'ORG[Suunto]', 'ORG[Riveron]', 'ORG[Eden Data]',
    ]);
    expect(run('They were thrilled that Shazam and its team joined .', { Shazam: 'PER' })).toEqual(['ORG[Shazam]']);
    // A report or a call ("urged its leaders"), a copula, a word of a person named in full, a given name, two words, no verb: no firm.
    expectLeftAlone([
      ['Bush urged its leaders to talk , and Fratto says its use is legal .', { Bush: 'PER', Fratto: 'PER' }],
      ['What sets Oclean apart is its design .', { Oclean: 'PER' }],
      ['Tony Fratto spoke . Fratto has defended its use .', { Fratto: 'PER', 'Tony Fratto': 'PER' }],
      ['Michael has run its office , and Joe Preston took its reins .', { Michael: 'PER', 'Joe Preston': 'PER' }],
      ['a forest planted by Ortiz around its edge .', { Ortiz: 'PER' }],
    ]);
  });

  it("makes a name read as a person or as no known place a firm before a firm's officer or part and a name, with no \"'s\", and wherever else the text names it so", () => {
    expect(run('Neste CEO Risto Rinne said so . Neste lost money .', { Neste: 'PER', 'Risto Rinne': 'PER' })).toEqual(['ORG[Neste]', 'PER[Risto Rinne]', 'ORG[Neste]']);
    expect(run('former Hardie chief executive Peter Macdonald and Hardie chairwoman Meredith Hellicar .', { Hardie: 'PER', 'Peter Macdonald': 'PER', 'Meredith Hellicar': 'PER' })).toEqual([
      'ORG[Hardie]', 'PER[Peter Macdonald]', 'ORG[Hardie]', 'PER[Meredith Hellicar]',
    ]);
    expect(run('Rojo founder and CEO Chris Alden will join . MFI CEO Gary Favell said so .', { Rojo: 'PER', 'Chris Alden': 'PER', MFI: 'LOC', 'Gary Favell': 'PER' })).toEqual([
      'ORG[Rojo]', 'PER[Chris Alden]', 'ORG[MFI]', 'PER[Gary Favell]',
    ]);
    expect(run('reports for Peabody subsidiary Peabody Australia Holdco .', { Peabody: 'LOC', 'Peabody Australia Holdco': 'ORG' })).toEqual(['ORG[Peabody]', 'ORG[Peabody Australia Holdco]']);
    // A spokesman or a president (persons and states have them), a name with a given name first, "CEO of", no name after, a known place: no firm.
    expectLeftAlone([
      ['Bush spokesman Gordon Johndroe and Malawi president Bingu wa Mutharika spoke .', { Bush: 'PER', 'Gordon Johndroe': 'PER', Malawi: 'LOC', 'Bingu wa Mutharika': 'PER' }],
      ['wrote to Steve Ballmer CEO of Microsoft , and Thomas Cook subsidiary Sunquest grew .', { 'Steve Ballmer': 'PER', Microsoft: 'ORG', 'Thomas Cook': 'PER', Sunquest: 'ORG' }],
      ['the Jones chairman said , and Canada CEO Ann Lee spoke .', { Jones: 'PER', Canada: 'LOC', 'Ann Lee': 'PER' }],
    ]);
    const toks = nerTokenize('Neste CEO Risto Rinne , Rojo founder and CEO Chris Alden , Hardie chief executive officer Ann Lee , Peabody subsidiary Peabody Australia .');
    expectBioKept(toks.length, 61, (tags) => employersOfStaff(toks, tags));
  });

  it("makes untagged words before a firm's officer or part and a name the firm, when the statistics know them only capitalized", () => {
    const stats = statsOf({ evergrande: 'A', their: 'N', the: 'N' });
    const named = (text: string, names: Record<string, string>) => {
      const { toks, tags } = tagsNaming(text, names);
      return spans(text, employersOfStaff(toks, tags, stats));
    };
    expect(named('a court sentences Evergrande founder Hui Ka Yan , and TI chairman Hansjoerg Elshorst spoke .', { 'Hui Ka Yan': 'PER', 'Hansjoerg Elshorst': 'PER' })).toEqual([
      'ORG[Evergrande]', 'PER[Hui Ka Yan]', 'ORG[TI]', 'PER[Hansjoerg Elshorst]',
    ]);
    // A common word, a word after a capitalized one, no name after the officer: none.
    expectLeftAlone([
      ['. Their founder Avi Oz said . The chairman Prachanda spoke .', { 'Avi Oz': 'PER', Prachanda: 'PER' }],
      ['UAE-based DP World CEO Sultan Ahmed spoke , and Evergrande founder said so .', { 'Sultan Ahmed': 'PER' }],
    ], stats);
    const toks = nerTokenize('a court sentences Evergrande founder Hui Ka Yan , and TI chairman Hansjoerg Elshorst spoke .');
    expectBioKept(toks.length, 67, (tags) => employersOfStaff(toks, tags, stats));
  });

  it("makes a name read as MISC, or words after \"-based\", before a firm's officer and a name the firm, but a demonym or a common word otherwise", () => {
    const stats = statsOf({ zentrix: 'A', harbour: 'M', world: 'N', american: 'A', the: 'N' });
    const text = 'he met Zentrix founder Mara Vell , and the Dubai-based Harbour World CEO Omar Saleh spoke .';
    const toks = splitNameParticiples(nerTokenize(text));
    const tagsOf = () => {
      const tags = toks.map(() => 'O');
      const mark = (word: string, n: number, type: string) => {
        const at = toks.findIndex((t) => t.text === word);
        for (let k = 0; k < n; k++) tags[at + k] = `${k === 0 ? 'B' : 'I'}-${type}`;
      };
      mark('Zentrix', 1, 'MISC');
      mark('Mara', 2, 'PER');
      mark('Dubai', 1, 'LOC');
      mark('Omar', 2, 'PER');
      return tags;
    };
    const out = employersOfStaff(toks, tagsOf(), stats);
    expect(bioSpans(out).map(({ from, to, type }) => `${type}[${toks.slice(from, to).map((t) => t.text).join(' ')}]`)).toEqual([
      'ORG[Zentrix]', 'PER[Mara Vell]', 'LOC[Dubai]', 'ORG[Harbour World]', 'PER[Omar Saleh]',
    ]);
    // A demonym read as MISC, and words known in lowercase with no "-based" before them, stay as they were.
    for (const [words, names] of [
      ['an American chairman John Reed said .', { American: 'MISC', 'John Reed': 'PER' }],
      ['the Harbour World CEO Omar Saleh said .', { 'Omar Saleh': 'PER' }],
    ] as const) {
      const { toks: t2, tags } = tagsNaming(words, names);
      expect(employersOfStaff(t2, tags, stats)).toEqual(tags);
    }
    expectBioKept(toks.length, 71, (tags) => employersOfStaff(toks, tags, stats));
  });

  it('makes a name read as a person that cuts, raises or affirms a rating a firm, but not a cut of something else', () => {
    expect(run('Fitch IBCA cut its rating on the bank . Fitch IBCA said the outlook was negative .', { 'Fitch IBCA': 'PER' })).toEqual(['ORG[Fitch IBCA]', 'ORG[Fitch IBCA]']);
    expect(run('Smith cut his hair , and the rating fell . Jones raised the issue of ratings .', { Smith: 'PER', Jones: 'PER' })).toEqual(['PER[Smith]', 'PER[Jones]']);
  });

  it('makes a name read as a place after a firm\'s staff and "at" an organisation, but a known place or one after a preposition of place', () => {
    expect(run('Dealers at Banamex said the peso fell. Banamex cut rates, and flights to Banamex resumed.', { Banamex: 'LOC' })).toEqual(['ORG[Banamex]', 'ORG[Banamex]', 'LOC[Banamex]']);
    expectLeftAlone([
      ['Analysts at London said.', { London: 'LOC' }],
      ['Officials at Heathrow said.', { Heathrow: 'LOC' }],
    ]);
  });

  it("leaves a person's aide, a person's lab, a title before the name, and persons elsewhere alone", () => {
    expectLeftAlone([
      ['Obama spokesman Robert Gibbs said.', { Obama: 'PER', 'Robert Gibbs': 'PER' }],
      ['Bush strategist Karl Rove said.', { Bush: 'PER', 'Karl Rove': 'PER' }],
      ['A researcher at Smith\'s lab said.', { Smith: 'PER' }],
      ['Mr Jones met traders at noon.', { Jones: 'PER' }],
      ['Clinton spoke to officials in Clinton.', { Clinton: 'PER' }],
    ]);
  });

  it('reads the firms of a market report through the whole tagger, where it read them as persons', () => {
    const text = 'Traders at Merrill Lynch said the market was nervous. JP Morgan economist John Lipsky said the Fed would hold rates.';
    const kinds = new Map(tagEntities({ title: '', text }).organisations.map((o) => [o.name, 'organisation']));
    expect(kinds.get('Merrill Lynch')).toBe('organisation');
    expect(kinds.get('JP Morgan')).toBe('organisation');
  });
});

describe(eponymsAreNoPersons.name, () => {
  const runEponyms = (text: string, named: Array<[number, number, string]>): string[] => spans(text, eponymsAreNoPersons(nerTokenize(text), tagsFor(text, named)));

  it("gives a person's name after \"the\" that ends with the head of a thing's name the head's type", () => {
    expect(runEponyms('gigs with the Tom Robinson Band', [[3, 6, 'PER']])).toEqual(['ORG[Tom Robinson Band]']);
    expect(runEponyms('the Christopher Reeve Foundation', [[1, 4, 'PER']])).toEqual(['ORG[Christopher Reeve Foundation]']);
    expect(runEponyms('on the Benjamin Franklin Parkway', [[2, 5, 'PER']])).toEqual(['LOC[Benjamin Franklin Parkway]']);
    expect(runEponyms('The Jerry Springer Show ends', [[1, 4, 'PER']])).toEqual(['MISC[Jerry Springer Show]']);
    expect(runEponyms('a violation of the Taylor Law', [[4, 6, 'PER']])).toEqual(['MISC[Taylor Law]']);
  });

  it('leaves persons without "the", one-word persons, persons whose last word is no head, and other types alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['CAAT member Brian Law said', [[2, 4, 'PER']]], // no "the": a surname
      ['Colbert hosts his Colbert Report', [[0, 1, 'PER'], [3, 5, 'PER']]], // "his", not "the"
      ['the Bush administration', [[1, 2, 'PER']]], // one word
      ['the Dalai Lama spoke', [[1, 3, 'PER']]], // no head
      ['the late John Street', [[2, 4, 'PER']]], // "late" between
      ['the Tom Robinson Band', [[1, 4, 'ORG']]], // already an organisation
      ['the Kennedy Expressway', [[1, 3, 'LOC']]], // already a place
    ];
    for (const [text, named] of cases) expect(runEponyms(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });

  it('keeps the tags valid BIO whatever they were', () => {
    const rand = seededRandom(11);
    const text = 'the Tom Robinson Band and the Taylor Law on the Kennedy Expressway at The Colbert Report Show';
    const toks = nerTokenize(text);
    for (let k = 0; k < 300; k++) expect(isValidBio(eponymsAreNoPersons(toks, randomBioTags(toks.length, rand)))).toBe(true);
  });
});

describe(venuesArePlaces.name, () => {
  const runVenues = (text: string, named: Array<[number, number, string]>): string[] => spans(text, venuesArePlaces(nerTokenize(text), tagsFor(text, named)));

  it("makes an organisation's name that ends with a building's or a venue's head a place", () => {
    expect(runVenues('flights from Narita Airport and Beirut International Airport', [[2, 4, 'ORG'], [5, 8, 'ORG']])).toEqual(['LOC[Narita Airport]', 'LOC[Beirut International Airport]']);
    expect(runVenues('near the Red Mosque and Trump Tower', [[2, 4, 'ORG'], [5, 7, 'ORG']])).toEqual(['LOC[Red Mosque]', 'LOC[Trump Tower]']);
    expect(runVenues('from Dubrava Prison through the Channel Tunnel to Arlington National Cemetery', [[1, 3, 'ORG'], [5, 7, 'ORG'], [8, 11, 'ORG']])).toEqual([
      'LOC[Dubrava Prison]', 'LOC[Channel Tunnel]', 'LOC[Arlington National Cemetery]',
    ]);
    expect(runVenues('the fall of the Berlin Wall and the Lincoln Memorial', [[4, 6, 'ORG'], [8, 10, 'ORG']])).toEqual(['LOC[Berlin Wall]', 'LOC[Lincoln Memorial]']);
    // A station: a space station, not a police station (an organisation's head inside).
    expect(runVenues('docked with the International Space Station near the Worli Police Station', [[3, 6, 'ORG'], [8, 11, 'ORG']])).toEqual([
      'LOC[International Space Station]', 'ORG[Worli Police Station]',
    ]);
    // A sea's, a gulf's or a strait's name before "of"; not such a word before anything else ("Gulf Air").
    expect(runVenues('islets in the Sea of Japan and the Gulf Air jets', [[3, 6, 'ORG'], [8, 10, 'ORG']])).toEqual(['LOC[Sea of Japan]', 'ORG[Gulf Air]']);
  });

  it("makes a natural feature's words after a person's title a person, and a venue after one still a place", () => {
    expect(runVenues('U.S. District Judge Sim Lake said', [[0, 2, 'ORG'], [3, 5, 'ORG']])).toEqual(['ORG[U.S. District]', 'PER[Sim Lake]']);
    expect(runVenues('President Trump Tower', [[1, 3, 'ORG']])).toEqual(['LOC[Trump Tower]']);
  });

  it('leaves clubs, bands, companies, one-word heads, names with an organisation head and other types alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['Crystal Palace won', [[0, 2, 'ORG']]], // Palace names clubs
      ['Linkin Park played', [[0, 2, 'ORG']]], // Park names bands
      ['State Street rose', [[0, 2, 'ORG']]], // Street names companies
      ['the Airport said', [[1, 2, 'ORG']]], // one word
      ['the Airports Authority Tower', [[1, 4, 'ORG']]], // an organisation's head inside
      ['the Eisenhower Executive Office Building', [[1, 5, 'ORG']]], // an organisation's head inside
      ['the Prison said', [[1, 2, 'ORG']]], // one word
      ['shops at Interior Mall', [[2, 4, 'ORG']]], // a mall is a business too (UNER-EWT dev files it so)
      ['Sidney Tower spoke', [[0, 2, 'PER']]], // a person
    ];
    for (const [text, named] of cases) expect(runVenues(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });

  it("makes an organisation's name of a natural feature a place: its last word or, for rivers, mountains, lakes and capes, its first", () => {
    expect(runVenues('flooding along the River Dune near Gull Point', [[3, 5, 'ORG'], [6, 8, 'ORG']])).toEqual(['LOC[River Dune]', 'LOC[Gull Point]']);
    expect(runVenues('oil from the Black Sea to the Gold Coast', [[3, 5, 'ORG'], [7, 9, 'ORG']])).toEqual(['LOC[Black Sea]', 'LOC[Gold Coast]']);
    expect(runVenues('climbers on Mount Hood', [[2, 4, 'ORG']])).toEqual(['LOC[Mount Hood]']);
  });

  it("leaves a natural feature's name the tagger's gazetteer lists as an organisation, and heads that name organisations as often", () => {
    const gazetteer = { names: new Map([['Turtle Beach', 'ORG']]), maxLength: new Map<string, number>() };
    const text = 'shares of Turtle Beach rose';
    expect(spans(text, venuesArePlaces(nerTokenize(text), tagsFor(text, [[2, 4, 'ORG']]), gazetteer))).toEqual(['ORG[Turtle Beach]']);
    expect(spans(text, venuesArePlaces(nerTokenize(text), tagsFor(text, [[2, 4, 'ORG']])))).toEqual(['LOC[Turtle Beach]']);
    for (const [t, named] of [['Nottingham Forest won', [[0, 2, 'ORG']]], ['the Discovery Channel aired it', [[1, 3, 'ORG']]], ['Tampa Bay won', [[0, 2, 'ORG']]], ['CorPower Ocean tested it', [[0, 2, 'ORG']]]] as Array<[string, Array<[number, number, string]>]>) {
      expect(runVenues(t, named)).toEqual(spans(t, tagsFor(t, named)));
    }
  });

  it("makes an organisation's name that ends with a division's head a place", () => {
    expect(runVenues('in Yohmor, Nabatieh District, Lebanon, and Aleppo Governorate', [[3, 5, 'ORG'], [9, 11, 'ORG']])).toEqual(['LOC[Nabatieh District]', 'LOC[Aleppo Governorate]']);
    expect(runVenues('a town in Palmaner Taluk near the Mission District', [[3, 5, 'ORG'], [7, 9, 'ORG']])).toEqual(['LOC[Palmaner Taluk]', 'LOC[Mission District]']);
  });

  it("leaves a district's name before a title, a body's, a numbered one and a country's", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['Grey District Mayor Tony Kokshoorn', [[0, 2, 'ORG']]], // an office after it
      ['the Santa Ana Unified School District said', [[1, 6, 'ORG']]], // a school district
      ['the South Coast Air Quality Management District met', [[1, 7, 'ORG']]], // an agency
      ['the Sixth District ruled', [[1, 3, 'ORG']]], // a court's, by its number
      ['a U.S. District judge ruled', [[1, 3, 'ORG']]], // a federal court's
    ];
    for (const [text, named] of cases) expect(runVenues(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(namesBeforePartyAreOrganisations.name, () => {
  const runParty = (text: string, named: Array<[number, number, string]>): string[] => spans(text, namesBeforePartyAreOrganisations(nerTokenize(text), tagsFor(text, named)));

  it('reads a place or a person right before a lowercase "party", or an untagged acronym there, as the party', () => {
    expect(runParty('the Māori party and the Baath party and the ACT party', [[1, 2, 'LOC'], [5, 6, 'PER']])).toEqual(['ORG[Māori]', 'ORG[Baath]', 'ORG[ACT]']);
  });

  it('leaves a known place, a nationality, MISC, a capitalized "Party", a lowercase word and a longer untagged run alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the Texas party and the Iraqi party', [[1, 2, 'LOC'], [5, 6, 'MISC']]],
      ['the Socialist party and the Māori Party', [[1, 2, 'MISC'], [5, 6, 'LOC']]],
      ['a third party and the New ACT party', []],
    ];
    for (const [text, named] of cases) expect(runParty(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(`${namesBeforePartyAreOrganisations.name} with the word statistics`, () => {
  const stats = statsOf({ national: 'R', conservative: 'R', kuomintang: 'A' });
  const run = (text: string, named: Array<[number, number, string]>): string[] => spans(text, namesBeforePartyAreOrganisations(nerTokenize(text), tagsFor(text, named), stats));

  it('reads untagged words known only capitalized, or not at all, right before a lowercase "party" as the party', () => {
    // the ruling [Kuomintang] party , Mugabe 's [Zanu-PF] party , the liberal [Yabloko] party
    expect(run("the ruling Kuomintang party , Mugabe 's Zanu-PF party , the liberal Yabloko party", [[5, 6, 'PER']])).toEqual(['ORG[Kuomintang]', 'PER[Mugabe]', 'ORG[Zanu-PF]', 'ORG[Yabloko]']);
  });

  it('leaves common words, nationalities, faiths, "Our", a kind of party after "a" and a longer capitalized run alone', () => {
    for (const text of ['the National party', 'the Conservative party', 'the Iraqi party', 'a Muslim party', 'the Sunni party', 'Our party won', 'a small Eurosceptic party', 'a Hindutva party', 'The New Yabloko Kuomintang Zanu party']) {
      expect(run(text, [])).toEqual([]);
    }
  });
});

describe(seatsOfGovernmentActing.name, () => {
  it('makes a seat of government that acts, untagged or read as a place, the government', () => {
    const text = "The Kremlin said on Thursday . the Pentagon has denied it . the White House's plan . The Elysee also said so .";
    const { toks, tags } = tagsNaming(text, { Pentagon: 'LOC', 'White House': 'LOC' });
    expect(spans(text, seatsOfGovernmentActing(toks, tags))).toEqual(['ORG[Kremlin]', 'ORG[Pentagon]', 'ORG[White House]', 'ORG[Elysee]']);
  });

  it('makes the Kremlin of a wire story that speaks for Russia an organisation', () => {
    const text = 'MOSCOW 1996-08-22\nThe Kremlin said on Thursday that Yeltsin would rest.';
    expect(tagEntities({ title: '', text }).organisations.map((o) => o.name)).toEqual(['Kremlin']);
  });

  it("leaves a seat where something happens, the building's state, an attribute and a longer name alone", () => {
    const text = 'talks in the Kremlin on Monday . the Kremlin was lit up . the Pentagon had been sealed off . a Kremlin spokesman said . the Kremlin Palace said . Moscow Kremlin said .';
    const { toks, tags } = tagsNaming(text, { 'Kremlin Palace': 'LOC', 'Moscow Kremlin': 'LOC' });
    expect(seatsOfGovernmentActing(toks, tags)).toEqual(tags);
  });
});

describe(shipsAreMisc.name, () => {
  const run = (text: string, names: Record<string, string>): string[] => {
    const { toks, tags } = tagsNaming(text, names);
    return spans(text, shipsAreMisc(text, toks, tags));
  };

  it('makes a ship named after its prefix MISC, with its initials and figures, whatever the tagger read', () => {
    // the [USS Harry S. Truman] aircraft carrier (a person), the crew of [HMAS Adelaide] (a place), [MV Sirius Star] (an organisation)
    expect(run('the USS Harry S. Truman aircraft carrier', { USS: 'LOC', 'Harry S. Truman': 'PER' })).toEqual(['MISC[USS Harry S. Truman]']);
    expect(run('the crew of HMAS Adelaide saved them , and MV Sirius Star was seized', { 'HMAS Adelaide': 'LOC', 'MV Sirius Star': 'ORG' })).toEqual([
      'MISC[HMAS Adelaide]', 'MISC[MV Sirius Star]',
    ]);
    expect(run('the liner RMS Queen Elizabeth 2 from Cunard', { Elizabeth: 'PER', Cunard: 'ORG' })).toEqual(['MISC[RMS Queen Elizabeth 2]', 'ORG[Cunard]']);
  });

  it('leaves a prefix alone before no capitalized word, across a line, in a longer name of the tagger, and a memorial or museum', () => {
    for (const [text, names] of [
      ['the USS was hit', {}],
      ['USS\nCole said', { Cole: 'PER' }],
      ['the USS Arizona Memorial', { 'USS Arizona Memorial': 'LOC' }],
      ['the SS Obersturmbannführer and the INS Commissioner', {}],
    ] as const) {
      const { toks, tags } = tagsNaming(text, names);
      expect(shipsAreMisc(text, toks, tags)).toEqual(tags);
    }
  });
});

describe(countriesBeforePossessives.name, () => {
  const runPoss = (text: string, named: Array<[number, number, string]>): string[] => spans(text, countriesBeforePossessives(nerTokenize(text), tagsFor(text, named)));

  it("types a country's name left untagged before a possessive as a place, the clitic written apart or not", () => {
    expect(runPoss("Britain 's Prime Minister John Major said", [[5, 7, 'PER']])).toEqual(['LOC[Britain]', 'PER[John Major]']);
    expect(runPoss("China's economy grew", [])).toEqual(['LOC[China]']);
  });

  it('leaves a tagged word, a word that is no country, a country without a possessive and the surname of a person named in full alone', () => {
    expect(runPoss("Microsoft 's shares rose", [])).toEqual([]);
    expect(runPoss('Britain said on Thursday', [])).toEqual([]);
    expect(runPoss("Germany 's envoy", [[0, 1, 'ORG']])).toEqual(['ORG[Germany]']);
    expect(runPoss("Michael Jordan scored . Jordan 's 30 points", [[0, 2, 'PER']])).toEqual(['PER[Michael Jordan]']);
  });

  it('keeps valid BIO tags of the same length over random taggings', () => {
    const toks = nerTokenize("Britain 's Prime Minister John Major met China 's envoy and Jordan 's king");
    expectBioKept(toks.length, 29, (tags) => countriesBeforePossessives(toks, tags));
  });
});

describe(countriesOffPersons.name, () => {
  const runOff = (text: string, named: Array<[number, number, string]>): string[] => spans(text, countriesOffPersons(nerTokenize(text), tagsFor(text, named)));

  it("takes a country's name off the start of a person's name the tagger read as one", () => {
    expect(runOff('the President of Venezuela Hugo Chávez and the envoy in Burundi Carolyn McAskie', [[3, 6, 'PER'], [10, 13, 'PER']])).toEqual([
      'LOC[Venezuela]', 'PER[Hugo Chávez]', 'LOC[Burundi]', 'PER[Carolyn McAskie]',
    ]);
  });

  it("leaves a country that is a given name, a title, a place's or a product's name after it, two words, and other types alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['actor Chad Michael Murray and Jordan Lee Smith', [[1, 4, 'PER'], [5, 8, 'PER']]], // given names
      ['Chad Prime Minister Pascal Yoadimnadji said', [[0, 5, 'PER']]], // a title
      ['in Andorra La Vella and the Monaco Calibre 360', [[1, 4, 'PER'], [6, 9, 'PER']]], // a place, a product
      ['Italy Prodi said', [[0, 2, 'PER']]], // one word left
      ['the Italy Romano Prodi Foundation', [[1, 5, 'ORG']]], // an organisation
    ];
    for (const [text, named] of cases) expect(runOff(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(leadersGovernmentsAreNoNames.name, () => {
  const runLeaders = (text: string, named: Array<[number, number, string]>): string[] => spans(text, leadersGovernmentsAreNoNames(nerTokenize(text), tagsFor(text, named)));

  it("reads a government named after a leader the text names as a person as the leader's name and a common noun", () => {
    expect(runLeaders('President Bush said the Bush Administration would act.', [[1, 2, 'PER'], [4, 6, 'ORG']])).toEqual(['PER[Bush]', 'PER[Bush]']);
    expect(runLeaders('John Howard spoke for the Howard Government', [[0, 2, 'PER'], [5, 7, 'ORG']])).toEqual(['PER[John Howard]', 'PER[Howard]']);
  });

  it('leaves a place\'s or a nationality\'s government, a leader the text names nowhere else, other heads and longer names alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the Queensland Government and the Australian Government met Anna Bligh', [[1, 3, 'ORG'], [5, 7, 'ORG'], [8, 10, 'PER']]],
      ['the Bush Administration said so', [[1, 3, 'ORG']]], // no person Bush in the text
      ['President Bush met the Bush Foundation and the Federal Aviation Administration', [[1, 2, 'PER'], [4, 6, 'ORG'], [8, 11, 'ORG']]],
    ];
    for (const [text, named] of cases) expect(runLeaders(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });

  it('reads a surname alone before a lowercase administration as the leader, and before a government where the text names the person', () => {
    expect(runLeaders('the Trump administration said it would appeal', [[1, 2, 'ORG']])).toEqual(['PER[Trump]']);
    expect(runLeaders('officials of the Reagan and Bush administrations', [[3, 4, 'ORG'], [5, 6, 'ORG']])).toEqual(['ORG[Reagan]', 'PER[Bush]']);
    expect(runLeaders('Premier Dalton McGuinty said the McGuinty government would act', [[1, 3, 'PER'], [5, 6, 'ORG']])).toEqual(['PER[Dalton McGuinty]', 'PER[McGuinty]']);
  });

  it("leaves a party's, a place's or a people's word, acronyms, joined names and a government the text names no person of alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['a Republican administration and a Democratic administration', [[1, 2, 'ORG'], [5, 6, 'ORG']]],
      ['the HRIS administration and the Bush-Cheney administration', [[1, 2, 'ORG'], [5, 6, 'ORG']]],
      ['the Hamas government and the Taliban government fell', [[1, 2, 'ORG'], [5, 6, 'ORG']]],
      ['the Australian administration of Nauru', [[1, 2, 'ORG'], [4, 5, 'LOC']]],
    ];
    for (const [text, named] of cases) expect(runLeaders(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(knownPlacesJoinedByOf.name, () => {
  const runJoin = (text: string, named: Array<[number, number, string]>): string[] => spans(text, knownPlacesJoinedByOf(nerTokenize(text), tagsFor(text, named)));

  it('joins two names around "of" into the place the lists know whole', () => {
    expect(runJoin('rebels in the Democratic Republic of the Congo attacked', [[3, 5, 'LOC'], [7, 8, 'LOC']])).toEqual(['LOC[Democratic Republic of the Congo]']);
    expect(runJoin('born in Republic of Ireland', [[2, 3, 'ORG'], [4, 5, 'LOC']])).toEqual(['LOC[Republic of Ireland]']);
  });

  it('leaves names around "of" whose whole no list knows, and a person before it', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the Bank of England and the University of Texas', [[1, 2, 'ORG'], [3, 4, 'LOC'], [6, 7, 'ORG'], [8, 9, 'LOC']]],
      ['Queen Elizabeth of Britain', [[0, 2, 'PER'], [3, 4, 'LOC']]],
      ['Democratic Republic of the Congo', [[0, 2, 'PER'], [4, 5, 'LOC']]],
    ];
    for (const [text, named] of cases) expect(runJoin(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(regionalAdjectivesAreMisc.name, () => {
  const runRegions = (text: string, named: Array<[number, number, string]>): string[] => spans(text, regionalAdjectivesAreMisc(nerTokenize(text), tagsFor(text, named)));

  it("makes a region's adjective read as a place or an organisation MISC", () => {
    expect(runRegions('other Middle Eastern countries and Eastern European nations and a Latin-American candidate', [[1, 3, 'LOC'], [5, 7, 'ORG'], [10, 11, 'LOC']])).toEqual([
      'MISC[Middle Eastern]', 'MISC[Eastern European]', 'MISC[Latin-American]',
    ]);
  });

  it("leaves seas, places named with a compass word, a longer name's first words, a firm's possessive and persons alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['storms in the South Pacific grew', [[3, 5, 'LOC']]],
      ['clashes in South Sudan and North Kordofan and the Southern Ocean', [[2, 4, 'LOC'], [5, 7, 'LOC'], [9, 11, 'LOC']]],
      ['the Central American Free Trade Agreement', [[1, 3, 'ORG']]],
      ["North American's tracking website", [[0, 2, 'ORG']]],
      ['Middle Eastern said', [[0, 2, 'PER']]],
    ];
    for (const [text, named] of cases) expect(runRegions(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(worksAreMisc.name, () => {
  const runWorks = (text: string, named: Array<[number, number, string]>): string[] => spans(text, worksAreMisc(nerTokenize(text), tagsFor(text, named)));

  it("makes a person's, a place's or an organisation's name right after a work's noun the work's title (MISC), after \"called\" or a quote too", () => {
    expect(runWorks('the Bollywood film Lage Raho Munnabhai and soap opera Coronation Street', [[3, 6, 'PER'], [9, 11, 'LOC']])).toEqual(['MISC[Lage Raho Munnabhai]', 'MISC[Coronation Street]']);
    expect(runWorks('the 1997 documentary School of Assassins and a film called Kidulthood', [[3, 6, 'ORG'], [10, 11, 'PER']])).toEqual(['MISC[School of Assassins]', 'MISC[Kidulthood]']);
    expect(runWorks('helped produce the film "Hotel Rwanda."', [[5, 7, 'ORG']])).toEqual(['MISC[Hotel Rwanda]']);
    // A vessel's name, as news annotation files it.
    expect(runWorks('the space shuttle Columbia and the tanker Idemitsu Maru', [[3, 4, 'LOC'], [7, 9, 'ORG']])).toEqual(['MISC[Columbia]', 'MISC[Idemitsu Maru]']);
  });

  it("makes a title set off by a comma after its work's noun, and the titles listed after a work's plural and a colon, MISC", () => {
    expect(runWorks('a track off their 1998 album, Electro-Shock Blues. It', [[7, 9, 'ORG']])).toEqual(['MISC[Electro-Shock Blues]']);
    expect(runWorks('his solo albums: Nusa Damai; Gitarku; Samsara; and Home, and a song', [[4, 6, 'PER'], [9, 10, 'LOC'], [12, 13, 'ORG']])).toEqual([
      'MISC[Nusa Damai]', 'MISC[Samsara]', 'MISC[Home]',
    ]);
    // Not a name that runs on into its clause, nor one after a role "of" the work ("the editing of the documentary, RDF Media,").
    expect(runWorks('In the film, Smith plays a cop', [[4, 5, 'PER']])).toEqual(['PER[Smith]']);
    expect(runWorks('the editing of the documentary, RDF Media, apologized', [[6, 8, 'ORG']])).toEqual(['ORG[RDF Media]']);
  });

  it('leaves a person with a given name, a lone word of a person named in full, known places and organisations, verbs and other nouns alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the film Michael Clayton opened', [[2, 4, 'PER']]], // a given name: the tagger's call
      ['Alan Johnston spoke in a film Johnston made', [[0, 2, 'PER'], [6, 7, 'PER']]], // a person the text names in full
      ['the film Paris and the documentary BBC aired', [[2, 3, 'LOC'], [6, 7, 'ORG']]], // names the gazetteer knows
      ['polls show Israel ahead as they play Pyongyang', [[2, 3, 'LOC'], [7, 8, 'LOC']]], // verbs
      ['every single Republican and the nuclear program Iran runs', [[2, 3, 'ORG'], [7, 8, 'LOC']]], // an adjective, "program"
      ['the film Innocence of Muslims', [[2, 5, 'MISC']]], // MISC already
    ];
    for (const [text, named] of cases) expect(runWorks(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(eventsAndLawsAreMisc.name, () => {
  const runMisc = (text: string, named: Array<[number, number, string]>): string[] => spans(text, eventsAndLawsAreMisc(text, nerTokenize(text), tagsFor(text, named)));

  it("makes an organisation's or a place's name that ends with an event's, a law's or an index's head MISC", () => {
    expect(runMisc('at the G8 Summit under the Clean Air Act', [[2, 4, 'ORG'], [6, 9, 'ORG']])).toEqual(['MISC[G8 Summit]', 'MISC[Clean Air Act]']);
    expect(runMisc('the Nasdaq Composite Index and the Atlantic Accord', [[1, 4, 'ORG'], [6, 8, 'LOC']])).toEqual(['MISC[Nasdaq Composite Index]', 'MISC[Atlantic Accord]']);
    expect(runMisc('under the UN Charter and the Anti-Secession Law and the Turkish Penal Code', [[2, 4, 'ORG'], [6, 8, 'ORG'], [10, 13, 'ORG']])).toEqual([
      'MISC[UN Charter]', 'MISC[Anti-Secession Law]', 'MISC[Turkish Penal Code]',
    ]);
    // A treaty or a party's convention ("Convention", "Conventions"), and a place before an untagged one.
    expect(runMisc('under the Geneva Conventions, at the Democratic National Convention and in the Lome Convention', [[2, 4, 'ORG'], [7, 10, 'ORG'], [13, 14, 'LOC']])).toEqual([
      'MISC[Geneva Conventions]', 'MISC[Democratic National Convention]', 'MISC[Lome Convention]',
    ]);
  });

  it("makes a place before an untagged event's or law's head that ends the name, or after a race's \"Tour de\", MISC with it", () => {
    expect(runMisc('at the U.S. Open on Monday and the Tour de France', [[2, 3, 'LOC'], [10, 11, 'LOC']])).toEqual(['MISC[U.S. Open]', 'MISC[Tour de France]']);
    expect(runMisc('signed the Lisbon Treaty on Australia Day', [[2, 3, 'LOC'], [5, 6, 'LOC']])).toEqual(['MISC[Lisbon Treaty]', 'MISC[Australia Day]']);
    // Not across a line's end, nor before a head that goes on ("Law Lord"), nor a place the tagger read as no name.
    for (const [text, named] of [
      ['Days 1 to 3: Tokyo\nDay 4: Kyoto', [[4, 5, 'LOC'], [8, 9, 'LOC']]],
      ['the former UK Law Lord spoke', [[2, 3, 'LOC']]],
      ['the Tour de France', []],
    ] as Array<[string, Array<[number, number, string]>]>) {
      expect(runMisc(text, named)).toEqual(spans(text, tagsFor(text, named)));
    }
  });

  it('leaves publications, names with an organisation head inside, one-word heads, persons and MISC alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the magazine Vanity Fair', [[2, 4, 'ORG']]], // a publication's head
      ['TV Guide said', [[0, 2, 'ORG']]],
      ['the Medical Association for Prevention of War', [[1, 7, 'ORG']]], // an organisation head inside
      ['the Summit ended', [[1, 2, 'ORG']]], // one word
      ['the William Mitchell College of Law and the Constitution', [[1, 6, 'ORG'], [8, 9, 'ORG']]], // an organisation head inside; one word
      ['Jack Act spoke', [[0, 2, 'PER']]], // a person
      ['the G8 Summit', [[1, 3, 'MISC']]], // MISC already
    ];
    for (const [text, named] of cases) expect(runMisc(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(placesAfterStrikes.name, () => {
  it('makes a name read as a person after a strike and its preposition a place, there and elsewhere in the text', () => {
    const text = 'Six died in a missile strike on Kryvyi Rih. Drone strikes in Majdal Zoun went on. Kryvyi Rih mourned.';
    const { toks, tags } = tagsNaming(text, { 'Kryvyi Rih': 'PER', 'Majdal Zoun': 'PER' });
    expect(spans(text, placesAfterStrikes(toks, tags))).toEqual(['LOC[Kryvyi Rih]', 'LOC[Majdal Zoun]', 'LOC[Kryvyi Rih]']);
  });

  it('leaves a person attacked, one word, a name with a title and one before a possessive', () => {
    const text = 'The attack on Hillary Clinton. A strike on Karen. A strike on General Qasem Soleimani. A strike on Ahmed Yassin\'s car.';
    const { toks, tags } = tagsNaming(text, { 'Hillary Clinton': 'PER', Karen: 'PER', 'General Qasem Soleimani': 'PER', 'Ahmed Yassin': 'PER' });
    expect(placesAfterStrikes(toks, tags)).toEqual(tags);
  });
});

describe(bodiesReadAsPlaces.name, () => {
  it('makes a place or a person ending with a parliament\'s, a front\'s or a newspaper\'s last word an organisation', () => {
    const text = 'The Scottish Parliament met. The Polisario Front said so, according to the San Francisco Chronicle and EGM Magazine.';
    const named = { 'Scottish Parliament': 'LOC', 'Polisario Front': 'LOC', 'San Francisco Chronicle': 'LOC', 'EGM Magazine': 'PER' };
    const { toks, tags } = tagsNaming(text, named);
    expect(spans(text, bodiesReadAsPlaces(toks, tags))).toEqual(['ORG[Scottish Parliament]', 'ORG[Polisario Front]', 'ORG[San Francisco Chronicle]', 'ORG[EGM Magazine]']);
  });

  it('leaves a war\'s front, one word, a run with "The" inside, a surname not on the list and a MISC name', () => {
    const text = 'On the Western Front. Front said. In Pondicherry The Left Front won. Col. Michael Daily spoke. The Scottish Parliament Act.';
    const named = { 'Western Front': 'LOC', Front: 'LOC', 'Pondicherry The Left Front': 'LOC', 'Michael Daily': 'PER', 'Scottish Parliament Act': 'MISC' };
    const { toks, tags } = tagsNaming(text, named);
    expect(bodiesReadAsPlaces(toks, tags)).toEqual(tags);
  });
});

describe(branchesInCountries.name, () => {
  it('joins an organisation and the country of one or two words that closes its name', () => {
    const text = "Wal-Mart Canada spokesman Kevin Groh said. Arrested by Police Scotland. Told Sky News New Zealand. McDonald's Australia said.";
    const named = { 'Wal-Mart': 'ORG', Canada: 'LOC', Police: 'ORG', Scotland: 'LOC', 'Sky News': 'ORG', 'New Zealand': 'LOC', "McDonald 's": 'ORG', Australia: 'LOC' };
    const { toks, tags } = tagsNaming(text, named);
    const joined = ['ORG[Wal-Mart Canada]', 'ORG[Police Scotland]', 'ORG[Sky News New Zealand]', "ORG[McDonald 's Australia]"];
    expect(spans(text, branchesInCountries(text, toks, tags))).toEqual(joined);
  });

  it('leaves a country opening a longer name, a town, a country after a figure or on the next line, and a person', () => {
    const text = 'A Republican U.S. Senator spoke. Google London opened. Then 882 U.S. troops died. Reuters\nCanada was cold. Bank Harry Smith.';
    const named = { Republican: 'ORG', 'U.S.': 'LOC', Google: 'ORG', London: 'LOC', '882': 'ORG', Reuters: 'ORG', Canada: 'LOC', Bank: 'ORG', 'Harry Smith': 'PER' };
    const { toks, tags } = tagsNaming(text, named);
    expect(branchesInCountries(text, toks, tags)).toEqual(tags);
  });
});

describe(namesSplitAtInitials.name, () => {
  it('joins a person and the name after it where an initial stands between them, typed by the second name', () => {
    const text = 'He went to the John F. Kennedy School of Government. Judge Henry F. Floyd ruled. Rep. Michael N. Castle won. At the David H. Koch Theater.';
    const named = { 'John F.': 'PER', 'Kennedy School of Government': 'ORG', 'Henry F.': 'PER', Floyd: 'PER', Michael: 'PER', 'N. Castle': 'LOC', 'David H.': 'PER', 'Koch Theater': 'ORG' };
    const { toks, tags } = tagsNaming(text, named);
    const joined = ['ORG[John F. Kennedy School of Government]', 'PER[Henry F. Floyd]', 'PER[Michael N. Castle]', 'ORG[David H. Koch Theater]'];
    expect(spans(text, namesSplitAtInitials(text, toks, tags))).toEqual(joined);
  });

  it('keeps a venue after an initial a place, and leaves names with no initial between, a MISC name and the next line', () => {
    const text = 'At the David H. Koch Stadium. Then John Smith Paris. Tom F. Apollo 13. Erin H.\nDearest Erin.';
    const named = { 'David H.': 'PER', 'Koch Stadium': 'LOC', 'John Smith': 'PER', Paris: 'LOC', 'Tom F.': 'PER', 'Apollo 13': 'MISC', 'Erin H.': 'PER', 'Dearest Erin': 'PER' };
    const { toks, tags } = tagsNaming(text, named);
    expect(spans(text, namesSplitAtInitials(text, toks, tags))).toEqual(['LOC[David H. Koch Stadium]', 'PER[John Smith]', 'LOC[Paris]', 'PER[Tom F.]', 'MISC[Apollo 13]', 'PER[Erin H.]', 'PER[Dearest Erin]']);
  });
});

describe(placesBeforePlaceNouns.name, () => {
  const runPlaces = (text: string, named: Array<[number, number, string]>): string[] => spans(text, placesBeforePlaceNouns(nerTokenize(text), tagsFor(text, named)));

  it('makes every person mention of a name the text writes before a noun of a place\'s kind a place', () => {
    // the [Abu Ghraib] prison ... at [Abu Ghraib]
    expect(runPlaces('the Abu Ghraib prison was shut. Inmates at Abu Ghraib left.', [[1, 3, 'PER'], [9, 11, 'PER']])).toEqual(['LOC[Abu Ghraib]', 'LOC[Abu Ghraib]']);
    expect(runPlaces('in the Musa Qala district and at John F. Kennedy airport', [[2, 4, 'PER'], [7, 10, 'PER']])).toEqual(['LOC[Musa Qala]', 'LOC[John F. Kennedy]']);
  });

  it("leaves a campaign's camp, a town hall, other nouns, a name inside a longer person and other types alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the Clinton camp said', [[1, 2, 'PER']]],
      ['an Obama town hall', [[1, 2, 'PER']]],
      ['the Bush administration and Bush', [[1, 2, 'PER'], [4, 5, 'PER']]],
      ['the Abu Ghraib prison and Abu Ghraib Smith', [[1, 3, 'ORG'], [5, 8, 'PER']]], // not a person before the noun; a longer name
    ];
    for (const [text, named] of cases) expect(runPlaces(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(townsBeforeTheirCountries.name, () => {
  const runTowns = (text: string, named: Array<[number, number, string]>): string[] => spans(text, townsBeforeTheirCountries(nerTokenize(text), tagsFor(text, named)));

  it('makes an organisation or a person after "in", "near" or "outside" and before a comma and a known place a place', () => {
    expect(runTowns('a summit in Bad Soden , Germany .', [[3, 5, 'ORG'], [6, 7, 'LOC']])).toEqual(['LOC[Bad Soden]', 'LOC[Germany]']);
    expect(runTowns('talks in Zeist , the Netherlands .', [[2, 3, 'PER'], [5, 6, 'LOC']])).toEqual(['LOC[Zeist]', 'LOC[Netherlands]']);
    expect(runTowns('She was born in Hagatna , Guam and', [[4, 5, 'PER'], [6, 7, 'LOC']])).toEqual(['LOC[Hagatna]', 'LOC[Guam]']);
    // A state or a city the gazetteer knows.
    expect(runTowns('protests in Des Moines , Iowa , against', [[2, 4, 'PER'], [5, 6, 'LOC']])).toEqual(['LOC[Des Moines]', 'LOC[Iowa]']);
    expect(runTowns('an attack in Golders Green , London .', [[3, 5, 'ORG'], [6, 7, 'LOC']])).toEqual(['LOC[Golders Green]', 'LOC[London]']);
    // "near" and "outside" as "in".
    expect(runTowns('two trains collide near Slavonski Brod , Croatia .', [[4, 6, 'PER'], [7, 8, 'LOC']])).toEqual(['LOC[Slavonski Brod]', 'LOC[Croatia]']);
  });

  it('leaves other prepositions, organisations by their head or the lists, towns before a longer name and places the gazetteer does not know alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['at Teater Terbuka , Indonesia .', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // "at": a venue, an organisation by convention
      ['in Amnesty International , Britain .', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // a known organisation
      ['in Acme Corporation , France .', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // an organisation's head
      ['in Bad Soden , Netherlands Railways said', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // a longer name after the country
      ['in Bad Soden , Zorbitz .', [[1, 3, 'ORG'], [4, 5, 'LOC']]], // no place the gazetteer knows
      ['a letter from Jane Doe , Iceland .', [[3, 5, 'PER'], [6, 7, 'LOC']]], // "from": persons come from places
      ['a meeting in Jane Doe , Iceland \'s minister', [[3, 5, 'PER'], [6, 7, 'LOC']]], // a possessive after the place
      ['in Bad Soden , the Netherlands .', [[1, 3, 'ORG'], [5, 6, 'ORG']]], // the country not read as a place
    ];
    for (const [text, named] of cases) expect(runTowns(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(numberedCraftAreMisc.name, () => {
  const run = spansOfPass(numberedCraftAreMisc);

  it('makes a spacecraft, launcher or mission named by its series and number MISC, the number with it', () => {
    expect(run('the record set by Apollo 13 in April 1970', { 'Apollo 13': 'ORG' })).toEqual(['MISC[Apollo 13]']);
    expect(run('on a SpaceX Falcon 9 rocket from Florida', { 'SpaceX Falcon': 'ORG', Florida: 'LOC' })).toEqual(['ORG[SpaceX]', 'MISC[Falcon 9]', 'LOC[Florida]']);
    expect(run('the lander of the Chandrayaan-3 mission', { 'Chandrayaan-3': 'LOC' })).toEqual(['MISC[Chandrayaan-3]']);
    expect(run('since Vostok 6 in 1963', { Vostok: 'ORG' })).toEqual(['MISC[Vostok 6]']);
  });

  it('leaves the series without a number, a name running on past the number and names the tagger did not read', () => {
    for (const [text, names] of [
      ['tickets at the Apollo sold out', { Apollo: 'ORG' }],
      ['a visit to the Apollo 11 Museum', { 'Apollo 11 Museum': 'LOC' }],
      ['Apollo 13 flew in 1970', {}],
      ['Soyuz carried 3 astronauts', { Soyuz: 'ORG' }],
    ] as Array<[string, Record<string, string>]>) {
      const { tags } = tagsNaming(text, names);
      expect(run(text, names)).toEqual(spans(text, tags));
    }
  });
});

describe(knownPlacesReadAsPersons.name, () => {
  const gazetteer = { names: new Map([['Khan Yunis', 'LOC'], ['El Obeid', 'LOC'], ['Saint Paul', 'LOC'], ['Rafah', 'LOC'], ['Jordan', 'LOC'], ['San Jose', 'LOC+ORG'], ['Acme Group', 'ORG']]), maxLength: new Map<string, number>() };
  const run = spansOfPass((toks, tags) => knownPlacesReadAsPersons(toks, tags, gazetteer));

  it('makes a known place read as a person a place where the text puts it where a place stands, and wherever else it reads it so', () => {
    expect(run('Khan Yunis was calm . Five are killed in Khan Yunis .', { 'Khan Yunis': 'PER' })).toEqual(['LOC[Khan Yunis]', 'LOC[Khan Yunis]']);
    expect(run('strikes on Rafah and Khan Yunis , killing 60', { Rafah: 'LOC', 'Khan Yunis': 'PER' })).toEqual(['LOC[Rafah]', 'LOC[Khan Yunis]']);
    expect(run('fighting erupts at El Obeid , North Kordofan', { 'El Obeid': 'PER', 'North Kordofan': 'LOC' })).toEqual(['LOC[El Obeid]', 'LOC[North Kordofan]']);
    expect(run('Heavy fighting erupts : El Obeid , North Kordofan', { 'El Obeid': 'PER', 'North Kordofan': 'LOC' })).toEqual(['LOC[El Obeid]', 'LOC[North Kordofan]']);
    expect(run('he served as mayor of Saint Paul .', { 'Saint Paul': 'PER' })).toEqual(['LOC[Saint Paul]']);
    expect(run('a strike in the Khan Yunis area', { 'Khan Yunis': 'PER' })).toEqual(['LOC[Khan Yunis]']);
    expect(run('the police of San Jose said', { 'San Jose': 'PER' })).toEqual(['LOC[San Jose]']);
  });

  it('makes a name opening with a word of Arabic or Hebrew place names a place where it stands after "in" or by a place, known or not', () => {
    expect(run('attacks were carried out across Kafr Rumman .', { 'Kafr Rumman': 'PER' })).toEqual(['LOC[Kafr Rumman]']);
    expect(run('strikes on Gaza City and Khan Younis , and Khan Younis again', { 'Gaza City': 'LOC', 'Khan Younis': 'PER' })).toEqual(['LOC[Gaza City]', 'LOC[Khan Younis]', 'LOC[Khan Younis]']);
    expect(run('control of Umm Sayala , North Kordofan', { 'Umm Sayala': 'PER', 'North Kordofan': 'LOC' })).toEqual(['LOC[Umm Sayala]', 'LOC[North Kordofan]']);
    // After "of", "from", "to" or "on" alone such a name may be a person's.
    expect(run('the songs of Umm Kulthum were played', { 'Umm Kulthum': 'PER' })).toEqual(['PER[Umm Kulthum]']);
    expect(run('a tanker bound from Ras Laffan to Tianjin', { 'Ras Laffan': 'PER', Tianjin: 'LOC' })).toEqual(['PER[Ras Laffan]', 'LOC[Tianjin]']);
  });

  it('makes a name opening with "Abu", "Al" or "El" a place after "in" or "at", or before a comma and a place, but not after a place and a comma', () => {
    expect(run('abuses by guards at Abu Ghraib were filmed', { 'Abu Ghraib': 'PER' })).toEqual(['LOC[Abu Ghraib]']);
    expect(run('a drone strike near Abu Zabad , West Kordofan', { 'Abu Zabad': 'PER', 'West Kordofan': 'LOC' })).toEqual(['LOC[Abu Zabad]', 'LOC[West Kordofan]']);
    expect(run('a patrol in Al Amarah was attacked', { 'Al Amarah': 'PER' })).toEqual(['LOC[Al Amarah]']);
    // A person in apposition after a place, as a town listed after its neighbour stands.
    expect(run('the leader of al-Qaeda in Iraq , Abu Musab al-Zarqawi , was killed', { Iraq: 'LOC', 'Abu Musab al-Zarqawi': 'PER' })).toEqual(['LOC[Iraq]', 'PER[Abu Musab al-Zarqawi]']);
    expect(run('attacks on New York and Washington , Abu Zubaydah said', { 'New York': 'LOC', Washington: 'LOC', 'Abu Zubaydah': 'PER' })).toEqual(['LOC[New York]', 'LOC[Washington]', 'PER[Abu Zubaydah]']);
    expect(run('a speech by Al Gore in Nashville', { 'Al Gore': 'PER', Nashville: 'LOC' })).toEqual(['PER[Al Gore]', 'LOC[Nashville]']);
    expect(run("a party at Al Gore's home", { 'Al Gore': 'PER' })).toEqual(['PER[Al Gore]']);
  });

  it('leaves a name the gazetteer does not know as a place, one word alone, a name nowhere in a place\'s position and other types', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['strikes in Talata Mafara , killing 60', { 'Talata Mafara': 'PER' }], // not in the gazetteer, no place's opening word
      ['a letter from Jordan .', { Jordan: 'PER' }], // one word
      ['Khan Yunis said he would stay .', { 'Khan Yunis': 'PER' }], // nowhere where a place stands
      ['a deal with Acme Group in Rafah', { 'Acme Group': 'PER', Rafah: 'LOC' }], // an organisation's name
      ['in Khan Yunis , Gaza', { 'Khan Yunis': 'ORG', Gaza: 'LOC' }], // read as an organisation: another pass's
    ];
    for (const [text, names] of cases) {
      const { tags } = tagsNaming(text, names);
      expect(run(text, names)).toEqual(spans(text, tags));
    }
  });
});

describe(organisationsFirstWords.name, () => {
  const stats = statsOf({ a: 'N', an: 'N', combatant: 'R', documentation: 'R', thai: 'A' });
  const runFirst = (text: string, named: Array<[number, number, string]>): string[] => spans(text, organisationsFirstWords(nerTokenize(text), tagsFor(text, named), stats));

  it("joins an untagged capitalized word to the organisation after it when the name has a head word or recurs whole", () => {
    // at his [Combatant] Status Review Tribunal ; the non-profit [Documentation] Center Cambodia
    expect(runFirst('at his Combatant Status Review Tribunal , the non-profit Documentation Center Cambodia .', [[3, 6, 'ORG'], [10, 12, 'ORG']])).toEqual([
      'ORG[Combatant Status Review Tribunal]', 'ORG[Documentation Center Cambodia]',
    ]);
    // his [Thai] Rak Thai party ... a single Thai Rak Thai candidate: a nationality, but the name recurs whole
    expect(runFirst('his Thai Rak Thai party won ; a single Thai Rak Thai candidate', [[2, 4, 'ORG'], [10, 12, 'ORG']])).toEqual(['ORG[Thai Rak Thai]', 'ORG[Thai Rak Thai]']);
  });

  it('leaves titles, adjectives, nationalities, months, places, "The", function words, headless names and sentence starts alone', () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['referring to Deputy First Minister Martin McGuinness', [[3, 5, 'ORG'], [5, 7, 'PER']]],
      ['under the Islamist Hamas movement', [[3, 4, 'ORG']]],
      ['members of the Irish Sinn Fein party', [[4, 6, 'ORG']]],
      ['arrives early December Citizens Energy will', [[3, 5, 'ORG']]],
      ['a proposal in London Stock Exchange rules', [[4, 6, 'ORG']]],
      ['reported in The New York Times and in The New York Times', [[3, 6, 'ORG'], [9, 12, 'ORG']]],
      ['calls it A U.N. Security Council proposal', [[3, 6, 'ORG']]],
      ['the Provisional IRA said', [[2, 3, 'ORG']]],
      ['Combatant Status Review Tribunal met', [[1, 4, 'ORG']]],
      ['the Hutu-extremist FNL party', [[2, 3, 'ORG']]],
    ];
    for (const [text, named] of cases) expect(runFirst(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(organisationsLastWords.name, () => {
  const runLast = (text: string, named: Array<[number, number, string]>): string[] => spans(text, organisationsLastWords(nerTokenize(text), tagsFor(text, named)));

  it("joins an untagged business head word to the organisation or place right before it", () => {
    // [Paramount] Pictures has agreed ; in Denver the [Rocky Mountain] News shut down
    expect(runLast('Paramount Pictures has agreed ; in Denver the Rocky Mountain News shut down', [[0, 1, 'ORG'], [6, 7, 'LOC'], [8, 10, 'LOC']])).toEqual([
      'ORG[Paramount Pictures]', 'LOC[Denver]', 'ORG[Rocky Mountain News]',
    ]);
  });

  it('joins the head words of advisers, brokers and miners ("Naroff Economic Advisors", "Kennet Brokers", "Pacifica Minerals")', () => {
    expect(runLast('president of Naroff Economic Advisors told Bloomberg , an analyst at Kennet Brokers , supplier Pacifica Minerals paid', [[2, 4, 'ORG'], [11, 12, 'ORG'], [15, 16, 'ORG']])).toEqual([
      'ORG[Naroff Economic Advisors]', 'ORG[Kennet Brokers]', 'ORG[Pacifica Minerals]',
    ]);
  });

  it("leaves governments, police, persons' names and a head before another capitalized word alone", () => {
    const cases: Array<[string, Array<[number, number, string]>]> = [
      ['the UK Government said', [[1, 2, 'LOC']]],
      ['said San Jose Police Sgt. Nick Muyo', [[1, 3, 'LOC'], [5, 7, 'PER']]],
      ['the Bush Group met', [[1, 2, 'PER']]],
      ['the U.S. Military Commissions Act limited', [[1, 3, 'ORG']]],
      ['the Paramount Pictures deal', [[1, 3, 'ORG']]],
    ];
    for (const [text, named] of cases) expect(runLast(text, named)).toEqual(spans(text, tagsFor(text, named)));
  });
});

describe(acronymsBeforeOffices.name, () => {
  it("makes an untagged acronym before a title of office and a person's name the organisation", () => {
    const text = 'BOJ Governor Yasuo Matsushita spoke , and UAW President Stephen Yokich and the MITI Deputy Minister Shinji Sato agreed .';
    const { toks, tags } = tagsNaming(text, { 'Yasuo Matsushita': 'PER', 'Stephen Yokich': 'PER', 'Shinji Sato': 'PER' });
    const out = acronymsBeforeOffices(toks, tags);
    expect([...tagsAt(toks, out, 'BOJ'), ...tagsAt(toks, out, 'UAW'), ...tagsAt(toks, out, 'MITI')]).toEqual(['B-ORG', 'B-ORG', 'B-ORG']);
  });

  it("leaves a place's acronym, two capitals, a title, a ship's prefix, a longer name, and an acronym before no person alone", () => {
    const text = 'UAE President Khalifa spoke . NZ Prime Minister Helen Clark , CEO President Ann Ray , RMS Queen Elizabeth sailed , Acme BOJ Governor Tom Lee , and FBI Director said .';
    const { toks, tags } = tagsNaming(text, { Khalifa: 'PER', 'Helen Clark': 'PER', 'Ann Ray': 'PER', Elizabeth: 'PER', Acme: 'ORG', 'Tom Lee': 'PER' });
    expect(acronymsBeforeOffices(toks, tags)).toEqual(tags);
  });

  it('reads such an acronym through the whole tagger as an organisation', () => {
    const text = 'BOJ Governor Yasuo Matsushita said on Tuesday the economy was recovering.';
    expect(tagEntities({ title: '', text }).organisations.map((o) => o.name)).toEqual(['BOJ']);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'BOJ Governor Yasuo Matsushita and UAW President Stephen Yokich met MITI Deputy Prime Minister Shinji Sato .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 53, (tags) => acronymsBeforeOffices(toks, tags));
  });
});

describe(pollstersBeforePolls.name, () => {
  it('makes a name read as a person or a place between an article and its poll the pollster, an organisation', () => {
    const text = 'in a Gallup poll for the paper , the latest Colmar Brunton survey and the Harris polls .';
    const { toks, tags } = tagsNaming(text, { Gallup: 'LOC', 'Colmar Brunton': 'LOC', Harris: 'PER' });
    expect(pollstersBeforePolls(toks, tags)).toEqual(tagsNaming(text, { Gallup: 'ORG', 'Colmar Brunton': 'ORG', Harris: 'ORG' }).tags);
  });

  it('leaves a place the gazetteer knows, a polling place and a name without an article before it as they are', () => {
    const text = 'a Texas poll , a Louisville poll worker , Gallup poll , a Harris Smith poll .';
    const { toks, tags } = tagsNaming(text, { Texas: 'LOC', Louisville: 'LOC', Gallup: 'LOC', 'Harris Smith': 'MISC' });
    expect(pollstersBeforePolls(toks, tags)).toEqual(tags);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'a Gallup poll the Harris Smith survey a poll An X polls worker';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 59, (tags) => pollstersBeforePolls(toks, tags));
  });
});
