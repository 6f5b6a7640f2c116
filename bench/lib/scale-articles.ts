/**
 * The articles of bench:store-scale: article i is always the same, whatever was
 * generated before it (seeded per article), so a stopped load resumes and a
 * worker thread can generate any range. See bench/store-scale.ts.
 */
import type { ArticleRecord } from '../../src/store/types.js';
import { benchArticle, syntheticVocabulary } from './articles.js';
import { rng } from './rng.js';

const SEED = 2026;

export const FEEDS = 600;
export const T_END = Date.parse('2026-11-30T00:00:00Z');
const SPAN_MS = 3 * 365 * 86_400_000;
export const TOPICS = Array.from({ length: 120 }, (_, i) => `medtop:${String(20000000 + i * 13).padStart(8, '0')}`);
const LANGS: Array<[string, number]> = [
  ['en', 0.55], ['fr', 0.1], ['de', 0.09], ['es', 0.09], ['it', 0.05], ['pt', 0.04], ['nl', 0.03], ['sv', 0.02], ['ja', 0.015], ['ar', 0.01], ['fi', 0.005],
];
export const VOCAB = syntheticVocabulary(50_000);
export const ENTITIES = Array.from({ length: 40_000 }, (_, i) => `${cap(VOCAB[(i * 7) % VOCAB.length] ?? 'x')} ${cap(VOCAB[(i * 13 + 5) % VOCAB.length] ?? 'y')}`);

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Index into a list of n with a Zipf-like skew (the low indexes common). */
const skewed = (r: () => number, n: number, power: number): number => Math.min(n - 1, Math.floor(n * r() ** power));

function language(r: () => number): string {
  let x = r();
  for (const [lang, share] of LANGS) {
    x -= share;
    if (x < 0) {
      return lang;
    }
  }
  return 'en';
}

/** Article i: always the same, whatever was generated before it. */
export function makeArticle(i: number): ArticleRecord {
  const r = rng((SEED * 1_000_003 + i * 2_654_435_761) >>> 0);
  // One story in eight copies an earlier one (a wire story through another feed), lightly edited.
  const copyOf = i > 1000 && r() < 0.125 ? i - 1 - Math.floor(r() * 1000) : null;
  const body = storyText(copyOf ?? i);
  const paragraphs = copyOf === null ? body.paragraphs : body.paragraphs.map((p, k) => (k === 0 ? `${p} ${VOCAB[Math.floor(r() * VOCAB.length)]}` : p));
  const feedN = skewed(r, FEEDS, 2.5);
  const age = SPAN_MS * r() ** 1.6;
  const publishedAt = new Date(T_END - Math.floor(age) - (copyOf === null ? 0 : Math.floor(r() * 3_600_000))).toISOString();
  const lang = body.lang;
  const nTopics = 1 + Math.floor(r() * 3);
  const topics = [...new Set(Array.from({ length: nTopics }, () => TOPICS[skewed(r, TOPICS.length, 2.2)] as string))];
  const nEntities = 1 + Math.floor(r() * 5);
  const names = [...new Set(Array.from({ length: nEntities }, () => ENTITIES[skewed(r, ENTITIES.length, 3)] as string))];
  const record = benchArticle({
    n: i,
    title: body.title,
    paragraphs,
    feed: { id: `feed-${feedN}`, title: `Feed ${feedN}`, url: `https://bench.test/feed-${feedN}.xml` },
    publishedAt,
    language: lang,
    wordCount: body.words,
    topics: topics.map((code, k) => ({ code, score: Math.round((0.9 - k * 0.2) * 100) / 100 })),
    person: names[0] as string,
  });
  const kinds = ['people', 'places', 'organisations'] as const;
  const entities: ArticleRecord['entities'] = { people: [], places: [], organisations: [] };
  names.forEach((name, k) => entities[kinds[k % 3] as (typeof kinds)[number]].push({ name, mentions: 1 + (k % 3), salience: 0.5, offset: 0 }));
  return { ...record, entities };
}

/** The title, paragraphs, word count and language of story s (shared by its copies). */
function storyText(s: number): { title: string; paragraphs: string[]; words: number; lang: string } {
  const r = rng((SEED * 7_919 + s * 40_503) >>> 0);
  const word = (): string => VOCAB[skewed(r, VOCAB.length, 3.2)] as string;
  const words = 150 + Math.floor(r() * 300);
  const title = Array.from({ length: 7 + Math.floor(r() * 6) }, word).join(' ');
  const paragraphs: string[] = [];
  for (let left = words; left > 0; left -= 60) {
    paragraphs.push(Array.from({ length: Math.min(60, left) }, word).join(' '));
  }
  return { title, paragraphs, words, lang: language(r) };
}

