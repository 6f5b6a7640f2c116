/**
 * Organisations named with the organisation that owns them: "the Bank of England's Monetary Policy Committee",
 * "Harvard University's Kennedy School". Wire copy writes the owner before "'s" and the unit after it; the tagger can
 * read the two as one name.
 */
import { ORG_HEAD_WORDS, PERSON_TITLES, PLACES } from './gazetteer.js';
import { isPossessive } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { bioSpans, setSpan, spanEnd, spanStart } from './wire-conventions.js';

/**
 * Tags where one organisation's span holds two joined by "'s": the owner ending in an organisation's head word or in a
 * place after "of", the unit capitalized and ending in a head word ("[Bank of England]'s [Monetary Policy
 * Committee]", "[Stanford University]'s [SCALE Initiative]"; "the Bank's [Monetary Policy Committee]"). A name whose word before "'s" is no head word stays one
 * ("Moody's Investors Service", "the Women's Christian Temperance Union", "the Department of Children's Services").
 */
export function possessiveOrganisations(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    if (type !== 'ORG' || to - from < 3) continue;
    for (let k = from + 1; k < to - 1; k++) {
      if (!isPossessive((tokens[k] as Token).text)) continue;
      const last = (tokens[k - 1] as Token).text;
      const ownerEnds = ORG_HEAD_WORDS.has(last) || (k - 2 > from && (tokens[k - 2] as Token).text === 'of' && PLACES.has(last));
      if (!ownerEnds || !ORG_HEAD_WORDS.has((tokens[to - 1] as Token).text) || !startsCapitalized((tokens[k + 1] as Token).text)) continue;
      out ??= [...tags];
      // A head word alone is no name ("the Bank's [Monetary Policy Committee]").
      if (k - from > 1) setSpan(out, from, k, 'ORG');
      else out[from] = 'O';
      out[k] = 'O';
      setSpan(out, k + 1, to, 'ORG');
      break;
    }
  }
  return out ?? (tags as string[]);
}

/** The tokens of a possessive clitic at tokens[k]: one ("'s"), two where tokenized text writes it apart ("Lloyd 's": "'" and "s"), or none. */
function possessiveLength(tokens: readonly Token[], k: number): number {
  const mark = tokens[k]?.text ?? '';
  if (isPossessive(mark)) return 1;
  return (mark === "'" || mark === '’') && tokens[k + 1]?.text === 's' && (tokens[k + 1] as Token).start === (tokens[k] as Token).end ? 2 : 0;
}

/**
 * Tags where one word before "'s" and "of" a place is a firm named by its founder's possessive and its town ("Lloyd's of
 * London", "Harrods of London" has no "'s"): the tagger reads the word as a person and the town as a place apart. A
 * possessive before "of" is no person's ("a friend of John's" has "of" before it), so the whole is the organisation.
 * Not a place or a word of the lists before "'s" ("Britain's of"), nor a word after another name's ("John Smith's of").
 */
export function possessivesOfPlaces(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let k = 1; k + 2 < tokens.length; k++) {
    const p = possessiveLength(tokens, k);
    if (p === 0 || tokens[k + p]?.text !== 'of' || tags[k + p + 1] !== 'B-LOC') continue;
    const word = (tokens[k - 1] as Token).text;
    const tag = tags[k - 1] as string;
    if (!startsCapitalized(word) || PLACES.has(word) || (tag !== 'B-PER' && tag !== 'O') || tags[k] !== 'O' || tags[k + p - 1] !== 'O') continue;
    // One word: not the last of a longer name.
    if (k >= 2 && tags[k - 2] !== 'O') continue;
    let end = k + p + 2;
    while (end < tags.length && tags[end] === 'I-LOC') end++;
    out ??= [...tags];
    setSpan(out, k - 1, end, 'ORG');
    k = end;
  }
  return out ?? (tags as string[]);
}

