import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/store/index.js';
import type { FullArticleStore } from '../../../../src/store/article-store.js';
import type { ArticleRecord, UpsertOutcome } from '../../../../src/store/types.js';
import { enrichInProcess, handleEnrich, type EnrichDeps } from '../../../../src/workers/enricher/handler.js';
import { extractedArticle, seedText } from './seed-story.js';

let store: FullArticleStore;
let published: Array<{ id: string; outcome: UpsertOutcome; clusterId: string }>;
let deps: EnrichDeps;

beforeEach(async () => {
  store = await openStore(':memory:');
  published = [];
  deps = {
    store,
    options: () => ({}),
    publish: async (r: ArticleRecord, outcome) => {
      published.push({ id: r.id, outcome, clusterId: r.clusterId });
    },
  };
});
afterEach(async () => {
  await store.close();
});

/** The seed story as another wire would carry it: new headline, other dateline and credit, last paragraph cut. */
function wireCopy(): string {
  const paras = seedText().split('\n\n');
  paras[0] = `SEOUL, June 11 (Wire) - ${paras[0]}`;
  return paras.slice(0, -1).join('\n\n').replace('increasingly awkward', 'increasingly difficult');
}

describe(handleEnrich.name, () => {
  it('stores a new article once and announces it', async () => {
    const result = await handleEnrich(extractedArticle(), deps);
    expect(result).toMatchObject({ status: 'done', detail: { outcome: 'created' } });
    expect(await store.countArticles()).toBe(1);
    expect(published.map((p) => p.outcome)).toEqual(['created']);
  });

  it('stores nothing and announces nothing when the same article arrives again', async () => {
    await handleEnrich(extractedArticle(), deps);
    const again = await handleEnrich(extractedArticle(), deps);
    expect(again).toMatchObject({ status: 'done', detail: { outcome: 'unchanged', version: 1 } });
    expect(await store.countArticles()).toBe(1);
    expect(published).toHaveLength(1);
  });

  it('announces again when a redelivered job finds its article already stored', async () => {
    await handleEnrich(extractedArticle(), deps);
    // as if the first run died between the upsert and the announcement
    published.length = 0;
    const again = await handleEnrich(extractedArticle(), deps, { redelivered: true });
    expect(again).toMatchObject({ status: 'done', detail: { outcome: 'unchanged' } });
    expect(published.map((p) => p.outcome)).toEqual(['created']);
    expect(await store.countArticles()).toBe(1);
  });

  it('does not enrich again an article stored with the same headline and text, unless the job is redelivered', async () => {
    let enriched = 0;
    const counting: EnrichDeps = {
      ...deps,
      enrich: async (a, o) => {
        enriched++;
        return enrichInProcess(a, o);
      },
    };
    const first = await handleEnrich(extractedArticle(), counting);
    // The same story under another link of the same page, from another feed.
    const copy = await handleEnrich(extractedArticle({ url: 'https://www.voanews.test/feed/copy?utm=1', feedId: 'other' }), counting);
    expect(enriched).toBe(1);
    const stored = first.status === 'done' ? first.detail : {};
    expect(copy).toEqual({
      status: 'done',
      detail: { articleId: stored?.['articleId'], outcome: 'unchanged', version: 1, clusterId: stored?.['clusterId'] },
    });
    await handleEnrich(extractedArticle(), counting, { redelivered: true });
    expect(enriched).toBe(2);
    await handleEnrich(extractedArticle({ title: 'A new headline' }), counting);
    expect(enriched).toBe(3);
    expect(published.map((p) => p.outcome)).toEqual(['created', 'created', 'updated']);
  });

  it('bumps the version when the article text changes', async () => {
    await handleEnrich(extractedArticle(), deps);
    const updated = await handleEnrich(extractedArticle({ text: `${seedText()}\n\nThis story has been updated.` }), deps);
    expect(updated).toMatchObject({ status: 'done', detail: { outcome: 'updated', version: 2 } });
    expect(published.map((p) => p.outcome)).toEqual(['created', 'updated']);
  });

  it('puts a wire copy from another feed into the first copy’s cluster', async () => {
    await handleEnrich(extractedArticle(), deps);
    const first = published[0];
    const copy = extractedArticle({
      feedId: 'other-wire',
      url: 'http://127.0.0.1:9/world/korea-refugees',
      canonicalUrl: 'http://127.0.0.1:9/world/korea-refugees',
      title: 'Beijing and Seoul discuss fate of North Korean asylum seekers',
      text: wireCopy(),
    });
    await handleEnrich(copy, deps);
    const stored = await store.getArticle(published[1]?.id ?? '');
    expect(stored?.id).not.toBe(first?.id);
    expect(stored?.clusterId).toBe(first?.id);
    expect(stored?.duplicateOf).toBe(first?.id);
  });

  it('keeps a different story on the same subject in its own cluster', async () => {
    await handleEnrich(extractedArticle(), deps);
    const other = extractedArticle({
      url: 'http://127.0.0.1:9/a/border',
      canonicalUrl: 'http://127.0.0.1:9/a/border',
      title: 'China adds guards along North Korean border',
      text: [
        'China has sent hundreds of extra police to its border with North Korea, officials in Jilin province said on Wednesday.',
        'The deployment follows a rise in crossings over the frozen Tumen River this winter, according to local residents.',
        'Beijing has long treated North Koreans who cross illegally as economic migrants rather than refugees.',
        'Aid groups in Seoul say food shortages in the North have pushed more families to attempt the journey.',
      ].join('\n\n'),
    });
    await handleEnrich(other, deps);
    const stored = await store.getArticle(published[1]?.id ?? '');
    expect(stored?.clusterId).toBe(stored?.id);
    expect(stored?.duplicateOf).toBeNull();
  });
});
