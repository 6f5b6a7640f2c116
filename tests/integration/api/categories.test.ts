/** Feed categories (desks) through the API: set on POST /feeds, shown by GET /feeds, filtering GET /articles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticleEvent } from '../../../src/store/article-events.js';
import { type Running, SseClient, TOKEN, makeArticle, startServer } from './helpers.js';


/** The servers below run with API_TOKEN, which every route needs: requests carry it unless a test sends its own. */
const AUTH: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
const fetch = (url: string | URL, init: RequestInit = {}): Promise<Response> =>
  globalThis.fetch(url, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string> | undefined) } });

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

describe('feed categories in the API', () => {
  let s: Running;

  beforeAll(async () => {
    s = await startServer({ apiToken: TOKEN });
    for (const [slug, feed] of [['w1', 'world-wire'], ['w2', 'world-wire'], ['b1', 'markets'], ['x1', 'unfiled']] as const) {
      await s.store.upsertArticle(makeArticle({ slug, feed: { id: feed, title: null, url: null } }));
    }
  });

  afterAll(async () => {
    await s.close();
  });

  it('stores categories given on POST /feeds, lists them, and filters /articles?category= by them', async () => {
    for (const body of [
      { id: 'world-wire', url: 'https://news.test/world.xml', categories: ['World', 'Asia'] },
      { id: 'markets', url: 'https://news.test/markets.xml', categories: ['Business'] },
      { id: 'unfiled', url: 'https://news.test/unfiled.xml' },
    ]) {
      const res = await fetch(`${s.base}/feeds`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
    }
    const feeds = (await (await fetch(`${s.base}/feeds`)).json()) as { items: Array<{ id: string; categories: string[] }> };
    expect(Object.fromEntries(feeds.items.map((f) => [f.id, f.categories]))).toEqual({
      markets: ['Business'],
      unfiled: [],
      'world-wire': ['World', 'Asia'],
    });
    const slugs = async (q: string): Promise<string[]> => {
      const res = await fetch(`${s.base}/articles?${q}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Array<{ url: string }> };
      return body.items.map((a) => a.url.replace('https://news.test/', '')).sort();
    };
    expect(await slugs('category=world')).toEqual(['w1', 'w2']);
    expect(await slugs('category=Business')).toEqual(['b1']);
    expect(await slugs('category=sport')).toEqual([]);
    expect(await slugs('')).toEqual(['b1', 'w1', 'w2', 'x1']);
  });

  it('streams only articles of feeds in the category when /stream?category= is given', async () => {
    const client = await SseClient.open(`${s.base}/stream?category=ASIA`, AUTH);
    await client.connected();
    for (const [slug, feed] of [['live-b', 'markets'], ['live-x', 'unfiled'], ['live-w', 'world-wire']] as const) {
      const { outcome, record } = await s.store.upsertArticle(makeArticle({ slug, feed: { id: feed, title: null, url: null } }));
      await publishArticleEvent(s.redis, s.streamKey, record, outcome);
    }
    const msg = await client.nextEvent();
    client.close();
    expect(JSON.parse(msg?.data ?? '{}').article.url).toBe('https://news.test/live-w');
  });

  it('refuses respectRobots on POST /feeds (it is read from the config file only)', async () => {
    const res = await fetch(`${s.base}/feeds`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ id: 'lic', url: 'https://news.test/lic.xml', respectRobots: false }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/respectRobots/);
  });
});
