import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../../errors.js';
import { threadBootSource } from '../../lib/thread-boot.js';
import type { DomKind } from './dom.js';
import type { ExtractOptions } from './extract-article.js';
import type { ExtractHints, PoolReady, PoolReply } from './pool-protocol.js';

export type { ExtractHints } from './pool-protocol.js';
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
};

export type ExtractorPool = {
  /** Extracts one page in a worker thread. `hints` carry the Content-Language header and the feed's date. */
  extract(html: string, url: string, hints?: ExtractHints): Promise<Extracted | null>;
  close(): Promise<void>;
};

export const POOL_DEFAULTS = { timeoutMs: 10_000, maxHeapMb: 192 } as const;

type Job = {
  id: number;
  html: string;
  url: string;
  hints: ExtractHints | undefined;
  resolve: (v: Extracted | null) => void;
  reject: (e: unknown) => void;
};

type Slot = {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
};

const WORKER_URL = new URL('./pool-worker.ts', import.meta.url);

/**
 * A pool of worker threads running extractArticle, so DOM work never blocks
 * the caller's event loop (BullMQ lock renewals keep running). Jobs queue
 * when every worker is busy. A page that exceeds the time budget (or crashes
 * its worker) rejects with a permanent PipelineError and its worker is
 * replaced; other pages are unaffected.
 */
export function createExtractorPool(opts: ExtractorPoolOptions = {}): ExtractorPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const timeoutMs = opts.timeoutMs ?? POOL_DEFAULTS.timeoutMs;
  const extractOptions: ExtractOptions = {};
  if (opts.dom) extractOptions.dom = opts.dom;
  if (opts.maxChars) extractOptions.maxChars = opts.maxChars;
  if (opts.maxElements) extractOptions.maxElements = opts.maxElements;
  if (opts.maxDepth) extractOptions.maxDepth = opts.maxDepth;
  const maxHeapMb = opts.maxHeapMb ?? POOL_DEFAULTS.maxHeapMb;

  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Workers that died before ever becoming ready, in a row: a broken install, not a bad page. */
  let bootFailures = 0;

  const spawn = (): Slot => {
    const worker = new Worker(threadBootSource(WORKER_URL), {
      eval: true,
      // The boot code registers tsx itself: do not inherit a second `--import tsx`.
      execArgv: [],
      workerData: extractOptions,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (msg: PoolReply | PoolReady) => {
      if ('ready' in msg) {
        slot.ready = true;
        bootFailures = 0;
        pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) {
        return;
      }
      finish(slot);
      if (msg.ok) {
        job.resolve(msg.value);
      } else {
        job.reject(new PipelineError(msg.error.code, msg.error.retryable, msg.error.message));
      }
      pump();
    });
    worker.on('error', (err) => {
      fail(slot, new PipelineError('unreadable', false, `extractor worker crashed: ${err.message}`, err));
    });
    worker.on('exit', (code) => {
      if (slots.includes(slot)) {
        fail(slot, new PipelineError('unreadable', false, `extractor worker exited with code ${code}`));
      }
    });
    slots.push(slot);
    return slot;
  };

  const finish = (slot: Slot): void => {
    if (slot.timer) {
      clearTimeout(slot.timer);
      slot.timer = null;
    }
    slot.job = null;
  };

  /** Drops a broken worker, rejects its job, and starts a replacement. */
  const fail = (slot: Slot, err: PipelineError): void => {
    const i = slots.indexOf(slot);
    if (i < 0) {
      return;
    }
    slots.splice(i, 1);
    const job = slot.job;
    finish(slot);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    if (job) {
      job.reject(err);
    }
    if (!slot.ready) {
      bootFailures++;
    }
    if (bootFailures >= 3) {
      const bootErr = new PipelineError('unreadable', true, `extractor workers fail to start: ${err.message}`);
      for (const queued of queue.splice(0)) {
        queued.reject(bootErr);
      }
      if (slots.length === 0) {
        bootFailures = 0;
      }
      return;
    }
    if (!closed) {
      spawn();
      pump();
    }
  };

  const pump = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) {
        return;
      }
      if (!slot.ready || slot.job) {
        continue;
      }
      const job = queue.shift();
      if (!job) {
        return;
      }
      slot.job = job;
      slot.timer = setTimeout(() => {
        fail(slot, new PipelineError('timeout', false, `extraction of ${job.url} exceeded ${timeoutMs} ms`));
      }, timeoutMs);
      slot.worker.postMessage({ id: job.id, html: job.html, url: job.url, hints: job.hints });
      // The page now lives in the worker; do not keep a second copy here.
      job.html = '';
    }
  };

  for (let i = 0; i < size; i++) {
    spawn();
  }

  return {
    extract(html: string, url: string, hints?: ExtractHints): Promise<Extracted | null> {
      if (closed) {
        return Promise.reject(new PipelineError('unreadable', true, 'extractor pool is closed'));
      }
      // Workers lost to a failed start are brought back on the next job.
      while (slots.length < size) {
        spawn();
      }
      return new Promise<Extracted | null>((resolve, reject) => {
        queue.push({ id: nextId++, html, url, hints, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      if (closed) {
        return;
      }
      closed = true;
      const err = new PipelineError('unreadable', true, 'extractor pool closed before the page was extracted');
      for (const job of queue.splice(0)) {
        job.reject(err);
      }
      const all = slots.splice(0);
      for (const slot of all) {
        const job = slot.job;
        finish(slot);
        job?.reject(err);
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => {});
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
