import { describe, expect, it } from 'vitest';
import { withoutSectionCaption, withoutWikiMarkup } from '../../../scripts/lib/wiki-markup.js';

describe(withoutWikiMarkup.name, () => {
  it('takes out the comments, tags, magic words and template residue the Wikinews dump left in the text', () => {
    const raw = '<!-- 0% --> 2006 Israel-Lebanon conflict publish Archive-unreviewed <noinclude> Reuters is reporting<br /> that __NOTOC__ <div style="float:left;">rockets</div> were fired.';
    expect(withoutWikiMarkup(raw)).toBe('2006 Israel-Lebanon conflict Reuters is reporting that rockets were fired.');
  });

  it('drops image links and keeps the shown text of other links', () => {
    expect(withoutWikiMarkup('[[Image:Katyusha rockets closeup.jpg|left|200px|thumb|Katyusha rockets.]] Two [[Katyusha rocket|rockets]] hit [[Haifa]].')).toBe('Two rockets hit Haifa.');
  });

  it('leaves ordinary prose alone, comparisons and the word "publish" included', () => {
    const prose = 'Sales rose 3 % while costs < revenue > zero; the firm will publish its accounts.';
    expect(withoutWikiMarkup(prose)).toBe(prose);
  });
});

describe(withoutSectionCaption.name, () => {
  it('takes the Wikinews section captions off the start of the text', () => {
    expect(withoutSectionCaption('Economy and business The International Monetary Fund is preparing loans.')).toBe('The International Monetary Fund is preparing loans.');
    expect(withoutSectionCaption('Canadian news The Ontario Court of Appeal ruled.')).toBe('The Ontario Court of Appeal ruled.');
    expect(withoutSectionCaption('Sri Lanka news Politics and conflicts Troops advanced.')).toBe('Troops advanced.');
  });

  it('leaves a sentence that only starts with such words, and captions later in the text', () => {
    for (const text of ['Health officials said the outbreak was over.', 'Canadian news media reported the sale.', 'Sports Minister Tessa Jowell resigned. Economy and business were hit.']) {
      expect(withoutSectionCaption(text)).toBe(text);
    }
  });
});
