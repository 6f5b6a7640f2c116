/**
 * The trained IPTC top-level topic classifier: multinomial logistic regression
 * over stemmed words and word pairs (weights in data/topic-model.json, rebuilt
 * by `npm run train:topics`), with a softmax temperature fitted on held-out data
 * so that scores read as probabilities. Loaded once per process or thread, on
 * first use.
 */
import type { Topic } from '../../store/types.js';
import TOPIC_MODEL_LINES from './data/topic-model.json' with { type: 'json' };
import { MEDIATOPICS, topLevelOf } from './mediatopics.js';
import { normalizedWords } from './phrase-matcher.js';
import { tagTopics } from './tag-topics.js';
import { STOPWORDS } from './tokens.js';

export type TopicModel = {
  /** Top-level codes ("medtop:04000000"), one per class. */
  classes: readonly string[];
  /** Feature -> weight per class. */
  weights: ReadonlyMap<string, Float32Array>;
  bias: Float32Array;
  /** Softmax temperature (calibration). */
  temperature: number;
};

/** The committed file: a JSON array of the text format's lines (loaded as a JSON module, with no file I/O here). */
export const TOPIC_MODEL_URL = new URL('./data/topic-model.json', import.meta.url);

const TITLE_WEIGHT = 2;
/** Words after the first MAX_WORDS add little and cost time. */
const MAX_WORDS = 1200;

const isContentWord = (w: string): boolean => w.length > 1 && !STOPWORDS.has(w) && !/^\p{N}/u.test(w) && /\p{L}/u.test(w);

/**
 * Feature values of a text: content words and pairs of adjacent content words
 * (stemmed, lowercase), title counted twice; log counts, L2-normalized.
 */
