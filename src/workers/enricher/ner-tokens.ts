import { PERIOD, type Token, tokenizeSpan, wordToken } from './tokens.js';

// A web address is one token (as the social-media sets write it); else words (letters, digits, "_" inside handles,
// joined by an apostrophe, a period, a hyphen or "&"), else one mark.
const NER_TOKEN_RE = /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?'’)\]}]|[\p{L}\p{N}_]+(?:['’.\-&][\p{L}\p{N}_]+)*\.?|[^\s\p{L}\p{N}_]/gu;

const ABBREVIATION = /^(?:(?:\p{L}\.){2,}|\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Rev|Pres|Mt|Ft|vs)\.)$/u;

/**
 * Tokens for the entity tagger, CoNLL style: punctuation marks are tokens of
 * their own, a possessive "'s" and the clitics "'m", "'re", "'ve", "'ll", "'d"
 * and "n't" are split from their word, a trailing period stays only on
 * abbreviations ("U.S.", "Mr.", initials), and a web address or a handle
 * ("david_myers77") is one token.
 */
export function nerTokenize(text: string): Token[] {
  return scanTokens(text, null);
}

/** The tokens of one text for the entity tagger (nerTokenize) and for the rules, keywords and topics (tokenize). */
export type TaggerTokens = { nerTokens: Token[]; wordTokens: Token[] };

/**
 * nerTokenize(text) and tokenize(text), from one pass of the tagger's expression. Where the tagger's token is a word
 * without "_" and no web address, tokenize's expression matches the same characters (its letters and digits, joiners
 * and trailing period are the tagger's less "_"), so tokenize's token is that match with tokenize's own rule for the
 * trailing period; a mark is no word of tokenize's; a web address or a word with "_" in it is read again by tokenize's
 * expression over its characters.
 */
export function nerAndWordTokens(text: string): TaggerTokens {
  const wordTokens: Token[] = [];
  return { nerTokens: scanTokens(text, wordTokens), wordTokens };
}

/**
 * Whether the match of NER_TOKEN_RE from `start` to `end` in `text` is its one-character mark (every other match
 * starts with a letter, a digit or "_"). Read from `text`, one string for the whole pass.
 */
function isMarkAt(text: string, start: number, end: number): boolean {
  const c = text.codePointAt(start) ?? 0;
  // One character: one code unit, or two for one past U+FFFF (an emoji).
  if (end - start !== (c > 0xffff ? 2 : 1)) return false;
  if (c >= 128) return !LETTER_OR_DIGIT.test(text.slice(start, end));
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Whether tokenize reads a match of NER_TOKEN_RE otherwise than as one word: a web address, or a word with "_" in it. */
const readApart = (match: string): boolean => match.includes('_') || match.startsWith('http') || match.startsWith('www.');

/** nerTokenize's tokens of `text`; with `words`, tokenize's tokens of `text` added to it (nerAndWordTokens). */
function scanTokens(text: string, words: Token[] | null): Token[] {
  const out: Token[] = [];
  // The offset where tokenize's expression would look for its next word.
  let wordsFrom = 0;
  // Whether any match may be one that tokenize reads apart (most texts hold no "_" and no web address).
  const apart = words !== null && (text.includes('_') || text.includes('http') || text.includes('www.'));
  for (const m of text.matchAll(NER_TOKEN_RE)) {
    let word = m[0];
    const start = m.index ?? 0;
    const end = start + word.length;
    const endsWithPeriod = text.charCodeAt(end - 1) === PERIOD;
    if (words !== null && !isMarkAt(text, start, end)) {
      if (start >= wordsFrom && !(apart && readApart(word))) {
        words.push(wordToken(word, start, endsWithPeriod));
        wordsFrom = end;
      } else {
        wordsFrom = Math.max(wordsFrom, tokenizeSpan(text, Math.max(start, wordsFrom), end, words));
      }
    }
    if (word.length > 1 && endsWithPeriod && !ABBREVIATION.test(word)) {
      word = word.slice(0, -1);
      pushWord(out, word, start);
      out.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
      continue;
    }
    pushWord(out, word, start);
  }
  return out;
}

/**
 * A name joined by a hyphen to a participle that says how something relates to
 * it ("London-based", "US-led", "Iran-backed", "Hamas-run").
 */
const NAME_PARTICIPLE = /^(\p{Lu}[\p{L}\p{N}.'’]*(?:-\p{Lu}[\p{L}\p{N}.'’]*)*)-(led|based|backed|born|owned|run|funded|sponsored|controlled|dominated|brokered|allied|linked|affiliated|administered|occupied|ruled|operated|supported|headquartered|listed|registered|bound|made|built|designed|trained|educated|manufactured|supplied|armed|financed|inspired|friendly)$/u;

