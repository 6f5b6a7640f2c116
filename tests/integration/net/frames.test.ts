/**
 * Frameset pages through the real HTTP client (SSRF guard letting only 127.0.0.1 through by
 * policy) against a local server that records every hit: the story is read from the main
 * frame, and a frame outside the policy is refused before any connection.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExtractedArticle } from '../../../src/queues/contracts.js';
import { createHttpClient, type SafeHttpClient } from '../../../src/net/safe-fetch.js';
import { extractArticle } from '../../../src/workers/extractor/extract-article.js';
import { handleExtract, type ExtractDeps } from '../../../src/workers/extractor/handler.js';

const story = readFileSync(new URL('../../fixtures/pages/voa-2002-06-11.html', import.meta.url), 'utf8');
const feedContent = `<p>${'The council voted on the harbour plan after a long debate about costs and jobs. '.repeat(8)}</p>`;

let server: Server;
let base: string;
let port: number;
const hits: string[] = [];

const framesetOf = (main: string) =>
  `<html><head><title>VOA News</title></head><frameset rows="90,*"><frame src="/banner.html" name="top">` +
  `<frameset cols="180,*"><frame src="/menu.html"><frame src="${main}"></frameset></frameset></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const body = path.startsWith('/story-') ? framesetOf(path === '/story-off.html' ? `http://127.0.0.2:${port}/body.html` : '/body.html') : path === '/body.html' ? story : '<html><body><p>Menu</p></body></html>';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let http: SafeHttpClient;
beforeEach(() => {
  hits.length = 0;
  http = createHttpClient({ allow: ['127.0.0.1/32'] });
});
afterEach(() => http.close());

const deps = (): ExtractDeps => ({ http, extract: async (html, url) => extractArticle(html, url), now: () => new Date('2026-01-02T03:04:05.000Z') });

describe('frameset pages', () => {
  it('reads the story from the main frame of a nested frameset, fetching nothing else', async () => {
    const result = await handleExtract({ feedId: 'voa', url: `${base}/story-1.html`, title: 'from feed' }, deps());
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.text).toContain('Liu Jianchao');
    expect(payload.canonicalUrl).toBe(`${base}/story-1.html`);
    expect(payload.extraction.warnings).toContain(`frameset page: the story was read from its frame ${base}/body.html`);
    expect(hits).toEqual(['/story-1.html', '/body.html']);
  });

  it('refuses a frame outside the address policy without connecting, and falls back to the feed', async () => {
    const result = await handleExtract({ feedId: 'voa', url: `${base}/story-off.html`, title: 'Harbour plan', content: feedContent }, deps());
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.extraction.method).toBe('feed-content');
    expect(payload.extraction.warnings.join(' ')).toMatch(/frame http:\/\/127\.0\.0\.2:\d+\/body\.html \(blocked_address/);
    expect(hits).toEqual(['/story-off.html']);
  });
});
