/**
 * The one outbound HTTP client (fetcher and extractor): SSRF guard at connect time
 * on every hop, overall deadline and connect timeout, byte cap on the decompressed
 * body, bounded redirects with loop detection, conditional GET, charset decoding,
 * and status -> PipelineError mapping.
 */

import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { isRetryableStatus, PipelineError } from '../errors.js';
import { classifyAddress, createAddressPolicy, type AddressPolicy } from './address.js';
import { decodeBody } from './charset.js';
import { parseRetryAfter } from './http-headers.js';
import type { FetchOptions, FetchResult, FormPoster, FormPostResult, HttpClient, HttpClientOptions } from './types.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };

export const DEFAULT_USER_AGENT = `Telex/${pkg.version ?? '0.0.0'} (+https://github.com/telex-news/telex)`;

export const HTTP_DEFAULTS = {
  timeoutMs: 20_000,
  connectTimeoutMs: 10_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** A non-2xx/304 answer. `retryAfterMs` carries Retry-After (429, 503, ...) when the server sent one. */
export class HttpStatusError extends PipelineError {
  readonly status: number;
  readonly retryAfterMs: number | null;
  constructor(status: number, url: string, retryAfterMs: number | null, method: 'GET' | 'POST' = 'GET') {
    super('http_status', isRetryableStatus(status), `${method} ${url} -> ${status}`);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Extra client options on top of the shared HttpClientOptions. */
export type SafeHttpClientOptions = HttpClientOptions & {
  /** Proxy for https:// URLs (HTTPS_PROXY), tunnelled with CONNECT. */
  httpsProxy?: string | null;
  /** Proxy for http:// URLs (HTTP_PROXY), tunnelled with CONNECT too. */
  httpProxy?: string | null;
  /** Hosts that bypass the proxy (NO_PROXY): exact names or ".domain" suffixes; "*" for all. */
  noProxy?: string[];
  /** Name resolution used by the SSRF guard (default: the system resolver). */
  resolver?: Resolver;
  /** Keep-alive sockets per host (default 8). */
  maxSocketsPerHost?: number;
  /** Extra trusted CA certificates (PEM), e.g. a newsroom's private CA; replaces the default list like node:tls. */
  ca?: string | Buffer | Array<string | Buffer>;
};

export type PostOptions = { headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal };
/** Any status: the caller decides what it means. Redirects are not followed; the body is not read. */
export type PostResult = { status: number; headers: Record<string, string> };

/**
 * The client plus a way to close its idle keep-alive connections, `postForm`
 * (WebSub), and `post`: one POST (webhooks) through the same guard, deadline
 * and proxy, never following a redirect; throws a PipelineError only when no
 * answer came.
 */
export type SafeHttpClient = HttpClient &
  FormPoster & { post(url: string, body: Buffer, opts?: PostOptions): Promise<PostResult>; close(): void };

/** Reads the proxy settings from an environment object (pass `process.env` from the composition root). */
export function proxyFromEnv(env: Record<string, string | undefined>): Pick<SafeHttpClientOptions, 'httpsProxy' | 'httpProxy' | 'noProxy'> {
  const pick = (...names: string[]): string | null => {
    for (const n of names) {
      const v = env[n];
      if (v && v.trim() !== '') {
        return v.trim();
      }
    }
    return null;
  };
  const noProxy = (pick('NO_PROXY', 'no_proxy') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return { httpsProxy: pick('HTTPS_PROXY', 'https_proxy'), httpProxy: pick('HTTP_PROXY', 'http_proxy'), noProxy };
}

type Hop = { status: number; headers: Record<string, string>; body: Buffer };

type HopContext = {
  method: 'GET' | 'POST';
  /** Request body (POST), with its content type. */
  body: { type: string; data: Buffer } | null;
  policy: AddressPolicy;
  userAgent: string;
  accept: string;
  etag: string | null;
  lastModified: string | null;
  maxBytes: number;
  connectTimeoutMs: number;
  deadline: number;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  proxy: string | null;
  resolver: Resolver;
  agents: { http: http.Agent; https: https.Agent };
  ca: SafeHttpClientOptions['ca'];
  /** Extra request headers (a webhook's signature and ids). */
  headers?: Record<string, string>;
  /** The answer's body is not read, whatever its status (webhook deliveries). */
  discardBody?: boolean;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) {
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
  }
  return out;
}

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '');

function blocked(host: string, address: string): PipelineError {
  return new PipelineError(
    'blocked_address',
    false,
    `refused to connect to ${host} (${address}, ${classifyAddress(address)} address); allow it with fetch.allow`,
  );
}

type LookupAddress = { address: string; family: number };
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves a host name to all its addresses (dns.lookup by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * A dns.lookup replacement that only hands out addresses the policy allows. It runs when
 * the socket connects, for every new connection (every redirect hop included), so a name
 * that re-resolves to a private address (DNS rebinding) is caught.
 */
function guardedLookup(policy: AddressPolicy, resolver: Resolver) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolver(hostname).then((addresses) => {
      const family = options.family === 4 || options.family === 6 ? options.family : 0;
      const list = addresses.filter((a) => family === 0 || a.family === family);
      const ok = policy.allowsHost(hostname) ? list : list.filter((a) => policy.allowsAddress(a.address));
      const first = ok[0];
      if (!first) {
        callback(blocked(hostname, list[0]?.address ?? 'no address') as unknown as NodeJS.ErrnoException, '');
        return;
      }
      if (options.all) {
        callback(null, ok);
      } else {
        callback(null, first.address, first.family);
      }
    }, (err: NodeJS.ErrnoException) => callback(err, ''));
  };
}

function resolveGuarded(hostname: string, policy: AddressPolicy, resolver: Resolver): Promise<string> {
  const host = bare(hostname);
  if (net.isIP(host)) {
    return policy.allowsHost(host) || policy.allowsAddress(host) ? Promise.resolve(host) : Promise.reject(blocked(host, host));
  }
  return new Promise((resolve, reject) => {
    guardedLookup(policy, resolver)(host, { all: false }, (err, address) => {
      if (err) {
        reject(err);
      } else {
        resolve(address as string);
      }
    });
  });
}

function mapError(err: unknown, url: string): PipelineError {
  if (err instanceof PipelineError) {
    return err;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ETIMEDOUT' || e?.code === 'ESOCKETTIMEDOUT') {
    return new PipelineError('timeout', true, `GET ${url}: ${e.message}`, err);
  }
  return new PipelineError('network', true, `GET ${url}: ${e?.code ? `${e.code} ` : ''}${e?.message ?? String(err)}`, err);
}

function usesProxy(host: string, noProxy: string[]): boolean {
  const h = host.toLowerCase();
  return !noProxy.some((e) => e === '*' || h === e.replace(/^\./, '') || (e.startsWith('.') ? h.endsWith(e) : h.endsWith(`.${e}`)));
}

/** Opens a CONNECT tunnel through `proxy` to address:port (the address was already checked by the guard). */
function openTunnel(proxy: string, address: string, port: number, hostHeader: string, ctx: HopContext): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    let p: URL;
    try {
      p = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
    } catch {
      reject(new PipelineError('config', false, `invalid proxy URL: ${proxy}`));
      return;
    }
    const headers: Record<string, string> = { host: hostHeader };
    if (p.username) {
      const cred = `${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(cred).toString('base64')}`;
    }
    const target = net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
    const req = http.request({
      host: bare(p.hostname),
      port: Number(p.port || 80),
      method: 'CONNECT',
      path: target,
      headers,
      timeout: Math.max(1, Math.min(ctx.connectTimeoutMs, ctx.deadline - Date.now())),
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new PipelineError('network', true, `proxy refused CONNECT ${target}: ${res.statusCode}`));
        return;
      }
      // The request that takes the socket over listens for its errors; until then, do not crash on one.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    req.once('timeout', () => req.destroy(new PipelineError('timeout', true, `proxy CONNECT ${target} timed out`)));
    req.on('error', (err) => reject(mapError(err, `proxy ${p.host}`)));
    req.end();
  });
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Unzip | zlib.BrotliDecompress | null {
  const enc = encoding.trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip' || enc === 'deflate') {
    // Unzip auto-detects gzip and zlib headers; sync flush tolerates a truncated stream.
    return zlib.createUnzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
  }
  if (enc === 'br') {
    return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  }
  return null;
}

