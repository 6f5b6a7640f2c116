/**
 * Whether an update of a story is substantive or cosmetic. Pure.
 *
 * Cosmetic: the headline and the text say the same words in the same order,
 * and only whitespace or punctuation moved (a typo'd double space, curly
 * quotes, a dash, a missing full stop, a paragraph split differently).
 * Substantive: any word or figure changed, was added or removed.
 *
 * Compared after Unicode compatibility normalisation (NFKC), so a composed
 * and a decomposed "é" or a non-breaking space count as the same. Letter case
 * counts: "US" and "us" are different words. So do symbols and per cent signs
 * ("$5" and "€5", "5%" and "5"). Punctuation between two digits
 * counts too: "1.5" and "15" are different figures (so is "1,000" and "1000",
 * the price of never missing a corrected figure).
 */

export type StoryContent = { title: string; text: string };

/**
 * Punctuation that carries no words: not a per cent or per mille sign (they
 * change a figure), not between two digits ("1,000", "3.5", "10:30": part of
 * the figure). Symbols ($, €, +, °) are words.
 */
const PUNCTUATION = /(?!(?<=\p{N})\p{P}(?=\p{N}))(?![%‰])\p{P}/gu;

const words = (s: string): string => s.split(/\s+/u).filter((w) => w.length > 0).join(' ');

/**
 * The words of a text, two ways: punctuation dropped ("e-mail" → "email") and
 * punctuation as a word break ("Paris.The" → "Paris The"). A change is cosmetic
 * when either way gives the same words, which covers both kinds of fix.
 */
export function comparableWords(text: string): { joined: string; split: string } {
  const normal = text.normalize('NFKC');
  return { joined: words(normal.replace(PUNCTUATION, '')), split: words(normal.replace(PUNCTUATION, ' ')) };
}

function sameWords(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const x = comparableWords(a);
  const y = comparableWords(b);
  return x.joined === y.joined || x.split === y.split;
}

/** True when the headline or the text changed beyond whitespace and punctuation. */
export function isSubstantiveChange(before: StoryContent, after: StoryContent): boolean {
  return !sameWords(before.title, after.title) || !sameWords(before.text, after.text);
}
