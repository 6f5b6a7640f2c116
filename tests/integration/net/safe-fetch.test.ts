import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import { createHttpClient, DEFAULT_USER_AGENT, HttpStatusError } from '../../../src/net/safe-fetch.js';
import { parseFeed } from '../../../src/workers/fetcher/parse-feed.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title><item><title>One</title><link>/one</link></item></channel></rss>';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Tue, 11 Jun 2002 09:30:00 GMT';

let server: http.Server;
let base: string;
let hits: string[] = [];
const openResponses = new Set<http.ServerResponse>();

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname;
  const send = (status: number, headers: Record<string, string>, body: string | Buffer = ''): void => {
    res.writeHead(status, headers);
    res.end(body);
  };
  if (path === '/feed') {
    if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
      send(304, { etag: ETAG });
      return;
    }
    send(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED, 'cache-control': 'max-age=600' }, FEED);
  } else if (path === '/gzip') {
    send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, zlib.gzipSync(FEED));
  } else if (path === '/br') {
    send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }, zlib.brotliCompressSync(FEED));
  } else if (path === '/deflate') {
    send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' }, zlib.deflateSync(FEED));
  } else if (path === '/moved301') {
    send(301, { location: '/feed' });
  } else if (path === '/moved308') {
    send(308, { location: `${base}/feed` });
  } else if (path === '/temp302') {
    send(302, { location: '/moved301' });
  } else if (path === '/gone') {
    send(410, {});
  } else if (path === '/busy') {
    send(429, { 'retry-after': '120' });
  } else if (path === '/unavailable') {
    send(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
  } else if (path === '/error') {
    send(500, {}, 'oops');
  } else if (path === '/drip') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    openResponses.add(res);
    const timer = setInterval(() => res.write('<'), 100);
    res.on('close', () => clearInterval(timer));
  } else if (path === '/endless') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    openResponses.add(res);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = (): void => {
      while (res.write(chunk)) {
        // keep writing until the socket pushes back
      }
    };
    res.on('drain', pump);
    pump();
  } else if (path === '/big-declared') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
    openResponses.add(res);
    res.write('a');
  } else if (path === '/loop-a') {
    send(302, { location: '/loop-b' });
  } else if (path === '/loop-b') {
    send(301, { location: '/loop-a' });
  } else if (path.startsWith('/chain/')) {
    const n = Number(path.slice('/chain/'.length));
    send(302, { location: `/chain/${n + 1}` });
  } else if (path === '/gzip-bomb') {
    send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, gzipBomb);
  } else if (path === '/br-bomb') {
    send(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }, brBomb);
  } else if (path === '/html') {
    send(200, { 'content-type': 'text/html; charset=utf-8' }, '<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>');
  } else if (path === '/empty') {
    send(200, { 'content-type': 'application/rss+xml' });
  } else if (path === '/close') {
    send(200, { 'content-type': 'text/plain', connection: 'close' }, 'bye');
  } else if (path === '/echo') {
    send(200, { 'content-type': 'application/json' }, JSON.stringify(req.headers));
  } else if (path === '/cp1251') {
    send(200, { 'content-type': 'text/xml; charset=windows-1251' }, iconv.encode('<rss version="2.0"><channel><title>Новости</title></channel></rss>', 'windows-1251'));
  } else if (path === '/to-private') {
    send(302, { location: 'http://10.0.0.1/feed' });
  } else if (path === '/to-mapped') {
    send(302, { location: 'http://[::ffff:127.0.0.1]/feed' });
  } else if (path === '/to-file') {
    send(302, { location: 'file:///etc/passwd' });
  } else {
    send(404, {});
  }
}

let gzipBomb: Buffer;
let brBomb: Buffer;

beforeAll(async () => {
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  gzipBomb = zlib.gzipSync(zeros, { level: 6 });
  brBomb = zlib.brotliCompressSync(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  local.close();
  for (const res of openResponses) {
    res.destroy();
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  hits = [];
});

const local = createHttpClient({ allow: ['127.0.0.1/32'] });

async function failure(p: Promise<unknown>): Promise<PipelineError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PipelineError);
  return err as PipelineError;
}

