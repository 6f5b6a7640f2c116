import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { headlineWindow } from '../../../../src/workers/extractor/headline-window.js';
import { readMetadata } from '../../../../src/workers/extractor/metadata.js';
import { writtenDates } from '../../../../src/workers/extractor/written-dates.js';

const page = (head: string, body: string): Document =>
  (parseHTML(`<html><head>${head}</head><body>${body}</body></html>`) as unknown as { document: Document }).document;
const URL = 'https://example.com/story';

describe('writtenDates', () => {
  it('reads the usual written forms, in order', () => {
    const got = writtenDates('Last updated: Dec 12, 2025\nPosted 3rd March 2024, 2025-01-02, 13.11.2025, 08/19/2025');
    expect(got.map((d) => d.day)).toEqual(['2025-12-12', '2024-03-03', '2025-01-02', '2025-11-13', '2025-08-19']);
    expect(got[0]?.updated).toBe(true);
    expect(got[1]?.updated).toBe(false);
  });

  it('reads a date glued to the words before it or to the hour after it', () => {
    expect(writtenDates('Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026').map((d) => [d.day, d.updated])).toEqual([
      ['2022-12-22', false],
      ['2026-01-02', true],
    ]);
    expect(writtenDates('Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET').map((d) => [d.day, d.updated])).toEqual([
      ['2022-11-11', true],
      ['2022-11-09', false],
    ]);
    expect(writtenDates('Mar 3, 20251 copies')).toEqual([]);
  });

  it('marks a date inside a sentence of prose, not one after a label, a byline or a dateline', () => {
    const flagged = (t: string): boolean[] => writtenDates(t).map((d) => d.inSentence === true);
    expect(flagged('The end of the tax season for most Americans is April 15, 2025. If you cannot file, you have options.')).toEqual([true]);
    expect(flagged('The estimate is based on 31 completed projects and is valid through 01/23/2026.')).toEqual([true]);
    expect(flagged('A long teaser about the story that goes on. By Lisa Jennings on Dec. 19, 2025')).toEqual([false]);
    expect(flagged('The period, which opened on Wednesday, December 17 2025, runs for a month')).toEqual([false]);
    expect(flagged('RAJSHAHI, Dec 20, 2025 (BSS) - Gardens have helped the villages')).toEqual([false]);
    expect(flagged('4 min read • February 27, 2024')).toEqual([false]);
  });

  it('keeps the other reading of an ambiguous numeric date and drops impossible ones', () => {
    expect(writtenDates('03/04/2025')).toEqual([{ day: '2025-03-04', alt: '2025-04-03', updated: false }]);
    expect(writtenDates('Feb 30, 2025 and 45/45/2025')).toEqual([]);
  });
});

describe('headlineWindow', () => {
  it('reads the lines just above and below the headline, skipping navigation', () => {
    const d = page('', '<nav>Home News</nav><div><div>Last updated:</div><div>Dec 12, 2025</div></div><h1>Title</h1><p>By <a>Jane Doe</a> and Bob</p><nav>Menu</nav><p>March 3, 2025</p>');
    const w = headlineWindow(d.querySelector('h1') as Element);
    expect(w.before).toBe('Last updated:\nDec 12, 2025');
    expect(w.after).toBe('By Jane Doe and Bob\nMarch 3, 2025');
  });

  it('stops after the given number of characters', () => {
    const d = page('', `<h1>Title</h1><p>${'word '.repeat(200)}</p><p>Dec 12, 2025</p>`);
    expect(writtenDates(headlineWindow(d.querySelector('h1') as Element, 300, 600).after)).toEqual([]);
  });
});