/** Words written with "'s" inside a name ("the People's Daily", "the Women's Royal Air Force"). */
const SINGULAR_POSSESSORS: ReadonlySet<string> = new Set(['People', 'Women']);
/** Plurals written with "'" inside a name ("the Kurdistan Workers' Party", "the Peoples' Equality and Democracy Party"). */
const PLURAL_POSSESSORS: ReadonlySet<string> = new Set(['Workers', 'Peoples']);
/** Marks after which a word opens a sentence or a quotation. */
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ':', '"', '“', '(']);

/** The token of a plural's possessive apostrophe at tokens[k], written against the word before it ("Workers' Party"): one, or none. */
function pluralPossessiveLength(tokens: readonly Token[], k: number): number {
  const mark = tokens[k]?.text ?? '';
  return (mark === "'" || mark === '’') && tokens[k + 1]?.text !== 's' && (tokens[k] as Token).start === (tokens[k - 1] as Token).end ? 1 : 0;
}

/**
 * Tags where a name holds "People's", "Women's", "Workers'" or "Peoples'" ("the Chinese People's Liberation Army", "the
 * People's Daily", "the Women's Christian Temperance Union", "the Kurdistan Workers' Party", "the Bolivian Workers'
 * Center"): the tagger ends a name at the possessive or starts one after it ("the Chinese People's [Liberation Army]", "[New People]
 * [Army]", "[Kurdistan] [Workers' Party]", "the Bolivian Workers' [Center]"). The name runs from the capitalized words
 * before the possessive's word (at most three, no article, no person's) to the end of the name or the capitalized words
 * after the possessive, with the type read after it (or on the possessive's word where nothing is read after it).
 */
export function possessiveNamesWhole(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let k = 0; k + 2 < tokens.length; k++) {
    const word = (tokens[k] as Token).text;
    const p = SINGULAR_POSSESSORS.has(word) ? possessiveLength(tokens, k + 1) : PLURAL_POSSESSORS.has(word) ? pluralPossessiveLength(tokens, k + 1) : 0;
    const after = k + 1 + p;
    if (p === 0 || after >= tokens.length || !startsCapitalized((tokens[after] as Token).text)) continue;
    // The name goes on after one space, not over a line's end ("Men’s / Women’s\n\nBrooks Ghost").
    if ((tokens[after] as Token).start - (tokens[after - 1] as Token).end > 1) continue;
    const cur = out ?? tags;
    const afterTag = cur[after] as string;
    const type = afterTag !== 'O' ? afterTag.slice(2) : (cur[k] as string).slice(2);
    if (type === '' || type === 'PER') continue;
    let end = after;
    if (afterTag !== 'O') end = spanEnd(cur, after);
    else while (end < tokens.length && cur[end] === 'O' && startsCapitalized((tokens[end] as Token).text)) end++;
    // An office is no name ("former People's Deputy of Ukraine").
    if (PERSON_TITLES.has((tokens[end - 1] as Token).text)) continue;
    let start = spanStart(cur, k);
    while (start > 0 && k - start < 3) {
      const word = (tokens[start - 1] as Token).text;
      const tag = cur[start - 1] as string;
      if (!startsCapitalized(word) || word === 'The' || tag.endsWith('-PER')) break;
      // An untagged word opening its sentence is the sentence's ("Seven New People's Army guerrillas").
      if (tag === 'O' && (start === 1 || SENTENCE_ENDS.has((tokens[start - 2] as Token).text))) break;
      start = tag === 'O' ? start - 1 : spanStart(cur, start - 1);
    }
    // No "The" nor a word in lowercase opens it (a span read over "the pro-Kurdish Peoples'").
    while (start < k && ((tokens[start] as Token).text === 'The' || !startsCapitalized((tokens[start] as Token).text))) start++;
    if (cur[start] === `B-${type}` && spanEnd(cur, start) === end) continue;
    out ??= [...tags];
    setSpan(out, start, end, type);
    k = end - 1;
  }
  return out ?? (tags as string[]);
}
