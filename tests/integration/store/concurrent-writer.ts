/**
 * Child process for the cross-process write test: upserts records a0..a<n-1>
 * into the store at argv[2] and prints the outcome counts as JSON.
 */
import { openStore } from '../../../src/store/index.js';
import { makeRecord } from './article-store.contract.js';

const [path, count, variant] = process.argv.slice(2);
const store = await openStore(String(path));
const counts: Record<string, number> = { created: 0, updated: 0, unchanged: 0 };
for (let i = 0; i < Number(count); i++) {
  // Every other article gets this writer's own text, so both writers also race on updates.
  const text = i % 2 === 0 ? `Shared body ${i}.` : `Body ${i} from writer ${variant}.`;
  const { outcome } = await store.upsertArticle(makeRecord({ slug: `a${i}`, text }), {
    fingerprint: { signature: [i], bands: [`0:${i}`] },
  });
  counts[outcome] = (counts[outcome] ?? 0) + 1;
  await store.markSeen('wire', [{ key: `k${i}`, hash: `h${variant}` }]);
}
await store.close();
process.stdout.write(JSON.stringify(counts));
