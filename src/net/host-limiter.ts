/**
 * Politeness per host, shared by every process through Redis: at most
 * `maxConcurrent` requests in flight and `perMinute` requests started per
 * sliding minute, per host. Waiting for budget is not an error. A holder that
 * dies without releasing loses its lease after `leaseMs` (leases are renewed
 * while held). Times come from the Redis server clock, so replicas with skewed
 * clocks agree.
 *
 * Keys (per host, hash-tagged for Redis Cluster):
 *   <prefix>:host:{<host>}:leases  sorted set  lease id -> expiry (ms)
 *   <prefix>:host:{<host>}:starts  sorted set  start id -> start time (ms)
 */

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { PipelineError } from '../errors.js';

export type HostLimiterOptions = {
  /** Key prefix, e.g. the queue prefix ("telex"); tests use a unique one. */
  prefix: string;
  maxConcurrent: number;
  perMinute: number;
  /** Lease lifetime; renewed every third of it while held. Default 60 s. */
  leaseMs?: number;
  /** Longest pause between two attempts while waiting for budget. Default 250 ms. */
  maxWaitStepMs?: number;
};

export type Release = () => Promise<void>;

/** Per-request politeness on top of the limiter's own limits. */
export type AcquireOptions = {
  /**
   * At least this long between the start of the previous request to the host and this one
   * (robots.txt Crawl-delay), measured on the starts every process records in Redis.
   */
  minSpacingMs?: number;
};

export type HostLimiter = {
  /** Waits (without failing) until the host has budget, then holds a slot until the returned release is called. */
  acquire(host: string, signal?: AbortSignal, o?: AcquireOptions): Promise<Release>;
  /** One attempt: a release when budget was available, else how long to wait before trying again. */
  tryAcquire(host: string, o?: AcquireOptions): Promise<{ release: Release } | { release: null; retryInMs: number }>;
  /** Start times (ms, Redis clock) of the requests to `host` in the last minute, oldest first: the limiter's own accounting. */
  recentStarts(host: string): Promise<number[]>;
};

const WINDOW_MS = 60_000;

// KEYS: leases, starts. ARGV: leaseId, leaseMs, maxConcurrent, perMinute, windowMs, minSpacingMs.
// Returns 0 when the slot was taken, else the suggested wait in ms.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseMs = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - windowMs)
local wait = 0
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  wait = math.max(1, tonumber(first[2]) - now)
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  wait = math.max(wait, tonumber(oldest[2]) + windowMs - now, 1)
end
local spacing = tonumber(ARGV[6])
if spacing > 0 then
  local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
  if last[2] and now - tonumber(last[2]) < spacing then
    wait = math.max(wait, tonumber(last[2]) + spacing - now, 1)
  end
end
if wait > 0 then
  return wait
end
redis.call('ZADD', KEYS[1], now + leaseMs, ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], leaseMs + windowMs)
redis.call('PEXPIRE', KEYS[2], math.max(windowMs, spacing) * 2)
return 0
`;

// KEYS: leases. ARGV: leaseId, leaseMs. Extends a lease that still exists.
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 60000)
  return 1
end
return 0
`;

type LimiterCommands = {
  telexHostAcquire(
    leases: string,
    starts: string,
    id: string,
    leaseMs: number,
    max: number,
    perMinute: number,
    windowMs: number,
    minSpacingMs: number,
  ): Promise<number>;
  telexHostRenew(leases: string, id: string, leaseMs: number): Promise<number>;
};

function withCommands(redis: Redis): Redis & LimiterCommands {
  const r = redis as Redis & Partial<LimiterCommands>;
  if (typeof r.telexHostAcquire !== 'function') {
    redis.defineCommand('telexHostAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('telexHostRenew', { numberOfKeys: 1, lua: RENEW });
  }
  return redis as Redis & LimiterCommands;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new PipelineError('network', true, 'aborted while waiting for host budget'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PipelineError('network', true, 'aborted while waiting for host budget'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The politeness key for a URL or host name: the lower-cased host name without a trailing dot. */
export function hostKey(urlOrHost: string): string {
  try {
    return new URL(urlOrHost).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return urlOrHost.trim().toLowerCase().replace(/\.$/, '');
  }
}

export function createHostLimiter(redis: Redis, opts: HostLimiterOptions): HostLimiter {
  if (opts.maxConcurrent < 1 || opts.perMinute < 1) {
    throw new PipelineError('config', false, 'host limiter: maxConcurrent and perMinute must be at least 1');
  }
  const r = withCommands(redis);
  const leaseMs = opts.leaseMs ?? 60_000;
  const maxStep = opts.maxWaitStepMs ?? 250;
  const keys = (host: string): [string, string] => {
    const h = hostKey(host);
    return [`${opts.prefix}:host:{${h}}:leases`, `${opts.prefix}:host:{${h}}:starts`];
  };

  async function tryAcquire(host: string, o?: AcquireOptions): Promise<{ release: Release } | { release: null; retryInMs: number }> {
    const [leases, starts] = keys(host);
    const id = randomUUID();
    const spacing = Math.max(0, Math.round(o?.minSpacingMs ?? 0));
    const wait = Number(await r.telexHostAcquire(leases, starts, id, leaseMs, opts.maxConcurrent, opts.perMinute, WINDOW_MS, spacing));
    if (wait > 0) {
      return { release: null, retryInMs: wait };
    }
    const renewal = setInterval(() => {
      r.telexHostRenew(leases, id, leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(leaseMs / 3)));
    renewal.unref();
    let released = false;
    const release: Release = async () => {
      if (released) {
        return;
      }
      released = true;
      clearInterval(renewal);
      await r.zrem(leases, id);
    };
    return { release };
  }

  async function acquire(host: string, signal?: AbortSignal, o?: AcquireOptions): Promise<Release> {
    for (let attempt = 0; ; attempt++) {
      const res = await tryAcquire(host, o);
      if (res.release) {
        return res.release;
      }
      // A short, growing pause (never longer than the hint or maxStep), randomised so waiters do not march in step.
      const step = Math.min(res.retryInMs, maxStep, 10 * 2 ** Math.min(attempt, 5));
      await sleep(Math.max(5, Math.round(step * (0.5 + Math.random() / 2))), signal);
    }
  }

  async function recentStarts(host: string): Promise<number[]> {
    const [, starts] = keys(host);
    const flat = await redis.zrange(starts, 0, -1, 'WITHSCORES');
    const out: number[] = [];
    for (let i = 1; i < flat.length; i += 2) {
      out.push(Number(flat[i]));
    }
    return out;
  }

  return { acquire, tryAcquire, recentStarts };
}
