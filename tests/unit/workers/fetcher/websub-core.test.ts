import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSubscription } from '../../../helpers/websub.js';
import { answerVerification, callbackUrl, discoverHub, isLiveAt, renewAt, verifySignature } from '../../../../src/workers/fetcher/websub-core.js';

const sub = makeSubscription;
const NOW = new Date('2026-02-01T00:00:05.000Z');

describe(discoverHub.name, () => {
  it('takes hub and self from the Link header before the document when both name them', () => {
    const found = discoverHub(
      { hub: 'https://doc-hub.example.org/', self: 'https://news.example.org/doc-self.xml' },
      { link: '<https://header-hub.example.org/>; rel="hub", </feed.xml>; rel="self"' },
      'https://news.example.org/feed.xml?x=1',
    );
    expect(found).toEqual({ hub: 'https://header-hub.example.org/', topic: 'https://news.example.org/feed.xml' });
  });

  it('falls back to the document links, then to the URL fetched as topic when there is no self link', () => {
    expect(discoverHub({ hub: 'https://hub.example.org/', self: null }, {}, 'https://news.example.org/rss')).toEqual({
      hub: 'https://hub.example.org/',
      topic: 'https://news.example.org/rss',
    });
    expect(discoverHub({ hub: null, self: null }, { link: '<https://x.example.org/>; rel="next"' }, 'https://news.example.org/rss').hub).toBeNull();
  });

  it('ignores a hub that is not http(s)', () => {
    expect(discoverHub({ hub: 'ftp://hub.example.org/', self: null }, {}, 'https://news.example.org/rss').hub).toBeNull();
  });
});

describe(callbackUrl.name, () => {
  it('joins the public URL (with or without a path or trailing slash) and the feed id', () => {
    expect(callbackUrl('https://telex.example.org/', 'voa')).toBe('https://telex.example.org/websub/voa');
    expect(callbackUrl('https://example.org/telex', 'a.b_c')).toBe('https://example.org/telex/websub/a.b_c');
  });
});

describe(verifySignature.name, () => {
  const body = Buffer.from('<rss/>');
  const sig = (alg: string, secret = 'k') => `${alg}=${createHmac(alg, secret).update(body).digest('hex')}`;

  it('accepts sha1, sha256, sha384 and sha512 signatures made with the secret', () => {
    for (const alg of ['sha1', 'sha256', 'sha384', 'sha512']) {
      expect(verifySignature(sig(alg), 'k', body)).toEqual({ ok: true, algorithm: alg });
    }
    expect(verifySignature(sig('sha256').replace('sha256', 'SHA256'), 'k', body).ok).toBe(true);
  });

  it('refuses a missing, unreadable, unsupported or wrong signature, saying why', () => {
    expect(verifySignature(undefined, 'k', body)).toEqual({ ok: false, reason: 'no X-Hub-Signature' });
    expect(verifySignature('sha256', 'k', body)).toEqual({ ok: false, reason: 'unreadable X-Hub-Signature' });
    expect(verifySignature('md5=00ff', 'k', body)).toEqual({ ok: false, reason: 'unsupported signature method md5' });
    expect(verifySignature(sig('sha256', 'other'), 'k', body)).toEqual({ ok: false, reason: 'sha256 signature does not match' });
    expect(verifySignature(`${sig('sha256')}0`, 'k', body).ok).toBe(false);
    expect(verifySignature(sig('sha256'), 'k', Buffer.from('<rss />')).ok).toBe(false);
  });
});

