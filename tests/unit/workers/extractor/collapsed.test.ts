import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isHidden, keepQuestionToggles, revealCollapsed } from '../../../../src/workers/extractor/collapsed.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { faqQuestions } from '../../../../src/workers/extractor/metadata.js';

const doc = (html: string): Document =>
  (parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document }).document;

const para = (topic: string): string =>
  `<p>The council discussed ${topic} at length on Tuesday evening, and members said a decision would follow after the public consultation closes next month.</p>`;

const story = (inner: string): string => `<main><article><h1>Council budget</h1>${para('the budget')}${para('the library')}${inner}${para('the roads')}</article></main>`;

const answer = 'Residents can comment online until the end of March or attend the hearing at the town hall.';

describe('revealCollapsed', () => {
  it('shows a panel a toggle names in aria-controls, hidden by the hidden attribute', () => {
    const d = doc(story(`<h3><button aria-expanded="false" aria-controls="faq-1">How can I comment?</button></h3><div id="faq-1" hidden><p>${answer}</p></div>`));
    expect(revealCollapsed(d)).toBe(1);
    expect(isHidden(d.getElementById('faq-1') as Element)).toBe(false);
  });

  it('shows a panel hidden by aria-hidden or an inline display:none, keeping the rest of its style', () => {
    const d = doc(
      story(
        `<button aria-controls="a">One</button><div id="a" aria-hidden="true"><p>${answer}</p></div>` +
          `<button aria-controls="b">Two</button><div id="b" style="color: red; display: none"><p>${answer}</p></div>`,
      ),
    );
    revealCollapsed(d);
    expect(d.getElementById('a')?.hasAttribute('aria-hidden')).toBe(false);
    expect(d.getElementById('b')?.getAttribute('style')).toBe('color: red');
  });

  it('shows a hidden wrapper between the toggle and the panel it names', () => {
    const d = doc(
      story(
        `<div class="item"><h2><button aria-expanded="false" aria-controls="p1">Which is best?</button></h2>` +
          `<div id="wrap" style="overflow:hidden;display:none;height:0px"><div role="region" id="p1"><p>${answer}</p></div></div></div>`,
      ),
    );
    revealCollapsed(d);
    expect(isHidden(d.getElementById('wrap') as Element)).toBe(false);
  });

  it('shows the panel right after a collapsed toggle (or after its heading) when aria-controls names nothing', () => {
    const d = doc(
      story(
        `<button aria-expanded="false" aria-controls="missing">What to know</button><div id="x" aria-hidden="true"><p>${answer}</p></div>` +
          `<h3><button aria-expanded="false">Question</button></h3><div id="y" hidden><p>${answer}</p></div>`,
      ),
    );
    revealCollapsed(d);
    expect(isHidden(d.getElementById('x') as Element)).toBe(false);
    expect(isHidden(d.getElementById('y') as Element)).toBe(false);
  });

  it('shows a hidden tab panel, a hidden="until-found" section and a hidden body of <details>', () => {
    const d = doc(
      story(
        `<div role="tabpanel" id="t2" hidden><p>${answer}</p></div><div id="u" hidden="until-found"><p>${answer}</p></div>` +
          `<details><summary>More</summary><div id="d" aria-hidden="true"><p>${answer}</p></div></details>`,
      ),
    );
    revealCollapsed(d);
    for (const id of ['t2', 'u', 'd']) {
      expect(isHidden(d.getElementById(id) as Element), id).toBe(false);
    }
  });

  it('takes an Alpine.js x-cloak off a panel it shows, so the furniture pass keeps it', () => {
    const d = doc(story(`<h3><button aria-expanded="false" aria-controls="faq-1">How can I comment?</button></h3><div id="faq-1" x-cloak x-show="open" style="display: none"><p>${answer}</p></div>`));
    expect(revealCollapsed(d)).toBe(1);
    expect(d.getElementById('faq-1')?.hasAttribute('x-cloak')).toBe(false);
  });

  it('leaves menus, dialogs, popups and panels outside the content area hidden', () => {
    const d = doc(
      `<header><button aria-expanded="false" aria-controls="menu">Menu</button><div id="menu" hidden><p>${answer}</p></div></header>` +
        `<div class="banner"><button aria-controls="gov">Here is how you know</button><div id="gov" hidden><p>${answer}</p></div></div>` +
        story(
          `<button aria-haspopup="dialog" aria-controls="share">Share</button><div id="share" hidden><p>${answer}</p></div>` +
            `<button aria-controls="modal">Sign up</button><div id="modal" role="dialog" hidden><p>${answer}</p></div>` +
            `<nav><button aria-expanded="false" aria-controls="sub">Sections</button><ul id="sub" hidden><li>World</li></ul></nav>` +
            `<div id="plain" hidden><p>${answer}</p></div>`,
        ),
    );
    expect(revealCollapsed(d)).toBe(0);
    for (const id of ['menu', 'gov', 'share', 'modal', 'sub', 'plain']) {
      expect(isHidden(d.getElementById(id) as Element), id).toBe(true);
    }
  });
});

