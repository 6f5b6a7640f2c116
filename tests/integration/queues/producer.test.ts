import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import { createRedis } from '../../../src/queues/connection.js';
import { createProducer, jobIdFor, type Producer } from '../../../src/queues/producer.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
let producer: Producer;

beforeEach(() => {
  redis = createRedis(REDIS_URL, 'client');
  producer = createProducer(redis, `test-${randomUUID()}`);
});

afterEach(async () => {
  for (const q of Object.values(producer.queues)) {
    await q.obliterate({ force: true });
  }
  await producer.close();
  await redis.quit();
});

const items = Array.from({ length: 5 }, (_, i) => ({ feedId: 'wire', url: `https://news.test/${i}`, title: `Story ${i}` }));

describe('createProducer', () => {
  it('adds every job of one call, in order, each under its own id and with the default job options', async () => {
    const requests = [...items.map((payload) => ({ queue: 'extract' as const, payload })), { queue: 'poll' as const, payload: { feedId: 'wire' }, jobId: 'once-wire' }];
    const ids = await producer.enqueue(requests);
    expect(ids).toEqual(requests.map((r) => jobIdFor(r)));
    const waiting = await producer.queues.extract.getWaiting(0, -1);
    expect(new Set(waiting.map((j) => j.id))).toEqual(new Set(ids.slice(0, 5)));
    for (const job of waiting) {
      expect(job.data).toEqual(items.find((i) => jobIdFor({ queue: 'extract', payload: i }) === job.id));
      expect(job.opts.attempts).toBe(5);
      expect(job.opts.removeOnComplete).toBe(true);
    }
    expect((await producer.queues.poll.getJob('once-wire'))?.data).toEqual({ feedId: 'wire' });
  });

  it('adds nothing twice when the same items are enqueued again while queued', async () => {
    await producer.enqueue(items.map((payload) => ({ queue: 'extract' as const, payload })));
    await producer.enqueue(items.map((payload) => ({ queue: 'extract' as const, payload })));
    expect(await producer.queues.extract.getWaitingCount()).toBe(items.length);
  });

  it('adds none of the jobs when one payload is invalid', async () => {
    const bad = { queue: 'extract' as const, payload: { feedId: 'wire', url: 'not a url' } };
    await expect(producer.enqueue([...items.map((payload) => ({ queue: 'extract' as const, payload })), bad])).rejects.toBeInstanceOf(PipelineError);
    expect(await producer.queues.extract.getWaitingCount()).toBe(0);
  });
});
