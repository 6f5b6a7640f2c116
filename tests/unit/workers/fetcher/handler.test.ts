import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedItem } from '../../../../src/queues/contracts.js';
import { openStore } from '../../../../src/store/index.js';
import type { ArticleStore } from '../../../../src/store/article-store.js';
import { HttpStatusError } from '../../../../src/net/safe-fetch.js';
import { DEFAULT_BOUNDS, handlePoll, isDue, type FeedScheduler, type PollDeps } from '../../../../src/workers/fetcher/handler.js';
import { fakeHttp } from '../../../helpers/fake-http.js';

const FEED = 'https://wire.test/feed.xml';
const rss = (items: Array<{ guid: string; title: string; link: string }>) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.test/</link>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${i.link}</link><pubDate>Tue, 11 Jun 2002 08:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;
const two = rss([
  { guid: 'a', title: 'First', link: 'https://wire.test/a' },
  { guid: 'b', title: 'Second', link: 'https://wire.test/b' },
]);

let store: ArticleStore;
const now = new Date('2026-03-01T12:00:00Z');
const deps = (body: Parameters<typeof fakeHttp>[0][string]): PollDeps => ({ store, http: fakeHttp({ [FEED]: body }), now: () => now });

/** Runs a forced poll like the shell does: handler, then the after-enqueue commit. */
async function poll(body: Parameters<typeof fakeHttp>[0][string], extra: Partial<PollDeps> = {}, force = true) {
  const result = await handlePoll({ feedId: 'wire', force }, { ...deps(body), ...extra });
  if (result.status === 'done') {
    await result.afterEnqueue?.();
  }
  return result;
}

beforeEach(async () => {
  store = await openStore(':memory:');
  await store.upsertFeed({ id: 'wire', url: FEED });
});
afterEach(async () => {
  await store.close();
});

describe(handlePoll.name, () => {
  it('queues one valid extract job per new item', async () => {
    const result = await poll({ body: two, contentType: 'application/rss+xml' });
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.next?.map((n) => n.queue)).toEqual(['extract', 'extract']);
    const payloads = (result.next ?? []).map((n) => FeedItem.parse(n.payload));
    expect(payloads.map((p) => p.url)).toEqual(['https://wire.test/a', 'https://wire.test/b']);
    expect(payloads[0]?.feedTitle).toBe('Test Wire');
    expect(payloads[0]?.publishedAt).toBe('2002-06-11T08:00:00.000Z');
  });

  it('queues nothing for items already seen', async () => {
    await poll({ body: two, contentType: 'application/rss+xml' });
    const again = await poll({ body: two, contentType: 'application/rss+xml' });
    expect(again.status === 'done' && again.next).toEqual([]);
  });

  it('does not mark items seen when their jobs were never queued', async () => {
    const first = await handlePoll({ feedId: 'wire', force: true }, deps({ body: two }));
    expect(first.status === 'done' && first.next?.length).toBe(2);
    // no afterEnqueue: as if enqueueing had failed
    const retry = await poll({ body: two });
    expect(retry.status === 'done' && retry.next?.length).toBe(2);
  });

  it('queues only the new item when the feed grows', async () => {
    await poll({ body: two });
    const three = rss([
      { guid: 'c', title: 'Third', link: 'https://wire.test/c' },
      { guid: 'a', title: 'First', link: 'https://wire.test/a' },
      { guid: 'b', title: 'Second', link: 'https://wire.test/b' },
    ]);
    const result = await poll({ body: three });
    expect(result.status === 'done' && result.next?.map((n) => (n.payload as FeedItem).url)).toEqual(['https://wire.test/c']);
  });

  it('records the failure on the feed and rethrows when the feed is not a feed', async () => {
    await expect(poll({ body: '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>' })).rejects.toMatchObject({ code: 'bad_feed' });
    const feed = await store.getFeed('wire');
    expect(feed?.consecutiveFailures).toBe(1);
    expect(feed?.lastError?.code).toBe('bad_feed');
  });

  it('retires the feed when it answers 410 Gone', async () => {
    await expect(poll({ status: 410 })).rejects.toMatchObject({ code: 'http_status' });
    expect((await store.getFeed('wire'))?.status).toBe('retired');
    expect(await handlePoll({ feedId: 'wire' }, deps({ body: two }))).toEqual({ status: 'skipped', reason: 'feed retired' });
  });

  it('skips a feed that is not registered', async () => {
    expect(await handlePoll({ feedId: 'nope' }, deps({ body: two }))).toEqual({ status: 'skipped', reason: 'unknown feed' });
  });
});

