import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Half } from '../../../bench/lib/rng.js';

describe('md5Half', () => {
  it('is the low bit of the first byte of md5(text), and splits texts into two halves', () => {
    const texts = Array.from({ length: 64 }, (_, i) => `example ${i}`);
    for (const t of texts) {
      expect(md5Half(t)).toBe((createHash('md5').update(t).digest()[0] as number) & 1);
    }
    expect(new Set(texts.map(md5Half))).toEqual(new Set([0, 1]));
  });
});
