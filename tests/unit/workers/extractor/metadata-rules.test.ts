import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dateFromUrl, headlineByTitle, jsonLdBlocks, lostCharacters, normalizeDate, onDay, readMetadata, siteLabel, stripSiteSuffix, uncut, withoutJobTitle, isBylineAffiliation } from '../../../../src/workers/extractor/metadata.js';

const page = (head: string, body: string): { doc: Document; html: string } => {
  const html = `<html><head>${head}</head><body>${body}</body></html>`;
  return { doc: (parseHTML(html) as unknown as { document: Document }).document, html };
};
const read = (head: string, body: string, url = 'https://example.com/story'): ReturnType<typeof readMetadata> => {
  const { doc, html } = page(head, body);
  return readMetadata(doc, url, jsonLdBlocks(html));
};

describe('site name suffixes on a subdomain', () => {
  it('knows a host by the name it is registered under', () => {
    expect(siteLabel('promotions.newegg.com')).toBe('newegg');
    expect(siteLabel('www.bbc.co.uk')).toBe('bbc');
    expect(siteLabel('news.example.co.uk')).toBe('example');
    expect(siteLabel('localhost')).toBeNull();
  });

  it('strips a suffix naming the registered site, whatever the subdomain', () => {
    expect(stripSiteSuffix('GAME CHANGER | Newegg.com', null, 'promotions.newegg.com')).toBe('GAME CHANGER');
    expect(stripSiteSuffix('Klatch Coffee | Shopify App Store', null, 'apps.shopify.com')).toBe('Klatch Coffee');
    // A short tail that names another site stays when the head is short too.
    expect(stripSiteSuffix('Klatch Coffee | Hacker News', null, 'apps.shopify.com')).toBe('Klatch Coffee | Hacker News');
  });
});

describe('title: the <h1> that is what the page title reads before a separator', () => {
  it('takes a one-word heading that the <title> starts with, before a site name', () => {
    expect(read('<title>Coffee - University of Wisconsin-Stevens Point</title>', '<h1>Coffee</h1><p>Text.</p>').title).toBe('Coffee');
  });

  it('does not take the site name that a "Site | Story" title starts with', () => {
    const m = read('<title>Example News | Council votes to close the bridge</title>', '<h1>Example News</h1><p>Text.</p>', 'https://www.examplenews.com/a');
    expect(m.title).toBe('Council votes to close the bridge');
  });

  it('takes the heading over an unrelated social title when the <title> starts with it', () => {
    const head = '<title>Best laptops 2026: budget and more | PCWorld</title><meta property="og:title" content="Buying a laptop? These are the ones to buy">';
    expect(read(head, '<h1>Best laptops 2026: budget and more</h1><p>Text.</p>').title).toBe('Best laptops 2026: budget and more');
  });
});

describe("title: the host's name", () => {
  it('is not the headline when an <h1> says it, nor part of the title when it leads it', () => {
    expect(read('<title>davidbau.com Vibe Coding</title>', '<h1>davidbau.com</h1><p>Text.</p>', 'https://davidbau.com/archives/2025/12/16/vibe_coding.html').title).toBe('Vibe Coding');
    expect(stripSiteSuffix('davidbau.com Vibe Coding', null, 'www.davidbau.com')).toBe('Vibe Coding');
    // A title that only mentions another domain, or is the domain and one word, stays.
    expect(stripSiteSuffix('example.com Vibe Coding', null, 'davidbau.com')).toBe('example.com Vibe Coding');
    expect(stripSiteSuffix('davidbau.com Archives', null, 'davidbau.com')).toBe('davidbau.com Archives');
  });
});

describe('title: a metadata title that names only the site', () => {
  it('gives way to the page title', () => {
    const head = '<title>Which mower suits which lawn? | Robomow</title><meta property="og:title" content="Robomow">';
    expect(read(head, '<p>Text.</p>', 'https://www.robomow.com/en/blog/lawn').title).toBe('Which mower suits which lawn?');
  });
});

