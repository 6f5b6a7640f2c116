import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';

export type ConnectionRole = 'worker' | 'producer' | 'client';

/**
 * `redis+cluster://[user:pass@]host:port[?seeds=host:port,host:port]` (or
 * `rediss+cluster://` for TLS) names a Redis Cluster: one seed node is enough,
 * more seeds help when a node is down at start.
 */
export const isClusterUrl = (url: string): boolean => /^rediss?\+cluster:\/\//i.test(url);

/** Seed nodes and shared node options of a cluster URL (pure). */
export function parseClusterUrl(url: string): { nodes: ClusterNode[]; redisOptions: RedisOptions } {
  const u = new URL(url.replace(/^(rediss?)\+cluster:/i, '$1:'));
  const node = (hostPort: string): ClusterNode => {
    const i = hostPort.lastIndexOf(':');
    return i > 0 ? { host: hostPort.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(hostPort.slice(i + 1)) } : { host: hostPort, port: 6379 };
  };
  const seeds = (u.searchParams.get('seeds') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    nodes: [{ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) }, ...seeds.map(node)],
    redisOptions: {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/** Every key of a BullMQ queue must hash to one slot on a cluster: the prefix needs a `{hash tag}`. */
export function assertClusterPrefix(url: string, prefix: string): void {
  if (isClusterUrl(url) && !/\{[^{}]+\}/.test(prefix)) {
    throw new Error(`QUEUE_PREFIX "${prefix}" has no hash tag: on Redis Cluster use e.g. "{${prefix}}" so every key of a queue lives in one slot`);
  }
}

/**
 * Workers block on Redis and must retry forever (`maxRetriesPerRequest: null`);
 * producers fail fast (`enableOfflineQueue: false`) so a dead Redis is an error, not a hang.
 * A cluster URL gives an ioredis `Cluster` (same command surface; BullMQ accepts it).
 */
export function createRedis(url: string, role: ConnectionRole, extra: RedisOptions = {}): Redis {
  const base: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : role === 'producer'
        ? { maxRetriesPerRequest: 3, enableOfflineQueue: false }
        : { maxRetriesPerRequest: 3 };
  if (isClusterUrl(url)) {
    const { nodes, redisOptions } = parseClusterUrl(url);
    const { enableOfflineQueue, ...nodeOptions } = { connectionName: `telex-${role}`, ...base, ...extra };
    const cluster = new Cluster(nodes, {
      lazyConnect: false,
      ...(enableOfflineQueue === false ? { enableOfflineQueue: false } : {}),
      redisOptions: { ...redisOptions, ...nodeOptions },
    });
    // Cluster and Redis share the command surface the pipeline uses.
    return cluster as unknown as Redis;
  }
  return new Redis(url, { lazyConnect: false, connectionName: `telex-${role}`, ...base, ...extra });
}

/** Resolves once the connection is ready, rejects after `timeoutMs`. */
export async function waitReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('Redis connection closed'));
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('end', onEnd);
    };
    redis.on('ready', onReady);
    redis.on('end', onEnd);
  });
}

/** One-shot reachability check that never hangs and never retries. */
export async function pingRedis(url: string, timeoutMs = 2_000): Promise<boolean> {
  // A cluster's seed node answers PING like any Redis.
  const seed = isClusterUrl(url) ? url.replace(/^(rediss?)\+cluster:/i, '$1:').replace(/\?.*$/, '') : url;
  const redis = new Redis(seed, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
