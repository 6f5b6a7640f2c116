/**
 * The API server of bench/api.ts's load run, in a process of its own so that
 * the load generator does not share its event loop. argv: <database url>
 * [schema] [--from DIR]. Prints the port, serves until killed.
 *
 * With `--from DIR` it serves the API of another checkout of Telex (its
 * src/, run through tsx like this file): the code as it was before a change,
 * for a before/after comparison in one run. Without it, it also serves GET
 * /before/articles: the list route as it was before pages were written from
 * the stored JSON texts (every record parsed, then serialised again) and
 * without compression.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Server from '../src/api/server.js';
import type * as Logger from '../src/logger.js';
import type * as Store from '../src/store/index.js';
import { ListArticlesParams, parseParams, toArticleQuery } from '../src/api/article-query.js';

const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt >= 0 ? args[fromAt + 1] : undefined;
const [url, schema] = args.filter((_, i) => fromAt < 0 || (i !== fromAt && i !== fromAt + 1));
const src = from ? join(from, 'src') : join(import.meta.dirname, '..', 'src');
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(src, path)).href)) as T;
const { createApiServer } = await load<typeof Server>('api/server.ts');
const { silentLogger } = await load<typeof Logger>('logger.ts');
const { openStore } = await load<typeof Store>('store/index.ts');

const store = await openStore(String(url), schema ? { schema } : {});
const app = await createApiServer({ store, log: silentLogger() });
if (!from) {
  app.get('/before/articles', { compress: false, config: { access: 'read' } }, async (request) => {
    const params = parseParams(ListArticlesParams, request.query);
    const page = await store.listArticles(toArticleQuery(params));
    return { items: page.items, nextCursor: page.nextCursor };
  });
}
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async (): Promise<void> => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
