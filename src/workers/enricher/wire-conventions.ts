/**
 * Conventions of wire copy that the tagger's training text (Wikipedia, posts)
 * does not teach it, applied to its BIO tags after decoding:
 *
 * - Results, fixtures and standings tables ("Aberdeen 1 Hibernian 2",
 *   "Arsenal 2-0 Chelsea", "Arsenal v Chelsea", "Rangers 4 3 1 0 9 2 10"): the
 *   names in them are teams, so organisations, unless the name is a country (a
 *   national side, which newswire annotation files as a place) or the tagger
 *   read it as a person (players and entrants). A table is two such lines or
 *   more in one text; a single line that happens to have the shape is left alone.
 * - Results in prose ("Barcelona beat Valencia 2-1", "Juventus drew 0-0 with
 *   Milan", "Chicago beat Boston 5-3"): the sides named around a result verb
 *   with a score are teams in the same way, one result being enough; when the
 *   tagger read either side as a person ("Trump beat Biden 306-232", a player)
 *   the result is left as it is.
 * - A person's nationality in brackets ("Pete Sampras (U.S.)", "Ernie Els
 *   (South Africa)"): a country there is a place, whatever the tagger said;
 *   one before the name ("Spaniard Carlos Moya") is no part of it (MISC).
 * - A nationality, a portfolio and a minister's title ("French Farm
 *   Minister Philippe Vasseur") are no organisation's name.
 * - A name after a courtesy title ("Mr Xi", "Ms Ardern", "Dr Tedros",
 *   "Mrs May") or an abbreviated rank ("Sen. John McCain", "Cpl Matthew
 *   Cornish", "Lt. Col. Erik Kurilla") is a person's, and the title is no
 *   part of it: wire copy names people that way after the first mention, and
 *   the tagger misses names that its training text rarely has ("Mr Wang") or
 *   reads as other words ("May").
 * - A nationality alone ("Israeli troops", "Russian forces", "the Colombian
 *   government", "Sri Lankan officials"), a faith or a people ("Sunni
 *   clerics", "Tamil rebels", "the Arab world"; "Islam", "the Koran") is no place, person or
 *   organisation: the tagger's span becomes MISC, as newswire annotation
 *   files them.
 * - A country's name in capitals ("UAE", "DRC", "DPRK"), standing alone, is a
 *   place; so is a country's name the tagger typed as an organisation or a
 *   person ("accusing Venezuela of", "Russia has withdrawn"), as newswire
 *   annotation files a country acting (and national sides, above), unless the
 *   text names a person with that word ("Michael Jordan"). The countries that
 *   the tagger's inputs do not list (gazetteer.ts' LATE_COUNTRIES: "Kiribati",
 *   "Vanuatu", "Papua New Guinea") are read so from MISC too, and their
 *   demonyms ("Fijian", "East Timorese") as the nationalities above.
 * - A storm's name ("Hurricane Katrina", "Cyclone Nargis") is no person's, nor
 *   its name alone in a text that names the storm ("[Katrina] made landfall").
 * - A weekday written after a name without "on" ("took Fallujah Wednesday")
 *   is no part of it, but in names known to end with one ("Fox News Sunday").
 * - A US state's postal code after a place and a comma ("Chillicothe, OH")
 *   is a place; a post-nominal after a person and a comma ("Harry Preuss,
 *   MD", "Lex Lasry, QC") is no name.
 * - A place the gazetteer knows, or the surname of a person the text names
 *   in full, owning the rest of a name ("China's Foreign Ministry", "Alija
 *   Izetbegovic ... Izetbegovic's Party of Democratic Action") is a name of
 *   its own.
 * - The name after a kind of place and "of" ("the town of Sderot", "the
 *   village of Naghar Kalai") is a place.
 * - The initials that open the turns of an interview's transcript ("DS:
 *   Throughout my life ...", three turns or more) are no name.
 * - A name the gazetteer's short list of organisations knows ("UN", "AP",
 *   "Greenpeace", "Bundestag"), and no place's, is an organisation whatever
 *   the tagger typed it; not a person after a title ("Mayor Bloomberg") or
 *   a seat named for its building ("left the White House"); such a name the
 *   tagger left untagged ("told Associated Press", "a UN plan") is one too,
 *   when it stands alone.
 * - A country's code before a currency sign ("US$6.4 billion", "NZ$20") is
 *   the currency's, no place (the public sets' gold leaves it untagged).
 * - The place of a dateline is a place: a text that opens with one
 *   ("SEOUL, June 11 (Wire) -", parse-dateline.ts; without a date or a credit,
 *   only when the tagger found a name there), or a line that is only a place
 *   and a date ("BRUSSELS 1996-08-22").
 *
 * Pure: tags in, tags out (the same length), tokens as nerTokenize gives them.
 */
import { DEMONYMS, KNOWN_ORGS, LATE_COUNTRIES, LATE_DEMONYMS, NAME_PARTICLES, NON_ENTITY_WORDS, ORG_HEAD_WORDS, PERSON_TITLES, PLACES, WEEKDAYS, WEEKDAYS_AND_MONTHS } from './gazetteer.js';
import { codeCap, type WordStats } from './ner-features.js';
import { isPossessive, setOffBySpaces, tokenLines } from './ner-tokens.js';
import { type Dateline, parseDateline } from './parse-dateline.js';
import { startsCapitalized, textAt, type Token } from './tokens.js';

/** Lower-case words and marks that may stand inside a team's name ("Brighton and Hove Albion", "St. Louis", "Real de Madrid"). */
const NAME_INNER = new Set(['of', 'de', 'del', 'la', 'le', 'the', 'and', '&', 'upon', 'on', 'am', 'im', 'an', 'der', 'van', 'von', 'y', 'da', 'do', '-', "'"]);
/** The most words a team's name takes. */
const NAME_MAX = 6;
const SCORE = /^\d{1,3}$/;
/** A score or a result as one token ("2-1", "110-102"; nerTokenize keeps a hyphenated pair whole). */
export const SCORE_PAIR = /^\d{1,3}-\d{1,3}$/;
/** What stands between the teams of a fixture. */
const FIXTURE_JOIN = new Set(['v', 'v.', 'vs', 'vs.']);
/** Tokens of a standings row after the name: integers, and the marks of percentages and games behind (".569", "-", "1/2"). */
const STAT_MARK = new Set(['.', '-', '+', '/']);

/** End (exclusive) of the team name starting at i, or -1. */
function nameEnd(words: readonly string[], i: number): number {
  if (i >= words.length || !startsCapitalized(words[i] as string)) return -1;
  let j = i + 1;
  while (j < words.length && j - i < NAME_MAX && (startsCapitalized(words[j] as string) || NAME_INNER.has(words[j] as string))) j++;
  while (j > i + 1 && NAME_INNER.has(words[j - 1] as string)) j--;
  return j;
}

