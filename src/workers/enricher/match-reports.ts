/**
 * Teams in match reports. Newswire names a club by its town ("Barnsley",
 * "Portsmouth", "Lancashire") and annotation files it as an organisation
 * there, where the tagger, which learnt those words from text about places,
 * reads a place or a person. In a match report, a name the report gives a
 * team's part is the team:
 *
 * - before a player's or a manager's role and that person's name
 *   ("Barnsley manager Danny Wilson", "Kent captain Mark Benson");
 * - after a result and "over", "against", "by" or "to" ("a 2-1 win over
 *   Portsmouth", "their defeat by Bolton", "a draw with Ajax");
 * - after a team's standing ("two points behind leaders Bolton", "champions
 *   Bayern", "hosts Leeds").
 *
 * Each such name is then the team wherever the text names it alone in the
 * same words, but after a preposition of place ("fans in Portsmouth"). A
 * country's name stays a place (a national side, as newswire annotation files
 * it), and names the tagger already read as organisations are left as they are.
 *
 * A text is a match report when it has a word only sport uses ("striker",
 * "equaliser", "innings"), or a score ("2-1") and a word of games ("goal",
 * "match", "league").
 *
 * Pure: tags in, tags out (the same length), tokens as nerTokenize gives them.
 */
import { LATE_COUNTRIES, PLACES, WEEKDAYS_AND_MONTHS } from './gazetteer.js';
import { PLACE_PREPOSITIONS } from './lone-surnames.js';
import type { Token } from './tokens.js';
import { bioSpans, SCORE_PAIR, setSpan } from './wire-conventions.js';

/** Words only sport uses: one makes a match report. */
const SPORT_WORDS: ReadonlySet<string> = new Set(
  (
    'striker strikers midfielder midfielders goalkeeper goalkeepers winger wingers full-back centre-back center-back goalscorer ' +
    'equaliser equalizer equalised equalized hat-trick half-time halftime first-half second-half stoppage-time kickoff kick-off ' +
    'innings wicket wickets batsman batsmen bowler bowlers wicketkeeper touchdown touchdowns quarterback linebacker shortstop'
  ).split(' '),
);
/** Words of games: one with a score makes a match report. */
const GAME_WORDS: ReadonlySet<string> = new Set(
  'goal goals scored match matches league division cup championship season game games points table title final semifinal semi-final quarter-final playoff play-off'.split(' '),
);
/** Roles in a team, between the team's name and its holder's ("Barnsley manager Danny Wilson"). */
const TEAM_ROLES: ReadonlySet<string> = new Set(
  (
    'manager coach boss captain skipper striker midfielder defender goalkeeper keeper winger forward full-back centre-back center-back playmaker ' +
    'batsman bowler opener wicketkeeper spinner quarterback pitcher linebacker shortstop'
  ).split(' '),
);
/** Results before "over", "against", "by", "to" or "with" and the other side ("a 2-1 win over Portsmouth"). */
const RESULTS: ReadonlySet<string> = new Set('win wins victory victories defeat defeats loss losses draw triumph'.split(' '));
const RESULT_SIDES: ReadonlySet<string> = new Set(['over', 'against', 'by', 'to', 'with']);
/** A team's standing before its name ("behind leaders Bolton", "champions Bayern", "hosts Leeds"). */
const STANDINGS: ReadonlySet<string> = new Set('leaders champions holders hosts visitors rivals'.split(' '));
/** The most words of a team's name read this way. */
const TEAM_MAX = 3;

const isCountry = (name: string): boolean => PLACES.get(name)?.kind === 'country' || LATE_COUNTRIES.has(name);

/** A match report, by its words (SPORT_WORDS; or a score, not a range of days after a month ("June 9-10"), and GAME_WORDS). */
export function isMatchReport(tokens: readonly Token[]): boolean {
  let score = false;
  let game = false;
  tokens.forEach((t, i) => {
    const w = t.text.toLowerCase();
    if (SPORT_WORDS.has(w)) score = game = true;
    score ||= SCORE_PAIR.test(w) && !WEEKDAYS_AND_MONTHS.has(tokens[i - 1]?.text ?? '');
    game ||= GAME_WORDS.has(w);
  });
  return score && game;
}

/** Tags where the teams of a match report (above) are organisations. */
export function teamsInMatchReports(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  if (!isMatchReport(tokens)) return tags as string[];
  // Tokens i and i + 1 on one line (a cue does not reach over a line's end: "… for IT leaders\n\nAI road trip").
  const sameLine = (i: number) => i >= 0 && i + 1 < tokens.length && !text.slice((tokens[i] as Token).end, (tokens[i + 1] as Token).start).includes('\n');
  const written = (from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(' ');
  // A place or a person of up to TEAM_MAX words (a person of one), no country: what may be a team read as another thing.
  const retypable = (from: number, to: number, type: string) =>
    to - from <= TEAM_MAX && (type === 'LOC' || (type === 'PER' && to - from === 1)) && !isCountry(written(from, to));
  const spans = bioSpans(tags);
  const teams = new Set<string>();
  for (const { from, to, type } of spans) {
    if (!retypable(from, to, type)) continue;
    const before = sameLine(from - 1) ? (tokens[from - 1] as Token).text.toLowerCase() : '';
    const after = sameLine(to - 1) && sameLine(to) ? (tokens[to] as Token).text.toLowerCase() : '';
    const role = TEAM_ROLES.has(after) && tags[to + 1] === 'B-PER';
    const result = RESULT_SIDES.has(before) && sameLine(from - 2) && RESULTS.has(tokens[from - 2]?.text.toLowerCase() ?? '');
    if (role || result || STANDINGS.has(before)) teams.add(written(from, to));
  }
  if (teams.size === 0) return tags as string[];
  const out = [...tags];
  for (const { from, to, type } of spans) {
    if (!retypable(from, to, type) || !teams.has(written(from, to)) || PLACE_PREPOSITIONS.has(tokens[from - 1]?.text ?? '')) continue;
    setSpan(out, from, to, 'ORG');
  }
  return out;
}
