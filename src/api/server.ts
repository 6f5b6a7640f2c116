/**
 * The inbound HTTP API for consumers and operators (fastify 5): articles,
 * the SSE stream, the feed registry, health, metrics, the queue dashboard
 * and the OpenAPI document.
 */
import zlib from 'node:zlib';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import compress from '@fastify/compress';
import type { Queue } from 'bullmq';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyContextConfig, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { FeedEntry } from '../config.js';
import { PipelineError } from '../errors.js';
import type { Logger } from '../logger.js';
import { toNinjs } from '../ninjs/to-ninjs.js';
import type { AccessExtras, ArticleStore } from '../store/article-store.js';
import type { ArticleRecord, FeedDefinition, FeedState } from '../store/types.js';
import {
  ArticleIdParam,
  GetArticleParams,
  ListArticlesParams,
  describeIssues,
  listShape,
  parseParams,
  pickFields,
  toArticleQuery,
  wantsNinjs,
} from './article-query.js';
import { type FailureLimiter, type RouteAccess, createAccessControl } from './access.js';
import { consolePlugin } from './console/plugin.js';
import { feedHealthOf } from './feed-health.js';
import { GZIP_CACHE_BYTES, GzipPageCache, acceptsGzip } from './gzip-page.js';
import { HttpError, badRequest, notFound } from './http-error.js';
import { createApiMetrics } from './metrics.js';
import { buildOpenApiDocument } from './openapi.js';
import { registerPipelineStats } from './pipeline-stats.js';
import { serveStream } from './stream.js';
import { registerWebhookRoutes } from './webhook-routes.js';
import type { WebSubService, WebSubStatus } from '../workers/fetcher/websub.js';
import { registerVersionRoutes } from './versions.js';
import { withTimeout } from '../lib/with-timeout.js';

export type ApiDeps = {
  /** Articles and feeds; `access` holds the API keys and webhook subscriptions. */
  store: ArticleStore & AccessExtras;
  log: Logger;
  /**
   * Bearer token; an admin key. Alone (no key created), it guards the routes
   * that change things; once a key exists, every route needs a key (see access.ts).
   */
  apiToken?: string;
  /** How long key lookups are cached (default 2 s; tests set 0). */
  accessCacheMs?: number;
  /** Failed sign-in attempts per client (default 10 a minute, per process). */
  authLimiter?: FailureLimiter;
  /** For the SSE stream (article events) and readiness. */
  redis?: Redis;
  /** Default `${queuePrefix}:articles`. */
  eventsStreamKey?: string;
  /** Used for the default eventsStreamKey; default `telex`. */
  queuePrefix?: string;
  /** Depths for /metrics, bull-board at /admin/queues. */
  queues?: Queue[];
  /** Extra readiness checks, e.g. { workers: true }. */
  readiness?: () => Promise<Record<string, boolean>>;
  /** Supplied by `telex start` (src/cli/serve.ts): also creates/removes the job schedulers. Without it, feeds are written to the store only. */
  feeds?: { add(def: FeedDefinition): Promise<FeedState>; remove(id: string): Promise<boolean> };
  /** ninjs rendering of a record (default: ninjs 3.1 from src/ninjs/to-ninjs.ts). */
  toNinjs?: (record: ArticleRecord) => unknown;
  /** Bound of the cache of deflated records that gzip list pages are assembled from (bytes; default 64 MiB). */
  gzipCacheBytes?: number;
  /** Descendants of a topic code (IPTC tree), so the stream's topic filter matches like the store's. */
  expandTopic?: (code: string) => string[];
  /** Most GET /stream clients at once (each holds a Redis connection); more get 503. Default 500. */
  maxStreams?: number;
  /** SSE heartbeat period (default 15 s). */
  heartbeatMs?: number;
  /** Per-check timeout of /readyz (default 2 s). */
  readinessTimeoutMs?: number;
  /** Version reported in /openapi.json and /healthz. */
  version?: string;
  /**
   * WebSub subscriber (when a public URL is configured): answers the hubs at
   * /websub/:feedId and adds each feed's subscription to /feeds.
   */
  websub?: Pick<WebSubService, 'verify' | 'receive' | 'statuses'>;
  /** Largest pushed feed accepted at /websub/:feedId (default 15 MiB, the fetcher's default cap). */
  pushBodyLimit?: number;
};

const NINJS_TYPE = 'application/ninjs+json; charset=utf-8';

