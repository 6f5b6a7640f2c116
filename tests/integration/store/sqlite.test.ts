import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { runArticleStoreContract } from './article-store.contract.js';

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
