/**
 * The one ArticleStore contract suite. Every backend runs it, for real:
 * tests/integration/store/sqlite.test.ts and postgres.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import { articleIdFor, contentHashOf } from '../../../src/lib/ids.js';
import { makeRecord } from '../../helpers/records.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import type { ArticleRecord, ItemOutcome, StoreOptions } from '../../../src/store/types.js';
import { makeSubscription } from '../../helpers/websub.js';
import type { ExtractedArticle } from '../../../src/queues/contracts.js';
import { enrichInProcess, handleEnrich, type EnrichDeps } from '../../../src/workers/enricher/handler.js';
import { batchUpserts } from '../../../src/workers/enricher/upsert-batch.js';
import { SIMILAR_PER_BAND, summaryOf } from '../../../src/store/store-core.js';
import { SUMMARY_FIELDS } from '../../../src/store/types.js';
import { wireCopy } from '../../helpers/wire-copies.js';
import { versionDiff } from '../../../src/api/version-diff.js';

/**
 * Opens a fresh store. `peer`, when given, opens another connection to that same
 * database, as another process would (the caller closes it).
 */
export type StoreFactory = (
  opts: StoreOptions,
) => Promise<{ store: FullArticleStore; cleanup: () => Promise<void>; peer?: () => Promise<FullArticleStore> }>;

export { makeRecord };

const iso = (ms: number): string => new Date(ms).toISOString();
const T0 = Date.parse('2026-02-01T00:00:00.000Z');
const HOUR = 3_600_000;

async function collectAll(store: FullArticleStore, query: Parameters<FullArticleStore['listArticles']>[0]) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await store.listArticles({ ...query, cursor });
    ids.push(...page.items.map((a) => a.id));
    if (!page.nextCursor) {
      return ids;
    }
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

const TOPIC_TREE: Record<string, string[]> = {
  'medtop:11000000': ['medtop:20000638', 'medtop:20000646'],
  'medtop:20000638': ['medtop:20000646'],
};