/**
 * The tokens with each name joined to a participle split into the name, the
 * hyphen and the participle ("London-based" -> "London", "-", "based"): news
 * annotation marks the name ("[London]-based"), which the tagger reads only
 * as a token of its own. The training sets' tokens keep such words whole, so
 * nerTokenize does too (the word statistics of the training script are
 * counted over its tokens) and the tagger applies this on text it reads.
 */
export function splitNameParticiples(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const joined = t.text.includes('-') ? NAME_PARTICIPLE.exec(t.text) : null;
    if (!joined) {
      out.push(t);
      continue;
    }
    const k = (joined[1] as string).length;
    out.push({ text: t.text.slice(0, k), start: t.start, end: t.start + k });
    out.push({ text: '-', start: t.start + k, end: t.start + k + 1 });
    out.push({ text: t.text.slice(k + 1), start: t.start + k + 1, end: t.end });
  }
  return out;
}

/** Whether a token is the possessive clitic "'s" (either apostrophe), as nerTokenize splits it off a word ("Britain's"). */
export const isPossessive = (word: string): boolean => word === "'s" || word === '’s';

/** A clitic the CoNLL sets write as a token of its own: "'s", "'m", "'re", "'ve", "'ll", "'d" and "n't" (either apostrophe). */
const CLITIC = /(?:['’](?:s|m|re|ve|ll|d)|n['’]t)$/i;

function pushWord(out: Token[], word: string, start: number): void {
  const n = word.length;
  const clitic = n > 2 && (word.includes("'") || word.includes('’')) ? CLITIC.exec(word) : null;
  if (clitic && clitic.index > 0 && !/^(?:https?:|www\.)/i.test(word)) {
    const k = clitic.index;
    out.push({ text: word.slice(0, k), start, end: start + k });
    out.push({ text: word.slice(k), start: start + k, end: start + n });
    return;
  }
  out.push({ text: word, start, end: start + n });
}

/** Joins CoNLL tokens into text with natural spacing, and gives each token's offsets in it (for training). */
export function detokenize(words: readonly string[]): { text: string; tokens: Token[] } {
  let text = '';
  const tokens: Token[] = [];
  let quoteOpen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const prev = words[i - 1];
    let space = i > 0;
    if (/^(?:[.,;:!?%)\]}]|'s|’s|'|n't|'re|'ve|'ll|'d|'m)$/i.test(w)) space = false;
    if (prev !== undefined && /^[([{$#@]$/.test(prev)) space = false;
    if (w === '"') {
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    } else if (prev === '"' && quoteOpen) {
      space = false;
    }
    if (space) text += ' ';
    tokens.push({ text: w, start: text.length, end: text.length + w.length });
    text += w;
  }
  return { text, tokens };
}

/** The tokens of each line of `text` as [from, to) ranges of `tokens` (in text order; lines without a token are left out). */
export function tokenLines(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let from = 0;
  let newline = text.indexOf('\n');
  for (let i = 0; i < tokens.length; i++) {
    const start = (tokens[i] as Token).start;
    if (newline < 0 || start < newline) continue;
    if (i > from) lines.push([from, i]);
    from = i;
    newline = text.indexOf('\n', start);
  }
  if (tokens.length > from) lines.push([from, tokens.length]);
  return lines;
}

/** Whether tokens `from` to `to` (both included) stand on one line of `text`, no line break between any two of them. */
export function onOneLine(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  return !text.slice((tokens[from] as Token).start, (tokens[to] as Token).end).includes('\n');
}

/** Whether tokens `i` and `i + 1` both stand in `text` with a line break between them. */
export function lineBreakAfter(text: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return i >= 0 && next !== undefined && text.slice((tokens[i] as Token).end, next.start).includes('\n');
}

/** Whether token `i` stands apart from the tokens around it, a space (or the text's edge) on either side ("Saltmere — Storm", not "Parkdale—High Park"). */
export function setOffBySpaces(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return (tokens[i - 1]?.end ?? -1) !== t.start && tokens[i + 1]?.start !== t.end;
}
