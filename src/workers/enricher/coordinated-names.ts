/**
 * Organisation names that go on with a coordinated list of common words:
 * "Ministry of Health, Labour and Welfare", "Department of National Parks and
 * Wildlife Conservation", "Institute of Electrical and Electronics Engineers".
 * The tagger tends to end such a name at its first comma or "and" (its
 * training sets have few of them), leaving the rest untagged or as a name of
 * its own. A post-pass over its BIO tags joins the list to the name. A
 * second joins the purpose that follows an organisation's head word ("Center
 * for Constitutional Rights", "Council on Foreign Relations"), which the
 * tagger ends at the head word as often.
 */
import { capitalizedOrUnknown, codeCap, type NameGazetteer, type WordStats } from './ner-features.js';
import { DEMONYMS, GIVEN_NAMES, KNOWN_ORGS, LATE_COUNTRIES, LATE_DEMONYMS, NON_ENTITY_WORDS, ORG_HEAD_WORDS, PERSON_TITLES, PLACES, WEEKDAYS_AND_MONTHS } from './gazetteer.js';
import { COMMA_FORMS, COMPANY_FORMS, nameText } from './kind-nouns.js';
import { isPossessive, lineBreakAfter } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { beginTag, bioSpans, insideTag, setSpan, spanEnd, spanStart } from './wire-conventions.js';

/** Words that tie the complement to the head of an "X of Y" name. */
const OF_WORDS: ReadonlySet<string> = new Set(['of', 'for']);
const AND_WORDS: ReadonlySet<string> = new Set(['and', '&']);
/** Words of office that start a person's title after a name ("... and Defence Secretary"): never part of the list. */
const OFFICE_WORDS: ReadonlySet<string> = new Set(
  'Minister Ministers Secretary Secretaries Director Directors Chief Executive Officer Officers President Commissioner Commissioners Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chair Deputy Head Governor Mayor Ambassador Envoy Adviser Advisor'.split(' '),
);
/** Capitalization buckets (ner-features.ts CAP_BUCKETS) of words mostly written in lowercase mid-sentence, and of those often capitalized but not always. */
const LOWERCASE_BUCKETS: ReadonlySet<string> = new Set(['H', 'R', 'N']);
const LISTED_BUCKETS: ReadonlySet<string> = new Set(['M', 'H', 'R', 'N']);

/** Whether the word statistics know `w` in LOWERCASE_BUCKETS: a common word, or one news capitalizes only at times ("Sons", "Justice"); without statistics, no. */
function mostlyLowercase(w: string, stats: WordStats | undefined): boolean {
  const code = stats?.get(w.toLowerCase());
  return code !== undefined && LOWERCASE_BUCKETS.has(codeCap(code));
}

/** The end (exclusive) of the run of capitalized tokens from `from`. */
function capitalRunEnd(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && startsCapitalized((tokens[k] as Token).text)) k++;
  return k;
}

/**
 * Tags with each organisation span of the form "X of Y" / "X for Y" extended
 * over what follows it when that is a coordinated list of common words:
 * an optional run of capitalized words, then ", Run" any number of times, then
 * "and Run" (or "& Run"). It joins only when every word of the list is known
 * to the word statistics as mostly lowercase in news text (the last run:
 * H, R or N; the runs before it may also be M, as "Labour"), none is an
 * organisation head word or a word of office (so that "Ministry of Defence and Foreign
 * Office" and "Department of Justice and Apple" stay two names), and no token
 * of it is tagged a place. Without word statistics the tags are returned as
 * they are.
 */
