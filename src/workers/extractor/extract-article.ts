import { Readability } from '@mozilla/readability';
import { PipelineError } from '../../errors.js';
import { collapseSpace, countWords, firstTextNode, inlineRun, isBlockTag, isHeadingTag, joinBlocks, lineElement, spacedText, squash, tagOf, textBlocks, textOwners } from './blocks.js';
import { breaksLine, brLines, closingBioName, copiesBlockBefore, FURNITURE_TEXT, isFurnitureText, isOtherSectionLabel, narrowToArticle, removeAuthorBio, removeAuthorBox, removeFurniture, removeInlineFurniture, removeNamedAuthorBoxes, removeButtonBoxes, removeGreetingBio, removeOtherSections, removeRepeatedSiblings, removeShownTwice, removeTeaserCards, removeMarkedTeasers, SENTENCE_LINE, trimStoryEnd, markButtonBoxes, trimButtonBoxes, SEPARATOR_IN_TEXT, trimAfterSeparator } from './boilerplate.js';
import { keepQuestionToggles, mayHoldCollapsed, revealCollapsed } from './collapsed.js';
import { classifyBlock, densityExtract, type TextBlock } from './density.js';
import { closeOpenInline, tagShape } from './nesting.js';
import { fillStreamedSlots, markStreamedSlots, noframesPage, parseDocument, type DomKind } from './dom.js';
import { cleanByline, datelineFromText, isBylineAffiliation, faqQuestions, jsonLdBlocks, normalizeDate, normalizeLang, readMetadata, stripSiteSuffix, visibleByline, withoutJobTitle, writtenByName, WRITTEN_BY_MARKUP, authorCardName, labelledName } from './metadata.js';
import { repairMojibakeRuns } from './mojibake.js';
import { unwrapProsePre } from './prose-pre.js';
import { keepNamedHeadings, tuneReadability } from './readability-fast.js';
import { absoluteUrl, sanitizeArticleHtml } from './sanitize.js';
import type { Extracted } from './types.js';

export type ExtractOptions = {
  /** DOM implementation Readability runs on. */
  dom?: DomKind;
  /** Largest page accepted, in UTF-16 code units of the decoded HTML. */
  maxChars?: number;
  /** Largest element count accepted (Readability's maxElemsToParse). */
  maxElements?: number;
  /** Deepest element nesting accepted. */
  maxDepth?: number;
  /** Fewer words than this in the body: no article. */
  minWords?: number;
  /** Hand Readability only the <article>/<main> element when it holds nearly all the paragraphs. */
  narrow?: boolean;
  /** The response's Content-Language header: the language when the page declares none. */
  contentLanguage?: string | null;
  /** The feed item's date: publishedAt when the page gives none (a warning says so). */
  fallbackPublishedAt?: string | null;
};

type Limits = Required<Omit<ExtractOptions, 'contentLanguage' | 'fallbackPublishedAt'>>;

export const EXTRACT_DEFAULTS = {
  dom: 'linkedom',
  maxChars: 5_000_000,
  maxElements: 60_000,
  maxDepth: 1_000,
  minWords: 25,
  // Measured: ~5 % less CPU, same text F1, a few bylines lost. Off by default.
  narrow: false,
} as const satisfies Limits;

/**
 * Drops control characters (NUL and friends break databases and parsers) and
 * replaces lone surrogates left by bad decoding with U+FFFD.
 */
export function cleanCharacters(html: string): string {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
  const stripped = CONTROL.test(html) ? html.replace(new RegExp(CONTROL.source, 'g'), '') : html;
  // Lone surrogates become U+FFFD (String.prototype.toWellFormed, ES2024; Node 20 has it).
  const text = stripped as string & { isWellFormed(): boolean; toWellFormed(): string };
  return text.isWellFormed() ? stripped : text.toWellFormed();
}

/** Removes every <script> (JSON-LD is read before this), <style>, stylesheet link, comment, inline SVG and template from raw HTML. */
export function stripExecutable(html: string): string {
  return html.replace(EXECUTABLE, '');
}

/**
 * One pass, leftmost match first, as a parser reads: a "<script>" inside a
 * comment goes with the comment. Comments, inline SVG icons and templates are
 * never story text and are often large. An unclosed element runs to the end.
 */
const EXECUTABLE = new RegExp(
  [
    /<script\b[\s\S]*?(?:<\/script\s*>|$)/,
    /<style\b[\s\S]*?(?:<\/style\s*>|$)/,
    /<!--[\s\S]*?(?:-->|$)/,
    /<svg\b[\s\S]*?(?:<\/svg\s*>|$)/,
    /<template\b[\s\S]*?(?:<\/template\s*>|$)/,
    /<link\b[^<>]*\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|prefetch|import)\b[^<>]*>/,
  ]
    .map((r) => r.source)
    .join('|'),
  'gi',
);

/** Elements whose data-* attributes may carry the real image (lazy loading), which Readability reads. */
const MEDIA_TAGS = new Set(['img', 'picture', 'source', 'figure', 'video', 'audio', 'iframe', 'noscript']);
// An attribute's name stops at "<": a start tag left open ends its try at the next tag, where reading "<link" as the
// name of its attribute took every "<" of a page of open tags to the end of the page.
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/g;
/** One attribute of a START_TAG match, name and optional value. */
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const DROPPED_NAME = /^(?:on[a-z]+|aria-(?!hidden$|modal$|controls$|expanded$|haspopup$)[a-z-]+|target|tabindex|draggable|spellcheck|autocomplete|jsaction|jsname|jscontroller|jsmodel|ng-[a-z-]+|v-[a-z-]+)$/i;
const DATA_NAME = /^data-/i;
/** A cheap look for any name DROPPED_NAME or DATA_NAME could match; most tags have none. */
const MAYBE_DROPPED = /\s(?:on|data-|aria-|target|tabindex|draggable|spellcheck|autocomplete|js|ng-|v-)/i;

/**
 * Removes attributes nothing downstream reads, before parsing: event
 * handlers (executable), data-* (except on media, where lazy-loading scripts
 * keep the real image URL), aria-* (except aria-hidden and aria-modal, which
 * Readability uses, and aria-controls, aria-expanded and aria-haspopup, which
 * tie a collapsed panel to its toggle: collapsed.ts), framework bindings
 * (Alpine.js's x-cloak and x-show stay: boilerplate.ts, hiddenUntilScript),
 * target, tabindex. linkedom keeps
 * every attribute as a node that each tree walk passes over.
 */
export function slimAttributes(html: string): string {
  return html.replace(START_TAG, (whole, name: string, attrs: string, close: string) => {
    if (!attrs || !MAYBE_DROPPED.test(attrs)) {
      return whole;
    }
    const media = MEDIA_TAGS.has(name.toLowerCase());
    let dropped = false;
    const slim = attrs.replace(ATTRIBUTE, (attr, attrName: string) => {
      if (DROPPED_NAME.test(attrName) || (!media && DATA_NAME.test(attrName))) {
        dropped = true;
        return '';
      }
      return attr;
    });
    return dropped ? `<${name}${slim}${close}>` : whole;
  });
}

/** Elements whose start and end tags are line breaks: whitespace right inside them never renders. */
const BLOCK_TAGS = new Set(
  ('address article aside blockquote body caption colgroup dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hgroup html legend li main menu nav noscript ol optgroup ' +
    'p section select summary table tbody td tfoot th thead tr ul').split(' '),
);
/** Head elements: nothing between them is text. */
const HEAD_TAGS = new Set(['meta', 'link', 'title', 'base']);

/**
 * Drops whitespace-only text that never renders and never separates words:
 * right after a block's start tag when another start tag follows
 * ("<div>\n  <p>"), right before a block's end tag after another end tag
 * ("</p>\n</div>"), and between head elements. Three text nodes in four of a
 * typical page are such runs, and each costs a DOM node. Whitespace between
 * siblings ("</div> <div>") stays, or text read with textContent would glue
 * words together; so do <pre> and <textarea>, and non-ASCII spaces.
 */
