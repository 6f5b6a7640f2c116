/**
 * Who may call what. Every route declares what it needs in its fastify config
 * (`config: { access: 'read' }`); one onRequest hook checks it.
 *
 * Two modes, decided per request:
 * - open: no API_TOKEN and no key: everything answers, as a fresh install.
 * - guarded: API_TOKEN is set, or a key was ever created (revoked ones count,
 *   so revoking every key never opens the API): every route but `public` ones
 *   needs a key or API_TOKEN (an admin key) with the route's scope; reads are
 *   licensed wire copy too.
 *
 * Scopes: `read` (articles, stream, feeds, the OpenAPI document, the console),
 * `write` (feed and webhook management; includes read), `admin` (everything,
 * the queue dashboard included), `metrics` (GET /metrics only, for Prometheus;
 * admin has it too).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';
import type { AccessStore, ApiKey, Scope } from '../store/access-types.js';
import { sameSecret } from './auth.js';

/** What a route needs: a scope, nothing (`public`), or the console's own sign-in (`console`). */
export type RouteAccess = Scope | 'public' | 'console';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Also accept `Basic base64(any:<key>)` (browser dashboards). */
    allowBasic?: boolean;
  }
}

/** Whether keys holding `held` may use a route needing `needed`. Pure. */
export function grants(held: readonly Scope[], needed: Scope): boolean {
  if (held.includes('admin') || held.includes(needed)) {
    return true;
  }
  return needed === 'read' && held.includes('write');
}

/** SHA-256 (hex) of a token: what the store keeps. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new key: 32 random bytes, base64url, with a recognisable prefix (secret scanners, logs). */
export function newKeyToken(): string {
  return `telex_${randomBytes(32).toString('base64url')}`;
}

/** Creates a named key; the token is returned once and only its hash is stored. */
export async function createKey(
  access: AccessStore,
  name: string,
  scopes: Scope[],
  now: Date = new Date(),
): Promise<{ key: ApiKey; token: string }> {
  const token = newKeyToken();
  const key = await access.createApiKey({
    id: randomUUID(),
    name,
    scopes: [...new Set(scopes)],
    hint: token.slice(0, 10),
    hash: hashToken(token),
    createdAt: now.toISOString(),
  });
  return { key, token };
}

/**
 * The secret an Authorization header carries: `Bearer <secret>`, or with
 * `allowBasic`, the password of `Basic base64(user:password)`. Null otherwise. Pure.
 */
