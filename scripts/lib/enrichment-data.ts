/**
 * Readers for the enrichment corpora (../shared/corpora/enrichment, see its
 * README) and the scoring shared by the training scripts and bench:enrich.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detokenize } from '../../src/workers/enricher/ner-tokens.js';
import type { Token } from '../../src/workers/enricher/tokens.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where prose breaks into sentences: after a full stop, question or exclamation mark, before a capital or an opening quote. */
export const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z"“‘'])/;

/** `--corpus DIR` from argv, else ../shared/corpora/enrichment beside the repository. */
export function corpusDir(args: readonly string[] = process.argv.slice(2)): string {
  const i = args.indexOf('--corpus');
  const dir = i >= 0 && args[i + 1] ? resolve(args[i + 1] as string) : resolve(REPO_ROOT, '../shared/corpora/enrichment');
  if (!existsSync(dir)) throw new Error(`corpus directory not found: ${dir} (give --corpus DIR)`);
  return dir;
}

export type ConllSentence = { words: string[]; tags: string[] };

/** `token TAG` lines, blank line between sentences. */
export function readConll(file: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { words: [], tags: [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      if (cur.words.length) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    const sp = trimmed.lastIndexOf(' ');
    const word = trimmed.slice(0, sp);
    const tag = trimmed.slice(sp + 1);
    if (!word) continue;
    cur.words.push(word);
    cur.tags.push(tag);
  }
  if (cur.words.length) out.push(cur);
  return out;
}

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Spans "TYPE:from:to" of PER/LOC/ORG in BIO tags. */
export function spansOf(tags: readonly string[]): Array<{ type: string; from: number; to: number }> {
  const out: Array<{ type: string; from: number; to: number }> = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O' || tag === '') continue;
    const type = tag.slice(2);
    // An I- without its B- starts a span (conlleval's reading).
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    if ((ENTITY_TYPES as readonly string[]).includes(type)) out.push({ type, from: i, to: j });
    i = j - 1;
  }
  return out;
}

export type Prf = { tp: number; fp: number; fn: number };
export type EntityScores = Record<EntityType | 'all', Prf>;

export const emptyScores = (): EntityScores => ({ PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 } });

/** Adds one sentence's exact-span matches to `s`. */
export function scoreSentence(s: EntityScores, gold: readonly string[], pred: readonly string[]): void {
  const key = (x: { type: string; from: number; to: number }) => `${x.type}:${x.from}:${x.to}`;
  const g = new Set(spansOf(gold).map(key));
  const p = new Set(spansOf(pred).map(key));
  for (const k of p) {
    const type = k.split(':')[0] as EntityType;
    const hit = g.has(k);
    s[type][hit ? 'tp' : 'fp']++;
    s.all[hit ? 'tp' : 'fp']++;
  }
  for (const k of g) {
    if (p.has(k)) continue;
    const type = k.split(':')[0] as EntityType;
    s[type].fn++;
    s.all.fn++;
  }
}

/** Names of one text by type, as a set per type ("PER" -> {"bill clinton", "clinton"}). */
export type NameSets = Record<EntityType, Set<string>>;

/** A name as entity sets compare it: spaces collapsed, lower case. */
export const setName = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The distinct gold names of a text by type, from its BIO tags and tokens. */
export function goldNameSets(text: string, tokens: ReadonlyArray<{ start: number; end: number }>, tags: readonly string[]): NameSets {
  const out: NameSets = { PER: new Set(), LOC: new Set(), ORG: new Set() };
  for (const sp of spansOf(tags)) {
    const a = tokens[sp.from];
    const b = tokens[sp.to - 1];
    if (a && b) out[sp.type as EntityType].add(setName(text.slice(a.start, b.end)));
  }
  return out;
}

/**
 * Adds one text's entity sets to `s` (the measure: the distinct names
 * of each type in a text, micro F1). `same(pred, gold)` says when a predicted
 * name stands for a gold one (default: equal). tp counts the gold names some
 * predicted name stands for, fn the others, fp the predicted names that stand
 * for none (with equality, the usual set counts).
 */
