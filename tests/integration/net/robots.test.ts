/**
 * robots.txt for article pages, against a local server that records every hit, with the
 * real HTTP client (SSRF guard letting 127.0.0.1 through by policy) and the real per-host
 * limiter on Redis.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExtractedArticle, type FeedItem } from '../../../src/queues/contracts.js';
import { createHostLimiter, hostKey, type HostLimiter } from '../../../src/net/host-limiter.js';
import { createRobotsChecker, type RobotsChecker } from '../../../src/net/robots.js';
import { createHttpClient, DEFAULT_USER_AGENT, type SafeHttpClient } from '../../../src/net/safe-fetch.js';
import type { HttpClient } from '../../../src/net/types.js';
import { extractArticle } from '../../../src/workers/extractor/extract-article.js';
import { handleExtract, type ExtractDeps } from '../../../src/workers/extractor/handler.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const page = readFileSync(new URL('../../fixtures/pages/voa-2002-06-11.html', import.meta.url), 'utf8');
const feedContent = `<p>${'The council voted on the harbour plan after a long debate about costs and jobs. '.repeat(8)}</p>`;

/** A frameset page whose story is in its main frame (frames.ts); the frame itself serves the story page. */
const frameset =
  '<html><head><title>Harbour news</title></head><frameset cols="20%,80%">' +
  '<frame src="/framed/menu.html" name="menu"><frame src="/framed/story.html" name="main"></frameset></html>';

type Site = { robots: { status: number; body: string; headers?: Record<string, string> } };

