import { describe, expect, it } from 'vitest';
import { emptyScores, goldNameSets, type NameSets, prf, scoreNameSets, splitTunePart } from '../../../scripts/lib/enrichment-data.js';
import { detokenize } from '../../../src/workers/enricher/ner-tokens.js';

const sets = (per: string[], loc: string[] = [], org: string[] = []): NameSets => ({ PER: new Set(per), LOC: new Set(loc), ORG: new Set(org) });

describe(goldNameSets.name, () => {
  it('gives each type its distinct names, in lower case, once however often the text names them', () => {
    const words = ['Bill', 'Clinton', 'met', 'Clinton', "'s", 'aides', 'in', 'New', 'York', 'and', 'Clinton', 'left', '.'];
    const tags = ['B-PER', 'I-PER', 'O', 'B-PER', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O', 'B-PER', 'O', 'O'];
    const { text, tokens } = detokenize(words);
    expect(goldNameSets(text, tokens, tags)).toEqual(sets(['bill clinton', 'clinton'], ['new york']));
  });
});

describe(scoreNameSets.name, () => {
  it('counts names as sets: found gold names, missed ones and predicted names that stand for none', () => {
    const s = emptyScores();
    scoreNameSets(s, sets(['bill clinton', 'clinton'], ['uk']), sets(['bill clinton', 'hillary'], ['united kingdom']));
    expect(s.PER).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.LOC).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.all).toEqual({ tp: 1, fp: 2, fn: 2 });
  });

  it('credits a gold name the record names another way when told how', () => {
    const s = emptyScores();
    const merged = (pred: string, gold: string) => (gold === 'uk' && pred === 'united kingdom') || ` ${pred} `.includes(` ${gold} `);
    scoreNameSets(s, sets(['bill clinton', 'clinton'], ['uk']), sets(['bill clinton'], ['united kingdom']), merged);
    expect(s.all).toEqual({ tp: 3, fp: 0, fn: 0 });
    expect(prf(s.all).f).toBe(1);
  });
});

describe(splitTunePart.name, () => {
  const sentence = (k: number) => ({ words: [`w${k}`], tags: ['O'] });
  const ids = (xs: Array<{ words: string[] }>) => xs.map((x) => x.words[0]);

  it('sets every k-th text of `size` sentences apart and keeps the rest in order', () => {
    const sentences = Array.from({ length: 11 }, (_, k) => sentence(k));
    const [kept, apart] = splitTunePart(sentences, 2, 3);
    // Texts: [0 1] [2 3] [4 5] [6 7] [8 9] [10]: the third and sixth set apart.
    expect(ids(apart)).toEqual(['w4', 'w5', 'w10']);
    expect(ids(kept)).toEqual(['w0', 'w1', 'w2', 'w3', 'w6', 'w7', 'w8', 'w9']);
  });

  it('sets nothing apart when told 0', () => {
    const sentences = Array.from({ length: 5 }, (_, k) => sentence(k));
    const [kept, apart] = splitTunePart(sentences, 2, 0);
    expect(apart).toEqual([]);
    expect(kept).toEqual(sentences);
  });
});
