/**
 * The extractor on old markup: each reference article of a WCXB-layout corpus
 * (pages/<id>/expected.txt and meta.json) set in page templates the way news
 * sites wrote them around 2008 (table layouts with a link column, <font> and
 * <br><br> paragraphs, upper-case unclosed <P>, text straight in a cell,
 * scripts between paragraphs, wire copy with story tools and a copyright line, an XHTML prolog, <pre> text, a frameset with a
 * <noframes> copy, a page saved as windows-1252 without a declaration, a "name, Staff Writer" byline with a tools line),
 * with
 * a headline, a byline and a date set in as those pages did. Prints, per
 * template, body P/R/F1 (the WCXB measure), empty results, and agreement
 * of title, author and date with what was set in.
 *
 *   npm run bench:old-layouts -- --corpus ../shared/corpora/extraction-wcxb-dev [--every 12] [--worst 3] [--dom jsdom]
 *   npm run bench:old-layouts -- --before .bench-before   # also an older tree's extractor (its src/, as for bench:extract): a row above each template's
 *
 * The templates are general shapes, not copies of any site: a check that old
 * layouts read as well as modern ones, for the held-out pages of that era the
 * project does not have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBody } from '../src/net/charset.js';
import { extractArticle } from '../src/workers/extractor/extract-article.js';
import { stringFlag } from './lib/rng.js';
import { sameAuthor, sameDay, sameTitle, scoreCorpus, scorePage, type PageScore } from './lib/extract-score.js';

const arg = (name: string): string | undefined => stringFlag(process.argv, name);

const corpus = resolve(process.cwd(), arg('corpus') ?? '../shared/corpora/extraction-wcxb-dev');
const every = Number(arg('every') ?? 12);
const worstN = Number(arg('worst') ?? 3);
const dom = arg('dom') === 'jsdom' ? 'jsdom' : 'linkedom';
if (!existsSync(resolve(corpus, 'pages'))) {
  console.error(`no pages/ under ${corpus}: give --corpus DIR (WCXB layout)`);
  process.exit(2);
}

type Story = { title: string; paras: string[]; author: string; date: Date };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const written = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const nav = Array.from({ length: 24 }, (_, i) => `<a href="/section${i}.html">Section ${i} news</a><br>`).join('\n');
const teasers = Array.from({ length: 10 }, (_, i) => `<li><a href="/story/${i}.html">Another headline from the news desk, number ${i}</a></li>`).join('');
const footer = '<center><font size="1">Copyright 2008 The Daily Courier. All rights reserved.</font></center>';
const head = (s: Story): string => `<head><title>${esc(s.title)} - The Daily Courier</title></head>`;

/** Page templates: story in, HTML (or bytes) out. */
const TEMPLATES: Record<string, (s: Story) => string | Buffer> = {
  'table, <font>, <br><br>': (s) =>
    `<html>${head(s)}<body bgcolor="white"><table width="760" border="0"><tr><td colspan="3"><img src="/logo.gif"> <a href="/">Home</a> | <a href="/news/">News</a></td></tr>` +
    `<tr><td width="150" valign="top">${nav}</td><td valign="top"><font face="Arial" size="4"><b>${esc(s.title)}</b></font><br>` +
    `<font size="1">By ${esc(s.author.toUpperCase())}, Staff Writer</font><br><font size="1">${written(s.date)}</font><br><br>` +
    `<font face="Arial" size="2">${s.paras.map(esc).join('<br><br>\n')}</font></td><td width="160" valign="top"><b>Top stories</b><ul>${teasers}</ul></td></tr></table>${footer}</body></html>`,
  'upper case, unclosed <P>': (s) =>
    `<HTML>${head(s)}<BODY><TABLE><TR><TD>${nav}</TD><TD><H2>${esc(s.title)}</H2><B>By ${esc(s.author)}</B><BR>${written(s.date)}` +
    `${s.paras.map((p) => `<P>${esc(p)}`).join('\n')}</TD></TR></TABLE><P><A HREF="/">Back to the front page</A></BODY></HTML>`,
  'text in a cell, <br> lines': (s) =>
    `<html>${head(s)}<body><table width="100%"><tr><td>${nav}</td><td class="article"><b>${esc(s.title)}</b><br>By ${esc(s.author)}<br>${written(s.date)}<br><br>` +
    `${s.paras.map(esc).join('\n<br>\n<br>\n')}</td></tr><tr><td colspan="2"><ul>${teasers}</ul></td></tr></table></body></html>`,
  'a row per paragraph beside a link column': (s) =>
    `<html>${head(s)}<body><table><tr><td width="150">${nav}</td><td><table><tr><td><font size="4"><b>${esc(s.title)}</b></font></td></tr>` +
    `<tr><td>By ${esc(s.author)} | ${written(s.date)}</td></tr>${s.paras.map((p) => `<tr><td class="text">${esc(p)}</td></tr>`).join('')}</table></td></tr></table>${footer}</body></html>`,
  'broken markup: paragraphs loose in a table, the story after </html>': (s) => {
    const half = Math.ceil(s.paras.length / 2);
    return (
      `<html>${head(s)}<body><table><tr><td>${nav}</td></tr><tr><td><h2>${esc(s.title)}</h2>By ${esc(s.author)}, ${written(s.date)}</td></tr>` +
      `${s.paras.slice(0, half).map((p) => `<p>${esc(p)}`).join('\n')}</table></body></html>\n${s.paras.slice(half).map((p) => `<p>${esc(p)}</p>`).join('\n')}`
    );
  },
  'scripts between paragraphs': (s) =>
    `<html>${head(s)}<body><table><tr><td>${nav}</td><td><h1>${esc(s.title)}</h1><p class="byline">By ${esc(s.author)} | ${written(s.date)}</p>` +
    s.paras
      .map((p, i) => `<p>${esc(p)}</p>` + (i % 2 ? '<script>document.write("<iframe src=/ad.html></iframe>")</script><noscript><a href="/ad"><img src="/ad.gif"></a></noscript>' : ''))
      .join('\n') +
    `</td></tr></table>${footer}</body></html>`,
  'centered <font>, <p> without ends': (s) =>
    `<html>${head(s)}<body><center><table width="700"><tr><td><div class="nav">${nav}</div><font face="verdana"><b>${esc(s.title)}</b>` +
    `<br><i>${esc(s.author)}, ${written(s.date)}</i><p>${s.paras.map(esc).join('<p>')}</font></td></tr></table></center><div><ul>${teasers}</ul></div></body></html>`,
  'a <font> left open in every paragraph, a column after the story': (s) =>
    `<html>${head(s)}<body><table width="760"><tr><td width="150" valign="top"><font face="Verdana" size="1">${nav}</font></td><td valign="top"><font face="Arial" size="4"><b>${esc(s.title)}</b></font>` +
    `<br><font size="1">By ${esc(s.author)}, ${written(s.date)}</font>${s.paras.map((p) => `<p><font face="Arial" size="2">${esc(p)}`).join('\n')}</td>` +
    `<td width="160" valign="top"><p><font size="1"><b>Top stories</b><br>${teasers.replace(/<\/?li>/g, '<br>')}</font></td></tr></table>${footer}</body></html>`,
  'cells and paragraphs left open with their <font>': (s) =>
    `<html>${head(s)}<body><table width="760"><tr><td width="150" valign="top"><font face="Verdana" size="1">${nav}<td valign="top"><font face="Arial" size="4"><b>${esc(s.title)}</b></font>` +
    `<br><font size="1">By ${esc(s.author)}, ${written(s.date)}</font>${s.paras.map((p) => `<p><font face="Arial" size="2">${esc(p)}`).join('\n')}` +
    `<td width="160" valign="top"><font size="1"><b>Top stories</b><br>${teasers.replace(/<\/?li>/g, '<br>')}</table>${footer}</body></html>`,
  'XHTML 1.0 with a prolog': (s) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n` +
    `<html xmlns="http://www.w3.org/1999/xhtml">${head(s)}<body><div id="nav">${nav}</div><div class="storybody"><h1>${esc(s.title)}</h1>` +
    `<div class="byline">By ${esc(s.author)}</div><div class="date">${written(s.date)}</div>${s.paras.map((p) => `<p>${esc(p)}</p>`).join('')}</div></body></html>`,
  'comments after the story': (s) =>
    `<html>${head(s)}<body><div id="content"><h1>${esc(s.title)}</h1><div class="byline">By ${esc(s.author)}, ${written(s.date)}</div>` +
    `${s.paras.map((p) => `<p>${esc(p)}</p>`).join('')}</div><div id="comments"><h3>Reader comments (12)</h3>` +
    Array.from({ length: 12 }, (_, i) => `<div class="comment"><b>reader${i}</b> wrote:<p>I think this story matters and everyone should read it before deciding what they think about point ${i}.</p></div>`).join('') +
    '</div></body></html>',
  'windows-1252 bytes, no declaration': (s) =>
    iconv.encode(
      `<html><head><title>${esc(s.title)}</title></head><body><table><tr><td>${nav}</td><td><h2>${esc(s.title)}</h2><p>By ${esc(s.author)}<br>${written(s.date)}</p>` +
        `${s.paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</td></tr></table></body></html>`,
      'windows-1252',
    ),
  'wire copy: story tools, a captioned photo, an ad, page links, "On the Net"': (s) => {
    const tools = '<table class="tools"><tr><td><a href="/print?id=1">Print this story</a> | <a href="/email?id=1">E-mail this story</a> | <a href="#comments">Comments (3)</a></td></tr></table>';
    const half = Math.ceil(s.paras.length / 2);
    return (
      `<html>${head(s)}<body><table><tr><td>${nav}</td><td><h1>${esc(s.title)}</h1><p>By ${esc(s.author.toUpperCase())}<br>Associated Press Writer</p>` +
      `<p>${written(s.date)}</p>${tools}<table align="right" width="250"><tr><td><img src="/photo.jpg" width="240"><br><font size="1">The scene on Monday. (AP Photo/${esc(s.author)})</font></td></tr></table>` +
      `${s.paras.slice(0, half).map((p) => `<p>${esc(p)}</p>`).join('')}<div class="ad">Advertisement</div>` +
      `${s.paras.slice(half).map((p) => `<p>${esc(p)}</p>`).join('')}<p>On the Net:</p><p><a href="http://www.example.gov">http://www.example.gov</a></p>` +
      '<p>Copyright 2008 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>' +
      `<p><a href="?page=2">Next page &gt;&gt;</a> Page 1 of 2</p></td></tr></table>${footer}</body></html>`
    );
  },
  'a "name, Staff Writer" line and a day-first date in one <font>, a tools line of links': (s) =>
    `<html>${head(s)}<body><table width="760"><tr><td width="150" valign="top">${nav}</td><td valign="top"><font size="4"><b>${esc(s.title)}</b></font><br>` +
    `<font size="2">${esc(s.author)}, Staff Writer<br>${s.date.getUTCDate()} ${MONTHS[s.date.getUTCMonth()]} ${s.date.getUTCFullYear()}</font><br>` +
    '<a href="/print?id=1">Print</a> | <a href="/email?id=1">E-mail this story</a> | Text size: <a href="?fs=1">A</a> <a href="?fs=2">A</a> <a href="?fs=3">A</a><br><br>' +
    `${s.paras.map(esc).join('<br><br>\n')}</td></tr></table>${footer}</body></html>`,
  'a blog post: one <div> of <br><br> paragraphs opening with "Posted by … at …" and a tags line': (s) =>
    `<html>${head(s)}<body><div id="sidebar">${nav}</div><div class="post"><h3 class="post-title">${esc(s.title)}</h3><div class="post-body">` +
    `Posted by ${esc(s.author)} at 10:15 AM<br>Tags: news, council, ${s.date.getUTCFullYear()}<br>${s.paras.map(esc).join('<br><br>\n')}</div>` +
    `<div class="post-footer">${written(s.date)} | <a href="#comments">0 comments</a></div></div>${footer}</body></html>`,
  '<pre> text': (s) => `<html>${head(s)}<body><h2>${esc(s.title)}</h2><pre>By ${esc(s.author)}\n${written(s.date)}\n\n${s.paras.map(esc).join('\n\n')}</pre><hr>${nav}</body></html>`,
  'frameset, <noframes> copy': (s) =>
    `<html>${head(s)}<frameset cols="150,*"><frame src="nav.html"><frame src="story.html"><noframes><body><h1>${esc(s.title)}</h1>` +
    `${s.paras.map((p) => `<p>${esc(p)}</p>`).join('')}</body></noframes></frameset></html>`,
};

