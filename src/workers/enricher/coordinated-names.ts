/**
 * Organisation names that go on with a coordinated list of common words:
 * "Ministry of Health, Labour and Welfare", "Department of National Parks and
 * Wildlife Conservation", "Institute of Electrical and Electronics Engineers".
 * The tagger tends to end such a name at its first comma or "and" (its
 * training sets have few of them), leaving the rest untagged or as a name of
 * its own. A post-pass over its BIO tags joins the list to the name.
 */
import { codeCap, type WordStats } from './ner-features.js';
import { ORG_HEAD_WORDS } from './gazetteer.js';
import { startsCapitalized, type Token } from './tokens.js';

/** Words that tie the complement to the head of an "X of Y" name. */
const OF_WORDS: ReadonlySet<string> = new Set(['of', 'for']);
const AND_WORDS: ReadonlySet<string> = new Set(['and', '&']);
/** Words of office that start a person's title after a name ("... and Defence Secretary"): never part of the list. */
const OFFICE_WORDS: ReadonlySet<string> = new Set(
  'Minister Ministers Secretary Secretaries Director Directors Chief Executive Officer Officers President Commissioner Commissioners Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chair Deputy Head Governor Mayor Ambassador Envoy Adviser Advisor'.split(' '),
);
/** Capitalization buckets (ner-features.ts CAP_BUCKETS) of words mostly written in lowercase mid-sentence, and of those often capitalized but not always. */
const LOWERCASE_BUCKETS: ReadonlySet<string> = new Set(['H', 'R', 'N']);
const LISTED_BUCKETS: ReadonlySet<string> = new Set(['M', 'H', 'R', 'N']);

/** The end (exclusive) of the run of capitalized tokens from `from`. */
function capitalRunEnd(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && startsCapitalized((tokens[k] as Token).text)) k++;
  return k;
}

/**
 * Tags with each organisation span of the form "X of Y" / "X for Y" extended
 * over what follows it when that is a coordinated list of common words:
 * an optional run of capitalized words, then ", Run" any number of times, then
 * "and Run" (or "& Run"). It joins only when every word of the list is known
 * to the word statistics as mostly lowercase in news text (the last run:
 * H, R or N; the runs before it may also be M, as "Labour"), none is an
 * organisation head word or a word of office (so that "Ministry of Defence and Foreign
 * Office" and "Department of Justice and Apple" stay two names), and no token
 * of it is tagged a place. Without word statistics the tags are returned as
 * they are.
 */
export function joinCoordinatedNames(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  const out = [...tags];
  if (!stats) return out;
  const bucket = (w: string): string => {
    const code = stats.get(w.toLowerCase());
    return code ? codeCap(code) : '?';
  };
  const runFits = (from: number, to: number, buckets: ReadonlySet<string>): boolean => {
    for (let k = from; k < to; k++) {
      const w = (tokens[k] as Token).text;
      if (ORG_HEAD_WORDS.has(w) || OFFICE_WORDS.has(w) || (out[k] ?? 'O').endsWith('-LOC') || !buckets.has(bucket(w))) return false;
    }
    return true;
  };
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'B-ORG') continue;
    let j = i + 1;
    while (out[j] === 'I-ORG') j++;
    let hasOf = false;
    for (let k = i + 1; k < j - 1; k++) if (OF_WORDS.has((tokens[k] as Token).text)) hasOf = true;
    if (!hasOf) {
      i = j - 1;
      continue;
    }
    // The list after the name: [Run] (", " Run)* ("and" | "&") Run.
    let k = capitalRunEnd(tokens, j);
    let fits = runFits(j, k, LISTED_BUCKETS);
    while (fits && (tokens[k] as Token | undefined)?.text === ',' && capitalRunEnd(tokens, k + 1) > k + 1) {
      const end = capitalRunEnd(tokens, k + 1);
      fits = runFits(k + 1, end, LISTED_BUCKETS);
      k = end;
    }
    const and = tokens[k] as Token | undefined;
    const lastEnd = and && AND_WORDS.has(and.text) ? capitalRunEnd(tokens, k + 1) : k;
    if (fits && lastEnd > k + 1 && runFits(k + 1, lastEnd, LOWERCASE_BUCKETS)) {
      for (let m = j; m < lastEnd; m++) out[m] = 'I-ORG';
      j = lastEnd;
    }
    i = j - 1;
  }
  return out;
}
