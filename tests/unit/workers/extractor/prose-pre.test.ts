import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/workers/extractor/dom.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { unwrapProsePre } from '../../../../src/workers/extractor/prose-pre.js';

/** Wire copy hard-wrapped at 64 columns, paragraphs indented or a blank line apart. */
const wrap = (text: string, width = 64): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
};

const PARAS = [
  'The city council voted on Tuesday to approve the new harbour plan after a long debate about costs and jobs in the port district.',
  'Supporters said the plan would bring hundreds of jobs to the waterfront within five years, while critics warned of rising rents.',
  'The mayor said construction could begin next spring if the state approves the permits that the project still needs.',
  'Residents of the district will be able to comment on the final design at a public meeting scheduled for next month.',
];
const story = (lead: string, sep: string) => `${lead}${PARAS.map((p) => wrap(p).join('\n')).join(sep)}`;
const page = (pre: string) =>
  `<html><head><title>Council approves harbour plan - Daily Wire</title></head><body><h2>Council approves harbour plan</h2><pre>${pre}</pre><hr><a href="/">Home</a></body></html>`;

const bodyOf = (html: string): Element => {
  const doc = parseDocument(html, 'https://example.com/a.html', 'linkedom').document;
  return doc.body as Element;
};

describe('a story set in a <pre>', () => {
  it('is given back as its paragraphs, hard-wrapped lines joined, short lines apart', () => {
    const body = bodyOf(page(story('By Jane Doe\nMarch 4, 2008\n\n', '\n\n')));
    expect(unwrapProsePre(body)).toBe(1);
    expect(body.querySelector('pre')).toBeNull();
    const paras = Array.from(body.querySelectorAll('p')).map((p) => p.textContent);
    expect(paras).toEqual(['By Jane Doe', 'March 4, 2008', ...PARAS]);
  });

  it('opens a paragraph at an indented line when no blank line parts them', () => {
    const body = bodyOf(page(story('', '\n').replace(/^(The|Supporters|Residents)/gm, '   $1')));
    expect(unwrapProsePre(body)).toBe(1);
    expect(Array.from(body.querySelectorAll('p')).map((p) => p.textContent)).toEqual(PARAS);
  });

  it('keeps the markup inside a line (links, emphasis) and escaped text', () => {
    const pre = story('By <a href="/staff/jd">Jane <b>Doe</b></a>\n\n', '\n\n').replace(/costs(\s)and(\s)jobs/, 'costs$1&amp;$2jobs');
    const body = bodyOf(page(pre));
    expect(unwrapProsePre(body)).toBe(1);
    expect(body.querySelector('p > a[href="/staff/jd"]')?.textContent).toBe('Jane Doe');
    expect(body.querySelector('p b')?.textContent).toBe('Doe');
    expect(body.querySelector('p')?.nextElementSibling?.textContent).toContain('costs & jobs in the port district.');
  });

  it('leaves code, tables and verse in their <pre>', () => {
    const code = Array.from({ length: 30 }, (_, i) => `const value${i} = compute(input[${i}], { scale: ${i} }); // step ${i} of the pipeline`).join('\n');
    const table = Array.from({ length: 20 }, (_, i) => `Harbour district ${i}     ${1000 + i} jobs     ${i * 3} permits     approved in full`).join('\n');
    const verse = Array.from({ length: 24 }, (_, i) => (i % 2 ? 'and the tide comes in again' : `the boats of the harbour number ${i}`)).join('\n');
    const highlighted = `<code>${story('', '\n\n')}</code>`;
    for (const pre of [code, table, verse, highlighted]) {
      const body = bodyOf(page(pre));
      expect(unwrapProsePre(body)).toBe(0);
      expect(body.querySelector('pre')).not.toBeNull();
    }
  });

  it('reads a <pre> of half a million lines without overflowing', () => {
    const body = bodyOf(page(`${story('', '\n\n')}\n${'\n'.repeat(500_000)}`));
    expect(unwrapProsePre(body)).toBe(1);
    expect(body.querySelectorAll('p')).toHaveLength(PARAS.length);
  });

  it('reads the byline and date lines as metadata, not story text, through extractArticle', () => {
    const got = extractArticle(page(story('By Jane Doe\nMarch 4, 2008\n\n', '\n\n')), 'https://example.com/news/harbour.html');
    expect(got?.byline).toBe('Jane Doe');
    expect(got?.publishedAt?.slice(0, 10)).toBe('2008-03-04');
    expect(got?.text.split('\n\n')).toEqual(PARAS);
  });
});
