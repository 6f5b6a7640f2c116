/**
 * robots.txt end to end through `telex run --once`: a disallowed page is never requested,
 * its item is stored from the feed's content, and the reason shows in the run's output and
 * in the stored record (what the API and the console show). A feed configured with
 * `respectRobots: false` gets its pages fetched; the feeds themselves are never checked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { deleteQueueKeys, runCli, scratch } from '../helpers/cli.js';

/** A story page of its own for each path (pages sharing a canonical URL would be stored as one). */
const page = (path: string): string =>
  `<!doctype html><html><head><title>Story at ${path}</title></head><body><nav>Home | World</nav><article><h1>Story at ${path}</h1>` +
  Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the report filed at ${path}: the harbour authority met ministers and unions to settle the dispute over wages, shifts and the new container terminal.</p>`).join('') +
  `</article><footer>Contact us</footer></body></html>`;
const body = `${'The council voted on the harbour plan after a long debate about costs and jobs. '.repeat(8)}`;

let server: Server;
let base: string;
const hits = new Map<string, number>();

function feed(id: string, paths: string[]): string {
  const items = paths
    .map((p, i) => `<item><title>${id} story ${i}</title><link>${base}${p}</link><guid>${id}-${i}</guid><description>&lt;p&gt;${body}&lt;/p&gt;</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${id}</title><link>${base}/</link>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') {
      // Feeds are disallowed too: they are polled anyway (a feed is an invitation to poll).
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: Telex\nDisallow: /members/\nDisallow: /feeds/\n');
    } else if (path.startsWith('/feeds/')) {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(path === '/feeds/open.rss' ? feed('open', ['/members/locked.html', '/news/open.html']) : feed('licensed', ['/members/licensed.html']));
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(path));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('telex run --once with robots.txt', () => {
  it('does not fetch disallowed pages, stores them from feed content and says robots_disallowed', async () => {
    const s = scratch([
      { id: 'open', url: `${base}/feeds/open.rss` },
      { id: 'licensed', url: `${base}/feeds/licensed.rss`, respectRobots: false } as { id: string; url: string },
    ]);
    try {
      const run = await runCli(['run', '--once', '--config', s.configPath], s.env);
      expect(run.code).toBe(0);
      expect(hits.get('/feeds/open.rss')).toBe(1);
      expect(hits.get('/members/locked.html')).toBeUndefined();
      expect(hits.get('/news/open.html')).toBe(1);
      expect(hits.get('/members/licensed.html')).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`${base}/members/locked\\.html\\s+\\(robots_disallowed: `));

      const store = await openStore(s.env.DATABASE_URL);
      try {
        const { items } = await store.listArticles({ limit: 10 });
        const locked = items.find((a) => a.url === `${base}/members/locked.html`);
        expect(locked?.extraction.method).toBe('feed-content');
        expect(locked?.extraction.warnings.join('\n')).toMatch(/robots_disallowed: .*robots\.txt disallows \/members\/locked\.html for Telex/);
        expect(items.find((a) => a.url === `${base}/members/licensed.html`)?.extraction.method).toBe('readability');
        expect(items.find((a) => a.url === `${base}/news/open.html`)?.extraction.method).toBe('readability');
      } finally {
        await store.close();
      }
    } finally {
      await deleteQueueKeys(s.env);
      s.cleanup();
    }
  }, 180_000);
});
