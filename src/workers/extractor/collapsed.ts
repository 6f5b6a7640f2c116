/**
 * Collapsed content a reader opens with one click: an accordion panel, a FAQ
 * answer, a tab panel, a "read more" expander. Pages send its text hidden
 * (`hidden`, aria-hidden="true", style display:none / visibility:hidden) and
 * a script shows it on the click; Readability and the furniture pass drop
 * hidden elements, so without this the text is lost. revealCollapsed shows
 * such panels again, before either runs.
 *
 * A panel counts as revealable only on structural evidence, never on class
 * names: a toggle names it in aria-controls; a collapsed toggle
 * (aria-expanded="false") stands right before it, or before the heading it
 * sits in (the WAI-ARIA accordion pattern); it is a role="tabpanel"; or it is
 * hidden="until-found" (the browser's own find-in-page reveal). And it sits in
 * the page's content area (an <article>, <main>, role="main" or
 * itemprop="articleBody"), outside navigation, menus, dialogs and popups:
 * a toggle with aria-haspopup opens a menu or a dialog, not a part of the story.
 * A page that marks no content area at all has its body for one, for panels
 * whose toggle is in a heading (an accordion's question) only.
 */

import { collapseSpace, isHeadingTag, lineElement, squash, tagOf } from './blocks.js';

/** Markup revealCollapsed acts on: a page with none of it is left alone without a walk (about half of all pages). */
const REVEALABLE_MARKUP = /aria-controls|aria-expanded\s*=\s*["']?false|tabpanel|until-found|<details/i;

/** Whether the page's markup may hold a collapsed panel revealCollapsed would show (a cheap test on the HTML). */
export const mayHoldCollapsed = (html: string): boolean => REVEALABLE_MARKUP.test(html);

/** Elements, roles and states a panel or its toggle never sits in: menus, dialogs, navigation, page chrome. */
const CHROME_SELECTOR =
  'nav, aside, header, footer, dialog, menu, form, [role="navigation"], [role="menu"], [role="menubar"], [role="dialog"], ' +
  '[role="alertdialog"], [role="tooltip"], [role="listbox"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-modal="true"]';

/** The page's content area, the scope density.ts uses too. */
const CONTENT_SELECTOR = 'article, main, [role="main"], [itemprop="articleBody"]';

/** A style that hides: display:none or visibility:hidden (one declaration, any spacing, optional !important). */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?=;|$)/gi;
/** HIDING_STYLE for a test: a global pattern keeps its position between calls. */
const HIDES = new RegExp(HIDING_STYLE.source, 'i');

/** Whether the element itself is hidden the ways Readability and the furniture pass test. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') {
    return true;
  }
  const style = el.getAttribute('style');
  return style !== null && HIDES.test(style);
}

/** Makes the element itself visible: no `hidden`, no aria-hidden="true", no hiding style declaration. */
function show(el: Element): void {
  el.removeAttribute('hidden');
  // Alpine.js: hidden until its script runs (boilerplate.ts, hiddenUntilScript).
  el.removeAttribute('x-cloak');
  if (el.getAttribute('aria-hidden') === 'true') {
    el.removeAttribute('aria-hidden');
  }
  const style = el.getAttribute('style');
  if (style !== null) {
    const rest = style.replace(HIDING_STYLE, '').replace(/^\s*;\s*/, '');
    if (rest !== style) {
      el.setAttribute('style', rest);
    }
  }
}

/** A toggle that opens a menu, a listbox or a dialog: aria-haspopup other than "false". */
const opensPopup = (toggle: Element): boolean => {
  const popup = toggle.getAttribute('aria-haspopup');
  return popup !== null && popup.toLowerCase() !== 'false';
};

/** Whether `el` is in the content area and in no chrome (see CHROME_SELECTOR), itself included. */
function inContent(el: Element, bodyScope = false): boolean {
  const chrome = el.closest(CHROME_SELECTOR);
  const content = el.closest(CONTENT_SELECTOR) ?? (bodyScope ? el.ownerDocument.body : null);
  // Chrome inside the article (a <header> of the story, a <form>) is chrome; an <article> inside a <main> inside chrome is not.
  return content !== null && (chrome === null || (chrome !== content && chrome.contains(content)));
}

/** Whether a toggle is a heading or stands in one: an accordion's question (`<h3><button>Question</button></h3>`). */
const headsPanel = (toggle: Element): boolean =>
  isHeadingTag(tagOf(toggle)) || (toggle.parentElement !== null && isHeadingTag(tagOf(toggle.parentElement)));

/**
 * The panel a collapsed toggle opens when its aria-controls names nothing on
 * the page: the element right after it, or right after the heading it sits
 * in (`<h3><button aria-expanded="false">Question</button></h3><div>Answer</div>`).
 */
function panelAfter(toggle: Element): Element | null {
  const next = toggle.nextElementSibling;
  if (next) {
    return next;
  }
  const parent = toggle.parentElement;
  return parent && isHeadingTag(tagOf(parent)) ? parent.nextElementSibling : null;
}

