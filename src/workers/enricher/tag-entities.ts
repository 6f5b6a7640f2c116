/**
 * The trained entity tagger: an averaged structured perceptron over BIO tags
 * (perceptron.ts) whose features include the rule-based chunker's own labels
 * (extract-entities.ts) and a gazetteer derived from GeoNames and public
 * organisation lists (data/ner-gazetteer.json). Its spans then go through the
 * rules' merging (surnames, short forms, salience). The model and gazetteer
 * are rebuilt by `npm run train:ner` and loaded once per process or thread, on
 * first use.
 */
import type { Entities } from '../../store/types.js';
import NER_GAZETTEER_LINES from './data/ner-gazetteer.json' with { type: 'json' };
import NER_MODEL_LINES from './data/ner-model.json' with { type: 'json' };
import { findMentions, type Mention, mergeMentions, type ResolvedMention } from './extract-entities.js';
import { DEMONYMS, HONORIFICS, KNOWN_ORGS, PLACES } from './gazetteer.js';
import { buildGazetteer, CONTEXT_PREFIXES, gazetteerMarks, type NameGazetteer, sentenceFeatures, visitContextFeatures, wordFeatures } from './ner-features.js';
import { nerTokenize } from './ner-tokens.js';
import { allowedTransitions, emissionScores, type SequenceModel, viterbi } from './perceptron.js';
import { type Token, tokenize } from './tokens.js';

