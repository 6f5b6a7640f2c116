/**
 * GET /stream: Server-Sent Events of stored and updated articles, read from the
 * Redis stream of article events with XREAD BLOCK on a dedicated connection per
 * client. `id:` is the stream entry id, so `Last-Event-ID` resumes exactly.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { parseArticleEvent } from '../store/article-events.js';
import type { ArticleStore } from '../store/article-store.js';
import type { ArticleRecord } from '../store/types.js';
import { StreamParams, parseParams, wantsNinjs } from './article-query.js';
import { HttpError, badRequest } from './http-error.js';
import { type StreamFilter, eventMayMatch, formatSseMessage, matchesFilter, resumeMayLoseEvents, type StreamTrimInfo } from './stream-filter.js';

export type StreamOptions = {
  redis: Redis;
  key: string;
  store: ArticleStore;
  log: Logger;
  /** A comment line is sent when nothing was written for this long (also the XREAD BLOCK time). */
  heartbeatMs: number;
  /** Entries read per XREAD. */
  batch?: number;
  expandTopic?: (code: string) => string[];
  toNinjs: (record: ArticleRecord) => unknown;
  onOpen?: () => void;
  onClose?: () => void;
  /** Streams still open, so the server can end them when it closes. */
  open: Set<() => void>;
};

const STREAM_ID = /^\d+-\d+$/;
const CATEGORY_REFRESH_MS = 30_000;

type XReadReply = Array<[string, Array<[string, string[]]>]> | null;

function waitDrainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Where a new client starts: after `Last-Event-ID`, else after the newest entry now in the stream. */
async function startId(redis: Redis, key: string, lastEventId: string | undefined): Promise<string> {
  if (lastEventId) {
    return lastEventId;
  }
  const newest = (await redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
  return newest[0]?.[0] ?? '0-0';
}

/** XINFO STREAM's trimming facts; null when the stream does not exist (yet). */
async function trimInfo(redis: Redis, key: string): Promise<StreamTrimInfo | null> {
  let info: unknown[];
  try {
    info = (await redis.call('XINFO', 'STREAM', key)) as unknown[];
  } catch {
    return null;
  }
  const field = new Map<string, unknown>();
  for (let i = 0; i + 1 < info.length; i += 2) {
    field.set(String(info[i]), info[i + 1]);
  }
  const first = field.get('first-entry') as [string, string[]] | null | undefined;
  const length = Number(field.get('length') ?? 0);
  return {
    firstId: first?.[0] ?? null,
    length,
    // Redis < 7 has no entries-added: no trimming can be detected then.
    entriesAdded: field.has('entries-added') ? Number(field.get('entries-added')) : length,
  };
}

export async function serveStream(request: FastifyRequest, reply: FastifyReply, o: StreamOptions): Promise<void> {
  const params = parseParams(StreamParams, request.query);
  const header = request.headers['last-event-id'];
  const headerId = Array.isArray(header) ? header[0] : header;
  const lastEventId = headerId?.trim() || params.lastEventId;
  if (lastEventId !== undefined && !STREAM_ID.test(lastEventId)) {
    throw badRequest(`invalid Last-Event-ID: expected a stream entry id such as 1700000000000-0`);
  }
  const ninjs = wantsNinjs(params.format, request.headers.accept);
  const filter: StreamFilter = {};
  for (const k of ['since', 'until', 'feed', 'topic', 'lang', 'q', 'entity'] as const) {
    if (params[k] !== undefined) filter[k] = params[k];
  }
  // A category is the set of its feeds, read again every CATEGORY_REFRESH_MS (feeds join and leave desks).
  const category = params.category?.replace(/\s+/g, ' ').toLowerCase();
  let categoryReadAt = 0;
  const refreshCategory = async (): Promise<void> => {
    if (category === undefined || Date.now() - categoryReadAt < CATEGORY_REFRESH_MS) {
      return;
    }
    const feeds = await o.store.listFeeds();
    filter.feedIds = new Set(feeds.filter((f) => f.categories.some((c) => c.toLowerCase() === category)).map((f) => f.id));
    categoryReadAt = Date.now();
  };
  await refreshCategory();

  let lastId: string;
  let trimmed = false;
  try {
    lastId = await startId(o.redis, o.key, lastEventId);
    trimmed = lastEventId !== undefined && resumeMayLoseEvents(lastEventId, await trimInfo(o.redis, o.key));
  } catch (err) {
    throw new HttpError(503, 'unavailable', `event stream unavailable: ${(err as Error).message}`);
  }

  const conn = o.redis.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  conn.on('error', (err) => o.log.debug({ err }, 'stream connection error'));
  const log = o.log.child({ stream: o.key, reqId: request.id });
  const res = reply.raw;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    o.open.delete(close);
    conn.disconnect();
    if (!res.writableEnded) res.end();
    o.onClose?.();
    log.debug({ lastId }, 'stream closed');
  };
  o.open.add(close);
  o.onOpen?.();
  request.raw.on('close', close);
  res.on('close', close);

  reply.hijack();
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let lastWrite = Date.now();
  const write = async (chunk: string): Promise<void> => {
    lastWrite = Date.now();
    if (!res.write(chunk)) {
      await waitDrainOrClose(res);
    }
  };
  await write(`retry: 3000\n: connected, after ${lastId}\n\n`);
  if (trimmed) {
    // Events after Last-Event-ID were trimmed from the bounded stream: say so, so the client can backfill from /articles.
    await write(formatSseMessage({ event: 'gap', data: JSON.stringify({ after: lastId, reason: 'trimmed' }) }));
  }
  log.debug({ lastId, filter }, 'stream opened');

  try {
    while (!closed) {
      const batch = (await conn.xread(
        'COUNT',
        o.batch ?? 100,
        'BLOCK',
        o.heartbeatMs,
        'STREAMS',
        o.key,
        lastId,
      )) as XReadReply;
      if (batch) {
        // A store hiccup keeps the category's last known feeds.
        await refreshCategory().catch((err: unknown) => log.warn({ err }, 'could not read the feeds of the category'));
      }
      for (const [, entries] of batch ?? []) {
        for (const [entryId, fields] of entries) {
          if (closed) break;
          lastId = entryId;
          const event = parseArticleEvent(entryId, fields);
          if (!event || event.outcome === 'unchanged' || !eventMayMatch(event, filter)) continue;
          const record = await o.store.getArticle(event.id);
          if (!record || !matchesFilter(record, filter, o.expandTopic)) continue;
          const article = ninjs ? o.toNinjs(record) : record;
          const data = JSON.stringify({
            outcome: event.outcome,
            version: event.version || record.version,
            ...(event.outcome === 'updated' && event.substantive !== null ? { substantive: event.substantive } : {}),
            article,
          });
          await write(formatSseMessage({ id: entryId, event: 'article', data }));
        }
      }
      if (!closed && Date.now() - lastWrite >= o.heartbeatMs) {
        await write(': heartbeat\n\n');
      }
    }
  } catch (err) {
    if (!closed) {
      log.warn({ err, lastId }, 'stream failed');
    }
  } finally {
    close();
  }
}
