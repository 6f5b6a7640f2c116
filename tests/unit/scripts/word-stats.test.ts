import { describe, expect, it } from 'vitest';
import { capBucket, wordStats } from '../../../scripts/lib/word-stats.js';
import { CAP_BUCKETS } from '../../../src/workers/enricher/ner-features.js';

/** A small corpus where cities, weekdays and verbs each share their neighbours. */
function corpus(): string[][] {
  const cities = ['Paris', 'Rome', 'Oslo', 'Lima', 'Cairo'];
  const days = ['Monday', 'Tuesday', 'Friday', 'Sunday'];
  const verbs = ['arrived', 'landed', 'stayed'];
  const out: string[][] = [];
  for (let r = 0; r < 4; r++) {
    for (const [i, c] of cities.entries()) {
      const d = days[(i + r) % days.length] as string;
      const v = verbs[(i + r) % verbs.length] as string;
      out.push(['The', 'team', v, 'in', c, 'on', d, '.']);
      out.push(['Officials', 'said', 'the', 'team', v, 'in', c, 'on', d, 'night', '.']);
    }
  }
  return out;
}

const OPTS = { fine: 3, coarse: 2, minClassCount: 3, minCount: 2, contexts: 6, iterations: 10, seed: 5 };

describe(capBucket.name, () => {
  it('reads always, mostly, mixed, rarely and never capitalized', () => {
    expect([capBucket(50, 0), capBucket(8, 2), capBucket(5, 5), capBucket(1, 9), capBucket(0, 40)].map((b) => CAP_BUCKETS[b])).toEqual(['A', 'M', 'H', 'R', 'N']);
  });
});

describe(wordStats.name, () => {
  it('puts words that share their neighbours in one class, and gives the capitalization of each word mid-sentence', () => {
    const t = wordStats(corpus(), OPTS);
    const cls = (w: string) => t.words.get(w)?.cls;
    expect(cls('paris')).toBeGreaterThan(0);
    expect(new Set(['paris', 'rome', 'oslo', 'lima', 'cairo'].map(cls)).size).toBe(1);
    expect(new Set(['monday', 'tuesday', 'friday', 'sunday'].map(cls)).size).toBe(1);
    expect(cls('paris')).not.toBe(cls('monday'));
    expect(t.words.get('paris')?.cap).toBe(0); // always capitalized
    expect(t.words.get('team')?.cap).toBe(4); // never
    // "The" opens every other sentence and is written "the" elsewhere: sentence starts do not count.
    expect(t.words.get('the')?.cap).toBe(4);
    expect(t.coarse).toHaveLength(OPTS.fine + 1);
  });

  it('is deterministic for a given seed', () => {
    const a = wordStats(corpus(), OPTS);
    const b = wordStats(corpus(), OPTS);
    expect([...a.words]).toEqual([...b.words]);
    expect(a.coarse).toEqual(b.coarse);
  });
});
