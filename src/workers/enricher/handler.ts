import type { PayloadOf, StageResult } from '../../queues/contracts.js';
import type { ArticleStore } from '../../store/article-store.js';
import type { ArticleRecord, UpsertOutcome } from '../../store/types.js';
import { DUPLICATE_THRESHOLD, estimateSimilarity, fingerprint } from './cluster.js';
import { enrichArticle, type EnrichOptions } from './enrich-article.js';

export type EnrichDeps = {
  store: ArticleStore;
  /** Current enrichment options (custom topics are re-read when their file changes). */
  options: () => EnrichOptions;
  /** Announces a stored or updated article (Redis stream). */
  publish: (record: ArticleRecord, outcome: UpsertOutcome) => Promise<void>;
};

/**
 * Enriches an extracted article, finds its wire-copy cluster, upserts it and
 * announces the change. A redelivered job whose upsert already happened
 * announces again (the first run may have died before it did): events are
 * at-least-once, and consumers tell repeats apart by (id, version).
 */
export async function handleEnrich(
  article: PayloadOf<'enrich'>,
  deps: EnrichDeps,
  ctx: { redelivered: boolean } = { redelivered: false },
): Promise<StageResult> {
  const record = enrichArticle(article, deps.options());
  const fp = fingerprint(record.text);
  const candidates = await deps.store.findSimilar(fp.bands);
  let best: { id: string; clusterId: string; score: number } | null = null;
  for (const c of candidates) {
    if (c.id === record.id) {
      continue;
    }
    const score = estimateSimilarity(fp.signature, c.signature);
    if (score >= DUPLICATE_THRESHOLD && (!best || score > best.score)) {
      best = { id: c.id, clusterId: c.clusterId, score };
    }
  }
  if (best) {
    record.clusterId = best.clusterId;
    record.duplicateOf = best.clusterId;
  }
  const { outcome, record: stored } = await deps.store.upsertArticle(record, { fingerprint: fp });
  if (outcome !== 'unchanged') {
    await deps.publish(stored, outcome);
  } else if (ctx.redelivered) {
    await deps.publish(stored, stored.version > 1 ? 'updated' : 'created');
  }
  return { status: 'done', detail: { articleId: stored.id, outcome, version: stored.version, clusterId: stored.clusterId } };
}
