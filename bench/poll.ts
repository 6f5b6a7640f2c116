/**
 * npm run bench:poll — the whole fetcher stage (worker shell, poll handler,
 * SQLite store, BullMQ queues, per-host politeness in Redis) refreshing
 * thousands of local feeds: 4 in 5 answer 304, 1 in 5 has one new item.
 * Prints feeds/s, CPU ms per feed (this process) and Redis commands per poll.
 *
 *   npm run bench:poll -- --feeds 2000 --rounds 3 --concurrency 32
 *
 * It starts its own redis-server on a free loopback port (so the command count
 * is this benchmark's alone) and the feed server as a child process (so its CPU
 * is not counted). Feeds live on 50 virtual hosts (f0..f49.bench.test), all
 * resolved to 127.0.0.1.
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { silentLogger } from '../src/logger.js';
import { createHostLimiter, hostKey } from '../src/net/host-limiter.js';
import { createHttpClient } from '../src/net/safe-fetch.js';
import type { HttpClient } from '../src/net/types.js';
import { createRedis, pingRedis, waitReady } from '../src/queues/connection.js';
import { startStage } from '../src/queues/consumer.js';
import { createProducer } from '../src/queues/producer.js';
import { openStore } from '../src/store/index.js';
import { handlePoll } from '../src/workers/fetcher/handler.js';
import { numberFlag } from './lib/rng.js';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => numberFlag(args, name, def);
const FEEDS = opt('feeds', 2000);
const ROUNDS = opt('rounds', 3);
const CONCURRENCY = opt('concurrency', 32);
const here = dirname(fileURLToPath(import.meta.url));

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'telex-bench-poll-'));
const redisPort = await freePort();
const redisProc = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const feedServer = fork(resolve(here, 'poll-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise<number>((res, rej) => {
  feedServer.stdout?.on('data', (d: Buffer) => {
    const m = /listening (\d+)/.exec(d.toString());
    if (m) res(Number(m[1]));
  });
  feedServer.once('exit', () => rej(new Error('feed server exited')));
});
const redisUrl = `redis://127.0.0.1:${redisPort}`;
for (let i = 0; i < 50 && !(await pingRedis(redisUrl, 500)); i++) {
  await new Promise((r) => setTimeout(r, 100));
}

const workerRedis = createRedis(redisUrl, 'worker');
const producerRedis = createRedis(redisUrl, 'producer');
await Promise.all([waitReady(workerRedis), waitReady(producerRedis)]);
const prefix = 'bench';
const producer = createProducer(producerRedis, prefix);
const store = await openStore(join(dir, 'telex.db'));
const direct = createHttpClient({ allow: ['.bench.test'], resolver: async () => [{ address: '127.0.0.1', family: 4 }], maxSocketsPerHost: 8 });
const limiter = createHostLimiter(producerRedis, { prefix, maxConcurrent: 8, perMinute: 1_000_000 });
const http: HttpClient = {
  async get(url, o) {
    const release = await limiter.acquire(hostKey(url));
    try {
      return await direct.get(url, o);
    } finally {
      await release();
    }
  },
};
for (let i = 0; i < FEEDS; i++) {
  await store.upsertFeed({ id: `feed-${i}`, url: `http://f${i % 50}.bench.test:${port}/feed/${i}` });
}

let done = 0;
let failed = 0;
const worker = startStage({
  queue: 'poll',
  connection: workerRedis,
  prefix,
  log: silentLogger(),
  concurrency: CONCURRENCY,
  handle: (payload) => handlePoll(payload, { store, http, now: () => new Date() }),
  enqueue: producer.enqueue,
  onEvent: (e) => {
    if (e.outcome === 'done') done++;
    if (e.outcome === 'failed') failed++;
  },
});

/**
 * Commands this process sends (round trips; a Lua script is one, a pipeline
 * counts each command), counted on every ioredis connection including the ones
 * BullMQ duplicates; and all commands Redis ran, including those inside scripts.
 */
let sentCommands = 0;
const originalSend = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, ...a: Parameters<Redis['sendCommand']>) {
  sentCommands++;
  return originalSend.apply(this, a);
} as Redis['sendCommand'];
const commandCount = async (): Promise<{ sent: number; run: number }> => {
  const cmd = await producerRedis.info('commandstats');
  return { sent: sentCommands, run: [...cmd.matchAll(/calls=(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0) };
};

console.log(`bench:poll  ${FEEDS} feeds on 50 hosts, fetcher concurrency ${CONCURRENCY}, ${ROUNDS} rounds (round 1 fills the store)`);
for (let round = 1; round <= ROUNDS; round++) {
  done = 0;
  failed = 0;
  const cmd0 = await commandCount();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await producer.enqueue(Array.from({ length: FEEDS }, (_, i) => ({ queue: 'poll' as const, payload: { feedId: `feed-${i}`, force: true }, jobId: `r${round}-${i}` })));
  while (done + failed < FEEDS) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cmd1 = await commandCount();
  // minus the INFO call of this measurement
  const sent = cmd1.sent - cmd0.sent - 1;
  const run = cmd1.run - cmd0.run - 1;
  const extract = await producer.queues.extract.getWaitingCount();
  console.log(
    `round ${round}: ${(FEEDS / (ms / 1000)).toFixed(0)} feeds/s, ${((cpu.user + cpu.system) / 1000 / FEEDS).toFixed(2)} CPU ms/feed, ` +
      `${(sent / FEEDS).toFixed(1)} Redis round trips/poll (${(run / FEEDS).toFixed(1)} commands incl. inside scripts; enqueue included), ${failed} failed, extract jobs waiting ${extract}, ` +
      `${((FEEDS / (ms / 1000)) * 300).toFixed(0)} refreshes per 5 min at this rate`,
  );
}

await worker.close();
await producer.close();
await store.close();
direct.close();
workerRedis.disconnect();
producerRedis.disconnect();
feedServer.kill();
redisProc.kill();
rmSync(dir, { recursive: true, force: true });
