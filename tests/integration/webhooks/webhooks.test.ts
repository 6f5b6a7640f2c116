/**
 * Webhooks end to end: real Redis (stream, consumer group, BullMQ), a real
 * SQLite store, the SSRF-guarded client and a receiver on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhook } from '../../../src/api/webhook-routes.js';
import { silentLogger } from '../../../src/logger.js';
import { createHttpClient, type SafeHttpClient } from '../../../src/net/safe-fetch.js';
import { createRedis } from '../../../src/queues/connection.js';
import { createProducer, type Producer } from '../../../src/queues/producer.js';
import type { Webhook } from '../../../src/store/access-types.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import { parseArticleEvent, publishArticleEvent } from '../../../src/store/article-events.js';
import { openStore } from '../../../src/store/index.js';
import type { ArticleRecord } from '../../../src/store/types.js';
import { handleDeliver } from '../../../src/webhooks/deliver.js';
import { DISPATCH_GROUP, dispatchEvents } from '../../../src/webhooks/dispatch.js';
import { startWebhookService, type WebhookServiceOptions } from '../../../src/webhooks/main.js';
import { verifyWebhookSignature } from '../../../src/webhooks/signature.js';
import { toNinjs } from '../../../src/ninjs/to-ninjs.js';
import { makeRecord } from '../../helpers/records.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Hit = { headers: http.IncomingHttpHeaders; body: string; at: number; status: number };

/** A receiver on 127.0.0.1 answering with `answer(hit, n)` (n: the hits so far for that delivery id). */
async function startReceiver(answer: (h: Omit<Hit, 'status'>, n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      const n = hits.filter((h) => h.headers['telex-delivery'] === req.headers['telex-delivery']).length;
      const a = answer(hit, n);
      hits.push({ ...hit, status: a.status });
      res.writeHead(a.status, { 'content-type': 'text/plain', ...(a.headers ?? {}) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let dir: string;
let store: FullArticleStore;
let redis: Redis;
let workerRedis: Redis;
let producer: Producer;
let prefix: string;
let streamKey: string;
let closers: Array<() => Promise<void>>;
let clients: SafeHttpClient[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telex-webhooks-'));
  store = await openStore(join(dir, 'telex.db'));
  prefix = `test-webhooks-${randomUUID()}`;
  streamKey = `${prefix}:articles`;
  redis = createRedis(REDIS_URL, 'client');
  workerRedis = createRedis(REDIS_URL, 'worker');
  producer = createProducer(redis, prefix);
  closers = [];
  clients = [];
});

afterEach(async () => {
  for (const c of closers.reverse()) await c();
  for (const c of clients) c.close();
  for (const q of Object.values(producer.queues)) await q.obliterate({ force: true });
  await producer.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await workerRedis.quit();
  await redis.quit();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the webhooks role over the test's store and Redis; loopback allowed unless a client is given. */
async function startService(extra: Partial<WebhookServiceOptions> = {}) {
  const client = createHttpClient({ allow: ['127.0.0.1/32'], timeoutMs: 5_000 });
  clients.push(client);
  const service = startWebhookService({
    store,
    workerRedis,
    prefix,
    streamKey,
    enqueue: (r) => producer.enqueue(r),
    http: client,
    log: process.env.DEBUG_WEBHOOKS ? (await import('../../../src/logger.js')).createLogger({ level: 'debug', fd: 2 }) : silentLogger(),
    retryBaseMs: 50,
    blockMs: 200,
    pauseAfter: 3,
    ...extra,
  });
  closers.push(() => service.close());
  // The group is created at start, reading new events only: wait for it before publishing.
  await waitFor(async () => {
    try {
      const groups = (await redis.call('XINFO', 'GROUPS', streamKey)) as unknown[];
      return groups.length > 0;
    } catch {
      return false;
    }
  }, 'the dispatch group');
  return service;
}

async function publish(record: ArticleRecord, outcome: 'created' | 'updated' = 'created'): Promise<ArticleRecord> {
  const { record: stored } = await store.upsertArticle(record);
  await publishArticleEvent(redis, streamKey, stored, outcome);
  return stored;
}

const article = (slug: string, extra: Partial<ArticleRecord> = {}) =>
  makeRecord({ slug, title: `Story ${slug}`, text: `Refugees crossed the border at dawn. ${slug}`, language: 'en', ...extra });

const subscribe = (url: string, extra: Record<string, unknown> = {}): Promise<Webhook> => createWebhook(store.access, { url, ...extra });

const bodyOf = (h: Hit) => JSON.parse(h.body) as { id: string; event: string; webhook: string; format: string; article: Record<string, unknown> };

describe('webhooks', () => {
  it('delivers created and updated articles, signed with the subscription secret', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    await startService();
    const a = await publish(article('one'));
    const updated = await publish({ ...a, title: 'Story one, updated', text: `${a.text} More.` }, 'updated');
    await waitFor(() => receiver.hits.length >= 2, 'two deliveries');
    const [first, second] = receiver.hits as [Hit, Hit];
    for (const hit of [first, second]) {
      const ts = String(hit.headers['telex-timestamp']);
      expect(verifyWebhookSignature(sub.secret, ts, hit.body, String(hit.headers['telex-signature']))).toBe(true);
      // Another secret, or a changed body, does not verify.
      expect(verifyWebhookSignature('not-the-secret', ts, hit.body, String(hit.headers['telex-signature']))).toBe(false);
      expect(verifyWebhookSignature(sub.secret, ts, `${hit.body} `, String(hit.headers['telex-signature']))).toBe(false);
      expect(hit.headers['content-type']).toMatch(/^application\/json/);
      expect(hit.headers['telex-webhook']).toBe(sub.id);
      expect(bodyOf(hit).id).toBe(hit.headers['telex-delivery']);
    }
    expect(first.headers['telex-event']).toBe('article.created');
    expect(second.headers['telex-event']).toBe('article.updated');
    expect(bodyOf(first).article.id).toBe(a.id);
    expect(bodyOf(second).article.title).toBe(updated.title);
    expect(first.headers['telex-delivery']).not.toBe(second.headers['telex-delivery']);
    await waitFor(async () => (await store.access.listDeliveries(sub.id)).length === 2, 'the delivery log');
    const log = await store.access.listDeliveries(sub.id);
    expect(log.map((d) => [d.event, d.status, d.ok, d.attempt, d.error])).toEqual([
      ['article.updated', 200, true, 1, null],
      ['article.created', 200, true, 1, null],
    ]);
    expect(log.every((d) => d.durationMs >= 0)).toBe(true);
  });

  it('sends ninjs to a subscription that asks for it', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    await subscribe(receiver.url, { format: 'ninjs' });
    await startService();
    const a = await publish(article('ninjs'));
    await waitFor(() => receiver.hits.length >= 1, 'a delivery');
    const body = bodyOf(receiver.hits[0] as Hit);
    expect(body.format).toBe('ninjs');
    expect(body.article).toEqual(JSON.parse(JSON.stringify(toNinjs(a))));
  });

  it('retries a 500 with backoff and then delivers, with the same delivery id', async () => {
    const receiver = await startReceiver((_h, n) => ({ status: n < 2 ? 500 : 204 }));
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    await startService();
    await publish(article('flaky'));
    await waitFor(() => receiver.hits.some((h) => h.status === 204), 'the delivery');
    expect(receiver.hits.map((h) => h.status)).toEqual([500, 500, 204]);
    expect(new Set(receiver.hits.map((h) => h.headers['telex-delivery'])).size).toBe(1);
    // Every attempt is signed afresh.
    for (const h of receiver.hits) {
      expect(verifyWebhookSignature(sub.secret, String(h.headers['telex-timestamp']), h.body, String(h.headers['telex-signature']))).toBe(true);
    }
    await waitFor(async () => (await store.access.listDeliveries(sub.id)).length === 3, 'the delivery log');
    const log = await store.access.listDeliveries(sub.id);
    expect(log.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [3, 204, true],
      [2, 500, false],
      [1, 500, false],
    ]);
    expect(log[2]?.error).toContain('500');
    expect(await store.access.getWebhook(sub.id)).toMatchObject({ status: 'active', consecutiveFailures: 0 });
  });

  it('honours Retry-After on a 429', async () => {
    const receiver = await startReceiver((_h, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    closers.push(receiver.close);
    await subscribe(receiver.url);
    await startService();
    await publish(article('busy'));
    await waitFor(() => receiver.hits.some((h) => h.status === 200), 'the delivery');
    const [first, second] = receiver.hits as [Hit, Hit];
    // The retry base is 50 ms here: only the receiver's Retry-After explains a wait of a second.
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  it('pauses the subscription on a 410 and delivers nothing more until resumed', async () => {
    let gone = true;
    const receiver = await startReceiver(() => ({ status: gone ? 410 : 200 }));
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    await startService();
    await publish(article('gone-1'));
    await waitFor(async () => (await store.access.getWebhook(sub.id))?.status === 'paused', 'the pause');
    expect(await store.access.getWebhook(sub.id)).toMatchObject({ status: 'paused', pausedReason: 'the receiver answered 410 Gone' });
    expect(receiver.hits.length).toBe(1);
    // Events while paused are not dispatched.
    await publish(article('gone-2'));
    const other = await startReceiver();
    closers.push(other.close);
    await subscribe(other.url);
    await publish(article('after-pause'));
    await waitFor(() => other.hits.length >= 1, 'the other subscription');
    expect(bodyOf(other.hits[0] as Hit).article.url).toContain('after-pause');
    expect(receiver.hits.length).toBe(1);
    // Resumed, it gets new events.
    gone = false;
    await store.access.setWebhookStatus(sub.id, 'active', null, new Date().toISOString());
    await publish(article('resumed'));
    await waitFor(() => receiver.hits.length >= 2, 'a delivery after resuming');
    expect(bodyOf(receiver.hits[1] as Hit).article.url).toContain('resumed');
  });

  it('does not retry other 4xx, and pauses after deliveries failing in a row', async () => {
    const receiver = await startReceiver(() => ({ status: 400 }));
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    await startService({ pauseAfter: 3 });
    for (const slug of ['bad-1', 'bad-2', 'bad-3']) {
      await publish(article(slug));
    }
    await waitFor(async () => (await store.access.getWebhook(sub.id))?.status === 'paused', 'the pause');
    expect(receiver.hits.length).toBe(3);
    expect(new Set(receiver.hits.map((h) => h.headers['telex-delivery'])).size).toBe(3);
    expect(await store.access.getWebhook(sub.id)).toMatchObject({ consecutiveFailures: 3, pausedReason: '3 deliveries in a row failed' });
  });

  it('delivers only what the filter and the events let through', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    await store.upsertFeed({ id: 'desk-world', url: 'https://news.test/world.xml', categories: ['World'] });
    const fr = await subscribe(receiver.url, { filter: { lang: 'fr' }, events: ['created'] });
    const topic = await subscribe(receiver.url, { filter: { topic: 'medtop:11000000', q: 'election' } });
    const desk = await subscribe(receiver.url, { filter: { category: 'world' } });
    await startService({ expandTopic: (c) => (c === 'medtop:11000000' ? ['medtop:20000646'] : []) });
    const en = await publish(article('plain-en'));
    const frArticle = await publish(article('plain-fr', { language: 'fr' }));
    await publish({ ...frArticle, text: `${frArticle.text} Encore.` }, 'updated');
    const vote = await publish(
      article('vote', { text: 'The election count began.', topics: [{ code: 'medtop:20000646', label: 'vote', score: 0.9, scheme: 'medtop' }] }),
    );
    await publish(article('no-vote', { text: 'No count today.', topics: [{ code: 'medtop:20000646', label: 'vote', score: 0.9, scheme: 'medtop' }] }));
    const world = await publish(article('world', { feed: { id: 'desk-world', title: null, url: null } }));
    // A last event every subscription takes, so that everything before it has been dispatched.
    await publish(article('fr-world', { language: 'fr', text: 'election', feed: { id: 'desk-world', title: null, url: null }, topics: [{ code: 'medtop:11000000', label: 'politics', score: 1, scheme: 'medtop' }] }));
    await waitFor(() => receiver.hits.length >= 6, 'the deliveries');
    await new Promise((r) => setTimeout(r, 300));
    const got = receiver.hits.map((h) => [h.headers['telex-webhook'], bodyOf(h).event, String(bodyOf(h).article.id)]);
    const fw = bodyOf(receiver.hits.find((h) => String(bodyOf(h).article.url).includes('fr-world')) as Hit).article.id;
    expect(got.sort()).toEqual(
      [
        [fr.id, 'article.created', frArticle.id],
        [fr.id, 'article.created', fw],
        [topic.id, 'article.created', vote.id],
        [topic.id, 'article.created', fw],
        [desk.id, 'article.created', world.id],
        [desk.id, 'article.created', fw],
      ].sort(),
    );
    expect(got.some(([, , id]) => id === en.id)).toBe(false);
  });

  it('never delivers twice to a receiver that answered 2xx, even when events are dispatched again', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    await startService();
    await publish(article('once-1'));
    await publish(article('once-2'));
    await waitFor(() => receiver.hits.length >= 2, 'the deliveries');
    // A dispatcher that died before acknowledging: the same stream entries are dispatched again.
    const entries = (await redis.xrange(streamKey, '-', '+')) as Array<[string, string[]]>;
    const events = entries.flatMap(([id, f]) => [parseArticleEvent(id, f)].filter((e) => e !== null));
    expect(events.length).toBe(2);
    expect(await dispatchEvents(events, { access: store.access, store, enqueue: (r) => producer.enqueue(r) })).toBe(2);
    // A delivery job run again after its 2xx (a worker that died before completing it) sends nothing.
    const [job] = await producer.queues.deliver.getCompleted();
    expect(job).toBeDefined();
    const again = await handleDeliver(
      job?.data,
      {
        access: store.access,
        getArticle: (id) => store.getArticle(id),
        http: createHttpClient({ allow: ['127.0.0.1/32'] }),
        toNinjs,
        now: () => new Date(),
        timeoutMs: 5_000,
        pauseAfter: 3,
        keepLog: 10,
      },
      { attempt: 2, finalAttempt: false },
    );
    expect(again).toEqual({ status: 'skipped', reason: 'already delivered' });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.hits.length).toBe(2);
    const ids = receiver.hits.map((h) => h.headers['telex-delivery']);
    expect(new Set(ids).size).toBe(2);
    // Pending entries of the group: none (every event acknowledged).
    const pending = (await redis.call('XPENDING', streamKey, DISPATCH_GROUP)) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    expect((await store.access.listDeliveries(sub.id)).length).toBe(2);
  });

  it('refuses a loopback target under a loopback-blocking policy, with no hit on the receiver', async () => {
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const sub = await subscribe(receiver.url);
    const guarded = createHttpClient({ timeoutMs: 5_000 });
    clients.push(guarded);
    await startService({ http: guarded, pauseAfter: 1 });
    await publish(article('private'));
    await waitFor(async () => (await store.access.listDeliveries(sub.id)).length === 1, 'the failed attempt');
    const [attempt] = await store.access.listDeliveries(sub.id);
    expect(attempt).toMatchObject({ ok: false, status: null, attempt: 1 });
    expect(attempt?.error).toMatch(/^blocked_address: refused to connect to 127\.0\.0\.1/);
    // Not retried (a refused address is permanent), and the receiver never heard of it.
    await new Promise((r) => setTimeout(r, 500));
    expect((await store.access.listDeliveries(sub.id)).length).toBe(1);
    expect(receiver.hits.length).toBe(0);
    expect((await store.access.getWebhook(sub.id))?.status).toBe('paused');
  });
});
