import { randomUUID } from 'node:crypto';
import { QueueEvents, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createRedis } from '../../../src/queues/connection.js';
import { startStage, type StageEvent, type StageOptions } from '../../../src/queues/consumer.js';
import { createProducer, type Producer } from '../../../src/queues/producer.js';

const item = { feedId: 'f', url: 'https://news.test/a' };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let prefix: string;
let workerRedis: Redis;
let producerRedis: Redis;
let producer: Producer;
let workers: Worker[];
let events: QueueEvents[];

beforeEach(() => {
  prefix = `test-${randomUUID()}`;
  workerRedis = createRedis(REDIS_URL, 'worker');
  producerRedis = createRedis(REDIS_URL, 'client');
  producer = createProducer(producerRedis, prefix);
  workers = [];
  events = [];
});

afterEach(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(events.map((e) => e.close()));
  for (const q of Object.values(producer.queues)) {
    await q.obliterate({ force: true });
  }
  await producer.close();
  await workerRedis.quit();
  await producerRedis.quit();
});

/** Starts the shell on the extract queue with `handle`, collecting every stage event. */
function start(handle: StageOptions<'extract'>['handle'], seen: StageEvent<'extract'>[]) {
  const w = startStage({
    queue: 'extract',
    connection: workerRedis,
    prefix,
    log: silentLogger(),
    concurrency: 1,
    handle,
    enqueue: producer.enqueue,
    onEvent: (e) => {
      seen.push(e);
    },
  });
  workers.push(w);
  return w;
}

async function waitFor(pred: () => boolean | Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > until) {
      throw new Error('condition not reached');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(startStage.name, () => {
  it('removes a completed job and enqueues its follow-ups', async () => {
    const seen: StageEvent<'extract'>[] = [];
    start(
      async () => ({
        status: 'done',
        next: [{ queue: 'poll', payload: { feedId: 'g' }, jobId: 'follow-up' }],
      }),
      seen,
    );
    await producer.enqueue([{ queue: 'extract', payload: item, jobId: 'p1' }]);
    await waitFor(() => seen.some((e) => e.outcome === 'done'));
    await waitFor(async () => (await producer.queues.extract.getJob('p1')) === undefined);
    expect(await producer.queues.poll.getJob('follow-up')).toBeDefined();
  });

  it('fails a job permanently without retry when the handler throws a permanent error', async () => {
    const seen: StageEvent<'extract'>[] = [];
    let calls = 0;
    start(async () => {
      calls++;
      throw new PipelineError('http_status', false, 'GET x -> 404');
    }, seen);
    await producer.enqueue([{ queue: 'extract', payload: item, jobId: 'p2' }]);
    await waitFor(() => seen.some((e) => e.outcome === 'failed'));
    // The stage event comes before BullMQ records the failure (the handler emits, then throws): wait for the record.
    await waitFor(async () => (await producer.queues.extract.getJob('p2'))?.failedReason !== undefined);
    const job = await producer.queues.extract.getJob('p2');
    expect(await job?.getState()).toBe('failed');
    expect(job?.failedReason).toMatch(/http_status/);
    expect(calls).toBe(1);
  });

  it('retries a retryable error with backoff and succeeds', async () => {
    const seen: StageEvent<'extract'>[] = [];
    let calls = 0;
    start(async () => {
      calls++;
      if (calls === 1) {
        throw new PipelineError('network', true, 'ECONNRESET');
      }
      return { status: 'done' };
    }, seen);
    await producer.enqueue([{ queue: 'extract', payload: item, jobId: 'p3' }]);
    await waitFor(() => seen.some((e) => e.outcome === 'done'));
    expect(seen.map((e) => e.outcome)).toEqual(['retry', 'done']);
    expect(calls).toBe(2);
  });

  it('tells the handler when a job is run again', async () => {
    const seen: StageEvent<'extract'>[] = [];
    const flags: boolean[] = [];
    start(async (_payload, ctx) => {
      flags.push(ctx.redelivered);
      if (flags.length === 1) {
        throw new PipelineError('network', true, 'ECONNRESET');
      }
      return { status: 'done' };
    }, seen);
    await producer.enqueue([{ queue: 'extract', payload: item, jobId: 'p5' }]);
    await waitFor(() => seen.some((e) => e.outcome === 'done'));
    expect(flags).toEqual([false, true]);
  });

  it('fails permanently on a bad payload that bypassed the producer', async () => {
    const seen: StageEvent<'extract'>[] = [];
    let calls = 0;
    start(async () => {
      calls++;
      return { status: 'done' };
    }, seen);
    await producer.queues.extract.add('extract-article', { feedId: 42 } as never, { jobId: 'p4', attempts: 5 });
    await waitFor(async () => (await (await producer.queues.extract.getJob('p4'))?.getState()) === 'failed');
    const job = await producer.queues.extract.getJob('p4');
    expect(job?.failedReason).toMatch(/bad_payload/);
    expect(job?.attemptsMade).toBe(1);
    expect(calls).toBe(0);
  });

  it('refuses to enqueue a payload that fails its schema', async () => {
    await expect(producer.enqueue([{ queue: 'extract', payload: { feedId: 'f', url: 'not a url' } }])).rejects.toMatchObject({
      code: 'bad_payload',
    });
    expect(await producer.queues.extract.count()).toBe(0);
  });
});