describe('publishedAt from the date shown by the headline', () => {
  const head = (published: string, modified?: string): string =>
    `<title>A story about things</title><meta property="article:published_time" content="${published}">` +
    (modified ? `<meta property="article:modified_time" content="${modified}">` : '');

  it('keeps the declared date when the page shows it, or shows only the update', () => {
    const shown = page(head('2025-01-29T20:47:55+00:00', '2025-08-19T10:00:00+00:00'), '<h1>A story about things</h1><p>January 29, 2025</p>');
    expect(readMetadata(shown, URL, []).publishedAt).toBe('2025-01-29T20:47:55+00:00');
    const updated = page(head('2025-01-29T20:47:55+00:00', '2025-08-19T10:00:00+00:00'), '<h1>A story about things</h1><p>Updated August 19, 2025</p>');
    expect(readMetadata(updated, URL, []).publishedAt).toBe('2025-01-29T20:47:55+00:00');
  });

  it('takes the shown date over a declared one that appears nowhere near the headline', () => {
    const d = page(head('2025-06-24T00:00:00.000Z'), '<h1>A story about things</h1><div class="meta">Shauna Mitchell</div><div>August 25, 2024</div>');
    const m = readMetadata(d, URL, []);
    expect(m.publishedAt).toBe('2024-08-25T00:00:00Z');
    expect(m.warnings.join(' ')).toMatch(/shown by the headline/);
  });

  it('takes the update date when it is shown and no publication date is declared', () => {
    const d = page('<title>A story about things</title><meta property="article:modified_time" content="2025-10-08T21:33:14Z">', '<h1>A story about things</h1><p>Updated October 8, 2025</p>');
    expect(readMetadata(d, URL, []).publishedAt).toBe('2025-10-08T21:33:14Z');
  });

  it("does not read the lines around a heading of the site's footer", () => {
    const head = '<title>Addressing concerns around the smart home</title><meta property="article:published_time" content="2023-11-21T19:57:53+00:00">';
    const body = '<p>Text.</p><footer><p>Recorded on August 19, 2025</p><h1>Contact Us Today</h1><p>Email us</p></footer>';
    expect(readMetadata(page(head, body), URL, []).publishedAt).toBe('2023-11-21T19:57:53+00:00');
    expect(readMetadata(page(head, body.replace(/footer>/g, 'div>')), URL, []).publishedAt).toBe('2025-08-19T00:00:00Z');
  });

  it('reads a date written above the headline when the markup has none', () => {
    const d = page('<title>A story about things</title>', '<div>Last updated: Dec 12, 2025</div><h1>A story about things</h1><p>Text.</p>');
    expect(readMetadata(d, URL, []).publishedAt).toBe('2025-12-12T00:00:00Z');
  });
});

describe('writtenDates, numeric forms', () => {
  it('reads year-first dates with any separator and dates glued to the next word', () => {
    expect(writtenDates('2025/4/29 · 2025.12.17').map((d) => d.day)).toEqual(['2025-04-29', '2025-12-17']);
    expect(writtenDates('Dec 17, 2025Julian K. Arni').map((d) => d.day)).toEqual(['2025-12-17']);
    expect(writtenDates('02-12-2025')).toEqual([{ day: '2025-12-02', alt: '2025-02-12', updated: false }]);
  });
});

describe('writtenDates, month names in other languages and between hyphens', () => {
  it('reads day, month and year in Spanish, Portuguese, French, Italian, German and Dutch', () => {
    const got = writtenDates('4 de agosto de 2021 · 12 déc. 2025 · 3. März 2024 · 12 marzo 2020 · 5 mei 2023 · 1 de setembro de 2022');
    expect(got.map((d) => d.day)).toEqual(['2021-08-04', '2025-12-12', '2024-03-03', '2020-03-12', '2023-05-05', '2022-09-01']);
  });

  it('reads a month name between hyphens, dots or slashes, in any of those languages', () => {
    expect(writtenDates('By: FlowGuard EMEA on 04-ago-2021 5:11:10').map((d) => d.day)).toEqual(['2021-08-04']);
    expect(writtenDates('first published 04.Apr.2019, 04/Aug/2021').map((d) => d.day)).toEqual(['2019-04-04', '2021-08-04']);
  });

  it('needs the year and a real day', () => {
    expect(writtenDates('2 years ago 2021, 4 de agosto, 31-feb-2021, 04-ago-21')).toEqual([]);
  });
});

describe('publishedAt from a site-named meta key', () => {
  it('reads a <meta> named for publishing, not one named for an update', () => {
    const d = page('<meta name="w-updated-date" content="2025-06-01T00:00:00Z"><meta name="w-published-date" content="2025-05-27T06:03:43Z">', '<p>Text.</p>');
    expect(readMetadata(d, URL, []).publishedAt).toBe('2025-05-27T06:03:43Z');
    const only = page('<meta name="last-updated" content="2025-06-01">', '<p>Text.</p>');
    expect(readMetadata(only, URL, []).publishedAt).toBeNull();
  });
});

