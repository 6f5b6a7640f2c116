import { z } from 'zod';

/** Caps that keep job payloads (and so Redis) small. */
export const LIMITS = {
  feedContentChars: 100_000,
  summaryChars: 2_000,
  articleTextChars: 200_000,
  articleHtmlChars: 400_000,
} as const;

const isoDate = z.iso.datetime({ offset: true });

/** One new (or changed) item found in a feed: the extract-article payload. */
export const FeedItem = z.object({
  feedId: z.string().min(1),
  feedTitle: z.string().optional(),
  feedUrl: z.string().optional(),
  url: z.url(),
  guid: z.string().optional(),
  title: z.string().optional(),
  publishedAt: isoDate.optional(),
  /** True when the feed gave no usable date and publishedAt is the fetch time. */
  dateMissing: z.boolean().optional(),
  author: z.string().optional(),
  summary: z.string().max(LIMITS.summaryChars).optional(),
  /** The item's own content (content:encoded, summary, content_html), capped: the extractor's fallback. */
  content: z.string().max(LIMITS.feedContentChars).optional(),
  categories: z.array(z.string()).optional(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const ExtractionInfo = z.object({
  /** readability: the page by Readability; density: the page by the text-density classifier (Readability found too little); feed-content: the feed's own content. */
  method: z.enum(['readability', 'density', 'feed-content']),
  warnings: z.array(z.string()),
});
export type ExtractionInfo = z.infer<typeof ExtractionInfo>;

/** The extracted article: the enrich-article payload. Clean text and sanitized HTML, size-capped. */
export const ExtractedArticle = z.object({
  feedId: z.string().min(1),
  feedTitle: z.string().optional(),
  feedUrl: z.string().optional(),
  url: z.url(),
  canonicalUrl: z.url(),
  title: z.string(),
  byline: z.string().nullable(),
  dateline: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  modifiedAt: isoDate.nullable(),
  fetchedAt: isoDate,
  siteName: z.string().nullable(),
  language: z.string().nullable(),
  excerpt: z.string().nullable(),
  leadImage: z.string().nullable(),
  text: z.string().max(LIMITS.articleTextChars),
  html: z.string().max(LIMITS.articleHtmlChars),
  wordCount: z.number().int().nonnegative(),
  extraction: ExtractionInfo,
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;

/** One event for one webhook subscription: the deliver-webhook payload (the body is built at delivery time). */
export const WebhookDelivery = z.object({
  /** The article's feed (logs). */
  feedId: z.string(),
  webhookId: z.string().min(1),
  /** Stable across retries and re-dispatch: receivers deduplicate on it. */
  deliveryId: z.string().min(1),
  event: z.enum(['article.created', 'article.updated']),
  articleId: z.string().min(1),
  version: z.number().int().nonnegative(),
  /** When the article event was published (the stream entry's time). */
  occurredAt: isoDate,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const QUEUES = {
  poll: {
    name: 'poll-feed',
    /** `force` polls even when the feed is not due yet (run --once, "poll now"). */
    payload: z.object({ feedId: z.string().min(1), force: z.boolean().optional() }),
  },
  extract: { name: 'extract-article', payload: FeedItem },
  enrich: { name: 'enrich-article', payload: ExtractedArticle },
  deliver: { name: 'deliver-webhook', payload: WebhookDelivery },
} as const;

export type QueueKey = keyof typeof QUEUES;
export type PayloadOf<K extends QueueKey> = z.infer<(typeof QUEUES)[K]['payload']>;
export type JobRequest = { [K in QueueKey]: { queue: K; payload: PayloadOf<K>; jobId?: string } }[QueueKey];
export type StageResult =
  | {
      status: 'done';
      next?: JobRequest[];
      /** Runs after `next` is safely queued (e.g. mark feed items seen): at-least-once, never lost. */
      afterEnqueue?: () => Promise<void>;
      /** Small facts for logs and the run summary (e.g. articleId, outcome, newItems). */
      detail?: Record<string, unknown>;
    }
  | { status: 'skipped'; reason: string };
