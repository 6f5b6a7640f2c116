/**
 * Token features of the entity tagger, shared by training (scripts/train-ner.ts)
 * and tagging (tag-entities.ts) so that both see exactly the same strings.
 */
import { DEMONYMS, GIVEN_NAMES, HONORIFICS, ORG_HEAD_WORDS, RULE_PERSON_TITLES, PLACE_HEAD_WORDS } from './gazetteer.js';
import type { WordClusters } from './ner-clusters.js';
import { normalizeWord, startsCapitalized } from './tokens.js';
import { VECTOR_ZERO, vectorRow, type WordVectors } from './word-vectors.js';

/** Names by token sequence ("Bank of America" -> kinds), with the longest name per first token (Maps, or packed tables: tag-entities.ts). */
export type NameGazetteer = {
  names: { get(key: string): string | undefined };
  maxLength: { get(word: string): number | undefined };
  /** Word statistics from unlabelled news text (scripts/lib/word-stats.ts), when the gazetteer carries them. */
  stats?: WordStats;
};

/** Capitalization buckets of a word mid-sentence in unlabelled text: always, mostly, mixed, rarely, never capitalized. */
export const CAP_BUCKETS = ['A', 'M', 'H', 'R', 'N'] as const;

/** Word statistics as built by training: per lowercase word its class (1-based, 0 = none) and capitalization bucket (-1 = unknown); the coarse class of each class. */
export type WordStatsTable = { words: Map<string, { cls: number; cap: number }>; coarse: readonly number[]; buckets: readonly string[] };

/** Word statistics for the features: `get` gives a lowercase word's code, class * 8 + capitalization bucket + 1 (0 = unknown). */
export type WordStats = {
  get(lowerWord: string): number | undefined;
  coarse: ArrayLike<number>;
  /** Word clusters of pretrained vectors (ner-clusters.ts), when the model was trained with them, and which features it takes from them. */
  clusters?: WordClusters;
  clusterFeatures?: ClusterFeatures;
  /** Pretrained word vectors binarized per dimension (vectorBins), when the model was trained with them. */
  vectorBins?: VectorBins;
};

/**
 * Word vectors as binary features (Guo et al. 2014): per dimension, "e<d>+"
 * when the word's value is above the mean of the positive values of that
 * dimension over the table, "e<d>-" when below the mean of the negative ones
 * ("e=?" for a word without a vector); one set for every domain (no copy
 * per domain). Measured with domain copies: wikigold / BTC / UNER-EWT dev
 * 72.67 / 67.93 / 66.70, without 73.73 / 68.23 / 66.97 (scripts/train-ner.ts).
 */
export type VectorBins = { vectors: WordVectors; hi: Float64Array; lo: Float64Array };

/** The thresholds of VectorBins over a word-vector table (means of each dimension's positive and negative values). */
export function vectorBins(v: WordVectors): VectorBins {
  const D = v.dims;
  const hi = new Float64Array(D);
  const lo = new Float64Array(D);
  const nh = new Float64Array(D);
  const nl = new Float64Array(D);
  const rows = v.vectors.length / D;
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < D; d++) {
      const x = (v.vectors[r * D + d] as number) - VECTOR_ZERO;
      if (x > 0) {
        hi[d] = (hi[d] as number) + x;
        nh[d] = (nh[d] as number) + 1;
      } else if (x < 0) {
        lo[d] = (lo[d] as number) + x;
        nl[d] = (nl[d] as number) + 1;
      }
    }
  }
  for (let d = 0; d < D; d++) {
    hi[d] = (hi[d] as number) / Math.max(1, nh[d] as number);
    lo[d] = (lo[d] as number) / Math.max(1, nl[d] as number);
  }
  return { vectors: v, hi, lo };
}

/**
 * The real-valued inputs of a word for the tagger: its pretrained vector
 * (word-vectors.ts: normalized word, unit length, int8) times `scale`, as
 * float32; undefined when the table has no vector for it.
 */
export function wordVector(word: string, v: WordVectors, scale: number): Float32Array | undefined {
  const r = vectorRow(v, normalizeWord(word));
  if (r < 0) return undefined;
  const D = v.dims;
  const x = new Float32Array(D);
  for (let d = 0; d < D; d++) x[d] = ((v.vectors[r * D + d] as number) - VECTOR_ZERO) * v.scale * scale;
  return x;
}