describe(createHttpClient.name, () => {
  it('refuses a loopback address and sends nothing when the default policy applies', async () => {
    const client = createHttpClient();
    const err = await failure(client.get(`${base}/feed`));
    expect(err.code).toBe('blocked_address');
    expect(err.retryable).toBe(false);
    expect(hits).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback when the default policy applies', async () => {
    const port = (server.address() as AddressInfo).port;
    const err = await failure(createHttpClient().get(`http://localhost:${port}/feed`));
    expect(err.code).toBe('blocked_address');
    expect(hits).toHaveLength(0);
  });

  it('refuses obfuscated loopback and unspecified forms when the default policy applies', async () => {
    const port = (server.address() as AddressInfo).port;
    const client = createHttpClient();
    for (const host of ['[::1]', '2130706433', '0x7f.1', '127.1', '0', '[::ffff:127.0.0.1]', '[::]']) {
      const err = await failure(client.get(`http://${host}:${port}/feed`));
      expect(err.code, host).toBe('blocked_address');
    }
    expect(hits).toHaveLength(0);
    client.close();
  });

  it('fetches and decodes the feed when 127.0.0.1/32 is allowed', async () => {
    const res = await local.get(`${base}/feed`);
    expect(res).toMatchObject({ status: 200, notModified: false, permanentRedirect: null, charset: 'utf-8' });
    expect(res.text).toBe(FEED);
    expect(res.headers.etag).toBe(ETAG);
    expect(res.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(hits).toEqual(['/feed']);
  });

  it('refuses a redirect hop to a private address when only loopback is allowed', async () => {
    const err = await failure(local.get(`${base}/to-private`));
    expect(err.code).toBe('blocked_address');
    const mapped = await failure(local.get(`${base}/to-mapped`));
    expect(mapped.code).toBe('blocked_address');
    const file = await failure(local.get(`${base}/to-file`));
    expect(file.code).toBe('blocked_address');
  });

  it('sends the Telex user agent and accepts compressed bodies by default', async () => {
    const res = await local.get(`${base}/echo`, { accept: 'application/rss+xml' });
    const headers = JSON.parse(res.text) as Record<string, string>;
    expect(headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Telex\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/telex-news\/telex\)$/);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers.accept).toBe('application/rss+xml');
    const custom = createHttpClient({ allow: ['127.0.0.1/32'], userAgent: 'Custom/1' });
    expect(JSON.parse((await custom.get(`${base}/echo`)).text)['user-agent']).toBe('Custom/1');
  });

  it('answers notModified when the validators match (304)', async () => {
    const res = await local.get(`${base}/feed`, { etag: ETAG });
    expect(res).toMatchObject({ status: 304, notModified: true, text: '' });
    expect(res.body.length).toBe(0);
    const byDate = await local.get(`${base}/feed`, { lastModified: LAST_MODIFIED });
    expect(byDate.notModified).toBe(true);
  });

  it('reports the new location when the feed moved permanently (301, 308)', async () => {
    const r301 = await local.get(`${base}/moved301`);
    expect(r301).toMatchObject({ status: 200, url: `${base}/feed`, permanentRedirect: `${base}/feed` });
    const r308 = await local.get(`${base}/moved308`);
    expect(r308.permanentRedirect).toBe(`${base}/feed`);
  });

  it('does not report a permanent move when the chain starts with a temporary redirect', async () => {
    const res = await local.get(`${base}/temp302`);
    expect(res).toMatchObject({ status: 200, url: `${base}/feed`, permanentRedirect: null });
  });

  it('throws permanent http_status on 410 and retryable ones on 500', async () => {
    const gone = await failure(local.get(`${base}/gone`));
    expect(gone).toBeInstanceOf(HttpStatusError);
    expect(gone).toMatchObject({ code: 'http_status', retryable: false, status: 410 });
    const error = await failure(local.get(`${base}/error`));
    expect(error).toMatchObject({ code: 'http_status', retryable: true, status: 500, retryAfterMs: null });
  });

  it('carries Retry-After on 429 and 503', async () => {
    const busy = await failure(local.get(`${base}/busy`));
    expect(busy).toMatchObject({ code: 'http_status', retryable: true, status: 429, retryAfterMs: 120_000 });
    const unavailable = (await failure(local.get(`${base}/unavailable`))) as HttpStatusError;
    expect(unavailable.status).toBe(503);
    expect(unavailable.retryAfterMs).toBeGreaterThan(3_000_000);
    expect(unavailable.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it('cuts a slow-drip server at the deadline', async () => {
    const err = await failure(createHttpClient({ allow: ['127.0.0.1/32'], timeoutMs: 800 }).get(`${base}/drip`));
    expect(err).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('stops an endless body at the byte cap', async () => {
    const err = await failure(local.get(`${base}/endless`, { maxBytes: 1024 * 1024 }));
    expect(err).toMatchObject({ code: 'too_large', retryable: false });
  });

  it('refuses a body whose declared length exceeds the cap', async () => {
    const err = await failure(local.get(`${base}/big-declared`, { maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('too_large');
  });

  it('stops gzip and brotli bombs at the decompressed byte cap', async () => {
    const gz = await failure(local.get(`${base}/gzip-bomb`));
    expect(gz).toMatchObject({ code: 'too_large', retryable: false });
    const br = await failure(local.get(`${base}/br-bomb`, { maxBytes: 5 * 1024 * 1024 }));
    expect(br.code).toBe('too_large');
  });

  it('decompresses gzip, deflate and brotli bodies', async () => {
    for (const path of ['/gzip', '/deflate', '/br']) {
      expect((await local.get(`${base}${path}`)).text).toBe(FEED);
    }
  });

  it('detects a redirect loop', async () => {
    const err = await failure(local.get(`${base}/loop-a`));
    expect(err).toMatchObject({ code: 'redirect_loop', retryable: false });
  });

  it('gives up after five redirects', async () => {
    const err = await failure(local.get(`${base}/chain/0`));
    expect(err).toMatchObject({ code: 'too_many_redirects', retryable: false });
    expect(hits).toHaveLength(6);
  });

  it('returns an HTML page as is, which the feed parser then rejects', async () => {
    const res = await local.get(`${base}/html`);
    expect(res.contentType).toContain('text/html');
    const err = await failure(parseFeed(res.text, res.url));
    expect(err.code).toBe('bad_feed');
    expect(err.message).toMatch(/HTML/);
  });

  it('returns an empty body as is, which the feed parser then rejects', async () => {
    const res = await local.get(`${base}/empty`);
    expect(res.text).toBe('');
    const err = await failure(parseFeed(res.text, res.url));
    expect(err.message).toMatch(/empty/);
  });

  it('decodes the body with the charset from the header', async () => {
    const res = await local.get(`${base}/cp1251`);
    expect(res.charset).toBe('windows-1251');
    expect((await parseFeed(res.text, res.url)).title).toBe('Новости');
  });

  it('checks the address again on every new connection when a name re-resolves elsewhere (DNS rebinding)', async () => {
    const port = (server.address() as AddressInfo).port;
    const answers = ['127.0.0.1', '10.0.0.1'];
    const lookups: string[] = [];
    const client = createHttpClient({
      allow: ['127.0.0.1/32'],
      resolver: async (hostname) => {
        lookups.push(hostname);
        return [{ address: answers[Math.min(lookups.length - 1, answers.length - 1)]!, family: 4 }];
      },
    });
    expect((await client.get(`http://rebind.test:${port}/close`)).text).toBe('bye');
    const err = await failure(client.get(`http://rebind.test:${port}/close`));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('10.0.0.1');
    expect(lookups).toEqual(['rebind.test', 'rebind.test']);
    expect(hits).toEqual(['/close']);
    client.close();
  });

  it('connects only to the allowed addresses when a name resolves to several', async () => {
    const port = (server.address() as AddressInfo).port;
    const client = createHttpClient({
      allow: ['127.0.0.1/32'],
      resolver: async () => [
        { address: '10.1.2.3', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect((await client.get(`http://mixed.test:${port}/feed`)).text).toBe(FEED);
    client.close();
  });

  it('reuses the connection for the next request to the same host', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'] });
    const sockets = new Set<unknown>();
    const onRequest = (req: http.IncomingMessage): void => {
      sockets.add(req.socket);
    };
    server.on('request', onRequest);
    try {
      await client.get(`${base}/feed`);
      await client.get(`${base}/feed`, { etag: ETAG });
      await client.get(`${base}/feed`);
    } finally {
      server.off('request', onRequest);
      client.close();
    }
    expect(hits).toHaveLength(3);
    expect(sockets.size).toBe(1);
  });

  it('gives up at the connect timeout when the server never completes the handshake', async () => {
    // A child process listens with a tiny backlog and then blocks its event loop (without
    // burning CPU), so it never accepts: once the queue is full, new SYNs go unanswered.
    const child = spawn(
      process.execPath,
      ['-e', "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{process.stdout.write(String(s.address().port)+'\\n');Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,20000)})"],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const fillers: net.Socket[] = [];
    try {
      const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      for (let i = 0; i < 4; i++) {
        fillers.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
      }
      await Promise.all(fillers.slice(0, 1).map((f) => new Promise((resolve) => f.once('connect', resolve))));
      const client = createHttpClient({ allow: ['127.0.0.1/32'], connectTimeoutMs: 300, timeoutMs: 10_000 });
      const err = await failure(client.get(`http://127.0.0.1:${port}/`));
      expect(err).toMatchObject({ code: 'timeout', retryable: true });
      expect(err.message).toMatch(/connect timed out/);
      client.close();
    } finally {
      fillers.forEach((f) => f.destroy());
      child.kill();
    }
  });

  it('throws a network error when nothing listens', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const err = await failure(local.get(`http://127.0.0.1:${port}/`));
    expect(err).toMatchObject({ code: 'network', retryable: true });
  });
});

describe('createHttpClient through a proxy', () => {
  let proxy: net.Server;
  let proxyUrl: string;
  let connects: string[] = [];

  beforeAll(async () => {
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      connects.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      if (host !== '127.0.0.1') {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  beforeEach(() => {
    connects = [];
  });

  it('tunnels through the configured proxy when the target is allowed', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'], httpProxy: proxyUrl, httpsProxy: proxyUrl });
    const res = await client.get(`${base}/feed`);
    expect(res.text).toBe(FEED);
    expect(connects).toEqual([`127.0.0.1:${(server.address() as AddressInfo).port}`]);
    expect(hits).toEqual(['/feed']);
  });

  it('refuses before contacting the proxy when the target is blocked', async () => {
    const client = createHttpClient({ httpProxy: proxyUrl, allow: [] });
    const err = await failure(client.get(`${base}/feed`));
    expect(err.code).toBe('blocked_address');
    expect(connects).toHaveLength(0);
    expect(hits).toHaveLength(0);
  });
});
