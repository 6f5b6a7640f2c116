import { describe, expect, it } from 'vitest';
import {
  differentOutputs,
  halves,
  median,
  pageChanges,
  pageHalf,
  type PageCounts,
  sameAuthor,
  sameDay,
  sameTitle,
  scoreCorpus,
  scorePage,
  shingles,
  snippetCheck,
  tokenize,
} from '../../../bench/lib/extract-score.js';

describe('tokenize', () => {
  it('keeps runs of letters, digits and underscores, case kept, in any script', () => {
    expect(tokenize('Hello, World! it’s 2025_x — Ünïcode 東京')).toEqual(['Hello', 'World', 'it', 's', '2025_x', 'Ünïcode', '東京']);
  });
});

describe('shingles', () => {
  it('counts every run of four tokens as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
    expect(s.get(['a', 'b', 'c', 'd'].join('\u0001'))).toBe(2);
  });

  it('makes one shorter shingle of a text of one to three tokens and none of an empty text', () => {
    expect([...shingles('two words').keys()]).toEqual(['two\u0001words']);
    expect(shingles('  ... ').size).toBe(0);
  });
});

describe('scorePage', () => {
  it('gives 1 / 1 for identical texts, even empty ones', () => {
    expect(scorePage('One two three four five.', 'One two three four five.')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(scorePage('', '')).toMatchObject({ precision: 1, recall: 1, predicted: false });
  });

  it('counts shared shingles for precision and recall', () => {
    // truth: 6 tokens, 3 shingles; predicted adds 2 tokens, 5 shingles, of which the 3 true ones.
    const s = scorePage('a b c d e f g h', 'a b c d e f');
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.recall).toBe(1);
    expect(s.f1).toBeCloseTo((2 * 0.6) / 1.6);
  });

  it('is case sensitive and ignores punctuation and spacing', () => {
    expect(scorePage('a,  b\n\nc d', 'a b c d').f1).toBe(1);
    expect(scorePage('A b c d', 'a b c d').f1).toBe(0);
  });

  it('counts a repeated shingle only as often as the truth has it', () => {
    const s = scorePage('w x y z w x y z', 'w x y z');
    // predicted: 5 shingles, one is the true one.
    expect(s.precision).toBeCloseTo(1 / 5);
    expect(s.recall).toBe(1);
  });

  it('marks an empty prediction as not predicted with recall 0', () => {
    expect(scorePage('', 'a b c d e')).toEqual({ precision: 0, recall: 0, f1: 0, predicted: false });
  });
});

describe('scoreCorpus', () => {
  it('takes precision over predicted pages only and recall over all pages', () => {
    const c = scoreCorpus([
      { precision: 1, recall: 0.5, f1: 2 / 3, predicted: true },
      { precision: 0.5, recall: 1, f1: 2 / 3, predicted: true },
      { precision: 0, recall: 0, f1: 0, predicted: false },
    ]);
    expect(c.precision).toBeCloseTo(0.75);
    expect(c.recall).toBeCloseTo(0.5);
    expect(c.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25);
    expect(c.empty).toBe(1);
  });
});

describe('snippetCheck', () => {
  it('finds with-snippets across line breaks and reports without-snippets that are absent', () => {
    const text = 'The mayor said on Monday\n\nthat taxes would rise.';
    const r = snippetCheck(text, ['said on Monday that taxes', 'not there'], ['Subscribe now', 'mayor said']);
    expect(r).toEqual({ withFound: 1, withoutAbsent: 1 });
  });

  it('compares token sequences: list markers and pipes do not count, a word inside a longer word is not found', () => {
    const text = 'Cons:\n\nNot well known\n\nHomeowners | pay less';
    expect(snippetCheck(text, ['Cons:\n- Not well known', 'Homeowners pay'], ['Home'])).toEqual({ withFound: 2, withoutAbsent: 1 });
  });

  it('finds a with-snippet of five tokens or more cut inside its last word, but not a shorter one', () => {
    const text = 'It will not be a quick price correction this year.';
    expect(snippetCheck(text, ['It will not be a quick price corre', 'quick price corre'], ['a quick price corre'])).toEqual({ withFound: 1, withoutAbsent: 1 });
  });
});

