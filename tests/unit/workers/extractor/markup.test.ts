import { describe, expect, it } from 'vitest';
import { cleanCharacters, compactMarkup, extractArticle, slimAttributes, stripExecutable } from '../../../../src/workers/extractor/extract-article.js';
import { tagShape } from '../../../../src/workers/extractor/nesting.js';

describe(compactMarkup.name, () => {
  it('drops whitespace right inside blocks and between head elements', () => {
    expect(compactMarkup('<div>\n  <p>a</p>\n</div>')).toBe('<div><p>a</p></div>');
    expect(compactMarkup('<head>\n<meta charset="utf-8">\n  <title>t</title>\n</head>')).toBe('<head><meta charset="utf-8"><title>t</title></head>');
  });

  it('keeps whitespace that separates words or renders', () => {
    // Between siblings: textContent would glue "Silverman" and "Games".
    expect(compactMarkup('<div>Ben Silverman</div>\n<div>Games Editor</div>')).toBe('<div>Ben Silverman</div>\n<div>Games Editor</div>');
    expect(compactMarkup('<p><b>a</b> <i>b</i></p>')).toBe('<p><b>a</b> <i>b</i></p>');
    expect(compactMarkup('<span>\n  <a>x</a></span>')).toBe('<span>\n  <a>x</a></span>');
    expect(compactMarkup('<pre>\n  <code>x</code>\n</pre>')).toBe('<pre>\n  <code>x</code>\n</pre>');
    expect(compactMarkup('<textarea>\n  <p>x</p>\n</textarea>')).toBe('<textarea>\n  <p>x</p>\n</textarea>');
    // Non-breaking and ideographic spaces are text.
    expect(compactMarkup('<div>\u00a0<p>a</p></div>')).toBe('<div>\u00a0<p>a</p></div>');
    expect(compactMarkup('<p>\u3000\u3000<strong>a</strong></p>')).toBe('<p>\u3000\u3000<strong>a</strong></p>');
  });
});

describe('markup left open (hostile or broken pages)', () => {
  const open = '<meta property="og:title" content="x'.repeat(8_000);
  it('compacts the closed tags and leaves the open ones as they are', () => {
    expect(compactMarkup(`<div>\n  <p>a</p>\n</div>${open}`)).toBe(`<div><p>a</p></div>${open}`);
    // A tag whose value holds a "<" is left uncompacted: its whitespace stays, which never renders.
    expect(compactMarkup('<div title="a<b">\n  <p>a</p></div>')).toBe('<div title="a<b">\n  <p>a</p></div>');
  });
  it('slims the closed start tags and leaves the open ones as they are', () => {
    const tail = '<link a '.repeat(2_000);
    expect(slimAttributes(`<div class="c" onclick="go()">a</div>${tail}`)).toBe(`<div class="c">a</div>${tail}`);
  });
  it('counts the closed tags of a page whose other tags never close', () => {
    const limits = { depth: 1000, elements: 100_000 };
    const closed = '<div><p>a</p><div><span>b</span></div></div>';
    expect(tagShape(`${closed}${'<div a="'.repeat(8_000)}`, limits)).toEqual(tagShape(closed, limits));
    expect(tagShape(closed, limits).elements).toBe(4);
  });
  it('still reads the page', async () => {
    const body = `<p>${'Some words of a story here. '.repeat(40)}</p>`;
    const article = await extractArticle(`<html><head><title>A story</title></head><body><h1>A story</h1>${body}${open}</body></html>`, 'https://example.com/a/story');
    expect(article?.text).toContain('Some words of a story here.');
  });
});

describe(slimAttributes.name, () => {
  it('drops handlers, data-*, aria-* and bindings nothing reads', () => {
    expect(slimAttributes('<div class="c" onclick="go()" data-track="x" aria-label="l" tabindex="0" id="i">')).toBe('<div class="c" id="i">');
    expect(slimAttributes('<a href="/x" target="_blank" onmouseover=steal()>')).toBe('<a href="/x">');
  });

  it('keeps what Readability reads: lazy-image data-* on media, aria-hidden, aria-modal, style', () => {
    const img = '<img src="p.gif" data-src="real.jpg" data-srcset="real-2x.jpg 2x">';
    expect(slimAttributes(img)).toBe(img);
    const hidden = '<div aria-hidden="true" aria-modal="true" style="display:none">';
    expect(slimAttributes(hidden)).toBe(hidden);
  });

  it('never touches words inside attribute values or text', () => {
    const meta = '<meta name="description" content="not only online, one data-x=1 onclick">';
    expect(slimAttributes(meta)).toBe(meta);
    expect(slimAttributes('<p>click onclick="x" here</p>')).toBe('<p>click onclick="x" here</p>');
    expect(slimAttributes('<a title="a > b" onclick="x" href="/y">')).toBe('<a title="a > b" href="/y">');
  });
});

describe(stripExecutable.name, () => {
  it('removes scripts, styles, comments, SVG, templates and stylesheet links in one pass', () => {
    const html = '<p>a</p><script>x</script><style>p{}</style><!-- <script> --><svg><path/></svg><template><p>t</p></template><link rel="stylesheet" href="s.css"><p>b</p>';
    expect(stripExecutable(html)).toBe('<p>a</p><p>b</p>');
  });

  it('removes an unclosed script to the end', () => {
    expect(stripExecutable('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p>');
  });
});

describe('the pre-parse passes keep the story', () => {
  it('extracts the same paragraphs and byline from indented markup', () => {
    const para = (n: number): string => `Paragraph ${n} of the story has enough words to count as text in the article body for the extractor here.`;
    const html = `<html><head>
        <title>Story</title>
      </head>
      <body>
        <article data-id="1" onclick="track()">
          <h1>Story</h1>
          <div class="byline">
            <span>By Ann Lee</span>
          </div>
          ${[1, 2, 3, 4].map((n) => `<p>\n            ${para(n)}\n          </p>`).join('\n          ')}
        </article>
      </body></html>`;
    const got = extractArticle(html, 'https://news.test/a');
    expect(got?.text).toBe([1, 2, 3, 4].map(para).join('\n\n'));
    expect(got?.byline).toBe('Ann Lee');
    expect(got?.html).not.toMatch(/onclick|data-id/);
  });
});

describe(cleanCharacters.name, () => {
  it('drops control characters and replaces lone surrogates, keeping valid pairs', () => {
    expect(cleanCharacters('a\u0000b\u0007c\td\n')).toBe('abc\td\n');
    expect(cleanCharacters('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(cleanCharacters('smile \uD83D\uDE00')).toBe('smile \uD83D\uDE00');
  });
});