/** End (exclusive) of the scorers in brackets after a score ending at i ("(Nilis 12, Jonk 45)"), or i when none follow. */
function scorersEnd(words: readonly string[], i: number): number {
  if (i < 0 || words[i] !== '(' || !SCORERS.test(words.slice(i + 1, i + 4).join(' '))) return i;
  const close = words.indexOf(')', i + 1);
  return close > 0 ? close + 1 : i;
}
/** The token ranges inside the brackets of a line's scorers ("PSV 3 (Nilis 12, Jonk 45) Vitesse 1 (Gillhaus 60)"). */
function scorerRanges(words: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 1; k < words.length; k++) {
    if (words[k] !== '(' || !SCORE.test(words[k - 1] as string)) continue;
    const end = scorersEnd(words, k);
    if (end > k) out.push([k + 1, end - 1]);
  }
  return out;
}
/** The most words of a scorer's name in a summary line. */
const SCORER_NAME_MAX = 3;
/** What opens the scorers of a summary line: a name and the minute ("Nilis 12", "van Hooijdonk 60"). */
const SCORERS = /^(?:\p{L}+ )*\p{Lu}[\p{L}'-]* \d{1,3}\b/u;

/** End (exclusive) of a score at i ("2", or "2 (1)" with the half-time score), or -1. */
function scoreEnd(words: readonly string[], i: number): number {
  if (!SCORE.test(words[i] ?? '')) return -1;
  if (words[i + 1] === '(' && SCORE.test(words[i + 2] ?? '') && words[i + 3] === ')') return i + 4;
  return i + 1;
}

/**
 * The team names (token ranges within the line) of a results, fixtures or
 * standings line, or null when the line is not one: name score name score (an
 * optional note in brackets after it, or notes after a full stop), name score-score name, name v name, or
 * a name and four or more figures (at least three of them whole numbers).
 */
export function tableLineNames(words: readonly string[]): Array<[number, number]> | null {
  const n = words.length;
  const a = nameEnd(words, 0);
  if (a < 0 || a >= n) return null;
  // "Arsenal 2-0 Chelsea", "Arsenal 2 - 0 Chelsea"
  const pair = SCORE_PAIR.test(words[a] as string) ? a + 1 : SCORE.test(words[a] as string) && words[a + 1] === '-' && SCORE.test(words[a + 2] ?? '') ? a + 3 : -1;
  if (pair > 0 && nameEnd(words, pair) === n) return [[0, a], [pair, n]];
  // Fixtures: "Arsenal v Chelsea", "Lakers vs. Celtics"
  if (FIXTURE_JOIN.has(words[a] as string) && nameEnd(words, a + 1) === n) return [[0, a], [a + 1, n]];
  // "Aberdeen 1 Hibernian 2", "Celtic 3 (1) Dundee United 0 (0)", "PSV Eindhoven 3 (Nilis 12, Jonk 45) Vitesse Arnhem 1 (Gillhaus 60)"
  const s1 = scorersEnd(words, scoreEnd(words, a));
  if (s1 > 0) {
    const b = nameEnd(words, s1);
    const s2 = b > 0 ? scoreEnd(words, b) : -1;
    // After the second side's score, the line ends, or a note in brackets ends it, or a full stop opens the match's notes
    // ("... NAC Breda 1 (Arnold 50). Halftime 2-0. Attendance 47,000.").
    if (s2 > 0 && (s2 === n || (words[s2] === '(' && words[n - 1] === ')') || words[scorersEnd(words, s2)] === '.')) return [[0, a], [s1, b]];
  }
  // "Rangers 4 3 1 0 9 2 10", "NEW YORK 74 56 .569 -"
  let whole = 0;
  for (let i = a; i < n; i++) {
    const w = words[i] as string;
    if (SCORE.test(w)) whole++;
    else if (!STAT_MARK.has(w)) return null;
  }
  return n - a >= 4 && whole >= 3 ? [[0, a]] : null;
}

/** Words of a batsman's dismissal on a cricket scorecard ("c Hussain b Cork", "lbw b Mushtaq Ahmed", "run out", "not out"). */
const DISMISSAL_WORDS: ReadonlySet<string> = new Set(['lbw', 'run', 'out', 'not', 'retired', 'hurt', 'hit', 'wicket', 'obstructing', 'the', 'field', 'handled', 'ball']);
/** Dismissal words that a fielder's or bowler's name follows ("c", "st", "b", and "c & b"). */
const DISMISSAL_BY: ReadonlySet<string> = new Set(['c', 'st', 'b']);

/**
 * The players' names (token ranges within the line) of a batting line of a cricket scorecard, or null when the line is not
 * one: the batsman, the dismissal with its fielder and bowler, and the runs ("N. Hussain c Ijaz Ahmed b Mushtaq Ahmed 12",
 * "G. Thorpe not out 54", "M. Atherton lbw b Waqar Younis 31").
 */
export function scorecardLineNames(words: readonly string[]): Array<[number, number]> | null {
  const n = words.length;
  if (n < 3 || !SCORE.test(words[n - 1] as string)) return null;
  const a = nameEnd(words, 0);
  if (a < 0 || a >= n - 1) return null;
  const names: Array<[number, number]> = [[0, a]];
  let dismissal = false;
  for (let i = a; i < n - 1; ) {
    const w = words[i] as string;
    if (DISMISSAL_BY.has(w)) {
      i += w === 'c' && words[i + 1] === '&' && words[i + 2] === 'b' ? 3 : 1;
      const e = nameEnd(words, i);
      if (e < 0 || e > n - 1) return null;
      names.push([i, e]);
      i = e;
    } else if (DISMISSAL_WORDS.has(w)) i++;
    else return null;
    dismissal = true;
  }
  return dismissal ? names : null;
}

/** The fewest batting lines that make a scorecard. */
const SCORECARD_LINES_MIN = 2;

/** Words inside a team's name that no player's has ("Brighton and Hove Albion"). */
const NOT_IN_PLAYERS_NAMES: ReadonlySet<string> = new Set(['and', '&', 'of', 'the', 'on', 'upon']);
/**
 * The names (token ranges within the line) of a leaderboard line, a score and the players on it separated by commas, each
 * with an optional country in brackets ("65 Tiger Woods, Nolan Henke", "67 Jim Furyk, Greg Kraft (Canada)"), or null.
 */
export function leaderboardLineNames(words: readonly string[]): Array<[number, number]> | null {
  const n = words.length;
  if (n < 3 || !SCORE.test(words[0] as string)) return null;
  const names: Array<[number, number]> = [];
  for (let i = 1; i < n; ) {
    const e = nameEnd(words, i);
    // A player's name has no "and", "of" or "the" in it (a team's may: "Brighton and Hove Albion").
    if (e < 0 || words.slice(i, e).some((w) => NOT_IN_PLAYERS_NAMES.has(w))) return null;
    names.push([i, e]);
    i = e;
    if (words[i] === '(') {
      const close = words.indexOf(')', i);
      if (close < 0 || close - i > NAME_MAX) return null;
      i = close + 1;
    }
    if (i === n) return names;
    if (words[i] !== ',') return null;
    i++;
  }
  return null;
}

/** The fewest leaderboard lines that make a leaderboard. */
const LEADERBOARD_LINES_MIN = 2;

/** A column's heading in a table ("W", "GF", "PTS"), and the fewest of them that make a line of headings. */
const COLUMN_HEADING = /^\p{Lu}{1,4}$/u;
const COLUMN_HEADINGS_MIN = 4;
/** Whether every token of the line [lf, lt) is a column's heading as `original` writes it. */
function columnHeadings(original: string, tokens: readonly Token[], lf: number, lt: number): boolean {
  for (let k = lf; k < lt; k++) {
    const t = tokens[k] as Token;
    if (t.end - t.start > 4 || !COLUMN_HEADING.test(original.slice(t.start, t.end))) return false;
  }
  return true;
}

/** Sports, as a wire desk writes them before the dash of a headline in capitals ("SOCCER -", "RUGBY UNION -", "NHL ICE HOCKEY -"). */
const DESK_SPORTS: ReadonlySet<string> = new Set(
  (
    'soccer football rugby athletics tennis golf cricket cycling boxing racing motorcycling motorsport skiing swimming diving rowing ' +
    'canoeing yachting sailing squash badminton volleyball handball wrestling judo triathlon fencing hockey basketball baseball snooker ' +
    'darts gymnastics weightlifting shooting archery equestrianism skating bobsleigh luge biathlon marathon'
  ).split(' '),
);
/** Words that name a sport with one of DESK_SPORTS or alone in a slug ("RUGBY UNION", "MOTOR RACING", "FORMULA ONE", "ICE HOCKEY"). */
const DESK_SPORT_PARTS: ReadonlySet<string> = new Set('union league motor horse formula one alpine nordic ski jumping ice field american show table figure speed equestrian'.split(' '));
/** The most words of a desk's slug. */
const DESK_SLUG_MAX = 4;

/**
 * Tokens of the sport that opens a wire headline before its dash ("ATHLETICS - JOHNSON WINS ...", "NBA BASKETBALL -
 * ..."): the desk's slug, words of a sport and a league's acronym; 0 when the line does not open so.
 */
export function deskSlugLength(words: readonly string[]): number {
  for (let k = 1; k <= DESK_SLUG_MAX && k < words.length; k++) {
    if (words[k] !== '-' && words[k] !== '\u2013') continue;
    const slug = words.slice(0, k);
    const sport = (w: string) => DESK_SPORTS.has(w.toLowerCase());
    return slug.some(sport) && slug.every((w) => sport(w) || DESK_SPORT_PARTS.has(w.toLowerCase()) || isKnownAcronym(w)) ? k : 0;
  }
  return 0;
}
/** An organisation's acronym on the short list ("NBA", "EU", "OPEC"). */
const isKnownAcronym = (w: string): boolean => KNOWN_ORGS.has(w) && /^\p{Lu}{2,}$/u.test(w);
/** deskSlugLength of the line [lf, lt) of `original` (the text as written) when the line is in capitals there. */
function deskSlugIn(original: string, tokens: readonly Token[], lf: number, lt: number): number {
  const line = original.slice((tokens[lf] as Token).start, (tokens[lt - 1] as Token).end);
  if (line !== line.toUpperCase()) return 0;
  return deskSlugLength(tokens.slice(lf, Math.min(lt, lf + DESK_SLUG_MAX + 1)).map((t) => original.slice(t.start, t.end)));
}

/**
 * End (exclusive) of the name of a short row, a name and one to three whole numbers ("Greens 12", "Germany 12 8 6"), or
 * -1: a row of a table of seats, votes or medals when three such rows follow each other (SHORT_ROWS_MIN).
 */
export function shortRowNameEnd(words: readonly string[]): number {
  const a = nameEnd(words, 0);
  if (a < 0 || words.length - a < 1 || words.length - a > 3) return -1;
  for (let i = a; i < words.length; i++) if (!SCORE.test(words[i] as string)) return -1;
  return a;
}
/** The fewest short rows in a row that make a table. */
const SHORT_ROWS_MIN = 3;

/** Verbs of a result between two sides. */
const RESULT_VERBS = new Set(
  'beat beats defeated defeats edged edges thrashed thrash routed crushed downed overcame overpowered trounced hammered stunned outlasted topped blanked drew draw draws held lost lose loses fell won win wins'.split(' '),
);
const RESULT_VERB_MIN = Math.min(...[...RESULT_VERBS].map((v) => v.length));
const RESULT_VERB_MAX = Math.max(...[...RESULT_VERBS].map((v) => v.length));
/**
 * Whether `word` is one of RESULT_VERBS in any case ("won", "Beat", "DREW"). A word of another length than theirs is none
 * of them and is not lowercased to be looked up: what lowercases to an ASCII letter is one code unit (a letter of ASCII,
 * or the kelvin sign's "k"), so the word and its lowercase have one length.
 */
export function isResultVerb(word: string): boolean {
  return word.length >= RESULT_VERB_MIN && word.length <= RESULT_VERB_MAX && RESULT_VERBS.has(word.toLowerCase());
}
/** What stands between a result's score and the second side ("drew 0-0 with Milan", "lost 2-1 to Napoli"). */
const RESULT_JOIN = new Set(['with', 'to', 'against', 'at', 'over', 'in', 'the']);

/** A capitalized article before a team's name ("The Lakers beat ..."): not part of it. */
const ARTICLES = new Set(['The', 'A', 'An']);

/** Start of the team name that ends (exclusive) at `end`, or -1: capitalized words and inner words back from it. */
function nameStart(words: readonly string[], end: number): number {
  if (end <= 0 || !startsCapitalized(words[end - 1] as string)) return -1;
  let i = end - 1;
  while (i > 0 && end - i < NAME_MAX && (startsCapitalized(words[i - 1] as string) || NAME_INNER.has(words[i - 1] as string))) i--;
  while (i < end - 1 && (NAME_INNER.has(words[i] as string) || ARTICLES.has(words[i] as string))) i++;
  return i;
}

/** Words that open a clause or a description set off by commas after a team's name. */
const CLAUSE_OPENERS = new Set(['who', 'which', 'the', 'a', 'an']);
/** The most words between the commas of such a clause. */
const CLAUSE_MAX = 12;

/** The opening comma of a clause set off by commas whose closing comma is at `close`, or -1: the clause opens with CLAUSE_OPENERS and holds no other comma. */
function clauseStart(words: readonly string[], close: number): number {
  for (let k = close - 1; k > 0 && close - k <= CLAUSE_MAX; k--) {
    if (words[k] !== ',') continue;
    return CLAUSE_OPENERS.has(words[k + 1] as string) ? k : -1;
  }
  return -1;
}

/**
 * The two sides (token ranges within the line) of each result told in prose:
 * "A beat [the] B 2-1" (the score right after B), or "A drew 0-0 with B",
 * "A lost 2-1 to B" (the score right after the verb, then a joining word);
 * none where set scores follow ("6-2 2-6"), the players' matches of tennis.
 */
export function resultSentenceNames(words: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let v = 1; v < words.length; v++) {
    if (!isResultVerb(words[v] as string)) continue;
    // The first side may have a clause or its description set off by commas before the verb ("Rangers , who won the title
    // last season , drew 1-1 with Aberdeen", "Rangers , the champions , won 2-0 at Motherwell").
    const aEnd = words[v - 1] === ',' ? clauseStart(words, v - 1) : v;
    const a = aEnd < 0 ? -1 : nameStart(words, aEnd);
    if (a < 0) continue;
    let b = v + 1;
    let scored = false;
    if (SCORE_PAIR.test(words[b] ?? '')) {
      scored = true;
      b++;
    }
    while (b < words.length && RESULT_JOIN.has(words[b] as string)) b++;
    let bEnd = nameEnd(words, b);
    if (bEnd < 0) continue;
    // In prose a name ends before a day or a month ("drew with Milan on Sunday").
    for (let k = b + 1; k < bEnd; k++) {
      if (!WEEKDAYS_AND_MONTHS.has(words[k] as string)) continue;
      bEnd = k;
      while (bEnd > b + 1 && NAME_INNER.has(words[bEnd - 1] as string)) bEnd--;
      break;
    }
    const score = scored ? v + 1 : bEnd;
    if (!SCORE_PAIR.test(words[score] ?? '')) continue;
    // Set scores ("6-2 2-6 6-2") are a match between players, not teams.
    if (SCORE_PAIR.test(words[score + 1] ?? '')) continue;
    out.push([a, aEnd], [b, bEnd]);
  }
  return out;
}

