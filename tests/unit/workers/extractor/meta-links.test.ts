import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/workers/extractor/dom.js';
import { firstMatching, metaAndLinks } from '../../../../src/workers/extractor/metadata.js';
import { readabilityPage, readabilityPageNames } from '../../../helpers/corpora.js';

const HEADS = [
  '<meta name="a" content="1"><link rel="canonical" href="/c1"><meta property="b" content="2"><link rel="image_src" href="/i.jpg">',
  '<link rel="stylesheet" href="/s.css"><link rel="Alternate CANONICAL" href="/c2"><link rel="canonical" href="/c3">',
  '<link rel="IMAGE_SRC" href="/up.jpg"><link rel="image_src icon" href="/two.jpg"><link rel=" image_src" href="/sp.jpg"><link rel="image_src" href="/i2.jpg">',
  '<meta name="x" content="y"><template><link rel="canonical" href="/hidden"><meta name="t" content="hidden"></template><link rel="canonical" href="/shown">',
  '',
];
const BODIES = ['<p>text</p>', '<div><link rel="canonical" href="/in-body"><meta name="late" content="z"></div><link rel="image_src" href="/b.jpg">'];
const SELECTORS = ['link[rel~="canonical" i]', 'link[rel="image_src"]'];

/** Each page three ways: plain linkedom, the extractor's linkedom (fast queries installed) and jsdom. */
function documents(html: string): Document[] {
  return [
    (parseHTML(html) as unknown as { document: Document }).document,
    parseDocument(html, 'https://example.com/', 'linkedom').document,
    parseDocument(html, 'https://example.com/', 'jsdom').document,
  ];
}

const made = HEADS.flatMap((head) => BODIES.map((body) => `<html><head>${head}</head><body>${body}</body></html>`));
const real = readabilityPageNames().slice(0, 12).map((name) => readabilityPage(name));

const DOCS = [...made, ...real].flatMap(documents);

describe(metaAndLinks.name, () => {
  it('holds the elements querySelectorAll finds for each tag, each in document order', () => {
    for (const doc of DOCS) {
      const { metas, links } = metaAndLinks(doc);
      expect(metas).toEqual(Array.from(doc.querySelectorAll('meta')));
      expect(links).toEqual(Array.from(doc.querySelectorAll('link')));
    }
  });
});

describe(firstMatching.name, () => {
  it('answers a link lookup over the page\'s links as querySelector over the page does', () => {
    let found = 0;
    for (const doc of DOCS) {
      const { links } = metaAndLinks(doc);
      for (const selector of SELECTORS) {
        const expected = doc.querySelector(selector);
        found += expected ? 1 : 0;
        expect(firstMatching(links, selector)).toBe(expected);
      }
    }
    expect(found).toBeGreaterThan(20);
  });
});
