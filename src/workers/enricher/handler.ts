import { storedIdentity } from '../../lib/ids.js';
import type { PayloadOf, StageResult } from '../../queues/contracts.js';
import type { ArticleStore } from '../../store/article-store.js';
import type { ArticleRecord, ClusterAssignment, Fingerprint, SimilarArticle, UpsertOutcome } from '../../store/types.js';
import { chooseCluster, fingerprint } from './cluster.js';
import type { EnrichOptions } from './enrich-article.js';
import type { Upsert } from './upsert-batch.js';

export type EnrichDeps = {
  store: ArticleStore;
  /** Current enrichment options (custom topics are re-read when their file changes). */
  options: () => EnrichOptions;
  /** Announces a stored or updated article (Redis stream); `substantive` as the store decided it (null for a new article). */
  publish: (record: ArticleRecord, outcome: UpsertOutcome, substantive: boolean | null) => Promise<void>;
  /**
   * The enricher's core (enrichArticle, then the MinHash fingerprint of the
   * record's text), usually run off the main thread (see pool.ts). Defaults to
   * running it here.
   */
  enrich?: (article: PayloadOf<'enrich'>, options: EnrichOptions) => Promise<{ record: ArticleRecord; fingerprint: Fingerprint }>;
  /** Writes the record (default `store.upsertArticle`; the enricher groups concurrent jobs' writes, see upsert-batch.ts). */
  upsert?: Upsert;
};

/**
 * The core on the calling thread (tests, and `enricherThreads: 0`). Loaded on
 * first use, so a process that tags on its pool does not also hold the
 * lexicons and the language model on its main thread.
 */
export async function enrichInProcess(article: PayloadOf<'enrich'>, options: EnrichOptions): Promise<{ record: ArticleRecord; fingerprint: Fingerprint }> {
  const { enrichArticle } = await import('./enrich-article.js');
  const record = enrichArticle(article, options);
  return { record, fingerprint: fingerprint(record.text) };
}

/**
 * Enriches an extracted article, upserts it into its wire-copy cluster and
 * announces the change. A redelivered job whose upsert already happened
 * announces again (the first run may have died before it did): events are
 * at-least-once, and consumers tell repeats apart by (id, version).
 */
export async function handleEnrich(
  article: PayloadOf<'enrich'>,
  deps: EnrichDeps,
  ctx: { redelivered: boolean } = { redelivered: false },
): Promise<StageResult> {
  if (!ctx.redelivered) {
    // The article as stored already (the same story under another link, in another feed, polled
    // again): the upsert would find it unchanged and keep what is stored, so enriching it again
    // is work thrown away. A redelivered job takes the full path: it may have to announce again.
    const { id, contentHash } = storedIdentity(article);
    const stored = await deps.store.getArticle(id);
    if (stored && stored.contentHash === contentHash) {
      return { status: 'done', detail: { articleId: stored.id, outcome: 'unchanged', version: stored.version, clusterId: stored.clusterId } };
    }
  }
  const { record, fingerprint: fp } = await (deps.enrich ?? enrichInProcess)(article, deps.options());
  // The cluster is chosen inside the upsert's transaction, where copies written at the same
  // moment by other jobs or processes cannot be missed (docs/clustering.md).
  const assignCluster = (candidates: SimilarArticle[]): ClusterAssignment => chooseCluster(record.id, fp.signature, candidates);
  const upsert = deps.upsert ?? ((r, o) => deps.store.upsertArticle(r, o));
  const { outcome, record: stored, substantive = null } = await upsert(record, { fingerprint: fp, assignCluster });
  if (outcome !== 'unchanged') {
    await deps.publish(stored, outcome, substantive);
  } else if (ctx.redelivered) {
    // An unchanged upsert reports the stored version's own flag.
    await deps.publish(stored, stored.version > 1 ? 'updated' : 'created', stored.version > 1 ? substantive : null);
  }
  return { status: 'done', detail: { articleId: stored.id, outcome, version: stored.version, clusterId: stored.clusterId } };
}
