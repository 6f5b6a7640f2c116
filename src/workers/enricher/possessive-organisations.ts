/**
 * Organisations named with the organisation that owns them: "the Bank of England's Monetary Policy Committee",
 * "Harvard University's Kennedy School". Wire copy writes the owner before "'s" and the unit after it; the tagger can
 * read the two as one name.
 */
import { ORG_HEAD_WORDS, PLACES } from './gazetteer.js';
import { isPossessive } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { bioSpans, setSpan } from './wire-conventions.js';

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

/**
 * Tags where one word before "'s" and "of" a place is a firm named by its founder's possessive and its town ("Lloyd's of
 * London", "Harrods of London" has no "'s"): the tagger reads the word as a person and the town as a place apart. A
 * possessive before "of" is no person's ("a friend of John's" has "of" before it), so the whole is the organisation.
 * Not a place or a word of the lists before "'s" ("Britain's of"), nor a word after another name's ("John Smith's of").
 */
export function possessivesOfPlaces(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let k = 1; k + 2 < tokens.length; k++) {
    // The clitic as one token, or written apart in tokenized text ("Lloyd 's": "'" and "s").
    const mark = (tokens[k] as Token).text;
    const p = isPossessive(mark) ? 1 : (mark === "'" || mark === '’') && tokens[k + 1]?.text === 's' && (tokens[k + 1] as Token).start === (tokens[k] as Token).end ? 2 : 0;
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
