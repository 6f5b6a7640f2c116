/**
 * Teams in match reports. Newswire names a club by its town ("Barnsley",
 * "Portsmouth", "Lancashire") and annotation files it as an organisation
 * there, where the tagger, which learnt those words from text about places,
 * reads a place or a person. In a match report, a name the report gives a
 * team's part is the team:
 *
 * - before a player's or a manager's role and that person's name
 *   ("Barnsley manager Danny Wilson", "Kent captain Mark Benson"; one word
 *   left untagged or read as MISC too: "Parma coach Carlo Ancelotti");
 * - after a result and "over", "against", "by" or "to" ("a 2-1 win over
 *   Portsmouth", "their defeat by Bolton", "a draw with Ajax");
 * - after a team's standing ("two points behind leaders Bolton", "champions
 *   Bayern", "hosts Leeds");
 * - as the town that opens a team's name the report gives beside a result
 *   ("the Cleveland Indians beat ... Cleveland has won six straight");
 * - and, in any text, as the first word of a club it names in full
 *   ("Northgate Athletic ... Northgate had led", clubsByTheirFirstWord).
 *
 * Each such name is then the team wherever the text names it alone in the
 * same words, but after a preposition of place ("fans in Portsmouth"). A
 * country's name stays a place (a national side, as newswire annotation files
 * it), and names the tagger already read as organisations are left as they are.
 *
 * A text is a match report when it has a word only sport uses
 * ("midfielder", "innings", "touchdown"), or a score beside a result's word
 * ("won 2-1", "beat Chelsea 3-0", "a 2-1 win").
 *
 * Pure: tags in, tags out (the same length), tokens as nerTokenize gives them.
 */
import { CLUB_HEADS, PLACES } from './gazetteer.js';
import { nameText } from './kind-nouns.js';
import { codeCap, type WordStats, writtenLowercase } from './ner-features.js';
import { isPossessive, lineBreakAfter, onOneLine, tokenLines } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { bioSpans, clearSpan, deskSlugLength, isCountry, isNationality, SCORE_PAIR, setSpan, spanEnd, spanStart } from './wire-conventions.js';

/** Words before a place's name where it is a place ("fans in Newcastle", "the road to Bolton"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set('in In at At from From to To near Near around across outside inside into through of'.split(' '));

/** Words only sport uses, written in lower case: one makes a match report (not "striker", "equalizer" or "kickoff", which hunger strikes, economies and campaigns have too). */
const SPORT_WORDS: ReadonlySet<string> = new Set(
  (
    'midfielder midfielders goalkeeper goalkeepers goalscorer goalscorers equaliser half-time halftime hat-trick stoppage-time ' +
    'innings wicket wickets batsman batsmen wicketkeeper touchdown touchdowns quarterback quarterbacks linebacker shortstop inning homer homers ' +
    'birdie birdies bogey bogeys flanker flankers fly-half scrum-half lineout all-rounder paceman goaltender netminder defenceman defenseman ' +
    'outfielder infielder'
  ).split(' '),
);
/** Words of a result next to its score ("beat Chelsea 2-1", "won 3-0", "a 2-1 win"): a score beside one makes a match report. */
const RESULT_WORDS: ReadonlySet<string> = new Set('beat beats won win wins defeated defeat drew draw lost victory'.split(' '));
/** How far back from a score its result's word may stand. */
const RESULT_REACH = 5;
/** Roles in a team, between the team's name and its holder's ("Barnsley manager Danny Wilson"). */
const TEAM_ROLES: ReadonlySet<string> = new Set(
  (
    'manager coach boss captain skipper striker midfielder defender goalkeeper keeper winger forward full-back centre-back center-back playmaker ' +
    'sweeper centre-forward flanker hooker prop lock fly-half scrum-half batsman bowler opener wicketkeeper spinner all-rounder paceman seamer ' +
    'leg-spinner off-spinner quarterback pitcher catcher outfielder infielder slugger linebacker cornerback receiver shortstop goaltender ' +
    'netminder defenceman defenseman'
  ).split(' '),
);
/** Results and matches before "over", "against", "by", "to" or "with" and the other side ("a 2-1 win over Portsmouth", "drew with Ajax", "their match against Kent"). */
const RESULTS: ReadonlySet<string> = new Set('win wins won victory victories defeat defeats loss losses lost draw drew triumph match game clash'.split(' '));
/** Verbs of a result with the beaten side as their object ("Leicestershire beat Somerset by an innings"). */
const BEATEN: ReadonlySet<string> = new Set('beat beats defeated thrashed routed crushed edged downed overcame trounced hammered stunned outclassed'.split(' '));
/** Verbs of a fixture with the other side as their object ("Liverpool face Leeds on Monday", "Arsenal host Newcastle"). */
const FIXTURE_VERBS: ReadonlySet<string> = new Set('face faces host hosts visit visits meet meets'.split(' '));
const RESULT_SIDES: ReadonlySet<string> = new Set(['over', 'against', 'by', 'to', 'with']);
/** A team's standing before its name ("behind leaders Bolton", "champions Bayern", "hosts Leeds"). */
const STANDINGS: ReadonlySet<string> = new Set('leaders champions holders hosts visitors rivals'.split(' '));
/** The most words of a team's name read this way. */
const TEAM_MAX = 3;