export function joinCoordinatedNames(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  const out = [...tags];
  if (!stats) return out;
  const bucket = (w: string): string => {
    const code = stats.get(w.toLowerCase());
    return code ? codeCap(code) : '?';
  };
  const runFits = (from: number, to: number, buckets: ReadonlySet<string>): boolean => {
    for (let k = from; k < to; k++) {
      const w = (tokens[k] as Token).text;
      if (ORG_HEAD_WORDS.has(w) || OFFICE_WORDS.has(w) || (out[k] ?? 'O').endsWith('-LOC') || !buckets.has(bucket(w))) return false;
    }
    return true;
  };
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'B-ORG') continue;
    let j = spanEnd(out, i);
    let hasOf = false;
    for (let k = i + 1; k < j - 1; k++) if (OF_WORDS.has((tokens[k] as Token).text)) hasOf = true;
    if (!hasOf) {
      i = j - 1;
      continue;
    }
    // The list after the name: [Run] (", " Run)* ("and" | "&") Run.
    let k = capitalRunEnd(tokens, j);
    let fits = runFits(j, k, LISTED_BUCKETS);
    while (fits && (tokens[k] as Token | undefined)?.text === ',' && capitalRunEnd(tokens, k + 1) > k + 1) {
      const end = capitalRunEnd(tokens, k + 1);
      fits = runFits(k + 1, end, LISTED_BUCKETS);
      k = end;
    }
    const and = tokens[k] as Token | undefined;
    const lastEnd = and && AND_WORDS.has(and.text) ? capitalRunEnd(tokens, k + 1) : k;
    if (fits && lastEnd > k + 1 && runFits(k + 1, lastEnd, LOWERCASE_BUCKETS)) {
      for (let m = j; m < lastEnd; m++) out[m] = 'I-ORG';
      j = lastEnd;
    }
    i = j - 1;
  }
  return out;
}

/** The most words of one run of a list before an organisation's head ("Flood Forecasting", "Australian Curriculum"). */
const LEAD_RUN_MAX = 3;

/**
 * Tags with each organisation whose name ends with its head word and starts
 * right after "and" ("Flood Forecasting and [Warning Centre]", "Australian
 * Curriculum, Assessment and [Reporting Authority]") joined to the
 * coordinated list before it: a run of capitalized words, then ", Run" any
 * number of times, before "and" (or "&"). The tagger ends such a name at the
 * "and" and types the rest by its sound. Every word of the list must be
 * untagged and known to the word statistics as mostly lowercase in news text
 * (M, H, R or N: "Health and Safety Executive", not "Apple and [Google
 * Inc]"), and none an organisation head word or a word of office; the
 * list's first run may instead be a name of its own tagged an organisation
 * or MISC, before a comma ("[Australian Curriculum], Assessment and"). An
 * article, a place or a nationality must stand before the list (not a verb,
 * an office or a list of portfolios: "becoming Premier and Chinese Communist
 * Party", "Mining, Personal and Other Services"). The joined name is an
 * organisation. Without word statistics the tags are
 * returned as they are.
 */
export function joinListsBeforeHeads(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  if (!stats) return tags as string[];
  let out: string[] | undefined;
  const text = (k: number): string => (tokens[k] as Token).text;
  const common = (k: number): boolean => {
    const w = text(k);
    const code = stats.get(w.toLowerCase());
    return startsCapitalized(w) && !ORG_HEAD_WORDS.has(w) && !OFFICE_WORDS.has(w) && !NON_ENTITY_WORDS.has(w) && code !== undefined && code !== 0 && LISTED_BUCKETS.has(codeCap(code));
  };
  for (let i = 2; i < tokens.length; i++) {
    const cur = out ?? tags;
    const tag = cur[i] as string;
    if (!tag.startsWith('B-') || tag === 'B-PER' || !AND_WORDS.has(text(i - 1))) continue;
    const j = spanEnd(cur, i);
    if (!ORG_HEAD_WORDS.has(text(j - 1))) continue;
    // The run right before "and", then ", Run" backwards.
    const runStart = (end: number): number => {
      let k = end;
      while (k > 0 && end - k < LEAD_RUN_MAX && cur[k - 1] === 'O' && common(k - 1)) k--;
      return k;
    };
    let from = runStart(i - 1);
    if (from === i - 1) continue;
    while (from > 1 && text(from - 1) === ',') {
      const k = runStart(from - 1);
      if (k < from - 1) {
        from = k;
        continue;
      }
      // The first run: a name of its own, tagged an organisation or MISC.
      const last = cur[from - 2] as string;
      if (last === 'I-ORG' || last === 'I-MISC' || last === 'B-ORG' || last === 'B-MISC') {
        const b = spanStart(cur, from - 2);
        if (from - 1 - b <= LEAD_RUN_MAX) from = b;
      }
      break;
    }
    // What stands before the list: an article, or a place or a nationality ("the Culture and Islamic Guidance Ministry", "UK
    // Foreign and Commonwealth Office"), not a verb, an office or a list of portfolios ("becoming Premier and Chinese Communist
    // Party", "Minister of Housing and Local Government", "Mining, Personal and Other Services").
    const lead = cur[from - 1] ?? 'O';
    if (!(from > 0 && (/^(?:the|The)$/.test(text(from - 1)) || lead.endsWith('-LOC') || lead.endsWith('-MISC')))) {
      i = j - 1;
      continue;
    }
    out ??= [...tags];
    for (let k = from; k < j; k++) out[k] = k === from ? 'B-ORG' : 'I-ORG';
    if ((out[j] ?? 'O').startsWith('I-')) out[j] = beginTag((out[j] as string).slice(2));
    i = j - 1;
  }
  return out ?? (tags as string[]);
}

