/**
 * Worker-thread side of the extractor pool: runs extractArticle on each page
 * it is sent and posts the result (or the error, as plain data) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PipelineError } from '../../errors.js';
import { decodeBody } from '../../net/charset.js';
import { extractArticle, type ExtractOptions } from './extract-article.js';
import type { PoolReply, PoolRequest } from './pool-protocol.js';

const port = parentPort;
if (!port) {
  throw new Error('pool-worker.ts must run in a worker thread');
}
const options = (workerData ?? {}) as ExtractOptions;

port.on('message', (msg: PoolRequest) => {
  let reply: PoolReply;
  try {
    const html = 'html' in msg ? msg.html : decodeBody(msg.bytes, msg.contentType).text;
    reply = { id: msg.id, ok: true, value: extractArticle(html, msg.url, { ...options, ...msg.hints }) };
  } catch (err) {
    reply =
      err instanceof PipelineError
        ? { id: msg.id, ok: false, error: { code: err.code, retryable: err.retryable, message: err.message } }
        : { id: msg.id, ok: false, error: { code: 'unreadable', retryable: false, message: err instanceof Error ? err.message : String(err) } };
  }
  port.postMessage(reply);
});

// Load the DOM and warm the JIT before taking work, so the first real page
// is not charged for it against the time budget.
try {
  extractArticle(
    `<html lang="en"><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>The quick brown fox jumps over the lazy dog near the harbour wall.</p>'.repeat(20)}</article></body></html>`,
    'http://warm-up.invalid/a',
    options,
  );
} catch {
  // A failing warm-up shows up on real pages; nothing to do here.
}
port.postMessage({ ready: true });
