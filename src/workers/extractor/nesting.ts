/**
 * Pages of old markup often leave their inline formatting open: a `<font>` or
 * `<b>` at the start of every paragraph, never closed. A browser's parser
 * closes them at each new paragraph (and caps the nesting of what it cannot
 * close), so the page reads as a list of paragraphs; linkedom's parser nests
 * every one inside the last, a tree as deep as the page has paragraphs, and
 * its parsing time grows with the square of that depth. The extractor refuses
 * pages nested deeper than its limit, so such a page came back empty.
 *
 * closeOpenInline rewrites only such a page (one the depth limit would
 * refuse): a new paragraph closes the inline formatting elements the last one
 * left open, as a browser's parser does, and where the nesting still reaches
 * a bound (lines apart by <br>, no paragraphs) those open at the top of it
 * are closed there. The text keeps its order and every
 * character; only where a font or bold run ends changes. Nesting of anything
 * else (a thousand `<div>`s) is left as it is, and the page is still refused.
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

/**
 * The page with the inline elements left open closed at the next paragraph
 * and where the nesting reaches `bound` (down to half of it, innermost
 * first), or the page itself when nothing had to close. Linear in the page's
 * length.
 */
export function closeOpenInline(html: string, bound: number): string {
  const stack: string[] = [];
  const out: string[] = [];
  let from = 0;
  let closed = 0;
  // Where the open paragraph began in `stack` (-1: none open): a new paragraph closes what the last one left open.
  let paragraph = -1;
  /** Closes the inline elements open at the top of the stack down to `depth`, before the tag at `at`. */
  const closeDownTo = (depth: number, at: number): void => {
    const cut: string[] = [];
    while (stack.length > depth && INLINE.test(stack[stack.length - 1] as string)) {
      cut.push(`</${stack.pop() as string}>`);
    }
    if (cut.length > 0) {
      out.push(html.slice(from, at), cut.join(''));
      from = at;
      closed += cut.length;
    }
  };
  const tags = new RegExp(TAG_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = tags.exec(html)) !== null) {
    const name = (m[2] as string).toLowerCase();
    if (stack.length > 2 * bound) {
      // Nested deep in other elements than inline ones: the page stays as it is (and is refused).
      return html;
    }
    if (name === 'p' && !m[3]) {
      if (!m[1] && paragraph >= 0) {
        closeDownTo(paragraph, m.index);
      }
      paragraph = m[1] ? -1 : stack.length;
      continue;
    }
    if (m[3] || NOT_NESTING.test(name)) {
      continue;
    }
    if (m[1]) {
      // An end tag closes the innermost open element of its name, and what is open inside it.
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        stack.length = at;
        if (paragraph > at) {
          paragraph = -1;
        }
      }
      continue;
    }
    if (stack.length >= bound) {
      closeDownTo(bound / 2, m.index);
    }
    stack.push(name);
  }
  if (closed === 0) {
    return html;
  }
  out.push(html.slice(from));
  return out.join('');
}