/** Words after an organisation's head word that open its purpose ("Center for Constitutional Rights", "Council on Foreign Relations"). */
const PURPOSE_WORDS: ReadonlySet<string> = new Set(['for', 'on']);
/** Lower-case words inside a purpose between capitalized words ("Advancement of Science", "Peace and Counterterrorism"). */
const PURPOSE_INNER: ReadonlySet<string> = new Set(['of', 'and', 'the', 'in', '&']);

/**
 * Tags with each organisation that ends with its head word and is followed by
 * "for" or "on" and a purpose in capitalized common words ("American
 * Association | for the Advancement of Science", "Center | for
 * Constitutional Rights", "Council | on Foreign Relations", "Alliance | for
 * the Re-liberation of Somalia") extended over it: the tagger often ends the
 * name at the head word, leaving the purpose untagged or a name of its own.
 * The purpose's first word must be one that news text mostly writes in
 * lowercase (word statistics: H, R or N), and so must every word of it not
 * after "of" ("for Kofi Annan", "on Monday", "for Acquisition Darleen Druyun"
 * stop or are left); no word of it may be tagged a person. Without word
 * statistics the tags are returned as they are.
 */
export function joinOrganisationPurposes(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  const out = [...tags];
  if (!stats) return out;
  const text = (k: number): string => (tokens[k] as Token).text;
  const lowercase = (w: string): boolean => mostlyLowercase(w, stats);
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'B-ORG') continue;
    const j = spanEnd(out, i);
    if (!ORG_HEAD_WORDS.has(text(j - 1)) || !PURPOSE_WORDS.has(tokens[j]?.text ?? '') || out[j] !== 'O') {
      i = j - 1;
      continue;
    }
    let k = j + 1;
    if (tokens[k]?.text === 'the') k++;
    const first = tokens[k]?.text ?? '';
    if (!startsCapitalized(first) || !lowercase(first) || WEEKDAYS_AND_MONTHS.has(first)) {
      i = j - 1;
      continue;
    }
    i = joinPurpose(tokens, out, j, k, stats) - 1;
  }
  return out;
}

/**
 * joinOrganisationPurposes' part for one organisation, ending at `j` before
 * its purpose word, whose purpose starts at `k`: the purpose joined to it in
 * `out`; returns where the name now ends (`j` when nothing is joined). A
 * function of its own, called too rarely for V8 to inline or optimize it, so
 * that a first case that unseen text brings (a word trimmed off the purpose's
 * end) throws away no optimized code of the loop over every token.
 */