/**
 * A match report, by its words: one only sport uses (SPORT_WORDS), or a score
 * with a result's word before it (RESULT_REACH words back: "beat the Baltimore
 * Orioles 5-3") or right after it.
 * Not a vote ("the Senate voted 52-48"), a ruling ("ruled 5-4") or a range of
 * days ("June 9-10").
 */
export function isMatchReport(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    if (SPORT_WORDS.has(w)) return true;
    // A score opens with a digit: the pattern runs on those words only.
    const c = w.charCodeAt(0);
    if (c < 48 || c > 57 || !SCORE_PAIR.test(w)) continue;
    if (RESULT_WORDS.has(tokens[i + 1]?.text ?? '')) return true;
    for (let k = i - 1; k >= 0 && k >= i - RESULT_REACH; k--) if (RESULT_WORDS.has((tokens[k] as Token).text)) return true;
  }
  return false;
}

/** A text about sport: a match report (isMatchReport), or one whose first line opens with a sports desk's slug ("SOCCER - DUTCH LEADING GOALSCORERS"). */
export function isSportText(tokens: readonly Token[]): boolean {
  let sport = SPORT_TEXTS.get(tokens);
  if (sport === undefined) {
    sport = deskSlugLength(tokens.slice(0, 5).map((t) => t.text)) > 0 || isMatchReport(tokens);
    SPORT_TEXTS.set(tokens, sport);
  }
  return sport;
}

/** isSportText's answer for each text's tokens: three passes of one text ask it, and the answer reads every token. */
const SPORT_TEXTS = new WeakMap<readonly Token[], boolean>();