/**
 * The real-valued inputs of each word of a sentence (training's, and the
 * reference the tagger's cached sums are checked against): its vector
 * (wordVector), and with `near` then the vectors of the words before and
 * after it in the sentence (zeros at its edges or for a word without one);
 * undefined when none of them has a vector.
 */
export function sentenceVectors(words: readonly string[], v: WordVectors, scale: number, near: boolean): Array<Float32Array | undefined> {
  const own = words.map((w) => wordVector(w, v, scale));
  if (!near) return own;
  const D = v.dims;
  return words.map((_, i) => {
    const blocks = [own[i], own[i - 1], own[i + 1]];
    if (blocks.every((x) => x === undefined)) return undefined;
    const x = new Float32Array(3 * D);
    blocks.forEach((b, k) => {
      if (b) x.set(b, k * D);
    });
    return x;
  });
}

function vectorFeatures(f: string[], w: string, vb: VectorBins): void {
  const bins = vectorBinsOf(w, vb);
  if (!bins) {
    f.push(VECTOR_UNKNOWN);
    return;
  }
  const names = vectorBinNames(vb.vectors.dims);
  for (const b of bins) f.push(names[b] as string);
}

/** vectorFeatures' feature of a word without a vector. */
export const VECTOR_UNKNOWN = 'e=?';

/**
 * The binarized vector of `w` as indexes into vectorBinNames, by ascending dimension d: d where its value is above the
 * dimension's high threshold ("e<d>+"), dims + d where below its low one ("e<d>-"); null for a word without a vector.
 */
export function vectorBinsOf(w: string, vb: VectorBins): number[] | null {
  const v = vb.vectors;
  const r = vectorRow(v, normalizeWord(w));
  if (r < 0) return null;
  const D = v.dims;
  const bins: number[] = [];
  for (let d = 0; d < D; d++) {
    const x = (v.vectors[r * D + d] as number) - VECTOR_ZERO;
    if (x > (vb.hi[d] as number)) bins.push(d);
    else if (x < (vb.lo[d] as number)) bins.push(D + d);
  }
  return bins;
}

/** The names of vectorBinsOf's bins, "e<d>+" for each dimension d then "e<d>-", built once instead of for every word. */
let BIN_NAMES: readonly string[] = [];
export function vectorBinNames(dims: number): readonly string[] {
  if (BIN_NAMES.length !== 2 * dims) BIN_NAMES = [...Array.from({ length: dims }, (_, d) => `e${d}+`), ...Array.from({ length: dims }, (_, d) => `e${d}-`)];
  return BIN_NAMES;
}

/**
 * Which word-cluster features the tagger takes from WordStats.clusters: the
 * current word's cluster at the granularities `cur` (indices into
 * clusters.ks), the neighbours' at granularity `near` (±1; -1 none) and `far`
 * (±2; -1 none); `classes` false drops the Wikinews word classes (k=, K=,
 * k-1=, k+1=), keeping the capitalization buckets.
 */
export type ClusterFeatures = { cur: readonly number[]; near: number; far: number; classes: boolean };
const NO_CLUSTERS: ClusterFeatures = { cur: [], near: -1, far: -1, classes: true };
/** Capitalization buckets (CAP_BUCKETS) of the words news writes mostly in lowercase mid-sentence: rarely or never capitalized. */
const LOWERCASE_BUCKETS: ReadonlySet<string> = new Set(['R', 'N']);
/** Whether the word statistics know `word` as one news writes mostly in lowercase mid-sentence ("shares", "some", "the"). */
export function writtenLowercase(word: string, stats: WordStats | undefined): boolean {
  const code = stats?.get(word.toLowerCase());
  return code !== undefined && LOWERCASE_BUCKETS.has(codeCap(code));
}

/** Whether the word statistics know `word` only capitalized, or do not know it ("Interfax", "Bundesbank"; not "Shell", "Congress"). */
export function capitalizedOrUnknown(word: string, stats: WordStats): boolean {
  const code = stats.get(word.toLowerCase());
  return code === undefined || code === 0 || codeCap(code) === 'A';
}

