import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { POSTGRES_MIGRATIONS, PostgresArticleStore } from '../../../src/store/postgres-article-store.js';
import { runAccessStoreContract } from './access-store.contract.js';
import { makeRecord, runArticleStoreContract } from './article-store.contract.js';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];
const newSchema = (): string => {
  const s = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(s);
  return s;
};

let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: DATABASE_URL });
  try {
    await admin.connect();
    await admin.query('SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${DATABASE_URL} (set TEST_DATABASE_URL, or start it: ` +
        `\`pg_ctlcluster 15 main start\` / \`docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres\`; ` +
        `.ci/run starts it when down): ${String(err)}`,
    );
  }
});

afterAll(async () => {
  for (const s of schemas) {
    await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  }
  await admin.end();
});

/**
 * Migrated schemas the contract suites take in turn. Migrating a schema costs 0.1–0.5 s and dropping it
 * 0.1–0.2 s: a schema is migrated once (by the first store opened on it), emptied of every row, its
 * sequences back at 1, when a store takes it again, and given back when that store is closed. Emptied by
 * DELETE, 5–30 ms, not TRUNCATE, which gives each table and index a new file and took 0.05–0.4 s. The
 * tests of opening and migrating below take fresh schemas.
 */
const idleSchemas: string[] = [];
const emptyingOf = new Map<string, string>();

async function takeSchema(): Promise<string> {
  const schema = idleSchemas.pop();
  if (schema === undefined) {
    return newSchema();
  }
  let emptying = emptyingOf.get(schema);
  if (emptying === undefined) {
    const tables = await admin.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
      [schema],
    );
    const sequences = await admin.query<{ s: string }>('SELECT sequencename AS s FROM pg_sequences WHERE schemaname = $1', [schema]);
    // One simple query: its statements run in one transaction.
    emptying = [
      ...tables.rows.map((r) => `DELETE FROM "${schema}"."${r.t}"`),
      ...sequences.rows.map((r) => `SELECT setval('"${schema}"."${r.s}"', 1, false)`),
    ].join('; ');
    emptyingOf.set(schema, emptying);
  }
  await admin.query(emptying);
  return schema;
}

runArticleStoreContract('postgres', async (opts) => {
  const schema = await takeSchema();
  const store = await openStore(DATABASE_URL, { ...opts, schema });
  return {
    store,
    peer: () => openStore(DATABASE_URL, { ...opts, schema }),
    cleanup: async () => {
      await store.close();
      idleSchemas.push(schema);
    },
  };
});

runAccessStoreContract('postgres', async () => {
  const schema = await takeSchema();
  const store = await openStore(DATABASE_URL, { schema });
  return {
    store,
    cleanup: async () => {
      await store.close();
      idleSchemas.push(schema);
    },
  };
});

