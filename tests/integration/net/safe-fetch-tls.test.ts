import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/net/safe-fetch.js';

const BODY = '<rss version="2.0"><channel><title>TLS wire</title></channel></rss>';

let dir: string;
let cert: Buffer;
let server: https.Server;
let port: number;
let hits: string[] = [];
let servernames: Array<string | false> = [];

let proxy: http.Server;
let proxyUrl: string;
let connects: string[] = [];
const tunnelSockets = new Set<net.Socket>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telex-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=secure.test',
    '-addext', 'subjectAltName=DNS:secure.test,IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  cert = readFileSync(join(dir, 'cert.pem'));
  server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    hits.push(req.url ?? '');
    servernames.push((req.socket as unknown as { servername: string | false }).servername);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    connects.push(req.url ?? '');
    tunnelSockets.add(socket);
    const [host, p] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(p), host, () => {
      tunnelSockets.add(upstream);
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    // Keep reading the client side after the upstream is gone, so its close is seen.
    upstream.on('close', () => socket.resume());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  tunnelSockets.forEach((s) => s.destroy());
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  hits = [];
  servernames = [];
  connects = [];
});

async function failure(p: Promise<unknown>): Promise<PipelineError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PipelineError);
  return err as PipelineError;
}

describe('createHttpClient over TLS', () => {
  it('fetches over https when the address is allowed and the CA is trusted', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'], ca: cert });
    const res = await client.get(`https://127.0.0.1:${port}/feed`);
    expect(res.text).toBe(BODY);
    expect(hits).toEqual(['/feed']);
    client.close();
  });

  it('sends the host name as SNI when the name is resolved by the guard', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'], ca: cert, resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    const res = await client.get(`https://secure.test:${port}/feed`);
    expect(res.text).toBe(BODY);
    expect(servernames).toEqual(['secure.test']);
    client.close();
  });

  it('refuses https to loopback and sends nothing when the default policy applies', async () => {
    const client = createHttpClient({ ca: cert, resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    const err = await failure(client.get(`https://secure.test:${port}/feed`));
    expect(err.code).toBe('blocked_address');
    expect(hits).toHaveLength(0);
    client.close();
  });

  it('fails with a network error when the certificate is not trusted', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'] });
    const err = await failure(client.get(`https://127.0.0.1:${port}/feed`));
    expect(err.code).toBe('network');
    expect(hits).toHaveLength(0);
    client.close();
  });

  it('tunnels https through the proxy to the address the guard resolved', async () => {
    const client = createHttpClient({
      allow: ['127.0.0.1/32'],
      ca: cert,
      httpsProxy: proxyUrl,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const res = await client.get(`https://secure.test:${port}/feed`);
    expect(res.text).toBe(BODY);
    expect(connects).toEqual([`127.0.0.1:${port}`]);
    expect(servernames).toEqual(['secure.test']);
    client.close();
  });

  it('checks the certificate against an IP literal and closes the tunnel when tunnelling to an address', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'], ca: cert, httpsProxy: proxyUrl });
    const before = new Set(tunnelSockets);
    const res = await client.get(`https://127.0.0.1:${port}/feed`);
    expect(res.text).toBe(BODY);
    expect(connects).toEqual([`127.0.0.1:${port}`]);
    const mine = [...tunnelSockets].filter((s) => !before.has(s) && s.remotePort !== port);
    expect(mine.length).toBeGreaterThan(0);
    // The client must not leave the tunnel open once the answer is read.
    await Promise.all(mine.map((s) => (s.destroyed ? undefined : new Promise((resolve) => s.once('close', resolve)))));
    client.close();
  });

  it('bypasses the proxy for hosts listed in noProxy', async () => {
    const client = createHttpClient({ allow: ['127.0.0.1/32'], ca: cert, httpsProxy: proxyUrl, noProxy: ['127.0.0.1'] });
    expect((await client.get(`https://127.0.0.1:${port}/feed`)).text).toBe(BODY);
    expect(connects).toHaveLength(0);
    client.close();
  });
});