/**
 * Shows the panel and every hidden element between it and `top` (exclusive):
 * a framework may hide a wrapper around the panel rather than the panel.
 */
function showUpTo(panel: Element, top: Element | null): number {
  let shown = 0;
  for (let el: Element | null = panel; el && el !== top; el = el.parentElement) {
    if (isHidden(el)) {
      show(el);
      shown++;
    }
    if (top === null) {
      break;
    }
  }
  return shown;
}

/** The nearest element holding both. */
function commonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a.parentElement; el; el = el.parentElement) {
    if (el.contains(b)) {
      return el;
    }
  }
  return null;
}

/**
 * Shows the collapsed panels of the content area (see the module comment).
 * Returns how many elements it made visible.
 */
export function revealCollapsed(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) {
    return 0;
  }
  let shown = 0;
  // A page that marks no content area: its body is the scope, for the accordion pattern only (a toggle in a heading),
  // so that a banner's "Here is how you know" or a menu outside any chrome element stays hidden.
  const bodyScope = root.querySelector(CONTENT_SELECTOR) === null;
  const inScope = (el: Element, toggle: Element | null): boolean =>
    inContent(el) || (bodyScope && toggle !== null && headsPanel(toggle) && inContent(el, true));
  const reveal = (panel: Element, toggle: Element | null): void => {
    if (!inScope(panel, toggle)) {
      return;
    }
    // Shown up to where toggle and panel meet: with no toggle, the panel itself and hidden wrappers inside the content area.
    const top = toggle ? commonAncestor(toggle, panel) : null;
    shown += showUpTo(panel, top);
  };
  // One walk finds both: toggles, and panels revealable on their own.
  const toggles: Element[] = [];
  const panels: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (el.hasAttribute('aria-controls') || el.getAttribute('aria-expanded') === 'false') {
      toggles.push(el);
    }
    if (el.getAttribute('role') === 'tabpanel' || el.getAttribute('hidden') === 'until-found' || (el.parentElement?.tagName === 'DETAILS' && el.tagName !== 'SUMMARY')) {
      panels.push(el);
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
      stack.push(c);
    }
  }
  for (const toggle of toggles) {
    if (opensPopup(toggle) || !inScope(toggle, toggle)) {
      continue;
    }
    const ids = (toggle.getAttribute('aria-controls') ?? '').split(/\s+/).filter(Boolean);
    const named = ids.map((id) => doc.getElementById(id)).filter((el): el is HTMLElement => el !== null && el !== toggle && !el.contains(toggle));
    if (named.length > 0) {
      for (const panel of named) {
        reveal(panel, toggle);
      }
    } else if (toggle.getAttribute('aria-expanded') === 'false') {
      const panel = panelAfter(toggle);
      if (panel && isHidden(panel)) {
        reveal(panel, toggle);
      }
    }
  }
  for (const panel of panels) {
    if (isHidden(panel)) {
      reveal(panel, null);
    }
  }
  return shown;
}

/** A question: one line of 3 to 30 words ending with "?". */
const QUESTION = /^(?:\S+\s+){2,29}\S*\?$/;

/** Running text: a sentence of eight words or more, ended by a full stop, "!" or a closing parenthesis. */
const RUNNING_TEXT = /(?:[\p{L}\p{N},;:'’()-]+\s+){7,}[^.!?]*[.!)]/u;

/**
 * Turns the <button>s that hold an accordion's question into a paragraph of
 * the story (the furniture pass and Readability drop every <button>, which
 * left FAQ answers without their question): a button whose text is a
 * question the page's structured data publishes (`questions`, squashed: see
 * metadata.ts faqQuestions), outside page chrome, whose line (the button, or the heading or
 * wrapper around it holding no other text) is followed by a shown panel of
 * running text, its answer. A button with blocks inside gives them up; one
 * of inline text becomes a <p>. Returns how many it kept.
 */
export function keepQuestionToggles(doc: Document, questions: ReadonlySet<string>): number {
  const root = doc.body;
  if (!root || questions.size === 0) {
    return 0;
  }
  let kept = 0;
  for (const button of Array.from(root.querySelectorAll('button'))) {
    const text = collapseSpace(button.textContent ?? '');
    if (!QUESTION.test(text) || !questions.has(squash(text)) || button.closest(CHROME_SELECTOR) || opensPopup(button)) {
      continue;
    }
    const panel = lineElement(button, root, text).nextElementSibling;
    if (!panel || isHidden(panel) || !RUNNING_TEXT.test(collapseSpace(panel.textContent ?? ''))) {
      continue;
    }
    const blocks = button.querySelector('p, div, h1, h2, h3, h4, h5, h6');
    if (blocks) {
      button.replaceWith(...Array.from(button.childNodes));
    } else {
      const p = doc.createElement('p');
      p.append(...Array.from(button.childNodes));
      button.replaceWith(p);
    }
    kept++;
  }
  return kept;
}
