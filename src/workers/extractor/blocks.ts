import { nameCaser } from './name-caser.js';

/** Elements that start a new block of text. Everything else is inline. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose content is never text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'TITLE', 'HEAD']);

const upperName = nameCaser(true);

/** An element's tag name in upper case, as `el.tagName.toUpperCase()` reads it: each name upper-cased once (nameCaser). */
export const tagOf = (el: Element): string => upperName(el.tagName);

/** Whether an element's tag (as linkedom gives it) is one whose content is never text. */
export const holdsNoText = (tag: string): boolean => SKIP_TAGS.has(tag) || SKIP_TAGS.has(tag.toUpperCase());

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Whitespace that collapseSpace rewrites: a run of two or more, or one
 * character other than a plain space. A lone space is already what it would
 * become, so text spaced normally is returned without a copy; the result is
 * the same as replacing every `\s+` run with one space.
 */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** Collapses whitespace the way a browser renders inline text. */
export const collapseSpace = (text: string): string =>
  text.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();

/**
 * The text of an element as a reader sees it run together on one line: a space where a `<br>` or a block element
 * starts or ends a line (textContent joins "Follow us on Facebook<br>The council met" as "FacebookThe"), no text
 * of content that is never text, whitespace collapsed. Inline elements join as a browser shows them
 * ("1535<span>kcal</span>" stays "1535kcal"): textBlocks' blocks, one line.
 */
export const spacedText = (el: Node): string => textBlocks(el).join(' ');

/** Letters and digits only, lower case: the same text whatever its case, spacing and punctuation. */
export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether an element under `el` has a tag (upper case) that `stop` holds. */
function holdsTag(el: Element, stop: (tag: string) => boolean): boolean {
  for (const d of Array.from(el.querySelectorAll('*'))) if (stop(tagOf(d))) return true;
  return false;
}

/** The longest table row read as one line of text (tableRowLine). */
const ROW_LINE_MAX_CHARS = 400;

/**
 * A table row of short cells as one line, the cells' texts apart by a tab
 * ("Aberdeen\t1\tHibernian\t2"), or null: a row of fewer than two cells, a
 * cell holding a block, a line break or content that is never text (a layout
 * table's cell), or a row longer than ROW_LINE_MAX_CHARS is read cell by cell.
 */
export function tableRowLine(tr: Element): string | null {
  const cells = Array.from(tr.children);
  if (cells.length < 2 || cells.some((c) => c.tagName !== 'TD' && c.tagName !== 'TH')) return null;
  const texts: string[] = [];
  let chars = 0;
  for (const cell of cells) {
    if (holdsTag(cell, (tag) => BLOCK_TAGS.has(tag) || SKIP_TAGS.has(tag) || tag === 'BR')) return null;
    const t = collapseSpace(cell.textContent ?? '');
    chars += t.length;
    if (chars > ROW_LINE_MAX_CHARS) return null;
    texts.push(t);
  }
  const line = texts.join('\t').trim();
  return line || null;
}

/**
 * The lines of a <pre> as it shows them: invisible characters out, each line's
 * end trimmed, its indentation kept, blank lines at either end dropped; null
 * when it holds no text, or an element that is never text or ends a block
 * (then it is read block by block).
 */
export function preLines(pre: Element): string | null {
  if (holdsTag(pre, (tag) => BLOCK_TAGS.has(tag) || SKIP_TAGS.has(tag))) return null;
  // <br> inside a <pre> breaks the line as a newline does.
  const lines: string[] = [];
  let line = '';
  const walk: Node[] = [pre];
  while (walk.length > 0) {
    const node = walk.pop() as Node;
    if (node.nodeType === 3) {
      const parts = (node as Text).data.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').split('\n');
      line += parts[0] as string;
      for (let i = 1; i < parts.length; i++) {
        lines.push(line);
        line = parts[i] as string;
      }
    } else if (node.nodeType === 1) {
      if (tagOf(node as Element) === 'BR') {
        lines.push(line);
        line = '';
        continue;
      }
      pushChildren(walk, node);
    }
  }
  lines.push(line);
  const trimmed = lines.map((l) => l.trimEnd().replace(/\u00a0/g, ' '));
  let from = 0;
  let to = trimmed.length;
  while (from < to && !(trimmed[from] as string).trim()) from++;
  while (to > from && !(trimmed[to - 1] as string).trim()) to--;
  return from < to ? trimmed.slice(from, to).join('\n') : null;
}

/**
 * Pushes the children of `node` onto a depth-first walk's stack, last child
 * first, so that they pop in document order.
 */
export function pushChildren<M>(stack: Array<Node | M>, node: Node): void {
  // From the last child back: linkedom builds a new list for every read of childNodes.
  for (let k = node.lastChild; k; k = k.previousSibling) {
    stack.push(k);
  }
}

/**
 * The text blocks under `root`, in document order: each paragraph, heading,
 * list item, table cell... one string, whitespace collapsed. A <br> ends a
 * block. Iterative, so any nesting depth is safe. `owners`, when given,
 * receives the block element each block sits in. With `shown`, the text as a
 * reader of the stored article gets it: a table row of short cells is one
 * block, its cells apart by tabs (tableRowLine), and a <pre> keeps its lines
 * and their indentation (preLines); the extraction's own decisions read cells
 * as blocks and a <pre> as one line.
 */
