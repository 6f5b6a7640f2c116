/**
 * Worker-thread side of the enricher pool: runs the enricher's core
 * (enrichArticle, then the MinHash fingerprint) on each article it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PipelineError } from '../../errors.js';
import { fingerprint } from './cluster.js';
import { enrichArticle, type EnrichOptions } from './enrich-article.js';
import { adoptPacks } from './model-pack.js';
import type { EnrichReply, EnrichRequest } from './pool-protocol.js';

const port = parentPort;
if (!port) {
  throw new Error('pool-worker.ts must run in a worker thread');
}
let options: EnrichOptions = {};
// The models the pool read into shared memory: used as they are, not read again.
adoptPacks((workerData as { models?: unknown } | null)?.models);

port.on('message', (msg: EnrichRequest) => {
  if (msg.options) {
    options = msg.options;
  }
  let reply: EnrichReply;
  try {
    const record = enrichArticle(msg.article, options);
    reply = { id: msg.id, ok: true, value: { record, fingerprint: fingerprint(record.text) } };
  } catch (err) {
    reply =
      err instanceof PipelineError
        ? { id: msg.id, ok: false, error: { code: err.code, retryable: err.retryable, message: err.message } }
        : { id: msg.id, ok: false, error: { code: null, retryable: true, message: err instanceof Error ? err.message : String(err) } };
  }
  port.postMessage(reply);
});

// Load the lexicons, the gazetteer and the language model and warm the JIT
// before taking work, so start-up is not charged to the first articles.
try {
  const text = 'LONDON (Wire) - The council said on Monday that the new budget would cover transport and schools across the region. '.repeat(12);
  const record = enrichArticle({
    feedId: 'warm-up',
    url: 'http://warm-up.invalid/a',
    canonicalUrl: 'http://warm-up.invalid/a',
    title: 'Council approves budget for transport and schools',
    byline: null,
    dateline: null,
    publishedAt: null,
    modifiedAt: null,
    fetchedAt: new Date(0).toISOString(),
    siteName: null,
    language: 'en',
    excerpt: null,
    leadImage: null,
    text,
    html: `<p>${text}</p>`,
    wordCount: 240,
    extraction: { method: 'readability', warnings: [] },
  });
  fingerprint(record.text);
} catch {
  // A failing warm-up shows up on real articles; nothing to do here.
}
port.postMessage({ ready: true });