describe('metadata agreement', () => {
  it('compares titles without case or punctuation', () => {
    expect(sameTitle('Trump’s plan — live', "TRUMP'S PLAN: LIVE")).toBe(true);
    expect(sameTitle('Trump’s plan', 'Trump’s plan - Site')).toBe(false);
    expect(sameTitle('', '')).toBe(false);
  });

  it('compares authors without a leading by, and accepts a whole two-word name inside the other', () => {
    expect(sameAuthor('By Jane Doe', 'jane doe')).toBe(true);
    expect(sameAuthor('Dylan Bailey', 'Dylan Bailey, MS, RD, FAND')).toBe(true);
    expect(sameAuthor('Jane', 'Jane Doe')).toBe(false);
    expect(sameAuthor('Jared Newman, Sam Singleton', 'Jared Newman and Sam Singleton')).toBe(true);
    expect(sameAuthor(null, 'Jane Doe')).toBe(false);
  });

  it('compares dates by calendar day as written', () => {
    expect(sameDay('2025-09-04T23:30:00-05:00', '2025-09-04')).toBe(true);
    expect(sameDay('2025-09-05T01:00:00Z', '2025-09-04')).toBe(false);
    expect(sameDay(null, '2025-09-04')).toBe(false);
  });

  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('halves', () => {
  it('puts a page in half A when the first hex digit of md5(id) is 0-7, else B', async () => {
    const { createHash } = await import('node:crypto');
    for (const id of ['0001', '0406', '4363', 'cnn', 'yahoo-3', 'wikipedia-2']) {
      const digit = Number.parseInt(createHash('md5').update(id).digest('hex')[0] as string, 16);
      expect(pageHalf(id)).toBe(digit < 8 ? 'A' : 'B');
    }
  });

  it('scores each half with the corpus measure and counts its snippets and metadata', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `page-${i}`);
    const a = ids.filter((id) => pageHalf(id) === 'A');
    const b = ids.filter((id) => pageHalf(id) === 'B');
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const rows: PageCounts[] = ids.map((id) => {
      const inA = pageHalf(id) === 'A';
      // A: every page read perfectly; B: one empty page, the others at P 0.5 / R 1.
      const empty = !inA && id === b[0];
      return {
        id,
        p: inA ? 1 : empty ? 0 : 0.5,
        r: inA ? 1 : empty ? 0 : 1,
        empty,
        snippets: inA ? [2, 2, 1, 1] : [1, 2, 0, 1],
        agree: inA ? { title: true, date: true } : { title: false },
      };
    });
    const [ha, hb] = halves(rows);
    expect(ha).toMatchObject({ half: 'A', pages: a.length, precision: 1, recall: 1, f1: 1, empty: 0, withFound: [2 * a.length, 2 * a.length] });
    expect(ha?.agree).toEqual({ title: [a.length, a.length], author: [0, 0], date: [a.length, a.length] });
    expect(hb?.half).toBe('B');
    expect(hb?.empty).toBe(1);
    // Precision over the pages with a prediction, recall over all of them.
    expect(hb?.precision).toBeCloseTo(0.5);
    expect(hb?.recall).toBeCloseTo((b.length - 1) / b.length);
    expect(hb?.withoutAbsent).toEqual([0, b.length]);
    expect(hb?.agree.title).toEqual([0, b.length]);
  });
});

describe('pageChanges', () => {
  const row = (id: string, p: number, r: number, over: Partial<PageCounts> = {}): PageCounts => ({
    id, p, r, empty: false, snippets: [3, 4, 2, 2], agree: { title: true, date: false }, ...over,
  });

  it('lists the pages whose F1, snippets or metadata changed, losses first, and leaves the others out', () => {
    const before = [row('same', 0.9, 0.9), row('up', 0.5, 1), row('down', 1, 1), row('snip', 0.8, 0.8), row('meta', 0.7, 0.7), row('gone', 1, 1)];
    const now = [
      row('same', 0.9, 0.9),
      row('up', 1, 1),
      row('down', 0, 0, { empty: true }),
      row('snip', 0.8, 0.8, { snippets: [4, 4, 1, 2] }),
      row('meta', 0.7, 0.7, { agree: { title: false, date: true, author: true } }),
      row('new', 0.2, 0.2),
    ];
    const changes = pageChanges(now, before);
    expect(changes.map((c) => c.id)).toEqual(['down', 'meta', 'snip', 'up']);
    expect(changes[0]).toMatchObject({ f1Before: 1, f1Now: 0 });
    expect(changes[1]?.fields).toEqual(['−title', '+date']);
    expect(changes[2]).toMatchObject({ withDelta: 1, withoutDelta: -1, fields: [] });
    expect(changes[3]?.f1Now).toBeCloseTo(1);
    expect(changes[3]?.f1Before).toBeCloseTo(2 / 3);
  });

  it('ignores F1 moves below the threshold', () => {
    expect(pageChanges([row('a', 0.9001, 0.9)], [row('a', 0.9, 0.9)])).toEqual([]);
    expect(pageChanges([row('a', 0.95, 0.9)], [row('a', 0.9, 0.9)], 0.1)).toEqual([]);
    expect(pageChanges([row('a', 0.95, 0.9)], [row('a', 0.9, 0.9)])).toHaveLength(1);
  });
});

describe('differentOutputs', () => {
  it('lists the pages whose hash differs, lacks one, or is in one run only', () => {
    const now = [{ id: 'a', hash: '1' }, { id: 'b', hash: '2' }, { id: 'c' }, { id: 'd', hash: '4' }];
    const before = [{ id: 'a', hash: '1' }, { id: 'b', hash: '3' }, { id: 'c', hash: '3' }, { id: 'e', hash: '5' }];
    expect(differentOutputs(now, before)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('lists none when every page hashes the same', () => {
    const rows = [{ id: 'a', hash: '1' }, { id: 'b', hash: '2' }];
    expect(differentOutputs(rows, rows.map((r) => ({ ...r })))).toEqual([]);
  });
});