export type EntityTagger = {
  model: SequenceModel;
  allowed: Uint8Array;
  gazetteer: NameGazetteer;
  /** Context features by prefix then value (row offsets into model.weights), so tagging looks them up without building their names. */
  context: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

/** Indexes a model's context features by their prefix (CONTEXT_PREFIXES, with and without a domain). */
export function contextIndex(model: SequenceModel): Map<string, Map<string, number>> {
  const prefixes = [...CONTEXT_PREFIXES, ...CONTEXT_PREFIXES.map((p) => `social~${p}`)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const out = new Map<string, Map<string, number>>();
  for (const [name, at] of model.features) {
    const p = prefixes.find((x) => name.startsWith(x));
    if (p === undefined) continue;
    const m = out.get(p) ?? new Map<string, number>();
    m.set(name.slice(p.length), at);
    out.set(p, m);
  }
  return out;
}

/** A tagger from a model and a gazetteer. */
export function makeTagger(model: SequenceModel, gazetteer: NameGazetteer): EntityTagger {
  return { model, allowed: allowedTransitions(model.tags), gazetteer, context: contextIndex(model) };
}

/** The committed files: JSON arrays of the text formats' lines (so that they load as JSON modules, with no file I/O here). */
export const NER_MODEL_URL = new URL('./data/ner-model.json', import.meta.url);
export const NER_GAZETTEER_URL = new URL('./data/ner-gazetteer.json', import.meta.url);

const MODEL_HEADER = '# telex entity tagger v1';

/** The model as text: a header, the tags, the transition weights, then one line per feature with its nonzero weights. */
export function serializeModel(model: SequenceModel, opts: { minWeight: number; decimals: number }): string {
  const round = (x: number) => Number(x.toFixed(opts.decimals));
  const lines = [MODEL_HEADER, `tags\t${model.tags.join(' ')}`, `transitions\t${Array.from(model.transitions, round).join(' ')}`];
  const T = model.tags.length;
  for (const name of [...model.features.keys()].sort()) {
    const at = model.features.get(name) as number;
    const parts: string[] = [];
    for (let t = 0; t < T; t++) {
      const v = round(model.weights[at + t] as number);
      if (Math.abs(v) >= opts.minWeight) parts.push(`${t}:${v}`);
    }
    // Feature names never contain a tab or a newline (tokens hold no whitespace).
    if (parts.length) lines.push(`${name}\t${parts.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `text`: the model as text, or already split into its lines (the committed JSON module is). */
export function parseModel(text: string | readonly string[]): SequenceModel {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  if (lines[0] !== MODEL_HEADER) throw new Error('not a telex entity tagger model');
  const tags = (lines[1] ?? '').replace(/^tags\t/, '').split(' ');
  const T = tags.length;
  const transitions = Float32Array.from((lines[2] ?? '').replace(/^transitions\t/, '').split(' '), Number);
  if (transitions.length !== (T + 1) * T) throw new Error('entity tagger model: bad transitions line');
  const features = new Map<string, number>();
  const weights = new Float32Array(Math.max(0, lines.length - 3) * T);
  for (let i = 3; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const at = features.size * T;
    for (const part of line.slice(tab + 1).split(' ')) {
      const colon = part.indexOf(':');
      weights[at + Number(part.slice(0, colon))] = Number(part.slice(colon + 1));
    }
    features.set(line.slice(0, tab), at);
  }
  return { tags, features, weights: weights.subarray(0, features.size * T), transitions };
}

/** "LOC\tBank of America" lines (names already tokenized as the tagger tokenizes text, tokens joined by one space). */
export function parseGazetteer(text: string | readonly string[]): NameGazetteer {
  const entries: Array<[string, string[]]> = [];
  for (const line of typeof text === 'string' ? text.split('\n') : text) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    entries.push([line.slice(0, tab), line.slice(tab + 1).split(' ')]);
  }
  return buildGazetteer(entries);
}

let TAGGER: EntityTagger | null = null;

/** The committed model and gazetteer, parsed on first use and kept for the life of the process or thread. */
export function entityTagger(): EntityTagger {
  if (!TAGGER) {
    // The JSON modules hold the lines already: no joining them into one string to split it again.
    const model = parseModel(NER_MODEL_LINES as string[]);
    const gazetteer = parseGazetteer(NER_GAZETTEER_LINES as string[]);
    TAGGER = makeTagger(model, gazetteer);
  }
  return TAGGER;
}

const RULE_TAG = { person: 'PER', place: 'LOC', organisation: 'ORG' } as const;

/** The rule-based chunker's label for each token ("B-PER", "I-LOC", "U" for an untyped name, "" outside names). */
export function ruleLabels(text: string, tokens: readonly Token[], ruleTokens: readonly Token[] = tokenize(text)): { labels: string[]; raw: Mention[]; resolved: ResolvedMention[] } {
  const raw = findMentions(text, ruleTokens);
  const { resolved } = mergeMentions(raw, { title: '', text }, Number.MAX_SAFE_INTEGER);
  const spans: Array<{ start: number; end: number; tag: string }> = resolved.map((m) => ({ start: m.start, end: m.end, tag: RULE_TAG[m.kind] }));
  for (const m of raw) {
    if (m.kind === 'unknown' && !resolved.some((r) => r.start < m.end && m.start < r.end)) spans.push({ start: m.start, end: m.end, tag: 'U' });
  }
  spans.sort((a, b) => a.start - b.start);
  const labels = new Array<string>(tokens.length).fill('');
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (s < spans.length && (spans[s] as { end: number }).end <= t.start) s++;
    const span = spans[s];
    if (!span || span.start > t.start || t.end > span.end) continue;
    if (span.tag === 'U') labels[i] = 'U';
    else labels[i] = `${i > 0 && labels[i - 1]?.endsWith(span.tag) && (tokens[i - 1] as Token).start >= span.start ? 'I' : 'B'}-${span.tag}`;
  }
  return { labels, raw, resolved };
}

/** Sentence ranges [from, to) of tokens: breaks after . ! ? and at line breaks, at most 120 tokens each. */
export function sentenceRanges(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const lineBreak = next !== undefined && text.slice(t.end, next.start).includes('\n');
    const end = ((t.text === '.' || t.text === '!' || t.text === '?') && next !== undefined && !/^[a-z]/.test(next.text)) || lineBreak || i - from >= 119;
    if (end || next === undefined) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  return out;
}

/** 'social' for short posts written like tweets (@mentions, hashtags, RT, links), 'formal' for everything else. */
export function textDomain(text: string): 'social' | 'formal' {
  return text.length < 1200 && /(?:^|\s)[@#][\p{L}\p{N}_]|\bRT\b|https?:\/\/|\bu\b|\bi\b|\blol\b/u.test(text) ? 'social' : 'formal';
}

/** Words seen in lowercase in the text. */
function lowercaseSeen(tokens: readonly Token[]): Set<string> {
  const s = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) s.add(t.text);
  return s;
}

/** Features of each sentence range of a document (rules and lowercase evidence are taken over the whole text). */
export function documentFeatures(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]>,
  gazetteer: NameGazetteer,
  labels: readonly string[] = ruleLabels(text, tokens).labels,
): string[][][] {
  const seen = lowercaseSeen(tokens);
  const domain = documentDomain(text);
  return ranges.map(([from, to]) => {
    const words = tokens.slice(from, to).map((t) => t.text);
    return sentenceFeatures({ words, gazetteer: gazetteerMarks(words, gazetteer), rules: labels.slice(from, to), lowercaseSeen: seen, domain });
  });
}

/** The feature prefix for a document: 'social' for posts, none for formal text. */
const documentDomain = (text: string): string | undefined => (textDomain(text) === 'social' ? 'social' : undefined);

/** Per tagger, the summed weights of a word's own features, by domain and word; bounded, cleared when full. */
const WORD_SCORES = new WeakMap<EntityTagger, Map<string, Float32Array>>();
const WORD_SCORES_MAX = 50_000;

function wordScores(tagger: EntityTagger, word: string, domain: string | undefined): Float32Array {
  let cache = WORD_SCORES.get(tagger);
  if (!cache) {
    cache = new Map();
    WORD_SCORES.set(tagger, cache);
  }
  const key = domain ? `${domain}\u0000${word}` : word;
  let v = cache.get(key);
  if (!v) {
    v = emissionScores(tagger.model, [wordFeatures(word, domain)]);
    if (cache.size >= WORD_SCORES_MAX) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** The typed spans of BIO tags: each B-X with the I-X tags that follow it (`to` exclusive). */
export function bioSpans(tags: readonly string[]): Array<{ from: number; to: number; type: string }> {
  const out: Array<{ from: number; to: number; type: string }> = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (!tag.startsWith('B-')) continue;
    const type = tag.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    out.push({ from: i, to: j, type });
    i = j - 1;
  }
  return out;
}

/**
 * Document-level consistency: a name tagged as an entity somewhere is tagged the
 * same (majority type) wherever else it occurs capitalized, and a lone surname of
 * a tagged person is that person.
 */
export function harmonize(tokens: readonly Token[], tags: string[]): string[] {
  const words = tokens.map((t) => t.text);
  const votes = new Map<string, Map<string, number>>();
  const spans = bioSpans(tags);
  for (const { from: i, to: j, type } of spans) {
    const key = words.slice(i, j).join(' ');
    const v = votes.get(key) ?? new Map<string, number>();
    v.set(type, (v.get(type) ?? 0) + 1);
    votes.set(key, v);
    if (type === 'PER' && j - i >= 2) {
      const last = words[j - 1] as string;
      const lv = votes.get(last) ?? new Map<string, number>();
      lv.set('PER', (lv.get('PER') ?? 0) + 0.5);
      votes.set(last, lv);
    }
  }
  if (votes.size === 0) return tags;
  const best = new Map<string, { type: string; len: number }>();
  const maxLen = new Map<string, number>();
  for (const [key, v] of votes) {
    const sorted = [...v.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = sorted[0] as [string, number];
    if (sorted[1] && sorted[1][1] === top[1]) continue;
    const parts = key.split(' ');
    best.set(key, { type: top[0], len: parts.length });
    maxLen.set(parts[0] as string, Math.max(maxLen.get(parts[0] as string) ?? 0, parts.length));
  }
  const out = [...tags];
  for (let i = 0; i < words.length; i++) {
    const max = maxLen.get(words[i] as string);
    if (!max || !/^\p{Lu}/u.test(words[i] as string)) continue;
    for (let len = Math.min(max, words.length - i); len >= 1; len--) {
      const b = best.get(len === 1 ? (words[i] as string) : words.slice(i, i + len).join(' '));
      if (!b) continue;
      // Only untagged tokens are filled; a span that is part of a longer name stays as it is.
      const free = out.slice(i, i + len).every((t) => t === 'O') && (out[i + len] ?? 'O').startsWith('I-') === false;
      const sameSpanOtherType = out[i] === `B-${out[i]?.slice(2)}` && (out[i + len] ?? 'O').startsWith('I-') === false && out.slice(i + 1, i + len).every((t) => t === `I-${out[i]?.slice(2)}`);
      if (free || sameSpanOtherType) {
        out[i] = `B-${b.type}`;
        for (let k = i + 1; k < i + len; k++) out[k] = `I-${b.type}`;
      }
      i += len - 1;
      break;
    }
  }
  return out;
}

/** Adds the rules' typed names where the model found nothing over their whole span. */
export function fillFromRules(tags: readonly string[], rules: readonly string[]): string[] {
  const out = [...tags];
  for (const { from: i, to: j } of bioSpans(rules)) {
    if (out.slice(i, j).every((t) => t === 'O') && !(out[j] ?? 'O').startsWith('I-')) {
      for (let k = i; k < j; k++) out[k] = rules[k] as string;
    }
  }
  return out;
}

/** BIO tags of the given tokens of `text` (tokens in text order, with offsets into it). */
export function labelTokens(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]> = sentenceRanges(text, tokens),
  tagger: EntityTagger = entityTagger(),
  ruleTokens: readonly Token[] = tokenize(text),
): string[] {
  const rules = ruleLabels(text, tokens, ruleTokens).labels;
  const seen = lowercaseSeen(tokens);
  const domain = documentDomain(text);
  const out = new Array<string>(tokens.length).fill('O');
  const { model } = tagger;
  const T = model.tags.length;
  const W = model.weights;
  for (const [from, to] of ranges) {
    const n = to - from;
    const words = new Array<string>(n);
    for (let i = 0; i < n; i++) words[i] = (tokens[from + i] as Token).text;
    const em = new Float32Array(n * T);
    for (let i = 0; i < n; i++) {
      const v = wordScores(tagger, words[i] as string, domain);
      for (let t = 0; t < T; t++) em[i * T + t] = v[t] as number;
    }
    const input = { words, gazetteer: gazetteerMarks(words, tagger.gazetteer), rules: rules.slice(from, to), lowercaseSeen: seen, domain };
    visitContextFeatures(input, (i, p, value) => {
      const at = tagger.context.get(p)?.get(value);
      if (at === undefined) return;
      const base = i * T;
      for (let t = 0; t < T; t++) em[base + t] = (em[base + t] as number) + (W[at + t] as number);
    });
    const best = viterbi(em, n, T, model.transitions, tagger.allowed);
    for (let i = 0; i < n; i++) out[from + i] = model.tags[best[i] as number] as string;
  }
  // Filling the model's gaps with the rules' names (fillFromRules) was measured and lost on wikigold and BTC: not used.
  return harmonize(tokens, out);
}

const KIND = { PER: 'person', LOC: 'place', ORG: 'organisation' } as const;

/** Typed mentions from BIO tags (MISC and stray I- tags are dropped). */
export function mentionsFromTags(text: string, tokens: readonly Token[], tags: readonly string[]): Mention[] {
  const out: Mention[] = [];
  for (const { from: i, to: j, type } of bioSpans(tags)) {
    const kind = KIND[type as keyof typeof KIND];
    if (!kind) continue;
    const start = (tokens[i] as Token).start;
    const end = (tokens[j - 1] as Token).end;
    const written = text.slice(start, end);
    // "North Koreans", "Chinese": people of a country are not places.
    if (kind === 'place' && DEMONYMS.has(written)) continue;
    const name = kind === 'place' ? (PLACES.get(written)?.canonical ?? written) : kind === 'organisation' ? (KNOWN_ORGS.get(written) ?? written) : written;
    const prev = tokens[i - 1]?.text ?? '';
    const m: Mention = { kind, name, start, end };
    if (kind === 'person' && j - i === 1 && (HONORIFICS.has(prev) || HONORIFICS.has(`${prev}.`))) m.surnameOnly = true;
    out.push(m);
  }
  return out;
}

export type TagEntitiesOptions = {
  /** Most entities kept per kind (by salience). Default 25. */
  maxPerKind?: number;
  /** tokenize(article.text) (the rules' word tokens), when the caller already has it. */
  tokens?: readonly Token[];
};

/** Mentions the trained tagger finds in `text`. */
export function tagEntityMentions(text: string, ruleTokens: readonly Token[] = tokenize(text)): Mention[] {
  const tokens = nerTokenize(text);
  return mentionsFromTags(text, tokens, labelTokens(text, tokens, sentenceRanges(text, tokens), entityTagger(), ruleTokens));
}

/**
 * People, places and organisations in an article, by the trained tagger, with
 * the same merging and salience as the rules (extractEntities).
 */
export function tagEntities(article: { title: string; text: string }, opts: TagEntitiesOptions = {}): Entities {
  return mergeMentions(tagEntityMentions(article.text, opts.tokens), article, opts.maxPerKind ?? 25).entities;
}

/** Every resolved mention with its span and merged entity (for evaluation). */
export function tagEntityResolved(article: { title: string; text: string }): ResolvedMention[] {
  return mergeMentions(tagEntityMentions(article.text), article, Number.MAX_SAFE_INTEGER).resolved;
}
