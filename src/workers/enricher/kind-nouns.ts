/**
 * Names that wire copy introduces by their kind: "chipmaker Nvidia",
 * "Japanese automaker Nissan", "Italian bank UniCredit", "mining group
 * Glencore", "the rock band Coldplay", "news agency Reuters". The tagger
 * reads most of them, but misses some ("oil major Shell": nothing), types
 * others by the name's sound ("UniCredit", "Jefferies": places; "Nissan":
 * MISC), and at a sentence's start takes the kind into the name ("Carmaker
 * Toyota", "Sportswear maker Puma"). In English Wikinews text the capitalized
 * words right after these nouns name an organisation nearly always; persons
 * come after other descriptors ("broadcaster Pat Robertson", "camera
 * operator Doug Vogt", "software developer ..."), which are not listed.
 * The same nouns name an organisation's kind after its name too ("Veja, a
 * magazine,", "Xinhua, the Chinese state-run news agency,").
 */
import { capitalizedOrUnknown, codeCap, type NameGazetteer, type WordStats, writtenLowercase } from './ner-features.js';
import { isPossessive, lineBreakAfter } from './ner-tokens.js';
import { DEMONYMS, GIVEN_NAMES, HONORIFICS, KNOWN_ORGS, LATE_COUNTRIES, LATE_DEMONYMS, MISC_HEAD_FIRST, MISC_HEAD_WORDS, NON_ENTITY_WORDS, ORG_HEAD_WORDS, PERSON_TITLES, PLACE_HEAD_FIRST, PLACE_HEAD_WORDS, PLACES, WEEKDAYS_AND_MONTHS } from './gazetteer.js';
import { SURNAME } from './lone-surnames.js';
import { startsCapitalized, textAt, type Token } from './tokens.js';
import { beginTag, bioSpans, clearSpan, isCountry, isNationality, PEOPLES, setSpan, spanEnd, spanStart, surnamesOfFullNames, wordsOfFullNames } from './wire-conventions.js';

/** Quotes that open and close a name written in quotes after its kind ('a band called "Squirrell"'). */
const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', '“']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”']);

/** Whether a name is a place's or a people's the gazetteers know ("Texas", "Vanuatu", "Chinese", "Fijian"). */
const placeOrPeople = (name: string): boolean => PLACES.has(name) || LATE_COUNTRIES.has(name) || DEMONYMS.has(name) || LATE_DEMONYMS.has(name);

/** Nouns of an organisation's kind whose capitalized next words name one ("carmaker Toyota", "the daily Le Monde"). */
export const KIND_NOUNS: ReadonlySet<string> = new Set(
  (
    'company firm conglomerate bank lender insurer retailer chain supermarket airline manufacturer maker carmaker automaker ' +
    'drugmaker chipmaker planemaker steelmaker toymaker brewer newspaper magazine daily tabloid broadsheet agency regulator watchdog ' +
    'brokerage broker-dealer giant band group party network channel website startup start-up label studio utility ' +
    'carrier charity organisation organization union club journal outlet alliance app platform think-tank'
  ).split(' '),
);
/**
 * Kind nouns that name an organisation only right before its name ("the messaging app Gojek", "video platform Rumble",
 * "the think-tank International Crisis Group"), not in an appositive after it ("Slideshow, a universal app," is a
 * product), and not by a word news writes in lowercase ("the mobile app Simple dashboard", "platform Supports").
 */
const KINDS_BEFORE_ONLY: ReadonlySet<string> = new Set(['app', 'platform', 'think-tank']);
/** Company forms that end a company's name ("Proastiakos S.A.", "Robert Bosch GmbH"); not those that are also abbreviations of places (SA, AB, NV) or offices (AG). */
export const COMPANY_FORMS: ReadonlySet<string> = new Set(
  'S.A. S.A.B. Inc Inc. Ltd Ltd. Limited plc PLC Plc GmbH Corp Corp. Corporation LLC L.L.C. N.V. B.V. A.E. S.p.A. SpA Oyj ASA'.split(' '),
);
/** "Co", a company's form only at the end of a name of three words or more ("Ford Motor Co"; "Tralee, Co. Kerry" is a county). */
const SHORT_COMPANY_FORMS: ReadonlySet<string> = new Set(['Co', 'Co.']);
/** The most words of a company's name whose first word names the company alone. */
const COMPANY_NAME_MAX = 4;
/** Company forms that are also abbreviations of places or offices: a company's only where the tagger reads them with the name as one organisation. */
const AMBIGUOUS_FORMS: ReadonlySet<string> = new Set('SA NV AG AB SE AS Oy BV'.split(' '));
/** Company forms written after a company's name and a comma ("Google, Inc.", "Enron Broadband Services, Inc."); not "Co." ("Tralee, Co. Kerry"). */
export const COMMA_FORMS: ReadonlySet<string> = new Set('Inc Inc. Ltd Ltd. LLC L.L.C. Corp Corp. plc PLC L.P. N.V. S.A. GmbH'.split(' '));
/** Last words that only organisations' names end with ("Cedar Holdings", "Afghan National Police", "Indian Railways", "Gulf Times"): a place or MISC name ending so is an organisation's (not "University": BTC files "Waikato University" as a place). */
const ORGANISATION_ENDINGS: ReadonlySet<string> = new Set('Holdings Police Railways Fund Foundation Times News'.split(' '));
/** Legislatures named in their own language ("the State Duma", "the Bundesrat"): a place ending so is an organisation (a MISC name, often a nationality before it, stays one). */
const LEGISLATURES: ReadonlySet<string> = new Set('Duma Knesset Bundestag Bundesrat Sejm Storting Riksdag Folketing Rada Majlis'.split(' '));
/** Head words that end businesses' names, never a person's or a place's own ("Paramount Pictures", "Cedar Holdings"). */
const BUSINESS_HEADS: readonly string[] = (
  'Pictures Studios Records Group Partners Airlines Airways Motors Industries Technologies Systems Networks Foods Brands Enterprises ' +
  'Holdings Ventures Investments Securities Corporation Company Advisors Advisers Brokers Minerals'
).split(' ');
/**
 * Last words of a business's name that are nobody's surname ("Carr Futures", "Samuels Jewelers", "UGO Entertainment", "Lehman Brothers"):
 * a person's name of two words or more ending so is a business's (not "Steel", "Press", "Bank", "Trust", "Energy": surnames too),
 * and so is a place's ("Mirage Resorts", "US Bancorp", "Port City Brewing").
 */
const BUSINESS_ENDINGS: ReadonlySet<string> = new Set([
  ...BUSINESS_HEADS,
  ...(
    'Futures Motorsports Associates Pharmaceuticals Insurance Realty Logistics Communications Brothers Books Media Labs Laboratories ' +
    'Publishing Publishers Entertainment Productions Films Software Solutions Consulting Electronics Jewelers Jewellers Stores Restaurants ' +
    'Hotels Resorts Biologics Therapeutics Biosciences Biotech Pharma Diagnostics Genomics Semiconductors Robotics Beverages Brewing Brewery Bancorp Bancshares'
  ).split(' '),
]);
/** A name's words joined as the text gives them, tokens[from] to tokens[to - 1]. */
export const nameText = (tokens: readonly Token[], from: number, to: number): string => tokens.slice(from, to).map((t) => t.text).join(' ');
/** The nouns after a name that make it a company's ("the Seiyu company"). */
const COMPANY_NOUNS: ReadonlySet<string> = new Set(['company', 'companies']);
/** What closes a name or a title set off by a comma after its kind ("his band, Gigi, was formed", "their album, Electro-Shock Blues."). */
const APPOSITIVE_END = /^[,.;:()]$/u;
/** Words after "shares" that make it the noun of a company's stock ("Ryanair shares rose"), not the verb ("India shares an open border"). */
const SHARE_MOVES: ReadonlySet<string> = new Set(
  'rose fell dropped slipped gained surged jumped climbed slid sank plunged plummeted tumbled soared rallied rocketed closed opened traded were are was is have had continued on in'.split(' '),
);
/** Kind nouns that also open names ("Bank Leumi", "Group Lotus", "Channel 4"): at a sentence's start they stay in the name. */
const NAME_OPENING_KINDS: ReadonlySet<string> = new Set(['bank', 'group', 'party', 'band', 'network', 'channel', 'agency', 'company', 'chain', 'label', 'studio', 'giant', 'union', 'club']);
/** Words that stand inside such a name between capitalized words ("Standard & Poor's", "Voice of Kenya"). */
const RUN_INNER: ReadonlySet<string> = new Set(['&', 'of', 'de', 'del', 'du', 'la', 'le']);
/** Small words that stand inside the name of a group or a charity before a capitalized word ("Save the Children", "Focus on the Family", "Students for a Free Tibet", "Movement for the Emancipation of the Niger Delta"). */
const NAME_SMALL: ReadonlySet<string> = new Set(['the', 'for', 'on', 'a', 'of', 'against', 'without']);
/** The most words an untagged name after a kind noun takes (5 until 2026-12-05: over Wikinews 8 reads two names whole, "the group Movement for the Emancipation of the Niger Delta", and changes nothing else). */
const NAME_MAX = 8;
/** The most words of a kind taken off a name's start ("Sportswear maker", "Online fashion retailer"). */
const KIND_MAX = 3;
/** Lowercase words that stand inside names ("Bank of America", "Leonardo da Vinci"). */
const NAME_INNER: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on', 'upon', 'de', 'del', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'bin', 'al', 'y']);

/** Whether `w` may begin a name that a kind noun introduces (no nationality, title, weekday or pronoun). */
const nameStart = (w: string): boolean => startsCapitalized(w) && !DEMONYMS.has(w) && !NON_ENTITY_WORDS.has(w) && !PERSON_TITLES.has(w) && !HONORIFICS.has(w);

/**
 * Tags where a name that ends with a company form ("Proastiakos S.A.") is an
 * organisation, and where the capitalized words right after a kind noun written in
 * lowercase ("automaker Nissan") are an organisation: a place or MISC span
 * there becomes one (unless it is a place the gazetteer knows, or a
 * nationality), and so do untagged capitalized words (up to eight, not a
 * nationality, title, weekday or month, with a name they run into:
 * untaggedNameEnd); "called" may stand between ("a company called
 * Intamin"); so does a person there ("the band
 * Gigi", "the magazine Der Spiegel", "ratings agency Fitch"), unless its
 * first word is a given name ("the party Dennis Kucinich") or it is one word
 * of a person the text names in full ("Elon Musk ... the company Musk
 * founded"), or a longer name whose last word the tagger reads alone as a
 * person ("Cleo magazine Sharri Markson ... Markson said"). The name may
 * stand set off by a comma after its kind ("his current band, Gigi, was
 * formed") when a mark closes it (appositiveCloses) and the kind is not the
 * end of a role's "of" or "for" phrase (ofRole: "the leader of the party,
 * Alaksandar Milinkievič"); or in quotes ('a band called "Squirrell"', 'the
 * Danish newspaper "Information"') when a quote closes it. The names so typed are organisations wherever
 * else the text reads them as persons ("Since then, Gigi has released six
 * albums"; the document pass alone would let the majority stay a person), or
 * as places the gazetteers do not know ("Brazilian magazine Veja ... According
 * to [Veja]", "the troubled UK bank Northern Rock ... buying [Northern Rock]").
 * And a name at a sentence's start loses the kind
 * written before it ("Carmaker Toyota", "Sportswear maker Puma": up to
 * three words, all known to the word statistics as written in lowercase
 * mid-sentence, the last a kind noun that does not also open names), when a
 * capitalized word follows; and the name before a trailing appositive of such
 * a kind ("Veja, a magazine,") is an organisation (typeTrailingKinds); a
 * company form after a name and a comma ends that company's name ("Google,
 * Inc.", not after a person or a known place); a person's name of two
 * words or more that ends with a business's word ("Carr Futures", "Samuels
 * Jewelers": BUSINESS_ENDINGS) is an organisation, and so is a person's name
 * right before "company" ("the Seiyu company", "the ISAP, ILPAP and ETHEL
 * companies").
 * Without word statistics only the first parts apply.
 */
export function typeKindAppositives(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  const out = [...tags];
  // Called through the list, so that none is inlined into this function: a case unseen so far recompiles its own part only.
  for (const part of KIND_APPOSITIVE_PARTS) part(tokens, out, stats);
  return out;
}

/** The names right after a kind noun ("automaker Nissan", "his band, Gigi,"), and the same words read as a person elsewhere. */
function typeNamesAfterKinds(tokens: readonly Token[], out: string[], stats: WordStats | undefined): void {
  const n = tokens.length;
  const text = (k: number): string => (tokens[k] as Token).text;
  // The words of the text's names of persons of two words or more ("Elon Musk").
  const personWords = wordsOfFullNames(tokens, out);
  // The names a kind noun introduces ("the band Gigi"): organisations wherever else the text writes them.
  const kinded = new Set<string>();
  // The words the tagger reads alone as persons ("Markson informed staff"): a longer name ending with one is a person's ("Cleo magazine Sharri Markson").
  const loneSurnames = new Set(bioSpans(out).filter((s) => s.type === 'PER' && s.to === s.from + 1).map((s) => text(s.from)));
  for (let i = 0; i + 1 < n; i++) {
    if (!KIND_NOUNS.has(text(i)) || out[i] !== 'O') continue;
    const beforeOnly = KINDS_BEFORE_ONLY.has(text(i));
    if (beforeOnly && writtenLowercase(tokens[i + 1]?.text ?? '', stats)) continue;
    // "a company called Intamin": the name after "called" as after the kind itself.
    if (!beforeOnly && text(i + 1) === 'called' && out[i + 1] === 'O' && i + 2 < n) i++;
    // "his current band, Gigi,": the name set off by commas after its kind, when a mark closes it.
    const comma = !beforeOnly && text(i + 1) === ',' && i + 2 < n && !ofRole(tokens, i);
    // 'a band called "Squirrell"': the name in quotes, when a quote closes it.
    const quoted = !beforeOnly && !comma && OPENING_QUOTES.has(text(i + 1)) && i + 2 < n;
    if (comma || quoted) i++;
    // Whether the name ending before `j` is closed as its form asks: by a mark when set off by a comma (appositiveCloses), by a quote when quoted.
    const closed = (j: number, single?: number): boolean =>
      (!comma || appositiveCloses(tokens, j, stats, single)) && (!quoted || CLOSING_QUOTES.has(tokens[j]?.text ?? ''));
    if (!nameStart(text(i + 1))) continue;
    const tag = out[i + 1] as string;
    if (tag === 'O') {
      const j = untaggedNameEnd(tokens, out, i + 1);
      if (j > i + 1 && closed(j, i + 1)) {
        setSpan(out, i + 1, j, 'ORG');
        kinded.add(nameText(tokens, i + 1, j));
      }
      i = j - 1;
      continue;
    }
    if (tag !== 'B-LOC' && tag !== 'B-MISC' && tag !== 'B-PER') continue;
    const type = tag.slice(2);
    const j = spanEnd(out, i + 1);
    if (!closed(j)) continue;
    const name = nameText(tokens, i + 1, j);
    if ((type === 'LOC' && PLACES.has(name)) || DEMONYMS.has(name)) continue;
    // A person stays one when the name reads as a person's: a given name first ("the party Dennis Kucinich"), or one word the text gives a person ("the company Musk founded", after "Elon Musk").
    if (type === 'PER' && (GIVEN_NAMES.has(text(i + 1)) || (j > i + 2 && loneSurnames.has(text(j - 1))) || (j === i + 2 && personWords.has(text(i + 1))))) continue;
    setSpan(out, i + 1, j, 'ORG');
    kinded.add(name);
    i = j - 1;
  }
  // "His current band, Gigi, ... Since then, [Gigi] has released six albums": the same words read as a person elsewhere are that organisation;
  // so are they read as a place the gazetteers do not know ("magazine Veja ... According to [Veja]"), not as MISC (products: "the Calm app").
  if (kinded.size > 0) {
    for (const s of bioSpans(out)) {
      if (s.type !== 'PER' && s.type !== 'LOC') continue;
      const name = nameText(tokens, s.from, s.to);
      if (!kinded.has(name)) continue;
      if (s.type === 'PER' ? s.to === s.from + 1 || !loneSurnames.has(text(s.to - 1)) : !placeOrPeople(name)) setSpan(out, s.from, s.to, 'ORG');
    }
  }
}

/** Names that end with a company form, or as only organisations' (or businesses') names do. */
function typeNamesByTheirEnding(tokens: readonly Token[], out: string[], _stats: WordStats | undefined): void {
  const n = tokens.length;
  const text = (k: number): string => (tokens[k] as Token).text;
  // "Proastiakos S.A.": a name that ends with a company form is a company's; "Cedar Holdings", "Iraqi Police": a place or MISC name that ends as only organisations' names do is one.
  for (let i = 0; i < n; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-')) continue;
    const j = spanEnd(out, i);
    const last = text(j - 1);
    const organisationEnding = (tag !== 'B-PER' && ORGANISATION_ENDINGS.has(last)) || (tag === 'B-LOC' && LEGISLATURES.has(last));
    if (tag !== 'B-ORG' && j - i > 1 && (COMPANY_FORMS.has(last) || organisationEnding || ((tag === 'B-PER' || tag === 'B-LOC') && BUSINESS_ENDINGS.has(last)))) setSpan(out, i, j, 'ORG');
    i = j - 1;
  }
}

/** A company form after a name and a comma ("Google, Inc."). */
function typeCommaForms(tokens: readonly Token[], out: string[], _stats: WordStats | undefined): void {
  const n = tokens.length;
  const text = (k: number): string => (tokens[k] as Token).text;
  // "Google, Inc.", "CCNG, Inc.": a company form after a name and a comma is the end of that company's name.
  for (let i = 1; i + 1 < n; i++) {
    if (text(i) !== ',' || !COMMA_FORMS.has(text(i + 1))) continue;
    const before = out[i - 1] as string;
    if (before === 'O' || before.endsWith('-PER')) continue;
    const from = spanStart(out, i - 1);
    const name = nameText(tokens, from, i);
    if (before.endsWith('-LOC') && PLACES.has(name)) continue;
    // What the tagger ran on from the form ("Inc. of Mountain View") starts at its next capitalized word.
    let k = i + 2;
    while (k < n && (out[k] as string).startsWith('I-') && !startsCapitalized(text(k))) out[k++] = 'O';
    if (k > i + 2 && k < n && (out[k] as string).startsWith('I-')) out[k] = beginTag((out[k] as string).slice(2));
    setSpan(out, from, i + 2, 'ORG');
    i++;
  }
}

/** Names before a company's stock or its holders, and persons' names before "company". */
function typeNamesBeforeStock(tokens: readonly Token[], out: string[], _stats: WordStats | undefined): void {
  const n = tokens.length;
  const text = (k: number): string => (tokens[k] as Token).text;
  // "Maxtor shareholders", "Ryanair shares rose": the name before a company's stock or its holders is a company's (not a place or a nationality the gazetteer knows: "Tokyo", "British shareholders");
  // so is a person's name before "company" ("the Seiyu company", "the ISAP, ILPAP and ETHEL companies"; not a place's: "a US company").
  for (let i = 0; i + 1 < n; i++) {
    const tag = out[i] as string;
    const company = tag.endsWith('-PER') && COMPANY_NOUNS.has(text(i + 1));
    if (!(company || beforeStock(tokens, i)) || !(tag === 'B-LOC' || tag === 'B-PER' || tag === 'B-MISC' || tag.startsWith('I-')) || tag.endsWith('-ORG')) continue;
    const from = spanStart(out, i);
    const name = nameText(tokens, from, i + 1);
    if (!PLACES.has(name) && !DEMONYMS.has(name)) setSpan(out, from, i + 1, 'ORG');
  }
}

/** trimLeadingKinds and typeTrailingKinds, which need the word statistics. */
function trimLeadingKindsWithStats(tokens: readonly Token[], out: string[], stats: WordStats | undefined): void {
  if (stats) trimLeadingKinds(tokens, out, stats);
}
function typeTrailingKindsWithStats(tokens: readonly Token[], out: string[], stats: WordStats | undefined): void {
  if (stats) typeTrailingKinds(tokens, out, stats);
}

