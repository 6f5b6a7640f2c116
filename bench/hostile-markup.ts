/**
 * bench:hostile-markup — the extractor's time on pages of markup left open
 * (thousands of tags, scripts or quoted values that never close), at growing
 * sizes. A pass that scans to the end of the page from every "<" shows as a
 * time that grows with the square of the size (×16 for ×4 here); a linear one
 * grows about ×4 or less. The pool's timeout still ends any page, but a
 * quadratic pass holds an extractor thread for the whole of it.
 *
 *   npm run bench:hostile-markup
 *   npm run bench:hostile-markup -- --before DIR   # also an older tree's extractor (its src/, as for bench:extract)
 */
import { resolve } from 'node:path';
import { extractArticle } from '../src/workers/extractor/extract-article.js';
import { stringFlag } from './lib/rng.js';

type Extract = (html: string, url: string) => unknown;

const story = `<h1>A story of the day</h1><p>${'Some words of a story here. '.repeat(40)}</p>`;
/** Each page: a story, and `n` copies of a construction that never closes. */
const PAGES: Record<string, (n: number) => string> = {
  'meta tags with an open value': (n) => `<html><head><title>A story</title></head><body>${story}${'<meta property="og:title" content="x'.repeat(n)}</body></html>`,
  'JSON-LD scripts left open': (n) => `<html><head>${'<script type="application/ld+json">{'.repeat(n)}</head><body>${story}</body></html>`,
  'start tags with an open value': (n) => `<html><body>${story}${'<div a="'.repeat(n)}</body></html>`,
  'start tags left open, no quotes': (n) => `<html><body>${story}${'<link a '.repeat(n)}</body></html>`,
  'time tags with an open value': (n) => `<html><body>${story}${'<time datetime="2020'.repeat(n)}</body></html>`,
  'a head tag left open': (n) => `<html><head${' <head a'.repeat(n)}><body>${story}</body></html>`,
  'JSON-LD with a long run of spaces': (n) => `<html><head><script type="application/ld+json">{"@type":"Article" ${' '.repeat(n * 8)}}</script></head><body>${story}</body></html>`,
  'a frameset page with <noframes> left open': (n) => `<html><frameset><noframes>${story}${'<noframes>x'.repeat(n)}`,
  'a <font> left open in every paragraph': (n) => `<html><body>${story}${'<p><font face="Arial">A line of the story here. '.repeat(n)}</body></html>`,
  'scripts left open (control)': (n) => `<html><body>${story}${'<script>var a = 1;'.repeat(n)}</body></html>`,
};
const SIZES = [1_000, 4_000, 16_000];

function timeOf(extract: Extract, html: string): number {
  const t = process.cpuUsage();
  try {
    extract(html, 'https://example.com/news/a-story');
  } catch {
    // A refused page (too deep, too many elements) is a result too: its time is what counts here.
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

const beforeDir = stringFlag(process.argv, 'before');
const before = beforeDir ? ((await import(resolve(process.cwd(), beforeDir, 'src/workers/extractor/extract-article.ts'))) as { extractArticle: Extract }).extractArticle : null;
const builds: Array<[string, Extract]> = [...(before ? [[`before (${beforeDir})`, before] as [string, Extract]] : []), ['now', extractArticle as Extract]];

console.log(`# bench:hostile-markup, ${new Date().toISOString()}, Node ${process.version}`);
console.log('CPU ms for one page (one warm-up page first); the last column is the growth from the second size to the third (×4 the markup).\n');
console.log(`| page | build | ${SIZES.map((n) => `${n.toLocaleString('en')} copies`).join(' | ')} | growth |`);
console.log(`|---|---|${SIZES.map(() => '---|').join('')}---|`);
for (const [, extract] of builds) timeOf(extract, PAGES['scripts left open (control)']!(100));
for (const [name, make] of Object.entries(PAGES)) {
  for (const [label, extract] of builds) {
    const ms: number[] = [];
    for (const n of SIZES) ms.push(timeOf(extract, make(n)));
    const kb = (make(SIZES[SIZES.length - 1]!).length / 1024).toFixed(0);
    console.log(`| ${name} (${kb} KB at most) | ${label} | ${ms.map((x) => x.toFixed(0)).join(' | ')} | ×${((ms[2] as number) / Math.max(1, ms[1] as number)).toFixed(1)} |`);
  }
}