export function compactMarkup(html: string): string {
  const out: string[] = [];
  const keep = /<(pre|textarea|plaintext|xmp)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
  let last = 0;
  for (let m = keep.exec(html); m !== null; m = keep.exec(html)) {
    out.push(compactRun(html.slice(last, m.index)), m[0]);
    last = m.index + m[0].length;
  }
  out.push(compactRun(html.slice(last)));
  return out.join('');
}

function compactRun(html: string): string {
  return html.replace(
    // [^<>]: a tag left open ends its try at the next "<" (with [^>] every "<" of a page without ">" scanned to its end).
    /(<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>)[ \t\n\r\f]+(?=<(\/?)([a-zA-Z][a-zA-Z0-9-]*))/g,
    (whole, tag: string, endBefore: string, before: string, endAfter: string, after: string) => {
      const b = before.toLowerCase();
      const a = after.toLowerCase();
      const inside = !endBefore && !endAfter && BLOCK_TAGS.has(b);
      const closing = endBefore && endAfter && BLOCK_TAGS.has(a);
      return inside || closing || (HEAD_TAGS.has(b) && HEAD_TAGS.has(a)) ? tag : whole;
    },
  );
}

/**
 * Where closeOpenInline closes the inline elements a page leaves open outside
 * paragraphs (lines apart by <br>): deep enough for any nesting a page means,
 * shallow enough that linkedom's parser and the extractor's walks up the tree
 * stay quick (at 500, a page of 3,000 such paragraphs took 8 s).
 */
const INLINE_NESTING_BOUND = 64;

/**
 * Pages whose tags count deeper than this (tagShape, an upper bound), and
 * pages with a <font>, have the inline elements they leave open closed
 * (closeOpenInline). Modern pages count 17 deep at the median and 55 at most
 * (839 WCXB and readability pages; 18 over 32, none of whose text changes); a
 * page of old markup that leaves a <font> open in each of thirty paragraphs
 * counts over 30.
 */
const INLINE_REWRITE_DEPTH = 32;

/** Markup of the pages that leave formatting open (5 of the 709 WCXB pages of 2025 have a <font>): closeOpenInline reads them all. */
const OLD_FORMATTING = /<font\b/i;

/**
 * "By Jane Doe", "By JANE DOE and Omar Haddad, Reuters": a name line, not a
 * sentence that happens to start with "By" ("By the end of the year, ...").
 */
