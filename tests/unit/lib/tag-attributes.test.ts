import { describe, expect, it } from 'vitest';
import { tagEnd } from '../../../src/lib/tag-attributes.js';

describe(tagEnd.name, () => {
  it('ends a tag at the first ">" outside its quoted values', () => {
    const tag = `<meta content='{"a":"b > c"}' name="x>y">`;
    expect(tagEnd(`${tag}<p>`, 0)).toBe(tag.length - 1);
    expect(tagEnd('<meta content="never closed>', 0)).toBe(-1);
    expect(tagEnd('<meta name=x', 0)).toBe(-1);
  });
});
