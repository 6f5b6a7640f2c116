import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { closingBioName, copiesBlockBefore, isBuilderBox, CREDIT_TEXT, isAdviceDisclaimer, isQuoteAttribution, isAffiliateDisclosure, isParticularsStrip, isProductionNote, isSitePitch, isSocialFollow, isFurnitureText, looksLikeFurniture, removeAuthorBio, removeAuthorBox, removeButtonBoxes, markButtonBoxes, trimButtonBoxes, BUTTON_BOX_MARK, removeFurniture, removeGreetingBio, removeHeadingPermalinks, removeInlineFurniture, removeLinkColumns, removeNamedAuthorBoxes, removeOtherSections, removeRepeatedSiblings, removeShownTwice, removeTeaserCards, removeMarkedTeasers, TEASER_MARK, trimStoryEnd, trimAfterSeparator, withoutTermClasses } from '../../../../src/workers/extractor/boilerplate.js';
import { collapseSpace, textBlocks } from '../../../../src/workers/extractor/blocks.js';

const doc = (html: string): Document =>
  (parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document }).document;

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('removeFurniture', () => {
  it('keeps a wrapper whose class names a part of the page ("flex-wrap-footer") when it holds most of the page text', () => {
    const d = doc(`<div class="flex-wrap-footer"><h1>Title</h1><blockquote>${words(120)}</blockquote><footer>About us</footer></div><nav>Home News</nav>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('word119');
    expect(d.body.textContent).not.toContain('About us');
    expect(d.body.textContent).not.toContain('Home News');
  });

  it('still removes a furniture-named block that holds a small part of the page', () => {
    const d = doc(`<article><p>${words(150)}</p></article><div class="site-footer"><p>${words(20)} footer text</p></div>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('footer text');
  });
});

describe('removeFurniture: cutlines', () => {
  it('removes a newspaper\'s cutline block', () => {
    const { document } = parseHTML('<html><body><div class="cutline">Council members listen during the vote.</div><p>Story text.</p></body></html>') as unknown as { document: Document };
    removeFurniture(document);
    expect(document.body.textContent).toBe('Story text.');
  });
});

describe('removeFurniture: hidden at every screen size', () => {
  it('removes a section hidden on desktop, tablet and phone alike, and keeps one hidden on some sizes only', () => {
    const d = doc(
      `<article><p>${words(150)}</p>` +
        '<section class="elementor-section elementor-hidden-desktop elementor-hidden-tablet elementor-hidden-mobile"><h3>Old course</h3><p>Never shown.</p></section>' +
        '<div class="et_pb_row hide_desktop hide_tablet hide_phone"><p>Switched off.</p></div>' +
        '<section class="elementor-section elementor-hidden-mobile"><p>Shown on desktops.</p></section>' +
        '<div class="hidden-desktop hidden-tablet"><p>Shown on phones.</p></div></article>',
    );
    removeFurniture(d);
    const text = d.body.textContent ?? '';
    expect(text).not.toMatch(/Old course|Never shown|Switched off/);
    expect(text).toContain('Shown on desktops.');
    expect(text).toContain('Shown on phones.');
  });
});

describe('removeFurniture: Alpine.js elements hidden until their script runs', () => {
  it('removes an element with x-cloak and x-show (a sign-up box\'s second step), and keeps one with x-show or x-cloak alone', () => {
    const d = doc(
      `<article><p>${words(150)}</p><section x-data="signup()"><div x-show="!showPhone"><p>Get the deals by e-mail.</p></div>` +
        '<div x-cloak x-show="showPhone"><p>By signing up, you agree to receive text messages.</p></div></section>' +
        '<div x-show="open"><p>Shown from the start.</p></div><div x-cloak><p>The whole widget, shown once it starts.</p></div></article>',
    );
    removeFurniture(d);
    const text = d.body.textContent ?? '';
    expect(text).not.toContain('you agree to receive');
    expect(text).toContain('Get the deals by e-mail.');
    expect(text).toContain('Shown from the start.');
    expect(text).toContain('The whole widget, shown once it starts.');
  });
});

describe('removeFurniture: elements a site builder hides by their class', () => {
  it('removes an element marked w-condition-invisible, rich-snippet-hidden or et_multi_view_hidden, and keeps a wrapper so marked that holds most of the page', () => {
    const d = doc(
      `<article><p>${words(150)}</p><div class="terms-text w-condition-invisible"><p>Example® is a registered trademark of Example Inc.</p></div>` +
        '<p><span class="updated rich-snippet-hidden">2025-10-30T10:45:07-04:00</span></p>' +
        '<div class="post-content-inner et_multi_view_hidden"><p>An excerpt the blog module does not show.</p></div>' +
        '<p class="summary w-condition-invisibleness">A class that only starts with the name.</p></article>',
    );
    removeFurniture(d);
    const text = d.body.textContent ?? '';
    expect(text).not.toContain('registered trademark');
    expect(text).not.toContain('2025-10-30T10:45:07');
    expect(text).not.toContain('An excerpt the blog module does not show.');
    expect(text).toContain('A class that only starts with the name.');
    const wrapped = doc(`<div class="w-condition-invisible"><header>Menu</header><article><p>${words(150)}</p></article></div>`);
    removeFurniture(wrapped);
    expect(wrapped.body.textContent).toContain(words(150));
  });
});

describe('removeFurniture: captions', () => {
  it('reads "no_caption" as a flag, not a caption', () => {
    const d = doc(`<div class="item no_caption"><h2>The story's standfirst</h2></div><article><p>${words(150)}</p></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain("The story's standfirst");
  });

  it('removes a caption block named by class before Readability sees it', () => {
    const d = doc(`<article><p>${words(150)}</p><div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">A cat on a mat</p></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('A cat on a mat');
  });
});

describe('isFurnitureText', () => {
  it.each([
    ['Mayor Jim Brown signs the budget at City Hall on Monday. (AP Photo/Ann Smith)', true],
    ['Council members listen during the vote. (Staff photo by Tom Jones)', true],
    ['Staff photo by Tom Jones', true],
    ['A portrait of the Queen at Windsor in 2004 (Picture credit: Getty)', true],
    ["The DSLR is the most commonly used digital camera. Photo by: 'James Sutton'.", true],
    ['The lens cap stays on in the rain. Photo credit: Jane Doe', true],
    ['The lab tested the camera for a week. Photo quality: sharp in daylight, soft at night.', false],
    ['She studied the old print for an hour. Picture this: a city without a single car in it.', false],
    ['Your ads can be either text only or visuals (images, videos, or live).', false],
    ['Big memory card (you will take a ton of pictures!)', false],
    ['Next page >> Page 1 of 2', true],
    ['« Previous 1 2 3 Next »', true],
    ['Page 2 of 5', true],
    ['Next', false],
    ['Next, the council will vote on page 4 of the plan.', false],
    ['Copyright 2008 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.', true],
    ['© 2025 WABC-TV. All Rights Reserved.', true],
    ['This material may not be published, broadcast, rewritten or redistributed.', true],
    ['The court said the copyright holder had reserved all rights to the film until 2030, and the studio appealed.', false],
    ['Copyright law is changing: lawmakers said on Monday that all rights reserved by authors would now expire sooner, in a vote that surprised many.', false],
    ['Lesen Sie auch: Der Stadtrat beschließt den Haushalt', true],
    ['À lire aussi : le conseil vote le budget', true],
    ['Publicidad', true],
    ['Partager', true],
    ['Lee también el informe completo, que el consejo publicó el lunes por la tarde en su sitio.', false],
    ['Loading…', true],
    ['Loading prices for your region…', true],
    ['Loading specifications...', true],
    ['Loading Initial Program Loader', false],
    ['Loading speeds can be slower compared to competitors.', false],
  ])('captions with credits, page links, copyright notices, script placeholders and other languages\' prompts: %s -> %s', (text, furniture) => {
    expect(isFurnitureText(text)).toBe(furniture);
  });

  it.each([
    ['E-mail this story', true],
    ['Print this article', true],
    ['Save this story', true],
    ['Text size: A A A', true],
    ['Print | E-mail this story | Text size: A A A', true],
    ['| Email this story | Comments (3)', true],
    ['Share • Tweet • Email', true],
    ['Printer-friendly version', true],
    ['E-mail to a friend', true],
    ['Discuss this story', true],
    ['Most E-mailed Stories', true],
    ['E-mail | Print | Reprints | Save', true],
    ['Save 20% on the council\'s new parking permits until March.', false],
    ['Reprints of the 1908 map are on sale at the library.', false],
    ['Print | Council votes on the budget', false],
    ['E-mail this story to the mayor, the council told residents on Monday.', false],
    ['Text size matters: the council printed its budget in large type this year.', false],
  ])('story tools and strips of them apart by bars or dots: %s -> %s', (text, furniture) => {
    expect(isFurnitureText(text)).toBe(furniture);
  });

  it.each([
    ['President Bush speaks at the White House on Monday. REUTERS/Jason Reed', true],
    ['Firefighters battle the blaze on Tuesday. JIM WATSON/AFP/Getty Images', true],
    ['The fire burned for hours. Staff photo by Tom Jones', true],
    ['REUTERS/Jason Reed', true],
    ['The team posed for a photo by the lake.', false],
    ['We went to the lake. Photo by the author', false],
    ['He said it was a 50/50 call. Smith/Jones', false],
    ['The council met on Monday. The report is at example.com/report/2008', false],
  ])('captions ending in a wire photo\'s credit without brackets: %s -> %s', (text, furniture) => {
    expect(isFurnitureText(text)).toBe(furniture);
  });

  it.each([
    'Read Next',
    '↑ Back to Top',
    'Latest News',
    'In this article:',
    'Table of Contents',
    'CHECK PRICE',
    'About the Author',
    'Join our mailing list',
    'Join Our Newsletter',
    'Be the first to comment',
    'What do you think?',
    'You might also like...',
    'Other Posts You May Enjoy',
    'Pin this for later!',
    'PIN FOR LATER',
    'Rate this article',
    'You may also be interested in the following reports:',
    'You may be interested in the following topics as well:',
    'You may also be interested: Best Course Creation Software',
    'Join the Facebook group– https://www.facebook.com/ExampleGroup',
    'Recent Posts',
    'Show Caption',
    'See Deal',
    'Now 20% Off',
    'If you liked this post you might also like:',
    'Posted by David at December 16, 2025',
    'Published on May 02, 2024 07:44 PM IST',
    'Updated: 3 March 2025',
    'This post was last updated July 2021.',
    'Photo: Jane Doe / Reuters',
    'Image credit: Endgame Gear/Digital Foundry',
    'Photo Credit: www.example.com',
    'Credit: The Spruce Eats',
    'Photo by Jane Doe via Unsplash',
    'JIM WATSON/AFP/Getty Images',
    'Getty Images / Holger Leue',
    'Shutterstock / Jane Doe',
    'Jane Doe for Reuters',
    'Featured image from Example Foods',
    'Image provided by Short Story.',
    'Image used under license from Shutterstock',
    'Image Source: Example Institute',
    'Sponsor this newsletter',
    '5 min read',
    '3 MIN. READ',
    'Example Team | 5 min read',
    'Reading Time: 11 minutes',
    'Press enter or click to view image in full size',
    'Click to enlarge',
    'WHERE TO BUY',
    'On Sale',
    'Active Deal',
    'Deal Alert: on sale for 20% off at Amazon',
    'Read our full Nest Cam (Battery) review',
    'Read Reviews',
    'Related investing topics',
    'Related travel articles',
    'Get an estimate from a local pro',
    'Show more',
    'Book a demo',
    'Book a demo with Example',
    'Book a free consultation',
    'Hide All',
    'See all',
    'EMBED:',
    '✅ Get an instant estimate',
    'Related articles and links:',
    'Related Articles from the Example blog:',
    'Thank you for subscribing to our daily newsletter.',
    'Estimated reading time: 7 min',
    'Written By Feb 11, 2019 · 3 min read',
    'Related: Rich are paying more in taxes but not as much as they used to',
    'Also read: How to evaluate a cloud provider’s security',
    'Related Reading: 4 Best Robot Vacuums for Hardwood Floors',
    'You might also like: The challenges of sustainable palm oil',
    'More on the topic: Can AI fulfil its potential?',
    '[Read more: A Guide to Small Business Accounting]',
    '(Related reading: the democratization of data.)',
    'Can Also Read: Cloud Kitchen POS Software',
    'Must read: Kitchen remodels that pay for themselves',
    'Don’t Miss: The program that pays your tuition',
    'Recommended: Best coding bootcamps',
    'In partnership with',
    'Presented by',
    'Follow',
    'What others are reading',
    'No posts',
    'No posts found.',
    'No comments yet',
    'Book Now',
    'Order now',
    'Check Price on Amazon',
    'Check the latest price at Example Store',
    'Read Full Review',
    'Read our full review',
    'Get a Quote (212) 203-0280',
    'Get a free quote',
    'Advertisement: New AI Book!',
    'Sponsored: The cloud platform for data teams',
    'Tags: Employment, Health & Fitness, Mid-sized Businesses',
    'Tagged with: budget, council',
    'Filed under: Local News',
    'Category: Personal Finance 101',
    'Categories: Gardening, Raising Your Own Food',
    'Table of Content',
    'Table of Contents Show',
    // A post's date line: an abbreviated month keeps its stop; a reading time or share button beside the date.
    'Published: Nov. 19, 2025',
    'Updated Sept. 3, 2024 at 10:15 a.m.',
    'June 11, 2025 5 min',
    'December 17, 2025 • 8 minutes',
    'Tuesday, Dec. 11th, 2025 | 4 min read',
    '11 June 2025 · Share',
    'Dec 11, 2025 Share',
    'Share With a Friend or Colleague',
    'Share this article with your friends',
  ])('calls "%s" furniture', (text) => {
    expect(isFurnitureText(text)).toBe(true);
  });

  it.each([
    'What do you think about the new policy, the mayor asked the council on Monday.',
    'The photo by the river shows the flood at its peak, officials said.',
    'Published research suggests the effect is small.',
    'Contents of the report were leaked to the press.',
    'Posted by the minister to his followers, the message drew criticism.',
    'Tags: the council never tagged its budget. It said so on Monday.',
    'Category: the judges named three winners. The council said so on Monday.',
    'The agency said it had filed a request with Reuters.',
    'Getty Images / Shutterstock talks stalled in May, both agencies said.',
    'A sponsor this newsletter once had pulled out in May.',
    'Related to the budget, the council also voted on new parking fees.',
    'No posts were left unfilled, the ministry said.',
    'Recent posts on the forum suggest the outage is wider.',
    'You may be interested in the following: the council meets on Monday to vote on the budget and the new parking fees for the city centre.',
    'Join the Facebook group’s founders on Monday, organisers said, for a march to the town hall.',
    'See the deal the two parties struck in full below.',
    'Images from the telescope show the galaxy in more detail than ever before, and astronomers say the pictures will change what they know about how such galaxies form.',
    '(The council met on Monday.)',
    'Recommended reading for the council was a report on road repairs, the mayor said.',
    'In partnership with the county, the city will repave ten roads.',
    'Follow the money, the auditor told the council.',
    'Reading time: 11 minutes a day is what the study asked of each child.',
    'Click to enlarge the map of the flooded district: it shows every street the water reached.',
    'Where to buy a first home is the question most buyers ask, the survey found.',
    'On sale from Monday, the tickets sold out within an hour.',
    'Read our full report on the council budget before the vote, the mayor urged residents.',
    'Related costs',
    'Book a call with the mayor to discuss the budget before Monday.',
    'See all the council votes on our site.',
    'Embed the widget on your site to show live results.',
    'Get an estimate from two builders, the council advised, before any work on a listed house begins.',
    'You may also be interested: the council meets again on Monday to vote on the budget. Residents can attend.',
    'Related stories in the council vote were filed on Monday.',
    'Thank you for subscribing, the mayor told the crowd, before she read the budget out line by line.',
    'What others are reading this week, the librarian said, is mostly crime fiction.',
    'The report is a 5 min read | and worth it, the editor said, for anyone who follows the budget.',
    'Book now, pay later schemes have grown fast, the regulator said.',
    'Check the price on Amazon before you buy, the reviewer advised.',
    'Read the full review of the council budget on our site next week.',
    'Get a quote from at least three builders before you sign anything.',
    'Order now and the kits ship in May, the company said.',
    'Advertisement spending: the figures the agency published on Monday show a fall of a fifth in print.',
    'Sponsored content is labelled, the regulator said: readers must be able to tell it from reporting, and most sites comply.',
    'Updated: Nov. 3. The council met again on Monday.',
    'On June 11, 2025 the council met for 5 min before the vote.',
    'Cook time: 5 min',
    'Share with your friends what the council decided, the mayor urged.',
  ])('leaves the sentence "%s"', (text) => {
    expect(isFurnitureText(text)).toBe(false);
  });
});

describe('CREDIT_TEXT', () => {
  it.each([
    // A label, a colon or a bar, the credit.
    'Photo: Jane Doe / Reuters',
    'PHOTO CREDIT | Example Studio',
    'Image credit: Endgame Gear/Digital Foundry',
    'Photos courtesy: the family',
    'Featured image source: Example Institute',
    'Illustration by: Jane Doe',
    'Credits: Example Archive',
    'Video: Example News',
    'Credit：AP',
    // A bare label for a graphic, a video, a cover: singular, a name without figures.
    'Video: Example News',
    'Graphic: Jane Doe/The Times',
    'Cover: Jane Doe',
    'Featured: Example Studio',
    'Video credit: Example News 2024',
    'Graphics courtesy: Example Lab',
    'Cover image: Jane Doe',
    // A picture and who made or gave it.
    'Photo by Jane Doe via Unsplash',
    'Staff photo by Tom Jones',
    'File photos courtesy of the county',
    'Image provided by Short Story.',
    'Image used under a licence from Shutterstock',
    // A name and an agency after a slash, "via" or "for".
    'JIM WATSON/AFP/Getty Images',
    'Jane Doe for Reuters',
    'Jane Doe via Getty Images',
    'Ann Smith/AP Photo',
    'John Smith/EPA-EFE/Shutterstock',
    'Jane Doe / SOPA Images via Getty Images',
    // A library first, then the photographer.
    'Getty Images / Holger Leue',
    'Adobe Stock/Jane Doe',
  ])('reads "%s" as a credit line', (text) => {
    expect(CREDIT_TEXT.test(text)).toBe(true);
  });

  it.each([
    'Photo quality: sharp in daylight, soft at night.',
    'Credit card rates rose again in May.',
    'Credit cards: what the new rules mean',
    'The photo by the river shows the flood at its peak, officials said.',
    'The agency said it had filed a request with Reuters.',
    'She wrote for Reuters.',
    'Getty Images / Shutterstock talks stalled in May, both agencies said.',
    'A photograph of the mayor hung in the hall.',
    'Video games: the year in review.',
    'Picture this',
    // A product's particulars under a bare media label: figures, a plural label, a table row.
    'Video: 4K/30p, FHD 120p for slow motion',
    'Video: 6.2K/30p, 4K/60p',
    'Graphics: Intel Iris Xe Graphics',
    'Graphics: Nvidia RTX 4050',
    'Features: IP53 weather-sealing, live ND filter, handheld high-res',
    'Feature | Standard | PyICU | StringZilla',
  ])('leaves "%s"', (text) => {
    expect(CREDIT_TEXT.test(text)).toBe(false);
  });

  it('keeps a review\'s particulars in the extracted article and drops the credit beside them', () => {
    const a = article(
      `<p>${words(40)}</p><ul><li>Video: 4K/30p with no crop</li><li>Graphics: Intel Iris Xe Graphics</li><li>Features: IP53 weather-sealing</li></ul>` +
        `<p>Video: Example News</p><p>${words(30)} end.</p>`,
    );
    removeInlineFurniture(a);
    const text = a.textContent ?? '';
    expect(text).toContain('Video: 4K/30p with no crop');
    expect(text).toContain('Graphics: Intel Iris Xe Graphics');
    expect(text).toContain('Features: IP53 weather-sealing');
    expect(text).not.toContain('Example News');
    expect(text).toContain('end.');
  });
});

const article = (html: string): Element =>
  (parseHTML(`<html><body><div id="a">${html}</div></body></html>`) as unknown as { document: Document }).document.getElementById('a') as Element;

/** The line reads as furniture, and the cleaning takes it out of an article around it, keeping what follows. */
const expectDroppedFromArticle = (line: string): void => {
  expect(isFurnitureText(line)).toBe(true);
  const a = article(`<p>${words(40)}</p><p>${line}</p><p>${words(30)} end.</p>`);
  removeInlineFurniture(a);
  expect(a.textContent).not.toContain(line.slice(0, 20));
  expect(a.textContent).toContain('end.');
};

describe('removeInlineFurniture: a disclosure\'s summary', () => {
  it('removes the "Table of Contents" summary of a <details> and keeps the section it opens', () => {
    const a = article(`<p>${words(40)}</p><details open><summary>Table of Contents</summary><ul><li>${words(8)} first</li></ul></details><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain('Table of Contents');
    expect(a.textContent).toContain('first');
    expect(a.textContent).toContain('end.');
  });
});

describe('removeInlineFurniture: a block of furniture lines', () => {
  it('removes a paragraph whose every <br> line is furniture when the whole reads as none', () => {
    const a = article(
      `<p>${words(40)}</p><p class="postmetadata">Tags: <a href="/t/helena">Helena</a>, <a href="/t/thermostat">smart thermostat</a><br>` +
        '<small>Monday, August 11th, 2025 at 11:00 am | Categories: <a href="/c/helena">Helena, MT</a> | </small></p>' +
        `<p>Recommended: Best coding bootcamps<br>Recommended: Best design classes</p><p>${words(30)} end.</p>`,
    );
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain('smart thermostat');
    expect(a.textContent).not.toContain('Categories');
    expect(a.textContent).not.toContain('bootcamps');
    expect(a.textContent).toContain('end.');
  });

  it('keeps a paragraph of lines when one of them is story text', () => {
    const a = article(`<p>${words(40)}</p><p>Filed under: Local News<br>The council met on Monday. It voted on the budget.</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain('The council met on Monday');
    expect(a.textContent).toContain('Filed under: Local News');
  });
});

describe('removeInlineFurniture: a story line after a furniture line, a <br> apart', () => {
  const story = 'The council met on Monday to vote on the budget.';
  // Each run together with its story line reads as one furniture line (a date line's tail stops only at a full stop).
  it.each([
    ['a tags line', 'Tags: budget, council', story],
    ['a tags line of links', 'Tags: <a href="/t/budget">budget</a>, <a href="/t/council">council</a>', story],
    ['"Posted by … at …"', 'Posted by Ann Lee at 10:15 am', story],
    ['a "Published: …" line', 'Published: March 3, 2008', 'Who pays for the roads?'],
    ['a "Filed under: …" line', 'Filed under: Local News', story],
    ['"Updated …" with a time', 'Updated Sept. 3, 2024 at 10:15 a.m.', 'Who pays?'],
  ])('keeps the story sentence and drops %s', (_, line, story) => {
    const a = article(`<p>${words(40)}</p><p>${line}<br>${story}</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain(collapseSpace(line.replace(/<[^>]+>/g, '')));
    expect(a.textContent).toContain('end.');
  });

  it('keeps the story lines of a <div> of <br><br> paragraphs that opens with a "Posted by" line', () => {
    const a = article(`<p>${words(40)}</p><div>Posted by Ann Lee at 10:15 am<br><br>${story}<br><br>It passed by two votes.</div>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).toContain('It passed by two votes.');
    expect(a.textContent).not.toContain('Posted by');
  });

  it('still removes a disclosure whose sentences are set as lines', () => {
    const a = article(
      `<p>${words(40)}</p><p><em>Some of the links in this article are affiliate ones.</em><br><em>This means that if you click through them to make a purchase, we may earn a small commission at no additional cost to you</em>.<br><em>Also, this article contains sponsored content.</em></p><p>${words(30)} end.</p>`,
    );
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain('affiliate');
    expect(a.textContent).not.toContain('commission');
    expect(a.textContent).toContain('end.');
  });
});

/** A line of each content rule that finds its cue anywhere in a short block, with its kind. */
const CUE_ANYWHERE_LINES: Array<[string, string]> = [
  ['a social follow', 'Follow us on Facebook'],
  ['an affiliate disclosure', 'This post contains affiliate links.'],
  ['a site pitch', 'We have a small favour to ask.'],
  ['an advice disclaimer', 'This article is for informational purposes only.'],
  ['a production note', 'This story was produced in partnership with Example Report.'],
];

describe('removeInlineFurniture: a story line a <br> from a content rule\'s line (a cue anywhere in the block)', () => {
  const story = 'The council met on Monday to vote on the budget.';
  // The page's source breaks its lines after each <br>, as old pages do: run together, the lines read as one text.
  it.each(CUE_ANYWHERE_LINES)('keeps the story sentence and drops %s above it', (_, line) => {
    const a = article(`<p>${words(40)}</p><p>${line}<br>\n${story}</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain(line);
    expect(a.textContent).toContain('end.');
  });

  it('keeps the story sentence and drops a social follow below it', () => {
    const a = article(`<p>${words(40)}</p><p>${story}<br>\nFollow us on Facebook and X</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain('Follow us');
  });

  it('keeps the story paragraphs of an old page\'s <br><br> block that holds a follow prompt', () => {
    const a = article(`<p>${words(40)}</p><div>${story}<br><br>\nFollow us on Twitter<br><br>\nIt passed by two votes.</div>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).toContain('It passed by two votes.');
    expect(a.textContent).not.toContain('Follow us');
  });

  it('still removes a disclosure set as lines whose later lines, without its cue, speak of the page', () => {
    const a = article(
      `<p>${words(40)}</p><p>Some of the links in this article are affiliate ones.<br>This means that if you click through them to make a purchase, we may earn a small commission at no additional cost to you.<br>Also, this article contains sponsored content.<br>For more information, visit our Disclosure page.</p><p>${words(30)} end.</p>`,
    );
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain('affiliate');
    expect(a.textContent).not.toContain('sponsored content');
    expect(a.textContent).not.toContain('Disclosure page');
    expect(a.textContent).toContain('end.');
  });
});

describe('removeInlineFurniture: a <br> line with no line break after it in the source', () => {
  const story = 'The council met on Monday to vote on the budget.';
  // textContent glues such lines ("FacebookThe council"), and the prompt read glued matched no rule.
  it.each(CUE_ANYWHERE_LINES)('drops %s and keeps the story sentence under it', (_, line) => {
    const a = article(`<p>${words(40)}</p><p>${line}<br>${story}</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain(line);
    expect(a.textContent).toContain('end.');
  });

  it('drops a follow prompt under the story sentence', () => {
    const a = article(`<p>${words(40)}</p><p>${story}<br>Follow us on Facebook and X</p><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain('Follow us');
  });
});

describe('removeInlineFurniture: a short block holding a furniture block and a story block', () => {
  const story = 'The council met on Monday to vote on the budget.';
  it.each([
    ['a social follow', 'Follow us on Facebook'],
    ['a tags line', 'Tags: budget, council'],
    ['an affiliate disclosure', 'This post contains affiliate links.'],
    ['a site pitch', 'We have a small favour to ask.'],
  ])('keeps the story paragraph and drops %s beside it', (_, line) => {
    const a = article(`<p>${words(40)}</p><div><p>${line}</p>\n<p>${story}</p></div><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).toContain(story);
    expect(a.textContent).not.toContain(line);
    expect(a.textContent).toContain('end.');
  });

  it.each([
    ['a box\'s pitch to the reader', '<h3>Join our newsletter</h3><p>Get the best stories in your inbox every week.</p>', 'inbox'],
    ['a price', '<p>Follow us on Facebook</p><p>$1,799 Save $1,369.01</p>', '1,799'],
    ['a date', '<p>Tags: budget, council</p><p>September 25, 2025</p>', 'September'],
  ])('still removes the block whole when its other block is %s', (_, inner, gone) => {
    const a = article(`<p>${words(40)}</p><div>${inner}</div><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain(gone);
    expect(a.textContent).toContain('end.');
  });
});

describe('isFurnitureText: lines a line break apart', () => {
  it.each([
    'Tags: budget, council\nThe council met on Monday to vote on the budget.',
    'Posted by Ann Lee at 10:15 am\nThe council met on Monday to vote on the budget.',
    'Published: March 3, 2008\nWho pays for the roads?',
    'Read more: council\nThe council met on Monday to vote on the budget.',
  ])('does not read the story line of "%s" as part of the furniture line', (text) => {
    expect(isFurnitureText(text)).toBe(false);
  });
});

/**
 * The cases of one line rule of isFurnitureText: each furniture line is the
 * rule's and is dropped from an article; each kept line is neither the rule's
 * nor furniture at all.
 */
function describeLineRule(rule: (text: string) => boolean, furniture: string[], kept: string[]): void {
  describe(rule.name, () => {
    it.each(furniture)('reads "%s" as furniture, and the extracted article drops it', (line) => {
      expect(rule(line)).toBe(true);
      expectDroppedFromArticle(line);
    });
    it.each(kept)('keeps "%s"', (line) => {
      expect(rule(line)).toBe(false);
      expect(isFurnitureText(line)).toBe(false);
    });
  });
}

describe('removeInlineFurniture: a strip of story tools', () => {
  it('takes out a tools line of links and text between line breaks whole, and leaves a line of links that are not tools', () => {
    const a = article(
      `<div>${words(40)}<br><a href="/print">Print</a> | <a href="/email">E-mail this story</a> | Text size: <a href="?fs=1">A</a> <a href="?fs=2">A</a><br>` +
        `${words(30)}<br><a href="/a">Council budget</a> | <a href="/b">School board</a> | <a href="/c">Print</a><br>${words(20)}</div>`,
    );
    removeInlineFurniture(a);
    const text = collapseSpace(a.textContent ?? '');
    expect(text).not.toContain('E-mail this story');
    expect(text).not.toContain('Text size');
    expect(text).toContain('Council budget | School board');
  });
});

describe('removeInlineFurniture', () => {
  it('leaves a prompt\'s words that are part of a sentence, and takes out a label that opens its line', () => {
    const a = article(
      `<p>${words(40)}</p><p>Readers can <a href="/n">subscribe to our newsletter</a> for weekly notes on the council.</p>` +
        `<p><strong>Advertisement</strong> The council met on Monday.</p><ol><li>${words(10)}</li></ol><a href="#">Back to top</a>`,
    );
    removeInlineFurniture(a);
    const text = a.textContent ?? '';
    expect(text).toContain('Readers can subscribe to our newsletter for weekly notes on the council.');
    expect(text).not.toContain('Advertisement');
    expect(text).toContain('The council met on Monday.');
    expect(text).not.toContain('Back to top');
  });

  it('drops figure captions and credit lines from the extracted article', () => {
    const a = article(`<p>${words(40)}</p><figure><img src="x.jpg"><figcaption>The harbour at dawn.</figcaption></figure><p>Photo: Jane Doe</p><h2>Read next</h2><p>${words(30)} end.</p>`);
    removeInlineFurniture(a);
    const text = a.textContent ?? '';
    expect(text).not.toContain('harbour');
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('Read next');
    expect(text).toContain('end.');
  });
});

describe('removeInlineFurniture: a quote\'s attribution', () => {
  it('keeps the caption of a figure that holds a quote, with the speaker\'s logo inside the caption', () => {
    const a = article(
      `<p>${words(40)}</p><figure><blockquote>Our website is how we share our coffee with customers.</blockquote>` +
        '<figcaption><p>Krystal Hernandez, Marketing, Klatch Coffee</p><img src="logo.png" alt=""></figcaption></figure>',
    );
    removeInlineFurniture(a);
    expect(a.textContent).toContain('Krystal Hernandez, Marketing, Klatch Coffee');
  });

  it('keeps such a caption named as one ("Quote_caption") in the page, beside an avatar hidden from screen readers', () => {
    const d = doc(
      `<article><p>${words(150)}</p><figure class="Quote_component"><div aria-hidden="true" class="Quote_avatar"><img src="p.png" alt="Patrick Reinhart"></div>` +
        '<blockquote><p>SEO is not dead, it is just different.</p></blockquote><figcaption class="Quote_caption">Patrick Reinhart, VP, Conductor</figcaption></figure>' +
        '<figure><img src="harbour.jpg"><figcaption class="caption">The harbour at dawn.</figcaption></figure></article>',
    );
    expect(isQuoteAttribution(d.querySelector('figcaption.Quote_caption') as Element)).toBe(true);
    removeFurniture(d);
    expect(d.body.textContent).toContain('Patrick Reinhart, VP, Conductor');
    expect(d.body.textContent).not.toContain('harbour at dawn');
  });

  it('still drops the caption of a figure that shows a picture beside a quote', () => {
    const a = article(`<p>${words(40)}</p><figure><img src="harbour.jpg"><blockquote>We sail at dawn.</blockquote><figcaption>The harbour at dawn.</figcaption></figure>`);
    removeInlineFurniture(a);
    expect(a.textContent).not.toContain('harbour');
    expect(a.textContent).toContain('We sail at dawn.');
  });
});

describe('removeAuthorBio', () => {
  it('removes a closing block that opens with the byline name and "is a..."', () => {
    const a = article(`<p>${words(60)}</p><p>Jane Doe is a reporter covering energy for the paper.</p>`);
    expect(removeAuthorBio(a, 'Jane Doe')).toBe(1);
    expect(a.textContent).not.toContain('reporter covering');
  });

  it('keeps a paragraph about the author early in the story', () => {
    const early = article(`<p>Jane Doe is a reporter who was at the scene.</p>${Array.from({ length: 6 }, () => `<p>${words(30)}</p>`).join('')}`);
    expect(removeAuthorBio(early, 'Jane Doe')).toBe(0);
  });

  it('removes the bio of a byline that is a first name alone, but not of one that names the site', () => {
    const first = article(`<p>${words(60)}</p><p>Lauren has written for the events blog since 2018.</p>`);
    expect(removeAuthorBio(first, 'Lauren', 'events.example.com')).toBe(1);
    expect(first.textContent).not.toContain('since 2018');
    const firm = article(`<p>${words(60)}</p><p>Acmeplumb is dedicated to expert plumbing engineering services.</p>`);
    expect(removeAuthorBio(firm, 'Acmeplumb', 'www.acmeplumb.com')).toBe(0);
    const lower = article(`<p>${words(60)}</p><p>admin is the account that posts here.</p>`);
    expect(removeAuthorBio(lower, 'admin')).toBe(0);
    const desk = article(`<p>${words(60)}</p><p>Staff is the word the union uses for its members.</p>`);
    expect(removeAuthorBio(desk, 'Staff')).toBe(0);
  });

  it('reads a byline without the handle in brackets after the name', () => {
    const a = article(`<p>${words(60)}</p><p>Jean-Luc started the site in 2010 as a part-time endeavor.</p>`);
    expect(removeAuthorBio(a, 'Jean-Luc Aufranc (CNXSoft)')).toBe(1);
    expect(a.textContent).not.toContain('part-time');
  });
});

describe('removeGreetingBio', () => {
  const story = Array.from({ length: 4 }, () => `<p>${words(30)}</p>`).join('');

  it('removes a writer greeting the reader by name past the opening blocks', () => {
    const a = article(`${story}<p>Hi there! I’m Shivya, and I started this travel blog back in 2011.</p><div>Hey, I'm Jessica! Welcome to the blog.</div>`);
    expect(removeGreetingBio(a)).toBe(2);
    expect(a.textContent).not.toContain('Shivya');
    expect(a.textContent).not.toContain('Jessica');
  });

  it('removes a greeting opening a part put after the article\'s opening (no opening blocks left alone)', () => {
    const part = article(`<p>Hi, I’m Ann Lee, and I oversee all laptop coverage here.</p><p>${words(30)}</p>`);
    expect(removeGreetingBio(part, 0)).toBe(1);
    expect(part.textContent).not.toContain('Ann Lee');
  });

  it('keeps a greeting that opens the story, one without a capitalised name, and a long block', () => {
    const opening = article(`<p>Hi, I'm Ryan. Let's get moving.</p>${story}`);
    expect(removeGreetingBio(opening)).toBe(0);
    const noName = article(`${story}<p>Hi, I'm not sure this works for everyone.</p>`);
    expect(removeGreetingBio(noName)).toBe(0);
    const long = article(`${story}<p>Hi, I'm Ryan. ${words(150)}</p>`);
    expect(removeGreetingBio(long)).toBe(0);
  });
});

describe('closingBioName', () => {
  it('reads the name of a closing writer\'s bio under an "About the author" label, or beside a headshot named for the writer', () => {
    const labelled = article(`<p>${words(60)}</p><p>About the author:</p><p>Mara Lindqvist is a freelance travel writer based in Oslo.</p>`);
    expect(closingBioName(labelled)).toBe('Mara Lindqvist');
    const pictured = article(`<p>${words(60)}</p><p><img src="m.jpg" alt="Mara Lindqvist"></p><p>Mara Lindqvist is a skilled content creator with ten years in SEO.</p>`);
    expect(closingBioName(pictured)).toBe('Mara Lindqvist');
  });

  it('reads no name from a closing note nothing introduces, a bio early in the story, or a sentence of another trade', () => {
    const note = article(`<p>${words(60)}</p><p>Mara Lindqvist is a garden writer who lives in Oslo.</p>`);
    expect(closingBioName(note)).toBeNull();
    const early = article(`<p>About the author:</p><p>Mara Lindqvist is a travel writer.</p>${Array.from({ length: 6 }, () => `<p>${words(30)}</p>`).join('')}`);
    expect(closingBioName(early)).toBeNull();
    const trade = article(`<p>${words(60)}</p><p>About the author:</p><p>Mara Lindqvist is a nurse in Oslo.</p>`);
    expect(closingBioName(trade)).toBeNull();
  });
});

describe('removeAuthorBio: the first name\'s short form', () => {
  it('removes a closing bio that opens with the short form of the byline\'s first name and its last name', () => {
    const a = article(`<p>${words(60)}</p><p>Matt Frankel, CFP, is a contributing analyst covering real estate.</p>`);
    expect(removeAuthorBio(a, 'Matthew Frankel, CFP')).toBe(1);
    expect(a.textContent).not.toContain('contributing analyst');
  });

  it('keeps a closing paragraph about another person of the same last name', () => {
    const a = article(`<p>${words(60)}</p><p>Mattias Frankel, his brother, is a contributing analyst too.</p>`);
    expect(removeAuthorBio(a, 'Matthew Frankel')).toBe(0);
  });
});

describe('removeAuthorBio: the writer\'s card above the story', () => {
  const story = Array.from({ length: 6 }, () => `<p>${words(30)}</p>`).join('');

  it('removes an opening block that is the writer\'s bio naming their trade, after an empty avatar block', () => {
    const a = article(`<div><img src="jane.jpg" alt=""></div><p>Jane is an experienced journalist who has covered tech for five years.</p>${story}`);
    expect(removeAuthorBio(a, 'Jane Doe', null, true)).toBe(1);
    expect(a.textContent).not.toContain('experienced journalist');
  });

  it('keeps an opening about the writer in another trade, and any opening of a part put after the article\'s opening', () => {
    const nurse = article(`<p>Jane Doe is a nurse who was at the scene when the fire began.</p>${story}`);
    expect(removeAuthorBio(nurse, 'Jane Doe', null, true)).toBe(0);
    const part = article(`<p>Jane is a freelance writer from Leeds.</p>${story}`);
    expect(removeAuthorBio(part, 'Jane Doe')).toBe(0);
  });
});

describe('removeAuthorBio: first or last name alone', () => {
  it('removes a closing bio that opens with the first name, or the name and credentials', () => {
    const first = article(`<p>${words(60)}</p><p>Jane founded a yoga studio in 2014 and writes about travel.</p>`);
    expect(removeAuthorBio(first, 'Jane Doe')).toBe(1);
    const credentials = article(`<p>${words(60)}</p><p>Doe, CFP, is a contributing analyst specializing in real estate.</p>`);
    expect(removeAuthorBio(credentials, 'By Jane Doe')).toBe(1);
    const title = article(`<p>${words(60)}</p><p>Jane Doe, Editor, Example Reviews, studied journalism at NYU and has reviewed gear for ten years.</p>`);
    expect(removeAuthorBio(title, 'Jane Doe')).toBe(1);
    expect(title.textContent).not.toContain('studied journalism');
  });

  it('keeps a closing paragraph that opens with the name and goes on as the story', () => {
    const a = article(`<p>${words(60)}</p><p>Jane Doe, the mayor, and her deputy, a lawyer, then left the hall.</p>`);
    expect(removeAuthorBio(a, 'Jane Doe')).toBe(0);
  });

  it('does not take one word of an organisation\'s byline for a name', () => {
    const a = article(`<p>${words(60)}</p><p>Recharged is built to make car ownership simpler.</p>`);
    expect(removeAuthorBio(a, 'Recharged Editorial Team')).toBe(0);
    const b = article(`<p>${words(60)}</p><p>QCY is already embracing these trends.</p>`);
    expect(removeAuthorBio(b, 'QCY Official')).toBe(0);
  });

  it('does not match a longer word that starts with the name', () => {
    const a = article(`<p>${words(60)}</p><p>Janet is the harbour master, the report says.</p>`);
    expect(removeAuthorBio(a, 'Jane Doe')).toBe(0);
  });
});

describe('removeFurniture: "skip" alone is no furniture', () => {
  it('keeps sections named "skip-item" (a table-of-contents target), and still drops skip links', () => {
    const d = doc(`<article><div class="skip-item" id="topic1"><p>${words(30)}</p></div><a class="skip-link" href="#main">Skip to content</a></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain(words(30));
    expect(d.body.textContent).not.toContain('Skip to content');
  });
});

describe('removeFurniture: icon-font ligatures', () => {
  it('drops a Material icon\'s glyph name and keeps words in an element of that class', () => {
    const d = doc(`<article><h3>What is performance tuning? <i class="material-icons">chevron_right</i></h3><p>${words(30)} <span class="material-symbols-outlined">open_in_new</span></p><p class="material-icons-note">Tuning takes time.</p></article>`);
    removeFurniture(d);
    const text = d.body.textContent ?? '';
    expect(text).toContain('What is performance tuning?');
    expect(text).not.toContain('chevron_right');
    expect(text).not.toContain('open_in_new');
    expect(text).toContain('Tuning takes time.');
  });
});

describe('removeHeadingPermalinks', () => {
  it('drops a heading\'s permalink mark or printed anchor, and keeps a heading that links to its section', () => {
    const a = article(`<h2 id="s4">Design critics get it wrong, too<a class="subhead-anchor" href="#s4">#s4</a></h2><h2>Criteria <a href="#criteria">#</a></h2><h3><a href="#the-good">The Good</a></h3><h3>Install ¶</h3><p>${words(30)}</p>`);
    expect(removeHeadingPermalinks(a)).toBe(2);
    const text = a.textContent ?? '';
    expect(text).toContain('Design critics get it wrong, too');
    expect(text).not.toContain('#s4');
    expect(text).not.toMatch(/Criteria\s*#/);
    expect(text).toContain('The Good');
    // A mark that is no link is the heading's own text.
    expect(text).toContain('Install ¶');
  });
});

describe('removeFurniture: code', () => {
  it('keeps a code highlighter\'s "comment" spans inside <pre>', () => {
    const d = doc(`<article><p>${words(60)}</p><pre><code><span class="hljs-comment"># initialize the repository</span>\ngit init</code></pre></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('# initialize the repository');
  });

  it('still removes a comment section outside code', () => {
    const d = doc(`<article><p>${words(200)}</p></article><div class="comments"><p>Great post!</p></div>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Great post!');
  });
});

describe(removeOtherSections.name, () => {
  const story = Array.from({ length: 4 }, (_, i) => `<p>${'The council met on Tuesday and agreed the harbour plan. '.repeat(3)}Part ${i}.</p>`).join('');
  const root = (html: string): Element => {
    const { document } = parseHTML(`<html><body><div id="a">${html}</div></body></html>`) as unknown as { document: Document };
    return document.getElementById('a') as Element;
  };

  it('removes a closing "Related articles" section with its teaser cards up to the next heading of its level', () => {
    const el = root(`${story}<h2>Related articles that may interest you</h2><h3>Other story</h3><p>Its excerpt runs here at some length.</p><h3>Another</h3><p>Another excerpt.</p><h2>Our view</h2><p>The story goes on.</p>`);
    expect(removeOtherSections(el)).toBeGreaterThan(0);
    const text = el.textContent ?? '';
    expect(text).not.toMatch(/Related|Other story|excerpt/);
    expect(text).toMatch(/Part 3\..*Our view.*The story goes on\./);
  });

  it('removes everything after a label line that is no heading ("ALSO IN THE NEWS") when no heading follows', () => {
    const el = root(`${story}<p> ALSO IN THE NEWS</p><p>Front Page</p><p>December 19, 2025</p><p>THE SALVATION ARMY handed out hampers.</p>`);
    removeOtherSections(el);
    expect(el.textContent).not.toMatch(/NEWS|Front Page|SALVATION/);
    expect(el.querySelectorAll('p')).toHaveLength(4);
  });

  it.each(['Mehr zum Thema', 'Lesen Sie auch:', 'À lire aussi', 'Sur le même sujet', 'Noticias relacionadas', 'Leggi anche', 'Leia também', 'Lees ook'])(
    'removes a closing section headed "%s" as it does "Related articles"',
    (label) => {
      const el = root(`${story}<h2>${label}</h2><p>Other story, its excerpt.</p><p>Another excerpt.</p>`);
      expect(removeOtherSections(el)).toBeGreaterThan(0);
      expect(el.textContent).not.toMatch(/excerpt/);
      expect(el.textContent).toMatch(/Part 3\./);
    },
  );

  it('leaves a label near the top, and a bare "Related" heading (a "Related work" section of a paper)', () => {
    const top = root(`<p>Intro.</p><h2>Tags</h2><p>Kept text.</p>${story}`);
    expect(removeOtherSections(top)).toBe(0);
    const bare = root(`${story}<h2>Related</h2><p>Earlier work on folding by others.</p>`);
    expect(removeOtherSections(bare)).toBe(0);
  });
});

describe(removeAuthorBox.name, () => {
  const root = (html: string): Element => {
    const { document } = parseHTML(`<html><body><div id="a">${html}</div></body></html>`) as unknown as { document: Document };
    return document.getElementById('a') as Element;
  };
  const story = Array.from({ length: 8 }, (_, i) => `<p>The council met on Tuesday and agreed the harbour plan, part ${i}.</p>`).join('');

  it("removes the author's name on a line of its own near the end, with the bio and links after it", () => {
    const el = root(`${story}<div class="box"><h4>Josh Fechter</h4><p>I founded a school for HR people and have hired hundreds.</p><p><a href="/x">LinkedIn</a></p></div>`);
    expect(removeAuthorBox(el, 'Josh Fechter')).toBeGreaterThan(0);
    expect(el.textContent).not.toMatch(/Josh|founded|LinkedIn/);
    expect(el.querySelectorAll('p')).toHaveLength(8);
  });

  it('reads "By" before the name, and any of several bylines', () => {
    const el = root(`${story}<p>By infuy</p><p>Infuy is a technology company.</p>`);
    removeAuthorBox(el, 'Jane Doe, infuy');
    expect(el.textContent).not.toMatch(/infuy/i);
  });

  it('keeps the name inside a sentence, a name far from the end, and everything without a byline', () => {
    const inSentence = root(`${story}<p>Josh Fechter said the plan was sound.</p>`);
    expect(removeAuthorBox(inSentence, 'Josh Fechter')).toBe(0);
    const early = root(`<p>Text.</p><p>Josh Fechter</p>${story}`);
    expect(removeAuthorBox(early, 'Josh Fechter')).toBe(0);
    const none = root(`${story}<p>Josh Fechter</p>`);
    expect(removeAuthorBox(none, null)).toBe(0);
  });

  it('keeps a short article whose byline line stands before most of its text', () => {
    const short = root(`<p>A note from the editors.</p><p>By Josh Fechter</p>${story.slice(0, 200)}`);
    expect(removeAuthorBox(short, 'Josh Fechter')).toBe(0);
  });
});

describe(removeRepeatedSiblings.name, () => {
  const root = (html: string): Element => {
    const { document } = parseHTML(`<html><body><div id="a">${html}</div></body></html>`) as unknown as { document: Document };
    return document.getElementById('a') as Element;
  };
  const section = '<h3>Universal Appeal</h3><p>Increasing attendance and awareness of a world-class space museum in a small town.</p>';

  it('keeps one of two variants of the same content for two screen sizes (same tag, same text, another class)', () => {
    const el = root(`<section class="slide desktop">${section}</section><section class="slide mobile">${section}</section><section class="slide tablet">${section}</section><p>After.</p>`);
    expect(removeRepeatedSiblings(el)).toBe(2);
    expect(el.querySelectorAll('section')).toHaveLength(1);
    expect(el.querySelector('section')?.getAttribute('class')).toBe('slide desktop');
    expect(el.textContent).toContain('After.');
  });

  it('finds the variants at any depth', () => {
    const el = root(`<div><div class="v hidden-a">${section}</div><div class="v hidden-b">${section}</div></div>`);
    removeRepeatedSiblings(el);
    expect(el.querySelectorAll('h3')).toHaveLength(1);
  });

  it('keeps a repeat under the same class (the page wrote it twice), a heading repeated as a paragraph, and a short repeat', () => {
    const same = root(`<div class="row">${section}</div><div class="row">${section}</div>`);
    expect(removeRepeatedSiblings(same)).toBe(0);
    const long = 'The rocket booster with the cargo ship is installed on a launch pad in Baikonur, Kazakhstan, on Tuesday.';
    const tags = root(`<h1 class="headline">${long}</h1><div class="description">${long}</div>`);
    expect(removeRepeatedSiblings(tags)).toBe(0);
    const short = root('<p class="a">Yes.</p><p class="b">Yes.</p>');
    expect(removeRepeatedSiblings(short)).toBe(0);
  });
});

describe('removeFurniture: calls to action and disclaimers', () => {
  it('removes a "cta" box that holds a heading or a link, and a "cta" link', () => {
    const d = doc(
      `<article><p>${words(150)}</p><div class="post-cta"><h4>Want to win more jobs?</h4><p>Our tool helps.</p></div>` +
        `<p>More text <a class="c-cta--primary" href="/demo">Book a demo now</a></p></article>`,
    );
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Want to win more jobs?');
    expect(d.body.textContent).not.toContain('Book a demo now');
    expect(d.body.textContent).toContain('More text');
  });

  it('keeps a "cta" paragraph, and a "cta" box with no heading, link or button', () => {
    const d = doc(`<article><p>${words(150)}</p><p class="cta-note">Would you like to join us?</p><div class="cta-overlay"><span>View photo</span></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('Would you like to join us?');
    expect(d.body.textContent).toContain('View photo');
  });

  it('does not take "cta" inside another word for the word', () => {
    const d = doc(`<article><p>${words(150)}</p><div class="factbox"><h3>Facts</h3><a href="/x">A fact link</a></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('A fact link');
  });

  it('removes a block named "disclaimer"', () => {
    const d = doc(`<article><div class="disclaimer-container"><p class="disclaimer">Products are chosen independently by our editors.</p></div><p>${words(150)}</p></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('chosen independently');
    expect(d.body.textContent).toContain('word149');
  });
});

describe('removeFurniture: disclosures, modals, tooltips, badges, dropdowns', () => {
  it.each(['advertiser-disclosure', 'signup-modal', 'author-tooltip', 'product-badge', 'menu-dropdown'])('removes a small block named "%s"', (cls) => {
    const d = doc(`<article><p>${words(150)}</p><div class="${cls}"><p>Furniture text here</p></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Furniture text here');
    expect(d.body.textContent).toContain('word149');
  });
});

describe('removeLinkColumns', () => {
  const root = (html: string): Element => (parseHTML(`<html><body><div>${html}</div></body></html>`) as unknown as { document: Document }).document.querySelector('div') as Element;
  const links = (n: number): string => Array.from({ length: n }, (_, i) => `<a href="/s${i}">Section ${i}</a><br>`).join('');
  const story = 'The council met on Monday and voted on the budget for road repairs, parks and the new school buildings.';
  it('removes a cell of links beside a cell of other text', () => {
    const r = root(`<table><tr><td>${links(8)}</td><td>${story}</td></tr></table>`);
    expect(removeLinkColumns(r)).toBe(1);
    expect(r.textContent).toBe(story);
  });
  it('keeps a cell of a few links, a cell with text of its own, and link cells beside other link cells', () => {
    expect(removeLinkColumns(root(`<table><tr><td>${links(3)}</td><td>${story}</td></tr></table>`))).toBe(0);
    expect(removeLinkColumns(root(`<table><tr><td>${links(8)} and a long note about these sections that is not a link at all, written out in full for readers here</td><td>${story}</td></tr></table>`))).toBe(0);
    expect(removeLinkColumns(root(`<table><tr><td>${links(8)}</td><td>${links(9)}</td></tr></table>`))).toBe(0);
  });
});

describe(trimStoryEnd.name, () => {
  const root = (html: string): Element => (parseHTML(`<html><body><div>${html}</div></body></html>`) as unknown as { document: Document }).document.querySelector('div') as Element;
  const story = '<p>The council met on Monday and voted on the budget for road repairs, parks and the new school buildings.</p>';
  it('removes headings that end the story with nothing under them, through empty lists, wrappers and trailing scripts', () => {
    const r = root(`${story}<h2>Recent posts</h2><ul></ul>`);
    expect(trimStoryEnd(r)).toBe(1);
    expect(r.innerHTML).toBe(`${story}<ul></ul>`);
    const nested = root(`<section>${story}<h3>More <strong>travel guides:</strong></h3><h4>Related reading</h4></section><div><img src="a.png"><script>x()</script></div>`);
    expect(trimStoryEnd(nested)).toBe(2);
    expect(nested.querySelectorAll('h3, h4')).toHaveLength(0);
    expect(nested.querySelector('p')?.outerHTML).toBe(story);
  });
  it('keeps a heading with text under it, small print in a heading\'s tag, and a story that is only a heading', () => {
    const headed = root(`<h2>Budget</h2>${story}`);
    expect(trimStoryEnd(headed)).toBe(0);
    const small = `<h6>Sources: ${'a report of the council, the city budget office and the state audit, 2024; '.repeat(2)}</h6>`;
    expect(trimStoryEnd(root(`${story}${small}`))).toBe(0);
    const only = root('<h2>Recent posts</h2>');
    expect(trimStoryEnd(only)).toBe(0);
    expect(only.innerHTML).toBe('<h2>Recent posts</h2>');
  });
  it('keeps a closing heading numbered as a step of the story, and still removes a rating-like "3.5 stars"', () => {
    const step = root(`<h2>1. Find your county</h2>${story}<h2>2. Contact a legal aid organization in your area</h2>`);
    expect(trimStoryEnd(step)).toBe(0);
    expect(step.textContent).toContain('2. Contact a legal aid organization');
    expect(trimStoryEnd(root(`${story}<h3>Step 4: Apply online</h3>`))).toBe(0);
    expect(trimStoryEnd(root(`${story}<h3>3.5 stars</h3>`))).toBe(1);
  });
  it('removes a closing paragraph that is one link and nothing else, and keeps one with words of its own, a long link or a bare address', () => {
    const pointer = root(`${story}<p><a href="/picks">Back to our top picks</a></p>`);
    expect(trimStoryEnd(pointer)).toBe(1);
    expect(pointer.innerHTML).toBe(story);
    const sentence = root(`${story}<p>The council's <a href="/report">report</a> is online.</p>`);
    expect(trimStoryEnd(sentence)).toBe(0);
    const long = root(`${story}<p><a href="/r">${'The full text of the council budget, with every line the members voted on '.repeat(2)}</a></p>`);
    expect(trimStoryEnd(long)).toBe(0);
    const source = root(`${story}<p>On the Net:</p><p><a href="https://www.example.gov/budget">https://www.example.gov/budget</a></p>`);
    expect(trimStoryEnd(source)).toBe(0);
    const both = root(`${story}<h3>More from the council</h3><p><a href="/next">Next: the school vote</a></p>`);
    expect(trimStoryEnd(both)).toBe(2);
    expect(both.innerHTML).toBe(story);
  });
});

describe('removeFurniture: asides', () => {
  const box = 'Americans spend a lot of time sitting: at desks, in cars and in front of screens, and the study found the hours add up quickly.';

  it('keeps a callout <aside> of running text inside the article', () => {
    const d = doc(`<article><p>${words(150)}</p><aside class="center"><h3>Did you know?</h3><p>${box}</p></aside><p>${words(40)}</p></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('Americans spend a lot of time sitting');
  });

  it('still removes a sidebar <aside> outside the article, a furniture-named one, a link list and a pull quote', () => {
    const d = doc(
      `<article><p>${words(150)} ${box}</p>` +
        `<aside><blockquote>${box}</blockquote></aside>` +
        `<aside class="related-box"><p>Other reading: ${box.replace('Americans', 'Readers')}</p></aside>` +
        `<aside><ul><li><a href="/a">First other story with a long enough headline</a></li><li><a href="/b">Second other story with a long enough headline</a></li><li><a href="/c">Third story.</a></li></ul></aside>` +
        `</article><aside><p>Sidebar: ${box.replace('Americans', 'Visitors')}</p></aside>`,
    );
    removeFurniture(d);
    const text = d.body.textContent ?? '';
    expect(text.split('Americans spend').length).toBe(2);
    expect(text).not.toContain('Readers spend');
    expect(text).not.toContain('First other story');
    expect(text).not.toContain('Visitors spend');
  });
});

describe('removeFurniture: "read more" expanders', () => {
  const answer =
    'Call your insurance agent before the first demo day. Standard homeowner policies rarely cover business use of the garage, and a rider costs far less than a claim the insurer refuses.';

  it('keeps a "read more" expander that holds the rest of the text', () => {
    const d = doc(`<article><p>${words(150)}</p><div class="ReadMoreAnswer_text"><p>${answer}</p><p>${answer}</p></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('Call your insurance agent');
  });

  it('still removes a "read more" block of links', () => {
    const d = doc(`<article><p>${words(150)}</p><div class="read-more"><a href="/next">Read more: ${answer}</a><a href="/other">${answer}</a></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Call your insurance agent');
  });
});

describe('removeFurniture: footnote lists', () => {
  it.each(['footnotes', 'wp-block-footnotes', 'footnotes-list', 'modern-footnotes-footnote__note'])('removes the block named "%s"', (cls) => {
    const d = doc(`<article><p>${words(150)}</p><ol class="${cls}"><li>Data accessed at the agency's site. ↩</li></ol></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('accessed at the agency');
    expect(d.body.textContent).toContain('word149');
  });

  it.each(['footnote', 'footnote-content', 'has-footnotes', 'entry-content no-footnotes'])('keeps the block named "%s"', (cls) => {
    const d = doc(`<article><p>${words(150)}</p><div class="${cls}"><p>The study followed 400 patients for ten years.</p></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('followed 400 patients');
  });
});

describe('removeFurniture: excerpts', () => {
  it.each(['post-excerpt', 'wp-block-post-excerpt', 'article-card__excerpt', 'excerpt'])('removes the summary named "%s"', (cls) => {
    const d = doc(`<article><p class="${cls}">What the legends can teach us about the claims.</p><p>${words(150)}</p></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('legends can teach');
    expect(d.body.textContent).toContain('word149');
  });

  it('keeps a block named "has-excerpt", and a long excerpt of a book that holds the story', () => {
    const flag = doc(`<article class="has-excerpt"><p>${words(150)}</p></article>`);
    removeFurniture(flag);
    expect(flag.body.textContent).toContain('word149');
    const book = doc(`<div class="book-excerpt"><p>${words(40)}</p><p>${words(40)}</p><p>${words(40)}</p></div>`);
    removeFurniture(book);
    expect(book.body.textContent).toContain('word39');
  });
});

describe('removeFurniture: tag lists', () => {
  it.each(['tags', 'post-detail-tags', 'content-topics tags', 'tags-links d-block'])('removes the list named "%s"', (cls) => {
    const d = doc(`<article><p>${words(150)}</p><div class="${cls}">Tagged blockchain, optimization, smart contracts</div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Tagged blockchain');
    expect(d.body.textContent).toContain('word149');
  });

  it.each(['has-tags', 'no-tags', 'tag', 'hashtag-story'])('keeps the block named "%s"', (cls) => {
    const d = doc(`<article><p>${words(150)}</p><div class="${cls}"><p>The price tag came to 40,000 dollars.</p></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).toContain('price tag came');
  });
});

describe('looksLikeFurniture: a post\'s term classes', () => {
  const el = (cls: string): Element => doc(`<div class="${cls}"><p>The council met.</p></div>`).querySelector('div') as Element;

  it.each([
    'post-123 post type-post status-publish format-standard hentry category-related-reading',
    'post-123 post type-post status-publish hentry tag-see-also',
    'post-123 post type-post status-publish hentry disclaimer-affiliate',
    'entry post-9 recipe type-recipe status-publish category-newsletter tag-social-media',
  ])('reads no furniture in "%s"', (cls) => {
    expect(looksLikeFurniture(el(cls))).toBe(false);
  });

  it.each([
    'related-posts post-123 post type-post status-publish hentry category-news',
    'tag-list',
    'category-related-reading tag-see-also',
    'post-123 newsletter-box',
  ])('still reads furniture in the theme\'s own classes or outside a post\'s element: "%s"', (cls) => {
    expect(looksLikeFurniture(el(cls))).toBe(true);
  });

  it('keeps the classes before the post type\'s and the generated ones without a dash', () => {
    expect(withoutTermClasses('card post-5 post type-post status-publish sticky hentry category-news tag-a')).toBe('card post-5 post type-post sticky hentry');
    expect(withoutTermClasses('tag-list category-news')).toBe('tag-list category-news');
  });
});

describe('removeFurniture: the page\'s footer', () => {
  const about = Array.from({ length: 3 }, (_, i) => `<p>About us ${i}: Example.com was launched in 2008 to bring its readers the latest news of the trade, ${words(20)}.</p>`).join('');

  it('removes a page footer of long paragraphs when the story stands in an <article> or <main>', () => {
    const d = doc(`<main><article><p>${words(150)}</p></article></main><footer id="colophon">${about}</footer>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('About us');
    expect(d.body.textContent).toContain('word149');
  });

  it('keeps long paragraphs in a <footer> inside the article, or on a page without <article> and <main>', () => {
    const inside = doc(`<article><p>${words(150)}</p><footer>${about}</footer></article>`);
    removeFurniture(inside);
    expect(inside.body.textContent).toContain('About us 2');
    const old = doc(`<div id="story"><p>${words(20)}</p></div><footer>${about}</footer>`);
    removeFurniture(old);
    expect(old.body.textContent).toContain('About us 2');
  });
});

describe('looksLikeFurniture: a form\'s heading', () => {
  it('removes the title and description a form plugin sets above its fields, with the form', () => {
    const d = doc(`<article><p>${words(150)}</p><div class="gform_wrapper"><div class="gform_heading"><h2 class="gform_title">Request our free ebook</h2><p class="gform_description">Fill out the form to get a copy of our ebook.</p></div><form><input type="email"></form></div></article>`);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('Request our free ebook');
    expect(d.body.textContent).not.toContain('Fill out the form');
    expect(d.body.textContent).toContain('word149');
  });
});

describe('looksLikeFurniture: print styling', () => {
  const el = (cls: string): Element => doc(`<div class="${cls}">x</div>`).querySelector('div') as Element;

  it('reads "dn-print", "hidden-print", "d-print-none" and "print-hidden" as print styling, not a print button', () => {
    for (const cls of ['listicleProduct dn-print', 'card hidden-print', 'col d-print-none', 'box print-hidden']) {
      expect(looksLikeFurniture(el(cls)), cls).toBe(false);
    }
  });

  it('still reads a print button, and content shown only in print, as furniture', () => {
    for (const cls of ['print', 'article-print-button', 'authors d-lg-none d-print-block', 'print-only']) {
      expect(looksLikeFurniture(el(cls)), cls).toBe(true);
    }
  });
});

describe('looksLikeFurniture: heading anchors', () => {
  it('reads an id made from the element\'s own heading as its title, not its role', () => {
    const d = doc(
      `<div id="1-heading-how-popular-are-meditation-and-mindfulness"><h2>How popular are meditation and mindfulness?</h2><p>Text.</p></div>` +
        `<div id="popular-posts-sidebar"><h2>Editor picks</h2></div><div id="related-stories" class="related"><h2>Related stories</h2></div>`,
    );
    const [anchor, popular, related] = Array.from(d.querySelectorAll('body > div'));
    expect(looksLikeFurniture(anchor as Element)).toBe(false);
    expect(looksLikeFurniture(popular as Element)).toBe(true);
    expect(looksLikeFurniture(related as Element)).toBe(true);
  });

  it('reads a heading\'s own id made from its words as its anchor, and keeps it; not an id of other words, nor a furniture class', () => {
    const d = doc(
      '<h2 id="h-what-is-social-shopping"><strong>What is Social Shopping?</strong></h2>' +
        '<h3 id="social-share-heading">What is Social Shopping?</h3><h2 id="h-what-is-social-shopping" class="social-links">What is Social Shopping?</h2>' +
        '<h4 id="social">Social</h4>',
    );
    const [own, other, styled, short] = Array.from(d.querySelectorAll('h2, h3, h4'));
    expect(looksLikeFurniture(own as Element)).toBe(false);
    expect(looksLikeFurniture(other as Element)).toBe(true);
    expect(looksLikeFurniture(styled as Element)).toBe(true);
    expect(looksLikeFurniture(short as Element)).toBe(true);
  });
});

describe('looksLikeFurniture: type styles', () => {
  it('reads "font-utility-2" and "font-caption" as type styles, while "utility-bar" and "caption" stay furniture', () => {
    const d = doc(`<td class="border-b py-tight font-utility-2">a</td><p class="font-caption">b</p><div class="utility-bar">c</div><p class="caption">d</p>`);
    const el = (sel: string): Element => d.querySelector(sel) as Element;
    expect(looksLikeFurniture(el('.font-utility-2'))).toBe(false);
    expect(looksLikeFurniture(el('.font-caption'))).toBe(false);
    expect(looksLikeFurniture(el('.utility-bar'))).toBe(true);
    expect(looksLikeFurniture(el('.caption'))).toBe(true);
  });
});

describe('looksLikeFurniture: layout variants', () => {
  it('reads "c-layout-sidebar-left" as a page layout around the content, while a sidebar column stays furniture', () => {
    const d = doc(`<div class="c-layout-sidebar-left">a</div><div class="layout-sidebar">b</div><div class="sidebar-left">c</div>`);
    const [layout, column, left] = Array.from(d.querySelectorAll('div'));
    expect(looksLikeFurniture(layout as Element)).toBe(false);
    expect(looksLikeFurniture(column as Element)).toBe(true);
    expect(looksLikeFurniture(left as Element)).toBe(true);
  });
});

describe('looksLikeFurniture: two parts joined by "and"', () => {
  it('reads "map-and-related" as a container of the content and, second, the links beside it, not as related links', () => {
    const d = doc(`<div id="map-and-related"><p>Enter an address to find a legal aid office near you.</p></div><div class="related-and-more">x</div><div id="related">y</div>`);
    const [both, related, plain] = Array.from(d.querySelectorAll('div'));
    expect(looksLikeFurniture(both as Element)).toBe(false);
    // A furniture word first still names the whole.
    expect(looksLikeFurniture(related as Element)).toBe(true);
    expect(looksLikeFurniture(plain as Element)).toBe(true);
  });
});

describe('looksLikeFurniture: tooltips', () => {
  it('reads role="tooltip" as furniture: the text a button shows on hover, not the page\'s', () => {
    const d = doc(`<article><p>${words(150)}</p><p>DOI: 10.1000/x <span class="more"><button>i</button><div role="tooltip" id="d1">Issued via DataCite (pending registration)</div></span></p></article>`);
    expect(looksLikeFurniture(d.querySelector('[role="tooltip"]') as Element)).toBe(true);
    removeFurniture(d);
    expect(d.body.textContent).not.toContain('pending registration');
    expect(d.body.textContent).toContain('DOI: 10.1000/x');
  });
});

describe('removeInlineFurniture: button links', () => {
  it('removes a link styled as a button that stands as a line of its own, and keeps button-named links inside a sentence or with long labels', () => {
    const d = doc(
      '<article><p>The poster shows every station of the line.</p>' +
        '<p><a class="btn btn-primary btn-lg" href="/buy">Buy Poster</a></p>' +
        '<div class="row"><div class="col"><a class="button-secondary" href="/list">See List ➔</a></div></div>' +
        '<p>Read <a class="btn" href="/guide">the guide</a> before you travel.</p>' +
        '<p><a class="btn" href="/x">This label is far too long to be a button label</a></p>' +
        '<p><a class="rebuttal" href="/r">Rebuttal</a></p></article>',
    );
    const article = d.querySelector('article') as Element;
    removeInlineFurniture(article);
    const text = article.textContent ?? '';
    expect(text).not.toContain('Buy Poster');
    expect(text).not.toContain('See List');
    expect(text).toContain('Read the guide before you travel.');
    expect(text).toContain('far too long');
    expect(text).toContain('Rebuttal');
    expect(text).toContain('every station');
  });

  it('removes a longer button label when it points to the page\'s own site, and keeps one pointing away or set in a sentence', () => {
    const d = doc(
      '<article><p>Weight loss of one to two pounds per week is reasonable for most adults.</p>' +
        '<p><a class="btn btn-link" href="https://www.health.test/blog/can-medications-help/2024/08">Find out if weight loss medications can help you lose weight</a></p>' +
        '<p><a class="btn" href="/authors/lee">View All Articles by This Author</a></p>' +
        '<a class="product-button" href="#top-picks">Back to our top GPS watch picks</a>' +
        '<a class="product-button" href="https://shop.example/watch-ultra-3">Shop the Apple Watch Ultra 3</a>' +
        '<p>Our tester said <a class="btn" href="/blog/stretching">find out ways to improve your flexibility for better health</a> and did.</p>' +
        '<p><a class="btn" href="https://health.test/blog/a-label-of-far-more-than-twelve-words">Read this label of far more than twelve words that is no button at all</a></p></article>',
    );
    const article = d.querySelector('article') as Element;
    removeInlineFurniture(article, 'health.test');
    const text = article.textContent ?? '';
    for (const gone of ['medications can help', 'View All Articles', 'Back to our top']) {
      expect(text, gone).not.toContain(gone);
    }
    for (const kept of ['Shop the Apple Watch Ultra 3', 'find out ways to improve your flexibility', 'no button at all', 'two pounds per week']) {
      expect(text, kept).toContain(kept);
    }

    const unknown = doc('<article><p>Story.</p><p><a class="btn" href="/blog/next-story">Find out if weight loss medications can help</a></p></article>');
    removeInlineFurniture(unknown.querySelector('article') as Element);
    expect(unknown.body.textContent).toContain('medications can help');
  });
});

describe('removeNamedAuthorBoxes', () => {
  it('removes boxes the markup names for the author, and keeps a wrapper so named that holds most of the article', () => {
    const d = doc(
      `<article><p>${words(200)}</p>` +
        '<div class="single-content-author"><p>Jane Roe is a freelance writer and researcher.</p></div>' +
        '<section class="post-author__about"><h4>About</h4><p>She lives in Leeds.</p></section>' +
        '<div id="authorInfo">Writes about energy.</div>' +
        '<p class="author">Inline author credit stays: a paragraph named author alone.</p></article>',
    );
    const article = d.querySelector('article') as Element;
    removeNamedAuthorBoxes(article);
    const text = article.textContent ?? '';
    expect(text).not.toContain('freelance writer');
    expect(text).not.toContain('Leeds');
    expect(text).not.toContain('energy');
    expect(text).toContain('Inline author credit stays');
    expect(text).toContain('word199');

    const whole = doc(`<div class="author-content"><p>${words(60)}</p><div class="author-bio">Short bio.</div></div>`);
    removeNamedAuthorBoxes(whole.body);
    expect(whole.body.textContent).toContain('word59');
    expect(whole.body.textContent).not.toContain('Short bio.');
  });
});

describe('isFurnitureText: a prompt after a leading question', () => {
  it('reads a newsletter or sign-up prompt opened by a short question as furniture, and leaves questions before story text alone', () => {
    expect(isFurnitureText("Like What You're Reading? Subscribe To The Monthly Newsletter!")).toBe(true);
    expect(isFurnitureText('Want more from Example Daily? Sign up for our newsletter, The Morning, and read smarter.')).toBe(true);
    expect(isFurnitureText('Why did the council vote no? The budget left no room for the new bridge.')).toBe(false);
    expect(isFurnitureText('Was it worth it? Subscribers to the scheme paid twice what the council had promised them, the audit found.')).toBe(false);
  });
});

describeLineRule(
  isAffiliateDisclosure,
  [
    'This post contains affiliate links.',
    'This post may contain affiliate links. Read more about this in my About Me page!',
    'Some of the links in this article are affiliate ones.',
    'Disclosure: As an Affiliate Marketer, I earn from qualifying purchases.',
    'If you buy something through our links, we may earn commission.',
    'Purchases made through links earn us a small commission, at no extra cost to you.',
    'If you find this helpful and buy through my links, I may receive a small commission.',
    'Note: this blog uses affiliate links. That means if you choose to make a purchase, I make a small kickback at no additional cost to you.',
    'The Motley Fool has a disclosure policy.',
  ],
  [
    // A story about commissions: no first person, no site of its own.
    'Brokers earn a commission of about 2 percent when clients buy shares through the platform.',
    'The agency said it would receive no commission on the purchase of the buildings.',
    // A product's features, in a review of it.
    'Affiliate Marketing – Available on the Shaker plan to let others promote your products for commission.',
    // The first person and a commission, but nothing bought or linked.
    'We earned a commission from the city council to design the new library, the architects said.',
  ],
);

describe('isAffiliateDisclosure: a long paragraph', () => {
  it('keeps a long paragraph that only mentions affiliate links', () => {
    const long = `${words(70)} The network says it contains affiliate links in every post, and that readers rarely notice them. ${words(10)}`;
    expect(long.length).toBeGreaterThan(400);
    expect(isAffiliateDisclosure(long)).toBe(false);
  });
});

describeLineRule(
  isSocialFollow,
  [
    'Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news and updates.',
    'Catch up on our in-depth coverage of tech and tools, and follow us on Facebook, Instagram, Twitter and TikTok to stay up to date.',
    'Want more DIY home decor projects? Follow me on Pinterest to see what I’m pinning.',
    '*** Follow me on Instagram, YouTube, X (Twitter) or Facebook for a daily moment of travel inspiration ***',
    'Follow AP on Facebook, X, Instagram, YouTube and TikTok',
    'Did you make one of my recipes? Please leave a star rating! Follow A Farmgirl’s Kitchen on FACEBOOK and YouTube.',
    'Join me on TikTok: @househelp',
  ],
  [
    // A third party followed, in a story: no command.
    'Residents were asked to follow the police department on X for updates during the storm.',
    'The minister has urged supporters to follow him on Telegram after his accounts were suspended.',
    // Following, but not on a network.
    'Follow us on the trail as we climb to the lake, a walk of about four hours.',
    // A long paragraph that mentions it in passing.
    `${words(60)} and follow us on Facebook.`,
  ],
);

describeLineRule(
  isSitePitch,
  [
    'Sign up now to get the freshest updates and exclusive deals delivered straight to your inbox!',
    'The best of Example Times, delivered to your inbox every morning',
    'Was this newsletter forwarded to you? Sign up to get it in your inbox.',
    'This article is exclusive to STAT+ subscribers',
    'This story is funded by readers like you',
    'Republish our articles for free, online or in print, under a Creative Commons license.',
    'Republish this article',
    'Thank you for subscribing to our daily newsletter.',
    'Thanks for signing up!',
    'Thank you for reading! If you have any feedback, please send it to the author.',
    'Thanks for visiting!',
    'Thanks for reading Example Weekly! Subscribe for free to receive new posts and support my work.',
    'Thanks for subscribing and reading this far. I appreciate it.',
    'Thank you for being part of our community. Read our Comment Policy before posting.',
    'To read the rest of this story subscribe to STAT+.',
    'Continue reading this article with a subscription',
    'Already have an account? Log in',
    'Already a subscriber? Sign in.',
    'Become a paid subscriber to Every to unlock this piece and learn about:',
    'Since you made it to the bottom of this article, we have a small favor to ask.',
    'Podcast: Play in new window | Download (Duration: 13:55 — 9.6MB) | Embed',
    'By posting a comment, you consent to have your personally identifiable information collected and used in accordance with our privacy policy.',
    'If you’re enjoying this article, consider supporting our award-winning journalism by subscribing. By purchasing a subscription you are helping to ensure the future of impactful stories about the discoveries and ideas shaping our world today.',
    'Editor’s Note: This article also appeared in the May/June 2024 issue of Example Reports magazine.',
  ],
  [
    // A product delivering to an inbox, in a story about it.
    'By the end of this guide, your agent will run on its own, delivering weekly summaries to your inbox.',
    'Recruiters promise CVs in your inbox within 72 hours.',
    // Access and funding in a story.
    'The report is available to members of the public at the town library.',
    'The shelter is funded by donations from local businesses and the county.',
    // Republishing, subscribing and a comment policy as the story's subject.
    'The paper will republish our articles on the election under its own name, the editor said.',
    'Thank you for subscribing, the mayor told the crowd, before the cheers drowned him out.',
    // Thanks for reading in a story, not opening the block.
    'The teacher said "thanks for reading" to every child who finished a book that week.',
    'Thanks to the readers who wrote in, the council reopened the library for visiting hours.',
    'Critics said the platform had not enforced its comment policy against abuse.',
    // A paywall as the story's subject.
    'Readers who want to read the story in full will now have to subscribe, the publisher said.',
    'Already a member of the union, she signed in for the first shift at dawn.',
    'Become a member of the club to vote in its elections, the chairman urged.',
    'The podcast: a new window on the city, in twelve episodes.',
    'By posting a comment under the video, the minister angered his own party.',
    'Donors were asked to consider supporting the hospital’s new wing.',
    'This article appeared to contradict the minister’s statement, critics said.',
  ],
);

describeLineRule(
  isProductionNote,
  [
    'This story about tutoring effectiveness was written by Jane Doe and produced by The Example Report, a nonprofit, independent news organization focused on inequality and innovation in education.',
    'This story was developed in partnership with Example Catering by Example Media’s branded content team.',
    'This article was produced in collaboration with the Example Fund.',
  ],
  [
    // The author named, or a production told of in the story.
    'This post was written by Jane Doe, MD, gastroenterologist, Example Health.',
    'This story was told to the council by a witness who asked not to be named, and the police were called.',
    'The film was produced by Example Pictures in partnership with the national broadcaster.',
  ],
);

describeLineRule(
  isAdviceDisclaimer,
  [
    'Disclaimer: This article is intended for educational and informational purposes only and is not a substitute for medical advice. Always consult a qualified healthcare professional.',
    'The content on this site is for informational purposes only.',
    'This post is not intended as a substitute for professional legal advice.',
    'This article is for informational purposes. This content is not legal advice.',
    'This is an open-access article distributed under the terms of the Creative Commons Attribution License.',
    'Note: The views expressed on Example.org are not necessarily those of the Example Institute.',
    'The opinions expressed on this website are those of each author, not of the author’s employer.',
    'The views expressed by the authors of this blog are their own and do not necessarily reflect the views of the association.',
    'The views and opinions expressed in the articles of this website are strictly those of the author.',
  ],
  [
    // The same words of something the story is about.
    'The app is not a substitute for medical advice, the regulator warned on Tuesday.',
    'The views expressed by the minister are not necessarily those of the government, a spokesman said.',
    'The opinions expressed in the survey were mostly positive, the authors said.',
    'Disclaimer: The publishers listed here are provided for informational purposes only.',
    'The court said the leaflets were for informational purposes only and dismissed the claim.',
  ],
);

describeLineRule(
  isParticularsStrip,
  [
    'On Behalf of Example Tunstall PLLC | Apr 21, 2017 | Products Liability',
    'Monday, August 11th, 2025 at 11:00 am | Categories: Helena, MT, Thermostats |',
    'By Jane Doe | 3 March 2024 | Politics',
    'Tom | 2024-04-18 | Reviews',
  ],
  [
    // Specifications set apart by bars, no date.
    'CPU: Intel Core i3 | RAM: 16GB DDR5 | Storage: 512GB SSD | Screen: 15.6-inch, 1920×1080 IPS',
    // One bar only.
    'By Jane Doe | March 3, 2024',
    // A field as long as a sentence.
    'Schedule | March 3, 2024 | The council will meet at the town hall to vote on the budget for road repairs and the new school',
  ],
);

describe(removeTeaserCards.name, () => {
  const story = `<p>${words(120)}</p>`;
  const card = (slug: string, excerpt: string, thumb = true): string =>
    `<div class="post">${thumb ? `<a href="/blog/${slug}"><img src="/${slug}.jpg" alt=""></a>` : ''}<h3><a href="/blog/${slug}">Another post called ${slug}</a></h3><p>${excerpt}</p><span>Dec 28, 2025</span></div>`;

  it('removes other posts teased by a thumbnail and a title linked to the same address', () => {
    const d = doc(`<article>${story}<div class="grid">${card('one', 'A short excerpt')}${card('two', 'Another excerpt')}${card('three', 'A third one')}</div></article>`);
    expect(removeTeaserCards(d.body)).toBe(3);
    expect(d.body.textContent).not.toContain('Another post called');
    expect(d.body.textContent).toContain('word119');
  });

  it('removes cards whose excerpt is cut short with an ellipsis, or whose heading is unlinked beside an empty link', () => {
    const unlinked = (slug: string): string => `<li><a href="/blog/${slug}" class="overlay"></a><h3>Unlinked teaser ${slug}</h3><p>How to hang a gallery wall and more…</p></li>`;
    const d = doc(`<article>${story}<ul>${card('a', 'How to hang a gallery wall...', false)}${card('b', 'What the words mean...', false)}${card('c', 'Questions answered […]', false)}</ul><ul>${unlinked('x')}${unlinked('y')}${unlinked('z')}</ul></article>`);
    expect(removeTeaserCards(d.body)).toBe(6);
    expect(d.body.textContent).not.toContain('Another post called');
    expect(d.body.textContent).not.toContain('Unlinked teaser');
  });

  it('reads a card headed by its category, a card whose title the site left empty, and a dated card with a long excerpt', () => {
    const post = (slug: string, title: string, excerpt: string): string =>
      `<div class="post-item"><a href="/${slug}/" class="image"></a>\n<div class="tagline"><h5 class="categories"><a href="/category/daily/">Daily</a></h5>\n<span class="date">Dec 19, 2025</span></div>\n` +
      `<h3 class="title"><a href="/${slug}/"><span>${title}</span></a></h3>\n<p>${excerpt}</p></div>`;
    const d = doc(`<article>${story}</article><div class="post-list">${post('one', '', words(40))}${post('two', 'Rosewood London unveils a chalet', words(100))}${post('three', 'A new air shuttle service', words(30))}</div>`);
    expect(removeTeaserCards(d.body)).toBe(3);
    expect(d.body.textContent).not.toContain('Rosewood London');
    expect(d.body.textContent).toContain('word119');
  });

  it('marks the cards on the whole page, for removeMarkedTeasers to take out of the story unless they are most of it', () => {
    const d = doc(`<article>${story}<div class="grid">${card('one', 'A short excerpt')}${card('two', 'Another excerpt')}${card('three', 'A third one')}</div></article>`);
    expect(removeTeaserCards(d.body, true)).toBe(3);
    expect(d.querySelectorAll(`[${TEASER_MARK}]`).length).toBe(3);
    const article = d.querySelector('article') as Element;
    expect(removeMarkedTeasers(article)).toBe(3);
    expect(article.textContent).not.toContain('Another post called');
    const front = doc(`<main><p>Latest news.</p><div class="grid">${card('one', 'A short excerpt')}${card('two', 'Another excerpt')}${card('three', 'A third one')}</div></main>`);
    removeTeaserCards(front.body, true);
    expect(removeMarkedTeasers(front.querySelector('main') as Element)).toBe(0);
    expect(front.body.textContent).toContain('Another post called three');
    // A section front: other teasers, no paragraph of running text, stay around the marked cards.
    const teasers = Array.from({ length: 8 }, (_, i) => `<h3>Headline number ${i}</h3><p>A one-line summary of story ${i}.</p>`).join('');
    const section = doc(`<main>${teasers}<div class="grid">${card('one', 'A short excerpt')}${card('two', 'Another excerpt')}${card('three', 'A third one')}</div></main>`);
    removeTeaserCards(section.body, true);
    expect(removeMarkedTeasers(section.querySelector('main') as Element)).toBe(0);
    expect(section.body.textContent).toContain('Another post called one');
  });

  it('keeps a list of the story\'s items, each a linked heading with its paragraph', () => {
    const item = (n: number, thumb: boolean): string =>
      `<div class="item">${thumb ? `<a href="https://shop.example/p${n}"><img src="/p${n}.jpg" alt=""></a>` : ''}<h3><a href="https://shop.example/p${n}">Product number ${n}</a></h3><p>${thumb ? words(90) : 'A sturdy pick for small kitchens.'}</p></div>`;
    const long = doc(`<article>${story}<div>${item(1, true)}${item(2, true)}${item(3, true)}</div></article>`);
    expect(removeTeaserCards(long.body)).toBe(0);
    const once = doc(`<article>${story}<div>${item(1, false)}${item(2, false)}${item(3, false)}</div></article>`);
    expect(removeTeaserCards(once.body)).toBe(0);
    expect(once.body.textContent).toContain('Product number 3');
  });

  it('removes a labelled run of cards that closes the story\'s parent, and keeps one without a label', () => {
    const cards = `${card('one', 'A short excerpt')}<hr>${card('two', 'Another excerpt')}<hr>${card('three', 'A third one')}`;
    const labelled = doc(`<article><div class="entry">${story}<h3>Read these next</h3>${cards}</div></article>`);
    expect(removeTeaserCards(labelled.body)).toBe(3);
    expect(labelled.body.textContent).not.toContain('Another post called');
    expect(labelled.body.textContent).toContain('Read these next');
    expect(labelled.body.textContent).toContain('word119');
    const bare = doc(`<article><div class="entry">${story}${cards}</div></article>`);
    expect(removeTeaserCards(bare.body)).toBe(0);
    expect(bare.body.textContent).toContain('Another post called three');
  });

  it('keeps two cards, and cards mixed with the story\'s paragraphs', () => {
    const two = doc(`<article>${story}<div>${card('one', 'x')}${card('two', 'y')}</div></article>`);
    expect(removeTeaserCards(two.body)).toBe(0);
    const mixed = doc(`<article><div>${card('one', 'x')}<p>${words(40)}</p>${card('two', 'y')}${card('three', 'z')}</div></article>`);
    expect(removeTeaserCards(mixed.body)).toBe(0);
  });
});

describe(removeButtonBoxes.name, () => {
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story. ${words(60)}</p>`).join('');
  const button = (label: string): string => `<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link" href="/offer">${label}</a></div></div>`;
  const promo = `<div class="wp-block-group has-background"><h2>Struggling with sourdough?</h2><p>Join my free workshop and learn to make a bubbly starter.</p>${button('Save your spot')}</div>`;

  it('removes a page builder\'s small box that holds a button block', () => {
    const d = doc(`<article>${story}${promo}</article>`);
    expect(removeButtonBoxes(d.body)).toBe(1);
    expect(d.body.textContent).not.toContain('Struggling with sourdough');
    expect(d.body.textContent).toContain('Paragraph 5 of the story');
  });

  it('keeps a box without a button block, a long box, and boxes that hold a quarter of the text', () => {
    const plain = doc(`<article>${story}<div class="wp-block-group has-background"><p>A note on the figures above.</p><a href="/x">Read the method</a></div></article>`);
    expect(removeButtonBoxes(plain.body)).toBe(0);
    const long = doc(`<article>${story}<div class="wp-block-group"><p>${words(150)}</p>${button('Download')}</div></article>`);
    expect(removeButtonBoxes(long.body)).toBe(0);
    const card = (n: number): string => `<div class="wp-block-group has-background"><h3>Resource ${n}</h3><p>${words(40)}</p>${button('Visit')}</div>`;
    const hub = doc(`<main><p>Our open resources.</p>${card(1)}${card(2)}${card(3)}</main>`);
    expect(removeButtonBoxes(hub.body)).toBe(0);
    expect(hub.body.textContent).toContain('Resource 3');
  });
});

describe(trimButtonBoxes.name, () => {
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story. ${words(60)}</p>`).join('');
  const pitch = (link: string): string => `<section class="box"><h3>Try it free</h3><p>Start your free trial today, no card needed.</p>${link}</section>`;
  const button = '<a class="button-primary" href="https://app.example.com/signup">Sign up</a>';
  /** Marks, takes the buttons out as the furniture pass does, then trims. */
  const trim = (html: string): { d: Document; marked: number; removed: number } => {
    const d = doc(html);
    const marked = markButtonBoxes(d.body);
    d.querySelectorAll('a[class]').forEach((a) => a.remove());
    return { d, marked, removed: trimButtonBoxes(d.body) };
  };

  it('removes a box around a button link that closes the story, after the button is gone', () => {
    const { d, marked, removed } = trim(`<article>${story}${pitch(button)}</article>`);
    expect(marked).toBe(1);
    expect(removed).toBe(1);
    expect(d.body.textContent).not.toContain('Start your free trial');
    expect(d.body.textContent).toContain('Paragraph 5 of the story');
  });

  it('keeps such a box between story paragraphs, and marks no box around a toggle\'s "#" link', () => {
    expect(trim(`<article>${story}${pitch(button)}<p>The end of the story. ${words(30)}</p></article>`).removed).toBe(0);
    const toggle = doc(`<article>${story}${pitch('<a class="accordion-button" href="#answer-1">Show</a>')}</article>`);
    expect(markButtonBoxes(toggle.body)).toBe(0);
    expect(toggle.querySelector(`[${BUTTON_BOX_MARK}]`)).toBeNull();
  });

  it('marks the nearest page builder\'s panel of a short pitch inside the root, read by its class names', () => {
    const panel = `<div class="wp-block-group has-background" id="inner"><h3>Try it free</h3><p>${words(60)}</p><div><a class="button-primary" href="/signup">Sign up</a></div></div>`;
    const d = doc(`<div class="e-con" id="outer"><article>${story}${panel}</article></div>`);
    markButtonBoxes(d.querySelector('article') as Element);
    expect(d.getElementById('inner')?.hasAttribute(BUTTON_BOX_MARK)).toBe(true);
    expect(d.getElementById('outer')?.hasAttribute(BUTTON_BOX_MARK)).toBe(false);
    const names = (c: string): boolean => isBuilderBox(doc(`<div class="${c}">x</div>`).querySelector('div') as Element);
    expect(names('wp-block-group has-background')).toBe(true);
    expect(names('x\te-con')).toBe(true);
    expect(names('wp-block-group__inner-container')).toBe(false);
    expect(names('e-con-inner')).toBe(false);
  });

  it('removes a pitch box set twice on the page wherever it stands, and keeps a quote\'s attribution set twice', () => {
    const promo = '<div class="promo"><p>Get the cash you need with a low-interest personal loan today</p><a class="btn" href="https://loans.example.com/apply">Apply now</a></div>';
    const d = doc(`<article>${story}${promo}<p>The end of the story. ${words(30)}</p></article><aside>${promo}</aside>`);
    expect(markButtonBoxes(d.body)).toBe(2);
    d.querySelectorAll('a[class]').forEach((a) => a.remove());
    const article = d.querySelector('article') as Element;
    expect(trimButtonBoxes(article)).toBe(1);
    expect(article.textContent).not.toContain('Get the cash you need');
    expect(article.textContent).toContain('The end of the story');
    expect(trim(`<article>${story}${promo}<p>The end of the story. ${words(30)}</p></article>`).removed).toBe(0);
    const quote = '<figure><blockquote>We doubled our traffic.</blockquote><figcaption><a class="button-link" href="https://www.linkedin.com/in/jane">LinkedIn</a>Jane Doe, VP of Marketing, Example</figcaption></figure>';
    const quoted = trim(`<article>${story}${quote}<p>More of the story. ${words(30)}</p>${quote}<p>The end of the story. ${words(30)}</p></article>`);
    expect(quoted.removed).toBe(0);
    expect(quoted.d.body.textContent).toContain('Jane Doe, VP of Marketing');
  });

  it('keeps boxes that hold a quarter of the text or more, and a story that is all box', () => {
    const card = (n: number): string => `<div class="card"><h3>Course ${n}</h3><p>${words(50)}</p><a class="btn" href="/course/${n}">Enrol</a></div>`;
    const hub = trim(`<main><p>Our courses this spring.</p>${card(1)}${card(2)}${card(3)}</main>`);
    expect(hub.removed).toBe(0);
    expect(hub.d.body.textContent).toContain('Course 3');
    expect(trim(`<main>${pitch(button)}</main>`).removed).toBe(0);
  });
});

describe(trimAfterSeparator.name, () => {
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story. ${words(40)}</p>`).join('');
  const closing = '<p>SHARE YOUR STORY</p><p>Do you have an issue with a company you have not been able to resolve? Write to us.</p>';
  const trim = (html: string): { text: string; removed: number } => {
    const root = doc(html).querySelector('article') as Element;
    const removed = trimAfterSeparator(root);
    return { text: root.textContent ?? '', removed };
  };

  it('removes a separator line and the closing matter under it, a line of its own or the first of a <br> run', () => {
    const own = trim(`<article>${story}<p>----------</p>${closing}</article>`);
    expect(own.removed).toBe(3);
    expect(own.text).not.toContain('SHARE YOUR STORY');
    expect(own.text).toContain('Paragraph 5 of the story');
    const run = trim(`<article>${story}<div><p>– – – – – – –</p></div><p>In this article, we covered: the pros and the cons.</p></article>`);
    expect(run.removed).toBe(2);
    expect(run.text).not.toContain('In this article');
    const br = trim(`<article>${story}<p>☼ ☼ ☼<br><strong>SHARE YOUR STORY</strong><br>Do you have an issue? Write to us.</p></article>`);
    expect(br.text).not.toContain('SHARE YOUR STORY');
  });

  it('keeps a scene break, a wire rule, a Markdown rule, a footnote, code and a last part longer than a quarter', () => {
    expect(trim(`<article>${story}<p>* * *</p>${closing}</article>`).removed).toBe(0);
    expect(trim(`<article>${story}<p>___</p><p>This version corrects the spelling of the region.</p></article>`).removed).toBe(0);
    expect(trim(`<article>${story}<p>---</p>${closing}</article>`).removed).toBe(0);
    expect(trim(`<article>${story}<p>----------</p><p>*Thanks to a reader for suggesting this resource.</p></article>`).removed).toBe(0);
    expect(trim(`<article>${story}<pre>==========</pre>${closing}</article>`).removed).toBe(0);
    expect(trim(`<article>${story}<p>----------</p>${story}</article>`).removed).toBe(0);
  });
});

describe(copiesBlockBefore.name, () => {
  const long = 'The council voted on Monday to raise parking fees in the city centre by a fifth from May.';

  it('reads a block as a copy when it is the block before it, 80 characters or more', () => {
    expect(long.length).toBeGreaterThanOrEqual(80);
    expect(copiesBlockBefore(long, long)).toBe(true);
  });

  it('reads no copy in a short repeat, a different text, or the first block', () => {
    expect(copiesBlockBefore('Share this story', 'Share this story')).toBe(false);
    expect(copiesBlockBefore(long, `${long} More.`)).toBe(false);
    expect(copiesBlockBefore(long, long.toUpperCase())).toBe(false);
    expect(copiesBlockBefore(long, null)).toBe(false);
    expect(copiesBlockBefore(long, undefined)).toBe(false);
  });
});

describe(removeShownTwice.name, () => {
  const summary = 'Today, artificial intelligence is changing the trajectory of health care, from routine tasks to diagnoses.';
  const shown = (html: string): { root: Element; kept: string[] } => {
    const root = doc(html).querySelector('article') as Element;
    const owners: Node[] = [];
    return { root, kept: removeShownTwice(root, textBlocks(root, owners), owners) };
  };

  it('removes a summary given again as the first paragraph of the story, from another part of the page', () => {
    const { root, kept } = shown(
      `<article><div class="hero"><p class="hero__summary">${summary}</p></div>` +
        `<div class="insight-content"><p>${summary}</p><p>The second paragraph goes on with the story.</p></div></article>`,
    );
    expect(kept).toEqual([summary, 'The second paragraph goes on with the story.']);
    expect((root.textContent ?? '').split(summary).length - 1).toBe(1);
  });

  it('keeps a paragraph the story itself repeats side by side, a short repeat, and a block holding more than the repeat', () => {
    const twice = `<article><p>${summary}</p><p>${summary}</p></article>`;
    expect(shown(twice).kept).toEqual([summary, summary]);
    const short = '<article><div><p>Yes, it was over.</p></div><div><p>Yes, it was over.</p></div></article>';
    expect(shown(short).kept).toHaveLength(2);
    const more = `<article><div><p>${summary}</p></div><section>${summary}<br>More on this below.</section></article>`;
    expect(shown(more).kept).toEqual([summary, summary, 'More on this below.']);
  });
});
