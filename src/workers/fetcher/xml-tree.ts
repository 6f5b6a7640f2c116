/**
 * A recovering, namespace-aware XML reader for feeds (pure, no I/O).
 *
 * Tokenizing is htmlparser2's (xmlMode), which never gives up: a document cut
 * off inside its last tag, a stray "<" or "&", or badly nested tags still yield
 * a tree, and each repair is recorded as a warning. On top of it this module
 * does what a feed needs from XML and htmlparser2 leaves out:
 *
 * - namespaces: every element and attribute gets a key made of a canonical
 *   prefix for its namespace URI and its lower-cased local name, whatever
 *   prefix the document chose (`<r:item xmlns:r="http://purl.org/rss/1.0/">`
 *   and `<item>` are both `item`; `<body xmlns="http://www.w3.org/1999/xhtml">`
 *   is `xhtml:body`). Undeclared prefixes are kept as written.
 * - character references: the five XML entities, numeric references (C1
 *   control points 128-159 read as Windows-1252, as browsers do), entities
 *   declared in the document's internal DTD subset (expanded with limits: an
 *   expansion bomb is refused), HTML named entities (sloppy feeds use them).
 *   External entities are never loaded.
 */

import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';
import { PipelineError } from '../../errors.js';
import { codePointToString } from '../../lib/html-entities.js';

