import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/store/index.js';
import type { ArticleRecord } from '../../../../src/store/types.js';
import { fingerprint } from '../../../../src/workers/enricher/cluster.js';
import { enrichArticle } from '../../../../src/workers/enricher/enrich-article.js';
import { batchUpserts, groupCommit, type BulkUpsert } from '../../../../src/workers/enricher/upsert-batch.js';
import { extractedArticle } from './seed-story.js';

const record = (i: number): ArticleRecord =>
  enrichArticle(extractedArticle({ url: `http://127.0.0.1:9/a/${i}`, canonicalUrl: `http://127.0.0.1:9/a/${i}`, title: `Story ${i}` }));

describe(batchUpserts.name, () => {
  it('writes upserts asked for in the same turn in one store call, in order, when several jobs reach the store together', async () => {
    const store = await openStore(':memory:');
    const calls: string[][] = [];
    const bulk: BulkUpsert = (items) => {
      calls.push(items.map((x) => x.record.title));
      return store.upsertArticles(items);
    };
    try {
      const upsert = batchUpserts(bulk);
      const records = [1, 2, 3].map(record);
      const results = await Promise.all(records.map((r) => upsert(r, { fingerprint: fingerprint(r.text) })));
      expect(calls).toEqual([['Story 1', 'Story 2', 'Story 3']]);
      expect(results.map((r) => [r.outcome, r.record.title])).toEqual([
        ['created', 'Story 1'],
        ['created', 'Story 2'],
        ['created', 'Story 3'],
      ]);
      expect(await store.countArticles()).toBe(3);
      // The same record again in a later turn is its own transaction, and unchanged.
      const again = await upsert(records[0] as ArticleRecord, {});
      expect(again.outcome).toBe('unchanged');
      expect(calls).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('splits a turn into transactions of at most maxBatch upserts', async () => {
    const sizes: number[] = [];
    const bulk: BulkUpsert = async (items) => {
      sizes.push(items.length);
      return items.map((x) => ({ outcome: 'created' as const, record: x.record }));
    };
    const upsert = batchUpserts(bulk, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => upsert(record(i), {})));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fails every upsert of a transaction when the store call fails', async () => {
    const bulk: BulkUpsert = async () => {
      throw new Error('store down');
    };
    const upsert = batchUpserts(bulk);
    const results = await Promise.allSettled([upsert(record(1), {}), upsert(record(2), {})]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe(groupCommit.name, () => {
  it('records the outcomes of jobs finishing in the same turn in one store transaction, in order', async () => {
    const store = await openStore(':memory:');
    const calls: number[] = [];
    try {
      const record = groupCommit(async (outcomes: readonly Parameters<typeof store.recordItemOutcome>[0][]) => {
        calls.push(outcomes.length);
        await store.recordItemOutcomes(outcomes);
        return outcomes.map(() => undefined);
      });
      const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      await Promise.all(
        [1, 2, 3].map((i) => record({ feedId: 'f', url: `https://news.test/${i}`, stage: 'enrich', status: 'stored', reason: 'created', articleId: `a${i}`, at: at(i) })),
      );
      expect(calls).toEqual([3]);
      expect((await store.listItemOutcomes()).map((o) => o.url)).toEqual(['https://news.test/3', 'https://news.test/2', 'https://news.test/1']);
    } finally {
      await store.close();
    }
  });

  it('puts the calls made while a batch is being written in the next batch, not in a second concurrent one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    let inFlight = 0;
    let maxInFlight = 0;
    const commit = groupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (batches.length === 1) {
        await new Promise<void>((r) => (release = r));
      }
      inFlight--;
      return items.map((i) => i * 10);
    });
    const first = commit(1);
    await new Promise((r) => setImmediate(r));
    const later = [commit(2), commit(3)];
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1], [2, 3]]);
    expect(maxInFlight).toBe(1);
  });

  it('fails the calls a short result leaves without an answer', async () => {
    const commit = groupCommit(async (items: readonly number[]) => items.slice(1));
    const results = await Promise.allSettled([commit(1), commit(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
  });
});