/** The cluster features of `stats` (none without clusters). */
const clusterFeatures = (stats: WordStats | undefined): ClusterFeatures => (stats?.clusters && stats.clusterFeatures) || NO_CLUSTERS;

export const wordStatsCode = (cls: number, cap: number): number => cls * 8 + cap + 1;
/** The class in a word-statistics code (0 = none). */
const codeClass = (code: number): number => code >> 3;
/** The capitalization bucket's letter in a word-statistics code, '?' when unknown. */
export const codeCap = (code: number): string => {
  // An index of -1 (an unknown word's code, 0) is no array index: V8 would look it up as a property's name, the slow way.
  const bucket = code & 7;
  return bucket === 0 ? '?' : (CAP_BUCKETS[bucket - 1] ?? '?');
};

/** WordStats over a table (training; the tagger reads them from its pack). */
export function wordStatsOf(t: WordStatsTable): WordStats {
  const codes = new Map<string, number>();
  for (const [w, v] of t.words) codes.set(w, wordStatsCode(v.cls, v.cap));
  return { get: (w) => codes.get(w), coarse: t.coarse };
}

/** The word-statistics features of a word: its class, coarse class, and capitalization bucket (with whether it is capitalized here). */
function statFeatures(f: string[], w: string, lw: string, stats: WordStats): void {
  const code = stats.get(lw);
  if (!code) {
    f.push(w !== lw ? 'k=?|u' : 'k=?');
    return;
  }
  const cls = codeClass(code);
  const cap = codeCap(code);
  if (cls && clusterFeatures(stats).classes) f.push(`k=${cls}`, `K=${stats.coarse[cls] as number}`);
  if (cap !== '?') f.push(`cap=${cap}|${w !== lw ? 'u' : 'l'}`);
}

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
 * `maxLengths`: per token, gaz.maxLength of its word, when the caller already has them.
 */