function joinPurpose(tokens: readonly Token[], out: string[], j: number, k: number, stats: WordStats): number {
  const text = (m: number): string => (tokens[m] as Token).text;
  const lowercase = (w: string): boolean => mostlyLowercase(w, stats);
  // The purpose: capitalized words (common words until an "of"), with inner small words between capitalized ones.
  let end = k;
  let afterOf = false;
  while (end < tokens.length) {
    const w = text(end);
    if ((out[end] as string).endsWith('-PER') || WEEKDAYS_AND_MONTHS.has(w)) break;
    if (startsCapitalized(w)) {
      if (!afterOf && !lowercase(w)) break;
      end++;
      continue;
    }
    // After "of" comes a place or a name, which "in" does not continue ("for the Southern District of New York in Manhattan").
    if (PURPOSE_INNER.has(w) && !(afterOf && w === 'in') && startsCapitalized(tokens[end + 1]?.text ?? '')) {
      if (w === 'of') afterOf = true;
      end++;
      continue;
    }
    break;
  }
  // A given name or a sentence's first word that follows the name is no part of it ("... of New York Louis", "... Research Some").
  while (end > k && (!startsCapitalized(text(end - 1)) || GIVEN_NAMES.has(text(end - 1)) || NON_ENTITY_WORDS.has(text(end - 1)))) end--;
  if (end <= k || (out[end] ?? 'O').startsWith('I-')) return j;
  for (let m = j; m < end; m++) out[m] = 'I-ORG';
  return end;
}

/** Heads of a state's bodies that name them only with the state ("the Government of Sudan": Sudan's government, no name of its own). */
const STATE_BODIES: ReadonlySet<string> = new Set(['Government', 'Administration', 'Cabinet']);
/** Company forms among the heads: "Google, Inc. of Mountain View" names the company's seat, no "X of Y" name. */
const COMPANY_HEADS: ReadonlySet<string> = new Set(['Inc', 'Inc.', 'Ltd', 'Ltd.', 'LLC', 'Corp', 'Corp.', 'Co', 'Co.']);

/**
 * Tags with each organisation that ends with its head word and is followed by
 * "of" and a place joined into one organisation ("Revolutionary Armed Forces
 * | of | Colombia", "Communist Party | of | Britain", "National Archives | of
 * | Australia", "Bank | of | Slovenia"): the tagger often ends the name at the
 * head word and reads the place as a name of its own. Only when the name
 * ends with an organisation's head (ORG_HEAD_WORDS), so a company "of" its
 * country stays two names ("Thales of France", "Tesco of Britain"), and not
 * a state's government (STATE_BODIES) nor a company form ("Google, Inc. of
 * Mountain View": the seat).
 */
export function joinOrganisationPlaces(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B-ORG') continue;
    const j = spanEnd(tags, i);
    const head = (tokens[j - 1] as Token).text;
    if (!ORG_HEAD_WORDS.has(head) || STATE_BODIES.has(head) || COMPANY_HEADS.has(head) || j + 1 >= tags.length || (tokens[j] as Token).text !== 'of' || tags[j] !== 'O' || tags[j + 1] !== 'B-LOC') {
      i = j - 1;
      continue;
    }
    const end = spanEnd(tags, j + 1);
    out ??= [...tags];
    for (let k = j; k < end; k++) out[k] = 'I-ORG';
    i = end - 1;
  }
  return out ?? (tags as string[]);
}

/** The most words on the side of a firm's "&" that the tagger named. */
const AMPERSAND_SIDE_MAX = 3;
/** Words after "&" that end a list of parties, no firm's name ("Lai Chee Ying & Others", "Smith & Anor"). */
const OTHER_PARTIES: ReadonlySet<string> = new Set(['Others', 'Anor', 'Ors']);
/** Words after "&" that end a firm's name, no person's ("Merrill Lynch & Co", "Lazard Freres & Cie", "William Grant & Sons"). */
const FIRM_TAILS: ReadonlySet<string> = new Set(['Co', 'Co.', 'Cie', 'Cie.', 'Company', 'Sons', 'Partners', 'Associates']);

