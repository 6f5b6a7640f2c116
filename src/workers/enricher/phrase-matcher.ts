import { normalizeWord, type Token, tokenize } from './tokens.js';

/** One phrase to look for, with an opaque key (a topic code) and a weight. */
export type PhraseEntry = { key: string; phrase: string; weight: number };

type Compiled = { key: string; phrase: string; words: string[]; weight: number };

/** Phrases indexed by their first normalized word, longest first. */
export type PhraseIndex = ReadonlyMap<string, readonly Compiled[]>;

export type PhraseHit = { key: string; phrase: string; weight: number; start: number };

export function compilePhrases(entries: readonly PhraseEntry[]): PhraseIndex {
  const index = new Map<string, Compiled[]>();
  const seen = new Set<string>();
  for (const e of entries) {
    const words = tokenize(e.phrase).map((t) => normalizeWord(t.text));
    const first = words[0];
    if (!first) continue;
    const id = `${e.key}\u0000${words.join(' ')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = index.get(first) ?? [];
    list.push({ key: e.key, phrase: e.phrase.toLowerCase(), words, weight: e.weight });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/**
 * Every phrase occurrence in `words` (already normalized). At one position a key
 * takes only its longest phrase, so "nuclear weapons" does not also count "nuclear".
 */
export function matchPhrases(words: readonly string[], index: PhraseIndex): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const keysAt = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const list = index.get(words[i] as string);
    if (!list) continue;
    keysAt.clear();
    for (const c of list) {
      if (keysAt.has(c.key)) continue;
      let ok = true;
      for (let j = 1; j < c.words.length; j++) {
        if (words[i + j] !== c.words[j]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        keysAt.add(c.key);
        hits.push({ key: c.key, phrase: c.phrase, weight: c.weight, start: i });
      }
    }
  }
  return hits;
}

/** Normalized words of `text` (or of its tokens), for matchPhrases. */
export function normalizedWords(text: string, tokens: readonly Token[] = tokenize(text)): string[] {
  const out = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = normalizeWord((tokens[i] as Token).text);
  return out;
}
