import { PipelineError } from '../errors.js';
import type { FullArticleStore } from './article-store.js';
import type { StoreOptions } from './types.js';

export async function openPostgresStore(_databaseUrl: string, _opts: StoreOptions = {}): Promise<FullArticleStore> {
  throw new PipelineError('config', false, 'PostgreSQL store not yet available: use a SQLite path for DATABASE_URL');
}
