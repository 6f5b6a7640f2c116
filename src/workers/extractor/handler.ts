import { describeError, PipelineError } from '../../errors.js';
import { canonicalizeUrl } from '../../lib/url.js';
import { LIMITS, type ExtractedArticle, type ExtractionInfo, type PayloadOf, type StageResult } from '../../queues/contracts.js';
import type { RobotsChecker, RobotsDecision } from '../../net/robots.js';
import type { FetchResult, HttpClient } from '../../net/types.js';
import { countWords, joinBlocks, textBlocks } from './blocks.js';
import { mainFrameUrl, storyOfFrame } from './frames.js';
import type { ExtractHints, PageBytes } from './pool.js';
import type { Extracted } from './types.js';

export type ExtractDeps = {
  http: HttpClient;
  /** robots.txt for article pages; absent: pages are fetched without asking. */
  robots?: RobotsChecker;
  /** Feeds whose pages are fetched without reading robots.txt (config `respectRobots: false`). */
  ignoresRobots?: (feedId: string) => boolean;
  /** The extractor core, usually run off the main thread (see pool.ts). */
  extract: (html: string, url: string, hints?: ExtractHints) => Promise<Extracted | null>;
  /**
   * The core on the page's bytes, decoded where it runs (pool.ts): used, when
   * given, for responses that carry their bytes, so the page is not decoded here.
   */
  extractBytes?: (page: PageBytes, url: string, hints?: ExtractHints) => Promise<Extracted | null>;
  now: () => Date;
};

/** Fewer words than this and feed content is not worth storing as the story. */
export const MIN_FALLBACK_WORDS = 50;
/** An extraction this short is treated as no article. */
export const MIN_ARTICLE_WORDS = 20;

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/**
 * The DOM and the sanitizer, loaded on first use. Pages are extracted on the
 * pool's threads; this thread needs them only for a feed-content fallback, and
 * linkedom with sanitize-html takes about 0.3 s to load at start-up.
 */
let feedContentTools: Promise<[typeof import('./dom.js'), typeof import('./sanitize.js')]> | null = null;
const loadFeedContentTools = () => (feedContentTools ??= Promise.all([import('./dom.js'), import('./sanitize.js')]));

/** The item's own feed content, cleaned the same way as a page body; null when too thin. */
export async function fromFeedContent(item: PayloadOf<'extract'>): Promise<Pick<Extracted, 'text' | 'html' | 'wordCount'> | null> {
  const source = item.content ?? item.summary;
  if (!source) {
    return null;
  }
  const [{ parseDocument }, { sanitizeArticleHtml }] = await loadFeedContentTools();
  const html = sanitizeArticleHtml(source, item.url);
  const parsed = parseDocument(`<!doctype html><html><body>${html}</body></html>`, item.url, 'linkedom');
  try {
    const text = joinBlocks(textBlocks(parsed.document.body, undefined, { shown: true }));
    const wordCount = countWords(text);
    return wordCount >= MIN_FALLBACK_WORDS ? { text, html, wordCount } : null;
  } finally {
    parsed.close();
  }
}

const capText = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

function toPayload(
  item: PayloadOf<'extract'>,
  pageUrl: string,
  found: Extracted | null,
  body: Pick<Extracted, 'text' | 'html' | 'wordCount'>,
  method: ExtractionInfo['method'],
  warnings: string[],
  now: Date,
): ExtractedArticle {
  const canonical = canonicalizeUrl(found?.canonicalUrl ?? pageUrl);
  return {
    feedId: item.feedId,
    ...(item.feedTitle ? { feedTitle: item.feedTitle } : {}),
    ...(item.feedUrl ? { feedUrl: item.feedUrl } : {}),
    url: item.url,
    canonicalUrl: canonical,
    title: found?.title || item.title || '',
    byline: found?.byline ?? item.author ?? null,
    dateline: found?.dateline ?? null,
    publishedAt: found?.publishedAt ?? item.publishedAt ?? null,
    modifiedAt: found?.modifiedAt ?? null,
    fetchedAt: now.toISOString(),
    siteName: found?.siteName ?? null,
    language: found?.language ?? null,
    excerpt: found?.excerpt ?? item.summary?.slice(0, 500) ?? null,
    leadImage: found?.leadImage ?? null,
    text: capText(body.text, LIMITS.articleTextChars),
    html: capText(body.html, LIMITS.articleHtmlChars),
    wordCount: body.wordCount,
    extraction: { method, warnings: [...(found?.warnings ?? []), ...warnings] },
  };
}

/**
 * What robots.txt says of `url` for this feed's items (unless the feed ignores it): a refusal, with the reason
 * as the skip or fallback reason says it, or the way to fetch the page through the client, its requests to the
 * host spaced by the Crawl-delay. The page and a frameset's frame go through it alike.
 */
async function allowedFetch(url: string, feedId: string, deps: ExtractDeps): Promise<{ refusal: string } | { fetch: () => Promise<FetchResult> }> {
  let robots: RobotsDecision | null = null;
  if (deps.robots && !deps.ignoresRobots?.(feedId)) {
    robots = await deps.robots.check(url);
    if (!robots.allowed) {
      return { refusal: `robots_disallowed: ${robots.reason ?? `${robots.robotsUrl} disallows this page`}` };
    }
  }
  const minSpacingMs = robots?.crawlDelayMs;
  return { fetch: () => deps.http.get(url, { accept: PAGE_ACCEPT, ...(minSpacingMs ? { minSpacingMs } : {}) }) };
}

