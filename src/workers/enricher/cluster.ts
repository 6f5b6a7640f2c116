import { fmix32 } from '../../lib/hash.js';
import type { ClusterAssignment, Fingerprint, SimilarArticle } from '../../store/types.js';
import { parseDateline } from './parse-dateline.js';

/** LSH banding: BANDS bands of ROWS rows each. A pair with similarity s shares a band with probability 1 - (1 - s^ROWS)^BANDS: 0.99 at s = 0.45, 0.05 at s = 0.1. */
export const BANDS = 48;
export const ROWS = 3;
/** Number of MinHash functions (signature length). */
export const SIGNATURE_SIZE = BANDS * ROWS;
/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/**
 * Estimated Jaccard similarity of word shingles at or above which two texts are
 * copies of one story. Lightly edited wire copies (new dateline and credit line,
 * last paragraph cut, a few words changed) measure 0.4 and up; distinct stories
 * on the same subject stay under 0.05 (see bench/enrich.ts and docs/BENCHMARKS.md).
 */
export const DUPLICATE_THRESHOLD = 0.35;

const SEEDS: Uint32Array = (() => {
  // Deterministic seeds (splitmix32), one per hash function.
  const out = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
})();

/** Normalized words of a story body: lowercased letters and digits, the opening dateline dropped. */
export function storyWords(text: string): string[] {
  const dateline = parseDateline(text);
  const body = dateline ? text.slice(dateline.length) : text;
  return body.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a's offset basis: the hash of the empty string, where fnvOn starts a string. */
const FNV_BASIS = 0x811c9dc5;

/** FNV-1a over UTF-16 code units, continued from `h` (FNV_BASIS starts a string); a signed 32-bit result. */
const fnvOn = (h: number, s: string): number => {
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h;
};

/** FNV-1a of the space (0x20) between two words of a shingle. */
const fnvSpace = (h: number): number => Math.imul(h ^ 0x20, 0x01000193);

/**
 * Hashes of the distinct word shingles of `text`: the FNV-1a hash of each run
 * of SHINGLE_WORDS words joined by one space (of the whole text when it has
 * fewer words), computed over the words as they are, without building the
 * joined strings.
 */
export function shingleHashes(text: string): Uint32Array {
  const words = storyWords(text);
  // Signed 32-bit keys: small integers to the Set, where unsigned ones above 2^31 would be boxed numbers.
  const set = new Set<number>();
  if (words.length > 0 && words.length < SHINGLE_WORDS) {
    set.add(fnvOn(FNV_BASIS, words.join(' ')));
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = fnvOn(FNV_BASIS, words[i] as string);
    for (let j = 1; j < SHINGLE_WORDS; j++) h = fnvOn(fnvSpace(h), words[i + j] as string);
    set.add(h | 0);
  }
  const out = new Uint32Array(set.size);
  let k = 0;
  for (const h of set) out[k++] = h;
  return out;
}

/**
 * MinHash signature of the text's word shingles and its LSH band keys
 * ("<band>:<hash of the band's rows>"). Texts whose estimated similarity is
 * above 0.45 share at least one band key with 99 % probability. Empty text
 * has no band keys, so it never matches anything.
 */
export function fingerprint(text: string): Fingerprint {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const n = shingles.length;
  // One hash function at a time over every shingle: its minimum stays in a local.
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const seed = SEEDS[i] as number;
    let min = 0xffffffff;
    for (let s = 0; s < n; s++) {
      const v = fmix32((shingles[s] as number) ^ seed);
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  const signature = Array.from(sig);
  if (shingles.length === 0) return { signature, bands: [] };
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h = fmix32((h ^ (sig[b * ROWS + r] as number)) >>> 0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    bands.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return { signature, bands };
}

/** Estimated Jaccard similarity of two MinHash signatures: the share of equal positions (0 when they differ in size). */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** True when two signatures are copies of one story. */
export const isDuplicate = (a: readonly number[], b: readonly number[]): boolean => estimateSimilarity(a, b) >= DUPLICATE_THRESHOLD;

/**
 * The cluster of article `id` (signature `signature`) among stored similar
 * articles: that of the most similar one at or above DUPLICATE_THRESHOLD, which
 * is also what the article duplicates (a cluster's id is its first stored
 * member's); null when none is close enough (the article starts its own).
 */
export function chooseCluster(id: string, signature: readonly number[], candidates: readonly SimilarArticle[]): ClusterAssignment {
  let best: { clusterId: string; score: number } | null = null;
  for (const c of candidates) {
    if (c.id === id) {
      continue;
    }
    const score = estimateSimilarity(signature, c.signature);
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) {
      best = { clusterId: c.clusterId, score };
    }
  }
  return best ? { clusterId: best.clusterId, duplicateOf: best.clusterId } : null;
}
