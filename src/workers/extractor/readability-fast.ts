import type { Readability } from '@mozilla/readability';

/**
 * Cheaper, equivalent versions of two Readability 0.6 helpers that read the
 * whole text of an element before a cheaper test decides. Readability calls
 * both on nearly every element while it walks the page, and on a container
 * `textContent` is the text of everything inside it, so they cost time in
 * proportion to the page's size times its depth. Same answers: the cheap
 * tests come first, and "no text" stops at the first text node that has any.
 * Installed per instance; a Readability without these methods is left as is.
 */
type Internals = {
  REGEXPS: { byline: RegExp };
  _isValidByline?: (node: Element, matchString: string) => boolean;
  _isElementWithoutContent?: (node: Node) => boolean;
};

export function tuneReadability(reader: Readability<unknown>): void {
  const r = reader as unknown as Internals;
  if (typeof r._isValidByline === 'function') {
    r._isValidByline = (node, matchString) => isValidByline(node, matchString, r.REGEXPS.byline);
  }
  if (typeof r._isElementWithoutContent === 'function') {
    r._isElementWithoutContent = isElementWithoutContent;
  }
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
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i] as Node;
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