export function gazetteerMarks(words: readonly string[], gaz: NameGazetteer, maxLengths?: ReadonlyArray<number | undefined>): string[][] {
  const marks: string[][] = words.map(() => []);
  let coveredUntil = 0;
  for (let i = 0; i < words.length; i++) {
    const max = maxLengths ? maxLengths[i] : gaz.maxLength.get(words[i] as string);
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

/** The value of a neighbour's features at a sentence's edges: before its first token, after its last. */
export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

const SENTENCE_OPENERS = new Set(['.', '!', '?', '"', '“', ':', '(', '-', '—', '–', '|', '‘']);

/** Bits of wordLists: the word lists whose words give their neighbours a context feature. */
const LIST = { opener: 1, title: 2, orgHead: 4, placeHead: 8 } as const;

/**
 * The lists a word is on, as LIST bits, for the features its neighbours take from them ("st|", "title-1",
 * "orghead+1", "orghead+2", "placehead+1"): they depend on the word alone, so a tagger can look them up once per word.
 */
export function wordLists(w: string): number {
  let bits = 0;
  if (SENTENCE_OPENERS.has(w)) bits |= LIST.opener;
  if (RULE_PERSON_TITLES.has(w) || HONORIFICS.has(w)) bits |= LIST.title;
  if (ORG_HEAD_WORDS.has(w)) bits |= LIST.orgHead;
  if (PLACE_HEAD_WORDS.has(w)) bits |= LIST.placeHead;
  return bits;
}

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
  /** Word statistics (classes, capitalization) from unlabelled text. */
  stats?: WordStats;
  /** documentContexts(): per capitalized word seen more than once in the document, the contexts of all its occurrences. */
  docContexts?: ReadonlyMap<string, readonly string[]>;
  /** Per token, the word in lowercase, when the caller already has them. */
  lower?: readonly string[];
  /** Per token, wordShape(word), when the caller already has them. */
  shapes?: readonly string[];
  /** Per token, the word-statistics code of the lowercase word (0 when unknown), when the caller already has them. */
  codes?: readonly number[];
  /** Per token, wordLists(word), when the caller already has them. */
  lists?: readonly number[];
  /**
   * Called instead of emitting each feature a token takes from a neighbour's
   * word alone (neighbourFeatures), in its place in the order: token i's
   * feature `feature` (0 word, 1 shape, 2 class, 3 cluster: NEIGHBOUR_PREFIXES) from the
   * token `from` (i - 1 or i + 1; -1 and n stand for the sentence's edges).
   * With a domain, one call stands for the feature and its domain's copy.
   */
  neighbour?: (i: number, from: number, feature: number) => void;
};

/** At most this many contexts per word (the first ones in the document). */
const DOC_CONTEXTS_MAX = 12;

/**
 * Per capitalized word written more than once in a document, the contexts of
 * its occurrences ("p:in", "n:said", "p:GIVEN", "p:TITLE"), so that each
 * occurrence sees the evidence of the others: "Player" after "Ben" in one
 * sentence and alone in the next.
 */
export function documentContexts(words: readonly string[]): Map<string, string[]> {
  const capitalized = words.map(startsCapitalized);
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) if (capitalized[i]) counts.set(words[i] as string, (counts.get(words[i] as string) ?? 0) + 1);
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!capitalized[i] || (counts.get(w) as number) < 2) continue;
    const set = out.get(w) ?? new Set<string>();
    out.set(w, set);
    if (set.size >= DOC_CONTEXTS_MAX) continue;
    const prev = i > 0 ? words[i - 1] : undefined;
    const next = words[i + 1];
    if (prev !== undefined) {
      if (RULE_PERSON_TITLES.has(prev) || HONORIFICS.has(prev)) set.add('p:TITLE');
      else if (GIVEN_NAMES.has(prev)) set.add('p:GIVEN');
      else if (!capitalized[i - 1]) set.add(`p:${prev.toLowerCase()}`);
    }
    if (next !== undefined) {
      if (ORG_HEAD_WORDS.has(next)) set.add('n:ORGHEAD');
      else if (PLACE_HEAD_WORDS.has(next)) set.add('n:PLACEHEAD');
      else if (capitalized[i + 1]) set.add('n:CAP');
      else set.add(`n:${next.toLowerCase()}`);
    }
  }
  return new Map([...out].map(([w, set]) => [w, [...set]]));
}

/**
 * Features of a word on its own, whatever its context (the tagger caches their weights per word). `vectorBins` false
 * leaves out those of the binarized vector (stats.vectorBins), last in the list: the tagger adds their rows by bin.
 */
export function wordFeatures(w: string, domain?: string, stats?: WordStats, vectorBins = true): string[] {
  const lw = w.toLowerCase();
  const f: string[] = ['b', `w=${lw}`, `s=${wordShape(w)}`, `x2=${lw.slice(-2)}`, `x3=${lw.slice(-3)}`, `x4=${lw.slice(-4)}`, `p2=${lw.slice(0, 2)}`, `p3=${lw.slice(0, 3)}`];
  if (stats) statFeatures(f, w, lw, stats);
  const cl = stats?.clusters;
  const cur = clusterFeatures(stats).cur;
  if (cl && cur.length) {
    const code = cl.get(lw);
    if (code === undefined) f.push('c=?');
    else for (const j of cur) f.push(`c${j}=${cl.id(code, j)}`);
  }
  if (w !== lw) f.push(`W=${w}`);
  if (GIVEN_NAMES.has(w)) f.push('given');
  if (RULE_PERSON_TITLES.has(w) || HONORIFICS.has(w)) f.push('title');
  if (ORG_HEAD_WORDS.has(w)) f.push('orghead');
  if (PLACE_HEAD_WORDS.has(w)) f.push('placehead');
  if (DEMONYMS.has(w)) f.push('demonym');
  const out = domain ? augment(f, domain) : f;
  if (vectorBins && stats?.vectorBins) vectorFeatures(out, w, stats.vectorBins);
  return out;
}

const augment = (f: string[], domain: string): string[] => {
  const k = f.length;
  for (let j = 0; j < k; j++) f.push(`${domain}~${f[j] as string}`);
  return f;
};

/** Receives one context feature of token i as a prefix and a value (the feature's name is prefix + value). */
export type FeatureSink = (i: number, prefix: string, value: string) => void;

