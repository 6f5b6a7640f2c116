/**
 * The trained IPTC top-level topic classifier: multinomial logistic regression
 * over stemmed words and word pairs (weights in data/topic-model.bin, rebuilt
 * by `npm run train:topics`) and, when the model was trained with them, the
 * mean GloVe vector of the text's words (data/word-vectors.bin, word-vectors.ts),
 * plus, on short texts, a small net over that mean vector (short-text-net.ts),
 * with a softmax temperature fitted on held-out data so that scores read as
 * probabilities. Loaded once per process or thread, on first use.
 */
import type { Topic } from '../../store/types.js';
import { ancestorsOf, MEDIATOPICS, topLevelOf } from './mediatopics.js';
import { buildKeyTable, encodePack, keyOffsets, keyTableEntries, loadPack, MODEL_FILES, type Pack, packArray, packKeyTable, prunedRows, roundTo } from './model-pack.js';
import type { FeatureIndex } from './perceptron.js';
import { normalizedWords } from './phrase-matcher.js';
import { tagTopics } from './tag-topics.js';
import { STOPWORDS } from './tokens.js';
import { netInput, netLogProbs, netWeight, type ShortTextNet } from './short-text-net.js';
import { loadWordVectors, meanVector, vectorRow, type WordVectors } from './word-vectors.js';

export type TopicModel = {
  /** Top-level codes ("medtop:04000000"), one per class. */
  classes: readonly string[];
  /** Feature -> row offset in weights (one weight per class). */
  features: FeatureIndex;
  weights: Float32Array;
  bias: Float32Array;
  /** Softmax temperature (calibration). */
  temperature: number;
  /** Pretrained word vectors as features (word-vectors.ts), when the model was trained with them. */
  vectors?: VectorFeatures;
  /** A small net over the text's word vectors for short texts (short-text-net.ts), when the model was trained with one. */
  net?: ShortTextNet;
  /** Beyond this many content words the words' and pairs' values are scaled by sqrt(bagLength / n) (topicFeatures; 0 or absent: never). */
  bagLength?: number;
  /** A text of at most shortCopy content words also has its words as `s:` features of their own, fading out by 2 × shortCopy (topicFeatures; 0 or absent: never). */
  shortCopy?: number;
};

/**
 * How a text's word vectors become features: `dense`, the text's weighted mean
 * vector (meanVector, smooth inverse frequency r0) times `scale` as features
 * vec:0..vec:D-1; `clusters`, each content word's cluster id counted as a word
 * ("wc:ID") in the bag of words. `lengthRef` (0: off): the dense features of a
 * text of n content words are scaled by min(1, lengthRef / n), so that they
 * weigh on short texts and give way to the words on long ones; vec:b, the
 * same factor, carries the dense part's bias.
 */
export type VectorSettings = { dense: boolean; r0: number; scale: number; clusters: boolean; lengthRef: number };
export type VectorFeatures = VectorSettings & { table: WordVectors };

/** The committed file (a model pack, see model-pack.ts). */
export const TOPIC_MODEL_URL = MODEL_FILES.topicModel;

const TITLE_WEIGHT = 2;
/** Words after the first MAX_WORDS add little and cost time. */
const MAX_WORDS = 1200;

/** A word of content: not a stopword, a single letter or a number (the words whose vectors and counts the model reads). */
export function isContentWord(w: string): boolean {
  if (w.length < 2 || STOPWORDS.has(w)) return false;
  // An ASCII first letter makes a word and an ASCII digit a number, without the regular expressions.
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return false;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return !/^\p{N}/u.test(w) && /\p{L}/u.test(w);
}

/**
 * Telex's convention for the top level: IPTC files the computing and IT
 * industry (20000225: hardware, software, semiconductors, telecoms, wireless)
 * and consumer electronics (20001258) under economy, business and finance;
 * Telex reads them as science and technology (13000000), as news sections and
 * readers do. The rules' findings in those branches are a feature of their own.
 */