describe(answerVerification.name, () => {
  const q = (o: Record<string, string>) => ({ 'hub.topic': 'https://news.example.org/feed.xml', 'hub.challenge': 'ch4ll', ...o });

  it('echoes the challenge of a subscribe for a pending subscription, with the lease the hub granted', () => {
    expect(answerVerification(sub(), q({ 'hub.mode': 'subscribe', 'hub.lease_seconds': '3600' }), NOW, 864000)).toEqual({
      status: 200,
      body: 'ch4ll',
      change: { kind: 'activate', leaseSeconds: 3600, expiresAt: '2026-02-01T01:00:05.000Z' },
    });
  });

  it('takes the lease asked for when the hub names none, and confirms an outstanding renewal of an active subscription', () => {
    const renewing = sub({ state: 'active', verifiedAt: '2026-01-01T00:00:00.000Z', requestedAt: '2026-01-31T00:00:00.000Z' });
    const a = answerVerification(renewing, q({ 'hub.mode': 'subscribe' }), NOW, 60);
    expect(a).toMatchObject({ status: 200, change: { kind: 'activate', leaseSeconds: 60 } });
  });

  it('answers 404 to a subscribe for an active subscription with no renewal asked for (nobody stretches its lease)', () => {
    const settled = sub({ state: 'active', requestedAt: '2026-01-01T00:00:00.000Z', verifiedAt: '2026-01-01T00:00:01.000Z' });
    expect(answerVerification(settled, q({ 'hub.mode': 'subscribe', 'hub.lease_seconds': '999999' }), NOW, 60).status).toBe(404);
  });

  it('confirms an unsubscribe only while unsubscribing', () => {
    expect(answerVerification(sub({ state: 'unsubscribing' }), q({ 'hub.mode': 'unsubscribe' }), NOW, 60)).toEqual({
      status: 200,
      body: 'ch4ll',
      change: { kind: 'delete' },
    });
    expect(answerVerification(sub({ state: 'active' }), q({ 'hub.mode': 'unsubscribe' }), NOW, 60).status).toBe(404);
    expect(answerVerification(sub({ state: 'unsubscribing' }), q({ 'hub.mode': 'subscribe' }), NOW, 60).status).toBe(404);
  });

  it('answers 404 for an unknown subscription, another topic, or no challenge', () => {
    expect(answerVerification(null, q({ 'hub.mode': 'subscribe' }), NOW, 60).status).toBe(404);
    expect(answerVerification(sub(), q({ 'hub.mode': 'subscribe', 'hub.topic': 'https://evil.example.org/' }), NOW, 60).status).toBe(404);
    expect(answerVerification(sub(), { 'hub.mode': 'subscribe', 'hub.topic': 'https://news.example.org/feed.xml' }, NOW, 60).status).toBe(404);
  });

  it('records a denial with the hub reason', () => {
    expect(answerVerification(sub(), q({ 'hub.mode': 'denied', 'hub.reason': 'not allowed' }), NOW, 60)).toEqual({
      status: 200,
      body: '',
      change: { kind: 'deny', reason: 'not allowed' },
    });
  });
});

describe(renewAt.name, () => {
  it('is renewBefore ahead of the end, but never earlier than half the lease', () => {
    const end = Date.parse('2026-02-11T00:00:00.000Z');
    expect(renewAt({ expiresAt: '2026-02-11T00:00:00.000Z', leaseSeconds: 864000 }, 3_600_000)).toBe(end - 3_600_000);
    expect(renewAt({ expiresAt: '2026-02-11T00:00:00.000Z', leaseSeconds: 600 }, 3_600_000)).toBe(end - 300_000);
    expect(renewAt({ expiresAt: null, leaseSeconds: null }, 3_600_000)).toBeNull();
  });
});

describe(isLiveAt.name, () => {
  it('is true only for an active subscription whose lease has not ended', () => {
    expect(isLiveAt(sub({ state: 'active', expiresAt: '2026-02-01T00:00:06.000Z' }), NOW)).toBe(true);
    expect(isLiveAt(sub({ state: 'active', expiresAt: '2026-02-01T00:00:04.000Z' }), NOW)).toBe(false);
    expect(isLiveAt(sub({ state: 'pending', expiresAt: '2026-02-02T00:00:00.000Z' }), NOW)).toBe(false);
    expect(isLiveAt(null, NOW)).toBe(false);
  });
});
