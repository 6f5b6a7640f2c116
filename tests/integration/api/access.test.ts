/**
 * Scoped API keys, route by route: every registered route is enumerated, so a
 * route added without declaring its scope fails here.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailureLimiter, createKey } from '../../../src/api/access.js';
import { registeredRoutes, type RouteAccessEntry } from '../../../src/api/server.js';
import { createWebhook } from '../../../src/api/webhook-routes.js';
import type { Scope } from '../../../src/store/access-types.js';
import { REDIS_URL, type Running, TOKEN, makeArticle, startServer } from './helpers.js';

type Keys = Record<Scope | 'revoked', string>;

const PUBLIC = [
  'GET /',
  'GET /console/login',
  'GET /console/static/:name',
  'GET /healthz',
  'GET /readyz',
  'HEAD /',
  'HEAD /console/login',
  'HEAD /console/static/:name',
  'HEAD /healthz',
  'HEAD /readyz',
  'POST /console/login',
  'POST /console/logout',
];

/** The key a route's scope needs, and one that lacks it. */
const RIGHT: Record<Scope, Scope> = { read: 'read', write: 'write', admin: 'admin', metrics: 'metrics' };
const WRONG: Record<Scope, Scope> = { read: 'metrics', write: 'read', admin: 'write', metrics: 'read' };

async function makeKeys(s: Running): Promise<Keys> {
  const keys: Partial<Keys> = {};
  for (const scope of ['read', 'write', 'admin', 'metrics'] as const) {
    keys[scope] = (await createKey(s.store.access, `key-${scope}`, [scope])).token;
  }
  const revoked = await createKey(s.store.access, 'gone', ['admin']);
  await s.store.access.revokeApiKey('gone', new Date().toISOString());
  keys.revoked = revoked.token;
  return keys as Keys;
}

