import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { boundedRawText, bylineDate, cleanByline, labelledDate, readMetadata, shortText, visibleByline, visibleDate, writtenByName, authorCardName, labelledName } from '../../../../src/workers/extractor/metadata.js';

const doc = (html: string): Document =>
  (parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document }).document;

describe('visibleDate', () => {
  it('reads the written date of a meta line named by class', () => {
    expect(visibleDate(doc('<h1>Story</h1><div class="post-meta">Posted on December 16th, 2025 by Jane</div>'))).toBe('December 16, 2025');
    expect(visibleDate(doc('<span id="publish-date">Updated 3 Mar 2025</span>'))).toBe('3 Mar 2025');
  });

  it('ignores dates in the story text and in long blocks', () => {
    expect(visibleDate(doc('<p>On December 16, 2025 the council met.</p>'))).toBeNull();
    expect(visibleDate(doc(`<div class="meta">${'word '.repeat(60)} December 16, 2025</div>`))).toBeNull();
  });
});

describe(bylineDate.name, () => {
  it('reads the date shown beside an author link or an author card', () => {
    expect(bylineDate(doc('<h1>Story</h1><p>Text.</p><p>Written by <a href="/blog/author/jane-doe">Jane Doe</a></p><p>April 8, 2024</p>'))).toBe('2024-04-08T00:00:00Z');
    expect(bylineDate(doc('<div class="resource-author"><p>Luke Kim</p><small>December 17, 2025</small></div><p>Text.</p>'))).toBe('2025-12-17T00:00:00Z');
  });

  it('prefers a date not labelled an update, and passes over the authors of comments', () => {
    expect(bylineDate(doc('<div class="byline">Jane Doe</div><p>Updated March 3, 2025</p><p>Published March 1, 2025</p>'))).toBe('2025-03-01T00:00:00Z');
    expect(bylineDate(doc('<p>Text.</p><ol class="comment-list"><li><span class="comment-author">Bob</span> June 2, 2025</li></ol>'))).toBeNull();
  });

  it('dates a page that shows no date by its headline and declares none', () => {
    const m = readMetadata(doc(`<h1>A story about things</h1><p>${'Text of the story. '.repeat(40)}</p><p>By <a href="/author/jane">Jane Doe</a></p><p>April 8, 2024</p>`), 'https://example.com/a', []);
    expect(m.publishedAt).toBe('2024-04-08T00:00:00Z');
    expect(m.warnings).toContain('publishedAt is the date shown beside the author');
  });
});

describe(labelledDate.name, () => {
  it('reads a date labelled as the publication, before one labelled as an update, anywhere on the page', () => {
    expect(labelledDate(doc('<h1>Webcams</h1><p>Text.</p><p style="text-align:right">Last updated: November 13, 2025</p>'))).toBe('2025-11-13T00:00:00Z');
    expect(labelledDate(doc('<p>Updated 3 March 2025</p><p>Text.</p><div>Posted on April 13, 2023</div>'))).toBe('2023-04-13T00:00:00Z');
  });

  it('reads a month and a year as the first of the month', () => {
    expect(labelledDate(doc('<main><p>Text.</p><div><b>Last Updated: </b>June 2022</div></main>'))).toBe('2022-06-01T00:00:00Z');
  });

  it("passes over unlabelled dates, the site's footer and navigation", () => {
    expect(labelledDate(doc('<p>On December 16, 2025 the council met.</p>'))).toBeNull();
    expect(labelledDate(doc('<main><p>Text.</p></main><footer><p>Site last updated: December 20, 2025</p></footer>'))).toBeNull();
    expect(labelledDate(doc('<nav>Posted on April 13, 2023</nav><p>Text.</p>'))).toBeNull();
    expect(labelledDate(doc('<article><p>Text.</p><footer>Published March 2, 2024</footer></article>'))).toBe('2024-03-02T00:00:00Z');
  });

  it('dates a page that gives no other date, after the URL', () => {
    const body = `<h1>Webcams by the falls</h1><p>${'Text of the page. '.repeat(50)}</p><p>Last updated: November 13, 2025</p>`;
    expect(readMetadata(doc(body), 'https://example.com/webcams', []).publishedAt).toBe('2025-11-13T00:00:00Z');
    expect(readMetadata(doc(body), 'https://example.com/2025/10/01/webcams', []).publishedAt).toBe('2025-10-01T00:00:00Z');
  });
});