describe('byline from the lines around the headline', () => {
  const read = (body: string, head = '<title>A story about things</title>'): ReturnType<typeof readMetadata> => readMetadata(page(head, body), URL, []);
  const byline = (body: string, head?: string): string | null => read(body, head).byline;
  const guess = (body: string): string | null => read(body).bylineGuess;

  it('reads a labelled name below the headline, cut at the next separator or date', () => {
    expect(byline('<h1>A story about things</h1><p>By <a>Jane Doe</a> | Dec 12, 2025</p>')).toBe('Jane Doe');
    expect(byline('<h1>A story about things</h1><div>Written by</div><div>Edzel Tabing</div>')).toBe('Edzel Tabing');
    expect(byline('<h1>A story about things</h1><p>March 15, 2022 · 3 min read · By ASU Online</p>')).toBe('ASU Online');
    expect(byline('<h1>A story about things</h1><p>ByDaryl Austin</p><p>Published March 9, 2026</p>')).toBe('Daryl Austin');
    expect(byline('<h1>A story about things</h1><p>John Crenshaw in seo</p>')).toBeNull();
    expect(byline('<h1>A story about things</h1><p>Posted by John Crenshaw in seo</p>')).toBe('John Crenshaw');
  });

  it('passes over reviewers, photo credits and sentences', () => {
    expect(byline('<h1>A story about things</h1><p>Reviewed by Robert Tschudi</p>')).toBeNull();
    expect(byline('<h1>A story about things</h1><p>Photos by Ann Lee</p>')).toBeNull();
    expect(byline('<h1>A story about things</h1><p>By clicking subscribe you agree to our terms.</p>')).toBeNull();
  });

  it('reads "by" after a date', () => {
    expect(byline('<h1>A story about things</h1><p>on March 10, 2015 by Nikhil Marathe</p>')).toBe('Nikhil Marathe');
  });

  it('guesses a name alone beside the date below the headline, or on the date line above it (a guess, not the byline)', () => {
    expect(byline('<h1>A story about things</h1><div>Trevor Jackins</div><div>9 min read</div>')).toBeNull();
    expect(guess('<h1>A story about things</h1><div>Trevor Jackins</div><div>9 min read</div>')).toBe('Trevor Jackins');
    expect(guess('<div>Dec 17, 2025 · Julian K. Arni</div><h1>A story about things</h1><p>Text.</p>')).toBe('Julian K. Arni');
    // A title-cased kicker above the headline is not a name; nor is a line repeating the title's words, nor a link label.
    expect(guess('<div>Top Weight Loss</div><div>July 29, 2025</div><h1>A story about things</h1><p>Text.</p>')).toBeNull();
    expect(guess('<h1>A story about things</h1><div>Story About Things</div><div>July 29, 2025</div>')).toBeNull();
    expect(guess('<h1>A story about things</h1><div>Newer Article</div><div>July 29, 2025</div>')).toBeNull();
  });

  it('passes over link texts glued together after a label alone, to the name on the line after', () => {
    expect(byline('<h1>A story about things</h1><div>By</div><div><a>Wedding Checklists</a><a>Just Engaged</a><a>Wedding Planning</a></div><div>Naoise McNally</div>')).toBe('Naoise McNally');
    expect(byline('<h1>A story about things</h1><p>By <a>MixmasterFred</a></p>')).toBe('MixmasterFred');
    expect(byline('<h1>A story about things</h1><p>By <a>Kate FitzGerald</a></p>')).toBe('Kate FitzGerald');
  });

  it('prefers the markup when it names the author', () => {
    expect(byline('<h1>A story about things</h1><p>By Jane Doe</p>', '<title>A story about things</title><meta name="author" content="Ann Lee">')).toBe('Ann Lee');
  });
});

describe('a declared author that is the site itself', () => {
  it('gives way to the person credited by the headline', () => {
    const head = '<title>A story about things</title><meta property="og:site_name" content="GlossGenius"><meta name="author" content="GlossGenius">';
    expect(readMetadata(page(head, '<h1>A story about things</h1><p>By Shauna Mitchell</p>'), URL, []).byline).toBe('Shauna Mitchell');
    // Nobody else credited: the site stays.
    expect(readMetadata(page(head, '<h1>A story about things</h1><p>Text.</p>'), URL, []).byline).toBe('GlossGenius');
  });

  it('is not a job title printed under a name', () => {
    expect(readMetadata(page('<title>A story about things</title>', '<h1>A story about things</h1><div>Marketing Director</div><div>May 3, 2025</div>'), URL, []).bylineGuess).toBeNull();
  });
});