/**
 * Tags where capitalized words joined by "&" are one organisation: news writes
 * "and" between the persons, places and things it lists, and "&" in the names
 * of firms, partnerships and bands ("Marks & Spencer", "Simon & Schuster",
 * "Ernst & Young LLP"), where the tagger reads a surname on one side as a
 * person. Only where it found a name on either side, which gives the name's
 * extent there (one capitalized word on the other side), or where the
 * gazetteer's short list knows the whole ("Standard & Poor's", with its
 * "'s"); not where it found none ("Arts & Culture", "Terms & Conditions"), nor
 * across a line's end, nor two names of one kind, one on each side ("Biden &
 * Xi", "WordPress & Squarespace"), nor places ("Trinidad & Tobago", "Jammu &
 * Kashmir"), nor a work or an event across it ("Law & Order"), nor a person's
 * name beside a word that may be another person's ("Moses Malone & Dikembe
 * Mutombo"; "Marks & Spencer", "William Grant & Sons" have common words, and "Merrill Lynch & Co" a firm's last
 * word).
 */
export function firmsJoinedByAmpersand(text: string, tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  // A word the word statistics know as mostly written in lowercase ("Sons", "Block", "Marks"): no person's name.
  const common = (w: string): boolean => mostlyLowercase(w, stats) && !GIVEN_NAMES.has(w);
  const word = (k: number) => (tokens[k] as Token).text;
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (word(k) !== '&' || !startsCapitalized(word(k - 1)) || !startsCapitalized(word(k + 1)) || lineBreakAfter(text, tokens, k - 1) || lineBreakAfter(text, tokens, k)) continue;
    const cur = out ?? tags;
    const across = (cur[k] as string).startsWith('I-');
    const leftTag = cur[k - 1] as string;
    const rightTag = cur[k + 1] as string;
    if (OTHER_PARTIES.has(word(k + 1))) continue;
    const a = leftTag === 'O' || across ? k - 1 : spanStart(cur, k - 1);
    const b = across ? spanEnd(cur, spanStart(cur, k)) : rightTag === 'O' ? k + 2 : spanEnd(cur, k + 1);
    const from = across ? spanStart(cur, k) : a;
    if (k - from > AMPERSAND_SIDE_MAX || b - k - 1 > AMPERSAND_SIDE_MAX) continue;
    // A company form that ends the words after "&" or follows them ("O'Melveny & Myers LLP", "Simon & Schuster, Inc."):
    // one company's name, whatever the tagger read on either side.
    const formed = companyFormEnd(tokens, b);
    if (formed < 0) {
      // Two names of one kind, one on each side.
      if (!across && leftTag !== 'O' && rightTag !== 'O' && leftTag.slice(2) === rightTag.slice(2)) continue;
      // A person's name beside a word that may be another's ("Moses Malone & Dikembe Mutombo"): persons listed.
      if (!across && ((leftTag.endsWith('-PER') && rightTag === 'O' && !common(word(k + 1)) && !FIRM_TAILS.has(word(k + 1))) || (rightTag.endsWith('-PER') && leftTag === 'O' && !common(word(k - 1))))) continue;
    }
    const whole = nameText(tokens, from, b);
    const after = tokens[b]?.text;
    const known = KNOWN_ORGS.has(whole) ? b : isPossessive(after ?? '') && KNOWN_ORGS.has(`${whole}'s`) ? b + 1 : -1;
    if (known < 0) {
      const types = new Set(cur.slice(from, b).filter((t) => t !== 'O').map((t) => t.slice(2)));
      if (types.size === 0 || (across && types.has('ORG'))) continue;
      if (formed < 0 && (types.has('LOC') || types.has('MISC'))) continue;
      if (formed < 0 && (PLACES.has(whole) || PLACES.has(nameText(tokens, from, k)) || PLACES.has(nameText(tokens, k + 1, b)))) continue;
    }
    const to = known >= 0 ? known : formed >= 0 ? formed : b;
    out ??= [...tags];
    setSpan(out, from, to, 'ORG');
    k = to;
  }
  return out ?? (tags as string[]);
}

/**
 * Where a company's name ends that ends with a company form at `end` ("Myers LLP") or goes on to one there ("Schuster
 * Inc.", "Schuster, Inc."): the index after the form, or -1 where no form is there.
 */
