import { spawn, type ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, REPO, useSampleWire } from '../helpers/cli.js';

const ctx = useSampleWire((f) => f.format !== 'broken');

function startFetcher(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'start', '--role', 'fetcher', '--config', ctx.s.configPath], {
    cwd: REPO,
    env: { ...process.env, ...ctx.s.env, LOG_LEVEL: 'info', NODE_ENV: 'production' },
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
    const redis = new Redis(ctx.s.env.REDIS_URL, { maxRetriesPerRequest: null });
    const extract = new Queue('extract-article', { connection: redis, prefix: ctx.s.env.QUEUE_PREFIX });
    const poll = new Queue('poll-feed', { connection: redis, prefix: ctx.s.env.QUEUE_PREFIX });
    const feeds = ctx.wire.feeds.filter((f) => f.format !== 'broken');
    const expectedItems = ctx.wire.articles.filter((x) => feeds.some((f) => f.id === x.feedId)).length;
    try {
      // Two processes start and poll here; on a loaded machine that can take most of a minute, so the deadline and the
      // test's own timeout (below) leave room beyond vitest's default of 60 s.
      const deadline = Date.now() + 120_000;
      const store = await openStore(ctx.s.env.DATABASE_URL);
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
        expect(ctx.wire.hits.get(new URL(f.url).pathname)).toBe(1);
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
  }, 180_000);
});