/** typeKindAppositives' parts, in order, each on the tags the parts before it left. */
const KIND_APPOSITIVE_PARTS: ReadonlyArray<(tokens: readonly Token[], out: string[], stats: WordStats | undefined) => void> = [
  typeNamesAfterKinds,
  typeNamesByTheirEnding,
  typeCommaForms,
  typeNamesBeforeStock,
  trimLeadingKindsWithStats,
  typeTrailingKindsWithStats,
  typeDefinedNamesWithStats,
];

/** The verbs that define a sentence's subject by its kind ("Crazyhead are an English punk band"). */
const DEFINING_COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were']);
/**
 * Kind nouns that define an organisation after a copula: the kind nouns but those that also say what a person is ("a
 * giant", "the dominant decision maker", "a daily") or a product ("a brilliant old-school brewer", "a messaging app").
 */
const DEFINING_KINDS: ReadonlySet<string> = new Set([
  ...[...KIND_NOUNS].filter((w) => !KINDS_BEFORE_ONLY.has(w) && w !== 'giant' && w !== 'maker' && w !== 'daily' && w !== 'brewer'),
  'duo',
  'trio',
  'quartet',
  'quintet',
]);
/** Nouns of a work's kind after a copula ("Confete is the second album by"): the works' nouns, and "single". */
const DEFINING_WORKS: ReadonlySet<string> = new Set(['album', 'single', 'film', 'movie', 'documentary', 'novel', 'memoir', 'sitcom', 'miniseries', 'musical', 'opera', 'song']);
/** Lowercase words that may follow the kind noun that ends the definition ("a punk band formed in", "a company based in"); any other lowercase word makes the noun a modifier ("a band member", "a company director"). */
const AFTER_DEFINING_KIND: ReadonlySet<string> = new Set(
  'from formed founded based in on at with that which who whose and or by since for signed headquartered established created known consisting active originally recorded released written directed produced'.split(' '),
);
/** The most words between the article and the kind noun of a definition ("an English punk rock / garage rock band"). */
const DEFINING_MAX = 8;
/** What stands right before a sentence's first word. */
const SENTENCE_OPENER = /^[.!?"“:;]$/u;
/** Whether more than one character stands between token `k` and the next: a line break and more, as between a heading and its paragraph ("6. Social Driver\n\nSocial Driver is"). */
const lineApart = (tokens: readonly Token[], k: number): boolean => ((tokens[k + 1] as Token).start - (tokens[k] as Token).end) > 1;
/** The most tokens of a bracket between a subject and its copula ("Aero Gare ( 1982 ) was"). */
const DEFINING_BRACKET_MAX = 30;

/**
 * Tags where a sentence's subject is defined by its kind after a copula, as
 * encyclopedic prose and many news stories introduce a band, a firm or a work
 * ("Crazyhead are an English punk band", "Aero Gare was a kitplane
 * manufacturer", "Confete is the second album by ..."): the name that opens
 * the sentence (a bracket may stand between it and the verb) is an
 * organisation when the noun phrase after "is / are / was / were" and "a /
 * an / the" ends in an organisation's kind noun (DEFINING_KINDS), and a work,
 * MISC, when it ends in a work's (DEFINING_WORKS). The kind must be the
 * phrase's head: no lowercase word but a preposition, a relative pronoun or
 * a participle follows it ("a band member", "a company director", "a group of
 * islands" define no organisation). A place or a people the gazetteers know,
 * and one untagged word that news writes in lowercase ("It is a company"),
 * stay as read. An organisation so typed is one wherever else the text reads
 * its name as a person, a place or MISC ("Markland is a plating company ...
 * [Markland] applied for a permit", the tagger's places and persons of that
 * text outvoting the one organisation otherwise); a work so typed, wherever
 * the text reads its title as a person.
 */
function typeDefinedNames(tokens: readonly Token[], out: string[], stats: WordStats): void {
  const text = (k: number): string => (tokens[k] as Token).text;
  const n = tokens.length;
  const defined = new Map<string, string>();
  for (let c = 1; c + 2 < n; c++) {
    if (!DEFINING_COPULAS.has(text(c)) || !/^(?:a|an|the)$/.test(text(c + 1)) || out[c] !== 'O') continue;
    let kind = -1;
    for (let k = c + 2; k < Math.min(n, c + 2 + DEFINING_MAX); k++) {
      if (APPOSITIVE_BREAK.test(text(k))) break;
      if (out[k] === 'O' && (DEFINING_KINDS.has(text(k)) || DEFINING_WORKS.has(text(k)))) {
        kind = k;
        break;
      }
    }
    if (kind < 0) continue;
    const next = tokens[kind + 1]?.text ?? '.';
    if (next === "'s" || next === '’s' || startsCapitalized(next) || (/^\p{Ll}/u.test(next) && !AFTER_DEFINING_KIND.has(next))) continue;
    typeDefinedSubject(tokens, out, stats, c, DEFINING_WORKS.has(text(kind)) ? 'MISC' : 'ORG', defined);
  }
  retypeDefinedNames(tokens, out, defined);
}

/**
 * typeDefinedNames' part for one definition: the subject that ends before the
 * copula at `c` typed `type` and kept in `defined`. A function of its own,
 * called too rarely for V8 to inline or optimize it, so that a first case that
 * unseen text brings (an untagged subject, the first span set) throws away no
 * optimized code of the loop over every token.
 */
function typeDefinedSubject(tokens: readonly Token[], out: string[], stats: WordStats, c: number, type: string, defined: Map<string, string>): void {
  const text = (k: number): string => (tokens[k] as Token).text;
  // The subject ends before the verb, or before a bracket right before it ("Aero Gare ( 1982 ) was").
  let last = c - 1;
  if (text(last) === ')') {
    let b = last - 1;
    while (b > 0 && last - b < DEFINING_BRACKET_MAX && text(b) !== '(' && text(b) !== ')') b--;
    if (text(b) !== '(') return;
    last = b - 1;
  }
  if (last < 0) return;
  const tag = out[last] as string;
  let from = last;
  if (tag === 'O') {
    while (from > 0 && last - from + 1 < NAME_MAX && out[from - 1] === 'O' && !lineApart(tokens, from - 1) && (startsCapitalized(text(from - 1)) || (RUN_INNER.has(text(from - 1)) && from - 2 >= 0 && startsCapitalized(text(from - 2))))) from--;
    while (from < last && !startsCapitalized(text(from))) from++;
    if (!startsCapitalized(text(last))) return;
  } else {
    from = spanStart(out, last);
  }
  // Only a sentence's subject: its first words (an opening "The" of a name the tagger read without it may stand before).
  const opener = from > 0 && text(from - 1) === 'The' && tag !== 'O' ? from - 1 : from;
  if (opener > 0 && !SENTENCE_OPENER.test(text(opener - 1)) && !lineApart(tokens, opener - 1)) return;
  if (tag === 'O') while (from < last && writtenLowercase(text(from), stats)) from++;
  const words = tokens.slice(from, last + 1).map((t) => t.text);
  const name = words.join(' ');
  if (PLACES.has(name) || DEMONYMS.has(name) || words.some((w) => NON_ENTITY_WORDS.has(w) && w !== 'The')) return;
  if (tag === 'O' && words.length === 1 && writtenLowercase(name, stats)) return;
  if (tag.slice(2) !== type) setSpan(out, from, last + 1, type);
  defined.set(name, type);
}

/** typeDefinedNames' last part: a work's title read as a person elsewhere is the work; an organisation's name read as anything else is the organisation. */
function retypeDefinedNames(tokens: readonly Token[], out: string[], defined: ReadonlyMap<string, string>): void {
  if (defined.size === 0) return;
  for (const s of bioSpans(out)) {
    const type = defined.get(nameText(tokens, s.from, s.to));
    if (type !== undefined && s.type !== type && (type === 'ORG' || s.type === 'PER')) setSpan(out, s.from, s.to, type);
  }
}
function typeDefinedNamesWithStats(tokens: readonly Token[], out: string[], stats: WordStats | undefined): void {
  if (stats) typeDefinedNames(tokens, out, stats);
}

/**
 * Whether the kind noun at `k` ends a phrase after "of" or "for" ("the leader
 * of the main opposition party, [name]", "a spokesman for the agency,
 * [name]"): the name set off after it is the holder of the role before, no
 * organisation. Walks back over the phrase's words up to a mark or another
 * preposition.
 */
function ofRole(tokens: readonly Token[], k: number): boolean {
  for (let b = k - 1; b >= 0 && b > k - 8; b--) {
    const w = (tokens[b] as Token).text;
    if (w === 'of' || w === 'for') return true;
    if (APPOSITIVE_BREAK.test(w)) return false;
  }
  return false;
}

/**
 * Whether a name set off by a comma after its kind noun ends at `j` as an
 * appositive does: before a comma, a full stop, a colon, a semicolon or a
 * bracket, or at the text's end ("his band, Gigi, was formed", not "according
 * to the company, Smith said"). An untagged name of one word (at `single`)
 * must be one that news text does not write in lowercase ("the party, However,").
 */
function appositiveCloses(tokens: readonly Token[], j: number, stats: WordStats | undefined, single?: number): boolean {
  if (j < tokens.length && !APPOSITIVE_END.test((tokens[j] as Token).text)) return false;
  if (single === undefined || j !== single + 1) return true;
  return !writtenLowercase((tokens[single] as Token).text, stats);
}



/**
 * The end of the name that starts untagged at `from` after a kind noun: its
 * capitalized words, with "&" or "of" between two ("Standard & Poor's",
 * "Voice of Kenya"), no nationality, up to NAME_MAX words; a name the tagger
 * read that the words run into is taken whole ("Folha de [São Paulo]",
 * "Singer & [Friedlander]"). `from` when the run ends in the middle of such
 * a name or passes NAME_MAX inside one.
 */
function untaggedNameEnd(tokens: readonly Token[], out: readonly string[], from: number): number {
  const n = tokens.length;
  const text = (k: number): string => (tokens[k] as Token).text;
  let j = from;
  while (j < n && j - from < NAME_MAX) {
    const w = text(j);
    if (out[j] === 'O') {
      if (DEMONYMS.has(w)) break;
      if (startsCapitalized(w) || (RUN_INNER.has(w) && j + 1 < n && startsCapitalized(text(j + 1)))) {
        j++;
        continue;
      }
      // Small words inside a name before its next capitalized word ("Save the Children", "Focus on the Family", "Students for a Free Tibet").
      const k = j + (NAME_SMALL.has(text(j + 1 < n ? j + 1 : j)) ? 2 : 1);
      if (j > from && NAME_SMALL.has(w) && k < n && !(out[k] as string).startsWith('I-') && startsCapitalized(text(k)) && !text(k).endsWith('.') && !NON_ENTITY_WORDS.has(text(k)) && !DEMONYMS.has(text(k))) {
        j = k;
        continue;
      }
      break;
    }
    if (!startsCapitalized(w) || !(out[j] as string).startsWith('B-') || DEMONYMS.has(w)) break;
    let e = j + 1;
    while ((out[e] ?? '').startsWith('I-')) e++;
    if (e - from > NAME_MAX) return from;
    j = e;
  }
  // A name cut at NAME_MAX ends with its last capitalized word ("Movement for the Emancipation [of the]").
  while (j > from && !startsCapitalized(text(j - 1))) j--;
  return j;
}

/** What ends the noun phrase of a trailing appositive before its kind ("a selection of ... magazines"): a mark, a preposition, a relative pronoun. */
const APPOSITIVE_BREAK = /^(?:[,.;:()"“”!?]|of|in|for|with|to|by|from|on|at|that|which|who|whose|and|or)$/u;
/** The most words between the article and the kind noun of a trailing appositive. */
const APPOSITIVE_MAX = 5;

/**
 * Tags where the name before a trailing appositive of an organisation's kind
 * ("Veja, a magazine,", "Xinhua, the Chinese state-run news agency,",
 * "Audible Magic, a company in Los Gatos", "IBAMA, a Brazilian agency for")
 * is an organisation: a place or MISC span there (not a place or a
 * nationality the gazetteer knows: "elections in Kyrgyzstan, an
 * opposition-run newspaper ran"), or untagged capitalized words (not a day
 * or a month, and not one word that news text writes in lowercase: "However,
 * the party"). The kind must end the appositive's noun phrase (no
 * capitalized name after it: "On Saturday, the Iranian newspaper Shargh" is
 * the other pattern).
 */
function typeTrailingKinds(tokens: readonly Token[], out: string[], stats: WordStats): void {
  const text = (k: number): string => (tokens[k] as Token).text;
  const n = tokens.length;
  for (let c = 1; c + 2 < n; c++) {
    if (text(c) !== ',' || !/^(?:a|an|the)$/.test(text(c + 1))) continue;
    let kind = -1;
    for (let k = c + 2; k < Math.min(n, c + 2 + APPOSITIVE_MAX); k++) {
      if (APPOSITIVE_BREAK.test(text(k))) break;
      if (KIND_NOUNS.has(text(k))) {
        if (!KINDS_BEFORE_ONLY.has(text(k))) kind = k;
        break;
      }
    }
    if (kind < 0 || startsCapitalized(tokens[kind + 1]?.text ?? '') || tokens[kind + 1]?.text === "'s") continue;
    // The name that ends right before the comma.
    const last = c - 1;
    const tag = out[last] as string;
    let from = last;
    if (tag === 'O') {
      while (from > 0 && c - from < NAME_MAX && out[from - 1] === 'O' && (startsCapitalized(text(from - 1)) || (RUN_INNER.has(text(from - 1)) && from - 2 >= 0 && startsCapitalized(text(from - 2))))) from--;
      while (from < last && !startsCapitalized(text(from))) from++;
      if (!startsCapitalized(text(last))) continue;
      // At a sentence's start, words news text writes in lowercase are no part of the name ("Neither Merial, the company").
      if (from === 0 || /^[.!?"“]$/u.test(text(from - 1))) {
        while (from < last && writtenLowercase(text(from), stats)) from++;
      }
    } else {
      if (tag.endsWith('-PER') || tag.endsWith('-ORG')) continue;
      from = spanStart(out, from);
    }
    const words = tokens.slice(from, c).map((t) => t.text);
    const name = words.join(' ');
    if (PLACES.has(name) || DEMONYMS.has(name) || words.some((w) => NON_ENTITY_WORDS.has(w) && w !== 'The')) continue;
    if (tag === 'O' && words.length === 1 && writtenLowercase(name, stats)) continue;
    setSpan(out, from, c, 'ORG');
  }
}

/** Takes the kind ("Carmaker", "Sportswear maker") off the start of each name that opens a sentence (typeKindAppositives). */
function trimLeadingKinds(tokens: readonly Token[], out: string[], stats: WordStats): void {
  // A word news text writes in lowercase mid-sentence; or one it does not know, when an ordinary lowercase word follows inside the name ("Sportswear maker").
  const lowercaseWord = (k: number): boolean => {
    const w = (tokens[k] as Token).text;
    if (stats.get(w.toLowerCase()) !== undefined) return writtenLowercase(w, stats);
    const next = tokens[k + 1]?.text ?? '';
    return /^\p{Ll}+$/u.test(next) && !NAME_INNER.has(next);
  };
  for (let i = 0; i < out.length; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-') || tag === 'B-MISC') continue;
    const type = tag.slice(2);
    const j = spanEnd(out, i);
    const opensSentence = i === 0 || /^[.!?"“:(\-—–|‘\n]$/u.test((tokens[i - 1] as Token).text);
    if (opensSentence) {
      // The last kind noun among the span's first words, every word up to it an ordinary lowercase word.
      let kind = -1;
      for (let k = i; k < Math.min(j - 1, i + KIND_MAX); k++) {
        const w = (tokens[k] as Token).text;
        const lw = w.toLowerCase();
        const isKind = KIND_NOUNS.has(lw) && !NAME_OPENING_KINDS.has(lw);
        if (!(isKind || lowercaseWord(k)) || ORG_HEAD_WORDS.has(w) || (k > i && startsCapitalized(w))) break;
        if (isKind) kind = k;
      }
      if (kind >= 0 && nameStart((tokens[kind + 1] as Token).text)) {
        // The kind leaves the span; the name after it starts one of its own.
        clearSpan(out, i, kind + 1);
      }
    }
    i = j - 1;
  }
}

/** Whether the word at `i` is followed by its company's stock or holders ("Maxtor shareholders", "Ford shares gained"). */
const beforeStock = (tokens: readonly Token[], i: number): boolean => {
  const next = tokens[i + 1]?.text ?? '';
  return next === 'shareholders' || next === 'stockholders' || (next === 'shares' && SHARE_MOVES.has(tokens[i + 2]?.text ?? ''));
};

/** Verbs of a share price's move ("Cheung Kong rose 25 cents", "Fuji Bank lost 30 yen"). */
const PRICE_MOVES: ReadonlySet<string> = new Set('rose fell gained lost eased firmed slipped climbed dropped added shed jumped slid edged dipped advanced declined'.split(' '));
/** Units of a share price's move: the small coins and the currencies shares are quoted in on the world's exchanges. */
const PRICE_UNITS: ReadonlySet<string> = new Set(
  'cents cent pence penny yen pfennigs pfennig centimes sen kopecks crowns kronor kroner francs guilders lire pesos rupees rand baht ringgit won yuan dinars shekels schillings marks'.split(' '),
);
/** A currency's sign before a price ("HK$", "$", "US$", "C$", "£", "€"); the whole part of a price in an exchange's fractions, before its "/" ("1-1/8", "3/4"). */
const PRICE_SIGN = /^(?:[A-Z]{0,2}\$|£|€|¥)$/;
const PRICE_FRACTION = /^\d+(?:-\d+)?$/;

/**
 * Whether a share price's move follows the name ending at `to`: a move's verb, then a price in a currency's sign, an
 * exchange's fractions or a number and a coin ("rose 25 cents", "gained HK$ 1.50", "rose 1-1/8", "fell 20 yen").
 */
function priceMoveAfter(tokens: readonly Token[], to: number): boolean {
  const verb = textAt(tokens, to);
  if (PRICE_MOVES.has(verb)) return priceAt(tokens, to + 1);
  // A price's close or standing, the move said after the verb ("was unchanged at 330.50 marks", "ended unchanged at 81.30
  // marks", "was down 1.20 guilders", "closed up 4 crowns", "closed 2.50 marks higher"); not a bare "closed at $88.69"
  // (a commodity's contract closes so too), nor a move in percent or points.
  if (!PRICE_STANDS.has(verb)) return false;
  const next = textAt(tokens, to + 1);
  if (PRICE_STATES.has(next)) return priceAt(tokens, (textAt(tokens, to + 2) === 'at' ? to + 3 : to + 2));
  return verb !== 'was' && verb !== 'were' && priceAt(tokens, to + 1) && PRICE_STATES.has(textAt(tokens, to + 3));
}

/** Verbs a share's price stands or closes by ("was unchanged at", "ended unchanged at", "closed up"). */
const PRICE_STANDS: ReadonlySet<string> = new Set('was were closed ended finished'.split(' '));
/** How a share's price stands or closed ("unchanged at", "up 4 crowns", "2.50 marks higher"). */
const PRICE_STATES: ReadonlySet<string> = new Set('unchanged steady flat up down off higher lower firmer weaker easier'.split(' '));

/** Whether a price starts at token `k`: a currency's sign, an exchange's fractions, or a number and a coin ("HK$ 1.50", "1-1/8", "25 cents"). */
function priceAt(tokens: readonly Token[], k: number): boolean {
  const a = textAt(tokens, k);
  // The sign may be read as two tokens ("HK$1.25": "HK", "$"), and a fraction as three ("1-1/8": "1-1", "/", "8").
  const b = textAt(tokens, k + 1);
  if (PRICE_SIGN.test(a) || (/^[A-Z]{1,2}$/.test(a) && b === '$') || (PRICE_FRACTION.test(a) && b === '/')) return true;
  return (/^\d+(?:[.,]\d+)?$/.test(a) && PRICE_UNITS.has(b)) || PENCE.test(a);
}

/** A price in pence written with its "p" ("4p", "1,640p", "12.5p"). */
const PENCE = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?p$/;

/**
 * Tags where a name read as a person, a place or MISC, or capitalized words left untagged, move by a share's price
 * ("Cheung Kong rose 25 cents", "Hutchison Whampoa gained HK$ 1.50", "Daimler-Benz rose 1.50 marks"): a listed company,
 * an organisation. Not a place the gazetteer knows, nor an untagged word news writes in lowercase ("Shares rose 5 cents").
 * A name read as a person that moves "on" a market's reason is one too ("Hanson fell on worries about its demerger";
 * not "fell on hard times", nor a name opening with a given name).
 */
export function companiesByTheirPriceMoves(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  for (let to = 1; to < tokens.length; to++) {
    const last = tags[to - 1] as string;
    // A name read as a person that moves on a market's reason ("[Hanson] fell on worries about its demerger"): the firm.
    if (last.endsWith('-PER') && marketReasonAfter(tokens, to)) {
      const from = spanStart(tags, to - 1);
      if (GIVEN_NAMES.has((tokens[from] as Token).text)) continue;
      out ??= [...tags];
      setSpan(out, from, to, 'ORG');
      continue;
    }
    if (!priceMoveAfter(tokens, to)) continue;
    // A name the tagger ran on over the move's verb ("[Tate & Lyle rose] 4p"): it ends before the verb.
    if ((tags[to] as string).startsWith('I-')) {
      out ??= [...tags];
      clearSpan(out, to, spanEnd(tags, to));
    }
    let from = to;
    if (last === 'O') {
      while (from > 0 && to - from < PRICE_NAME_MAX && tags[from - 1] === 'O' && startsCapitalized((tokens[from - 1] as Token).text)) from--;
      if (from === to || tokens.slice(from, to).some((t) => t.text === 'The' || writtenLowercase(t.text, stats))) continue;
    } else if (!last.endsWith('-ORG')) from = spanStart(tags, to - 1);
    if (from === to || PLACES.has(nameText(tokens, from, to)) || (to - from === 1 && TRADED_NON_FIRMS.has((tokens[from] as Token).text))) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Things a market quotes that are no firm, named alone ("Sterling rose 2 pfennigs", "Brent was unchanged at $18.20"). */
const TRADED_NON_FIRMS: ReadonlySet<string> = new Set('Sterling Brent Gold Silver Copper Platinum Palladium Bund Bunds Gilts Treasuries Dollar Euro Yen'.split(' '));

/** Reasons a market gives for a share's move, after "on" ("fell on worries", "rose on bid speculation"). */
const MARKET_REASONS: ReadonlySet<string> = new Set(
  'worries worry fears fear concern concerns hopes hope speculation profit-taking jitters doubts optimism rumours rumors bid takeover'.split(' '),
);
/** Words that may stand between "on" and a market's reason ("on renewed fears", "on the bid speculation"). */
const REASON_QUALIFIERS: ReadonlySet<string> = new Set('the renewed fresh growing continued continuing mounting lingering'.split(' '));

/**
 * Whether a move's verb and "on" a market's reason follow the name ending at `to` ("fell on worries", "rose on renewed
 * bid speculation"); "fell on hard times", "fell on his sword" are no market's.
 */
function marketReasonAfter(tokens: readonly Token[], to: number): boolean {
  if (!PRICE_MOVES.has(textAt(tokens, to)) || textAt(tokens, to + 1) !== 'on') return false;
  let k = to + 2;
  while (k < to + 4 && REASON_QUALIFIERS.has(textAt(tokens, k))) k++;
  return MARKET_REASONS.has(textAt(tokens, k));
}

/** The most untagged words of a company's name read by its price's move. */
const PRICE_NAME_MAX = 3;

/**
 * Tags where a one-word name that the text writes before a company form or
 * its stock anywhere ("Ryanair Ltd", "Maxtor shareholders"), or first in a
 * company's name read whole with its form ("Ford Motor Co"), is that company
 * wherever it stands alone: the tagger's persons, places and MISC of that
 * word become organisations (after the document pass, whose majority can
 * carry the word's sound over the story). Not a place or a nationality the
 * gazetteer knows.
 */
export function companiesByTheirStock(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  // Surnames of the persons the text names in full: "Robert Gerard ... Gerard Corporation ... Mr Gerard" is the man too.
  const surnames = surnamesOfFullNames(tokens, tags);
  // Words of persons named in full, and words the tagger read as a place: a company's first word names the company alone
  // only when the text does not name a person or a place so ("Walt Disney ... The Walt Disney Company ... Walt"). Read
  // only for a text that has such a company's name.
  let personsWords: Set<string> | undefined;
  let places: Set<string> | undefined;
  const namedOtherwise = (w: string): boolean => {
    personsWords ??= wordsOfFullNames(tokens, tags);
    places ??= new Set(bioSpans(tags).filter((x) => x.type === 'LOC').map((x) => nameText(tokens, x.from, x.to)));
    return personsWords.has(w) || places.has(w);
  };
  const companies = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    // The word alone is the name ("Forever Elmwood Corp." names no "Elmwood").
    if (!startsCapitalized(w) || startsCapitalized(tokens[i - 1]?.text ?? '') || surnames.has(w) || PLACES.has(w) || DEMONYMS.has(w) || (tags[i] as string).startsWith('I-')) continue;
    const form = (tokens[i + 1] as Token).text;
    // A form that is also a place's or an office's abbreviation counts where the tagger read the two as one organisation ("Heineken NV").
    const formOfTheName = AMBIGUOUS_FORMS.has(form) && tags[i] === 'B-ORG' && tags[i + 1] === 'I-ORG' && !(tags[i + 2] ?? 'O').startsWith('I-');
    // The first word of a company's name the tagger read whole with its form ("Ford Motor Co", "Toyota Motor Corp").
    const end = tags[i] === 'B-ORG' ? spanEnd(tags, i) : i;
    const last = end - i >= 3 && end - i <= COMPANY_NAME_MAX ? (tokens[end - 1] as Token).text : '';
    const firstOfCompany = (COMPANY_FORMS.has(last) || SHORT_COMPANY_FORMS.has(last)) && !GIVEN_NAMES.has(w) && !namedOtherwise(w);
    if (COMPANY_FORMS.has(form) || formOfTheName || firstOfCompany || beforeStock(tokens, i)) companies.add(w);
  }
  if (companies.size === 0) return tags as string[];
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    const tag = out[i] as string;
    if (tag === 'B-ORG' || (out[i + 1] ?? 'O').startsWith('I-') || !companies.has((tokens[i] as Token).text)) continue;
    // An untagged mention only where the word stands alone ("Heineken shares rose", a headline's "Heineken net profit up"), not in
    // a longer capitalized name the tagger left untagged ("the Heineken Cup"), and not a word news writes in lowercase ("Some
    // shares fell" names no company).
    const w = (tokens[i] as Token).text;
    const alone = tag === 'O' && !startsCapitalized(tokens[i - 1]?.text ?? '') && !startsCapitalized(tokens[i + 1]?.text ?? '') && !writtenLowercase(w, stats);
    if (!tag.startsWith('B-') && !alone) continue;
    out[i] = 'B-ORG';
  }
  return out;
}

/** Last words of a firm's name of two words whose first word news then calls it by ("Lehman Brothers ... Lehman", "Parex Bank ... Parex"). */
const FIRM_ENDINGS: ReadonlySet<string> = new Set([...BUSINESS_ENDINGS, ...COMPANY_FORMS, ...'Bank Oil Energy Petroleum Mining Exploration Manufacturing Research Capital Financial Telecom Airline'.split(' ')]);

/**
 * Tags where a lone word the tagger left untagged or read as a person is the
 * firm the text names by that word and a business's last word ("Fidelity
 * Investments ... Fidelity declined to comment", "Lehman Brothers ... Lehman
 * said", "Parex Bank ... Parex"): news calls a firm by its first word once it
 * has named it whole. The full name is read by the tagger as one organisation
 * of two words, its first word name-shaped (SURNAME) and always capitalized in
 * news (or unknown to the word statistics), no place, nationality, given name,
 * title or organisation's head word; the lone word is no part of a longer run
 * of capitalized words, and the text names no person or place so ("Walt Disney
 * Co ... Walt", "Dyer City Council ... Alderman of Dyer"). Three and four words
 * with a company form are companiesByTheirStock's.
 */
export function firmsByTheirFirstWord(tokens: readonly Token[], tags: readonly string[], gazetteer?: NameGazetteer): string[] {
  const stats = gazetteer?.stats;
  let firsts: Set<string> | undefined;
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] !== 'B-ORG' || tags[i + 1] !== 'I-ORG' || (i + 2 < tags.length && tags[i + 2] === 'I-ORG') || !FIRM_ENDINGS.has((tokens[i + 1] as Token).text)) continue;
    const w = (tokens[i] as Token).text;
    if (!SURNAME.test(w) || w.length < 3 || PLACES.has(w) || DEMONYMS.has(w) || LATE_DEMONYMS.has(w) || GIVEN_NAMES.has(w) || PERSON_TITLES.has(w) || ORG_HEAD_WORDS.has(w)) continue;
    if ((stats !== undefined && !capitalizedOrUnknown(w, stats)) || gazetteer?.names.get(w)?.includes('LOC')) continue;
    (firsts ??= new Set()).add(w);
  }
  if (!firsts) return tags as string[];
  const persons = wordsOfFullNames(tokens, tags);
  for (const x of bioSpans(tags)) if (x.type === 'LOC') persons.add(nameText(tokens, x.from, x.to));
  let out: string[] | undefined;
  for (let i = 0; i < tags.length; i++) {
    const w = (tokens[i] as Token).text;
    if (!firsts.has(w) || persons.has(w)) continue;
    const alone = tags[i] === 'O' || (tags[i] === 'B-PER' && tags[i + 1] !== 'I-PER');
    if (!alone || (tags[i + 1] ?? 'O').startsWith('I-') || startsCapitalized(tokens[i + 1]?.text ?? '') || startsCapitalized(tokens[i - 1]?.text ?? '')) continue;
    out ??= [...tags];
    out[i] = 'B-ORG';
  }
  return out ?? (tags as string[]);
}

/** A band's members by their part, written in lower case between the band's name and theirs ("Nirvana frontman Kurt Cobain") or before "of" or "for" and the band's ("the drummer for Metallica"). */
const BAND_ROLES: ReadonlySet<string> = new Set('frontman frontwoman guitarist guitarists drummer drummers bassist bassists vocalist vocalists keyboardist keyboardists singer singers'.split(' '));
/** Members of a group, before "of" and its name ("members of Oasis", "a former member of Hamas"). */
const MEMBERS: ReadonlySet<string> = new Set(['member', 'members', 'co-founder', 'co-founders', 'founder', 'founders']);
/** The most words of a band's name read this way. */
const BAND_NAME_MAX = 3;

/**
 * Tags where a name the tagger read as a person, a MISC name or a place the gazetteers do not know is a band or
 * another group, an organisation, by its members: before a member's part and that member's name ("[Nirvana] frontman
 * Kurt Cobain", "[Queen] guitarist Brian May"), or after a part or "members" and "of" or "for" ("the lead singer of
 * [Queen]", "drummer for [Metallica]", "members of [Blur]"); and wherever else the text names it in the same words.
 * Wikipedia's and news text type bands by their sound as persons; a person is not written so. Not a nationality, a
 * known place, a word with a hyphen ("Grammy-winning singer"), a possessive ("Smith's guitarist", "members of
 * Morales' party"), a name whose capitalized words go on ("founder of Mindy Weiss Party Consultants"), or a seat
 * the text names before "riding", "electorate" or another word of a district ("member of Calare").
 */
export function groupsByTheirMembers(tokens: readonly Token[], tags: readonly string[]): string[] {
  let bands: Set<string> | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if ((type !== 'PER' && type !== 'MISC' && type !== 'LOC') || to - from > BAND_NAME_MAX) continue;
    const after = tokens[to]?.text ?? '';
    const before = tokens[from - 1]?.text ?? '';
    const role = tokens[from - 2]?.text ?? '';
    const byMember = BAND_ROLES.has(after) && tags[to + 1] === 'B-PER';
    const ofBand = (before === 'of' || before === 'for') && (BAND_ROLES.has(role) || (before === 'of' && MEMBERS.has(role)));
    if (!byMember && !ofBand) continue;
    const name = nameText(tokens, from, to);
    if (tokens.slice(from, to).some((t) => t.text.includes('-')) || isPossessive(after) || after === "'" || after === '’' || (ofBand && startsCapitalized(after))) continue;
    if (placeOrPeople(name)) continue;
    // A person's full name before a part is a member named with the part ("guitarist" of a list: "Jimmy Page, guitarist").
    if (byMember && type === 'PER' && to - from >= 2) continue;
    (bands ??= new Set()).add(name);
  }
  if (!bands) return tags as string[];
  // A seat's name, which a member of parliament is "member of" ("member of [Calare]", "the Calare electorate").
  for (const { from, to } of bioSpans(tags)) if (SEAT_NOUNS.has(tokens[to]?.text ?? '')) bands.delete(nameText(tokens, from, to));
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type === 'ORG' || !bands.has(nameText(tokens, from, to))) continue;
    setSpan((out ??= [...tags]), from, to, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Nouns after a seat's or a district's name ("the York Centre riding", "the Calare electorate"). */
const SEAT_NOUNS: ReadonlySet<string> = new Set(['riding', 'electorate', 'constituency', 'seat', 'district', 'ward', 'county', 'province', 'state', 'city', 'town']);

/**
 * Tags where the name right before a lowercase "party" is the party's, an
 * organisation: the tagger reads some as places or persons ("the Māori
 * party", "the Baath party", "New Zealand's National party", "the Shinui
 * party") and leaves some acronyms untagged ("the ACT party", "the PSD
 * party"). A place the gazetteer knows stays one ("the Texas party"), and
 * so do nationalities and MISC names; only a span that ends right before
 * "party", or one untagged word of capitals (two to six letters).
 */
export function namesBeforePartyAreOrganisations(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if ((tokens[i] as Token).text !== 'party' || (tags[i] as string) !== 'O') continue;
    const tag = tags[i - 1] as string;
    if (tag === 'O') {
      const w = (tokens[i - 1] as Token).text;
      if (/^\p{Lu}{2,6}$/u.test(w) && !startsCapitalized(tokens[i - 2]?.text ?? '') && !PLACES.has(w)) {
        out ??= [...tags];
        out[i - 1] = 'B-ORG';
        continue;
      }
      const from = stats ? partyNameBefore(tokens, tags, i, stats) : i;
      if (from === i) continue;
      out ??= [...tags];
      setSpan(out, from, i, 'ORG');
      continue;
    }
    if (!tag.endsWith('-LOC') && !tag.endsWith('-PER')) continue;
    const from = spanStart(tags, i - 1);
    const name = nameText(tokens, from, i);
    if (PLACES.has(name) || DEMONYMS.has(name) || LATE_COUNTRIES.has(name)) continue;
    out ??= [...tags];
    setSpan(out, from, i, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** The most untagged words of a party's name read before "party". */
const PARTY_NAME_MAX = 3;

/**
 * The start of the untagged capitalized words right before "party" at `i` (up to PARTY_NAME_MAX, the whole capitalized
 * run) when each is a word the word statistics know only capitalized or not at all, and none a place, a people, a faith's
 * or a creed's word, a title or a month ("the ruling [Kuomintang] party", "the [Yabloko] party"; not "the National party",
 * "the Conservative party", "a Muslim party", "the Socialist party", "Our party"), and not after "a" or "an" ("a small
 * Eurosceptic party" is a kind of party); `i` when there are none.
 */
function partyNameBefore(tokens: readonly Token[], tags: readonly string[], i: number, stats: WordStats): number {
  let from = i;
  while (from > 0 && i - from < PARTY_NAME_MAX && tags[from - 1] === 'O' && startsCapitalized((tokens[from - 1] as Token).text)) from--;
  if (from === i || startsCapitalized(tokens[from - 1]?.text ?? '') || (tags[from - 1] ?? 'O') !== 'O') return i;
  // A party of a kind, no name ("a small Eurosceptic party", "a Hindutva party").
  for (let k = from - 1; k >= 0 && k >= from - 3; k--) {
    const w = (tokens[k] as Token).text.toLowerCase();
    if (w === 'a' || w === 'an') return i;
    if (w === 'the' || isPossessive(w)) break;
  }
  for (let k = from; k < i; k++) {
    const w = (tokens[k] as Token).text;
    if (!capitalizedOrUnknown(w, stats) || PLACES.has(w) || DEMONYMS.has(w) || LATE_DEMONYMS.has(w) || isNationality(w) || CREED_WORD.test(w) || PEOPLES.has(w) || PERSON_TITLES.has(w) || WEEKDAYS_AND_MONTHS.has(w) || NON_ENTITY_WORDS.has(w)) return i;
  }
  return PLACES.has(nameText(tokens, from, i)) ? i : from;
}

/** Countries' names that are also given names ("Chad Michael Murray", "Jordan Henderson", "Georgia May Jagger"). */
const NAME_COUNTRIES: ReadonlySet<string> = new Set(['Chad', 'Jordan', 'Georgia', 'Israel', 'India', 'Kenya', 'Jamaica', 'Trinidad', 'Ireland', 'China', 'America', 'Francia', 'Tonga']);

/** Words that open places' names, not persons' ("Andorra La Vella", "San Marino"). */
const PLACE_OPENERS: ReadonlySet<string> = new Set('La Le Las Los El San Santa Saint St. St New Port Fort Lake Mount'.split(' '));

/** "N." and "S." before a country's last word, as headlines and wire copy shorten "North Korea" and "South Korea". */
const COMPASS_INITIALS: ReadonlyMap<string, string> = new Map([['N.', 'North'], ['S.', 'South']]);
const COMPASS_CUE = /\b[NS]\. \p{Lu}/u;

/**
 * Tags where a country's name is written with "N." or "S." for its first word ("N. Korea", "S. Korea", "S. Africa"):
 * the tagger reads the initial as a person's ("[N. Korea]" a person 20 times over the review texts, an organisation
 * 12 times), so the two words are made the place, whatever the tagger read them as, unless they go on in a longer
 * name or the initial ends one before them.
 */
export function abbreviatedCountries(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!COMPASS_CUE.test(text)) return tags as string[];
  let out: string[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const compass = COMPASS_INITIALS.get((tokens[i] as Token).text);
    if (compass === undefined || !isCountry(`${compass} ${(tokens[i + 1] as Token).text}`)) continue;
    if ((tags[i] as string).startsWith('I-') || (tags[i + 2] ?? 'O').startsWith('I-') || (tags[i] === 'B-LOC' && tags[i + 1] === 'I-LOC')) continue;
    out ??= [...tags];
    setSpan(out, i, i + 2, 'LOC');
  }
  return out ?? (tags as string[]);
}

/**
 * Tags where a country's name stands before a person's and the tagger read
 * both as one person ("the President of [Venezuela Hugo Chávez]", "the UN
 * representative in [Burundi Carolyn McAskie]", "[Italy Romano Prodi], the
 * President of the Council of Ministers"): the country is a place and the
 * rest, two words or more and no title, the person. Not a country's name
 * that is also a given name (NAME_COUNTRIES), nor one that opens a name
 * with a title after it ("Chad Prime Minister ..."), a place's name
 * ("Andorra La Vella") or a product's ("Monaco Calibre 360").
 */
export function countriesOffPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'PER' || to - from < 3) continue;
    const first = (tokens[from] as Token).text;
    if (NAME_COUNTRIES.has(first) || GIVEN_NAMES.has(first)) continue;
    for (let k = Math.min(3, to - from - 2); k >= 1; k--) {
      const name = nameText(tokens, from, from + k);
      if (PLACES.get(name)?.kind !== 'country' && !LATE_COUNTRIES.has(name)) continue;
      const rest = (tokens[from + k] as Token).text;
      if (!startsCapitalized(rest) || PERSON_TITLES.has(rest) || HONORIFICS.has(rest) || PLACE_OPENERS.has(rest)) break;
      if (tokens.slice(from + k, to).some((t) => /\d/.test(t.text))) break;
      out ??= [...tags];
      setSpan(out, from, from + k, 'LOC');
      setSpan(out, from + k, to, 'PER');
      break;
    }
  }
  return out ?? (tags as string[]);
}

