import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { SqliteArticleStore } from '../../../src/store/sqlite-article-store.js';
import { makeRecord, runArticleStoreContract } from './article-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-store-'));
let n = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

runArticleStoreContract('sqlite', async (opts) => {
  const path = join(dir, `db-${n++}`, 'telex.db');
  const store = await openStore(path, opts);
  return { store, cleanup: () => store.close() };
});

describe(openStore.name, () => {
  it('keeps data across reopen when the file already exists', async () => {
    const path = join(dir, 'reopen', 'telex.db');
    const first = await openStore(path);
    expect(first.kind).toBe('sqlite');
    await first.upsertFeed({ id: 'f', url: 'https://news.test/f.xml' });
    await first.close();
    const second = await openStore(`sqlite:${path}`);
    expect((await second.getFeed('f'))?.url).toBe('https://news.test/f.xml');
    await second.close();
  });

  it('opens an in-memory store when the path is :memory:', async () => {
    const store = await openStore(':memory:');
    expect(await store.countArticles()).toBe(0);
    await store.close();
  });
});

describe('SqliteArticleStore.migrate', () => {
  it('upgrades a version-1 database with its articles when opened by the current code', async () => {
    const path = join(dir, 'upgrade', 'telex.db');
    mkdirSync(dirname(path), { recursive: true });
    const old = new SqliteArticleStore(path);
    await old.migrate(1);
    const db = new Database(path);
    const put = db.prepare(
      `INSERT INTO articles (id, canonical_url, feed_id, published_at, sort_at, stored_at, updated_at, language,
       content_hash, version, cluster_id, record) VALUES (?, ?, 'wire', ?, ?, ?, ?, 'en', ?, 1, ?, ?)`,
    );
    const recs = [
      makeRecord({ slug: 'u1', text: 'first zebra', publishedAt: '2026-01-01T00:00:00.000Z' }),
      makeRecord({ slug: 'u2', text: 'second zebra', publishedAt: '2026-01-01T00:00:00.000Z' }),
      makeRecord({ slug: 'u3', text: 'third', publishedAt: '2026-01-02T00:00:00.000Z' }),
    ];
    for (const r of recs) {
      const stored = { ...r, storedAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' };
      const seq = put.run(r.id, r.canonicalUrl, r.publishedAt, Date.parse(r.publishedAt!), stored.storedAt, stored.updatedAt, r.contentHash, r.clusterId, JSON.stringify(stored)).lastInsertRowid;
      db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(seq, r.title, r.text);
    }
    db.close();
    await old.close();

    const store = await openStore(path);
    try {
      const ids = (await store.listArticles({})).items.map((a) => a.id);
      expect(ids[0]).toBe(recs[2]!.id);
      expect(new Set(ids)).toEqual(new Set(recs.map((r) => r.id)));
      expect((await store.listArticles({ q: 'zebra' })).items.map((a) => a.id).sort()).toEqual([recs[0]!.id, recs[1]!.id].sort());
      const page = await store.listArticles({ limit: 1, cursor: (await store.listArticles({ limit: 1 })).nextCursor! });
      expect(page.items.map((a) => a.id)).toEqual([ids[1]]);
      const added = await store.upsertArticle(makeRecord({ slug: 'u4', publishedAt: '2026-01-01T00:00:00.000Z' }));
      expect(added.outcome).toBe('created');
      expect((await store.upsertArticle(makeRecord({ slug: 'u1', text: 'first zebra' }))).outcome).toBe('unchanged');
      expect(await store.countArticles()).toBe(4);
    } finally {
      await store.close();
    }
  });
});
