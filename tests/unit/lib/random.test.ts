import { describe, expect, it } from 'vitest';
import { seededRandom, shuffleInPlace } from '../../../src/lib/random.js';

describe('shuffleInPlace', () => {
  it('swaps each position from the last down with one drawn at or below it, in place', () => {
    // A draw of 0 always picks index 0: [a,b,c,d] -> swap(3,0) [d,b,c,a] -> swap(2,0) [c,b,d,a] -> swap(1,0) [b,c,d,a].
    const items = ['a', 'b', 'c', 'd'];
    expect(shuffleInPlace(items, () => 0)).toBe(items);
    expect(items).toEqual(['b', 'c', 'd', 'a']);
    // A draw just under 1 picks i itself: nothing moves.
    expect(shuffleInPlace(['a', 'b', 'c', 'd'], () => 0.999)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('draws once per position but the first, and a seed gives the same order every time', () => {
    let draws = 0;
    const rand = seededRandom(7);
    shuffleInPlace([1, 2, 3, 4, 5], () => {
      draws++;
      return rand();
    });
    expect(draws).toBe(4);
    const a = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), seededRandom(19));
    const b = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), seededRandom(19));
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