/**
 * Prefixes of ships' names that are no other word in news ("USS Cole", "HMS Bulwark", "HMAS Adelaide", "MV Sirius Star",
 * "RMS Titanic"); not "SS", "MS", "INS" or "NS", which also write the SS, multiple sclerosis, the Immigration and
 * Naturalization Service and others.
 */
const VESSEL_PREFIXES: ReadonlySet<string> = new Set(['USS', 'USNS', 'USCGC', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'RMS', 'MV']);
/** Last words of places named after ships ("the USS Arizona Memorial"). */
const SHIP_VENUES: ReadonlySet<string> = new Set(['Memorial', 'Museum']);
/** The most words of a ship's name after its prefix ("USS Dwight D. Eisenhower", "RMS Queen Elizabeth 2"). */
const SHIP_NAME_MAX = 5;

/**
 * Tags where a ship named after its prefix ("the [USS Cole] bombing", "the [USS Dwight D. Eisenhower]", "the crew of
 * [HMAS Adelaide]") is MISC, as news annotation files vessels, whatever the tagger read: a person after the name it
 * bears ("Harry S. Truman"), a place or an organisation. The name is the prefix and the capitalized words, initials and
 * figures after it ("RMS Queen Elizabeth 2"), on one line; not a memorial or museum named after a ship.
 */