describe('title: a JSON-LD headline cut short', () => {
  const whole = 'Fix It Friday: How To Arrange Your Living Room? We Help 4 Readers (Including One Trick That Works)';
  it('is replaced by the <title> it is the start of, when the cut is mid-phrase', () => {
    expect(uncut('Fix It Friday: How To Arrange Your Living Room? We Help 4 Readers (Including', `${whole} - Emily Henderson`)).toBe(`${whole} - Emily Henderson`);
    expect(uncut('Fix It Friday: How To Arrange Your Living Room? We Help 4…', `${whole} - Emily Henderson`)).toBe(`${whole} - Emily Henderson`);
    const ld = '<script type="application/ld+json">{"@type":"Article","headline":"Fix It Friday: How To Arrange Your Living Room? We Help 4 Readers (Including"}</script>';
    expect(read(`<title>${whole} - Emily Henderson</title>${ld}`, '<p>Text.</p>').title).toBe(whole);
  });

  it('stays when the <title> only adds a separator and a site name', () => {
    expect(uncut('How to rent a car abroad', 'How to rent a car abroad | Example News')).toBe('How to rent a car abroad');
    expect(uncut('How to rent a car abroad', 'How to rent a car abroad: a guide')).toBe('How to rent a car abroad');
  });
});

describe('mis-decoded UTF-8 in titles', () => {
  it('repairs the title read from the page, written as characters or as entities', () => {
    expect(read('<title>A DIY Investor\u00e2\u0080\u0099s Guide | White Coat Investor</title>', '<p>Text.</p>').title).toBe('A DIY Investor’s Guide');
    expect(read('<title>A DIY Investor&acirc;&euro;&trade;s Guide | White Coat Investor</title>', '<p>Text.</p>').title).toBe('A DIY Investor’s Guide');
  });
});

describe('character references in JSON-LD strings', () => {
  it('reads named references beyond the five of XML (WordPress writes &rsquo; and &bull; into its JSON-LD)', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"Article","headline":"Actuary&rsquo;s Choice &bull; Smith &amp; Co","author":{"@type":"Person","name":"Ren&eacute;e O&rsquo;Neil"},"description":"Consulting &mdash; or insurance&hellip;"}</script>';
    const m = read(`<title>Story</title>${ld}`, '<p>Text.</p>');
    expect(m.title).toBe('Actuary’s Choice • Smith & Co');
    expect(m.byline).toBe('Renée O’Neil');
    expect(m.excerpt).toBe('Consulting — or insurance…');
  });

  it('leaves a query string alone and an unknown name as written', () => {
    const ld = '<script type="application/ld+json">{"@type":"Article","headline":"Rates &notaname; today","url":"https://example.com/a?b=1&copy=2"}</script>';
    const m = read(`<title>Story</title>${ld}`, '<p>Text.</p>');
    expect(m.title).toBe('Rates &notaname; today');
    expect(m.canonicalUrl).toBe('https://example.com/a?b=1&copy=2');
  });
});

describe('publishedAt from the JSON-LD WebPage when no article is described', () => {
  it('reads the WebPage dates after the <meta> tags', () => {
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2024-03-17T19:47:39+00:00","dateModified":"2024-05-03T10:57:58+00:00"}]}</script>';
    const m = read(`<title>Story</title>${ld}`, '<p>Text.</p>');
    expect(m.publishedAt).toBe('2024-03-17T19:47:39+00:00');
    expect(m.modifiedAt).toBe('2024-05-03T10:57:58+00:00');
    const withMeta = read(`<title>Story</title><meta property="article:published_time" content="2024-04-01T00:00:00Z">${ld}`, '<p>Text.</p>');
    expect(withMeta.publishedAt).toBe('2024-04-01T00:00:00Z');
  });
});