/** The JSON error body and status for anything thrown by a route. */
export function errorResponseOf(err: unknown): { status: number; body: { error: string; message: string } & Record<string, unknown> } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { error: err.error, message: err.message, ...(err.extra ?? {}) } };
  }
  if (err instanceof PipelineError) {
    if (err.code === 'bad_payload') {
      return { status: 400, body: { error: 'bad_request', message: err.message } };
    }
    if (err.code === 'store' || err.retryable) {
      return { status: 503, body: { error: 'unavailable', message: err.message } };
    }
    return { status: 500, body: { error: 'internal', message: err.message } };
  }
  const e = err as { statusCode?: unknown; code?: unknown; message?: unknown; validation?: unknown };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const error = e.statusCode === 413 ? 'too_large' : e.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    return { status: e.statusCode, body: { error, message: String(e.message ?? 'bad request') } };
  }
  return { status: 500, body: { error: 'internal', message: 'internal error' } };
}

const isHttpUrl = (url: string): boolean => {
  try {
    return /^https?:$/i.test(new URL(url).protocol);
  } catch {
    return false;
  }
};

// respectRobots is read from the config file by the extractors only: not settable here.
const FeedInput = FeedEntry.omit({ respectRobots: true }).strict().refine((f) => typeof f.url !== 'string' || isHttpUrl(f.url), {
  message: 'feed url must be http or https',
  path: ['url'],
});

export type RouteAccessEntry = { method: string; url: string; access: RouteAccess | undefined; allowBasic: boolean };

const routeTables = new WeakMap<FastifyInstance, Array<{ method: string | string[]; url: string; config?: FastifyContextConfig }>>();

/** Every route the server registered, with what it needs (tests check that each declares it). */
export function registeredRoutes(app: FastifyInstance): RouteAccessEntry[] {
  return (routeTables.get(app) ?? []).flatMap((r) =>
    [r.method].flat().map((method) => ({ method, url: r.url, access: r.config?.access, allowBasic: r.config?.allowBasic === true })),
  );
}