let server: Server;
let base: string;
const hits = new Map<string, number>();
const site: Site = { robots: { status: 200, body: '' } };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt') {
      res.writeHead(site.robots.status, { 'content-type': 'text/plain', ...site.robots.headers });
      res.end(site.robots.body);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(path === '/framed/index.html' ? frameset : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let prefix: string;
let redis: Redis;
let direct: SafeHttpClient;
let limiter: HostLimiter;
/** The client as the runtime builds it: every request waits for the host limiter. */
let http: HttpClient;

beforeEach(() => {
  hits.clear();
  site.robots = {
    status: 200,
    headers: { 'cache-control': 'max-age=3600' },
    body: ['User-agent: *', 'Disallow: /private/', '', 'User-agent: Telex', 'Disallow: /members/', 'Crawl-delay: 0.3', ''].join('\n'),
  };
  prefix = `test-${randomUUID()}`;
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  direct = createHttpClient({ allow: ['127.0.0.1/32'] });
  limiter = createHostLimiter(redis, { prefix, maxConcurrent: 4, perMinute: 300 });
  http = {
    async get(url, o) {
      const release = await limiter.acquire(hostKey(url), o?.signal, o?.minSpacingMs ? { minSpacingMs: o.minSpacingMs } : undefined);
      try {
        return await direct.get(url, o);
      } finally {
        await release();
      }
    },
  };
});

afterEach(async () => {
  direct.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  await redis.quit();
});

const checker = (extra: Partial<Parameters<typeof createRobotsChecker>[0]> = {}): RobotsChecker =>
  createRobotsChecker({ http, userAgent: DEFAULT_USER_AGENT, ...extra });

const deps = (robots: RobotsChecker, ignores: string[] = []): ExtractDeps => ({
  http,
  robots,
  ignoresRobots: (feedId) => ignores.includes(feedId),
  extract: async (html, url) => extractArticle(html, url),
  now: () => new Date('2026-01-02T03:04:05.000Z'),
});

const item = (path: string, feedId = 'wire'): FeedItem => ({ feedId, url: `${base}${path}`, title: 'Harbour plan', content: feedContent });

function payloadOf(result: Awaited<ReturnType<typeof handleExtract>>): ExtractedArticle {
  expect(result.status).toBe('done');
  if (result.status !== 'done') throw new Error('not done');
  return ExtractedArticle.parse(result.next?.[0]?.payload);
}

describe('robots.txt for article pages', () => {
  it('never fetches a disallowed page and stores the feed content with robots_disallowed', async () => {
    const result = await handleExtract(item('/members/story.html'), deps(checker()));
    const payload = payloadOf(result);
    expect(hits.get('/members/story.html')).toBeUndefined();
    expect(payload.extraction.method).toBe('feed-content');
    expect(payload.extraction.warnings.join('\n')).toMatch(/robots_disallowed: .*\/robots\.txt disallows \/members\/story\.html for Telex/);
    expect(payload.text).toContain('harbour plan');
    expect(result.status === 'done' && String(result.detail?.['reason'])).toMatch(/^robots_disallowed/);
  });

  it('skips with the reason when a disallowed page has no usable feed content', async () => {
    const result = await handleExtract({ feedId: 'wire', url: `${base}/members/thin.html`, summary: 'two words' }, deps(checker()));
    expect(result).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^robots_disallowed/) });
    expect(hits.get('/members/thin.html')).toBeUndefined();
  });

  it('fetches an allowed page (the * group does not apply when a Telex group exists)', async () => {
    const payload = payloadOf(await handleExtract(item('/private/allowed-for-telex.html'), deps(checker())));
    expect(hits.get('/private/allowed-for-telex.html')).toBe(1);
    expect(payload.extraction.method).toBe('readability');
  });

  it('fetches robots.txt once per host while its cache headers say it is fresh, then again when it expires', async () => {
    let clock = 1_000_000;
    site.robots.headers = { 'cache-control': 'max-age=120' };
    const robots = checker({ now: () => clock });
    await Promise.all([robots.check(`${base}/a`), robots.check(`${base}/b`), robots.check(`${base}/members/c`)]);
    await robots.check(`${base}/d`);
    expect(hits.get('/robots.txt')).toBe(1);
    clock += 119_000;
    await robots.check(`${base}/e`);
    expect(hits.get('/robots.txt')).toBe(1);
    clock += 2_000;
    await robots.check(`${base}/f`);
    expect(hits.get('/robots.txt')).toBe(2);
  });

  it('keeps a robots.txt a day at most whatever its headers say', async () => {
    let clock = 0;
    site.robots.headers = { 'cache-control': 'max-age=31536000' };
    const robots = checker({ now: () => clock });
    await robots.check(`${base}/a`);
    clock += 23 * 3_600_000;
    await robots.check(`${base}/a`);
    expect(hits.get('/robots.txt')).toBe(1);
    clock += 2 * 3_600_000;
    await robots.check(`${base}/a`);
    expect(hits.get('/robots.txt')).toBe(2);
  });

  it('spaces page requests to the host by Crawl-delay, as the limiter records their starts', async () => {
    const robots = checker();
    const d = deps(robots);
    await Promise.all(['/news/1.html', '/news/2.html', '/news/3.html'].map((p) => handleExtract(item(p), d)));
    for (const p of ['/news/1.html', '/news/2.html', '/news/3.html']) {
      expect(hits.get(p)).toBe(1);
    }
    // robots.txt first, then the three pages: every start at least 300 ms after the one before.
    const starts = await limiter.recentStarts('127.0.0.1');
    expect(starts).toHaveLength(4);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(300);
    }
  });

  it("spaces a frameset page's frame request by Crawl-delay too", async () => {
    const result = await handleExtract(item('/framed/index.html'), deps(checker()));
    expect(payloadOf(result).extraction.method).not.toBe('feed-content');
    expect(hits.get('/framed/story.html')).toBe(1);
    expect(hits.get('/framed/menu.html')).toBeUndefined();
    // robots.txt, the frameset page, then its frame: every start at least 300 ms after the one before.
    const starts = await limiter.recentStarts('127.0.0.1');
    expect(starts).toHaveLength(3);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(300);
    }
  });

  it('does not space requests when robots.txt sets no Crawl-delay for Telex', async () => {
    site.robots.body = 'User-agent: *\nCrawl-delay: 5\n\nUser-agent: Telex\nDisallow: /members/\n';
    const decision = await checker().check(`${base}/news/1.html`);
    expect(decision).toMatchObject({ allowed: true, crawlDelayMs: null });
  });

  it('fetches a disallowed page when the feed is configured with respectRobots: false', async () => {
    const robots = checker();
    const payload = payloadOf(await handleExtract(item('/members/licensed.html', 'licensed'), deps(robots, ['licensed'])));
    expect(hits.get('/members/licensed.html')).toBe(1);
    expect(payload.extraction.method).toBe('readability');
    expect(hits.get('/robots.txt')).toBeUndefined();
    // Another feed's page on the same host is still checked.
    await handleExtract(item('/members/other.html'), deps(robots, ['licensed']));
    expect(hits.get('/members/other.html')).toBeUndefined();
  });

  it('allows everything when there is no robots.txt (4xx) and disallows everything while it answers 5xx', async () => {
    site.robots = { status: 404, body: 'not found' };
    expect(await checker().check(`${base}/members/x`)).toMatchObject({ allowed: true });
    site.robots = { status: 503, body: 'down' };
    const decision = await checker().check(`${base}/news/x`);
    expect(decision).toMatchObject({ allowed: false });
    expect(decision.reason).toMatch(/503/);
  });
});