export const TECH_BRANCHES: readonly string[] = ['medtop:20000225', 'medtop:20001258'];
const RULE_TECH = 'rule:tech';
const TECH_CODES = new Map<string, boolean>();
export function isTechCode(code: string): boolean {
  let v = TECH_CODES.get(code);
  if (v === undefined) TECH_CODES.set(code, (v = ancestorsOf(code).some((c) => TECH_BRANCHES.includes(c))));
  return v;
}

/** The title's and text's words as weighted groups, each cut at MAX_WORDS (the words the vector features read). */
const vectorGroups = (titleWords: readonly string[], textWords: readonly string[]) => [
  { words: titleWords.length > MAX_WORDS ? titleWords.slice(0, MAX_WORDS) : titleWords, weight: TITLE_WEIGHT },
  { words: textWords.length > MAX_WORDS ? textWords.slice(0, MAX_WORDS) : textWords, weight: 1 },
];

/** Content words among the groups' words. */
function contentWordCount(groups: ReadonlyArray<{ words: readonly string[] }>): number {
  let n = 0;
  for (const { words: ws } of groups) for (const w of ws) if (isContentWord(w)) n++;
  return n;
}

/** A text's weighted mean word vector (meanVector over vectorGroups) and its number of content words, computed once for the dense features and the short-text net. */
export type TextVector = { mean: Float64Array | null; n: number };

export function textVector(vf: VectorFeatures, titleWords: readonly string[], textWords: readonly string[]): TextVector {
  const groups = vectorGroups(titleWords, textWords);
  const mean = meanVector(vf.table, groups, vf.r0, isContentWord);
  return { mean, n: mean ? contentWordCount(groups) : 0 };
}

/** The short-text net's input of a text (short-text-net.ts, netInput) and its number of content words; null when no word has a vector. */
export function shortTextInput(vf: VectorFeatures, inputs: string, titleWords: readonly string[], textWords: readonly string[], tv = textVector(vf, titleWords, textWords)): { x: Float64Array; n: number } | null {
  const x = netInput(vf.table, vectorGroups(titleWords, textWords), vf.r0, isContentWord, inputs, tv.mean);
  return x ? { x, n: tv.n } : null;
}

/**
 * The short-text net's part of a text's class scores (its log probabilities
 * times a weight that shrinks with the text's length), or null when the model
 * has no net or the text no word with a vector. `tv`: the text's textVector, when the caller has it.
 */
export function netScores(model: TopicModel, titleWords: readonly string[], textWords: readonly string[], tv?: TextVector): Float64Array | null {
  const net = model.net;
  const vf = model.vectors;
  if (!net || !vf) return null;
  const input = shortTextInput(vf, net.inputs, titleWords, textWords, tv);
  if (!input) return null;
  const lp = netLogProbs(net, input.x);
  const a = netWeight(net, input.n);
  for (let k = 0; k < lp.length; k++) lp[k] = a * (lp[k] as number);
  return lp;
}

/**
 * Feature values of a text: content words and pairs of adjacent content words
 * (stemmed, lowercase), title counted twice; log counts, L2-normalized. With
 * `bagLength` L, a text of n > L content words has those values scaled by
 * sqrt(L / n): under L2 normalization the words' part of a class score grows
 * with the square root of the number of distinct terms, so past the length of
 * the longest training texts it would outweigh, on length alone, everything
 * else the model reads (the keyword rules' reading, the word vectors, the
 * biases) and read long texts over-confidently; scaled, it stays as it is at L words.
 * The title's count weight grows the same way, by n / L past L words, so that
 * the headline keeps the share of the bag it has in a text of L words rather
 * than thinning out under a long body.
 */