export function shipsAreMisc(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!VESSEL_PREFIXES.has((tokens[i] as Token).text) || lineBreakAfter(text, tokens, i)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= SHIP_NAME_MAX) {
      const w = (tokens[j] as Token).text;
      if (!startsCapitalized(w) && !(j > i + 1 && /^\d+$/.test(w))) break;
      j++;
      if (lineBreakAfter(text, tokens, j - 1)) break;
    }
    // A ship's memorial or museum is a place ("the USS Arizona Memorial").
    if (j === i + 1 || j - i > SHIP_NAME_MAX || SHIP_VENUES.has((tokens[j - 1] as Token).text)) continue;
    // A name of the tagger's running on past the ship's is left as it is.
    if ((tags[j] ?? 'O').startsWith('I-')) continue;
    out ??= [...tags];
    setSpan(out, i, j, 'MISC');
    i = j - 1;
  }
  return out ?? (tags as string[]);
}

/**
 * Names of spacecraft, launchers and missions that their number follows ("Apollo 13", "Soyuz 11", "Shenzhou 20",
 * "Voyager 2", "Falcon 9", "Chandrayaan-3"); without a number they name other things too (a theatre, a god, a jet maker's
 * series, a team) and are left as read.
 */
const NUMBERED_CRAFT: ReadonlySet<string> = new Set('Apollo Soyuz Shenzhou Tianzhou Voyager Pioneer Gemini Vostok Sputnik Luna Chandrayaan Falcon'.split(' '));

/**
 * Tags where a spacecraft, launcher or mission is named by its series and its number ("[Apollo 13]", "since [Apollo
 * 17] in 1972", "a [Falcon 9] rocket", "the [Chandrayaan-3] mission"), which the tagger reads as an organisation or a
 * place: MISC, as news annotation files craft and other products, the number with it. A name of the tagger's that runs
 * on past the number ("the Apollo 11 Museum") is left.
 */
export function numberedCraftAreMisc(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] as Token).text;
    const dash = word.indexOf('-');
    const joined = dash > 0 && NUMBERED_CRAFT.has(word.slice(0, dash)) && /^\d{1,3}$/.test(word.slice(dash + 1));
    if (!joined && !(NUMBERED_CRAFT.has(word) && /^\d{1,3}$/.test(textAt(tokens, i + 1)))) continue;
    const now = out ?? tags;
    const end = joined ? i + 1 : i + 2;
    if (now[i] === 'O' || (now[end] ?? 'O').startsWith('I-')) continue;
    out ??= [...tags];
    setSpan(out, i, end, 'MISC');
    i = end - 1;
  }
  return out ?? (tags as string[]);
}

/**
 * Tags where a country's name the tagger left untagged stands before a possessive: "Britain 's Prime Minister", "China 's
 * economy". Tokenized wire copy writes the clitic apart, and at a line's or sentence's start the tagger then reads the
 * word as no name. Not the surname of a person the text names in full ("Michael Jordan ... Jordan 's 30 points").
 */
export function countriesBeforePossessives(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let surnames: Set<string> | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tags[i] !== 'O') continue;
    const next = (tokens[i + 1] as Token).text;
    const possessive = isPossessive(next) || ((next === "'" || next === '’') && tokens[i + 2]?.text === 's' && (tokens[i + 2] as Token).start === (tokens[i + 1] as Token).end);
    const w = (tokens[i] as Token).text;
    if (!possessive || !isCountry(w)) continue;
    surnames ??= surnamesOfFullNames(tokens, tags);
    if (surnames.has(w)) continue;
    out ??= [...tags];
    out[i] = 'B-LOC';
  }
  return out ?? (tags as string[]);
}

/** Words after a leader's surname that name the leader's government ("the Bush Administration", "the Howard Government"). */
const LEADERS_GOVERNMENTS: ReadonlySet<string> = new Set(['Administration', 'Government']);
/** The same words as news writes them after a surname, in lowercase ("the Trump administration", "the McGuinty government"). */
const LEADERS_GOVERNMENTS_LOWER: ReadonlySet<string> = new Set(['administration', 'administrations', 'government', 'governments']);
/** Of those, the words that only a leader's name (a surname) stands before as one capitalized word: a party's, a place's or a country's government is also "the Liberal government", "the Hamas government". */
const LEADERS_ONLY: ReadonlySet<string> = new Set(['administration', 'administrations']);
/** Parties' words, which may stand before an administration as one capitalized word ("a Republican administration"). */
const PARTY_WORDS: ReadonlySet<string> = new Set('Democratic Democrat Republican Communist Socialist Labour Labor Liberal Conservative Tory Green Nationalist'.split(' '));
/** Two names joined by a hyphen ("the Bush-Cheney administration"): two persons, no one surname. */
const JOINED_NAMES = /-\p{Lu}/u;

/**
 * Tags where a government named after its leader is the leader's name and a
 * common noun, as the public sets file "the Davis Administration" and "the
 * Bush administration" (Bush a person; BTC's "Obama administration" alike):
 * an organisation of two words, a surname and "Administration" or
 * "Government", is a person and no name when the text tags that surname as
 * a person's elsewhere ("President Bush ... the Bush Administration"; over
 * Wikinews the tagger read 27 "Bush Administration" and 25 "Howard
 * Government" as organisations). Not a place's or a nationality's
 * government ("the Queensland Government", "the Australian Government"):
 * those words are no person's in the text. The surname alone read as an
 * organisation before the lowercase noun is the person too: before
 * "administration(s)" wherever it is one surname-shaped word and no party's,
 * place's or people's ("the [Trump] administration", 40 times in WP current
 * events' one-sentence summaries; not "a Republican administration", "HRIS
 * administration"), before "government(s)" only where the text names that
 * surname as a person's (parties and movements govern too: "the Hamas
 * government", "the Liberal government").
 */
export function leadersGovernmentsAreNoNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let persons: Set<string> | undefined;
  const personSurnames = () => (persons ??= new Set(bioSpans(tags).filter((s) => s.type === 'PER').map((s) => (tokens[s.to - 1] as Token).text)));
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'ORG') continue;
    const word = (tokens[from] as Token).text;
    if (to - from === 1) {
      const next = tokens[to]?.text ?? '';
      if (!LEADERS_GOVERNMENTS_LOWER.has(next) || !SURNAME.test(word) || JOINED_NAMES.test(word) || PARTY_WORDS.has(word) || placeOrPeople(word)) continue;
      if (!LEADERS_ONLY.has(next) && !personSurnames().has(word)) continue;
      out ??= [...tags];
      out[from] = 'B-PER';
      continue;
    }
    if (to - from !== 2 || !LEADERS_GOVERNMENTS.has((tokens[from + 1] as Token).text)) continue;
    if (!personSurnames().has(word)) continue;
    out ??= [...tags];
    out[from] = 'B-PER';
    out[from + 1] = 'O';
  }
  return out ?? (tags as string[]);
}

/** A ministry's portfolio before "Ministry" ("Foreign Ministry", "Interior Ministry"). */
const PORTFOLIOS: ReadonlySet<string> = new Set(
  'Foreign Defence Defense Interior Finance Health Justice Education Trade Economy Agriculture Home Environment Information Energy Labour Labor Transport Culture'.split(' '),
);

/**
 * Tags where a ministry named by its portfolio alone is an organisation: the
 * tagger leaves "Foreign Ministry spokesman Qin Gang told reporters" untagged
 * when no country stands before it (9 untagged in English Wikinews against
 * 254 tagged). Only both words untagged, so a name the tagger read ("the
 * Chinese Foreign Ministry") keeps its span.
 */
export function typePortfolioMinistries(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if ((tokens[i + 1] as Token).text !== 'Ministry' || !PORTFOLIOS.has((tokens[i] as Token).text) || tags[i] !== 'O' || tags[i + 1] !== 'O') continue;
    out ??= [...tags];
    out[i] = 'B-ORG';
    out[i + 1] = 'I-ORG';
  }
  return out ?? (tags as string[]);
}

/** Nouns of a person's role written in lowercase right before the person's name ("Foreign Ministry spokesman Qin Gang", "VOA correspondent Nancy-Amelia Collins"). */
const ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'spokesman spokeswoman spokesperson correspondent commander founder co-founder editor executive chief ' +
    'prosecutor lawyer attorney analyst economist director manager coach designer minister secretary senator ambassador envoy chairman chairwoman ' +
    'president governor mayor leader officer inspector detective reporter photographer author writer novelist actor actress singer artist ' +
    'scientist researcher professor historian teacher nurse doctor striker midfielder goalkeeper defender'
  ).split(' '),
);
/** The most words of a person's name after a role noun ("democracy leader Aung San Suu Kyi"). */
const ROLE_NAME_MAX = 4;

/**
 * Tags where a name of two to four words right after a role noun written in
 * lowercase is a person: the tagger types some by the words' sound
 * ("Foreign Ministry spokesman [Qin Gang]" MISC, "IDF spokeswoman [Miri
 * Eisen]" an organisation, "FNL spokesman [Pasteur Habimana]" a place,
 * "democracy leader [Aung San Suu Kyi]" MISC). Only a place,
 * organisation or MISC span of name-shaped words (SURNAME), none a known
 * organisation, place, nationality, title or the head of an organisation's,
 * a place's or an event's name ("official [Xinhua News Agency]", "commander
 * [Fort Bragg]", "editor [Nobel Prize]"). The tagger also leaves some such
 * names untagged, or their first word out ("Rangers striker [Ally McCoist]
 * scored", "Chinese leader [Xi Jinping] visits", "The writer Gay [Talese]"):
 * untaggedPersonAfterRole (`stats` and `text`, when given, keep out a surname
 * news writes in lower case and a name over a line's end).
 */
export function personsAfterRoles(tokens: readonly Token[], tags: readonly string[], stats?: WordStats, text?: string): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const tag = tags[i + 1] as string;
    if (!ROLE_NOUNS.has((tokens[i] as Token).text) || tags[i] !== 'O') continue;
    if (tag === 'O') {
      const j = untaggedPersonAfterRole(tokens, tags, i + 1, stats, text);
      if (j > i + 1) setSpan((out ??= [...tags]), i + 1, j, 'PER');
      continue;
    }
    if (!(tag === 'B-LOC' || tag === 'B-ORG' || tag === 'B-MISC')) continue;
    const j = spanEnd(tags, i + 1);
    if (j - i - 1 < 2 || j - i - 1 > ROLE_NAME_MAX) continue;
    const words = tokens.slice(i + 1, j).map((t) => t.text);
    const name = words.join(' ');
    if (PLACES.has(name) || KNOWN_ORGS.has(name) || DEMONYMS.has(name)) continue;
    if (PLACE_HEAD_FIRST.has(words[0] as string) || MISC_HEAD_FIRST.has(words[0] as string)) continue;
    if (words.some((w) => !SURNAME.test(w) || ORG_HEAD_WORDS.has(w) || PLACE_HEAD_WORDS.has(w) || MISC_HEAD_WORDS.has(w) || PERSON_TITLES.has(w) || PLACES.has(w) || KNOWN_ORGS.has(w) || DEMONYMS.has(w))) continue;
    out ??= [...tags];
    setSpan(out, i + 1, j, 'PER');
  }
  return out ?? (tags as string[]);
}

/**
 * The end of a person's name that starts untagged right after a role noun (`from` the word after it), or `from`: a
 * name-shaped first word the tagger left out before the person it read ("striker [Ally] McCoist", the end of that
 * person's span), or two or three name-shaped words it left untagged before a lowercase word or a mark ("striker [Ally
 * McCoist] scored", the last of them no word news writes in lower case); none of them a title or rank, a known
 * organisation, place or nationality, or a head of an organisation's, a place's or an event's name, and all on one line.
 */
function untaggedPersonAfterRole(tokens: readonly Token[], tags: readonly string[], from: number, stats: WordStats | undefined, text: string | undefined): number {
  let j = from;
  while (j < tokens.length && j - from < 3 && tags[j] === 'O' && personWord((tokens[j] as Token).text) && !(text !== undefined && j > from && lineBreakAfter(text, tokens, j - 1))) j++;
  if (j === from) return from;
  if (tags[j] === 'B-PER' && !(text !== undefined && lineBreakAfter(text, tokens, j - 1))) return j - from === 1 ? spanEnd(tags, j) : from;
  const next = tokens[j]?.text ?? '';
  const surname = (tokens[j - 1] as Token).text;
  return j - from >= 2 && !startsCapitalized(next) && !writtenLowercase(surname, stats) && tags[j] !== undefined && !(tags[j] as string).startsWith('I-') ? j : from;
}

/** Military ranks written before a name, one word with its hyphen ("Major-General William Caldwell", "Commodore Frank Bainimarama"). */
const RANK = /^(?:Lieutenant|Major|Brigadier|Commodore|Colonel|Corporal|Private|Marshal|Admiral|Sergeant|Captain|General|Air|Rear|Vice|Field|Staff|Flight|Wing|Squadron|Warrant|Lance)(?:-|$)/;

/** A word that can be part of a person's name after a role noun: name-shaped, and no title or rank, known name of another kind or head word. */
const personWord = (w: string): boolean =>
  SURNAME.test(w) && !RANK.test(w) && !ORG_HEAD_WORDS.has(w) && !PLACE_HEAD_WORDS.has(w) && !MISC_HEAD_WORDS.has(w) && !PERSON_TITLES.has(w) && !HONORIFICS.has(w) && !PLACES.has(w) &&
  !KNOWN_ORGS.has(w) && !DEMONYMS.has(w) && !WEEKDAYS_AND_MONTHS.has(w) && !NON_ENTITY_WORDS.has(w);

/** The most words of an agency's name read this way. */
const AGENCY_NAME_MAX = 3;

/**
 * Tags where the capitalized words right before "news agency" are the
 * agency's name, an organisation ("the official [Antara] news agency said",
 * "[Interfax] news agency quoted"), where the tagger left them untagged or
 * typed them as one other name; not a place or a nationality ("the Tokyo news
 * agency", "a Russian news agency"). Not before "news service", which a
 * paper's site is too ("the newspaper's Internet news service").
 */
export function agenciesBeforeTheirKind(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if ((tokens[i] as Token).text !== 'news' || (tokens[i + 1] as Token).text !== 'agency') continue;
    const from = otherNameBefore(tokens, tags, i);
    if (from === undefined) continue;
    out ??= [...tags];
    setSpan(out, from, i, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** A publication's kind written after its name ("[Time] magazine", "the [Guardian] newspaper"). */
const PUBLICATION_KINDS: ReadonlySet<string> = new Set(['newspaper', 'magazine']);
/** Words before a publication's kind that tell which one, not its name ("A", "Another newspaper"). */
const PUBLICATION_DETERMINERS: ReadonlySet<string> = new Set(['A', 'An', 'Another', 'Any', 'Each', 'Every', 'One', 'This', 'That', 'Its', 'His', 'Her', 'Their', 'Our', 'Your']);

/**
 * Tags where the capitalized words right before "newspaper" or "magazine" are
 * the publication's name, an organisation ("told [Time] magazine", "the
 * [Guardian] newspaper", "the [Il Manifesto] newspaper", "[Forbes] magazine
 * ranked him"), where the tagger left them untagged or typed them as one other
 * name. Not where the publication's name follows its kind ("the Communist
 * newspaper Il Manifesto", "Online newspaper The Register": the words before
 * describe it), nor after "a" / "an" ("a Catholic newspaper"), nor a place, a
 * nationality or a language ("a Melbourne newspaper", "the Flemish newspaper",
 * "the Thai-language newspaper"), as the news agencies' rule, nor after a
 * common noun's possessive that opens the name ("the state-run People's Daily
 * newspaper").
 */
export function publicationsBeforeTheirKind(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (!PUBLICATION_KINDS.has((tokens[i] as Token).text) || startsCapitalized(tokens[i + 1]?.text ?? '')) continue;
    let from = otherNameBefore(tokens, tags, i);
    if (from === undefined) continue;
    while (from < i && PUBLICATION_DETERMINERS.has((tokens[from] as Token).text)) from++;
    const before = tokens[from - 1]?.text ?? '';
    if (from === i || before === 'a' || before === 'an' || (tags[from] as string).startsWith('I-')) continue;
    // Not after a common noun's possessive that opens the name ("the state-run People's Daily newspaper"); a place's, a
    // longer name's or a lowercase word's is the owner ("Melbourne's [Age]", "the U.S. Army's [Field Artillery]", "today's [Guardian]").
    const owner = tokens[from - 2]?.text ?? '';
    if (isPossessive(before) && !(tags[from - 2] ?? 'O').startsWith('I-') && !(tags[from - 2] ?? 'O').endsWith('-LOC') && startsCapitalized(owner) && writtenLowercase(owner, stats)) continue;
    const words = tokens.slice(from, i).map((t) => t.text);
    if (words.some((w) => placeOrPeople(w) || /-(?:language|based)$/i.test(w)) || placeOrPeople(words.join(' '))) continue;
    out ??= [...tags];
    setSpan(out, from, i, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Second words of hyphenated newspapers' titles. */
const NEWSPAPER_SECOND_WORDS = 'Times|Dispatch|Journal|Statesman|Telegram|Gazette|Bulletin|Mail|Herald|Sentinel|Ledger|Tribune|Constitution|Picayune|Courier|Chronicle|Register|Pilot|Record|Star';
/**
 * A newspaper's title of two words joined by a hyphen, the second a newspaper's word ("Times-Dispatch", "Review-Journal",
 * "American-Statesman", "Courier-Mail", "Star-Ledger"); `NEWSPAPER_CUE` finds one in a text.
 */
const HYPHENATED_NEWSPAPER = new RegExp(`^\\p{Lu}\\p{L}{2,}-(?:${NEWSPAPER_SECOND_WORDS})$`, 'u');
const NEWSPAPER_CUE = new RegExp(`\\p{L}-(?:${NEWSPAPER_SECOND_WORDS})\\b`, 'u');

/**
 * Tags where a hyphenated newspaper's title (HYPHENATED_NEWSPAPER) ends a name the tagger read as a place or a person,
 * or stands untagged, are the newspaper, with the capitalized words right before it on its line (up to
 * AGENCY_NAME_MAX, not "The"): "the [Richmond Times-Dispatch]" and "the [Las Vegas Review-Journal]" (places before),
 * "the [Austin American-Statesman]" (a person), "the [Honolulu Star-Bulletin]" (its town alone), "told The
 * [Courier-Journal]" (untagged). Not a title inside a longer name or one an organisation's name comes right before.
 */
export function hyphenatedNewspapers(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!NEWSPAPER_CUE.test(text)) return tags as string[];
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tag = tags[i] as string;
    if (tag.endsWith('-ORG') || (tags[i + 1] ?? 'O').startsWith('I-') || !HYPHENATED_NEWSPAPER.test((tokens[i] as Token).text)) continue;
    let from = capitalizedBefore(tokens, i);
    while (from < i && (lineBreakAfter(text, tokens, from) || (tags[from] as string).startsWith('I-'))) from++;
    if (tag.startsWith('I-') && spanStart(tags, i) < from) continue;
    if (tags.slice(from, i).some((t) => t.endsWith('-ORG'))) continue;
    out ??= [...tags];
    setSpan(out, from, i + 1, 'ORG');
  }
  return out ?? (tags as string[]);
}

/**
 * Last words that only a body's or a publication's name ends with: a parliament, a political or armed front, a
 * newspaper or a magazine ("the [Scottish Parliament]", "the [Polisario Front]", "the [San Francisco Chronicle]").
 * Not "Post" ("a border post"), "Star" or "Daily" (surnames: "Col. Michael Daily").
 */
const BODY_LAST_WORDS: ReadonlySet<string> = new Set('Parliament Front Chronicle Examiner Telegraph Gazette Tribune Journal Inquirer Magazine Herald Times Monthly'.split(' '));

/** First words of a war's front, a place ("the Western Front", "the Home Front"). */
const FRONT_PLACES: ReadonlySet<string> = new Set('Northern Southern Eastern Western Central Home'.split(' '));

/**
 * Tags where a name of two words or more that the tagger read as a place or a person ends with a body's or a
 * publication's last word (BODY_LAST_WORDS) are an organisation: "the [Northern Territory Parliament] has passed",
 * "the Algeria-backed [Polisario Front]", "According to the [San Francisco Chronicle]", "[EGM Magazine]'s staff". Not a
 * war's front ("the [Western Front]", FRONT_PLACES), nor a run with "The" inside it (two names run together).
 */
export function bodiesReadAsPlaces(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if ((type !== 'LOC' && type !== 'PER') || to - from < 2) continue;
    const last = (tokens[to - 1] as Token).text;
    if (!BODY_LAST_WORDS.has(last) || (last === 'Front' && FRONT_PLACES.has((tokens[to - 2] as Token).text))) continue;
    if (tokens.slice(from + 1, to).some((t) => t.text === 'The')) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'ORG');
  }
  return out ?? (tags as string[]);
}

