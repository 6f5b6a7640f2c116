/**
 * Crude oil benchmarks named in market news ("Brent crude", "West Texas Intermediate", "WTI", "Dubai crude"): other
 * names (MISC), as newswire annotation files them (the project's newswire labels, scripts/data/project-newswire-ner.txt:
 * "[MISC Brent] crude futures", "[MISC West Texas Intermediate] crude"), not the person, place or firm the tagger hears
 * in them ("[Brent]" a given name, "[West Texas Intermediate]" an organisation).
 */
import type { Token } from './tokens.js';
import { setSpan, spanEnd, spanStart } from './wire-conventions.js';

/**
 * The grades' names, as tokens. Those that name nothing else (WTI, West Texas Intermediate) are grades alone; the others
 * are also a given name, a borough, a field, a city or a country ("Brent", "Dubai", "Oman", "Urals") and are grades
 * only with a grade's word after them (gradeWordAfter) or once the text has named them so (oilGradesAreMisc).
 */
const GRADES: ReadonlyArray<readonly string[]> = [
  'Brent',
  'WTI',
  'West Texas Intermediate',
  'West Texas',
  'Dubai',
  'Oman',
  'Urals',
  'Tapis',
  'Murban',
  'Bonny Light',
  'Arab Light',
  'Basrah Light',
  'Western Canadian Select',
  'Louisiana Light Sweet',
].map((s) => s.split(' '));

/** Grades that name nothing but a grade. */
const GRADES_ALONE: ReadonlySet<string> = new Set(['WTI', 'West Texas Intermediate']);

/** The first words of GRADES, to pass over every other word at once. */
const FIRST_WORDS: ReadonlySet<string> = new Set(GRADES.map((w) => w[0] as string));

/** Words after a grade's name that make it one ("Brent crude", "Brent Crude futures", "Urals blend", "Brent futures"). */
const GRADE_WORDS: ReadonlySet<string> = new Set('crude Crude blend Blend futures'.split(' '));

/** The end of the longest grade's name that opens at token `i`, or -1. */
function gradeEnd(tokens: readonly Token[], i: number): number {
  let best = -1;
  for (const words of GRADES) {
    let k = 0;
    while (k < words.length && tokens[i + k]?.text === words[k]) k++;
    if (k === words.length) best = Math.max(best, i + k);
  }
  return best;
}

/**
 * Tags where a crude oil benchmark is named: a grade's name before a grade's word ("[Brent] crude oil", "[Brent
 * Crude] futures", "[Dubai] crude"), a name that is only a grade's ("[West Texas Intermediate]", "WTI"), and, once the
 * text has named a grade so, that grade's name alone wherever the tagger read it as a whole name ("ICE [Brent] closed
 * at $88.69"): the tagger's name over it is one MISC span, with whatever name ran into it ("[Brent Crude]"). A person
 * whose name goes on after the grade's word ("Brent Sanders") is left, and so is a place named without a grade's word
 * ("flights to [Dubai]").
 */
export function oilGradesAreMisc(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let named: Set<string> | undefined;
  const alone: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!FIRST_WORDS.has((tokens[i] as Token).text)) continue;
    const end = gradeEnd(tokens, i);
    if (end < 0) continue;
    const now = out ?? tags;
    const name = tokens.slice(i, end).map((t) => t.text).join(' ');
    const next = tokens[end]?.text ?? '';
    // A grade's word after the name, as a word of its own or as the last of the tagger's name ("[Brent Crude]").
    const graded = GRADE_WORDS.has(next) && (now[end] === 'O' || now[end] === `I-${(now[i] as string).slice(2)}`) && !(now[end + 1] ?? 'O').startsWith('I-');
    if (now[i] === 'I-PER' || (!graded && !GRADES_ALONE.has(name))) {
      if ((now[i] as string).startsWith('B-') && spanEnd(now, i) === end) alone.push([i, end]);
      continue;
    }
    (named ??= new Set()).add(name);
    if (now[i] === 'O' && now[end] === 'O') continue;
    const from = now[i] === 'O' ? i : spanStart(now, i);
    let to = end;
    while (to < now.length && (now[to] as string).startsWith('I-')) to++;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
    i = to - 1;
  }
  if (!named) return tags as string[];
  for (const [from, to] of alone) {
    if (!named.has(tokens.slice(from, to).map((t) => t.text).join(' '))) continue;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
  }
  return out ?? (tags as string[]);
}
