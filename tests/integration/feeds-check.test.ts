/**
 * `telex feeds check <url|file>`: the real command, on a file and on a URL served by a
 * loopback server that the test config lets through the SSRF guard (fetch.allow).
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers/cli.js';

const FEED = `<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Caf\u00e9 wire</title><link>https://news.example.test/</link>
<atom:link rel="hub" href="https://hub.example.test/"/><atom:link rel="self" href="https://news.example.test/feed.xml"/>
<item><title>First</title><link>/stories/1</link><guid>s-1</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<description>&lt;p&gt;Body &lt;a href="/x"&gt;link&lt;/a&gt;&lt;/p&gt;</description><dc:creator>Ana Ruiz</dc:creator></item>
<item><title>Second &amp; last</title><link>https://news.example.test/stories/2</link><guid>s-1</guid><pubDate>sometime soon</pubDate></item>
</channel></rss`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(iconv.encode(FEED, 'latin1'));
    } else if (req.url === '/linked.xml') {
      // WebSub discovery by HTTP Link header (takes precedence over the document's links).
      res.writeHead(200, { 'content-type': 'application/rss+xml', link: '<https://push.example.test/hub>; rel="hub", </linked.xml>; rel="self"' });
      res.end(iconv.encode(FEED, 'latin1'));
    } else if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('nothing here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Report = {
  ok: boolean;
  version: string;
  charset: { name: string; source: string; why: string };
  title: string;
  hub: string | null;
  self: string | null;
  itemCount: number;
  items: Array<{ title: string; link: string | null; guid: string; publishedAt: string | null; contentChars: number; author: string | null }>;
  warnings: string[];
  error?: { code: string; message: string };
};

describe('telex feeds check', () => {
  it('reports format, charset and why, hub, items and every warning for a URL on the allowlisted loopback server', async () => {
    const s = scratch([]);
    try {
      const r = await runCli(['feeds', 'check', `${base}/feed.xml`, '--json', '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report).toMatchObject({ ok: true, version: 'RSS 2.0', title: 'Café wire', hub: 'https://hub.example.test/', self: 'https://news.example.test/feed.xml', itemCount: 2 });
      expect(report.charset).toMatchObject({ name: 'windows-1252', source: 'document' });
      expect(report.charset.why).toMatch(/declares iso-8859-1/);
      expect(report.items[0]).toMatchObject({ title: 'First', link: `${base}/stories/1`, guid: 's-1', publishedAt: '2003-06-10T04:00:00.000Z', author: 'Ana Ruiz' });
      expect(report.items[0]?.contentChars).toBeGreaterThan(10);
      expect(report.items[1]).toMatchObject({ title: 'Second & last', publishedAt: null });
      const warnings = report.warnings.join('\n');
      expect(warnings).toMatch(/truncated/);
      expect(warnings).toMatch(/item 2: unreadable date "sometime soon"/);
      expect(warnings).toMatch(/item 2: duplicate guid "s-1"/);
      expect(warnings).toMatch(/item 1: 1 relative link in content resolved/);

      const text = await runCli(['feeds', 'check', `${base}/feed.xml`, '--config', s.configPath], s.env);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^format\s+RSS 2\.0$/m);
      expect(text.stdout).toMatch(/^charset\s+windows-1252: /m);
      expect(text.stdout).toMatch(/^hub\s+https:\/\/hub\.example\.test\/$/m);
      expect(text.stdout).toMatch(/^items\s+2$/m);
      expect(text.stdout).toMatch(/guid\s+s-1/);
      expect(text.stdout).toMatch(/^warnings\s+\d+$/m);
    } finally {
      s.cleanup();
    }
  }, 60_000);

  it('reports the hub and self URL of the HTTP Link header before those in the document', async () => {
    const s = scratch([]);
    try {
      const r = await runCli(['feeds', 'check', `${base}/linked.xml`, '--json', '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ hub: 'https://push.example.test/hub', self: `${base}/linked.xml` });
    } finally {
      s.cleanup();
    }
  }, 60_000);

  it('reads a file, resolving relative links against --url', async () => {
    const s = scratch([]);
    try {
      const file = join(s.dir, 'feed.xml');
      writeFileSync(file, iconv.encode(FEED, 'latin1'));
      const r = await runCli(['feeds', 'check', file, '--json', '--url', 'https://news.example.test/feed.xml', '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.title).toBe('Café wire');
      expect(report.items.map((i) => i.link)).toEqual(['https://news.example.test/stories/1', 'https://news.example.test/stories/2']);
    } finally {
      s.cleanup();
    }
  }, 60_000);

  it('exits non-zero with the reason when the source is not a readable feed', async () => {
    const s = scratch([]);
    try {
      const page = await runCli(['feeds', 'check', `${base}/page.html`, '--config', s.configPath], s.env);
      expect(page.code).toBe(1);
      expect(page.stderr).toMatch(/bad_feed: not a feed: the document is an HTML page/);

      const missing = await runCli(['feeds', 'check', `${base}/gone.xml`, '--json', '--config', s.configPath], s.env);
      expect(missing.code).toBe(1);
      expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'http_status' } });
      expect(missing.stderr).toMatch(/404/);

      const nofile = await runCli(['feeds', 'check', join(s.dir, 'nope.xml'), '--config', s.configPath], s.env);
      expect(nofile.code).toBe(1);
      expect(nofile.stderr).toMatch(/ENOENT/);
    } finally {
      s.cleanup();
    }
  }, 60_000);

  it('refuses the loopback server when the config does not allow it (the SSRF guard stays on)', async () => {
    const s = scratch([], { fetch: { allow: [] } });
    try {
      const r = await runCli(['feeds', 'check', `${base}/feed.xml`, '--config', s.configPath], s.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cannot read .*(blocked|not allowed|private|loopback)/i);
    } finally {
      s.cleanup();
    }
  }, 60_000);
});
