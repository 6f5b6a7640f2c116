/**
 * The text a reader sees right around a story's headline: the line above it
 * (kicker, "Last updated: ...") and the lines below it (byline, date). Most
 * pages print the story's date and author there, whatever their markup says;
 * reading a bounded window in document order costs a few hundred nodes, not a
 * walk of the page.
 */
import { tagOf } from './blocks.js';

/** Elements whose start and end are line breaks in the rendered text. */
const BLOCK = new Set(
  ('ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER ' +
    'HGROUP HR LI MAIN NAV OL P SECTION TABLE TBODY TD TFOOT TH THEAD TR UL TIME').split(' '),
);
/** Subtrees that never hold the story's own byline or date. */
const SKIP = new Set(['NAV', 'SELECT', 'OPTION', 'BUTTON', 'NOSCRIPT', 'TEXTAREA', 'IFRAME', 'FIGURE', 'PICTURE']);

export type HeadlineWindow = {
  /** Text before the headline, nearest last; lines separated by "\n". */
  before: string;
  /** Text after the headline, nearest first; lines separated by "\n". */
  after: string;
  /** `datetime` of the <time> elements after the headline, nearest first (then those before). */
  times: string[];
};

const tag = (n: Node): string => (n.nodeType === 1 ? tagOf(n as Element) : '');

/** Stops at <body>: the window never leaves the page's body. */
const isRoot = (n: Node | null): boolean => !n || n.nodeType !== 1 || tag(n) === 'BODY' || tag(n) === 'HTML';

/**
 * The text within `afterChars` after the headline element and `beforeChars`
 * before it, in document order, block boundaries as line breaks, and the
 * <time datetime> values met on the way. At most `maxNodes` nodes are read
 * on each side.
 */
export function headlineWindow(headline: Element, beforeChars = 300, afterChars = 600, maxNodes = 400): HeadlineWindow {
  const times: string[] = [];
  // Forward: the nodes after the headline's subtree.
  let after = '';
  let sep = false;
  let budget = maxNodes;
  let node: Node | null = headline;
  let descend = false;
  while (after.length < afterChars && budget-- > 0) {
    node = nextNode(node as Node, descend, () => {
      sep = true;
    });
    if (!node) {
      break;
    }
    descend = true;
    if (node.nodeType === 3) {
      after = append(after, (node as Text).data, sep);
      sep = false;
      continue;
    }
    if (node.nodeType !== 1) {
      descend = false;
      continue;
    }
    const t = tag(node);
    if (SKIP.has(t)) {
      descend = false;
      continue;
    }
    if (BLOCK.has(t)) {
      sep = true;
    }
    if (t === 'TIME') {
      const dt = (node as Element).getAttribute('datetime');
      if (dt) {
        times.push(dt);
      }
    }
  }
  // Backward: the nodes before the headline, nearest first, collected in reverse.
  const parts: string[] = [];
  let length = 0;
  const timesBefore: string[] = [];
  budget = maxNodes;
  node = headline;
  let lineAfter = false;
  const blockEnd = (): void => {
    lineAfter = true;
  };
  while (length < beforeChars && budget-- > 0) {
    node = previousNode(node as Node, blockEnd);
    if (!node || tag(node) === 'BODY' || tag(node) === 'HTML') {
      break;
    }
    if (node.nodeType === 3) {
      const text = (node as Text).data;
      if (text.trim()) {
        if (lineAfter) {
          parts.push('\n');
          lineAfter = false;
        }
        parts.push(text);
        length += text.length;
      }
      continue;
    }
    if (node.nodeType !== 1) {
      continue;
    }
    const t = tag(node);
    // Met on the way up: an element's start, a line break before what was read.
    if (BLOCK.has(t)) {
      lineAfter = true;
    }
    if (t === 'TIME') {
      const dt = (node as Element).getAttribute('datetime');
      if (dt) {
        timesBefore.push(dt);
      }
    }
  }
  const before = parts
    .reverse()
    .join('')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
  return { before, after: after.replace(/ *\n[\s]*/g, '\n').trim(), times: [...times, ...timesBefore] };
}

function append(acc: string, text: string, sep: boolean): string {
  const t = text.replace(/\s+/g, ' ');
  if (!t.trim()) {
    return acc.endsWith(' ') || acc.endsWith('\n') || acc === '' ? acc : `${acc} `;
  }
  return sep && acc && !acc.endsWith('\n') ? `${acc.trimEnd()}\n${t.trimStart()}` : acc + t;
}

/** The next node in document order; `descend` false skips `n`'s subtree. `leave` is called on leaving a block element. */
function nextNode(n: Node, descend: boolean, leave: () => void): Node | null {
  if (descend && n.firstChild) {
    return n.firstChild;
  }
  let cur: Node | null = n;
  while (cur) {
    if (cur.nodeType === 1 && BLOCK.has(tag(cur))) {
      leave();
    }
    if (cur.nextSibling) {
      return cur.nextSibling;
    }
    cur = cur.parentNode;
    if (isRoot(cur)) {
      return null;
    }
  }
  return null;
}

/**
 * The previous node in reverse document order, skipping the subtrees of
 * skipped elements: a previous sibling's deepest last descendant, else the
 * parent. `blockEnd` is called on entering a block element from its end.
 */
function previousNode(n: Node, blockEnd: () => void): Node | null {
  if (n.previousSibling) {
    let cur: Node = n.previousSibling;
    while (cur.lastChild && !SKIP.has(tag(cur))) {
      if (BLOCK.has(tag(cur))) {
        blockEnd();
      }
      cur = cur.lastChild;
    }
    return cur;
  }
  return n.parentNode;
}