/** The extractor core on a fetched page: on its bytes when the core decodes them where it runs, else on its text. */
const extractFetched = (page: FetchResult, deps: ExtractDeps, hints?: ExtractHints): Promise<Extracted | null> =>
  deps.extractBytes && page.body.length > 0 ? deps.extractBytes({ bytes: page.body, contentType: page.contentType }, page.url, hints) : deps.extract(page.text, page.url, hints);

/**
 * The story in a frameset page's main frame (frames.ts), fetched through the
 * same client (its address checks, limits and host spacing) and robots.txt
 * (its rules and its Crawl-delay) as any page (allowedFetch). The reason as a string when there is none; a retryable
 * failure is thrown while attempts remain, as for the page itself.
 */
async function extractFrame(url: string, feedId: string, deps: ExtractDeps, ctx: { finalAttempt: boolean }): Promise<Extracted | string> {
  const allowed = await allowedFetch(url, feedId, deps);
  if ('refusal' in allowed) {
    return allowed.refusal;
  }
  try {
    const frame = await allowed.fetch();
    if (frame.contentType && !/html|xml/i.test(frame.contentType)) {
      return `not_html: ${frame.contentType}`;
    }
    const found = await extractFetched(frame, deps);
    return found && found.wordCount >= MIN_ARTICLE_WORDS ? found : 'no article found';
  } catch (err) {
    if (err instanceof PipelineError && err.retryable && !ctx.finalAttempt) {
      throw err;
    }
    const { code, message } = describeError(err);
    return `${code}: ${message}`;
  }
}

/** Fetches the page, extracts the story; falls back to the feed's own content when the page fails. */
export async function handleExtract(
  item: PayloadOf<'extract'>,
  deps: ExtractDeps,
  ctx: { finalAttempt: boolean; attempt?: number } = { finalAttempt: true },
): Promise<StageResult> {
  const fallback = async (why: string, cause: unknown): Promise<StageResult> => {
    const body = await fromFeedContent(item);
    if (!body) {
      if (cause) {
        throw cause;
      }
      return { status: 'skipped', reason: why };
    }
    const payload = toPayload(item, item.url, null, body, 'feed-content', [`page not used: ${why}`], deps.now());
    return { status: 'done', next: [{ queue: 'enrich', payload }], detail: { method: 'feed-content', reason: why } };
  };

  const allowed = await allowedFetch(item.url, item.feedId, deps);
  if ('refusal' in allowed) {
    // Not fetched at all: the feed's own content is all Telex may use.
    return fallback(allowed.refusal, null);
  }

  let page;
  try {
    page = await allowed.fetch();
  } catch (err) {
    if (err instanceof PipelineError && err.retryable && !ctx.finalAttempt) {
      throw err;
    }
    const { code, message } = describeError(err);
    return fallback(`${code}: ${message}`, err);
  }
  const type = page.contentType ?? '';
  if (type && !/html|xml/i.test(type)) {
    return fallback(
      `not_html: ${type}`,
      new PipelineError('not_html', false, `GET ${item.url} returned ${type}, not HTML`),
    );
  }
  let found: Extracted | null;
  try {
    const hints: ExtractHints = {
      contentLanguage: page.headers['content-language'] ?? null,
      fallbackPublishedAt: item.dateMissing ? null : (item.publishedAt ?? null),
    };
    found = await extractFetched(page, deps, hints);
  } catch (err) {
    // The time budget is wall-clock time: on a busy machine an ordinary page can overrun it. The
    // first overrun is retried once (after the queue's backoff); a second one is the page's own.
    if (err instanceof PipelineError && err.code === 'timeout' && (ctx.attempt ?? 1) === 1 && !ctx.finalAttempt) {
      throw new PipelineError('timeout', true, `${err.message}; retried once in case the machine was busy`, err);
    }
    // A page too large, too deep or too slow to extract fails alone; the feed's own content may still serve.
    const { code, message } = describeError(err);
    return fallback(`${code}: ${message}`, err);
  }
  if (!found || found.wordCount < MIN_ARTICLE_WORDS) {
    // A frameset page holds no story of its own: a browser shows the frame that does.
    const frameUrl = /html/i.test(type || 'html') ? mainFrameUrl(page.text, page.url) : null;
    if (frameUrl) {
      const framed = await extractFrame(frameUrl, item.feedId, deps, ctx);
      if (typeof framed === 'string') {
        return fallback(`unreadable: no article found on the frameset page, nor in its frame ${frameUrl} (${framed})`, null);
      }
      const story = storyOfFrame(framed, page.url, frameUrl);
      const payload = toPayload(item, page.url, story, story, story.method, [], deps.now());
      return { status: 'done', next: [{ queue: 'enrich', payload }], detail: { method: framed.method, frame: frameUrl } };
    }
    return fallback('unreadable: no article found on the page', null);
  }
  const payload = toPayload(item, page.url, found, found, found.method, [], deps.now());
  return { status: 'done', next: [{ queue: 'enrich', payload }], detail: { method: found.method } };
}