export function runArticleStoreContract(name: string, factory: StoreFactory): void {
  describe(`ArticleStore contract (${name})`, () => {
    let store: FullArticleStore;
    let clock: number;
    const cleanups: Array<() => Promise<void>> = [];
    let openPeer: (() => Promise<FullArticleStore>) | undefined;

    /** Opens a fresh store (replacing `store`), closed after the test. */
    async function open(extra: StoreOptions = {}): Promise<void> {
      const opened = await factory({
        now: () => new Date(clock),
        topicExpander: (code) => TOPIC_TREE[code] ?? [],
        ...extra,
      });
      cleanups.push(opened.cleanup);
      store = opened.store;
      openPeer = opened.peer;
    }

    /** Another connection to the current store's database (closed after the test), or the store itself when the backend has none. */
    async function peer(): Promise<FullArticleStore> {
      if (!openPeer) {
        return store;
      }
      const p = await openPeer();
      cleanups.push(() => p.close());
      return p;
    }

    beforeEach(async () => {
      clock = T0;
      await open();
    });

    afterEach(async () => {
      while (cleanups.length > 0) {
        await cleanups.pop()?.();
      }
    });

    describe('migrate', () => {
      it('succeeds again without changes when migrations already ran', async () => {
        await store.upsertArticle(makeRecord({ slug: 'm' }));
        await store.migrate();
        expect(await store.countArticles()).toBe(1);
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('upsertArticle', () => {
      it('returns created with version 1 and store times when the id is new', async () => {
        const { outcome, record } = await store.upsertArticle(makeRecord({ slug: 'a', version: 7 }));
        expect(outcome).toBe('created');
        expect(record.version).toBe(1);
        expect(record.storedAt).toBe(iso(T0));
        expect(record.updatedAt).toBe(iso(T0));
        const got = await store.getArticle(record.id);
        expect(got).toEqual(record);
      });

      it('returns unchanged and writes nothing when the same record arrives twice', async () => {
        const rec = makeRecord({ slug: 'a' });
        await store.upsertArticle(rec);
        clock += HOUR;
        const second = await store.upsertArticle({ ...rec, keywords: ['ignored'] });
        expect(second.outcome).toBe('unchanged');
        expect(second.record.version).toBe(1);
        expect(second.record.updatedAt).toBe(iso(T0));
        expect(await store.countArticles()).toBe(1);
        expect((await store.getArticle(rec.id))?.keywords).toEqual([]);
      });

      it('stores one row when the same record is upserted concurrently', async () => {
        const rec = makeRecord({ slug: 'race' });
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.upsertArticle(rec)));
        expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
        expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(4);
        expect(await store.countArticles()).toBe(1);
      });

      it('bumps version and keeps publishedAt and storedAt when the content hash changes', async () => {
        const first = makeRecord({ slug: 'a', publishedAt: '2026-01-01T10:00:00.000Z' });
        await store.upsertArticle(first);
        clock += HOUR;
        const changed = makeRecord({ slug: 'a', text: 'Corrected body.', publishedAt: '2026-01-03T00:00:00.000Z' });
        const { outcome, record } = await store.upsertArticle(changed);
        expect(outcome).toBe('updated');
        expect(record.version).toBe(2);
        expect(record.publishedAt).toBe('2026-01-01T10:00:00.000Z');
        expect(record.storedAt).toBe(iso(T0));
        expect(record.updatedAt).toBe(iso(T0 + HOUR));
        expect(record.text).toBe('Corrected body.');
        expect(await store.getArticle(first.id)).toEqual(record);
        clock += HOUR;
        const third = await store.upsertArticle(makeRecord({ slug: 'a', text: 'Corrected again.' }));
        expect(third.record.version).toBe(3);
        expect(await store.countArticles()).toBe(1);
      });

      it('adopts the publishedAt of an update when the first version had none', async () => {
        await store.upsertArticle(makeRecord({ slug: 'a', publishedAt: null }));
        const { record } = await store.upsertArticle(
          makeRecord({ slug: 'a', text: 'New.', publishedAt: '2026-01-05T00:00:00.000Z' }),
        );
        expect(record.publishedAt).toBe('2026-01-05T00:00:00.000Z');
      });

      it('refreshes topic and full-text indexes when an article is updated', async () => {
        await store.upsertArticle(
          makeRecord({ slug: 'a', text: 'alpha words', topics: [{ code: 'c1', label: 'C1', score: 1, scheme: 'custom' }] }),
        );
        await store.upsertArticle(
          makeRecord({ slug: 'a', text: 'omega words', topics: [{ code: 'c2', label: 'C2', score: 1, scheme: 'custom' }] }),
        );
        expect((await store.listArticles({ q: 'alpha' })).items).toHaveLength(0);
        expect((await store.listArticles({ q: 'omega' })).items).toHaveLength(1);
        expect((await store.listArticles({ topic: 'c1' })).items).toHaveLength(0);
        expect((await store.listArticles({ topic: 'c2' })).items).toHaveLength(1);
      });
    });

    describe('versions', () => {
      const TOPIC = { code: 'medtop:01000000', label: 'arts', score: 0.9, scheme: 'medtop' as const };
      const V1 = {
        title: 'Quake kills 12 in northern Peru',
        text: 'An earthquake killed 12 people on Tuesday, officials said.\n\nRescuers were searching the rubble.',
      };
      // Cosmetic: a dash and a double space.
      const V2 = {
        title: 'Quake kills 12 in northern Peru',
        text: 'An earthquake killed 12 people on Tuesday — officials said.\n\nRescuers were  searching the rubble.',
      };
      // Substantive: a new toll, a new headline.
      const V3 = {
        title: 'Quake kills 15 in northern Peru',
        text: 'An earthquake killed 15 people on Tuesday — officials said.\n\nRescuers were  searching the rubble.',
      };

      it('keeps three versions of a story, says which changes were substantive, and the diff shows what changed', async () => {
        const first = await store.upsertArticle(makeRecord({ slug: 'quake', ...V1, byline: 'By A. Reporter', topics: [TOPIC] }));
        expect(first.substantive ?? null).toBeNull();
        clock += HOUR;
        const second = await store.upsertArticle(makeRecord({ slug: 'quake', ...V2, byline: 'By A. Reporter' }));
        expect(second).toMatchObject({ outcome: 'updated', substantive: false });
        clock += HOUR;
        const third = await store.upsertArticle(makeRecord({ slug: 'quake', ...V3, byline: 'By A. Reporter and B. Writer' }));
        expect(third).toMatchObject({ outcome: 'updated', substantive: true });
        // An unchanged upsert reports the stored version's flag.
        expect(await store.upsertArticle(makeRecord({ slug: 'quake', ...V3 }))).toMatchObject({ outcome: 'unchanged', substantive: true });

        const id = first.record.id;
        const list = await store.listVersions(id);
        expect(list).toEqual([
          { n: 1, at: iso(T0), substantive: null, title: V1.title, textLength: V1.text.length, wordCount: first.record.wordCount },
          { n: 2, at: iso(T0 + HOUR), substantive: false, title: V2.title, textLength: V2.text.length, wordCount: second.record.wordCount },
          { n: 3, at: iso(T0 + 2 * HOUR), substantive: true, title: V3.title, textLength: V3.text.length, wordCount: third.record.wordCount },
        ]);
        const v1 = await store.getVersion(id, 1);
        expect(v1).toEqual({ n: 1, at: iso(T0), substantive: null, ...V1, byline: 'By A. Reporter', topics: [TOPIC] });
        const v3 = await store.getVersion(id, 3);
        expect(v3).toEqual({ n: 3, at: iso(T0 + 2 * HOUR), substantive: true, ...V3, byline: 'By A. Reporter and B. Writer', topics: [] });
        expect(await store.getVersion(id, 4)).toBeNull();
        expect(await store.getVersion('no-such-article', 1)).toBeNull();
        expect(await store.listVersions('no-such-article')).toBeNull();

        const diff = versionDiff(v1!, v3!);
        expect(diff.title).toEqual([
          { kind: 'same', text: 'Quake kills ' },
          { kind: 'removed', text: '12' },
          { kind: 'added', text: '15' },
          { kind: 'same', text: ' in northern Peru' },
        ]);
        expect(diff.text.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([
          ['removed', '12'],
          ['added', '15'],
          ['removed', ','],
          ['added', '—'],
        ]);
        expect(diff.byline.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['and B. Writer']);
        expect(diff.wordsAdded).toBe(5);
        expect(diff.wordsRemoved).toBe(2);
      });

      it('keeps only the last versions the retention bound allows', async () => {
        await open({ versions: { keep: 3 } });
        for (let v = 1; v <= 5; v++) {
          await store.upsertArticle(makeRecord({ slug: 'bounded', text: `Revision ${v} of the story.` }));
          clock += HOUR;
        }
        const id = makeRecord({ slug: 'bounded' }).id;
        expect((await store.listVersions(id))?.map((v) => v.n)).toEqual([3, 4, 5]);
        expect(await store.getVersion(id, 2)).toBeNull();
        expect((await store.getVersion(id, 3))?.text).toBe('Revision 3 of the story.');
      });

      it('drops earlier versions older than the age bound when the story is next updated', async () => {
        await open({ versions: { maxAgeMs: 2 * HOUR } });
        const id = makeRecord({ slug: 'aged' }).id;
        await store.upsertArticle(makeRecord({ slug: 'aged', text: 'First.' }));
        clock += HOUR;
        await store.upsertArticle(makeRecord({ slug: 'aged', text: 'Second.' }));
        expect((await store.listVersions(id))?.map((v) => v.n)).toEqual([1, 2]);
        clock += 2 * HOUR;
        await store.upsertArticle(makeRecord({ slug: 'aged', text: 'Third.' }));
        // Version 1 was stored three hours ago, version 2 two hours ago: the bound keeps version 2.
        expect((await store.listVersions(id))?.map((v) => v.n)).toEqual([2, 3]);
      });

      it('keeps no earlier version when the bound is one, and forgets versions with their article', async () => {
        await open({ versions: { keep: 1 } });
        await store.upsertArticle(makeRecord({ slug: 'solo', text: 'One.' }));
        await store.upsertArticle(makeRecord({ slug: 'solo', text: 'Two.' }));
        const id = makeRecord({ slug: 'solo' }).id;
        expect((await store.listVersions(id))?.map((v) => v.n)).toEqual([2]);
        expect(await store.getVersion(id, 1)).toBeNull();

        await open();
        await store.upsertArticle(makeRecord({ slug: 'gone', text: 'One.', publishedAt: iso(T0 - 400 * 86_400_000) }));
        await store.upsertArticle(makeRecord({ slug: 'gone', text: 'Two.', publishedAt: iso(T0 - 400 * 86_400_000) }));
        const gone = makeRecord({ slug: 'gone' }).id;
        expect((await store.listVersions(gone))?.map((v) => v.n)).toEqual([1, 2]);
        expect(await store.deleteOlderThan(30)).toBe(1);
        expect(await store.listVersions(gone)).toBeNull();
        expect(await store.getVersion(gone, 1)).toBeNull();
      });

      it('files the replaced version in the same transaction as a batch update', async () => {
        const a = makeRecord({ slug: 'batch-a', text: 'A one.' });
        await store.upsertArticles([{ record: a }, { record: makeRecord({ slug: 'batch-a', text: 'A two.' }) }]);
        const results = await store.upsertArticles([{ record: makeRecord({ slug: 'batch-a', text: 'A three, revised.' }) }]);
        expect(results[0]).toMatchObject({ outcome: 'updated', substantive: true });
        const list = await store.listVersions(a.id);
        expect(list?.map((v) => [v.n, v.substantive])).toEqual([
          [1, null],
          [2, true],
          [3, true],
        ]);
        expect((await store.getVersion(a.id, 2))?.text).toBe('A two.');
      });
    });

    describe('upsertArticles', () => {
      const biz = { id: 'biz', title: 'Biz', url: null };
      const refugees = { code: 'medtop:20000646', label: 'refugees', score: 0.9, scheme: 'medtop' as const };
      const politics = { code: 'medtop:11000000', label: 'politics', score: 0.7, scheme: 'medtop' as const };
      const rotterdam = { people: [], places: [{ name: 'Rotterdam', mentions: 1, salience: 1, offset: 0 }], organisations: [] };
      /** An earlier article, then a batch that creates, updates it, repeats an id and repeats a record unchanged. */
      const earlier = makeRecord({ slug: 'old', publishedAt: iso(T0 - 9 * HOUR), topics: [politics] });
      const batch = () => [
        {
          record: makeRecord({ slug: 'b1', title: 'Harbour strike', text: 'Dockers strike in Rotterdam.', publishedAt: iso(T0 - 3 * HOUR), topics: [refugees], entities: rotterdam }),
          fingerprint: { signature: [1, 2], bands: ['0:a', '1:b'] },
        },
        { record: makeRecord({ slug: 'b2', publishedAt: iso(T0 - 3 * HOUR), feed: biz, topics: [politics, refugees] }) },
        { record: makeRecord({ slug: 'b3', publishedAt: null, language: 'fr' }), fingerprint: { signature: [3], bands: ['0:a'] } },
        { record: makeRecord({ slug: 'old', text: 'Corrected body.', publishedAt: iso(T0 - 8 * HOUR), topics: [refugees], feed: biz }) },
        {
          record: makeRecord({ slug: 'b1', title: 'Harbour strike ends', text: 'Dockers return to work in Rotterdam.', publishedAt: iso(T0 - 3 * HOUR), entities: rotterdam }),
          fingerprint: { signature: [1, 3], bands: ['0:c'] },
        },
        { record: makeRecord({ slug: 'b2', publishedAt: iso(T0 - 3 * HOUR), feed: biz, topics: [politics, refugees] }) },
      ];

      it('stores what one upsertArticle per item stores, with the same outcomes, when given a batch', async () => {
        const one = store;
        await one.upsertArticle(earlier);
        clock += HOUR;
        const single = [];
        for (const item of batch()) {
          single.push(await one.upsertArticle(item.record, item.fingerprint ? { fingerprint: item.fingerprint } : {}));
        }
        clock -= HOUR;
        await open();
        const bulk = store;
        await bulk.upsertArticle(earlier);
        clock += HOUR;
        const results = await bulk.upsertArticles(batch());
        expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'updated', 'updated', 'unchanged']);
        expect(results).toEqual(single);
        const queries = [
          {},
          { feed: 'biz' },
          { feed: 'wire', topic: 'medtop:11000000' },
          { topic: 'medtop:11000000' },
          { topic: 'medtop:20000646', limit: 1 },
          { entity: 'rotterdam' },
          { q: 'dockers work' },
          { q: 'strike' },
          { lang: 'fr' },
          { since: iso(T0 - 4 * HOUR) },
        ];
        for (const q of queries) {
          const expected = await collectAll(one, q);
          expect(await collectAll(bulk, q), JSON.stringify(q)).toEqual(expected);
        }
        // b1's update took its topic away; the corrected earlier article moved to biz with a new topic.
        expect(await collectAll(bulk, { topic: 'medtop:20000646' })).toEqual([articleIdFor('https://news.test/b2'), earlier.id]);
        expect(await collectAll(bulk, { feed: 'wire', topic: 'medtop:11000000' })).toEqual([]);
        for (const id of new Set(batch().map((i) => i.record.id))) {
          expect(await bulk.getArticle(id)).toEqual(await one.getArticle(id));
        }
        for (const bands of [['0:a'], ['0:c'], ['1:b']]) {
          expect(await bulk.findSimilar(bands)).toEqual(await one.findSimilar(bands));
        }
        const { sizeBytes: _a, ...bulkStats } = await bulk.stats();
        const { sizeBytes: _b, ...oneStats } = await one.stats();
        expect(bulkStats).toEqual(oneStats);
      });

      it('returns an empty list and writes nothing when the batch is empty', async () => {
        expect(await store.upsertArticles([])).toEqual([]);
        expect(await store.countArticles()).toBe(0);
      });

      it('stores nothing of the batch when one of its items fails', async () => {
        const bad = { ...makeRecord({ slug: 'bad' }), keywords: [1n] as unknown as string[] };
        await expect(store.upsertArticles([{ record: makeRecord({ slug: 'good' }) }, { record: bad }])).rejects.toThrow();
        expect(await store.countArticles()).toBe(0);
        expect((await store.listArticles({})).items).toEqual([]);
      });

      it('stores each article once when overlapping batches and single upserts run concurrently', async () => {
        const recs = Array.from({ length: 40 }, (_, i) => makeRecord({ slug: `c${i}`, publishedAt: iso(T0 - (i % 4) * 1000) }));
        const results = await Promise.all([
          store.upsertArticles(recs.slice(0, 25).map((record) => ({ record }))),
          store.upsertArticles(recs.slice(15).reverse().map((record) => ({ record }))),
          ...recs.slice(10, 30).map((r) => store.upsertArticle(r)),
        ]);
        const outcomes = results.flat();
        expect(outcomes.filter((r) => r.outcome === 'created')).toHaveLength(40);
        expect(outcomes.filter((r) => r.outcome === 'unchanged')).toHaveLength(25 + 25 + 20 - 40);
        expect(await store.countArticles()).toBe(40);
        const paged = await collectAll(store, { limit: 7 });
        expect(new Set(paged).size).toBe(40);
      });
    });

    describe('getArticle', () => {
      it('returns null when the id is unknown', async () => {
        expect(await store.getArticle('nope')).toBeNull();
      });
    });

    // Both page plans: filters driving from their own index (default), and a scan of the articles checking each filter.
    describe.each([
      ['index-driven filters', {}],
      ['scan with filter checks', { driveThreshold: 0, textProbeRows: 8 }],
      // PostgreSQL: an entity + topic page past its first entity row joins the two sets.
      ['entity and topic rows joined', { driveThreshold: 0, entityProbeRows: 1 }],
    ] as const)('listArticles (%s)', (_plan, planOpts) => {
      beforeEach(async () => {
        await open(planOpts);
      });

      async function seedFilters(): Promise<Record<string, ArticleRecord>> {
        const recs = {
          en1: makeRecord({
            slug: 'en1',
            title: 'Refugees reach Seoul',
            text: 'North Korean refugees asked for asylum in Beijing.',
            publishedAt: '2026-01-10T00:00:00.000Z',
            language: 'en',
            topics: [{ code: 'medtop:20000646', label: 'refugees', score: 0.9, scheme: 'medtop' }],
            entities: {
              people: [{ name: 'Liu Jianchao', mentions: 2, salience: 0.5, offset: 3 }],
              places: [{ name: 'Beijing', mentions: 1, salience: 0.4, offset: 40 }],
              organisations: [],
            },
          }),
          en2: makeRecord({
            slug: 'en2',
            title: 'Markets rally',
            text: 'Stocks rose sharply in Tokyo.',
            publishedAt: '2026-01-12T00:00:00.000Z',
            language: 'en-US',
            feed: { id: 'biz', title: 'Biz', url: null },
            topics: [{ code: 'medtop:04000000', label: 'economy', score: 0.8, scheme: 'medtop' }],
          }),
          fr1: makeRecord({
            slug: 'fr1',
            title: 'Réfugiés à Séoul',
            text: 'Les réfugiés nord-coréens demandent l’asile.',
            publishedAt: '2026-01-14T00:00:00.000Z',
            language: 'fr',
            topics: [{ code: 'medtop:11000000', label: 'politics', score: 0.7, scheme: 'medtop' }],
          }),
          nodate: makeRecord({ slug: 'nodate', publishedAt: null, language: null }),
        };
        for (const r of Object.values(recs)) {
          await store.upsertArticle(r);
        }
        return recs;
      }

      it('orders newest first, falling back to storedAt when publishedAt is missing', async () => {
        const r = await seedFilters();
        const ids = (await store.listArticles({})).items.map((a) => a.id);
        // nodate sorts by storedAt (T0 = 2026-02-01), newer than every publishedAt.
        expect(ids).toEqual([r.nodate!.id, r.fr1!.id, r.en2!.id, r.en1!.id]);
      });

      it('keeps only articles in [since, until) when both are given', async () => {
        const r = await seedFilters();
        const page = await store.listArticles({ since: '2026-01-10T00:00:00Z', until: '2026-01-14T00:00:00Z' });
        expect(page.items.map((a) => a.id)).toEqual([r.en2!.id, r.en1!.id]);
        const sinceOnly = await store.listArticles({ since: '2026-01-13T00:00:00+00:00' });
        expect(sinceOnly.items.map((a) => a.id)).toEqual([r.nodate!.id, r.fr1!.id]);
      });

      it('keeps only the feed asked for when feed is given', async () => {
        const r = await seedFilters();
        expect((await store.listArticles({ feed: 'biz' })).items.map((a) => a.id)).toEqual([r.en2!.id]);
      });

      it('matches the language and its regional variants when lang is given', async () => {
        const r = await seedFilters();
        expect((await store.listArticles({ lang: 'en' })).items.map((a) => a.id)).toEqual([r.en2!.id, r.en1!.id]);
        expect((await store.listArticles({ lang: 'en-us' })).items.map((a) => a.id)).toEqual([r.en2!.id]);
        expect((await store.listArticles({ lang: 'fr' })).items.map((a) => a.id)).toEqual([r.fr1!.id]);
      });

      it('includes descendants of the topic code when the expander knows them', async () => {
        const r = await seedFilters();
        expect((await store.listArticles({ topic: 'medtop:20000646' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ topic: 'medtop:11000000' })).items.map((a) => a.id)).toEqual([
          r.fr1!.id,
          r.en1!.id,
        ]);
        expect((await store.listArticles({ topic: 'medtop:99999999' })).items).toEqual([]);
      });

      it('matches an entity by name regardless of case when entity is given', async () => {
        const r = await seedFilters();
        expect((await store.listArticles({ entity: 'liu  jianchao' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ entity: 'Beijing' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ entity: 'Tokyo' })).items).toEqual([]);
      });

      it('finds articles by words of title or text when q is given', async () => {
        const r = await seedFilters();
        expect((await store.listArticles({ q: 'asylum' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ q: 'markets' })).items.map((a) => a.id)).toEqual([r.en2!.id]);
        expect((await store.listArticles({ q: 'refugees seoul' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ q: 'refugees tokyo' })).items).toEqual([]);
        expect((await store.listArticles({ q: '"NEAR(' })).items).toEqual([]);
        expect((await store.listArticles({ q: 'refugies' })).items.map((a) => a.id)).toEqual([r.fr1!.id]);
        expect((await store.listArticles({ q: 'Réfugiés asile' })).items.map((a) => a.id)).toEqual([r.fr1!.id]);
        expect((await store.listArticles({ q: 'refugees', since: '2026-01-11T00:00:00Z' })).items).toEqual([]);
        expect((await store.listArticles({ q: 'refugees', until: '2026-01-11T00:00:00Z' })).items.map((a) => a.id)).toEqual([r.en1!.id]);
      });

      it('combines filters when several are given', async () => {
        const r = await seedFilters();
        const page = await store.listArticles({ lang: 'en', q: 'refugees', topic: 'medtop:11000000', feed: 'wire' });
        expect(page.items.map((a) => a.id)).toEqual([r.en1!.id]);
        const both = await store.listArticles({ topic: 'medtop:11000000', entity: 'beijing', since: '2026-01-01T00:00:00Z' });
        expect(both.items.map((a) => a.id)).toEqual([r.en1!.id]);
        expect((await store.listArticles({ topic: 'medtop:11000000', entity: 'tokyo' })).items).toEqual([]);
        expect((await store.listArticles({ topic: 'medtop:11000000', feed: 'biz' })).items).toEqual([]);
      });

      it('keeps only articles of feeds in the category when category is given, alone or with other filters', async () => {
        const r = await seedFilters();
        await store.upsertFeed({ id: 'wire', url: 'https://news.test/feed.xml', categories: ['World', 'Asia desk'] });
        await store.upsertFeed({ id: 'biz', url: 'https://news.test/biz.xml', categories: ['Business'] });
        await store.upsertFeed({ id: 'lookalike', url: 'https://news.test/l.xml', categories: ['worldx', 'asia_desk'] });
        const ids = async (q: Parameters<typeof store.listArticles>[0]) => (await store.listArticles(q)).items.map((a) => a.id);
        expect(await ids({ category: 'business' })).toEqual([r.en2!.id]);
        expect(await ids({ category: 'WORLD' })).toEqual([r.nodate!.id, r.fr1!.id, r.en1!.id]);
        expect(await ids({ category: 'asia  desk' })).toHaveLength(3);
        // LIKE wildcards in a name are literal.
        expect(await ids({ category: 'asia_desk' })).toEqual([]);
        expect(await ids({ category: 'worl' })).toEqual([]);
        expect(await ids({ category: 'world', topic: 'medtop:11000000' })).toEqual([r.fr1!.id, r.en1!.id]);
        expect(await ids({ category: 'business', topic: 'medtop:11000000' })).toEqual([]);
        expect(await ids({ category: 'world', entity: 'beijing' })).toEqual([r.en1!.id]);
        expect(await ids({ category: 'world', q: 'refugees' })).toEqual([r.en1!.id]);
        expect(await ids({ category: 'world', feed: 'biz' })).toEqual([]);
        expect(await ids({ category: 'nobody' })).toEqual([]);
      });

      it('pages topic and entity filters with a language newest first, regional variants included, and follows an update that changes the language', async () => {
        const langs = ['en', 'en-GB', 'fr', 'de', 'en-US', 'fr-CA'];
        const recs = Array.from({ length: 18 }, (_, i) =>
          makeRecord({
            slug: `tl${i}`,
            publishedAt: iso(T0 - i * HOUR),
            language: langs[i % langs.length]!,
            topics: [{ code: i % 2 === 0 ? 'medtop:20000646' : 'medtop:04000000', label: 'x', score: 1, scheme: 'medtop' }],
            entities: { people: [], places: i % 3 === 2 ? [] : [{ name: 'Seoul', mentions: 1, salience: 1, offset: 0 }], organisations: [] },
          }),
        );
        for (const r of recs) {
          await store.upsertArticle(r);
        }
        const want = (f: (r: ArticleRecord, i: number) => boolean) => recs.filter((r, i) => f(r, i)).map((r) => r.id);
        const isEn = (r: ArticleRecord) => r.language === 'en' || String(r.language).startsWith('en-');
        const seoul = (_: ArticleRecord, i: number) => i % 3 !== 2;
        expect(await collectAll(store, { topic: 'medtop:20000646', lang: 'en', limit: 2 })).toEqual(want((r, i) => i % 2 === 0 && isEn(r)));
        expect(await collectAll(store, { topic: 'medtop:20000646', lang: 'EN-gb', limit: 2 })).toEqual(want((r, i) => i % 2 === 0 && r.language === 'en-GB'));
        expect(await collectAll(store, { topic: 'medtop:04000000', lang: 'fr', feed: 'wire', limit: 1 })).toEqual(want((r, i) => i % 2 === 1 && r.language!.startsWith('fr')));
        expect(await collectAll(store, { entity: 'seoul', lang: 'en', limit: 2 })).toEqual(want((r, i) => seoul(r, i) && isEn(r)));
        expect(await collectAll(store, { entity: 'seoul', topic: 'medtop:20000646', limit: 2 })).toEqual(want((r, i) => seoul(r, i) && i % 2 === 0));
        expect(await collectAll(store, { entity: 'seoul', topic: 'medtop:20000646', lang: 'en', limit: 1 })).toEqual(want((r, i) => seoul(r, i) && i % 2 === 0 && isEn(r)));
        expect(await collectAll(store, { entity: 'seoul', lang: 'de', since: iso(T0 - 10 * HOUR), limit: 3 })).toEqual(want((r, i) => seoul(r, i) && r.language === 'de' && i <= 10));
        expect(await collectAll(store, { lang: 'fr', limit: 4 })).toEqual(want((r) => r.language!.startsWith('fr')));
        expect(await collectAll(store, { entity: 'seoul', topic: 'medtop:20000646', feed: 'wire', limit: 2 })).toEqual(want((r, i) => seoul(r, i) && i % 2 === 0));
        expect(await collectAll(store, { entity: 'seoul', topic: 'medtop:20000646', feed: 'biz' })).toEqual([]);
        // An update in another language moves the article's topic and entity rows with it.
        const moved = recs[0]!;
        await store.upsertArticle({ ...moved, language: 'de', text: `${moved.text} Updated.`, contentHash: `${moved.contentHash}x` });
        expect((await collectAll(store, { topic: 'medtop:20000646', lang: 'en' })).includes(moved.id)).toBe(false);
        expect((await collectAll(store, { topic: 'medtop:20000646', lang: 'de' })).includes(moved.id)).toBe(true);
        expect((await collectAll(store, { entity: 'seoul', lang: 'de' }))[0]).toBe(moved.id);
      });

      it('pages a topic filter newest first without skips when the topic spans many articles', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 12; i++) {
          const rec = makeRecord({
            slug: `t${i}`,
            publishedAt: iso(T0 - i * HOUR),
            topics: [{ code: i % 2 === 0 ? 'medtop:20000646' : 'medtop:20000638', label: 'x', score: 1, scheme: 'medtop' }],
            entities: { people: [], places: [{ name: 'Seoul', mentions: 1, salience: 1, offset: 0 }], organisations: [] },
          });
          ids.push(rec.id);
          await store.upsertArticle(rec);
        }
        await store.upsertArticle(makeRecord({ slug: 'other', topics: [{ code: 'x', label: 'x', score: 1, scheme: 'custom' }] }));
        expect(await collectAll(store, { topic: 'medtop:11000000', limit: 5 })).toEqual(ids);
        expect(await collectAll(store, { entity: 'seoul', limit: 5 })).toEqual(ids);
        expect(await collectAll(store, { topic: 'medtop:20000646', limit: 4 })).toEqual(ids.filter((_, i) => i % 2 === 0));
        expect(await collectAll(store, { topic: 'medtop:20000638', limit: 4 })).toEqual(ids);
        const window = { since: iso(T0 - 5 * HOUR), until: iso(T0 - HOUR), limit: 2 };
        expect(await collectAll(store, { topic: 'medtop:11000000', ...window })).toEqual(ids.slice(2, 6));
        expect(await collectAll(store, { entity: 'seoul', ...window, since: iso(T0 - 5 * HOUR + 1) })).toEqual(ids.slice(2, 5));
      });

      it('pages a topic within one feed newest first, and follows an article an update moves to another feed', async () => {
        const recs = Array.from({ length: 12 }, (_, i) =>
          makeRecord({
            slug: `tf${i}`,
            publishedAt: iso(T0 - i * HOUR),
            feed: i % 3 === 0 ? { id: 'biz', title: null, url: null } : { id: 'wire', title: 'Wire', url: null },
            topics: [{ code: i % 2 === 0 ? 'medtop:20000646' : 'medtop:20000638', label: 'x', score: 1, scheme: 'medtop' }],
          }),
        );
        for (const r of recs) {
          await store.upsertArticle(r);
        }
        await store.upsertArticle(makeRecord({ slug: 'untagged', publishedAt: iso(T0) }));
        const idsWhere = (f: (i: number) => boolean) => recs.filter((_, i) => f(i)).map((r) => r.id);
        expect(await collectAll(store, { topic: 'medtop:11000000', feed: 'wire', limit: 3 })).toEqual(idsWhere((i) => i % 3 !== 0));
        expect(await collectAll(store, { topic: 'medtop:20000646', feed: 'biz', limit: 1 })).toEqual(idsWhere((i) => i % 6 === 0));
        expect(await collectAll(store, { topic: 'medtop:20000646', feed: 'nowhere' })).toEqual([]);
        const window = { since: iso(T0 - 7 * HOUR), until: iso(T0 - 2 * HOUR), limit: 2 };
        expect(await collectAll(store, { topic: 'medtop:11000000', feed: 'wire', ...window })).toEqual(
          idsWhere((i) => i % 3 !== 0 && i > 2 && i <= 7),
        );
        const moved = recs[4]!;
        await store.upsertArticle({ ...moved, text: 'Moved to the business desk.', contentHash: 'moved', feed: { id: 'biz', title: null, url: null } });
        expect(await collectAll(store, { topic: 'medtop:11000000', feed: 'wire' })).toEqual(idsWhere((i) => i % 3 !== 0 && i !== 4));
        expect(await collectAll(store, { topic: 'medtop:11000000', feed: 'biz' })).toEqual(idsWhere((i) => i % 3 === 0 || i === 4));
      });

      it('pages through every article once with a stable order when ties share a timestamp', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 23; i++) {
          const rec = makeRecord({ slug: `p${i}`, publishedAt: iso(T0 - (i % 3) * HOUR) });
          ids.push(rec.id);
          await store.upsertArticle(rec);
        }
        const seen = await collectAll(store, { limit: 5 });
        expect(seen).toHaveLength(23);
        expect(new Set(seen)).toEqual(new Set(ids));
        const first = await store.listArticles({ limit: 5 });
        expect(first.items).toHaveLength(5);
        expect(first.nextCursor).not.toBeNull();
        const all = (await store.listArticles({ limit: 100 })).items.map((a) => a.id);
        expect(all).toEqual(seen);
        expect(await collectAll(store, { q: 'second paragraph', limit: 5 })).toEqual(seen);
        expect(await collectAll(store, { q: 'p7', limit: 5 })).toEqual([ids[7]]);
      });

      it('neither skips nor repeats an article when new ones arrive between pages', async () => {
        const initial: string[] = [];
        for (let i = 0; i < 30; i++) {
          const rec = makeRecord({ slug: `i${i}`, publishedAt: iso(T0 - i * HOUR) });
          initial.push(rec.id);
          await store.upsertArticle(rec);
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        let n = 0;
        do {
          const page = await store.listArticles({ limit: 4, cursor });
          seen.push(...page.items.map((a) => a.id));
          cursor = page.nextCursor ?? undefined;
          // Meanwhile: newer articles, older ones, ties, and re-deliveries with new content.
          n++;
          await store.upsertArticle(makeRecord({ slug: `new${n}`, publishedAt: iso(T0 + n * HOUR) }));
          await store.upsertArticle(makeRecord({ slug: `old${n}`, publishedAt: iso(T0 - 100 * HOUR - n) }));
          await store.upsertArticle(makeRecord({ slug: `tie${n}`, publishedAt: iso(T0 - 10 * HOUR) }));
          await store.upsertArticle(makeRecord({ slug: `i${n}`, text: `revised ${n}`, publishedAt: iso(T0 + 500 * HOUR) }));
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of initial) {
          expect(seen).toContain(id);
        }
      });

      it('rejects a cursor it did not make with a permanent error', async () => {
        const err = await store.listArticles({ cursor: 'not-a-cursor' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PipelineError);
        expect((err as PipelineError).retryable).toBe(false);
        await expect(store.listArticles({ since: 'yesterday' })).rejects.toThrow(/since/);
      });

      it('caps the page at the limit when more articles match', async () => {
        for (let i = 0; i < 5; i++) {
          await store.upsertArticle(makeRecord({ slug: `l${i}` }));
        }
        const page = await store.listArticles({ limit: 2 });
        expect(page.items).toHaveLength(2);
        const last = await store.listArticles({ limit: 5 });
        expect(last.items).toHaveLength(5);
        expect(last.nextCursor).toBeNull();
      });
    });

    describe('listArticleJson', () => {
      it('returns the page listArticles returns, each item as its stored JSON text, full or summary', async () => {
        const topic = { code: 'c1', label: 'C1', score: 0.5, scheme: 'custom' as const, evidence: ['alpha'] };
        for (let i = 0; i < 5; i++) {
          await store.upsertArticle(
            makeRecord({ slug: `j${i}`, text: `alpha ${i}`, excerpt: `Lead ${i}`, topics: [topic], publishedAt: iso(T0 + i * HOUR) }),
          );
        }
        for (const query of [{ limit: 2 }, { limit: 2, topic: 'c1' }, { limit: 2, q: 'alpha' }, { limit: 10, feed: 'wire' }]) {
          const records = await store.listArticles(query);
          const full = await store.listArticleJson(query, 'full');
          expect(full.nextCursor).toBe(records.nextCursor);
          expect(full.items.map((j) => JSON.parse(j))).toEqual(records.items);
          const summary = await store.listArticleJson(query, 'summary');
          expect(summary.nextCursor).toBe(records.nextCursor);
          expect(summary.items.map((j) => JSON.parse(j))).toEqual(records.items.map(summaryOf));
          expect(Object.keys(JSON.parse(summary.items[0] ?? '{}')).sort()).toEqual([...SUMMARY_FIELDS].sort());
          expect(JSON.parse(summary.items[0] ?? '{}').topics).toEqual([{ code: 'c1', label: 'C1', score: 0.5, scheme: 'custom' }]);
        }
        const next = await store.listArticleJson({ limit: 2, cursor: (await store.listArticles({ limit: 2 })).nextCursor ?? '' }, 'summary');
        expect(next.items.map((j) => JSON.parse(j).id)).toEqual((await store.listArticles({ limit: 4 })).items.slice(2).map((r) => r.id));
      });

      it('gives the summary of an updated article from its new version', async () => {
        await store.upsertArticle(makeRecord({ slug: 'u', title: 'Old title' }));
        await store.upsertArticle(makeRecord({ slug: 'u', title: 'New title', text: 'changed' }));
        const page = await store.listArticleJson({}, 'summary');
        expect(page.items.map((j) => JSON.parse(j).title)).toEqual(['New title']);
      });
    });

    describe('findSimilar', () => {
      it('returns articles sharing a band, most shared first, when bands overlap', async () => {
        const a = makeRecord({ slug: 'a', clusterId: 'cluster-a' });
        const b = makeRecord({ slug: 'b', clusterId: 'cluster-a' });
        const c = makeRecord({ slug: 'c', clusterId: 'cluster-c' });
        await store.upsertArticle(a, { fingerprint: { signature: [1, 2, 3], bands: ['0:x', '1:y', '2:z'] } });
        await store.upsertArticle(b, { fingerprint: { signature: [1, 2, 4], bands: ['0:x', '1:q', '2:r'] } });
        await store.upsertArticle(c, { fingerprint: { signature: [9, 9, 9], bands: ['0:m', '1:n', '2:o'] } });
        const found = await store.findSimilar(['0:x', '1:y', '2:zz']);
        expect(found.map((f) => f.id)).toEqual([a.id, b.id]);
        expect(found[0]).toEqual({ id: a.id, clusterId: 'cluster-a', signature: [1, 2, 3] });
        expect(await store.findSimilar(['9:none'])).toEqual([]);
        expect(await store.findSimilar([])).toEqual([]);
      });

      it('forgets old band keys when an update brings a new fingerprint', async () => {
        await store.upsertArticle(makeRecord({ slug: 'a' }), { fingerprint: { signature: [1], bands: ['0:old'] } });
        await store.upsertArticle(makeRecord({ slug: 'a', text: 'changed' }), {
          fingerprint: { signature: [2], bands: ['0:new'] },
        });
        expect(await store.findSimilar(['0:old'])).toEqual([]);
        expect((await store.findSimilar(['0:new']))[0]?.signature).toEqual([2]);
      });
    });

    describe('clustering under concurrency', () => {
      /**
       * Enriches every copy at the same moment through the real enrich path, spread
       * over `writers` (each like one enricher process: its own connection, and with
       * `grouped` its own group commit), the CPU-bound tagging done beforehand so
       * that every upsert is in flight together.
       */
      async function enrichTogether(copies: ExtractedArticle[], writers: FullArticleStore[], grouped: boolean): Promise<void> {
        const enriched = await Promise.all(copies.map((c) => enrichInProcess(c, {})));
        const deps = writers.map(
          (w): EnrichDeps => ({
            store: w,
            options: () => ({}),
            publish: async () => undefined,
            enrich: async (article) => {
              const i = copies.indexOf(article);
              const e = enriched[i];
              if (!e) {
                throw new Error('unknown copy');
              }
              return { record: structuredClone(e.record), fingerprint: e.fingerprint };
            },
            ...(grouped ? { upsert: batchUpserts((items) => w.upsertArticles(items)) } : {}),
          }),
        );
        const results = await Promise.all(copies.map((c, i) => handleEnrich(c, deps[i % deps.length] as EnrichDeps)));
        expect(results.every((r) => r.status === 'done')).toBe(true);
      }

      /** Each story's copies share one cluster, named after the copy stored first, which every other copy duplicates. */
      async function expectOneClusterPerStory(stories: number[], copiesPerStory: number): Promise<void> {
        const all = (await store.listArticles({ limit: 1000 })).items;
        expect(all).toHaveLength(stories.length * copiesPerStory);
        const roots = new Set<string>();
        for (const s of stories) {
          const ids = new Set(Array.from({ length: copiesPerStory }, (_, n) => articleIdFor(wireCopy(s, n).canonicalUrl)));
          const members = all.filter((a) => ids.has(a.id));
          expect(members).toHaveLength(copiesPerStory);
          const clusters = new Set(members.map((m) => m.clusterId));
          expect(clusters.size).toBe(1);
          const first = members.find((m) => clusters.has(m.id)) as ArticleRecord;
          // The clock ticks on every store call (a batch shares one time), so storedAt orders the writes.
          expect(members.every((m) => String(first.storedAt) <= String(m.storedAt))).toBe(true);
          expect(first.duplicateOf).toBeNull();
          const others = members.filter((m) => m !== first);
          expect(others.map((m) => m.duplicateOf)).toEqual(Array(copiesPerStory - 1).fill(first.id));
          roots.add(first.id);
        }
        expect(roots.size).toBe(stories.length);
      }

      /** Copies of stories 3 and 11, interleaved, released together. */
      const twoStories = (copiesPerStory: number): ExtractedArticle[] =>
        Array.from({ length: copiesPerStory }, (_, n) => [wireCopy(3, n), wireCopy(11, n)]).flat();

      beforeEach(async () => {
        await open({ now: () => new Date(clock++) });
      });

      it('puts copies enriched at the same moment by three writers into one cluster per story, the first stored’s', async () => {
        const writers = [store, await peer(), await peer()];
        await enrichTogether(twoStories(4), writers, false);
        await expectOneClusterPerStory([3, 11], 4);
      });

      it('puts copies into one cluster per story when writers group their upserts in batches', async () => {
        const writers = [store, await peer(), await peer()];
        await enrichTogether(twoStories(5), writers, true);
        await expectOneClusterPerStory([3, 11], 5);
      });

      it('reads only the newest articles of a band key carried by many, and still finds a copy by its other keys', async () => {
        const common = Array.from({ length: SIMILAR_PER_BAND + 60 }, (_, i) => ({
          record: makeRecord({ slug: `common-${i}`, publishedAt: iso(T0 + i * 1000) }),
          fingerprint: { signature: [i], bands: ['0:common'] },
        }));
        const original = makeRecord({ slug: 'orig', publishedAt: iso(T0 - HOUR) });
        await store.upsertArticle(original, { fingerprint: { signature: [1, 2, 3], bands: ['0:common', '1:rare', '2:rare'] } });
        await store.upsertArticles(common);
        const capped = await store.findSimilar(['0:common'], 1000);
        expect(capped).toHaveLength(SIMILAR_PER_BAND);
        expect(capped.map((f) => f.id)).toEqual(common.slice(-SIMILAR_PER_BAND).reverse().map((c) => c.record.id));
        const found = await store.findSimilar(['0:common', '1:rare', '2:rare'], 5);
        expect(found[0]?.id).toBe(original.id);
      });
    });

    describe('feeds', () => {
      it('registers, lists, updates and removes feeds', async () => {
        await store.upsertFeed({ id: 'b', url: 'https://news.test/b.xml' });
        await store.upsertFeed({ id: 'a', url: 'https://news.test/a.xml', title: 'A', intervalMs: 60_000 });
        const a = await store.getFeed('a');
        expect(a).toMatchObject({
          id: 'a',
          url: 'https://news.test/a.xml',
          title: 'A',
          intervalMs: 60_000,
          status: 'active',
          consecutiveFailures: 0,
          lastPolledAt: null,
          lastError: null,
        });
        expect((await store.listFeeds()).map((f) => f.id)).toEqual(['a', 'b']);
        await store.upsertFeed({ id: 'a', url: 'https://news.test/a.xml', intervalMs: 120_000 });
        expect(await store.getFeed('a')).toMatchObject({ title: 'A', intervalMs: 120_000 });
        expect(await store.removeFeed('a')).toBe(true);
        expect(await store.removeFeed('a')).toBe(false);
        expect(await store.getFeed('a')).toBeNull();
      });

      it("keeps a feed's categories (desks) as written, until they are given again", async () => {
        await store.upsertFeed({ id: 'c', url: 'https://news.test/c.xml', categories: [' World ', 'Business', 'world', 'Café & Co'] });
        expect((await store.getFeed('c'))?.categories).toEqual(['World', 'Business', 'Café & Co']);
        await store.upsertFeed({ id: 'c', url: 'https://news.test/c.xml', intervalMs: 60_000 });
        expect((await store.getFeed('c'))?.categories).toEqual(['World', 'Business', 'Café & Co']);
        await store.upsertFeed({ id: 'c', url: 'https://news.test/c.xml', categories: [] });
        expect((await store.getFeed('c'))?.categories).toEqual([]);
        await store.upsertFeed({ id: 'd', url: 'https://news.test/d.xml' });
        expect((await store.getFeed('d'))?.categories).toEqual([]);
      });

      it('counts consecutive failures up and resets them when a poll succeeds', async () => {
        await store.upsertFeed({ id: 'f', url: 'https://news.test/f.xml' });
        const error = { code: 'http_status', message: 'GET https://news.test/f.xml -> 503' };
        await store.recordPoll('f', { ok: false, at: '2026-01-01T00:00:00.000Z', error });
        await store.recordPoll('f', {
          ok: false,
          at: '2026-01-01T00:05:00.000Z',
          error,
          nextPollAt: '2026-01-01T00:15:00.000Z',
        });
        expect(await store.getFeed('f')).toMatchObject({
          consecutiveFailures: 2,
          lastError: error,
          lastErrorAt: '2026-01-01T00:05:00.000Z',
          lastPolledAt: '2026-01-01T00:05:00.000Z',
          lastSuccessAt: null,
          nextPollAt: '2026-01-01T00:15:00.000Z',
          status: 'active',
        });
        await store.recordPoll('f', {
          ok: true,
          at: '2026-01-01T00:15:00.000Z',
          newItems: 4,
          title: 'Feed F',
          etag: '"v1"',
          lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
        });
        expect(await store.getFeed('f')).toMatchObject({
          consecutiveFailures: 0,
          lastSuccessAt: '2026-01-01T00:15:00.000Z',
          lastNewItems: 4,
          title: 'Feed F',
          etag: '"v1"',
          lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
        });
        await store.recordPoll('f', { ok: true, at: '2026-01-01T00:30:00.000Z', newItems: 0 });
        expect(await store.getFeed('f')).toMatchObject({ etag: '"v1"', title: 'Feed F', lastNewItems: 0 });
      });

      it('marks the feed retired when a poll reports it gone', async () => {
        await store.upsertFeed({ id: 'g', url: 'https://news.test/g.xml' });
        await store.recordPoll('g', {
          ok: false,
          at: '2026-01-01T00:00:00.000Z',
          error: { code: 'http_status', message: '410' },
          retired: true,
        });
        expect((await store.getFeed('g'))?.status).toBe('retired');
        await store.upsertFeed({ id: 'g', url: 'https://news.test/g.xml' });
        expect((await store.getFeed('g'))?.status).toBe('retired');
        await store.upsertFeed({ id: 'g', url: 'https://news.test/g2.xml' });
        expect(await store.getFeed('g')).toMatchObject({ status: 'active', consecutiveFailures: 0 });
      });

      it('updates the feed url when a poll reports a permanent redirect', async () => {
        await store.upsertFeed({ id: 'm', url: 'https://news.test/old.xml' });
        await store.recordPoll('m', { ok: true, at: '2026-01-01T00:00:00.000Z', newItems: 0, movedTo: 'https://news.test/new.xml' });
        expect((await store.getFeed('m'))?.url).toBe('https://news.test/new.xml');
      });

      it('rejects a poll report when the feed is unknown', async () => {
        await expect(store.recordPoll('ghost', { ok: true, at: '2026-01-01T00:00:00.000Z', newItems: 0 })).rejects.toThrow(
          /unknown feed/,
        );
      });
    });

    describe('websub subscriptions', () => {
      const sub = makeSubscription;

      it('saves, replaces, lists and deletes a subscription per feed', async () => {
        expect(await store.getSubscription('voa')).toBeNull();
        await store.saveSubscription(sub());
        expect(await store.getSubscription('voa')).toEqual(sub());
        const active = sub({ state: 'active', leaseSeconds: 864000, expiresAt: '2026-02-11T00:00:00.000Z', verifiedAt: '2026-02-01T00:00:01.000Z' });
        await store.saveSubscription(active);
        await store.saveSubscription(sub({ feedId: 'afp', callback: 'https://telex.example.org/websub/afp', state: 'failed', lastError: 'http_status: POST x -> 500' }));
        expect(await (await peer()).getSubscription('voa')).toEqual(active);
        expect((await store.listSubscriptions()).map((x) => [x.feedId, x.state])).toEqual([['afp', 'failed'], ['voa', 'active']]);
        expect(await store.deleteSubscription('voa')).toBe(true);
        expect(await store.deleteSubscription('voa')).toBe(false);
        expect((await store.listSubscriptions()).map((x) => x.feedId)).toEqual(['afp']);
      });

      it('keeps a subscription when its feed is removed (until the hub verifies the unsubscription)', async () => {
        await store.upsertFeed({ id: 'voa', url: 'https://www.voanews.com/feed.xml' });
        await store.saveSubscription(sub({ state: 'unsubscribing' }));
        await store.removeFeed('voa');
        expect((await store.getSubscription('voa'))?.state).toBe('unsubscribing');
      });
    });

    describe('seen items', () => {
      it('returns only new or changed items and remembers them once marked', async () => {
        const items = [
          { key: 'g1', hash: 'h1' },
          { key: 'g2', hash: 'h2' },
        ];
        expect(await store.filterUnseen('f', items)).toEqual(items);
        expect(await store.filterUnseen('f', items)).toEqual(items);
        await store.markSeen('f', items);
        expect(await store.filterUnseen('f', items)).toEqual([]);
        expect(await store.filterUnseen('other', items)).toEqual(items);
        const changed = [
          { key: 'g1', hash: 'h1-changed' },
          { key: 'g2', hash: 'h2' },
          { key: 'g3', hash: 'h3' },
        ];
        expect(await store.filterUnseen('f', changed)).toEqual([changed[0], changed[2]]);
        await store.markSeen('f', changed);
        expect(await store.filterUnseen('f', changed)).toEqual([]);
      });

      it('handles large batches when a feed lists many items', async () => {
        const items = Array.from({ length: 1200 }, (_, i) => ({ key: `k${i}`, hash: `h${i}` }));
        await store.markSeen('big', items.slice(0, 1000));
        const unseen = await store.filterUnseen('big', items);
        expect(unseen.map((i) => i.key)).toEqual(items.slice(1000).map((i) => i.key));
      });
    });

    describe('item outcomes', () => {
      it('lists outcomes newest first with status and since filters', async () => {
        const base = { feedId: 'f', stage: 'extract' as const, reason: null };
        await store.recordItemOutcome({ ...base, url: 'https://news.test/1', status: 'stored', articleId: 'a1', at: '2026-01-01T00:00:00.000Z' });
        await store.recordItemOutcome({ ...base, url: 'https://news.test/2', status: 'failed', reason: 'http_status: 404', at: '2026-01-01T00:01:00.000Z' });
        await store.recordItemOutcome({ ...base, url: 'https://news.test/3', status: 'skipped', reason: 'unreadable', at: '2026-01-01T00:02:00.000Z' });
        const all = await store.listItemOutcomes();
        expect(all.map((o) => o.url)).toEqual(['https://news.test/3', 'https://news.test/2', 'https://news.test/1']);
        expect(all[2]).toEqual({ ...base, url: 'https://news.test/1', status: 'stored', articleId: 'a1', at: '2026-01-01T00:00:00.000Z' });
        const failed = await store.listItemOutcomes({ status: 'failed' });
        expect(failed).toEqual([
          { ...base, url: 'https://news.test/2', status: 'failed', reason: 'http_status: 404', articleId: null, at: '2026-01-01T00:01:00.000Z' },
        ]);
        expect((await store.listItemOutcomes({ since: '2026-01-01T00:01:00.000Z' })).length).toBe(2);
        expect((await store.listItemOutcomes({ limit: 1 })).map((o) => o.url)).toEqual(['https://news.test/3']);
      });

      it('records a batch of outcomes in order, beyond one statement, and none of them when one row is bad', async () => {
        const at = (i: number) => new Date(Date.UTC(2026, 0, 2) + i * 1000).toISOString();
        const batch = Array.from({ length: 1200 }, (_, i) => ({
          feedId: 'bulk',
          url: `https://news.test/bulk/${i}`,
          stage: 'enrich' as const,
          status: 'stored' as const,
          reason: 'created',
          articleId: `a${i}`,
          at: at(i),
        }));
        await store.recordItemOutcomes(batch);
        const listed = await store.listItemOutcomes({ feedId: 'bulk', limit: 2000 });
        expect(listed).toHaveLength(1200);
        expect(listed.map((o) => o.url)).toEqual(batch.map((o) => o.url).reverse());
        expect(listed[1199]).toEqual(batch[0]);

        const bad = [
          { ...batch[0]!, feedId: 'bad', url: 'https://news.test/bad/1' },
          { ...batch[0]!, feedId: 'bad', url: null as unknown as string },
        ];
        await expect(store.recordItemOutcomes(bad)).rejects.toThrow();
        expect(await store.listItemOutcomes({ feedId: 'bad' })).toEqual([]);
        await store.recordItemOutcomes([]);
      });
    });

    describe('pipeline activity', () => {
      const MIN = 60_000;
      const outcome = (o: Partial<ItemOutcome> & { at: string }): ItemOutcome => ({
        feedId: 'f1',
        url: `https://news.test/${Math.random()}`,
        stage: 'enrich',
        status: 'stored',
        reason: 'created',
        articleId: null,
        ...o,
      });

      it('counts outcomes per minute, feed, stage and status, telling writes from unchanged ones', async () => {
        const t = (m: number, s = 0) => iso(T0 + m * MIN + s * 1000);
        await store.recordItemOutcomes([
          outcome({ at: t(0, 5) }),
          outcome({ at: t(0, 50) }),
          outcome({ at: t(0, 55), reason: 'unchanged' }),
          outcome({ at: t(1, 1), feedId: 'f2', reason: 'updated' }),
          outcome({ at: t(1, 2), stage: 'extract', status: 'failed', reason: 'http_status: 500' }),
          outcome({ at: t(-5), feedId: 'old' }),
        ]);
        const rows = await store.countOutcomes(T0, MIN);
        const key = (b: { at: number; feedId: string; stage: string; status: string; changed: boolean }) =>
          `${b.at - T0}/${b.feedId}/${b.stage}/${b.status}/${b.changed}`;
        expect(Object.fromEntries(rows.map((b) => [key(b), b.count]))).toEqual({
          '0/f1/enrich/stored/true': 2,
          '0/f1/enrich/stored/false': 1,
          [`${MIN}/f2/enrich/stored/true`]: 1,
          [`${MIN}/f1/extract/failed/false`]: 1,
        });
      });

      it('gives the publication-to-stored latency of articles the pipeline created', async () => {
        const a = await store.upsertArticle(makeRecord({ slug: 'lat-a', publishedAt: iso(T0 - 10 * MIN) }));
        clock += 5 * MIN;
        const b = await store.upsertArticle(makeRecord({ slug: 'lat-b', publishedAt: iso(T0 - 60 * MIN) }));
        const c = await store.upsertArticle(makeRecord({ slug: 'lat-c', publishedAt: null }));
        await store.recordItemOutcomes([
          outcome({ at: iso(T0), articleId: a.record.id }),
          outcome({ at: iso(T0 + 5 * MIN), feedId: 'f2', articleId: b.record.id }),
          outcome({ at: iso(T0 + 5 * MIN), articleId: c.record.id }),
          outcome({ at: iso(T0 + 6 * MIN), articleId: a.record.id, reason: 'unchanged' }),
        ]);
        const lat = await store.storeLatencies(T0);
        expect(lat).toEqual([
          { at: T0 + 5 * MIN, feedId: 'f2', latencyMs: 65 * MIN },
          { at: T0, feedId: 'f1', latencyMs: 10 * MIN },
        ]);
        expect(await store.storeLatencies(T0 + MIN)).toHaveLength(1);
      });
    });

    describe('releaseMemory', () => {
      it('keeps every stored article readable and writable after memory is released, and is harmless after close', async () => {
        const before = makeRecord({ slug: 'before-release', text: 'harbour council budget' });
        await store.upsertArticle(before);
        expect((await store.listArticles({ q: 'harbour' })).items.map((a) => a.id)).toEqual([before.id]);
        store.releaseMemory();
        const after = makeRecord({ slug: 'after-release', text: 'harbour ferry strike' });
        expect((await store.upsertArticle(after)).outcome).toBe('created');
        expect((await store.getArticle(before.id))?.text).toBe(before.text);
        expect((await store.listArticles({ q: 'harbour' })).items.map((a) => a.id).sort()).toEqual([before.id, after.id].sort());
        await store.close();
        expect(() => store.releaseMemory()).not.toThrow();
      });
    });

    describe('deleteOlderThan', () => {
      it('deletes articles older than the retention window with their index rows', async () => {
        const old = makeRecord({
          slug: 'old',
          text: 'ancient zebra',
          publishedAt: iso(T0 - 40 * 24 * HOUR),
          topics: [{ code: 'c1', label: 'C1', score: 1, scheme: 'custom' }],
        });
        const fresh = makeRecord({ slug: 'fresh', text: 'recent zebra', publishedAt: iso(T0 - 2 * 24 * HOUR) });
        await store.upsertArticle(old, { fingerprint: { signature: [1], bands: ['0:b'] } });
        await store.upsertArticle(fresh);
        await store.recordItemOutcome({ feedId: 'wire', url: old.url, stage: 'enrich', status: 'stored', reason: null, at: old.publishedAt! });
        await store.recordItemOutcome({ feedId: 'wire', url: fresh.url, stage: 'enrich', status: 'stored', reason: null, at: fresh.publishedAt! });
        clock = T0 - 50 * 24 * HOUR;
        await store.markSeen('wire', [{ key: 'old-item', hash: 'h' }]);
        clock = T0;
        await store.markSeen('wire', [{ key: 'new-item', hash: 'h' }]);
        expect(await store.deleteOlderThan(30)).toBe(1);
        expect(await store.getArticle(old.id)).toBeNull();
        expect(await store.getArticle(fresh.id)).not.toBeNull();
        expect((await store.listArticles({ q: 'zebra' })).items.map((a) => a.id)).toEqual([fresh.id]);
        expect((await store.listArticles({ topic: 'c1' })).items).toEqual([]);
        expect(await store.findSimilar(['0:b'])).toEqual([]);
        expect((await store.listItemOutcomes()).map((o) => o.url)).toEqual([fresh.url]);
        expect(
          await store.filterUnseen('wire', [
            { key: 'old-item', hash: 'h' },
            { key: 'new-item', hash: 'h' },
          ]),
        ).toEqual([{ key: 'old-item', hash: 'h' }]);
        expect(await store.deleteOlderThan(30)).toBe(0);
      });
    });

    describe('stats', () => {
      it('counts articles, updates, feeds by health and outcomes', async () => {
        await store.upsertArticle(makeRecord({ slug: 'a', publishedAt: '2026-01-01T00:00:00.000Z' }));
        await store.upsertArticle(makeRecord({ slug: 'b', publishedAt: '2026-01-02T00:00:00.000Z' }));
        await store.upsertArticle(makeRecord({ slug: 'b', text: 'changed', publishedAt: '2026-01-02T00:00:00.000Z' }));
        await store.upsertFeed({ id: 'ok', url: 'https://news.test/ok.xml' });
        await store.upsertFeed({ id: 'bad', url: 'https://news.test/bad.xml' });
        await store.upsertFeed({ id: 'gone', url: 'https://news.test/gone.xml' });
        const error = { code: 'network', message: 'refused' };
        await store.recordPoll('bad', { ok: false, at: '2026-01-01T00:00:00.000Z', error });
        await store.recordPoll('gone', { ok: false, at: '2026-01-01T00:00:00.000Z', error, retired: true });
        await store.markSeen('ok', [{ key: 'k', hash: 'h' }]);
        await store.recordItemOutcome({ feedId: 'ok', url: 'https://news.test/1', stage: 'enrich', status: 'stored', reason: null, at: '2026-01-01T00:00:00.000Z' });
        const s = await store.stats();
        expect(s).toMatchObject({
          articles: 2,
          updatedArticles: 1,
          feeds: { total: 3, active: 2, retired: 1, failing: 1 },
          seenItems: 1,
          itemOutcomes: { stored: 1, skipped: 0, failed: 0, fallback: 0 },
          newestAt: '2026-01-02T00:00:00.000Z',
          oldestAt: '2026-01-01T00:00:00.000Z',
        });
        expect(s.sizeBytes).toBeGreaterThan(0);
      });
    });
  });
}
