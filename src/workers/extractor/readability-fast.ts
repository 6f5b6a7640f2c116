import type { Readability } from '@mozilla/readability';
import { isHeadingAnchor } from './boilerplate.js';
import { collapseSpace, tagOf } from './blocks.js';
import { isBylineAffiliation } from './metadata.js';

/**
 * Cheaper, equivalent versions of two Readability 0.6 helpers that read the
 * whole text of an element before a cheaper test decides. Readability calls
 * both on nearly every element while it walks the page, and on a container
 * `textContent` is the text of everything inside it, so they cost time in
 * proportion to the page's size times its depth. Same answers: the cheap
 * tests come first, and "no text" stops at the first text node that has any.
 * Installed per instance; a Readability without these methods is left as is.
 * tuneReadability also completes the instance's list of phrasing elements
 * (completePhrasing below), keeps a section heading that repeats the title's
 * words (afterRunningText below) and removes, with the byline element
 * Readability takes away, the affiliation lines set under it (affiliationAfter
 * below): its three changes of behaviour. Each steps aside when the instance
 * lacks the method it wraps.
 */
type Internals = {
  REGEXPS: { byline: RegExp; unlikelyCandidates?: RegExp; okMaybeItsACandidate?: RegExp };
  PHRASING_ELEMS?: unknown;
  _isValidByline?: (node: Element, matchString: string) => boolean;
  _removeAndGetNext?: (node: Element) => Element | null;
  _isElementWithoutContent?: (node: Node) => boolean;
  _isProbablyVisible?: (node: Element) => boolean;
  _headerDuplicatesTitle?: (node: Element) => boolean;
  _debug?: boolean;
  parse?: () => unknown;
  _grabArticle?: (page?: Element) => Element | null;
  _postProcessContent?: (articleContent: Element) => void;
};

export function tuneReadability(reader: Readability<unknown>): void {
  const r = reader as unknown as Internals;
  if (typeof r._isValidByline === 'function') {
    // Readability removes the element it takes as the byline; the affiliation lines set under it go with it.
    let taken: Element | null = null;
    r._isValidByline = (node, matchString) => {
      const valid = isValidByline(node, matchString, r.REGEXPS.byline);
      taken = valid ? node : null;
      return valid;
    };
    const remove = r._removeAndGetNext;
    if (typeof remove === 'function') {
      const original = remove.bind(r);
      r._removeAndGetNext = (node) => {
        if (node === taken) {
          for (const n of affiliationAfter(node)) n.remove();
          taken = null;
        }
        return original(node);
      };
    }
  }
  if (typeof r._isElementWithoutContent === 'function') {
    r._isElementWithoutContent = isElementWithoutContent;
  }
  const visible = r._isProbablyVisible;
  if (typeof visible === 'function' && knownVisibilityTest(visible)) {
    const original = visible.bind(r);
    r._isProbablyVisible = (node) => isProbablyVisible(node, original);
  }
  const repeat = r._headerDuplicatesTitle;
  if (typeof repeat === 'function') {
    const original = repeat.bind(r);
    r._headerDuplicatesTitle = (node) => original(node) && !afterRunningText(node);
  }
  skipGrabbedLog(reader);
  const phrasing = completePhrasing(r.PHRASING_ELEMS);
  if (phrasing) {
    r.PHRASING_ELEMS = phrasing;
  }
}

/** The line of Readability 0.6's parse that serializes the whole article for a log message, debugging or not. */
export const GRABBED_LOG = 'this.log("Grabbed: " + articleContent.innerHTML);';

/**
 * Spares Readability 0.6 the article's `innerHTML` its parse builds for a log
 * message whether debugging is on or not (the other such messages are only
 * built when it is): the article, serialized once more, about 1 % of the
 * extractor's CPU. Between _grabArticle returning the article and
 * _postProcessContent receiving it, parse does nothing but that log line; for
 * that moment the article's markup reads as empty. Installed only when
 * debugging is off and parse holds that line as 0.6 writes it; returns
 * whether it was.
 */
