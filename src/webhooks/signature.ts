/**
 * Webhook signatures: HMAC-SHA256 with the subscription's secret over
 * `<timestamp>.<body>` (the timestamp is the Telex-Timestamp header, Unix
 * seconds), sent as `Telex-Signature: sha256=<hex>`. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  delivery: 'telex-delivery',
  event: 'telex-event',
  timestamp: 'telex-timestamp',
  signature: 'telex-signature',
  webhook: 'telex-webhook',
} as const;

export function signWebhook(secret: string, timestamp: number, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Whether `signature` is this body's, and the timestamp within `toleranceS`
 * of `nowS` (a replayed old request fails). What a receiver does.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string | Buffer,
  signature: string,
  opts: { nowS?: number; toleranceS?: number } = {},
): boolean {
  const ts = Number(timestamp);
  const now = opts.nowS ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(ts) || Math.abs(now - ts) > (opts.toleranceS ?? 300)) {
    return false;
  }
  const want = Buffer.from(signWebhook(secret, ts, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}
