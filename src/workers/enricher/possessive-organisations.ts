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
