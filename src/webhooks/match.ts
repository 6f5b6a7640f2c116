/** Which subscriptions want an article event: the filters of GET /articles, applied in memory. Pure. */
import { createHash } from 'node:crypto';
import { eventMayMatch, matchesFilter, type StreamFilter } from '../api/stream-filter.js';
import type { Webhook } from '../store/access-types.js';
import type { ArticleRecord } from '../store/types.js';

/** Stable per subscription and stream entry: a re-dispatched event gets the same id (and job id). */
export function deliveryIdFor(webhookId: string, streamId: string): string {
  return createHash('sha256').update(`${webhookId}\n${streamId}`).digest('hex').slice(0, 32);
}

/** A subscription's filter as the stream's, its category resolved to the feeds in it. */
export function filterOf(w: Webhook, feedCategories: ReadonlyMap<string, readonly string[]>): StreamFilter {
  const { category, ...rest } = w.filter;
  const f: StreamFilter = {};
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) {
      f[k as keyof typeof rest] = v;
    }
  }
  if (category !== undefined) {
    const want = category.replace(/\s+/g, ' ').trim().toLowerCase();
    f.feedIds = new Set([...feedCategories].filter(([, cats]) => cats.some((c) => c.toLowerCase() === want)).map(([id]) => id));
  }
  return f;
}

/** Active subscriptions to `outcome` that may match an event from `feedId` in `language` (before the record is read). */
export function candidatesFor(
  subs: readonly Webhook[],
  event: { outcome: string; feedId: string; language: string | null },
  feedCategories: ReadonlyMap<string, readonly string[]>,
): Array<{ webhook: Webhook; filter: StreamFilter }> {
  return subs
    .filter((w) => w.status === 'active' && (w.events as readonly string[]).includes(event.outcome))
    .map((webhook) => ({ webhook, filter: filterOf(webhook, feedCategories) }))
    .filter((c) => eventMayMatch(event, c.filter));
}

/** The candidates whose filter the stored record passes. */
export function matchingSubscriptions(
  candidates: ReadonlyArray<{ webhook: Webhook; filter: StreamFilter }>,
  record: ArticleRecord,
  expandTopic?: (code: string) => string[],
): Webhook[] {
  return candidates.filter((c) => matchesFilter(record, c.filter, expandTopic)).map((c) => c.webhook);
}