export function topicFeatures(
  article: { title: string; text: string },
  words?: { titleWords?: readonly string[]; textWords?: readonly string[]; ruleTopics?: ReadonlyArray<{ code: string; score: number }> },
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (ws: readonly string[], weight: number) => {
    let prev = '';
    const n = Math.min(ws.length, MAX_WORDS);
    for (let i = 0; i < n; i++) {
      const w = ws[i] as string;
      if (!isContentWord(w)) {
        prev = '';
        continue;
      }
      counts.set(w, (counts.get(w) ?? 0) + weight);
      if (prev) {
        const pair = `${prev} ${w}`;
        counts.set(pair, (counts.get(pair) ?? 0) + weight);
      }
      prev = w;
    }
  };
  add(words?.titleWords ?? normalizedWords(article.title), TITLE_WEIGHT);
  add(words?.textWords ?? normalizedWords(article.text), 1);
  let norm = 0;
  for (const [k, c] of counts) {
    const v = Math.log1p(c);
    counts.set(k, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  // The keyword rules' top-level reading (tag-topics.ts), as features of their own.
  for (const t of words?.ruleTopics ?? []) {
    if (/000000$/.test(t.code)) counts.set(`rule:${t.code}`, t.score);
  }
  return counts;
}

/** Raw class scores (before softmax) of feature values. */
export function classScores(model: TopicModel, features: ReadonlyMap<string, number>): Float64Array {
  const K = model.classes.length;
  const s = Float64Array.from(model.bias);
  for (const [f, v] of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let k = 0; k < K; k++) s[k] = (s[k] as number) + v * (w[k] as number);
  }
  return s;
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

const MODEL_HEADER = '# telex topic classifier v1';

/** The model as text: header, classes, temperature, biases, then one line per feature with its nonzero weights ("class:weight"). */
/** `text`: the model as text, or already split into its lines (the committed JSON module is). */
export function parseTopicModel(text: string | readonly string[]): TopicModel {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  if (lines[0] !== MODEL_HEADER) throw new Error('not a telex topic model');
  const field = (i: number, name: string) => {
    const line = lines[i] ?? '';
    if (!line.startsWith(`${name}\t`)) throw new Error(`topic model: line ${i + 1} should be ${name}`);
    return line.slice(name.length + 1);
  };
  const classes = field(1, 'classes').split(' ');
  const temperature = Number(field(2, 'temperature'));
  const bias = Float32Array.from(field(3, 'bias').split(' '), Number);
  const K = classes.length;
  const weights = new Map<string, Float32Array>();
  for (let i = 4; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const w = new Float32Array(K);
    for (const part of line.slice(tab + 1).split(' ')) {
      const colon = part.indexOf(':');
      w[Number(part.slice(0, colon))] = Number(part.slice(colon + 1));
    }
    weights.set(line.slice(0, tab), w);
  }
  return { classes, weights, bias, temperature };
}

export function serializeTopicModel(model: TopicModel, opts: { minWeight: number; decimals: number }): string {
  const round = (x: number) => Number(x.toFixed(opts.decimals));
  const lines = [MODEL_HEADER, `classes\t${model.classes.join(' ')}`, `temperature\t${round(model.temperature)}`, `bias\t${Array.from(model.bias, round).join(' ')}`];
  for (const f of [...model.weights.keys()].sort()) {
    const w = model.weights.get(f) as Float32Array;
    const parts: string[] = [];
    for (let k = 0; k < w.length; k++) {
      const v = round(w[k] as number);
      if (Math.abs(v) >= opts.minWeight) parts.push(`${k}:${v}`);
    }
    if (parts.length) lines.push(`${f}\t${parts.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

let MODEL: TopicModel | null = null;

/** The committed model, parsed on first use and kept for the life of the process or thread. */
export function topicModel(): TopicModel {
  MODEL ??= parseTopicModel(TOPIC_MODEL_LINES as string[]);
  return MODEL;
}

export type TopLevelScore = { code: string; score: number; evidence: string[] };

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
  const features = topicFeatures(article, opts);
  let known = 0;
  for (const f of features.keys()) if (model.weights.has(f)) known++;
  if (known === 0) return [];
  const p = softmax(classScores(model, features), model.temperature);
  const order = model.classes.map((_, k) => k).sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
  // Evidence for the few classes that can be kept.
  return order.map((k, rank) => {
    const evidence: string[] = [];
    if (rank < 3) {
      const contrib: Array<[string, number]> = [];
      for (const [f, v] of features) {
        const w = model.weights.get(f);
        const x = w ? v * (w[k] as number) : 0;
        if (x > 0) contrib.push([f, x]);
      }
      contrib.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const [f] of contrib.slice(0, 5)) evidence.push(f);
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

const RULES_WEIGHT_MAX = 0.6;
const RULES_FULL_WEIGHT_WORDS = 600;

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
  // Long articles give the keyword rules much evidence, short texts little: blend the rules'
  // share of top-level evidence in by length (none for a headline, up to RULES_WEIGHT_MAX).
  const ruleTops = rules.filter((r) => (MEDIATOPICS.get(r.code)?.depth ?? 1) === 1);
  const ruleSum = ruleTops.reduce((a, r) => a + r.score, 0);
  const alpha = ruleSum > 0 ? Math.min(RULES_WEIGHT_MAX, textWords.length / RULES_FULL_WEIGHT_WORDS * RULES_WEIGHT_MAX) : 0;
  const ruleShare = new Map(ruleTops.map((r) => [r.code, r.score / ruleSum]));
  const tops = classified
    .map((t) => ({ ...t, score: (1 - alpha) * t.score + alpha * (ruleShare.get(t.code) ?? 0) }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const kept = tops.filter((t, i) => i === 0 || t.score >= SECOND_TOP_MIN).slice(0, 3);
  const ruleByCode = new Map(rules.map((r) => [r.code, r]));
  const out: Topic[] = kept.map((t) => {
    const own = t.evidence.filter((e) => !/^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|st|jr|sr|no|rev)\.$/.test(e));
    const evidence = own.length ? own : (ruleByCode.get(t.code)?.evidence ?? []);
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
