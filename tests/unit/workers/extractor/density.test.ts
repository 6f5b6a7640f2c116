import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classifyBlock, classifyBlocks, densityExtract, segmentBlocks, storyWindow, type TextBlock } from '../../../../src/workers/extractor/density.js';
import { adoptStrayElements, fosterParent } from '../../../../src/workers/extractor/dom.js';
import { continuesSections, densityArticle, extractArticle, gapsBetween, inPageOrder, isShortIntro, leadBefore, opensWithSection, preferDensity, sectionAfterHeading, sectionsBeforeLinks, tailAfter } from '../../../../src/workers/extractor/extract-article.js';

const body = (html: string): Element => {
  const { document } = parseHTML(`<html><head><title>t</title></head><body>${html}</body></html>`) as unknown as { document: Document };
  return document.body;
};

const sentence = (n: number, word = 'story'): string =>
  Array.from({ length: n }, (_, i) => `${word}${i % 7} text`).join(' ') + '.';

describe('segmentBlocks', () => {
  it('cuts at block elements and at <br>, and counts link text', () => {
    const blocks = segmentBlocks(body('<div>one <a href="/x">two</a><br><br>three</div><p>four <font>five</font></p>'));
    expect(blocks.map((b) => [b.text, b.tag, b.linkChars])).toEqual([
      ['one two', 'DIV', 3],
      ['three', 'DIV', 0],
      ['four five', 'P', 0],
    ]);
  });

  it('does not read a post\'s term classes ("category-discussion", "tag-comments") as a comment section', () => {
    const blocks = segmentBlocks(
      body('<div class="post-7 post type-post status-publish hentry category-discussion tag-comments"><p>The council met.</p></div><div class="comments"><p>Nice</p></div>'),
    );
    expect(blocks.map((b) => [b.text, b.noise])).toEqual([
      ['The council met.', false],
      ['Nice', true],
    ]);
  });

  it('does not read a code highlighter\'s "comment" span as a comment section', () => {
    const blocks = segmentBlocks(body('<pre><code><span class="hljs-comment"># set up</span> git init</code></pre><div class="comments"><p>Nice</p></div>'));
    expect(blocks.map((b) => [b.text, b.noise])).toEqual([
      ['# set up git init', false],
      ['Nice', true],
    ]);
  });

  it('skips scripts, buttons and selects', () => {
    expect(segmentBlocks(body('<p>kept</p><button>Click</button><select><option>A</option></select>')).map((b) => b.text)).toEqual(['kept']);
  });
});

describe('classifyBlock', () => {
  it('calls long sentence-like text good, link-heavy text and furniture bad, a few words short', () => {
    expect(classifyBlock({ text: sentence(20), linkChars: 0 })).toBe('good');
    expect(classifyBlock({ text: sentence(20), linkChars: 150 })).toBe('bad');
    expect(classifyBlock({ text: '© 2024 Example Media. All rights reserved.', linkChars: 0 })).toBe('bad');
    expect(classifyBlock({ text: 'Share this article', linkChars: 0 })).toBe('bad');
    expect(classifyBlock({ text: 'Home', linkChars: 0 })).toBe('short');
    expect(classifyBlock({ text: 'A line of medium length without ending', linkChars: 0 })).toBe('short');
    expect(classifyBlock({ text: 'A somewhat longer line of medium length, not quite a paragraph', linkChars: 0 })).toBe('near');
  });

  it('allows a paragraph or a list item up to 35 % of its text in links, other blocks 30 %', () => {
    // "Price: The average cost of solar is around $30,505 before incentives.", its middle words a link: 21 of 69 characters.
    const text = 'Price: The average cost of solar is around $30,505 before incentives.';
    expect(classifyBlock({ text, linkChars: 21, tag: 'P' })).not.toBe('bad');
    expect(classifyBlock({ text, linkChars: 21, tag: 'LI' })).not.toBe('bad');
    // A caption or a card of the same shape stays bad, and so does a paragraph over the prose limit.
    expect(classifyBlock({ text, linkChars: 21, tag: 'DIV' })).toBe('bad');
    expect(classifyBlock({ text, linkChars: 21 })).toBe('bad');
    expect(classifyBlock({ text, linkChars: 25, tag: 'P' })).toBe('bad');
  });

  it('weighs CJK characters as words', () => {
    expect(classifyBlock({ text: '東京都は月曜日、新しい計画を発表した。市民の生活を支えるため、交通網を整備する。予算は来年度から配分される。', linkChars: 0 })).toBe('good');
  });
});

describe('classifyBlocks', () => {
  const mk = (text: string, tag = 'P', linkChars = 0): TextBlock => ({ text, tag, linkChars, cls: 'bad', keep: false });

  it('keeps a near-good block next to good text and drops one among links', () => {
    const near = 'A somewhat longer line of medium length, not quite a paragraph';
    const blocks = classifyBlocks([mk('Menu item', 'LI', 9), mk(near), mk(sentence(20)), mk('Footer link', 'LI', 11), mk('Other menu', 'LI', 10), mk(near)]);
    expect(blocks.map((b) => b.keep)).toEqual([false, true, true, false, false, false]);
  });

  it('keeps a list of short points after the story: sentences with their stops, or list items without links', () => {
    const sentences = ['Centralized database for customer information.', 'Facilitates personal contact.', 'Organizes contact details and interaction history.'];
    const points = ['Bank feeds with reconciliation tools and rules', 'Sales tax tracking for multiple tax rates', 'Time tracking and basic project costing in Plus'];
    for (const [texts, tag] of [[sentences, 'P'], [points, 'LI']] as const) {
      const blocks = classifyBlocks([mk(sentence(20)), mk('Contact management', 'H3'), ...texts.map((t) => mk(t, tag)), mk('Privacy policy and terms of use', 'LI', 31)]);
      expect(blocks.map((b) => b.keep)).toEqual([true, true, true, true, true, false]);
    }
  });

  it('does not carry the story into a run of near-good labels without a closing stop (a player\'s captions)', () => {
    const blocks = classifyBlocks([
      mk('Unfortunately, this video is not available in your region.', 'DIV'),
      mk('Photo of Baby Wrapped in a Flag Seen as a Scandal', 'P'),
      mk('A photographer is fighting back after a photo she posted', 'P'),
      mk(sentence(20)),
    ]);
    expect(blocks.map((b) => b.keep)).toEqual([false, false, true, true]);
  });

  it('keeps a short block between two good ones and a heading before good text', () => {
    const blocks = classifyBlocks([mk('The vote', 'H2'), mk(sentence(20)), mk('He said:'), mk(sentence(20, 'more'))]);
    expect(blocks.map((b) => b.keep)).toEqual([true, true, true, true]);
  });
});

