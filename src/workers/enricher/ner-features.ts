/**
 * Token features of the entity tagger, shared by training (scripts/train-ner.ts)
 * and tagging (tag-entities.ts) so that both see exactly the same strings.
 */
import { DEMONYMS, GIVEN_NAMES, HONORIFICS, ORG_HEAD_WORDS, PERSON_TITLES, PLACE_HEAD_WORDS } from './gazetteer.js';

/** Names by token sequence ("Bank of America" -> kinds), with the longest name per first token (Maps, or packed tables: tag-entities.ts). */
export type NameGazetteer = {
  names: { get(key: string): string | undefined };
  maxLength: { get(word: string): number | undefined };
};

/** Builds a gazetteer from [kind, tokens] pairs; kind is a short label such as 'LOC' or 'ORG'. */
export function buildGazetteer(entries: Iterable<readonly [string, readonly string[]]>): { names: Map<string, string>; maxLength: Map<string, number> } {
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
    // The longest name starting here, building the key word by word.
    let key = words[i] as string;
    let best = 0;
    let bestKinds = '';
    const limit = Math.min(max, words.length - i);
    for (let len = 1; len <= limit; len++) {
      if (len > 1) key += ` ${words[i + len - 1] as string}`;
      const kinds = gaz.names.get(key);
      if (kinds) {
        best = len;
        bestKinds = kinds;
      }
    }
    if (!best) continue;
    (marks[i] as string[]).push(`${bestKinds}-B${best === 1 ? '1' : ''}`);
    for (let k = i + 1; k < i + best; k++) (marks[k] as string[]).push(`${bestKinds}-I`);
    coveredUntil = i + best;
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

/** Features of a word on its own, whatever its context (the tagger caches their weights per word). */
export function wordFeatures(w: string, domain?: string): string[] {
  const lw = w.toLowerCase();
  const f: string[] = ['b', `w=${lw}`, `s=${wordShape(w)}`, `x2=${lw.slice(-2)}`, `x3=${lw.slice(-3)}`, `x4=${lw.slice(-4)}`, `p2=${lw.slice(0, 2)}`, `p3=${lw.slice(0, 3)}`];
  if (w !== lw) f.push(`W=${w}`);
  if (GIVEN_NAMES.has(w)) f.push('given');
  if (PERSON_TITLES.has(w) || HONORIFICS.has(w)) f.push('title');
  if (ORG_HEAD_WORDS.has(w)) f.push('orghead');
  if (PLACE_HEAD_WORDS.has(w)) f.push('placehead');
  if (DEMONYMS.has(w)) f.push('demonym');
  return domain ? augment(f, domain) : f;
}

const augment = (f: string[], domain: string): string[] => {
  const k = f.length;
  for (let j = 0; j < k; j++) f.push(`${domain}~${f[j] as string}`);
  return f;
};

/** Receives one context feature of token i as a prefix and a value (the feature's name is prefix + value). */
export type FeatureSink = (i: number, prefix: string, value: string) => void;

const NONE: readonly string[] = [];

/** Emits the context features of every token (the features that depend on its neighbours and on the document). */
export function visitContextFeatures(input: FeatureInputs, sink: FeatureSink): void {
  const { words, gazetteer, rules, domain } = input;
  const emit: FeatureSink = domain
    ? (i, p, v) => {
        sink(i, p, v);
        sink(i, `${domain}~${p}`, v);
      }
    : sink;
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const capsLine = n > 3 && words.every((x) => x === x.toUpperCase());
  const at = (arr: readonly string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : (arr[i] as string));
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const lw = lower[i] as string;
    const sh = shapes[i] as string;
    const prevW = at(lower, i - 1);
    const nextW = at(lower, i + 1);
    const prevSh = at(shapes, i - 1);
    const nextSh = at(shapes, i + 1);
    emit(i, 'w-1=', prevW);
    emit(i, 'w+1=', nextW);
    emit(i, 's-1=', prevSh);
    emit(i, 's+1=', nextSh);
    emit(i, 'w-1s=', `${prevW}|${sh}`);
    emit(i, 'sw+1=', `${sh}|${nextW}`);
    const first = i === 0 || SENTENCE_OPENERS.has(words[i - 1] as string);
    if (first) emit(i, 'st|', sh);
    if (input.lowercaseSeen && w !== lw && input.lowercaseSeen.has(lw)) emit(i, first ? 'lcs|st' : 'lcs', '');
    if (w.length > 1 && w === w.toUpperCase() && w !== lw) emit(i, capsLine ? 'allcaps-line' : 'allcaps', '');
    if (i > 0 && (PERSON_TITLES.has(words[i - 1] as string) || HONORIFICS.has(words[i - 1] as string))) emit(i, 'title-1', '');
    if (i + 1 < n && ORG_HEAD_WORDS.has(words[i + 1] as string)) emit(i, 'orghead+1', '');
    if (i + 2 < n && ORG_HEAD_WORDS.has(words[i + 2] as string)) emit(i, 'orghead+2', '');
    if (i + 1 < n && PLACE_HEAD_WORDS.has(words[i + 1] as string)) emit(i, 'placehead+1', '');
    for (const g of gazetteer[i] ?? NONE) emit(i, 'g=', g);
    for (const g of gazetteer[i - 1] ?? NONE) emit(i, 'g-1=', g);
    for (const g of gazetteer[i + 1] ?? NONE) emit(i, 'g+1=', g);
    const r = rules[i] ?? '';
    if (r) {
      emit(i, 'r=', r);
      emit(i, 'r=', `${r}|${sh}`);
    }
    const rp = rules[i - 1] ?? '';
    const rn = rules[i + 1] ?? '';
    if (rp) emit(i, 'r-1=', rp);
    if (rn) emit(i, 'r+1=', rn);
  }
}

/** The feature strings of every token: its word features and, unless `contextOnly`, its context features. */
export function sentenceFeatures(input: FeatureInputs, contextOnly = false): string[][] {
  const out: string[][] = input.words.map((w) => (contextOnly ? [] : wordFeatures(w, input.domain)));
  visitContextFeatures(input, (i, p, v) => (out[i] as string[]).push(p + v));
  return out;
}