async function hop(url: URL, ctx: HopContext): Promise<Hop> {
  const host = bare(url.hostname);
  const isHttps = url.protocol === 'https:';
  const port = Number(url.port || (isHttps ? 443 : 80));
  if (net.isIP(host) && !ctx.policy.allowsHost(host) && !ctx.policy.allowsAddress(host)) {
    throw blocked(host, host);
  }
  const headers: Record<string, string> = {
    'user-agent': ctx.userAgent,
    accept: ctx.accept,
    'accept-encoding': 'gzip, deflate, br',
    ...ctx.headers,
  };
  if (ctx.etag) {
    headers['if-none-match'] = ctx.etag;
  }
  if (ctx.lastModified) {
    headers['if-modified-since'] = ctx.lastModified;
  }
  if (ctx.body) {
    headers['content-type'] = ctx.body.type;
    headers['content-length'] = String(ctx.body.data.length);
  }
  let tunnel: net.Socket | null = null;
  let tunnelTls: tls.TLSSocket | null = null;
  if (ctx.proxy) {
    const address = await resolveGuarded(host, ctx.policy, ctx.resolver);
    tunnel = await openTunnel(ctx.proxy, address, port, url.host, ctx);
  }

  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    let req: http.ClientRequest | null = null;
    const streams: Readable[] = [];
    const cleanup = (): void => {
      timers.forEach(clearTimeout);
      ctx.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: unknown): void => {
      if (settled) {
        return;
      }
      settled = true;
      cleanup();
      streams.forEach((s) => s.destroy());
      req?.destroy();
      tunnel?.destroy();
      tunnelTls?.destroy();
      reject(mapError(err, url.href));
    };
    const done = (hopResult: Hop): void => {
      if (settled) {
        return;
      }
      settled = true;
      cleanup();
      resolve(hopResult);
      // A proxy tunnel serves one request: close it (and the TLS session on it) once the answer is in.
      if (tunnel) {
        req?.destroy();
        tunnel.destroy();
        tunnelTls?.destroy();
      }
    };
    const onAbort = (): void => fail(new PipelineError('network', true, `${ctx.method} ${url.href}: aborted`));
    if (ctx.signal?.aborted) {
      onAbort();
      return;
    }
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const remaining = ctx.deadline - Date.now();
    if (remaining <= 0) {
      fail(new PipelineError('timeout', true, `${ctx.method} ${url.href}: no answer within ${ctx.timeoutMs} ms`));
      return;
    }
    timers.push(
      setTimeout(() => fail(new PipelineError('timeout', true, `${ctx.method} ${url.href}: no complete answer within ${ctx.timeoutMs} ms`)), remaining),
    );

    const options: https.RequestOptions = {
      method: ctx.method,
      protocol: url.protocol,
      hostname: host,
      port,
      path: `${url.pathname}${url.search}`,
      headers,
    };
    if (tunnel) {
      const socket = tunnel;
      options.createConnection = () => {
        if (!isHttps) {
          return socket;
        }
        // TLS takes over the tunnel's handle: it is the TLS socket that must be closed afterwards.
        tunnelTls = tls.connect({ socket, host, servername: net.isIP(host) ? undefined : host, ...(ctx.ca ? { ca: ctx.ca } : {}) });
        return tunnelTls;
      };
    } else {
      // The guarded lookup lives on the client's keep-alive agents: it runs for every new connection.
      options.agent = isHttps ? ctx.agents.https : ctx.agents.http;
    }
    try {
      req = (isHttps ? https : http).request(options);
    } catch (err) {
      fail(err);
      return;
    }
    req.once('socket', (socket: net.Socket) => {
      if (socket.connecting) {
        const t = setTimeout(
          () => fail(new PipelineError('timeout', true, `${ctx.method} ${url.href}: connect timed out after ${ctx.connectTimeoutMs} ms`)),
          ctx.connectTimeoutMs,
        );
        timers.push(t);
        socket.once('connect', () => clearTimeout(t));
      }
    });
    req.on('error', fail);
    req.once('response', (res) => {
      streams.push(res);
      const status = res.statusCode ?? 0;
      const resHeaders = flattenHeaders(res.headers);
      if (status < 200 || status >= 300 || ctx.discardBody) {
        // Redirects, 304, errors and answers to a webhook delivery: the body is not needed. A small declared body is drained
        // so the connection can be reused; anything else closes it.
        res.on('error', () => undefined);
        done({ status, headers: resHeaders, body: Buffer.alloc(0) });
        const length = Number(resHeaders['content-length'] ?? (status === 304 ? '0' : 'NaN'));
        if (Number.isFinite(length) && length <= 64 * 1024) {
          res.resume();
        } else {
          res.destroy();
        }
        return;
      }
      const declared = Number(resHeaders['content-length']);
      if (Number.isFinite(declared) && declared > ctx.maxBytes) {
        fail(new PipelineError('too_large', false, `${ctx.method} ${url.href}: body of ${declared} bytes exceeds the ${ctx.maxBytes}-byte cap`));
        return;
      }
      const decoder = decoderFor(resHeaders['content-encoding'] ?? '');
      const tooLarge = (): PipelineError =>
        new PipelineError('too_large', false, `${ctx.method} ${url.href}: body exceeds the ${ctx.maxBytes}-byte cap`);
      let rawBytes = 0;
      res.on('data', (chunk: Buffer) => {
        rawBytes += chunk.length;
        if (rawBytes > ctx.maxBytes) {
          fail(tooLarge());
        }
      });
      res.on('error', fail);
      res.once('aborted', () => fail(new PipelineError('network', true, `${ctx.method} ${url.href}: connection closed mid-body`)));
      const chunks: Buffer[] = [];
      let bytes = 0;
      const body: Readable = decoder ?? res;
      if (decoder) {
        streams.push(decoder);
        decoder.on('error', (err) =>
          fail(new PipelineError('network', true, `${ctx.method} ${url.href}: cannot decode ${resHeaders['content-encoding']} body: ${err.message}`, err)),
        );
        res.pipe(decoder);
      }
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > ctx.maxBytes) {
          fail(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      body.once('end', () => {
        if (!res.complete && !decoder) {
          fail(new PipelineError('network', true, `${ctx.method} ${url.href}: connection closed mid-body`));
          return;
        }
        done({ status, headers: resHeaders, body: Buffer.concat(chunks, bytes) });
      });
    });
    req.end(ctx.body?.data);
  });
}

