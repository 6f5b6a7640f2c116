import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { isFrameset } from './frames.js';
import { installLinkedomLazyListeners } from './linkedom-events.js';
import { installLinkedomFastClassValue, installLinkedomFastQueries, installLinkedomFastTagNames } from './linkedom-fast.js';
import { tagOf } from './blocks.js';

type JsdomModule = typeof import('jsdom');
let jsdomModule: JsdomModule | null = null;

/** jsdom is heavy to load (~1 s, tens of MiB): only pay for it when it is used. */
function jsdom(): JsdomModule {
  jsdomModule ??= createRequire(import.meta.url)('jsdom') as JsdomModule;
  return jsdomModule;
}

export type DomKind = 'jsdom' | 'linkedom';

export type ParsedDocument = {
  document: Document;
  close(): void;
};

/**
 * Parses HTML into a DOM the extractor can walk. Scripts never run: jsdom is
 * built without `runScripts` and resources, linkedom never executes anything.
 * The caller is expected to have stripped <script> and <style> already.
 */
export function parseDocument(html: string, url: string, kind: DomKind): ParsedDocument {
  if (kind === 'jsdom') {
    const { JSDOM, VirtualConsole } = jsdom();
    const virtualConsole = new VirtualConsole();
    const dom = new JSDOM(html, { url, virtualConsole, contentType: 'text/html' });
    return {
      document: dom.window.document,
      close: () => dom.window.close(),
    };
  }
  // Listener maps first: before any node exists (the selector install parses a page).
  installLinkedomLazyListeners();
  installLinkedomFastQueries();
  installLinkedomFastClassValue();
  installLinkedomFastTagNames();
  const { document } = parseHTML(html) as unknown as { document: Document };
  adoptStrayElements(document);
  if (html.includes('<table') || html.includes('<TABLE') || html.includes('<Table')) {
    fosterParent(document);
  }
  // linkedom has no notion of a document URL: Readability resolves links against these.
  const base = /<base\b/i.test(html) ? baseHrefOf(document, url) : url;
  Object.defineProperty(document, 'baseURI', { value: base, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  return { document, close: () => {} };
}

function baseHrefOf(document: Document, url: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      const base = new URL(href, url);
      return base.protocol === 'http:' || base.protocol === 'https:' ? base.href : url;
    } catch {
      return url;
    }
  }
  return url;
}

/**
 * linkedom leaves an element met between </head> and <body> (or after
 * </body>) as a child of <html>, and its `document.body` then makes a new,
 * empty <body> when the element after <head> is not one; and what follows
 * </html> stays outside <html>. A browser moves all of these into the body:
 * so does this, in document order.
 */
export function adoptStrayElements(document: Document): void {
  const html = document.documentElement;
  if (!html) {
    return;
  }
  // After </html>: linkedom leaves elements and text as children of the document, a browser puts them in the body.
  const outside = Array.from(document.childNodes).filter((n) => n !== html && (n.nodeType === 1 || (n.nodeType === 3 && /\S/.test(n.textContent ?? ''))));
  if (outside.length > 0) {
    const after = outside.filter((n) => html.compareDocumentPosition(n) & 4);
    if (after.length > 0) {
      (document.body ?? html).append(...after);
    }
  }
  if (html.children.length <= 2) {
    return;
  }
  const kids = Array.from(html.children);
  const body = kids.find((k) => tagOf(k) === 'BODY');
  if (!body) {
    return;
  }
  const before: Element[] = [];
  const after: Element[] = [];
  let seenBody = false;
  for (const k of kids) {
    const tag = tagOf(k);
    if (k === body) {
      seenBody = true;
    } else if (tag !== 'HEAD') {
      (seenBody ? after : before).push(k);
    }
  }
  if (before.length > 0) {
    body.prepend(...before);
  }
  if (after.length > 0) {
    body.append(...after);
  }
}

/**
 * React streaming server rendering (Suspense): the page first sends a
 * placeholder, `<template id="B:1"></template>` followed by a fallback
 * ("Loading paragraph...") up to `<!--/$-->`, and later the real content in a
 * `<div hidden id="S:1">` at the end of the body, which a script moves into
 * place. Scripts never run here, so this does the move: the placeholder and
 * its fallback become an empty `<slot id="B:1">` (before comments and
 * templates are stripped), and fillStreamedSlots puts the hidden content there.
 * A segment inside content, `<template id="P:5"></template>`, is filled from
 * `<div hidden id="S:5">` the same way. (The scripts that pair them are gone
 * by now: the pairing is by number, as React numbers them.)
 */