const NONE: readonly string[] = [];

/** `sink`, each feature also given with the domain's prefix when there is a domain (Daumé's feature augmentation). */
export function withDomain(domain: string | undefined, sink: FeatureSink): FeatureSink {
  return domain
    ? (i, p, v) => {
        sink(i, p, v);
        sink(i, `${domain}~${p}`, v);
      }
    : sink;
}

/** Emits the context features of every token (the features that depend on its neighbours and on the document). */
export function visitContextFeatures(input: FeatureInputs, sink: FeatureSink): void {
  const { words, gazetteer, rules, domain } = input;
  const emit = withDomain(domain, sink);
  const fromNeighbour = input.neighbour;
  const n = words.length;
  const lower = input.lower ?? words.map((w) => w.toLowerCase());
  const shapes = input.shapes ?? words.map(wordShape);
  const lists = input.lists ?? words.map(wordLists);
  const onList = (j: number, list: number): boolean => ((lists[j] as number) & list) !== 0;
  const capsLine = n > 3 && words.every((x) => x === x.toUpperCase());
  const stats = input.stats;
  const codes = stats ? (input.codes ?? lower.map((lw) => stats.get(lw) ?? 0)) : undefined;
  const cl = stats?.clusters;
  const { near, far, classes: withClasses } = clusterFeatures(stats);
  // The neighbours' word classes, unless the model takes word clusters in their place.
  const classes = codes && withClasses && !fromNeighbour ? codes.map((c) => String(codeClass(c))) : [];
  const clusterIds = (j: number) => lower.map((lw) => { const c = cl?.get(lw); return c === undefined ? '?' : String(cl?.id(c, j)); });
  // The neighbours' clusters at `near` depend on their words alone: `neighbour` gives them when there is one.
  const nearFromNeighbour = Boolean(fromNeighbour && cl && near >= 0);
  const nearIds = cl && near >= 0 && !nearFromNeighbour ? clusterIds(near) : undefined;
  const farIds = cl && far >= 0 ? (far === near && nearIds ? nearIds : clusterIds(far)) : undefined;
  const at = (arr: readonly string[], i: number) => (i < 0 ? SENTENCE_START : i >= n ? SENTENCE_END : (arr[i] as string));
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const lw = lower[i] as string;
    const sh = shapes[i] as string;
    const prevW = at(lower, i - 1);
    const nextW = at(lower, i + 1);
    const prevSh = at(shapes, i - 1);
    const nextSh = at(shapes, i + 1);
    // The features a token takes from one neighbour's word alone (neighbourFeatures gives them for a word).
    if (fromNeighbour) {
      fromNeighbour(i, i - 1, 0);
      fromNeighbour(i, i + 1, 0);
      fromNeighbour(i, i - 1, 1);
      fromNeighbour(i, i + 1, 1);
    } else {
      emit(i, 'w-1=', prevW);
      emit(i, 'w+1=', nextW);
      emit(i, 's-1=', prevSh);
      emit(i, 's+1=', nextSh);
    }
    emit(i, 'w-1s=', `${prevW}|${sh}`);
    emit(i, 'sw+1=', `${sh}|${nextW}`);
    const first = i === 0 || onList(i - 1, LIST.opener);
    if (first) emit(i, 'st|', sh);
    const cap = codes ? codeCap(codes[i] as number) : null;
    if (cap !== null) {
      if (withClasses && fromNeighbour) {
        fromNeighbour(i, i - 1, 2);
        fromNeighbour(i, i + 1, 2);
      } else if (withClasses) {
        emit(i, 'k-1=', at(classes, i - 1));
        emit(i, 'k+1=', at(classes, i + 1));
      }
      if (w !== lw) emit(i, first ? 'capst=' : 'capmid=', cap);
    }
    if (fromNeighbour && nearFromNeighbour) {
      fromNeighbour(i, i - 1, 3);
      fromNeighbour(i, i + 1, 3);
    } else if (nearIds) {
      emit(i, 'c-1=', at(nearIds, i - 1));
      emit(i, 'c+1=', at(nearIds, i + 1));
    }
    if (farIds) {
      emit(i, 'c-2=', at(farIds, i - 2));
      emit(i, 'c+2=', at(farIds, i + 2));
    }
    if (input.lowercaseSeen && w !== lw && input.lowercaseSeen.has(lw)) emit(i, first ? 'lcs|st' : 'lcs', '');
    const dc = input.docContexts?.get(w);
    if (dc) for (const c of dc) emit(i, 'd=', c);
    if (w !== lw && w.length > 1 && w === w.toUpperCase()) emit(i, capsLine ? 'allcaps-line' : 'allcaps', '');
    if (i > 0 && onList(i - 1, LIST.title)) emit(i, 'title-1', '');
    if (i + 1 < n && onList(i + 1, LIST.orgHead)) emit(i, 'orghead+1', '');
    if (i + 2 < n && onList(i + 2, LIST.orgHead)) emit(i, 'orghead+2', '');
    if (i + 1 < n && onList(i + 1, LIST.placeHead)) emit(i, 'placehead+1', '');
    for (const g of gazetteer[i] ?? NONE) {
      emit(i, 'g=', g);
      // A name the gazetteer knows, with how unlabelled text writes the word: trusted when always capitalized or unseen there.
      if (cap !== null) {
        emit(i, 'gc=', `${g}|${cap}`);
      }
    }
    // Index -1 is read as a property's name, the slow way: the first token has no token before it.
    for (const g of (i > 0 ? gazetteer[i - 1] : undefined) ?? NONE) emit(i, 'g-1=', g);
    for (const g of gazetteer[i + 1] ?? NONE) emit(i, 'g+1=', g);
    const r = rules[i] ?? '';
    if (r) {
      emit(i, 'r=', r);
      emit(i, 'r=', `${r}|${sh}`);
    }
    const rp = i > 0 ? (rules[i - 1] ?? '') : '';
    const rn = rules[i + 1] ?? '';
    if (rp) emit(i, 'r-1=', rp);
    if (rn) emit(i, 'r+1=', rn);
  }
}

