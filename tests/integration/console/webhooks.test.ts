/** The console's webhooks pages: subscriptions with their status, a delivery log, resuming a paused one. */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKey } from '../../../src/api/access.js';
import { createWebhook } from '../../../src/api/webhook-routes.js';
import { type ConsoleServer, startConsoleServer } from './server.js';

let s: ConsoleServer;
const doc = (body: string): Document => new JSDOM(body).window.document;

beforeEach(async () => {
  s = await startConsoleServer(() => ({ accessCacheMs: 0 }));
});

afterEach(async () => {
  await s.close();
});

describe('console webhooks pages', () => {
  it('lists subscriptions with paused ones marked and why, shows the delivery log, and resumes', async () => {
    const ok = await createWebhook(s.store.access, { url: 'http://127.0.0.1:9/cms', filter: { lang: 'en', category: 'World' }, events: ['created'] });
    const gone = await createWebhook(s.store.access, { url: 'http://127.0.0.1:9/<gone>', format: 'ninjs' });
    const at = '2026-04-01T10:00:00.000Z';
    await s.store.access.recordDelivery(
      { webhookId: gone.id, deliveryId: 'd-500', event: 'article.created', articleId: 'a1', attempt: 1, at, status: 500, ok: false, durationMs: 31, error: 'http_status: POST -> 500' },
      { final: false, pauseAfter: 5, keep: 10 },
    );
    await s.store.access.recordDelivery(
      { webhookId: gone.id, deliveryId: 'd-500', event: 'article.created', articleId: 'a1', attempt: 2, at, status: 410, ok: false, durationMs: 12, error: 'http_status: POST -> 410' },
      { final: true, pauseAfter: 5, keep: 10, pauseReason: 'the receiver answered 410 Gone' },
    );

    const list = await s.fetch('/console/webhooks');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const d = doc(await list.text());
    expect(d.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Webhooks');
    const row = (id: string) => d.querySelector(`tr[data-webhook="${id}"]`);
    expect(row(ok.id)?.getAttribute('data-status')).toBe('active');
    expect(row(ok.id)?.textContent).toContain('lang=en, category=World');
    expect(row(gone.id)?.getAttribute('data-status')).toBe('paused');
    expect(row(gone.id)?.textContent).toContain('the receiver answered 410 Gone');
    // Data is text, never markup; the secret is never shown.
    expect(row(gone.id)?.querySelector('a')?.textContent).toBe('http://127.0.0.1:9/<gone>');
    expect(d.body.innerHTML).not.toContain(gone.secret);

    const detail = doc(await (await s.fetch(`/console/webhooks/${gone.id}`)).text());
    const log = [...detail.querySelectorAll('tr.delivery')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(log.map((cells) => [cells[1], cells[2], cells[3], cells[6], cells[7]])).toEqual([
      ['Failed', '410', '12 ms', '2', 'd-500'],
      ['Failed', '500', '31 ms', '1', 'd-500'],
    ]);
    const form = detail.querySelector('form[action$="/resume"]');
    expect(form?.getAttribute('method')).toBe('post');

    const resumed = await s.fetch(`/console/webhooks/${gone.id}/resume`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    await resumed.text();
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toBe(`/console/webhooks/${gone.id}`);
    expect(await s.store.access.getWebhook(gone.id)).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    const missing = await s.fetch('/console/webhooks/no-such');
    await missing.text();
    expect(missing.status).toBe(404);
  });

  it('needs a write key once keys exist', async () => {
    const reader = await createKey(s.store.access, 'reader', ['read']);
    const writer = await createKey(s.store.access, 'writer', ['write']);
    const cookie = (t: string) => ({ headers: { cookie: `telex_console_token=${encodeURIComponent(t)}` } });
    // Bodies are read, so no connection stays open past the test.
    const get = async (path: string, init: RequestInit = {}) => {
      const res = await s.fetch(path, init);
      await res.text();
      return res;
    };
    expect((await get('/console/webhooks')).headers.get('location')).toMatch(/^\/console\/login\?next=%2Fconsole%2Fwebhooks/);
    expect((await get('/console/webhooks', cookie(reader.token))).status).toBe(403);
    expect((await get('/console/webhooks', cookie(writer.token))).status).toBe(200);
    expect((await get('/console/', cookie(reader.token))).status).toBe(200);
  });
});
