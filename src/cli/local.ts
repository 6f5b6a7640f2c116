import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import { PipelineError } from '../errors.js';
import { canonicalizeUrl } from '../lib/url.js';
import { createHttpClient } from '../net/safe-fetch.js';
import type { ExtractedArticle } from '../queues/contracts.js';
import type { ArticleRecord } from '../store/types.js';
import { enrichArticle } from '../workers/enricher/enrich-article.js';
import { parseTopicsConfig } from '../workers/enricher/topics-config.js';
import { extractArticle } from '../workers/extractor/extract-article.js';
import { mainFrameUrl, storyOfFrame } from '../workers/extractor/frames.js';

type Source = { source: string; pageUrl?: string; config: Config };

type Page = { html: string; url: string };
/** A page, and for a page fetched from the web, the way to fetch another (a frameset's frame) with the same client. */
type Loaded = Page & { fetchPage?: (url: string) => Promise<Page> };

async function load(opts: Source): Promise<Loaded> {
  if (/^https?:\/\//i.test(opts.source)) {
    const fetch = opts.config.file.fetch;
    const http = createHttpClient({
      allow: fetch.allow,
      ...(fetch.userAgent ? { userAgent: fetch.userAgent } : {}),
      ...(fetch.timeout ? { timeoutMs: fetch.timeout } : {}),
    });
    const get = async (url: string): Promise<Page> => {
      const page = await http.get(url, { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
      return { html: page.text, url: page.url };
    };
    const page = await get(opts.source);
    return { html: page.html, url: opts.pageUrl ?? page.url, fetchPage: get };
  }
  const path = resolve(opts.source);
  const html = await readFile(path, 'utf8');
  return { html, url: opts.pageUrl ?? pathToFileURL(path).href };
}

/** `telex extract`: the extractor core on one page, no Redis, no store. */
export async function extractFromSource(opts: Source): Promise<ExtractedArticle> {
  const { html, url, fetchPage } = await load(opts);
  let found = extractArticle(html, url);
  // A frameset page fetched from the web: the story is in its main frame, as in the pipeline (handler.ts).
  const frameUrl = !found && fetchPage ? mainFrameUrl(html, url) : null;
  if (frameUrl && fetchPage) {
    const frame = await fetchPage(frameUrl);
    const inFrame = extractArticle(frame.html, frame.url);
    if (inFrame) {
      found = storyOfFrame(inFrame, url, frameUrl);
    }
  }
  if (!found) {
    throw new PipelineError('unreadable', false, `no article found in ${opts.source}`);
  }
  const canonical = found.canonicalUrl ?? url;
  return {
    feedId: 'local',
    url,
    canonicalUrl: /^https?:/i.test(canonical) ? canonicalizeUrl(canonical) : canonical,
    title: found.title,
    byline: found.byline,
    dateline: found.dateline,
    publishedAt: found.publishedAt,
    modifiedAt: found.modifiedAt,
    fetchedAt: new Date().toISOString(),
    siteName: found.siteName,
    language: found.language,
    excerpt: found.excerpt,
    leadImage: found.leadImage,
    text: found.text,
    html: found.html,
    wordCount: found.wordCount,
    extraction: { method: found.method, warnings: found.warnings },
  };
}

/** `telex process`: extract and enrich; the record that would be stored. */
export async function processFromSource(opts: Source): Promise<ArticleRecord> {
  const extracted = await extractFromSource(opts);
  let customTopics;
  try {
    customTopics = parseTopicsConfig(await readFile(opts.config.file.topicsFile, 'utf8'));
  } catch {
    customTopics = undefined;
  }
  return enrichArticle(extracted, customTopics ? { customTopics } : {});
}
