/**
 * The WebSub subscriber's edges, over a real SQLite store and a hub on 127.0.0.1:
 * a hub that refuses, a denial, a hub that never verifies, a retry after the
 * wait, a feed removed behind the API's back (the sweep unsubscribes), and the
 * SSRF guard on requests to hubs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { createHttpClient, type SafeHttpClient } from '../../src/net/safe-fetch.js';
import type { FullArticleStore } from '../../src/store/article-store.js';
import { openStore } from '../../src/store/index.js';
import type { FeedState } from '../../src/store/types.js';
import { createWebSub, type WebSubService } from '../../src/workers/fetcher/websub.js';

let hubServer: Server;
let hubBase: string;
let hubStatus = 202;
const received: URLSearchParams[] = [];

beforeAll(async () => {
  hubServer = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      received.push(new URLSearchParams(text));
      res.writeHead(hubStatus).end();
    });
  });
  await new Promise<void>((resolve) => hubServer.listen(0, '127.0.0.1', resolve));
  hubBase = `http://127.0.0.1:${(hubServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => hubServer.close(() => resolve()));
});

const HOUR = 3_600_000;
let store: FullArticleStore;
let http: SafeHttpClient;
let clock: number;
let ws: WebSubService;
let feed: FeedState;

beforeEach(async () => {
  received.length = 0;
  hubStatus = 202;
  clock = Date.parse('2026-03-01T00:00:00.000Z');
  store = await openStore(':memory:');
  http = createHttpClient({ allow: ['127.0.0.1/32'] });
  ws = createWebSub(
    { store, hub: http, log: silentLogger(), now: () => new Date(clock) },
    { publicUrl: 'https://telex.test/', leaseMs: 86_400_000, renewBeforeMs: HOUR, pollEveryMs: 6 * HOUR, retryAfterMs: 6 * HOUR },
  );
  await store.upsertFeed({ id: 'wire', url: 'https://news.test/feed.xml' });
  feed = (await store.getFeed('wire')) as FeedState;
});

afterEach(async () => {
  http.close();
  await store.close();
});

const found = () => ({ hub: `${hubBase}/hub`, topic: 'https://news.test/feed.xml' });

describe('WebSub subscriber edges', () => {
  it('marks the subscription failed with the hub answer, and asks again only after retryAfter', async () => {
    hubStatus = 400;
    await ws.discovered(feed, found());
    expect(await store.getSubscription('wire')).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^http_status: POST .*\/hub -> 400$/) });
    expect(received).toHaveLength(1);
    expect(Object.fromEntries(received[0] ?? [])).toMatchObject({
      'hub.mode': 'subscribe',
      'hub.callback': 'https://telex.test/websub/wire',
      'hub.topic': 'https://news.test/feed.xml',
      'hub.lease_seconds': '86400',
    });
    hubStatus = 202;
    clock += HOUR;
    await ws.discovered(feed, found());
    expect(received).toHaveLength(1);
    clock += 6 * HOUR;
    await ws.discovered(feed, found());
    expect(received).toHaveLength(2);
    expect((await store.getSubscription('wire'))?.state).toBe('pending');
  });

  it('records a denial from the hub and is not live', async () => {
    await ws.discovered(feed, found());
    const answer = await ws.verify('wire', { 'hub.mode': 'denied', 'hub.topic': 'https://news.test/feed.xml', 'hub.reason': 'no thanks' });
    expect(answer.status).toBe(200);
    expect(await store.getSubscription('wire')).toMatchObject({ state: 'denied', lastError: 'no thanks' });
    expect(await ws.isLive('wire', new Date(clock))).toBe(false);
  });

  it('marks a subscription the hub never verifies as failed after an hour', async () => {
    await ws.discovered(feed, found());
    clock += 30 * 60_000;
    expect((await ws.sweep()).failed).toBe(0);
    clock += 31 * 60_000;
    expect((await ws.sweep()).failed).toBe(1);
    expect(await store.getSubscription('wire')).toMatchObject({ state: 'failed', lastError: 'the hub did not verify within 60 min' });
  });

  it('unsubscribes a feed removed by any means at the next sweep', async () => {
    await ws.discovered(feed, found());
    await ws.verify('wire', { 'hub.mode': 'subscribe', 'hub.topic': 'https://news.test/feed.xml', 'hub.challenge': 'x', 'hub.lease_seconds': '864000' });
    await store.removeFeed('wire');
    expect(await ws.sweep()).toEqual({ renewed: 0, unsubscribed: 1, failed: 0 });
    expect(received.map((r) => r.get('hub.mode'))).toEqual(['subscribe', 'unsubscribe']);
    expect((await store.getSubscription('wire'))?.state).toBe('unsubscribing');
    const answer = await ws.verify('wire', { 'hub.mode': 'unsubscribe', 'hub.topic': 'https://news.test/feed.xml', 'hub.challenge': 'bye' });
    expect(answer).toEqual({ status: 200, body: 'bye' });
    expect(await store.getSubscription('wire')).toBeNull();
  });

  it('sends hub requests through the SSRF guard: a loopback hub is refused unless allowed', async () => {
    const guarded = createHttpClient();
    try {
      const strict = createWebSub(
        { store, hub: guarded, log: silentLogger(), now: () => new Date(clock) },
        { publicUrl: 'https://telex.test/', leaseMs: 86_400_000, renewBeforeMs: HOUR, pollEveryMs: 6 * HOUR, retryAfterMs: 6 * HOUR },
      );
      await strict.discovered(feed, found());
      expect(received).toHaveLength(0);
      expect(await store.getSubscription('wire')).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^blocked_address: /) });
    } finally {
      guarded.close();
    }
  });
});
