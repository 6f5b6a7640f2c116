import type { ErrorCode } from '../../errors.js';
import type { ExtractedArticle } from '../../queues/contracts.js';
import type { ArticleRecord, Fingerprint } from '../../store/types.js';
import type { EnrichOptions } from './enrich-article.js';

/** Messages between the enricher pool and its worker threads. */
/** `options` is sent only when it changed since this thread's last job (custom topics are re-read on change). */
export type EnrichRequest = { id: number; article: ExtractedArticle; options?: EnrichOptions };
export type Enriched = { record: ArticleRecord; fingerprint: Fingerprint };
export type EnrichReply =
  | { id: number; ok: true; value: Enriched }
  | { id: number; ok: false; error: { code: ErrorCode | null; retryable: boolean; message: string } };
export type EnrichReady = { ready: true };