function companyFormEnd(tokens: readonly Token[], end: number): number {
  const last = tokens[end - 1]?.text ?? '';
  if (COMPANY_FORMS.has(last) || COMPANY_TAIL_FORMS.has(last)) return end;
  const next = tokens[end]?.text ?? '';
  if (COMPANY_FORMS.has(next) || COMPANY_TAIL_FORMS.has(next)) return end + 1;
  return next === ',' && COMMA_FORMS.has(tokens[end + 1]?.text ?? '') ? end + 2 : -1;
}

/** Forms that end a partnership's or a firm's name after "&" ("Crowell & Moring LLP", "Jardine Matheson & Co"), besides the company forms. */
const COMPANY_TAIL_FORMS: ReadonlySet<string> = new Set(['LLP', 'L.L.P.', 'Co', 'Co.']);

/** Whether tokens [from, to) are two words or more, each capitalized, and no place the gazetteer knows ("Norsk Hydro"). */
function capitalizedName(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 2 || PLACES.has(nameText(tokens, from, to))) return false;
  for (let k = from; k < to; k++) if (!startsCapitalized((tokens[k] as Token).text)) return false;
  return true;
}

/** Whether tags [from, to) are one span of `type`, whole. */
function wholeSpanOf(tags: readonly string[], from: number, to: number, type: string): boolean {
  const inside = insideTag(type);
  if (tags[from] !== beginTag(type)) return false;
  for (let m = from + 1; m < to; m++) if (tags[m] !== inside) return false;
  return true;
}

/**
 * Whether the words of tokens [from, to) stand elsewhere in the text as a name of their own: a span that opens on their
 * first word and ends by their last (with `type`, one span of that type over those words exactly), not followed by "and",
 * "&" or an office.
 */
function namedAlone(tokens: readonly Token[], tags: readonly string[], from: number, to: number, type?: string): boolean {
  const n = to - from;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (i === from) continue;
    let k = 0;
    while (k < n && (tokens[i + k] as Token).text === (tokens[from + k] as Token).text) k++;
    if (k < n || !(tags[i] as string).startsWith('B-') || (tags[i + n] ?? 'O').startsWith('I-')) continue;
    // With `type`: a span of that type, whole ("[Airbus] said", not a word of another name).
    if (type !== undefined && !wholeSpanOf(tags, i, i + n, type)) continue;
    // Not a portfolio before its office ("NSW Roads minister").
    const next = tokens[i + n]?.text ?? '';
    if (next !== 'and' && next !== '&' && !PERSON_TITLES.has(next.charAt(0).toUpperCase() + next.slice(1))) return true;
  }
  return false;
}

/**
 * Tags where an organisation's span is two names joined by "and": two the short list knows ("[RIA Novosti and
 * Interfax]"), or two of two capitalized words or more each whose first is a company's name by its form or stands
 * alone elsewhere in the text ("[Chemical Banking Corp] and [Chase Manhattan Corp]", "[Norsk Hydro] and [Saga
 * Petroleum] ... Norsk Hydro said"). Names with "and" inside ("U.S. Food and Drug Administration", "Social Democratic
 * and Labour Party") have neither. Not a name the short list knows whole. Also two bodies of a legislature or of an
 * executive ("the [House] and [Senate]", "the [California Senate] and [Assembly]", "the [European Commission] and
 * [European Council]"), a second name after "and the" ("the [Senate] and the [Chamber of Deputies]"), and two names
 * of which either stands alone elsewhere in the text as an organisation, a side of one word being a word the
 * statistics know only capitalized ("[Airbus] and [Air France] ... Airbus said"; not "Procter and Gamble", "Marks and
 * Spencer", "Transport and General Workers Union", whose one-word side is also a common word).
 */
