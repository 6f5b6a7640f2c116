import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/lib/random.js';
import { PipelineError } from '../../../../src/errors.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { closeOpenInline, tagShape } from '../../../../src/workers/extractor/nesting.js';

const LIMITS = { depth: 1_000, elements: 100_000 };
/** The page's text: its tags out. */
const textOf = (html: string): string => html.replace(/<[^<>]*>/g, '');

/** A page of old markup: every paragraph opens a <font> it never closes. */
const fontPage = (paragraphs: number): string =>
  `<html><head><title>Council votes on the budget</title></head><body><h1>Council votes on the budget</h1>${Array.from(
    { length: paragraphs },
    (_, i) => `<p><font face="Arial" size="2">Paragraph ${i} of the council story tells how the members voted on the budget and what the mayor said after the late meeting.`,
  ).join('\n')}</body></html>`;

describe(closeOpenInline.name, () => {
  it('closes the inline elements a page leaves open, keeping every character of its text in order', () => {
    const html = fontPage(1_200);
    expect(tagShape(html, LIMITS).depth).toBeGreaterThan(1_000);
    const flat = closeOpenInline(html, 64);
    expect(tagShape(flat, LIMITS).depth).toBeLessThanOrEqual(64);
    expect(textOf(flat)).toBe(textOf(html));
  });

  it('closes at each new paragraph what the last one left open, as a browser does', () => {
    const flat = closeOpenInline(fontPage(40), 64);
    expect(tagShape(flat, LIMITS).depth).toBeLessThanOrEqual(4);
    expect(flat).toContain('after the late meeting.\n</font><p><font face="Arial" size="2">Paragraph 1 ');
  });

  it('leaves a page whose inline elements close as it is', () => {
    const html = `<html><body>${'<p><font face="Arial">A line <b>of</b> the story.</font></p>\n'.repeat(2_000)}</body></html>`;
    expect(closeOpenInline(html, 64)).toBe(html);
  });

  it('closes lines apart by <br>, with no paragraph, where the nesting reaches the bound', () => {
    const html = `<html><body>${'<b>A line of the story.<br>'.repeat(1_500)}</body></html>`;
    const flat = closeOpenInline(html, 64);
    expect(tagShape(flat, LIMITS).depth).toBeLessThanOrEqual(64);
    expect(textOf(flat)).toBe(textOf(html));
  });

  it('leaves nesting of other elements than inline ones as it is', () => {
    const divs = `<html><body>${'<div>'.repeat(3_000)}deep text</body></html>`;
    expect(closeOpenInline(divs, 64)).toBe(divs);
    // Inline elements inside deep blocks: the top of the nesting is not inline when the bound is reached, nothing closes.
    const mixed = `<html><body>${'<div><b>'.repeat(40)}${'<div>'.repeat(100)}text</body></html>`;
    expect(closeOpenInline(mixed, 64)).toBe(mixed);
  });

  it('closes at a new cell what the last cell left open, its paragraph included, as a browser does', () => {
    const html = '<table><tr><td><font size="1">Home<td><p><font face="Arial">Story text<td><font size="1">Most read</table>';
    expect(closeOpenInline(html, 64)).toBe('<table><tr><td><font size="1">Home</font><td><p><font face="Arial">Story text</font></p><td><font size="1">Most read</table>');
  });

  it('leaves a paragraph open before a <table>, as a browser reading an old page does', () => {
    const html = '<p><font face="Arial">Text before<table><tr><td>cell</td></tr></table>';
    expect(closeOpenInline(html, 64)).toBe(html);
  });

  it('writes no end tag for an element the parser has already closed (a <font> ended by its paragraph\'s </p>)', () => {
    // An outer <font> around the table: a stray </font> would close it, and the table and cell with it.
    const html = `<font face="Arial"><table><tr><td>${'<p><font size="2">A paragraph of the story.</p>\n'.repeat(300)}</td></tr></table></font>`;
    expect(closeOpenInline(html, 64)).toBe(html);
  });

  it('reads the text of a <title> or <textarea> as text', () => {
    const html = '<html><head><title>A <b>bold title</title></head><body><p><b>Story<p>More</body></html>';
    expect(closeOpenInline(html, 64)).toBe('<html><head><title>A <b>bold title</title></head><body><p><b>Story</b><p>More</body></html>');
  });

  it('counts an element closed by its end tag as closed, and what was open inside it', () => {
    const closedRuns = `<html><body>${'<div><b><i>words</div>'.repeat(5_000)}</body></html>`;
    expect(closeOpenInline(closedRuns, 64)).toBe(closedRuns);
  });
});