describe(openStore.name, () => {
  it('keeps data across reopen and runs migrations once when the schema exists', async () => {
    const schema = newSchema();
    const first = await openStore(DATABASE_URL, { schema });
    expect(first.kind).toBe('postgres');
    await first.upsertFeed({ id: 'f', url: 'https://news.test/f.xml' });
    await first.close();
    const [second, third] = await Promise.all([openStore(DATABASE_URL, { schema }), openStore(DATABASE_URL, { schema })]);
    expect((await second.getFeed('f'))?.url).toBe('https://news.test/f.xml');
    const applied = await admin.query(`SELECT COUNT(*)::int AS n FROM "${schema}".schema_migrations`);
    expect(applied.rows[0].n).toBe(POSTGRES_MIGRATIONS.length);
    await second.close();
    await third.close();
  });

  it('fails with a message naming the server when PostgreSQL does not answer', async () => {
    await expect(openStore('postgres://postgres@127.0.0.1:1/test', { schema: newSchema() })).rejects.toThrow(
      /cannot open PostgreSQL store at 127\.0\.0\.1:1\/test/,
    );
  });

  it('opens the schema a ?schema= parameter of the URL names', async () => {
    const schema = newSchema();
    const store = await openStore(`${DATABASE_URL}?schema=${schema}`);
    try {
      await store.upsertArticle(makeRecord({ slug: 'in-schema' }));
      const n = await admin.query(`SELECT COUNT(*)::int AS n FROM "${schema}".articles`);
      expect(n.rows[0].n).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openStore(DATABASE_URL, { schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(/invalid PostgreSQL schema/);
  });
});

describe('PostgresArticleStore.migrate', () => {
  it('upgrades a version-1 schema with its articles when opened by the current code', async () => {
    const schema = newSchema();
    const old = new PostgresArticleStore(DATABASE_URL, { schema });
    await old.migrate(1);
    await old.close();
    const recs = [
      makeRecord({ slug: 'u1', text: 'first zebra', publishedAt: '2026-01-01T00:00:00.000Z' }),
      makeRecord({ slug: 'u2', text: 'second zebra', publishedAt: '2026-01-01T00:00:00.000Z' }),
      makeRecord({ slug: 'u3', text: 'third', publishedAt: '2026-01-02T00:00:00.000Z' }),
    ];
    for (const r of recs) {
      const stored = { ...r, storedAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' };
      await admin.query(
        `INSERT INTO "${schema}".articles (id, canonical_url, feed_id, published_at, sort_at, stored_at, updated_at,
         language, content_hash, version, cluster_id, record, tsv)
         VALUES ($1, $2, 'wire', $3, $4, $5, $5, 'en', $6, 1, $7, $8, to_tsvector('simple', $9))`,
        [r.id, r.canonicalUrl, r.publishedAt, Date.parse(r.publishedAt!), stored.storedAt, r.contentHash, r.clusterId, JSON.stringify(stored), `${r.title} ${r.text}`],
      );
      if (r !== recs[1]) {
        await admin.query(`INSERT INTO "${schema}".article_topics (code, article_id, sort_at) VALUES ('medtop:20000646', $1, $2)`, [
          r.id,
          Date.parse(r.publishedAt!),
        ]);
      }
    }
    const store = await openStore(DATABASE_URL, { schema });
    try {
      const ids = (await store.listArticles({})).items.map((a) => a.id);
      expect(ids[0]).toBe(recs[2]!.id);
      expect(new Set(ids)).toEqual(new Set(recs.map((r) => r.id)));
      expect((await store.listArticles({ q: 'zebra' })).items.map((a) => a.id).sort()).toEqual([recs[0]!.id, recs[1]!.id].sort());
      const page = await store.listArticles({ limit: 1, cursor: (await store.listArticles({ limit: 1 })).nextCursor! });
      expect(page.items.map((a) => a.id)).toEqual([ids[1]]);
      expect((await store.listArticles({ topic: 'medtop:20000646', feed: 'wire' })).items.map((a) => a.id)).toEqual([recs[2]!.id, recs[0]!.id]);
      expect((await store.listArticles({ topic: 'medtop:20000646', feed: 'biz' })).items).toEqual([]);
      // Topic rows stored before carry their article's language after the upgrade.
      expect((await store.listArticles({ topic: 'medtop:20000646', lang: 'en' })).items.map((a) => a.id)).toEqual([recs[2]!.id, recs[0]!.id]);
      expect((await store.listArticles({ topic: 'medtop:20000646', lang: 'fr' })).items).toEqual([]);
      expect((await store.upsertArticle(makeRecord({ slug: 'u4', publishedAt: '2026-01-01T00:00:00.000Z' }))).outcome).toBe('created');
      expect(await store.countArticles()).toBe(4);
    } finally {
      await store.close();
    }
  });
});

describe('PostgresArticleStore.importArticles', () => {
  it('stores the same rows upsertArticles does, and updates articles already stored', async () => {
    const sameSecond = '2026-02-02T08:00:00.000Z';
    const recs = Array.from({ length: 6 }, (_, i) =>
      makeRecord({
        slug: `imp-${i}`,
        title: `Harbour strike day ${i}`,
        text: `Dockers walked out at the harbour on day ${i}.\n\nThe union said talks would resume with the port authority.`,
        publishedAt: i < 3 ? sameSecond : `2026-02-0${i}T09:00:00.000Z`,
        language: i % 2 === 0 ? 'en' : 'fr',
        feed: { id: `feed-${i % 2}`, title: null, url: `https://news.test/feed-${i % 2}.xml` },
        topics: [{ code: 'medtop:20000646', label: 'Strike', score: 0.8, scheme: 'medtop' }],
        entities: { people: [], places: [{ name: 'Rotterdam', mentions: 1, salience: 0.4, offset: 0 }], organisations: [] },
      }),
    );
    const fp = (i: number) => ({ signature: [i, i + 1], bands: [`band-${i}`, 'band-shared'] });
    const viaUpsert = (await openStore(DATABASE_URL, { schema: newSchema() })) as PostgresArticleStore;
    const viaImport = (await openStore(DATABASE_URL, { schema: newSchema() })) as PostgresArticleStore;
    try {
      await viaUpsert.upsertArticles(recs.map((record, i) => ({ record, fingerprint: fp(i) })));
      // One already stored: it takes the upsert path (updated), the rest are created in bulk.
      await viaImport.upsertArticle(recs[4]!);
      expect(await viaImport.importArticles(recs.map((record, i) => ({ record: i === 4 ? { ...record, title: 'Changed', contentHash: 'x' } : record, fingerprint: fp(i) })))).toEqual({
        created: 5,
      });
      expect(await viaImport.countArticles()).toBe(6);
      expect((await viaImport.getArticle(recs[4]!.id))?.version).toBe(2);
      const strip = (p: { items: Array<{ id: string }> }) => p.items.map((a) => a.id);
      for (const q of [{}, { lang: 'fr' }, { feed: 'feed-0' }, { topic: 'medtop:20000646', lang: 'en' }, { entity: 'rotterdam' }, { q: 'union harbour' }, { limit: 2 }]) {
        expect(strip(await viaImport.listArticles(q)), JSON.stringify(q)).toEqual(strip(await viaUpsert.listArticles(q)));
      }
      // Three stories published in one second keep distinct sort keys: a page of 2 then the rest.
      const first = await viaImport.listArticles({ limit: 2, until: '2026-02-02T08:00:01Z' });
      const rest = await viaImport.listArticles({ limit: 2, until: '2026-02-02T08:00:01Z', cursor: first.nextCursor! });
      expect(new Set([...strip(first), ...strip(rest)]).size).toBe(3);
      const similar = await viaImport.findSimilar(['band-2', 'band-shared']);
      expect(similar[0]?.id).toBe(recs[2]!.id);
      expect(similar).toHaveLength(6);
      const stored = await viaImport.getArticle(recs[1]!.id);
      expect(stored).toMatchObject({ version: 1, clusterId: recs[1]!.clusterId, title: recs[1]!.title });
      expect(stored?.storedAt).toBe(stored?.updatedAt);
    } finally {
      await viaUpsert.close();
      await viaImport.close();
    }
  });

  it('loads with indexes and constraints deferred, then builds the same ones again', async () => {
    const schema = newSchema();
    const store = (await openStore(DATABASE_URL, { schema })) as PostgresArticleStore;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    const shape = async (): Promise<string[]> =>
      (
        await admin.query(
          `SELECT indexname || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = $1
           UNION ALL SELECT conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = $1
           ORDER BY 1`,
          [schema],
        )
      ).rows.map((r: { d: string }) => r.d);
    try {
      const before = await shape();
      const dropped = await store.deferIndexes();
      expect(dropped).toBeGreaterThan(15);
      // A second call while deferred drops nothing more.
      expect(await store.deferIndexes()).toBe(0);
      const during = await shape();
      expect(during.some((d) => d.startsWith('articles_tsv '))).toBe(false);
      expect(during.some((d) => d.startsWith('article_bands_article_id_fkey '))).toBe(false);
      const recs = Array.from({ length: 4 }, (_, i) =>
        makeRecord({ slug: `deferred-${i}`, title: `Ferry timetable ${i}`, text: `The ferry timetable changes on day ${i}.`, publishedAt: `2026-03-0${i + 1}T10:00:00.000Z` }),
      );
      expect(await store.importArticles(recs.map((record, i) => ({ record, fingerprint: { signature: [i], bands: [`b-${i}`, 'b-all'] } })))).toEqual({ created: 4 });
      const built: string[] = [];
      expect(await store.rebuildDeferredIndexes({ onBuilt: (name) => built.push(name) })).toBe(dropped);
      expect(built).toContain('articles_tsv');
      expect(await shape()).toEqual(before);
      expect(await store.rebuildDeferredIndexes()).toBe(0);
      expect((await store.listArticles({ q: 'ferry timetable' })).items).toHaveLength(4);
      expect((await store.findSimilar(['b-all'])).map((a) => a.id).sort()).toEqual(recs.map((r) => r.id).sort());
    } finally {
      await admin.end();
      await store.close();
    }
  });
});
