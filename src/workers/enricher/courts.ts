/**
 * Courts named by their seat. A magistrates' or coroners' court is one court, named whole with its town and the
 * plural's apostrophe ("[Westminster Magistrates' Court]", as "[Melbourne Magistrates Court]" is read without it); the
 * tokens split the name at the apostrophe, and the tagger ends it there ("[Westminster Magistrates]' [Court]"). The
 * Crown Court of England, Wales and Northern Ireland is one court that sits in many towns: the project's newswire labels
 * (scripts/data/project-newswire-ner.txt) name the town a place and the court an organisation ("[LOC Southwark] [ORG
 * Crown Court]", "[LOC Canterbury] [ORG Crown Court]"), where the tagger reads the three words as one organisation.
 * The other courts keep the tagger's reading ("[ORG Durban Supreme Court]", "[ORG Los Angeles County Superior Court]").
 */
import type { Token } from './tokens.js';
import { setSpan, spanEnd, spanStart } from './wire-conventions.js';

/** Courts named by the plural of their officers and an apostrophe ("Magistrates' Court", "Coroners’ Court"). */
const OFFICERS: ReadonlySet<string> = new Set(['Magistrates', 'Coroners']);

const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’']);

/**
 * Tags where a court is named by its seat: a name ending in "Magistrates" or "Coroners" before an apostrophe and
 * "Court" is one organisation with them ("[Westminster Magistrates' Court]", whatever the tagger read of it: "[Banjul]
 * Magistrates’ Court"); a name ending in "Crown Court" after one or more words of its seat is the seat, a place, and the
 * court, an organisation ("[Liverpool] [Crown Court]"). "Court" alone after the officers' apostrophe, with no name
 * before it, is left.
 */
export function courtsBySeat(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 2 < tokens.length; i++) {
    const word = (tokens[i] as Token).text;
    if (word !== 'Crown' && !OFFICERS.has(word)) continue;
    const now = out ?? tags;
    if (word === 'Crown') {
      // "[Liverpool Crown Court]": the seat before "Crown", inside the tagger's name.
      if (tokens[i + 1]?.text !== 'Court' || now[i] !== 'I-ORG' || now[i + 1] !== 'I-ORG' || (now[i + 2] ?? 'O').startsWith('I-')) continue;
      const from = spanStart(now, i);
      out ??= [...tags];
      setSpan(out, from, i, 'LOC');
      setSpan(out, i, i + 2, 'ORG');
      continue;
    }
    if (!APOSTROPHES.has((tokens[i + 1] as Token).text) || tokens[i + 2]?.text !== 'Court') continue;
    // The seat: a name over "Magistrates" from a word before it, or right before it.
    const at = (now[i] as string).startsWith('I-') ? i : now[i] === 'O' && now[i - 1] !== 'O' ? i - 1 : -1;
    if (at < 0 || (now[i + 2] !== 'O' && spanEnd(now, i + 2) !== i + 3)) continue;
    const from = spanStart(now, at);
    out ??= [...tags];
    setSpan(out, from, i + 3, 'ORG');
    i += 2;
  }
  return out ?? (tags as string[]);
}
