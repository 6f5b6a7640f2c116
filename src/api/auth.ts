import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of two secrets of any length. */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * Whether an Authorization header carries `token`: `Bearer <token>`, or, when
 * `allowBasic` (browser dashboards), `Basic base64(<any user>:<token>)`. Pure.
 */
export function isAuthorized(header: string | undefined, token: string, opts: { allowBasic?: boolean } = {}): boolean {
  if (!header) {
    return false;
  }
  const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(header);
  if (!m?.[1] || !m[2]) {
    return false;
  }
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') {
    return sameSecret(m[2], token);
  }
  if (scheme === 'basic' && opts.allowBasic) {
    const decoded = Buffer.from(m[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && sameSecret(decoded.slice(colon + 1), token);
  }
  return false;
}
