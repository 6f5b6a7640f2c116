import type { FullArticleStore } from './article-store.js';
import { openSqliteStore } from './sqlite-article-store.js';
import type { StoreOptions } from './types.js';

export type { ArticleStore, FullArticleStore, StoreExtras } from './article-store.js';
export type * from './types.js';
export { encodeCursor, decodeCursor } from './store-core.js';

export const isPostgresUrl = (databaseUrl: string): boolean => /^postgres(?:ql)?:\/\//i.test(databaseUrl);

/**
 * Opens the store named by `databaseUrl` and runs pending migrations.
 * `postgres://` / `postgresql://` → PostgreSQL; anything else is a SQLite file
 * path (`:memory:` allowed, parent directory created, `sqlite:` prefix optional).
 */
export async function openStore(databaseUrl: string, opts: StoreOptions = {}): Promise<FullArticleStore> {
  if (isPostgresUrl(databaseUrl)) {
    const { openPostgresStore } = await import('./postgres-article-store.js');
    return openPostgresStore(databaseUrl, opts);
  }
  return openSqliteStore(databaseUrl, opts);
}

export {
  ackArticleEvents,
  DEFAULT_EVENTS_MAXLEN,
  ensureArticleEventGroup,
  publishArticleEvent,
  readArticleEvents,
} from './article-events.js';
export type { ArticleEvent, ReadArticleEventsOptions } from './article-events.js';
