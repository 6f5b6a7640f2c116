import { createHash } from 'node:crypto';
import { seededRandom } from '../../src/lib/random.js';

/** The project's seeded PRNG, so every benchmark run uses the same data. */
export const rng = seededRandom;

/** The value after `--name` in argv, if any. */
export const stringFlag = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

/** A numeric `--name value` flag from argv, or the default. */
export function numberFlag(args: readonly string[], name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}

/** The half (0 or 1) of a dev set an example falls in, by the low bit of md5(text)'s first byte: a change is kept only when it helps both. */
export const md5Half = (text: string): 0 | 1 => ((createHash('md5').update(text).digest()[0] as number) & 1) as 0 | 1;
