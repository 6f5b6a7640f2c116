import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../../errors.js';
import { threadBootSource } from '../../lib/thread-boot.js';
import type { ExtractedArticle } from '../../queues/contracts.js';
import type { EnrichOptions } from './enrich-article.js';
import type { Enriched, EnrichReady, EnrichReply } from './pool-protocol.js';

export type { Enriched } from './pool-protocol.js';

export type EnricherPoolOptions = {
  /** Worker threads; defaults to the number of cores. */
  size?: number;
  /** Time budget per article; a thread that exceeds it is terminated and replaced. */
  timeoutMs?: number;
};

export type EnricherPool = {
  /** Runs enrichArticle and the fingerprint for one article in a worker thread. */
  enrich(article: ExtractedArticle, options: EnrichOptions): Promise<Enriched>;
  close(): Promise<void>;
};

export const ENRICHER_POOL_DEFAULTS = { timeoutMs: 30_000 } as const;

type Job = {
  id: number;
  article: ExtractedArticle;
  options: EnrichOptions;
  resolve: (v: Enriched) => void;
  reject: (e: unknown) => void;
};

type Slot = {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** The options object this thread last received (sent again only when it changes). */
  options: EnrichOptions | null;
};

const BOOT = threadBootSource(new URL('./pool-worker.ts', import.meta.url));

/**
 * A pool of worker threads running the enricher's core (topics, entities,
 * keywords, language, MinHash), so one enricher process can use more than one
 * core: its event loop keeps only the store and Redis work, and keeps doing
 * it while articles are being tagged. Jobs queue when every thread is busy. A
 * thread that crashes or overruns the time budget is replaced and its article
 * fails with a retryable error; other articles are unaffected.
 */
export function createEnricherPool(opts: EnricherPoolOptions = {}): EnricherPool {
  const size = Math.max(1, opts.size ?? availableParallelism());
  const timeoutMs = opts.timeoutMs ?? ENRICHER_POOL_DEFAULTS.timeoutMs;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Threads that died before ever becoming ready, in a row: a broken install, not a bad article. */
  let bootFailures = 0;

  const spawn = (): Slot => {
    // The boot code registers tsx itself: do not inherit a second `--import tsx`.
    const worker = new Worker(BOOT, { eval: true, execArgv: [], stdout: false, stderr: false });
    const slot: Slot = { worker, ready: false, job: null, timer: null, options: null };
    worker.on('message', (msg: EnrichReply | EnrichReady) => {
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
      } else if (msg.error.code) {
        job.reject(new PipelineError(msg.error.code, msg.error.retryable, msg.error.message));
      } else {
        job.reject(new Error(msg.error.message));
      }
      pump();
    });
    worker.on('error', (err) => fail(slot, `enricher thread crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) {
        fail(slot, `enricher thread exited with code ${code}`);
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

  /** Drops a broken thread, fails its article (retryable), and starts a replacement. */
  const fail = (slot: Slot, why: string): void => {
    const i = slots.indexOf(slot);
    if (i < 0) {
      return;
    }
    slots.splice(i, 1);
    const job = slot.job;
    finish(slot);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    job?.reject(new PipelineError('timeout', true, why));
    if (!slot.ready) {
      bootFailures++;
    }
    if (bootFailures >= 3) {
      const bootErr = new PipelineError('config', true, `enricher threads fail to start: ${why}`);
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
      const job = queue.shift() as Job;
      slot.job = job;
      slot.timer = setTimeout(() => fail(slot, `enrichment of ${job.article.url} exceeded ${timeoutMs} ms`), timeoutMs);
      const sendOptions = slot.options !== job.options;
      slot.options = job.options;
      slot.worker.postMessage({ id: job.id, article: job.article, ...(sendOptions ? { options: job.options } : {}) });
    }
  };

  for (let i = 0; i < size; i++) {
    spawn();
  }

  return {
    enrich(article, options) {
      if (closed) {
        return Promise.reject(new PipelineError('config', true, 'enricher pool is closed'));
      }
      // Threads lost to a failed start are brought back on the next article.
      while (slots.length < size) {
        spawn();
      }
      return new Promise<Enriched>((resolve, reject) => {
        queue.push({ id: nextId++, article, options, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      const err = new PipelineError('config', true, 'enricher pool closed before the article was enriched');
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
