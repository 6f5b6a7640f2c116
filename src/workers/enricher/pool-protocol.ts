import type { ThreadReply } from '../../lib/thread-pool.js';
import type { ExtractedArticle } from '../../queues/contracts.js';
import type { ArticleRecord, Fingerprint } from '../../store/types.js';
import type { EnrichOptions } from './enrich-article.js';

/** Messages between the enricher pool and its worker threads. */
/** `options` is sent only when it changed since this thread's last job (custom topics are re-read on change). */
export type EnrichRequest = { id: number; article: ExtractedArticle; options?: EnrichOptions };
export type Enriched = { record: ArticleRecord; fingerprint: Fingerprint };
export type EnrichReply = ThreadReply<Enriched>;