/** Courtesy titles before a surname in wire copy (not Lord, Lady, Sir or Miss: "Lord Howe Island", "Miss Universe"). */
const COURTESY_TITLES = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.']);
/**
 * Abbreviated ranks and offices of wire copy, which stand before a name as courtesy titles do ("Sen. John McCain",
 * "Cpl Matthew Cornish", "Lt. Col. Erik Kurilla"); not "Col" or "Gen" without a full stop (a mountain pass, a
 * word), "Fr" or "Pvt." ("Pvt. Ltd.", a company form).
 */
const RANK_TITLES = new Set(['Sen.', 'Rep.', 'Gov.', 'Gen.', 'Lt.', 'Lt', 'Col.', 'Maj.', 'Maj', 'Capt.', 'Sgt.', 'Sgt', 'Cpl', 'Cpl.', 'Pte', 'Cmdr.', 'Adm.', 'Brig.', 'Rev.', 'Rev', 'Hon']);
/** Words after a rank that are a further part of the title ("Lt. Col.", "Lt Gen", "Lt. Governor"). */
const isTitleWord = (w: string): boolean => RANK_TITLES.has(w) || COURTESY_TITLES.has(w) || PERSON_TITLES.has(w) || w === 'Gen' || w === 'Col';
/** The most words of a name after a courtesy title. */
const TITLED_NAME_MAX = 5;

/** A particle joined to the name after it ("al-Samaraie", "el-Sisi", "bin-Laden"). */
const HYPHENED_PARTICLE = /^\p{Ll}{1,3}-\p{Lu}/u;

/** End (exclusive) of the name after a courtesy title at `i`, or -1: capitalized words and inner particles. */
function titledNameEnd(tokens: readonly Token[], i: number): number {
  const first = tokens[i + 1]?.text ?? '';
  if (!/^\p{Lu}\p{Ll}/u.test(first) && !/^\p{Lu}$/u.test(first)) return -1;
  let j = i + 2;
  while (j < tokens.length && j - i - 1 < TITLED_NAME_MAX && (startsCapitalized((tokens[j] as Token).text) || HYPHENED_PARTICLE.test((tokens[j] as Token).text) || (NAME_PARTICLES.has((tokens[j] as Token).text) && startsCapitalized(tokens[j + 1]?.text ?? '')))) j++;
  return j;
}

/**
 * A line that is a place and a date only: "BRUSSELS 1996-08-22", "Al-Ain, United Arab Emirates 1996-12-06", and so in
 * tokenized text ("AL-AIN , United Arab Emirates 1996-12-06"; the first name is the dateline's place).
 */
const DATED_LINE = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})(?: ?, \p{Lu}[\p{L}. ]{1,40})? \d{4}-\d{2}-\d{2}$/u;

/**
 * The tags of each type as the model writes them. A tag built from its parts (`B-${type}`) is a string of its own, not
 * the one string the constant is: V8 compares such tags by a slower path, and a pass whose comparisons have met only the
 * constants is deoptimized, and compiled again, at the first built one. So the passes write these. Chosen by comparisons,
 * not looked up in a Map: a type cut from a tag (`tag.slice(2)`) is a new string whose hash a lookup computes first.
 */
export const beginTag = (type: string): string =>
  type === 'PER' ? 'B-PER' : type === 'LOC' ? 'B-LOC' : type === 'ORG' ? 'B-ORG' : type === 'MISC' ? 'B-MISC' : `B-${type}`;

/** The tag inside a span of `type` ("I-ORG"). */
export const insideTag = (type: string): string =>
  type === 'PER' ? 'I-PER' : type === 'LOC' ? 'I-LOC' : type === 'ORG' ? 'I-ORG' : type === 'MISC' ? 'I-MISC' : `I-${type}`;

/** The tag inside the span that `tag` begins or is inside of: insideTag(tag.slice(2)) without cutting the type out ("B-ORG" -> "I-ORG"). */
export function insideTagOf(tag: string): string {
  switch (tag) {
    case 'B-PER':
    case 'I-PER':
      return 'I-PER';
    case 'B-LOC':
    case 'I-LOC':
      return 'I-LOC';
    case 'B-ORG':
    case 'I-ORG':
      return 'I-ORG';
    case 'B-MISC':
    case 'I-MISC':
      return 'I-MISC';
    default:
      return insideTag(tag.slice(2));
  }
}

/** Sets tokens [from, to) to one span of `type`. */
export function setSpan(tags: string[], from: number, to: number, type: string): void {
  const begin = beginTag(type);
  const inside = insideTag(type);
  for (let k = from; k < to; k++) tags[k] = k === from ? begin : inside;
  // The rest of a span this one cut into starts a span of its own. (Here and in spanEnd no tag is read past the last:
  // optimized code that does so for the first time, at a span that ends the text, is thrown away and compiled again.)
  const next = to < tags.length ? (tags[to] as string) : 'O';
  if (next.startsWith('I-')) tags[to] = beginTag(next.slice(2));
}

/** The words of the persons the tags name in two words or more ("Michael Jordan": "Michael", "Jordan"). */
export function wordsOfFullNames(tokens: readonly Token[], tags: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tags[i + 1] === 'I-PER' && (tags[i] as string).endsWith('-PER')) words.add((tokens[i] as Token).text).add((tokens[i + 1] as Token).text);
  }
  return words;
}

/** The end (exclusive) of the span whose B-X tag stands at `from`: the I-X tags that follow it. */
export function spanEnd(tags: readonly string[], from: number): number {
  const inside = insideTagOf(tags[from] as string);
  let j = from + 1;
  while (j < tags.length && tags[j] === inside) j++;
  return j;
}

