/**
 * Pages of old markup often leave their inline formatting open: a `<font>` or
 * `<b>` at the start of every paragraph or table cell, never closed. A
 * browser's parser closes them at the next paragraph or cell, so the page
 * reads as a list of paragraphs; linkedom's parser (htmlparser2) closes a
 * paragraph or cell only when it is the innermost open element, so it nests
 * every one inside the last: a column after the story sits inside the story's
 * last paragraph, and a page of a thousand such paragraphs is as deep as it is
 * long (linkedom's parsing time grows with the square of the depth, and the
 * extractor refuses pages nested deeper than its limit).
 *
 * closeOpenInline closes those inline elements where a browser would. The
 * text keeps its order and every character; only where a font or bold run
 * ends changes. Nesting of anything else (a thousand `<div>`s) is left as it
 * is, and such a page is still refused.
 */

/** Start and end tags: a tag stops at the next "<" (linear on a page of tags left open, as compactRun in extract-article.ts). */
const TAG_SOURCE = /<(\/)?([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/)?>/.source;

/** Elements that never nest, or that the parser closes implicitly: not counted. */
const NOT_NESTING = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|td|tr|th|option|dt|dd)$/i;

/**
 * Shape of raw HTML, from its tags: deepest nesting (approximately: void
 * elements and implied end tags make it an upper bound) and the number of
 * start tags. Stops counting as soon as either passes its limit.
 */
export function tagShape(html: string, limits: { depth: number; elements: number }): { depth: number; elements: number } {
  const re = new RegExp(TAG_SOURCE, 'g');
  let depth = 0;
  let max = 0;
  let elements = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const name = m[2] ?? '';
    if (!m[1]) {
      elements++;
      if (elements > limits.elements) {
        break;
      }
    }
    if (m[3] || NOT_NESTING.test(name)) {
      continue;
    }
    if (m[1]) {
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limits.depth) {
          break;
        }
      }
    }
  }
  return { depth: max, elements };
}

/** Inline formatting elements a page leaves open, which closing early changes nothing of the text of. */
const INLINE = /^(?:a|abbr|b|big|cite|code|em|font|i|kbd|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var)$/i;

/** Elements with no content (linkedom's parser, htmlparser2 10, knows the same). */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose content the parser reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea']);

/** Elements a browser closes without their end tag when what holds them closes (its "implied end tags"). */
const IMPLIED_END = new Set(['p', 'li', 'dd', 'dt', 'option']);

const P = new Set(['p']);
const CELLS = new Set(['thead', 'th', 'td']);
const DEFINITIONS = new Set(['dd', 'dt']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/**
 * What a start tag closes when it stands at the top of the open elements, as
 * linkedom's parser (htmlparser2 10, `openImpliesClose`) reads a page: a new
 * paragraph closes a paragraph, a cell a cell, a row a row and its cells, an
 * item an item, a block a paragraph. The parser looks at the top only, so an
 * inline element left open above the paragraph or cell keeps it open.
 */
const CLOSES: Record<string, ReadonlySet<string>> = {
  tr: new Set(['tr', 'th', 'td']),
  th: new Set(['th']),
  td: CELLS,
  li: new Set(['li']),
  dd: DEFINITIONS,
  dt: DEFINITIONS,
  option: new Set(['option']),
  optgroup: new Set(['optgroup', 'option']),
  body: new Set(['head', 'link', 'script']),
  tbody: new Set(['thead', 'tbody']),
  tfoot: new Set(['thead', 'tbody']),
  ...Object.fromEntries(['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM])),
  ...Object.fromEntries(
    ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P]),
  ),
};

/**
 * The page with the inline elements it leaves open closed where a browser's
 * parser closes them, or the page itself when nothing had to close. The open
 * elements are followed as linkedom's parser keeps them, so every end tag
 * written closes an element open at that point:
 * - a start tag that closes a paragraph, cell, row, item or definition (CLOSES)
 *   closes first the inline elements left open above it, and the paragraphs
 *   and items left open in it (a new cell closes the last cell's paragraph),
 *   as a browser does (the parser alone would nest the new one inside them);
 *   a <table> leaves an open paragraph open, as a browser does on old pages;
 * - where the nesting still reaches `bound` (lines apart by <br>, no
 *   paragraphs), the inline elements (and paragraphs and items among them)
 *   open at the top are closed, down to half of it.
 * A page nested deeper than twice `bound` in other elements is left as it is.
 * Linear in the page's length.
 */
export function closeOpenInline(html: string, bound: number): string {
  const stack: string[] = [];
  const out: string[] = [];
  let from = 0;
  let closed = 0;
  /** Closes the inline elements (and paragraphs and items) open at the top of the stack down to `depth`, written before the tag at `at`. */
  const closeDownTo = (depth: number, at: number): void => {
    const cut: string[] = [];
    while (stack.length > depth && (INLINE.test(stack[stack.length - 1] as string) || IMPLIED_END.has(stack[stack.length - 1] as string))) {
      cut.push(`</${stack.pop() as string}>`);
    }
    if (cut.length > 0) {
      out.push(html.slice(from, at), cut.join(''));
      from = at;
      closed += cut.length;
    }
  };
  let foreign = 0;
  const tags = new RegExp(TAG_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = tags.exec(html)) !== null) {
    if (stack.length > 2 * bound) {
      // Nested deep in other elements than inline ones: the page stays as it is.
      return html;
    }
    const name = (m[2] as string).toLowerCase();
    if (m[1]) {
      if (VOID.has(name)) {
        continue;
      }
      // An end tag closes the innermost open element of its name, and what is open inside it.
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        for (let k = at; k < stack.length; k++) if (stack[k] === 'svg' || stack[k] === 'math') foreign--;
        stack.length = at;
      }
      continue;
    }
    const closes = CLOSES[name];
    if (closes) {
      // The element the new one closes, under inline elements and paragraphs or items of its own left open.
      let target = -1;
      for (let k = stack.length - 1; k >= 0; k--) {
        const open = stack[k] as string;
        if (closes.has(open)) {
          target = k;
          break;
        }
        if (!INLINE.test(open) && !IMPLIED_END.has(open)) {
          break;
        }
      }
      if (target >= 0 && target < stack.length - 1 && name !== 'table') {
        closeDownTo(target + 1, m.index);
      }
      while (stack.length > 0 && closes.has(stack[stack.length - 1] as string)) stack.pop();
    }
    if (VOID.has(name)) {
      continue;
    }
    if (stack.length >= bound) {
      closeDownTo(bound / 2, m.index);
    }
    if (m[3] && foreign > 0) {
      continue;
    }
    stack.push(name);
    if (name === 'svg' || name === 'math') {
      foreign++;
    } else if (RAW_TEXT.has(name)) {
      // Its content is text: read on from its end tag.
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = tags.lastIndex;
      const end = endTag.exec(html);
      if (!end) {
        break;
      }
      tags.lastIndex = end.index;
    }
  }
  if (closed === 0) {
    return html;
  }
  out.push(html.slice(from));
  return out.join('');
}
