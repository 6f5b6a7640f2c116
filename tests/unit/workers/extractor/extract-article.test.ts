import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStoryPage } from '../../../../src/demo/sample-wire/render.js';
import { SITE_NAME, STORIES } from '../../../../src/demo/sample-wire/stories.js';
import { extractArticle, joinDropCaps, looksLikeByline, removeBareLabels, removeWrittenBy } from '../../../../src/workers/extractor/extract-article.js';
import { stripSiteSuffix, visibleHeadline } from '../../../../src/workers/extractor/metadata.js';
import { noframesPage } from '../../../../src/workers/extractor/dom.js';

const root = resolve(import.meta.dirname, '../../../..');
const seedPage = readFileSync(resolve(root, 'tests/fixtures/pages/voa-2002-06-11.html'), 'utf8');
const seedParagraphs = readFileSync(resolve(root, 'tests/fixtures/corpora/seed/voa-2002-06-11.txt'), 'utf8')
  .split(/\n/)
  .map((l) => l.trim())
  .filter((l) => l.length > 0)
  .slice(3);
const seedUrl = 'https://www.voanews.test/a/n-korean-refugees-asylum-discussed-by-beijing-seoul/2002-06-11.html';

const CHROME = [
  'Accessibility links',
  'Breaking News',
  'Skip to main content',
  'Stay with us',
  'Share',
  'Facebook',
  'Twitter',
  'Related',
  'Canadian Embassy in Beijing Saturday night', // appears once, in the story
  'Comments',
  'Join the conversation',
  'Most Popular',
  'Subscribe',
  'About VOA',
  'Terms of Use',
  'state-owned international broadcaster',
  'East Asia Pacific',
  'VOA News',
  'June 11, 2002',
];

