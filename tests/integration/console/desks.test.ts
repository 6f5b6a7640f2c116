/** The console by desk (feed category): the wire's desk filter and the feeds page grouped by desk, with each feed's WebSub state. */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { createWebSub } from '../../../src/workers/fetcher/websub.js';
import { createHttpClient } from '../../../src/net/safe-fetch.js';
import { record } from './fixtures.js';
import { type ConsoleServer, startConsoleServer } from './server.js';

let s: ConsoleServer;

const doc = (markup: string): Document => new JSDOM(markup).window.document;
const page = async (path: string) => doc(await (await s.fetch(path)).text());

afterEach(async () => {
  await s?.close();
});

async function seedDesks(): Promise<void> {
  await s.store.upsertFeed({ id: 'world', url: 'https://world.test/feed.xml', title: 'World wire', categories: ['World', 'Asia'] });
  await s.store.upsertFeed({ id: 'markets', url: 'https://markets.test/rss', title: 'Markets', categories: ['Business'] });
  await s.store.upsertFeed({ id: 'misc', url: 'https://misc.test/rss', title: 'Misc' });
  for (const [slug, feed] of [['w', 'world'], ['m', 'markets'], ['x', 'misc']] as const) {
    await s.store.upsertArticle(record({ url: `https://${feed}.test/${slug}`, title: `Story ${slug}`, text: `Story ${slug}.`, feed: { id: feed, title: null, url: null } }));
  }
}

describe('console desks', () => {
  it('filters the wire by desk, offers every desk, and streams with the same filter', async () => {
    s = await startConsoleServer();
    await seedDesks();
    const all = await page('/console/');
    expect([...all.querySelectorAll('#f-category option')].map((o) => o.textContent)).toEqual(['All desks', 'Asia', 'Business', 'World']);
    expect(all.querySelectorAll('#wire li.story')).toHaveLength(3);

    const asia = await page('/console/?category=asia');
    expect([...asia.querySelectorAll('#wire .headline')].map((h) => h.textContent?.trim())).toEqual(['Story w']);
    expect(asia.querySelector<HTMLOptionElement>('#f-category option[selected]')?.value).toBe('Asia');
    expect(asia.querySelector('#wire')?.getAttribute('data-stream')).toBe('/console/stream?category=asia');
    expect(asia.querySelector('.active-filters')?.textContent).toContain('desk asia');
  });

  it('groups the feeds page by desk, a feed in two desks in both and feeds of none last', async () => {
    s = await startConsoleServer();
    await seedDesks();
    const d = await page('/console/feeds');
    const groups = [...d.querySelectorAll('.feeds-table tbody')].map((tb) => [
      tb.getAttribute('data-category'),
      [...tb.querySelectorAll('tr[data-feed]')].map((tr) => tr.getAttribute('data-feed')),
    ]);
    expect(groups).toEqual([
      ['Asia', ['world']],
      ['Business', ['markets']],
      ['World', ['world']],
      ['', ['misc']],
    ]);
    expect([...d.querySelectorAll('tr.feed-group th')].map((th) => th.textContent?.trim())).toEqual(['Asia (1)', 'Business (1)', 'World (1)', 'No desk (1)']);
    expect(d.querySelectorAll('#feed-world')).toHaveLength(1);
    // No WebSub subscriber: no push column.
    expect(d.querySelector('td.websub')).toBeNull();
  });

  it('shows each feed’s WebSub subscription state when the API runs a subscriber', async () => {
    const http = createHttpClient();
    try {
      s = await startConsoleServer(({ store }) => ({
        websub: createWebSub(
          { store, hub: http, log: silentLogger() },
          { publicUrl: 'https://telex.test', leaseMs: 86_400_000, renewBeforeMs: 3_600_000, pollEveryMs: 3_600_000, retryAfterMs: 3_600_000 },
        ),
      }));
      await seedDesks();
      const sub = {
        hub: 'https://hub.test/',
        topic: 'https://world.test/feed.xml',
        callback: 'https://telex.test/websub/world',
        secret: 'never-shown',
        leaseSeconds: 864000,
        requestedAt: '2026-03-01T00:00:00.000Z',
        verifiedAt: '2026-03-01T00:00:01.000Z',
        lastPushAt: null,
      };
      await s.store.saveSubscription({ ...sub, feedId: 'world', state: 'active', expiresAt: '2099-03-11T00:00:01.000Z', lastError: null });
      await s.store.saveSubscription({ ...sub, feedId: 'markets', state: 'denied', expiresAt: null, lastError: 'topic not allowed' });
      const d = await page('/console/feeds');
      const cell = (id: string) => d.querySelector(`tr[data-feed="${id}"] td.websub`);
      expect(cell('world')?.getAttribute('data-websub')).toBe('active');
      expect(cell('world')?.textContent).toMatch(/^Live\s*until 2099-03-11 00:00 UTC/);
      expect(cell('world')?.textContent).toContain('https://hub.test/');
      expect(cell('markets')?.getAttribute('data-websub')).toBe('denied');
      expect(cell('markets')?.textContent).toContain('topic not allowed');
      expect(cell('misc')?.getAttribute('data-websub')).toBe('none');
      expect(d.body.innerHTML).not.toContain('never-shown');
    } finally {
      http.close();
    }
  });
});