export function looksLikeByline(text: string): boolean {
  const m = /^(?:by|written by|von|par|por)\s+(.+)$/i.exec(text);
  if (!m || !m[1] || /[.!?]["”’]?$/.test(m[1].replace(/\b[A-Z]\.$/, ''))) {
    return false;
  }
  const words = m[1].split(/[\s,&|·•—–-]+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) {
    return false;
  }
  return words.every((w) => /^(?:and|und|et|y|e|de|van|von|der|da|di|le|la)$/i.test(w) || /^[\p{Lu}\d@]/u.test(w));
}

const BLOCKISH = 'h1, h2, h3, h4, h5, h6, p, div, address, time, section, header, ul, ol, li, figure, table, blockquote';

/**
 * Removes "Written by Jane Doe" lines wherever they stand in the body: an
 * author credit (the byline is metadata), not story text.
 */
export function removeWrittenBy(root: Element): number {
  let removed = 0;
  for (const owner of textOwners(root, /^\s*written by\s/i)) {
    if (!root.contains(owner) || owner.querySelector('p, div, li')) {
      continue;
    }
    // Set as lines by <br>s, the credit line goes with the affiliation under it, and the other lines stay ("Written
    // by Ann Lee<br>Who Pays For The Roads").
    const lines = brLines(owner);
    const at = lines ? lines.findIndex((l) => /^written by\s/i.test(l.text)) : -1;
    if (lines && lines.length >= 2 && at >= 0) {
      const credit = lines[at]?.text ?? '';
      if (credit.length >= 80 || !looksLikeByline(credit)) {
        continue;
      }
      let end = at + 1;
      while (end < lines.length && isBylineAffiliation(lines[end]?.text ?? '')) end++;
      for (const line of lines.slice(at, end)) {
        for (const n of line.nodes) n.remove();
      }
      if (at === 0 && end === lines.length) {
        owner.remove();
      }
      removed++;
      continue;
    }
    const text = collapseSpace(owner.textContent ?? '');
    if (text.length >= 80 || !looksLikeByline(text)) {
      continue;
    }
    // The line's own block: the owner (a <strong>, a <span>) or the block around it that holds nothing else.
    lineElement(owner, root, text).remove();
    removed++;
  }
  return removed;
}

/**
 * A credit label or prompt alone on its line, with nothing of its own to say:
 * "By" and "Edited by" whose names stand on other lines (or nowhere, the
 * page filling them in by script), an author-box tab "Author", a "Rate this
 * article" or "Was this helpful?" prompt. A label written with a colon ("By:")
 * heads a list of names and stays.
 */
const BARE_LABEL = /^(?:by|(?:written|edited|reviewed|fact[- ]checked|medically reviewed|posted) by|author|rate this (?:article|post|page)|was this (?:article |post |page )?helpful\??)$/i;

/**
 * Removes the lines that are a BARE_LABEL and nothing else, wherever they
 * stand in the body; returns how many went.
 */
export function removeBareLabels(root: Element): number {
  let removed = 0;
  for (const owner of textOwners(root, /^\s*(?:by|written|edited|reviewed|fact|medically|posted|author|rate|was)\b/i)) {
    const text = collapseSpace(owner.textContent ?? '');
    if (!root.contains(owner) || !BARE_LABEL.test(text)) {
      continue;
    }
    const line = lineElement(owner, root, text);
    if (!standsAlone(line)) {
      continue;
    }
    line.remove();
    removed++;
  }
  return removed;
}

/**
 * Whether `el` is a line of its own, not a word of one ("By" before a linked
 * name): a block, or inline with blocks, line breaks or textless elements (an
 * avatar) on each side.
 */
function standsAlone(el: Element): boolean {
  if (isBlockTag(tagOf(el))) {
    return true;
  }
  const blank = (n: ChildNode): boolean => !/\S/.test(n.textContent ?? '');
  const apart = (n: ChildNode | null): boolean => !n || breaksLine(n);
  let before = el.previousSibling;
  while (before && blank(before) && !apart(before)) before = before.previousSibling;
  let after = el.nextSibling;
  while (after && blank(after) && !apart(after)) after = after.nextSibling;
  return apart(before) && apart(after);
}

/**
 * Whether a line at the top of the body repeats the headline (`t`, normalised), the byline (`b`), or is a bare date or
 * furniture; the byline may be followed by the date ("Ann Lee, March 3, 2008") or by the writer's job title ("Ann
 * Lee, Staff Writer").
 */
function isLeadingRepeat(text: string, t: string, b: string): boolean {
  const n = squash(text);
  const isTitle = t.length > 0 && n === t;
  const isByline = isBylineText(text, b);
  const isDate = text.length < 80 && (/^(?:published|updated|posted|last updated)\b/i.test(text) || normalizeDate(text) !== null);
  return isTitle || isByline || isDate || FURNITURE_TEXT.test(text);
}

/** Whether a line repeats the byline (`b`, normalised), alone, after "By", with a date or a job title, or reads as one ("By Ann Lee"). */
function isBylineText(text: string, b: string): boolean {
  const n = squash(text);
  return text.length < 120 && ((b.length > 0 && (n === b || n === `by${b}` || bylineThenDate(text, b) || squash(withoutJobTitle(text) ?? '') === b)) || looksLikeByline(text));
}

/**
 * The byline (`b`, normalised) at the start of `text` and a date after it, apart by a comma, a bar or a dash: "Ann
 * Lee, March 3, 2008", "ANN LEE | 3/3/2008".
 */
function bylineThenDate(text: string, b: string): boolean {
  const m = /^(.{2,60}?)\s*[,|·•—–-]\s*(.{6,40})$/.exec(text);
  return !!m && squash(m[1] ?? '') === b && normalizeDate(m[2] ?? '') !== null;
}

/** Leaf blocks removeLeadingRepeats reads: BLOCKISH, and table cells (old layouts set each line in a row of its own). */
const LEAF_BLOCKS = `${BLOCKISH}, td, th`;

/** Whether no other cell of a cell's row holds text (a photo beside it may): a row of the layout, not of a data table. */
const aloneInRow = (cell: Element): boolean =>
  Array.from(cell.parentElement?.children ?? []).every((c) => c === cell || !/\S/.test(c.textContent ?? ''));

/**
 * Removes the top-of-body repeats of what the metadata already says: the
 * headline, the byline, a bare date line. Stops at the first real paragraph.
 * A table cell is such a line only when no other cell of its row holds text
 * (a layout row); a data table's cells are read, never removed.
 */
function removeLeadingRepeats(root: Element, title: string, byline: string | null): void {
  const t = squash(title);
  const b = byline ? squash(byline) : '';
  removeLeadingLines(root, t, b);
  let seen = 0;
  for (const el of Array.from(root.querySelectorAll(LEAF_BLOCKS))) {
    if (!root.contains(el) || el.querySelector(LEAF_BLOCKS)) {
      continue;
    }
    const text = spacedText(el);
    if (!text) {
      continue;
    }
    const tag = tagOf(el);
    if (((tag !== 'TD' && tag !== 'TH') || aloneInRow(el)) && isLeadingRepeat(text, t, b)) {
      const lines = brLines(el);
      // Lines a <br> apart read run together as a repeat: the block goes whole when its other lines are no sentences
      // ("Council votes on roads<br>March 3, 2008"), else only its leading repeat lines ("Published: March 3, 2008<br>
      // The council met on Monday." keeps its story line). Beside a byline, a line that is not the writer's
      // affiliation ("By ANN LEE<br>Associated Press Writer") is story whether or not it ends as a sentence ("By Ann
      // Lee<br>Who Pays For The Roads": a title-case line reads like a name's).
      // So is a line the page marks as part of the byline ("<span class=\"article__byline\">South Carolina Garden-based
      // Learning Network on Facebook</span>" under the name).
      const byline = !!lines && lines.some((l) => isBylineText(l.text, b));
      const goes = (line: { text: string; nodes: ChildNode[] }): boolean =>
        isLeadingLine(line.text, t, b) || (byline && (isBylineAffiliation(line.text) || markedAsByline(line.nodes, el)));
      const story = lines && lines.length >= 2 ? lines.filter((l) => !goes(l) && (byline || SENTENCE_LINE.test(l.text))) : [];
      if (story.length === 0) {
        el.remove();
        continue;
      }
      for (const line of lines ?? []) {
        if (!goes(line)) {
          break;
        }
        for (const n of line.nodes) n.remove();
      }
    }
    seen++;
    if (seen >= 1 && text.length > 60) {
      return;
    }
    if (seen >= 4) {
      return;
    }
  }
}

/**
 * The same repeats written as lines of inline text, one `<br>` apart, before
 * the first paragraph of the block that holds them (old layouts: headline,
 * byline and date in <b>/<font> runs at the top of a table cell). Reads the
 * block of the body's first text, or the one inline element inside it that
 * wraps all of it (a <font> around the whole story), and inside it the inline
 * elements that hold a <br> (inlineRun); removes its leading lines while they
 * are repeats; stops at the first other line or at a block.
 */
function removeLeadingLines(root: Element, t: string, b: string): void {
  const first = firstText(root);
  let holder: Element | null = first?.parentElement ?? null;
  while (holder && holder !== root && !LINE_HOLDER_TAGS.has(tagOf(holder))) {
    holder = holder.parentElement;
  }
  // A block that is a repeat as a whole ("By ANN LEE<br>Associated Press Writer") goes whole, below.
  if (!holder || (!holder.querySelector(BLOCKISH) && isLeadingRepeat(spacedText(holder), t, b))) {
    return;
  }
  // The lines may sit in one inline element that wraps the whole block (a <font> around the story, as a <span>).
  for (let only = soleElement(holder); only && !BLOCKISH_TAGS.has(tagOf(only)) && only.contains(first); only = soleElement(only)) {
    holder = only;
  }
  let line: ChildNode[] = [];
  // A line under the byline that names the writer's employer goes with it ("By Ann Lee<br>Special to The Times").
  let byline = false;
  const goes = (text: string): boolean => {
    const repeat = isLeadingLine(text, t, b) || (byline && isBylineAffiliation(text));
    byline ||= repeat && isBylineText(text, b);
    return repeat;
  };
  for (const node of inlineRun(holder, isBlockish)) {
    if (node.nodeType === 1 && BLOCKISH_TAGS.has(tagOf(node as Element))) {
      break;
    }
    line.push(node);
    if (node.nodeType !== 1 || tagOf(node as Element) !== 'BR') {
      continue;
    }
    const text = collapseSpace(line.map((n) => n.textContent ?? '').join(''));
    if (text && !goes(text)) {
      return;
    }
    for (const n of line) n.remove();
    line = [];
  }
  // The last line before the first block, ended by the block rather than a <br>.
  const text = collapseSpace(line.map((n) => n.textContent ?? '').join(''));
  if (text && goes(text)) {
    for (const n of line) n.remove();
  }
}

/**
 * A line of removeLeadingLines that goes: a repeat, or a furniture line ("Tags: news, council", "Posted by Ann Lee at
 * 10:15 AM"), which a <br> sets apart from the story line under it; a block's whole text, read with its lines run
 * together, is not tested this way (a tail would run into the story).
 */
const isLeadingLine = (text: string, t: string, b: string): boolean => isLeadingRepeat(text, t, b) || isFurnitureText(text);

/** A class or id that names a byline or its author. */
const BYLINE_NAMED = /byline|author/i;

/**
 * Whether the text of a line (its nodes, inside `holder`) stands in an element whose class or id names the byline or
 * the author: the line itself, an element inside it, or an inline element between it and `holder`.
 */
function markedAsByline(nodes: ChildNode[], holder: Element): boolean {
  const named = (el: Element): boolean => BYLINE_NAMED.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
  const text = nodes.filter((n) => /\S/.test(n.textContent ?? ''));
  if (text.length === 0) {
    return false;
  }
  return text.every((n) => {
    for (let p = n.nodeType === 1 ? (n as Element) : n.parentElement; p && p !== holder; p = p.parentElement) {
      if (named(p)) return true;
    }
    return n.nodeType === 1 && Array.from((n as Element).querySelectorAll('[class], [id]')).some(named);
  });
}

/** BLOCKISH as tag names, for tests on one element. */
const BLOCKISH_TAGS = new Set(BLOCKISH.toUpperCase().split(/,\s*/));
const isBlockish = (tag: string): boolean => BLOCKISH_TAGS.has(tag);
/** Blocks whose lines removeLeadingLines reads. */
const LINE_HOLDER_TAGS = new Set([...BLOCKISH_TAGS, 'TD', 'TH']);

/** The one child of `el` when it is an element and every other child is blank text; else null. */
function soleElement(el: Element): Element | null {
  let only: Element | null = null;
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 1) {
      if (only) {
        return null;
      }
      only = n as Element;
    } else if (/\S/.test(n.textContent ?? '')) {
      return null;
    }
  }
  return only;
}

/** The first text node under `root` with more than whitespace. */
const firstText = (root: Element): Text | null => firstTextNode(root, (data) => /\S/.test(data));