describe('storyWindow', () => {
  it('leaves out a good block far from the story behind a wall of links', () => {
    const good = (t: string): TextBlock => ({ text: t, tag: 'P', linkChars: 0, cls: 'good', keep: true });
    const bad = (t: string): TextBlock => ({ text: t, tag: 'LI', linkChars: t.length, cls: 'bad', keep: false });
    const blocks = [good(sentence(30)), good(sentence(30)), ...Array.from({ length: 20 }, () => bad(sentence(10))), good(sentence(20))];
    expect(storyWindow(blocks)).toEqual([0, 1]);
  });

  it('reads across a list of links inside the article (the sources the story gives), and not across one outside it or in comments', () => {
    const { document } = parseHTML('<html><body><article></article></body></html>') as unknown as { document: Document };
    const scope = document.querySelector('article');
    const good = (t: string): TextBlock => ({ text: t, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope });
    const links = (tag: string, inScope: boolean, noise = false): TextBlock[] =>
      Array.from({ length: 20 }, () => ({ text: sentence(10), tag, linkChars: sentence(10).length, cls: 'bad' as const, keep: false, scope: inScope ? scope : null, noise }));
    const story = (list: TextBlock[]): TextBlock[] => [good(sentence(20)), ...list, good(sentence(30)), good(sentence(30))];
    expect(storyWindow(story(links('LI', true)))).toEqual([0, 22]);
    expect(storyWindow(story(links('P', true)))).toEqual([0, 22]);
    expect(storyWindow(story(links('LI', false)))).toEqual([21, 22]);
    expect(storyWindow(story(links('LI', true, true)))).toEqual([21, 22]);
    expect(storyWindow(story(links('DIV', true)))).toEqual([21, 22]);
  });

  it('reads across a data table inside the article (cells without a closing stop), and not across one outside it, with links or in comments', () => {
    const { document } = parseHTML('<html><body><article></article></body></html>') as unknown as { document: Document };
    const scope = document.querySelector('article');
    const good = (t: string): TextBlock => ({ text: t, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope });
    const cell = 'Highly suitable due to its scalability and its extensive ecosystem of partners';
    const cells = (tag: string, inScope: boolean, linkChars = 0, noise = false): TextBlock[] =>
      Array.from({ length: 20 }, () => ({ text: cell, tag, linkChars, cls: 'bad' as const, keep: false, scope: inScope ? scope : null, noise }));
    const story = (table: TextBlock[]): TextBlock[] => [good(sentence(20)), ...table, good(sentence(30)), good(sentence(30))];
    expect(storyWindow(story(cells('TD', true)))).toEqual([0, 22]);
    expect(storyWindow(story(cells('TH', true)))).toEqual([0, 22]);
    expect(storyWindow(story(cells('TD', false)))).toEqual([21, 22]);
    expect(storyWindow(story(cells('TD', true, 10)))).toEqual([21, 22]);
    expect(storyWindow(story(cells('TD', true, 0, true)))).toEqual([21, 22]);
    expect(storyWindow(story(cells('DIV', true)))).toEqual([21, 22]);
  });
});

describe('densityExtract on old markup', () => {
  it('reads a table layout with <font> text and <br><br> paragraphs, and leaves the link column out', () => {
    const root = body(`
      <table><tr>
        <td width="150"><a href="/">Home</a><br><a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/weather">Weather</a></td>
        <td><font face="Arial" size="4"><b>Council approves new bridge</b></font><br><br>
          <font face="Arial" size="2">The city council voted on Tuesday to approve the new bridge across the river, ending a debate that lasted ten years.<br><br>
          Construction will begin next spring, officials said, and the bridge should open to traffic in two years.<br><br>
          Residents who opposed the plan said they would appeal the decision in court.</font></td>
      </tr></table>
      <p><font size="1">Copyright 2002 Example Times. All rights reserved.</font></p>`);
    const kept = densityExtract(root).map((b) => b.text);
    expect(kept).toEqual([
      'The city council voted on Tuesday to approve the new bridge across the river, ending a debate that lasted ten years.',
      'Construction will begin next spring, officials said, and the bridge should open to traffic in two years.',
      'Residents who opposed the plan said they would appeal the decision in court.',
    ]);
  });
});

describe('adoptStrayElements', () => {
  it('moves an element linkedom left between </head> and <body> into the body, so the body keeps its content', () => {
    const { document } = parseHTML('<html><head><title>x</title></head><div id="stray">menu</div><body><p>story</p></body></html>') as unknown as { document: Document };
    adoptStrayElements(document);
    expect(document.body.textContent).toBe('menustory');
    expect(document.body.firstElementChild?.id).toBe('stray');
  });

  it('moves what follows </html> into the body, as a browser does', () => {
    const { document } = parseHTML('<html><head><title>x</title></head><body><div>menu</div></body></html><div id="late"><p>story</p></div> tail') as unknown as { document: Document };
    adoptStrayElements(document);
    expect(document.body.textContent).toBe('menustory tail');
    expect(document.body.querySelector('#late')).not.toBeNull();
  });
});

