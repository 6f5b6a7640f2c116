import type { ThreadReply } from '../../lib/thread-pool.js';
import type { Extracted } from './types.js';

/** Messages between the extractor pool and its worker threads. */
/** Per-page hints from the response and the feed item. */
export type ExtractHints = { contentLanguage?: string | null; fallbackPublishedAt?: string | null };
export type PoolRequest = { id: number; html: string; url: string; hints?: ExtractHints };
export type PoolReply = ThreadReply<Extracted | null>;
