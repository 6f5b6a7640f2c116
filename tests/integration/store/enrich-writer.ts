/**
 * Child process for the cross-process clustering test: one enricher's store path.
 * argv: <database url> <schema or -> <story:copy>... Tags every copy first, prints
 * "ready", waits for a line on stdin, then enriches all of them at once through
 * handleEnrich with grouped upserts (as the enricher does), and prints
 * `{ "stored": n }`.
 */
import { createInterface } from 'node:readline';
import { openStore } from '../../../src/store/index.js';
import { enrichInProcess, handleEnrich } from '../../../src/workers/enricher/handler.js';
import { batchUpserts } from '../../../src/workers/enricher/upsert-batch.js';
import { wireCopy } from '../../helpers/wire-copies.js';

const [url, schema, ...specs] = process.argv.slice(2);
const store = await openStore(String(url), schema && schema !== '-' ? { schema } : {});
const copies = specs.map((s) => {
  const [story, n] = s.split(':').map(Number);
  return wireCopy(Number(story), Number(n));
});
const enriched = await Promise.all(copies.map((c) => enrichInProcess(c, {})));
const upsert = batchUpserts((items) => store.upsertArticles(items));

process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

const results = await Promise.all(
  copies.map((c, i) =>
    handleEnrich(c, {
      store,
      options: () => ({}),
      publish: async () => undefined,
      enrich: async () => enriched[i] as Awaited<ReturnType<typeof enrichInProcess>>,
      upsert,
    }),
  ),
);
await store.close();
process.stdout.write(`${JSON.stringify({ stored: results.filter((r) => r.status === 'done').length })}\n`);
