/**
 * Scoring of extracted article text and metadata against a reference, as the
 * WCXB development set's README defines it (the Scrapinghub
 * article-extraction-benchmark measure). Pure functions, no I/O.
 *
 * - tokens: maximal runs of letters, digits and `_`, case kept;
 * - shingles: every run of 4 consecutive tokens; a text of 1 to 3 tokens is
 *   one shorter shingle, an empty text none;
 * - page: tp = shingles shared (multiset), precision = tp / predicted,
 *   recall = tp / true, both 1 when the two texts are identical;
 * - corpus: precision = mean page precision over pages where something was
 *   predicted, recall = mean page recall over all pages with a truth,
 *   F1 = 2PR / (P + R) of those two means.
 */
import { createHash } from 'node:crypto';

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The multiset of word n-grams (n = 4 by default) of a text, as counts keyed by the joined tokens. */
export function shingles(text: string, n = 4): Map<string, number> {
  const toks = tokenize(text);
  const out = new Map<string, number>();
  if (toks.length === 0) {
    return out;
  }
  const last = Math.max(1, toks.length - n + 1);
  for (let i = 0; i < last; i++) {
    // U+0001 cannot occur inside a token.
    const key = toks.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export type PageScore = { precision: number; recall: number; f1: number; predicted: boolean };

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Precision / recall / F1 of one page's predicted text against the true text. */
export function scorePage(predicted: string, truth: string): PageScore {
  const pred = shingles(predicted);
  const predictedSomething = pred.size > 0;
  if (predicted === truth) {
    return { precision: 1, recall: 1, f1: 1, predicted: predictedSomething };
  }
  const tru = shingles(truth);
  let tp = 0;
  let nPred = 0;
  let nTrue = 0;
  for (const c of tru.values()) {
    nTrue += c;
  }
  for (const [k, c] of pred) {
    nPred += c;
    tp += Math.min(c, tru.get(k) ?? 0);
  }
  const precision = nPred > 0 ? tp / nPred : 0;
  const recall = nTrue > 0 ? tp / nTrue : 0;
  return { precision, recall, f1: f1(precision, recall), predicted: predictedSomething };
}

export type CorpusScore = { precision: number; recall: number; f1: number; pages: number; predicted: number; empty: number };

/** Corpus P / R / F1 from page scores (README: precision over pages with a prediction, recall over all). */
export function scoreCorpus(pages: PageScore[]): CorpusScore {
  let sumP = 0;
  let sumR = 0;
  let predicted = 0;
  for (const s of pages) {
    sumR += s.recall;
    if (s.predicted) {
      sumP += s.precision;
      predicted++;
    }
  }
  const precision = predicted > 0 ? sumP / predicted : 0;
  const recall = pages.length > 0 ? sumR / pages.length : 0;
  return { precision, recall, f1: f1(precision, recall), pages: pages.length, predicted, empty: pages.length - predicted };
}

/** A text as its tokens between spaces, so that a token sequence is found with includes(). */
const tokenLine = (s: string): string => ` ${tokenize(s).join(' ')} `;

/** `with` snippets of at least this many tokens are found when their last token starts a longer one of the text. */
export const CUT_MIN_TOKENS = 5;

/**
 * How many `with` snippets appear in the text and how many `without` snippets
 * do not. Compared as token sequences (the tokens of the shingle measure), so
 * that list markers ("- "), table pipes, line breaks and punctuation spacing
 * in the reference do not count, and "Home" is not found inside "Homeowners".
 * A `with` snippet of CUT_MIN_TOKENS tokens or more may end inside a word
 * (the set cuts long snippets at a fixed length): "a quick price corre" is
 * found in "a quick price correction". `without` snippets match whole tokens only.
 */
export function snippetCheck(text: string, withSnippets: string[], withoutSnippets: string[]): { withFound: number; withoutAbsent: number } {
  const t = tokenLine(text);
  let withFound = 0;
  let withoutAbsent = 0;
  for (const s of withSnippets) {
    const line = tokenLine(s);
    // A long snippet may be cut mid-word (WCXB cuts many at 80 characters): its last token may be the start of the text's.
    const cut = line.split(' ').length - 2 >= CUT_MIN_TOKENS ? line.trimEnd() : line;
    if (t.includes(cut)) {
      withFound++;
    }
  }
  for (const s of withoutSnippets) {
    if (!t.includes(tokenLine(s))) {
      withoutAbsent++;
    }
  }
  return { withFound, withoutAbsent };
}

/** Lowercase letters and digits only, single-spaced: "Trump’s Plan — Live" and "trump s plan live" agree. */
export const normalizeField = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Title agreement: equal once case, punctuation and spacing are set aside. */
export function sameTitle(got: string | null | undefined, want: string): boolean {
  return normalizeField(got) !== '' && normalizeField(got) === normalizeField(want);
}

/**
 * Author agreement: equal once a leading "by" and punctuation are set aside,
 * or one names the other whole with at least two words ("Dylan Bailey" and
 * "Dylan Bailey, MS, RD").
 */
export function sameAuthor(got: string | null | undefined, want: string): boolean {
  // "A, B and C" and "A, B, C" name the same people.
  const strip = (s: string | null | undefined): string =>
    normalizeField(s)
      .replace(/^(?:written by|by|von|par|por) /, '')
      .split(' ')
      .filter((w) => !/^(?:and|und|et|y|e)$/.test(w))
      .join(' ');
  const a = strip(got);
  const b = strip(want);
  if (!a || !b) {
    return false;
  }
  if (a === b) {
    return true;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.split(' ').length >= 2 && ` ${long} `.includes(` ${short} `);
}

/** Date agreement: the same calendar day as written (the truth is a day, YYYY-MM-DD). */
export function sameDay(got: string | null | undefined, want: string): boolean {
  const day = /^(\d{4}-\d{2}-\d{2})/;
  const a = day.exec(got ?? '')?.[1];
  const b = day.exec(want)?.[1];
  return !!a && a === b;
}

/** The median of a list of numbers (0 for none). */
export function median(xs: number[]): number {
  if (xs.length === 0) {
    return 0;
  }
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The half of a development set a page belongs to, by the first hex digit of md5(page id): 0-7 is A, 8-f is B. */
export function pageHalf(id: string): 'A' | 'B' {
  return Number.parseInt(createHash('md5').update(id).digest('hex')[0] as string, 16) < 8 ? 'A' : 'B';
}

/** One page's counts, as bench:extract keeps them per page. */
export type PageCounts = {
  id: string;
  p: number;
  r: number;
  empty: boolean;
  /** `with` snippets found and in all, `without` snippets absent and in all. */
  snippets: [number, number, number, number];
  /** Agreement with the truth, for the fields the truth has. */
  agree: Partial<Record<'title' | 'author' | 'date', boolean>>;
};

export type HalfSummary = {
  half: 'A' | 'B';
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  empty: number;
  withFound: [number, number];
  withoutAbsent: [number, number];
  agree: Record<'title' | 'author' | 'date', [number, number]>;
};

/** The corpus figures of each half (pageHalf): the same measure as scoreCorpus and the snippet and metadata counts. */
export function halves(rows: readonly PageCounts[]): HalfSummary[] {
  return (['A', 'B'] as const).map((half) => {
    const mine = rows.filter((r) => pageHalf(r.id) === half);
    const c = scoreCorpus(mine.map((r) => ({ precision: r.p, recall: r.r, f1: f1(r.p, r.r), predicted: !r.empty })));
    const sum = (k: number) => mine.reduce((n, r) => n + r.snippets[k]!, 0);
    const agree = { title: [0, 0], author: [0, 0], date: [0, 0] } as HalfSummary['agree'];
    for (const r of mine) {
      for (const k of ['title', 'author', 'date'] as const) {
        const a = r.agree[k];
        if (a !== undefined) {
          agree[k][1]++;
          if (a) agree[k][0]++;
        }
      }
    }
    return { half, pages: mine.length, precision: c.precision, recall: c.recall, f1: c.f1, empty: c.empty, withFound: [sum(0), sum(1)], withoutAbsent: [sum(2), sum(3)], agree };
  });
}

/** How one page reads in two builds: the body F1 of each, and every snippet or metadata field that went another way. */
export type PageChange = {
  id: string;
  f1Before: number;
  f1Now: number;
  /** `with` snippets found and `without` snippets absent, now minus before. */
  withDelta: number;
  withoutDelta: number;
  /** Metadata fields now agreeing with the truth where they did not (+), or no longer agreeing (−). */
  fields: string[];
};

/**
 * The pages whose figures differ between two runs over the same corpus (`bench:extract --before DIR --diff`): body F1
 * moved by more than `minF1`, a snippet check changed, or a metadata field
 * flipped. Pages only one run scored are left out. Sorted by the F1 change, losses first.
 */
export function pageChanges(now: readonly PageCounts[], before: readonly PageCounts[], minF1 = 0.0005): PageChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const changes: PageChange[] = [];
  for (const r of now) {
    const b = old.get(r.id);
    if (!b) continue;
    const f1Now = f1(r.p, r.r);
    const f1Before = f1(b.p, b.r);
    const withDelta = r.snippets[0] - b.snippets[0];
    const withoutDelta = r.snippets[2] - b.snippets[2];
    const fields: string[] = [];
    for (const k of ['title', 'author', 'date'] as const) {
      const a = r.agree[k];
      const c = b.agree[k];
      if (a !== undefined && c !== undefined && a !== c) fields.push(`${a ? '+' : '−'}${k}`);
    }
    if (Math.abs(f1Now - f1Before) > minF1 || withDelta || withoutDelta || fields.length) {
      changes.push({ id: r.id, f1Before, f1Now, withDelta, withoutDelta, fields });
    }
  }
  return changes.sort((x, y) => x.f1Now - x.f1Before - (y.f1Now - y.f1Before) || x.id.localeCompare(y.id));
}

/**
 * The ids of the pages whose output hash differs between two runs (`--hash`), in the order of `now`: a page missing
 * from either run counts as differing, so does a page without a hash in one of them.
 */
export function differentOutputs(now: ReadonlyArray<{ id: string; hash?: string }>, before: ReadonlyArray<{ id: string; hash?: string }>): string[] {
  const old = new Map(before.map((r) => [r.id, r.hash]));
  const ids = new Set(now.map((r) => r.id));
  const differ = now.filter((r) => r.hash === undefined || old.get(r.id) !== r.hash).map((r) => r.id);
  return [...differ, ...before.filter((r) => !ids.has(r.id)).map((r) => r.id)];
}
