import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ackArticleEvents,
  publishArticleEvent,
  readArticleEvents,
} from '../../../src/store/article-events.js';
import { makeRecord } from './article-store.contract.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
const keys: string[] = [];
const keyFor = (): string => {
  const k = `test-${randomUUID()}:articles`;
  keys.push(k);
  return k;
};

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (start it with \`redis-server --daemonize yes\`): ${String(err)}`);
  }
});

afterAll(async () => {
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  redis.disconnect();
});

describe(publishArticleEvent.name, () => {
  it('appends an entry with id, version, outcome, title, url, topics, publishedAt and whether the update is substantive', async () => {
    const key = keyFor();
    const rec = makeRecord({
      slug: 'ev1',
      version: 2,
      topics: [{ code: 'medtop:20000646', label: 'refugees', score: 0.9, scheme: 'medtop', evidence: ['asylum'] }],
    });
    const streamId = await publishArticleEvent(redis, key, rec, 'updated', undefined, true);
    const raw = await redis.xrange(key, '-', '+');
    expect(raw).toHaveLength(1);
    expect(raw[0]?.[0]).toBe(streamId);
    const events = await readArticleEvents(redis, key, '0');
    expect(events).toEqual([
      {
        streamId,
        id: rec.id,
        version: 2,
        outcome: 'updated',
        title: rec.title,
        url: rec.canonicalUrl,
        feedId: 'wire',
        language: 'en',
        clusterId: rec.clusterId,
        topics: [{ code: 'medtop:20000646', label: 'refugees', score: 0.9, scheme: 'medtop' }],
        publishedAt: rec.publishedAt,
        updatedAt: null,
        substantive: true,
      },
    ]);
  });

  it('keeps the stream near maxLen when many events are published', async () => {
    const key = keyFor();
    for (let i = 0; i < 300; i++) {
      await publishArticleEvent(redis, key, makeRecord({ slug: `t${i}` }), 'created', 50);
    }
    const len = await redis.xlen(key);
    expect(len).toBeLessThan(300);
    expect(len).toBeGreaterThanOrEqual(50);
  });
});

describe(readArticleEvents.name, () => {
  it('returns only events after the given id when resuming', async () => {
    const key = keyFor();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await publishArticleEvent(redis, key, makeRecord({ slug: `r${i}` }), 'created'));
    }
    const first = await readArticleEvents(redis, key, '0', { count: 2 });
    expect(first.map((e) => e.streamId)).toEqual(ids.slice(0, 2));
    const rest = await readArticleEvents(redis, key, first[1]!.streamId);
    expect(rest.map((e) => e.streamId)).toEqual(ids.slice(2));
    expect(await readArticleEvents(redis, key, ids[4]!)).toEqual([]);
  });

  it('wakes a blocked reader when an event is published', async () => {
    const key = keyFor();
    const reader = redis.duplicate();
    try {
      const readerId = String(await reader.client('ID'));
      const pending = readArticleEvents(reader, key, '$', { blockMs: 0 });
      // Publish only once this reader's connection is blocked in XREAD.
      const blocked = async (): Promise<boolean> =>
        /\bcmd=xread\b/.test(String(await redis.call('CLIENT', 'LIST', 'ID', readerId)));
      while (!(await blocked())) {
        await new Promise((r) => setImmediate(r));
      }
      const rec = makeRecord({ slug: 'wake' });
      await publishArticleEvent(redis, key, rec, 'created');
      const events = await pending;
      expect(events.map((e) => e.id)).toEqual([rec.id]);
    } finally {
      reader.disconnect();
    }
  });

  it('delivers each event to one group member and redelivers nothing once acknowledged', async () => {
    const key = keyFor();
    const group = { name: 'indexer', consumer: 'c1' };
    const early = await publishArticleEvent(redis, key, makeRecord({ slug: 'g0' }), 'created');
    // Group starting at '0' sees the entry published before it existed.
    const a = await readArticleEvents(redis, key, '0', { group });
    expect(a.map((e) => e.streamId)).toEqual([early]);
    const later = await publishArticleEvent(redis, key, makeRecord({ slug: 'g1' }), 'created');
    const b = await readArticleEvents(redis, key, '0', { group: { name: 'indexer', consumer: 'c2' } });
    expect(b.map((e) => e.streamId)).toEqual([later]);
    expect(await readArticleEvents(redis, key, '0', { group })).toEqual([]);
    expect(await ackArticleEvents(redis, key, 'indexer', [early, later])).toBe(2);
    const pending = (await redis.xpending(key, 'indexer')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });

  it('creates a missing group on the first read only, not before every read', async () => {
    const key = keyFor();
    const group = { name: 'archive', consumer: 'c1' };
    const monitor = await redis.monitor();
    const commands: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.includes(key)) commands.push(String(args[0]).toLowerCase());
    });
    try {
      const first = await publishArticleEvent(redis, key, makeRecord({ slug: 'm0' }), 'created');
      expect((await readArticleEvents(redis, key, '0', { group })).map((e) => e.streamId)).toEqual([first]);
      const second = await publishArticleEvent(redis, key, makeRecord({ slug: 'm1' }), 'created');
      expect((await readArticleEvents(redis, key, '0', { group })).map((e) => e.streamId)).toEqual([second]);
      expect(await readArticleEvents(redis, key, '0', { group })).toEqual([]);
      // MONITOR shows commands as they run; a PING through the same server marks the end of ours.
      await redis.ping();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      monitor.disconnect();
    }
    expect(commands.filter((c) => c === 'xgroup')).toHaveLength(1);
    expect(commands.filter((c) => c === 'xreadgroup')).toHaveLength(4);
  });
});
