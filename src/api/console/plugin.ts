/**
 * The newsroom console: server-rendered HTML pages under /console, served by
 * the API process and reading everything through the API's own routes.
 *
 *   GET  /                        302 → /console/
 *   GET  /console/                the live wire (filters, "older" paging; new stories over GET /stream)
 *   GET  /console/articles/:id    one story
 *   GET  /console/feeds           feed health and queue depths
 *   GET  /console/webhooks        webhook subscriptions, their status and delivery log (a write key)
 *   GET  /console/stream          the wire's live updates (GET /stream for the signed-in key)
 *   GET  /console/pipeline        charts of the pipeline's last hour or day (live: polls pipeline/stats.json)
 *   GET  /console/login           asks for an API key (or API_TOKEN) once any is needed
 *   POST /console/login, /console/logout
 *   GET  /console/static/*        stylesheet and script
 *
 * The pages live under their own prefix rather than sharing /articles/:id and
 * /feeds with the JSON API through content negotiation: API clients keep their
 * exact routes and JSON default, and the console's headers (CSP, no-store, the
 * cookie) never mix with the API's.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type AccessControl, grants, scopesOf } from '../access.js';
import type { Scope } from '../../store/access-types.js';
import { type ConsoleApi, createConsoleApi } from './api-client.js';
import { copyCounts, otherCopies } from './copies.js';
import { registerWebhookPages } from './webhooks.js';
import { type SafeHtml, html } from './html.js';
import { PIPELINE_STATIC, pipelinePage, pipelineWindow } from './pipeline-view.js';
import { chooseVersions, versionsSection } from './versions-view.js';
import {
  BASE,
  type LayoutOptions,
  WIRE_FILTERS,
  type WireFilters,
  errorPage,
  feedsPage,
  layout,
  loginPage,
  storyPage,
  wirePage,
} from './views.js';

export type ConsoleOptions = {
  /**
   * The API's access checks: once API_TOKEN or any key is needed, the console
   * asks for a key (or the token) once and keeps it in an HttpOnly cookie; the
   * key needs the read scope, and write for the webhooks pages.
   */
  access: AccessControl;
  /** GET /stream's handler, served at /console/stream to the signed-in browser. */
  stream?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Clock (tests). */
  now?: () => Date;
};

export const COOKIE = 'telex_console_token';
const COOKIE_MAX_AGE_S = 7 * 24 * 3_600;
const WIRE_PAGE_SIZE = 30;
/** Newest stories per feed scanned for the "stored in 24 h" count. */
const RECENT_SCAN = 100;

/** No inline script, no third-party anything: the page's own stylesheet, script and the API (SSE). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC_FILES: Record<string, { type: string; body: Buffer }> = {
  ...(Object.fromEntries(
    [
      ['console.css', 'text/css; charset=utf-8'],
      ['console.js', 'text/javascript; charset=utf-8'],
    ].map(([name, type]) => [name, { type, body: readFileSync(new URL(`./static/${name}`, import.meta.url)) }]),
  ) as Record<string, { type: string; body: Buffer }>),
  ...PIPELINE_STATIC,
};

/** The story page's versions section; nothing when the API has none to show. */
async function storyVersions(api: ConsoleApi, id: string, from: string | undefined, to: string | undefined): Promise<SafeHtml | ''> {
  const list = await api.listVersions(id);
  if (!list.ok) {
    return '';
  }
  const versions = list.data.items;
  const pick = chooseVersions(versions.map((v) => v.n), from, to);
  const diff = pick ? await api.versionDiff(id, pick.from, pick.to) : null;
  return versionsSection({ articleId: id, versions, diff: diff?.ok ? diff.data.diff : null });
}

