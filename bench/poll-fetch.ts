/**
 * Fetcher-side polling benchmark: safe HTTP client + feed parser + item identity,
 * optionally behind the Redis host limiter, against thousands of local feeds
 * (served by a child process on 127.0.0.1; 80 % answer 304, 20 % carry one new item).
 *
 *   node --import tsx bench/poll-fetch.ts [--feeds 2000] [--rounds 3] [--concurrency 64] [--limiter]
 *
 * Prints feeds/s, client CPU ms per feed, and (with --limiter) Redis round trips per poll.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createHostLimiter, type HostLimiter } from '../src/net/host-limiter.js';
import { createHttpClient } from '../src/net/safe-fetch.js';
import { identifyItems } from '../src/workers/fetcher/item-identity.js';
import { parseFeed } from '../src/workers/fetcher/parse-feed.js';
import { numberFlag } from './lib/rng.js';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => numberFlag(args, name, def);
const FEEDS = opt('feeds', 2000);
const ROUNDS = opt('rounds', 3);
const CONCURRENCY = opt('concurrency', 64);
const WITH_LIMITER = args.includes('--limiter');

const here = dirname(fileURLToPath(import.meta.url));
const child = fork(resolve(here, 'poll-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const port = await new Promise<number>((res, rej) => {
  child.stdout?.on('data', (d: Buffer) => {
    const m = /listening (\d+)/.exec(d.toString());
    if (m) res(Number(m[1]));
  });
  child.once('exit', () => rej(new Error('bench server exited')));
});

// 50 virtual hosts, all resolving to the local server: politeness is per host.
const client = createHttpClient({
  allow: ['.bench.test'],
  resolver: async () => [{ address: '127.0.0.1', family: 4 }],
  maxSocketsPerHost: 8,
});
const urlOf = (i: number): string => `http://f${i % 50}.bench.test:${port}/feed/${i}`;

let redis: Redis | null = null;
let redisCalls = 0;
let limiter: HostLimiter | null = null;
const prefix = `bench-${randomUUID()}`;
if (WITH_LIMITER) {
  redis = new Redis('redis://127.0.0.1:6379');
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...a: Parameters<typeof send>) => {
    redisCalls++;
    return send(...a);
  }) as typeof redis.sendCommand;
  limiter = createHostLimiter(redis, { prefix, maxConcurrent: 4, perMinute: 100_000 });
}

const etags = new Map<number, string>();
const seen = new Map<number, Set<string>>();
const stats = { ok: 0, notModified: 0, parsed: 0, newItems: 0, errors: 0 };

async function pollOne(i: number): Promise<void> {
  const url = urlOf(i);
  const release = limiter ? await limiter.acquire(url) : null;
  try {
    const res = await client.get(url, { etag: etags.get(i) ?? null });
    if (res.notModified) {
      stats.notModified++;
      return;
    }
    stats.ok++;
    if (res.headers.etag) etags.set(i, res.headers.etag);
    const feed = await parseFeed(res.text, res.url);
    stats.parsed++;
    const known = seen.get(i) ?? new Set<string>();
    for (const { key, hash } of identifyItems(feed.items)) {
      const id = `${key} ${hash}`;
      if (!known.has(id)) {
        known.add(id);
        stats.newItems++;
      }
    }
    seen.set(i, known);
  } catch {
    stats.errors++;
  } finally {
    await release?.();
  }
}

async function round(): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < FEEDS) {
        await pollOne(next++);
      }
    }),
  );
}

await round(); // warm-up: first fetch of every feed (all 200)
Object.assign(stats, { ok: 0, notModified: 0, parsed: 0, newItems: 0, errors: 0 });
redisCalls = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  await round();
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const polls = FEEDS * ROUNDS;

console.log(`poll-fetch: ${FEEDS} feeds x ${ROUNDS} rounds, concurrency ${CONCURRENCY}${WITH_LIMITER ? ', host limiter on (50 hosts, 4 concurrent each)' : ''}`);
console.log(`  polls ${polls}: 200 ${stats.ok}, 304 ${stats.notModified}, errors ${stats.errors}, new items ${stats.newItems}`);
console.log(`  ${(polls / (wallMs / 1000)).toFixed(0)} feeds/s, wall ${wallMs.toFixed(0)} ms`);
console.log(`  client CPU ${((cpu.user + cpu.system) / 1000 / polls).toFixed(3)} ms per feed (user ${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms)`);
console.log(`  => ${Math.round((polls / (wallMs / 1000)) * 300)} feed refreshes per 5 minutes at this rate`);
if (WITH_LIMITER) {
  console.log(`  Redis round trips per poll (limiter): ${(redisCalls / polls).toFixed(2)}`);
}

client.close();
if (redis) {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
child.disconnect();
child.kill();