/** The prefixes of the features a token takes from the word just before it alone, and from the word just after it. */
export const NEIGHBOUR_PREFIXES = { before: ['w-1=', 's-1=', 'k-1=', 'c-1='], after: ['w+1=', 's+1=', 'k+1=', 'c+1='] } as const;

/**
 * The features a token takes from the word just before it (`side` 'before':
 * w-1=, s-1=, k-1=, c-1=) or just after it ('after': w+1=, s+1=, k+1=, c+1=),
 * as visitContextFeatures emits them (the word-statistics class only with
 * `stats`, the word's cluster only when the model takes the neighbours'),
 * each given to `sink` as token 0; `word` null stands for the sentence's edge
 * (SENTENCE_START before the first token, SENTENCE_END after the last). They
 * depend on that word alone, so a tagger can look them up once per word.
 */
export function neighbourFeatures(word: string | null, side: 'before' | 'after', stats: WordStats | undefined, sink: FeatureSink): void {
  const [w, s, k, c] = NEIGHBOUR_PREFIXES[side];
  const cl = stats?.clusters;
  const { near, classes } = clusterFeatures(stats);
  if (word === null) {
    const edge = side === 'before' ? SENTENCE_START : SENTENCE_END;
    sink(0, w, edge);
    sink(0, s, edge);
    if (stats && classes) sink(0, k, edge);
    if (cl && near >= 0) sink(0, c, edge);
    return;
  }
  const lw = word.toLowerCase();
  sink(0, w, lw);
  sink(0, s, wordShape(word));
  if (stats && classes) sink(0, k, String(codeClass(stats.get(lw) ?? 0)));
  if (cl && near >= 0) {
    const code = cl.get(lw);
    sink(0, c, code === undefined ? '?' : String(cl.id(code, near)));
  }
}

/** The feature strings of every token: its word features and, unless `contextOnly`, its context features. */
export function sentenceFeatures(input: FeatureInputs, contextOnly = false): string[][] {
  const out: string[][] = input.words.map((w) => (contextOnly ? [] : wordFeatures(w, input.domain, input.stats)));
  visitContextFeatures(input, (i, p, v) => (out[i] as string[]).push(p + v));
  return out;
}