/** The start of the span that holds the tag at `at`: back over I- tags to the span's first tag (0 at most). */
export function spanStart(tags: readonly string[], at: number): number {
  let i = at;
  while (i > 0 && (tags[i] as string).startsWith('I-')) i--;
  return i;
}

/** The typed spans of BIO tags: each B-X with the I-X tags that follow it (`to` exclusive). */
export function bioSpans(tags: readonly string[]): Array<{ from: number; to: number; type: string }> {
  const out: Array<{ from: number; to: number; type: string }> = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (!tag.startsWith('B-')) continue;
    const j = spanEnd(tags, i);
    out.push({ from: i, to: j, type: tag.slice(2) });
    i = j - 1;
  }
  return out;
}

/** The last words of the persons the tags name in two words or more ("Robert Gerard": "Gerard"). */
export function surnamesOfFullNames(tokens: readonly Token[], tags: readonly string[]): Set<string> {
  const surnames = new Set<string>();
  for (const { from, to, type } of bioSpans(tags)) if (type === 'PER' && to - from >= 2) surnames.add((tokens[to - 1] as Token).text);
  return surnames;
}

/** Tags [from, to) outside any span, the rest of a span cut into starting one of its own. */
export function clearSpan(tags: string[], from: number, to: number): void {
  for (let k = from; k < to; k++) tags[k] = 'O';
  const next = to < tags.length ? (tags[to] as string) : 'O';
  if (next.startsWith('I-')) tags[to] = beginTag(next.slice(2));
}

/** Faiths and peoples, as adjectives and nouns ("Sunni clerics", "Tamil rebels", "the Arab world"): MISC as nationalities are (not "Christian", also a first name). */
export const PEOPLES: ReadonlySet<string> = new Set(
  (
    "Arab Arabs Sunni Sunnis Shia Shia's Shiite Shiites Shi'ite Shi'ites Shi'a Muslim Muslims Jewish Jew Jews Hindu Hindus Sikh Sikhs Catholic Catholics " +
    'Protestant Protestants Islamic Islamist Islamists Buddhist Buddhists Kurd Kurds Kurdish Pashtun Pashtuns Tamil Tamils Hutu Hutus Tutsi Tutsis ' +
    'Baloch Uighur Uighurs Uyghur Uyghurs Druze Alawite Alawites Coptic Copts Aboriginal Aborigines Maori Latino Latinos Hispanic Hispanics Basque ' +
    // The faiths themselves and their scriptures ("the teachings of Islam", "a copy of the Koran").
    "Islam Christianity Judaism Hinduism Buddhism Sikhism Catholicism Protestantism Koran Quran Qur'an Torah"
  ).split(' '),
);

/** Kinds of place whose name follows "of" ("the town of Sderot", "the village of Naghar Kalai"); not "capital" ("the capital of Apple Inc") or "state" ("the state of Social Security"). */
const PLACE_KINDS: ReadonlySet<string> = new Set(['village', 'town', 'city', 'province', 'district', 'region', 'island', 'municipality', 'county', 'suburb', 'hamlet', 'prefecture', 'governorate']);
/** The most words of an untagged place's name after such a kind. */
const PLACE_NAME_MAX = 4;

/** Words that open a storm's name ("Hurricane Katrina", "Typhoon Haiyan", "Tropical Storm Allison"). */
const STORMS: ReadonlySet<string> = new Set(['Hurricane', 'Typhoon', 'Cyclone', 'Tropical', 'Storm', 'Superstorm']);

/** Per first word of a name of the gazetteer's short list of organisations ("Associated", "UN"), the lengths in words of its names there, longest first. */
const KNOWN_ORG_LENGTHS: ReadonlyMap<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  for (const name of KNOWN_ORGS.keys()) {
    const words = name.split(' ');
    const lengths = m.get(words[0] as string) ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    m.set(words[0] as string, lengths.sort((x, y) => y - x));
  }
  return m;
})();

/** A speaker's initials in an interview's transcript ("DS", "WN", "JR"). */
const SPEAKER = /^\p{Lu}{2,3}$/u;
/** What stands before a speaker's turn within a line ("... fair trial? WN: ...", "[Laughs] GT: ..."). */
const TURN_BEFORE = new Set(['.', '?', '!', ':', ']', '"', '”', ')']);
/** The fewest turns that make initials a speaker's. */
const SPEAKER_TURNS = 3;

/** Organisations named after the building they sit in, which newswire annotation files by the sense of each mention. */
const SEATS: ReadonlySet<string> = new Set(['White House', 'Pentagon', 'Kremlin', 'Holy See']);
/**
 * Verbs of a report or of business after a listed organisation's one-word name that is also a common word ("Shell said",
 * "Shell reported a profit", "Amnesty warned"): the organisation, whatever the word statistics say of the word.
 */
const ORGANISATION_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'reported', 'reports', 'announced', 'announces', 'confirmed', 'denied', 'told', 'added', 'warned', 'cut', 'raised', 'posted']);

/** A word that opens in lowercase and has a capital inside ("al-Qaeda", "easyJet", "eBay"). */
const LOWER_THEN_CAPITAL = /^\p{Ll}[\p{L}'’-]*\p{Lu}/u;

/** Titles of a minister after the nationality and portfolio ("French Farm Minister", "British Health Secretary"). */
const MINISTER_TITLES: ReadonlySet<string> = new Set(['Minister', 'Secretary', 'Commissioner']);
/** The most words between a nationality and a minister's title ("Russian Fuel and Energy Minister"). */
const PORTFOLIO_MAX = 4;
/** A people's nouns made with "-man" and "-woman", which the demonyms' list lacks ("Dutchman Richard Krajicek"). */
const NATIONALITY_NOUNS: ReadonlySet<string> = new Set(
  (
    'Dutchman Englishman Irishman Scotsman Welshman Frenchman Dutchwoman Englishwoman Irishwoman Scotswoman Welshwoman Frenchwoman ' +
    // Short nouns of nationality that the country lists do not give ("Swede Stefan Edberg", "Scot Colin Montgomerie", "Aussie
    // Greg Norman"), and people of a region, as sports copy names them ("Texan Justin Leonard", "Queenslander Mitchell Rawlins").
    'Swede Scot Pole Turk Finn Brit Aussie Icelander Kurd Catalan Basque Ulsterman Yorkshireman Cornishman Londoner Glaswegian Muscovite ' +
    'Texan Californian Floridian Queenslander Tasmanian Ontarian Quebecer Albertan Bavarian Sicilian Sardinian Corsican Andalusian'
  ).split(' '),
);
export const isNationality = (word: string): boolean => DEMONYMS.has(word) || LATE_DEMONYMS.has(word) || NATIONALITY_NOUNS.has(word);
export const isCountry = (name: string): boolean => PLACES.get(name)?.kind === 'country' || LATE_COUNTRIES.has(name);
/** What stands before "$" in a currency written as wire copy writes dollars other than the plain one ("US$", "U.S.$", "NZ$", "HK$", "A$"). */
const CURRENCY_PREFIX = /^(?:\p{Lu}{1,3}|U\.S\.)$/u;

/** A rank opening a line of results ("1.", "12"). */
const RANK = /^\d{1,3}\.?$/;
/** A time or a figure after a team's name in results ("4:12:35", "1:28.15", "+0:12", "18-10"). */
const TIME_OR_FIGURE = /^[+-]?\d[\d:.,'"-]*$/;
/** The most words of a team's name after a nationality. */
const TEAM_NAME_MAX = 3;

/** Names that end with a weekday. */
const NAMED_FOR_A_DAY: ReadonlySet<string> = new Set([
  'Fox News Sunday', 'Good Friday', 'Black Friday', 'Black Monday', 'Cyber Monday', 'Ash Wednesday', 'Maundy Thursday', 'Holy Saturday', 'Easter Sunday',
  'Easter Monday', 'Palm Sunday', 'Bloody Sunday', 'Super Tuesday', 'Remembrance Sunday', 'Freaky Friday', 'Man Friday', 'Sheffield Wednesday',
]);
/** The US states' postal codes (and DC's). */
const US_STATE_CODES: ReadonlySet<string> = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '),
);
/** Letters written after a person's name and a comma: degrees, silks, honours, a seat, a generation ("Harry Preuss, MD", "Lex Lasry, QC", "Henry E. Brown, Jr."). */
const POST_NOMINALS: ReadonlySet<string> = new Set('MD PhD QC KC SC MP MSP MEP RN OBE MBE CBE KBE DBE Jr. Jr Sr. Sr'.split(' '));

/** What a token is to the passes of wireConventions by its word and its neighbours' alone (bits of tokenMarks). */
const MARK = { title: 1, countryInCapitals: 2, knownOrganisation: 4, afterPlaceKind: 8, storm: 16, codeAfterComma: 32, currencyPrefix: 64, ministerTitle: 128 } as const;

/**
 * Per token, the MARK bits of the passes that can act on it: found once per text, as the passes run on the tags before
 * and after the document pass and would otherwise look every word up in their lists each time.
 */
function tokenMarks(tokens: readonly Token[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  // The neighbours by textAt: a read of tokens[-1] at the first token would make that read a slow, generic one for every token.
  for (let i = 0; i < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    let m = 0;
    // "Mr Xi", "Sen. John McCain".
    if (COURTESY_TITLES.has(w) || RANK_TITLES.has(w)) m |= MARK.title;
    // "the DRC".
    if (startsCapitalized(w) && isCountry(w) && /^\p{Lu}[\p{Lu}.]+$/u.test(w)) m |= MARK.countryInCapitals;
    // "told Associated Press".
    if (KNOWN_ORG_LENGTHS.has(w)) m |= MARK.knownOrganisation;
    // "the town of Mahmoudiya".
    if (i >= 2 && textAt(tokens, i - 1) === 'of' && PLACE_KINDS.has((tokens[i - 2] as Token).text) && startsCapitalized(w)) m |= MARK.afterPlaceKind;
    // "Hurricane Katrina".
    if (STORMS.has(w)) m |= MARK.storm;
    // "Chillicothe, OH", "Lex Lasry, QC".
    if (textAt(tokens, i - 1) === ',' && (US_STATE_CODES.has(w) || POST_NOMINALS.has(w))) m |= MARK.codeAfterComma;
    // "US$6.4 billion".
    if (textAt(tokens, i + 1) === '$' && CURRENCY_PREFIX.test(w)) m |= MARK.currencyPrefix;
    // "French Farm Minister Philippe Vasseur".
    if (MINISTER_TITLES.has(w)) m |= MARK.ministerTitle;
    marks[i] = m;
  }
  return marks;
}

/** Whether any token has the MARK bit `bit`. */
function anyMarked(marks: Uint8Array, bit: number): boolean {
  for (let i = 0; i < marks.length; i++) if ((marks[i] as number) & bit) return true;
  return false;
}

/**
 * The wire conventions' pass on storms, for a text that names one (a token with MARK.storm): a storm's name is MISC, and
 * so is the storm called by its name alone later in the text.
 */
function typeStormNames(tokens: readonly Token[], marks: Uint8Array, out: string[]): void {
  // "Hurricane Katrina", "Cyclone Nargis": a storm's name is no person's (MISC, as newswire annotation files events); nor
  // a place's where the tagger left the storm's word out ("Hurricane [Milton] made landfall").
  for (let i = 0; i < tokens.length; i++) {
    if (!((marks[i] as number) & MARK.storm)) continue;
    let j: number;
    if (out[i] === 'B-PER' && out[i + 1] === 'I-PER') j = spanEnd(out, i);
    else if (out[i] === 'O' && (out[i + 1] ?? 'O').startsWith('B-') && out[i + 1] !== 'B-MISC') j = spanEnd(out, i + 1);
    else continue;
    setSpan(out, i, j, 'MISC');
    i = j - 1;
  }
  // The storm called by its name alone ("Hurricane Rita ... [Rita] packed winds", "the impacts of [Katrina]") is the
  // storm, no person or place, unless the text names a person with that word ("Rita Moreno").
  let names: Set<string> | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!((marks[i] as number) & MARK.storm)) continue;
    let k = i + 1;
    while (k < tokens.length && (marks[k] as number) & MARK.storm) k++;
    const name = tokens[k]?.text ?? '';
    if (/^\p{Lu}\p{Ll}+$/u.test(name) && !startsCapitalized(tokens[k + 1]?.text ?? '')) (names ??= new Set()).add(name);
  }
  if (!names) return;
  for (const { from, to, type } of bioSpans(out)) {
    if (type === 'PER' && to - from >= 2) for (let k = from; k < to; k++) names.delete((tokens[k] as Token).text);
  }
  for (const { from, to, type } of bioSpans(out)) {
    if (to - from !== 1 || (type !== 'PER' && type !== 'LOC') || !names.has((tokens[from] as Token).text) || (from > 0 && (marks[from - 1] as number) & MARK.storm)) continue;
    setSpan(out, from, to, 'MISC');
  }
}