export function knownNamesApart(tokens: readonly Token[], tags: readonly string[], stats?: WordStats, gazetteer?: NameGazetteer): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'ORG' || to - from < 3 || KNOWN_ORGS.has(nameText(tokens, from, to)) || gazetteerOrg(tokens, from, to, gazetteer)) continue;
    for (let k = from + 1; k + 1 < to; k++) {
      if ((tokens[k] as Token).text !== 'and') continue;
      // "and the": the second name starts after "the" ("the Senate and the Chamber of Deputies").
      const the = (tokens[k + 1] as Token).text === 'the' && k + 2 < to ? 1 : 0;
      const second = k + 1 + the;
      const known = KNOWN_ORGS.has(nameText(tokens, from, k)) && KNOWN_ORGS.has(nameText(tokens, second, to));
      // A company form after one word is the whole name's ("Teddy Moving and Storage Inc.", "Procter and Gamble Co").
      const wholeForm = to - k === 3 && COMPANY_FORMS.has((tokens[to - 1] as Token).text) && !COMPANY_FORMS.has((tokens[k - 1] as Token).text);
      const apart = capitalizedName(tokens, from, k) && capitalizedName(tokens, k + 1, to) && !wholeForm && (COMPANY_FORMS.has((tokens[k - 1] as Token).text) || namedAlone(tokens, tags, from, k));
      const bodies = BODIES.has((tokens[k - 1] as Token).text) && BODIES.has((tokens[to - 1] as Token).text) && allCapitalized(tokens, from, k) && allCapitalized(tokens, second, to);
      // Not a country ("St Vincent and the Grenadines").
      const theSecond = the === 1 && allCapitalized(tokens, from, k) && allCapitalized(tokens, second, to) && !isPlace(nameText(tokens, from, to)) && !PLACES.has(nameText(tokens, from, k)) && !PLACES.has(nameText(tokens, second, to));
      // Two proper names of their own, not one word repeated, and no company form of the whole name.
      const twoNames = !wholeForm && properName(tokens, from, k, stats) && properName(tokens, k + 1, to, stats) && nameText(tokens, from, k) !== nameText(tokens, k + 1, to);
      // The second side named alone only after a first of one word ("Social Democratic and [Labour Party]" is one name).
      const alone = twoNames && (namedAlone(tokens, tags, from, k, 'ORG') || (k === from + 1 && namedAlone(tokens, tags, k + 1, to, 'ORG')));
      // One side an organisation the tagger's gazetteer knows whole, the other a proper name of its own ("[Commerzbank] and [Deutsche Bank]").
      const gazetteered = twoNames && (gazetteerOrg(tokens, from, k, gazetteer) || (gazetteerOrg(tokens, k + 1, to, gazetteer) && !sharesHead(tokens, k, to, stats)));
      if (!known && !apart && !bodies && !theSecond && !alone && !gazetteered) continue;
      out ??= [...tags];
      setSpan(out, from, k, 'ORG');
      for (let m = k; m < second; m++) out[m] = 'O';
      setSpan(out, second, to, 'ORG');
      break;
    }
  }
  return out ?? (tags as string[]);
}

/**
 * Whether the word before "and" at `and` is a common word coordinated with the one word before the head that ends the
 * name ("Peace and [Justice Party]", "Law and [Justice Party]"): both sides then share the head, one name.
 */
function sharesHead(tokens: readonly Token[], and: number, to: number, stats: WordStats | undefined): boolean {
  if (to - and !== 3 || !ORG_HEAD_WORDS.has((tokens[to - 1] as Token).text)) return false;
  return mostlyLowercase((tokens[and - 1] as Token).text, stats);
}

/** Whether the tagger's gazetteer knows tokens [from, to) whole as an organisation and as no place or person. */
function gazetteerOrg(tokens: readonly Token[], from: number, to: number, gazetteer: NameGazetteer | undefined): boolean {
  if (!gazetteer || to <= from) return false;
  const kinds = gazetteer.names.get(nameText(tokens, from, to));
  return kinds !== undefined && kinds.includes('ORG') && !kinds.includes('LOC') && !kinds.includes('PER');
}

/** A place the gazetteer or the late list of countries knows, "St" written for "Saint" too. */
const isPlace = (name: string): boolean => PLACES.has(name) || LATE_COUNTRIES.has(name) || LATE_COUNTRIES.has(name.replace(/^St\.? /, 'Saint '));

/** Bodies of a legislature or an executive, which "and" joins as two ("the House and Senate"). */
const BODIES: ReadonlySet<string> = new Set(['House', 'Senate', 'Assembly', 'Congress', 'Parliament', 'Council', 'Commission', 'Cabinet']);

