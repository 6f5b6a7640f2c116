/**
 * Story versions and pipeline figures over the HTTP API: a real server on
 * 127.0.0.1, SQLite, Redis (the SSE stream, BullMQ queues with a unique prefix).
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticleEvent } from '../../../src/store/article-events.js';
import type { ArticleRecord, ItemOutcome } from '../../../src/store/types.js';
import { REDIS_URL, type Running, SseClient, makeArticle, startServer } from './helpers.js';

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

describe('story versions over HTTP', () => {
  let s: Running;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  const publish = async (a: ArticleRecord): Promise<void> => {
    const { outcome, record, substantive = null } = await s.store.upsertArticle(a);
    await publishArticleEvent(s.redis, s.streamKey, record, outcome, undefined, substantive);
  };

  it('lists the versions, serves each in full and with a word diff, and tells substantive from cosmetic updates in the stream', async () => {
    const client = await SseClient.open(`${s.base}/stream`);
    await client.connected();
    const v1 = makeArticle({ slug: 'storm', title: 'Storm cuts power to 40,000 homes', text: 'The storm cut power to 40,000 homes on Monday.' });
    await publish(v1);
    await publish(makeArticle({ slug: 'storm', title: 'Storm cuts power to 40,000 homes.', text: 'The storm cut power to 40,000 homes on Monday!' }));
    await publish(makeArticle({ slug: 'storm', title: 'Storm cuts power to 60,000 homes', text: 'The storm cut power to 60,000 homes on Monday.' }));
    const events = [];
    for (let i = 0; i < 3; i++) {
      events.push(JSON.parse((await client.nextEvent())?.data ?? '{}'));
    }
    client.close();
    expect(events.map((e) => [e.outcome, e.version, e.substantive])).toEqual([
      ['created', 1, undefined],
      ['updated', 2, false],
      ['updated', 3, true],
    ]);

    const list = await getJson(`${s.base}/articles/${v1.id}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((v: any) => [v.n, v.substantive, v.title])).toEqual([
      [1, null, 'Storm cuts power to 40,000 homes'],
      [2, false, 'Storm cuts power to 40,000 homes.'],
      [3, true, 'Storm cuts power to 60,000 homes'],
    ]);
    expect(list.body.items[0]).toMatchObject({ textLength: v1.text.length, wordCount: v1.wordCount });

    const first = await getJson(`${s.base}/articles/${v1.id}/versions/1`);
    expect(first.body).toMatchObject({ id: v1.id, n: 1, text: v1.text, title: v1.title, byline: null, topics: [] });

    const diffed = await getJson(`${s.base}/articles/${v1.id}/versions/3?against=1`);
    expect(diffed.body.n).toBe(3);
    expect(diffed.body.diff.text.filter((p: any) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '40,000' },
      { kind: 'added', text: '60,000' },
    ]);

    expect((await getJson(`${s.base}/articles/${v1.id}/versions/9`)).status).toBe(404);
    expect((await getJson(`${s.base}/articles/${v1.id}/versions/3?against=9`)).status).toBe(404);
    expect((await getJson(`${s.base}/articles/${v1.id}/versions/zero`)).status).toBe(400);
    expect((await getJson(`${s.base}/articles/nope/versions`)).status).toBe(404);
  });
});

describe('GET /pipeline/stats', () => {
  let s: Running;
  let queue: Queue;
  const prefix = `test-${randomUUID()}`;
  beforeAll(async () => {
    queue = new Queue('extract-article', { connection: { url: REDIS_URL }, prefix });
    s = await startServer({ queues: [queue] });
  });
  afterAll(async () => {
    await s?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
  });

  it('counts stories stored per minute and feed, failures per stage, latency percentiles and queue depths', async () => {
    const now = Date.now();
    const minuteAgo = new Date(now - 60_000).toISOString();
    const stored: ArticleRecord[] = [];
    for (let i = 0; i < 4; i++) {
      const { record } = await s.store.upsertArticle(
        makeArticle({ slug: `p${i}`, feed: { id: i < 3 ? 'wire-a' : 'wire-b', title: null, url: null }, publishedAt: new Date(now - (i + 1) * 60_000).toISOString() }),
      );
      stored.push(record);
    }
    const outcome = (o: Partial<ItemOutcome>): ItemOutcome => ({ feedId: 'wire-a', url: 'https://news.test/x', stage: 'enrich', status: 'stored', reason: 'created', articleId: null, at: minuteAgo, ...o });
    await s.store.recordItemOutcomes([
      ...stored.map((r) => outcome({ feedId: r.feed.id, articleId: r.id })),
      outcome({ reason: 'unchanged', articleId: stored[0]!.id }),
      outcome({ stage: 'extract', status: 'failed', reason: 'http_status: 500' }),
      outcome({ stage: 'extract', status: 'failed', reason: 'timeout: slow', at: new Date(now - 2 * 86_400_000).toISOString() }),
    ]);
    await queue.addBulk([1, 2, 3].map((i) => ({ name: 'x', data: { i } })));

    const { status, body } = await getJson(`${s.base}/pipeline/stats?window=1h`);
    expect(status).toBe(200);
    expect(body.buckets).toHaveLength(60);
    expect(body.bucketMs).toBe(60_000);
    expect(body.stored.sum).toBe(4);
    expect(body.stored.total.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(Object.fromEntries(Object.entries(body.stored.byFeed).map(([f, xs]) => [f, (xs as number[]).reduce((a, b) => a + b, 0)]))).toEqual({
      'wire-a': 3,
      'wire-b': 1,
    });
    expect(body.failures.sum).toBe(1);
    expect(body.failures.byStage.extract.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    expect(body.latency.overall.count).toBe(4);
    // Stored at about `now` (the store's clock), published 1 to 4 minutes before.
    expect(body.latency.overall.p50).toBeGreaterThanOrEqual(2 * 60_000 - 5_000);
    expect(body.latency.overall.p50).toBeLessThan(2 * 60_000 + 60_000);
    expect(body.latency.overall.p95).toBeGreaterThanOrEqual(4 * 60_000 - 5_000);
    expect(body.queues).toEqual([{ queue: 'extract-article', counts: expect.objectContaining({ waiting: 3, failed: 0 }) }]);

    const day = await getJson(`${s.base}/pipeline/stats?window=1d`);
    expect(day.body.buckets).toHaveLength(96);
    expect(day.body.stored.sum).toBe(4);
    expect((await getJson(`${s.base}/pipeline/stats?window=1w`)).status).toBe(400);
  });
});