/** Tags where the teams of a match report (above) are organisations. */
export function teamsInMatchReports(text: string, tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  // A match report, or any story under a sports desk's slug ("SOCCER - SHEARER SIGNS FOR NEWCASTLE").
  if (!isSportText(tokens)) return tags as string[];
  // Tokens i and i + 1 on one line (a cue does not reach over a line's end: "… for IT leaders\n\nAI road trip").
  const sameLine = (i: number) => i >= 0 && i + 1 < tokens.length && !lineBreakAfter(text, tokens, i);
  // A place or a person of up to TEAM_MAX words (a person of one), no country: what may be a team read as another thing.
  const retypable = (from: number, to: number, type: string) =>
    to - from <= TEAM_MAX && (type === 'LOC' || (type === 'PER' && to - from === 1)) && !isCountry(nameText(tokens, from, to));
  const spans = bioSpans(tags);
  const teams = new Set<string>();
  const cued: number[] = [];
  // The two sides of "X beat [the] Y", neither read as a person (a match between players).
  const beaten = new Set<number>();
  for (let s = 0; s + 1 < spans.length; s++) {
    const [x, y] = [spans[s], spans[s + 1]] as [(typeof spans)[number], (typeof spans)[number]];
    // The side may be told by "who" after its name and a comma ("Newcastle, who beat Wimbledon").
    const verb = tokens[x.to]?.text === ',' && tokens[x.to + 1]?.text === 'who' ? x.to + 2 : x.to;
    const v = tokens[verb]?.text ?? '';
    if ((!BEATEN.has(v) && !FIXTURE_VERBS.has(v)) || !sameLine(x.to - 1) || !sameLine(verb - 1) || !sameLine(verb)) continue;
    if (y.from !== verb + 1 && !(y.from === verb + 2 && tokens[verb + 1]?.text === 'the')) continue;
    if (x.type !== 'PER' && y.type !== 'PER') beaten.add(s).add(s + 1);
  }
  // A side the tagger already read as an organisation is the team wherever else the report names it as a place
  // ("NEWCASTLE GO TOP" in the headline of "Newcastle beat Manchester United").
  for (const s of beaten) {
    const { from, to, type } = spans[s] as (typeof spans)[number];
    if (type === 'ORG' && to - from <= TEAM_MAX) teams.add(nameText(tokens, from, to));
  }
  for (const [s, { from, to, type }] of spans.entries()) {
    if (!retypable(from, to, type)) continue;
    const before = sameLine(from - 1) ? (tokens[from - 1] as Token).text.toLowerCase() : '';
    const after = sameLine(to - 1) && sameLine(to) ? (tokens[to] as Token).text.toLowerCase() : '';
    const role = TEAM_ROLES.has(after) && tags[to + 1] === 'B-PER';
    // A place after a result (resultBefore), or after a player's goal or appearance for a club ("scored twice for Barcelona",
    // "his first goal for Leeds", "signed for Ajax"), is the team there too, where "to" is no preposition of place ("lost 3-1
    // to Leeds"). A lone word read as a person only after a result's word and its score: "lost to Sampras", "was beaten by
    // Enqvist" name players.
    const place = type === 'LOC';
    const r = SCORE_PAIR.test(tokens[from - 2]?.text ?? '') ? from - 3 : from - 2;
    const result = RESULT_SIDES.has(before) && (place ? resultBefore(tokens, from - 2, sameLine) : sameLine(r) && sameLine(from - 2) && RESULTS.has(tokens[r]?.text.toLowerCase() ?? ''));
    const playedFor = place && before === 'for' && playedBefore(tokens, from - 2, sameLine);
    // A club that a player joins, and the one he leaves ("joined [Newcastle] from [Blackburn]"); a club that sacks, appoints,
    // signs or sells ("[Barcelona] sacked coach Johan Cruyff").
    const prev = spans[s - 1];
    const joined = place && (JOINED.has(before) || (before === 'from' && prev !== undefined && prev.to === from - 1 && JOINED.has(tokens[prev.from - 1]?.text ?? '') && sameLine(prev.from - 1)));
    const clubVerb = place && CLUB_VERBS.has(after);
    // "Barcelona's Ronaldo", "Newcastle chairman Sir John Hall": a town's player or club official.
    const player = place && isPossessive(tokens[to]?.text ?? '') && tags[to + 1] === 'B-PER' && sameLine(to);
    const official = place && CLUB_OFFICIALS.has(after) && tags[to + 1] === 'B-PER';
    if (role || result || playedFor || joined || clubVerb || player || official || beaten.has(s) || STANDINGS.has(before)) teams.add(nameText(tokens, from, to));
    if (place && (result || playedFor || joined)) cued.push(s);
    // "title rivals Essex, Derbyshire and Surrey": the names listed after a standing.
    if (STANDINGS.has(before)) {
      for (let n = s + 1; n < spans.length; n++) {
        const prev = spans[n - 1] as (typeof spans)[number];
        const next = spans[n] as (typeof spans)[number];
        const joint = tokens[prev.to]?.text;
        if (next.from !== prev.to + 1 || (joint !== ',' && joint !== 'and') || !retypable(next.from, next.to, next.type)) break;
        teams.add(nameText(tokens, next.from, next.to));
        if (joint === 'and') break;
      }
    }
  }
  // A team named by its town and its name beside a result ("the Cleveland Indians beat the Baltimore Orioles ... Cleveland has won
  // six straight"): the town where the report names it alone as a place.
  const towns = new Set<string>();
  for (const { from, to, type } of spans) {
    if (type !== 'ORG' || to - from < 2) continue;
    const before = tokens[from - 1]?.text === 'the' ? from - 2 : from - 1;
    if (!RESULT_WORDS.has(tokens[to]?.text ?? '') && !RESULT_WORDS.has(tokens[before]?.text ?? '')) continue;
    for (let n = 1; n <= 2 && n < to - from; n++) towns.add(nameText(tokens, from, from + n));
  }
  // One capitalized word the tagger left untagged or read as MISC before a team's role and that person's name ("Parma
  // coach Carlo Ancelotti"): the team, where news does not write the word in lowercase ("The coach ..." names none) and it is
  // no country or nationality ("English midfielder Paul Ince").
  const untagged: number[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const w = (tokens[i] as Token).text;
    const alone = tags[i] === 'O' || (tags[i] === 'B-MISC' && tags[i + 1] === 'O');
    if (!alone || !TEAM_ROLES.has((tokens[i + 1] as Token).text) || tags[i + 2] !== 'B-PER' || !sameLine(i) || !startsCapitalized(w)) continue;
    // (a word news writes in lowercase counts only mid-sentence, where its capital is the name's: "recalled Bath flanker Andy Robinson")
    const prev = tokens[i - 1]?.text ?? '';
    if (startsCapitalized(prev) || isCountry(w) || isNationality(w) || (!/^[\p{Ll}\d,]/u.test(prev) && lowercaseWord(w, stats) && !nicknamePlural(w, stats))) continue;
    untagged.push(i);
    teams.add(w);
  }
  const out = teamsWhereAlone(tokens, tags, spans, ({ from, to, type }) => {
    if (!retypable(from, to, type)) return false;
    const name = nameText(tokens, from, to);
    return teams.has(name) || (type === 'LOC' && towns.has(name));
  });
  for (const i of untagged) setSpan(out, i, i + 1, 'ORG');
  for (const s of cued) setSpan(out, (spans[s] as (typeof spans)[number]).from, (spans[s] as (typeof spans)[number]).to, 'ORG');
  return out;
}