describe('JSON-LD written into a <meta name="script:ld+json"> by a site framework', () => {
  const json = '{"@type":"Article","headline":"Full EV Cars","author":{"@type":"Person","name":"Ada Lane"},"datePublished":"2025-11-17T09:00:00-05:00"}';
  const encoded = json.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  it('reads the entity-encoded object as JSON-LD', () => {
    const tag = `<meta name="script:ld+json" content="${encoded}"/>`;
    expect(jsonLdBlocks(tag)).toEqual([JSON.parse(json)]);
    const m = read(`<title>Full EV Cars</title>${tag}`, '<p>Text.</p>');
    expect(m.publishedAt).toBe('2025-11-17T09:00:00-05:00');
    expect(m.byline).toBe('Ada Lane');
  });
  it('reads it with the content before the name, and leaves other meta tags and broken JSON alone', () => {
    expect(jsonLdBlocks(`<meta content='${json}' name="script:ld+json">`)).toEqual([JSON.parse(json)]);
    expect(jsonLdBlocks(`<meta name="description" content="${encoded}"><meta name="script:ld+json" content="{&quot;@type">`)).toEqual([]);
  });
  it('finds the tag among thousands of unclosed <meta> tags, and nothing where none closes', () => {
    expect(jsonLdBlocks(`script:ld+json ${'<meta a '.repeat(8_000)}`)).toEqual([]);
    expect(jsonLdBlocks(`${'<meta a '.repeat(8_000)}<meta name="script:ld+json" content="${encoded}">`)).toEqual([JSON.parse(json)]);
  });
  it('reads JSON-LD scripts wrapped in comments or CDATA, and none after scripts left open', () => {
    const ld = '{"@type":"Article","headline":"Old"}';
    expect(jsonLdBlocks(`<script type="application/ld+json"><!--\n${ld}\n//--></script>`)).toEqual([JSON.parse(ld)]);
    expect(jsonLdBlocks(`<script type="application/ld+json">//<![CDATA[\n${ld}  ${' '.repeat(50_000)}\n//]]></script>`)).toEqual([JSON.parse(ld)]);
    expect(jsonLdBlocks('<script type="application/ld+json">{'.repeat(8_000))).toEqual([]);
  });
});

describe('title: a headline whose characters a charset conversion turned into "?"', () => {
  it('knows the metadata title the "?" or U+FFFD stand in for', () => {
    expect(lostCharacters('What Are The Basics Of Event Planning? Beginner? Guide', 'What Are The Basics Of Event Planning: Beginner’s Guide')).toBe(true);
    expect(lostCharacters('Caf? society', 'Café society')).toBe(true);
    expect(lostCharacters('Why \uFFFDthe end\uFFFD', 'Why “the end”')).toBe(true);
  });
  it('does not take a question, or a title that says other words', () => {
    expect(lostCharacters('Is it over?', 'Is it over?')).toBe(false);
    expect(lostCharacters('Is it over?', 'Is it over')).toBe(false);
    expect(lostCharacters('Why do we?', 'Why do wed')).toBe(false);
    expect(lostCharacters('Is it over? A guide', 'Is it really over: A guide')).toBe(false);
  });
  it('gives up on a heading of more than six marks (the ways to match grow as two to their number)', () => {
    expect(lostCharacters('??? ?? ?', '中文字 標題 字')).toBe(true);
    expect(lostCharacters('a?b?c?d?e?f?g', 'a:b:c:d:e:f:g')).toBe(true);
    expect(lostCharacters('a?b?c?d?e?f?g?h', 'a:b:c:d:e:f:g:h')).toBe(false);
  });
  it('gives the page the metadata title in place of the damaged <h1>', () => {
    const m = read('<title>Event Planning: Beginner&#x27;s Guide</title>', '<h1>Event Planning? Beginner? Guide</h1><p>Text.</p>');
    expect(m.title).toBe("Event Planning: Beginner's Guide");
    expect(read('<title>Is it over? - Daily</title>', '<h1>Is it over?</h1><p>Text.</p>').title).toBe('Is it over?');
  });
});

describe('publishedAt from Google Scholar tags', () => {
  it('reads citation_publication_date, year first with slashes', () => {
    expect(normalizeDate('2019/1/22')?.iso).toBe('2019-01-22T00:00:00Z');
    expect(normalizeDate('2019.01.22')?.iso).toBe('2019-01-22T00:00:00Z');
    expect(read('<title>Backups</title><meta name="citation_publication_date" content="2019/1/22">', '<p>Text.</p>').publishedAt).toBe('2019-01-22T00:00:00Z');
  });
});

