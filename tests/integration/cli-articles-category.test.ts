/** `telex articles --category`: the real command over a store whose feeds are filed under desks. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli, scratch } from '../helpers/cli.js';
import { makeRecord } from '../helpers/records.js';

describe('telex articles --category', () => {
  it('exports only the articles of the feeds in that desk (any case)', async () => {
    const s = scratch([]);
    try {
      const store = await openStore(s.env.DATABASE_URL);
      await store.upsertFeed({ id: 'world-wire', url: 'https://news.test/world.xml', categories: ['World'] });
      await store.upsertFeed({ id: 'markets', url: 'https://news.test/markets.xml', categories: ['Business'] });
      for (const [slug, feed] of [['w1', 'world-wire'], ['w2', 'world-wire'], ['b1', 'markets']] as const) {
        await store.upsertArticle(makeRecord({ slug, feed: { id: feed, title: null, url: null } }));
      }
      await store.close();
      const r = await runCli(['articles', '--category', 'WORLD', '--format', 'jsonl', '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      const urls = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { url: string }).url).sort();
      expect(urls).toEqual(['https://news.test/w1', 'https://news.test/w2']);
      const none = await runCli(['articles', '--category', 'sport', '--format', 'jsonl', '--config', s.configPath], s.env);
      expect(none.stdout.trim()).toBe('');
    } finally {
      s.cleanup();
    }
  }, 60_000);
});
