import type { ArticleRecord, Fingerprint, UpsertOutcome } from '../../store/types.js';

export type Upsert = (record: ArticleRecord, opts: { fingerprint?: Fingerprint }) => Promise<{ outcome: UpsertOutcome; record: ArticleRecord }>;
export type BulkUpsert = (
  items: ReadonlyArray<{ record: ArticleRecord; fingerprint?: Fingerprint }>,
) => Promise<Array<{ outcome: UpsertOutcome; record: ArticleRecord }>>;

/**
 * Group commit: upserts asked for within one turn of the event loop are
 * written together, in the order asked, in one store transaction
 * (`upsertArticles`), at most `maxBatch` at a time. Each caller gets its own
 * outcome. A transaction is all or nothing, so when it fails every upsert in it
 * fails with that error (the jobs retry). With several jobs in flight this
 * takes the per-transaction cost (commit, full-text segment, checkpoint share)
 * off all but one of them.
 */
export function batchUpserts(bulk: BulkUpsert, maxBatch = 16): Upsert {
  type Pending = {
    item: { record: ArticleRecord; fingerprint?: Fingerprint };
    resolve: (v: { outcome: UpsertOutcome; record: ArticleRecord }) => void;
    reject: (e: unknown) => void;
  };
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = async (): Promise<void> => {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        const results = await bulk(batch.map((p) => p.item));
        batch.forEach((p, i) => {
          const r = results[i];
          if (r) {
            p.resolve(r);
          } else {
            p.reject(new Error('bulk upsert returned fewer results than items'));
          }
        });
      } catch (err) {
        for (const p of batch) {
          p.reject(err);
        }
      }
    }
  };

  return (record, opts) =>
    new Promise((resolve, reject) => {
      pending.push({ item: { record, ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}) }, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}
