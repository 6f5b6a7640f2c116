import { describe, expect, it } from 'vitest';
import { countFeedsByHealth, feedHealthOf } from '../../../src/api/feed-health.js';
import type { FeedState } from '../../../src/store/types.js';

const feed = (o: Partial<FeedState>): FeedState => ({
  id: 'f',
  url: 'https://news.test/f.xml',
  title: null,
  intervalMs: null,
  categories: [],
  lastPolledAt: '2026-03-01T00:00:00Z',
  lastSuccessAt: '2026-03-01T00:00:00Z',
  lastErrorAt: null,
  lastError: null,
  consecutiveFailures: 0,
  lastNewItems: 0,
  etag: null,
  lastModified: null,
  nextPollAt: null,
  status: 'active',
  ...o,
});

describe(feedHealthOf.name, () => {
  it('classifies retired, failing, pending and ok feeds', () => {
    expect(feedHealthOf(feed({ status: 'retired', consecutiveFailures: 3 }))).toBe('retired');
    expect(feedHealthOf(feed({ consecutiveFailures: 1 }))).toBe('failing');
    expect(feedHealthOf(feed({ lastPolledAt: null }))).toBe('pending');
    expect(feedHealthOf(feed({}))).toBe('ok');
  });
});

describe(countFeedsByHealth.name, () => {
  it('counts every status, zeros included', () => {
    expect(countFeedsByHealth([feed({}), feed({}), feed({ consecutiveFailures: 2 })])).toEqual({ ok: 2, failing: 1, pending: 0, retired: 0 });
  });
});