/**
 * The story by text density (density.ts), as a <div> of the document holding
 * one <p> (or <h2> for a heading) per kept block. A block of REPEAT_MIN_CHARS
 * or more that repeats the one before it from another scope (outside the
 * <article> and then inside it: a summary in the page's header given again as
 * the story's first paragraph) is given once; a repeat within one scope is
 * the page's own and stays.
 */
export function densityArticle(doc: Document, kept: TextBlock[]): Element {
  const div = doc.createElement('div');
  let before: TextBlock | null = null;
  for (const b of kept) {
    const shownTwice = before !== null && copiesBlockBefore(b.text, before.text) && (b.scope ?? null) !== (before.scope ?? null);
    before = b;
    if (shownTwice) {
      continue;
    }
    const el = doc.createElement(isHeadingTag(b.tag) ? 'h2' : 'p');
    el.textContent = b.text;
    div.appendChild(el);
  }
  return div;
}

/**
 * Whether the text-density result should replace Readability's, and why:
 * Readability found fewer than `minWords` words, it took another part of the
 * page (isOtherPart, given its blocks), or it kept only a part of
 * the story (under half of what the classifier reads as running text, and
 * nearly all of its words are among the classifier's). Null: keep Readability's.
 */
/** Readability results of this many words or more are never replaced by the classifier's (unless under minWords or another part). */
export const PART_MAX_WORDS = 250;

export function preferDensity(
  readabilityText: string,
  dense: TextBlock[],
  minWords: number,
  readabilityBlocks: readonly string[] = [],
  readabilityWords = countWords(readabilityText),
): string | null {
  if (dense.length === 0) {
    return null;
  }
  if (readabilityWords < minWords) {
    return 'too few';
  }
  if (readabilityBlocks.length > 0 && isOtherPart(readabilityBlocks, dense)) {
    return 'that are not the story (no running text, none of it the classifier\'s)';
  }
  // A story Readability found at length is kept: the classifier's surplus there is mostly comments and teasers.
  if (readabilityWords >= PART_MAX_WORDS) {
    return null;
  }
  // A teaser stream (a link, the headline, before a third of the blocks or more) is no longer story.
  if (isTeaserStream(dense)) {
    return null;
  }
  // Characters first: on most pages the classifier reads no more than Readability kept, and the word work is skipped.
  let denseChars = 0;
  for (const b of dense) {
    denseChars += b.text.length + 1;
  }
  if (denseChars < 2 * readabilityText.length * 0.9) {
    return null;
  }
  const denseText = dense.map((b) => b.text).join(' ');
  const denseWords = countWords(denseText);
  if (denseWords < 2 * readabilityWords) {
    return null;
  }
  const vocabulary = new Set(wordsOf(denseText));
  const own = wordsOf(readabilityText);
  const shared = own.filter((w) => vocabulary.has(w)).length;
  return shared >= 0.8 * own.length ? `of about ${denseWords} on the page` : null;
}

/** Share of Readability's characters, at most, in blocks that read as running text or that the classifier kept, for isOtherPart. */
export const OTHER_PART_MAX_SHARE = 0.2;

/**
 * Whether Readability took another part of the page than the story (a grid of labels, votes and comment counts):
 * under OTHER_PART_MAX_SHARE of its text reads as running text on its own, as little of it is among the classifier's
 * blocks, and the classifier's story outside it is longer than all of it.
 */
export function isOtherPart(readabilityBlocks: readonly string[], dense: readonly TextBlock[]): boolean {
  const own = new Set(readabilityBlocks);
  const total = readabilityBlocks.reduce((n, t) => n + t.length, 0);
  if (charsOf(dense.filter((b) => !own.has(b.text))) <= total) {
    return false;
  }
  const kept = new Set(dense.map((b) => b.text));
  const shared = readabilityBlocks.reduce((n, t) => n + (kept.has(t) ? t.length : 0), 0);
  const running = readabilityBlocks.reduce((n, t) => n + (classifyBlock({ text: t, linkChars: 0 }) === 'good' ? t.length : 0), 0);
  return shared < OTHER_PART_MAX_SHARE * total && running < OTHER_PART_MAX_SHARE * total;
}

/** A tail after Readability's text shorter than this share of it is a closing box (a bio, a note, links), not the rest of the story. */
export const TAIL_MIN_SHARE = 0.5;

/** Blocks of which a third or more have a link block (a headline) right before them: teasers of other stories. */
export const isTeaserStream = (blocks: TextBlock[]): boolean => blocks.filter((b) => (b.linksBefore ?? 0) > 0).length * 3 >= Math.max(1, blocks.length);

/** The first word of a heading over other content than the story. */
const OTHER_CONTENT_HEAD = /^(?:related|more|other|similar|recommended|popular|latest|trending|featured)\b/i;

/** Mean characters of a tail's paragraphs, at least, for continuesSections: running text, not a list of cards. */
export const SECTION_MIN_MEAN_CHARS = 100;

/**
 * Whether a tail shorter than TAIL_MIN_SHARE still reads as more sections of
 * the same story: it opens with a heading of a level Readability kept in its
 * own text at least twice, Readability's last block the classifier has is
 * no heading, no link block stands before any of the tail's blocks, and its
 * paragraphs (list items aside) are running text (SECTION_MIN_MEAN_CHARS on average).
 */
export function continuesSections(tail: TextBlock[], readabilityBlocks: string[], dense: TextBlock[]): boolean {
  const first = tail[0];
  if (!first || !/^H[2-6]$/.test(first.tag) || tail.some((b) => (b.linksBefore ?? 0) > 0)) {
    return false;
  }
  // "Related products", "More from us", "Latest posts": other content under a heading of its own.
  if (isOtherSectionLabel(first.text) || OTHER_CONTENT_HEAD.test(first.text)) {
    return false;
  }
  // List items are left out of the mean: a section's bulleted points are short by nature.
  const paragraphs = tail.filter((b) => !isHeadingTag(b.tag) && b.tag !== 'LI');
  if (paragraphs.length === 0 || charsOf(paragraphs) < SECTION_MIN_MEAN_CHARS * paragraphs.length) {
    return false;
  }
  // The story's own sections: two headings of that level or more in Readability's text, and its last block before the
  // tail (not a later repeat of one of its texts) no heading (a "related post" headline closing Readability's text is no section).
  const own = new Set(readabilityBlocks);
  const lastOwn = dense.slice(0, Math.max(0, dense.indexOf(first))).findLast((b) => own.has(b.text));
  if (!lastOwn || isHeadingTag(lastOwn.tag)) {
    return false;
  }
  return dense.filter((b) => b.tag === first.tag && own.has(b.text)).length >= 2;
}

/**
 * The part of a tail before its first link block (a newsletter box, a list of teasers), when it alone reads as more
 * sections of the story (continuesSections) and holds LEAD_MIN_CHARS or more: an FAQ or a closing section the page
 * follows with other content in the same <article>. Empty otherwise, and when the whole tail has no link block.
 */
export function sectionsBeforeLinks(tail: TextBlock[], readabilityBlocks: string[], dense: TextBlock[]): TextBlock[] {
  const cut = tail.findIndex((b) => (b.linksBefore ?? 0) > 0);
  if (cut <= 0) {
    return [];
  }
  const sections = tail.slice(0, cut);
  return charsOf(sections) >= LEAD_MIN_CHARS && continuesSections(sections, readabilityBlocks, dense) ? sections : [];
}

/**
 * The section under the heading that closes Readability's text, when
 * Readability kept the heading and dropped what it heads (an FAQ's answers,
 * a last section of short paragraphs) and the classifier kept it: its blocks
 * right after the heading, up to the next heading or one of Readability's.
 * Empty when Readability's last block is no heading the classifier has, the
 * heading names other content ("Related posts"), a link block stands before
 * any of them, or its paragraphs are no running text (SECTION_MIN_MEAN_CHARS
 * on average).
 */