export function markStreamedSlots(html: string): string {
  if (!html.includes('<div hidden id="S:')) {
    return html;
  }
  const out: string[] = [];
  const re = /<template id="([BP]):([^"<>]+)"><\/template>/g;
  let last = 0;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    out.push(html.slice(last, m.index), `<slot id="${m[1]}:${m[2]}"></slot>`);
    last = m.index + m[0].length;
    if (m[1] === 'P') {
      continue;
    }
    // The fallback runs to the boundary's end marker, unless another boundary or placeholder comes first.
    const end = html.indexOf('<!--/$-->', last);
    const next = html.slice(last, end < 0 ? last : end);
    if (end >= 0 && end - last < 20_000 && !next.includes('<!--$') && !next.includes('<template')) {
      last = end + '<!--/$-->'.length;
      re.lastIndex = last;
    }
  }
  out.push(html.slice(last));
  return out.join('');
}

/** See markStreamedSlots: moves each `<div hidden id="S:x">`'s content into `<slot id="B:x">` or `<slot id="P:x">`. Returns how many moved. */
export function fillStreamedSlots(document: Document): number {
  let moved = 0;
  for (const slot of Array.from(document.querySelectorAll('slot[id^="B:"], slot[id^="P:"]'))) {
    const id = slot.getAttribute('id') ?? '';
    const source = document.getElementById(`S:${id.slice(2)}`);
    if (source && source.hasAttribute('hidden')) {
      slot.replaceWith(...Array.from(source.childNodes));
      source.remove();
      moved++;
    } else {
      slot.remove();
    }
  }
  return moved;
}

/**
 * The first `<name …>…</name>` of raw HTML, whole and inside, found start tag
 * then end tag: one pass, where a lazy pattern from every start tag would scan
 * to the end of the page for each one left open.
 */
function firstElement(html: string, name: string): { whole: string; inner: string } | null {
  const start = new RegExp(`<${name}\\b[^<>]*>`, 'i').exec(html);
  if (!start) {
    return null;
  }
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = start.index + start[0].length;
  const end = close.exec(html);
  return end ? { whole: html.slice(start.index, end.index + end[0].length), inner: html.slice(start.index + start[0].length, end.index) } : null;
}

/**
 * A frameset page as a browser without frames reads it: the content of its
 * <noframes>, which such pages write for those browsers, becomes the body.
 * The page itself holds no story (its frames are other documents), so an
 * extractor sees nothing else. Returns the page unchanged when it has no
 * <frameset> or no <noframes> with text.
 */
export function noframesPage(html: string): string {
  // A <frameset> counts only before any body content, so near the top: the test reads no further (a scan of the
  // whole page costs about as much as a tenth of the extraction's own string work).
  if (!isFrameset(html)) {
    return html;
  }
  const inner = firstElement(html, 'noframes')?.inner;
  if (!inner || !/\S/.test(inner.replace(/<[^<>]*>/g, ''))) {
    return html;
  }
  const head = firstElement(html, 'head')?.whole ?? '';
  const body = inner.replace(/<\/?body\b[^<>]*>/gi, '');
  return `<html>${head}<body>${body}</body></html>`;
}

/**
 * What a table, its row groups and its rows may hold; anything else a browser
 * moves out. (A cell straight in a table or row group stays: a browser opens
 * the row it implies.)
 */
const TABLE_PARTS: Record<string, RegExp> = {
  TABLE: /^(?:CAPTION|COLGROUP|COL|THEAD|TBODY|TFOOT|TR|TD|TH|SCRIPT|STYLE|TEMPLATE|FORM)$/,
  THEAD: /^(?:TR|TD|TH|SCRIPT|STYLE|TEMPLATE|FORM)$/,
  TBODY: /^(?:TR|TD|TH|SCRIPT|STYLE|TEMPLATE|FORM)$/,
  TFOOT: /^(?:TR|TD|TH|SCRIPT|STYLE|TEMPLATE|FORM)$/,
  TR: /^(?:TD|TH|SCRIPT|STYLE|TEMPLATE|FORM)$/,
};

/**
 * Content written straight inside a <table> (a paragraph between rows, text
 * outside any cell): a browser's parser moves it to just before the table
 * (foster parenting), linkedom leaves it in place, where the table's cells and
 * the stray text read as one block of the page. Moves such elements and text
 * before their table, in order. Returns how many nodes moved.
 */
export function fosterParent(document: Document): number {
  let moved = 0;
  for (const table of Array.from(document.querySelectorAll('table'))) {
    const stray: Node[] = [];
    const visit = (el: Element): void => {
      const allowed = TABLE_PARTS[tagOf(el)];
      if (!allowed) {
        return;
      }
      for (const k of Array.from(el.childNodes)) {
        if (k.nodeType === 1) {
          const tag = tagOf(k as Element);
          if (allowed.test(tag)) {
            visit(k as Element);
          } else {
            stray.push(k);
          }
        } else if (k.nodeType === 3 && /\S/.test(k.textContent ?? '')) {
          stray.push(k);
        }
      }
    };
    visit(table);
    if (stray.length > 0) {
      table.before(...stray);
      moved += stray.length;
    }
  }
  return moved;
}