describe('extractArticle: inline elements left open in every paragraph', () => {
  it('reads a page of a thousand paragraphs each opening a <font>, where the depth limit refused it before', () => {
    const a = extractArticle(fontPage(1_200), 'https://example.com/old/council');
    expect(a?.text).toContain('Paragraph 0 of the council story');
    expect(a?.text).toContain('Paragraph 1199 of the council story');
    expect(a?.wordCount).toBeGreaterThan(1_200 * 20);
    expect(a?.warnings.some((w) => w.includes('open'))).toBe(true);
  });

  it('still refuses a page nested deeper than the limit in other elements', () => {
    const html = `<html><body>${'<div>'.repeat(2_000)}${'Some words of a story. '.repeat(50)}</body></html>`;
    expect(() => extractArticle(html, 'https://example.com/deep')).toThrow(PipelineError);
    expect(() => extractArticle(html, 'https://example.com/deep')).toThrow(/deeper than 1000/);
  });

  it('gives a page under the limit no warning and the same text as before', () => {
    const a = extractArticle(fontPage(30), 'https://example.com/old/short');
    expect(a?.text).toContain('Paragraph 29 of the council story');
    expect(a?.warnings.some((w) => w.includes('inline elements'))).toBe(false);
  });

  it('reads thirty paragraphs each opening a <font> as a browser does: the column after the story stays out', () => {
    // linkedom nests each paragraph in the last one's <font>, and the column after the story inside the last paragraph.
    const nav = '<td width="150"><font size="1"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a></font></td>';
    const paragraphs = Array.from({ length: 30 }, (_, i) => `<p><font face="Arial" size="2">Paragraph ${i} of the council story tells how the members voted on the budget and what the mayor said.`).join('\n');
    const column = '<td width="150"><p><font size="1"><b>Most read</b><br><a href="/a">Fire at the mill</a><br><a href="/b">School closes early</a><br><a href="/c">Team wins cup</a></font></td>';
    const html = `<html><head><title>Council votes</title></head><body><table><tr>${nav}<td><font size="4"><b>Council votes</b></font>${paragraphs}</td>${column}</tr></table></body></html>`;
    const a = extractArticle(html, 'https://example.com/old/council');
    expect(a?.text).toContain('Paragraph 0 of the council story');
    expect(a?.text).toContain('Paragraph 29 of the council story');
    expect(a?.text).not.toContain('Fire at the mill');
    expect(a?.warnings.some((w) => w.includes('inline elements'))).toBe(false);
  });

  it('reads a table layout whose cells are left open with their <font> as a browser does: the column after the story stays out', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p><font face="Arial" size="2">Paragraph ${i} of the council story tells how the members voted on the budget and what the mayor said.`).join('\n');
    const html =
      '<html><head><title>Council votes</title></head><body><table><tr><td width="150"><font size="1"><a href="/">Home</a><br><a href="/news">News</a>' +
      `<td><font face="Arial" size="4"><b>Council votes</b></font>${paragraphs}` +
      '<td width="150"><font size="1"><b>Most read</b><br><a href="/a">Fire at the mill</a><br><a href="/b">School closes early</a></table></body></html>';
    const a = extractArticle(html, 'https://example.com/old/council');
    expect(a?.text).toContain('Paragraph 0 of the council story');
    expect(a?.text).toContain('Paragraph 7 of the council story');
    expect(a?.text).not.toContain('Fire at the mill');
  });
});

describe('closeOpenInline on tag soup', () => {
  const PARTS = ['<p>', '</p>', '<td>', '</td>', '<tr>', '<table>', '</table>', '<font size="2">', '</font>', '<b>', '</b>', '<a href="/x">', '</a>', '<div>', '</div>', '<li>', '<ul>', '</ul>', '<br>', '<h2>', '<span>', '<i>'];
  /** A page of random tags and words (seeded). */
  const soup = (seed: number, length: number): string => {
    const rand = seededRandom(seed);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(rand() < 0.4 ? ` word${i} ` : (PARTS[Math.floor(rand() * PARTS.length)] as string));
    return `<html><body>${parts.join('')}</body></html>`;
  };
  const bodyText = (html: string): string => ((parseHTML(html) as unknown as { document: Document }).document.body?.textContent ?? '');

  it('keeps the text a parser reads from the page, in order, whatever the markup', () => {
    let rewritten = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const html = soup(seed, 400);
      const flat = closeOpenInline(html, 16);
      if (flat !== html) rewritten++;
      expect(textOf(flat)).toBe(textOf(html));
      expect(bodyText(flat)).toBe(bodyText(html));
    }
    // The soup leaves formatting open often enough that the rewrite acts on nearly every page.
    expect(rewritten).toBeGreaterThan(50);
  });
});

