/**
 * Where a name ends. A name written with capitals ends with its last
 * capitalized word: "Fujian province", "the Oder river", "Turkana county" name
 * Fujian, the Oder and Turkana, as newswire annotation and the stored record
 * want them (the record then merges "Fujian" and "Fujian province" into one
 * place); the tagger learned to take such lowercase descriptors into a name
 * from its social-media training text, where names are often written in
 * lowercase. And no name ends with a score ("Chicago beat Boston 5-3") or a mark
 * without a letter or digit (a quote, a table's rule, a dash).
 */
import { GIVEN_NAMES, LATE_PERSON_TITLES, PERSON_TITLES, PLACES } from './gazetteer.js';
import { nameText } from './kind-nouns.js';
import { startsCapitalized, type Token } from './tokens.js';
import { type WordStats, writtenLowercase } from './ner-features.js';
import { bioSpans, clearSpan, insideTagOf, SCORE_PAIR, setSpan, spanEnd, spanStart } from './wire-conventions.js';

/** Lowercase company forms that are part of a name ("Tesco plc"). */
const LOWERCASE_SUFFIXES: ReadonlySet<string> = new Set(['plc', 'ltd', 'inc', 'llc', 'gmbh', 'ag', 'sa', 'spa', 'nv', 'bv', 'co', 'corp', 'cie']);

/** A whole number written alone ("65", "285"). */
const NUMBER = /^\d+$/;
/** What follows a person's score or age in a list ("Salim Malik 65 ;", "Ibrahim Savant 25 ,"), not a number of a name ("Jorge 40 in", "Russell 2000 index"). */
const SCORE_AFTER: ReadonlySet<string> = new Set([',', ';', ':', '.', ')']);
/** What follows a side's tally in a summary ("England 285 ( Stewart 170 )", "Pakistan 242 for 3 declared"), not a club's number ("Hannover 96 won"). */
const TALLY_AFTER: ReadonlySet<string> = new Set(['(', 'for', 'all']);

/** Dashes between the two figures of a score ("3–0", "25 – 17"). */
const SCORE_DASHES: ReadonlySet<string> = new Set(['–', '—', '-']);

/**
 * Whether the whole number tokens[end - 1] goes on after it as a figure of its own, no number of a name: a score's
 * first figure before its dash and second figure ("defeating [Stade Reims] 3–0", "the [Toronto Blue Jays] 5–4"), a
 * share before "%" / "percent" / "per cent" ("[The Greens] 8%"), or thousands written on ("sent the [North] 50,000 tons").
 */
function figureGoesOn(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end]?.text ?? '';
  const after = tokens[end + 1]?.text ?? '';
  if (SCORE_DASHES.has(next)) return NUMBER.test(after);
  if (next === '%' || next === 'percent') return true;
  if (next === 'per') return after === 'cent';
  return next === ',' && /^\d{3}$/.test(after) && (tokens[end - 1] as Token).end === (tokens[end] as Token).start && (tokens[end] as Token).end === (tokens[end + 1] as Token).start;
}

/** A letter or a digit of any script: what a name's first and last tokens hold. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether the span's last token, tokens[end - 1], is a mark without a letter or digit, no bracket closing one the span
 * opens ("Democratic Party (PD)"), and no "!" written onto the name ("Yahoo!", "Panic!").
 */
function bareMark(tokens: readonly Token[], from: number, end: number): boolean {
  const t = tokens[end - 1] as Token;
  const w = t.text;
  if (LETTER_OR_DIGIT.test(w) || (w === '!' && end - 1 > from && (tokens[end - 2] as Token).end === t.start)) return false;
  // The opening bracket looked for in the span's other tokens; for any other mark none ("" is no token), so that the common case
  // runs the loop too: a step the warm-up never ran throws the optimized code away.
  const open = w === ')' ? '(' : w === ']' ? '[' : '';
  for (let k = from; k < end - 1; k++) if ((tokens[k] as Token).text === open) return false;
  return true;
}

/** Whether tokens[at] is an opening bracket whose closing bracket is in the span before `end` ("[(] PD )"). */
function opensInside(tokens: readonly Token[], at: number, end: number): boolean {
  const w = (tokens[at] as Token).text;
  const close = w === '(' ? ')' : w === '[' ? ']' : undefined;
  return close !== undefined && tokens.slice(at + 1, end).some((x) => x.text === close);
}

/**
 * Tags with the trailing scores (SCORE_PAIR), a number after a person's or a
 * known place's name, and the marks without a letter or
 * digit at either end taken off each PER / LOC / ORG span (a span of nothing
 * else is dropped), then the trailing lowercase words
 * of a span whose other words all start with a capital (a name written as
 * such); a span written in lowercase throughout, or a company form, keeps them.
 */
