/**
 * WebSub end to end against a small hub running on 127.0.0.1 in this test: the
 * fetcher discovers the hub in the feed and subscribes; the hub verifies intent
 * with a GET to the API's callback; signed pushes become stored articles through
 * the poll's own path, unsigned or wrongly signed ones are dropped with a
 * warning; the lease is renewed before it ends; removing the feed unsubscribes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Worker } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/cli/serve.js';
import { loadConfig } from '../../src/config.js';
import { startWorkers } from '../../src/pipeline.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { deleteQueueKeys, scratch } from '../helpers/cli.js';

const LEASE_SECONDS = 600;

type HubRequest = { mode: string; topic: string; callback: string; secret: string | undefined; verified: boolean | null };

let origin: Server;
let base: string;
const hubRequests: HubRequest[] = [];
const pageHits = new Map<string, number>();
let feedItems: string[] = ['one'];

const paragraphs = (slug: string): string =>
  Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i + 1} of the ${slug} report: the port authority and the unions met the ministers to settle the dispute over wages and shifts at the new terminal.</p>`,
  ).join('');

function feedXml(slugs: string[]): string {
  const items = slugs
    .map((s) => `<item><title>Story ${s}</title><link>${base}/news/${s}.html</link><guid>${s}</guid><description>Summary of ${s}.</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Pushed wire</title><link>${base}/</link>
<atom:link rel="hub" href="${base}/hub"/><atom:link rel="self" href="${base}/feed.xml"/>${items}</channel></rss>`;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

/** The hub's verification of intent: GET to the callback, confirmed when the challenge comes back. */
async function verifyIntent(r: HubRequest): Promise<void> {
  const challenge = randomBytes(12).toString('hex');
  const u = new URL(r.callback);
  u.searchParams.set('hub.mode', r.mode);
  u.searchParams.set('hub.topic', r.topic);
  u.searchParams.set('hub.challenge', challenge);
  if (r.mode === 'subscribe') {
    u.searchParams.set('hub.lease_seconds', String(LEASE_SECONDS));
  }
  const res = await fetch(u);
  r.verified = res.status === 200 && (await res.text()) === challenge;
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/hub' && req.method === 'POST') {
      void readBody(req).then((text) => {
        const form = new URLSearchParams(text);
        const r: HubRequest = {
          mode: form.get('hub.mode') ?? '',
          topic: form.get('hub.topic') ?? '',
          callback: form.get('hub.callback') ?? '',
          secret: form.get('hub.secret') ?? undefined,
          verified: null,
        };
        hubRequests.push(r);
        res.writeHead(202).end();
        // Verified asynchronously, after the answer (WebSub 5.3).
        setImmediate(() => void verifyIntent(r).catch(() => (r.verified = false)));
      });
      return;
    }
    if (path === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(feedItems));
      return;
    }
    if (path === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    pageHits.set(path, (pageHits.get(path) ?? 0) + 1);
    const slug = path.replace(/^\/news\/|\.html$/g, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html><head><title>Story ${slug}</title></head><body><article><h1>Story ${slug}</h1>${paragraphs(slug)}</article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => origin.close(() => resolve()));
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sign = (algorithm: string, secret: string, body: string): string => `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;

describe('WebSub subscriber', () => {
  let s: ReturnType<typeof scratch>;
  let rt: Runtime;
  let workers: Worker[];
  let api: { close(): Promise<void>; url: string };
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const port = await freePort();
    s = scratch([{ id: 'pushed', url: `${base}/feed.xml` }], {
      websub: { publicUrl: `http://127.0.0.1:${port}/`, pollInterval: '5h', lease: '1d', renewBefore: '1h' },
    });
    const config = loadConfig({ configPath: s.configPath, env: { ...s.env, PORT: String(port), HOST: '127.0.0.1' } });
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    rt = await createRuntime(config, pino({ level: 'info' }, sink), { redisUrl: s.env.REDIS_URL });
    workers = startWorkers(rt, ['all']);
    api = await startApi(rt, workers);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await Promise.all((workers ?? []).map((w) => w.close()));
    await rt?.close();
    await deleteQueueKeys(s.env);
    s.cleanup();
  });

  const storedUrls = async (): Promise<string[]> => (await rt.store.listArticles({ limit: 50 })).items.map((a) => a.url).sort();
  const subscription = () => rt.store.getSubscription('pushed');
  const push = (body: string, headers: Record<string, string>) =>
    fetch(`${api.url}/websub/pushed`, { method: 'POST', headers: { 'content-type': 'application/rss+xml', ...headers }, body });

  it('subscribes to the hub the feed names, with a callback on the API, once the hub has verified', async () => {
    await rt.producer.enqueue([{ queue: 'poll', payload: { feedId: 'pushed', force: true } }]);
    const sub = await waitFor('an active subscription', async () => {
      const x = await subscription();
      return x?.state === 'active' ? x : null;
    });
    await waitFor('the hub to see its challenge back', async () => hubRequests[0]?.verified !== null);
    expect(hubRequests).toHaveLength(1);
    expect(hubRequests[0]).toMatchObject({ mode: 'subscribe', topic: `${base}/feed.xml`, callback: `${api.url}/websub/pushed`, verified: true });
    expect(hubRequests[0]?.secret).toBe(sub.secret);
    expect(sub).toMatchObject({ hub: `${base}/hub`, topic: `${base}/feed.xml`, leaseSeconds: LEASE_SECONDS });
    expect(Date.parse(sub.expiresAt ?? '') - Date.parse(sub.verifiedAt ?? '')).toBe(LEASE_SECONDS * 1000);
    await waitFor('the polled item', async () => (await storedUrls()).includes(`${base}/news/one.html`));

    // Feed health in the API shows it (and never the secret).
    const feeds = (await (await fetch(`${api.url}/feeds`)).json()) as { items: Array<{ id: string; websub: Record<string, unknown> | null }> };
    const shown = feeds.items.find((f) => f.id === 'pushed')?.websub;
    expect(shown).toMatchObject({ state: 'active', hub: `${base}/hub`, expiresAt: sub.expiresAt });
    expect(shown).not.toHaveProperty('secret');
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/websub/{feedId}');
  }, 60_000);

  it('polls only as a safety net while the subscription is live', async () => {
    const before = Date.now();
    const earlier = (await rt.store.getFeed('pushed'))?.lastPolledAt ?? null;
    await rt.producer.enqueue([{ queue: 'poll', payload: { feedId: 'pushed', force: true }, jobId: 'again' }]);
    // The poll made now, not the first one (which may have ended within the last second).
    const feed = await waitFor('the second poll', async () => {
      const f = await rt.store.getFeed('pushed');
      return f?.lastPolledAt && f.lastPolledAt !== earlier ? f : null;
    });
    expect(Date.parse(feed.nextPollAt ?? '') - before).toBeGreaterThanOrEqual(5 * 3_600_000 - 60_000);
  }, 60_000);

  it('stores the new item of a signed push, fetched and extracted like a polled one', async () => {
    const sub = await subscription();
    const body = feedXml(['one', 'two']);
    const res = await push(body, { 'x-hub-signature': sign('sha256', sub?.secret ?? '', body) });
    expect(res.status).toBe(202);
    await waitFor('the pushed item', async () => (await storedUrls()).includes(`${base}/news/two.html`));
    const stored = (await rt.store.listArticles({ limit: 50 })).items.find((a) => a.url === `${base}/news/two.html`);
    expect(stored?.extraction.method).toBe('readability');
    expect(stored?.feed.id).toBe('pushed');
    expect(pageHits.get('/news/one.html')).toBe(1);
    expect((await subscription())?.lastPushAt).not.toBeNull();
  }, 60_000);

  it('accepts sha1 signatures too', async () => {
    const sub = await subscription();
    const body = feedXml(['three']);
    expect((await push(body, { 'x-hub-signature': sign('sha1', sub?.secret ?? '', body) })).status).toBe(202);
    await waitFor('the sha1-signed item', async () => (await storedUrls()).includes(`${base}/news/three.html`));
  }, 60_000);

  it('drops wrongly signed and unsigned pushes with a warning, storing nothing', async () => {
    const body = feedXml(['forged']);
    const wrong = await push(body, { 'x-hub-signature': sign('sha256', 'not-the-secret', body) });
    const unsigned = await push(body, {});
    // Acknowledged (WebSub 8 allows it, and it tells a forger nothing), but not taken.
    expect([wrong.status, unsigned.status]).toEqual([202, 202]);
    const warnings = logLines.filter((l) => l.msg === 'websub push dropped: signature not valid');
    expect(warnings.map((w) => w.reason)).toEqual(['sha256 signature does not match', 'no X-Hub-Signature']);
    expect(warnings.every((w) => w.level === 40 && w.feedId === 'pushed')).toBe(true);
    // Not marked seen, so never queued; the page was never asked for; nothing stored.
    const unseen = await rt.store.filterUnseen('pushed', [{ key: 'forged', hash: 'x' }]);
    expect(unseen).toHaveLength(1);
    // A valid push afterwards goes through: by the time it is stored, a queued forged item would have been fetched.
    const sub = await subscription();
    const good = feedXml(['four']);
    await push(good, { 'x-hub-signature': sign('sha512', sub?.secret ?? '', good) });
    await waitFor('the item after the forged ones', async () => (await storedUrls()).includes(`${base}/news/four.html`));
    expect(pageHits.get('/news/forged.html')).toBeUndefined();
    expect(await storedUrls()).not.toContain(`${base}/news/forged.html`);
  }, 60_000);

  it('answers 404 to a verification for another topic or a mode that does not match', async () => {
    const ask = (q: Record<string, string>) => fetch(`${api.url}/websub/pushed?${new URLSearchParams({ 'hub.challenge': 'c', ...q })}`);
    expect((await ask({ 'hub.mode': 'subscribe', 'hub.topic': `${base}/other.xml`, 'hub.lease_seconds': '60' })).status).toBe(404);
    expect((await ask({ 'hub.mode': 'unsubscribe', 'hub.topic': `${base}/feed.xml` })).status).toBe(404);
    // No renewal asked for: nobody can stretch the lease.
    expect((await ask({ 'hub.mode': 'subscribe', 'hub.topic': `${base}/feed.xml`, 'hub.lease_seconds': '99999999' })).status).toBe(404);
    expect((await fetch(`${api.url}/websub/nobody?hub.mode=subscribe&hub.topic=x&hub.challenge=c`)).status).toBe(404);
    expect((await subscription())?.state).toBe('active');
  });

  it('keeps the categories given on POST /feeds in the full server (job scheduler included)', async () => {
    const res = await fetch(`${api.url}/feeds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'desk-feed', url: `${base}/desk.xml`, categories: ['Sport'] }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { categories: string[]; websub: unknown }).categories).toEqual(['Sport']);
    expect((await rt.store.getFeed('desk-feed'))?.categories).toEqual(['Sport']);
    expect((await fetch(`${api.url}/feeds/desk-feed`, { method: 'DELETE' })).status).toBe(204);
  });

  it('renews the lease before it ends', async () => {
    const before = await subscription();
    const requests = hubRequests.length;
    // An hour and a half before the end: not due yet.
    const lease = Date.parse(before?.expiresAt ?? '');
    expect(await rt.websub?.sweep(new Date(lease - 90 * 60_000))).toEqual({ renewed: 0, unsubscribed: 0, failed: 0 });
    // The hub granted 10 min, so renewal is due half way through (renewBefore is capped at half the lease).
    expect(await rt.websub?.sweep(new Date(lease - 4 * 60_000))).toEqual({ renewed: 1, unsubscribed: 0, failed: 0 });
    await waitFor('the renewal verified', async () => hubRequests[requests]?.verified === true);
    expect(hubRequests[requests]).toMatchObject({ mode: 'subscribe', topic: `${base}/feed.xml`, secret: before?.secret });
    const after = await waitFor('a new expiry', async () => {
      const x = await subscription();
      return x && x.expiresAt !== before?.expiresAt ? x : null;
    });
    expect(after.state).toBe('active');
    expect(Date.parse(after.expiresAt ?? '')).toBeGreaterThan(lease - 60_000);
  }, 60_000);

  it('unsubscribes when the feed is removed, and forgets the subscription once the hub verifies', async () => {
    const requests = hubRequests.length;
    const res = await fetch(`${api.url}/feeds/pushed`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(hubRequests[requests]).toMatchObject({ mode: 'unsubscribe', topic: `${base}/feed.xml`, callback: `${api.url}/websub/pushed` });
    await waitFor('the unsubscription verified', async () => hubRequests[requests]?.verified === true);
    await waitFor('the subscription gone', async () => (await subscription()) === null);
    // A push now is refused.
    expect((await push(feedXml(['late']), { 'x-hub-signature': 'sha256=00' })).status).toBe(404);
  }, 60_000);
});
