import type { WebSubSubscription } from '../../src/store/types.js';

/** A stored WebSub subscription for tests (pending, never verified), with overrides. */
export function makeSubscription(over: Partial<WebSubSubscription> = {}): WebSubSubscription {
  return {
    feedId: 'voa',
    hub: 'https://hub.example.org/',
    topic: 'https://news.example.org/feed.xml',
    callback: 'https://telex.example.org/websub/voa',
    secret: 'k',
    state: 'pending',
    leaseSeconds: null,
    expiresAt: null,
    requestedAt: '2026-02-01T00:00:00.000Z',
    verifiedAt: null,
    lastPushAt: null,
    lastError: null,
    ...over,
  };
}
