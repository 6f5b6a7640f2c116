/** A real API server (with the console) on 127.0.0.1 over a temp SQLite store, for the console tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { type ApiDeps, createApiServer } from '../../../src/api/server.js';
import { silentLogger } from '../../../src/logger.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import { openStore } from '../../../src/store/index.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export type ConsoleServer = {
  app: FastifyInstance;
  base: string;
  store: FullArticleStore;
  redis: Redis;
  prefix: string;
  /** GET (or POST) without following redirects. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

export async function startConsoleServer(
  extra: (s: { redis: Redis; prefix: string; store: FullArticleStore }) => Partial<ApiDeps> = () => ({}),
): Promise<ConsoleServer> {
  const dir = mkdtempSync(join(tmpdir(), 'telex-console-'));
  const store = await openStore(join(dir, 'telex.db'));
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `test-console-${randomUUID()}`;
  const app = await createApiServer({
    store,
    log: silentLogger(),
    redis,
    eventsStreamKey: `${prefix}:articles`,
    heartbeatMs: 1_000,
    ...extra({ redis, prefix, store }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('server has no TCP address');
  }
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    base,
    store,
    redis,
    prefix,
    fetch: (path, init = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init }),
    async close() {
      // A response a test left unread keeps its connection busy, and app.close() waits for busy
      // connections: the server is torn down here, so every connection goes with it.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      redis.disconnect();
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