export function sectionAfterHeading(readabilityBlocks: string[], dense: TextBlock[]): TextBlock[] {
  const last = readabilityBlocks.at(-1) ?? '';
  const k = dense.findLastIndex((b) => b.text === last);
  const heading = dense[k];
  if (!heading || !/^H[2-6]$/.test(heading.tag) || isOtherSectionLabel(heading.text) || OTHER_CONTENT_HEAD.test(heading.text)) {
    return [];
  }
  const own = new Set(readabilityBlocks);
  const section: TextBlock[] = [];
  for (let j = k + 1; j < dense.length; j++) {
    const b = dense[j] as TextBlock;
    if (isHeadingTag(b.tag) || own.has(b.text)) {
      break;
    }
    section.push(b);
  }
  const paragraphs = section.filter((b) => b.tag !== 'LI' && !CAPTION_TAGS.has(b.tag));
  if (section.length === 0 || section.some((b) => (b.linksBefore ?? 0) > 0 || CAPTION_TAGS.has(b.tag)) || paragraphs.length === 0) {
    return [];
  }
  return charsOf(paragraphs) >= SECTION_MIN_MEAN_CHARS * paragraphs.length ? section : [];
}

/**
 * A block or span holding one capital letter, then tags only up to a lower-case letter: a drop cap set apart, perhaps
 * (joinDropCaps reads the page's tree only when its markup holds one).
 */
const DROP_CAP_MARKUP = />\s*\p{Lu}<\/(?:div|span|p)>(?:\s*<[^>]+>)*\p{Ll}/u;

/**
 * Puts a drop cap set in an element of its own back at the start of its
 * word: `<div class="first-letter">D</div><div><p>uring the pandemic…</p></div>`
 * reads "During the pandemic…", not a block "D" and a paragraph "uring…". An
 * element of one capital letter, no space after it and no other content,
 * whose next sibling, an element, opens with a lower-case letter (no space
 * before it). Returns how many it joined.
 */
export function joinDropCaps(root: Element): number {
  let joined = 0;
  for (const el of Array.from(root.querySelectorAll('div, span, p'))) {
    // Its letter as its only content (no element inside), and no space after it: "<span>A </span><span>mobile app…</span>"
    // is the word "A".
    if (el.firstElementChild) {
      continue;
    }
    const letter = (el.textContent ?? '').trimStart();
    if (!/^\p{Lu}$/u.test(letter)) {
      continue;
    }
    // The element right after it, with nothing but white space between: an inline drop cap followed by its word's
    // text ("<span>D</span>uring") already reads as one word.
    let next = el.nextSibling;
    while (next && next.nodeType === 3 && !/\S/.test((next as Text).data)) {
      next = next.nextSibling;
    }
    const text = next && next.nodeType === 1 ? firstText(next as Element) : null;
    // Nor a space before its word's text: "<span>A</span><a> project manager</a>" is the word "A" too.
    if (!text || !/^\p{Ll}/u.test(text.data)) {
      continue;
    }
    text.data = letter + text.data;
    el.remove();
    joined++;
  }
  return joined;
}

/** Fewer characters than this before Readability's text is not a lead worth adding (a kicker, a standfirst). */
export const LEAD_MIN_CHARS = 500;

/** Characters of a short intro (isShortIntro) at least: two sentences, not a kicker and a label. */
export const SHORT_LEAD_MIN_CHARS = 150;

/** Characters of a block isShortIntro counts, at least: a sentence, not a dateline, a place or a label. */
const INTRO_BLOCK_MIN_CHARS = 40;

/**
 * Whether a lead shorter than LEAD_MIN_CHARS is still the story's intro:
 * two blocks or more of a sentence each besides headings and captions (an
 * opening paragraph and the next one, or a paragraph and its list), and none of them repeats the page's
 * description. A single paragraph under the headline, or one that gives
 * the description again, is a standfirst: it stays out, as before.
 */
export function isShortIntro(lead: readonly TextBlock[], description: string | null | undefined): boolean {
  const running = lead.filter((b) => !isHeadingTag(b.tag) && !CAPTION_TAGS.has(b.tag) && b.text.length >= INTRO_BLOCK_MIN_CHARS);
  if (running.length < 2 || charsOf(running) < SHORT_LEAD_MIN_CHARS) {
    return false;
  }
  const desc = squash(description ?? '').slice(0, 60);
  return desc.length < 30 || !lead.some((b) => squash(b.text).startsWith(desc));
}

/**
 * Whether Readability's text opens with a section's heading: an <h2>–<h6> as the classifier read it, of a heading's
 * length (LEAD_ANCHOR_SKIP_CHARS at most; a standfirst set in an <h2> is running text).
 */
export const opensWithSection = (readabilityBlocks: readonly string[], dense: readonly TextBlock[]): boolean => {
  const first = readabilityBlocks[0] ?? '';
  return first.length <= LEAD_ANCHOR_SKIP_CHARS && /^H[2-6]$/.test(dense.find((b) => b.text === first)?.tag ?? '');
};

/** Whether `lead` holds a block of running text: a sentence (INTRO_BLOCK_MIN_CHARS), no heading or caption. */
const hasRunningBlock = (lead: readonly TextBlock[]): boolean =>
  lead.some((b) => !isHeadingTag(b.tag) && !CAPTION_TAGS.has(b.tag) && b.text.length >= INTRO_BLOCK_MIN_CHARS);

/**
 * Readability's opening blocks the classifier may lack (link-card headings, labels, a table of contents, a product
 * card's name, scores and pros and cons) before the first one it has, at most.
 */
export const LEAD_ANCHOR_SKIP = 40;
/** Characters of each such opening block, at most: a heading or a label, not running text. */
const LEAD_ANCHOR_SKIP_CHARS = 120;

/**
 * Whether a lead in no <article> / <main> (the page's body its only scope) is
 * the story's opening: LEAD_MIN_CHARS or more of running text, each block a
 * sentence (INTRO_BLOCK_MIN_CHARS), no heading among them. A page's promotion
 * boxes, a text-size control or a methodology section under its headings stay out.
 */
const isBareLead = (lead: readonly TextBlock[]): boolean =>
  charsOf(lead) >= LEAD_MIN_CHARS && lead.every((b) => !isHeadingTag(b.tag) && b.text.length >= INTRO_BLOCK_MIN_CHARS);

/**
 * The classifier's kept blocks right before Readability's first block, as
 * long as they sit in the same <article> / <main> element as it, or, on a
 * page without one there, read as an opening of running text (isBareLead): the
 * story's opening that Readability did not take. Readability's text may open
 * with up to LEAD_ANCHOR_SKIP short blocks the classifier left out (the
 * headings of a list of link cards, a table of contents, the labels of a
 * product card): the first of its blocks the classifier
 * has, in page order with the rest (inPageOrder), then stands for its start. Empty when no such
 * block is found, or the page gives it no <article> / <main> and it is no bare lead.
 */
export function leadBefore(readabilityBlocks: string[], dense: TextBlock[]): TextBlock[] {
  const pos = firstPositions(dense);
  const positions = readabilityBlocks.map((t) => pos.get(t));
  const anchors = inPageOrder(positions);
  for (let f = 0; f <= LEAD_ANCHOR_SKIP && f < readabilityBlocks.length; f++) {
    const k = positions[f];
    if (k !== undefined && anchors.has(f)) {
      const lead = runInScope(readabilityBlocks, dense, k, -1, true);
      return dense[k]?.scope || isBareLead(lead) ? lead : [];
    }
    if ((readabilityBlocks[f] ?? '').length > LEAD_ANCHOR_SKIP_CHARS) {
      break;
    }
  }
  return [];
}

/**
 * The classifier's kept blocks right after Readability's last block, as long
 * as they sit in the same <article> / <main> element as it: the story's
 * closing part that Readability did not take. Empty when Readability's last
 * block is not among the classifier's or sits in no such element.
 */
export function tailAfter(readabilityBlocks: string[], dense: TextBlock[]): TextBlock[] {
  const last = readabilityBlocks.at(-1);
  return runInScope(readabilityBlocks, dense, dense.findLastIndex((b) => b.text === last), 1);
}