describe('fosterParent', () => {
  it('moves paragraphs and text written straight inside a table, or a row, to before the table, in order', () => {
    const { document } = parseHTML(
      '<html><body><table><tr><td>cell</td><p id="a">one</p></tr>loose<tbody><p id="b">two</p><tr><td>cell 2</td></tr></tbody></table></body></html>',
    ) as unknown as { document: Document };
    expect(fosterParent(document)).toBe(3);
    const kids = Array.from(document.body.childNodes).map((n) => (n.nodeType === 1 ? (n as Element).tagName.toLowerCase() : (n.textContent ?? '').trim()));
    expect(kids).toEqual(['p', 'loose', 'p', 'table']);
    expect(document.querySelector('table')?.textContent).toBe('cellcell 2');
  });

  it('leaves cells a row group holds without a <tr>, captions, and nested tables\' cells', () => {
    const { document } = parseHTML(
      '<html><body><table><caption>c</caption><tbody><td>a</td><td><table><tr><td><p>deep</p></td></tr></table></td></tbody></table></body></html>',
    ) as unknown as { document: Document };
    expect(fosterParent(document)).toBe(0);
  });
});

describe('extractArticle falls back to text density', () => {
  // A streamed server-rendered page: the story arrives in a hidden boundary <div> a script moves into place.
  // Readability skips hidden elements and finds nothing; the classifier reads the body as it is.
  const para = [
    'Flood waters began to recede on Sunday across the valley, leaving hundreds of homes damaged and roads covered in mud.',
    'Emergency crews worked through the night to clear the main highway, which reopened to traffic early in the morning.',
    'The regional governor said aid would reach every family affected by the floods before the end of the week.',
    'Farmers in the lower valley said their crops were lost and asked for compensation from the state.',
  ];
  const page = `<!doctype html><html><head><title>Flood waters recede in the valley - Example Gazette</title></head><body>
    <div id="app"><header><a href="/">Example Gazette</a></header><template>loading</template></div>
    <div hidden id="S:0"><div class="wrap"><h1>Flood waters recede in the valley</h1>
      ${para.map((p) => `<div class="text-base">${p}</div>`).join('\n')}
      <div class="text-sm"><a href="/more">More local news</a> · <a href="/weather">Weather</a></div>
    </div></div>
  </body></html>`;

  it('returns the paragraphs, with method density and a warning saying so, when Readability finds nothing', () => {
    const r = extractArticle(page, 'https://example.test/flood.html');
    expect(r?.method).toBe('density');
    expect(r?.warnings.join(' ')).toMatch(/^Readability found (?:no article|\d+ words?); the body was taken by text density instead$/);
    expect(r?.text).toBe(para.join('\n\n'));
    expect(r?.title).toBe('Flood waters recede in the valley');
    expect(r?.html).toContain('<p>Emergency crews worked');
  });

  it('keeps method readability on an ordinary page', () => {
    const plain = `<html><head><title>t</title></head><body><article>${para.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(extractArticle(plain, 'https://example.test/a.html')?.method).toBe('readability');
  });
});

describe('comment sections', () => {
  it('never keeps blocks inside a comment / reply section, named by class or id', () => {
    const story = Array.from({ length: 3 }, (_, i) => `<p>${sentence(25, `s${i}`)}</p>`).join('');
    const comments = Array.from({ length: 6 }, (_, i) => `<div class="comment-body"><p>${sentence(25, `c${i}`)}</p></div>`).join('');
    const kept = densityExtract(body(`<article>${story}</article><ol class="commentlist">${comments}</ol><div id="respond"><p>${sentence(25, 'r')}</p></div>`));
    expect(kept).toHaveLength(3);
    expect(kept.every((b) => b.text.startsWith('s'))).toBe(true);
  });
});

describe('preferDensity', () => {
  const blocks = (texts: string[]): TextBlock[] => texts.map((text) => ({ text, tag: 'P', linkChars: 0, cls: 'good', keep: true }));
  const story = [sentence(30, 'alpha'), sentence(30, 'beta'), sentence(30, 'gamma')];

  it('takes the classifier when Readability found too few words', () => {
    expect(preferDensity('two words', blocks(story), 25)).toBe('too few');
  });

  it('takes the classifier when Readability kept under half the running text, all of it among the classifier’s', () => {
    expect(preferDensity(story[1] as string, blocks(story), 25)).toMatch(/^of about \d+ on the page$/);
  });

  it('keeps Readability when it found most of the text, or text the classifier did not read', () => {
    expect(preferDensity(`${story[0]} ${story[1]}`, blocks(story), 25)).toBeNull();
    expect(preferDensity(sentence(30, 'other'), blocks(story), 25)).toBeNull();
    expect(preferDensity(story[1] as string, [], 25)).toBeNull();
  });

  it('takes the word count of Readability\'s text from its caller when given', () => {
    expect(preferDensity('two words', blocks(story), 25, [], 30)).toBeNull();
    expect(preferDensity(story[1] as string, blocks(story), 25, [], 2)).toBe('too few');
  });

  it('takes the classifier when Readability took another part of the page: no running text, none of it the classifier\'s', () => {
    const grid = ['Is Obsidian a good alternative to Notion?', '11 comments', 'Obsidian is Freemium and Proprietary', 'Obsidian is Lightweight and Private'];
    const votes = [...grid, ...grid.map((t) => t.replace('Obsidian', 'Anytype')), ...grid.map((t) => t.replace('Obsidian', 'Joplin'))];
    expect(preferDensity(votes.join(' '), blocks(story), 25, votes)).toBe('that are not the story (no running text, none of it the classifier\'s)');
    // Running text of its own, or a story no longer than Readability's text: Readability stays.
    expect(preferDensity(sentence(30, 'other'), blocks(story), 25, [sentence(30, 'other')])).toBeNull();
    expect(preferDensity(votes.join(' '), blocks([story[0] as string]), 25, votes)).toBeNull();
  });

  it('keeps Readability when the classifier\'s surplus is a teaser stream (a headline link before a third of its blocks or more)', () => {
    const teasers = blocks([...story, sentence(30, 'delta'), sentence(30, 'echo'), sentence(30, 'fox')]).map((b, i) => ({ ...b, linksBefore: i >= 2 ? 1 : 0 }));
    expect(preferDensity(story[1] as string, teasers, 25)).toBeNull();
    expect(preferDensity('two words', teasers, 25)).toBe('too few');
  });
});

// A <main> and an <article> to scope kept blocks in, for leadBefore and tailAfter.
const scopeDoc = (parseHTML('<html><body><main></main><article></article></body></html>') as unknown as { document: Document }).document;
const main = scopeDoc.querySelector('main');
const article = scopeDoc.querySelector('article');
const scoped = (text: string, scope: Element | null): TextBlock => ({ text, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope });

describe('isShortIntro', () => {
  const intro = 'Solar panels cost less than they did ten years ago, and most homes pay them back in under eight years.';
  const next = 'Here is what an installation costs in each state, and which incentives lower the price.';
  const tagged = (text: string, tag: string): TextBlock => ({ ...scoped(text, main), tag });

  it('takes two paragraphs of running text under the headline as the intro when neither repeats the description', () => {
    expect(isShortIntro([scoped(intro, main), scoped(next, main)], 'A guide to what solar panels cost by state in 2025.')).toBe(true);
    // A paragraph and its bulleted points: the points count as blocks of the intro.
    expect(isShortIntro([scoped(intro, main), tagged('Find an installer near you and compare three quotes.', 'LI'), tagged(next, 'LI')], null)).toBe(true);
  });

  it('leaves out a lone standfirst, one that repeats the description, and a caption over a dateline', () => {
    expect(isShortIntro([tagged('Why it matters', 'H2'), scoped(intro, main)], null)).toBe(false);
    expect(isShortIntro([scoped(intro, main), scoped(next, main)], `${intro} Read on.`)).toBe(false);
    expect(isShortIntro([tagged(`${intro} Photo: Agency`, 'FIGCAPTION'), scoped('21 Dec 2018 12:55', main), scoped('São Paulo', main)], null)).toBe(false);
    // Two blocks, but not a sentence each: a label and a place.
    expect(isShortIntro([scoped(`${intro} ${next}`, main), scoped('London, UK', main)], null)).toBe(false);
  });
});

describe('extractArticle with a short intro above the body', () => {
  const intro = 'Solar panels cost less than they did ten years ago, and most homes pay them back in under eight years.';
  const next = 'Here is what an installation costs in each state, and which incentives lower the price.';
  const text = Array.from({ length: 8 }, (_, i) => `<p>${sentence(40, `w${i}`)} Another sentence, with commas, follows here.</p>`).join('');
  const page = (hero: string, description: string): string =>
    `<html><head><title>Solar costs</title><meta name="description" content="${description}"></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>` +
    `<main><div class="hero"><h1>Solar costs</h1><div class="hero-copy">${hero}</div></div><div class="content"><div class="rich">${text}</div></div></main>` +
    '<footer><p>© 2025 Example</p></footer></body></html>';

  it('puts back two intro paragraphs under the headline that Readability left out', () => {
    const article = extractArticle(page(`<p>${intro}</p><p>${next}</p>`, 'A guide to prices.'), 'https://example.com/solar');
    expect(article?.text.startsWith(`${intro}\n\n${next}`)).toBe(true);
  });

  it('puts back a lone intro paragraph when Readability\'s text opens with a section\'s heading', () => {
    const sections = `<h2>Costs by state</h2>${text}`;
    const html = page(`<p>${intro}</p>`, 'A guide to prices.').replace(`<div class="rich">${text}</div>`, `<div class="rich">${sections}</div>`);
    const article = extractArticle(html, 'https://example.com/solar');
    expect(article?.text.startsWith(`${intro}\n\nCosts by state\n\nw00 text`)).toBe(true);
  });

  it('reads a heading\'s length as a section\'s heading, not a standfirst set in an <h2>', () => {
    const h2 = (t: string): TextBlock => ({ ...scoped(t, main), tag: 'H2' });
    expect(opensWithSection(['Costs by state', 'w00'], [h2('Costs by state'), scoped('w00', main)])).toBe(true);
    expect(opensWithSection([`${intro} ${next}`, 'w00'], [h2(`${intro} ${next}`), scoped('w00', main)])).toBe(false);
    expect(opensWithSection(['w00'], [scoped('w00', main)])).toBe(false);
  });

  it('leaves out a lone standfirst, and two paragraphs that open with the description', () => {
    for (const [hero, description] of [[`<p>${intro}</p>`, 'A guide to prices.'], [`<p>${intro}</p><p>${next}</p>`, intro]] as const) {
      const article = extractArticle(page(hero, description), 'https://example.com/solar');
      expect(article?.text.startsWith('w00 text')).toBe(true);
      expect(article?.text).not.toContain(intro);
    }
  });
});

describe('leadBefore', () => {
  it('returns the kept blocks before Readability\'s first one inside the same <main>/<article>', () => {
    const dense = [scoped('site blurb', null), scoped('intro one', main), scoped('intro two', main), scoped('body one', main), scoped('body two', main)];
    expect(leadBefore(['body one', 'body two'], dense).map((b) => b.text)).toEqual(['intro one', 'intro two']);
  });

  it('stops at another scope, and finds nothing outside one or when the first block is unknown', () => {
    const dense = [scoped('hero text', article), scoped('body one', main), scoped('body two', main)];
    expect(leadBefore(['body one'], dense)).toEqual([]);
    expect(leadBefore(['body one'], [scoped('x', null), scoped('body one', null)])).toEqual([]);
    expect(leadBefore(['not there'], dense)).toEqual([]);
  });

  it('looks past up to forty short opening blocks the classifier lacks (link-card headings, a table of contents, a product card\'s labels), not past running text', () => {
    const dense = [scoped('intro one', main), scoped('intro two', main), scoped('card text one', main), scoped('card text two', main)];
    const cards = ['Step 1 - Backing up', 'card text one', 'Step 2 - Malware', 'card text two'];
    expect(leadBefore(cards, dense).map((b) => b.text)).toEqual(['intro one', 'intro two']);
    const labels = (n: number): string[] => Array.from({ length: n }, (_, i) => `Label ${i}`);
    expect(leadBefore(labels(40), dense)).toEqual([]);
    expect(leadBefore([...labels(41), 'card text one'], dense)).toEqual([]);
    expect(leadBefore([...labels(40), 'card text one'], dense).map((b) => b.text)).toEqual(['intro one', 'intro two']);
    // A top pick's card: name, score, ratings, pros and cons (18 labels) before the review's first paragraph.
    const card = ['Best for Most People', 'Scooter X', '81', 'OVERALL', 'SCORE', 'Range 9.9', 'Speed 7.1', 'Comfort 8.7', 'Portability 6.5', 'PROS', 'Long range', 'Comfortable ride', 'Strong brakes', 'Good latch', 'CONS', 'Heavy', 'Finicky app', 'Full results are in our comparison table.'];
    expect(leadBefore([...card, 'card text one'], dense).map((b) => b.text)).toEqual(['intro one', 'intro two']);
    expect(leadBefore(['Running text of the story that Readability took, long enough to be no heading or label at all, well over a hundred and twenty characters.', 'card text one'], dense)).toEqual([]);
  });

  it('on a page without <article> or <main>, returns only an opening of running text: 500 characters or more, each block a sentence, no heading', () => {
    const one = `${sentence(20, 'first')} It opens the story.`;
    const two = `${sentence(20, 'second')} It goes on.`;
    const three = `${sentence(20, 'third')} It ends the intro.`;
    const body = scoped('body one', null);
    expect(leadBefore(['body one'], [scoped(one, null), scoped(two, null), scoped(three, null), body]).map((b) => b.text)).toEqual([one, two, three]);
    // Too short, a label among it, a heading among it.
    expect(leadBefore(['body one'], [scoped(one, null), body])).toEqual([]);
    expect(leadBefore(['body one'], [scoped(one, null), scoped('Text size', null), scoped(two, null), scoped(three, null), body])).toEqual([]);
    expect(leadBefore(['body one'], [scoped(one, null), { ...scoped('How we chose the best plans for our readers this year', null), tag: 'H2' }, scoped(two, null), scoped(three, null), body])).toEqual([]);
  });

  it('anchors on a block in page order: a contents entry that is also a later heading does not stand for the start', () => {
    const dense = [scoped('intro one', main), scoped('intro two', main), scoped('body one', main), scoped('body two', main), scoped('Common concentrations', main)];
    expect(leadBefore(['Common concentrations', 'body one', 'body two'], dense).map((b) => b.text)).toEqual(['intro one', 'intro two']);
  });

  it('records the scope while segmenting', () => {
    const blocks = segmentBlocks(body('<p>outside</p><main><p>inside</p><article><p>deeper</p></article><p>after</p></main>'));
    expect(blocks.map((b) => [b.text, b.scope?.tagName])).toEqual([
      ['outside', undefined],
      ['inside', 'MAIN'],
      ['deeper', 'ARTICLE'],
      ['after', 'MAIN'],
    ]);
  });
});

describe('tailAfter', () => {
  it('returns the kept blocks after Readability\'s last one inside the same <main>/<article>', () => {
    const dense = [scoped('body one', main), scoped('body two', main), scoped('part two', main), scoped('part three', main), scoped('footer blurb', null)];
    expect(tailAfter(['body one', 'body two'], dense).map((b) => b.text)).toEqual(['part two', 'part three']);
  });

  it('stops at another scope, and finds nothing outside one or when the last block is unknown', () => {
    const dense = [scoped('body one', main), scoped('body two', main), scoped('other story', article)];
    expect(tailAfter(['body two'], dense)).toEqual([]);
    expect(tailAfter(['body one'], [scoped('body one', null), scoped('x', null)])).toEqual([]);
    expect(tailAfter(['not there'], dense)).toEqual([]);
  });

  it('goes on past a repeat of a text the page gave before Readability\'s last block (a table\'s row label as a later heading), not past Readability\'s own', () => {
    const dense = [scoped('Retail', main), scoped('body one', main), scoped('part two', main), scoped('Retail', main), scoped('part three', main)];
    expect(tailAfter(['Retail', 'body one'], dense).map((b) => b.text)).toEqual(['part two', 'Retail', 'part three']);
    // The same label given for the first time after it is Readability's own block, out of order: the tail ends there.
    const first = [scoped('body one', main), scoped('part two', main), scoped('Retail', main), scoped('part three', main)];
    expect(tailAfter(['Retail', 'body one'], first).map((b) => b.text)).toEqual(['part two']);
  });
});

describe('densityExtract link blocks', () => {
  it('counts the link blocks (a teaser\'s headline) standing before each kept block', () => {
    const html = `<p>${sentence(30, 'story')}</p><p>${sentence(30, 'more')}</p><h3><a href="/b">Another story headline</a></h3><p>${sentence(30, 'teaser')}</p>`;
    const kept = densityExtract(body(html));
    expect(kept.map((b) => [b.text.slice(0, 6), b.linksBefore])).toEqual([
      ['story0', 0],
      ['more0 ', 0],
      ['teaser', 1],
    ]);
  });
});

describe('inPageOrder', () => {
  it('keeps a longest strictly increasing run of positions, leaving out unknown and out-of-order ones', () => {
    expect([...inPageOrder([193, 0, 1, 2, undefined, 4, 11, 12])].sort((a, b) => a - b)).toEqual([1, 2, 3, 5, 6, 7]);
    expect([...inPageOrder([5, 1, 2, 3])].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect([...inPageOrder([2, 2, 3])].sort((a, b) => a - b)).toHaveLength(2);
    expect(inPageOrder([undefined, undefined]).size).toBe(0);
    expect(inPageOrder([]).size).toBe(0);
  });
});

describe('gapsBetween', () => {
  const block = (text: string, tag = 'P'): TextBlock => ({ text, tag, linkChars: 0, cls: 'good', keep: true });
  const texts = (gaps: Map<number, TextBlock[]>): Array<[number, string[]]> => [...gaps].map(([at, bs]) => [at, bs.map((b) => b.text)]);
  const one = sentence(20, 'first');
  const two = sentence(20, 'second');
  const three = sentence(20, 'third');
  const left = sentence(12, 'left');
  const right = sentence(12, 'right');

  it('returns the running text the classifier kept between two of Readability\'s blocks, after the block it follows', () => {
    const dense = [block(one), block(left), block(right), block(two), block(three)];
    expect(texts(gapsBetween([one, two, three], dense))).toEqual([[0, [left, right]]]);
  });

  it('skips Readability blocks the classifier does not have, and text Readability kept in a slightly changed form', () => {
    const changed = `${left.slice(0, -1)} [12].`;
    const more = sentence(20, 'more');
    const dense = [block(one), block(changed), block(more), block(two)];
    expect(texts(gapsBetween([one, 'a line the classifier never saw', left, two], dense))).toEqual([[0, [more]]]);
  });

  it('anchors on the blocks that stand in page order: a contents entry that is also a later heading bounds no gap', () => {
    const heading = 'Common concentrations';
    const dense = [block(one), block(left), block(right), block(two), block(three), block(heading, 'H2')];
    // Readability took a table of contents ("Common concentrations" among its entries), then the story.
    expect(texts(gapsBetween([heading, one, two, three], dense))).toEqual([[1, [left, right]]]);
  });

  it('leaves out captions, stray labels, chart figures and a gap far longer than the story', () => {
    expect(gapsBetween([one, two], [block(one), block(left, 'FIGCAPTION'), block(right, 'FIGURE'), block(two)]).size).toBe(0);
    expect(gapsBetween([one, two], [block(one), block('Videos', 'H2'), block(two)]).size).toBe(0);
    const labels = Array.from({ length: 30 }, (_, i) => block(`$${i}00 bn`));
    expect(gapsBetween([one, two], [block(one), ...labels, block(two)]).size).toBe(0);
    const stream = Array.from({ length: 12 }, (_, i) => block(sentence(20, `stream${i}`)));
    expect(gapsBetween([one, two], [block(one), ...stream, block(two)]).size).toBe(0);
  });

  it('leaves out teaser streams: a byline or an excerpt cut short with an ellipsis among the blocks', () => {
    expect(gapsBetween([one, two], [block(one), block(left), block('By Jane Doe'), block(right), block(two)]).size).toBe(0);
    expect(gapsBetween([one, two], [block(one), block(left), block(`${right.slice(0, -1)}…`), block(two)]).size).toBe(0);
  });
});

describe('extractArticle: a section Readability drops from the middle of the story', () => {
  const para = (w: string, n = 40): string => Array.from({ length: n }, (_, i) => `${w}${i % 9}`).join(' ') + '.';
  const page = `<html><head><title>Harbour works</title></head><body><article><h1>Harbour works</h1>
    <p>${para('alpha')}</p><p>${para('bravo')}</p>
    <div class="supplemental-box"><p>${para('charlie', 20)}</p><p>${para('delta', 20)}</p></div>
    <p>${para('echo')}</p><p>${para('foxtrot')}</p></article></body></html>`;

  it('is put back where it stood, in the text and in the HTML', () => {
    const r = extractArticle(page, 'https://example.com/a');
    expect(r?.method).toBe('readability');
    expect(r?.text.split('\n\n').map((b) => b.split(' ')[0])).toEqual(['alpha0', 'bravo0', 'charlie0', 'delta0', 'echo0', 'foxtrot0']);
    const html = r?.html ?? '';
    expect(html.indexOf('charlie0')).toBeGreaterThan(html.indexOf('bravo0'));
    expect(html.indexOf('charlie0')).toBeLessThan(html.indexOf('echo0'));
  });
});

describe('extractArticle: the rest of the story after what Readability kept', () => {
  const para = (w: string, n = 40): string => Array.from({ length: n }, (_, i) => `${w}${i % 9}, word`).join(' ') + '.';
  const page = (tail: string): string => `<html><head><title>Harbour works</title></head><body><main><h1>Harbour works</h1>
    <div class="x1"><div class="x2"><div class="entry-content">${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((w) => `<p>${para(w)}</p>`).join('')}</div></div></div>
    <div class="y1"><div class="y2 widget"><div class="y3">${tail}</div></div></div></main></body></html>`;
  const firstWords = (text = ''): string => text.split('\n\n').map((b) => b.split(' ')[0]).join(' ');

  it('is added when it sits in the same <main> and is at least half as long as Readability\'s text', () => {
    const r = extractArticle(page(`<h4>Part two</h4><p>${para('golf')}</p><p>${para('hotel')}</p><h4>Part three</h4><p>${para('india')}</p><p>${para('juliet')}</p>`), 'https://example.com/a');
    expect(firstWords(r?.text)).toBe('alpha0, bravo0, charlie0, delta0, echo0, foxtrot0, Part golf0, hotel0, Part india0, juliet0,');
  });

  it('is left out when short (a closing box) or a teaser stream (a headline link before each excerpt)', () => {
    expect(firstWords(extractArticle(page(`<p>${para('golf')}</p>`), 'https://example.com/a')?.text)).toBe('alpha0, bravo0, charlie0, delta0, echo0, foxtrot0,');
    const teasers = ['golf', 'hotel', 'india', 'juliet'].map((w) => `<h4><a href="/${w}">${w} headline here</a></h4><p>${para(w)}</p>`).join('');
    expect(firstWords(extractArticle(page(teasers), 'https://example.com/a')?.text)).toBe('alpha0, bravo0, charlie0, delta0, echo0, foxtrot0,');
  });
});

describe('extractArticle: the section under the heading that closes Readability\'s text', () => {
  const para = (w: string, n = 40): string => Array.from({ length: n }, (_, i) => `${w}${i % 9}, word`).join(' ') + '.';
  const answer = (w: string): string => `${w}0 is the answer to this question, with a sentence or two of reasons that a reader would want to know.`;
  // An FAQ whose answers sit in panels named "…-hidden" (Readability weighs them down and drops them), on a page without <article> or <main>.
  const page = (heading: string): string => {
    const faq = ['golf', 'hotel', 'india'].map((w) => `<div class="pane"><h3><button type="button">Which ${w} is best?</button></h3><div class="panel panel-hidden"><div class="inner"><p>${answer(w)}</p></div></div></div>`).join('');
    return `<html><head><title>Harbour works</title></head><body><div class="page"><h1>Harbour works</h1><div class="entry-content">
      ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((w) => `<p>${para(w)}</p>`).join('')}
      <h2>${heading}</h2><div class="accordion"><div class="wrap">${faq}</div></div></div></div></body></html>`;
  };
  const firstWords = (text = ''): string => text.split('\n\n').map((b) => b.split(' ')[0]).join(' ');

  it('is added after the heading when the classifier kept it', () => {
    expect(firstWords(extractArticle(page('Frequently asked questions'), 'https://example.com/a')?.text)).toBe('alpha0, bravo0, charlie0, delta0, echo0, foxtrot0, Frequently golf0 hotel0 india0');
  });

  it('is not when the heading names other content, a link block stands before it, or it is no running text', () => {
    const sec = (text: string, tag = 'P', linksBefore = 0): TextBlock => ({ text, tag, linkChars: 0, cls: 'good', keep: true, scope: null, linksBefore });
    const story = [sec(sentence(20, 'first')), sec('Questions', 'H2')];
    const own = story.map((b) => b.text);
    const answers = [sec(answer('golf')), sec(answer('hotel'))];
    expect(sectionAfterHeading(own, [...story, ...answers, sec('Next part', 'H2'), sec(answer('india'))]).map((b) => b.text)).toEqual(answers.map((b) => b.text));
    expect(sectionAfterHeading(['Related posts'], [sec('Related posts', 'H2'), ...answers])).toEqual([]);
    expect(sectionAfterHeading(own, [...story, sec(answer('golf'), 'P', 1)])).toEqual([]);
    expect(sectionAfterHeading(own, [...story, sec('Short line.'), sec('Another.')])).toEqual([]);
    // Readability's text closing with a paragraph: nothing to head.
    expect(sectionAfterHeading([own[0] as string], [story[0] as TextBlock, ...answers])).toEqual([]);
  });
});

describe('continuesSections and the sections after Readability\'s closing credits', () => {
  const sec = (text: string, tag = 'P', linksBefore = 0): TextBlock => ({ text, tag, linkChars: 0, cls: 'good', keep: true, scope: main, linksBefore });
  const one = sentence(20, 'first');
  const two = sentence(20, 'second');
  const three = sentence(20, 'third');
  const four = sentence(20, 'fourth');
  const story = [sec('Part one', 'H2'), sec(one), sec('Part two', 'H2'), sec(two)];
  const own = story.map((b) => b.text);
  const more = [sec('Part three', 'H2'), sec(three), sec(four)];

  it('reads a tail as more of the story when it opens with a heading of a level the story has twice, over running text', () => {
    expect(continuesSections(more, own, [...story, ...more])).toBe(true);
  });

  it('does not when the heading names other content, a link stands before a block, the level is new, or the text is short', () => {
    const related = [sec('Related products', 'H2'), sec(three), sec(four)];
    expect(continuesSections(related, own, [...story, ...related])).toBe(false);
    const teaser = [sec('Part three', 'H2'), sec(three, 'P', 1), sec(four)];
    expect(continuesSections(teaser, own, [...story, ...teaser])).toBe(false);
    const h3 = [sec('Part three', 'H3'), sec(three), sec(four)];
    expect(continuesSections(h3, own, [...story, ...h3])).toBe(false);
    const short = [sec('Part three', 'H2'), sec('Short line.'), sec('Another.')];
    expect(continuesSections(short, own, [...story, ...short])).toBe(false);
    expect(continuesSections([sec(three), sec(four)], own, [...story, sec(three), sec(four)])).toBe(false);
  });

  it('takes the sections of a tail up to its first link block (a newsletter box after an FAQ), when they alone continue the story', () => {
    const signup = [sec('Get the latest travel tips and deal alerts in your inbox.', 'P', 1), sec(sentence(20, 'privacy'))];
    const tail = [...more, ...signup];
    const dense = [...story, ...tail];
    expect(continuesSections(tail, own, dense)).toBe(false);
    expect(sectionsBeforeLinks(tail, own, dense).map((b) => b.text)).toEqual(more.map((b) => b.text));
    // No link block: the whole tail is judged as it is; a link block first, or sections that do not continue the story: nothing.
    expect(sectionsBeforeLinks(more, own, [...story, ...more])).toEqual([]);
    expect(sectionsBeforeLinks(signup, own, [...story, ...signup])).toEqual([]);
    const related = [sec('Related products', 'H2'), sec(three), sec(four), ...signup];
    expect(sectionsBeforeLinks(related, own, [...story, ...related])).toEqual([]);
  });

  it('reads a section of an opening paragraph and short bulleted points as running text', () => {
    const points = ['Tracks interaction history.', 'Automates ticket routing and priorities.', 'Measures campaign effects.', 'Works on phones.'];
    const bulleted = [sec('Part three', 'H2'), sec(three), ...points.map((t) => sec(t, 'LI'))];
    expect(continuesSections(bulleted, own, [...story, ...bulleted])).toBe(true);
    // Points alone are no running text.
    const onlyPoints = [sec('Part three', 'H2'), ...points.map((t) => sec(t, 'LI'))];
    expect(continuesSections(onlyPoints, own, [...story, ...onlyPoints])).toBe(false);
  });

  it('judges the block before the tail, not a later repeat of one of Readability\'s headings inside it', () => {
    const label = sec('Retail', 'H3');
    const table = [sec('Retail', 'TD'), ...story];
    const tail = [sec('Part three', 'H2'), sec(three), label, sec(four)];
    expect(continuesSections(tail, ['Retail', ...own], [...table, ...tail])).toBe(true);
    // Readability's text ending on a heading still does not continue.
    const endsOnHeading = [...own, 'Part two b'];
    expect(continuesSections(tail, endsOnHeading, [...story, sec('Part two b', 'H2'), ...tail])).toBe(false);
  });

  it('makes the sections between Readability\'s last block the classifier has and its closing credits a gap', () => {
    const credits = 'Special thanks to everyone who helped with this story.';
    expect([...gapsBetween([...own, credits], [...story, ...more])].map(([at, bs]) => [at, bs.map((b) => b.text)])).toEqual([[3, ['Part three', three, four]]]);
    // Not when Readability's text simply ends there (that is the tail's case), nor over other content.
    expect(gapsBetween(own, [...story, ...more]).size).toBe(0);
    const related = [sec('More stories', 'H2'), sec(three), sec(four)];
    expect(gapsBetween([...own, credits], [...story, ...related]).size).toBe(0);
  });
});

describe('extractArticle: a shorter tail that reads as more sections of the story', () => {
  const para = (w: string, n = 40): string => Array.from({ length: n }, (_, i) => `${w}${i % 9}, word`).join(' ') + '.';
  const page = (tail: string): string => `<html><head><title>Harbour works</title></head><body><main><h1>Harbour works</h1>
    <div class="x1"><div class="x2"><div class="entry-content"><h2>Part one</h2><p>${para('alpha')}</p><p>${para('bravo')}</p><p>${para('charlie')}</p>
    <h2>Part two</h2><p>${para('delta')}</p><p>${para('echo')}</p><p>${para('foxtrot')}</p></div></div></div>
    <div class="y1"><div class="y2 widget"><div class="y3">${tail}</div></div></div></main></body></html>`;
  const firstWords = (text = ''): string => text.split('\n\n').map((b) => b.split(' ')[0]).join(' ');

  it('is added under half of Readability\'s text when it opens with a heading of the story\'s level', () => {
    const r = extractArticle(page(`<h2>Part three</h2><p>${para('golf')}</p><p>${para('hotel')}</p>`), 'https://example.com/a');
    expect(firstWords(r?.text)).toBe('Part alpha0, bravo0, charlie0, Part delta0, echo0, foxtrot0, Part golf0, hotel0,');
  });

  it('is left out when its heading names other content', () => {
    const r = extractArticle(page(`<h2>More from the harbour</h2><p>${para('golf')}</p><p>${para('hotel')}</p>`), 'https://example.com/a');
    expect(firstWords(r?.text)).toBe('Part alpha0, bravo0, charlie0, Part delta0, echo0, foxtrot0,');
  });
});

describe('densityExtract: author boxes', () => {
  it('reads a box the markup names for the author as noise, so no gap or tail filling puts it back', () => {
    const { document } = parseHTML(
      '<html><body><article>' +
        Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story runs long enough to be read as running text by the classifier, with commas, clauses and a full stop.</p>`).join('') +
        '<div class="author-bio"><p>Jane Roe is a freelance writer who has covered energy, housing and transport for twenty years, and lives in Leeds with two cats.</p></div>' +
        '</article></body></html>',
    ) as unknown as { document: Document };
    const kept = densityExtract(document.body).map((b) => b.text);
    expect(kept.some((t) => t.startsWith('Paragraph 5'))).toBe(true);
    expect(kept.some((t) => t.includes('freelance writer'))).toBe(false);
  });
});