export function skipGrabbedLog(reader: Readability<unknown>): boolean {
  const r = reader as unknown as Internals;
  const { _grabArticle: grab, _postProcessContent: post, parse } = r;
  if (r._debug || typeof grab !== 'function' || typeof post !== 'function' || typeof parse !== 'function') {
    return false;
  }
  if (!Function.prototype.toString.call(parse).includes(GRABBED_LOG)) {
    return false;
  }
  r._grabArticle = (page) => {
    const article = grab.call(r, page);
    if (article) {
      Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
    }
    return article;
  };
  r._postProcessContent = (article) => {
    delete (article as { innerHTML?: string }).innerHTML;
    post.call(r, article);
  };
  return true;
}

/**
 * Text-level elements Readability 0.6's phrasing list lacks: <font> (which it
 * renames to <span> only after it has turned `<br><br>` runs into paragraphs),
 * <u>, <s>, <bdi>, and the old <strike>, <big>, <tt>, <nobr>, <acronym>.
 * Collecting a paragraph after `<br><br>`, Readability stops at the first
 * non-phrasing sibling; when that is one of these, the paragraph is left empty
 * and dropped, and the text after the break is glued to the text before it
 * ("March 3, 2008The mayor..."), which old table layouts written with <font>
 * do on every paragraph. With them in the list the breaks become paragraphs,
 * as a browser shows them. (Worth offering upstream.)
 */
export const MISSING_PHRASING = ['FONT', 'U', 'S', 'BDI', 'STRIKE', 'BIG', 'TT', 'NOBR', 'ACRONYM'] as const;

/**
 * The phrasing list with MISSING_PHRASING added, or null to leave Readability
 * as it is: when the list is not the array of upper-case names 0.6 has (it
 * holds SPAN and B), or already has all of them.
 */
export function completePhrasing(list: unknown): string[] | null {
  if (!Array.isArray(list) || !list.includes('SPAN') || !list.includes('B') || !list.every((t) => typeof t === 'string')) {
    return null;
  }
  const missing = MISSING_PHRASING.filter((t) => !list.includes(t));
  return missing.length > 0 ? [...(list as string[]), ...missing] : null;
}

/** Paragraphs of running text before a heading, at least, that make it a section's heading and not the headline. */
export const STORY_PARAGRAPHS_BEFORE = 2;
/** Characters of a paragraph of running text, at least. */
const RUNNING_TEXT_CHARS = 100;

/**
 * Whether STORY_PARAGRAPHS_BEFORE paragraphs of running text stand before
 * `heading` in the page. Readability removes the first <h1> or <h2> whose
 * words are mostly the title's, as the headline repeated above the story,
 * wherever it stands; when the headline itself does not read so (another
 * wording, or outside the body), the first section heading that shares the
 * title's words went ("Comparing Prepared Meal Delivery Services" under the
 * title "Comparing Prepared Meal Delivery 2026 | Daily Harvest, Freshly,
 * More", after four paragraphs of the story). Such a heading stays, and
 * Readability goes on looking for the headline. Reads the page's paragraphs
 * in document order up to the heading; only called on headings like the
 * title, a few on a page. (Worth offering upstream.)
 */
export function afterRunningText(heading: Element): boolean {
  let before = 0;
  for (const el of Array.from(heading.ownerDocument.querySelectorAll('p, h1, h2'))) {
    if (el === heading) {
      return false;
    }
    if (tagOf(el) === 'P' && (el.textContent ?? '').trim().length >= RUNNING_TEXT_CHARS && ++before >= STORY_PARAGRAPHS_BEFORE) {
      return true;
    }
  }
  return false;
}

/** A utility-CSS type style ("font-extrabold", "md:leading-extra-tight"): a look, not a role, for keepNamedHeadings. */
const TYPE_STYLE = /^(?:[\w-]+:)*(?:font|leading|tracking|text)-/i;

/** "header" in a class or id, the word renamed by keepNamedHeadings. */
const HEADER_WORD = /header/gi;