/**
 * Tags where an organisation is followed on its line by a country of one or two words that closes the name (no
 * capitalized word after it) are one organisation, the firm's or body's branch in that country: "[Wal-Mart Canada]",
 * "[MasterCard UK]", "[McDonald's Australia]", "[Police Scotland]", "[Sky News Australia]", where the tagger read "[Wal-Mart] [Canada]". Not a
 * country that opens a longer name ("[Republican] [U.S.] Senator"), nor one after a figure the tagger read as an
 * organisation ("[882] [U.S.] troops").
 */
export function branchesInCountries(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'ORG' || tags[to] !== 'B-LOC' || !/^\p{L}|^['’]s$/u.test((tokens[to - 1] as Token).text) || lineBreakAfter(text, tokens, to - 1)) continue;
    const end = spanEnd(tags, to);
    if (end - to > 2 || !isCountry(nameText(tokens, to, end)) || startsCapitalized(tokens[end]?.text ?? '')) continue;
    out ??= [...tags];
    setSpan(out, from, end, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** A name's initial: one letter and a period ("F.", "W."). */
const INITIAL = /^\p{Lu}\.$/u;

/**
 * Tags where a person's span is followed on its line by another name and an initial stands where they meet ("[John F.]
 * [Kennedy School of Government]", "[Michael] [J. Fox Foundation]", "[J.] [Dennis Hastert]", "[Michael] [N. Castle]"):
 * one name, split at the initial. It is the organisation when the second was one, the place when the second was a
 * place ending with a venue's head and not opening with the initial ("[David H.] [Koch Hall]"; "N. Castle" is a
 * surname), and a person otherwise. Not a MISC name after it, nor a name on the next line.
 */
export function namesSplitAtInitials(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    const next = tags[to] ?? 'O';
    if (type !== 'PER' || !next.startsWith('B-') || next === 'B-MISC' || lineBreakAfter(text, tokens, to - 1)) continue;
    if (!INITIAL.test((tokens[to - 1] as Token).text) && !INITIAL.test((tokens[to] as Token).text)) continue;
    const end = spanEnd(tags, to);
    const second = next.slice(2);
    const venue = VENUE_HEADS.has((tokens[end - 1] as Token).text) && !INITIAL.test((tokens[to] as Token).text);
    const joined = second === 'LOC' && !venue ? 'PER' : second;
    out ??= [...tags];
    setSpan(out, from, end, joined);
  }
  return out ?? (tags as string[]);
}

/**
 * The start of the capitalized words right before `i` (up to AGENCY_NAME_MAX, not "The") when they are untagged or one
 * name of a type other than organisation, whole ("[Antara]", not "[Jakarta Post] news"), and not a place or a nationality.
 */
function otherNameBefore(tokens: readonly Token[], tags: readonly string[], i: number): number | undefined {
  const from = capitalizedBefore(tokens, i);
  if (from === i) return undefined;
  const first = tags[from] as string;
  const untagged = tags.slice(from, i).every((t) => t === 'O');
  const whole = first.startsWith('B-') && first !== 'B-ORG' && spanEnd(tags, from) === i;
  if (!untagged && !whole) return undefined;
  const name = nameText(tokens, from, i);
  if (placeOrPeople(name)) return undefined;
  return from;
}

/** The start of the capitalized words right before `i`, up to AGENCY_NAME_MAX, not a sentence's "The" (`i` when there are none). */
function capitalizedBefore(tokens: readonly Token[], i: number): number {
  let from = i;
  while (from > 0 && i - from < AGENCY_NAME_MAX && startsCapitalized((tokens[from - 1] as Token).text) && (tokens[from - 1] as Token).text !== 'The') from--;
  return from;
}

/** A word in capitals, with digits or a hyphen ("ELN", "M23", "FARC-EP"). */
const ACRONYM_LIKE = /^\p{Lu}[\p{Lu}\d-]+$/u;

/** A flight's number or code ("103", "MH17", "AF447"). */
const FLIGHT_NUMBER = /^(?:[A-Z0-9]{2})?\d{1,4}$/;

/**
 * Tags where the capitalized words before "flight" and its number are the airline, an organisation ("Pan Am flight
 * 103", "Air France Flight 447"), where the tagger left them untagged or read names of other types among them ("Air
 * [France]"); not a place or a nationality ("a Paris flight 12", "the Libyan flight"), nor an organisation it found.
 */
export function airlinesBeforeTheirFlights(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    if ((w !== 'flight' && w !== 'Flight') || !FLIGHT_NUMBER.test((tokens[i + 1] as Token).text)) continue;
    const from = capitalizedBefore(tokens, i);
    // Untagged words, names of other types among them ("Air [France]"), but no organisation the tagger found and no part of a longer name.
    if (from === i || (tags[from] as string).startsWith('I-') || tags.slice(from, i).some((t) => t.endsWith('-ORG'))) continue;
    const name = nameText(tokens, from, i);
    if (placeOrPeople(name)) continue;
    out ??= [...tags];
    setSpan(out, from, i, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** The most untagged words taken into a group's name before its fighters. */
const GROUP_LEAD_MAX = 2;
/** Armed members of a group, written after its name ("Hizbollah guerrillas", "PKK rebels"), or the group as a gang or a cartel ("the Gran Grif gang", "the Gulf Clan cartel"). */
const FIGHTERS: ReadonlySet<string> = new Set('guerrillas guerrilla militants rebels fighters insurgents gunmen militiamen gang gangs cartel'.split(' '));

/** Words of a creed or a people ("Maoist", "Marxist", "Shi'ite", "Israelites"): no group's name. */
const CREED_WORD = /(?:ists?|ites?)$/;

/**
 * Tags where the name right before a group's fighters ("Hizbollah guerrillas fired", "Abu Sayyaf rebels") is the group,
 * an organisation, where the tagger read a place, a person's name of two words or more, or left capitals untagged, or
 * read the organisation without its first words ("Tupac [Amaru] rebels"); not a place or nationality the gazetteer knows
 * ("Kosovo rebels", "Chechen rebels"), a MISC name, or a word in "-ist" or "-ite" ("Maoist rebels", "Shi'ite militants").
 */
export function groupsBeforeTheirFighters(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (!FIGHTERS.has((tokens[i] as Token).text)) continue;
    if ((tags[i - 1] as string).endsWith('-ORG')) {
      // The group read as an organisation without its first words ("Tupac [Amaru] rebels"): the untagged capitalized words
      // right before it join it (up to two; not "The", a place, a nationality, a word in "-ist", a hyphenated word or a word
      // news writes in lowercase: "Marxist FARC rebels", "Thirty-eight Pakistani Taliban fighters").
      const s = spanStart(tags, i - 1);
      let f = s;
      while (f > 0 && s - f < GROUP_LEAD_MAX && tags[f - 1] === 'O') {
        const w = (tokens[f - 1] as Token).text;
        if (!startsCapitalized(w) || w === 'The' || w.includes('-') || CREED_WORD.test(w) || PLACES.has(w) || DEMONYMS.has(w) || LATE_DEMONYMS.has(w) || writtenLowercase(w, stats)) break;
        f--;
      }
      if (f < s) {
        out ??= [...tags];
        setSpan(out, f, i, 'ORG');
      }
      continue;
    }
    const from = otherNameBefore(tokens, tags, i);
    if (from === undefined) continue;
    const tag = tags[from] as string;
    const words = tokens.slice(from, i).map((t) => t.text);
    // A place read by the tagger, a person's name of two words or more ("Boko Haram"), or untagged capitals ("ELN", "M23");
    // one word read as a person or left in ordinary case is as often a people ("Karen rebels", "Kashmiri militants").
    const group = tag === 'B-LOC' || (tag === 'B-PER' && i - from >= 2) || (tag === 'O' && words.every((w) => ACRONYM_LIKE.test(w)));
    if (!group || words.some((w) => CREED_WORD.test(w))) continue;
    out ??= [...tags];
    setSpan(out, from, i, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Jobs at a firm, written right before a person's name ("JP Morgan economist John Lipsky"); not those a person has ("Obama spokesman", "Trump lawyer", "Bush strategist Karl Rove"). */
const FIRM_ROLES: ReadonlySet<string> = new Set('economist analyst trader dealer banker broker'.split(' '));
/** Verbs that move a rating ("Fitch IBCA cut its rating on the bank", "raised the bank's long-term rating"). */
const RATING_MOVES: ReadonlySet<string> = new Set(['cut', 'cuts', 'lowered', 'lowers', 'raised', 'raises', 'affirmed', 'affirms', 'revised', 'revises']);

/** Whether a rating's move follows the name ending at `to`: its verb, then "rating" or "ratings" within four words and no phrase between ("cut its rating"). */
function ratingMoved(tokens: readonly Token[], to: number): boolean {
  if (!RATING_MOVES.has(textAt(tokens, to))) return false;
  for (let k = to + 1; k <= to + 4 && k < tokens.length; k++) {
    const w = (tokens[k] as Token).text;
    if (w === 'rating' || w === 'ratings') return true;
    // No phrase between ("raised the issue of ratings", "concerns about the ratings").
    if (w === '.' || w === ',' || w === ';' || w === 'of' || w === 'about' || w === 'over' || w === 'on') return false;
  }
  return false;
}

/** Verbs of a broker's or a ratings agency's view of a stock or a debt ("upgraded the stock", "downgraded its rating"). */
const RATING_VERBS: ReadonlySet<string> = new Set(['upgraded', 'downgraded', 'upgrades', 'downgrades']);
/** Staff of an organisation, written before "at" and its name ("traders at Merrill Lynch", "a researcher at Harvard"). */
const STAFF_AT: ReadonlySet<string> = new Set(
  (
    'economist economists analyst analysts strategist strategists trader traders dealer dealers banker bankers broker brokers ' +
    'executive executives official officials researcher researchers scientist scientists engineer engineers employee employees staff'
  ).split(' '),
);
/**
 * Words of a firm's staff, officers, holders or parts before "of", "from" or "in" and its name ("officials from [Sabena]",
 * "the chief executive of [Proton]", "a unit of [Philips]", "shares in [Exxon]", "a stake in [Daewoo]"): what no person
 * has. Not a spokesman's "for" (a person has one).
 */
const FIRM_CUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['of', new Set('officials executives employees shareholders subsidiary subsidiaries unit units division shares stake chairman chairwoman executive director president'.split(' '))],
  ['from', new Set('officials executives'.split(' '))],
  ['in', new Set('shares stake stakes shareholders shareholding'.split(' '))],
]);
/** Of FIRM_CUES, a firm's officers. */
const OFFICERS: ReadonlySet<string> = new Set(['chairman', 'chairwoman', 'executive', 'director', 'president']);
/** A word of two capitals or more and figures: an acronym ("SADC", "HMRC"). */
const ACRONYM_WORD = /^\p{Lu}[\p{Lu}\d&]+$/u;
/** Of FIRM_CUES, those of what is owned, which a place read so has too ("a subsidiary of [Qantas]"; not "officials of Chisinau"). */
const OWNED: ReadonlySet<string> = new Set('shareholders subsidiary subsidiaries unit units division shares stake stakes shareholding'.split(' '));
/** The most words of a firm's name read this way. */
const FIRM_NAME_MAX = 3;
/** Prepositions of place, after which a name read as a place keeps that reading. */
const PLACE_BEFORE: ReadonlySet<string> = new Set(['in', 'to', 'from', 'near', 'In', 'To', 'From', 'Near']);
/** Staff who work at firms, not at places ("dealers at Banamex"; not "officials at Heathrow"). */
const FIRM_STAFF: ReadonlySet<string> = new Set([...FIRM_ROLES].flatMap((r) => [r, `${r}s`]));

/** A firm's officers and founders as news writes them; not a president, a director or a head, whom states, police forces and departments have. */
const FIRM_OFFICERS: readonly string[] = ['CEO', 'CFO', 'COO', 'chairman', 'chairwoman', 'founder', 'co-founder'];
/** A firm's officers before "of" and its name, in lower case ("the chief executive of [Aegis]", "CEO of [Telnic]", "co-chairman of [New Line]"). */
const FIRM_OFFICERS_OF: ReadonlySet<string> = new Set([...FIRM_OFFICERS, 'co-chairman'].map((w) => w.toLowerCase()));
/** What may follow a firm's name so cued: a mark or "and" ("CEO of [Telnic], commented", "co-chairman of [New Line] and"), no noun of its own ("CEO of Kaupthing bank"). */
const AFTER_OFFICERS_FIRM: ReadonlySet<string> = new Set([',', ';', ':', '.', '(', ')', 'and']);

/**
 * Whether the name tokens[from, to) stands after a firm's officer or founder and "of" ("Tony Salameh, chairman of
 * [Aishti], said", "the chief executive of [Morgan Stanley];", "co-founder of the [Crawford Peace House],"), and
 * ends there.
 */
function firmOfficerOf(tokens: readonly Token[], from: number, to: number): boolean {
  if (tokens[from - 1]?.text !== 'of' || !AFTER_OFFICERS_FIRM.has(tokens[to]?.text ?? '.')) return false;
  const at = tokens[from - 2]?.text === 'the' ? from - 3 : from - 2;
  const officer = (tokens[at]?.text ?? '').toLowerCase();
  return FIRM_OFFICERS_OF.has(officer) || (officer === 'executive' && (tokens[at - 1]?.text ?? '').toLowerCase() === 'chief');
}

/** What only a firm has after its name and "'s" ("Merrill's CEO", "Metronet's shareholders"; not a spokesman, staff or shares as such, which persons have too: shares only moving, `STOCK_MOVES`). */
const FIRM_POSSESSIONS: ReadonlySet<string> = new Set('CEO CFO COO shareholders stockholders subsidiary subsidiaries'.split(' '));
/** Words after "chief" that make a firm's officer ("chief executive", "chief financial officer"). */
const CHIEF_OFFICES: ReadonlySet<string> = new Set(['executive', 'financial', 'operating']);
/** Words between a name and "headquartered" ("CData, headquartered in", "Alteryx, which is headquartered in"). */
const BEFORE_HEADQUARTERED: ReadonlySet<string> = new Set([',', 'which', 'is', 'was']);

/** Verbs of a listed stock's move after "'s shares" / "'s stock" ("Southwest's stock rose"; not "were", "in", "of": a person's shares are held, "Murdoch's shares in BSkyB"). */
const STOCK_MOVES: ReadonlySet<string> = new Set('rose fell dropped slipped gained surged jumped climbed slid sank plunged plummeted tumbled soared rallied rocketed declined lost dipped edged advanced closed opened ended traded'.split(' '));

/**
 * Whether the words at `k` are a listed stock moving or priced ("shares fell", "stock rose", "share price", "stock
 * price"): a firm's after its name and "'s", unless the name is a person's with a given name first ("Warren Buffett's
 * shares fell" are his holdings).
 */
function stockMoving(tokens: readonly Token[], k: number): boolean {
  const w = tokens[k]?.text ?? '';
  if (w === 'shares' || w === 'stock') return STOCK_MOVES.has(tokens[k + 1]?.text ?? '') || (w === 'stock' && tokens[k + 1]?.text === 'price');
  return w === 'share' && tokens[k + 1]?.text === 'price';
}

/** Whether the name at `from`, read as a person, opens with a given name ("Kevin Durant", "Warren Buffett"): a person's, no firm's. */
const givenNameFirst = (tokens: readonly Token[], from: number, type: string): boolean => type === 'PER' && GIVEN_NAMES.has((tokens[from] as Token).text);

/** Whether the words at `k` are what only a firm has ("CEO", "chief executive", "shareholders", "board of directors"). */
function firmsOwn(tokens: readonly Token[], k: number): boolean {
  const w = tokens[k]?.text ?? '';
  if (FIRM_POSSESSIONS.has(w)) return true;
  if (w === 'chief') return CHIEF_OFFICES.has(tokens[k + 1]?.text ?? '');
  return w === 'board' && tokens[k + 1]?.text === 'of' && tokens[k + 2]?.text === 'directors';
}

/** A firm's officers, holders and parts written right after its name, no "'s" ("Neste CEO Risto Rinne", "Hardie chairwoman Meredith Hellicar", "Peabody subsidiary Peabody Australia"); not a spokesman, strategist or president, whom persons and states have. */
const FIRM_OFFICERS_AFTER: ReadonlySet<string> = new Set([...FIRM_OFFICERS, 'subsidiary', 'shareholders', 'stockholders']);

/** The end of a firm's officer or part at `k` ("CEO", "chief executive", "chief financial officer"), or -1. */
function firmOfficerEnd(tokens: readonly Token[], k: number): number {
  const w = tokens[k]?.text ?? '';
  if (FIRM_OFFICERS_AFTER.has(w)) return k + 1;
  if (w !== 'chief' || !CHIEF_OFFICES.has(tokens[k + 1]?.text ?? '')) return -1;
  return tokens[k + 2]?.text === 'officer' ? k + 3 : k + 2;
}

/**
 * Whether a firm's officer or part follows the name ending at `to` and then a name ("Neste CEO [Risto Rinne]", "Rojo
 * founder and CEO [Chris Alden]", "Peabody subsidiary [Peabody Australia]"): persons have no CEO, chairman or subsidiary
 * named so; "Steve Ballmer CEO of Microsoft" goes on with "of", and a name with a given name first is a person's.
 */
function officerNamedAfter(tokens: readonly Token[], tags: readonly string[], from: number, to: number, type: string): boolean {
  return !givenNameFirst(tokens, from, type) && officerThenName(tokens, tags, to);
}

/** Whether a firm's officer or part stands at `to` and then a name ("CEO [Risto Rinne]", "founder and CEO [Chris Alden]"). */
function officerThenName(tokens: readonly Token[], tags: readonly string[], to: number): boolean {
  let k = firmOfficerEnd(tokens, to);
  if (k < 0) return false;
  if (tokens[k]?.text === 'and') k = firmOfficerEnd(tokens, k + 1);
  return k >= 0 && (tags[k] ?? 'O').startsWith('B-');
}

/** Verbs of buying a firm, right before its name ("Twilio to acquire Stytch"). */
const ACQUIRING: ReadonlySet<string> = new Set(['acquire', 'acquires', 'acquired', 'acquiring']);
/** Nouns of buying or merging before "of" / "with" and a firm's name ("the acquisition of Redactive", "merged with Martin Marietta"). */
const ACQUISITIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['of', new Set(['acquisition', 'takeover', 'buyout'])],
  ['with', new Set(['merger', 'merge', 'merged', 'merges'])],
]);

/**
 * Whether the name tokens[from, to) is a firm bought or merged ("acquires [Breez]", "the takeover of [Merrill Lynch]",
 * "merged with [Martin Marietta]"): not a person with a given name first ("acquired Kevin Durant"), a place ending with its
 * kind or before its state, or a name running on ("acquire Toronto-based Alias").
 */
function acquired(tokens: readonly Token[], from: number, to: number, type: string): boolean {
  const before = tokens[from - 1]?.text ?? '';
  const cued = ACQUIRING.has(before) || ACQUISITIONS.get(before)?.has((tokens[from - 2]?.text ?? '').toLowerCase()) === true;
  const next = tokens[to]?.text ?? '';
  if (!cued || /^[-‐–]$/u.test(next) || startsCapitalized(next)) return false;
  if (type === 'PER') return !givenNameFirst(tokens, from, type);
  // A place ending with its kind ("the takeover of Tardo Village") or before its state or country ("the acquisition of
  // Oakland, California-based Ask Jeeves") is a place.
  return !PLACE_KINDS.has((tokens[to - 1] as Token).text) && !(next === ',' && PLACES.has(tokens[to + 1]?.text ?? ''));
}
/** Last words of places' names ("Tardo Village", "Gull Point"). */
const PLACE_KINDS: ReadonlySet<string> = new Set([...PLACE_HEAD_WORDS, 'Village', 'Town', 'District', 'Camp']);

/** Words between a subject and its object that a firm's acts run through ("[Asus] also left its keyboard", "[Élan] has seen its shares plunge"). */
const BEFORE_ITS_VERB: ReadonlySet<string> = new Set('has had have will would can could may also recently now still further then'.split(' '));
/** Past forms that end in neither "-s" nor "-ed" ("[Fenwick] cut its forecast"). */
const IRREGULAR_PASTS: ReadonlySet<string> = new Set('cut set put won lost made took sold bought began saw left kept held grew rose fell led spent paid built shut hit'.split(' '));
/** Words after which "its" is no object of the subject's own act: a copula, a report of what another said ("[Fratto] says its use"), a call on others, a preposition. */
const NOT_ITS_OWN: ReadonlySet<string> = new Set(
  ('is was are were be been being says said say told tells asked asks urged urges called calls praised praises criticised criticized criticises criticizes ' +
    'about over into under against after before around for from with without to of in on at by that which who when while if because as and or but he she his her him').split(' '),
);

/**
 * Whether the one-word name ending before `to` is the subject of an act on "its" own (the name, a verb of one to three
 * words, "its": "[Suunto] has retained its design", "[Riveron] announced its acquisition", "[Fenwick] cut its forecast"),
 * or joined by "and" to what is "its" ("[Shazam] and its team"): a person acts on "his" or "her"; not after a copula or
 * a report ("[Bush] urged its leaders", "[Fratto] says its use").
 */
function actsOnIts(tokens: readonly Token[], to: number): boolean {
  const verb = textAt(tokens, to);
  // "[Shazam] and its team", "to sell [Spanair] and its stakes": what a firm has, joined to it.
  if (verb === 'and') return textAt(tokens, to + 1) === 'its';
  if (!BEFORE_ITS_VERB.has(verb) && !IRREGULAR_PASTS.has(verb) && !/^[a-z]+(?:s|ed)$/.test(verb)) return false;
  for (let k = to; k < to + 3; k++) {
    const w = textAt(tokens, k);
    if (!/^[a-z]+$/.test(w) || NOT_ITS_OWN.has(w)) return false;
    if (textAt(tokens, k + 1) === 'its') return true;
  }
  return false;
}

/** Whether the name ending before `to` is "headquartered in" a place ("CData, headquartered in Chapel Hill"): a firm, never a person. */
function headquartered(tokens: readonly Token[], to: number): boolean {
  let k = to;
  while (k < to + 3 && BEFORE_HEADQUARTERED.has(tokens[k]?.text ?? '')) k++;
  return tokens[k]?.text === 'headquartered' && tokens[k + 1]?.text === 'in';
}

/**
 * Tags where a name the tagger read as a person is the organisation of the
 * staff the text names with it: before a firm's job and a person's name
 * ("[JP Morgan] economist John Lipsky"), or after staff and "at" ("traders at
 * [Merrill Lynch]", "analysts at [Smith Barney] and [Dean Witter]"); and
 * wherever else the text names it in the same words. Firms named after their
 * founders are persons' names to the tagger; a person is not written so
 * (nor with "'s" after: "a researcher at Smith's lab"). So is a name read as a
 * place after a firm's staff and "at" ("dealers at [Banamex]"), when the
 * gazetteer knows no place of that name, but after a preposition of place.
 * A name read as a person or as a place the gazetteer does not know is a firm
 * too before "'s" and what only a firm has ("[Merrill]'s CEO", "[Metronet]'s
 * shareholders", "[Southwest]'s stock rose"), before "headquartered in", before a firm's officer or part and a
 * name with no "'s" ("[Neste] CEO Risto Rinne"), and after a word of buying or
 * merging ("to acquire [Stytch]", "the takeover of [Bear Stearns]"); a one-word
 * name read as a person is one too where it acts on "its" own ("[Suunto] has
 * retained its design"); a person's name that starts with a one-word firm so
 * cued is the firm's full name ("[Merrill Lynch]").
 */
export function employersOfStaff(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  const scan: StaffScan = {
    tokens,
    tags,
    stats,
    spans: bioSpans(tags).filter((s) => (s.type === 'PER' || s.type === 'LOC') && s.to - s.from <= FIRM_NAME_MAX),
    firms: new Set(),
    untagged: [],
    firstWords: new Set(),
    cuedPlaces: new Set(),
  };
  // Called through the list, so that none is inlined into this function: a case unseen so far recompiles its own part only.
  for (const part of STAFF_PARTS) part(scan);
  const { spans, firms, untagged, firstWords, cuedPlaces } = scan;
  if (firms.size === 0) return tags as string[];
  const out = [...tags];
  for (const [i, j] of untagged) setSpan(out, i, j, 'ORG');
  for (const { from, to, type } of spans) {
    const named = firms.has(nameText(tokens, from, to)) || (type === 'PER' && to > from + 1 && firstWords.has((tokens[from] as Token).text));
    if (!named || PERSON_TITLES.has(tokens[from - 1]?.text ?? '')) continue;
    // A name read as a place stays one after a preposition of place ("in", "to", "from", "near").
    if (type === 'LOC' && PLACE_BEFORE.has(tokens[from - 1]?.text ?? '') && !cuedPlaces.has(from)) continue;
    setSpan(out, from, to, 'ORG');
  }
  return out;
}

/** What employersOfStaff's parts read and find. */
type StaffScan = {
  tokens: readonly Token[];
  tags: readonly string[];
  stats: WordStats | undefined;
  /** The spans read as persons or places, of FIRM_NAME_MAX words at most. */
  spans: ReadonlyArray<{ from: number; to: number; type: string }>;
  /** The names found to be firms'. */
  firms: Set<string>;
  /** Untagged words found to be a firm's name, [from, to). */
  untagged: Array<[number, number]>;
  /** One-word firms so cued: a person's name that starts with one is the firm's full name ("Merrill's CEO ... a takeover of [Merrill Lynch]"). */
  firstWords: Set<string>;
  /** The places read after a firm's cue ("officials from [Sabena]"), set even after their preposition. */
  cuedPlaces: Set<number>;
};

/** Whether the word at `at` is a firm's cue after the word before it ("officials from", "a stake in"). */
const firmCue = (tokens: readonly Token[], at: number): boolean => FIRM_CUES.get(tokens[at]?.text ?? '')?.has((tokens[at - 1]?.text ?? '').toLowerCase()) === true;

/**
 * Untagged capitalized words right after a firm's cue, up to FIRM_NAME_MAX and before a lowercase word, each known only
 * capitalized to the word statistics or not at all ("officials from [Fiat]", "a stake in [Volvo]"; not "shares in Internet
 * companies").
 */
function untaggedAfterFirmCues(scan: StaffScan): void {
  const { tokens, tags, stats, firms, untagged } = scan;
  if (!stats) return;
  // (or read as MISC: the tagger reads "officials from [Fiat]" so)
  const free = (k: number) => tags[k] === 'O' || tags[k] === 'B-MISC' || tags[k] === 'I-MISC';
  for (let i = 1; i < tokens.length; i++) {
    // A cue's preposition first: most tokens are none.
    const prep = tokens[i - 1]?.text;
    if ((prep !== 'of' && prep !== 'in' && prep !== 'from') || (tags[i] !== 'O' && tags[i] !== 'B-MISC') || !firmCue(tokens, i - 1)) continue;
    let j = i;
    while (j < tokens.length && j - i < FIRM_NAME_MAX + 1 && free(j) && startsCapitalized((tokens[j] as Token).text)) j++;
    if (j === i || j - i > FIRM_NAME_MAX || tags[j] === 'I-MISC' || startsCapitalized(tokens[j]?.text ?? '') || isPossessive(tokens[j]?.text ?? '')) continue;
    // The company form after a comma is the name's ("President of [CCNG, Inc.]").
    const formed = tokens[j]?.text === ',' && COMPANY_FORMS.has(tokens[j + 1]?.text ?? '') ? j + 2 : j;
    // After an officer's title, a word the statistics do not know is an acronym only ("Chairman of [SADC]"; "Director of
    // Horticulture" names a department).
    const officer = OFFICERS.has((tokens[i - 2]?.text ?? '').toLowerCase());
    let proper = true;
    for (let k = i; k < j; k++) {
      const w = (tokens[k] as Token).text;
      const code = stats.get(w.toLowerCase());
      const unknown = code === undefined || code === 0;
      if ((!unknown && codeCap(code) !== 'A') || (unknown && officer && !ACRONYM_WORD.test(w)) || WEEKDAYS_AND_MONTHS.has(w) || NON_ENTITY_WORDS.has(w) || PLACES.has(w) || DEMONYMS.has(w) || PERSON_TITLES.has(w)) proper = false;
    }
    if (!proper) continue;
    untagged.push([i, formed]);
    firms.add(nameText(tokens, i, j));
  }
}

/**
 * Untagged capitalized words before a firm's officer or part and a name, after no capitalized word ("[Evergrande] founder
 * Hui Ka Yan", "[TI] chairman Hansjoerg Elshorst"), each known only capitalized to the word statistics or not at all
 * ("Their founder Avi Oz", "The chairman Prachanda" name none); or a name read as MISC there, as sites and services
 * are ("[Zentrix] founder Mara Vell"), its words known so too (a demonym or a people is none: "American chairman").
 * After "-based" the words may be known in lowercase as well: a place's firm ("Dubai-based [Harbour World] CEO Omar Saleh").
 */
function untaggedBeforeOfficers(scan: StaffScan): void {
  const { tokens, tags, stats, firms, untagged } = scan;
  if (!stats) return;
  // The cue's word first: most tokens are none.
  for (let j = 1; j < tokens.length; j++) {
    const w = (tokens[j] as Token).text;
    if ((!FIRM_OFFICERS_AFTER.has(w) && w !== 'chief') || !officerThenName(tokens, tags, j)) continue;
    let i = j;
    if (tags[j - 1] === 'B-MISC' || tags[j - 1] === 'I-MISC') i = spanStart(tags, j - 1);
    else while (i > 0 && j - i <= FIRM_NAME_MAX && tags[i - 1] === 'O' && startsCapitalized((tokens[i - 1] as Token).text)) i--;
    if (i === j || i === 0 || j - i > FIRM_NAME_MAX || tags[i - 1] !== 'O' || startsCapitalized((tokens[i - 1] as Token).text)) continue;
    const based = tokens[i - 1]?.text === 'based' && /^[-‐–]$/u.test(tokens[i - 2]?.text ?? '');
    let proper = true;
    for (let k = i; k < j; k++) {
      const word = (tokens[k] as Token).text;
      const code = stats.get(word.toLowerCase());
      if ((!based && code !== undefined && code !== 0 && codeCap(code) !== 'A') || WEEKDAYS_AND_MONTHS.has(word) || NON_ENTITY_WORDS.has(word) || PLACES.has(word) || DEMONYMS.has(word) || PERSON_TITLES.has(word)) proper = false;
    }
    if (proper) {
      untagged.push([i, j]);
      firms.add(nameText(tokens, i, j));
    }
  }
}

/** The names read as persons or places that a firm's cue around them makes firms' (employersOfStaff's doc). */
function firmsByTheirCues(scan: StaffScan): void {
  const { tokens, tags, spans, firms, firstWords, cuedPlaces } = scan;
  // A name read as a place after what a firm owns, its span the whole capitalized run ("shares in Real Estate Investment Trusts" names none).
  const ownedCue = (from: number, to: number) => firmCue(tokens, from - 1) && OWNED.has((tokens[from - 2]?.text ?? '').toLowerCase()) && !startsCapitalized(tokens[to]?.text ?? '');
  // A one-word person acting on "its" own, no given name and no word of a person the text names in full ("Tony Fratto ... Fratto").
  let fullNames: Set<string> | undefined;
  const ownActOnIts = (from: number, to: number): boolean => {
    const w = (tokens[from] as Token).text;
    return to === from + 1 && actsOnIts(tokens, to) && !GIVEN_NAMES.has(w) && !(fullNames ??= wordsOfFullNames(tokens, tags)).has(w);
  };
  for (const { from, to, type } of spans) {
    const after = tokens[to]?.text ?? '';
    // "[Merrill]'s CEO John Thain", "[Metronet]'s shareholders", "[CData], headquartered in Chapel Hill", "Twilio to acquire
    // [Stytch]": what only a firm has, is or undergoes (the name whole, no place or people the gazetteer knows: "Hong Kong's
    // chief executive", "the acquisition of Greenland").
    if (!startsCapitalized(tokens[from - 1]?.text ?? '') && !placeOrPeople(nameText(tokens, from, to))) {
      const cue = isPossessive(after)
        ? firmsOwn(tokens, to + 1) || (stockMoving(tokens, to + 1) && !givenNameFirst(tokens, from, type))
        : headquartered(tokens, to) || acquired(tokens, from, to, type) || officerNamedAfter(tokens, tags, from, to, type) || (type === 'PER' && ownActOnIts(from, to));
      if (cue) {
        firms.add(nameText(tokens, from, to));
        if (to === from + 1) firstWords.add((tokens[from] as Token).text);
        continue;
      }
    }
    if (isPossessive(after)) continue;
    if (type === 'LOC') {
      // "dealers at [Banamex]", "a subsidiary of [Qantas]": a name read as a place after a firm's staff and "at", or after
      // what a firm owns, and no place the gazetteer knows.
      const name = nameText(tokens, from, to);
      if (PLACES.has(name) || LATE_COUNTRIES.has(name)) continue;
      const staff = (tokens[from - 2]?.text ?? '').toLowerCase();
      if (tokens[from - 1]?.text === 'at' && FIRM_STAFF.has(staff)) firms.add(name);
      else if (firmOfficerOf(tokens, from, to)) firms.add(name);
      else if (ownedCue(from, to)) {
        firms.add(name);
        cuedPlaces.add(from);
      }
      continue;
    }
    const beforeRole = FIRM_ROLES.has(after) && tags[to + 1] === 'B-PER';
    // "after [Jardine Fleming] upgraded the stock": a broker rates a stock; a person who does is named with a given name.
    const before = tokens[from - 1]?.text ?? '';
    const rates = (RATING_VERBS.has(after) || ratingMoved(tokens, to)) && !GIVEN_NAMES.has((tokens[from] as Token).text) && !PERSON_TITLES.has(before) && !FIRM_ROLES.has(before);
    // "analysts at [Smith Barney] and [Dean Witter]", "analysts at Morgan Stanley and [Bernstein]": the second of two joined by
    // "and" too, after a firm read as a person or as an organisation.
    let at = from - 1;
    const first = tags[at - 1] ?? 'O';
    if (tokens[at]?.text === 'and' && (first.endsWith('-PER') || first.endsWith('-ORG'))) at = spanStart(tags, at - 1) - 1;
    const staffAt = tokens[at]?.text === 'at' && STAFF_AT.has((tokens[at - 1]?.text ?? '').toLowerCase());
    // "officials from [Sabena]", "shares in [Exxon]", "chief executive of [Proton]": a person's name has no such words before
    // it; right before the name only (not "the president of News Corporation and [Robert A. Iger]"), and the name whole
    // ("creative director of Beth Helmstetter Events" names a firm after a person).
    const cued = firmCue(tokens, from - 1) && !startsCapitalized(tokens[to]?.text ?? '');
    if (beforeRole || staffAt || rates || cued) firms.add(nameText(tokens, from, to));
  }
}

/** employersOfStaff's parts, in order, each adding to what the parts before it found. */
const STAFF_PARTS: ReadonlyArray<(scan: StaffScan) => void> = [untaggedAfterFirmCues, untaggedBeforeOfficers, firmsByTheirCues];

/** Heads of the names of things, beside the gazetteer's heads of organisations', places' and events' names, that news names after a person ("the Tom Robinson Band", "the Colbert Report", "the Taylor Law", "the Kennedy Expressway"). */
const EPONYM_HEADS: ReadonlyMap<string, string> = new Map([
  ...['Band', 'Militia'].map((w) => [w, 'ORG'] as const),
  ...['Parkway', 'Expressway', 'Highway', 'Freeway'].map((w) => [w, 'LOC'] as const),
  ...['Show', 'Report', 'Law', 'Statement'].map((w) => [w, 'MISC'] as const),
]);
/** Words before a name that make it a thing's rather than a person's ("the Jerry Springer Show"). */
const DEFINITE: ReadonlySet<string> = new Set(['the', 'The']);

/** The type of a name that ends with `head`: an organisation's, a place's or an event's, a work's or a law's (MISC); undefined for a person's. */
function typeOfHead(head: string): string | undefined {
  if (ORG_HEAD_WORDS.has(head)) return 'ORG';
  if (PLACE_HEAD_WORDS.has(head)) return 'LOC';
  if (MISC_HEAD_WORDS.has(head)) return 'MISC';
  return EPONYM_HEADS.get(head);
}

/**
 * Tags where a person's name of two words or more after "the" ends with the
 * head of a thing's name: a thing named after a person, which the tagger
 * reads by its first words ("the [Jerry Springer Show]", "the [Tom Robinson
 * Band]", "the [Christopher Reeve Foundation]", "the [Benjamin Franklin
 * Parkway]", "the [Murayama Statement]"). It takes the head's type. Persons
 * are seldom written after "the", and a person whose surname is such a word
 * is left alone without it ("CAAT member Brian Law").
 */
export function eponymsAreNoPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (tags[i] !== 'B-PER' || !DEFINITE.has((tokens[i - 1] as Token).text)) continue;
    const j = spanEnd(tags, i);
    const type = j - i >= 2 ? typeOfHead((tokens[j - 1] as Token).text) : undefined;
    if (!type) continue;
    out ??= [...tags];
    setSpan(out, i, j, type);
  }
  return out ?? (tags as string[]);
}

