import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { cleanByline, shortText, visibleByline, visibleDate } from '../../../../src/workers/extractor/metadata.js';

const doc = (html: string): Document =>
  (parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document }).document;

describe('visibleDate', () => {
  it('reads the written date of a meta line named by class', () => {
    expect(visibleDate(doc('<h1>Story</h1><div class="post-meta">Posted on December 16th, 2025 by Jane</div>'))).toBe('December 16, 2025');
    expect(visibleDate(doc('<span id="publish-date">Updated 3 Mar 2025</span>'))).toBe('3 Mar 2025');
  });

  it('ignores dates in the story text and in long blocks', () => {
    expect(visibleDate(doc('<p>On December 16, 2025 the council met.</p>'))).toBeNull();
    expect(visibleDate(doc(`<div class="meta">${'word '.repeat(60)} December 16, 2025</div>`))).toBeNull();
  });
});

describe('visibleByline', () => {
  it('reads a name from an author-named element or an /author/ link', () => {
    expect(visibleByline(doc('<div class="entry-author">Author: Emily Norwood</div>'))).toBe('Emily Norwood');
    expect(visibleByline(doc('<p>By <a href="/author/oleg">Oleg Parashchak</a></p>'))).toBe('Oleg Parashchak');
  });

  it('passes over labels, link prompts and sentences', () => {
    expect(visibleByline(doc('<div class="author-box"><a class="author-link">Learn More</a></div>'))).toBeNull();
    expect(visibleByline(doc('<div class="author-bio">Jane writes about energy and climate for the paper.</div>'))).toBeNull();
  });
});

describe('cleanByline', () => {
  it('drops a "By" glued to the name and leading punctuation', () => {
    expect(cleanByline('BySummer Swann')).toBe('Summer Swann');
    expect(cleanByline('Written byDan Pantelo')).toBe('Dan Pantelo');
    expect(cleanByline(', USA TODAY')).toBe('USA TODAY');
    expect(cleanByline('Byron Smith')).toBe('Byron Smith');
  });

  it('drops a job title after a comma, and keeps an agency or a second name', () => {
    expect(cleanByline('By JOHN SMITH, Staff Writer')).toBe('JOHN SMITH');
    expect(cleanByline('Ann Lee, Associated Press Writer')).toBe('Ann Lee');
    expect(cleanByline('Ann Lee, Senior Editor')).toBe('Ann Lee');
    expect(cleanByline('Ann Lee, Reuters')).toBe('Ann Lee, Reuters');
    expect(cleanByline('Ann Lee, Omar Haddad')).toBe('Ann Lee, Omar Haddad');
  });
});

describe('extractArticle: visible metadata', () => {
  const story = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} of the story tells what the council decided on the bridge, and why residents objected to the plan.</p>`).join('');

  it('takes the byline and date a reader sees when the markup names none', () => {
    const page = `<html><head><title>Council approves bridge</title></head><body>
      <article><h1>Council approves bridge</h1><div class="article-meta"><span class="author-name">Jane Doe</span> · <span class="date">Dec 5, 2025</span></div>${story}</article></body></html>`;
    const r = extractArticle(page, 'https://example.test/bridge');
    expect(r?.byline).toBe('Jane Doe');
    expect(r?.publishedAt?.slice(0, 10)).toBe('2025-12-05');
  });
});

describe('shortText', () => {
  it('returns short text in document order and null for long or empty text', () => {
    const d = doc('<div id="a">By <b>Jane</b> <i>Doe</i></div><div id="b">' + 'long words '.repeat(100) + '</div><div id="c"> </div>');
    expect(shortText(d.getElementById('a') as Element, 50)).toBe('By Jane Doe');
    expect(shortText(d.getElementById('b') as Element, 50)).toBeNull();
    expect(shortText(d.getElementById('c') as Element, 50)).toBeNull();
  });
});

describe('cleanByline, what follows a name', () => {
  it('cuts a job title glued to the name, not a name with an inner capital', () => {
    expect(cleanByline('Harry RabinowitzTech Reporter')).toBe('Harry Rabinowitz');
    expect(cleanByline('Mateusz HabernyFounder at Oakywood')).toBe('Mateusz Haberny');
    expect(cleanByline('Rachel MacDonald')).toBe('Rachel MacDonald');
    expect(cleanByline('Chris McNamaraEditor')).toBe('Chris McNamara');
  });

  it('cuts a year-first date and refuses a weekday', () => {
    expect(cleanByline('EcoFlow - 2025/4/29')).toBe('EcoFlow');
    expect(cleanByline('Sat')).toBeNull();
  });
});
