import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostLimiter, hostKey, type Release } from '../../../src/net/host-limiter.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

let prefix: string;
let conns: Redis[] = [];

const connect = (): Redis => {
  const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
  conns.push(r);
  return r;
};

/** Resolves to true when `p` settles before `other` does. */
async function settlesFirst(p: Promise<unknown>, other: Promise<unknown>): Promise<boolean> {
  return Promise.race([p.then(() => true), other.then(() => false)]);
}

beforeEach(() => {
  prefix = `test-${randomUUID()}`;
  conns = [];
});

afterEach(async () => {
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length > 0) {
    await admin.del(...keys);
  }
  await admin.quit();
  await Promise.all(conns.map((c) => (c.status === 'end' ? undefined : c.quit().catch(() => c.disconnect()))));
});

describe(createHostLimiter.name, () => {
  it('holds the third request for a host until a slot frees when two replicas share a limit of two', async () => {
    const a = createHostLimiter(connect(), { prefix, maxConcurrent: 2, perMinute: 100 });
    const b = createHostLimiter(connect(), { prefix, maxConcurrent: 2, perMinute: 100 });
    const r1 = await a.acquire('news.example.org');
    const r2 = await b.acquire('NEWS.example.org');
    expect(await b.tryAcquire('news.example.org')).toMatchObject({ release: null });
    const third = a.acquire('news.example.org');
    // Another host is not affected.
    const other = await b.acquire('other.example.org');
    expect(await settlesFirst(third, b.tryAcquire('news.example.org'))).toBe(false);
    await r1();
    const r3 = await third;
    expect(await b.tryAcquire('news.example.org')).toMatchObject({ release: null });
    await Promise.all([r2(), r3(), other()]);
  });

  it('never lets more than the limit run at once when many tasks compete across replicas', async () => {
    const limiters = [connect(), connect()].map((r) => createHostLimiter(r, { prefix, maxConcurrent: 3, perMinute: 1000, maxWaitStepMs: 20 }));
    let running = 0;
    let peak = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const release = await limiters[i % 2]!.acquire('wire.example.org');
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        done++;
        await release();
      }),
    );
    expect(done).toBe(24);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('refuses a start beyond the per-minute budget and says how long to wait', async () => {
    const a = createHostLimiter(connect(), { prefix, maxConcurrent: 10, perMinute: 3 });
    const b = createHostLimiter(connect(), { prefix, maxConcurrent: 10, perMinute: 3 });
    for (const l of [a, b, a]) {
      const res = await l.tryAcquire('rate.example.org');
      expect(res.release).not.toBeNull();
      await res.release?.();
    }
    const fourth = await b.tryAcquire('rate.example.org');
    expect(fourth.release).toBeNull();
    expect(fourth.release === null && fourth.retryInMs).toBeGreaterThan(50_000);
    expect((await b.tryAcquire('calm.example.org')).release).not.toBeNull();
  });

  it('frees the slot of a replica that died without releasing once its lease expires', async () => {
    const dying = connect();
    const a = createHostLimiter(dying, { prefix, maxConcurrent: 1, perMinute: 100, leaseMs: 300 });
    const b = createHostLimiter(connect(), { prefix, maxConcurrent: 1, perMinute: 100, leaseMs: 300, maxWaitStepMs: 25 });
    await a.acquire('crash.example.org');
    dying.disconnect(); // the process is gone: no release, no renewal
    expect((await b.tryAcquire('crash.example.org')).release).toBeNull();
    const release: Release = await b.acquire('crash.example.org');
    await release();
  });

  it('keeps a held lease alive past its lifetime while the holder renews it', async () => {
    const a = createHostLimiter(connect(), { prefix, maxConcurrent: 1, perMinute: 100, leaseMs: 150 });
    const b = createHostLimiter(connect(), { prefix, maxConcurrent: 1, perMinute: 100, leaseMs: 150 });
    const release = await a.acquire('long.example.org');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await b.tryAcquire('long.example.org')).release).toBeNull();
    await release();
    expect((await b.tryAcquire('long.example.org')).release).not.toBeNull();
  });

  it('stops waiting when the signal aborts', async () => {
    const a = createHostLimiter(connect(), { prefix, maxConcurrent: 1, perMinute: 100 });
    const held = await a.acquire('abort.example.org');
    const ctrl = new AbortController();
    const waiting = a.acquire('abort.example.org', ctrl.signal);
    ctrl.abort();
    await expect(waiting).rejects.toThrow(/aborted/);
    await held();
  });
});

describe(hostKey.name, () => {
  it('reduces URLs and host names to the lower-case host', () => {
    expect(hostKey('https://News.Example.org:8443/a?b')).toBe('news.example.org');
    expect(hostKey('News.Example.org.')).toBe('news.example.org');
  });
});
