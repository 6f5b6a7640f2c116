import { describe, expect, it } from 'vitest';
import { fillStreamedSlots, markStreamedSlots, parseDocument } from '../../../../src/workers/extractor/dom.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';

const para = (n: number, word: string): string => `<p>${Array.from({ length: 40 }, (_, i) => `${word}${n}x${i}`).join(' ')} sentence ends here.</p>`;

/** A React streaming page as captured without its scripts: placeholders in the story, the content hidden at the end. */
const page = `<html><head><title>Index funds</title></head><body><header><a href="/">Home</a></header>
<article><h1>Index funds</h1>${para(1, 'lead')}
<!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->
<!--$?--><template id="B:1"></template><div>Loading image...</div><template id="B:2"></template><div>Loading paragraph...</div><!--/$-->
</article><footer>Footer links</footer>
<div hidden id="S:0">${para(2, 'middle')}<template id="P:5"></template></div>
<div hidden id="S:2">${para(4, 'closing')}</div>
<div hidden id="S:5">${para(3, 'nested')}</div>
</body></html>`;

describe('React streamed content (Suspense boundaries without their scripts)', () => {
  it('marks placeholders as slots and drops a boundary fallback that runs to its end marker', () => {
    const marked = markStreamedSlots(page);
    expect(marked).toContain('<slot id="B:0"></slot>');
    expect(marked).toContain('<slot id="P:5"></slot>');
    expect(marked).not.toMatch(/<slot id="B:0"><\/slot><div>Loading paragraph/);
    // B:1's fallback holds another placeholder before the end marker: it stays.
    expect(marked).toContain('<slot id="B:1"></slot><div>Loading image...</div><slot id="B:2"></slot>');
  });

  it('leaves a page without hidden segments alone', () => {
    const plain = '<html><body><template id="B:0"></template><p>x</p></body></html>';
    expect(markStreamedSlots(plain)).toBe(plain);
  });

  it('moves each hidden segment into its slot, nested ones too, in document order', () => {
    const { document } = parseDocument(markStreamedSlots(page).replace(/<!--[\s\S]*?-->/g, ''), 'https://example.com/a', 'linkedom');
    expect(fillStreamedSlots(document)).toBe(3);
    const text = document.querySelector('article')?.textContent ?? '';
    expect(text.indexOf('lead1x0')).toBeLessThan(text.indexOf('middle2x0'));
    expect(text.indexOf('middle2x0')).toBeLessThan(text.indexOf('nested3x0'));
    expect(text.indexOf('nested3x0')).toBeLessThan(text.indexOf('closing4x0'));
    expect(document.querySelector('[hidden]')).toBeNull();
  });

  it('extracts the streamed story', () => {
    const r = extractArticle(page, 'https://example.com/a');
    expect(r?.text).toContain('middle2x39');
    expect(r?.text).toContain('nested3x39');
    expect(r?.text).toContain('closing4x39');
  });
});