describe('scoped API keys', () => {
  let s: Running;
  let queue: Queue;
  let keys: Keys;
  let routes: RouteAccessEntry[];
  const ids = { article: '', webhook: '', doomedWebhook: '', feed: 'f-keep', doomedFeed: 'f-doomed', queue: 'access-test' };

  beforeAll(async () => {
    queue = new Queue(ids.queue, { connection: { url: REDIS_URL }, prefix: `test-${randomUUID()}` });
    s = await startServer({
      apiToken: TOKEN,
      queues: [queue],
      accessCacheMs: 0,
      // Route by route makes hundreds of refused attempts from one address: the limiter is tested apart.
      authLimiter: createFailureLimiter({ max: 1_000_000 }),
    });
    await s.app.ready();
    routes = registeredRoutes(s.app);
    const a = makeArticle({ slug: 'keyed' });
    await s.store.upsertArticle(a);
    ids.article = a.id;
    await s.store.upsertFeed({ id: ids.feed, url: 'https://news.test/keep.xml' });
    await s.store.upsertFeed({ id: ids.doomedFeed, url: 'https://news.test/doomed.xml' });
    ids.webhook = (await createWebhook(s.store.access, { url: 'http://127.0.0.1:9/hook' })).id;
    ids.doomedWebhook = (await createWebhook(s.store.access, { url: 'http://127.0.0.1:9/doomed' })).id;
    keys = await makeKeys(s);
  });

  afterAll(async () => {
    await s.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  /** A concrete URL for a route pattern, with ids that exist (the DELETE routes get ones of their own). */
  const urlFor = (r: RouteAccessEntry): string =>
    r.url
      .replace(/^\/(console\/)?articles\/:id/, (_m, c: string | undefined) => `/${c ?? ''}articles/${ids.article}`)
      .replace(/^\/feeds\/:id/, `/feeds/${r.method === 'DELETE' ? ids.doomedFeed : ids.feed}`)
      .replace(/^\/(console\/)?webhooks\/:id/, (_m, c: string | undefined) => `/${c ?? ''}webhooks/${r.method === 'DELETE' ? ids.doomedWebhook : ids.webhook}`)
      .replace(/:n(?=\/|$)/, '1')
      .replace(':queueName', ids.queue)
      .replace(':jobId', 'no-such-job')
      .replace(':queueStatus', 'failed')
      .replace(':schedulerId', 'none')
      .replace(':name', 'console.css')
      .replace('*', 'none.js');

  const bodyFor = (r: RouteAccessEntry): Record<string, unknown> | undefined =>
    r.method === 'POST' && r.url === '/feeds'
      ? { id: 'f-new', url: 'https://news.test/new.xml' }
      : r.method === 'POST' && r.url === '/webhooks'
        ? { url: 'http://127.0.0.1:9/new' }
        : undefined;

  const call = async (r: RouteAccessEntry, auth?: string) => {
    const body = bodyFor(r);
    const res = await s.app.inject({
      method: r.method as 'GET',
      url: urlFor(r),
      headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return res;
  };

  const name = (r: RouteAccessEntry) => `${r.method} ${r.url}`;

  it('has every route declare what it needs, and only health, readiness and the sign-in open', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.access === undefined).map(name)).toEqual([]);
    expect(routes.filter((r) => r.access === 'public').map(name).sort()).toEqual(PUBLIC);
    // Spot checks of the scopes themselves.
    const accessOf = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.access;
    expect(accessOf('GET', '/articles')).toBe('read');
    expect(accessOf('GET', '/stream')).toBe('read');
    expect(accessOf('POST', '/feeds')).toBe('write');
    expect(accessOf('POST', '/webhooks')).toBe('write');
    expect(accessOf('GET', '/metrics')).toBe('metrics');
    expect(accessOf('GET', '/admin/queues/api/queues')).toBe('admin');
  });

  it('refuses every scoped route without a key, with a wrong key, a revoked key or a key lacking the scope', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (r.access === 'public' || r.access === 'console' || r.access === undefined) continue;
      const expectStatus = async (auth: string | undefined, want: number, what: string) => {
        const res = await call(r, auth);
        if (res.statusCode !== want) failures.push(`${name(r)} ${what}: ${res.statusCode}, wanted ${want}`);
        if (want === 401 && !res.headers['www-authenticate']) failures.push(`${name(r)} ${what}: no WWW-Authenticate`);
      };
      await expectStatus(undefined, 401, 'no key');
      await expectStatus('Bearer telex_not-a-key', 401, 'wrong key');
      await expectStatus(`Bearer ${keys.revoked}`, 401, 'revoked key');
      await expectStatus(`Bearer ${keys[WRONG[r.access]]}`, 403, `${WRONG[r.access]} key`);
      if (r.allowBasic) {
        await expectStatus(`Basic ${Buffer.from(`ops:${keys.read}`).toString('base64')}`, 403, 'read key (basic)');
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the right scope through on every scoped route', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      if (r.access === 'public' || r.access === 'console' || r.access === undefined || r.url === '/stream') continue;
      const res = await call(r, `Bearer ${keys[RIGHT[r.access]]}`);
      // The dashboard's own routes answer what they answer for made-up jobs; ours must succeed.
      const ok = r.url.startsWith('/admin/queues') ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode !== 429 : res.statusCode < 300;
      if (!ok) failures.push(`${name(r)}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    // API_TOKEN is an admin key: it reads, writes, scrapes and opens the dashboard.
    for (const url of ['/articles', '/metrics', '/webhooks', '/admin/queues/api/queues']) {
      expect((await s.app.inject({ url, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    }
    // The dashboard takes a key as a Basic password too (browsers).
    const basic = await s.app.inject({ url: '/admin/queues/api/queues', headers: { authorization: `Basic ${Buffer.from(`ops:${keys.admin}`).toString('base64')}` } });
    expect(basic.statusCode).toBe(200);
  });

  it('gives exact answers to the main routes', async () => {
    const get = (url: string, key?: string) => s.app.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    expect((await get('/articles', keys.read)).statusCode).toBe(200);
    expect((await get('/articles', keys.write)).statusCode).toBe(200);
    expect((await get('/articles', keys.metrics)).statusCode).toBe(403);
    expect((await get('/metrics', keys.metrics)).statusCode).toBe(200);
    expect((await get('/metrics', keys.admin)).statusCode).toBe(200);
    expect((await get('/metrics', keys.read)).statusCode).toBe(403);
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/readyz')).statusCode).toBe(200);
    expect((await get('/openapi.json')).statusCode).toBe(401);
  });

  it('keeps a read key from adding a feed or a webhook', async () => {
    const post = (url: string, payload: unknown, key: string) =>
      s.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    const feed = await post('/feeds', { id: 'f-by-reader', url: 'https://news.test/reader.xml' }, keys.read);
    expect(feed.statusCode).toBe(403);
    expect(feed.json()).toMatchObject({ error: 'forbidden' });
    expect(await s.store.getFeed('f-by-reader')).toBeNull();
    const before = (await s.store.access.listWebhooks()).length;
    const hook = await post('/webhooks', { url: 'http://127.0.0.1:9/reader' }, keys.read);
    expect(hook.statusCode).toBe(403);
    expect((await s.store.access.listWebhooks()).length).toBe(before);
    // A write key may.
    expect((await post('/feeds', { id: 'f-by-writer', url: 'https://news.test/writer.xml' }, keys.write)).statusCode).toBe(201);
    const created = await post('/webhooks', { url: 'http://127.0.0.1:9/writer', filter: { lang: 'en' }, events: ['created'] }, keys.write);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ events: ['created'], filter: { lang: 'en' }, status: 'active' });
    expect(typeof created.json().secret).toBe('string');
    // The secret is shown once: never listed again.
    const listed = await s.app.inject({ url: `/webhooks/${created.json().id}`, headers: { authorization: `Bearer ${keys.write}` } });
    expect(listed.json().secret).toBeUndefined();
  });

  it('holds the SSE stream to the read scope', async () => {
    const open = async (key?: string) => {
      const abort = new AbortController();
      const res = await fetch(`${s.base}/stream`, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: abort.signal });
      const status = res.status;
      const type = res.headers.get('content-type');
      abort.abort();
      await res.body?.cancel().catch(() => undefined);
      return { status, type };
    };
    expect((await open()).status).toBe(401);
    expect((await open(keys.revoked)).status).toBe(401);
    expect((await open(keys.metrics)).status).toBe(403);
    const ok = await open(keys.read);
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/event-stream/);
  });

  it('signs the console in with a key: pages need read, webhooks pages write; revoked keys are out', async () => {
    const page = (url: string, key?: string) =>
      s.app.inject({ url, headers: key ? { cookie: `telex_console_token=${encodeURIComponent(key)}` } : {} });
    for (const r of routes.filter((x) => x.access === 'console' && x.method === 'GET' && x.url !== '/console/stream')) {
      const url = urlFor(r);
      for (const key of [undefined, keys.revoked, 'telex_wrong', keys.metrics]) {
        const res = await page(url, key);
        expect(`${url} ${res.statusCode} ${res.headers.location ?? ''}`).toMatch(new RegExp(`^${url.replace(/[/?]/g, '\\$&')} 303 /console/login\\?next=`));
      }
      const asReader = await page(url, keys.read);
      expect(`${url} ${asReader.statusCode}`).toBe(`${url} ${url.includes('/webhooks') ? 403 : 200}`);
      expect(`${url} ${(await page(url, keys.write)).statusCode}`).toBe(`${url} 200`);
    }
    const form = (token: string) =>
      s.app.inject({ method: 'POST', url: '/console/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ token, next: '/console/feeds' }).toString() });
    expect((await form(keys.revoked)).statusCode).toBe(401);
    expect((await form(keys.metrics)).statusCode).toBe(401);
    const signedIn = await form(keys.read);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Strict/);
    // The live wire's stream comes through the console, for the signed-in key only.
    expect((await page('/console/stream')).statusCode).toBe(401);
    expect((await page('/console/stream', keys.revoked)).statusCode).toBe(401);
    // The console's CSP is unchanged.
    expect((await page('/console/', keys.read)).headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('failed attempts', () => {
  it('are logged and limited per client: past the limit even a good key waits', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const s = await startServer({ log, accessCacheMs: 0, authLimiter: createFailureLimiter({ max: 3, windowMs: 60_000 }) });
    try {
      const { token } = await createKey(s.store.access, 'cms', ['read']);
      const get = (key?: string) => s.app.inject({ url: '/articles', headers: key ? { authorization: `Bearer ${key}` } : {} });
      expect((await get(token)).statusCode).toBe(200);
      for (let i = 0; i < 3; i++) {
        expect((await get(`telex_guess${i}`)).statusCode).toBe(401);
      }
      const limited = await get(token);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await get()).statusCode).toBe(429);
      // The console's sign-in form is held by the same limit.
      const form = await s.app.inject({ method: 'POST', url: '/console/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `token=${token}` });
      expect(form.statusCode).toBe(429);
      const refused = lines.map((l) => JSON.parse(l) as { msg: string; reason?: string; ip?: string; status?: number }).filter((l) => l.msg.startsWith('access refused'));
      expect(refused.length).toBeGreaterThanOrEqual(5);
      expect(refused[0]).toMatchObject({ reason: 'unknown key', ip: '127.0.0.1', status: 401 });
      expect(refused.some((l) => l.status === 429)).toBe(true);
      // Health stays open whatever happens.
      expect((await s.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('without keys', () => {
  it('closes every route behind API_TOKEN alone, reads and metrics included; the token is an admin key', async () => {
    const s = await startServer({ apiToken: TOKEN, accessCacheMs: 0 });
    try {
      expect((await s.app.inject({ url: '/articles' })).statusCode).toBe(401);
      expect((await s.app.inject({ url: '/articles', headers: { authorization: 'Bearer wrong-token' } })).statusCode).toBe(401);
      expect((await s.app.inject({ url: '/metrics' })).statusCode).toBe(401);
      expect((await s.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await s.app.inject({ url: '/articles', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
      expect((await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
      const post = (auth?: string) =>
        s.app.inject({ method: 'POST', url: '/webhooks', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, payload: '{"url":"http://127.0.0.1:9/x"}' });
      expect((await post()).statusCode).toBe(401);
      expect((await post(`Bearer ${TOKEN}`)).statusCode).toBe(201);
      expect((await s.app.inject({ url: '/webhooks' })).statusCode).toBe(401);
      // Keys work beside it.
      const { token } = await createKey(s.store.access, 'first', ['read']);
      expect((await s.app.inject({ url: '/articles' })).statusCode).toBe(401);
      expect((await s.app.inject({ url: '/articles', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});