export function topicFeatures(
  article: { title: string; text: string },
  words?: { titleWords?: readonly string[]; textWords?: readonly string[]; ruleTopics?: ReadonlyArray<{ code: string; score: number }>; vectors?: VectorFeatures; textVector?: TextVector; bagLength?: number; shortCopy?: number; generalScale?: number },
): Map<string, number> {
  const vf = words?.vectors;
  const clusterOf = vf?.clusters ? vf.table.cluster : null;
  const counts = new Map<string, number>();
  let contentWords = 0;
  const add = (ws: readonly string[], weight: number) => {
    let prev = '';
    const n = Math.min(ws.length, MAX_WORDS);
    for (let i = 0; i < n; i++) {
      const w = ws[i] as string;
      if (!isContentWord(w)) {
        prev = '';
        continue;
      }
      contentWords++;
      counts.set(w, (counts.get(w) ?? 0) + weight);
      if (clusterOf) {
        const r = vectorRow(vf!.table, w);
        if (r >= 0) {
          const c = `wc:${clusterOf[r]}`;
          counts.set(c, (counts.get(c) ?? 0) + weight);
        }
      }
      if (prev) {
        const pair = `${prev} ${w}`;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
      prev = w;
    }
  };
  const titleWords = words?.titleWords ?? normalizedWords(article.title);
  const textWords = words?.textWords ?? normalizedWords(article.text);
  const bagLength = words?.bagLength ?? 0;
  // The text vector's count is the same count of the same words (textVector), when it has one.
  const tv = words?.textVector;
  const n = bagLength <= 0 ? 0 : tv?.mean ? tv.n : contentWordCount(vectorGroups(titleWords, textWords));
  add(titleWords, n > bagLength ? (TITLE_WEIGHT * n) / bagLength : TITLE_WEIGHT);
  add(textWords, 1);
  // Each count's log, in the map's order, kept aside so that each entry is set once, to its final value, below.
  const logs: number[] = [];
  let norm = 0;
  for (const c of counts.values()) {
    const v = Math.log1p(c);
    logs.push(v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  if (bagLength > 0 && contentWords > bagLength) norm /= Math.sqrt(bagLength / contentWords);
  // Short texts' own copies of their single words (`s:` features, faded out between S and 2S content words): what only short
  // texts teach can sit there, out of long texts' scores. generalScale (training only) scales the shared words.
  const shortCopy = words?.shortCopy ?? 0;
  const fade = shortCopy > 0 ? Math.max(0, Math.min(1, (2 * shortCopy - contentWords) / shortCopy)) : 0;
  const general = words?.generalScale ?? 1;
  const copies: Array<[string, number]> = [];
  let e = 0;
  for (const k of counts.keys()) {
    const v = logs[e++] as number;
    counts.set(k, (general * v) / norm);
    if (fade > 0 && !k.includes(':') && !k.includes(' ')) copies.push([`s:${k}`, (fade * v) / norm]);
  }
  for (const [k, v] of copies) counts.set(k, v);
  if (vf?.dense) {
    const { mean: m, n } = words?.textVector ?? textVector(vf, titleWords, textWords);
    if (m) {
      const g = vf.lengthRef > 0 && n > vf.lengthRef ? vf.lengthRef / n : 1;
      for (let d = 0; d < m.length; d++) counts.set(`vec:${d}`, vf.scale * g * (m[d] as number));
      // The dense part's own bias, scaled with it.
      counts.set('vec:b', g);
    }
  }
  // The keyword rules' top-level reading (tag-topics.ts), as features of their own.
  for (const t of words?.ruleTopics ?? []) {
    if (/000000$/.test(t.code)) counts.set(`rule:${t.code}`, t.score);
    else if (isTechCode(t.code)) counts.set(RULE_TECH, Math.max(counts.get(RULE_TECH) ?? 0, t.score));
  }
  return counts;
}

/**
 * A text of at most this many distinct content words reads a word the model does not know as its verb's other forms
 * (knownFeatures): the short texts' length the short-text net fades by (28, the 95th percentile of dev's short texts).
 * In a longer text the words the model knows decide, and the unknown ones are mostly names.
 */
const BACKOFF_WORDS = 28;

/** The features the model knows, each looked up once: [name, value, row offset in model.weights]. */
function knownFeatures(model: TopicModel, features: ReadonlyMap<string, number>): Array<[string, number, number]> {
  const known: Array<[string, number, number]> = [];
  // The text's single words, counted only as far as BACKOFF_WORDS + 1: past it their number makes no difference.
  let words = 0;
  for (const f of features.keys()) {
    if (!f.includes(':') && !f.includes(' ')) words++;
    if (words > BACKOFF_WORDS) break;
  }
  for (const [f, v] of features) {
    const at = model.features.get(f);
    if (at !== undefined) known.push([f, v, at]);
    else if (words <= BACKOFF_WORDS && !f.includes(':') && !f.includes(' ')) {
      // A word the model has no weights for reads as the other forms of its verb that it has ("dislodged" as
      // "dislodge" and "dislodging"), its value shared among them; the term stays the text's own. A short text
      // holds one form of a word, often not one the training texts hold (definitions and keyword lists name the
      // thing, "arrest", news tells the act, "arrested"); folding known forms together instead costs long texts
      // what their forms tell apart ("housing", "house"; docs/EXPERIMENTS.md).
      const rows: number[] = [];
      for (const g of verbFormsOf(f)) {
        const r = model.features.get(g);
        if (r !== undefined) rows.push(r);
      }
      for (const r of rows) known.push([f, v / rows.length, r]);
    }
  }
  return known;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowelAt = (w: string, i: number): boolean => VOWELS.has(w[i] as string) || (w[i] === 'y' && i > 0 && !isVowelAt(w, i - 1));
/** Porter's measure m of a stem: its number of vowel-consonant sequences. */
function measure(w: string): number {
  let m = 0;
  for (let i = 1; i < w.length; i++) if (!isVowelAt(w, i) && isVowelAt(w, i - 1)) m++;
  return m;
}
/** Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3 || isVowelAt(w, n - 1) || !isVowelAt(w, n - 2) || isVowelAt(w, n - 3)) return false;
  const c = w[n - 1];
  return c !== 'w' && c !== 'x' && c !== 'y';
}

/**
 * The other forms of a word's verb: its stem (Porter's step 1b: "sliding" -> "slide", "robbing" -> "rob") and the
 * stem with -ed and -ing ("dislodge" -> "dislodged", "dislodging"); none for a word of under four letters or of
 * other characters than a-z. `word` is normalized (normalizeWord: lowercase, plural stripped).
 */
export function verbFormsOf(word: string): string[] {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return [];
  let stem = word;
  if (word.endsWith('eed') && measure(word.slice(0, -3)) > 0) stem = word.slice(0, -1);
  const cut = word.endsWith('ing') ? 3 : word.endsWith('ed') && !word.endsWith('eed') ? 2 : 0;
  const base = word.slice(0, word.length - cut);
  let vowel = false;
  for (let i = 0; i < base.length && !vowel; i++) vowel = isVowelAt(base, i);
  if (cut > 0 && base.length >= 3 && vowel) {
    const n = base.length;
    const last = base[n - 1] as string;
    if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) stem = `${base}e`;
    else if (last === base[n - 2] && !isVowelAt(base, n - 1) && last !== 'l' && last !== 's' && last !== 'z') stem = base.slice(0, -1);
    else if (measure(base) === 1 && endsCvc(base)) stem = `${base}e`;
    else stem = base;
  }
  const forms = [stem];
  // Porter leaves an e it cannot tell ("dislodg"): the stem with it is looked up too.
  if (cut > 0 && stem === base) forms.push(`${base}e`, `${base}ed`, `${base}ing`);
  else if (stem.endsWith('ee')) forms.push(`${stem}d`, `${stem}ing`);
  else if (stem.endsWith('e')) forms.push(`${stem}d`, `${stem.slice(0, -1)}ing`);
  else if (measure(stem) === 1 && endsCvc(stem)) forms.push(`${stem}${stem[stem.length - 1]}ed`, `${stem}${stem[stem.length - 1]}ing`);
  else forms.push(`${stem}ed`, `${stem}ing`);
  return forms.filter((f) => f !== word);
}

function scoresOf(model: TopicModel, known: ReadonlyArray<readonly [string, number, number]>): Float64Array {
  const K = model.classes.length;
  const W = model.weights;
  const s = Float64Array.from(model.bias);
  for (const [, v, at] of known) for (let k = 0; k < K; k++) s[k] = (s[k] as number) + v * (W[at + k] as number);
  return s;
}

/** Raw class scores (before softmax) of feature values. */
export function classScores(model: TopicModel, features: ReadonlyMap<string, number>): Float64Array {
  return scoresOf(model, knownFeatures(model, features));
}

export function softmax(scores: ArrayLike<number>, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] as number);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(((scores[i] as number) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

const MODEL_FORMAT = 'telex topic classifier v2';

/** The model as a pack: classes, temperature, biases, and the features whose weights survive rounding to `decimals` and `minWeight`. */
export function packTopicModel(model: TopicModel & { features: Iterable<readonly [string, number]> }, opts: { minWeight: number; decimals: number }): Uint8Array {
  const round = (x: number) => roundTo(x, opts.decimals);
  // The dense vector features' weights are many and small: none is pruned.
  const rows = prunedRows(model.features, model.weights, model.classes.length, { ...opts, keepSmall: (f) => f.startsWith('vec:') });
  return encodePack(
    { format: MODEL_FORMAT, classes: model.classes, temperature: round(model.temperature), ...(model.vectors ? { vectors: vectorSettings(model.vectors) } : {}), ...(model.net ? { net: netSettings(model.net) } : {}), ...(model.bagLength ? { bagLength: model.bagLength } : {}), ...(model.shortCopy ? { shortCopy: model.shortCopy } : {}) },
    {
      bias: { array: Float32Array.from(model.bias, round) },
      ...(model.net ? { netW1: { array: model.net.W1 }, netB1: { array: model.net.b1 }, netW2: { array: model.net.W2 }, netB2: { array: model.net.b2 } } : {}),
      weights: { array: rows.weights, q16Scale: 10 ** opts.decimals },
      ...keyTableEntries('features', buildKeyTable(rows.keys)),
    },
  );
}

type NetSettings = Pick<ShortTextNet, 'inputs' | 'hidden' | 'mix' | 'lengthRef'>;
const netSettings = (n: NetSettings): NetSettings => ({ inputs: n.inputs, hidden: n.hidden, mix: n.mix, lengthRef: n.lengthRef });

const vectorSettings = (v: VectorSettings): VectorSettings => ({ dense: v.dense, r0: v.r0, scale: v.scale, clusters: v.clusters, lengthRef: v.lengthRef ?? 0 });

/** The model of a pack; a model trained with word vectors takes `vectors` (default: the committed table, data/word-vectors.bin). */
export function unpackTopicModel(pack: Pack, vectors?: WordVectors): TopicModel {
  if (pack.meta['format'] !== MODEL_FORMAT) throw new Error('not a telex topic model');
  const classes = pack.meta['classes'] as string[];
  const bias = packArray(pack, 'bias', Float32Array);
  if (bias.length !== classes.length) throw new Error('topic model: bad biases');
  const model: TopicModel = { classes, features: keyOffsets(packKeyTable(pack, 'features'), classes.length), weights: packArray(pack, 'weights', Float32Array), bias, temperature: Number(pack.meta['temperature']) };
  const bagLength = Number(pack.meta['bagLength'] ?? 0);
  if (bagLength > 0) model.bagLength = bagLength;
  const shortCopy = Number(pack.meta['shortCopy'] ?? 0);
  if (shortCopy > 0) model.shortCopy = shortCopy;
  const settings = pack.meta['vectors'] as VectorSettings | undefined;
  if (settings) model.vectors = { ...vectorSettings(settings), table: vectors ?? loadWordVectors() };
  const net = pack.meta['net'] as NetSettings | undefined;
  if (net) {
    if (!model.vectors) throw new Error('topic model: a short-text net without word vectors');
    model.net = { ...netSettings(net), W1: packArray(pack, 'netW1', Float32Array), b1: packArray(pack, 'netB1', Float32Array), W2: packArray(pack, 'netW2', Float32Array), b2: packArray(pack, 'netB2', Float32Array) };
    if (model.net.b2.length !== classes.length || model.net.b1.length !== model.net.hidden) throw new Error('topic model: bad short-text net');
  }
  return model;
}

let MODEL: TopicModel | null = null;

/** The committed model, loaded on first use and kept for the life of the thread; its arrays are read once per process and shared by its threads (model-pack.ts). */
export function topicModel(): TopicModel {
  MODEL ??= unpackTopicModel(loadPack(TOPIC_MODEL_URL));
  return MODEL;
}

export type TopLevelScore = { code: string; score: number; evidence: string[] };

/**
 * A text's class scores before the temperature (the linear model's over the
 * features it knows, plus the short-text net's part when the model has one),
 * and those known features ([name, value, row offset]: the evidence). Shared
 * by classifyTopLevel and the training script's temperature fit and figures.
 */
export function textScores(
  model: TopicModel,
  article: { title: string; text: string },
  opts: { titleWords?: readonly string[]; textWords?: readonly string[]; ruleTopics?: ReadonlyArray<{ code: string; score: number }> } = {},
): { known: Array<[string, number, number]>; scores: Float64Array } {
  const titleWords = opts.titleWords ?? normalizedWords(article.title);
  const textWords = opts.textWords ?? normalizedWords(article.text);
  // The text's mean word vector, once for the dense features and the net.
  const tv = model.vectors?.dense || model.net ? textVector(model.vectors as VectorFeatures, titleWords, textWords) : undefined;
  const features = topicFeatures(article, { titleWords, textWords, ruleTopics: opts.ruleTopics, vectors: model.vectors, textVector: tv, bagLength: model.bagLength, shortCopy: model.shortCopy });
  const known = knownFeatures(model, features);
  const scores = scoresOf(model, known);
  const net = netScores(model, titleWords, textWords, tv);
  if (net) for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] as number) + (net[k] as number);
  return { known, scores };
}

/**
 * The terms of the text among the known features, in the order of their first feature, and for each known feature the
 * index of its term (-1 for none): the word-vector features are no terms of the text, and a short text's copy of a word
 * (`s:`) counts for the word. Found once for the classes whose evidence classifyTopLevel gives.
 */
function evidenceTerms(known: ReadonlyArray<readonly [string, number, number]>): { terms: string[]; termOf: number[] } {
  const terms: string[] = [];
  const index = new Map<string, number>();
  const termOf = known.map(([f]) => {
    if (f.startsWith('vec:') || f.startsWith('wc:')) return -1;
    const term = f.startsWith('s:') ? f.slice(2) : f;
    let t = index.get(term);
    if (t === undefined) {
      t = terms.length;
      terms.push(term);
      index.set(term, t);
    }
    return t;
  });
  return { terms, termOf };
}

/**
 * The first `k` of `items` in the order of `compare`, as `[...items].sort(compare).slice(0, k)` gives them (ties in
 * their order in `items`), without sorting the rest: the evidence of a class is five terms of the text's hundreds.
 */
export function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const x of items) {
    if (out.length === k && (k === 0 || compare(x, out[k - 1] as T) >= 0)) continue;
    let at = out.length;
    while (at > 0 && compare(x, out[at - 1] as T) < 0) at--;
    out.splice(at, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

/**
 * Calibrated probability of each IPTC top-level topic (highest first), each with
 * the terms of the text that weigh most for it. Empty when the text has no
 * content word the model knows.
 */
export function classifyTopLevel(
  article: { title: string; text: string },
  opts: { titleWords?: readonly string[]; textWords?: readonly string[]; ruleTopics?: ReadonlyArray<{ code: string; score: number }>; model?: TopicModel } = {},
): TopLevelScore[] {
  const model = opts.model ?? topicModel();
  const { known, scores } = textScores(model, article, opts);
  if (known.length === 0) return [];
  const W = model.weights;
  const p = softmax(scores, model.temperature);
  const order = model.classes.map((_, k) => k).sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
  const { terms, termOf } = evidenceTerms(known);
  // Evidence for the few classes that can be kept.
  return order.map((k, rank) => {
    const evidence: string[] = [];
    if (rank < 3) {
      const sums: number[] = new Array<number>(terms.length).fill(0);
      known.forEach(([, v, at], i) => {
        const t = termOf[i] as number;
        if (t >= 0) sums[t] = (sums[t] as number) + v * (W[at + k] as number);
      });
      const contrib = terms.map((term, t): [string, number] => [term, sums[t] as number]).filter(([, x]) => x > 0);
      for (const [f] of firstInOrder(contrib, 5, (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) evidence.push(f);
    }
    return { code: model.classes[k] as string, score: p[k] as number, evidence };
  });
}

export type ClassifyTopicsOptions = {
  /** At most this many topics (default 5). */
  maxTopics?: number;
  /** normalizedWords(title) and normalizedWords(text), when the caller already has them. */
  titleWords?: readonly string[];
  textWords?: readonly string[];
  model?: TopicModel;
};

/** A second top level is kept when the classifier gives it at least this probability. */
const SECOND_TOP_MIN = 0.25;

/**
 * IPTC Media Topics of an article: top levels from the trained classifier
 * (calibrated probabilities, the classifier's evidence terms), and under them
 * the deeper topics the keyword rules find (tag-topics.ts), each scored no
 * higher than its top level. Falls back to the rules alone when the classifier
 * knows none of the words.
 */
export function classifyTopics(article: { title: string; text: string }, opts: ClassifyTopicsOptions = {}): Topic[] {
  const maxTopics = opts.maxTopics ?? 5;
  const titleWords = opts.titleWords ?? normalizedWords(article.title);
  const textWords = opts.textWords ?? normalizedWords(article.text);
  const rules = tagTopics(article, { maxTopics: 10, titleWords, textWords });
  const classified = classifyTopLevel(article, { titleWords, textWords, ruleTopics: rules, model: opts.model });
  if (classified.length === 0) return rules.slice(0, maxTopics);
  // The classifier's probabilities are the top levels' scores as they are: the rules' reading is one of
  // its features already (blending the rules' scores in again for long articles measured worse on
  // held-out Wikinews articles, 84.1 % against 85.2 %, and no better on the fixtures).
  const kept = classified.filter((t, i) => i === 0 || t.score >= SECOND_TOP_MIN).slice(0, 3);
  const ruleByCode = new Map(rules.map((r) => [r.code, r]));
  const out: Topic[] = kept.map((t) => {
    // Terms of the text only: where the rules' reading weighed, the rules' own terms stand for it.
    const own = t.evidence.filter((e) => !e.startsWith('rule:') && !/^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|st|jr|sr|no|rev)\.$/.test(e));
    const ruleTerms = t.evidence.some((e) => e.startsWith('rule:')) || own.length === 0 ? (ruleByCode.get(t.code)?.evidence ?? []) : [];
    const evidence = [...new Set([...own, ...ruleTerms])].slice(0, 5);
    return { code: t.code, label: MEDIATOPICS.get(t.code)?.label ?? t.code, score: Number(t.score.toFixed(3)), scheme: 'medtop' as const, evidence };
  });
  const topScore = new Map(out.map((t) => [t.code, t.score]));
  const deeper = rules
    .filter((r) => (MEDIATOPICS.get(r.code)?.depth ?? 1) > 1 && topScore.has(topLevelOf(r.code) ?? ''))
    .map((r) => ({ ...r, score: Math.min(r.score, topScore.get(topLevelOf(r.code) ?? '') ?? 0) }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  // Keep room for the deeper topics of the best top level.
  return [...out, ...deeper].slice(0, maxTopics).sort((a, b) => b.score - a.score || (MEDIATOPICS.get(a.code)?.depth ?? 1) - (MEDIATOPICS.get(b.code)?.depth ?? 1));
}
