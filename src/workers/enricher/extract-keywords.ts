import type { Entities } from '../../store/types.js';
import { stem, STOPWORDS, type Token, tokenize } from './tokens.js';

export type ExtractKeywordsOptions = {
  min?: number;
  max?: number;
  /** tokenize(article.text), when the caller already has it. */
  tokens?: readonly Token[];
};

type Candidate = { phrase: string; key: string; score: number; count: number; first: number; n: number };

const CONTENT_WORD = /^\p{Ll}[\p{L}\p{N}'’-]*$/u;

/**
 * CONTENT_WORD.test(w), with a word of ASCII characters read by comparisons (the expression's Unicode classes cost
 * several times as much a character); a word with a character past ASCII goes to the expression.
 */
export function matchesContentWord(w: string): boolean {
  const first = w.charCodeAt(0);
  if (first >= 128) return CONTENT_WORD.test(w);
  if (!(first >= 97 && first <= 122)) return false;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return CONTENT_WORD.test(w);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45)) return false;
  }
  return true;
}

/**
 * 5–10 keyphrases: the article's most salient entities and its recurring
 * content phrases (runs of lowercase non-stopwords, up to three words, scored
 * by frequency, length and presence in the title), without near repeats.
 */
export function extractKeywords(
  article: { title: string; text: string },
  entities: Entities | null = null,
  opts: ExtractKeywordsOptions = {},
): string[] {
  const min = opts.min ?? 5;
  const max = opts.max ?? 10;
  const text = article.text;
  const tokens = opts.tokens ?? tokenize(text);
  const titleStems = new Set<string>();
  for (const t of tokenize(article.title)) titleStems.add(stem(t.text.toLowerCase()));

  const candidates = new Map<string, Candidate>();
  // Runs of content words: parallel arrays of surface form, stem and offset.
  let surf: string[] = [];
  let stems: string[] = [];
  let starts: number[] = [];
  const flushRun = () => {
    const len = surf.length;
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= len; i++) {
        let phrase = surf[i] as string;
        let key = stems[i] as string;
        let inTitle = titleStems.has(key);
        for (let j = 1; j < n; j++) {
          phrase += ` ${surf[i + j] as string}`;
          key += ` ${stems[i + j] as string}`;
          inTitle = inTitle && titleStems.has(stems[i + j] as string);
        }
        const score = (1 + 0.5 * (n - 1)) * (inTitle ? 2 : 1);
        const c = candidates.get(key);
        if (c) {
          c.score += score;
          c.count += 1;
        } else {
          candidates.set(key, { phrase, key, score, count: 1, first: starts[i] as number, n });
        }
      }
    }
    surf = [];
    stems = [];
    starts = [];
  };
  let prevEnd = -1;
  for (const t of tokens) {
    // A run continues only across plain spaces.
    if (surf.length && !(t.start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32)) flushRun();
    prevEnd = t.end;
    const w = t.text;
    // Proper nouns are covered by entities; keep common words here.
    if (w.length >= 3 && matchesContentWord(w) && !STOPWORDS.has(w)) {
      const bare = w.endsWith("'s") || w.endsWith('’s') ? w.slice(0, -2) : w;
      surf.push(bare);
      stems.push(stem(bare));
      starts.push(t.start);
    } else if (surf.length) {
      flushRun();
    }
  }
  flushRun();

  const picked: string[] = [];
  const pickedKeys: string[] = [];
  const overlaps = (key: string) => {
    for (const k of pickedKeys) if (k.includes(key) || key.includes(k)) return true;
    return false;
  };

  // Most salient entities first (at most four).
  if (entities) {
    const ents = [...entities.people, ...entities.organisations, ...entities.places]
      .filter((e) => e.mentions >= 2 || e.salience >= 0.5)
      .sort((a, b) => b.salience - a.salience);
    for (const e of ents.slice(0, 4)) {
      const key = e.name.toLowerCase();
      if (!overlaps(key)) {
        picked.push(e.name);
        pickedKeys.push(key);
      }
    }
  }

  // Recurring phrases first (longer ones before single words); a part of a longer
  // recurring phrase that occurs about as often gives way to it.
  const repeated: Candidate[] = [];
  const once: Candidate[] = [];
  for (const c of candidates.values()) {
    if (c.count >= 2) repeated.push(c);
    else if (c.n === 2) once.push(c);
  }
  const longer = repeated.filter((c) => c.n > 1);
  const recurring = repeated
    .filter((c) => c.n === 3 || !longer.some((d) => d.n > c.n && d.count >= 0.66 * c.count && d.key.includes(c.key)))
    .sort((a, b) => Number(b.n > 1) - Number(a.n > 1) || b.score - a.score || a.first - b.first);
  for (const c of recurring) {
    if (picked.length >= max) break;
    if (overlaps(c.key)) continue;
    picked.push(c.phrase);
    pickedKeys.push(c.key);
  }
  // Phrases seen once (two words) only to reach the minimum.
  once.sort((a, b) => b.score - a.score || a.first - b.first);
  for (const c of once) {
    if (picked.length >= min) break;
    if (overlaps(c.key)) continue;
    picked.push(c.phrase);
    pickedKeys.push(c.key);
  }
  // Short articles: other named entities, then the longest single words.
  if (picked.length < min && entities) {
    for (const e of [...entities.people, ...entities.organisations, ...entities.places]) {
      if (picked.length >= min) break;
      const key = e.name.toLowerCase();
      if (!overlaps(key)) {
        picked.push(e.name);
        pickedKeys.push(key);
      }
    }
  }
  if (picked.length < min) {
    const singles = [...candidates.values()].filter((c) => c.n === 1).sort((a, b) => b.phrase.length - a.phrase.length || a.first - b.first);
    for (const c of singles) {
      if (picked.length >= min) break;
      if (overlaps(c.key)) continue;
      picked.push(c.phrase);
      pickedKeys.push(c.key);
    }
  }
  return picked.slice(0, max);
}
