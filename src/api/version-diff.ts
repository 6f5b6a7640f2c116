/**
 * Word-level differences between two versions of a story, for editors: what
 * was added and what was removed, in reading order. Pure; the diff itself is
 * jsdiff's `diffWords` (Myers' algorithm over words and punctuation marks,
 * whitespace kept as written) over Unicode word segments.
 */
import { diffWords } from 'diff';
import type { ArticleVersion } from '../store/types.js';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export type VersionDiff = {
  from: number;
  to: number;
  title: DiffPart[];
  byline: DiffPart[];
  text: DiffPart[];
  /** Words added and removed, headline, byline and text together. */
  wordsAdded: number;
  wordsRemoved: number;
};

/**
 * Words as Unicode word segmentation (UAX #29) finds them, so a figure such as
 * "40,000" or "3.5" and a word such as "don't" change as one.
 */
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/** Past this much work, a diff of very different texts is shown as all removed then all added. */
const DIFF_TIMEOUT_MS = 500;

/** Parts of the word diff from `before` to `after`, neighbours of one kind merged. */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) {
    return before === '' ? [] : [{ kind: 'same', text: before }];
  }
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS, intlSegmenter: WORDS }) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const kind: DiffPart['kind'] = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (c.value === '') {
      continue;
    }
    if (last && last.kind === kind) {
      last.text += c.value;
    } else {
      parts.push({ kind, text: c.value });
    }
  }
  return parts;
}

const countWords = (parts: DiffPart[], kind: DiffPart['kind']): number =>
  parts.filter((p) => p.kind === kind).reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);

/** The differences from version `a` to version `b`. */
export function versionDiff(a: ArticleVersion, b: ArticleVersion): VersionDiff {
  const title = wordDiff(a.title, b.title);
  const byline = wordDiff(a.byline ?? '', b.byline ?? '');
  const text = wordDiff(a.text, b.text);
  const all = [...title, ...byline, ...text];
  return { from: a.n, to: b.n, title, byline, text, wordsAdded: countWords(all, 'added'), wordsRemoved: countWords(all, 'removed') };
}
