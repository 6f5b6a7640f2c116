/** Pure helpers for HTTP response headers that drive polling decisions. */
import LinkHeader from 'http-link-header';

const MAX_RETRY_AFTER_MS = 7 * 24 * 3_600_000;

/**
 * Retry-After (delta seconds or HTTP-date) as milliseconds from `nowMs`,
 * clamped to [0, 7 days]; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return null;
  }
  const s = value.trim();
  if (/^\d+$/.test(s)) {
    return Math.min(Number(s) * 1000, MAX_RETRY_AFTER_MS);
  }
  const at = Date.parse(s);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

/** Cache-Control max-age (s-maxage ignored) in milliseconds; 0 for no-cache / no-store; null when absent. */
export function parseMaxAge(cacheControl: string | null | undefined): number | null {
  if (typeof cacheControl !== 'string') {
    return null;
  }
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  if (m) {
    return Number(m[1]) * 1000;
  }
  return /(?:^|[,\s])(?:no-cache|no-store)(?:$|[,\s])/i.test(cacheControl) ? 0 : null;
}

/**
 * The first URL of a `Link` header (RFC 8288) with relation `rel`, resolved
 * against `base`; null when there is none or the header cannot be read.
 * Parsed with http-link-header (quoted commas and several values per field).
 */
export function linkByRel(header: string | null | undefined, rel: string, base: string): string | null {
  if (typeof header !== 'string' || header.trim() === '') {
    return null;
  }
  try {
    const found = LinkHeader.parse(header).rel(rel)[0];
    return found ? new URL(found.uri, base).href : null;
  } catch {
    return null;
  }
}
