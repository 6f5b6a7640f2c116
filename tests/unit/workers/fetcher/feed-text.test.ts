import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../../src/lib/html-entities.js';
import {
  capSummary,
  capText,
  htmlToText,
} from '../../../../src/workers/fetcher/feed-text.js';

describe(decodeEntities.name, () => {
  it('decodes numeric and common named references and keeps unknown ones', () => {
    expect(decodeEntities('Fish &amp; Chips &#8217; &#x2014; &eacute; &bogus; &#0;')).toBe('Fish & Chips ’ — é &bogus; \ufffd');
  });

  it('reads C1 references as Windows-1252 when publishers write &#146; for ’', () => {
    expect(decodeEntities('it&#146;s 9&#150;5 &#x80;3 &#x81;')).toBe('it’s 9–5 €3 \u0081');
  });

  it('leaves a name without ";" alone when a letter, digit or "=" follows (query strings)', () => {
    expect(decodeEntities('?page=1&copy=2&amp;x &copy 2024 &notit')).toBe('?page=1&copy=2&x © 2024 &notit');
  });
});

describe(htmlToText.name, () => {
  it('drops tags, scripts and comments and collapses whitespace', () => {
    expect(htmlToText('<p>One&nbsp;<b>two</b></p><script>bad()</script><!-- c --><p>three</p>')).toBe('One two three');
  });

  it('drops declarations, processing instructions and a comment left open to the end', () => {
    expect(htmlToText('<!DOCTYPE html><?php x ?>Head<!-- c -->line <!-- never closed <b>x</b>')).toBe('Headline');
  });
});

describe(capSummary.name, () => {
  it('cuts at a word boundary with an ellipsis when the text is too long', () => {
    expect(capSummary('alpha beta gamma delta epsilon', 25)).toBe('alpha beta gamma delta…');
    expect(capSummary('alpha beta gamma delta epsilon', 25).length).toBeLessThanOrEqual(25);
    expect(capSummary('short', 15)).toBe('short');
  });
});

describe(capText.name, () => {
  it('never splits a surrogate pair', () => {
    expect(capText('ab😀cd', 3)).toBe('ab');
    expect(capText('ab😀cd', 4)).toBe('ab😀');
  });
});