describe(densityArticle.name, () => {
  const summary = 'LSC is an independent nonprofit established by Congress in 1974 to provide financial support for civil legal aid.';

  it('gives a summary once when the page shows it in its header and again as the article\'s first paragraph', () => {
    const root = body('<article id="a"><p>x</p></article>');
    const article = root.querySelector('article');
    const blocks: TextBlock[] = [
      { text: summary, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope: null },
      { text: summary, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope: article },
      { text: 'The Corporation funds 130 independent legal aid organizations.', tag: 'P', linkChars: 0, cls: 'good', keep: true, scope: article },
    ];
    const div = densityArticle(root.ownerDocument, blocks);
    expect(Array.from(div.children).map((c) => c.textContent)).toEqual([summary, 'The Corporation funds 130 independent legal aid organizations.']);
  });

  it('keeps a paragraph the story repeats within its own scope, and a short repeat across scopes', () => {
    const root = body('<article><p>x</p></article>');
    const article = root.querySelector('article');
    const twice: TextBlock[] = [summary, summary].map((text) => ({ text, tag: 'P', linkChars: 0, cls: 'good', keep: true, scope: article }));
    expect(densityArticle(root.ownerDocument, twice).children).toHaveLength(2);
    const short: TextBlock[] = [null, article].map((scope) => ({ text: 'Get legal help.', tag: 'P', linkChars: 0, cls: 'good', keep: true, scope }));
    expect(densityArticle(root.ownerDocument, short).children).toHaveLength(2);
  });
});