/**
 * Whether a result's word ends at tokens[at], before the other side's "over", "against", "by", "to" or "with": the word
 * may have its score after it, and where it was played ("drew 0-0 with Coventry", "lost 3-1 at home to Leeds", "won away
 * to Lens"); "beaten" and, with a score only, "held" count too ("were beaten by Bolton", "were held 1-1 by Valencia").
 */
function resultBefore(tokens: readonly Token[], at: number, sameLine: (i: number) => boolean): boolean {
  let r = at;
  if (tokens[r]?.text === 'away') r--;
  else if (tokens[r]?.text === 'home' && tokens[r - 1]?.text === 'at') r -= 2;
  const scored = SCORE_PAIR.test(tokens[r]?.text ?? '');
  if (scored) r--;
  for (let k = r; k <= at; k++) if (!sameLine(k)) return false;
  const w = tokens[r]?.text.toLowerCase() ?? '';
  return RESULTS.has(w) || w === 'beaten' || (scored && w === 'held');
}

/** Words of a player's goal or appearance before "for" and the club ("scored for", "a goal for", "signed for", "his debut for"). */
const PLAYED: ReadonlySet<string> = new Set('scored scores score goal goals signed signs played plays playing debut appearance appearances'.split(' '));
/** A club's officials between its name and theirs, in a story of sport only ("Barcelona president Josep Lluis Nunez"). */
const CLUB_OFFICIALS: ReadonlySet<string> = new Set(['chairman', 'president', 'owner', 'director']);
/** A player's move to a club, before its name ("joined Newcastle"). */
const JOINED: ReadonlySet<string> = new Set(['joined', 'joins', 'join', 'rejoined']);
/** What a club does to its coach or players, after its name ("Barcelona sacked coach Johan Cruyff", "Newcastle signed ..."). */
const CLUB_VERBS: ReadonlySet<string> = new Set(['sacked', 'sacks', 'fired', 'appointed', 'appoints', 'signed', 'signs', 'sold', 'sells', 'bought', 'buys', 'released']);
/** How far back from "for" PLAYED's word may stand ("scored twice for", "his first goal for"; not over a capitalized word). */
const PLAYED_REACH = 2;

/** Whether a word of PLAYED stands at or up to PLAYED_REACH − 1 lowercase words before tokens[at] on its line. */
function playedBefore(tokens: readonly Token[], at: number, sameLine: (i: number) => boolean): boolean {
  for (let k = at; k > at - PLAYED_REACH && k >= 0 && sameLine(k); k--) {
    const w = (tokens[k] as Token).text;
    if (PLAYED.has(w)) return true;
    if (!/^\p{Ll}+$/u.test(w)) return false;
  }
  return false;
}

/** Whether news writes the word in lowercase, by the word statistics ("The", "His"); without them, whether it is a common opener. */
const lowercaseWord = (w: string, stats: WordStats | undefined): boolean => (stats ? writtenLowercase(w, stats) : SENTENCE_OPENERS.has(w));
/**
 * A plural a team takes as its name ("Rangers", "Hearts", "Raiders"), which opens a sentence before a role and a
 * person ("Rangers midfielder Paul Gascoigne") though news writes the word in lowercase too: ending in "s" (not "ss",
 * "us", "is") and sometimes capitalized mid-sentence (not "Perhaps", "Sometimes", "Always", which never are).
 */