describe('publishedAt: a date shown without an update label beats one shown as the update', () => {
  const h = '<title>A story about things</title>';
  it('takes the unlabelled date when the declared publication is shown only as the update', () => {
    const ld = '<script type="application/ld+json">{"@type":"BlogPosting","headline":"A story about things","datePublished":"Aug 21, 2025"}</script>';
    const m = read(`${h}${ld}`, '<h1>A story about things</h1><p>Published Apr 26, 2023</p><p>Updated Aug 21, 2025</p><p>Text.</p>');
    expect(m.publishedAt).toBe('2023-04-26T00:00:00Z');
  });

  it('keeps the declared date when it is shown unlabelled', () => {
    const m = read(`${h}<meta property="article:published_time" content="2023-04-26T10:00:00Z">`, '<h1>A story about things</h1><p>Published Apr 26, 2023</p><p>Updated Aug 21, 2025</p>');
    expect(m.publishedAt).toBe('2023-04-26T10:00:00Z');
  });

  it('takes the unlabelled date over the shown update when no publication is declared', () => {
    const m = read(`${h}<meta property="article:modified_time" content="2024-10-28T22:26:10+00:00">`, '<h1>A story about things</h1><p>April 26, 2024</p><p>Updated on: October 28, 2024</p>');
    expect(m.publishedAt).toBe('2024-04-26T00:00:00Z');
  });

  it('takes the declared modification when the headline shows it unlabelled and the declared publication is not shown', () => {
    const head = `${h}<meta property="article:published_time" content="2025-01-01T03:00:00Z"><meta property="article:modified_time" content="2025-03-05T13:25:58Z">`;
    const m = read(head, '<h1>A story about things</h1><p>By Kathryn Giuffrida Mar 5, 2025</p><p>Text.</p>');
    expect(m.publishedAt).toBe('2025-03-05T13:25:58Z');
    // Shown as the update, it stays the update: the declared publication is the story's.
    expect(read(head, '<h1>A story about things</h1><p>Last updated: Mar 5, 2025</p><p>Text.</p>').publishedAt).toBe('2025-01-01T03:00:00Z');
    // The declared publication shown too: it stands.
    expect(read(head, '<h1>A story about things</h1><p>Jan 1, 2025</p><p>Mar 5, 2025</p><p>Text.</p>').publishedAt).toBe('2025-01-01T03:00:00Z');
  });

  it('reads an update label on the line before the date', () => {
    const m = read(`${h}<meta property="article:modified_time" content="2024-10-28T22:26:10+00:00">`, '<h1>A story about things</h1><p>April 26, 2024</p><p>Last updated on</p><p>October 28, 2024</p>');
    expect(m.publishedAt).toBe('2024-04-26T00:00:00Z');
  });
});

describe('title: an <h1> with an icon before its words', () => {
  it('is the headline; an image with a word or two is a logo', () => {
    const head = '<title>Ten tips to finish an online course – Journey To College – Realize your potential.</title>';
    const m = read(head, '<h1><span><img src="/icon.png"></span> Ten tips to finish an online course</h1><p>Text.</p>', 'https://journeytocollege.mo.gov/2609-2/');
    expect(m.title).toBe('Ten tips to finish an online course');
    const logo = read('<title>Ten tips to finish an online course</title>', '<h1><img src="/logo.png"> Tips online</h1><p>Text.</p>');
    expect(logo.title).toBe('Ten tips to finish an online course');
  });
});

describe('publishedAt from the URL', () => {
  it('reads a date leading the slug, and a month written as a name', () => {
    expect(dateFromUrl('https://blog.example.fr/articles/2025-12-15+Rust+GCC+backend:+Why+and+how')).toBe('2025-12-15T00:00:00Z');
    expect(dateFromUrl('https://www.example.com/blog/2023/october/03/how-many-wine-types/')).toBe('2023-10-03T00:00:00Z');
    expect(dateFromUrl('https://www.example.com/blog/2023/Sept/3')).toBe('2023-09-03T00:00:00Z');
    expect(dateFromUrl('https://www.example.com/blog/2023/fall/03/')).toBeNull();
  });

  it('settles a numeric date that reads both ways', () => {
    const body = '<h1>How many wine types are there?</h1><p>03/10/2023 by the Trust</p><p>Text.</p>';
    const m = read('<title>How many wine types are there?</title>', body, 'https://www.example.com/blog/2023/october/03/how-many-wine-types/');
    expect(m.publishedAt).toBe('2023-10-03T00:00:00Z');
    expect(read('<title>How many wine types are there?</title>', body, 'https://www.example.com/blog/wine-types/').publishedAt).toBe('2023-03-10T00:00:00Z');
  });
});