export function credentialOf(header: string | undefined, allowBasic = false): string | null {
  const m = header ? /^\s*(\S+)\s+(.+?)\s*$/.exec(header) : null;
  if (!m?.[1] || !m[2]) {
    return null;
  }
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') {
    return m[2];
  }
  if (scheme === 'basic' && allowBasic) {
    const decoded = Buffer.from(m[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

/**
 * Failed attempts per client in a fixed window: past `max` failures, the client
 * is refused (429) until the window ends, whatever it sends. In memory, per
 * process (a brute-force guard, not an accounting one); at most `maxClients`
 * addresses are tracked, the oldest windows dropped first.
 */
export function createFailureLimiter(o: { max?: number; windowMs?: number; maxClients?: number; now?: () => number } = {}) {
  const max = o.max ?? 10;
  const windowMs = o.windowMs ?? 60_000;
  const maxClients = o.maxClients ?? 10_000;
  const now = o.now ?? Date.now;
  const windows = new Map<string, { start: number; failures: number }>();
  const current = (client: string) => {
    const w = windows.get(client);
    if (w && now() - w.start >= windowMs) {
      windows.delete(client);
      return undefined;
    }
    return w;
  };
  return {
    /** Milliseconds until `client` may try again; 0 when it may now. */
    blockedFor(client: string): number {
      const w = current(client);
      return w && w.failures >= max ? w.start + windowMs - now() : 0;
    },
    fail(client: string): void {
      const w = current(client);
      if (w) {
        w.failures++;
        return;
      }
      if (windows.size >= maxClients) {
        // Maps keep insertion order: the first entry is the oldest window.
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      windows.set(client, { start: now(), failures: 1 });
    },
  };
}
export type FailureLimiter = ReturnType<typeof createFailureLimiter>;

export type Credential = { kind: 'token' } | { kind: 'key'; key: ApiKey };

export const scopesOf = (c: Credential): Scope[] => (c.kind === 'token' ? ['admin'] : c.key.scopes);

export type AccessMode = 'open' | 'guarded';

export type AccessControlOptions = {
  access: AccessStore;
  apiToken?: string | undefined;
  log: Logger;
  limiter?: FailureLimiter;
  /** How long "is any key there" and each key lookup are remembered (default 2 s; revocation takes effect within it). */
  cacheMs?: number;
  now?: () => number;
};

export type AccessCheck =
  | { ok: true; credential: Credential | null }
  | { ok: false; status: 401 | 403 | 429; reason: string; retryAfterMs?: number };

/** The access checks of one API process. */
export function createAccessControl(o: AccessControlOptions) {
  const cacheMs = o.cacheMs ?? 2_000;
  const now = o.now ?? Date.now;
  const limiter = o.limiter ?? createFailureLimiter();
  let keysSeen: { at: number; value: boolean } | null = null;
  const lookups = new Map<string, { at: number; key: ApiKey | null }>();
  const touched = new Map<string, number>();

  async function mode(): Promise<AccessMode> {
    if (o.apiToken) {
      return 'guarded';
    }
    // Once a key exists it never stops existing (revoked keys are kept): no need to ask again.
    if (!keysSeen?.value && (!keysSeen || now() - keysSeen.at >= cacheMs)) {
      keysSeen = { at: now(), value: (await o.access.countApiKeys()) > 0 };
    }
    return keysSeen.value ? 'guarded' : 'open';
  }

  async function findKey(secret: string): Promise<ApiKey | null> {
    const hash = hashToken(secret);
    const cached = lookups.get(hash);
    if (cached && now() - cached.at < cacheMs) {
      return cached.key;
    }
    const key = await o.access.findApiKeyByHash(hash);
    if (lookups.size >= 1_000) {
      lookups.clear();
    }
    lookups.set(hash, { at: now(), key });
    return key;
  }

  /** The credential a secret stands for (API_TOKEN or a live key), or why not. */
  async function authenticate(secret: string): Promise<{ credential: Credential } | { reason: string }> {
    if (o.apiToken && sameSecret(secret, o.apiToken)) {
      return { credential: { kind: 'token' } };
    }
    const key = await findKey(secret);
    if (!key) {
      return { reason: 'unknown key' };
    }
    if (key.revokedAt) {
      return { reason: `revoked key ${key.name}` };
    }
    // Last use is kept to the minute: no write per request.
    if (now() - (touched.get(key.id) ?? 0) >= 60_000) {
      touched.set(key.id, now());
      o.access.touchApiKey(key.id, new Date(now()).toISOString()).catch((err: unknown) => o.log.warn({ err }, 'could not note key use'));
    }
    return { credential: { kind: 'key', key } };
  }

  /** Checks `secret` (null: none sent) from `client` against what a route needs. */
  async function check(needed: RouteAccess, secret: string | null, client: string): Promise<AccessCheck> {
    if (needed === 'public') {
      return { ok: true, credential: null };
    }
    const m = await mode();
    if (m === 'open' || needed === 'console') {
      return { ok: true, credential: null };
    }
    const blocked = limiter.blockedFor(client);
    if (blocked > 0) {
      return { ok: false, status: 429, reason: 'too many failed attempts', retryAfterMs: blocked };
    }
    if (secret === null) {
      limiter.fail(client);
      return { ok: false, status: 401, reason: 'no credentials' };
    }
    const found = await authenticate(secret);
    if ('reason' in found) {
      limiter.fail(client);
      return { ok: false, status: 401, reason: found.reason };
    }
    if (!grants(scopesOf(found.credential), needed)) {
      return { ok: false, status: 403, reason: `scope ${needed} needed` };
    }
    return { ok: true, credential: found.credential };
  }

  /** The global onRequest hook: answers 401 / 403 / 429 itself, so plugins' own error handlers never see it. */
  async function hook(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (request.is404) {
      return undefined;
    }
    const config = request.routeOptions.config;
    // A route that says nothing needs admin: a new route is closed until it declares its scope.
    const needed: RouteAccess = config.access ?? 'admin';
    const allowBasic = config.allowBasic === true;
    const result = await check(needed, credentialOf(request.headers.authorization, allowBasic), request.ip);
    if (result.ok) {
      return undefined;
    }
    const who = request.headers.authorization ? 'with credentials' : 'without credentials';
    request.log.warn({ ip: request.ip, method: request.method, url: request.url.split('?')[0], status: result.status, reason: result.reason }, `access refused ${who}`);
    if (result.status === 401) {
      reply.header('www-authenticate', allowBasic ? 'Basic realm="telex", charset="UTF-8"' : 'Bearer realm="telex"');
    }
    if (result.retryAfterMs !== undefined) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))));
    }
    const body =
      result.status === 401
        ? { error: 'unauthorized', message: 'a valid API key is required (Authorization: Bearer <key>)' }
        : result.status === 403
          ? { error: 'forbidden', message: `this key lacks the scope this route needs (${needed})` }
          : { error: 'too_many_requests', message: 'too many failed attempts from this address; retry later' };
    await reply.status(result.status).type('application/json; charset=utf-8').send(body);
    return reply;
  }

  return { mode, authenticate, check, hook, limiter };
}
export type AccessControl = ReturnType<typeof createAccessControl>;