export function textBlocks(root: Node, owners?: Node[], opts: { shown?: boolean } = {}): string[] {
  const blocks: string[] = [];
  // With `owners`: the block element around each block's text (root at top level), in step with the blocks.
  const open: Node[] = [root];
  let buf = '';
  const flush = (): void => {
    const t = collapseSpace(buf);
    if (t) {
      blocks.push(t);
      owners?.push(open[open.length - 1] as Node);
    }
    buf = '';
  };
  // A stack of nodes to visit, or `null` markers meaning "a block ends here".
  const stack: Array<Node | null> = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      if (owners) {
        open.pop();
      }
      continue;
    }
    if (node === undefined) {
      break;
    }
    if (node.nodeType === 3) {
      buf += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) {
      continue;
    }
    const tag = tagOf(node as Element);
    if (SKIP_TAGS.has(tag)) {
      continue;
    }
    if (tag === 'BR') {
      flush();
      continue;
    }
    if (tag === 'IMG' || tag === 'INPUT') {
      continue;
    }
    if (opts.shown && (tag === 'TR' || tag === 'PRE')) {
      const shown = tag === 'TR' ? tableRowLine(node as Element) : preLines(node as Element);
      if (shown !== null) {
        flush();
        blocks.push(shown);
        owners?.push(node);
        continue;
      }
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push(null);
      if (owners) {
        open.push(node);
      }
    }
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}

export const joinBlocks = (blocks: string[]): string => blocks.join('\n\n');

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whitespace-separated tokens that hold a letter or a digit; in Chinese and
 * Japanese, which do not separate words, each character counts as one. The
 * text is searched for such characters once: without any, no token is.
 */
export const countWords = (text: string): number => {
  const cjkText = HAS_CJK.test(text);
  let n = 0;
  for (const tok of text.split(/\s+/)) {
    const cjk = cjkText ? (tok.match(CJK)?.length ?? 0) : 0;
    if (cjk > 0) {
      n += cjk + (LETTER_OR_DIGIT.test(tok.replace(CJK, '')) ? 1 : 0);
    } else if (LETTER_OR_DIGIT.test(tok)) {
      n++;
    }
  }
  return n;
};

/**
 * The parent elements of the text nodes under `root` that `first` matches,
 * in document order, each once: a cheap way to find the few elements whose
 * text opens with a given word, without reading every element's textContent.
 */
export function textOwners(root: Element, first: RegExp): Element[] {
  const out: Element[] = [];
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (parent && parent !== root && out.at(-1) !== parent && first.test(node.nodeValue ?? '')) {
        out.push(parent);
      }
    } else if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
    }
    if (!node || node === root) {
      break;
    }
    node = node.nextSibling;
  }
  return out;
}

/**
 * The first text node under `root` whose text `shows` accepts, in document
 * order; with `skip`, none inside an element it accepts (nor `root` itself).
 */
export function firstTextNode(root: Element, shows: (data: string) => boolean, skip?: (el: Element) => boolean): Text | null {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.nodeType === 3) {
      if (shows((n as Text).data)) {
        return n as Text;
      }
      continue;
    }
    if (skip && (n.nodeType !== 1 || skip(n as Element))) {
      continue;
    }
    pushChildren(stack, n);
  }
  return null;
}

/**
 * The outermost element from `el` up to (not including) `root` whose whole
 * text is `text`: the block a line of text stands in, e.g. the <p> around a
 * lone <strong>. Climbing stops early at an element `stop` accepts.
 */
export function lineElement(el: Element, root: Element, text: string, stop?: (el: Element) => boolean): Element {
  let line = el;
  while (!stop?.(line) && line.parentElement && line.parentElement !== root && collapseSpace(line.parentElement.textContent ?? '') === text) {
    line = line.parentElement;
  }
  return line;
}

/** Whether an upper-case tag name starts a new block of text (everything else is inline). */
export const isBlockTag = (tag: string): boolean => BLOCK_TAGS.has(tag);

/**
 * The children of `holder` in order, an inline element that holds a line break read as its own children: lines a
 * <br> apart may share one (a <font> around a byline and a date). `isBlock` tells the elements (upper-case tag names)
 * that are never read through; they are given whole.
 */
export function* inlineRun(holder: Element, isBlock: (tag: string) => boolean): Generator<ChildNode> {
  for (const node of Array.from(holder.childNodes)) {
    const tag = node.nodeType === 1 ? tagOf(node as Element) : '';
    if (tag && tag !== 'BR' && !isBlock(tag) && (node as Element).querySelector('br')) {
      yield* inlineRun(node as Element, isBlock);
    } else {
      yield node;
    }
  }
}

const HEADING_TAG = /^H[1-6]$/;
/** Whether an upper-case tag name (a TextBlock's `tag`, an element's tagName) is a heading's, <h1> to <h6>. */
export const isHeadingTag = (tag: string): boolean => HEADING_TAG.test(tag);
