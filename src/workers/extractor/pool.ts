import { availableParallelism } from 'node:os';
import { PipelineError } from '../../errors.js';
import { moduleBeside } from '../../lib/thread-boot.js';
import { createThreadPool } from '../../lib/thread-pool.js';
import type { DomKind } from './dom.js';
import type { ExtractOptions } from './extract-article.js';
import type { ExtractHints, PageBytes } from './pool-protocol.js';

export type { ExtractHints, PageBytes } from './pool-protocol.js';
import type { Extracted } from './types.js';

export type ExtractorPoolOptions = {
  /** Worker threads; defaults to the number of cores. */
  size?: number;
  dom?: DomKind;
  /** Time budget per page; a worker that exceeds it is terminated and replaced. */
  timeoutMs?: number;
  /** Per-page limits passed to extractArticle. */
  maxChars?: number;
  maxElements?: number;
  maxDepth?: number;
  /** Heap cap per worker thread, in MiB: a page that blows it fails alone. */
  maxHeapMb?: number;
  /** Quiet time after which a thread collects its heap (see ThreadPoolOptions.releaseMemoryAfterMs). */
  releaseMemoryAfterMs?: number;
};

export type ExtractorPool = {
  /** Extracts one page in a worker thread. `hints` carry the Content-Language header and the feed's date. */
  extract(html: string, url: string, hints?: ExtractHints): Promise<Extracted | null>;
  /** The same for a page still in bytes: the thread decodes it (see PageBytes). The bytes are copied, not taken. */
  extractBytes(page: PageBytes, url: string, hints?: ExtractHints): Promise<Extracted | null>;
  close(): Promise<void>;
};

export const POOL_DEFAULTS = { timeoutMs: 10_000, maxHeapMb: 192, maxYoungMb: 16 } as const;

const WORKER_URL = moduleBeside(import.meta.url, './pool-worker');

type Page = { html: string; url: string; hints?: ExtractHints } | (PageBytes & { url: string; hints?: ExtractHints });

/**
 * A pool of worker threads running extractArticle, so DOM work never blocks
 * the caller's event loop (BullMQ lock renewals keep running). Pages queue
 * when every worker is busy. A page that exceeds the time budget (or crashes
 * its worker, or exhausts its heap) rejects with a permanent PipelineError and
 * its worker is replaced; other pages are unaffected.
 */
export function createExtractorPool(opts: ExtractorPoolOptions = {}): ExtractorPool {
  const extractOptions: ExtractOptions = {};
  if (opts.dom) extractOptions.dom = opts.dom;
  if (opts.maxChars) extractOptions.maxChars = opts.maxChars;
  if (opts.maxElements) extractOptions.maxElements = opts.maxElements;
  if (opts.maxDepth) extractOptions.maxDepth = opts.maxDepth;
  const timeoutMs = opts.timeoutMs ?? POOL_DEFAULTS.timeoutMs;
  const pool = createThreadPool<Page, Extracted | null>({
    moduleUrl: WORKER_URL,
    size: opts.size ?? availableParallelism(),
    timeoutMs,
    workerData: extractOptions,
    maxHeapMb: opts.maxHeapMb ?? POOL_DEFAULTS.maxHeapMb,
    maxYoungMb: POOL_DEFAULTS.maxYoungMb,
    ...(opts.releaseMemoryAfterMs !== undefined ? { releaseMemoryAfterMs: opts.releaseMemoryAfterMs } : {}),
    message: (page) => {
      if ('bytes' in page) {
        // A copy of its own, moved to the thread: one copy of the bytes instead of two (serialised, then read back).
        const bytes = new Uint8Array(page.bytes);
        page.bytes = new Uint8Array(0);
        return { bytes, contentType: page.contentType, url: page.url, hints: page.hints };
      }
      const msg = { html: page.html, url: page.url, hints: page.hints };
      // The page now lives in the worker; do not keep a second copy here.
      page.html = '';
      return msg;
    },
    transfer: (msg) => {
      const bytes = (msg as { bytes?: Uint8Array }).bytes;
      return bytes ? [bytes.buffer as ArrayBuffer] : [];
    },
    describeTimeout: (page) => `extraction of ${page.url} exceeded ${timeoutMs} ms`,
    threadError: (why, kind) => (kind === 'timeout' ? new PipelineError('timeout', false, why) : new PipelineError('unreadable', false, `extractor worker ${why}`)),
    bootError: (why) => new PipelineError('unreadable', true, `extractor workers fail to start: ${why}`),
    closedError: () => new PipelineError('unreadable', true, 'extractor pool closed before the page was extracted'),
  });
  return {
    extract: (html, url, hints) => pool.run({ html, url, hints }),
    extractBytes: (page, url, hints) => pool.run({ bytes: page.bytes, contentType: page.contentType, url, hints }),
    close: () => pool.close(),
  };
}