/** Cookie header → name/value pairs. Pure. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      continue;
    }
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/** A same-site console path to return to after signing in; anything else becomes the wire. Pure. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith(`${BASE}/`) || next.startsWith('//') || /[\\\r\n]/.test(next)) {
    return `${BASE}/`;
  }
  return next.startsWith(`${BASE}/login`) ? `${BASE}/` : next;
}

const first = (v: unknown): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};

export const consolePlugin: FastifyPluginAsync<ConsoleOptions> = async (app, opts) => {
  const { access } = opts;
  const now = opts.now ?? (() => new Date());

  app.get('/', { config: { access: 'public' } }, async (_request, reply) => reply.redirect(`${BASE}/`, 302));

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4_096 }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });

      // The console checks its own cookie (below); only its sign-in and static files need nothing.
      scope.addHook('onRoute', (route) => {
        const open = ['/static/:name', '/login', '/logout'].some((p) => route.url === `${BASE}${p}`);
        route.config = { ...route.config, access: open ? 'public' : 'console' };
      });

      scope.addHook('onRequest', async (_request, reply) => {
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('x-frame-options', 'DENY');
        reply.header('referrer-policy', 'same-origin');
      });

      /** The cookie's key when it is live and may read; null otherwise. */
      const signedIn = async (request: FastifyRequest): Promise<{ secret: string; scopes: Scope[] } | null> => {
        const value = parseCookies(request.headers.cookie).get(COOKIE);
        if (!value) {
          return null;
        }
        const found = await access.authenticate(value);
        if ('reason' in found || !grants(scopesOf(found.credential), 'read')) {
          return null;
        }
        return { secret: value, scopes: scopesOf(found.credential) };
      };
      /** Whether the console needs a sign-in: API_TOKEN set or any key created. */
      const guarded = async (): Promise<boolean> => (await access.mode()) !== 'open';

      const send = (reply: FastifyReply, status: number, o: LayoutOptions, body: SafeHtml) =>
        reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(layout(o, body));

      /** The API client for this request, or null after answering with the sign-in redirect. */
      const apiFor = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleApi | null> => {
        if (!(await guarded())) {
          return createConsoleApi(app, null);
        }
        const who = await signedIn(request);
        if (!who) {
          await reply
            .header('cache-control', 'no-store')
            .redirect(`${BASE}/login?next=${encodeURIComponent(safeNext(request.url))}`, 303);
          return null;
        }
        return createConsoleApi(app, who.secret);
      };

      scope.setErrorHandler(async (err, request, reply) => {
        const e = err as { statusCode?: unknown };
        const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
        if (status >= 500) {
          request.log.error({ err, url: request.url }, 'console page failed');
        }
        return send(reply, status, { title: 'Error', page: 'error', signedIn: !!(await signedIn(request).catch(() => null)) }, errorPage(status, status >= 500 ? 'The console could not build this page.' : 'Bad request.'));
      });
      scope.setNotFoundHandler(async (request, reply) =>
        send(reply, 404, { title: 'Not found', page: 'error', signedIn: !!(await signedIn(request).catch(() => null)) }, errorPage(404, 'There is no such page.')),
      );

      scope.get<{ Params: { name: string } }>('/static/:name', async (request, reply) => {
        const file = STATIC_FILES[request.params.name];
        if (!file) {
          return reply.status(404).type('text/plain; charset=utf-8').send('not found');
        }
        return reply.header('cache-control', 'public, max-age=300').type(file.type).send(file.body);
      });

      scope.get('/login', async (request, reply) => {
        if (!(await guarded())) {
          return reply.redirect(`${BASE}/`, 303);
        }
        const next = safeNext(first((request.query as Record<string, unknown>).next));
        if (await signedIn(request)) {
          return reply.redirect(next, 303);
        }
        return send(reply, 200, { title: 'Sign in', page: 'login' }, loginPage(next, false));
      });

      scope.post('/login', async (request, reply) => {
        if (!(await guarded())) {
          return reply.redirect(`${BASE}/`, 303);
        }
        const body = (request.body ?? {}) as Record<string, unknown>;
        const next = safeNext(first(body.next));
        const blocked = access.limiter.blockedFor(request.ip);
        if (blocked > 0) {
          request.log.warn({ ip: request.ip }, 'console sign-in refused: too many failed attempts');
          reply.header('retry-after', String(Math.ceil(blocked / 1000)));
          return send(reply, 429, { title: 'Sign in', page: 'login' }, loginPage(next, true));
        }
        const given = typeof body.token === 'string' ? body.token.trim() : '';
        const found = given ? await access.authenticate(given) : { reason: 'no key given' };
        if ('reason' in found || !grants(scopesOf(found.credential), 'read')) {
          access.limiter.fail(request.ip);
          request.log.warn({ ip: request.ip, reason: 'reason' in found ? found.reason : 'scope read needed' }, 'console sign-in refused');
          return send(reply, 401, { title: 'Sign in', page: 'login' }, loginPage(next, true));
        }
        const secure = request.protocol === 'https' ? '; Secure' : '';
        return reply
          .header('set-cookie', `${COOKIE}=${encodeURIComponent(given)}; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}${secure}`)
          .header('cache-control', 'no-store')
          .redirect(next, 303);
      });

      scope.post('/logout', async (_request, reply) =>
        reply
          .header('set-cookie', `${COOKIE}=; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=0`)
          .header('cache-control', 'no-store')
          .redirect(`${BASE}/login`, 303),
      );

      scope.get('/stream', async (request, reply) => {
        if ((await guarded()) && !(await signedIn(request))) {
          return reply.status(401).type('application/json; charset=utf-8').send({ error: 'unauthorized', message: 'sign in to the console first' });
        }
        if (!opts.stream) {
          return reply.status(503).type('application/json; charset=utf-8').send({ error: 'unavailable', message: 'no event stream' });
        }
        return opts.stream(request, reply);
      });

      registerWebhookPages(scope, { apiFor, signedIn, guarded, send, now });

      scope.get('/', async (request, reply) => {
        const api = await apiFor(request, reply);
        if (!api) {
          return reply;
        }
        const query = request.query as Record<string, unknown>;
        const filters: WireFilters = {};
        for (const k of WIRE_FILTERS) {
          const v = first(query[k]);
          if (v !== undefined) {
            filters[k] = v;
          }
        }
        const cursor = first(query.cursor);
        const [page, feeds] = await Promise.all([
          api.listArticles({ ...filters, limit: WIRE_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
          api.listFeeds(),
        ]);
        const items = page.ok ? page.data.items : [];
        const copies = await copyCounts(api, items);
        const body = wirePage({
          filters,
          ...(cursor ? { cursor } : {}),
          items,
          nextCursor: page.ok ? page.data.nextCursor : null,
          copies,
          feeds: feeds.ok ? feeds.data.map((f) => ({ id: f.id, title: f.title, categories: f.categories })) : [],
          ...(page.ok ? {} : { error: page.message }),
        });
        const status = page.ok ? 200 : page.status;
        return send(reply, status, { title: 'Wire', page: 'wire', signedIn: await guarded(), script: true }, body);
      });

      scope.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
        const api = await apiFor(request, reply);
        if (!api) {
          return reply;
        }
        const found = await api.getArticle(request.params.id);
        if (!found.ok) {
          const status = found.status === 400 ? 404 : found.status;
          return send(reply, status, { title: 'Not found', page: 'error', signedIn: await guarded() }, errorPage(status, status === 404 ? 'There is no such story.' : found.message));
        }
        const query = request.query as Record<string, unknown>;
        const [copies, versions] = await Promise.all([otherCopies(api, found.data), storyVersions(api, found.data.id, first(query.from), first(query.to))]);
        const body = html`${storyPage(found.data, copies)}${versions}`;
        return send(reply, 200, { title: found.data.title || 'Story', page: 'story', signedIn: await guarded() }, body);
      });

      scope.get('/pipeline', async (request, reply) => {
        const api = await apiFor(request, reply);
        if (!api) {
          return reply;
        }
        const window = pipelineWindow(first((request.query as Record<string, unknown>).window));
        const stats = await api.pipelineStats(window);
        return send(
          reply,
          stats.ok ? 200 : stats.status,
          { title: 'Pipeline', page: 'pipeline', signedIn: await guarded(), scripts: ['uplot.js', 'pipeline.js'], styles: ['uplot.css'] },
          pipelinePage({ window, stats: stats.ok ? stats.data : null, ...(stats.ok ? {} : { error: stats.message }) }),
        );
      });

      // The pipeline page's script polls this while the page is open (same origin, the console's sign-in).
      scope.get('/pipeline/stats.json', async (request, reply) => {
        const api = await apiFor(request, reply);
        if (!api) {
          return reply;
        }
        const stats = await api.pipelineStats(pipelineWindow(first((request.query as Record<string, unknown>).window)));
        reply.header('cache-control', 'no-store');
        return stats.ok ? stats.data : reply.status(stats.status).send({ error: 'unavailable', message: stats.message });
      });

      scope.get('/feeds', async (request, reply) => {
        const api = await apiFor(request, reply);
        if (!api) {
          return reply;
        }
        const at = now();
        const since = new Date(at.getTime() - 24 * 3_600_000).toISOString();
        const [feeds, queues] = await Promise.all([api.listFeeds(), api.queueDepths()]);
        const list = feeds.ok ? feeds.data : [];
        const recent = new Map<string, { count: number; capped: boolean }>();
        await Promise.all(
          list.map(async (f) => {
            // Newest first by publication time; a story stored today may have been published long ago.
            const page = await api.listArticles({ feed: f.id, limit: RECENT_SCAN });
            if (page.ok) {
              const count = page.data.items.filter((a) => (a.storedAt ?? a.fetchedAt) >= since).length;
              recent.set(f.id, { count, capped: count === RECENT_SCAN && page.data.nextCursor !== null });
            }
          }),
        );
        const body = feedsPage({ feeds: list, recent, queues, now: at, ...(feeds.ok ? {} : { error: feeds.message }) });
        return send(reply, feeds.ok ? 200 : feeds.status, { title: 'Feeds', page: 'feeds', signedIn: await guarded() }, body);
      });
    },
    { prefix: BASE },
  );
};
