import { describe, expect, it } from 'vitest';
import { exportOpml, importOpml } from '../../../src/cli/feeds.js';
import { parseOpml } from '../../../src/workers/fetcher/opml.js';
import { openStore } from '../../../src/store/index.js';

/** A Feedly-style export: two folders, a duplicate, an invalid URL, a feed already registered. */
const FEEDLY = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Newsroom subscriptions in feedly Cloud</title></head>
  <body>
    <outline text="World" title="World">
      <outline type="rss" text="Wire A" title="Wire A" xmlUrl="https://a.example.org/feed.xml" htmlUrl="https://a.example.org"/>
      <outline type="rss" text="Wire B" title="Wire B" xmlUrl="https://b.example.org/rss"/>
    </outline>
    <outline text="Business" title="Business">
      <outline type="rss" text="Markets" title="Markets" xmlUrl="https://a.example.org/feed.rss"/>
      <outline type="rss" text="Wire A again" title="Wire A again" xmlUrl="https://a.example.org/feed.xml"/>
      <outline type="rss" text="Broken" title="Broken" xmlUrl="feed://broken"/>
      <outline type="rss" text="Known" title="Known" xmlUrl="https://known.example.org/rss"/>
    </outline>
  </body>
</opml>`;

describe(importOpml.name, () => {
  it('adds each new feed once and reports every entry it skipped with the reason', async () => {
    const store = await openStore(':memory:');
    try {
      await store.upsertFeed({ id: 'known', url: 'https://known.example.org/rss', title: null, intervalMs: null });
      const { added, skipped } = await importOpml(store, FEEDLY);
      expect(added.map((f) => [f.id, f.url])).toEqual([
        ['a-example-org-feed', 'https://a.example.org/feed.xml'],
        ['b-example-org-rss', 'https://b.example.org/rss'],
        // Slugs to the same id as the first feed: gets its own rather than replacing it.
        ['a-example-org-feed-2', 'https://a.example.org/feed.rss'],
      ]);
      expect(skipped).toEqual([
        { line: 11, text: 'Wire A again', url: 'https://a.example.org/feed.xml', reason: 'duplicate of line 6' },
        { line: 12, text: 'Broken', url: 'feed://broken', reason: 'invalid URL' },
        { line: 0, text: 'Known', url: 'https://known.example.org/rss', reason: 'already registered as known' },
      ]);
      expect((await store.listFeeds()).map((f) => f.url).sort()).toEqual([
        'https://a.example.org/feed.rss',
        'https://a.example.org/feed.xml',
        'https://b.example.org/rss',
        'https://known.example.org/rss',
      ]);
    } finally {
      await store.close();
    }
  });

  it('keeps the folders as categories, and writes them back as folders on export', async () => {
    const store = await openStore(':memory:');
    try {
      await importOpml(store, FEEDLY);
      const byUrl = Object.fromEntries((await store.listFeeds()).map((f) => [f.url, f.categories]));
      expect(byUrl).toEqual({
        'https://a.example.org/feed.xml': ['World'],
        'https://b.example.org/rss': ['World'],
        'https://a.example.org/feed.rss': ['Business'],
        'https://known.example.org/rss': ['Business'],
      });
      const exported = await exportOpml(store, new Date('2026-01-01T00:00:00Z'));
      expect(exported).toMatch(/<outline text="World" title="World">/);
      const back = parseOpml(exported);
      expect(Object.fromEntries(back.map((f) => [f.url, f.category]))).toEqual({
        'https://a.example.org/feed.xml': 'World',
        'https://b.example.org/rss': 'World',
        'https://a.example.org/feed.rss': 'Business',
        'https://known.example.org/rss': 'Business',
      });
      // Imported again into an empty store: the same feeds in the same folders.
      const again = await openStore(':memory:');
      try {
        await importOpml(again, exported);
        expect(Object.fromEntries((await again.listFeeds()).map((f) => [f.url, f.categories]))).toEqual(byUrl);
      } finally {
        await again.close();
      }
    } finally {
      await store.close();
    }
  });
});