/** Applies the wire conventions above to the tagger's BIO tags of `tokens` (offsets into `text`). */
export function wireConventionTags(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  return wireConventions(text, tokens)(tags);
}

/** Tokens of a place the gazetteer knows (one to three words) that opens the first line before a dash set off by spaces ("Beijing —", "New Delhi –"), or 0. */
function knownPlaceBeforeDash(tokens: readonly Token[], lineEnd: number): number {
  for (let n = 1; n <= 3 && n + 1 < lineEnd; n++) {
    if (!/^[\u2013\u2014]$|^--$/.test((tokens[n] as Token).text) || !setOffBySpaces(tokens, n)) continue;
    const words = tokens.slice(0, n).map((t) => t.text);
    if (words.every((w) => startsCapitalized(w)) && PLACES.has(words.join(' '))) return n;
  }
  return 0;
}

/**
 * The dateline opening `text` at `start`, or null. Where the truecaser has read its capitals in ordinary case, the
 * dateline is read from `original` (the text as written, the same offsets), when a dash ends it ("SALTMERE —"): a word
 * in capitals before a colon opens posts and labels as often ("BREAKING:", "PUTIN: ...").
 */
function openingDateline(text: string, original: string, start: number): Dateline | null {
  const here = parseDateline(text.slice(start, start + 200));
  if (here || original === text) return here;
  const written = parseDateline(original.slice(start, start + 200));
  return written && /[—–-]\s*$/u.test(original.slice(start, start + written.length)) ? written : null;
}

/**
 * The wire conventions of one text, read once from its lines (table lines,
 * datelines), as a function applying them to BIO tags of its tokens: the
 * tagger applies them before and after its document pass. `original` is the
 * text as written when `text` has its lines in capitals read in ordinary case
 * (truecase.ts; the same offsets): the opening dateline is read from it.
 */
