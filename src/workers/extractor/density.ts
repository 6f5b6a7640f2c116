import { collapseSpace, isHeadingTag, pushChildren, tagOf } from './blocks.js';
import { isFurnitureText, isNamedAuthorBox, withoutTermClasses } from './boilerplate.js';

/**
 * The second extraction method: a paragraph classifier over the whole body,
 * in the manner of jusText (Pomikálek, 2011), without its stop-word lists so
 * that it works in any language. Used when Readability finds no story or too
 * little of one: old table layouts, <font> and <br><br> paragraphs, pages
 * whose story sits in no element Readability scores.
 *
 * 1. The body is cut into text blocks: each block element (p, td, li, div,
 *    headings...) and each run of text between <br>s is one block; for each,
 *    its text, how much of it is link text, and whether it sits in a comment
 *    / reply / testimonial section (by class or id).
 * 2. Each block is classed on its own: `bad` when mostly links (over 30 %
 *    of its text, 35 % in a paragraph or a list item) or page
 *    furniture ("Share", "© 2024 ...") or in a comment section, `good` when long and sentence-like
 *    (or a linkless full sentence of medium length),
 *    `short` when under a few words, `near` (near-good) in between.
 * 3. Context: a `near` block next to a `good` one (skipping `short` blocks,
 *    and for a short point, one that ends as a sentence ends or a list item
 *    without links, other short points: a bulleted list) becomes good; a
 *    `short` block between two good ones becomes good; a heading right
 *    before good text is kept.
 * 4. The story is the run of blocks whose good text outweighs the bad most
 *    (a maximum-sum window: good length counts for, bad length against), so
 *    a good block in the footer far from the story stays out; a list of links
 *    inside the page's <article> / <main> counts for nothing either way.
 */

export type BlockClass = 'good' | 'near' | 'short' | 'bad';

export type TextBlock = {
  text: string;
  /** Upper-case tag of the nearest block element around the text (BODY at top level). */
  tag: string;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  cls: BlockClass;
  /** Set by classification when a heading or short block is kept with the story. */
  keep: boolean;
  /** Inside a comment / reply / testimonial section (by class or id): never story text. */
  noise?: boolean;
  /** The innermost <article>, <main> or role=main element around the text, if any. */
  scope?: Element | null;
  /** Set on kept blocks: how many link blocks (a headline, a "read more") stand between it and the kept block before it. */
  linksBefore?: number;
};

/** Tags that end a block of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Tags whose content is never story text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'BUTTON', 'TEXTAREA', 'OPTION', 'HEAD', 'TITLE']);

type Marker = { end: 'block' } | { end: 'link' } | { end: 'noise' } | { end: 'scope' };

/**
 * class / id words of reader-written sections (comments, replies, reviews of
 * the business, testimonials): running text, but not the story. Whole words
 * of the dash / underscore separated name, or "commentlist" style compounds.
 */
const NOISE_NAME = /(?:^|[\s_-])(?:comments?|comment-?list|commentlist|comments?-?area|replies|reply|respond|testimonials?|disqus|discussion)(?:$|[\s_-])/i;
const NOISE_ID = /^(?:comments?|respond|disqus_thread|replies)$/i;
/** A cheap look for a class or id that may name an author box (isNamedAuthorBox decides). */
const AUTHOR = /author/i;

