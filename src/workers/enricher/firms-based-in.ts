/**
 * A firm named with its seat: "Euroclear, based in Brussels, holds ...", "Vantor, headquartered in Ohio, said".
 * News writes a name, a comma and "based in" / "headquartered in" after organisations; a person is placed by "of",
 * "from" or a dateline, a place is no place's seat.
 */
import { DEMONYMS, HONORIFICS, PERSON_TITLES, PLACES } from './gazetteer.js';
import { nameText } from './kind-nouns.js';
import { type WordStats, writtenLowercase } from './ner-features.js';
import { startsCapitalized, textAt, type Token } from './tokens.js';
import { beginTag, bioSpans, setSpan } from './wire-conventions.js';

/** The participles that, after a name and its comma and before "in", give a firm's seat. */
const SEAT_WORDS: ReadonlySet<string> = new Set(['based', 'headquartered']);

/** The most words of a name read as a firm by its seat. */
const SEATED_NAME_MAX = 5;

/**
 * Tags as organisations the names a text places by their seat ("[Euroclear], based in Brussels,"), and every other
 * mention of the same name that the tagger read as a person, a place or MISC, or left untagged where one such word
 * stands alone ("held in [Euroclear]", "[Euroclear] said"). The name before the cue is the tagger's span ending
 * there, or a lone capitalized word it left untagged; not a place or nationality the gazetteer knows, not a person
 * named in full and not a name after a title ("Cpl. Glen Arnold, based in CFB Petawawa,": soldiers are based too).
 */
export function firmsBasedIn(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  const names = new Set<string>();
  let spans: ReturnType<typeof bioSpans> | undefined;
  for (let j = 1; j + 2 < tokens.length; j++) {
    if (!SEAT_WORDS.has(textAt(tokens, j + 1)) || textAt(tokens, j) !== ',' || textAt(tokens, j + 2) !== 'in') continue;
    spans ??= bioSpans(tags);
    const span = spans.find((s) => s.to === j);
    const lone = tags[j - 1] === 'O' && startsCapitalized(textAt(tokens, j - 1)) && !startsCapitalized(textAt(tokens, j - 2)) && !writtenLowercase(textAt(tokens, j - 1), stats);
    const from = span ? span.from : lone ? j - 1 : -1;
    if (from < 0 || j - from > SEATED_NAME_MAX) continue;
    const name = nameText(tokens, from, j);
    const before = textAt(tokens, from - 1);
    if (PLACES.has(name) || DEMONYMS.has(name) || (span?.type === 'PER' && j - from >= 2) || PERSON_TITLES.has(before) || HONORIFICS.has(before)) continue;
    names.add(name);
  }
  if (names.size === 0 || !spans) return tags as string[];
  const out = [...tags];
  for (const s of spans) if (s.type !== 'ORG' && names.has(nameText(tokens, s.from, s.to))) setSpan(out, s.from, s.to, 'ORG');
  // Untagged mentions of a one-word name, where the word stands alone.
  for (let i = 0; i < out.length; i++) {
    const w = textAt(tokens, i);
    if (out[i] !== 'O' || !names.has(w) || startsCapitalized(textAt(tokens, i - 1)) || startsCapitalized(textAt(tokens, i + 1)) || writtenLowercase(w, stats)) continue;
    out[i] = beginTag('ORG');
  }
  return out;
}