export function trimNameTails(tokens: readonly Token[], tags: readonly string[]): string[] {
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-') || tag === 'B-MISC') continue;
    const inside = insideTagOf(tag);
    let j = i + 1;
    while (j < out.length && out[j] === inside) j++;
    let end = j;
    // Scores off the end; a span that is only scores is no name at all. So is a number of up to three digits after a person's
    // name before a list's mark, or after a known place's before the tally's details, a score or a tally in a summary
    // ("[Salim Malik] 65 ;", "[England] 285 ( Alec Stewart 170 )"), and a number that goes on as a score, a share or
    // thousands ("defeating [Germany] 4–3", "[The Greens] 8%"); other names may end with one ("Channel 4", "Apollo 11",
    // "Hannover 96").
    while (end > i && SCORE_PAIR.test((tokens[end - 1] as Token).text)) end--;
    let retype: string | undefined;
    if (end - i >= 2 && NUMBER.test((tokens[end - 1] as Token).text)) {
      const rest = nameText(tokens, i, end - 1);
      const next = tokens[end]?.text ?? '';
      // Each test made whatever the others find, and the number cut off by one subtraction made either way: a test or a step
      // the warm-up never ran (a person's score is rare) throws the optimized code away.
      const person = tag === 'B-PER';
      const scoreAfter = SCORE_AFTER.has(next);
      const fewDigits = (tokens[end - 1] as Token).text.length <= 3;
      const goesOn = figureGoesOn(tokens, end);
      const place = PLACES.has(rest);
      const tallyAfter = TALLY_AFTER.has(next);
      const score = person && scoreAfter && fewDigits;
      const tally = !score && !goesOn && place && tallyAfter;
      end -= score || goesOn || tally ? 1 : 0;
      if (tally) retype = 'LOC';
    }
    // Nor with a mark that has no letter or digit ('Email: "[Andre" <]', "| [Paul King |] |"), but for a bracket that closes one inside it;
    // nor does it start with one ("| [| Gillett] |", "= = [= Police] to gain").
    while (end > i && bareMark(tokens, i, end)) end--;
    let start = i;
    while (start < end && !LETTER_OR_DIGIT.test((tokens[start] as Token).text) && !opensInside(tokens, start, end)) start++;
    const named = end;
    while (end - 1 > start && /^\p{Ll}+$/u.test((tokens[end - 1] as Token).text) && !LOWERCASE_SUFFIXES.has((tokens[end - 1] as Token).text)) end--;
    if (end < named && !tokens.slice(start, end).every((t) => startsCapitalized(t.text))) end = named;
    for (let k = end; k < j; k++) out[k] = 'O';
    for (let k = i; k < start && k < end; k++) out[k] = 'O';
    if (start > i && start < end) out[start] = tag;
    if (retype && start < end) setSpan(out, start, end, retype);
    i = j - 1;
  }
  return out;
}

/**
 * Tags with the titles of office that open a person's name taken out of it ("[Prime Minister John] Major said" ->
 * "Prime Minister [John] Major"): the tagger takes them in at a sentence's start, where their capitals tell it nothing, and
 * newswire annotation leaves them out. Only titles the tagger knows (PERSON_TITLES), before a capitalized word that is no
 * title.
 */
export function titlesOffPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  const office = (k: number): boolean => {
    const w = (tokens[k] as Token).text;
    return PERSON_TITLES.has(w) && !TITLES_OF_THE_NAME.has(w);
  };
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'PER') continue;
    let k = from;
    while (k < to && office(k)) k++;
    if (k === from) continue;
    // Titles alone before a person's name are none ("[Prime Minister] [John Major]").
    if (k === to) {
      if (tags[to] !== 'B-PER') continue;
    } else if (!startsCapitalized((tokens[k] as Token).text)) continue;
    out ??= [...tags];
    for (let m = from; m < k; m++) out[m] = 'O';
    if (k < to) setSpan(out, k, to, 'PER');
  }
  return out ?? (tags as string[]);
}

/** Titles that name the person with the name, as newswire annotation keeps them: nobility, royalty and the clergy ("King Fahd", "Pope John Paul II", "Sir Joh"). */
const TITLES_OF_THE_NAME: ReadonlySet<string> = new Set(
  (
    'King Queen Prince Princess Sir Lord Lady Dame Emir Sheikh Sheik Sultan Shah Crown Duke Duchess Earl Baron Baroness Count Countess ' +
    'Pope Ayatollah Archbishop Cardinal Bishop Rabbi Imam Reverend Rev Rev. Father Sister Brother Saint St St. Mullah Patriarch Lama'
  ).split(' '),
);

/** Titles that are surnames too ("John Major", "Larry King", "Howard Dean"): the tagger reads them as titles, outside a name. */
const TITLE_SURNAMES: ReadonlySet<string> = new Set('Major King Bishop Judge Dean Cardinal Earl Baron Marshal Chancellor'.split(' '));

