/** A word token with its character offset in the source text. */
export type Token = { text: string; start: number; end: number };

// Letters (any script), digits, and inner apostrophes / hyphens / periods of abbreviations.
const WORD_RE = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*\.?/gu;

/** Word tokens of `text` with offsets. A trailing period is kept only on abbreviations like "U.S." or "Mr.". */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    out.push(wordToken(m[0], start, text.charCodeAt(start + m[0].length - 1) === PERIOD));
  }
  return out;
}

/**
 * The word tokens of `text` that start at or after `from` and before `to`, added to `out`; the offset just past the
 * last one's match (its period included), or `from` when there is none. For a part of a text that another
 * tokenizer read differently (nerAndWordTokens).
 */
export function tokenizeSpan(text: string, from: number, to: number, out: Token[]): number {
  let end = from;
  WORD_SPAN_RE.lastIndex = from;
  for (let m = WORD_SPAN_RE.exec(text); m !== null && m.index < to; m = WORD_SPAN_RE.exec(text)) {
    out.push(wordToken(m[0], m.index, text.charCodeAt(m.index + m[0].length - 1) === PERIOD));
    end = m.index + m[0].length;
  }
  WORD_SPAN_RE.lastIndex = 0;
  return end;
}

/** WORD_RE for tokenizeSpan's searches from an offset (its own lastIndex: matchAll starts a copy of WORD_RE at WORD_RE's). */
const WORD_SPAN_RE = new RegExp(WORD_RE.source, WORD_RE.flags);

/**
 * The token of one match of the word expression at `start`, `endsWithPeriod` whether the match ends with "." (read
 * from the text by the caller: a method read on each match's own string costs more, its strings being of several
 * kinds): the trailing period kept only on an abbreviation.
 */
export function wordToken(match: string, start: number, endsWithPeriod: boolean): Token {
  const word = endsWithPeriod && !isAbbreviation(match) ? match.slice(0, -1) : match;
  return { text: word, start, end: start + word.length };
}

/** The character code of ".". */
export const PERIOD = 46;

const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'capt.', 'sgt.', 'st.', 'jr.', 'sr.',
  'inc.', 'corp.', 'co.', 'ltd.', 'no.', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'rev.', 'pres.',
]);

function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // U.S., U.N., E.U., and initials ("S. Somanath")
  return /^(?:\p{L}\.){2,}$/u.test(word) || /^\p{Lu}\.$/u.test(word);
}

/**
 * The text of token `k`, or '' past either end of the tokens. A pass that reads a neighbour with `tokens[k]?.text` reads
 * past the array's end at a text's last token; V8 compiles such a read for the tokens that exist, and the first text
 * where it does read past the end deoptimizes the pass, which is then compiled again.
 */
export const textAt = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? (tokens[k] as Token).text : '');

/** Whether a word starts with a capital letter (any script's upper case; ASCII without the regular expression). */
export const startsCapitalized = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
};

/** Whether a word starts with a lowercase letter (any script's; ASCII without the regular expression). */
export const startsLowercase = (word: string): boolean => {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(word);
};

/** normalizeWord's results by word, for the words of the next texts (bounded: cleared when full). */
const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 50_000;

/** Lowercase, and a light plural stemmer shared by every matcher so terms and text agree. */
export function normalizeWord(word: string): string {
  let w = NORMALIZED.get(word);
  if (w === undefined) {
    w = normalizeUncached(word);
    if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
    NORMALIZED.set(word, w);
  }
  return w;
}

function normalizeUncached(word: string): string {
  let w = word.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  return stem(w);
}

export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !w.endsWith("'s")) {
    return w.slice(0, -1);
  }
  return w;
}

/** Splits `text` into sentences (start offsets), on . ! ? followed by space and a capital/quote, or blank lines. */
export function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>([0]);
  const re = /(?:[.!?]["'”’)]?\s+|\n\s*)(?=["“‘(]?[\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(re)) {
    starts.add((m.index ?? 0) + m[0].length);
  }
  return starts;
}

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does during for from had has have he her hers him his how i if in into is it its ' +
    'just may me might more most must my no nor not of off on once only or other our out over own said same says she should since so some ' +
    'such than that the their them then there these they this those through to too under until up upon very was we were what when where ' +
    'which while who whom why will with would you your yet also about after again against all am any because before below between both ' +
    'each few further here itself let many much myself now ours ourselves per rather several themselves us via within without whether ' +
    'told tell tells say according among another around away back become came come comes even ever every get gets go goes going got ' +
    'however including later like made make makes mr mrs ms new news one two three four five six seven eight nine ten first second last ' +
    'next year years week weeks month months day days time times today tuesday monday wednesday thursday friday saturday sunday ' +
    'week-end people part take takes taken took use used using want way well went whose yesterday still least less lot often already ' +
    'though although across along amid despite toward towards onto either neither whatever whichever just near nearly recent recently ' +
    'percent cent million billion thousand hundred dozen dozens end set put say saying see seen show shown give given gave ask asked'
  ).split(/\s+/),
);
