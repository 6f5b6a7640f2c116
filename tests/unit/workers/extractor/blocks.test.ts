import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { collapseSpace, countWords, firstTextNode, lineElement, preLines, pushChildren, spacedText, tableRowLine, tagOf, textBlocks, textOwners } from '../../../../src/workers/extractor/blocks.js';

describe(textOwners.name, () => {
  it('returns each element owning a text node the pattern matches, once, in document order, never the root', () => {
    const { document } = parseHTML('<html><body><div id="r">Related root text<p>Related <b>Related</b> one</p><div><span>Other</span><h2><a href="/x">Related posts</a></h2></div></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('r') as Element;
    expect(textOwners(root, /^\s*Related\b/).map((el) => el.tagName)).toEqual(['P', 'B', 'A']);
  });
});

describe('lineElement', () => {
  it('climbs to the outermost element holding only the line, below the root, and stops where asked', () => {
    const { document } = parseHTML('<html><body><div id="root"><div id="box"><p id="p"><strong id="s">Written by Jane Doe</strong></p></div><p>Story text.</p></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('root') as Element;
    const strong = document.getElementById('s') as Element;
    expect(lineElement(strong, root, 'Written by Jane Doe').id).toBe('box');
    expect(lineElement(strong, root, 'Written by Jane Doe', (el) => el.tagName === 'P').id).toBe('p');
    expect(lineElement(strong, root, 'another text').id).toBe('s');
  });
});

describe('collapseSpace', () => {
  // The definition: invisible characters out, every whitespace run one space, trimmed.
  const reference = (text: string): string => text.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim();

  it('gives what replacing every whitespace run with one space gives, on any mix of spaces, breaks and invisible characters', () => {
    const pieces = ['a', 'B', 'é', '中', '.', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\u200b', '\ufeff', '\u00ad', '\u2060', '\u2028', '\v\f'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let k = next(12); k > 0; k--) s += pieces[next(pieces.length)];
      expect(collapseSpace(s)).toBe(reference(s));
    }
    for (const s of ['', ' ', 'a b', ' a ', 'a  b', 'a\nb', 'a \u200b b', '\u200b', '\ufeff a', 'x\u3000\u3000y', 'a\u00a0b']) {
      expect(collapseSpace(s)).toBe(reference(s));
    }
  });
});

describe('table rows in the stored text', () => {
  const doc = (body: string) => (parseHTML(`<html><body><div id="r">${body}</div></body></html>`) as unknown as { document: Document }).document;

  it('reads a row of short cells as one line, cells apart by tabs, only when asked', () => {
    const d = doc('<p>Results:</p><table><tr><th>Home</th><th></th><th>Away</th><th></th></tr><tr><td>Aberdeen</td><td> 1 </td><td>Hibernian</td><td>2</td></tr></table><p>End.</p>');
    const root = d.getElementById('r') as Element;
    expect(textBlocks(root, undefined, { shown: true })).toEqual(['Results:', 'Home\t\tAway', 'Aberdeen\t1\tHibernian\t2', 'End.']);
    expect(textBlocks(root)).toEqual(['Results:', 'Home', 'Away', 'Aberdeen', '1', 'Hibernian', '2', 'End.']);
    const owners: Node[] = [];
    textBlocks(root, owners, { shown: true });
    expect(owners.map((n) => (n as Element).tagName)).toEqual(['P', 'TR', 'TR', 'P']);
  });

  it('reads a layout row cell by cell: a cell with a block, a line break or a script, a long row, a lone cell', () => {
    const d = doc(
      '<table>' +
        '<tr id="a"><td><a href="/">Home</a></td><td><p>The story.</p></td></tr>' +
        '<tr id="b"><td>Menu</td><td>Line one<br>Line two</td></tr>' +
        '<tr id="c"><td>Menu</td><td>Text<script>var x = 1;</script></td></tr>' +
        `<tr id="d"><td>Menu</td><td>${'word '.repeat(100)}</td></tr>` +
        '<tr id="e"><td>Only one cell</td></tr>' +
        '<tr id="f"><td>Short</td><td>cells</td></tr>' +
        '</table>',
    );
    const line = (id: string) => tableRowLine(d.getElementById(id) as Element);
    expect([line('a'), line('b'), line('c'), line('d'), line('e')]).toEqual([null, null, null, null, null]);
    expect(line('f')).toBe('Short\tcells');
  });
});

describe('preformatted text in the stored text', () => {
  const doc = (body: string) => (parseHTML(`<html><body><div id="r">${body}</div></body></html>`) as unknown as { document: Document }).document;

  it('keeps the lines of a <pre> and their indentation, only when asked', () => {
    const d = doc('<p>Standings:</p><pre>\n\nRangers   4  3  10   \r\nCeltic    4  2   8\n<code>  indented<br>after a break</code>\n\n</pre>');
    const root = d.getElementById('r') as Element;
    expect(textBlocks(root, undefined, { shown: true })).toEqual(['Standings:', 'Rangers   4  3  10\nCeltic    4  2   8\n  indented\nafter a break']);
    expect(textBlocks(root)).toEqual(['Standings:', 'Rangers 4 3 10 Celtic 4 2 8 indented', 'after a break']);
  });

  it('reads a <pre> holding a block or a script, or no text, block by block', () => {
    const d = doc('<pre id="a">one<p>two</p></pre><pre id="b">x<script>y</script></pre><pre id="c">  \n </pre>');
    expect(['a', 'b', 'c'].map((id) => preLines(d.getElementById(id) as Element))).toEqual([null, null, null]);
  });

  it('is linear on a hostile line of spaces', () => {
    const d = doc(`<pre id="p">${' '.repeat(200_000)}x${' '.repeat(200_000)}</pre>`);
    expect(preLines(d.getElementById('p') as Element)?.trim()).toBe('x');
  });
});

describe('a second document inside the page', () => {
  it('reads no text from a <title> or <head> that stands in the body (an included page of its own)', () => {
    const { document } = parseHTML('<html><body><p>Story text.</p><html><head><title>Included page</title></head><body><p>More story.</p></body></html></body></html>') as unknown as { document: Document };
    expect(textBlocks(document.body)).toEqual(['Story text.', 'More story.']);
  });
});

describe('firstTextNode', () => {
  const root = () =>
    (parseHTML('<html><body><div id="r"> <script>var author = "x";</script><span>\u200b</span><b>Jane Doe</b> writes</div></body></html>') as unknown as { document: Document }).document.getElementById('r') as Element;

  it('gives the first text node, in document order, that the test accepts', () => {
    expect(firstTextNode(root(), (data) => /\S/.test(data))?.data).toBe('var author = "x";');
    expect(firstTextNode(root(), (data) => /Doe/.test(data))?.data).toBe('Jane Doe');
    expect(firstTextNode(root(), () => false)).toBeNull();
  });

  it('passes over the elements `skip` accepts, and the root when it is one', () => {
    const notCode = (el: Element) => el.tagName === 'SCRIPT';
    expect(firstTextNode(root(), (data) => /\S/.test(data), notCode)?.data).toBe('\u200b');
    expect(firstTextNode(root(), (data) => collapseSpace(data) !== '', notCode)?.data).toBe('Jane Doe');
    expect(firstTextNode(root(), () => true, (el) => el.id === 'r')).toBeNull();
  });
});

describe(spacedText.name, () => {
  const el = (html: string): Element =>
    (parseHTML(`<html><body><div id="a">${html}</div></body></html>`) as unknown as { document: Document }).document.getElementById('a') as Element;

  it('reads a space where a <br> or a block breaks the line, when the source has none', () => {
    expect(spacedText(el('Follow us on Facebook<br>The council met.'))).toBe('Follow us on Facebook The council met.');
    expect(spacedText(el('<p>Home</p><p>News</p><ul><li>Sport</li><li>Weather</li></ul>Tail'))).toBe('Home News Sport Weather Tail');
  });

  it('joins inline elements as a browser shows them and leaves out content that is never text', () => {
    expect(spacedText(el('1535<span>kcal</span> <b>a</b><i>b</i><script>var x = 1;</script><style>p{}</style>.'))).toBe('1535kcal ab.');
  });
});

describe(countWords.name, () => {
  it('counts the tokens that hold a letter or a digit when the text has no Chinese or Japanese', () => {
    expect(countWords('  The mayor, 64, said — “no” … 3.5% ')).toBe(6);
    expect(countWords('')).toBe(0);
  });

  it('counts each Chinese or Japanese character as a word, and the rest of its token once', () => {
    expect(countWords('北京 市政府 said 東京タワabc')).toBe(2 + 3 + 1 + 4 + 1);
  });

  it('searches a text without Chinese or Japanese for them once, not token by token', () => {
    const match = vi.spyOn(String.prototype, 'match');
    try {
      expect(countWords('one two three four five')).toBe(5);
      expect(match).not.toHaveBeenCalled();
    } finally {
      match.mockRestore();
    }
  });
});

describe(pushChildren.name, () => {
  it('pushes the children last first, so that they pop in document order, without building the childNodes list', () => {
    const { document } = parseHTML('<div id="d">one<b>two</b><!-- c --><i>three</i>four</div>') as unknown as { document: Document };
    const d = document.getElementById('d') as Element;
    const inOrder = Array.from(d.childNodes);
    Object.defineProperty(d, 'childNodes', { get: () => { throw new Error('childNodes read'); } });
    const stack: Node[] = [];
    pushChildren(stack, d);
    expect(stack).toHaveLength(inOrder.length);
    stack.reverse().forEach((node, i) => expect(node).toBe(inOrder[i]));
  });
});

describe('tagOf', () => {
  it("is an element's tagName in upper case, upper-casing each name once, not at each element", () => {
    // Elements as tagOf reads them (a DOM's tagName getter may upper-case on its own).
    const elements = ['P', 'p', 'x-Card', 'clipPath', 'entry', 'p', 'x-Card', 'P'].map((tagName) => ({ tagName }) as Element);
    const want = elements.map((el) => el.tagName.toUpperCase());
    const upper = vi.spyOn(String.prototype, 'toUpperCase');
    try {
      expect(elements.map(tagOf)).toEqual(want);
      expect(elements.map(tagOf)).toEqual(want);
      // Each name at most once (none when an earlier test met it).
      expect(upper.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      upper.mockRestore();
    }
  });
});