describe('visibleByline', () => {
  it('reads a name from an author-named element or an /author/ link', () => {
    expect(visibleByline(doc('<div class="entry-author">Author: Emily Norwood</div>'))).toBe('Emily Norwood');
    expect(visibleByline(doc('<p>By <a href="/author/oleg">Oleg Parashchak</a></p>'))).toBe('Oleg Parashchak');
  });

  it('reads a link to an /authors/ page that has no class or id of its own', () => {
    expect(visibleByline(doc('<span>by </span><p><a href="/articles/authors/shannon-grilli">Shannon Grilli</a></p>'))).toBe('Shannon Grilli');
  });

  it('passes over labels, link prompts and sentences', () => {
    expect(visibleByline(doc('<div class="author-box"><a class="author-link">Learn More</a></div>'))).toBeNull();
    expect(visibleByline(doc('<div class="author-bio">Jane writes about energy and climate for the paper.</div>'))).toBeNull();
  });

  it('passes over the authors of comments', () => {
    expect(visibleByline(doc('<ol class="comment-list"><li><span class="comment-author-name">Lori Campbell</span> says</li></ol>'))).toBeNull();
    expect(visibleByline(doc('<div id="comments"><span class="author">Lori Campbell</span></div><div class="author">Ann Lee</div>'))).toBe('Ann Lee');
  });
});

describe(writtenByName.name, () => {
  it('reads the name of a "Written by" line anywhere on the page, cut at its first comma', () => {
    expect(writtenByName(doc('<p>Story.</p><div class="box"><img src="j.jpg"><p>Written by John Crenshaw</p></div>').body)).toBe('John Crenshaw');
    expect(writtenByName(doc('<p>Written by<!-- --> <a href="/blog/author/a-b">Moses Kim and Kate Shokurova</a></p>').body)).toBe('Moses Kim and Kate Shokurova');
    expect(writtenByName(doc('<p><em>This post was written by <a href="/p/2838">Vanessa Mendez, MD</a>, gastroenterologist, Parkview Health.</em></p>').body)).toBe('Vanessa Mendez');
  });

  it('reads a blog post\'s "Posted by" line, its date cut off, and not a comment\'s', () => {
    const post = '<p>The post.</p><span class="posted">Posted by David at December 16, 2025 11:15 AM</span>';
    const comment = '<div class="comments-post">Posted by: <a href="/c?id=1">Lori Campbell</a> at December 19, 2025 12:15 PM</div>';
    expect(writtenByName(doc(post + comment).body)).toBe('David');
    expect(writtenByName(doc(comment).body)).toBeNull();
    expect(writtenByName(doc('<footer><p> Posted by Alon Zakai. </p></footer>').body)).toBe('Alon Zakai');
  });

  it('passes over sentences, other credits and comments', () => {
    expect(writtenByName(doc('<p>Written by hand in the margins of the old ledger, the notes survived.</p>').body)).toBeNull();
    expect(writtenByName(doc('<p>Written by the team, edited by Walter</p>').body)).toBeNull();
    expect(writtenByName(doc('<div class="comment-body"><p>Written by Lori Campbell</p></div>').body)).toBeNull();
  });
});

