/** Helpers for the API tests: records, a running server, an SSE client over fetch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createApiServer, type ApiDeps } from '../../../src/api/server.js';
import { makeRecord } from '../../helpers/records.js';
import { silentLogger } from '../../../src/logger.js';
import { openStore } from '../../../src/store/index.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import type { ArticleRecord } from '../../../src/store/types.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TOKEN = 'test-token-0123456789';

/** A realistic stored record; `slug` makes its URL (and so its id). */
export const makeArticle = makeRecord;

export type Running = {
  app: FastifyInstance;
  base: string;
  store: FullArticleStore;
  redis: Redis;
  streamKey: string;
  prefix: string;
  close(): Promise<void>;
};

/** A server on 127.0.0.1:<random port> over a fresh SQLite file and a unique Redis key prefix. */
export async function startServer(extra: Partial<ApiDeps> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'telex-api-'));
  const store = await openStore(join(dir, 'telex.db'));
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `test-${randomUUID()}`;
  const streamKey = `${prefix}:articles`;
  const app = await createApiServer({
    store,
    log: silentLogger(),
    redis,
    eventsStreamKey: streamKey,
    heartbeatMs: 1_000,
    ...extra,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('server has no TCP address');
  }
  return {
    app,
    base: `http://127.0.0.1:${address.port}`,
    store,
    redis,
    streamKey,
    prefix,
    async close() {
      await app.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      redis.disconnect();
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type SseMessage = { id?: string; event?: string; data: string; comment?: string };

/**
 * A minimal SSE client over fetch: yields messages (and comment lines, as
 * `{comment}`) in order. `next()` waits for the next one.
 */
export class SseClient {
  readonly response: Response;
  private readonly abort: AbortController;
  private readonly queue: SseMessage[] = [];
  private waiters: Array<() => void> = [];
  private ended = false;
  private buffer = '';

  private constructor(response: Response, abort: AbortController) {
    this.response = response;
    this.abort = abort;
    void this.pump();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    return new SseClient(response, abort);
  }

  private async pump(): Promise<void> {
    const body = this.response.body;
    if (!body) {
      this.finish();
      return;
    }
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        this.drainBuffer();
      }
    } catch {
      // aborted
    }
    this.finish();
  }

  private drainBuffer(): void {
    let idx: number;
    while ((idx = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, idx);
      this.buffer = this.buffer.slice(idx + 2);
      const msg: SseMessage = { data: '' };
      const data: string[] = [];
      const comments: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('id: ')) msg.id = line.slice(4);
        else if (line.startsWith('event: ')) msg.event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      msg.data = data.join('\n');
      if (comments.length > 0) msg.comment = comments.join('\n');
      this.queue.push(msg);
    }
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private finish(): void {
    this.ended = true;
    this.wake();
  }

  /** The next message (or comment); null when the stream ended. */
  async next(): Promise<SseMessage | null> {
    for (;;) {
      const m = this.queue.shift();
      if (m) return m;
      if (this.ended) return null;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next message carrying an event (skips comments and heartbeats). */
  async nextEvent(): Promise<SseMessage | null> {
    for (;;) {
      const m = await this.next();
      if (!m || m.event) return m;
    }
  }

  /** Waits for the server's first comment: from then on, published events reach this client. */
  async connected(): Promise<void> {
    const m = await this.next();
    if (!m?.comment?.startsWith('connected')) {
      throw new Error(`expected the connected comment, got ${JSON.stringify(m)}`);
    }
  }

  close(): void {
    this.abort.abort();
  }
}