describe('handlePoll scheduling', () => {
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('skips a scheduler tick that comes before the feed is due, and polls once it is', async () => {
    await poll({ body: two });
    const early = await handlePoll({ feedId: 'wire' }, { ...deps({ body: two }), now: () => later(60_000) });
    expect(early).toEqual({ status: 'skipped', reason: 'not due' });
    const due = await handlePoll({ feedId: 'wire' }, { ...deps({ body: two }), now: () => later(DEFAULT_BOUNDS.maxMs) });
    expect(due.status).toBe('done');
  });

  it('records the next poll time within the configured bounds', async () => {
    await poll({ body: two }, { random: () => 0.5 });
    const feed = await store.getFeed('wire');
    const delay = Date.parse(feed?.nextPollAt ?? '') - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(DEFAULT_BOUNDS.minMs);
    expect(delay).toBeLessThanOrEqual(DEFAULT_BOUNDS.maxMs);
  });

  it('backs off further with each consecutive failure', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await expect(poll({ status: 500 }, { random: () => 0.5 })).rejects.toMatchObject({ code: 'http_status' });
      const feed = await store.getFeed('wire');
      delays.push(Date.parse(feed?.nextPollAt ?? '') - now.getTime());
    }
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(delays[2]).toBeGreaterThan(delays[1] ?? 0);
    expect((await store.getFeed('wire'))?.consecutiveFailures).toBe(3);
  });

  it('waits at least as long as Retry-After asks on 429', async () => {
    const hour = 3_600_000;
    await expect(poll(new HttpStatusError(429, FEED, hour), { random: () => 0 })).rejects.toMatchObject({ code: 'http_status' });
    const feed = await store.getFeed('wire');
    expect(Date.parse(feed?.nextPollAt ?? '') - now.getTime()).toBeGreaterThanOrEqual(hour);
  });

  it('moves the feed scheduler when the feed publishes much more often than its interval', async () => {
    const calls: Array<[string, number]> = [];
    const scheduler: FeedScheduler = {
      intervalOf: async () => DEFAULT_BOUNDS.baseMs,
      reschedule: async (id, ms) => {
        calls.push([id, ms]);
      },
    };
    const minutes = (m: number) => new Date(now.getTime() - m * 60_000).toUTCString();
    const busy = `<?xml version="1.0"?><rss version="2.0"><channel><title>Busy</title>
${[0, 3, 6, 9, 12].map((m, i) => `<item><guid>g${i}</guid><title>t${i}</title><link>https://wire.test/${i}</link><pubDate>${minutes(m)}</pubDate></item>`).join('')}
</channel></rss>`;
    await poll({ body: busy }, { scheduler });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe('wire');
    expect(calls[0]?.[1]).toBeLessThan(DEFAULT_BOUNDS.baseMs);
    expect(calls[0]?.[1]).toBeGreaterThanOrEqual(DEFAULT_BOUNDS.minMs);
  });
});

describe(isDue.name, () => {
  it('is due when the feed has no next poll time', () => {
    expect(isDue({ nextPollAt: null }, 0, 60_000)).toBe(true);
  });
  it('is due within the slack before the next poll time but not earlier', () => {
    const next = new Date(1_000_000).toISOString();
    expect(isDue({ nextPollAt: next }, 1_000_000 - 5_000, 60_000)).toBe(true);
    expect(isDue({ nextPollAt: next }, 1_000_000 - 30_000, 60_000)).toBe(false);
  });
});

describe('handlePoll with WebSub', () => {
  /** Records what the poll tells WebSub; `live` says whether the feed's subscription is live. */
  const push = (live: boolean) => {
    const seen: Array<{ feedId: string; hub: string | null; topic: string }> = [];
    return {
      seen,
      deps: {
        pollEveryMs: 6 * 3_600_000,
        isLive: async () => live,
        discovered: async (feed: { id: string }, found: { hub: string | null; topic: string }) => {
          seen.push({ feedId: feed.id, ...found });
        },
      },
    };
  };

  it('hands the hub and topic of the Link header to WebSub after a successful poll', async () => {
    const p = push(false);
    await poll(
      { body: two, contentType: 'application/rss+xml', headers: { link: '<https://hub.test/>; rel="hub", <https://wire.test/self.xml>; rel="self"' } },
      { push: p.deps },
    );
    expect(p.seen).toEqual([{ feedId: 'wire', hub: 'https://hub.test/', topic: 'https://wire.test/self.xml' }]);
  });

  it('polls no sooner than the WebSub poll interval while the subscription is live', async () => {
    const bounds = { baseMs: 15 * 60_000, minMs: 2 * 60_000, maxMs: 3_600_000 };
    const live = await poll({ body: two }, { push: push(true).deps, bounds, random: () => 0.5 });
    const notLive = await poll({ body: two }, { push: push(false).deps, bounds, random: () => 0.5 });
    expect(live.status === 'done' && Number(live.detail?.['nextPollMs'])).toBeGreaterThanOrEqual(6 * 3_600_000);
    expect(notLive.status === 'done' && Number(notLive.detail?.['nextPollMs'])).toBeLessThan(6 * 3_600_000);
    expect(Date.parse((await store.getFeed('wire'))?.nextPollAt ?? '')).toBeLessThan(now.getTime() + 6 * 3_600_000);
  });
});