/**
 * Keeps the story's headings that Readability would drop for a word of their
 * class or id that does not say what they are. Readability removes every
 * element whose class or id matches its unlikely-candidate expression
 * ("header", "social", "menu", "comment"...). On a heading, "header" names the
 * heading itself (`<h2 class="header-anchor-post">` on every newsletter a
 * large publishing platform serves, `<h3 class="wprm-recipe-header">`,
 * `<h2 class="et_pb_module_header">`), and an id made of the heading's own
 * words (the anchor a CMS or a table of contents gives it, isHeadingAnchor)
 * holds whatever words the heading does ("What is social shopping?"): the
 * story's section headings were lost (an <h1> or <h2> also for a "negative"
 * word of the id, "media", "share"). Such an id is taken away from every
 * heading, and a heading (h1-h6) that still matches the expression only
 * through "header" gets the word renamed "heading" in its class and id; a
 * heading matched by another word of its class ("footer-title",
 * "related-posts", "comments-title") still goes, and nothing else is touched.
 * A heading matched only through a utility-CSS type style of its class
 * ("leading-extra-tight", "font-extrabold": "extra" is an unlikely word) loses
 * those class words.
 * The sanitizer drops classes and ids, so the stored HTML does not show it.
 * (Worth offering upstream: Readability could spare headings this way itself.)
 * Returns how many headings were changed; none when the Readability instance
 * has no such expression.
 */
export function keepNamedHeadings(reader: Readability<unknown>, root: Element): number {
  const { unlikelyCandidates: unlikely, okMaybeItsACandidate: maybe } = (reader as unknown as Internals).REGEXPS;
  if (!(unlikely instanceof RegExp) || !(maybe instanceof RegExp)) {
    return 0;
  }
  let changed = 0;
  for (const h of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    let cls = h.getAttribute('class') ?? '';
    let id = h.getAttribute('id') ?? '';
    let renamed = false;
    // Its own words say nothing of its role, and Readability weighs them all the same ("media" is a negative word).
    if (id && isHeadingAnchor(h, id)) {
      h.removeAttribute('id');
      id = '';
      renamed = true;
    }
    let names = `${cls} ${id}`;
    // "leading-extra-tight", "font-extrabold": a type style of a utility-CSS design system, whatever word it holds.
    if (unlikely.test(names) && !maybe.test(names)) {
      const words = cls.split(/\s+/);
      const styles = words.filter((t) => TYPE_STYLE.test(t) && unlikely.test(t));
      const rest = words.filter((t) => t && !styles.includes(t)).join(' ');
      if (styles.length > 0 && !unlikely.test(`${rest} ${id}`.replace(HEADER_WORD, ' '))) {
        h.setAttribute('class', rest);
        cls = rest;
        names = `${rest} ${id}`;
        renamed = true;
      }
    }
    if (/header/i.test(names) && unlikely.test(names) && !maybe.test(names) && !unlikely.test(names.replace(HEADER_WORD, ' '))) {
      if (cls) {
        h.setAttribute('class', cls.replace(HEADER_WORD, 'heading'));
      }
      if (id) {
        h.setAttribute('id', id.replace(HEADER_WORD, 'heading'));
      }
      renamed = true;
    }
    if (renamed) {
      changed++;
    }
  }
  return changed;
}

/** Readability's byline test: rel=author, itemprop *author*, or a byline-ish class/id; and 1-99 characters of text. */
export function isValidByline(node: Element, matchString: string, byline: RegExp): boolean {
  const itemprop = node.getAttribute('itemprop');
  if (!(node.getAttribute('rel') === 'author' || (itemprop && itemprop.includes('author')) || byline.test(matchString))) {
    return false;
  }
  const length = (node.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

/** Inline elements a byline element may stand in, ending its line: `<b><span class="byline">By Ann Lee</span></b><br>`. */
const INLINE_WRAPPER = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'SPAN', 'FONT', 'SMALL', 'U']);

/**
 * The nodes of the lines right under a byline element, each a `<br>` after the one before, that give the writer's
 * affiliation (`isBylineAffiliation`: "Associated Press Writer", "Staff Reporter", "Special to The Times", an e-mail
 * address): `<span class="byline">By Ann Lee</span><br>Associated Press Writer`. Only when the element ends its line;
 * they stop at the first line that is none ("Who Pays For The Roads" stays) and at any element that is not inline.
 */
