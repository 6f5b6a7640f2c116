import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readabilityPage, readabilityPageNames } from '../../../helpers/corpora.js';
import { afterRunningText, completePhrasing, isElementWithoutContent, isProbablyVisible, isValidByline, keepNamedHeadings, knownVisibilityTest, MISSING_PHRASING, skipGrabbedLog, tuneReadability } from '../../../../src/workers/extractor/readability-fast.js';

/** Every eighth vendored readability page, then the given edge-case pages. */
const corpusSample = (...extra: string[]): string[] => [
  ...readabilityPageNames()
    .filter((_, i) => i % 8 === 0)
    .map(readabilityPage),
  ...extra,
];

type Original = {
  REGEXPS: { byline: RegExp };
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Node): boolean;
};

describe('tuned Readability helpers', () => {
  const original = Readability.prototype as unknown as Original;

  it('give the same answers as Readability on every element of corpus pages and edge cases', () => {
    const pages = corpusSample(
      '<html><body><div class="byline"> </div><div class="byline">By Ann</div><span rel="author">' + 'x'.repeat(120) +
        '</span><div><br><hr></div><div>\u00a0</div><div><p> \n </p><br></div><div><span></span></div><a itemprop="author">Bo</a></body></html>',
    );
    let checked = 0;
    let bylines = 0;
    let empties = 0;
    for (const html of pages) {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const reader = new Readability(document) as unknown as Original;
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const matchString = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
        const b = original._isValidByline.call(reader, el, matchString);
        expect(isValidByline(el, matchString, reader.REGEXPS.byline)).toBe(b);
        const e = original._isElementWithoutContent.call(reader, el);
        expect(isElementWithoutContent(el)).toBe(e);
        bylines += b ? 1 : 0;
        empties += e ? 1 : 0;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    // Both answers occur, so the comparison covers true and false.
    expect(bylines).toBeGreaterThan(2);
    expect(empties).toBeGreaterThan(2);
  });

  it('are installed on an instance by tuneReadability', () => {
    const { document } = parseHTML('<html><body><p>x</p></body></html>') as unknown as { document: Document };
    const reader = new Readability(document);
    tuneReadability(reader);
    const r = reader as unknown as Original;
    expect(r._isElementWithoutContent).not.toBe(original._isElementWithoutContent);
    expect(r._isValidByline).not.toBe(original._isValidByline);
  });
});

describe('completePhrasing', () => {
  it('adds the text-level elements Readability 0.6 lacks, once', () => {
    const list = completePhrasing(['B', 'SPAN', 'EM']);
    expect(list).toEqual(['B', 'SPAN', 'EM', ...MISSING_PHRASING]);
    expect(completePhrasing(list)).toBeNull();
    expect(completePhrasing(['B', 'SPAN', 'FONT'])).toEqual(['B', 'SPAN', 'FONT', ...MISSING_PHRASING.filter((t) => t !== 'FONT')]);
  });

  it('steps aside when the list is not the one it knows', () => {
    expect(completePhrasing(undefined)).toBeNull();
    expect(completePhrasing(new Set(['B', 'SPAN']))).toBeNull();
    expect(completePhrasing(['b', 'span'])).toBeNull();
    expect(completePhrasing(['B', 'SPAN', 3])).toBeNull();
  });

  it('makes paragraphs of <br><br> runs between <font> and <u> text, which Readability alone glues together', () => {
    const para = (n: number): string =>
      `Paragraph ${n} of the story tells the reader what the council decided on Monday and why the vote mattered to the town.`;
    const html =
      '<html><body><table><tr><td><a href="/a">Home</a></td><td>' +
      `<font size="1">March 3, 2008</font><br><br><font face="Arial">${para(1)}</font><br><br>` +
      `<a href="/x"><font>Linked words</font></a><br><br><u>${para(2)}</u><br><br><font>${para(3)}</font>` +
      '</td></tr></table></body></html>';
    const run = (tuned: boolean): string[] => {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const reader = new Readability(document, { charThreshold: 50 });
      if (tuned) {
        tuneReadability(reader);
      }
      const content = reader.parse()?.content ?? '';
      const { document: out } = parseHTML(`<html><body>${content}</body></html>`) as unknown as { document: Document };
      return Array.from(out.querySelectorAll('p')).map((p) => (p.textContent ?? '').trim());
    };
    expect(run(true)).toEqual([para(1), 'Linked words', para(2), para(3)]);
    // Readability 0.6 by itself: the breaks after the date and the link are lost.
    expect(run(false)).not.toContain(para(1));
  });
});

describe('isProbablyVisible', () => {
  type Visible = { _isProbablyVisible(node: Element): boolean };
  const original = (Readability.prototype as unknown as Visible)._isProbablyVisible;

  it('answers as Readability does on every element of corpus pages and edge cases, reading `style` only where there is a style attribute', () => {
    const pages = corpusSample(
      '<html><body><div hidden>a</div><div aria-hidden="true">b</div><div aria-hidden="true" class="mwe-math-fallback-image-inline">c</div>' +
        '<div aria-hidden="false">d</div><div style="display:none">e</div><div style="visibility: hidden">f</div><div style="color:red">g</div>' +
        '<div style="">h</div><svg aria-hidden="true"><path/></svg><p class="">i</p></body></html>',
    );
    let checked = 0;
    let hidden = 0;
    let styleReads = 0;
    for (const html of pages) {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const reader = new Readability(document);
      const own = (node: Element): boolean => {
        styleReads++;
        return original.call(reader, node);
      };
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const want = !!original.call(reader, el);
        const before = styleReads;
        expect(isProbablyVisible(el, own)).toBe(want);
        expect(styleReads - before).toBe(el.hasAttribute('style') ? 1 : 0);
        hidden += want ? 0 : 1;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(hidden).toBeGreaterThan(5);
  });

  it('is installed by tuneReadability on Readability 0.6 and steps aside on any other visibility test', () => {
    expect(knownVisibilityTest(original)).toBe(true);
    const { document } = parseHTML('<html><body><p>x</p></body></html>') as unknown as { document: Document };
    const reader = new Readability(document);
    tuneReadability(reader);
    expect((reader as unknown as Visible)._isProbablyVisible).not.toBe(original);

    const changed = function _isProbablyVisible(this: unknown, node: Element): boolean {
      return !node.hasAttribute('hidden') && !node.hasAttribute('inert');
    };
    expect(knownVisibilityTest(changed)).toBe(false);
    const other = new Readability(document);
    (other as unknown as Visible)._isProbablyVisible = changed;
    tuneReadability(other);
    expect((other as unknown as Visible)._isProbablyVisible).toBe(changed);
  });
});

describe(skipGrabbedLog.name, () => {
  type Parsed = { content: Element; title: string; excerpt: string; textContent: string } | null;
  const read = (html: string, skip: boolean): { parsed: Parsed; markup: number } => {
    const { document } = parseHTML(html) as unknown as { document: Document };
    const reader = new Readability<Element>(document, { serializer: (node) => node as Element });
    if (skip) {
      expect(skipGrabbedLog(reader)).toBe(true);
    }
    let markup = 0;
    const log = reader as unknown as { log: (...args: unknown[]) => void };
    log.log = (...args: unknown[]) => {
      const msg = args[0];
      if (typeof msg === 'string' && msg.startsWith('Grabbed: ')) {
        markup += msg.length - 'Grabbed: '.length;
      }
    };
    return { parsed: reader.parse() as Parsed, markup };
  };

  it('gives the same article, title and excerpt without serializing the article for the log line', () => {
    let articles = 0;
    for (const html of corpusSample()) {
      const plain = read(html, false);
      const skipped = read(html, true);
      expect(skipped.markup).toBe(0);
      expect(skipped.parsed?.content.innerHTML).toBe(plain.parsed?.content.innerHTML);
      expect(skipped.parsed?.title).toBe(plain.parsed?.title);
      expect(skipped.parsed?.excerpt).toBe(plain.parsed?.excerpt);
      expect(skipped.parsed?.textContent).toBe(plain.parsed?.textContent);
      if (plain.parsed) {
        expect(plain.markup).toBeGreaterThan(0);
        expect(Object.getOwnPropertyDescriptor(skipped.parsed?.content, 'innerHTML')).toBeUndefined();
        articles++;
      }
    }
    expect(articles).toBeGreaterThan(10);
  });

  it('steps aside when debugging is on or parse is not 0.6\'s', () => {
    const { document } = parseHTML('<html><body><p>x</p></body></html>') as unknown as { document: Document };
    expect(skipGrabbedLog(new Readability(document, { debug: true }))).toBe(false);
    const other = new Readability(document);
    (other as unknown as { parse: () => null }).parse = () => null;
    expect(skipGrabbedLog(other)).toBe(false);
  });
});

describe(keepNamedHeadings.name, () => {
  const para = (n: number): string =>
    `Paragraph ${n} of the story tells the reader what the council decided on Monday and why the vote mattered to the town, at some length.`;
  const page = (headings: string): string =>
    '<html><body><header class="site-header"><h2 class="site-header__title">Example News</h2><nav><a href="/">Home</a></nav></header>' +
    `<article><p>${para(1)}</p>${headings}<p>${para(2)}</p><p>${para(3)}</p></article></body></html>`;
  const read = (html: string, keep: boolean): { text: string; renamed: number } => {
    const { document } = parseHTML(html) as unknown as { document: Document };
    const reader = new Readability(document, { charThreshold: 50 });
    const renamed = keep ? keepNamedHeadings(reader, document.documentElement) : 0;
    const content = reader.parse()?.content ?? '';
    const { document: out } = parseHTML(`<html><body>${content}</body></html>`) as unknown as { document: Document };
    return { text: (out.body.textContent ?? '').replace(/\s+/g, ' '), renamed };
  };

  it('keeps a section heading whose class or id names it a header, which Readability alone drops', () => {
    const html = page(
      '<h2 class="header-anchor-post">What the vote changes<div class="header-anchor-parent"><button aria-label="Link"></button></div></h2>' +
        `<p>${para(4)}</p><h3 class="wprm-recipe-header" id="recipe-header-1">Ingredients</h3>`,
    );
    expect(read(html, false).text).not.toContain('What the vote changes');
    const kept = read(html, true);
    expect(kept.text).toContain('What the vote changes');
    expect(kept.text).toContain('Ingredients');
    // The two, and the page header's own title, which goes with its <header> all the same.
    expect(kept.renamed).toBe(3);
    expect(kept.text).not.toContain('Example News');
  });

  it('keeps a section heading whose id is made from its own words, whatever words they are', () => {
    const html = page(
      `<h2 id="h-what-is-social-shopping">What is Social Shopping?</h2><p>${para(4)}</p><h2 id="menu-of-the-week-from-the-pantry">Menu of the week from the pantry</h2>` +
        `<p>${para(5)}</p><h2 id="top-certificates-for-social-media-marketing">Top Certificates for Social Media Marketing</h2>`,
    );
    const plain = read(html, false).text;
    expect(plain).not.toContain('What is Social Shopping?');
    // "media", a negative word of Readability's: the heading went as one of low class weight.
    expect(plain).not.toContain('Top Certificates for Social Media Marketing');
    const kept = read(html, true);
    expect(kept.text).toContain('What is Social Shopping?');
    expect(kept.text).toContain('Menu of the week from the pantry');
    expect(kept.text).toContain('Top Certificates for Social Media Marketing');
  });

  it('keeps a section heading matched only through a utility-CSS type style ("extra" in "leading-extra-tight")', () => {
    const html = page(
      '<h2 class="relative text-black md:text-2xl font-bold tracking-tight leading-extra-tight">What makes a good agency?</h2>' +
        `<p>${para(4)}</p><h2 class="font-extrabold post-header">Who pays for it</h2><p>${para(5)}</p><h3 class="font-extrabold footer-links">Contact us</h3>`,
    );
    expect(read(html, false).text).not.toContain('What makes a good agency?');
    const kept = read(html, true);
    expect(kept.text).toContain('What makes a good agency?');
    // With "header" in its class as well: both taken care of.
    expect(kept.text).toContain('Who pays for it');
    // Another word of its class ("footer") still drops a heading.
    expect(kept.text).not.toContain('Contact us');
  });

  it('leaves a heading Readability drops for another word, and elements that are no heading', () => {
    const html = page(
      '<h2 class="related-header">Related stories</h2><h3 class="footer-header">Contact</h3><h3 class="comments-header">Comments</h3>' +
        '<h3 id="social-share-links">Share this story</h3><h3 id="h-what-is-social-shopping" class="social-links">What is Social Shopping?</h3>' +
        '<div class="post-header">Kicker in a header div</div>',
    );
    const { document } = parseHTML(html) as unknown as { document: Document };
    // The page header's title is renamed (its <header> still goes), and the heading's own id taken away (its class still drops it).
    expect(keepNamedHeadings(new Readability(document), document.documentElement)).toBe(2);
    expect(document.querySelector('h3.footer-header, h2.related-header, div.post-header')).not.toBeNull();
    const { text } = read(html, true);
    for (const gone of ['Related stories', 'Contact', 'Comments', 'Share this story', 'What is Social Shopping?', 'Kicker in a header div', 'Example News']) {
      expect(text).not.toContain(gone);
    }
    expect(text).toContain(para(3));
  });

  it('steps aside on a Readability without the unlikely-candidate expression', () => {
    const { document } = parseHTML(page('<h2 class="header-anchor-post">What the vote changes</h2>')) as unknown as { document: Document };
    const reader = new Readability(document);
    (reader as unknown as { REGEXPS: object }).REGEXPS = { byline: /byline/i };
    expect(keepNamedHeadings(reader, document.documentElement)).toBe(0);
    expect(document.querySelector('h2.header-anchor-post')).not.toBeNull();
  });
});

describe(afterRunningText.name, () => {
  const para = (n: number): string =>
    `Paragraph ${n} of the story tells the reader what the kitchen sent on Monday and why the price mattered to the family, at length.`;
  const TITLE = 'Comparing Prepared Meal Delivery 2026 | Daily Harvest, Freshly, More';
  const SECTION = 'Comparing Prepared Meal Delivery Services';
  const read = (body: string, tuned: boolean): string => {
    const { document } = parseHTML(`<html><head><title>${TITLE}</title></head><body>${body}</body></html>`) as unknown as { document: Document };
    const reader = new Readability(document, { charThreshold: 50 });
    if (tuned) {
      tuneReadability(reader);
    }
    const content = reader.parse()?.content ?? '';
    const { document: out } = parseHTML(`<html><body>${content}</body></html>`) as unknown as { document: Document };
    return (out.body.textContent ?? '').replace(/\s+/g, ' ');
  };

  it('keeps a section heading with the title\'s words after the story\'s first paragraphs, which Readability alone drops', () => {
    const body = `<article><h1>The best prepared meal kits</h1><p>${para(1)}</p><p>I can cook.</p><p>${para(2)}</p><h2>${SECTION}</h2><p>${para(3)}</p><p>${para(4)}</p></article>`;
    expect(read(body, false)).not.toContain(SECTION);
    expect(read(body, true)).toContain(SECTION);
  });

  it('still lets Readability remove the headline repeated above the story, after a kicker or one paragraph', () => {
    const top = `<article><p>Food</p><h2>${SECTION}</h2><p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p></article>`;
    expect(read(top, true)).not.toContain(SECTION);
    const afterOne = `<article><p>${para(1)}</p><h2>${SECTION}</h2><p>${para(2)}</p><p>${para(3)}</p></article>`;
    expect(read(afterOne, true)).not.toContain(SECTION);
  });

  it('counts only paragraphs of running text before the heading, in page order', () => {
    const { document } = parseHTML(
      `<html><body><p>Short one.</p><div><p>${para(1)}</p></div><h2 id="a">A</h2><p>${para(2)}</p><h2 id="b">B</h2><p>x</p></body></html>`,
    ) as unknown as { document: Document };
    expect(afterRunningText(document.getElementById('a') as Element)).toBe(false);
    expect(afterRunningText(document.getElementById('b') as Element)).toBe(true);
  });
});

describe(isElementWithoutContent.name, () => {
  it('reads the text under an element without building its children\'s lists', () => {
    const { document } = parseHTML('<div id="d"><span> </span><p><br> <br>\n</p><i>x</i></div>') as unknown as { document: Document };
    const d = document.getElementById('d') as Element;
    for (const el of [d, ...Array.from(d.querySelectorAll('*'))]) {
      Object.defineProperty(el, 'childNodes', { get: () => { throw new Error('childNodes read'); } });
    }
    expect(isElementWithoutContent(d)).toBe(false);
    expect(isElementWithoutContent(d.querySelector('p') as Element)).toBe(true);
  });
});
