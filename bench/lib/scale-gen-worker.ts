/**
 * Worker thread of bench:store-scale's load: generates articles [from, to) and
 * their fingerprints (the load's own CPU work, beside the store's), so that the
 * main thread only writes batches.
 */
import { parentPort } from 'node:worker_threads';
import { fingerprint } from '../../src/workers/enricher/cluster.js';
import { makeArticle } from './scale-articles.js';

parentPort?.on('message', ({ from, to }: { from: number; to: number }) => {
  const batch = [];
  for (let i = from; i < to; i++) {
    const record = makeArticle(i);
    batch.push({ record, fingerprint: fingerprint(record.text) });
  }
  parentPort?.postMessage(batch);
});