export function scoreNameSets(s: EntityScores, gold: NameSets, pred: NameSets, same: (pred: string, gold: string) => boolean = (p, g) => p === g): void {
  const add = (type: EntityType, k: keyof Prf) => {
    s[type][k]++;
    s.all[k]++;
  };
  for (const type of ENTITY_TYPES) {
    const g = [...gold[type]];
    const p = [...pred[type]];
    for (const name of p) {
      if (!gold[type].has(name) && !g.some((x) => same(name, x))) add(type, 'fp');
    }
    for (const name of g) {
      add(type, pred[type].has(name) || p.some((x) => same(x, name)) ? 'tp' : 'fn');
    }
  }
}

export function prf(x: Prf): { p: number; r: number; f: number } {
  const p = x.tp / Math.max(1, x.tp + x.fp);
  const r = x.tp / Math.max(1, x.tp + x.fn);
  return { p, r, f: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export const pct1 = (x: number) => (x * 100).toFixed(1);

/** "F1 71.2 (P 75.0 R 67.8) PER 80.1 LOC 70.2 ORG 55.0" */
export function formatScores(s: EntityScores): string {
  const a = prf(s.all);
  return `F1 ${pct1(a.f)} (P ${pct1(a.p)} R ${pct1(a.r)})  PER ${pct1(prf(s.PER).f)}  LOC ${pct1(prf(s.LOC).f)}  ORG ${pct1(prf(s.ORG).f)}`;
}

export type TopicRecord = { id: string; title: string; text: string; labels: string[]; iptc: string[]; iptc_conf?: string; split?: string };

export function readJsonl<T = TopicRecord>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * The public NER sets the entity tagger is measured on (`bench:enrich -- models`, `bench/tagger-ab.ts equivalent`):
 * name, file under the corpus, sentences per text (wikigold in chunks of 10, as an article; BTC and WNUT one tweet;
 * UNER-EWT, not trained on, one sentence).
 */
export const NER_MEASURED_SETS: ReadonlyArray<readonly [name: string, file: string, size: number]> = [
  ['wikigold dev', 'ner/wikigold/dev.conll', 10],
  ['wikigold test', 'ner/wikigold/test.conll', 10],
  ['BTC dev', 'ner/btc/dev.conll', 1],
  ['BTC test', 'ner/btc/test.conll', 1],
  ['WNUT-17 test', 'ner/wnut17/test.conll', 1],
  // Not trained on (web text: blogs, reviews, e-mail); its dev part chooses rules with wikigold's and BTC's.
  ['UNER-EWT dev', 'ner/uner-ewt/dev.conll', 1],
  ['UNER-EWT test', 'ner/uner-ewt/test.conll', 1],
];

/** Consecutive sentences joined into one text (one sentence per line), with token offsets, sentence ranges and gold tags. */
export type ConllDoc = { text: string; tokens: Token[]; ranges: Array<[number, number]>; tags: string[] };

/** Documents of `size` consecutive sentences (10 for wikigold, as the newswire measure chunks text; 1 for a tweet). */
/**
 * The sentences split into texts of `size` (as conllDocs reads them) and every `every`-th text (the last of each run of
 * `every`) set apart: [the rest, the part set apart], each in its order. `every` 0 sets nothing apart.
 */
export function splitTunePart(sentences: readonly ConllSentence[], size: number, every: number): [ConllSentence[], ConllSentence[]] {
  const kept: ConllSentence[] = [];
  const apart: ConllSentence[] = [];
  for (let i = 0; i < sentences.length; i += size) {
    const text = sentences.slice(i, i + size);
    (every > 0 && (i / size) % every === every - 1 ? apart : kept).push(...text);
  }
  return [kept, apart];
}

export function conllDocs(sentences: readonly ConllSentence[], size: number): ConllDoc[] {
  const out: ConllDoc[] = [];
  for (let i = 0; i < sentences.length; i += size) {
    let text = '';
    const tokens: Token[] = [];
    const ranges: Array<[number, number]> = [];
    const tags: string[] = [];
    for (const s of sentences.slice(i, i + size)) {
      if (text) text += '\n';
      const d = detokenize(s.words);
      ranges.push([tokens.length, tokens.length + d.tokens.length]);
      for (const t of d.tokens) tokens.push({ text: t.text, start: t.start + text.length, end: t.end + text.length });
      text += d.text;
      tags.push(...s.tags);
    }
    out.push({ text, tokens, ranges, tags });
  }
  return out;
}
