import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/store/index.js';
import { fingerprint } from '../../../../src/workers/enricher/cluster.js';
import { enrichArticle } from '../../../../src/workers/enricher/enrich-article.js';
import { handleEnrich } from '../../../../src/workers/enricher/handler.js';
import { loadPack, MODEL_FILES } from '../../../../src/workers/enricher/model-pack.js';
import { createEnricherPool } from '../../../../src/workers/enricher/pool.js';
import { parseTopicsConfig } from '../../../../src/workers/enricher/topics-config.js';
import { extractedArticle } from './seed-story.js';

const topics = (phrase: string) =>
  parseTopicsConfig(`topics:\n  - id: asylum-watch\n    label: Asylum watch\n    phrases:\n      - { text: ${phrase}, weight: 3 }\n    minScore: 0.3\n`);
const customCodes = (r: { topics: Array<{ scheme: string; code: string }> }) => r.topics.filter((t) => t.scheme === 'custom').map((t) => t.code);

describe(createEnricherPool.name, () => {
  const pool = createEnricherPool({ size: 2 });
  afterAll(async () => {
    await pool.close();
  });

  it('returns the same record and fingerprint as the core on this thread', async () => {
    const article = extractedArticle();
    const { record, fingerprint: fp } = await pool.enrich(article, {});
    const here = enrichArticle(article, {});
    expect(record).toEqual(here);
    expect(fp).toEqual(fingerprint(here.text));
  });

  it('keeps the event loop turning while articles are tagged', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 1);
    try {
      const long = extractedArticle({ text: `${extractedArticle().text}\n\n`.repeat(40) });
      await Promise.all([pool.enrich(long, {}), pool.enrich(long, {})]);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('tags with the newsroom topics of the latest options when they change', async () => {
    const article = extractedArticle();
    const first = topics('asylum');
    const results = await Promise.all([pool.enrich(article, { customTopics: first }), pool.enrich(article, { customTopics: first })]);
    expect(results.map((r) => customCodes(r.record))).toEqual([['custom:asylum-watch'], ['custom:asylum-watch']]);
    const changed = topics('volcano');
    const after = await Promise.all([pool.enrich(article, { customTopics: changed }), pool.enrich(article, { customTopics: changed })]);
    expect(after.map((r) => customCodes(r.record))).toEqual([[], []]);
  });

  it('stores through the handler what the in-process core would when given the pool', async () => {
    const store = await openStore(':memory:');
    try {
      const result = await handleEnrich(extractedArticle(), { store, options: () => ({}), publish: async () => {}, enrich: pool.enrich });
      expect(result).toMatchObject({ status: 'done', detail: { outcome: 'created', version: 1 } });
      const stored = await store.getArticle(enrichArticle(extractedArticle()).id);
      expect(stored?.topics).toEqual(enrichArticle(extractedArticle()).topics);
    } finally {
      await store.close();
    }
  });

  it("runs its threads on the process's one copy of the models, not copies of their own", async () => {
    // The pool hands its threads the packs this process read (shared memory): blanking the topic
    // model here must change what the threads answer, and restoring it must bring their answer back.
    const arrays = Object.values(loadPack(MODEL_FILES.topicModel).arrays) as Array<{ slice(): ArrayLike<number>; fill(v: number): unknown; set(a: ArrayLike<number>): void }>;
    const article = extractedArticle();
    const before = (await pool.enrich(article, {})).record.topics;
    expect(before.some((t) => t.scheme === 'medtop')).toBe(true);
    const saved = arrays.map((a) => a.slice());
    try {
      arrays.forEach((a) => a.fill(0));
      const blanked = await Promise.all([pool.enrich(article, {}), pool.enrich(article, {})]);
      for (const r of blanked) {
        expect(r.record.topics).not.toEqual(before);
      }
    } finally {
      arrays.forEach((a, i) => a.set(saved[i] as ArrayLike<number>));
    }
    expect((await pool.enrich(article, {})).record.topics).toEqual(before);
  });

  it('rejects new work once closed', async () => {
    const p = createEnricherPool({ size: 1 });
    await p.close();
    await expect(p.enrich(extractedArticle(), {})).rejects.toThrow(/closed/);
  });
});
