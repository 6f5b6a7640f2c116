/**
 * Where a name ends. A name written with capitals ends with its last
 * capitalized word: "Fujian province", "the Oder river", "Turkana county" name
 * Fujian, the Oder and Turkana, as newswire annotation and the stored record
 * want them (the record then merges "Fujian" and "Fujian province" into one
 * place); the tagger learned to take such lowercase descriptors into a name
 * from its social-media training text, where names are often written in
 * lowercase. And no name ends with a score ("Chicago beat Boston 5-3").
 */
import { startsCapitalized, type Token } from './tokens.js';
import { SCORE_PAIR } from './wire-conventions.js';

/** Lowercase company forms that are part of a name ("Tesco plc"). */
const LOWERCASE_SUFFIXES: ReadonlySet<string> = new Set(['plc', 'ltd', 'inc', 'llc', 'gmbh', 'ag', 'sa', 'spa', 'nv', 'bv', 'co', 'corp', 'cie']);

/**
 * Tags with the trailing scores (SCORE_PAIR) taken off each PER / LOC / ORG
 * span (a span of scores only is dropped), then the trailing lowercase words
 * of a span whose other words all start with a capital (a name written as
 * such); a span written in lowercase throughout, or a company form, keeps them.
 */
export function trimNameTails(tokens: readonly Token[], tags: readonly string[]): string[] {
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-') || tag === 'B-MISC') continue;
    const inside = `I-${tag.slice(2)}`;
    let j = i + 1;
    while (out[j] === inside) j++;
    let end = j;
    // Scores off the end; a span that is only scores is no name at all.
    while (end > i && SCORE_PAIR.test((tokens[end - 1] as Token).text)) end--;
    const named = end;
    while (end - 1 > i && /^\p{Ll}+$/u.test((tokens[end - 1] as Token).text) && !LOWERCASE_SUFFIXES.has((tokens[end - 1] as Token).text)) end--;
    if (end < named && !tokens.slice(i, end).every((t) => startsCapitalized(t.text))) end = named;
    for (let k = end; k < j; k++) out[k] = 'O';
    i = j - 1;
  }
  return out;
}
