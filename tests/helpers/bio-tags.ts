import { expect } from 'vitest';
import { seededRandom } from '../../src/lib/random.js';
import { nerTokenize } from '../../src/workers/enricher/ner-tokens.js';
import { labelTokens } from '../../src/workers/enricher/tag-entities.js';
import { bioSpans } from '../../src/workers/enricher/wire-conventions.js';

/** BIO tags over `text`'s tokens (nerTokenize) with the given spans tagged: [first token, end token (exclusive), type]. */
export function tagsFor(text: string, named: Array<[from: number, to: number, type: string]>): string[] {
  const tags = nerTokenize(text).map(() => 'O');
  for (const [from, to, type] of named) for (let k = from; k < to; k++) tags[k] = `${k === from ? 'B' : 'I'}-${type}`;
  return tags;
}

const TAG_CHOICES = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];

/** Random valid BIO tags for `n` tokens (an I- tag only after a tag of its type), drawn with `rand`. */
export function randomBioTags(n: number, rand: () => number): string[] {
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = TAG_CHOICES[Math.floor(rand() * TAG_CHOICES.length)] as string;
    if (t.startsWith('I-') && !(tags[i - 1] ?? 'O').endsWith(t.slice(1))) t = `B-${t.slice(2)}`;
    tags.push(t);
  }
  return tags;
}

/** Whether `tags` are valid BIO: each I- tag follows a tag of its type. */
export const isValidBio = (tags: readonly string[]): boolean => tags.every((t, i) => !t.startsWith('I-') || (tags[i - 1] ?? 'O').slice(2) === t.slice(2));

/**
 * Expects each of `passes` to give tags of `n` tokens that are valid BIO and as long, for 300 random taggings drawn with
 * `seed` (the same taggings for every pass).
 */
export function expectBioKept(n: number, seed: number, ...passes: Array<(tags: string[]) => string[]>): void {
  const rand = seededRandom(seed);
  for (let k = 0; k < 300; k++) {
    const tags = randomBioTags(n, rand);
    for (const pass of passes) {
      const out = pass(tags);
      expect(out).toHaveLength(n);
      expect(isValidBio(out)).toBe(true);
    }
  }
}

/** `text`'s tokens (nerTokenize) and BIO tags with every occurrence of each given name typed ({ 'John McCain': 'PER' }; later names over earlier ones), the rest O. */
export function tagsNaming(text: string, names: Record<string, string>): { toks: ReturnType<typeof nerTokenize>; tags: string[] } {
  const toks = nerTokenize(text);
  const tags = toks.map(() => 'O');
  for (const [name, type] of Object.entries(names)) {
    const words = name.split(' ');
    for (let i = 0; i + words.length <= toks.length; i++) {
      if (words.every((w, k) => toks[i + k]?.text === w)) words.forEach((_, k) => (tags[i + k] = `${k === 0 ? 'B' : 'I'}-${type}`));
    }
  }
  return { toks, tags };
}

/** The tags at each occurrence of `word` among `toks`. */
export const tagsAt = (toks: ReadonlyArray<{ text: string }>, tags: readonly string[], word: string): string[] => toks.flatMap((t, i) => (t.text === word ? [tags[i] as string] : []));

/** `text`'s tokens (nerTokenize) and the shipped tagger's BIO tags over them (labelTokens). */
export function labelledText(text: string): { toks: ReturnType<typeof nerTokenize>; tags: string[] } {
  const toks = nerTokenize(text);
  return { toks, tags: labelTokens(text, toks) };
}

/** A pass over a text's tokens and BIO tags. */
type TagPass = (toks: ReturnType<typeof nerTokenize>, tags: string[]) => string[];

/** The names `pass` gives over `text`, tagged first with `names` (tagsNaming), as "TYPE[words]". */
export function namesAfterPass(pass: TagPass, text: string, names: Record<string, string>): string[] {
  const { toks, tags } = tagsNaming(text, names);
  return bioSpans(pass(toks, tags)).map((s) => `${s.type}[${toks.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
}

/** Expects `pass` to leave the tags of each [text, names] case (tagsNaming) as they are. */
export function expectTagsLeft(pass: TagPass, cases: ReadonlyArray<readonly [string, Record<string, string>]>): void {
  for (const [text, names] of cases) {
    const { toks, tags } = tagsNaming(text, names);
    expect(pass(toks, tags)).toEqual(tags);
  }
}
