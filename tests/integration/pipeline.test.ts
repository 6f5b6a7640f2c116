import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_TITLE } from '../../src/demo/sample-wire.js';
import { openStore } from '../../src/store/index.js';
import { runCli, scratch, useSampleWire } from '../helpers/cli.js';
import { ninjsValidator } from '../helpers/ninjs-validator.js';

const ctx = useSampleWire();

describe('telex run --once', () => {
  it('stores every expected article once, reports the broken feed and the dead link', async () => {
    const first = await runCli(['run', '--once', '--config', ctx.s.configPath], ctx.s.env);
    expect(first.stderr).not.toMatch(/TypeError|ReferenceError/);
    expect(first.code).toBe(0);

    const expectedStored = ctx.wire.articles.filter((a) => a.expect !== 'failed');
    const failed = ctx.wire.articles.filter((a) => a.expect === 'failed');
    expect(first.stdout).toMatch(new RegExp(`stored: ${expectedStored.length} new`));
    expect(first.stdout).toMatch(/courier-broken\s+FAILED/);
    for (const a of failed) {
      expect(first.stdout).toContain(a.url);
    }
    expect(first.stdout).toMatch(/404/);

    const store = await openStore(ctx.s.env.DATABASE_URL);
    try {
      const page = await store.listArticles({ limit: 100 });
      expect(page.items).toHaveLength(expectedStored.length);
      expect(new Set(page.items.map((a) => a.id)).size).toBe(expectedStored.length);
      const seed = page.items.find((a) => a.title === SEED_TITLE);
      expect(seed?.publishedAt?.startsWith('2002-06-11')).toBe(true);
      expect(seed?.extraction.method).toBe('readability');
      const fallback = ctx.wire.articles.find((a) => a.expect === 'fallback');
      const stored = page.items.find((a) => a.url === fallback?.url);
      expect(stored?.extraction.method).toBe('feed-content');

      const outcomes = await store.listItemOutcomes({ status: 'failed' });
      for (const a of failed) {
        const o = outcomes.find((x) => x.url === a.url);
        expect(o?.reason).toMatch(/404/);
      }
      const broken = await store.getFeed('courier-broken');
      expect(broken?.consecutiveFailures).toBe(1);
      expect(broken?.lastError?.code).toBe('bad_feed');
    } finally {
      await store.close();
    }

    const second = await runCli(['run', '--once', '--config', ctx.s.configPath], ctx.s.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/new items: 0/);
    expect(second.stdout).toMatch(/stored: 0 new/);
    const again = await openStore(ctx.s.env.DATABASE_URL);
    try {
      expect(await again.countArticles()).toBe(expectedStored.length);
    } finally {
      await again.close();
    }

    const list = await runCli(['feeds', 'list', '--config', ctx.s.configPath], ctx.s.env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/courier-broken\s+FAILING/);

    const status = await runCli(['status', '--json', '--config', ctx.s.configPath], ctx.s.env);
    expect(status.code).toBe(0);
    const st = JSON.parse(status.stdout);
    expect(st.store.articles).toBe(expectedStored.length);
    expect(st.feeds.find((f: { id: string }) => f.id === 'courier-broken').health).toBe('failing');
    expect(Object.keys(st.queues).sort()).toEqual(['enrich', 'extract', 'poll']);
  }, 240_000);

  it('exports what was stored as JSON lines and as valid ninjs, filtered by topic tree and full text', async () => {
    const expectedStored = ctx.wire.articles.filter((a) => a.expect !== 'failed');
    const jsonl = await runCli(['articles', '--format', 'jsonl', '--config', ctx.s.configPath], ctx.s.env);
    expect(jsonl.code).toBe(0);
    const records = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(expectedStored.length);

    const ninjs = await runCli(['articles', '--format', 'ninjs', '--limit', '3', '--config', ctx.s.configPath], ctx.s.env);
    const docs = ninjs.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(3);
    const validate = ninjsValidator();
    for (const d of docs) {
      expect(validate(d)).toEqual([]);
    }

    // "politics" (top level) finds the seed story through its deeper topics.
    const politics = await runCli(['articles', '--format', 'json', '--topic', 'medtop:11000000', '--config', ctx.s.configPath], ctx.s.env);
    const titles = JSON.parse(politics.stdout).map((r: { title: string }) => r.title);
    expect(titles).toContain(SEED_TITLE);
    expect(titles).not.toContain('Riverside United Win Cup Final With Stoppage-Time Penalty');

    const q = await runCli(['articles', '--q', 'Liu Jianchao', '--config', ctx.s.configPath], ctx.s.env);
    expect(JSON.parse(q.stdout).map((r: { title: string }) => r.title)).toEqual([SEED_TITLE]);
  }, 120_000);
});

describe('telex command', () => {
  it('exits non-zero listing every problem when config and env are invalid', async () => {
    const bad = scratch([]);
    try {
      writeFileSync(bad.configPath, 'feeds:\n  - id: "has space"\n    url: not-a-url\n');
      const r = await runCli(['run', '--once', '--config', bad.configPath], { ...bad.env, PORT: 'eighty' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/PORT/);
      expect(r.stderr).toMatch(/feeds\[0\]\.id|feeds\.0\.id|id/);
      expect(r.stderr).toMatch(/url/);
    } finally {
      bad.cleanup();
    }
  });

  it('exits non-zero saying so when Redis is unreachable', async () => {
    const r = await runCli(['run', '--once', '--config', ctx.s.configPath], { ...ctx.s.env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Redis/);
  });

  it('adds a feed and lists it', async () => {
    const t = scratch([]);
    try {
      const add = await runCli(['feeds', 'add', 'http://127.0.0.1:9/feed.xml', '--no-discover', '--id', 'local', '--interval', '5m', '--config', t.configPath], t.env);
      expect(add.code).toBe(0);
      const list = await runCli(['feeds', 'list', '--config', t.configPath], t.env);
      expect(list.stdout).toMatch(/local\s+never polled/);
    } finally {
      t.cleanup();
    }
  });

  it('discovers the feed a page advertises, and round-trips feeds through OPML', async () => {
    const rss = ctx.wire.feeds.find((f) => f.format === 'rss');
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><head><title>Courier</title><link rel="alternate" type="application/rss+xml" title="World" href="${rss?.url}"></head><body><p>Hello</p></body></html>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const t = scratch([]);
    try {
      const add = await runCli(['feeds', 'add', `http://127.0.0.1:${port}/`, '--config', t.configPath], t.env);
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
      expect(add.stdout).toContain(`discovered feed ${rss?.url}`);
      const exported = await runCli(['feeds', 'export', '--config', t.configPath], t.env);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/<opml version="2.0">/);
      expect(exported.stdout).toContain(`xmlUrl="${rss?.url}"`);

      const other = scratch([]);
      try {
        const opmlPath = join(other.dir, 'feeds.opml');
        writeFileSync(opmlPath, exported.stdout);
        const imported = await runCli(['feeds', 'import', opmlPath, '--config', other.configPath], other.env);
        expect(imported.stdout).toMatch(/imported 1 feeds/);
        const list = await runCli(['feeds', 'list', '--config', other.configPath], other.env);
        expect(list.stdout).toContain(rss?.url ?? 'missing');
      } finally {
        other.cleanup();
      }
    } finally {
      t.cleanup();
      server.close();
    }
  });
});