describe('a declared author that is an account\'s login name', () => {
  const byline = (author: string, body: string): string | null =>
    readMetadata(page(`<title>A story about things</title><meta name="author" content="${author}">`, body), URL, []).byline;

  it('gives way to the person credited by the headline', () => {
    expect(byline('KatieS', '<h1>A story about things</h1><p>by <a>Aoife O\'Riordan</a></p>')).toBe("Aoife O'Riordan");
    expect(byline('andrew.keaveney', '<h1>A story about things</h1><div><span>Denise Everheart</span></div><div>August 23, 2023</div>')).toBe('Denise Everheart');
    expect(byline('NOC Admin', '<h1>A story about things</h1><p>By David Gracey</p>')).toBe('David Gracey');
  });

  it('stays when it is a name, the credited name holds it, or nobody else is credited', () => {
    expect(byline('Ann Lee', '<h1>A story about things</h1><p>By Jane Doe</p>')).toBe('Ann Lee');
    expect(byline('David', '<h1>A story about things</h1><p>By David Bau</p>')).toBe('David');
    expect(byline('inikosoftseo', '<h1>A story about things</h1><div>inikosoftseo</div><div>September 8, 2025</div><div>No Comments</div>')).toBe('inikosoftseo');
  });
});

describe('title: the <h1> unless it adds a date, byline or site name to the metadata title', () => {
  const title = (h1: string, metaTitle: string): string | null =>
    readMetadata(page(`<title>${metaTitle}</title>`, `<h1>${h1}</h1><p>Text.</p>`), URL, []).title;

  it('drops what the heading adds after a separator, a date or a label', () => {
    expect(title('How meditation rewires brains | Opinion', 'How meditation rewires brains')).toBe('How meditation rewires brains');
    expect(title('Top Strategies for Security Posted on July 1, 2024 by infuy', 'Top Strategies for Security')).toBe('Top Strategies for Security');
    expect(title('Dec 18 2025 Preparing a transition in Debusine', 'Preparing a transition in Debusine')).toBe('Preparing a transition in Debusine');
    expect(title('Blog: Best Social Media Agencies', 'Best Social Media Agencies')).toBe('Best Social Media Agencies');
  });

  it('keeps a heading that says more than the metadata title', () => {
    expect(title('Pros and Cons of Tiny House Living: Why Live Small?', 'Pros and Cons of Tiny House Living')).toBe('Pros and Cons of Tiny House Living: Why Live Small?');
    expect(title('The Best Home Security Cameras of 2026', 'Best Home Security Cameras of 2026')).toBe('The Best Home Security Cameras of 2026');
  });

  it('reads a line break in the heading as a space, an inline element as nothing', () => {
    expect(title('Weekend<br>Coding Agent', 'Weekend Coding Agent | Blog')).toBe('Weekend Coding Agent');
    expect(title('How AI Can Cut Your Planning C<span>ycle</span>', 'How AI Can Cut Your Planning Cycle')).toBe('How AI Can Cut Your Planning Cycle');
  });
});

describe('publishedAt: a date inside a sentence under the headline', () => {
  it('is a date the story talks about, not its own', () => {
    const body =
      '<h1>Guide to filing your taxes in 2025</h1><p>The end of the 2025 tax season for most Americans is April 15, 2025. If you are unable to file, you have options.</p>' +
      '<p>More text of the guide.</p><footer><p>Page last modified Jan. 17, 2025</p></footer>';
    const m = readMetadata(page('<title>Guide to filing your taxes in 2025</title>', body), URL, []);
    expect(m.publishedAt?.slice(0, 10)).not.toBe('2025-04-15');
  });

  it('still reads a dateline date shown the same way at a line start', () => {
    const m = readMetadata(page('<title>Gardens help villages</title>', '<h1>Gardens help villages</h1><p>RAJSHAHI, Dec 20, 2025 (BSS) - Homestead gardening has been contributing to rural life.</p>'), URL, []);
    expect(m.publishedAt).toBe('2025-12-20T00:00:00Z');
  });
});
