import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import {
  CLASS_VALUE_SOURCE,
  installLinkedomFastClassValue,
  installLinkedomFastQueries,
  installLinkedomFastTagNames,
  joinTokens,
  replaceClassValueGetter,
  replaceTagNameGetters,
  TAG_ANSWERS_LIMIT,
  tagListMatcher,
  TAG_NAME_SOURCES,
} from '../../../../src/workers/extractor/linkedom-fast.js';
import { CASED_NAMES_LIMIT, nameCaser } from '../../../../src/workers/extractor/name-caser.js';
import { readabilityPage, readabilityPageNames } from '../../../helpers/corpora.js';


const SELECTORS = [
  'p',
  'P, H2 ,li',
  'meta',
  'h1, h2, h3, h4, h5, h6',
  'link[rel~="canonical" i]',
  '[class*="dateline" i], [itemprop="dateline"]',
  '.byline, .author-name',
  '[rel="author"], [itemprop="author"] [itemprop="name"]',
  'div > p',
  'ul li a',
  'img[src]',
  'article p:not(.x)',
  'template p',
];

/** linkedom's own `matches`, taken before the fast paths are installed. */
const ownMatches = (() => {
  const { document } = parseHTML('<p>x</p>') as unknown as { document: Document };
  let proto = Object.getPrototypeOf(document.querySelector('p')) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'matches')) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  const fn = (proto as { matches: (this: Element, s: string) => boolean }).matches;
  return (el: Element, selector: string): boolean => fn.call(el, selector);
})();

/** Every element under `root` (not `root` itself) that matches, by linkedom's own `matches`. */
function naive(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Node, insideTemplate: boolean): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) {
        continue;
      }
      const el = child as Element;
      if (!insideTemplate && ownMatches(el, selector)) {
        out.push(el);
      }
      visit(el, insideTemplate || el.localName === 'template');
    }
  };
  visit(root as unknown as Node, false);
  return out;
}

function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const child of Array.from((root as unknown as Node).childNodes)) {
    if (child.nodeType === 1) {
      out.push(child as Element, ...descendants(child as Element));
    }
  }
  return out;
}

function documents(): Document[] {
  const synthetic = `<!doctype html><html><head><title>t</title><meta name="a" content="1"><link rel="Canonical" href="/c"></head>
    <body><div class="x-dateline">BEIJING —</div><article><p>one</p><template><p>hidden</p></template>
    <div><p class="x">two</p><ul><li><a href="#">three</a></li></ul></div><H2>Four</H2><span rel="author">Ann</span></article></body></html>`;
  const pages = readabilityPageNames()
    .filter((_, i) => i % 10 === 0)
    .map(readabilityPage);
  return [synthetic, ...pages].map((html) => (parseHTML(html) as unknown as { document: Document }).document);
}