/**
 * Tags where a person's given name read alone is followed by a title that is also a surname, and then by no capitalized
 * word ("British Prime Minister [John] Major faced ...", "[Larry] King said"): the title is the person's surname, in the
 * name. Not before a name ("John, Major Smith", "Paul King Edward"), nor after a name of two words or more.
 */
export function surnamesThatAreTitles(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (!TITLE_SURNAMES.has((tokens[i] as Token).text) || tags[i] !== 'O' || tags[i - 1] !== 'B-PER') continue;
    if (!GIVEN_NAMES.has((tokens[i - 1] as Token).text) || startsCapitalized(tokens[i + 1]?.text ?? '')) continue;
    out ??= [...tags];
    setSpan(out, i - 1, i + 1, 'PER');
  }
  return out ?? (tags as string[]);
}

/**
 * Tags with the titles the tagger does not know as titles (LATE_PERSON_TITLES, not among its inputs) taken out of names:
 * first in a person's ("[Director-General Diouf]" -> "Director-General [Diouf]"), last in an organisation's ("[Flint City
 * Administrator]" -> "[Flint City] Administrator").
 */
export function lateTitlesOutOfNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (to - from < 2) continue;
    if (type === 'PER' && LATE_PERSON_TITLES.has((tokens[from] as Token).text)) {
      out ??= [...tags];
      clearSpan(out, from, from + 1);
    } else if (type === 'ORG' && LATE_PERSON_TITLES.has((tokens[to - 1] as Token).text)) {
      out ??= [...tags];
      clearSpan(out, to - 1, to);
    }
  }
  return out ?? (tags as string[]);
}

/** Company forms written with a full stop, which may end a sentence ("... McDonnell Douglas Corp. The Federal Trade Commission"). */
const DOTTED_FORMS: ReadonlySet<string> = new Set('Inc. Corp. Co. Ltd. Cos. Bros. Plc. L.P. N.V. S.A. A.G. S.p.A.'.split(' '));

/**
 * Tags where an organisation runs on past a company form written with a full stop into a capitalized word, ended at the
 * form: the form's full stop ends the sentence too, which the tagger reads as an abbreviation's ("[McDonnell Douglas Corp.]
 * The [Federal Trade Commission] had reviewed", "[Acme Ltd.] [Reuters] said"). What follows is a name of its own, but for a
 * first word the word statistics know as written in lowercase ("The", "It") and the lowercase words after it ("Corp. Shares
 * of [Bayer]"). Not before another company form ("Nomura Securities Co. Ltd.", "Merrill Lynch & Co. Inc.").
 */
export function companyFormsEndNames(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!DOTTED_FORMS.has((tokens[i] as Token).text) || tags[i] !== 'I-ORG' || tags[i + 1] !== 'I-ORG') continue;
    const next = (tokens[i + 1] as Token).text;
    if (!startsCapitalized(next) || DOTTED_FORMS.has(next) || DOTTED_FORMS.has(`${next}.`)) continue;
    out ??= [...tags];
    const end = spanEnd(out, spanStart(out, i + 1));
    // The rest from its first capitalized word that is no sentence's opener ("Corp. Shares of [Bayer]", "Co. We're").
    let from = stats && writtenLowercase(next, stats) ? i + 2 : i + 1;
    while (from < end && !startsCapitalized((tokens[from] as Token).text)) from++;
    for (let k = i + 1; k < from; k++) out[k] = 'O';
    // A given name opens a person's ("Lockheed Martin Corp. [John Martin]"); the rest stays the organisation the tagger read.
    if (from < end) setSpan(out, from, end, end - from >= 2 && GIVEN_NAMES.has((tokens[from] as Token).text) ? 'PER' : 'ORG');
  }
  return out ?? (tags as string[]);
}

/**
 * The articles that open a phrase about a thing of a kind ("A High Court judge", "An Israeli army spokesman") and,
 * written in lowercase, the ones before a name inside a sentence ("with the Chamber of Mines", "President of the
 * Republic of China"): no part of the name in news annotation. "The" at a sentence's start is left, as in "The Hague".
 */
const ARTICLES: ReadonlySet<string> = new Set(['A', 'An', 'a', 'an', 'the']);

/**
 * Tags where a person's, place's or organisation's span opens with an article (ARTICLES) before a capitalized word
 * ("[A High Court] judge", "[A Paris] court", "talks with [the Chamber of Mines]"): the article is no part of the name,
 * which goes on after it. The tagger puts a lowercase "the" into about 60 names over the review texts.
 */
export function articlesOffNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (to - from < 2 || type === 'MISC' || !ARTICLES.has((tokens[from] as Token).text) || !startsCapitalized((tokens[from + 1] as Token).text)) continue;
    out ??= [...tags];
    out[from] = 'O';
    setSpan(out, from + 1, to, type);
  }
  return out ?? (tags as string[]);
}
