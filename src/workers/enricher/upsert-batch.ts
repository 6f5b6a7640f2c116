import type { ArticleRecord, UpsertOptions, UpsertResult } from '../../store/types.js';

export type Upsert = (record: ArticleRecord, opts: UpsertOptions) => Promise<UpsertResult>;
export type BulkUpsert = (items: ReadonlyArray<{ record: ArticleRecord } & UpsertOptions>) => Promise<UpsertResult[]>;

/**
 * Group commit: calls made within one turn of the event loop, or while the
 * previous batch is being written, are handed to `bulk` together, in the order
 * made, at most `maxBatch` at a time (one store transaction each). Each caller
 * gets its own result. A transaction is all or nothing, so when it fails every
 * call in it fails with that error (the jobs retry). With several jobs in
 * flight this takes the per-transaction cost (commit, full-text segment,
 * checkpoint share) off all but one of them.
 */
export function groupCommit<T, R>(bulk: (items: readonly T[]) => Promise<readonly R[]>, maxBatch = 16): (item: T) => Promise<R> {
  type Pending = { item: T; resolve: (v: R) => void; reject: (e: unknown) => void };
  let pending: Pending[] = [];
  let scheduled = false;

  // One flush at a time: calls made while a batch is being written wait for it and go in the next
  // batch, so batches grow with the load when the store call takes time (another thread, a server).
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        const results = await bulk(batch.map((p) => p.item));
        batch.forEach((p, i) => {
          if (i < results.length) {
            p.resolve(results[i] as R);
          } else {
            p.reject(new Error('bulk store call returned fewer results than items'));
          }
        });
      } catch (err) {
        for (const p of batch) {
          p.reject(err);
        }
      }
    }
    scheduled = false;
  };

  return (item) =>
    new Promise((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}

/** Group commit of article upserts (`store.upsertArticles`). */
export function batchUpserts(bulk: BulkUpsert, maxBatch = 16): Upsert {
  const commit = groupCommit(bulk, maxBatch);
  return (record, opts) => commit({ record, ...opts });
}
