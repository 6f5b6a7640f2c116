import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { Queue } from 'bullmq';
import { Counter, register } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../../src/api/server.js';
import { publishArticleEvent } from '../../../src/store/article-events.js';
import type { ArticleRecord } from '../../../src/store/types.js';
import { ninjsSchema } from '../../helpers/corpora.js';
import { REDIS_URL, type Running, SseClient, TOKEN, makeArticle, startServer } from './helpers.js';

const NINJS_SCHEMA = ninjsSchema();
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats ships CommonJS: its default export is the plugin.
(((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void)(ajv);
// ninjs places may carry GeoJSON (an external schema); Telex never emits it.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
const validateNinjs = ajv.compile(NINJS_SCHEMA);
const expectNinjs = (doc: unknown): void => {
  validateNinjs(doc);
  expect(validateNinjs.errors ?? []).toEqual([]);
};

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (h: number): string => new Date(T0 + h * HOUR).toISOString();

const entity = (name: string) => ({ name, mentions: 1, salience: 0.5, offset: 0 });
const topic = (code: string, label: string) => ({ code, label, score: 0.8, scheme: 'medtop' as const });

/** Ten articles over two feeds, two languages, some topics and entities; hour 9 is newest. */
function seedArticles(): ArticleRecord[] {
  return Array.from({ length: 10 }, (_, i) =>
    makeArticle({
      slug: `a${i}`,
      title: i === 3 ? 'Refugees reach Seoul embassy' : `Story number ${i}`,
      text: i === 3 ? 'North Korean refugees entered the Canadian embassy in Beijing.\n\nMore text.' : `Body ${i}.`,
      feed: { id: i % 2 === 0 ? 'voa' : 'ap', title: null, url: null },
      language: i < 7 ? 'en' : 'fr',
      publishedAt: at(i),
      topics: i % 3 === 0 ? [topic('medtop:20000646', 'refugees and asylum')] : [topic('medtop:04000000', 'economy')],
      entities: {
        people: i === 3 ? [entity('Liu Jianchao')] : [],
        places: i === 3 || i === 6 ? [entity('Beijing')] : [],
        organisations: [],
      },
    }),
  );
}


/** The servers below run with API_TOKEN, which every route needs: requests carry it unless a test sends its own. */
const AUTH: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
const fetch = (url: string | URL, init: RequestInit = {}): Promise<Response> =>
  globalThis.fetch(url, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string> | undefined) } });

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

const slugsOf = (items: ArticleRecord[]): string[] => items.map((a) => a.url.replace('https://news.test/', ''));

