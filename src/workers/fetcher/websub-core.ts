/**
 * WebSub subscriber rules (W3C Recommendation, 2018), pure: hub discovery,
 * the answer to a hub's verification of intent, push signatures, renewal
 * timing. The I/O around them is in websub.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkByRel } from '../../net/http-headers.js';
import type { WebSubSubscription } from '../../store/types.js';
import type { ParsedFeed } from './types.js';

export type HubDiscovery = { hub: string | null; topic: string };

/**
 * The hub and topic of a fetched feed (WebSub 4): HTTP `Link` headers first,
 * then the document's `<link rel="hub">` / `rel="self"` (JSON Feed `hubs` /
 * `feed_url`). The topic is the self URL, else the URL fetched.
 */
export function discoverHub(parsed: Pick<ParsedFeed, 'hub' | 'self'>, headers: Record<string, string>, fetchedUrl: string): HubDiscovery {
  const hub = linkByRel(headers['link'], 'hub', fetchedUrl) ?? parsed.hub;
  const topic = linkByRel(headers['link'], 'self', fetchedUrl) ?? parsed.self ?? fetchedUrl;
  return { hub: hub && /^https?:\/\//i.test(hub) ? hub : null, topic };
}

/** The callback URL of a feed's subscription: `<publicUrl>/websub/<feed id>`. */
export function callbackUrl(publicUrl: string, feedId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/websub/${encodeURIComponent(feedId)}`;
}

/** HMAC algorithms a hub may sign with (WebSub 8: sha1, sha256, sha384, sha512). */
const SIGNATURE_ALGORITHMS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

export type SignatureCheck = { ok: true; algorithm: string } | { ok: false; reason: string };

/**
 * Checks `X-Hub-Signature: <method>=<hex HMAC of the body with the secret>`
 * in constant time. A missing, malformed or wrong signature is not ok.
 */
export function verifySignature(header: string | undefined, secret: string, body: Buffer): SignatureCheck {
  if (!header || header.trim() === '') {
    return { ok: false, reason: 'no X-Hub-Signature' };
  }
  const m = /^\s*([a-z0-9]+)=([0-9a-f]+)\s*$/i.exec(header);
  if (!m?.[1] || !m[2]) {
    return { ok: false, reason: 'unreadable X-Hub-Signature' };
  }
  const algorithm = m[1].toLowerCase();
  if (!SIGNATURE_ALGORITHMS.has(algorithm)) {
    return { ok: false, reason: `unsupported signature method ${algorithm}` };
  }
  const expected = createHmac(algorithm, secret).update(body).digest();
  const given = Buffer.from(m[2].length % 2 === 0 ? m[2] : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: `${algorithm} signature does not match` };
  }
  return { ok: true, algorithm };
}

/** What to do with a hub's GET to the callback. */
export type VerificationAnswer =
  | { status: 200; body: string; change: { kind: 'activate'; leaseSeconds: number; expiresAt: string } | { kind: 'delete' } | { kind: 'deny'; reason: string } }
  | { status: 404; reason: string };

const one = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : undefined;
};

/**
 * The answer to a verification of intent (WebSub 5.3) or a denial (5.2).
 * Confirmed only for a request this side made: the same topic, and a mode
 * that matches the subscription's state (subscribe while pending, or while a
 * renewal is outstanding; unsubscribe while unsubscribing). Anything else is 404.
 */
export function answerVerification(
  sub: WebSubSubscription | null,
  query: Record<string, unknown>,
  now: Date,
  requestedLeaseSeconds: number,
): VerificationAnswer {
  const mode = one(query['hub.mode']);
  const topic = one(query['hub.topic']);
  const challenge = one(query['hub.challenge']);
  if (!sub) {
    return { status: 404, reason: 'no subscription for this callback' };
  }
  if (topic !== sub.topic) {
    return { status: 404, reason: `topic ${JSON.stringify(topic ?? null)} is not the one subscribed to` };
  }
  if (mode === 'denied') {
    if (sub.state === 'unsubscribing') {
      return { status: 404, reason: 'denial of a subscription being removed' };
    }
    return { status: 200, body: '', change: { kind: 'deny', reason: one(query['hub.reason']) ?? 'denied by the hub' } };
  }
  if (!challenge) {
    return { status: 404, reason: 'no hub.challenge' };
  }
  // An active subscription is confirmed again only while a renewal asked for since its last verification is
  // outstanding: nobody else can stretch its lease (which would slow polling for a hub that dropped it).
  const renewing = sub.state === 'active' && (sub.verifiedAt === null || sub.requestedAt > sub.verifiedAt);
  if (mode === 'subscribe' && (sub.state === 'pending' || renewing)) {
    const given = Number(one(query['hub.lease_seconds']));
    const leaseSeconds = Number.isFinite(given) && given > 0 ? Math.floor(given) : requestedLeaseSeconds;
    return {
      status: 200,
      body: challenge,
      change: { kind: 'activate', leaseSeconds, expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() },
    };
  }
  if (mode === 'unsubscribe' && sub.state === 'unsubscribing') {
    return { status: 200, body: challenge, change: { kind: 'delete' } };
  }
  return { status: 404, reason: `mode ${JSON.stringify(mode ?? null)} does not match a ${sub.state} subscription` };
}

/** When an active subscription should be renewed: `renewBeforeMs` before it ends, but never earlier than half its lease. */
export function renewAt(sub: Pick<WebSubSubscription, 'expiresAt' | 'leaseSeconds'>, renewBeforeMs: number): number | null {
  if (!sub.expiresAt) {
    return null;
  }
  const end = Date.parse(sub.expiresAt);
  if (!Number.isFinite(end)) {
    return null;
  }
  const lease = (sub.leaseSeconds ?? 0) * 1000;
  return end - Math.min(renewBeforeMs, lease > 0 ? lease / 2 : renewBeforeMs);
}

/** Whether a subscription delivers now: verified, and its lease not over. */
export function isLiveAt(sub: Pick<WebSubSubscription, 'state' | 'expiresAt'> | null, at: Date): boolean {
  return sub?.state === 'active' && sub.expiresAt !== null && Date.parse(sub.expiresAt) > at.getTime();
}