/** Cuts `root` into text blocks in document order (see the module comment). Iterative: any depth is safe. */
export function segmentBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  const tags: string[] = [tagOf(root)];
  let buf = '';
  let linkChars = 0;
  let inLink = 0;
  let inNoise = 0;
  const scopes: Element[] = [];
  const flush = (): void => {
    const text = collapseSpace(buf);
    if (text) {
      blocks.push({ text, tag: tags[tags.length - 1] ?? 'BODY', linkChars: Math.min(linkChars, text.length), cls: 'bad', keep: false, noise: inNoise > 0, scope: scopes[scopes.length - 1] ?? null });
    }
    buf = '';
    linkChars = 0;
  };
  const stack: Array<Node | Marker> = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const item = stack.pop() as Node | Marker;
    if ('end' in item) {
      if (item.end === 'block') {
        flush();
        tags.pop();
      } else if (item.end === 'link') {
        inLink--;
      } else if (item.end === 'noise') {
        inNoise--;
      } else {
        scopes.pop();
      }
      continue;
    }
    const node = item;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      buf += data;
      if (inLink > 0) {
        linkChars += collapseSpace(data).length;
      }
      continue;
    }
    if (node.nodeType !== 1) {
      continue;
    }
    const tag = tagOf(node as Element);
    if (SKIP.has(tag)) {
      continue;
    }
    if (tag === 'BR') {
      flush();
      continue;
    }
    // Sections are blocks: an inline element named "comment" is a code highlighter's span, or a count.
    const section = BLOCK.has(tag) && tag !== 'PRE';
    // A post's term classes ("category-discussion") name its subject, not a comment section.
    const name = section ? withoutTermClasses((node as Element).getAttribute('class') ?? '') : null;
    const id = section ? (node as Element).getAttribute('id') : null;
    if ((name && NOISE_NAME.test(name)) || (id && (NOISE_ID.test(id) || NOISE_NAME.test(id))) || (AUTHOR.test(`${name ?? ''}${id ?? ''}`) && isNamedAuthorBox(node as Element))) {
      inNoise++;
      // Pushed before the block marker: popped after it, so the block's text is flushed as noise.
      stack.push({ end: 'noise' });
    }
    if (tag === 'ARTICLE' || tag === 'MAIN' || ((tag === 'DIV' || tag === 'SECTION') && (node as Element).getAttribute('role') === 'main')) {
      flush();
      scopes.push(node as Element);
      stack.push({ end: 'scope' });
    }
    if (BLOCK.has(tag)) {
      flush();
      tags.push(tag);
      stack.push({ end: 'block' });
    } else if (tag === 'A') {
      inLink++;
      stack.push({ end: 'link' });
    }
    pushChildren(stack, node);
  }
  flush();
  return blocks;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Sentence punctuation in the scripts the pipeline meets. */
const SENTENCE = /[.!?;:,。！？；：，،؟।]/;
const SENTENCE_END = /[.!?。！？…]["”’»)]?$/;
const COPYRIGHT = /(?:^|\s)(?:©|\(c\)|copyright\b)|all rights reserved/i;

/** Text length where one CJK character weighs as a short word (about three Latin characters). */
export const weightOf = (text: string): number => text.length + 2 * (text.match(CJK)?.length ?? 0);

export const DENSITY_DEFAULTS = {
  /** At least this weight (characters) and sentence punctuation: good on its own. */
  longChars: 120,
  /** At least this weight, no link, and ending as a sentence ends: good on its own. */
  sentenceChars: 70,
  /** Under this weight: short. */
  shortChars: 40,
  /** More of the text in links than this: bad. */
  maxLinkDensity: 0.3,
  /** The same for a paragraph or a list item, where links name things inside sentences: bad above this. */
  maxProseLinkDensity: 0.35,
};

/** Step 2 of the module comment: each block on its own. */
export function classifyBlock(b: Pick<TextBlock, 'text' | 'linkChars' | 'noise'> & { tag?: string }, o = DENSITY_DEFAULTS): BlockClass {
  const weight = weightOf(b.text);
  const maxLinks = b.tag === 'P' || b.tag === 'LI' ? o.maxProseLinkDensity : o.maxLinkDensity;
  if (b.noise || b.linkChars / Math.max(1, b.text.length) > maxLinks || isFurnitureText(b.text) || (weight < 300 && COPYRIGHT.test(b.text))) {
    return 'bad';
  }
  if (weight < o.shortChars) {
    return 'short';
  }
  if ((weight >= o.longChars && SENTENCE.test(b.text)) || (weight >= o.sentenceChars && b.linkChars === 0 && SENTENCE_END.test(b.text))) {
    return 'good';
  }
  return 'near';
}

/**
 * A near-good block that ends as a sentence ends, or a list item without links: one of a list of short sentences or
 * points ("Tracks interaction history.", "Bank feeds with reconciliation tools").
 */
const isShortPoint = (b: TextBlock, c: BlockClass): boolean => c === 'near' && (SENTENCE_END.test(b.text) || (b.tag === 'LI' && b.linkChars === 0));

/**
 * The nearest class before / after index i, skipping short blocks (and, with `throughPoints`, short points, as jusText
 * looks past near-good blocks); `bad` at the edges.
 */
function neighbour(blocks: TextBlock[], i: number, step: 1 | -1, classes: BlockClass[], throughPoints = false): BlockClass {
  for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
    const c = classes[j] as BlockClass;
    if (c !== 'short' && !(throughPoints && isShortPoint(blocks[j] as TextBlock, c))) {
      return c;
    }
  }
  return 'bad';
}

