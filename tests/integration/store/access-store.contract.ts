/**
 * The AccessStore contract (API keys, webhook subscriptions, delivery log).
 * Every backend runs it, for real: tests/integration/store/sqlite.test.ts and postgres.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import type { DeliveryAttempt, NewWebhook } from '../../../src/store/access-types.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';

export type AccessStoreFactory = () => Promise<{ store: FullArticleStore; cleanup: () => Promise<void> }>;

const T0 = Date.parse('2026-04-01T00:00:00.000Z');
const at = (s: number): string => new Date(T0 + s * 1000).toISOString();

const hook = (id: string, extra: Partial<NewWebhook> = {}): NewWebhook => ({
  id,
  url: `http://127.0.0.1:9/${id}`,
  events: ['created', 'updated'],
  filter: { lang: 'en', topic: 'medtop:11000000' },
  format: 'json',
  secret: `secret-${id}`,
  createdAt: at(0),
  ...extra,
});

const attempt = (webhookId: string, n: number, ok: boolean, extra: Partial<DeliveryAttempt> = {}): DeliveryAttempt => ({
  webhookId,
  deliveryId: `d${n}`,
  event: 'article.created',
  articleId: `a${n}`,
  attempt: 1,
  at: at(n),
  status: ok ? 200 : 500,
  ok,
  durationMs: 12,
  error: ok ? null : 'GET -> 500',
  ...extra,
});

export function runAccessStoreContract(name: string, factory: AccessStoreFactory): void {
  describe(`AccessStore contract (${name})`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    const open = async (): Promise<FullArticleStore> => {
      const { store, cleanup } = await factory();
      cleanups.push(cleanup);
      return store;
    };
    afterEach(async () => {
      for (const c of cleanups.splice(0)) {
        await c();
      }
    });

    it('stores keys by hash, finds them, lists them and revokes them by id or name', async () => {
      const { access } = await open();
      expect(await access.countApiKeys()).toBe(0);
      const k = await access.createApiKey({ id: 'k1', name: 'cms', scopes: ['read', 'metrics'], hint: 'tlx_ab', hash: 'h1', createdAt: at(1) });
      expect(k).toEqual({ id: 'k1', name: 'cms', scopes: ['read', 'metrics'], hint: 'tlx_ab', createdAt: at(1), revokedAt: null, lastUsedAt: null });
      await access.createApiKey({ id: 'k2', name: 'ops', scopes: ['admin'], hint: 'tlx_cd', hash: 'h2', createdAt: at(2) });
      expect(await access.countApiKeys()).toBe(2);
      expect((await access.findApiKeyByHash('h2'))?.name).toBe('ops');
      expect(await access.findApiKeyByHash('nope')).toBeNull();
      expect((await access.listApiKeys()).map((x) => x.id)).toEqual(['k1', 'k2']);
      await access.touchApiKey('k1', at(5));
      expect((await access.findApiKeyByHash('h1'))?.lastUsedAt).toBe(at(5));

      expect((await access.revokeApiKey('cms', at(6)))?.revokedAt).toBe(at(6));
      // Revoking again keeps the first time; by id works too.
      expect((await access.revokeApiKey('k1', at(9)))?.revokedAt).toBe(at(6));
      expect(await access.revokeApiKey('missing', at(9))).toBeNull();
      expect((await access.findApiKeyByHash('h1'))?.revokedAt).toBe(at(6));
      // A revoked key still counts: access control stays on.
      expect(await access.countApiKeys()).toBe(2);
    });

    it('refuses a second key with the same name', async () => {
      const { access } = await open();
      await access.createApiKey({ id: 'k1', name: 'cms', scopes: ['read'], hint: 'x', hash: 'h1', createdAt: at(1) });
      const err = await access.createApiKey({ id: 'k2', name: 'cms', scopes: ['read'], hint: 'y', hash: 'h2', createdAt: at(2) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PipelineError);
      expect((err as PipelineError).code).toBe('bad_payload');
      expect((err as PipelineError).message).toBe('a key named "cms" exists already');
    });

    it('stores, lists and removes webhook subscriptions with their filters', async () => {
      const { access } = await open();
      const created = await access.createWebhook(hook('w1', { format: 'ninjs', events: ['created'], filter: { category: 'World', q: 'refugees' } }));
      expect(created).toMatchObject({
        id: 'w1',
        events: ['created'],
        filter: { category: 'World', q: 'refugees' },
        format: 'ninjs',
        secret: 'secret-w1',
        status: 'active',
        pausedReason: null,
        consecutiveFailures: 0,
        lastDeliveryAt: null,
      });
      await access.createWebhook(hook('w2', { createdAt: at(1) }));
      expect((await access.listWebhooks()).map((w) => w.id)).toEqual(['w1', 'w2']);
      expect((await access.getWebhook('w2'))?.filter).toEqual({ lang: 'en', topic: 'medtop:11000000' });
      await access.recordDelivery(attempt('w2', 1, true), { final: true, pauseAfter: 3, keep: 10 });
      expect(await access.removeWebhook('w2')).toBe(true);
      expect(await access.removeWebhook('w2')).toBe(false);
      expect(await access.getWebhook('w2')).toBeNull();
      expect(await access.listDeliveries('w2')).toEqual([]);
    });

    it('counts final failures in a row, pauses at the bound, resets on success and on resume', async () => {
      const { access } = await open();
      await access.createWebhook(hook('w'));
      const opts = { pauseAfter: 3, keep: 50 };
      // A failed attempt that will be retried does not count.
      let w = await access.recordDelivery(attempt('w', 1, false), { ...opts, final: false });
      expect(w?.consecutiveFailures).toBe(0);
      w = await access.recordDelivery(attempt('w', 2, false), { ...opts, final: true });
      w = await access.recordDelivery(attempt('w', 3, false), { ...opts, final: true });
      expect(w).toMatchObject({ consecutiveFailures: 2, status: 'active' });
      w = await access.recordDelivery(attempt('w', 4, true), { ...opts, final: true });
      expect(w).toMatchObject({ consecutiveFailures: 0, status: 'active', lastSuccessAt: at(4) });
      for (const n of [5, 6, 7]) {
        w = await access.recordDelivery(attempt('w', n, false), { ...opts, final: true });
      }
      expect(w).toMatchObject({ consecutiveFailures: 3, status: 'paused', pausedReason: '3 deliveries in a row failed' });
      w = await access.setWebhookStatus('w', 'active', null, at(8));
      expect(w).toMatchObject({ consecutiveFailures: 0, status: 'active', pausedReason: null, updatedAt: at(8) });
      expect(await access.setWebhookStatus('missing', 'active', null, at(8))).toBeNull();
    });

    it('pauses at once with the given reason (410 Gone)', async () => {
      const { access } = await open();
      await access.createWebhook(hook('w'));
      const w = await access.recordDelivery(attempt('w', 1, false, { status: 410 }), {
        final: true,
        pauseAfter: 10,
        keep: 50,
        pauseReason: 'the receiver answered 410 Gone',
      });
      expect(w).toMatchObject({ status: 'paused', pausedReason: 'the receiver answered 410 Gone', consecutiveFailures: 1 });
      expect(await access.recordDelivery(attempt('gone', 1, true), { final: true, pauseAfter: 3, keep: 5 })).toBeNull();
    });

    it('keeps the newest attempts of each subscription, newest first', async () => {
      const { access } = await open();
      await access.createWebhook(hook('a'));
      await access.createWebhook(hook('b'));
      for (let n = 1; n <= 7; n++) {
        await access.recordDelivery(attempt('a', n, n % 2 === 0, { durationMs: n * 10.4 }), { final: true, pauseAfter: 100, keep: 5 });
      }
      await access.recordDelivery(attempt('b', 1, true), { final: true, pauseAfter: 100, keep: 5 });
      const log = await access.listDeliveries('a');
      expect(log.map((d) => d.deliveryId)).toEqual(['d7', 'd6', 'd5', 'd4', 'd3']);
      expect(log[1]).toEqual({
        webhookId: 'a',
        deliveryId: 'd6',
        event: 'article.created',
        articleId: 'a6',
        attempt: 1,
        at: at(6),
        status: 200,
        ok: true,
        durationMs: 62,
        error: null,
      });
      expect(log[0]?.ok).toBe(false);
      expect((await access.listDeliveries('a', 2)).length).toBe(2);
      expect((await access.listDeliveries('b')).length).toBe(1);
      expect(await access.wasDelivered('a', 'd6')).toBe(true);
      expect(await access.wasDelivered('a', 'd7')).toBe(false);
      expect(await access.wasDelivered('b', 'd6')).toBe(false);
    });
  });
}
