/**
 * Token features of the entity tagger, shared by training (scripts/train-ner.ts)
 * and tagging (tag-entities.ts) so that both see exactly the same strings.
 */
import { DEMONYMS, GIVEN_NAMES, HONORIFICS, ORG_HEAD_WORDS, PERSON_TITLES, PLACE_HEAD_WORDS } from './gazetteer.js';

/** Names by token sequence ("Bank of America" -> kinds), with the longest name per first token. */
export type NameGazetteer = {
  names: ReadonlyMap<string, string>;
  maxLength: ReadonlyMap<string, number>;
};

/** Builds a gazetteer from [kind, tokens] pairs; kind is a short label such as 'LOC' or 'ORG'. */
export function buildGazetteer(entries: Iterable<readonly [string, readonly string[]]>): NameGazetteer {
  const names = new Map<string, Set<string>>();
  const maxLength = new Map<string, number>();
  for (const [kind, toks] of entries) {
    const first = toks[0];
    if (!first || toks.length > 8) continue;
    const key = toks.join(' ');
    const set = names.get(key) ?? new Set<string>();
    set.add(kind);
    names.set(key, set);
    maxLength.set(first, Math.max(maxLength.get(first) ?? 0, toks.length));
  }
  return { names: new Map([...names].map(([k, v]) => [k, [...v].sort().join('+')])), maxLength };
}

/**
 * Per token, the gazetteer kinds covering it as "KIND-B" / "KIND-I" marks of the
 * longest name starting at each position (names do not overlap within a kind run).
 */
export function gazetteerMarks(words: readonly string[], gaz: NameGazetteer): string[][] {
  const marks: string[][] = words.map(() => []);
  let coveredUntil = 0;
  for (let i = 0; i < words.length; i++) {
    const max = gaz.maxLength.get(words[i] as string);
    if (!max || i < coveredUntil) continue;
    for (let len = Math.min(max, words.length - i); len >= 1; len--) {
      const kinds = gaz.names.get(len === 1 ? (words[i] as string) : words.slice(i, i + len).join(' '));
      if (!kinds) continue;
      (marks[i] as string[]).push(`${kinds}-B${len === 1 ? '1' : ''}`);
      for (let k = i + 1; k < i + len; k++) (marks[k] as string[]).push(`${kinds}-I`);
      coveredUntil = i + len;
      break;
    }
  }
  return marks;
}

/** "Liu" -> "Xx", "U.S." -> "X.X.", "2002" -> "d", "iPhone" -> "xXx". */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

const SENTENCE_OPENERS = new Set(['.', '!', '?', '"', '“', ':', '(', '-', '—', '–', '|', '‘']);

export type FeatureInputs = {
  words: readonly string[];
  /** gazetteerMarks(words). */
  gazetteer: readonly (readonly string[])[];
  /** The rule-based tagger's label per token ("B-PER", "I-ORG", "U" for an untyped name, "" for none). */
  rules: readonly string[];
  /** Lowercased words seen written in lowercase elsewhere in the document (capitalized at a sentence start = ordinary word). */
  lowercaseSeen?: ReadonlySet<string>;
  /** 'social' for posts (tweets), else formal text: each feature is also given with this prefix (Daumé's feature augmentation). */
  domain?: string;
};

/** The feature strings of every token. */
export function sentenceFeatures(input: FeatureInputs): string[][] {
  const { words, gazetteer, rules } = input;
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const out: string[][] = new Array(n);
  const capsLine = n > 3 && words.every((x) => x === x.toUpperCase());
  const at = (arr: readonly string[], i: number, pad: string) => (i < 0 ? '<s>' : i >= n ? '</s>' : ((arr[i] as string) ?? pad));
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const lw = lower[i] as string;
    const sh = shapes[i] as string;
    const prevW = at(lower, i - 1, '');
    const nextW = at(lower, i + 1, '');
    const prevSh = at(shapes, i - 1, '');
    const nextSh = at(shapes, i + 1, '');
    const f: string[] = [
      'b',
      `w=${lw}`,
      `s=${sh}`,
      `x2=${lw.slice(-2)}`,
      `x3=${lw.slice(-3)}`,
      `x4=${lw.slice(-4)}`,
      `p2=${lw.slice(0, 2)}`,
      `p3=${lw.slice(0, 3)}`,
      `w-1=${prevW}`,
      `w+1=${nextW}`,
      `w-2=${at(lower, i - 2, '')}`,
      `w+2=${at(lower, i + 2, '')}`,
      `s-1=${prevSh}`,
      `s+1=${nextSh}`,
      `s3=${prevSh}|${sh}|${nextSh}`,
      `w-1s=${prevW}|${sh}`,
      `sw+1=${sh}|${nextW}`,
    ];
    if (w !== lw) f.push(`W=${w}`);
    const first = i === 0 || SENTENCE_OPENERS.has(words[i - 1] as string);
    if (first) f.push(`st|${sh}`);
    if (input.lowercaseSeen && w !== lw && input.lowercaseSeen.has(lw)) f.push(first ? 'lcs|st' : 'lcs');
    if (w.length > 1 && w === w.toUpperCase() && w !== lw) f.push(capsLine ? 'allcaps-line' : 'allcaps');
    if (GIVEN_NAMES.has(w)) f.push('given');
    if (PERSON_TITLES.has(w) || HONORIFICS.has(w)) f.push('title');
    if (i > 0 && (PERSON_TITLES.has(words[i - 1] as string) || HONORIFICS.has(words[i - 1] as string))) f.push('title-1');
    if (ORG_HEAD_WORDS.has(w)) f.push('orghead');
    if (i + 1 < n && ORG_HEAD_WORDS.has(words[i + 1] as string)) f.push('orghead+1');
    if (i + 2 < n && ORG_HEAD_WORDS.has(words[i + 2] as string)) f.push('orghead+2');
    if (PLACE_HEAD_WORDS.has(w)) f.push('placehead');
    if (i + 1 < n && PLACE_HEAD_WORDS.has(words[i + 1] as string)) f.push('placehead+1');
    if (DEMONYMS.has(w)) f.push('demonym');
    for (const g of gazetteer[i] ?? []) f.push(`g=${g}`);
    for (const g of gazetteer[i - 1] ?? []) f.push(`g-1=${g}`);
    for (const g of gazetteer[i + 1] ?? []) f.push(`g+1=${g}`);
    const r = rules[i] ?? '';
    if (r) f.push(`r=${r}`, `r=${r}|${sh}`);
    const rp = rules[i - 1] ?? '';
    const rn = rules[i + 1] ?? '';
    if (rp) f.push(`r-1=${rp}`);
    if (rn) f.push(`r+1=${rn}`);
    if (input.domain) {
      const k = f.length;
      for (let j = 0; j < k; j++) f.push(`${input.domain}~${f[j] as string}`);
    }
    out[i] = f;
  }
  return out;
}
