import type { ThreadReply } from '../../lib/thread-pool.js';
import type { Extracted } from './types.js';

/** Messages between the extractor pool and its worker threads. */
/** Per-page hints from the response and the feed item. */
export type ExtractHints = { contentLanguage?: string | null; fallbackPublishedAt?: string | null };
/**
 * A page as the server sent it: the bytes and the Content-Type header. The
 * thread decodes it (net/charset.ts, as the HTTP client would), so the text
 * is made once, where it is parsed, instead of decoded on the caller's thread
 * and then copied into the worker's.
 */
export type PageBytes = { bytes: Uint8Array; contentType: string | null };
/** `html` (text) or `bytes` + `contentType` (a page to decode). */
export type PoolRequest = { id: number; url: string; hints?: ExtractHints } & ({ html: string } | PageBytes);
export type PoolReply = ThreadReply<Extracted | null>;