/** Whether tokens [from, to) are a name's words: capitalized, but for "of" or "for" between two ("Chamber of Deputies"). */
function allCapitalized(tokens: readonly Token[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const w = (tokens[k] as Token).text;
    if (!startsCapitalized(w) && !(OF_WORDS.has(w) && k > from && k + 1 < to)) return false;
  }
  return true;
}

/**
 * Whether tokens [from, to) are a proper name on their own: two capitalized words or more and no known place, or one word
 * the word statistics know only capitalized or not at all, no place, nationality, given name or word of the lists of
 * non-names (without statistics, none of one word).
 */
function properName(tokens: readonly Token[], from: number, to: number, stats: WordStats | undefined): boolean {
  if (to - from >= 2) return capitalizedName(tokens, from, to);
  const w = (tokens[from] as Token).text;
  if (to - from !== 1 || !startsCapitalized(w) || PLACES.has(w) || DEMONYMS.has(w) || LATE_DEMONYMS.has(w) || GIVEN_NAMES.has(w) || NON_ENTITY_WORDS.has(w) || WEEKDAYS_AND_MONTHS.has(w)) return false;
  return stats !== undefined && capitalizedOrUnknown(w, stats);
}

/** What follows a firm's name in market and company news ("Cable and Wireless said", "... shares rose", "... plc"). */
const FIRM_CUES_AFTER: ReadonlySet<string> = new Set('said says shares stock plc Plc PLC Ltd Inc rose fell gained lost eased slipped'.split(' '));

/**
 * Tags where two capitalized common words joined by "and" name one firm, the tagger having read one alone and left the
 * other untagged, or both ("[Cable] and Wireless said", "Cable and [Wireless]'s shares"): the whole is an organisation,
 * written with "and" for "&". Both words are ones the word statistics know mostly in lowercase (not "Kmart and Target",
 * "Thomas and Friends"), no place or nationality, nothing capitalized stands right before or after, and a firm's cue
 * follows: its statement, its shares, its company form, its stock's move or "'s" ("and Wireless said"; not "Arts and
 * Culture is", "the Liberal and National parties"); a name the short list knows with its "'s" takes it in ("Standard and
 * Poor's", listed as "Standard & Poor's").
 */
export function firmsOfWordsJoinedByAnd(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  if (!stats) return tags as string[];
  let out: string[] | undefined;
  for (let k = 1; k + 2 < tokens.length; k++) {
    if ((tokens[k] as Token).text !== 'and') continue;
    const cur = out ?? tags;
    // Each side one word, read alone or left untagged, and not both read already as names of their own.
    const left = cur[k - 1] as string;
    const right = cur[k + 1] as string;
    if (cur[k] !== 'O' || left.startsWith('I-') || right.startsWith('I-') || (cur[k + 2] ?? 'O').startsWith('I-') || (left !== 'O' && right !== 'O')) continue;
    const a = (tokens[k - 1] as Token).text;
    const b = (tokens[k + 1] as Token).text;
    const after = (tokens[k + 2] as Token).text;
    if (!FIRM_CUES_AFTER.has(after) && !isPossessive(after)) continue;
    if (!startsCapitalized(a) || !startsCapitalized(b) || !mostlyLowercase(a, stats) || !mostlyLowercase(b, stats)) continue;
    if (startsCapitalized(tokens[k - 2]?.text ?? '') || PLACES.has(a) || LATE_COUNTRIES.has(a) || DEMONYMS.has(a) || LATE_DEMONYMS.has(a)) continue;
    // A known name that ends in its "'s" takes it in ("[Standard and Poor's] 500 index", as "Standard & Poor's").
    const possessiveName = isPossessive(after) && (KNOWN_ORGS.has(`${a} & ${b}'s`) || KNOWN_ORGS.has(`${a} and ${b}'s`));
    out ??= [...tags];
    setSpan(out, k - 1, possessiveName ? k + 3 : k + 2, 'ORG');
  }
  return out ?? (tags as string[]);
}
