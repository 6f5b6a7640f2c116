import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { SqliteArticleStore } from '../../../src/store/sqlite-article-store.js';
import { summaryOf } from '../../../src/store/store-core.js';
import { fingerprint } from '../../../src/workers/enricher/cluster.js';
import { runAccessStoreContract } from './access-store.contract.js';
import { makeRecord, runArticleStoreContract } from './article-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-store-'));
let n = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A database file of its own for each store of the contract suites: a copy of one migrated (and closed)
 * once, some 2 ms against 30–60 ms to create and migrate each. The tests of opening and migrating below
 * create theirs.
 */
let migrated: Promise<string> | undefined;

async function freshDatabase(): Promise<string> {
  migrated ??= (async () => {
    const template = join(dir, 'template', 'telex.db');
    await (await openStore(template)).close();
    return template;
  })();
  const template = await migrated;
  const path = join(dir, `db-${n++}`, 'telex.db');
  mkdirSync(dirname(path));
  copyFileSync(template, path);
  return path;
}

runArticleStoreContract('sqlite', async (opts) => {
  const path = await freshDatabase();
  const store = await openStore(path, opts);
  return { store, cleanup: () => store.close(), peer: () => openStore(path, opts) };
});

runAccessStoreContract('sqlite', async () => {
  const store = await openStore(await freshDatabase());
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
      // Rows stored before summaries were: the summary view derives them from the record.
      const summaries = (await store.listArticleJson({}, 'summary')).items.map((j) => JSON.parse(j));
      expect(summaries).toEqual((await store.listArticles({})).items.map(summaryOf));
      const added = await store.upsertArticle(makeRecord({ slug: 'u4', publishedAt: '2026-01-01T00:00:00.000Z' }));
      expect(added.outcome).toBe('created');
      expect((await store.upsertArticle(makeRecord({ slug: 'u1', text: 'first zebra' }))).outcome).toBe('unchanged');
      expect(await store.countArticles()).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('keeps the band index of articles stored before version 5, so later wire copies still find them', async () => {
    const path = join(dir, 'bands-v4', 'telex.db');
    const text = 'The council approved the transport budget on Monday after a long debate about schools and roads in the region. '.repeat(6);
    const a = makeRecord({ slug: 'band-a', text });
    const fpA = fingerprint(text);
    const store = await openStore(path);
    await store.upsertArticle(a, { fingerprint: fpA });
    // Enough others that the upgrade reads the old index in more than one slice (10,000 rows each).
    const others = Array.from({ length: 220 }, (_, i) => {
      const t = `Story number ${i} about item ${i * 7} and place ${i * 13} on day ${i % 31} of the year. `.repeat(4);
      return { record: makeRecord({ slug: `band-${i}`, text: t }), fingerprint: fingerprint(t) };
    });
    await store.upsertArticles(others);
    const keysBefore = new Database(path).prepare('SELECT COUNT(*) AS n FROM article_band_keys').get() as { n: number };
    await store.close();
    // Back to the version-4 layout: bands as text keyed by article id.
    const db = new Database(path);
    db.exec(`DROP TABLE article_band_keys;
      CREATE TABLE article_bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id)) WITHOUT ROWID;
      CREATE INDEX article_bands_article ON article_bands (article_id);
      DELETE FROM schema_migrations WHERE version = 5;`);
    const put = db.prepare('INSERT INTO article_bands (band, article_id) VALUES (?, ?)');
    for (const band of fpA.bands) {
      put.run(band, a.id);
    }
    for (const o of others) {
      for (const band of o.fingerprint.bands) {
        put.run(band, o.record.id);
      }
    }
    expect((db.prepare('SELECT COUNT(*) AS n FROM article_bands').get() as { n: number }).n).toBeGreaterThan(10_000);
    db.close();

    const upgraded = await openStore(path);
    try {
      const similar = await upgraded.findSimilar(fingerprint(`${text} Updated.`).bands);
      expect(similar.map((c) => c.id)).toEqual([a.id]);
      expect(similar[0]?.signature).toEqual(fpA.signature);
      const tables = new Database(path).prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'article_band%'").all();
      expect(tables).toEqual([{ name: 'article_band_keys' }]);
      expect(new Database(path).prepare('SELECT COUNT(*) AS n FROM article_band_keys').get()).toEqual(keysBefore);
    } finally {
      await upgraded.close();
    }
  });
});
