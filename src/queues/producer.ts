import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { PipelineError } from '../errors.js';
import { sha256Hex } from '../lib/ids.js';
import { QUEUES, type JobRequest, type QueueKey } from './contracts.js';

/** Name of the retry delay strategy the worker shell implements (see retryDelay in consumer.ts). */
export const BACKOFF_TYPE = 'telex';

/** Job options shared by every stage: retries with jittered exponential backoff, bounded failure history. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: BACKOFF_TYPE, delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
};

export type Queues = { [K in QueueKey]: Queue };

/**
 * A failed poll is not retried in place: the feed's next scheduled poll is the
 * retry, and the failure counts once toward the feed's backoff.
 */
const QUEUE_JOB_OPTIONS: Record<QueueKey, JobsOptions> = {
  poll: { ...DEFAULT_JOB_OPTIONS, attempts: 1, removeOnFail: { count: 1_000, age: 24 * 3600 } },
  extract: DEFAULT_JOB_OPTIONS,
  enrich: DEFAULT_JOB_OPTIONS,
  // Webhook deliveries: ten attempts over about an hour and a half (the worker doubles 10 s), kept a day
  // once done so that dispatching the same event again (a dispatcher that died before
  // acknowledging it) finds the job id taken and delivers nothing twice.
  deliver: {
    attempts: 10,
    backoff: { type: BACKOFF_TYPE, delay: 10_000 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
};

export function createQueues(connection: Redis, prefix: string, onError?: (err: Error, queue: string) => void): Queues {
  const make = (key: QueueKey) => {
    const q = new Queue(QUEUES[key].name, { connection, prefix, defaultJobOptions: QUEUE_JOB_OPTIONS[key] });
    // Connection errors surface on the queue; log them instead of letting them go to stderr raw.
    q.on('error', (err) => onError?.(err, QUEUES[key].name));
    return q;
  };
  return { poll: make('poll'), extract: make('extract'), enrich: make('enrich'), deliver: make('deliver') };
}

/** Deterministic job id from the work itself, so queueing the same work twice while it is queued is a no-op. */
export function jobIdFor(request: JobRequest): string {
  if (request.jobId) {
    return request.jobId;
  }
  const name = QUEUES[request.queue].name;
  switch (request.queue) {
    case 'poll':
      return `${name}-${request.payload.feedId}-${Date.now()}`;
    case 'extract': {
      // The same item queued twice (two fetcher replicas) is one job; a changed item is a new one,
      // even while an earlier job for its URL is still kept as failed.
      const p = request.payload;
      return `${name}-${sha256Hex([p.feedId, p.url, p.title ?? '', p.publishedAt ?? '', p.content ?? p.summary ?? ''].join('\n'))}`;
    }
    case 'enrich': {
      const p = request.payload;
      return `${name}-${sha256Hex([p.canonicalUrl, p.title, p.text].join('\n'))}`;
    }
    case 'deliver':
      return `${name}-${request.payload.deliveryId}`;
  }
}

export type Producer = {
  queues: Queues;
  enqueue(requests: readonly JobRequest[]): Promise<string[]>;
  close(): Promise<void>;
};

/** Validates every payload before it reaches Redis; a bad payload is a permanent error. */
export function createProducer(connection: Redis, prefix: string, onError?: (err: Error, queue: string) => void): Producer {
  const queues = createQueues(connection, prefix, onError);
  return {
    queues,
    async enqueue(requests) {
      // Every payload is checked before any job is added.
      const jobs = requests.map((request) => {
        const { name, payload } = QUEUES[request.queue];
        const parsed = payload.safeParse(request.payload);
        if (!parsed.success) {
          throw new PipelineError('bad_payload', false, `invalid ${name} payload: ${parsed.error.message}`);
        }
        return { queue: request.queue, name, data: parsed.data, opts: { jobId: jobIdFor(request) } };
      });
      // One round trip per queue (a poll's new items go to Redis together), not one per job.
      for (const key of new Set(jobs.map((j) => j.queue))) {
        const batch = jobs.filter((j) => j.queue === key);
        if (batch.length === 1) {
          const [job] = batch as [(typeof batch)[number]];
          await queues[key].add(job.name, job.data, job.opts);
        } else {
          await queues[key].addBulk(batch.map(({ name, data, opts }) => ({ name, data, opts })));
        }
      }
      return jobs.map((j) => j.opts.jobId);
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