function nicknamePlural(w: string, stats: WordStats | undefined): boolean {
  if (!stats || !/^\p{Lu}\p{Ll}+[^siu]s$/u.test(w)) return false;
  const code = stats.get(w.toLowerCase());
  return code !== undefined && code !== 0 && codeCap(code) !== 'N';
}
/** Words that open sentences before a role ("The coach", "Their captain"), for want of word statistics. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set('The A An His Her Their Its Our Your My This That Former Veteran New Interim Caretaker'.split(' '));

/**
 * Tags where a lone word typed as a person or a place is a club the text names
 * in full as an organisation of two words ending in a club's head (CLUB_HEADS):
 * a match report calls "Riverside United" and "Northgate Athletic" by their
 * first word ("Northgate had led", "Riverside levelled"). Not where a
 * preposition of place comes before the word ("supporters in Riverside").
 */
export function clubsByTheirFirstWord(tokens: readonly Token[], tags: readonly string[]): string[] {
  const clubs = new Set<string>();
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] === 'B-ORG' && tags[i + 1] === 'I-ORG' && (i + 2 === tags.length || tags[i + 2] !== 'I-ORG') && CLUB_HEADS.has((tokens[i + 1] as Token).text)) clubs.add((tokens[i] as Token).text);
  }
  if (clubs.size === 0) return tags as string[];
  return teamsWhereAlone(tokens, tags, bioSpans(tags), ({ from, to, type }) => to - from === 1 && (type === 'PER' || type === 'LOC') && clubs.has((tokens[from] as Token).text));
}

/** Tags where each of `spans` (the spans of `tags`) that `isTeam` accepts is an organisation, but after a preposition of place ("fans in Portsmouth"). */
function teamsWhereAlone(tokens: readonly Token[], tags: readonly string[], spans: ReadonlyArray<{ from: number; to: number; type: string }>, isTeam: (span: { from: number; to: number; type: string }) => boolean): string[] {
  const out = [...tags];
  for (const span of spans) if (!PLACE_PREPOSITIONS.has(tokens[span.from - 1]?.text ?? '') && isTeam(span)) setSpan(out, span.from, span.to, 'ORG');
  return out;
}

/** Words of cricket: one makes a text whose sides' totals name teams (sidesByTheirTotals). */
const CRICKET_WORDS: ReadonlySet<string> = new Set('cricket Cricket CRICKET innings wicket wickets batsman batsmen wicketkeeper'.split(' '));
/** A side's total in cricket: runs, and the wickets down when not all out ("225", "401-8"). */
const TOTAL = /^\d{1,3}(?:-(?:\d|10))?$/;
/** Marks a side's name follows on a results line ("At Leicester: Leicestershire 401-8", "... 100-3. Glamorgan 318"). */
const SIDE_OPENERS: ReadonlySet<string> = new Set([':', '.', ';']);
/** The most words of a side's name read this way ("Leicestershire", "Northern Transvaal", "Sri Lanka A"). */
const SIDE_MAX = 3;

/**
 * Tags where a side named before its total on a cricket results line is the
 * team ("At Leicester: Leicestershire 401-8 declared. Derbyshire 120-4.",
 * "Durham 225 and 100-3. Glamorgan 318 (S. James 89)."), wherever else the text
 * names it alone, but after a preposition of place. Newswire annotation files
 * a county or a provincial side as an organisation, where the tagger reads a
 * place, a person, or nothing. The name (one to three capitalized words) opens
 * a line or follows ":", "." or ";" (a batsman's score stands in brackets or
 * after a dismissal); the total ends its sentence, or is followed by "and" and
 * the second innings' total, by "declared", by "all out", or by the batsmen's
 * scores in brackets. A name of two words or more read as a person, or one
 * word before a bare number that is neither followed by the second innings
 * nor declared nor written with its wickets, stays as it is (a player's
 * runs). A country's name stays a place (a national side), and a total is no
 * part of a name ("Glamorgan 318" had been one place). Only in a text with a
 * word of cricket (CRICKET_WORDS).
 */