/**
 * Last words of the names of buildings and venues, which news annotation
 * types as places ("[Narita Airport]", "[Istiqlal Mosque]", "[Trump Tower]",
 * "[Lusail Stadium]"): the place heads of the gazetteer (PLACE_HEAD_WORDS)
 * that name no organisation too (not "Palace": "Crystal Palace"; not
 * "Street": "State Street"; not "Park": "Linkin Park"; not "Station": "Surry
 * Hills Police Station").
 */
const VENUE_HEADS: ReadonlySet<string> = new Set('Station Airport Mosque Cathedral Basilica Temple Shrine Stadium Arena Tower Bridge Square Avenue Castle Building Cemetery Prison Highway Tunnel Wall Memorial Harbor Harbour Canal Dam'.split(' '));

/**
 * Last and first words of the names of natural features ("[Gull Point]", "[Dune River]", "the [River Dune]", "[Mount
 * Hood]"): places too. Not "Forest" ("Nottingham Forest"), "Channel" ("Discovery Channel"), "Bay" ("Tampa Bay" the
 * team), "Park" or "Valley" ("Silicon Valley Bank"), "Ocean" ("CorPower Ocean"), which name organisations as often;
 * nor a name the tagger's gazetteer lists as an organisation ("Turtle Beach", "Iron Mountain").
 */
const NATURAL_HEADS: ReadonlySet<string> = new Set('River Lake Lakes Mountain Mountains Island Islands Coast Sea Gulf Strait Peninsula Beach Falls Hills Canyon Glacier Reservoir Point'.split(' '));
const NATURAL_FIRST: ReadonlySet<string> = new Set('River Mount Lake Cape Isle'.split(' '));
/** First words of natural features' names before "of" ("the Sea of Japan", "the Gulf of Mexico", "the Strait of Hormuz", "the Bay of Bengal"). */
const NATURAL_BEFORE_OF: ReadonlySet<string> = new Set('Sea Gulf Strait Straits Bay'.split(' '));
/**
 * Last words of the names of a country's divisions ("Nabatieh District", "Aleppo Governorate", "Herat Province",
 * "Ryazan Oblast", "Palmaner Taluk"): places too. The tagger reads many of them as organisations, "District" being one
 * of its organisation heads (school and court districts).
 */