describe('title: the story headline and a teaser link with the same words', () => {
  it('keeps the unlinked heading, and reads the byline and date under it', () => {
    const body =
      '<h1>The best trails in Houston for biking</h1><p>By Daniel Renfrow April 12, 2024</p><p>Text of the story.</p>' +
      '<ul><li><h1><a href="/trails">The best trails in Houston for biking</a></h1><p>April 9, 2024</p></li></ul>';
    const m = read('<title>Where to bike in Houston: the best trails | Houstonia</title>', body);
    expect(m.title).toBe('The best trails in Houston for biking');
    expect(m.byline).toBe('Daniel Renfrow');
    expect(m.publishedAt).toBe('2024-04-12T00:00:00Z');
  });
});

describe('byline: a name followed by the date', () => {
  it('ends before the month, but keeps a name that is a month', () => {
    const m = read('<title>A story about things</title>', '<h1>A story about things</h1><p>By Gillian Mohney March 11, 2015 3:46 PM</p><p>Text.</p>');
    expect(m.byline).toBe('Gillian Mohney');
    expect(read('<title>A story about things</title>', '<h1>A story about things</h1><p>By Theresa May</p><p>Text.</p>').byline).toBe('Theresa May');
  });
});

describe('byline: a name shown beside the date without a "By" label', () => {
  const h = '<title>A story about things</title>';
  it('is read with the job title between the name and the date', () => {
    const m = read(h, '<h1>A story about things</h1><div>Jack Shepherd</div><div>Co-Founder &amp; Marketing Director</div><div>Updated on 23 Oct 2025</div><p>Text.</p>');
    expect(m.byline ?? m.bylineGuess).toBe('Jack Shepherd');
  });

  it('is read without the section the story is filed in', () => {
    const m = read(h, '<h1>A story about things</h1><p>Dec 26, 2025 • Mahua Das in Project Management</p><p>Text.</p>');
    expect(m.byline ?? m.bylineGuess).toBe('Mahua Das');
  });

  it('is not a CMS account name', () => {
    expect(read(h, '<h1>A story about things</h1><p>By admin</p><p>Text.</p>').byline).toBeNull();
  });

  it('is read from a "name, job title" line over the date, as newspapers set it', () => {
    const m = read(h, '<h1>A story about things</h1><div>Ann Lee, Staff Writer</div><div>3 March 2008</div><p>Text.</p>');
    expect(m.byline ?? m.bylineGuess).toBe('Ann Lee');
  });
});

describe(isBylineAffiliation.name, () => {
  it.each(['Associated Press Writer', 'Staff Reporter', 'Business Editor', 'Times Staff', 'Staff and wire reports', 'Reuters', 'The Associated Press', 'Special to The Times', 'The Boston Globe', 'The Wall Street Journal', 'The Daily News', 'Senior Political Writer', 'Team Lead', 'ann.lee@example.com', '@annlee'])(
    'reads "%s" as the writer\'s affiliation',
    (line) => expect(isBylineAffiliation(line)).toBe(true),
  );

  it.each(['Who Pays For The Roads', 'The Council Votes Again', 'The council met on Monday to vote on the budget for roads.', 'Photo gallery', 'Good News', 'Breaking News', 'Hard Times', 'Weekly', 'Local Press', 'Council Takes the Lead', 'Letters to the Editor', 'Keep Your Head', 'A Note From Our Founder'])(
    'reads "%s" as no affiliation',
    (line) => expect(isBylineAffiliation(line)).toBe(false),
  );
});

describe(withoutJobTitle.name, () => {
  it('gives the name of a "name, job title" line, and nothing for a line whose words after the comma are no job title', () => {
    expect(withoutJobTitle('Ann Lee, Staff Writer')).toBe('Ann Lee');
    expect(withoutJobTitle('JOHN SMITH, Associated Press Writer')).toBe('JOHN SMITH');
    expect(withoutJobTitle('Springfield, Illinois')).toBeNull();
    expect(withoutJobTitle('Ann Lee, the new editor of the paper, said on Monday')).toBeNull();
  });
});

describe('title: a headline in capitals only', () => {
  it('gives way to the metadata title written in ordinary case', () => {
    const m = read('<title>Best Drip Coffee Maker 2026: Buying Tips From Coffee Pros</title>', '<h1>BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS FROM COFFEE PROS</h1><p>Text.</p>');
    expect(m.title).toBe('Best Drip Coffee Maker 2026: Buying Tips From Coffee Pros');
    expect(read('<title>BBC NEWS TODAY</title>', '<h1>BBC NEWS TODAY</h1><p>Text.</p>').title).toBe('BBC NEWS TODAY');
  });
});