export function sidesByTheirTotals(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!tokens.some((t) => CRICKET_WORDS.has(t.text))) return tags as string[];
  const out = [...tags];
  const sides = new Set<string>();
  const word = (k: number): string => tokens[k]?.text ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const total = word(i);
    const c = total.charCodeAt(0);
    if (c < 48 || c > 57 || !TOTAL.test(total) || lineBreakAfter(text, tokens, i - 1)) continue;
    // What follows the total.
    const next = lineBreakAfter(text, tokens, i) ? '' : word(i + 1);
    const secondInnings = next === 'and' && TOTAL.test(word(i + 2));
    const strong = secondInnings || next === 'declared' || (next === 'all' && word(i + 2) === 'out') || total.includes('-');
    if (!(strong || next === '' || next === '.' || next === ';' || next === '(')) continue;
    // The side's name before it: a span the tagger found (the total may be inside it), or untagged capitalized words.
    const prev = out[i - 1] as string;
    let from: number;
    let type = 'O';
    if (prev === 'O') {
      from = i;
      while (from > 0 && i - from < SIDE_MAX && out[from - 1] === 'O' && startsCapitalized(word(from - 1)) && !lineBreakAfter(text, tokens, from - 1)) from--;
      if (from === i) continue;
    } else {
      from = spanStart(out, i - 1);
      type = prev.slice(2);
    }
    if (i - from > SIDE_MAX || type === 'MISC' || (type === 'PER' && i - from > 1) || ((type === 'PER' || type === 'O') && !strong)) continue;
    if (from > 0 && !lineBreakAfter(text, tokens, from - 1) && !SIDE_OPENERS.has(word(from - 1))) continue;
    const name = nameText(tokens, from, i);
    if (isCountry(name) || isNationality(name) || !tokens.slice(from, i).every((t) => startsCapitalized(t.text))) continue;
    if ((out[i] as string).startsWith('I-')) clearSpan(out, i, spanEnd(out, spanStart(out, i)));
    setSpan(out, from, i, 'ORG');
    sides.add(name);
  }
  if (sides.size === 0) return out;
  return teamsWhereAlone(tokens, out, bioSpans(out), ({ from, to, type }) => (type === 'LOC' || type === 'PER') && to - from <= SIDE_MAX && sides.has(nameText(tokens, from, to)));
}

/** A side's score on a result line: a whole number of up to three digits ("2", "110"; not a year, "Euro 2004"). */
const SIDE_SCORE = /^\d{1,3}$/;

/** Marks a result's first side follows on a line of results ("Results: Leeds 2 Everton 1, Arsenal 3 Chelsea 0."). */
const RESULT_OPENERS: ReadonlySet<string> = new Set([':', ';', ',', '.']);

/**
 * Tags with a result's second score taken off the name the tagger read it into: on one line, a side's name and its
 * score, then the other side's name and its score, the number after that name is its score whatever follows it
 * ("Sheffield Wednesday 1 [Leeds 2]." -> "[Leeds] 2", "Results: Leeds 2 [Sheffield Wednesday 1], ..."). The tagger
 * takes the number into a name before a full stop, where a name such as "Channel 4" or "Apollo 11" may end; a number
 * that follows the name stays its score and the name stays whole ("VfB Stuttgart 4 [Schalke 04] 0"). The first side is
 * a name of a person, place or organisation (not MISC) that opens the line or follows a list's mark (RESULT_OPENERS),
 * as results are written: names with their numbers inside a sentence are a list of other things ("on BBC 2 Channel 4").
 */
export function scoresOffResultSides(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type === 'MISC' || to - from < 2 || from < 2) continue;
    const side = tags[from - 2] as string;
    if (side === 'O' || side.endsWith('-MISC') || tags[from - 1] !== 'O' || !SIDE_SCORE.test((tokens[from - 1] as Token).text)) continue;
    if (!SIDE_SCORE.test((tokens[to - 1] as Token).text) || /^\d/.test(tokens[to]?.text ?? '')) continue;
    const first = spanStart(tags, from - 2);
    if (first > 0 && !lineBreakAfter(text, tokens, first - 1) && !RESULT_OPENERS.has((tokens[first - 1] as Token).text)) continue;
    if (!onOneLine(text, tokens, first, to - 1)) continue;
    out ??= [...tags];
    out[to - 1] = 'O';
  }
  return out ?? (tags as string[]);
}

/** Words between the two sides of a fixture on a line of its own ("KANSAS CITY AT DETROIT", "Kent v Sussex"). */
const FIXTURE_JOINS: ReadonlySet<string> = new Set(['at', 'AT', 'v', 'V', 'vs', 'vs.', 'VS']);
/** The fewest fixture lines that make a text's list of fixtures. */
const FIXTURES_MIN = 2;

