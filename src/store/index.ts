import type { FullArticleStore } from './article-store.js';
import { openSqliteStore } from './sqlite-article-store.js';
import type { StoreOptions } from './types.js';

export type { ArticleStore, FullArticleStore, StoreExtras, WebSubStore } from './article-store.js';
export type * from './types.js';
export { encodeCursor, decodeCursor } from './store-core.js';

/** A PostgreSQL URL without its `schema` query parameter, and that schema (null when absent). */
export function splitSchema(databaseUrl: string): { url: string; schema: string | null } {
  let u: URL;
  try {
    u = new URL(databaseUrl);
  } catch {
    return { url: databaseUrl, schema: null };
  }
  const schema = u.searchParams.get('schema');
  if (schema === null) {
    return { url: databaseUrl, schema: null };
  }
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

export const isPostgresUrl = (databaseUrl: string): boolean => /^postgres(?:ql)?:\/\//i.test(databaseUrl);

/**
 * Opens the store named by `databaseUrl` and runs pending migrations.
 * `postgres://` / `postgresql://` → PostgreSQL; anything else is a SQLite file
 * path (`:memory:` allowed, parent directory created, `sqlite:` prefix optional).
 * A PostgreSQL URL may name its schema: `postgres://host/db?schema=telex`
 * (`opts.schema` wins; default `public`).
 */
export async function openStore(databaseUrl: string, opts: StoreOptions = {}): Promise<FullArticleStore> {
  if (isPostgresUrl(databaseUrl)) {
    const { openPostgresStore } = await import('./postgres-article-store.js');
    const { url, schema } = splitSchema(databaseUrl);
    return openPostgresStore(url, { ...(schema ? { schema } : {}), ...opts });
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