/**
 * The kept blocks next to dense[k] in direction `step`, in page order, up to
 * the first one in another scope or among Readability's; none when dense[k]
 * is missing (k < 0) or in no <article> / <main>, unless `bare`: then the
 * blocks in none make one scope.
 */
function runInScope(readabilityBlocks: string[], dense: TextBlock[], k: number, step: 1 | -1, bare = false): TextBlock[] {
  const block = k >= 0 ? dense[k] : undefined;
  const scope = block?.scope ?? null;
  if (!block || (!scope && !bare)) {
    return [];
  }
  const own = new Set(readabilityBlocks);
  // After Readability's last block, a block whose text the page already gave at or before it (a table's row label
  // repeated as a section heading) is a repeat, not Readability's copy: it does not end the tail.
  const before = step > 0 ? new Set(dense.slice(0, k + 1).map((b) => b.text)) : new Set<string>();
  const isOwn = (text: string): boolean => own.has(text) && !before.has(text);
  let j = k + step;
  while (j >= 0 && j < dense.length && (dense[j]?.scope ?? null) === scope && !isOwn(dense[j]?.text ?? '')) {
    j += step;
  }
  return step < 0 ? dense.slice(j + 1, k) : dense.slice(k + 1, j);
}

/** Characters of text in `blocks`. */
const charsOf = (blocks: readonly TextBlock[]): number => blocks.reduce((n, b) => n + b.text.length, 0);

/** Letters and digits compared at each of three places of a block to find it in Readability's text. */
const PROBE_CHARS = 40;

/**
 * Whether a gap's blocks are worth putting back: enough running text (not a
 * stray heading, not a chart's labels), no longer than GAP_MAX_SHARE times
 * Readability's text, and no teaser among them (a byline, an excerpt cut
 * short with an ellipsis).
 */
function keepable(gap: TextBlock[], ownChars: number): boolean {
  if (gap.length === 0) {
    return false;
  }
  const chars = charsOf(gap);
  if (chars < GAP_MIN_CHARS || chars < GAP_MIN_MEAN_CHARS * gap.length || chars > GAP_MAX_SHARE * ownChars) {
    return false;
  }
  return !gap.some((b) => TRUNCATED.test(b.text) || (b.text.length < 120 && looksLikeByline(b.text)));
}

/** A text cut short with an ellipsis: a teaser's excerpt. */
const TRUNCATED = /(?:…|\.\.\.)\s*$/;

/** A gap of fewer characters is a stray heading or label, not a section (Readability drops those on purpose). */
export const GAP_MIN_CHARS = 150;
/** Blocks of a gap this long on average or more: running text, not a chart's labels or a table of figures. */
export const GAP_MIN_MEAN_CHARS = 40;
/** A gap more than this many times Readability's text is another stream (a slideshow, a feed), not a part of the story. */
export const GAP_MAX_SHARE = 3;

/** Where each text first stands among the classifier's blocks. */
function firstPositions(dense: readonly TextBlock[]): Map<string, number> {
  const pos = new Map<string, number>();
  dense.forEach((b, i) => {
    if (!pos.has(b.text)) {
      pos.set(b.text, i);
    }
  });
  return pos;
}

/**
 * The indexes of a longest strictly increasing run of `positions` (undefined
 * ones left out): the blocks that stand in page order. Patience sorting,
 * O(n log n); of equally long runs, one whose last position is the smallest.
 */
export function inPageOrder(positions: ReadonlyArray<number | undefined>): Set<number> {
  const tails: number[] = []; // tails[len - 1]: index of the smallest last position of a run of length len
  const back = new Array<number>(positions.length).fill(-1);
  positions.forEach((p, at) => {
    if (p === undefined) {
      return;
    }
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((positions[tails[mid] as number] as number) < p) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    back[at] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = at;
  });
  const run = new Set<number>();
  for (let at = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; at >= 0; at = back[at] as number) {
    run.add(at);
  }
  return run;
}

/** Block tags whose text describes a picture or a table: Readability leaves captions out, and so does the gap filling. */
const CAPTION_TAGS = new Set(['FIGCAPTION', 'FIGURE', 'CAPTION']);

/**
 * Running text the classifier kept between two consecutive Readability
 * blocks (in page order) that Readability left out: a section its cleaning
 * dropped from the middle of the story (a product box, a checklist, a
 * callout, a list under a subheading) or story text split across sibling
 * containers. Keyed by the index of the Readability block it follows.
 * Captions stay out. Readability blocks the classifier does not have, or
 * that come out of page order, bound no gap.
 */
export function gapsBetween(readabilityBlocks: string[], dense: TextBlock[]): Map<number, TextBlock[]> {
  const pos = firstPositions(dense);
  const own = new Set(readabilityBlocks);
  const ownChars = readabilityBlocks.reduce((n, t) => n + t.length, 0);
  // Readability may have changed a block a little (a hidden span or a footnote mark gone): the same text, not a
  // gap. Such a block is among Readability's unmatched blocks between the gap's two ends. Three probes of the
  // block's letters (start, middle, end); one found there is enough.
  const present = (text: string, unmatched: string): boolean => {
    const mine = squash(text);
    if (mine.length <= PROBE_CHARS) {
      return unmatched.includes(mine);
    }
    const mid = Math.floor((mine.length - PROBE_CHARS) / 2);
    return [0, mid, mine.length - PROBE_CHARS].some((k) => unmatched.includes(mine.slice(k, k + PROBE_CHARS)));
  };
  const gaps = new Map<number, TextBlock[]>();
  // Anchors: the longest run of Readability's blocks found in page order. A block whose text also stands elsewhere
  // (a table of contents entry that is a later section's heading) would otherwise bound no gap before it.
  const anchors = inPageOrder(readabilityBlocks.map((t) => pos.get(t)));
  let prev = -1;
  let prevAt = -1;
  readabilityBlocks.forEach((t, at) => {
    const i = pos.get(t);
    if (i === undefined || !anchors.has(at)) {
      return;
    }
    if (prev >= 0 && i > prev + 1) {
      const candidates = dense.slice(prev + 1, i).filter((b) => !own.has(b.text) && !CAPTION_TAGS.has(b.tag));
      // Cheap tests first; the comparison with Readability's text only for gaps that pass them.
      if (keepable(candidates, ownChars)) {
        const unmatched = at > prevAt + 1 ? squash(readabilityBlocks.slice(prevAt + 1, at).join(' ')) : '';
        const missing = unmatched ? candidates.filter((b) => !present(b.text, unmatched)) : candidates;
        if (keepable(missing, ownChars)) {
          gaps.set(prevAt, missing);
        }
      }
    }
    prev = i;
    prevAt = at;
  });
  // Readability's closing blocks the classifier does not have (credits, a note): the story's sections the
  // classifier kept after the last block both have, in the same scope, are a gap before them.
  if (prev >= 0 && prevAt < readabilityBlocks.length - 1 && !gaps.has(prevAt)) {
    const rest = readabilityBlocks.slice(prevAt + 1);
    if (rest.every((t) => !pos.has(t))) {
      const after = runInScope(readabilityBlocks, dense, prev, 1).filter((b) => !CAPTION_TAGS.has(b.tag));
      // continuesSections also rules out a teaser stream: no link block stands before any of the blocks.
      if (keepable(after, ownChars) && continuesSections(after, readabilityBlocks, dense)) {
        const unmatched = squash(rest.join(' '));
        if (after.every((b) => !present(b.text, unmatched))) {
          gaps.set(prevAt, after);
        }
      }
    }
  }
  return gaps;
}

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A link's start tag with "btn" or "button" in it: a page without one has no link styled as a button (markButtonBoxes). */
const BUTTON_LINK_TAG = /<a\s[^>]*?(?:btn|button)/i;