/**
 * Tags where the two sides of each line that is only a fixture, a name
 * (one to three words, typed by the tagger), "at" or "v" and another name,
 * are teams ("SUNDAY'S SCHEDULE\nKANSAS CITY AT DETROIT\nOAKLAND AT
 * TORONTO"): the tagger reads the towns as places. Only in a text about
 * sport (isSportText) with FIXTURES_MIN such lines or more, one after another
 * (a list of fixtures, not a heading such as "Paris at Night"); a country's
 * name stays a place (a national side, as newswire annotation files it).
 */
export function fixtureLines(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!isSportText(tokens)) return tags as string[];
  // The fixture lines' sides.
  const sides: Array<[number, number]> = [];
  let run = 0;
  let best = 0;
  for (const [a, b] of tokenLines(text, tokens)) {
    const fixture = fixtureSides(tokens, tags, a, b);
    if (fixture) {
      sides.push(...fixture);
      best = Math.max(best, ++run);
    } else run = 0;
  }
  if (best < FIXTURES_MIN) return tags as string[];
  const out = [...tags];
  for (const [from, to] of sides) if (!isCountry(nameText(tokens, from, to))) setSpan(out, from, to, 'ORG');
  return out;
}

/** The two sides of the line [a, b) when it is a fixture (fixtureLines), or null. */
function fixtureSides(tokens: readonly Token[], tags: readonly string[], a: number, b: number): Array<[number, number]> | null {
  const first = tags[a] as string;
  if (!first.startsWith('B-') || first === 'B-MISC') return null;
  const k = spanEnd(tags, a);
  const second = tags[k + 1] ?? 'O';
  if (k - a > TEAM_MAX || !FIXTURE_JOINS.has(tokens[k]?.text ?? '') || !second.startsWith('B-') || second === 'B-MISC') return null;
  const end = spanEnd(tags, k + 1);
  return end === b && end - k - 1 <= TEAM_MAX ? [[a, k], [k + 1, end]] : null;
}

/** The fewest "player (club)" brackets, one of them an organisation already, that make a list of players and their clubs. */
const CLUB_BRACKETS_MIN = 2;

/**
 * Tags where the name in brackets after a player's is the club wherever the
 * text lists players so and the tagger read at least one such name as an
 * organisation ("9 - Luc Nilis (PSV)\n7 - Dennis de Nooijer (Heerenveen)":
 * Heerenveen had been a place). A country's or a nationality's name stays as
 * it is (results list athletes by their country: "Donovan Bailey (Canada)").
 * The name fills the brackets, one to three words. Only in a text about
 * sport (isSportText): "Senator Jane Doe (Iowa)" beside "John Roe (NRA)" names
 * a state.
 */
export function clubsAfterPlayers(tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!isSportText(tokens)) return tags as string[];
  const bracketed: Array<[number, number]> = [];
  let clubs = 0;
  for (let i = 1; i + 2 < tokens.length; i++) {
    if ((tokens[i] as Token).text !== '(' || !(tags[i - 1] as string).endsWith('-PER') || !(tags[i + 1] as string).startsWith('B-')) continue;
    const end = spanEnd(tags, i + 1);
    if (end - i - 1 > TEAM_MAX || tokens[end]?.text !== ')') continue;
    bracketed.push([i + 1, end]);
    if (tags[i + 1] === 'B-ORG') clubs++;
  }
  if (clubs === 0 || bracketed.length < CLUB_BRACKETS_MIN) return tags as string[];
  const out = [...tags];
  for (const [from, to] of bracketed) {
    const name = nameText(tokens, from, to);
    if (tags[from] !== 'B-MISC' && !isCountry(name) && !isNationality(name)) setSpan(out, from, to, 'ORG');
  }
  return out;
}

/** Verbs of a tennis result between its players ("Sampras beat Ivanisevic 6-3 6-4", "Graf bt Seles 7-5 6-2"). */
const SET_RESULT_VERBS: ReadonlySet<string> = new Set(['beat', 'beats', 'defeated', 'bt']);
/** The most words of a player's name left untagged before or after the result's verb. */
const PLAYER_NAME_MAX = 3;

/** Whether a token is a won set's score, one side 6 or 7 ("6-3", "4-6", "7-6", "7-5"). */
function isSetScore(w: string): boolean {
  const m = /^(\d)-(\d)$/.exec(w);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi === 6 && lo <= 4) || (hi === 7 && (lo === 5 || lo === 6));
}

