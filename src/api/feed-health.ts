import type { FeedState } from '../store/types.js';

/**
 * A feed's health for /feeds and /metrics: `retired` (410 or removed from polling),
 * `failing` (last poll failed), `pending` (never polled yet), otherwise `ok`. Pure.
 */
export type FeedHealthStatus = 'ok' | 'failing' | 'pending' | 'retired';

export const FEED_HEALTH_STATUSES: readonly FeedHealthStatus[] = ['ok', 'failing', 'pending', 'retired'];

export function feedHealthOf(feed: Pick<FeedState, 'status' | 'consecutiveFailures' | 'lastPolledAt'>): FeedHealthStatus {
  if (feed.status === 'retired') {
    return 'retired';
  }
  if (feed.consecutiveFailures > 0) {
    return 'failing';
  }
  return feed.lastPolledAt ? 'ok' : 'pending';
}

export function countFeedsByHealth(feeds: FeedState[]): Record<FeedHealthStatus, number> {
  const counts: Record<FeedHealthStatus, number> = { ok: 0, failing: 0, pending: 0, retired: 0 };
  for (const f of feeds) {
    counts[feedHealthOf(f)] += 1;
  }
  return counts;
}