describe.each(['jsdom', 'linkedom'] as const)('extractArticle on %s', (dom) => {
  const article = extractArticle(seedPage, seedUrl, { dom });

  it('returns the headline without the site suffix when given the seed story page', () => {
    expect(article?.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
  });

  it('returns exactly the eleven story paragraphs when given the seed story page', () => {
    expect(seedParagraphs).toHaveLength(11);
    expect(article?.text).toBe(seedParagraphs.join('\n\n'));
  });

  it('leaves out every piece of page chrome when given the seed story page', () => {
    for (const chrome of CHROME) {
      const count = article?.text.split(chrome).length ?? 0;
      const inStory = seedParagraphs.join('\n\n').split(chrome).length;
      expect(count, chrome).toBe(inStory);
      expect(article?.html.split(chrome).length, chrome).toBe(inStory);
    }
  });

  it('reads the metadata when given the seed story page', () => {
    expect(article?.publishedAt?.startsWith('2002-06-11')).toBe(true);
    expect(article?.publishedAt).toBe('2002-06-11T09:42:00+08:00');
    expect(article?.modifiedAt).toBe('2002-06-11T14:05:00+08:00');
    expect(article?.siteName).toBe('Voice of America');
    expect(article?.language).toBe('en');
    expect(article?.byline).toBe('VOA News');
    expect(article?.dateline).toBe('BEIJING');
    expect(article?.canonicalUrl).toBe(seedUrl);
    expect(article?.leadImage).toBe('https://www.voanews.test/img/2002/06/beijing-embassy-wall.jpg');
    expect(article?.excerpt).toMatch(/^China and South Korea are discussing/);
    expect(article?.wordCount).toBe(seedParagraphs.join(' ').split(/\s+/).length);
  });

  it('produces html with only the story paragraphs when given the seed story page', () => {
    const paragraphs = article?.html.match(/<p>/g) ?? [];
    expect(paragraphs).toHaveLength(11);
    expect(article?.html).not.toMatch(/<script|onclick|<form|<style/i);
  });

  it('returns null when the page has no article', () => {
    expect(extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', seedUrl, { dom })).toBeNull();
  });
});

describe(`${extractArticle.name} on the sample wire stories`, () => {
  it.each(
    STORIES.flatMap((s) => (['jsdom', 'linkedom'] as const).map((dom) => [s.slug, dom, s] as const)),
  )('returns exactly the story paragraphs and metadata when given the %s page on %s', (_slug, dom, story) => {
    const url = `https://courier.test${story.path}`;
    const article = extractArticle(renderStoryPage(story), url, { dom });
    expect(article?.title).toBe(story.headline);
    expect(article?.text).toBe(story.paragraphs.join('\n\n'));
    expect(article?.byline).toBe(story.byline.split(' and ').join(', '));
    expect(article?.dateline).toBe(story.dateline);
    expect(article?.publishedAt).toBe(story.publishedAt);
    expect(article?.modifiedAt).toBe(story.modifiedAt);
    expect(article?.canonicalUrl).toBe(url);
    expect(article?.siteName).toBe(SITE_NAME);
    expect(article?.language).toBe('en-GB');
    expect(article?.excerpt).toBe(story.description);
    expect(article?.leadImage).toBe(new URL(story.image, url).href);
    expect(article?.html).not.toMatch(/onerror|<form|<input|<button|newsletter/i);
  });
});

describe(`${extractArticle.name} on a page that renders its story once per screen size`, () => {
  // Long enough (250 words and more) that the text-density pass leaves Readability's result alone.
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const variant = (cls: string): string => `<div class="variant ${cls}">${paragraphs.map((p) => `<p class="text">${p}</p>`).join('')}</div>`;
  const page = `<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1>${variant('hidden-phone')}${variant('hidden-desktop')}</article></body></html>`;

  it.each(['jsdom', 'linkedom'] as const)('returns the story once on %s, and html without class names', (dom) => {
    const article = extractArticle(page, 'https://courier.test/quay', { dom });
    expect(article?.text).toBe(paragraphs.join('\n\n'));
    expect(article?.html).not.toContain('class=');
  });
});

describe(`${extractArticle.name} on a story whose only author credit is its closing bio`, () => {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const page =
    '<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1>' +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<h3>Written by Mara Lindqvist</h3><p>Mara Lindqvist is a freelance writer who has covered the harbour for ten years.</p>` +
    '</article></body></html>';

  it('takes the bio\'s name as the byline and leaves the bio out of the text', () => {
    const article = extractArticle(page, 'https://courier.test/quay');
    expect(article?.byline).toBe('Mara Lindqvist');
    expect(article?.text).not.toContain('covered the harbour for ten years');
  });
});

describe(`${extractArticle.name} on a blog post that closes with its writer's greeting`, () => {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const page =
    '<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1>' +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>Hi there! I’m Mara, and I started this harbour blog back in 2011 to share my walks.</p>` +
    '</article></body></html>';

  it('leaves the greeting out of the text', () => {
    expect(extractArticle(page, 'https://courier.test/quay')?.text).toBe(paragraphs.join('\n\n'));
  });
});

describe(`${extractArticle.name} on a story whose byline is a first name and that closes with the writer's bio`, () => {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const page = (name: string): string =>
    `<html><head><title>Quay works</title><meta name="author" content="${name}"></head><body><article><h1>Quay works</h1>` +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>${name} has written for the harbour blog since 2018 and covers the docks.</p>` +
    '</article></body></html>';

  it('leaves the bio out, unless the name is the site\'s', () => {
    expect(extractArticle(page('Lauren'), 'https://courier.test/quay')?.text).toBe(paragraphs.join('\n\n'));
    expect(extractArticle(page('Courier'), 'https://courier.test/quay')?.text).toContain('Courier has written for the harbour blog');
  });
});

describe(`${extractArticle.name} on a story that closes with an author box`, () => {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const page =
    '<html><head><title>Quay works</title><meta name="author" content="Jane Doe"></head><body><article><h1>Quay works</h1>' +
    `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<div class="box"><p><strong>Jane Doe</strong></p><p>I have covered the harbour for ten years and live by the sea.</p></div>` +
    '</article></body></html>';

  it('leaves the name line and the bio out of the text', () => {
    const article = extractArticle(page, 'https://courier.test/quay');
    expect(article?.byline).toBe('Jane Doe');
    expect(article?.text).toBe(paragraphs.join('\n\n'));
  });
});

describe(`${extractArticle.name} on a story whose declared author is the site itself`, () => {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `Work on the quay wall continued through night ${i + 1} as crews poured concrete into the new foundations by the harbour.`,
  );
  const page = (credit: string): string =>
    '<html><head><title>Quay works</title><meta property="og:site_name" content="Harbour Courier"><meta name="author" content="Harbour Courier"></head>' +
    `<body><article><h1>Quay works</h1>${credit}${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>` +
    '<section class="comments"><div class="comment"><span class="comment-author-name">Lori Campbell</span> says: great story</div></section></body></html>';

  it('takes the name an author-named element shows, not a commenter\'s', () => {
    expect(extractArticle(page('<div class="author"><a>Brian Truitt</a></div>'), 'https://courier.test/quay')?.byline).toBe('Brian Truitt');
    expect(extractArticle(page(''), 'https://courier.test/quay')?.byline).toBe('Harbour Courier');
  });
});

describe(`${extractArticle.name} with hints`, () => {
  const bare = `<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1>${'<p>Work on the quay wall continued through the night as crews poured concrete into the new foundations.</p>'.repeat(4)}</article></body></html>`;

  it('uses the feed date and the Content-Language header when the page gives neither', () => {
    const article = extractArticle(bare, 'https://news.test/quay', {
      fallbackPublishedAt: '2026-11-20T08:00:00+01:00',
      contentLanguage: 'en-gb',
    });
    expect(article?.publishedAt).toBe('2026-11-20T08:00:00+01:00');
    expect(article?.language).toBe('en-GB');
    expect(article?.warnings).toContain('publishedAt taken from the feed');
  });

  it('prefers the page date and language when the page gives them', () => {
    const article = extractArticle(seedPage, seedUrl, { fallbackPublishedAt: '2026-11-20T08:00:00+01:00', contentLanguage: 'fr' });
    expect(article?.publishedAt).toBe('2002-06-11T09:42:00+08:00');
    expect(article?.language).toBe('en');
  });
});

describe(removeWrittenBy.name, () => {
  it('removes a "Written by" credit line anywhere in the body, and keeps a sentence that starts so', () => {
    const { document } = parseHTML('<html><body><div id="a"><p>The council met.</p><p><strong>Written by Cassidy Horton</strong></p><p>Written by a committee, the plan was approved.</p><p>More text.</p></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('a') as Element;
    expect(removeWrittenBy(root)).toBe(1);
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['The council met.', 'Written by a committee, the plan was approved.', 'More text.']);
  });

  it('removes only the credit line of a paragraph set as lines, with the affiliation under it', () => {
    const { document } = parseHTML('<html><body><div id="a"><p>The council met.</p><p>Written by Ann Lee<br>Staff Writer<br>Who Pays For The Roads</p></div></body></html>') as unknown as { document: Document };
    const root = document.getElementById('a') as Element;
    expect(removeWrittenBy(root)).toBe(1);
    expect(root.querySelectorAll('p')[1]?.textContent?.trim()).toBe('Who Pays For The Roads');
  });
});

describe(removeBareLabels.name, () => {
  it('removes credit labels and prompts alone on their line, and keeps a "By" before a name and a story line that starts so', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><h2>By</h2><p>Edited by</p><p>By <a href="/a/lee">Ann Lee</a></p><p>The council met. By noon the quay was flooded.</p><p>By</p><p>Author</p><ul><li>Rate this article</li></ul><p><strong>Written by</strong> <a href="/a/x">Omar Haddad</a></p><p>Was this helpful? The mayor asked the crowd, and it cheered.</p><p>By:</p></div></body></html>',
    ) as unknown as { document: Document };
    const root = document.getElementById('a') as Element;
    expect(removeBareLabels(root)).toBe(5);
    expect(Array.from(root.children).map((el) => el.textContent)).toEqual([
      'By Ann Lee',
      'The council met. By noon the quay was flooded.',
      'Written by Omar Haddad',
      'Was this helpful? The mayor asked the crowd, and it cheered.',
      'By:',
    ]);
  });
});

describe(looksLikeByline.name, () => {
  it.each(['By Jane Doe', 'By JANE DOE and Omar Haddad, Reuters', 'Par Sébastien Farcis', 'by Lucas Nolan'])('is true when given the name line "%s"', (line) => {
    expect(looksLikeByline(line)).toBe(true);
  });
  it.each(['By the end of the year, the ferry will run hourly.', 'By noon the quay was flooded', 'Bystanders watched'])('is false when given the sentence "%s"', (line) => {
    expect(looksLikeByline(line)).toBe(false);
  });
});

describe(stripSiteSuffix.name, () => {
  it.each([
    ["N. Korean Refugees' Asylum Discussed by Beijing, Seoul | Voice of America - English", 'Voice of America', "N. Korean Refugees' Asylum Discussed by Beijing, Seoul"],
    ['Storm Idris Cuts Power to 40,000 Homes - The Harbour City Courier', 'The Harbour City Courier', 'Storm Idris Cuts Power to 40,000 Homes'],
    ['Lorem ipsum dolor sit amet – My website', null, 'Lorem ipsum dolor sit amet'],
    ['Samantha and The Great Big Lie - John C. Welch - Medium', 'Medium', 'Samantha and The Great Big Lie'],
  ])('removes the site part when given "%s"', (title, site, want) => {
    expect(stripSiteSuffix(title, site, 'news.test')).toBe(want);
  });

  it.each([['Spider-Man: Far From Home review'], ['Biden, Xi meet in Bali'], ['Inflation falls - slowly']])('keeps "%s" whole', (title) => {
    expect(stripSiteSuffix(title, null, 'news.test')).toBe(title);
  });
});

describe('visibleHeadline', () => {
  const h1s = (html: string): Element[] =>
    Array.from((parseHTML(`<html><body>${html}</body></html>`) as unknown as { document: Document }).document.querySelectorAll('h1'));

  it('prefers the <h1> that says nearly what the metadata title says', () => {
    expect(visibleHeadline(h1s('<h1>Top 10 Health and Nutrition Trends to Watch</h1>'), 'Health And Nutrition Trends For 2026', null)).toBe(
      'Top 10 Health and Nutrition Trends to Watch',
    );
  });

  it('skips a logo <h1> (a link, or the site name) and an unrelated <h1>', () => {
    expect(visibleHeadline(h1s('<h1><a href="/">Example News</a></h1>'), 'Flood waters recede in the valley', 'Example News')).toBeNull();
    expect(visibleHeadline(h1s('<h1>Example News</h1>'), 'Example News flood report', 'Example News')).toBeNull();
    expect(visibleHeadline(h1s('<h1>Sample menus</h1>'), '7 days of healthy meals on a budget', null)).toBeNull();
  });

  it('gives up without a metadata title to compare with', () => {
    expect(visibleHeadline(h1s('<h1>Anything</h1>'), null, null)).toBeNull();
  });
});

describe(`${extractArticle.name} on an old table layout written with <font>`, () => {
  const para = (n: number): string =>
    `Paragraph ${n} says what the council decided on Monday about road repairs and why the vote mattered to the town.`;
  const nav = Array.from({ length: 12 }, (_, i) => `<a href="/s${i}.html">Section ${i}</a><br>`).join('');
  /** A council story under its <h1>: an opening paragraph `first`, five paragraphs (COUNCIL_PARAS), then `after`. */
  const councilPara = (n: number): string =>
    `Paragraph ${n}: the council met on Monday and voted on the budget for road repairs, parks and the new school buildings in town.`;
  const COUNCIL_PARAS = [1, 2, 3, 4, 5].map(councilPara);
  const councilPage = (first: string, after = ''): string =>
    '<html><head><title>Council votes on roads</title></head><body><div id="story"><h1>Council votes on roads</h1>' +
    `<p>${first}</p>${COUNCIL_PARAS.map((p) => `<p>${p}</p>`).join('')}${after}</div></body></html>`;

  it('keeps each <br><br> paragraph apart, as a browser shows them', () => {
    const html =
      '<html><head><title>Council votes</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><font size="1">Filed Monday evening</font><br><br>` +
      [1, 2, 3, 4].map((n) => `<font face="Arial" size="2">${para(n)}</font>`).join('<br><br>') +
      '</td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    const blocks = r?.text.split('\n\n') ?? [];
    expect(blocks).toEqual(expect.arrayContaining([para(1), para(2), para(3), para(4)]));
    expect(r?.text).not.toContain('evening' + 'Paragraph');
  });

  it('reads the headline set in <b> as the title, the lines under it as byline and date, and leaves them out of the body', () => {
    const html =
      '<html><head><title>Council votes on roads - The Valley Courier</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><font size="4"><b>Council votes on roads</b></font><br>` +
      '<font size="1">By ANN LEE, Staff Writer</font><br><font size="1">March 3, 2008</font><br><br>' +
      [1, 2, 3, 4].map((n) => `<font face="Arial" size="2">${para(n)}</font>`).join('<br><br>') +
      '</td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/story.php?id=12');
    expect(r?.title).toBe('Council votes on roads');
    expect(r?.byline).toMatch(/^ANN LEE\b/);
    expect(r?.publishedAt).toBe('2008-03-03T00:00:00Z');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it.each([
    ['a tags line', 'Tags: budget, council'],
    ['"Posted by … at …"', 'Posted by Ann Lee at 10:15 am'],
    ['a "Published: …" line', 'Published: March 3, 2008'],
  ])('keeps the whole story of one <td> of <br><br> paragraphs that opens with %s, and drops that line', (_, line) => {
    const html =
      '<html><head><title>Council votes</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td>${line}<br>` +
      [1, 2, 3, 4].map((n) => para(n)).join('<br><br>') +
      '</td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it.each([
    ['a tags line', 'Tags: budget, council'],
    ['"Posted by … at …"', 'Posted by Ann Lee at 10:15 am'],
    ['a "Published: …" line', 'Published: March 3, 2008'],
  ])('keeps a short story of one <div> of <br><br> paragraphs that opens with %s', (_, line) => {
    const short = (n: number): string => `Paragraph ${n} says the council voted on Monday to fix the roads and to open the new school.`;
    const html =
      '<html><head><title>Council votes</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><div>${line}<br>` +
      [1, 2, 3].map((n) => short(n)).join('<br><br>') +
      '</div></td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([short(1), short(2), short(3)]);
  });

  it.each([
    'Read more: Budget<br>The council met on Monday.',
    'Related: Budget<br>The council met on Monday.',
    'Published: March 3, 2008<br>The council met on Monday.',
    'Posted by Ann Lee at 10:15 am<br>The council met on Monday.',
    'Updated March 3, 2008<br>Who pays for the roads?',
  ])('keeps the story line of an opening paragraph "%s"', (first) => {
    const story = first.split('<br>')[1] as string;
    const html = `<html><head><title>Council votes</title></head><body><article><p>${first}</p>${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([story, para(1), para(2), para(3), para(4)]);
  });

  it.each(['category-related-reading', 'tag-see-also', 'disclaimer-affiliate'])(
    'keeps a short story in a plain <div> post whose term classes read as furniture words (%s)',
    (term) => {
      const p1 = 'The council met on Monday and voted to spend four million dollars on road repairs across the town over the next two years.';
      const p2 = 'Work on the first three streets starts in May, the mayor said, and the rest will follow once the spring rains have passed.';
      const html =
        '<html><head><title>Council votes on roads</title></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>' +
        `<div id="content"><div id="post-123" class="post-123 post type-post status-publish format-standard hentry category-news ${term}">` +
        `<h1 class="entry-title">Council votes on roads</h1><div class="entry-content"><p>${p1}</p><p>${p2}</p></div></div></div>` +
        '<footer><p>Copyright 2025 Example Town News.</p></footer></body></html>';
      const r = extractArticle(html, 'https://news.example.org/2025/03/council-votes/');
      expect(r?.text.split('\n\n')).toEqual([p1, p2]);
    },
  );

  it('keeps a story paragraph that shares a short <div> with a follow prompt in the story\'s middle', () => {
    const html =
      '<html><head><title>Council votes</title></head><body><article>' +
      `<p>${para(1)}</p><p>${para(2)}</p><div><p>Follow us on Facebook</p>\n<p>The council met on Monday to vote on the budget.</p></div><p>${para(3)}</p><p>${para(4)}</p></article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), 'The council met on Monday to vote on the budget.', para(3), para(4)]);
  });

  it('drops an opening date line and its time a <br> below, the source running the two together', () => {
    const html = `<html><head><title>Council votes</title></head><body><article><p>March 3, 2008<br>10:15 am</p>${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('drops a follow prompt a <br> above a story line in the story\'s middle, the source running the two together', () => {
    const html =
      '<html><head><title>Council votes</title></head><body><article>' +
      `<p>${para(1)}</p><p>${para(2)}</p><p>Follow us on Facebook<br>The council met on Monday.</p><p>${para(3)}</p><p>${para(4)}</p></article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), 'The council met on Monday.', para(3), para(4)]);
  });

  it.each(['Published: March 3, 2008<br>The council met on Monday.', 'Updated March 3, 2008<br>Who pays for the roads?'])(
    'keeps the story line of "%s" under a repeated headline',
    (second) => {
      const story = second.split('<br>')[1] as string;
      const html = `<html><head><title>Council votes</title></head><body><article><p>Council votes</p><p>${second}</p>${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</article></body></html>`;
      const r = extractArticle(html, 'https://news.example.org/2008/03/council.html');
      expect(r?.text.split('\n\n')).toEqual([story, para(1), para(2), para(3), para(4)]);
    },
  );

  it('reads a frameset page\'s <noframes> copy as its body, and says so', () => {
    const para = 'The council met on Monday and voted on the budget for road repairs, parks and the new school buildings in town.';
    const html =
      '<html><head><title>Council votes</title></head><frameset cols="150,*"><frame src="nav.html"><frame src="story.html">' +
      `<noframes><body><h1>Council votes</h1><p>${para}</p><p>${para}</p></body></noframes></frameset></html>`;
    const r = extractArticle(html, 'https://news.example.org/index.html');
    expect(r?.text).toBe(`${para}\n\n${para}`);
    expect(r?.warnings).toContain('frameset page: the body was read from its <noframes> content');
    expect(noframesPage('<html><frameset><frame src="a.html"><noframes>  </noframes></frameset></html>')).toContain('<frameset>');
    expect(noframesPage('<html><body><noframes><p>x</p></noframes><p>y</p></body></html>')).toContain('<p>y</p>');
  });

  it('reads the first <noframes> that closes, with the page head, and leaves a page whose <noframes> never closes as it is', () => {
    const page = '<html><head><title>T</title></head><frameset><noframes><p>story</p></noframes><noframes><p>other</p></noframes></frameset></html>';
    expect(noframesPage(page)).toBe('<html><head><title>T</title></head><body><p>story</p></body></html>');
    const open = `<html><frameset><noframes><p>story</p>${'<noframes>x'.repeat(2_000)}`;
    expect(noframesPage(open)).toBe(open);
  });

  it('removes a byline block with its job title line whole, and a wire\'s closing "On the Net" links', () => {
    const html = councilPage(
      'By ANN LEE<br>Associated Press Writer',
      '<p>On the Net:</p><p><a href="http://www.city.example.gov">http://www.city.example.gov</a></p>',
    );
    const r = extractArticle(html, 'https://news.example.org/story.php?id=14');
    expect(r?.byline).toBe('ANN LEE');
    expect(r?.text.split('\n\n')).toEqual(COUNCIL_PARAS);
  });

  it.each([
    ['By Ann Lee<br>Who Pays For The Roads', 'Who Pays For The Roads'],
    ['By ANN LEE<br>Associated Press Writer<br>Who Pays For The Roads', 'Who Pays For The Roads'],
    ['By Ann Lee<br>The Council Votes Again', 'The Council Votes Again'],
    ['By Ann Lee<br>Good News', 'Good News'],
    ['By Ann Lee<br>Hard Times', 'Hard Times'],
    ['By Ann Lee<br>Council Takes the Lead', 'Council Takes the Lead'],
    ['Written by Ann Lee<br>Who Pays For The Roads', 'Who Pays For The Roads'],
    ['By Ann Lee<br>Special to The Times<br>The council met on Monday.', 'The council met on Monday.'],
  ])('removes only the byline lines of an opening paragraph "%s" whose other line is no affiliation', (first, kept) => {
    const r = extractArticle(councilPage(first), 'https://news.example.org/story.php?id=15');
    expect(r?.text.split('\n\n')).toEqual([kept, ...COUNCIL_PARAS]);
  });

  it.each(['By ANN LEE<br>Staff Reporter', 'By Ann Lee<br>Special to The Times', 'By Ann Lee<br>Reuters', 'By Ann Lee<br>The Associated Press', 'By Ann Lee<br>Business Editor', 'By Ann Lee<br>The Boston Globe', 'Written by Ann Lee<br>Staff Writer'])(
    'removes an opening paragraph "%s" of a byline and its affiliation whole',
    (first) => {
      const r = extractArticle(councilPage(first), 'https://news.example.org/story.php?id=16');
      expect(r?.text.split('\n\n')).toEqual(COUNCIL_PARAS);
    },
  );

  it.each([
    ['<span class="byline">By Ann Lee</span><br>Associated Press Writer', []],
    ['<span class="byline">By Ann Lee</span><br>Special to The Times<br>ann.lee@example.com', []],
    ['<b><span class="byline">By ANN LEE</span></b><br>Staff Reporter', []],
    ['<span class="byline">By Ann Lee</span><br>Who Pays For The Roads', ['Who Pays For The Roads']],
    ['<span class="byline">By Ann Lee</span><br>Staff Reporter<br>Who Pays For The Roads', ['Who Pays For The Roads']],
  ])('removes the affiliation lines under a byline element that Readability takes away: "%s"', (first, kept) => {
    const r = extractArticle(councilPage(first), 'https://news.example.org/story.php?id=18');
    expect(r?.byline?.toLowerCase()).toBe('ann lee');
    expect(r?.text.split('\n\n')).toEqual([...kept, ...COUNCIL_PARAS]);
  });

  it('removes a line under the byline that the page marks as the byline\'s, and keeps one it does not mark', () => {
    const page = (second: string): string => councilPage(`By Ann Lee<br>${second}`);
    const marked = extractArticle(page('<span class="article__byline">Example Garden Network on Facebook</span>'), 'https://news.example.org/story.php?id=17');
    expect(marked?.text.split('\n\n')).toEqual(COUNCIL_PARAS);
    const plain = extractArticle(page('<span>Example Garden Network on Facebook</span>'), 'https://news.example.org/story.php?id=17');
    expect(plain?.text.split('\n\n')).toEqual(['Example Garden Network on Facebook', ...COUNCIL_PARAS]);
  });

  it('stops removing leading lines at the first line that is not a repeat', () => {
    const para = 'The council met on Monday and voted on the budget for road repairs, parks and the new school buildings in town.';
    const html =
      '<html><head><title>Council votes on roads</title></head><body><div><b>Council votes on roads</b><br>' +
      `A note from the editors on this story<br>By Ann Lee<br><p>${para}</p><p>${para}</p></div></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/story.php?id=13');
    expect(r?.text.startsWith('A note from the editors on this story')).toBe(true);
    expect(r?.text).toContain('By Ann Lee');
  });

  it('leaves out the headline and the byline set each in a table row of its own above a row per paragraph', () => {
    const html =
      '<html><head><title>Council votes on roads - The Valley Courier</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><table><tr><td><font size="4"><b>Council votes on roads</b></font></td></tr>` +
      `<tr><td>By Ann Lee | March 3, 2008</td></tr>${[1, 2, 3, 4].map((n) => `<tr><td class="text">${para(n)}</td></tr>`).join('')}` +
      '</table></td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/story.php?id=15');
    expect(r?.title).toBe('Council votes on roads');
    expect(r?.byline).toBe('Ann Lee');
    expect(r?.publishedAt).toBe('2008-03-03T00:00:00Z');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('leaves out the headline and a "name, date" line inside a <font> that wraps the whole story', () => {
    const html =
      '<html><head><title>Council votes on roads - The Valley Courier</title></head><body><center><table width="700"><tr><td>' +
      `<div class="nav">${nav}</div><font face="verdana"><b>Council votes on roads</b><br><i>Ann Lee, March 3, 2008</i>` +
      `<p>${[1, 2, 3, 4].map(para).join('<p>')}</font></td></tr></table></center></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/story.php?id=16');
    expect(r?.byline).toBe('Ann Lee');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('reads a "name, job title" line as the byline and leaves it out of the body with the date, when one <font> holds both', () => {
    const html =
      '<html><head><title>Council votes on roads - The Valley Courier</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><font size="4"><b>Council votes on roads</b></font><br>` +
      '<font size="2">Ann Lee, Staff Writer<br>3 March 2008</font><br><br>' +
      [1, 2, 3, 4].map((n) => `<font face="Arial" size="2">${para(n)}</font>`).join('<br><br>') +
      '</td></tr></table></body></html>';
    const r = extractArticle(html, 'https://news.example.org/story.php?id=19');
    expect(r?.byline).toBe('Ann Lee');
    expect(r?.publishedAt).toBe('2008-03-03T00:00:00Z');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('leaves out a byline cell set beside the writer\'s photo, under the headline', () => {
    const html =
      '<html><head><title>Council votes on roads - The Valley Courier</title></head><body><table><tr>' +
      `<td width="150">${nav}</td><td><table><tr><td><h1>Council votes on roads</h1></td></tr>` +
      '<tr><td><table><tr><td><img src="/staff/ann-lee.jpg"></td><td>By Ann Lee<br>Staff Writer<br>March 3, 2008</td></tr></table></td></tr>' +
      `<tr><td>${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</td></tr></table></td></tr></table></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/story.php?id=18');
    expect(r?.byline).toBe('Ann Lee');
    expect(r?.text.split('\n\n')).toEqual([para(1), para(2), para(3), para(4)]);
  });

  it('keeps a date that opens a data table at the top of the story: a cell beside others is no line of the layout', () => {
    const html =
      '<html><head><title>Council votes on roads</title></head><body><article><h1>Council votes on roads</h1>' +
      '<table><tr><td>March 3, 2008</td><td>First reading of the roads plan</td></tr><tr><td>March 10, 2008</td><td>Vote of the council</td></tr></table>' +
      `${[1, 2, 3, 4].map((n) => `<p>${para(n)}</p>`).join('')}</article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/story.php?id=17');
    expect(r?.text.startsWith('March 3, 2008\tFirst reading of the roads plan')).toBe(true);
  });
});

describe('extractArticle: tables in the stored text', () => {
  it('gives a results table row by row, cells apart by tabs, and the same words as before', async () => {
    const story = 'Results of Scottish league matches on Saturday, with the standings after the weekend, as the league office supplied them.';
    const rows = [['Aberdeen', '1', 'Hibernian', '2'], ['Hearts', '2', 'Motherwell', '2']];
    const table = `<table><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const html = `<html><head><title>Scottish league results</title></head><body><article><h1>Scottish league results</h1><p>${story}</p>${table}<p>${story}</p></article></body></html>`;
    const r = await extractArticle(html, 'https://example.com/results');
    expect(r?.text).toContain('Aberdeen\t1\tHibernian\t2\n\nHearts\t2\tMotherwell\t2');
    expect(r?.html).toContain('<td>Aberdeen</td>');
  });

  it('gives a <pre> line by line with its indentation', async () => {
    const story = 'Results of Scottish league matches on Saturday, with the standings after the weekend, as the league office supplied them.';
    const html = `<html><head><title>Standings</title></head><body><article><h1>Standings</h1><p>${story}</p><pre>Rangers     4  3  10\nCeltic      4  2   8\n</pre><p>${story}</p></article></body></html>`;
    const r = await extractArticle(html, 'https://example.com/standings');
    expect(r?.text).toContain('Rangers     4  3  10\nCeltic      4  2   8');
  });
});

describe('extractArticle: a whole page included inside another', () => {
  it('stores neither in the text nor in the HTML the included page\'s <title>, which a reader never sees', () => {
    const paras = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the council story tells how the members voted on the budget and what the mayor said.</p>`).join('');
    const html = `<html><head><title>Council votes</title></head><body><div><a href="/">Home</a></div><html><head><title>story_template_v2</title><meta name="x" content="y"></head><body bgcolor="white"><h1>Council votes</h1>${paras}</body></html></body></html>`;
    const a = extractArticle(html, 'https://example.com/news/council');
    expect(a?.text).toContain('Paragraph 7 of the council story');
    expect(a?.text).not.toContain('story_template_v2');
    expect(a?.html).toContain('Paragraph 7 of the council story');
    expect(a?.html).not.toContain('story_template_v2');
  });
});