/** Whether two sets' scores start at token `k`, a tie-break's score in brackets after a set ("7-6 (7-4) 6-3"). */
function setScoresAt(tokens: readonly Token[], k: number): boolean {
  if (!isSetScore(tokens[k]?.text ?? '')) return false;
  let n = k + 1;
  if (tokens[n]?.text === '(' && tokens[n + 2]?.text === ')') n += 3;
  return isSetScore(tokens[n]?.text ?? '');
}

/**
 * Tags where the two sides of a tennis result, "X beat Y" with the sets' scores after ("Sampras beat Ivanisevic 6-3 6-4",
 * "Ines Paz (Argentina) beat Sabine Rauch (Germany) 2-6 6-3 6-4"), are players: a side read as an organisation, as MISC
 * or as a place the gazetteer does not know, or capitalized words left untagged, is a person. A country in brackets after
 * a player stays a place, and a side the gazetteer knows as a place stays one; the result is one line.
 */
export function playersBySetScores(text: string, tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  let out: string[] | undefined;
  // An untagged word of a player's name: capitalized, and no word news writes in lowercase ("He beat Smith 6-3 6-4").
  const nameWord = (k: number): boolean => startsCapitalized((tokens[k] as Token).text) && !writtenLowercase((tokens[k] as Token).text, stats);
  // Past a bracket right before `k` (a player's country: "Sampras (U.S.)"), back to the token before it.
  const beforeBracket = (k: number): number => {
    if (tokens[k]?.text !== ')') return k;
    let j = k - 1;
    while (j > 0 && k - j <= 4 && tokens[j]?.text !== '(') j--;
    return tokens[j]?.text === '(' ? j - 1 : k;
  };
  for (let v = 1; v + 3 < tokens.length; v++) {
    if (!SET_RESULT_VERBS.has((tokens[v] as Token).text)) continue;
    // The winner's name ends before the verb, or before the bracket of the country after it.
    const leftEnd = beforeBracket(v - 1);
    // The loser's name, after a seeding ("beat 4 - Bruno Castellet").
    let rightFrom = v + 1;
    if (/^\d{1,2}$/.test(tokens[rightFrom]?.text ?? '') && tokens[rightFrom + 1]?.text === '-') rightFrom += 2;
    const cur = out ?? tags;
    const sideEnd = (from: number): number => {
      if (cur[from] !== 'O') return (cur[from] as string).startsWith('B-') ? spanEnd(cur, from) : from;
      let j = from;
      while (j < tokens.length && j - from < PLAYER_NAME_MAX && cur[j] === 'O' && nameWord(j)) j++;
      return j;
    };
    const rightTo = sideEnd(rightFrom);
    if (rightTo === rightFrom) continue;
    // The sets after the loser's name, or after the bracket of the loser's country.
    let scores = rightTo;
    if (tokens[scores]?.text === '(') {
      let j = scores + 1;
      while (j < tokens.length && j - scores <= 4 && tokens[j]?.text !== ')') j++;
      scores = j + 1;
    }
    if (!setScoresAt(tokens, scores) || !onOneLine(text, tokens, v, scores)) continue;
    const sides: Array<[number, number]> = [[rightFrom, rightTo]];
    // The winner's side where a name stands there on the result's line ("He beat Graf 6-2 7-5" names one player).
    let leftFrom = leftEnd < 0 || cur[leftEnd] === 'O' ? leftEnd + 1 : spanStart(cur, leftEnd);
    if (leftEnd >= 0 && cur[leftEnd] === 'O') while (leftFrom > 0 && leftEnd + 1 - leftFrom < PLAYER_NAME_MAX && cur[leftFrom - 1] === 'O' && nameWord(leftFrom - 1)) leftFrom--;
    if (leftFrom <= leftEnd && onOneLine(text, tokens, leftFrom, v)) sides.push([leftFrom, leftEnd + 1]);
    for (const [from, to] of sides) {
      const type = (cur[from] as string).slice(2);
      if (type === 'PER') continue;
      const name = nameText(tokens, from, to);
      if ((type === 'LOC' || type === '') && (PLACES.has(name) || isCountry(name))) continue;
      out ??= [...tags];
      setSpan(out, from, to, 'PER');
    }
  }
  return out ?? (tags as string[]);
}
