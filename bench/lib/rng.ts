import { seededRandom } from '../../src/lib/random.js';

/** The project's seeded PRNG, so every benchmark run uses the same data. */
export const rng = seededRandom;

/** A numeric `--name value` flag from argv, or the default. */
export function numberFlag(args: readonly string[], name: string, def: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
}