/** Steps 2 and 3: classes every block, then settles near-good and short blocks by their neighbours. */
export function classifyBlocks(blocks: TextBlock[], o = DENSITY_DEFAULTS): TextBlock[] {
  const first = blocks.map((b) => classifyBlock(b, o));
  const settled = first.map((c, i) => {
    if (c === 'near') {
      // A list of short sentences or points next to the story is part of it: such a block looks past others like it.
      const through = isShortPoint(blocks[i] as TextBlock, c);
      return neighbour(blocks, i, -1, first, through) === 'good' || neighbour(blocks, i, 1, first, through) === 'good' ? 'good' : 'bad';
    }
    return c;
  });
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    b.cls = settled[i] as BlockClass;
    if (first[i] === 'short') {
      b.cls = neighbour(blocks, i, -1, settled) === 'good' && neighbour(blocks, i, 1, settled) === 'good' ? 'good' : 'short';
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    b.keep = b.cls === 'good';
    // A heading (not a link) right before good text introduces it.
    if (!b.keep && isHeadingTag(b.tag) && b.cls !== 'bad' && b.linkChars === 0) {
      const next = blocks[i + 1];
      b.keep = next !== undefined && next.cls === 'good';
    }
  }
  return blocks;
}

/** A bad block inside the page's <article> / <main>, outside a comment section. */
const isBadInScope = (b: TextBlock): boolean => b.cls === 'bad' && !b.noise && !!b.scope;

/**
 * A list item or paragraph that is mostly link text inside the page's <article> / <main> (not a comment
 * section): a list of the sources, patches or references the story gives. It does not count against the story in
 * storyWindow, so that such a list does not cut the story in two; it is not kept either.
 */
export const isLinkListInScope = (b: TextBlock): boolean => isBadInScope(b) && (b.tag === 'LI' || b.tag === 'P') && b.linkChars > 0.5 * b.text.length;

/**
 * A table cell without links inside the page's <article> / <main> that did not read as running text (a comparison
 * table's "Highly suitable due to its scalability" cells have no closing stop): a data table of the story. It does not
 * count against the story in storyWindow, so that such a table does not cut the story in two; it is not kept either.
 */
export const isTableCellInScope = (b: TextBlock): boolean => isBadInScope(b) && (b.tag === 'TD' || b.tag === 'TH') && b.linkChars === 0;

/** Bad blocks that weigh nothing in storyWindow: the story's own lists of links and data tables. */
const weighsNothing = (b: TextBlock): boolean => isLinkListInScope(b) || isTableCellInScope(b);

/** Step 4: the window of blocks where kept length minus bad length is largest (Kadane); isLinkListInScope and isTableCellInScope blocks weigh nothing. */
export function storyWindow(blocks: TextBlock[]): [number, number] {
  let best = 0;
  let bestRange: [number, number] = [0, -1];
  let sum = 0;
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    const w = weightOf(b.text);
    sum += b.keep ? w : b.cls === 'bad' && !weighsNothing(b) ? -w : 0;
    if (sum <= 0) {
      sum = 0;
      start = i + 1;
    } else if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

/** The story's blocks by text density, in document order; empty when nothing reads as running text. */
export function densityExtract(root: Element, o = DENSITY_DEFAULTS): TextBlock[] {
  const blocks = classifyBlocks(segmentBlocks(root), o);
  const [from, to] = storyWindow(blocks);
  let links = 0;
  for (let i = from; i <= to; i++) {
    const b = blocks[i] as TextBlock;
    if (b.keep) {
      b.linksBefore = links;
      links = 0;
    } else if (b.linkChars > 0.5 * b.text.length) {
      links++;
    }
  }
  return blocks.slice(from, to + 1).filter((b) => b.keep);
}