describe('revealCollapsed: a page that marks no content area', () => {
  it('shows the panels of an accordion whose questions are headings, and leaves a banner\'s or a menu\'s panel hidden', () => {
    const d = doc(
      `<div class="banner"><button aria-controls="gov">Here is how you know</button><div id="gov" hidden><p>${answer}</p></div></div>` +
        `<div class="menu"><button aria-expanded="false" aria-controls="sub">Sections</button><ul id="sub" hidden><li>World</li></ul></div>` +
        `<div class="page"><h1>Council budget</h1>${para('the budget')}<div class="faq"><h2><button aria-expanded="false" aria-controls="a1">Which is the best EV?</button></h2>` +
        `<div id="wrap" style="overflow:hidden;display:none"><div role="region" id="a1"><p>${answer}</p></div></div>` +
        `<div role="tabpanel" id="tab" hidden><p>${answer}</p></div></div></div>`,
    );
    revealCollapsed(d);
    expect(isHidden(d.getElementById('wrap') as Element)).toBe(false);
    for (const id of ['gov', 'sub', 'tab']) {
      expect(isHidden(d.getElementById(id) as Element), id).toBe(true);
    }
  });

  it('keeps to the content area when the page marks one: an accordion outside it stays hidden', () => {
    const d = doc(`${story('')}<div class="faq"><h2><button aria-expanded="false" aria-controls="a1">Which is the best EV?</button></h2><div id="a1" hidden><p>${answer}</p></div></div>`);
    expect(revealCollapsed(d)).toBe(0);
  });
});

describe('extractArticle: collapsed content', () => {
  it('keeps the answers of a collapsed FAQ accordion in the story (aria-controls survives the attribute slimming)', () => {
    const faq = [1, 2, 3]
      .map(
        (i) =>
          `<h3><button type="button" aria-expanded="false" aria-controls="answer-${i}">Question number ${i}?</button></h3>` +
          `<div id="answer-${i}" role="region" hidden><p>Answer ${i}: ${answer} The clerk confirmed that written comments count the same as spoken ones.</p></div>`,
      )
      .join('');
    const html = `<!doctype html><html><head><title>Council budget</title></head><body>${story(`<h2>Questions and answers</h2>${faq}`)}</body></html>`;
    const text = extractArticle(html, 'https://news.test/council')?.text ?? '';
    for (const i of [1, 2, 3]) {
      expect(text).toContain(`Answer ${i}: Residents can comment online`);
    }
  });
});

describe(keepQuestionToggles.name, () => {
  const faq = (...names: string[]): Set<string> =>
    faqQuestions([{ '@type': 'FAQPage', mainEntity: names.map((name) => ({ '@type': 'Question', name, acceptedAnswer: { '@type': 'Answer', text: 'x' } })) }]);
  const answer = '<div class="panel"><p>Residents can comment online until the end of next month, and the council will publish every comment.</p></div>';

  it('keeps a question button the FAQ data names when a shown answer follows, and leaves other buttons', () => {
    const d = doc(
      story(
        `<h2>FAQ</h2><h3><button aria-expanded="false">How can residents comment on the budget?</button></h3>${answer}` +
          `<div class="q"><button><span>When does the consultation close?</span></button></div>${answer}` +
          `<button>Is the library closing for good?</button>${answer}` +
          `<button>Why was the bridge closed?</button><div style="display:none"><p>Engineers found cracks in two of the piers and closed it for the inspection.</p></div>` +
          '<button>Did you like this article?</button><p>Short.</p>',
      ),
    );
    const questions = faq('How can residents comment on the budget?', 'When does the consultation close?', 'Why was the bridge closed?', 'Did you like this article?');
    expect(keepQuestionToggles(d, questions)).toBe(2);
    const buttons = Array.from(d.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toEqual(['Is the library closing for good?', 'Why was the bridge closed?', 'Did you like this article?']);
    expect(d.querySelector('h3')?.textContent).toBe('How can residents comment on the budget?');
    expect(d.querySelector('.q > p')?.textContent).toBe('When does the consultation close?');
  });

  it('brings the FAQ questions into the extracted text', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'How can residents comment on the budget?' }] })}</script>`;
    const html = `<html><head><title>Council budget</title>${ld}</head><body>${story(`<h2>FAQ</h2><h3><button aria-expanded="false">How can residents comment on the budget?</button></h3>${answer}`)}</body></html>`;
    const text = extractArticle(html, 'https://example.org/news/budget')?.text ?? '';
    expect(text).toContain('How can residents comment on the budget?\n\nResidents can comment online');
  });
});
