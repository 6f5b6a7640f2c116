import type { ErrorCode } from '../../errors.js';
import type { Extracted } from './types.js';

/** Messages between the extractor pool and its worker threads. */
/** Per-page hints from the response and the feed item. */
export type ExtractHints = { contentLanguage?: string | null; fallbackPublishedAt?: string | null };
export type PoolRequest = { id: number; html: string; url: string; hints?: ExtractHints };
export type PoolReply =
  | { id: number; ok: true; value: Extracted | null }
  | { id: number; ok: false; error: { code: ErrorCode; retryable: boolean; message: string } };
export type PoolReady = { ready: true };