describe('extractArticle: a "Written by" line as the author', () => {
  it('names the author from a "Written by" line at the story\'s end when nothing else names one', () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>The council discussed item ${i} at length on Tuesday evening, and members said a decision would follow after the public consultation closes next month.</p>`).join('');
    const html = `<html><head><title>Council budget</title></head><body><main><article><h1>Council budget</h1>${story}</article><div class="post-credit"><p>Written by Ann Lee</p></div></main></body></html>`;
    expect(extractArticle(html, 'https://news.test/council')?.byline).toBe('Ann Lee');
  });
});

describe(labelledName.name, () => {
  it('reads the name set right after a credit label that stands alone in its element', () => {
    expect(labelledName(doc('<h2>Article by</h2><div class="text-xl">Matias Heikkilä</div>').body)).toBe('Matias Heikkilä');
    expect(labelledName(doc('<div><span>By </span><button type="button">Chase Bernath</button></div>').body)).toBe('Chase Bernath');
    expect(labelledName(doc('<h2>Article written by:</h2><div><div>Doris Munoz-Mantilla, MD, FOMA</div><p>Dr. Munoz-Mantilla treats obesity.</p></div>').body)).toBe('Doris Munoz-Mantilla');
  });

  it('passes over a label with the name in its own element, a sentence after it, and the comments', () => {
    expect(labelledName(doc('<p>By <a href="/p/ann">Ann Lee</a></p>').body)).toBeNull();
    expect(labelledName(doc('<span>By</span><p>the end of the year the council had met twice.</p>').body)).toBeNull();
    expect(labelledName(doc('<div class="comment-meta"><span>By</span><b>Lori Campbell</b></div>').body)).toBeNull();
  });
});

describe(authorCardName.name, () => {
  it('reads the name an author card opens with when the card\'s whole text is longer', () => {
    const card = '<div class="blog_author-text"><div>Lauren Vetter</div><div>March 3, 2025</div><p>Lauren Vetter is a growth-focused marketing professional who writes about how small health practices find their patients online.</p></div>';
    expect(visibleByline(doc(card))).toBeNull();
    expect(authorCardName(doc(card))).toBe('Lauren Vetter');
    expect(authorCardName(doc('<div class="author-card_title-wrapper"><p>Matteo Laratta</p><p>| Author</p></div>'))).toBe('Matteo Laratta');
  });

  it('passes over a card that opens with a label, a link prompt or a sentence, and the comments\' authors', () => {
    expect(authorCardName(doc('<div class="author-box"><a>Learn More</a><p>Ann Lee</p></div>'))).toBeNull();
    expect(authorCardName(doc('<div class="author-bio"><p>She writes about energy and climate.</p></div>'))).toBeNull();
    expect(authorCardName(doc('<ol class="comment-list"><li><div class="comment-author">Lori Campbell</div><p>Great post, thanks for it.</p></li></ol>'))).toBeNull();
  });
});

describe('cleanByline', () => {
  it('drops a "By" glued to the name and leading punctuation', () => {
    expect(cleanByline('BySummer Swann')).toBe('Summer Swann');
    expect(cleanByline('Written byDan Pantelo')).toBe('Dan Pantelo');
    expect(cleanByline(', USA TODAY')).toBe('USA TODAY');
    expect(cleanByline('Byron Smith')).toBe('Byron Smith');
  });

  it('drops a job title after a comma, and keeps an agency or a second name', () => {
    expect(cleanByline('By JOHN SMITH, Staff Writer')).toBe('JOHN SMITH');
    expect(cleanByline('Ann Lee, Associated Press Writer')).toBe('Ann Lee');
    expect(cleanByline('Ann Lee, Senior Editor')).toBe('Ann Lee');
    expect(cleanByline('Ann Lee, Reuters')).toBe('Ann Lee, Reuters');
    expect(cleanByline('Ann Lee, Omar Haddad')).toBe('Ann Lee, Omar Haddad');
  });

  it('reads no name in an author box\'s label', () => {
    expect(cleanByline('The Author')).toBeNull();
    expect(cleanByline('About the author')).toBeNull();
    expect(cleanByline('Author')).toBeNull();
    // A name that holds the words stays.
    expect(cleanByline('The Author Guild staff')).toBe('The Author Guild staff');
    expect(cleanByline('Jane Author')).toBe('Jane Author');
  });

  it('reads no name in a template field the site left unfilled', () => {
    expect(cleanByline('page.head.extra.author')).toBeNull();
    expect(cleanByline('post.author.display_name')).toBeNull();
    expect(cleanByline('{{ author }}')).toBeNull();
    expect(cleanByline('${post.author}')).toBeNull();
    expect(cleanByline('<%= author %>')).toBeNull();
  });

  it('keeps initials, a user name and a name with a dotted middle initial', () => {
    expect(cleanByline('J.R.R. Tolkien')).toBe('J.R.R. Tolkien');
    expect(cleanByline('J.R.R.Tolkien')).toBe('J.R.R.Tolkien');
    expect(cleanByline('jane.doe')).toBe('jane.doe');
    expect(cleanByline('John F. Smith Jr.')).toBe('John F. Smith Jr.');
    expect(cleanByline('Example.com Staff')).toBe('Example.com Staff');
  });
});

describe('extractArticle: visible metadata', () => {
  const story = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} of the story tells what the council decided on the bridge, and why residents objected to the plan.</p>`).join('');

  it('takes the shown byline when the declared author is a template field left unfilled', () => {
    const page = `<html><head><title>Council approves bridge</title><meta name="author" content="page.head.extra.author"></head><body>
      <article><h1>Council approves bridge</h1><div class="article-meta"><span class="blog-meta-author">Jane Doe</span> · <span class="date">Dec 5, 2025</span></div>${story}</article></body></html>`;
    expect(extractArticle(page, 'https://example.test/bridge')?.byline).toBe('Jane Doe');
  });

  it('takes the byline and date a reader sees when the markup names none', () => {
    const page = `<html><head><title>Council approves bridge</title></head><body>
      <article><h1>Council approves bridge</h1><div class="article-meta"><span class="author-name">Jane Doe</span> · <span class="date">Dec 5, 2025</span></div>${story}</article></body></html>`;
    const r = extractArticle(page, 'https://example.test/bridge');
    expect(r?.byline).toBe('Jane Doe');
    expect(r?.publishedAt?.slice(0, 10)).toBe('2025-12-05');
  });
});