/** Creates the safe HTTP client. The SSRF guard is on unless `allowPrivate` is set; `allow` opens specific hosts / CIDRs. */
export function createHttpClient(opts: SafeHttpClientOptions = {}): SafeHttpClient {
  const policy = createAddressPolicy(opts.allow ?? [], opts.allowPrivate === true);
  const resolver = opts.resolver ?? systemResolver;
  const lookup = guardedLookup(policy, resolver) as unknown as typeof dns.lookup;
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSocketsPerHost ?? 8, maxFreeSockets: 4, timeout: 30_000, lookup };
  const agents = {
    http: new http.Agent(agentOptions),
    https: new https.Agent({ ...agentOptions, ...(opts.ca ? { ca: opts.ca } : {}) }),
  };
  const userAgent = opts.userAgent ?? DEFAULT_USER_AGENT;
  const maxRedirects = opts.maxRedirects ?? HTTP_DEFAULTS.maxRedirects;
  const noProxy = opts.noProxy ?? [];

  /** The proxy a request to `url` goes through, or null (none set, or NO_PROXY names the host). */
  const proxyFor = (url: URL): string | null => {
    const proxyUrl = url.protocol === 'https:' ? opts.httpsProxy : opts.httpProxy;
    return proxyUrl && usesProxy(bare(url.hostname), noProxy) ? proxyUrl : null;
  };

  /** A request's context, less the proxy (chosen per hop). */
  function context(method: HopContext['method'], body: HopContext['body'], fo: FetchOptions): Omit<HopContext, 'proxy'> {
    const timeoutMs = fo.timeoutMs ?? opts.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
    return {
      method,
      body,
      policy,
      userAgent,
      accept: fo.accept ?? '*/*',
      etag: fo.etag ?? null,
      lastModified: fo.lastModified ?? null,
      maxBytes: fo.maxBytes ?? opts.maxBytes ?? HTTP_DEFAULTS.maxBytes,
      connectTimeoutMs: opts.connectTimeoutMs ?? HTTP_DEFAULTS.connectTimeoutMs,
      deadline: Date.now() + timeoutMs,
      timeoutMs,
      signal: fo.signal,
      resolver,
      agents,
      ca: opts.ca,
    };
  }

  async function get(rawUrl: string, fo: FetchOptions = {}): Promise<FetchResult> {
    let current: URL;
    try {
      current = new URL(rawUrl);
    } catch {
      throw new PipelineError('bad_payload', false, `not a URL: ${rawUrl}`);
    }
    const base = context('GET', null, fo);
    current.hash = '';
    const visited = new Set<string>([current.href]);
    let permanentRedirect: string | null = null;
    let stillPermanent = true;
    for (let redirects = 0; ; redirects++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new PipelineError('blocked_address', false, `refused to fetch ${current.href}: only http and https are allowed`);
      }
      const proxy = proxyFor(current);
      const res = await hop(current, { ...base, proxy });
      const location = res.headers.location;
      if (REDIRECTS.has(res.status) && location) {
        if (redirects >= maxRedirects) {
          throw new PipelineError('too_many_redirects', false, `GET ${rawUrl}: more than ${maxRedirects} redirects`);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new PipelineError('network', false, `GET ${current.href}: invalid redirect location ${JSON.stringify(location)}`);
        }
        next.hash = '';
        if (visited.has(next.href)) {
          throw new PipelineError('redirect_loop', false, `GET ${rawUrl}: redirect loop at ${next.href}`);
        }
        visited.add(next.href);
        if (stillPermanent && (res.status === 301 || res.status === 308)) {
          permanentRedirect = next.href;
        } else {
          stillPermanent = false;
        }
        current = next;
        continue;
      }
      const contentType = res.headers['content-type'] ?? null;
      if (res.status === 304) {
        return {
          status: 304,
          url: current.href,
          permanentRedirect,
          headers: res.headers,
          notModified: true,
          body: Buffer.alloc(0),
          text: '',
          charset: '',
          contentType,
        };
      }
      if (res.status < 200 || res.status >= 300) {
        throw new HttpStatusError(res.status, current.href, parseRetryAfter(res.headers['retry-after'], Date.now()));
      }
      // Decoded on first read: a caller that hands the bytes on (the extractor, to a worker thread) never pays for it here.
      const body = res.body;
      let decoded: ReturnType<typeof decodeBody> | null = null;
      const decode = () => (decoded ??= decodeBody(body, contentType));
      return {
        status: res.status,
        url: current.href,
        permanentRedirect,
        headers: res.headers,
        notModified: false,
        body,
        get text() {
          return decode().text;
        },
        get charset() {
          return decode().charset;
        },
        contentType,
      };
    }
  }

  /** Where a POST goes: an http(s) URL without its fragment, and the proxy it takes (if any). */
  function postTarget(rawUrl: string): { url: URL; proxy: string | null } {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new PipelineError('bad_payload', false, `not a URL: ${rawUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new PipelineError('blocked_address', false, `refused to post to ${url.href}: only http and https are allowed`);
    }
    url.hash = '';
    return { url, proxy: proxyFor(url) };
  }

  /**
   * POST of a form (the WebSub subscriber's requests to a hub): the same guard,
   * deadline and byte cap; redirects are not followed (a 3xx is an error).
   */
  async function postForm(rawUrl: string, form: Record<string, string>, fo: Pick<FetchOptions, 'timeoutMs' | 'signal'> = {}): Promise<FormPostResult> {
    const { url, proxy } = postTarget(rawUrl);
    const body = { type: 'application/x-www-form-urlencoded', data: Buffer.from(new URLSearchParams(form).toString()) };
    const res = await hop(url, {
      ...context('POST', body, { ...fo, maxBytes: Math.min(opts.maxBytes ?? HTTP_DEFAULTS.maxBytes, 1024 * 1024) }),
      proxy,
    });
    if (res.status < 200 || res.status >= 300) {
      throw new HttpStatusError(res.status, url.href, parseRetryAfter(res.headers['retry-after'], Date.now()), 'POST');
    }
    return { status: res.status, headers: res.headers, text: res.body.toString('utf8') };
  }

  async function post(rawUrl: string, body: Buffer, po: PostOptions = {}): Promise<PostResult> {
    const { url, proxy } = postTarget(rawUrl);
    const { 'content-type': type = 'application/json', ...headers } = po.headers ?? {};
    const res = await hop(url, {
      ...context('POST', { type, data: body }, { ...(po.timeoutMs !== undefined ? { timeoutMs: po.timeoutMs } : {}), ...(po.signal ? { signal: po.signal } : {}), maxBytes: 0 }),
      proxy,
      headers,
      discardBody: true,
    });
    return { status: res.status, headers: res.headers };
  }

  return {
    get,
    post,
    postForm,
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
