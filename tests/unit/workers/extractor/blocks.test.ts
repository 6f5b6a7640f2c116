import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textOwners } from '../../../../src/workers/extractor/blocks.js';

describe(textOwners.name, () => {
  it('returns each element owning a text node the pattern matches, once, in document order, never the root', () => {
    const { document } = parseHTML('<html><body><div id="r">Related root text<p>Related <b>Related</b> one</p><div><span>Other</span><h2><a href="/x">Related posts</a></h2></div></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('r') as Element;
    expect(textOwners(root, /^\s*Related\b/).map((el) => el.tagName)).toEqual(['P', 'B', 'A']);
  });
});