describe(createApiServer.name, () => {
  let s: Running;
  let queue: Queue;

  beforeAll(async () => {
    queue = new Queue('api-test', { connection: { url: REDIS_URL }, prefix: `test-${randomUUID()}` });
    await queue.add('job', { n: 1 });
    s = await startServer({ apiToken: TOKEN, queues: [queue], readiness: async () => ({ workers: true }) });
    for (const a of seedArticles()) {
      await s.store.upsertArticle(a);
    }
  });

  afterAll(async () => {
    await s.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  describe('GET /articles', () => {
    it('lists every article newest first when no filter is given', async () => {
      const { status, body } = await getJson(`${s.base}/articles`);
      expect(status).toBe(200);
      expect(slugsOf(body.items)).toEqual(['a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
      expect(body.nextCursor).toBeNull();
    });

    it('applies feed, topic, lang, since, until, q and entity when given', async () => {
      const q = async (qs: string) => slugsOf((await getJson(`${s.base}/articles?${qs}`)).body.items);
      expect(await q('feed=voa')).toEqual(['a8', 'a6', 'a4', 'a2', 'a0']);
      expect(await q('topic=medtop:20000646')).toEqual(['a9', 'a6', 'a3', 'a0']);
      expect(await q('lang=fr')).toEqual(['a9', 'a8', 'a7']);
      expect(await q(`since=${encodeURIComponent(at(5))}&until=${encodeURIComponent(at(8))}`)).toEqual(['a7', 'a6', 'a5']);
      expect(await q('q=canadian%20embassy')).toEqual(['a3']);
      expect(await q('entity=liu%20jianchao')).toEqual(['a3']);
      expect(await q('entity=Beijing&feed=voa')).toEqual(['a6']);
      expect(await q(`feed=voa&topic=medtop:20000646&since=${encodeURIComponent(at(1))}`)).toEqual(['a6']);
    });

    it('walks every article once when following nextCursor', async () => {
      const seen: string[] = [];
      let url: string | null = `${s.base}/articles?limit=3`;
      while (url) {
        const { status, body } = await getJson(url);
        expect(status).toBe(200);
        expect(body.items.length).toBeLessThanOrEqual(3);
        seen.push(...slugsOf(body.items));
        url = body.nextCursor ? `${s.base}/articles?limit=3&cursor=${encodeURIComponent(body.nextCursor)}` : null;
      }
      expect(seen).toEqual(['a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
    });

    it.each([
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['since=yesterday', 'since'],
      ['until=2026-13-45', 'until'],
      ['lang=english!', 'lang'],
      ['format=xml', 'format'],
      ['colour=red', 'colour'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['view=tiny', 'view'],
      ['fields=title,colour', 'colour'],
      ['fields=,', 'fields'],
      ['view=summary&format=ninjs', 'view'],
    ])('answers 400 naming the parameter when %s', async (qs, name) => {
      const { status, body, headers } = await getJson(`${s.base}/articles?${qs}`);
      expect(status).toBe(400);
      expect(headers.get('content-type')).toMatch(/^application\/json/);
      expect(body.error).toBe('bad_request');
      expect(body.message).toContain(name);
    });
  });

  describe('GET /articles views, fields and compression', () => {
    it('returns whole records, as GET /articles/:id does, when no view is given', async () => {
      const { body, headers } = await getJson(`${s.base}/articles?limit=3`);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      for (const item of body.items) {
        expect(item).toEqual((await getJson(`${s.base}/articles/${item.id}`)).body);
      }
      expect(Object.keys(body.items[0])).toEqual(expect.arrayContaining(['text', 'html', 'entities', 'contentHash']));
    });

    it('returns only the summary fields, in the same order and pages, when view=summary', async () => {
      const full = (await getJson(`${s.base}/articles?limit=4&topic=medtop:20000646`)).body;
      const summary = (await getJson(`${s.base}/articles?limit=4&topic=medtop:20000646&view=summary`)).body;
      expect(summary.nextCursor).toBe(full.nextCursor);
      expect(summary.items).toEqual(
        full.items.map((a: ArticleRecord) => ({
          id: a.id,
          url: a.url,
          title: a.title,
          feed: a.feed,
          publishedAt: a.publishedAt,
          language: a.language,
          topics: a.topics,
          clusterId: a.clusterId,
          excerpt: a.excerpt,
        })),
      );
    });

    it('returns exactly the fields asked for when fields= is given', async () => {
      const full = (await getJson(`${s.base}/articles?limit=5`)).body;
      const light = (await getJson(`${s.base}/articles?limit=5&fields=id,title`)).body;
      expect(light.items).toEqual(full.items.map((a: ArticleRecord) => ({ id: a.id, title: a.title })));
      const mixed = (await getJson(`${s.base}/articles?limit=5&fields=wordCount,id,entities&view=summary`)).body;
      expect(mixed.items).toEqual(full.items.map((a: ArticleRecord) => ({ wordCount: a.wordCount, id: a.id, entities: a.entities })));
      expect(mixed.nextCursor).toBe(full.nextCursor);
    });

    it('compresses a page with brotli or gzip when the client accepts it, and not otherwise', async () => {
      const plain = await fetch(`${s.base}/articles`, { headers: { 'accept-encoding': 'identity' } });
      const plainText = await plain.text();
      expect(plain.headers.get('content-encoding')).toBeNull();
      for (const encoding of ['br', 'gzip']) {
        const res = await fetch(`${s.base}/articles`, { headers: { 'accept-encoding': encoding } });
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
        // fetch decodes the body: the same page.
        expect(await res.text()).toBe(plainText);
      }
    });

    it('answers a client that takes both with gzip assembled from cached records: the same page, first time and again', async () => {
      const plain = await (await fetch(`${s.base}/articles?limit=5`, { headers: { 'accept-encoding': 'identity' } })).text();
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${s.base}/articles?limit=5`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
        expect(res.headers.get('content-encoding')).toBe('gzip');
        expect(res.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
        expect(await res.text()).toBe(plain);
      }
      const summary = await (await fetch(`${s.base}/articles?view=summary`, { headers: { 'accept-encoding': 'identity' } })).text();
      const res = await fetch(`${s.base}/articles?view=summary`, { headers: { 'accept-encoding': 'gzip' } });
      expect(await res.text()).toBe(summary);
    });
  });

  describe('GET /articles/:id', () => {
    it('returns the stored record when the id exists', async () => {
      const a3 = seedArticles()[3] as ArticleRecord;
      const { status, body } = await getJson(`${s.base}/articles/${a3.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: a3.id, title: a3.title, feed: { id: 'ap' }, version: 1 });
      expect(body.entities.people[0].name).toBe('Liu Jianchao');
    });

    it('answers 404 JSON when the article is missing', async () => {
      const { status, body } = await getJson(`${s.base}/articles/0123456789abcdef0123456789abcdef`);
      expect(status).toBe(404);
      expect(body).toEqual({ error: 'not_found', message: expect.stringContaining('0123456789abcdef') });
    });

    it('answers 400 when the id has characters no id has', async () => {
      const { status, body } = await getJson(`${s.base}/articles/${encodeURIComponent('a b;c')}`);
      expect(status).toBe(400);
      expect(body.error).toBe('bad_request');
    });
  });

  describe('ninjs', () => {
    const a3 = seedArticles()[3] as ArticleRecord;

    it('renders valid ninjs 3.1 when ?format=ninjs is given', async () => {
      const res = await fetch(`${s.base}/articles/${a3.id}?format=ninjs`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/ninjs\+json/);
      const doc = await res.json();
      expectNinjs(doc);
      expect(doc.headlines[0].value).toBe(a3.title);
    });

    it('renders ninjs when the Accept header asks for it', async () => {
      const res = await fetch(`${s.base}/articles/${a3.id}`, { headers: { accept: 'application/ninjs+json' } });
      expect(res.headers.get('content-type')).toMatch(/^application\/ninjs\+json/);
      expect(res.headers.get('vary')).toMatch(/accept/i);
      expectNinjs(await res.json());
      const plain = await getJson(`${s.base}/articles/${a3.id}`, { headers: { accept: 'application/json' } });
      expect(plain.body.id).toBe(a3.id);
      expect(plain.body.headlines).toBeUndefined();
    });

    it('renders every listed item as valid ninjs when the list asks for ninjs', async () => {
      const { status, body } = await getJson(`${s.base}/articles?format=ninjs&feed=ap&limit=3`);
      expect(status).toBe(200);
      expect(body.items).toHaveLength(3);
      for (const doc of body.items) {
        expectNinjs(doc);
      }
      expect(body.nextCursor).toEqual(expect.any(String));
    });
  });

  describe('feeds', () => {
    const feed = { id: 'api-test-feed', url: 'https://news.test/rss.xml', title: 'Test feed', interval: '10m' };

    it('answers 401 JSON when the token is missing or wrong', async () => {
      const none = await getJson(`${s.base}/feeds`, { method: 'POST', headers: { authorization: '', 'content-type': 'application/json' }, body: JSON.stringify(feed) });
      expect(none.status).toBe(401);
      expect(none.body.error).toBe('unauthorized');
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const wrong = await getJson(`${s.base}/feeds/voa`, { method: 'DELETE', headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      expect(await s.store.getFeed(feed.id)).toBeNull();
    });

    it('adds, lists with health and removes a feed when the token is given', async () => {
      const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const created = await getJson(`${s.base}/feeds`, { method: 'POST', headers: auth, body: JSON.stringify(feed) });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: feed.id, url: feed.url, title: 'Test feed', intervalMs: 600_000, health: 'pending' });

      const again = await getJson(`${s.base}/feeds`, { method: 'POST', headers: auth, body: JSON.stringify({ ...feed, title: 'Renamed' }) });
      expect(again.status).toBe(200);
      expect(again.body.title).toBe('Renamed');

      await s.store.recordPoll(feed.id, { ok: false, at: at(1), error: { code: 'http_status', message: 'GET -> 500' } });
      const list = await getJson(`${s.base}/feeds`);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: feed.id, health: 'failing', consecutiveFailures: 1 })]);

      const removed = await fetch(`${s.base}/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(removed.status).toBe(204);
      const gone = await getJson(`${s.base}/feeds/${feed.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(gone.status).toBe(404);
      expect(gone.body.error).toBe('not_found');
    });

    it('answers 400 with the reason when the feed is invalid', async () => {
      const res = await getJson(`${s.base}/feeds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'Bad id!', url: 'not a url' }),
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/id/);
      expect(res.body.message).toMatch(/url/);
    });

    it('answers 400 when the feed url is not http(s)', async () => {
      const res = await getJson(`${s.base}/feeds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'local-file', url: 'file:///etc/passwd' }),
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/url: feed url must be http or https/);
      expect(await s.store.getFeed('local-file')).toBeNull();
    });

    it('answers 400 JSON when the body is not JSON', async () => {
      const res = await getJson(`${s.base}/feeds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: '{"id":',
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('bad_request');
    });
  });

  describe('operations', () => {
    it('answers alive and ready when store, Redis and workers are up', async () => {
      expect((await getJson(`${s.base}/healthz`)).body.status).toBe('ok');
      const ready = await getJson(`${s.base}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toEqual({ store: true, redis: true, workers: true });
    });

    it('serves queue depths, feeds by health and store size when /metrics is scraped', async () => {
      // Stage metrics live in prom-client's default registry: they are served too.
      const name = `telex_api_test_${randomUUID().replace(/-/g, '')}_total`;
      const counter = new Counter({ name, help: 'test counter', labelNames: ['stage'] as const });
      counter.inc({ stage: 'extract' }, 3);
      const res = await fetch(`${s.base}/metrics`);
      register.removeSingleMetric(name);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toContain(`${name}{stage="extract"} 3`);
      expect(text).toMatch(/^telex_store_articles 10$/m);
      expect(Number(text.match(/^telex_store_size_bytes (\d+)$/m)?.[1])).toBeGreaterThan(0);
      expect(text).toMatch(/^telex_queue_jobs\{queue="api-test",state="waiting"\} 1$/m);
      expect(text).toMatch(/^telex_feeds\{health="ok"\} 0$/m);
      expect(text).toMatch(/^telex_api_stream_clients 0$/m);
    });

    it('guards the queue dashboard with the token (bearer or basic)', async () => {
      const none = await globalThis.fetch(`${s.base}/admin/queues`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
      const bearer = await fetch(`${s.base}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(bearer.status).toBe(200);
      expect(await bearer.text()).toMatch(/<html/i);
      const basic = Buffer.from(`admin:${TOKEN}`).toString('base64');
      const api = await getJson(`${s.base}/admin/queues/api/queues`, { headers: { authorization: `Basic ${basic}` } });
      expect(api.status).toBe(200);
      expect(JSON.stringify(api.body)).toContain('api-test');
      const apiNoToken = await globalThis.fetch(`${s.base}/admin/queues/api/queues`);
      expect(apiNoToken.status).toBe(401);
    });

    it("serves the queue dashboard's scripts and styles behind the same token", async () => {
      const page = await (await fetch(`${s.base}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const assets = [...page.matchAll(/(?:src|href)="(static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
      expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
      expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
      for (const asset of assets) {
        const res = await fetch(`${s.base}/admin/queues/${asset}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(res.status, asset).toBe(200);
        expect(res.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
        expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
      }
      const noToken = await globalThis.fetch(`${s.base}/admin/queues/${assets[0]}`);
      expect(noToken.status).toBe(401);
    });

    it('describes every route when /openapi.json is fetched', async () => {
      const { status, body } = await getJson(`${s.base}/openapi.json`);
      expect(status).toBe(200);
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths).sort()).toEqual(
        [
          '/admin/queues',
          '/articles',
          '/articles/{id}',
          '/articles/{id}/versions',
          '/articles/{id}/versions/{n}',
          '/feeds',
          '/feeds/{id}',
          '/healthz',
          '/metrics',
          '/openapi.json',
          '/pipeline/stats',
          '/readyz',
          '/stream',
          '/webhooks',
          '/webhooks/{id}',
          '/webhooks/{id}/resume',
          '/webhooks/{id}/deliveries',
        ].sort(),
      );
      const names = body.paths['/articles'].get.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(expect.arrayContaining(['since', 'until', 'feed', 'topic', 'lang', 'q', 'entity', 'limit', 'cursor', 'format']));
    });

    it('answers 404 JSON when the route does not exist', async () => {
      const { status, body } = await getJson(`${s.base}/nope`);
      expect(status).toBe(404);
      expect(body.error).toBe('not_found');
    });
  });

  describe('GET /stream', () => {
    const publish = async (a: ArticleRecord): Promise<string> => {
      const { outcome, record } = await s.store.upsertArticle(a);
      return publishArticleEvent(s.redis, s.streamKey, record, outcome);
    };

    it('delivers an article stored after the client connected', async () => {
      const client = await SseClient.open(`${s.base}/stream`, AUTH);
      expect(client.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await client.connected();
      const a = makeArticle({ slug: 'live-1', publishedAt: at(20) });
      const streamId = await publish(a);
      const msg = await client.nextEvent();
      client.close();
      expect(msg?.id).toBe(streamId);
      expect(msg?.event).toBe('article');
      const data = JSON.parse(msg?.data ?? '{}');
      expect(data).toMatchObject({ outcome: 'created', version: 1, article: { id: a.id, title: a.title } });
    });

    it('delivers only matching articles when filters are given', async () => {
      const client = await SseClient.open(`${s.base}/stream?feed=voa&topic=medtop:20000646`, AUTH);
      await client.connected();
      await publish(makeArticle({ slug: 'live-other-feed', feed: { id: 'ap', title: null, url: null }, topics: [topic('medtop:20000646', 'r')] }));
      await publish(makeArticle({ slug: 'live-other-topic', feed: { id: 'voa', title: null, url: null } }));
      const match = makeArticle({ slug: 'live-match', feed: { id: 'voa', title: null, url: null }, topics: [topic('medtop:20000646', 'r')] });
      await publish(match);
      const msg = await client.nextEvent();
      client.close();
      expect(JSON.parse(msg?.data ?? '{}').article.id).toBe(match.id);
    });

    it('loses nothing when resuming with Last-Event-ID after a disconnect', async () => {
      const first = await SseClient.open(`${s.base}/stream`, AUTH);
      await first.connected();
      const a = makeArticle({ slug: 'resume-a' });
      await publish(a);
      const got = await first.nextEvent();
      first.close();
      expect(got?.id).toBeDefined();

      const missed = [makeArticle({ slug: 'resume-b' }), makeArticle({ slug: 'resume-c' }), makeArticle({ slug: 'resume-d' })];
      const missedIds: string[] = [];
      for (const m of missed) {
        missedIds.push(await publish(m));
      }
      // An update is an event too.
      const updated = await publish({ ...a, text: `${a.text}\n\nCorrection.`, contentHash: 'changed' });

      const second = await SseClient.open(`${s.base}/stream`, { ...AUTH, 'last-event-id': got?.id ?? '' });
      await second.connected();
      const received = [];
      for (let i = 0; i < 4; i++) {
        const m = await second.nextEvent();
        received.push({ id: m?.id, data: JSON.parse(m?.data ?? '{}') });
      }
      second.close();
      expect(received.map((r) => r.id)).toEqual([...missedIds, updated]);
      expect(received.map((r) => r.data.article.id)).toEqual([...missed.map((m) => m.id), a.id]);
      expect(received[3]?.data).toMatchObject({ outcome: 'updated', version: 2 });
    });

    it('delivers ninjs when the stream asks for it', async () => {
      const client = await SseClient.open(`${s.base}/stream?format=ninjs`, AUTH);
      await client.connected();
      const a = makeArticle({ slug: 'live-ninjs', title: 'Wire copy in ninjs' });
      await publish(a);
      const msg = await client.nextEvent();
      client.close();
      const data = JSON.parse(msg?.data ?? '{}');
      expectNinjs(data.article);
      expect(data.article.headlines[0].value).toBe('Wire copy in ninjs');
    });

    it('sends a gap event before the rest when events after Last-Event-ID were trimmed', async () => {
      const ids: string[] = [];
      for (const slug of ['trim-a', 'trim-b', 'trim-c', 'trim-d']) {
        ids.push(await publish(makeArticle({ slug })));
      }
      await s.redis.xtrim(s.streamKey, 'MAXLEN', 2);
      const client = await SseClient.open(`${s.base}/stream`, { ...AUTH, 'last-event-id': ids[0] ?? '' });
      await client.connected();
      const gap = await client.nextEvent();
      const rest = [await client.nextEvent(), await client.nextEvent()];
      client.close();
      expect(gap?.event).toBe('gap');
      expect(JSON.parse(gap?.data ?? '{}')).toMatchObject({ after: ids[0], reason: 'trimmed' });
      expect(rest.map((m) => m?.id)).toEqual(ids.slice(2));
    });

    it('answers 400 when Last-Event-ID is not a stream id', async () => {
      const res = await getJson(`${s.base}/stream`, { headers: { 'last-event-id': 'banana' } });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('Last-Event-ID');
    });

    it('releases the stream when the client goes away', async () => {
      const client = await SseClient.open(`${s.base}/stream`, AUTH);
      await client.connected();
      const metric = async () => (await (await fetch(`${s.base}/metrics`)).text()).match(/^telex_api_stream_clients (\d+)$/m)?.[1];
      expect(await metric()).toBe('1');
      client.close();
      await expect.poll(metric, { timeout: 10_000, interval: 50 }).toBe('0');
    });

    it('sends heartbeat comments when nothing happens', async () => {
      const client = await SseClient.open(`${s.base}/stream`, AUTH);
      await client.connected();
      const m = await client.next();
      client.close();
      expect(m?.comment).toBe('heartbeat');
    });
  });
});

describe('pagination', () => {
  it('neither skips nor repeats when newer articles arrive while paging', async () => {
    const s = await startServer();
    try {
      for (const a of seedArticles()) {
        await s.store.upsertArticle(a);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let n = 0;
      do {
        const qs: string = `limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const { status, body } = await getJson(`${s.base}/articles?${qs}`);
        expect(status).toBe(200);
        seen.push(...slugsOf(body.items));
        // Newer articles arrive between pages: they sort before the cursor and must not shift the pages.
        await s.store.upsertArticle(makeArticle({ slug: `late-${n++}`, publishedAt: at(20 + n) }));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['a9', 'a8', 'a7', 'a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a0']);
    } finally {
      await s.close();
    }
  });
});

describe('stream limits', () => {
  it('answers 503 when the most streams allowed are open', async () => {
    const s = await startServer({ maxStreams: 1 });
    try {
      const first = await SseClient.open(`${s.base}/stream`, AUTH);
      await first.connected();
      const second = await getJson(`${s.base}/stream`);
      first.close();
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('30');
      expect(second.body.error).toBe('unavailable');
    } finally {
      await s.close();
    }
  });
});

describe('shutdown', () => {
  it('ends open streams when the server closes', async () => {
    const s = await startServer();
    const client = await SseClient.open(`${s.base}/stream`, AUTH);
    await client.connected();
    await s.close();
    let m = await client.next();
    while (m && m.comment === 'heartbeat') {
      m = await client.next();
    }
    expect(m).toBeNull();
  });
});

describe('readiness', () => {
  it('answers 503 naming the store when the store is closed', async () => {
    const s = await startServer();
    try {
      await s.store.close();
      const res = await getJson(`${s.base}/readyz`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ error: 'not_ready', failing: ['store'], checks: { store: false, redis: true } });
      const list = await getJson(`${s.base}/articles`);
      expect(list.status).toBe(503);
      expect(list.body.error).toBe('unavailable');
    } finally {
      await s.close();
    }
  });

  it('answers 503 naming the part when an extra check fails', async () => {
    const s = await startServer({ readiness: async () => ({ workers: false, scheduler: true }) });
    try {
      const res = await getJson(`${s.base}/readyz`);
      expect(res.status).toBe(503);
      expect(res.body.failing).toEqual(['workers']);
    } finally {
      await s.close();
    }
  });

  it('lets POST /feeds through without a token when none is configured', async () => {
    const s = await startServer();
    try {
      const res = await getJson(`${s.base}/feeds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'open', url: 'https://news.test/open.xml' }),
      });
      expect(res.status).toBe(201);
    } finally {
      await s.close();
    }
  });
});
