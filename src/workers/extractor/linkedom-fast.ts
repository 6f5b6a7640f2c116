import { compile } from 'css-select';
import { DOMParser, parseHTML } from 'linkedom';
import { nameCaser } from './name-caser.js';

/**
 * Faster selector queries for linkedom, installed once per process.
 *
 * linkedom compiles the selector again (css-what parse + css-select compile)
 * on every querySelector / querySelectorAll call. Readability and the
 * extractor call them thousands of times per page with a few dozen distinct
 * selectors, so the compiling cost more than the matching. This keeps one
 * compiled matcher per selector string, and answers plain tag lists
 * ("p, h2, li" — Readability's most common query) with a walk that compares
 * tag names. closest and matches compiled their selector on every call too
 * (the extractor asks closest of hundreds of elements a page: "is this inside
 * a link, a nav, an aside?"); they use the same cached matchers. getElementsByTagName skips linkedom's upper-casing of every
 * element's name when the name asked for is lower case. The walk and its order (document order, <template> contents
 * skipped) are linkedom's own; results are linkedom's NodeList.
 */

interface Walkable extends Node {
  [key: symbol]: Walkable | undefined;
}
type Matcher = (el: Element) => boolean;
type Query = (this: Walkable, selectors: string) => unknown;

const ELEMENT_NODE = 1;
const TAG_LIST = /^\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s*,\s*[a-zA-Z][a-zA-Z0-9-]*)*\s*$/;
const CACHE_LIMIT = 2_000;

let installed = false;

/** Tag names a tag-list matcher remembers its answer for, at most (a page's custom elements can name any number). */
export const TAG_ANSWERS_LIMIT = 256;

/**
 * Whether an element's name is one of `tags`, compared without case, as a
 * list of tag names selects ("p, h2, li"). The walks ask it of every element
 * under the node queried: the answer for each name met is kept, so a name is
 * lower-cased and looked up once, not at each element.
 */
export function tagListMatcher(tags: readonly string[]): Matcher {
  const names = new Set(tags.map((t) => t.toLowerCase()));
  const answers = new Map<string, boolean>();
  return (el) => {
    const name = el.localName;
    let answer = answers.get(name);
    if (answer === undefined) {
      answer = names.has(name) || names.has(name.toLowerCase());
      if (answers.size < TAG_ANSWERS_LIMIT) {
        answers.set(name, answer);
      }
    }
    return answer;
  };
}

