import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeFurniture } from '../../../../src/workers/extractor/boilerplate.js';

const doc = (html: string): Document =>
  (parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document }).document;

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('removeFurniture', () => {
  it('keeps a wrapper whose class names a part of the page ("flex-wrap-footer") when it holds most of the page text', () => {
    const d = doc(`<div class="flex-wrap-footer"><h1>Title</h1><blockquote>${words(120)}</blockquote><footer>About us</footer></div><nav>Home News</nav>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('word119');
    expect(d.body.textContent).not.toContain('About us');
    expect(d.body.textContent).not.toContain('Home News');
  });

  it('still removes a furniture-named block that holds a small part of the page', () => {
    const d = doc(`<article><p>${words(150)}</p></article><div class="site-footer"><p>${words(20)} footer text</p></div>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('footer text');
  });
});