const DIVISION_HEADS: ReadonlySet<string> = new Set('District Governorate Province Oblast Prefecture Taluk Tehsil Upazila Township'.split(' '));
/** A number or an ordinal: a numbered district is a constituency or a court's ("8th Congressional District", "Sixth District"). */
const NUMBERED = /^\d|\d(?:st|nd|rd|th)$|^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)$/;
/** Words before "District" that make it a body or a constituency, no place ("Unified School District", "8th Congressional District"). */
const DISTRICT_BODIES: ReadonlySet<string> = new Set('School Congressional Electoral Judicial Legislative Assembly Municipal Water Fire Sanitation Irrigation Hospital Transit Park Police Court Election Management'.split(' '));

/**
 * Tags where an organisation's name of two words or more ends with a
 * building's or a venue's head (VENUE_HEADS) is a place: the tagger reads
 * most airports as organisations (85 of 117 in English Wikinews) and some
 * mosques and towers so (and prisons, cemeteries, tunnels, highways and
 * buildings: 16 over Wikinews, "Dubrava Prison", "Channel Tunnel"; walls,
 * memorials, harbours: "Berlin Wall", "Lincoln Memorial", "Pearl Harbor"; stations: "the International Space
 * Station", which the tagger reads as an organisation, not a police station, whose head word is an organisation's;
 * not "Mall": UNER-EWT dev files "Interior Mall" as a business). Not a name the gazetteer knows as an organisation,
 * nor one with an organisation's head inside ("Airports Authority Tower").
 * After a person's title the words of a natural feature's name are a
 * person's ("Judge [Sim Lake]"). A division's name is a place too
 * ("[Nabatieh District]", DIVISION_HEADS and isDivision).
 */
export function venuesArePlaces(tokens: readonly Token[], tags: readonly string[], gazetteer?: NameGazetteer): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    const head = (tokens[to - 1] as Token).text;
    const venue = VENUE_HEADS.has(head);
    const first = (tokens[from] as Token).text;
    const natural = NATURAL_HEADS.has(head) || NATURAL_FIRST.has(first) || (NATURAL_BEFORE_OF.has(first) && tokens[from + 1]?.text === 'of');
    if (type !== 'ORG' || to - from < 2) continue;
    if (!(venue || natural)) {
      if (!DIVISION_HEADS.has(head) || !isDivision(tokens, from, to)) continue;
      out ??= [...tags];
      setSpan(out, from, to, 'LOC');
      continue;
    }
    const words = tokens.slice(from, to).map((t) => t.text);
    // A person's title before a natural feature's name-shaped words names a person by them ("U.S. District Judge [Sim Lake]").
    if (natural && PERSON_TITLES.has(tokens[from - 1]?.text ?? '') && words.every((w) => SURNAME.test(w))) {
      out ??= [...tags];
      setSpan(out, from, to, 'PER');
      continue;
    }
    const name = words.join(' ');
    if (KNOWN_ORGS.has(name) || words.some((w) => ORG_HEAD_WORDS.has(w))) continue;
    if (!venue && gazetteer?.names.get(name)?.includes('ORG')) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'LOC');
  }
  return out ?? (tags as string[]);
}

/** First words of a court's district ("the Southern District of New York", "the Eastern District"): no place. */
const COURT_DISTRICTS: ReadonlySet<string> = new Set('Northern Southern Eastern Western Middle Central'.split(' '));

/**
 * Tags where an organisation's name is a division's name, "of" and a place the tagger's gazetteer knows ("[Chittoor
 * District of Andhra Pradesh]", "[Pyapon District of Myanmar]"): the division and the place, two places; and a name
 * that opens with the division's head ("[District of Columbia]"): one place. Not a court's district ("the [Southern
 * District of New York]") nor a longer name with an organisation's head or a title after it ("[United States District
 * Court for the District of New Jersey]"), nor one after an organisation's "of" or "for" (ofAnOrganisation).
 */
export function divisionsOfPlaces(tokens: readonly Token[], tags: readonly string[], gazetteer: NameGazetteer): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if ((tokens[i] as Token).text !== 'of' || tags[i] !== 'I-ORG' || !DIVISION_HEADS.has((tokens[i - 1] as Token).text)) continue;
    const from = spanStart(tags, i);
    const to = spanEnd(tags, i);
    if (to === i + 1 || startsCapitalized(textAt(tokens, to)) || COURT_DISTRICTS.has((tokens[from] as Token).text)) continue;
    if (!gazetteer.names.get(nameText(tokens, i + 1, to))?.includes('LOC')) continue;
    if ((from < i - 1 && !isDivision(tokens, from, i)) || ofAnOrganisation(tokens, tags, from)) continue;
    out ??= [...tags];
    if (from === i - 1) setSpan(out, from, to, 'LOC');
    else {
      setSpan(out, from, i, 'LOC');
      out[i] = 'O';
      setSpan(out, i + 1, to, 'LOC');
    }
  }
  return out ?? (tags as string[]);
}

/**
 * Tags where a country's name with "of" in it, read as two names, is one place: a place or an organisation, "of" (and
 * "the") and a place, the whole a name the place lists know ("[Democratic Republic] of the [Congo]", 35 times in 34
 * texts of Wikinews and WP current events, "[Republic] of [Ireland]"), where the tagger read the two halves apart.
 */
export function knownPlacesJoinedByOf(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if ((tokens[i] as Token).text !== 'of' || tags[i] !== 'O') continue;
    const before = tags[i - 1] as string;
    if (!before.endsWith('-LOC') && !before.endsWith('-ORG')) continue;
    const k = textAt(tokens, i + 1) === 'the' && tags[i + 1] === 'O' ? i + 2 : i + 1;
    if (tags[k] !== 'B-LOC') continue;
    const from = spanStart(out ?? tags, i - 1);
    const to = spanEnd(tags, k);
    const name = nameText(tokens, from, to);
    if (!PLACES.has(name) && !LATE_COUNTRIES.has(name)) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'LOC');
    i = to - 1;
  }
  return out ?? (tags as string[]);
}

/** Whether the name at `from` follows an organisation's "of" or "for" ("the Superior Court of the [District of Columbia]"): the organisation's district, part of its name. */
function ofAnOrganisation(tokens: readonly Token[], tags: readonly string[], from: number): boolean {
  const k = textAt(tokens, from - 1) === 'the' ? from - 2 : from - 1;
  const joiner = textAt(tokens, k);
  return (joiner === 'of' || joiner === 'for') && (tags[k - 1] ?? 'O').endsWith('-ORG');
}

/** Last words of streets' names ("Liberty Street", "Polk St.", "Geary Blvd", "Sussex Drive"). */
const STREET_HEADS: ReadonlySet<string> = new Set('Street St St. Avenue Ave Ave. Boulevard Blvd Blvd. Road Rd Rd. Drive Dr. Lane Ln.'.split(' '));
/** A house's number ("24", "610", "15B"). */
const HOUSE_NUMBER = /^\d{1,5}[A-Za-z]?$/;
/** A compass letter between a house's number and its street ("610 E. Roosevelt St.", "15 N Oxford St"). */
const STREET_COMPASS: ReadonlySet<string> = new Set('N N. S S. E E. W W. NE NW SE SW'.split(' '));

/**
 * Tags where a street's name (STREET_HEADS) after a house's number, with a compass letter between or not, is a place,
 * the address, whatever the tagger read it as: "at 24 [Sussex Drive]", "Details: 610 [E. Roosevelt St.]", "99 [Hudson
 * St], 5th Floor" (persons or organisations before; "Downing Street" alone, the government, is left). A compass
 * letter the tagger left out stays out ("100 W. [Portland St.]").
 */
export function addressesArePlaces(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O' || tag.endsWith('-LOC') || (tags[i + 1] ?? 'O').startsWith('I-') || !STREET_HEADS.has((tokens[i] as Token).text)) continue;
    const from = spanStart(tags, i);
    if (from === i) continue;
    let k = from - 1;
    if (STREET_COMPASS.has(textAt(tokens, k))) k--;
    if (!HOUSE_NUMBER.test(textAt(tokens, k))) continue;
    out ??= [...tags];
    setSpan(out, from, i + 1, 'LOC');
  }
  return out ?? (tags as string[]);
}

/**
 * Whether the organisation [from, to), ending with a division's head (DIVISION_HEADS), names that division: no title
 * or office follows it ("U.S. District Judge", "Grey District Mayor"), no numbered or other body's district
 * ("Sixth District", "Unified School District"), no country's ("U.S. District judge": a federal court's) and no
 * organisation the gazetteer knows.
 */
function isDivision(tokens: readonly Token[], from: number, to: number): boolean {
  if (startsCapitalized(textAt(tokens, to)) || tokens.slice(from, to).some((t) => DISTRICT_BODIES.has(t.text) || NUMBERED.test(t.text))) return false;
  return !KNOWN_ORGS.has(nameText(tokens, from, to)) && !isCountry(nameText(tokens, from, to - 1));
}

/**
 * Tags where a venue's name (a place or an organisation ending with a VENUE_HEADS word) comes right after a person's or a
 * place's name the tagger read apart from it, on the same line, with at most one untagged capitalized word between
 * ("[Chiang] Kai-shek [International Airport]", "[John F. Kennedy] [International Airport]", "[Baghdad] [International
 * Airport]"): the venue is named after it, one place. Not a venue that starts with an initial ("[Michael] [N. Castle]").
 */
export function venuesAfterTheirNames(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type === 'PER' || !VENUE_HEADS.has((tokens[to - 1] as Token).text) || /^\p{Lu}\.$/u.test((tokens[from] as Token).text)) continue;
    let k = from;
    while (k > 0 && from - k < VENUE_NAME_LEAD_MAX && tags[k - 1] === 'O' && startsCapitalized((tokens[k - 1] as Token).text)) k--;
    const before = tags[k - 1] ?? 'O';
    if (k === 0 || !(before.endsWith('-PER') || before.endsWith('-LOC'))) continue;
    const start = spanStart(tags, k - 1);
    let i = start;
    while (i < from && !lineBreakAfter(text, tokens, i)) i++;
    if (i < from) continue;
    out ??= [...tags];
    setSpan(out, start, to, 'LOC');
  }
  return out ?? (tags as string[]);
}
/** The most untagged words between a name and the venue named after it. */
const VENUE_NAME_LEAD_MAX = 1;

/** Heads of events', laws', awards' and indexes' names (the gazetteer's MISC_HEAD_WORDS) that also end the names of publications ("TV Guide", "Vanity Fair", "Willamette Week", "Christian Heritage"): left to the tagger. */
const PUBLICATION_HEADS: ReadonlySet<string> = new Set(['Heritage', 'Guide', 'Fair', 'Week']);
/** Heads of laws' and charters' names read here beside MISC_HEAD_WORDS ("U.S. Constitution", "UN Charter", "Anti-Secession Law", "Security Council Resolution", "Turkish Penal Code", and treaties' and parties' conventions: "Geneva Conventions", "Democratic National Convention"): the tagger's inputs do not list them, and changing that list means retraining. */
const LAW_HEADS: ReadonlySet<string> = new Set(['Constitution', 'Charter', 'Declaration', 'Resolution', 'Code', 'Law', 'Convention', 'Conventions']);

/** Races named "Tour de France", "Tour of Britain", "Giro d'Italia", "Vuelta a España". */
const TOURS: ReadonlySet<string> = new Set(['Tour', 'Giro', 'Vuelta']);
const TOUR_JOINS: ReadonlySet<string> = new Set(['de', 'of', "d'", 'a', 'du']);

/**
 * The event's or law's name that holds the place [from, to) and that the tagger did not take in, as [start, end), or
 * null: the place and an untagged head of one after it, written with its capital after a single space and ending the
 * name ("the U.S. Open", "the Boston Marathon", "the Lisbon Treaty", "Australia Day"), or a race's "Tour de" and the
 * place ("the Tour de France").
 */
function eventAround(text: string, tokens: readonly Token[], tags: readonly string[], from: number, to: number): [number, number] | null {
  if (TOURS.has(tokens[from - 2]?.text ?? '') && TOUR_JOINS.has(tokens[from - 1]?.text ?? '') && tags[from - 2] === 'O' && tags[from - 1] === 'O') return [from - 2, to];
  const next = tokens[to];
  if (!next || tags[to] !== 'O' || text.slice((tokens[to - 1] as Token).end, next.start) !== ' ') return null;
  // The head ends the name ("the U.S. Open on Monday", a headline's "2025 U.S. Open"; not "the UK Law Lord").
  const after = to + 1 < tokens.length ? tokens[to + 1] : undefined;
  if (after && startsCapitalized(after.text) && !lineBreakAfter(text, tokens, to)) return null;
  return (MISC_HEAD_WORDS.has(next.text) || LAW_HEADS.has(next.text)) && !PUBLICATION_HEADS.has(next.text) ? [from, to + 1] : null;
}

/**
 * Tags where an organisation's or a place's name of two words or more ends
 * with the head of an event's, a law's, an award's or an index's name
 * (MISC_HEAD_WORDS: "G8 Summit", "Clean Air Act", "Nasdaq Composite Index",
 * "Paris Air Show", "FIFA World Cup", "Atlantic Accord") is MISC, which news
 * annotation does not count as a person, place or organisation. Not a name
 * with an organisation's head inside ("The Medical Association for
 * Prevention of War", "Council of Cultural Revolution"), one the gazetteer
 * knows as an organisation or a place, nor one ending as publications do
 * (PUBLICATION_HEADS).
 */
export function eventsAndLawsAreMisc(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    // "the [U.S.] Open", "the [Tour de France]": a place an event's name holds.
    const event = type === 'LOC' ? eventAround(text, tokens, tags, from, to) : null;
    if (event) {
      out ??= [...tags];
      setSpan(out, event[0], event[1], 'MISC');
      continue;
    }
    const head = (tokens[to - 1] as Token).text;
    if ((type !== 'ORG' && type !== 'LOC') || to - from < 2 || !(MISC_HEAD_WORDS.has(head) || LAW_HEADS.has(head)) || PUBLICATION_HEADS.has(head)) continue;
    const name = nameText(tokens, from, to);
    if (KNOWN_ORGS.has(name) || PLACES.has(name) || tokens.slice(from, to).some((t) => ORG_HEAD_WORDS.has(t.text))) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
  }
  return out ?? (tags as string[]);
}

/** A region's first word before an adjective of a continent or a people ("Middle Eastern", "Central Asian", "Latin American"). */
const REGION_FIRST: ReadonlySet<string> = new Set(
  'Middle Far Near North South East West Northern Southern Eastern Western Central Northeastern Northwestern Southeastern Southwestern Latin Sub-Saharan'.split(' '),
);
/** Adjectives of continents and regions after it; a people's adjective (DEMONYMS: "Irish", "Indian") counts too, a place's name ("South Sudan", "North Kordofan") does not. */
const REGION_ADJECTIVES: ReadonlySet<string> = new Set('Eastern Western Asian African American European Arab Arabian Caribbean'.split(' '));

/** Whether `name` (one word joined by a hyphen or two words) is a region's adjective ("Middle Eastern", "Latin-American", "Northern Irish"). */
function regionalAdjective(tokens: readonly Token[], from: number, to: number): boolean {
  const words = to - from === 2 ? [textAt(tokens, from), textAt(tokens, from + 1)] : textAt(tokens, from).split('-');
  const [first, second] = words;
  return words.length === 2 && REGION_FIRST.has(first as string) && (REGION_ADJECTIVES.has(second as string) || DEMONYMS.has(second as string));
}

/**
 * Tags where a region's adjective read as a place or an organisation is MISC, as news annotation files adjectives of
 * peoples and regions ("other [Middle Eastern] countries", "[Eastern European] nations", "[Central Asian] states",
 * "[Latin-American] candidate", "former [Northern Irish] MP"): about 65 over the review texts, in Wikinews, WP current
 * events and the WCXB pages. Not a longer name's first words ("the [Central American Free Trade Agreement]") or one
 * before a possessive ("[North American]'s tracking website", a firm).
 */
export function regionalAdjectivesAreMisc(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if ((type !== 'LOC' && type !== 'ORG') || to - from > 2 || !regionalAdjective(tokens, from, to)) continue;
    const next = textAt(tokens, to);
    if (startsCapitalized(next) || isPossessive(next)) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
  }
  return out ?? (tags as string[]);
}

/**
 * Nouns of a work's kind whose next name is its title ("the film Lage Raho Munnabhai", "soap opera Coronation Street", "the
 * documentary School of Assassins"); not those that are also verbs or adjectives before names ("show Israel", "play
 * Pyongyang", "every single Republican", "book Ryanair flights"), nor "program" ("North Korea nuclear program [Iran] has").
 */
const WORK_NOUNS: ReadonlySet<string> = new Set(
  // and of vessels, whose names news annotation files as MISC too ("the space shuttle Columbia", "the tanker Exxon Valdez")
  'album film movie documentary novel memoir sitcom soap series miniseries serial musical opera song shuttle spacecraft tanker freighter submarine frigate destroyer warship cruiser yacht'.split(' '),
);
/** What may stand between a work's noun and its title ("a film called Kidulthood", 'the album "Blue"'). */
const WORK_BETWEEN: ReadonlySet<string> = new Set(['called', 'titled', 'entitled', '"', '“']);
/** What stands between two titles of a list, besides untagged capitalized words ("albums: Nusa Damai; Gitarku; Samsara; and Home"). */
const LIST_BETWEEN: ReadonlySet<string> = new Set([',', ';', 'and', '&']);

/**
 * Tags where a person's, a place's or an organisation's name right after a
 * noun of a work's kind written in lowercase (WORK_NOUNS: "soap opera
 * [Coronation Street]", "the film [Lage Raho Munnabhai]") is the
 * work's title, MISC as news annotation files works; "called" or a quote may
 * stand between, or a comma when a mark closes the title ("the movie, [Brokeback
 * Mountain].", not after a role "of" the work: "the editing of the documentary,
 * RDF Media,"); and so are the names listed after a work's noun and a colon
 * ("his solo albums: [Nusa Damai]; Gitarku; [Samsara]"). Not a person whose first word is a given name ("the film
 * Michael Clayton" is left to the tagger), nor one word of a person the text
 * names in full, nor a name the gazetteer knows as a place's or an
 * organisation's.
 */
export function worksAreMisc(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let personWords: Set<string> | undefined;
  // Where the last title of a list after "albums:" ended (-1: no such list).
  let listEnd = -1;
  for (const { from, to, type } of bioSpans(tags)) {
    let k = from - 1;
    const inList = listEnd >= 0 && from > listEnd && tokens.slice(listEnd, from).every((t) => LIST_BETWEEN.has(t.text) || startsCapitalized(t.text));
    listEnd = -1;
    if (WORK_BETWEEN.has(tokens[k]?.text ?? '')) k--;
    else if (tokens[k]?.text === ',' && appositiveCloses(tokens, to, undefined) && !ofRole(tokens, k - 1)) k--; // "their 1998 album, Electro-Shock Blues."
    else if (tokens[k]?.text === ':' && WORK_NOUNS.has((tokens[k - 1]?.text ?? '').replace(/s$/, ''))) k--; // "his solo albums: Nusa Damai; Gitarku"
    const list = inList || tokens[k + 1]?.text === ':';
    if (type === 'MISC') {
      if (list) listEnd = to;
      continue;
    }
    if (!list && !WORK_NOUNS.has(tokens[k]?.text ?? '')) continue;
    const words = tokens.slice(from, to).map((t) => t.text);
    const name = words.join(' ');
    if (PLACES.has(name) || KNOWN_ORGS.has(name)) continue;
    if (type === 'PER' && GIVEN_NAMES.has(words[0] as string)) continue;
    personWords ??= wordsOfFullNames(tokens, tags);
    if (words.length === 1 && personWords.has(name)) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
    if (list) listEnd = to;
  }
  return out ?? (tags as string[]);
}

/** Lowercase nouns of a place's kind written after its name ("the Abu Ghraib prison", "the Musa Qala district", "John F. Kennedy airport"). */
const PLACE_KIND_NOUNS: ReadonlySet<string> = new Set(
  'prison jail district province village county region airport airbase dam refinery suburb neighbourhood neighborhood governorate municipality prefecture'.split(' '),
);

