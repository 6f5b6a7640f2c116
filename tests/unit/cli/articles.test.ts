import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportArticles } from '../../../src/cli/articles.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import { openStore } from '../../../src/store/index.js';
import { summaryOf } from '../../../src/store/store-core.js';
import { makeRecord } from '../../helpers/records.js';

let store: FullArticleStore;

beforeEach(async () => {
  store = await openStore(':memory:');
  for (let i = 0; i < 5; i++) {
    await store.upsertArticle(makeRecord({ slug: `s${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString() }));
  }
});
afterEach(async () => {
  await store.close();
});

async function run(opts: Omit<Parameters<typeof exportArticles>[1], 'write' | 'query'>): Promise<string> {
  let out = '';
  await exportArticles(store, { query: {}, ...opts, write: (c) => (out += c) });
  return out;
}

describe(exportArticles.name, () => {
  it('writes whole records as stored when no view is given', async () => {
    const lines = (await run({ format: 'jsonl' })).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual((await store.listArticles({})).items);
  });

  it('writes summaries when the view is summary, and only the named fields when fields are given', async () => {
    const all = (await store.listArticles({})).items;
    const summaries = JSON.parse(await run({ format: 'json', view: 'summary' }));
    expect(summaries).toEqual(all.map(summaryOf));
    const picked = (await run({ format: 'jsonl', fields: ['title', 'wordCount'], limit: 2 })).trim().split('\n');
    expect(picked.map((l) => JSON.parse(l))).toEqual(all.slice(0, 2).map((a) => ({ title: a.title, wordCount: a.wordCount })));
  });
});
