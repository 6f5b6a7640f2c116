/** Library entry: the same pure cores the workers and the CLI use. */
export { extractArticle } from './workers/extractor/extract-article.js';
export type { Extracted } from './workers/extractor/types.js';
export { enrichArticle } from './workers/enricher/enrich-article.js';
export { toNinjs } from './ninjs/to-ninjs.js';
export { parseFeed } from './workers/fetcher/parse-feed.js';
export type { ExtractedArticle, FeedItem } from './queues/contracts.js';
export type { ArticleRecord, Topic, Entity, Entities, ArticleVersion, ArticleVersionSummary } from './store/types.js';
export { isSubstantiveChange } from './store/story-change.js';
export { readArticleEvents, ackArticleEvents, ensureArticleEventGroup, parseArticleEvent } from './store/article-events.js';
export type { ArticleEvent } from './store/article-events.js';
export { openStore } from './store/index.js';
