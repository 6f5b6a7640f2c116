import type { Entities } from '../../store/types.js';
import { stem, STOPWORDS, tokenize } from './tokens.js';

export type ExtractKeywordsOptions = { min?: number; max?: number };

type Candidate = { phrase: string; key: string; score: number; count: number; first: number; n: number };

const isContentWord = (w: string): boolean => w.length >= 3 && /^[\p{L}][\p{L}\p{N}'’-]*$/u.test(w) && !STOPWORDS.has(w.toLowerCase());

/**
 * 5–10 keyphrases: the article's most salient entities and its recurring
 * content phrases (runs of non-stopwords, up to three words, scored by
 * frequency, length and presence in the title), without near repeats.
 */
export function extractKeywords(
  article: { title: string; text: string },
  entities: Entities | null = null,
  opts: ExtractKeywordsOptions = {},
): string[] {
  const min = opts.min ?? 5;
  const max = opts.max ?? 10;
  const candidates = new Map<string, Candidate>();
  const titleStems = new Set(tokenize(article.title).map((t) => stem(t.text.toLowerCase())));
  const bump = (phrase: string, key: string, score: number, first: number, n: number) => {
    const c = candidates.get(key);
    if (c) {
      c.score += score;
      c.count += 1;
      c.first = Math.min(c.first, first);
    } else {
      candidates.set(key, { phrase, key, score, count: 1, first, n });
    }
  };

  const tokens = tokenize(article.text);
  let run: Array<{ word: string; start: number }> = [];
  const flushRun = () => {
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const words = run.slice(i, i + n);
        const phrase = words.map((w) => w.word.toLowerCase()).join(' ');
        const key = words.map((w) => stem(w.word.toLowerCase())).join(' ');
        const inTitle = words.every((w) => titleStems.has(stem(w.word.toLowerCase())));
        bump(phrase, key, (1 + 0.5 * (n - 1)) * (inTitle ? 2 : 1), (words[0] as { start: number }).start, n);
      }
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as { text: string; start: number; end: number };
    const prev = tokens[i - 1];
    const gap = prev ? article.text.slice(prev.end, t.start) : ' ';
    if (run.length && !/^[ \u00a0]+$/.test(gap)) flushRun();
    // Proper nouns are covered by entities; keep common words here.
    if (isContentWord(t.text) && !/^\p{Lu}/u.test(t.text)) {
      run.push({ word: t.text.replace(/['’]s$/u, ''), start: t.start });
    } else {
      flushRun();
    }
  }
  flushRun();

  const picked: string[] = [];
  const pickedKeys: string[] = [];
  const overlaps = (key: string) => pickedKeys.some((k) => k.includes(key) || key.includes(k));

  // Most salient entities first (at most four).
  const ents = entities
    ? [...entities.people, ...entities.organisations, ...entities.places].filter((e) => e.mentions >= 2 || e.salience >= 0.5).sort((a, b) => b.salience - a.salience)
    : [];
  for (const e of ents.slice(0, 4)) {
    const key = e.name.toLowerCase();
    if (!overlaps(key)) {
      picked.push(e.name);
      pickedKeys.push(key);
    }
  }

  // Recurring phrases first; phrases seen once (two words, no more) only to reach the minimum.
  const all = [...candidates.values()];
  const repeated = all.filter((c) => c.count >= 2);
  // A part of a longer recurring phrase that occurs about as often gives way to it.
  const recurring = repeated.filter((c) => !repeated.some((d) => d.n > c.n && d.key.includes(c.key) && d.count >= 0.66 * c.count)).sort((a, b) => Number(b.n > 1) - Number(a.n > 1) || b.score - a.score || a.first - b.first);
  const once = all.filter((c) => c.count < 2 && c.n === 2).sort((a, b) => b.score - a.score || a.first - b.first);
  for (const c of recurring) {
    if (picked.length >= max) break;
    if (overlaps(c.key)) continue;
    picked.push(c.phrase);
    pickedKeys.push(c.key);
  }
  for (const c of once) {
    if (picked.length >= min) break;
    if (overlaps(c.key)) continue;
    picked.push(c.phrase);
    pickedKeys.push(c.key);
  }
  return picked.slice(0, max);
}