export function affiliationAfter(byline: Element): ChildNode[] {
  const blank = (n: ChildNode | null): boolean => !!n && n.nodeType !== 1 && !/\S/.test(n.textContent ?? '');
  let end: ChildNode = byline;
  while (true) {
    let next = end.nextSibling;
    while (blank(next)) next = next?.nextSibling ?? null;
    const parent = end.parentElement;
    if (next || !parent || !INLINE_WRAPPER.has(tagOf(parent))) {
      break;
    }
    end = parent;
  }
  const taken: ChildNode[] = [];
  let at = end.nextSibling;
  while (blank(at)) at = at?.nextSibling ?? null;
  while (at && at.nodeType === 1 && tagOf(at as Element) === 'BR') {
    const line: ChildNode[] = [at];
    let n = at.nextSibling;
    for (; n && !(n.nodeType === 1 && tagOf(n as Element) === 'BR'); n = n.nextSibling) {
      if (n.nodeType === 1 && !INLINE_WRAPPER.has(tagOf(n as Element))) {
        return taken;
      }
      line.push(n);
    }
    if (!isBylineAffiliation(collapseSpace(line.map((c) => c.textContent ?? '').join('')))) {
      break;
    }
    taken.push(...line);
    at = n;
  }
  return taken;
}

/** Readability's empty-element test: an element with no text, and no children but <br>s and <hr>s. */
export function isElementWithoutContent(node: Node): boolean {
  if (node.nodeType !== 1 || hasText(node)) {
    return false;
  }
  const el = node as Element;
  return !el.children.length || el.children.length === el.getElementsByTagName('br').length + el.getElementsByTagName('hr').length;
}

const NOT_SPACE = /\S/;

/** Whether any text under `node` is more than whitespace (what `textContent.trim()` would keep). */
function hasText(node: Node): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    for (let k = n.lastChild; k; k = k.previousSibling) {
      if (k.nodeType === 3 || k.nodeType === 4) {
        if (NOT_SPACE.test((k as CharacterData).data)) {
          return true;
        }
      } else if (k.nodeType === 1) {
        stack.push(k);
      }
    }
  }
  return false;
}

/**
 * Readability 0.6's visibility test, as its source reads with the spacing
 * taken out: the shortcut below stands in for this function only.
 */
const VISIBILITY_SOURCE =
  '_isProbablyVisible(node){//Havetonull-checknode.styleandnode.className.includestodealwithSVGandMathMLnodes.return((!node.style||node.style.display!="none")&&(!node.style||node.style.visibility!="hidden")&&!node.hasAttribute("hidden")&&//checkfor"fallback-image"sothatwikimediamathimagesaredisplayed(!node.hasAttribute("aria-hidden")||node.getAttribute("aria-hidden")!="true"||(node.className&&node.className.includes&&node.className.includes("fallback-image"))));}';

/** Whether `fn` is the visibility test isProbablyVisible was written against (any other version keeps its own). */
export function knownVisibilityTest(fn: (...args: never[]) => unknown): boolean {
  return Function.prototype.toString.call(fn).replace(/\s+/g, '') === VISIBILITY_SOURCE;
}

/**
 * Readability's visibility test without reading `node.style` when the
 * element has no style attribute: an element without one has no inline
 * display or visibility, and on linkedom each first `style` read builds a
 * CSS declaration object behind a Proxy (for every element Readability
 * walks). With a style attribute, Readability's own test (`original`) decides.
 */
export function isProbablyVisible(node: Element, original: (node: Element) => boolean): boolean {
  if (node.hasAttribute('style')) {
    return !!original(node);
  }
  return (
    !node.hasAttribute('hidden') &&
    (!node.hasAttribute('aria-hidden') ||
      node.getAttribute('aria-hidden') != 'true' ||
      !!(node.className && node.className.includes && node.className.includes('fallback-image')))
  );
}