/**
 * The story in an HTML page: metadata, plain text block by block, and
 * sanitized HTML. Null when the page holds no article. Throws a permanent
 * PipelineError for pages over the size, element or depth limits, or that
 * the DOM cannot process. Pure and synchronous: run it off the main thread
 * (see pool.ts) in a worker.
 */
export function extractArticle(html: string, url: string, opts: ExtractOptions = {}): Extracted | null {
  const o = { ...EXTRACT_DEFAULTS, ...opts };
  if (html.length > o.maxChars) {
    throw new PipelineError('too_large', false, `page is ${html.length} chars, limit ${o.maxChars}`);
  }
  const unframed = noframesPage(html);
  const safe = cleanCharacters(unframed);
  const ld = jsonLdBlocks(safe);
  const streamed = markStreamedSlots(safe);
  const stripped = stripExecutable(streamed);
  // A page whose source holds UTF-8 read as Latin-1 ("Earthâ\u0080\u0099s") is read back before the parser sees it.
  const readable = repairMojibakeRuns(stripped);
  const compacted = compactMarkup(slimAttributes(readable));
  let cleaned = compacted;
  const limits = { depth: o.maxDepth, elements: o.maxElements };
  const inlineBound = Math.min(INLINE_NESTING_BOUND, o.maxDepth / 2);
  const nested = tagShape(compacted, limits);
  let shape = nested;
  if (nested.depth > INLINE_REWRITE_DEPTH || OLD_FORMATTING.test(compacted)) {
    // Old markup that leaves a <font> or <b> open in every paragraph or cell: closed where a browser's parser closes it.
    cleaned = closeOpenInline(compacted, inlineBound);
    shape = cleaned === compacted ? nested : tagShape(cleaned, limits);
  }
  if (shape.depth > o.maxDepth) {
    throw new PipelineError('unreadable', false, `page nests elements deeper than ${o.maxDepth}`);
  }
  if (shape.elements > o.maxElements) {
    throw new PipelineError('too_large', false, `page has more than ${o.maxElements} elements`);
  }
  let parsed: ReturnType<typeof parseDocument> | null = null;
  try {
    parsed = parseDocument(cleaned, url, o.dom);
    const doc = parsed.document;
    if (streamed !== safe) {
      fillStreamedSlots(doc);
    }
    // A story set in a <pre> is read as the paragraphs, byline and date lines it shows.
    if (doc.body && /<pre\b/i.test(cleaned)) {
      unwrapProsePre(doc.body);
    }
    const meta = readMetadata(doc, url, ld);
    // A dateline set apart from the story (in the header) is metadata; one
    // that opens the first paragraph stays part of the text.
    for (const el of Array.from(doc.querySelectorAll('.dateline, [itemprop="dateline"]'))) {
      const para = el.closest('p');
      if (!para || collapseSpace(para.textContent ?? '').length <= collapseSpace(el.textContent ?? '').length + 2) {
        el.remove();
      }
    }
    // Read before the furniture goes (author boxes are furniture): used when neither the markup nor Readability names one.
    const shownByline = meta.byline && !meta.bylineIsSite ? null : visibleByline(doc);
    // And, when nothing names the author yet, a "Written by Jane Doe" line anywhere on the page.
    const writtenBy = meta.byline || shownByline || !WRITTEN_BY_MARKUP.test(cleaned) ? null : writtenByName(doc.body);
    // Or the name set right after a "By" label standing alone, or the name an author card opens with.
    const cardName = meta.byline || shownByline || writtenBy ? null : (labelledName(doc.body) ?? authorCardName(doc));
    // Collapsed accordion panels, FAQ answers and tab panels of the story are shown before hidden elements are dropped.
    if (mayHoldCollapsed(cleaned)) {
      revealCollapsed(doc);
    }
    if (/<button\b/i.test(cleaned)) {
      keepQuestionToggles(doc, faqQuestions(ld));
    }
    if (DROP_CAP_MARKUP.test(cleaned)) {
      joinDropCaps(doc.body ?? doc.documentElement);
    }
    // Before the furniture pass, which takes the button out of the box and leaves its pitch.
    if (doc.body && cleaned.includes('wp-block-button')) {
      removeButtonBoxes(doc.body);
    }
    // Boxes around a button (a pitch and its button) marked before the furniture pass takes the button out: those that
    // close the story go once it is put together (trimButtonBoxes).
    const buttonBoxes = doc.body && BUTTON_LINK_TAG.test(cleaned) ? markButtonBoxes(doc.body) : 0;
    removeFurniture(doc);
    // Teaser cards of other posts marked on the whole page, where their thumbnails still stand: those Readability takes
    // with the story go once it is put together, after the gaps are filled around them (removeMarkedTeasers).
    const teasers = doc.body ? removeTeaserCards(doc.body, true) : 0;
    // The second method reads the same tree before Readability takes it apart.
    const dense = densityExtract(doc.body ?? doc.documentElement);
    if (o.narrow) {
      narrowToArticle(doc);
    }
    const reader = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      maxElemsToParse: o.maxElements,
      // Class names tell two screen-size variants of one content apart (removeRepeatedSiblings); the sanitizer drops them.
      keepClasses: true,
    });
    tuneReadability(reader);
    keepNamedHeadings(reader, doc.documentElement);
    const result = reader.parse();
    const siteName = meta.siteName ?? (result?.siteName ? collapseSpace(result.siteName) : null);
    let host: string | null = null;
    try {
      host = new URL(url).hostname;
    } catch {
      host = null;
    }
    const rawTitle = result?.title || collapseSpace(doc.querySelector('title')?.textContent ?? '');
    const title = meta.title ?? (rawTitle ? stripSiteSuffix(rawTitle, siteName, host) : '') ?? '';
    // Last, the name of a writer's bio that closes the article, then a "Written by" line, a name after a lone "By"
    // label or an author card's first line anywhere on the page: the page's only word on who wrote it.
    const byline =
      (meta.bylineIsSite ? shownByline : null) ?? meta.byline ?? cleanByline(result?.byline ?? null) ?? meta.bylineGuess ?? shownByline ?? (result?.content ? closingBioName(result.content) : null) ?? writtenBy ?? cardName;
    // `part`: blocks of the density pass put around Readability's text (built as plain <p>s, in story order), which
    // hold no screen-size copies and cannot close the story with an author box.
    // `afterOpening`: a part put after the article's first blocks (its tail, a gap), where a greeting is no opening.
    const tidy = (el: Element, part = false, afterOpening = false): string[] => {
      if (!part) {
        removeRepeatedSiblings(el);
        removeTeaserCards(el);
      }
      removeOtherSections(el);
      removeInlineFurniture(el, host);
      removeAuthorBio(el, byline, host, !afterOpening);
      if (!part) {
        removeAuthorBox(el, byline);
        removeNamedAuthorBoxes(el);
        removeGreetingBio(el);
      } else if (afterOpening) {
        removeGreetingBio(el, 0);
      }
      removeWrittenBy(el);
      removeBareLabels(el);
      removeLeadingRepeats(el, title, byline);
      if (meta.headline && meta.headline !== title) {
        removeLeadingRepeats(el, meta.headline, null);
      }
      if (part) {
        return textBlocks(el);
      }
      const owners: Node[] = [];
      return removeShownTwice(el, textBlocks(el, owners), owners);
    };

    const warnings = [...meta.warnings];
    if (nested.depth > o.maxDepth) {
      warnings.push(`the page leaves inline elements (<font>, <b>...) open ${o.maxDepth} deep or more: closed where the nesting reached ${inlineBound}`);
    }
    if (unframed !== html) {
      warnings.push('frameset page: the body was read from its <noframes> content');
    }
    let method: Extracted['method'] = 'readability';
    let article = result?.content ?? null;
    let blocks = article ? tidy(article) : [];
    let text = joinBlocks(blocks);
    let wordCount = countWords(text);
    /** Reads the story's blocks, text and word count again from the tree, after a pass changed it. */
    const reread = (body: Element): void => {
      blocks = textBlocks(body);
      text = joinBlocks(blocks);
      wordCount = countWords(text);
    };
    const choice = preferDensity(text, dense, o.minWords, blocks, wordCount);
    if (choice) {
      const container = densityArticle(doc, dense);
      const fbBlocks = tidy(container);
      const fbText = joinBlocks(fbBlocks);
      const fbWords = countWords(fbText);
      if (fbWords >= o.minWords && fbWords > wordCount) {
        method = 'density';
        warnings.push(
          !result?.content || wordCount === 0
            ? 'Readability found no article; the body was taken by text density instead'
            : `Readability found ${wordCount} words${choice === 'too few' ? '' : ` ${choice}`}; the body was taken by text density instead`,
        );
        article = container;
        blocks = fbBlocks;
        text = fbText;
        wordCount = fbWords;
      }
    }
    // Classifier blocks put before or after Readability's text, tidied like it: kept when LEAD_MIN_CHARS survive.
    const addToArticle = (body: Element, part: TextBlock[], at: 'start' | 'end', min = LEAD_MIN_CHARS): void => {
      const container = densityArticle(doc, part);
      const partBlocks = tidy(container, true, at === 'end');
      if (partBlocks.join('').length < min) {
        return;
      }
      const nodes = Array.from(container.childNodes);
      if (at === 'start') {
        body.prepend(...nodes);
        blocks = [...partBlocks, ...blocks];
      } else {
        body.append(...nodes);
        blocks = [...blocks, ...partBlocks];
      }
      text = joinBlocks(blocks);
      wordCount = countWords(text);
    };
    if (method === 'readability' && article && blocks.length > 0) {
      // Running text right before Readability's first block, in the same <article>/<main>: a lead or
      // intro Readability left out because it sits in another section than the body.
      const lead = leadBefore(blocks, dense);
      // Tidying only removes text: under the minimum before it, under it after. A shorter lead of two blocks or more
      // that does not repeat the description is an intro too (isShortIntro); a lone standfirst is not, unless
      // Readability's text opens with a section's heading (opensWithSection): then it has no intro of its own, and
      // running text before it (a sentence at least) is the intro.
      const leadMin =
        charsOf(lead) >= LEAD_MIN_CHARS
          ? LEAD_MIN_CHARS
          : opensWithSection(blocks, dense) && hasRunningBlock(lead)
            ? INTRO_BLOCK_MIN_CHARS
            : isShortIntro(lead, meta.excerpt)
              ? SHORT_LEAD_MIN_CHARS
              : LEAD_MIN_CHARS;
      if (charsOf(lead) >= leadMin) {
        addToArticle(article, lead, 'start', leadMin);
      }
      // Running text right after Readability's last block, in the same <article>/<main>, at least half as long
      // as what Readability kept: the rest of a story split across sections. A teaser stream (a link before most
      // of its blocks: headline, excerpt, headline...) stays out.
      const tail = tailAfter(blocks, dense).filter((b) => !CAPTION_TAGS.has(b.tag));
      const tailChars = charsOf(tail);
      if (tailChars >= LEAD_MIN_CHARS && (tailChars >= TAIL_MIN_SHARE * text.length || continuesSections(tail, blocks, dense)) && !isTeaserStream(tail)) {
        addToArticle(article, tail, 'end');
      } else {
        // The tail's sections before a link block that follows them (an FAQ, then a newsletter box) when they alone
        // continue the story; else, Readability's text closing with a heading whose section it dropped: the section,
        // when the classifier has it.
        const sections = sectionsBeforeLinks(tail, blocks, dense);
        if (sections.length > 0) {
          addToArticle(article, sections, 'end');
        } else {
          const section = sectionAfterHeading(blocks, dense);
          if (section.length > 0) {
            addToArticle(article, section, 'end', 1);
          }
        }
      }
    }
    if (method === 'readability' && article && blocks.length > 1) {
      // Story text the classifier kept between two of Readability's blocks: put back where it stood.
      // Gap keys are block indexes before any insertion; anchors are found first, then filled.
      const anchored: Array<[Element, TextBlock[]]> = [];
      const gaps = gapsBetween(blocks, dense);
      if (gaps.size > 0) {
        const owners: Node[] = [];
        const again = textBlocks(article, owners);
        for (const [at, missing] of gaps) {
          const anchor = owners[at];
          // The tree gives the same blocks as the text: the owner of block `at` is where it stands.
          if (anchor && anchor !== article && anchor.nodeType === 1 && again[at] === blocks[at]) {
            anchored.push([anchor as Element, missing]);
          }
        }
      }
      for (const [anchor, missing] of anchored) {
        const container = densityArticle(doc, missing);
        if (tidy(container, true, true).length > 0) {
          anchor.after(...Array.from(container.childNodes));
        }
      }
      if (anchored.length > 0) {
        reread(article);
      }
    }
    if (article && teasers > 0 && removeMarkedTeasers(article) > 0) {
      reread(article);
    }
    if (article && trimStoryEnd(article) > 0) {
      reread(article);
    }
    if (article && buttonBoxes > 0 && trimButtonBoxes(article) > 0) {
      reread(article);
    }
    if (article && SEPARATOR_IN_TEXT.test(text) && trimAfterSeparator(article) > 0) {
      reread(article);
    }
    if (wordCount < o.minWords) {
      return null;
    }
    if (!article) {
      return null;
    }
    let publishedAt = meta.publishedAt;
    if (!publishedAt && result?.publishedTime) {
      publishedAt = normalizeDate(result.publishedTime)?.iso ?? null;
    }
    if (!publishedAt && opts.fallbackPublishedAt) {
      publishedAt = normalizeDate(opts.fallbackPublishedAt)?.iso ?? null;
      if (publishedAt) {
        warnings.push('publishedAt taken from the feed');
      }
    }
    const firstImg = article.querySelector('img[src]')?.getAttribute('src');
    const docBase = (doc as Document & { baseURI?: string | null }).baseURI;
    const baseUrl = docBase && /^https?:\/\//i.test(docBase) ? docBase : url;
    const body = sanitizeArticleHtml(article.innerHTML, baseUrl);
    // The stored text as a reader sees it: a table row of short cells on one line, a <pre> line by line.
    const shown = article.querySelector('tr, pre') ? joinBlocks(textBlocks(article, undefined, { shown: true })) : text;
    // Mis-decoded UTF-8 written as entities ("&acirc;&euro;&trade;") only shows once the parser has read them.
    const readBack = repairMojibakeRuns(shown);
    if (readable !== stripped || readBack !== shown) {
      warnings.push('the page holds UTF-8 read as Latin-1 or Windows-1252 ("â€™" for "’"): read back');
    }
    return {
      title: repairMojibakeRuns(title),
      byline: byline && repairMojibakeRuns(byline),
      dateline: meta.dateline ?? (blocks[0] ? datelineFromText(blocks[0]) : null),
      publishedAt,
      modifiedAt: meta.modifiedAt,
      canonicalUrl: meta.canonicalUrl,
      siteName,
      language: meta.language ?? normalizeLang(opts.contentLanguage) ?? normalizeLang(result?.lang),
      excerpt: meta.excerpt ?? (result?.excerpt ? collapseSpace(result.excerpt) || null : null),
      leadImage: meta.leadImage ?? absoluteUrl(firstImg, baseUrl),
      text: readBack,
      html: repairMojibakeRuns(body),
      wordCount,
      method,
      warnings,
    };
  } catch (err) {
    if (err instanceof PipelineError) {
      throw err;
    }
    const message = err instanceof Error ? err.message : String(err);
    if (/Aborting parsing document/i.test(message)) {
      throw new PipelineError('too_large', false, message, err);
    }
    throw new PipelineError('unreadable', false, `cannot extract ${url}: ${message}`, err);
  } finally {
    parsed?.close();
  }
}