describe('shortText', () => {
  it('returns short text in document order and null for long or empty text', () => {
    const d = doc('<div id="a">By <b>Jane</b> <i>Doe</i></div><div id="b">' + 'long words '.repeat(100) + '</div><div id="c"> </div>');
    expect(shortText(d.getElementById('a') as Element, 50)).toBe('By Jane Doe');
    expect(shortText(d.getElementById('b') as Element, 50)).toBeNull();
    expect(shortText(d.getElementById('c') as Element, 50)).toBeNull();
  });
});

describe(boundedRawText.name, () => {
  it('returns the raw text in document order, takes a known child\'s text as it is, and stops once the text collapses past the limit', () => {
    const d = doc('<div id="a">Try <b id="b">it</b> <i>free</i></div><div id="c">' + '   '.repeat(1000) + 'A short pitch.' + '\n'.repeat(1000) + '</div><div id="d">' + 'long words '.repeat(100) + '</div>');
    const a = d.getElementById('a') as Element;
    expect(boundedRawText(a, 50)).toBe('Try it free');
    // The child read before is not read again: its known text stands in.
    expect(boundedRawText(a, 50, new Map([[d.getElementById('b') as Element, 'IT']]))).toBe('Try IT free');
    // Thousands of spaces collapse to a short line: the raw text is kept whole.
    expect(boundedRawText(d.getElementById('c') as Element, 50)?.length).toBe(4014);
    expect(boundedRawText(d.getElementById('d') as Element, 50)).toBeNull();
    expect(shortText(d.getElementById('c') as Element, 50)).toBe('A short pitch.');
  });

  it('walks the elements\' children without building their childNodes lists', () => {
    const d = doc('<div id="a">Try <b>it <!-- x --></b> <i>free</i></div>');
    const a = d.getElementById('a') as Element;
    for (const el of [a, ...Array.from(a.querySelectorAll('*'))]) {
      Object.defineProperty(el, 'childNodes', { get: () => { throw new Error('childNodes read'); } });
    }
    expect(boundedRawText(a, 50)).toBe('Try it  free');
  });
});

describe('cleanByline, what follows a name', () => {
  it('cuts a job title glued to the name, not a name with an inner capital', () => {
    expect(cleanByline('Harry RabinowitzTech Reporter')).toBe('Harry Rabinowitz');
    expect(cleanByline('Mateusz HabernyFounder at Oakywood')).toBe('Mateusz Haberny');
    expect(cleanByline('Rachel MacDonald')).toBe('Rachel MacDonald');
    expect(cleanByline('Chris McNamaraEditor')).toBe('Chris McNamara');
  });

  it('cuts a year-first date and refuses a weekday', () => {
    expect(cleanByline('EcoFlow - 2025/4/29')).toBe('EcoFlow');
    expect(cleanByline('Sat')).toBeNull();
  });
});
