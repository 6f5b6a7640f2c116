import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedItem } from '../../../../src/queues/contracts.js';
import { openStore } from '../../../../src/store/index.js';
import type { ArticleStore } from '../../../../src/store/article-store.js';
import { handlePoll, type PollDeps } from '../../../../src/workers/fetcher/handler.js';
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

/** Runs the poll like the shell does: handler, then the after-enqueue commit. */
async function poll(body: Parameters<typeof fakeHttp>[0][string]) {
  const result = await handlePoll({ feedId: 'wire' }, deps(body));
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
    const first = await handlePoll({ feedId: 'wire' }, deps({ body: two }));
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

  it('records the failure on the feed and rethrows when the feed is malformed', async () => {
    await expect(poll({ body: '<rss><channel><item><title>cut off' })).rejects.toMatchObject({ code: 'bad_feed' });
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