describe(headlineByTitle.name, () => {
  const doc = (body: string): Document => (parseHTML(`<html><body>${body}</body></html>`) as unknown as { document: Document }).document;
  it('finds the first element, not a link, whose text is the title or its head, in three words or more', () => {
    const d = doc('<a href="/x"><b>Mayor signs the budget</b></a><font size="4"><b>Mayor signs the budget</b></font>');
    expect(headlineByTitle(d, new Set(['mayorsignsthebudget']), null, [])?.tagName).toBe('FONT');
    expect(headlineByTitle(d, new Set(), 'Mayor signs the budget', [])?.tagName).toBe('FONT');
  });
  it('finds a paragraph that is the title, as site builders set a headline, and reads the byline and date under it', () => {
    expect(headlineByTitle(doc('<div><p>Top 5 HR tools in 2026</p></div>'), new Set(), 'Top 5 HR tools in 2026', [])?.tagName).toBe('P');
    const m = read('<title>Top 5 HR tools in 2026 | Diana</title>', '<div><p>Top 5 HR tools in 2026</p></div><div><p>Diana Team</p><p>Feb 16, 2026</p></div><p>Text.</p>');
    expect(m.publishedAt).toBe('2026-02-16T00:00:00Z');
  });
  it('takes a paragraph only when no heading-like element is the title: a story paragraph repeating it comes first in the tree', () => {
    // Paragraphs loose in a table are moved before it, so the repeated title in the story precedes the real headline.
    const d = doc('<p>Mayor signs the budget</p><p>The council met.</p><table><tr><td><h2>Mayor signs the budget</h2>By Ana Ruiz</td></tr></table>');
    expect(headlineByTitle(d, new Set(), 'Mayor signs the budget', [])?.tagName).toBe('H2');
  });
  it("skips short text and the site's name", () => {
    expect(headlineByTitle(doc('<b>Budget signed</b>'), new Set(['budgetsigned']), null, [])).toBeNull();
    expect(headlineByTitle(doc('<b>Valley Courier Online</b>'), new Set(['valleycourieronline']), null, [null, 'www.valleycourier.com'])).toBeNull();
  });
});

describe('normalizeDate on words with a number', () => {
  it('reads written dates, and not a heading or a name with a number (which Date.parse takes for 2001)', () => {
    expect(normalizeDate('Published March 3, 2008')?.iso).toBe('2008-03-03T00:00:00.000Z');
    expect(normalizeDate('Mon, 03 Mar 2008 10:00:00 GMT')?.iso).toBe('2008-03-03T10:00:00.000Z');
    expect(normalizeDate('3/4/2008 10:00 AM')?.iso).toBe('2008-03-04T10:00:00.000Z');
    for (const t of ['Part 1', 'Step 3', 'Top 10', 'Windows 11', 'Section 12', 'What new technology is coming in 2026?', 'Mayor 12']) {
      expect(normalizeDate(t)).toBeNull();
    }
  });
});

describe(onDay.name, () => {
  it('writes an instant in the offset nearest UTC whose calendar day is the one asked for', () => {
    expect(onDay('2025-12-19T02:41:41+00:00', '2025-12-18')).toBe('2025-12-18T23:41:41-03:00');
    expect(onDay('2025-12-18T23:30:00-02:00', '2025-12-19')).toBe('2025-12-19T01:30:00+00:00');
    expect(onDay('2025-12-19T12:00:00Z', '2025-12-19')).toBe('2025-12-19T12:00:00+00:00');
  });

  it('is null when no real zone (-12:00 to +14:00) puts the instant on that day', () => {
    expect(onDay('2025-12-19T22:02:58Z', '2025-12-18')).toBeNull();
    expect(onDay('not a date', '2025-12-18')).toBeNull();
  });
});