describe(`${extractArticle.name}: a heading that ends the story`, () => {
  const para = (n: number): string => `Paragraph ${n} says what the council decided on Monday about road repairs and why the vote mattered to the town.`;
  const links = Array.from({ length: 4 }, (_, i) => `<li><a href="/posts/${i}.html">Post ${i}</a></li>`).join('');

  it('leaves out a heading whose list of links was furniture, and keeps the headings inside the story', () => {
    const html =
      '<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1>' +
      `<p>${para(1)}</p><h2>What the vote means</h2><p>${para(2)}</p><p>${para(3)}</p>` +
      `<h3>Recent posts</h3><ul class="related-posts">${links}</ul></article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2025/council.html');
    expect(r?.text.split('\n\n')).toEqual([para(1), 'What the vote means', para(2), para(3)]);
    expect(r?.html).not.toContain('Recent posts');
  });
});

describe(`${extractArticle.name}: a pitch with its button that closes the story`, () => {
  const para = (n: number): string => `Paragraph ${n} says what the council decided on Monday about road repairs and why the vote mattered to the town.`;
  const pitch =
    '<div class="card"><h3>Plan your next project</h3><p>Get a free estimate from a local contractor in two minutes.</p>' +
    '<a class="btn btn-primary" href="https://estimates.example.com/start">Get my estimate</a></div>';

  it('leaves out a short box around a button link when it closes the story, and keeps one between its paragraphs', () => {
    const html = (body: string): string => `<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1>${body}</article></body></html>`;
    const closing = extractArticle(html(`<p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p>${pitch}`), 'https://news.example.org/2025/council.html');
    expect(closing?.text.split('\n\n')).toEqual([para(1), para(2), para(3)]);
    const between = extractArticle(html(`<p>${para(1)}</p><p>${para(2)}</p>${pitch}<p>${para(3)}</p>`), 'https://news.example.org/2025/council.html');
    expect(between?.text).toContain('Get a free estimate from a local contractor');
    expect(between?.text).toContain(para(3));
  });
});

describe(joinDropCaps.name, () => {
  it('puts a drop cap set in an element of its own back at the start of its word', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><div class="first-letter">D</div><div class="rich-text"><p>uring the flood, the council met.</p><p>Then it voted.</p></div></div></body></html>',
    ) as unknown as { document: Document };
    const root = document.getElementById('a') as Element;
    expect(joinDropCaps(root)).toBe(1);
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['During the flood, the council met.', 'Then it voted.']);
    expect(root.querySelector('.first-letter')).toBeNull();
  });

  it('leaves the word "A" before its sentence and an inline cap already followed by its word', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><p><span>A </span><span>mobile app</span> is a project.</p><p><span>A</span><a href="/pm"> project manager</a> leads it.</p><p><span class="cap">T</span>he team grew.</p></div></body></html>',
    ) as unknown as { document: Document };
    const root = document.getElementById('a') as Element;
    expect(joinDropCaps(root)).toBe(0);
    expect(Array.from(root.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['A mobile app is a project.', 'A project manager leads it.', 'The team grew.']);
  });

  it('reads the story with the drop cap joined', () => {
    const para = (n: number): string => `council met on Monday to decide about road repairs number ${n}, and the vote mattered to the town.`;
    const html =
      '<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1><div class="drop">T</div>' +
      `<div class="body"><p>he ${para(1)}</p><p>The ${para(2)}</p><p>The ${para(3)}</p></div></article></body></html>`;
    const r = extractArticle(html, 'https://news.example.org/2025/council.html');
    expect(r?.text.split('\n\n')[0]).toBe(`The ${para(1)}`);
  });
});
