/**
 * The one-process script a newsroom might write instead of Telex, the
 * baseline of `bench:pipeline --pages`: rss-parser reads each feed, every item's
 * page is fetched, Mozilla Readability runs on linkedom, and the result is
 * inserted into SQLite with better-sqlite3, 8 pages in flight. Nothing more:
 * no feed state, dedup, sanitising, metadata, enrichment, retries or events.
 *
 *   node --import tsx bench/pipeline-baseline.ts --db /tmp/b.db --in-flight 8 http://127.0.0.1:PORT/feeds/a.rss ...
 *
 * Prints one JSON line: items, stored, failed (and why), wall ms (work only, after start-up).
 */
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import Database from 'better-sqlite3';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, 'in-flight': { type: 'string', default: '8' } },
});
if (!values.db || positionals.length === 0) {
  throw new Error('usage: pipeline-baseline.ts --db FILE [--in-flight N] FEED_URL...');
}

const t0 = performance.now();
const db = new Database(values.db);
db.pragma('journal_mode = WAL');
db.exec(`CREATE TABLE IF NOT EXISTS articles (
  url TEXT PRIMARY KEY, title TEXT, byline TEXT, excerpt TEXT, site_name TEXT,
  published_time TEXT, lang TEXT, content TEXT, text TEXT, fetched_at TEXT)`);
const insert = db.prepare(
  `INSERT OR REPLACE INTO articles (url, title, byline, excerpt, site_name, published_time, lang, content, text, fetched_at)
   VALUES (@url, @title, @byline, @excerpt, @siteName, @publishedTime, @lang, @content, @text, @fetchedAt)`,
);

const parser = new Parser();
const feeds = await Promise.all(positionals.map((u) => parser.parseURL(u)));
const links = feeds.flatMap((f) => f.items.map((i) => i.link).filter((l): l is string => typeof l === 'string'));

let stored = 0;
let failed = 0;
/** Why items were not stored, with counts ("no article", or the fetch error). */
const reasons = new Map<string, number>();
const fail = (why: string) => {
  failed++;
  reasons.set(why, (reasons.get(why) ?? 0) + 1);
};
let next = 0;
async function worker(): Promise<void> {
  while (next < links.length) {
    const url = links[next++] as string;
    try {
      const res = await fetch(url);
      if (!res.ok) {
        throw new Error(`GET ${url} -> ${res.status}`);
      }
      const html = await res.text();
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document).parse();
      if (!article?.content) {
        fail('no article');
        continue;
      }
      insert.run({
        url,
        title: article.title ?? null,
        byline: article.byline ?? null,
        excerpt: article.excerpt ?? null,
        siteName: article.siteName ?? null,
        publishedTime: article.publishedTime ?? null,
        lang: article.lang ?? null,
        content: article.content,
        text: article.textContent ?? null,
        fetchedAt: new Date().toISOString(),
      });
      stored++;
    } catch (err) {
      fail((err as Error).message);
    }
  }
}
await Promise.all(Array.from({ length: Number(values['in-flight']) }, () => worker()));
db.close();
process.stdout.write(`${JSON.stringify({ items: links.length, stored, failed, reasons: Object.fromEntries(reasons), workMs: performance.now() - t0 })}\n`);