export async function createApiServer(deps: ApiDeps): Promise<FastifyInstance> {
  const { store, log } = deps;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // One debug line per request comes from the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
  });
  // brotli or gzip by Accept-Encoding, for responses of 1 KiB and more; SSE is never compressed.
  // The fastest levels: a full page of 50 real-size records is about 1.4 MB, and compressing it
  // costs the API's CPU per request (on the benchmark machine brotli quality 4 took 125 ms, gzip
  // level 6 90 ms; brotli 1 33 ms for 8 % more bytes, gzip 1 53 ms for 5 % more).
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
  });
  // The route options objects, read later: plugins' own onRoute hooks set their access after this one runs.
  const routes: Array<{ method: string | string[]; url: string; config?: FastifyContextConfig }> = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Before every route: each declares what it needs in `config.access` (a route that does not needs admin).
  const access = createAccessControl({
    access: store.access,
    apiToken: deps.apiToken,
    log,
    ...(deps.accessCacheMs !== undefined ? { cacheMs: deps.accessCacheMs } : {}),
    ...(deps.authLimiter ? { limiter: deps.authLimiter } : {}),
  });
  app.addHook('onRequest', access.hook);
  const streamKey = deps.eventsStreamKey ?? `${deps.queuePrefix ?? 'telex'}:articles`;
  const metrics = createApiMetrics({ store, log, ...(deps.queues ? { queues: deps.queues } : {}) });
  const openStreams = new Set<() => void>();

  app.setErrorHandler((err, request, reply) => {
    const { status, body } = errorResponseOf(err);
    if (status >= 500) {
      request.log.error({ err, url: request.url }, 'request failed');
    }
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
  });
  // Open SSE responses would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const close of [...openStreams]) {
      close();
    }
  });

  const renderNinjs = deps.toNinjs ?? toNinjs;
  const gzipPages = new GzipPageCache(deps.gzipCacheBytes ?? GZIP_CACHE_BYTES);
  const render = (record: ArticleRecord, ninjs: boolean): unknown => (ninjs ? renderNinjs(record) : record);

  app.get('/articles', { config: { access: 'read' } }, async (request, reply) => {
    const params = parseParams(ListArticlesParams, request.query);
    const ninjs = wantsNinjs(params.format, request.headers.accept);
    reply.header('vary', 'Accept');
    if (ninjs) {
      if (params.view !== undefined || params.fields !== undefined) {
        throw badRequest('invalid query: view and fields apply to the JSON format, not ninjs');
      }
      const page = await store.listArticles(toArticleQuery(params));
      return { items: page.items.map((r) => render(r, true)), nextCursor: page.nextCursor };
    }
    // The page is written from the JSON texts the store keeps: no record is parsed or re-serialised
    // (except to pick `fields`).
    const { view, pick } = listShape(params);
    const query = toArticleQuery(params);
    const gzip = acceptsGzip(request.headers['accept-encoding']);
    reply.type('application/json; charset=utf-8').header('vary', 'Accept, Accept-Encoding');
    if (gzip && view === 'full' && !pick && store.listArticleDigests && store.getArticleJsons) {
      // Full records the gzip cache holds are not read again: the page's ids and digests, then the texts it lacks.
      const keys = await store.listArticleDigests(query);
      const lacking = gzipPages.missing(keys.items);
      const texts = lacking.length > 0 ? await store.getArticleJsons(lacking) : [];
      return reply
        .header('content-encoding', 'gzip')
        .send(gzipPages.pageByDigest('{"items":[', keys.items, texts, `],"nextCursor":${JSON.stringify(keys.nextCursor)}}`));
    }
    const page = await store.listArticleJson(query, view);
    const items = pick ? page.items.map((j) => pickFields(j, pick)) : page.items;
    const tail = `],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
    if (gzip) {
      // gzip from records compressed once (src/api/gzip-page.ts), even when br is offered too:
      // recompressing a page of full records per request is what limited throughput.
      return reply.header('content-encoding', 'gzip').send(gzipPages.page('{"items":[', items, tail));
    }
    return reply.send(`{"items":[${items.join(',')}${tail}`);
  });

  app.get('/articles/:id', { config: { access: 'read' } }, async (request, reply) => {
    const { id } = parseParams(ArticleIdParam, request.params, 'article id');
    const params = parseParams(GetArticleParams, request.query);
    const ninjs = wantsNinjs(params.format, request.headers.accept);
    const record = await store.getArticle(id);
    if (!record) {
      throw notFound(`no article ${id}`);
    }
    reply.header('vary', 'Accept');
    if (ninjs) {
      return reply.type(NINJS_TYPE).send(JSON.stringify(render(record, true)));
    }
    return record;
  });

  registerVersionRoutes(app, store);
  registerPipelineStats(app, { store, log, ...(deps.queues ? { queues: deps.queues } : {}) });

  const stream = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!deps.redis) {
      throw new HttpError(503, 'unavailable', 'the event stream needs Redis');
    }
    if (openStreams.size >= (deps.maxStreams ?? 500)) {
      reply.header('retry-after', '30');
      throw new HttpError(503, 'unavailable', 'too many open streams, retry later');
    }
    await serveStream(request, reply, {
      redis: deps.redis,
      key: streamKey,
      store,
      log,
      heartbeatMs: deps.heartbeatMs ?? 15_000,
      open: openStreams,
      onOpen: () => metrics.sseClients.inc(),
      onClose: () => metrics.sseClients.dec(),
      toNinjs: renderNinjs,
      ...(deps.expandTopic ? { expandTopic: deps.expandTopic } : {}),
    });
  };
  app.get('/stream', { config: { access: 'read' } }, stream);

  const subscriptions = async (): Promise<Map<string, WebSubStatus> | null> => (deps.websub ? deps.websub.statuses() : null);
  const feedView = (f: FeedState, subs: Map<string, WebSubStatus> | null) => ({
    ...f,
    health: feedHealthOf(f),
    ...(subs ? { websub: subs.get(f.id) ?? null } : {}),
  });

  app.get('/feeds', { config: { access: 'read' } }, async () => {
    const [feeds, subs] = await Promise.all([store.listFeeds(), subscriptions()]);
    return { items: feeds.map((f) => feedView(f, subs)) };
  });

  app.post('/feeds', { config: { access: 'write' } }, async (request, reply) => {
    const parsed = FeedInput.safeParse(request.body ?? {});
    if (!parsed.success) {
      throw badRequest(`invalid feed: ${describeIssues(parsed.error)}`);
    }
    const def: FeedDefinition = {
      id: parsed.data.id,
      url: parsed.data.url,
      title: parsed.data.title ?? null,
      intervalMs: parsed.data.interval ?? null,
      ...(parsed.data.categories ? { categories: parsed.data.categories } : {}),
    };
    const existed = (await store.getFeed(def.id)) !== null;
    let state: FeedState | null;
    if (deps.feeds) {
      state = await deps.feeds.add(def);
    } else {
      await store.upsertFeed(def);
      state = await store.getFeed(def.id);
    }
    if (!state) {
      throw new HttpError(500, 'internal', `feed ${def.id} was not stored`);
    }
    request.log.info({ feedId: def.id, existed }, 'feed saved');
    return reply.status(existed ? 200 : 201).send(feedView(state, await subscriptions()));
  });

  app.delete('/feeds/:id', { config: { access: 'write' } }, async (request, reply) => {
    const { id } = parseParams(z.object({ id: z.string().min(1).max(100) }), request.params, 'feed id');
    const removed = deps.feeds ? await deps.feeds.remove(id) : await store.removeFeed(id);
    if (!removed) {
      throw notFound(`no feed ${id}`);
    }
    request.log.info({ feedId: id }, 'feed removed');
    return reply.status(204).send();
  });

  if (deps.websub) {
    const websub = deps.websub;
    const FeedIdParam = z.object({ feedId: z.string().min(1).max(100) });
    // The hubs' side of WebSub: public (hubs carry no token); pushes are authenticated by their signature.
    app.get('/websub/:feedId', { config: { access: 'public' } }, async (request, reply) => {
      const { feedId } = parseParams(FeedIdParam, request.params, 'feed id');
      const answer = await websub.verify(feedId, request.query as Record<string, unknown>);
      return reply.status(answer.status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(answer.body);
    });
    await app.register(async (scope) => {
      // The signature is over the exact bytes: every content type is read as a raw buffer.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.pushBodyLimit ?? 15 * 1024 * 1024 }, (_req, body, done) => done(null, body));
      scope.post('/websub/:feedId', { config: { access: 'public' } }, async (request, reply) => {
        const { feedId } = parseParams(FeedIdParam, request.params, 'feed id');
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['x-hub-signature'];
        const answer = await websub.receive(feedId, {
          signature: Array.isArray(signature) ? signature[0] : signature,
          contentType: request.headers['content-type'] ?? null,
          body,
        });
        return reply.status(answer.status).type('text/plain; charset=utf-8').send(answer.body);
      });
    });
  }

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok', ...(deps.version ? { version: deps.version } : {}) }));

  app.get('/readyz', { config: { access: 'public' } }, async (request, reply) => {
    const timeoutMs = deps.readinessTimeoutMs ?? 2_000;
    const checks: Record<string, boolean> = {};
    const problems: Record<string, string> = {};
    const run = async (name: string, check: () => Promise<unknown>) => {
      try {
        await withTimeout(check(), timeoutMs, name);
        checks[name] = true;
      } catch (err) {
        checks[name] = false;
        problems[name] = (err as Error).message;
      }
    };
    const tasks = [run('store', () => store.ping())];
    if (deps.redis) {
      const redis = deps.redis;
      tasks.push(run('redis', () => redis.ping()));
    }
    if (deps.readiness) {
      const readiness = deps.readiness;
      tasks.push(
        (async () => {
          try {
            Object.assign(checks, await withTimeout(readiness(), timeoutMs, 'readiness'));
          } catch (err) {
            checks.readiness = false;
            problems.readiness = (err as Error).message;
          }
        })(),
      );
    }
    await Promise.all(tasks);
    const failing = Object.entries(checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name)
      .sort();
    if (failing.length > 0) {
      request.log.warn({ failing, problems }, 'not ready');
      return reply.status(503).send({ error: 'not_ready', message: `not ready: ${failing.join(', ')}`, checks, failing });
    }
    return { status: 'ready', checks };
  });

  app.get('/metrics', { config: { access: 'metrics' } }, async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).send(body);
  });

  const openapi = buildOpenApiDocument({ ...(deps.version ? { version: deps.version } : {}), websub: deps.websub !== undefined });
  app.get('/openapi.json', { config: { access: 'read' } }, async () => openapi);

  registerWebhookRoutes(app, { access: store.access });

  if (deps.queues && deps.queues.length > 0) {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath('/admin/queues');
    createBullBoard({ queues: deps.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'admin', allowBasic: true };
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: '/admin/queues' });
    });
  } else {
    app.all('/admin/queues', { config: { access: 'admin', allowBasic: true } }, async () => {
      throw notFound('no queues to show');
    });
  }

  await app.register(consolePlugin, { access, stream });

  return app;
}