/** Installs the fast paths on linkedom's prototypes. Idempotent. */
export function installLinkedomFastQueries(): void {
  if (installed) {
    return;
  }
  installed = true;
  const { document } = parseHTML('<!doctype html><html><body><p>x</p></body></html>') as unknown as { document: Document };
  const p = document.querySelector('p');
  if (!p) {
    return;
  }
  const symbols = Object.getOwnPropertySymbols(p);
  const NEXT = symbols.find((s) => s.description === 'next');
  const END = symbols.find((s) => s.description === 'end');
  const MIME = Object.getOwnPropertySymbols(document).find((s) => s.description === 'mime');
  const NodeListClass = (document.querySelectorAll('p') as unknown as { constructor: new () => Element[] }).constructor;
  if (!NEXT || !END || !MIME || typeof NodeListClass !== 'function') {
    return;
  }
  const mime = MIME;
  // linkedom's own test for an HTML document (tag names compared without case).
  const isHtml = (node: Node): boolean => {
    const doc = (node.nodeType === 9 ? node : node.ownerDocument) as unknown as Record<symbol, { ignoreCase?: boolean } | undefined> | null;
    return doc?.[mime]?.ignoreCase === true;
  };
  const next = NEXT;
  const end = END;

  // The adapter linkedom gives css-select, for HTML documents (an element's name lower-cased once a name).
  const lower = nameCaser(false);
  const adapter = {
    isTag: (n: Node): n is Element => n.nodeType === ELEMENT_NODE,
    existsOne: (test: Matcher, elems: Node[]): boolean =>
      elems.some((e) => e.nodeType === ELEMENT_NODE && (test(e as Element) || adapter.existsOne(test, Array.from(e.childNodes)))),
    getAttributeValue: (el: Element, name: string): string | undefined =>
      (name === 'class' ? el.getAttributeNode('class')?.value : el.getAttribute(name)) ?? undefined,
    getChildren: (n: Node): Node[] => n.childNodes as unknown as Node[],
    getName: (el: Element): string => lower(el.localName),
    getParent: (n: Node): Node | null => n.parentNode,
    getSiblings: (n: Node): Node[] => (n.parentNode ? (n.parentNode.childNodes as unknown as Node[]) : [n]),
    getText: (n: Node): string => n.textContent ?? '',
    hasAttrib: (el: Element, name: string): boolean => el.hasAttribute(name),
    removeSubsets: (nodes: Node[]): Node[] => nodes.filter((n, i) => nodes.indexOf(n) === i && !nodes.some((o) => o !== n && o.contains(n))),
    findAll: (test: Matcher, nodes: Node[]): Element[] => {
      const out: Element[] = [];
      for (const n of nodes) {
        if (n.nodeType === ELEMENT_NODE) {
          if (test(n as Element)) {
            out.push(n as Element);
          }
          out.push(...adapter.findAll(test, Array.from(n.childNodes)));
        }
      }
      return out;
    },
    findOne: (test: Matcher, nodes: Node[]): Element | null => {
      for (const n of nodes) {
        if (n.nodeType !== ELEMENT_NODE) {
          continue;
        }
        if (test(n as Element)) {
          return n as Element;
        }
        const found = adapter.findOne(test, Array.from(n.childNodes));
        if (found) {
          return found;
        }
      }
      return null;
    },
  };

  const cache = new Map<string, Matcher>();
  const matcherFor = (selectors: string): Matcher => {
    let m = cache.get(selectors);
    if (!m) {
      if (TAG_LIST.test(selectors)) {
        m = tagListMatcher(selectors.split(',').map((s) => s.trim()));
      } else {
        m = compile(selectors, { xmlMode: false, adapter } as never) as unknown as Matcher;
      }
      if (cache.size >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.set(selectors, m);
    }
    return m;
  };

  // Documents in XML mode, :scope selectors and anything unusual keep linkedom's own path.
  const usable = (self: Walkable, selectors: unknown): selectors is string =>
    typeof selectors === 'string' && !selectors.includes(':scope') && isHtml(self);

  /**
   * linkedom's query walk with a cached matcher: elements under `self` in
   * document order, <template> contents skipped; the first match only when
   * `first` (null when none), else every match as a NodeList.
   */
  const query = function (self: Walkable, selectors: string, original: Query, first: boolean): unknown {
    if (!usable(self, selectors)) {
      return original.call(self, selectors);
    }
    const matches = matcherFor(selectors);
    const out = first ? null : new NodeListClass();
    const stop = self[end];
    let n = self[next];
    while (n && n !== stop) {
      if (n.nodeType === ELEMENT_NODE) {
        if (matches(n as unknown as Element)) {
          if (!out) {
            return n;
          }
          out.push(n as unknown as Element);
        }
        n = (n as unknown as Element).localName === 'template' ? n[end] : n[next];
      } else {
        n = n[next];
      }
    }
    return out;
  };

  // linkedom compares each element's upper-cased name too; a name with a
  // lower-case letter can only ever equal localName itself.
  const byTag = function (this: Walkable, tagName: string, original: Query): unknown {
    if (typeof tagName !== 'string' || tagName === tagName.toUpperCase()) {
      return original.call(this, tagName);
    }
    const out = new NodeListClass();
    const stop = this[end];
    let n = this[next];
    while (n && n !== stop) {
      if (n.nodeType === ELEMENT_NODE && (n as unknown as Element).localName === tagName) {
        out.push(n as unknown as Element);
      }
      n = n[next];
    }
    return out;
  };

  // linkedom's closest: the element itself, then each parent element, until one matches.
  const nearest = function (self: Walkable, selectors: string, original: Query): unknown {
    if (!usable(self, selectors)) {
      return original.call(self, selectors);
    }
    const matches = matcherFor(selectors);
    let el = self as unknown as Element | null;
    while (el && !matches(el)) {
      el = el.parentElement;
    }
    return el;
  };

  const matchesOne = function (self: Walkable, selectors: string, original: Query): unknown {
    return usable(self, selectors) ? matcherFor(selectors)(self as unknown as Element) : original.call(self, selectors);
  };

  // Patch every prototype on the chains of an element, a document and a fragment that defines its own query methods.
  const targets = [p, document, document.createDocumentFragment()];
  const patched = new Set<object>();
  for (const t of targets) {
    for (let proto = Object.getPrototypeOf(t) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      if (patched.has(proto)) {
        continue;
      }
      patched.add(proto);
      const own = Object.getOwnPropertyDescriptors(proto);
      // Each method the prototype defines itself is replaced by one that takes linkedom's own as its fallback.
      const patch = (name: string, call: (self: Walkable, arg: string, original: Query) => unknown): void => {
        const original = own[name]?.value as Query | undefined;
        if (typeof original !== 'function') {
          return;
        }
        Object.defineProperty(proto, name, {
          ...own[name],
          value: function (this: Walkable, arg: string) {
            return call(this, arg, original);
          },
        });
      };
      patch('closest', nearest);
      patch('matches', matchesOne);
      patch('getElementsByTagName', (self, tagName, original) => byTag.call(self, tagName, original));
      patch('querySelectorAll', (self, selectors, original) => query(self, selectors, original, false));
      patch('querySelector', (self, selectors, original) => query(self, selectors, original, true));
    }
  }
}

/** linkedom 0.18's DOMTokenList `value` getter (the class attribute's text of an element's class list), as its source reads. */
export const CLASS_VALUE_SOURCE = "get value() { return [...this].join(' '); }";

/**
 * The tokens of a class list joined by one space, as `[...tokens].join(' ')`
 * gives them, without the array: each token read as a string the way `join`
 * reads it.
 */
export function joinTokens(tokens: Iterable<unknown>): string {
  let out = '';
  let first = true;
  for (const token of tokens) {
    const text = token === undefined || token === null ? '' : String(token);
    out = first ? text : `${out} ${text}`;
    first = false;
  }
  return out;
}

let classValueInstalled: boolean | undefined;

/**
 * Gives linkedom's DOMTokenList a `value` getter that joins its tokens
 * without spreading them into an array first. linkedom reads it for every
 * `getAttribute('class')` and `className` (Readability asks both of most
 * elements) and again whenever a class list changes, each class attribute
 * the parser meets included; the spread and its array were about 3 % of the
 * extractor's CPU profile. Same strings. Installed once, and only over the
 * getter whose source is CLASS_VALUE_SOURCE; otherwise linkedom is left as it
 * is. Returns whether it is installed.
 */
export function installLinkedomFastClassValue(): boolean {
  if (classValueInstalled !== undefined) {
    return classValueInstalled;
  }
  const { document } = parseHTML('<!doctype html><html><body><p class="x">x</p></body></html>') as unknown as { document: Document };
  const list = document.querySelector('p')?.classList;
  classValueInstalled = list ? replaceClassValueGetter(Object.getPrototypeOf(list) as object) : false;
  return classValueInstalled;
}

/**
 * Puts the joining getter on `proto` (a DOMTokenList prototype) when its own `value` getter's source is
 * CLASS_VALUE_SOURCE; any other getter, or none, is left as it is. Returns whether it was replaced.
 */
export function replaceClassValueGetter(proto: object): boolean {
  const own = Object.getOwnPropertyDescriptor(proto, 'value');
  if (!own?.get || Function.prototype.toString.call(own.get) !== CLASS_VALUE_SOURCE) {
    return false;
  }
  Object.defineProperty(proto, 'value', {
    ...own,
    get(this: Set<unknown>): string {
      return joinTokens(this);
    },
  });
  return true;
}

/** Source text without its spacing: two sources that read alike as code compare equal. */
const unspaced = (source: string): string => source.replace(/\s+/g, '');

/** linkedom 0.18's Element `tagName` and `nodeName` getters, as their sources read. */
export const TAG_NAME_SOURCES = {
  tagName: 'get tagName() { return localCase(this); }',
  nodeName: 'get nodeName() { return localCase(this); }',
} as const;

let tagNamesInstalled: boolean | undefined;

/**
 * Gives linkedom's Element `tagName` and `nodeName` getters that upper-case
 * an HTML element's name through nameCaser instead of at every read, as
 * linkedom's localCase does (the name as it is in an XML document). Readability
 * and the extractor read the tag name of nearly every element they pass,
 * often more than once. Same strings. Installed once, only over getters whose
 * sources are TAG_NAME_SOURCES, and only when linkedom's own getters answer a
 * probe as written (an HTML element's name upper-cased, an XML element's kept);
 * otherwise linkedom is left as it is. Returns whether it is installed.
 */
export function installLinkedomFastTagNames(): boolean {
  if (tagNamesInstalled !== undefined) {
    return tagNamesInstalled;
  }
  const { document } = parseHTML('<!doctype html><html><body><p>x</p></body></html>') as unknown as { document: Document };
  const xml = new DOMParser().parseFromString('<Root><cHild/></Root>', 'text/xml') as unknown as Document;
  const p = document.querySelector('p');
  const child = xml.documentElement?.firstElementChild;
  const mime = Object.getOwnPropertySymbols(document).find((s) => s.description === 'mime');
  let proto = p ? (Object.getPrototypeOf(p) as object | null) : null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'tagName')) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  const probe = (el: Element | null | undefined, want: string): boolean => !!el && el.tagName === want && el.nodeName === want;
  const answers = !!p && probe(p, 'P') && probe(child, 'cHild') && probe(document.createElement('clipPath'), 'CLIPPATH');
  if (!answers || !mime || !proto) {
    tagNamesInstalled = false;
    return false;
  }
  tagNamesInstalled = replaceTagNameGetters(proto, mime);
  return tagNamesInstalled;
}