export type XmlElement = {
  /** Canonical key: `prefix:local` or `local`, lower-cased (see NAMESPACE_PREFIXES). */
  name: string;
  /** Local name as written. */
  local: string;
  /** Namespace URI, or null for none. */
  ns: string | null;
  /** Attributes by canonical key (xmlns declarations left out); values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
};

export type XmlNode = XmlElement | string;

export type XmlDocument = { root: XmlElement; warnings: string[] };

export const NS = {
  atom10: 'http://www.w3.org/2005/atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/xml/1998/namespace',
} as const;

/**
 * Canonical prefixes by namespace URI (compared lower-cased, trailing slash or '#' ignored).
 * '' means "the feed's own vocabulary": RSS's several namespaces all read as plain RSS.
 */
const NAMESPACE_PREFIXES: Record<string, string> = {
  'http://purl.org/rss/1.0': '',
  'http://my.netscape.com/rdf/simple/0.9': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns': 'atom',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns': 'rdf',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content': 'content',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://search.yahoo.com/mrss': 'media',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://wellformedweb.org/commentapi': 'wfw',
};

const canonicalNs = (uri: string): string => uri.trim().toLowerCase().replace(/[/#]+$/, '');

/** Limits on entities from the internal DTD subset (the "billion laughs" and friends are refused). */
export const ENTITY_LIMITS = { maxDepth: 8, maxExpansions: 10_000, maxExpandedChars: 1_000_000 };

const XML_BUILTIN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

type Dtd = { internal: Map<string, string>; external: Set<string> };

/** Leading DOCTYPE (with its internal subset), cut out of the text and read for entity declarations. */
function takeDoctype(text: string): { rest: string; dtd: Dtd } {
  const dtd: Dtd = { internal: new Map(), external: new Set() };
  const m = /<!DOCTYPE\s[^[>]*(\[([\s\S]*?)\]\s*)?>/i.exec(text.slice(0, 200_000));
  if (!m || /<[A-Za-z_]/.test(text.slice(0, m.index).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))) {
    return { rest: text, dtd };
  }
  const subset = m[2] ?? '';
  const decl = /<!ENTITY\s+(%\s+)?([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[^>]*))\s*>/g;
  for (let d = decl.exec(subset); d; d = decl.exec(subset)) {
    const [, parameter, name, dq, sq, external] = d;
    if (parameter !== undefined || name === undefined) {
      continue;
    }
    if (external !== undefined) {
      dtd.external.add(name);
    } else if (!dtd.internal.has(name)) {
      // The first declaration binds (XML 1.0, 4.2).
      dtd.internal.set(name, dq ?? sq ?? '');
    }
  }
  return { rest: text.slice(0, m.index) + text.slice(m.index + m[0].length), dtd };
}

class Decoder {
  private expansions = 0;
  private expandedChars = 0;

  constructor(
    private readonly dtd: Dtd,
    private readonly warn: (message: string) => void,
  ) {}

  /** Decodes character and entity references in raw (non-CDATA) text or an attribute value. */
  decode(raw: string, depth = 0): string {
    if (!raw.includes('&')) {
      return raw;
    }
    return raw.replace(/&(?:#(\d{1,8});|#[xX]([0-9a-fA-F]{1,7});|([A-Za-z_:][\w.:-]{0,63});)?/g, (whole, dec, hex, name) => {
      if (dec !== undefined) {
        return codePointToString(Number(dec));
      }
      if (hex !== undefined) {
        return codePointToString(parseInt(hex, 16));
      }
      if (name === undefined) {
        this.warn('recovered: unescaped "&" kept as text');
        return '&';
      }
      return this.entity(name as string, whole, depth);
    });
  }

  private entity(name: string, whole: string, depth: number): string {
    const builtin = XML_BUILTIN[name];
    if (builtin !== undefined) {
      return builtin;
    }
    const value = this.dtd.internal.get(name);
    if (value !== undefined) {
      this.expansions += 1;
      if (depth >= ENTITY_LIMITS.maxDepth || this.expansions > ENTITY_LIMITS.maxExpansions) {
        throw new PipelineError('bad_feed', false, `not a feed: entity expansion limit exceeded at &${name}; (refused as a possible entity bomb)`);
      }
      const expanded = this.decode(value, depth + 1);
      this.expandedChars += expanded.length;
      if (this.expandedChars > ENTITY_LIMITS.maxExpandedChars) {
        throw new PipelineError('bad_feed', false, `not a feed: entity expansion limit exceeded at &${name}; (refused as a possible entity bomb)`);
      }
      return expanded;
    }
    if (this.dtd.external.has(name)) {
      this.warn(`external entity &${name}; not loaded`);
      return whole;
    }
    const html = decodeHTMLStrict(whole);
    if (html !== whole) {
      this.warn(`recovered: HTML entity &${name}; in XML`);
      return html;
    }
    this.warn(`undeclared entity &${name}; kept as text`);
    return whole;
  }
}

type Open = { el: XmlElement; scope: Map<string, string>; selfClosing: boolean };

const XMLNS_PREFIX = 'xmlns';

function splitQName(qname: string): { prefix: string | null; local: string } {
  const at = qname.indexOf(':');
  return at > 0 ? { prefix: qname.slice(0, at), local: qname.slice(at + 1) } : { prefix: null, local: qname };
}

/**
 * Reads `text` into an element tree. Throws PipelineError('bad_feed') only when there is no
 * root element at all, or an entity expansion exceeds ENTITY_LIMITS.
 */
export function parseXmlDocument(text: string): XmlDocument {
  const warnings = new Set<string>();
  const warn = (message: string): void => {
    if (warnings.size < 50) {
      warnings.add(message);
    }
  };
  const { rest, dtd } = takeDoctype(text);
  const decoder = new Decoder(dtd, warn);
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;
  let inCdata = false;
  /** When the root is an Atom <feed>, Atom elements read as the feed's own vocabulary (''). */
  let atomIsOwn = false;

  const keyOf = (prefix: string | null, local: string, uri: string | null): string => {
    const lower = local.toLowerCase();
    if (uri === null) {
      return prefix === null ? lower : `${prefix.toLowerCase()}:${lower}`;
    }
    const canon = NAMESPACE_PREFIXES[canonicalNs(uri)];
    if (canon === undefined) {
      // A vocabulary Telex does not know: keep the document's own prefix.
      return prefix === null ? lower : `${prefix.toLowerCase()}:${lower}`;
    }
    if (canon === 'atom' && atomIsOwn) {
      return lower;
    }
    return canon === '' ? lower : `${canon}:${lower}`;
  };

  const append = (node: XmlNode): void => {
    const parent = stack[stack.length - 1]?.el;
    if (!parent) {
      return;
    }
    const last = parent.children[parent.children.length - 1];
    if (typeof node === 'string' && typeof last === 'string') {
      parent.children[parent.children.length - 1] = last + node;
    } else {
      parent.children.push(node);
    }
  };

  let parser: Parser;
  const source = rest;
  /** Set while a misspelt close tag closes the innermost element (not an implied close). */
  let mismatched = false;
  /** Elements closed by the end of the text were cut off: one warning says so. */
  let ending = false;
  let truncated = false;
  parser = new Parser(
    {
      onopentag(qname, rawAttrs) {
        if (rootClosed) {
          warn(`recovered: content after the root element ignored (<${qname}>)`);
          stack.push({ el: { name: '#ignored', local: qname, ns: null, attrs: {}, children: [] }, scope: new Map(), selfClosing: false });
          return;
        }
        const parentScope = stack[stack.length - 1]?.scope ?? new Map<string, string>([['xml', NS.xml]]);
        let scope = parentScope;
        for (const [k, v] of Object.entries(rawAttrs)) {
          if (k === XMLNS_PREFIX || k.startsWith(`${XMLNS_PREFIX}:`)) {
            if (scope === parentScope) {
              scope = new Map(parentScope);
            }
            scope.set(k === XMLNS_PREFIX ? '' : k.slice(XMLNS_PREFIX.length + 1), decoder.decode(v).trim());
          }
        }
        const { prefix, local } = splitQName(qname);
        const uri = (prefix === null ? scope.get('') : scope.get(prefix)) || null;
        if (root === null) {
          const ownUri = uri === null ? '' : canonicalNs(uri);
          atomIsOwn = local.toLowerCase() === 'feed' && (uri === null || NAMESPACE_PREFIXES[ownUri] === 'atom');
        }
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(rawAttrs)) {
          if (k === XMLNS_PREFIX || k.startsWith(`${XMLNS_PREFIX}:`)) {
            continue;
          }
          const a = splitQName(k);
          // Unprefixed attributes are in no namespace (Namespaces in XML, 6.2).
          const key = a.prefix === null ? a.local.toLowerCase() : keyOf(a.prefix, a.local, scope.get(a.prefix) ?? null);
          if (!(key in attrs)) {
            attrs[key] = decoder.decode(v);
          }
        }
        const el: XmlElement = { name: keyOf(prefix, local, uri), local, ns: uri, attrs, children: [] };
        if (root === null) {
          root = el;
        } else {
          append(el);
        }
        // endIndex is the tag's ">": a "/" before it makes the element self-closing.
        stack.push({ el, scope, selfClosing: source.charCodeAt(parser.endIndex - 1) === 0x2f });
      },
      onclosetag(qname, isImplied) {
        const open = stack.pop();
        if (!open) {
          return;
        }
        if (mismatched) {
          mismatched = false;
        } else if (isImplied && !open.selfClosing && open.el.name !== '#ignored') {
          if (!ending) {
            warn(`recovered: <${qname}> was not closed`);
          } else if (!truncated) {
            truncated = true;
            warn(`recovered: the document is truncated (it ends inside <${qname}>)`);
          }
        }
        if (stack.length === 0 && open.el === root) {
          rootClosed = true;
        }
      },
      ontext(raw) {
        if (stack.length === 0 || stack[stack.length - 1]!.el.name === '#ignored') {
          if (raw.trim() !== '') {
            warn('recovered: text outside the root element ignored');
          }
          return;
        }
        if (inCdata) {
          append(raw);
          return;
        }
        if (raw.includes('<')) {
          warn('recovered: unescaped "<" kept as text');
        }
        append(decoder.decode(raw));
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  // A close tag that matches no open element is most likely a misspelling of the innermost
  // element's (`<language>en</langauge>`): close that one, rather than let it swallow the rest.
  const internals = parser as unknown as {
    onclosetag(start: number, endIndex: number): void;
    stack?: string[];
    popElement?: (implied: boolean) => void;
  };
  const closeTag = internals.onclosetag.bind(parser);
  internals.onclosetag = (start, endIndex) => {
    const name = source.slice(start, endIndex);
    const open = internals.stack;
    if (open && typeof internals.popElement === 'function' && !open.includes(name) && open.length > 1) {
      warn(`recovered: </${name}> matched no open element; closed <${open[0]}>`);
      mismatched = true;
      internals.popElement.call(parser, false);
      parser.startIndex = endIndex + 1;
      return;
    }
    closeTag(start, endIndex);
  };
  parser.write(source);
  ending = true;
  parser.end();
  if (root === null) {
    throw new PipelineError('bad_feed', false, 'not a feed: malformed XML (no complete root element)');
  }
  if (!truncated && !/>\s*$/.test(source.slice(-4096))) {
    // The tokenizer closes an element at "</rss" + whitespace without its ">": the end was cut off all the same.
    warn('recovered: the document is truncated (it does not end with a complete tag)');
  }
  return { root, warnings: [...warnings] };
}

// ---------- reading the tree ----------

export const isElement = (n: XmlNode | undefined): n is XmlElement => typeof n === 'object' && n !== null;

export function childElements(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) {
    return [];
  }
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c !== 'string' && c.name === name) {
      out.push(c);
    }
  }
  return out;
}

export const childElement = (el: XmlElement | undefined, name: string): XmlElement | undefined => childElements(el, name)[0];

/** All character data under an element, in document order (markup dropped). */
export function textContent(el: XmlNode | undefined): string {
  if (el === undefined) {
    return '';
  }
  if (typeof el === 'string') {
    return el;
  }
  let out = '';
  for (const c of el.children) {
    out += typeof c === 'string' ? c : textContent(c);
  }
  return out;
}

export const hasElementChildren = (el: XmlElement): boolean => el.children.some((c) => typeof c !== 'string');