describe('linkedom fast selector queries', () => {
  installLinkedomFastQueries();

  it('answers querySelectorAll, querySelector and getElementsByTagName exactly as a plain tree walk with matches() does', () => {
    const docs = documents();
    expect(docs.length).toBeGreaterThan(5);
    let compared = 0;
    for (const doc of docs) {
      const scopes: ParentNode[] = [doc, ...Array.from(doc.querySelectorAll('div, article')).slice(0, 20)];
      for (const scope of scopes) {
        for (const sel of SELECTORS) {
          const want = naive(scope, sel);
          const got = Array.from(scope.querySelectorAll(sel));
          expect(got).toEqual(want);
          expect(scope.querySelector(sel)).toBe(want[0] ?? null);
          compared++;
        }
        for (const tag of ['p', 'div', 'P', 'DIV', 'a', 'li', 'svg']) {
          // linkedom's getElementsByTagName does look inside <template>.
          const want = descendants(scope).filter((el) => el.localName === tag || el.localName.toUpperCase() === tag);
          expect(Array.from((scope as Element).getElementsByTagName(tag))).toEqual(want);
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('answers closest and matches exactly as linkedom does', () => {
    let compared = 0;
    for (const doc of documents()) {
      for (const el of Array.from(doc.querySelectorAll('*')).filter((_, i) => i % 7 === 0)) {
        for (const sel of [...SELECTORS, 'a, nav, aside', 'p', 'article, main', '[hidden], [aria-hidden="true"]']) {
          expect(el.matches(sel)).toBe(ownMatches(el, sel));
          let want: Element | null = el;
          while (want && !ownMatches(want, sel)) {
            want = want.parentElement;
          }
          expect(el.closest(sel)).toBe(want);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('returns linkedom NodeLists and skips <template> contents', () => {
    const { document } = parseHTML('<html><body><p>a</p><template><p>b</p></template></body></html>') as unknown as { document: Document };
    const list = document.querySelectorAll('p');
    expect(list.length).toBe(1);
    expect(typeof list.forEach).toBe('function');
    expect(list[0]?.textContent).toBe('a');
  });

  it('lower-cases an element name for a compiled selector once a name, not at each element', () => {
    const { document } = parseHTML(`<div>${'<p><span>x</span></p>'.repeat(50)}</div>`) as unknown as { document: Document };
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      expect(document.querySelectorAll('div > p span').length).toBe(50);
      expect(lower.mock.calls.length).toBeLessThan(10);
    } finally {
      lower.mockRestore();
    }
  });

  it('still sees nodes added after parsing and drops removed ones', () => {
    const { document } = parseHTML('<html><body><div id="d"><p>a</p></div></body></html>') as unknown as { document: Document };
    const d = document.querySelector('#d');
    expect(document.querySelectorAll('p').length).toBe(1);
    d?.appendChild(document.createElement('p'));
    expect(document.querySelectorAll('p').length).toBe(2);
    d?.querySelector('p')?.remove();
    expect(document.querySelectorAll('p').length).toBe(1);
  });
});

describe(tagListMatcher.name, () => {
  const element = (localName: string): Element => ({ localName }) as Element;

  it('matches the names of the list whatever their case, and no others', () => {
    const m = tagListMatcher(['P', 'h2', 'clipPath']);
    for (const name of ['p', 'P', 'h2', 'H2', 'clipPath', 'clippath']) expect(m(element(name))).toBe(true);
    for (const name of ['div', 'h3', 'pre', '']) expect(m(element(name))).toBe(false);
  });

  it('lower-cases each name it meets once, up to TAG_ANSWERS_LIMIT names', () => {
    const m = tagListMatcher(['p']);
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      for (let i = 0; i < 5; i++) expect(m(element('div'))).toBe(false);
      expect(lower).toHaveBeenCalledTimes(1);
      for (let i = 0; i < TAG_ANSWERS_LIMIT + 10; i++) m(element(`x-${i}`));
      lower.mockClear();
      expect(m(element(`x-${TAG_ANSWERS_LIMIT + 5}`))).toBe(false);
      expect(m(element(`x-${TAG_ANSWERS_LIMIT + 5}`))).toBe(false);
      expect(lower).toHaveBeenCalledTimes(2);
    } finally {
      lower.mockRestore();
    }
  });
});

/**
 * linkedom's own DOMTokenList `value` getter (CLASS_VALUE_SOURCE) as a function of the list. The getter itself cannot be
 * taken from linkedom here: unit files share a process, and an earlier file's extraction may have installed ours.
 */
const ownClassValue = (list: Iterable<unknown>): string => [...list].join(' ');

describe(joinTokens.name, () => {
  it('joins the tokens of any set as spreading them and joining with a space does', () => {
    const sets: Set<unknown>[] = [new Set(), new Set(['a']), new Set(['a', 'b', 'c']), new Set(['', 'x', '']), new Set([1, null, undefined, 'z'])];
    for (const set of sets) {
      expect(joinTokens(set)).toBe([...set].join(' '));
    }
  });
});

describe(installLinkedomFastClassValue.name, () => {
  installLinkedomFastClassValue();

  it('replaces a DOMTokenList value getter whose source is the one it was written against', () => {
    // True only when linkedom's getter read CLASS_VALUE_SOURCE when it was first installed.
    expect(installLinkedomFastClassValue()).toBe(true);
    const { document } = parseHTML('<p class="a">x</p>') as unknown as { document: Document };
    const list = document.querySelector('p')?.classList as DOMTokenList;
    const getter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(list), 'value')?.get;
    expect(getter && Function.prototype.toString.call(getter)).not.toBe(CLASS_VALUE_SOURCE);
  });

  it('reads every class attribute, className and class list of the pages exactly as linkedom does', () => {
    let compared = 0;
    for (const doc of documents()) {
      for (const el of descendants(doc)) {
        const own = ownClassValue(el.classList);
        expect(el.classList.value).toBe(own);
        if (typeof el.className === 'string') {
          // (an SVG element's className is an object of linkedom's own)
          expect(el.className).toBe(own);
        }
        expect(el.getAttribute('class')).toBe(own);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('steps aside when the value getter is not the one it was written against (another linkedom version)', () => {
    class OtherTokenList extends Set<string> {
      get value(): string {
        return [...this].join(',');
      }
    }
    const before = Object.getOwnPropertyDescriptor(OtherTokenList.prototype, 'value');
    expect(replaceClassValueGetter(OtherTokenList.prototype)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(OtherTokenList.prototype, 'value')).toEqual(before);
    expect(new OtherTokenList(['a', 'b']).value).toBe('a,b');
    expect(replaceClassValueGetter(class NoValue {}.prototype)).toBe(false);
  });

  it('keeps the class attribute in step when a class list changes', () => {
    const { document } = parseHTML('<p class="  a  b a ">x</p>') as unknown as { document: Document };
    const p = document.querySelector('p') as Element;
    expect(p.outerHTML).toBe('<p class="a b">x</p>');
    p.classList.add('c');
    p.classList.remove('a');
    p.classList.toggle('d');
    expect(p.getAttribute('class')).toBe('b c d');
    expect(p.outerHTML).toBe('<p class="b c d">x</p>');
  });
});

describe(nameCaser.name, () => {
  it('cases each name as toUpperCase or toLowerCase does, once a name up to CASED_NAMES_LIMIT names', () => {
    for (const [upper, method] of [[true, 'toUpperCase'], [false, 'toLowerCase']] as const) {
      const cased = nameCaser(upper);
      const spy = vi.spyOn(String.prototype, method);
      try {
        for (let i = 0; i < 3; i++) for (const name of ['p', 'clipPath', 'x-ß', 'DIV']) expect(cased(name)).toBe(name[method]());
        // 4 names, then once more each for the 4 comparisons of the first round
        expect(spy).toHaveBeenCalledTimes(4 + 12);
        for (let i = 0; i < CASED_NAMES_LIMIT; i++) cased(`x-${i}`);
        spy.mockClear();
        cased('y-new');
        cased('y-new');
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    }
  });
});

/** linkedom's own tag name (TAG_NAME_SOURCES' localCase): upper case in an HTML document, as it is in an XML one. */
const ownTagName = (el: Element, html: boolean): string => (html ? el.localName.toUpperCase() : el.localName);

describe(installLinkedomFastTagNames.name, () => {
  installLinkedomFastTagNames();

  it('replaces the Element tagName and nodeName getters whose sources are the ones it was written against', () => {
    // True only when linkedom's getters read TAG_NAME_SOURCES (and answered the probe) when first installed.
    expect(installLinkedomFastTagNames()).toBe(true);
    const { document } = parseHTML('<p>x</p>') as unknown as { document: Document };
    let proto = Object.getPrototypeOf(document.querySelector('p')) as object | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'tagName')) proto = Object.getPrototypeOf(proto) as object | null;
    const getter = proto && Object.getOwnPropertyDescriptor(proto, 'tagName')?.get;
    expect(getter && Function.prototype.toString.call(getter)).not.toBe(TAG_NAME_SOURCES.tagName);
  });

  it('reads the tag name of every element of the pages, and of XML and created elements, exactly as linkedom does', () => {
    let compared = 0;
    const xml = new DOMParser().parseFromString('<Feed><entry><Title>x</Title><svg:g xmlns:svg="s"/></entry></Feed>', 'text/xml') as unknown as Document;
    const made = parseHTML('<p>x</p>').document as unknown as Document;
    const created = ['clipPath', 'DIV', 'x-Widget', 'p'].map((name) => made.createElement(name));
    const elements: Array<[Element, boolean]> = [
      ...documents().flatMap(descendants).map((el): [Element, boolean] => [el, true]),
      ...created.map((el): [Element, boolean] => [el, true]),
      ...descendants(xml).map((el): [Element, boolean] => [el, false]),
    ];
    for (const [el, html] of elements) {
      expect(el.tagName).toBe(ownTagName(el, html));
      expect(el.nodeName).toBe(ownTagName(el, html));
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(descendants(xml).map((el) => el.tagName)).toEqual(['Feed', 'entry', 'Title', 'svg:g']);
  });

  it('steps aside when the getters are not the ones it was written against (another linkedom version)', () => {
    class OtherElement {
      get tagName(): string {
        return 'OTHER';
      }
      get nodeName(): string {
        return 'OTHER';
      }
    }
    const before = Object.getOwnPropertyDescriptors(OtherElement.prototype);
    expect(replaceTagNameGetters(OtherElement.prototype, Symbol('mime'))).toBe(false);
    expect(Object.getOwnPropertyDescriptors(OtherElement.prototype)).toEqual(before);
    expect(new OtherElement().tagName).toBe('OTHER');
    expect(replaceTagNameGetters(class NoNames {}.prototype, Symbol('mime'))).toBe(false);
  });
});
