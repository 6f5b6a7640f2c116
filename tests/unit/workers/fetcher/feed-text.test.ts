import { describe, expect, it } from 'vitest';
import {
  balanceXmlTags,
  capSummary,
  capText,
  decodeEntities,
  htmlToText,
  repairXmlEntities,
} from '../../../../src/workers/fetcher/feed-text.js';

describe(decodeEntities.name, () => {
  it('decodes numeric and common named references and keeps unknown ones', () => {
    expect(decodeEntities('Fish &amp; Chips &#8217; &#x2014; &eacute; &bogus; &#0;')).toBe('Fish & Chips ’ — é &bogus; \ufffd');
  });
});

describe(repairXmlEntities.name, () => {
  it('escapes bare ampersands and rewrites HTML entities outside CDATA only', () => {
    expect(repairXmlEntities('a & b &nbsp; &amp; &#38; &zzz; <![CDATA[x & y &nbsp;]]>')).toBe(
      'a &amp; b &#160; &amp; &#38; &amp;zzz; <![CDATA[x & y &nbsp;]]>',
    );
  });
});

describe(htmlToText.name, () => {
  it('drops tags, scripts and comments and collapses whitespace', () => {
    expect(htmlToText('<p>One&nbsp;<b>two</b></p><script>bad()</script><!-- c --><p>three</p>')).toBe('One two three');
  });
});

describe(balanceXmlTags.name, () => {
  it('closes skipped elements, replaces a misspelled close tag and closes what is left open', () => {
    expect(balanceXmlTags('<a><b><c>x</b><d>y</dd><e/><![CDATA[</a>]]>')).toBe('<a><b><c>x</c></b><d>y</d><e/><![CDATA[</a>]]></a>');
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