/**
 * Tags where a name the tagger read as a person is a place because the text
 * writes it before a noun of a place's kind anywhere ("the [Abu Ghraib]
 * prison", 45 persons in English Wikinews; "the [Dai Chopan] district",
 * "[Charles de Gaulle] airport"): every mention of that name typed as a
 * person, in its whole span, becomes a place. Not "camp" ("the Clinton camp
 * said") nor "town" ("an Obama town hall").
 */
export function placesBeforePlaceNouns(tokens: readonly Token[], tags: readonly string[]): string[] {
  const spans = bioSpans(tags).filter((s) => s.type === 'PER');
  const nameOf = (s: { from: number; to: number }): string => nameText(tokens, s.from, s.to);
  const places = new Set(spans.filter((s) => s.to < tokens.length && PLACE_KIND_NOUNS.has((tokens[s.to] as Token).text)).map(nameOf));
  if (places.size === 0) return tags as string[];
  const out = [...tags];
  for (const s of spans) if (places.has(nameOf(s))) setSpan(out, s.from, s.to, 'LOC');
  return out;
}

/** The prepositions before a town placed in its country: where something is or happens (not "from": "a letter from [Jane Doe], Iceland's minister"). */
const TOWN_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'outside']);

/**
 * Tags where a name the tagger read as an organisation or a person stands
 * after "in", "near" or "outside" and before a comma and a known place, as a town is placed in its
 * country, state or city ("talks in [Sharm el-Sheikh], Egypt", "in [Des
 * Moines], Iowa", "in [Golders Green], London"): that name is a place. The
 * place after it must be one the gazetteer knows, read as a place by the
 * tagger, and end its name (no capitalized word or possessive after it:
 * "in [X], Iceland's capital" may be a person's apposition elsewhere); not a name the lists know as
 * an organisation or with an organisation's head word ("in Amnesty
 * International, Britain"), nor one of more than three words.
 */
export function townsBeforeTheirCountries(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if ((type !== 'ORG' && type !== 'PER') || to - from > 3 || !TOWN_PREPOSITIONS.has(tokens[from - 1]?.text ?? '') || tokens[to]?.text !== ',') continue;
    const at = tokens[to + 1]?.text === 'the' ? to + 2 : to + 1;
    if (tags[at] !== 'B-LOC') continue;
    const end = spanEnd(tags, at);
    const after = tokens[end]?.text;
    const place = nameText(tokens, at, end);
    if (!(PLACES.has(place) || isCountry(place)) || (after !== undefined && (startsCapitalized(after) || isPossessive(after) || after === "'" || after === '’'))) continue;
    const words = tokens.slice(from, to).map((t) => t.text);
    if (KNOWN_ORGS.has(words.join(' ')) || words.some((w) => ORG_HEAD_WORDS.has(w))) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'LOC');
  }
  return out ?? (tags as string[]);
}

/** Prepositions of where something is, goes or comes from, before a place's name ("in", "across", "off", "mayor of"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  'in at near outside inside across over off into onto from of on around to toward towards through throughout between'.split(' '),
);

/** Prepositions of where something is or happens only (not "of", "from", "to", "on": "the songs of Umm Kulthum", "a letter to ..."). */
const STRICT_PLACE_PREPOSITIONS: ReadonlySet<string> = new Set('in at near outside inside across into around throughout'.split(' '));

/**
 * First words of Arabic and Hebrew place names ("Kafr Qara", "Ras Laffan", "Deir al-Balah", "Khan Younis", "Kiryat
 * Shemona", "Umm Qasr"): "town of", "cape", "monastery", "house", "valley", "mountain", "spring", "well", "hill",
 * "caravanserai", "city", "oasis", "mother"; with another word after them they name places, as "Mount" and "Port" do.
 */
const PLACE_NAME_OPENERS: ReadonlySet<string> = new Set('Kafr Kfar Ras Deir Beit Wadi Jebel Jabal Ain Bir Tell Khan Kiryat Neve Ramat Givat Umm Jisr Nahr Marj Abu Al El'.split(' '));

/**
 * Openers of place names that open persons' names as often: "Abu" ("Abu Ghraib", "Abu Zabad"; "Abu Musab al-Zarqawi"),
 * the article "Al" / "El" ("Al Amarah", "El Geteina"; "Al Gore"). A person in apposition after a place ("leader of
 * al-Qaeda in Iraq, Abu Musab al-Zarqawi,") stands where a town listed after its neighbour would.
 */
const PERSON_NAME_OPENERS: ReadonlySet<string> = new Set(['Abu', 'Al', 'El']);

/**
 * Whether the span [from, to) stands where a place stands: after a place's preposition (and "the"), after a place and
 * "and" or a comma (not with `strict` 'apart', nor before a possessive then), or before a comma and a place; with
 * `strict`, of the prepositions only those of where something is.
 */
function inPlacesPosition(tokens: readonly Token[], tags: readonly string[], from: number, to: number, strict: boolean | 'apart'): boolean {
  if (strict === 'apart' && isPossessive(textAt(tokens, to))) return false; // "at Al Gore's home"
  const before = textAt(tokens, from - 1) === 'the' ? from - 2 : from - 1;
  if ((strict ? STRICT_PLACE_PREPOSITIONS : PLACE_PREPOSITIONS).has(textAt(tokens, before))) return true;
  const joiner = textAt(tokens, from - 1);
  if (strict !== 'apart' && (joiner === 'and' || joiner === ',') && (tags[from - 2] ?? 'O').endsWith('-LOC')) return true;
  return textAt(tokens, to) === ',' && tags[to + 1] === 'B-LOC';
}

/**
 * Tags where a name of two to four words the tagger read as a person's is a place's: one the tagger's gazetteer knows
 * as a place ("[Khan Yunis]", "[El Obeid]", "[Saint Paul]", "[Bat Yam]": a first word that is a given name, a title or
 * an Arabic article "El", "Al" makes the tagger hear a person), and the text puts it where a place stands at least
 * once: after a preposition of place ("strikes in [Khan Yunis]", "the mayor of [Saint Paul]"), after a place and "and"
 * or a comma ("Rafah and [Khan Yunis]"), or before a comma and a place ("[El Obeid], North Kordofan"); or one opening
 * with a word of Arabic and Hebrew place names (PLACE_NAME_OPENERS: "[Kafr Maris]", "[Khan Younis]", "[Kiryat
 * Shemona]") that the gazetteer need not know, where the text puts it so, but not after "of", "from", "to" or "on"
 * ("the songs of Umm Kulthum"): of the prepositions only those of where something is ("in", "near", "across"), and for
 * openers of persons' names too (PERSON_NAME_OPENERS: "at [Abu Ghraib]", "in [Al Amarah]") not after a place and a
 * comma ("in Iraq, [Abu Musab al-Zarqawi],"). That
 * name is a place there and wherever else the text reads it as a person. One word alone is left ("Jordan", "Florence",
 * "Khan" name persons too).
 */
export function knownPlacesReadAsPersons(tokens: readonly Token[], tags: readonly string[], gazetteer: NameGazetteer): string[] {
  let places: Set<string> | undefined;
  const spans = bioSpans(tags);
  for (const { from, to, type } of spans) {
    if (type !== 'PER' || to - from < 2 || to - from > 4) continue;
    const first = (tokens[from] as Token).text;
    const opener = PLACE_NAME_OPENERS.has(first);
    const strict = PERSON_NAME_OPENERS.has(first) ? 'apart' : true;
    if (!inPlacesPosition(tokens, tags, from, to, false) && !(opener && inPlacesPosition(tokens, tags, from, to, strict))) continue;
    const name = nameText(tokens, from, to);
    if (places?.has(name)) continue;
    const known = gazetteer.names.get(name)?.includes('LOC') === true;
    if (!known && !(opener && inPlacesPosition(tokens, tags, from, to, strict))) continue;
    (places ??= new Set()).add(name);
  }
  return places ? personsAsPlaces(tokens, tags, spans, places) : (tags as string[]);
}

/** `tags` with every person's span whose name is one of `places` a place (spans: bioSpans(tags)). */
function personsAsPlaces(tokens: readonly Token[], tags: readonly string[], spans: ReadonlyArray<{ from: number; to: number; type: string }>, places: ReadonlySet<string>): string[] {
  const out = [...tags];
  for (const s of spans) if (s.type === 'PER' && places.has(nameText(tokens, s.from, s.to))) setSpan(out, s.from, s.to, 'LOC');
  return out;
}

/** Nouns of an armed strike on a place, before "on", "in", "of" or "against" and the place ("a missile strike on Kryvyi Rih", "the shelling of Nabatieh al-Fawqa"). */
const STRIKES: ReadonlySet<string> = new Set('strike strikes airstrike airstrikes shelling bombing bombardment raid raids'.split(' '));
const STRIKE_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'in', 'of', 'against']);

/**
 * Tags where a name of two to four words the tagger read as a person's stands after a noun of an armed strike and its
 * preposition ("a missile strike on [Kryvyi Rih]", "drone strikes in [Kryvyi Rih]", "an airstrike on [Mazraat Beit
 * Jinn]"): a strike hits a town, a person is hit in one; the name is a place there and wherever else the text reads it
 * as a person. Not "attack" (persons are attacked: "the attack on Air Marshal Shiri"), a name with a title in it ("a
 * strike on General Qasem Soleimani"), nor one before a possessive ("a strike on Ahmed Yassin's car").
 */
export function placesAfterStrikes(tokens: readonly Token[], tags: readonly string[]): string[] {
  let places: Set<string> | undefined;
  const spans = bioSpans(tags);
  for (const { from, to, type } of spans) {
    if (type !== 'PER' || to - from < 2 || to - from > 4 || !STRIKE_PREPOSITIONS.has(textAt(tokens, from - 1)) || !STRIKES.has(textAt(tokens, from - 2))) continue;
    if (isPossessive(textAt(tokens, to)) || tokens.slice(from, to).some((t) => PERSON_TITLES.has(t.text) || HONORIFICS.has(t.text))) continue;
    (places ??= new Set()).add(nameText(tokens, from, to));
  }
  return places ? personsAsPlaces(tokens, tags, spans, places) : (tags as string[]);
}

/**
 * Tags where an untagged capitalized word stands right before an
 * organisation's name, after a lowercase word, and is the name's first word
 * ("the [Combatant] Status Review Tribunal", "the [Grand] Hyatt Hotel", "his
 * [Thai] Rak Thai party"): the tagger often starts the name one word late.
 * As often that word is a title, an adjective or a nationality ("Deputy
 * First Minister", "the Islamist Hamas", "the Irish Sinn Fein"), so the word
 * joins only when the name is of two words or more with an organisation's
 * head word in it, or the text writes the joined name whole elsewhere; and
 * never a title or office, a month or weekday, a place, a word in "-ist", a
 * word with a hyphen, an opener of events ("Operation"), a nationality (but
 * where the joined name recurs), "The" (the public sets mostly leave it out)
 * or a word never capitalized mid-sentence in news ("A U.N. Security Council
 * proposal", "An NBC employee").
 */
export function organisationsFirstWords(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  const words = tokens.map((t) => t.text);
  const occurrences = (seq: readonly string[]): number => {
    let n = 0;
    for (let k = 0; k + seq.length <= words.length; k++) {
      let m = 0;
      while (m < seq.length && words[k + m] === seq[m]) m++;
      if (m === seq.length) n++;
    }
    return n;
  };
  for (let i = 2; i < tokens.length; i++) {
    if (tags[i] !== 'B-ORG' || tags[i - 1] !== 'O') continue;
    const w = words[i - 1] as string;
    if (!/^\p{Lu}[\p{L}'.]*$/u.test(w) || !/^\p{Ll}/u.test(words[i - 2] as string)) continue;
    if (PERSON_TITLES.has(w) || HONORIFICS.has(w) || WEEKDAYS_AND_MONTHS.has(w) || MISC_HEAD_FIRST.has(w) || PLACES.has(w) || /ists?$/.test(w)) continue;
    const code = stats?.get(w.toLowerCase());
    if (w === 'The' || (code !== undefined && code > 0 && codeCap(code) === 'N')) continue;
    const to = spanEnd(tags, i);
    // A name of two words or more with an organisation's head word in it takes the word (but a nationality); any other only
    // where the text writes the joined name whole again, which is looked for last: it reads the whole text.
    const headed = to - i >= 2 && words.slice(i, to).some((x) => ORG_HEAD_WORDS.has(x)) && !DEMONYMS.has(w) && !LATE_DEMONYMS.has(w);
    if (!headed && occurrences(words.slice(i - 1, to)) < 2) continue;
    out ??= [...tags];
    setSpan(out, i - 1, to, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Head words that end businesses' and societies' names, never a place's own ("Paramount Pictures", "Rocky Mountain News"). */
const TRAILING_COMPANY_HEADS: ReadonlySet<string> = new Set([...BUSINESS_HEADS, 'News', 'Society', 'Capital']);

/**
 * Tags where the tagger ends an organisation's or place's name one word
 * before a business's head word ("[Paramount] Pictures", "Denver's [Rocky
 * Mountain] News", "[Fort Pitt Capital] Group"): the untagged head joins the
 * name, as an organisation. Only such heads (not a government's,
 * parliament's or police's: "the [UK] Government", "[San Jose] Police" stay
 * by the public sets' convention), and not before another capitalized word
 * ("the [U.S. Military] Commissions Act").
 */
export function organisationsLastWords(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let j = 1; j < tokens.length; j++) {
    const prev = tags[j - 1] as string;
    if (tags[j] !== 'O' || !TRAILING_COMPANY_HEADS.has((tokens[j] as Token).text) || !(prev.endsWith('-ORG') || prev.endsWith('-LOC'))) continue;
    if (startsCapitalized(tokens[j + 1]?.text ?? '')) continue;
    out ??= [...tags];
    setSpan(out, spanStart(tags, j - 1), j + 1, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** An acronym of three to five capitals ("BOJ", "MITI", "UAW"; two are as often a place's or a title's: "NZ Prime Minister", "HM King"). */
const OFFICE_ACRONYM = /^\p{Lu}{3,5}$/u;
/** Prefixes of ships' names, before a title that is part of the name ("RMS Queen Elizabeth 2"; "INS Vikrant" too, here). */
const SHIP_PREFIXES: ReadonlySet<string> = new Set([...VESSEL_PREFIXES, 'INS']);
/** The most words of a title of office between an acronym and a person's name ("Managing Director", "Deputy Prime Minister"). */
const OFFICE_TITLE_MAX = 3;

/**
 * Tags where an acronym the tagger left untagged stands before a title of office and a person's name: the organisation
 * whose office it is ("BOJ Governor Yasuo Matsushita", "UAW President Stephen Yokich", "MITI Minister Shinji Sato"). Not
 * a place's or a people's ("US President", "UK Prime Minister"), a title ("CEO"), a ship's prefix ("RMS Queen Elizabeth
 * 2"), nor after a capitalized word (part of a longer name).
 */
export function acronymsBeforeOffices(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    // A word of fewer than three code units (most words and marks) is no acronym of three capitals, without the expression.
    if (tags[i] !== 'O' || w.length < 3 || !OFFICE_ACRONYM.test(w) || placeOrPeople(w)) continue;
    if (PERSON_TITLES.has(w) || SHIP_PREFIXES.has(w)) continue;
    const prev = tokens[i - 1]?.text ?? '';
    if (startsCapitalized(prev) && prev !== 'The') continue;
    let k = i + 1;
    while (k < tokens.length && k - i <= OFFICE_TITLE_MAX && tags[k] === 'O' && PERSON_TITLES.has((tokens[k] as Token).text)) k++;
    if (k === i + 1 || tags[k] !== 'B-PER') continue;
    out ??= [...tags];
    out[i] = 'B-ORG';
  }
  return out ?? (tags as string[]);
}

/** Nouns of a pollster's work, after its name ("a Gallup poll", "the latest MORI survey"). */
const POLL_NOUNS: ReadonlySet<string> = new Set(['poll', 'polls', 'survey', 'surveys']);
/** Words before a pollster's name and its poll. */
const POLL_BEFORE: ReadonlySet<string> = new Set(['a', 'an', 'the', 'latest', 'new', 'A', 'An', 'The']);
/** Words after "poll" that make it the place of a vote ("a Louisville poll worker"). */
const POLLING_PLACE: ReadonlySet<string> = new Set(['worker', 'workers', 'station', 'stations', 'booth', 'booths', 'site', 'sites', 'tax']);

/**
 * Tags where a name the tagger read as a person or a place stands between an article and "poll" or "survey" ("a
 * [Gallup] poll", "the latest [Harris] survey"): the pollster, an organisation. Not a place the gazetteer knows ("a
 * Texas poll" is a poll of Texas) or a people's name, nor before a polling place's noun ("a Louisville poll worker").
 */
export function pollstersBeforePolls(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if ((type !== 'PER' && type !== 'LOC') || !POLL_NOUNS.has(tokens[to]?.text ?? '') || !POLL_BEFORE.has(tokens[from - 1]?.text ?? '')) continue;
    if (POLLING_PLACE.has(tokens[to + 1]?.text ?? '')) continue;
    const name = nameText(tokens, from, to);
    if (PLACES.has(name) || DEMONYMS.has(name) || LATE_COUNTRIES.has(name)) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'ORG');
  }
  return out ?? (tags as string[]);
}

/** Seats of a government that news names for the government itself ("the Kremlin said"), as words. */
const SEATS_OF_GOVERNMENT: ReadonlyArray<readonly string[]> = ['Kremlin', 'Pentagon', 'Élysée', 'Elysee', 'White House'].map((n) => n.split(' '));
/** The first words of SEATS_OF_GOVERNMENT: the pass looks further only at these. */
const SEAT_FIRST_WORDS: ReadonlySet<string> = new Set(SEATS_OF_GOVERNMENT.map((words) => words[0] as string));
/** Verbs (and "also" before one) after a seat of government that acts ("the Kremlin said", "the Pentagon has denied"); no copula. */
const SEAT_ACTS: ReadonlySet<string> = new Set(
  ('said says told tells denied denies announced announces warned warns has had will would could can may might must also ' +
    'urged urges accused accuses rejected rejects confirmed confirms insisted insists called calls wants wanted dismissed dismisses ' +
    'responded responds condemned condemns welcomed welcomes declined declines refused refuses ordered orders issued issues ' +
    'criticised criticized backed backs approved approves expects expected believes believed hopes hoped plans planned sent sends ' +
    'agreed agrees signalled signaled acknowledged acknowledges reacted declared declares stated states described describes')
    .split(' '),
);

/**
 * Tags where a seat of government acts, as the subject of a verb or before "'s" ("The [Kremlin] said", "the
 * [Pentagon] has denied", "the [White House]'s plan"): the government, an organisation, as the CoNLL convention tags
 * them and UNER-EWT's gold does ("the White House is moving", "the Pentagon did not"); the tagger leaves "Kremlin"
 * untagged and reads the others as places at times. A seat where something happens ("talks in the Kremlin", "a
 * Kremlin spokesman") stays as read, and so does a longer name ("the Kremlin Palace", "the White House Correspondents'
 * Association").
 */
export function seatsOfGovernmentActing(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!SEAT_FIRST_WORDS.has((tokens[i] as Token).text)) continue;
    const seat = SEATS_OF_GOVERNMENT.find((words) => words.every((w, k) => tokens[i + k]?.text === w));
    if (!seat) continue;
    const to = i + seat.length;
    const cur = out ?? tags;
    // The seat's words alone, or a span of their own: not inside a longer name.
    if ((cur[i] as string).startsWith('I-') || (cur[to] ?? 'O').startsWith('I-') || (startsCapitalized(tokens[i - 1]?.text ?? '') && tokens[i - 1]?.text !== 'The')) continue;
    const next = tokens[to]?.text ?? '';
    // Not the building's state ("Whitehall had been sealed off", "the Kremlin was lit up": no copula among the verbs).
    if (!isPossessive(next) && (!SEAT_ACTS.has(next) || tokens[to + 1]?.text === 'been')) continue;
    if (cur[i] === 'B-ORG' && cur.slice(i + 1, to).every((t) => t === 'I-ORG')) continue;
    out ??= [...tags];
    setSpan(out, i, to, 'ORG');
  }
  return out ?? (tags as string[]);
}
