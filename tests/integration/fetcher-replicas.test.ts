import { spawn, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleWire, type SampleWire } from '../../src/demo/sample-wire.js';
import { openStore } from '../../src/store/index.js';
import { BIN, REPO, scratch } from '../helpers/cli.js';

let wire: SampleWire;
let s: ReturnType<typeof scratch>;

beforeAll(async () => {
  wire = await startSampleWire();
  s = scratch(wire.feeds.filter((f) => f.format !== 'broken').map((f) => ({ id: f.id, url: f.url })));
});
afterAll(async () => {
  const redis = new Redis(s.env.REDIS_URL);
  const keys = await redis.keys(`${s.env.QUEUE_PREFIX}*`);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  await redis.quit();
  await wire.close();
  s.cleanup();
});

function startFetcher(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'start', '--role', 'fetcher', '--config', s.configPath], {
    cwd: REPO,
    env: { ...process.env, ...s.env, LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, exited: new Promise((r) => child.on('exit', (code) => r(code))), output: () => out };
}

describe('two fetcher replicas on one Redis', () => {
  it('poll each feed once and queue each item once', async () => {
    const a = startFetcher();
    const b = startFetcher();
    const redis = new Redis(s.env.REDIS_URL, { maxRetriesPerRequest: null });
    const extract = new Queue('extract-article', { connection: redis, prefix: s.env.QUEUE_PREFIX });
    const poll = new Queue('poll-feed', { connection: redis, prefix: s.env.QUEUE_PREFIX });
    const feeds = wire.feeds.filter((f) => f.format !== 'broken');
    const expectedItems = wire.articles.filter((x) => feeds.some((f) => f.id === x.feedId)).length;
    try {
      const deadline = Date.now() + 60_000;
      const store = await openStore(s.env.DATABASE_URL);
      try {
        for (;;) {
          const polled = (await store.listFeeds()).filter((f) => f.lastSuccessAt !== null).length;
          if (polled === feeds.length && a.output().includes('telex started') && b.output().includes('telex started')) {
            break;
          }
          if (Date.now() > deadline) {
            throw new Error(`feeds not polled in time\n${a.output()}\n${b.output()}`);
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      } finally {
        await store.close();
      }
      // Let any duplicate tick that both replicas might have created come and go.
      await new Promise((r) => setTimeout(r, 2_000));
      for (const f of feeds) {
        expect(wire.hits.get(new URL(f.url).pathname)).toBe(1);
      }
      expect(await extract.getWaitingCount()).toBe(expectedItems);
      const schedulers = await poll.getJobSchedulers(0, -1);
      expect(schedulers.map((x) => x.key).sort()).toEqual(feeds.map((f) => `poll-${f.id}`).sort());
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await extract.close();
      await poll.close();
      await redis.quit();
    }
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });
});
