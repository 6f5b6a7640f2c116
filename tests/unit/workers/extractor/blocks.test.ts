import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { lineElement, textOwners } from '../../../../src/workers/extractor/blocks.js';

describe(textOwners.name, () => {
  it('returns each element owning a text node the pattern matches, once, in document order, never the root', () => {
    const { document } = parseHTML('<html><body><div id="r">Related root text<p>Related <b>Related</b> one</p><div><span>Other</span><h2><a href="/x">Related posts</a></h2></div></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('r') as Element;
    expect(textOwners(root, /^\s*Related\b/).map((el) => el.tagName)).toEqual(['P', 'B', 'A']);
  });
});

describe('lineElement', () => {
  it('climbs to the outermost element holding only the line, below the root, and stops where asked', () => {
    const { document } = parseHTML('<html><body><div id="root"><div id="box"><p id="p"><strong id="s">Written by Jane Doe</strong></p></div><p>Story text.</p></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('root') as Element;
    const strong = document.getElementById('s') as Element;
    expect(lineElement(strong, root, 'Written by Jane Doe').id).toBe('box');
    expect(lineElement(strong, root, 'Written by Jane Doe', (el) => el.tagName === 'P').id).toBe('p');
    expect(lineElement(strong, root, 'another text').id).toBe('s');
  });
});
