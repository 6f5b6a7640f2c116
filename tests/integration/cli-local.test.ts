import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, scratch } from '../helpers/cli.js';
import { readabilityMetadata, readabilityPage } from '../helpers/corpora.js';

const TMP = mkdtempSync(join(tmpdir(), 'telex-cli-'));
const BBC_PAGE = join(TMP, 'bbc-1.html');
writeFileSync(BBC_PAGE, readabilityPage('bbc-1'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const SEED = join(REPO, 'tests/fixtures/pages/voa-2002-06-11.html');

describe('telex extract and telex process', () => {
  it('prints just the story of a real news page with its title and date, without Redis', async () => {
    const r = await runCli(['extract', BBC_PAGE, '--url', 'https://www.bbc.co.uk/news/world-us-canada-33646013'], {
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout);
    const meta = readabilityMetadata('bbc-1');
    expect(article.title).toBe(meta.title);
    expect(article.publishedAt).toBe('2015-07-24T05:36:09+01:00');
    expect(article.text).toMatch(/^President Barack Obama has admitted/);
    expect(article.text).toContain('Mr Obama will become the first US president to address the African Union');
    expect(article.text).not.toMatch(/Share this page|Related Topics|More on this story/);
    expect(article.canonicalUrl).toBe('http://www.bbc.com/news/world-us-canada-33646704');
  });

  it('prints the enriched record of the seed page', async () => {
    const r = await runCli(['process', SEED, '--url', 'https://www.voanews.test/a/refugees/2002-06-11.html'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
    expect(record.id).toMatch(/^[0-9a-f]{32}$/);
    expect(record.version).toBe(1);
    expect(record.topics.map((t: { code: string }) => t.code)).toContain('medtop:20000645');
    expect(record.entities.people.map((p: { name: string }) => p.name)).toContain('Liu Jianchao');
  });

  it('exits 1 with a clear message when the file does not exist', async () => {
    const r = await runCli(['extract', join(REPO, 'no-such-page.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-page\.html/);
  });
});

describe('telex extract on a frameset page from the web', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    const seed = readFileSync(SEED, 'utf8');
    server = createServer((req, res) => {
      hits.push(req.url ?? '/');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/story.html' ? '<html><head><title>VOA</title></head><frameset cols="160,*"><frame src="/menu.html"><frame src="/body.html"></frameset></html>' : seed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads the story from the main frame, through the allowlisted loopback server, and says so', async () => {
    const s = scratch([]);
    try {
      const r = await runCli(['extract', `${base}/story.html`, '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      const article = JSON.parse(r.stdout);
      expect(article.text).toContain('Liu Jianchao');
      expect(article.canonicalUrl).toBe(`${base}/story.html`);
      expect(article.extraction.warnings).toContain(`frameset page: the story was read from its frame ${base}/body.html`);
      expect(hits).toEqual(['/story.html', '/body.html']);
    } finally {
      s.cleanup();
    }
  });
});