describe('publishedAt: the day the headline and the URL show, a day from the declared instant', () => {
  const head = '<title>A story about things</title><meta property="article:published_time" content="2025-12-19T02:41:41+00:00">';
  const body = '<h1>A story about things</h1><p>Posted on December 18, 2025</p><p>Text.</p>';
  it('keeps the instant, written on the day both show', () => {
    const m = read(head, body, 'https://example.com/2025/12/18/a-story');
    expect(m.publishedAt).toBe('2025-12-18T23:41:41-03:00');
    expect(m.warnings.join(' ')).toMatch(/the headline and the URL show/);
  });

  it('takes the <time> of that day when the page has one', () => {
    const m = read(head, '<h1>A story about things</h1><p><time datetime="2025-12-18T19:41:41-07:00">December 18, 2025</time></p>', 'https://example.com/2025/12/18/a-story');
    expect(m.publishedAt).toBe('2025-12-18T19:41:41-07:00');
  });

  it('keeps the declared instant when only the headline shows the other day', () => {
    expect(read(head, body, 'https://example.com/a-story').publishedAt).toBe('2025-12-19T02:41:41+00:00');
  });
});

describe('publishedAt: a declared day the URL path holds too', () => {
  it('stands against other dates shown by the headline', () => {
    const head = '<title>How to choose a tool</title><meta property="article:published_time" content="2021-01-18T19:55+01:00">';
    const body = '<h1>How to choose a tool</h1><p>Updates</p><p>2022-04-12 Link to another essay</p><p>2023-06-12 Further arguments</p><p>Text.</p>';
    expect(read(head, body, 'https://example.com/2021/01/18/tool-choices').publishedAt).toBe('2021-01-18T19:55:00+01:00');
    // Without the URL's word, a date shown wins as before.
    expect(read(head, body, 'https://example.com/tool-choices').publishedAt).toBe('2023-06-12T00:00:00Z');
  });
});

describe('title: an <h1> that the page declares as its title under two keys', () => {
  const body = (h1: string): string => `<h1>${h1}</h1><p>By Jane Doe</p><p>Text of the story.</p>`;
  const h1 = 'I Tried Amp, the AI Strength Training System — and It May Replace My Gym';
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Amp AI Fitness Machine Review With Photos"}</script>';

  it('is the headline, though the JSON-LD headline read first says other words', () => {
    const head = `<title>Amp AI Fitness Machine Review With Photos | PS Fitness</title><meta property="og:title" content="${h1}"><meta name="twitter:title" content="${h1}">${ld}`;
    expect(read(head, body(h1)).title).toBe(h1);
  });

  it('is not taken when one key alone says it (a social variant)', () => {
    const head = `<title>Amp AI Fitness Machine Review With Photos | PS Fitness</title><meta property="og:title" content="The Amp machine, reviewed"><meta name="twitter:title" content="${h1}">${ld}`;
    expect(read(head, body(h1)).title).toBe('Amp AI Fitness Machine Review With Photos');
  });
});

describe('publishedAt: the <time pubdate> of the page', () => {
  const ld = '<script type="application/ld+json">{"@type":"Article","headline":"Ten free tools","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"2025-11-29T12:28:31-05:00"}</script>';
  const head = `<title>Ten free tools</title>${ld}`;

  it('wins over a declared date of another day', () => {
    const m = read(head, '<h1>Ten free tools</h1><p>Text of the story.</p><div>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div>');
    expect(m.publishedAt).toBe('2025-08-13T00:00:00Z');
    expect(m.warnings.join(' ')).toContain('pubdate');
  });

  it('leaves the declared instant when it says the same day, and is not read in a teaser link', () => {
    expect(read(head, '<h1>Ten free tools</h1><p>Text.</p><time pubdate datetime="2025-11-29">Nov 29, 2025</time>').publishedAt).toBe('2025-11-29T12:28:31-05:00');
    const story = `<p>${'Text of the story, long enough to fill the lines read under its headline. '.repeat(12)}</p>`;
    expect(read(head, `<h1>Ten free tools</h1>${story}<a href="/b"><time pubdate datetime="2025-08-13">Aug 13</time> Another story</a>`).publishedAt).toBe(
      '2025-11-29T12:28:31-05:00',
    );
  });
});

describe('canonical and image_src links', () => {
  it('reads the canonical link and the image_src link of a page without og tags', () => {
    const m = read('<meta name="description" content="d"><link rel="Canonical" href="/story-1"><link rel="image_src" href="/pic.jpg">', '<p>text</p>');
    expect(m.canonicalUrl).toBe('https://example.com/story-1');
    expect(m.leadImage).toBe('https://example.com/pic.jpg');
  });
});