export function wireConventions(text: string, tokens: readonly Token[], original: string = text, stats?: WordStats): (tags: readonly string[]) => string[] {
  const written = (from: number, to: number) => text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end);
  const lines = tokenLines(text, tokens);

  const candidates: Array<{ from: number; to: number; names: Array<[number, number]>; fixture: boolean; scorers: Array<[number, number]>; run?: number }> = [];
  // Short rows ("Greens 12"): [line index, from, to, the name's end].
  const shortRows: Array<[number, number, number, number]> = [];
  // Datelines: the place's tokens; `sure` when the line has a date or a credit.
  const datelines: Array<{ from: number; to: number; sure: boolean }> = [];
  // Sides of results told in prose, two by two: [from, to) token ranges.
  const results: Array<[number, number]> = [];
  // Desks' slugs: [from, to) token ranges.
  const slugs: Array<[number, number]> = [];
  // Column headings in capitals ("W L T GF GA PTS"): [from, to) token ranges of their lines.
  const headings: Array<[number, number]> = [];
  // The players' names of each leaderboard line: [from, to) token ranges.
  const leaderboard: Array<Array<[number, number]>> = [];
  // Players on the batting lines of cricket scorecards: [from, to) token ranges.
  const scorecard: Array<[number, number]> = [];
  let scorecardLines = 0;
  for (const [n, [lf, lt]] of lines.entries()) {
    const lineWords = tokens.slice(lf, lt).map((t) => t.text);
    for (const [f, t] of resultSentenceNames(lineWords)) results.push([lf + f, lf + t]);
    // A headline in capitals that opens with the desk's sport ("RUGBY UNION - ..."): no dateline.
    const slug = lineWords.indexOf('-') > 0 || lineWords.indexOf('\u2013') > 0 ? deskSlugIn(original, tokens, lf, lt) : 0;
    if (slug > 0) slugs.push([lf, lf + slug]);
    // (read as written: a line in capitals reaches here in ordinary case)
    if (lt - lf >= COLUMN_HEADINGS_MIN && columnHeadings(original, tokens, lf, lt)) headings.push([lf, lt]);
    const leaders = leaderboardLineNames(lineWords);
    if (leaders) leaderboard.push(leaders.map(([f, t]) => [lf + f, lf + t]));
    const players = scorecardLineNames(lineWords);
    if (players) {
      scorecardLines++;
      for (const [f, t] of players) scorecard.push([lf + f, lf + t]);
    }
    const names = tableLineNames(lineWords);
    if (names) candidates.push({ from: lf, to: lt, names, fixture: FIXTURE_JOIN.has(tokens[lf + (names[0] as [number, number])[1]]?.text ?? ''), scorers: scorerRanges(lineWords) });
    else {
      const a = shortRowNameEnd(lineWords);
      if (a > 0) shortRows.push([n, lf, lt, a]);
    }
    const start = (tokens[lf] as Token).start;
    const dated = DATED_LINE.exec(text.slice(start, (tokens[lt - 1] as Token).end))?.[1];
    const d = dated || lf > 0 || slug > 0 ? undefined : openingDateline(text, original, start);
    const place = dated ?? d?.place;
    if (!place) {
      // A place the gazetteer knows, opening the text before a dash set off by spaces, is a dateline in ordinary case too ("Beijing — Chinese ...").
      const known = lf === 0 ? knownPlaceBeforeDash(tokens, lt) : 0;
      if (known > 0) datelines.push({ from: 0, to: known, sure: true });
      continue;
    }
    let end = lf;
    while (end < lt && (tokens[end] as Token).end <= start + place.length && /\p{L}/u.test((tokens[end] as Token).text)) end++;
    if (end > lf) datelines.push({ from: lf, to: end, sure: !!(dated || d?.date || d?.credit) });
  }

  // Short rows in runs of SHORT_ROWS_MIN lines or more, each naming something else ("Step 1", "Step 2", "Step 3" is no table).
  for (let r = 0; r < shortRows.length; ) {
    let e = r + 1;
    while (e < shortRows.length && (shortRows[e] as [number, number, number, number])[0] === (shortRows[e - 1] as [number, number, number, number])[0] + 1) e++;
    const run = shortRows.slice(r, e);
    const names = new Set(run.map(([, lf, , a]) => written(lf, lf + a)));
    if (run.length >= SHORT_ROWS_MIN && names.size === run.length) {
      for (const [, lf, lt, a] of run) candidates.push({ from: lf, to: lt, names: [[0, a]], fixture: false, scorers: [], run: r });
    }
    r = e;
  }

  // Speakers of an interview's transcript ("DS: Throughout my life ...", "WN: Did Saddam get a fair trial?"): initials in capitals
  // before a colon where a turn starts (a line's start, or after a sentence's end), three times or more.
  const lineStarts = new Set(lines.map(([lf]) => lf));
  const turns = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (tokens[i + 1]?.text !== ':' || !SPEAKER.test(t.text) || !(lineStarts.has(i) || TURN_BEFORE.has(tokens[i - 1]?.text ?? ''))) return;
    turns.set(t.text, [...(turns.get(t.text) ?? []), i]);
  });
  const speakers = [...turns.values()].filter((at) => at.length >= SPEAKER_TURNS).flat();
  const marks = tokenMarks(tokens);
  // A word the word statistics know as always capitalized, or do not know ("Bundesbank", "Interfax"; not "Shell", "Congress").
  const alwaysCapitalized = (w: string): boolean => {
    if (!stats || !startsCapitalized(w)) return false;
    const code = stats.get(w.toLowerCase());
    return code === undefined || codeCap(code) === 'A';
  };
  /**
   * End (exclusive) of the capitalized words from `from` to a time, a figure or the line's end on a line that opens with a
   * rank ("1.", "12"), or `from` when there is none.
   */
  const teamAfterNationality = (from: number): number => {
    const line = lines.find(([lf, lt]) => lf < from && from <= lt) as [number, number];
    if (from >= line[1] || !RANK.test((tokens[line[0]] as Token).text)) return from;
    let end = from;
    while (end < line[1] && end - from < TEAM_NAME_MAX && startsCapitalized((tokens[end] as Token).text)) end++;
    return end > from && (end === line[1] || TIME_OR_FIGURE.test((tokens[end] as Token).text)) ? end : from;
  };

  // Each convention is a function of its own, so that V8 compiles each apart: a case met for the first time in an unseen
  // text (a deoptimization) then recompiles that convention alone. As one function of some 8 KB of bytecode, recompiled
  // whole each time, it was the greater part of what unseen text cost the enricher in CPU (commit 3bc22c0; its figures in `git log -p -- docs/BENCHMARKS.md`).
  const clearSpeakers = (out: string[]): void => {
    // An interview's speakers, by their initials, are no organisations (nor anything else) where they open a turn: nor is a span they open ("DS: You").
    for (const i of speakers) {
      if (!(out[i] as string).startsWith('B-')) continue;
      let j = i + 1;
      while ((out[j] ?? 'O').startsWith('I-')) j++;
      clearSpan(out, i, j);
    }
  };
  const typeTables = (out: string[], tags: readonly string[]): void => {
    // A fixture ("X vs. Y") counts only when the tagger found a name on each side: headings compare things that way too.
    // A run of short rows counts only when the tagger found a name in one of them: a table of names, not of words.
    const namedRuns = new Set(candidates.filter((c) => c.run !== undefined && c.names.some(([f, t]) => tags.slice(c.from + f, c.from + t).some((tag) => tag !== 'O'))).map((c) => c.run));
    const tables = candidates.filter(
      (c) => (!c.fixture || c.names.every(([f, t]) => tags.slice(c.from + f, c.from + t).some((tag) => tag !== 'O'))) && (c.run === undefined || namedRuns.has(c.run)),
    );
    // "Chelsea 1 Coventry 1": one word read as a person on a line of two sides, the other side no person, is a team (a player's
    // name in a table comes in full, or beside figures of his own: "Tiger Woods 64 66 70").
    const loneTeamWord = (line: (typeof candidates)[number], a: number, b: number): boolean =>
      b - a === 1 && line.names.length === 2 && line.names.every(([f, t]) => line.from + f === a || !out.slice(line.from + f, line.from + t).some((tag) => tag.endsWith('-PER')));
    // A line with its scorers ("PSV Eindhoven 3 (Nilis 12) Vitesse Arnhem 1") is a table's alone; others need two such lines.
    for (const line of tables) {
      if (tables.length < 2 && line.scorers.length === 0) continue;
      const keep = new Array<boolean>(line.to - line.from).fill(false);
      // The scorers are players: each name before its minutes a person ("(Litmanen 12, Kluivert 35, 60, van Gastel 88)").
      for (const [f, t] of line.scorers) {
        for (let k = f; k < t; k++) keep[k] = true;
        typeScorers(out, line.from + f, line.from + t);
      }
      for (const [f, t] of line.names) {
        const a = line.from + f;
        const b = line.from + t;
        for (let k = f; k < t; k++) keep[k] = true;
        if (out.slice(a, b).some((tag) => tag.endsWith('-PER')) && !loneTeamWord(line, a, b)) continue;
        setSpan(out, a, b, isCountry(written(a, b)) ? 'LOC' : 'ORG');
      }
      // Scores and figures are never names.
      keep.forEach((k, i) => {
        if (!k) clearSpan(out, line.from + i, line.from + i + 1);
      });
    }
  };
  const typeScorers = (out: string[], from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      let e = k;
      while (e < to && e - k < SCORER_NAME_MAX && (startsCapitalized((tokens[e] as Token).text) || NAME_INNER.has((tokens[e] as Token).text))) e++;
      if (e > k && startsCapitalized((tokens[e - 1] as Token).text) && SCORE.test(tokens[e]?.text ?? '')) setSpan(out, k, e, 'PER');
      k = e;
    }
  };
  const clearColumnHeadings = (out: string[]): void => {
    // A line of column headings right above a table's row names nothing.
    for (const [from, to] of headings) if (candidates.some((c) => c.from === to)) clearSpan(out, from, to);
  };
  const typeLeaderboards = (out: string[], tags: readonly string[]): void => {
    // Two leaderboard lines or more whose names the tagger read mostly as persons: every one is a player ("65 Tiger Woods,
    // Nolan Henke" had "Tiger Woods" an organisation). A list of firms or places after figures stays as it was read.
    if (leaderboard.length < LEADERBOARD_LINES_MIN) return;
    const names = leaderboard.flat();
    const persons = names.filter(([a, b]) => tags.slice(a, b).some((tag) => tag.endsWith('-PER'))).length;
    if (2 * persons <= names.length) return;
    for (const [a, b] of names) setSpan(out, a, b, 'PER');
  };
  const typeScorecards = (out: string[]): void => {
    // Two batting lines or more make a scorecard; every name on them is a player's.
    if (scorecardLines < SCORECARD_LINES_MIN) return;
    for (const [from, to] of scorecard) setSpan(out, from, to, 'PER');
  };
  const clearDeskSlugs = (out: string[]): void => {
    // "ATHLETICS - ...", "NHL ICE HOCKEY - ...": a sport is no name, a league's acronym is an organisation.
    for (const [from, to] of slugs) {
      for (let k = from; k < to; k++) {
        if (isKnownAcronym(original.slice((tokens[k] as Token).start, (tokens[k] as Token).end))) setSpan(out, k, k + 1, 'ORG');
        else clearSpan(out, k, k + 1);
      }
    }
  };
  const typeResults = (out: string[]): void => {
    // A result whose either side the tagger read as a person is a match between persons (or not sport): left alone.
    for (let r = 0; r + 1 < results.length; r += 2) {
      const sides = [results[r], results[r + 1]] as Array<[number, number]>;
      if (sides.some(([a, b]) => out.slice(a, b).some((tag) => tag.endsWith('-PER')))) continue;
      for (const [a, b] of sides) {
        setSpan(out, a, b, isCountry(written(a, b)) ? 'LOC' : 'ORG');
        // The score after a side is no part of a name.
        if (SCORE_PAIR.test(tokens[b]?.text ?? '')) clearSpan(out, b, b + 1);
      }
    }
  };
  const typeDatelines = (out: string[]): void => {
    const placeElsewhere = (from: number, to: number): boolean => {
      const name = written(from, to).toLowerCase();
      return bioSpans(out).some((s) => s.type === 'LOC' && (s.to <= from || s.from >= to) && written(s.from, s.to).toLowerCase() === name);
    };
    // A dateline without a date or a credit ("EXCLUSIVE:", "BEIJING —") only types a name the tagger found.
    // A dateline the tagger read as a person stays one, unless the text names the same words as a place elsewhere
    // ("SALTMERE — ... the railway between Saltmere and Brennock"), or the line has its date and the short list of places
    // knows them ("MANILA 1996-08-22").
    for (const { from, to, sure } of datelines) {
      const span = out.slice(from, to);
      if (span.some((tag) => tag.endsWith('-PER')) && !placeElsewhere(from, to) && !(sure && PLACES.has(written(from, to)))) continue;
      if (sure || span.some((tag) => tag !== 'O')) setSpan(out, from, to, 'LOC');
    }
  };
  const splitMinistersTitles = (out: string[]): void => {
    // "French Farm Minister Philippe Vasseur", "British Health Secretary Stephen Dorrell", "Italian Labour Minister Tiziano Treu": a
    // nationality, a portfolio and a minister's title before a person's name are no organisation (the nationality MISC), and the
    // capitalized words after the title, within a span the tagger ran over them, are the person.
    for (let t = 2; t + 1 < tokens.length; t++) {
      if (!((marks[t] as number) & MARK.ministerTitle)) continue;
      let d = t - 1;
      while (d > 0 && t - d <= PORTFOLIO_MAX && !isNationality((tokens[d] as Token).text) && (startsCapitalized((tokens[d] as Token).text) || (tokens[d] as Token).text === 'and')) d--;
      if (d === t - 1 || !isNationality((tokens[d] as Token).text) || !startsCapitalized((tokens[d + 1] as Token).text)) continue;
      // A nationality of two words ("South Korean", "East Timorese"); a name the tagger began before it ("[Western Australian
      // Energy] Minister") or one of an organisation or a place among the words ("Palestinian Authority Foreign Minister",
      // "the Australian Capital Territory Chief Minister") is left as it is.
      const n = d + 1;
      if (d > 0 && isNationality(written(d - 1, d + 1))) d--;
      if ((out[d] as string).startsWith('I-') || tokens.slice(n, t).some((tok) => ORG_HEAD_WORDS.has(tok.text))) continue;
      if (PLACES.has(written(d, t)) || PLACES.has(written(d, spanEnd(out, d)))) continue;
      if (!out.slice(d, t + 1).some((tag) => tag !== 'O' && tag !== 'B-MISC' && tag !== 'I-MISC')) continue;
      // The person after the title, within a span the tagger ran over it; the rest of such a span after a lower-case word ("Minister of Interior") is no name.
      let end = t + 1;
      while (end < tokens.length && end - t <= TITLED_NAME_MAX && startsCapitalized((tokens[end] as Token).text) && (out[end] as string).startsWith('I-')) end++;
      let rest = end;
      while (rest < tokens.length && (out[rest] as string).startsWith('I-')) rest++;
      clearSpan(out, d, rest);
      setSpan(out, d, n, 'MISC');
      if (end > t + 1) setSpan(out, t + 1, end, 'PER');
      t = rest - 1;
    }
  };
  const splitOrganisationsTitles = (out: string[]): void => {
    // "EU Farm Commissioner Franz Fischler", "OPEC Oil Minister ...": an organisation's acronym, a portfolio and a minister's
    // title before a person's name; the tagger ran the organisation over the portfolio ("[EU Farm] Commissioner"), which is no
    // part of it. Not where the title is the organisation's own ("the U.N. High Commissioner for Refugees").
    for (let t = 2; t + 1 < tokens.length; t++) {
      if (!((marks[t] as number) & MARK.ministerTitle) || !startsCapitalized((tokens[t + 1] as Token).text) || (out[t] as string) !== 'O') continue;
      const d = spanStart(out, t - 1);
      const word = (tokens[d] as Token).text;
      if (out[t - 1] === 'O' || t - d < 2 || t - d > PORTFOLIO_MAX + 1 || out[d] !== 'B-ORG' || !isKnownAcronym(word)) continue;
      clearSpan(out, d + 1, t);
    }
  };
  const typeTitledNames = (out: string[]): void => {
    // "Mr Xi", "Ms Ardern": the name after a courtesy title is a person, the title outside it.
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!((marks[i] as number) & MARK.title)) continue;
      const rank = RANK_TITLES.has((tokens[i] as Token).text);
      if (rank) {
        // "Hun Sen.": a rank's abbreviation right after a person's name ends that name.
        if (i > 0 && (out[i - 1] as string).endsWith('-PER')) continue;
        // "Lt. Col. Erik Kurilla", "Lt Gen Sarath Fonseka", "Lt. Governor Steele": a rank before another title is outside the name too.
        if (isTitleWord(tokens[i + 1]?.text ?? '')) {
          clearSpan(out, i, i + 1);
          if (tokens[i + 1]?.text === 'Gen' || tokens[i + 1]?.text === 'Col') {
            // "Gen" and "Col" are titles only there: they start no name of their own.
            const end = titledNameEnd(tokens, i + 1);
            if (end > 0) {
              clearSpan(out, i + 1, i + 2);
              setSpan(out, i + 2, end, 'PER');
              i = end - 1;
            }
          }
          continue;
        }
      }
      const end = titledNameEnd(tokens, i);
      if (end < 0) continue;
      clearSpan(out, i, i + 1);
      setSpan(out, i + 1, end, 'PER');
      // What is left of a span the name cut into is no name when it has no capital ("told" of "Mr Xi told Mr Putin").
      // Written so that the common case (no such rest) runs each of its operations, the step and the clearing over nothing
      // (setSpan left no I- tag at `end`): a rare step or call the warm-up never ran throws the optimized code away.
      let rest = end - 1;
      do rest++;
      while (rest < tokens.length && (out[rest] as string).startsWith(rest === end ? 'B-' : 'I-') && !startsCapitalized((tokens[rest] as Token).text));
      const after = rest < out.length ? (out[rest] as string) : 'O';
      clearSpan(out, end, !after.startsWith('I-') && rest > end ? rest : end);
      i = end - 1;
    }
  };
  const endNamesBeforeWeekdays = (out: string[]): void => {
    // "took Fallujah Wednesday", "in the House of Commons Tuesday": American wire copy writes the day without "on", and the tagger
    // runs the name on over it; a weekday (and an "On" or "This" before it) ends no person's, place's or organisation's name,
    // but those named for their day ("Fox News Sunday", "Good Friday"). A weekday alone is no name at all ("[Friday] 's findings",
    // "on [Saturday] night", "bankruptcy [Monday]"), as no set's gold tags one.
    for (const { from, to, type } of bioSpans(out)) {
      if (to - from === 1 && WEEKDAYS.has((tokens[from] as Token).text)) {
        out[from] = 'O';
        continue;
      }
      if (type === 'MISC' || to - from < 2 || !WEEKDAYS.has((tokens[to - 1] as Token).text)) continue;
      if (NAMED_FOR_A_DAY.has(written(from, to))) continue;
      let end = to - 1;
      if (end - from >= 2 && /^(?:On|This|on|this)$/.test((tokens[end - 1] as Token).text)) end--;
      for (let k = end; k < to; k++) out[k] = 'O';
    }
  };
  const typeCountriesInCapitals = (out: string[]): void => {
    // "the DRC": a country's name in capitals, alone or a span of its own, is a place.
    for (let i = 0; i < tokens.length; i++) {
      if (!((marks[i] as number) & MARK.countryInCapitals)) continue;
      const alone = out[i] === 'O' ? true : (out[i] as string).startsWith('B-') && !(out[i + 1] ?? 'O').startsWith('I-');
      if (alone) out[i] = 'B-LOC';
    }
  };
  const splitOwners = (out: string[]): void => {
    // "[China's Foreign Ministry]", "[Rabin's Cabinet]": a place the gazetteer knows, or the surname of a person the text names in
    // full, owning the rest of a span is a name of its own, and the rest keeps the span's type; not a first name or a word named
    // after ("Martha's Vineyard", "Denny's Diner", "Alzheimer's Association").
    const surnames = surnamesOfFullNames(tokens, out);
    for (const { from, to, type } of bioSpans(out)) {
      let k = from + 1;
      while (k < to - 1 && !isPossessive((tokens[k] as Token).text)) k++;
      if (k >= to - 1 || !startsCapitalized((tokens[k + 1] as Token).text)) continue;
      const owner = written(from, k);
      const person = k === from + 1 && surnames.has(owner);
      if (!PLACES.has(owner) && !person) continue;
      setSpan(out, from, k, person ? 'PER' : 'LOC');
      out[k] = 'O';
      setSpan(out, k + 1, to, type);
    }
  };
  const typeKnownNames = (out: string[]): void => {
    // The words of the persons of two words or more ("Michael Jordan").
    const personWords = wordsOfFullNames(tokens, out);
    // Each name by what the gazetteer knows of it as written:
    for (let i = 0; i < tokens.length; i++) {
      const tag = out[i] as string;
      if (!tag.startsWith('B-')) continue;
      const j = spanEnd(out, i);
      const w = written(i, j);
      if (PLACES.has(w) || LATE_COUNTRIES.has(w)) {
        // "accusing [Venezuela] of", "[Russia] has withdrawn": a country's name the tagger typed as an organisation or a person is a place,
        // unless the text names a person with that word ("Michael Jordan", then "Jordan said"); one of the countries the tagger's
        // inputs do not list ("[Papua New Guinea]", gazetteer.ts' LATE_COUNTRIES) is one where it typed MISC too.
        const retype = tag === 'B-ORG' || tag === 'B-PER' || (tag === 'B-MISC' && LATE_COUNTRIES.has(w));
        if (retype && isCountry(w) && !tokens.slice(i, j).some((t) => personWords.has(t.text))) setSpan(out, i, j, 'LOC');
      } else if ((DEMONYMS.has(w) || LATE_DEMONYMS.has(w) || PEOPLES.has(w)) && tag !== 'B-MISC') {
        // "Israeli troops", "the Colombian government", "Sri Lankan officials", "the Arab world", "Tamil rebels": a nationality, a faith or a people is MISC.
        setSpan(out, i, j, 'MISC');
      } else if (tag !== 'B-ORG' && KNOWN_ORGS.has(w) && !SEATS.has(KNOWN_ORGS.get(w) as string) && !(tag === 'B-PER' && PERSON_TITLES.has(tokens[i - 1]?.text ?? ''))) {
        // "a five member [UN] commission", "told the [AP]", "[Greenpeace] said": a name the gazetteer's short list knows as an organisation's
        // is one, whatever the tagger typed it; a person after a title stays one ("Mayor Bloomberg"), and a building named for what sits
        // there keeps the tagger's reading ("left the White House").
        setSpan(out, i, j, 'ORG');
      }
      i = j - 1;
    }
  };
  const typeKnownOrganisations = (out: string[]): void => {
    // "told Associated Press", "a UN reform plan", "Human Rights Watch said", "the Bundesbank left": such a name the tagger left
    // untagged, in capitals or of capitalized words (one word only when the word statistics know it always capitalized, or not at
    // all, or when it opens in lowercase with a capital inside: "al-Qaeda", "easyJet"), standing alone (no capitalized word on
    // either side but a title after it; not "AU$", a currency), is one too; so is one of several words whose first the tagger
    // left out of an organisation it read inside ("Reserve [Bank of India]").
    for (let i = 0; i < tokens.length; i++) {
      const lengths = out[i] === 'O' && (marks[i] as number) & MARK.knownOrganisation ? KNOWN_ORG_LENGTHS.get((tokens[i] as Token).text) : undefined;
      // A sentence's "The" before it counts as a lowercase word ("The Associated Press declared").
      if (!lengths || (startsCapitalized(tokens[i - 1]?.text ?? '') && tokens[i - 1]?.text !== 'The')) continue;
      for (const n of lengths) {
        const j = i + n;
        const after = j < tokens.length ? (tokens[j] as Token).text : '';
        // A title after it is its office's ("NASA Administrator Jim Bridenstine"), no further word of its name.
        if (j > tokens.length || (startsCapitalized(after) && !PERSON_TITLES.has(after)) || after === '$') continue;
        const w = written(i, j);
        // One word: in capitals, always capitalized, or the short name of an organisation the text names in full ("the
        // Federal Reserve ... The Fed's committee").
        const full = KNOWN_ORGS.get(w);
        const shortName = n === 1 && full !== undefined && full !== w && text.includes(full);
        // One capitalized word that is also a common one ("Shell", "Fed"): the organisation before a verb of a report or of
        // business ("Shell said", "Amnesty warned"), or a short name after "the" ("the Fed left rates unchanged"); not
        // "Shell casings were found"; with word statistics only, as above.
        const inNews = stats !== undefined && n === 1 && full !== undefined && startsCapitalized(w) && (ORGANISATION_VERBS.has(after) || (full !== w && /^the$/i.test(tokens[i - 1]?.text ?? '')));
        // Several words: capitalized, but for the small words inside ("Reserve Bank of India", "Standard & Poor's").
        const capitalized = (t: Token, k: number) => startsCapitalized(t.text) || (k > 0 && k < n - 1 && NAME_INNER.has(t.text));
        // One word that opens in lowercase with a capital inside ("al-Qaeda", "easyJet"): written so, it is no common word; not
        // before "in" and a capitalized word, the start of a longer name the list does not hold ("al-Qaeda in Iraq").
        const innerCapital = n === 1 && LOWER_THEN_CAPITAL.test(w) && !(after === 'in' && startsCapitalized(tokens[j + 1]?.text ?? ''));
        const shape = n === 1 ? /^\p{Lu}[\p{Lu}.]+$/u.test((tokens[i] as Token).text) || alwaysCapitalized((tokens[i] as Token).text) || shortName || inNews || innerCapital : tokens.slice(i, j).every(capitalized);
        // Its words untagged, or holding an organisation the tagger read inside it ("Reserve [Bank of India]"), whole.
        const inside = n > 1 && out[i] === 'O' && !(j < out.length && (out[j] as string).startsWith('I-')) && out.slice(i, j).every((t) => t === 'O' || t.endsWith('-ORG'));
        if (!shape || (out.slice(i, j).some((t) => t !== 'O') && !inside)) continue;
        if (!KNOWN_ORGS.has(w) || PLACES.has(w) || SEATS.has(KNOWN_ORGS.get(w) as string)) continue;
        setSpan(out, i, j, 'ORG');
        i = j - 1;
        break;
      }
    }
  };
  const typePlacesAfterKinds = (out: string[]): void => {
    // "the town of [Mahmoudiya]", "the village of [Naghar Kalai]": the name after a kind of place and "of" is a place, whatever the
    // tagger typed it (not one followed by "'s": "the province of Sumaidaie's ancestral village"); untagged capitalized words there too.
    for (let i = 2; i < tokens.length; i++) {
      if (!((marks[i] as number) & MARK.afterPlaceKind)) continue;
      const tag = out[i] as string;
      let j = i + 1;
      if (tag === 'O') {
        while (j < tokens.length && j - i < PLACE_NAME_MAX && out[j] === 'O' && startsCapitalized((tokens[j] as Token).text)) j++;
        if (NON_ENTITY_WORDS.has((tokens[i] as Token).text)) continue;
      } else {
        if (!tag.startsWith('B-') || tag === 'B-LOC') continue;
        j = spanEnd(out, i);
      }
      if (isPossessive(tokens[j]?.text ?? '')) continue;
      setSpan(out, i, j, 'LOC');
      i = j - 1;
    }
  };
  const typeStorms = (out: string[]): void => {
    // Most texts name no storm: then there is nothing to do, and the first storm of unseen text recompiles typeStormNames
    // alone, not a loop the warm-up of every other text made hot.
    if (anyMarked(marks, MARK.storm)) typeStormNames(tokens, marks, out);
  };
  const splitNationalities = (out: string[]): void => {
    // "Spaniard Carlos Moya", "Dutchman Richard Krajicek": a nationality the tagger ran into the person's name after it is MISC, no
    // part of the name; only before two words or more ("Dane Cook", "German Gref" keep a given name that is a nationality's word).
    for (const { from, to, type } of bioSpans(out)) {
      if (type === 'PER' && to - from >= 3 && isNationality((tokens[from] as Token).text)) setSpan(out, from, from + 1, 'MISC');
    }
  };
  const typeBracketedCountries = (out: string[]): void => {
    // "Pete Sampras (U.S.)": the last token of a person, "(", a country, ")".
    for (let i = 0; i + 3 < tokens.length; i++) {
      if (tokens[i + 1]?.text !== '(' || !(out[i] as string).endsWith('-PER')) continue;
      let close = i + 3;
      while (close < tokens.length && close <= i + 6 && (tokens[close] as Token).text !== ')') close++;
      if (close >= tokens.length || close > i + 6 || !isCountry(written(i + 2, close))) continue;
      setSpan(out, i + 2, close, 'LOC');
      // "1. Jeroen Blijlevens (Netherlands) TVM 4:12:35", "2. Endrio Leoni (Italy) Aki": on a ranked line of results, the name after
      // the rider's or driver's country, before a time or the line's end, is the team.
      const team = teamAfterNationality(close + 1);
      if (team > close + 1) setSpan(out, close + 1, team, 'ORG');
    }
  };
  const typeCodesAfterCommas = (out: string[]): void => {
    // "Chillicothe, OH", "Linwood, PA": a US state's postal code after a place and a comma is a place; "Harry Preuss, MD", "Brian
    // Walters, SC", "Lex Lasry, QC": a post-nominal after a person and a comma is no name.
    for (let i = 2; i < tokens.length; i++) {
      if (!((marks[i] as number) & MARK.codeAfterComma)) continue;
      const w = (tokens[i] as Token).text;
      if (!(out[i] === 'O' || ((out[i] as string).startsWith('B-') && !(out[i + 1] ?? 'O').startsWith('I-')))) continue;
      const before = out[i - 2] as string;
      if (before.endsWith('-LOC') && US_STATE_CODES.has(w) && out[i] !== 'B-LOC') out[i] = 'B-LOC';
      else if (before.endsWith('-PER') && POST_NOMINALS.has(w)) out[i] = 'O';
    }
  };
  const clearCurrencyCodes = (out: string[]): void => {
    // "US$6.4 billion", "NZ$ 20": a country's code before a currency sign names the currency, no place.
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!((marks[i] as number) & MARK.currencyPrefix)) continue;
      if ((out[i] as string).startsWith('B-') && !(out[i + 1] as string).startsWith('I-')) out[i] = 'O';
    }
  };
  const conventions: ReadonlyArray<(out: string[], tags: readonly string[]) => void> = [
    clearSpeakers,
    typeTables,
    clearColumnHeadings,
    typeLeaderboards,
    typeScorecards,
    clearDeskSlugs,
    typeResults,
    typeDatelines,
    splitMinistersTitles,
    splitOrganisationsTitles,
    typeTitledNames,
    endNamesBeforeWeekdays,
    typeCountriesInCapitals,
    splitOwners,
    typeKnownNames,
    typeKnownOrganisations,
    typePlacesAfterKinds,
    typeStorms,
    splitNationalities,
    typeBracketedCountries,
    typeCodesAfterCommas,
    clearCurrencyCodes,
  ];

  return (tags) => {
    const out = [...tags];
    // Called through the list, so that none is inlined into this function (and recompiled with it).
    for (const convention of conventions) convention(out, tags);
    return out;
  };
}
