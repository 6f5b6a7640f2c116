/**
 * The API server of bench/api.ts's load run, in a process of its own so that
 * the load generator does not share its event loop. argv: <database url>
 * [schema]. Prints the port, serves until killed.
 *
 * Besides the real routes it serves GET /before/articles: the list route as it
 * was before pages were written from the stored JSON texts (every record
 * parsed, then serialised again) and without compression, for a before/after
 * comparison in one run.
 */
import { createApiServer } from '../src/api/server.js';
import { ListArticlesParams, parseParams, toArticleQuery } from '../src/api/article-query.js';
import { silentLogger } from '../src/logger.js';
import { openStore } from '../src/store/index.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore(String(url), schema ? { schema } : {});
const app = await createApiServer({ store, log: silentLogger() });
app.get('/before/articles', { compress: false }, async (request) => {
  const params = parseParams(ListArticlesParams, request.query);
  const page = await store.listArticles(toArticleQuery(params));
  return { items: page.items, nextCursor: page.nextCursor };
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async (): Promise<void> => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