/**
 * Puts tag-name getters that upper-case through nameCaser on `proto` (linkedom's Element prototype) when its own
 * `tagName` and `nodeName` getters' sources are TAG_NAME_SOURCES; any other getters, or none, are left as they are.
 * `mime` is linkedom's symbol for a document's kind, whose `ignoreCase` tells an HTML document. Returns whether they
 * were replaced.
 */
export function replaceTagNameGetters(proto: object, mime: symbol): boolean {
  const own = Object.getOwnPropertyDescriptors(proto);
  const known = (name: 'tagName' | 'nodeName'): boolean => {
    const get = own[name]?.get;
    return !!get && unspaced(Function.prototype.toString.call(get)) === unspaced(TAG_NAME_SOURCES[name]);
  };
  if (!known('tagName') || !known('nodeName')) {
    return false;
  }
  const upper = nameCaser(true);
  // linkedom's localCase: the name upper-cased in an HTML document, as it is in an XML one.
  function localCase(this: Element): string {
    const name = this.localName;
    const doc = this.ownerDocument as unknown as Record<symbol, { ignoreCase: boolean }>;
    return (doc[mime] as { ignoreCase: boolean }).ignoreCase ? upper(name) : name;
  }
  Object.defineProperty(proto, 'tagName', { ...own.tagName, get: localCase });
  Object.defineProperty(proto, 'nodeName', { ...own.nodeName, get: localCase });
  return true;
}