const AUTHORS = ['Ann Lee', 'Omar Haddad', 'Maria Santos', 'John Smith', 'Karin Olsen'];
const ids = readdirSync(resolve(corpus, 'pages')).sort().filter((_, i) => i % every === 0);
const stories: Array<{ id: string; story: Story }> = ids.map((id, i) => {
  const dir = resolve(corpus, 'pages', id);
  const meta = JSON.parse(readFileSync(resolve(dir, 'meta.json'), 'utf8')) as { title?: string };
  const paras = readFileSync(resolve(dir, 'expected.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const title = (meta.title ?? '').trim() || 'Council votes on the budget';
  return { id, story: { title, paras, author: AUTHORS[i % AUTHORS.length] as string, date: new Date(Date.UTC(2008, i % 12, 1 + (i % 27))) } };
});

type Extract = typeof extractArticle;
type Figures = { precision: number; recall: number; f1: number; empty: number; title: number; author: number; date: number; worst: string };

/** One template's figures for one extractor over every story. */
function measure(extract: Extract, template: (s: Story) => string | Buffer): Figures {
  const scores: PageScore[] = [];
  const rows: Array<{ id: string; f1: number }> = [];
  let title = 0;
  let author = 0;
  let date = 0;
  for (const { id, story } of stories) {
    const page = template(story);
    const html = typeof page === 'string' ? page : decodeBody(new Uint8Array(page), 'text/html').text;
    const truth = story.paras.join('\n\n');
    let text = '';
    try {
      const r = extract(html, `http://news.example.com/2008/story-${id}.html`, { dom });
      text = r?.text ?? '';
      title += r && sameTitle(r.title, story.title) ? 1 : 0;
      author += r && sameAuthor(r.byline, story.author) ? 1 : 0;
      date += r && sameDay(r.publishedAt, story.date.toISOString()) ? 1 : 0;
    } catch {
      text = '';
    }
    const s = scorePage(text, truth);
    scores.push(s);
    rows.push({ id, f1: s.f1 });
  }
  const c = scoreCorpus(scores);
  const worst = rows
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, worstN)
    .map((r) => `${r.id} ${r.f1.toFixed(2)}`)
    .join(', ');
  return { precision: c.precision, recall: c.recall, f1: c.f1, empty: c.empty, title, author, date, worst };
}

// --before DIR: DIR holds an older `src/` (as for bench:extract); its extractor reads the same pages, one row under each template.
const beforeDir = arg('before');
const before = beforeDir ? ((await import(resolve(process.cwd(), beforeDir, 'src/workers/extractor/extract-article.ts'))) as { extractArticle: Extract }).extractArticle : null;

console.log(`corpus: ${corpus}, ${stories.length} stories (every ${every}th page), Telex on ${dom}${beforeDir ? `, before = ${beforeDir}` : ''}, ${new Date().toISOString()}, Node ${process.version}\n`);
console.log('| template | P | R | F1 | empty | title | author | date | worst pages (F1) |');
console.log('|---|---|---|---|---|---|---|---|---|');
const pct = (n: number): string => `${((100 * n) / stories.length).toFixed(0)} %`;
const row = (name: string, f: Figures): string =>
  `| ${name} | ${f.precision.toFixed(3)} | ${f.recall.toFixed(3)} | **${f.f1.toFixed(3)}** | ${f.empty} | ${pct(f.title)} | ${pct(f.author)} | ${pct(f.date)} | ${f.worst} |`;
for (const [name, template] of Object.entries(TEMPLATES)) {
  if (before) console.log(row(`${name} (before)`, measure(before, template)));
  console.log(row(name, measure(extractArticle, template)));
}
