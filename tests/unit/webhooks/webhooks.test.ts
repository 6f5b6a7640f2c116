import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { afterFinalFailure } from '../../../src/store/access-types.js';
import type { Webhook } from '../../../src/store/access-types.js';
import { classifyStatus } from '../../../src/webhooks/deliver.js';
import { candidatesFor, deliveryIdFor, filterOf } from '../../../src/webhooks/match.js';
import { signWebhook, verifyWebhookSignature } from '../../../src/webhooks/signature.js';

describe(signWebhook.name, () => {
  it('is HMAC-SHA256 over timestamp, a dot and the body, as the README documents', () => {
    const body = '{"id":"d1"}';
    const want = createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('s3cret', 1700000000, body)).toBe(`sha256=${want}`);
  });
});

describe(verifyWebhookSignature.name, () => {
  const sig = signWebhook('k', 1000, 'body');
  it('accepts the signature within the tolerance and refuses a replay, another body or key', () => {
    expect(verifyWebhookSignature('k', '1000', 'body', sig, { nowS: 1100 })).toBe(true);
    expect(verifyWebhookSignature('k', '1000', 'body', sig, { nowS: 1000 + 301 })).toBe(false);
    expect(verifyWebhookSignature('k', '1000', 'body!', sig, { nowS: 1000 })).toBe(false);
    expect(verifyWebhookSignature('other', '1000', 'body', sig, { nowS: 1000 })).toBe(false);
    expect(verifyWebhookSignature('k', '1001', 'body', sig, { nowS: 1000 })).toBe(false);
    expect(verifyWebhookSignature('k', 'x', 'body', sig, { nowS: 1000 })).toBe(false);
  });
});

describe(classifyStatus.name, () => {
  it('retries 5xx, 408 and 429, pauses on 410 and fails other answers', () => {
    expect([200, 201, 204].map(classifyStatus)).toEqual(['ok', 'ok', 'ok']);
    expect([500, 502, 503, 408, 429].map(classifyStatus)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect(classifyStatus(410)).toBe('gone');
    expect([301, 302, 400, 401, 403, 404, 422].map(classifyStatus)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'fail', 'fail']);
  });
});

describe(afterFinalFailure.name, () => {
  it('pauses at the bound or at once with a reason', () => {
    expect(afterFinalFailure(0, { pauseAfter: 3 })).toEqual({ failures: 1, pause: null });
    expect(afterFinalFailure(2, { pauseAfter: 3 })).toEqual({ failures: 3, pause: '3 deliveries in a row failed' });
    expect(afterFinalFailure(0, { pauseAfter: 3, pauseReason: 'gone' })).toEqual({ failures: 1, pause: 'gone' });
  });
});

describe(deliveryIdFor.name, () => {
  it('is stable for a subscription and stream entry, and differs otherwise', () => {
    expect(deliveryIdFor('w1', '1-0')).toBe(deliveryIdFor('w1', '1-0'));
    expect(deliveryIdFor('w1', '1-0')).not.toBe(deliveryIdFor('w2', '1-0'));
    expect(deliveryIdFor('w1', '1-0')).not.toBe(deliveryIdFor('w1', '1-1'));
    expect(deliveryIdFor('w1', '1-0')).toMatch(/^[0-9a-f]{32}$/);
  });
});

const hook = (extra: Partial<Webhook>): Webhook => ({
  id: 'w',
  url: 'http://127.0.0.1:9/',
  events: ['created', 'updated'],
  filter: {},
  format: 'json',
  secret: 's',
  status: 'active',
  pausedReason: null,
  consecutiveFailures: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastDeliveryAt: null,
  lastSuccessAt: null,
  ...extra,
});

describe(candidatesFor.name, () => {
  const cats = new Map([
    ['wire-a', ['World', 'Asia']],
    ['wire-b', ['Business']],
  ]);
  it('keeps active subscriptions to the event whose feed, category and language may match', () => {
    const subs = [
      hook({ id: 'all' }),
      hook({ id: 'paused', status: 'paused' }),
      hook({ id: 'created-only', events: ['created'] }),
      hook({ id: 'world', filter: { category: ' world ' } }),
      hook({ id: 'business', filter: { category: 'business' } }),
      hook({ id: 'fr', filter: { lang: 'fr' } }),
      hook({ id: 'feed-b', filter: { feed: 'wire-b' } }),
    ];
    const ids = (outcome: string) => candidatesFor(subs, { outcome, feedId: 'wire-a', language: 'en-GB' }, cats).map((c) => c.webhook.id);
    expect(ids('created')).toEqual(['all', 'created-only', 'world']);
    expect(ids('updated')).toEqual(['all', 'world']);
    expect(filterOf(hook({ filter: { category: 'Asia', q: 'x' } }), cats)).toEqual({ q: 'x', feedIds: new Set(['wire-a']) });
  });
});
