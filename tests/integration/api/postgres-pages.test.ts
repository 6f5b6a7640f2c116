/**
 * Full list pages over PostgreSQL: with gzip, the API reads a page's ids and
 * record digests, and only the record texts its cache lacks
 * (`listArticleDigests` / `getArticleJsons`); the page is the same as the one
 * written from the texts, and a changed record is read and served again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../../src/api/server.js';
import { silentLogger } from '../../../src/logger.js';
import { openStore } from '../../../src/store/index.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import { makeRecord } from '../../helpers/records.js';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
const md5 = (t: string): string => createHash('md5').update(t).digest('hex');

let store: FullArticleStore;
let app: FastifyInstance;
let base: string;
const reads: string[][] = [];

beforeAll(async () => {
  store = await openStore(DATABASE_URL, { schema });
  for (let i = 0; i < 7; i++) {
    await store.upsertArticle(
      makeRecord({ slug: `pg-page-${i}`, publishedAt: `2026-03-0${i + 1}T08:00:00.000Z`, text: `Story ${i}: ${'council budget vote '.repeat(40 + i)}` }),
    );
  }
  // Counts the texts the API asks for (the store itself does the reading).
  const read = store.getArticleJsons?.bind(store);
  expect(read).toBeDefined();
  store.getArticleJsons = async (ids) => {
    reads.push([...ids]);
    return read!(ids);
  };
  app = await createApiServer({ store, log: silentLogger() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('server has no TCP address');
  }
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

const page = async (path: string, encoding: string): Promise<{ text: string; encoding: string | null }> => {
  const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': encoding } });
  expect(res.status).toBe(200);
  return { text: await res.text(), encoding: res.headers.get('content-encoding') };
};

describe('full list pages over PostgreSQL', () => {
  it('names a page by ids and digests of the texts listArticleJson gives, with the same cursor', async () => {
    const texts = await store.listArticleJson({ limit: 3 }, 'full');
    const keys = await store.listArticleDigests!({ limit: 3 });
    expect(keys.items).toEqual(texts.items.map((j) => ({ id: (JSON.parse(j) as { id: string }).id, digest: md5(j) })));
    expect(keys.nextCursor).toBe(texts.nextCursor);
    const read = await store.getArticleJsons!([keys.items[1]!.id, 'no-such-id']);
    expect(read).toEqual([{ id: keys.items[1]!.id, digest: keys.items[1]!.digest, json: texts.items[1] }]);
  });

  it('serves the same gzip page as the plain one, reading each record text once, and a changed record again', async () => {
    reads.length = 0;
    const plain = await page('/articles?limit=4', 'identity');
    expect(plain.encoding).toBeNull();
    const first = await page('/articles?limit=4', 'gzip, deflate, br');
    expect(first.encoding).toBe('gzip');
    expect(first.text).toBe(plain.text);
    expect(reads.flat()).toHaveLength(4);
    // Again: every record is held, none is read.
    expect((await page('/articles?limit=4', 'gzip')).text).toBe(plain.text);
    expect(reads.flat()).toHaveLength(4);
    // The next page along the cursor, the same both ways.
    const cursor = (JSON.parse(plain.text) as { nextCursor: string }).nextCursor;
    const next = `/articles?limit=4&cursor=${encodeURIComponent(cursor)}`;
    expect((await page(next, 'gzip')).text).toBe((await page(next, 'identity')).text);

    // A record rewritten with new text: its digest changes, so it is read again and served as stored now.
    const newest = (JSON.parse(plain.text) as { items: Array<{ url: string }> }).items[0]!;
    const before = reads.flat().length;
    await store.upsertArticle(
      makeRecord({ slug: newest.url.split('/').pop()!, publishedAt: '2026-03-07T08:00:00.000Z', title: 'Council passes the budget', text: 'Rewritten story.' }),
    );
    const after = await page('/articles?limit=4', 'gzip');
    expect(after.text).toBe((await page('/articles?limit=4', 'identity')).text);
    expect(after.text).toContain('Council passes the budget');
    expect(reads.flat().length).toBe(before + 1);
  });
});
