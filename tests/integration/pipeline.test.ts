import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SEED_TITLE } from '../../src/demo/sample-wire.js';
import { openStore } from '../../src/store/index.js';
import type { ArticleRecord } from '../../src/store/types.js';
import { runCli, scratch, useSampleWire } from '../helpers/cli.js';
import { ninjsValidator } from '../helpers/ninjs-validator.js';
import { wireCopy } from '../helpers/wire-copies.js';

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
    expect(Object.keys(st.queues).sort()).toEqual(['deliver', 'enrich', 'extract', 'poll']);
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

/**
 * A local wire with two pairs of wire copies (stories 3 and 11 of the
 * development set, each through two feeds, lightly edited) and one story of its
 * own, served on 127.0.0.1.
 */
async function startCopiesWire(): Promise<{ base: string; close: () => Promise<void>; feeds: Array<{ id: string; url: string }> }> {
  const pages = new Map<string, string>();
  const feeds = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://wire.invalid').pathname;
    const feed = feeds.get(path);
    const page = pages.get(path);
    if (feed !== undefined) {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(feed);
    } else if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const wires: Array<{ id: string; items: Array<[story: number, copy: number]> }> = [
    { id: 'wire-a', items: [[3, 0], [11, 0], [40, 0]] },
    { id: 'wire-b', items: [[3, 1], [11, 1]] },
  ];
  for (const w of wires) {
    const items = w.items.map(([story, n]) => {
      const c = wireCopy(story, n);
      const path = `/${w.id}/story-${story}`;
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><title>${esc(c.title)}</title></head><body><nav><a href="/">Home</a></nav>` +
          `<article><h1>${esc(c.title)}</h1>${c.text.split('\n\n').map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`,
      );
      return `<item><title>${esc(c.title)}</title><link>${base}${path}</link><guid>${base}${path}</guid><pubDate>${new Date(c.publishedAt ?? 0).toUTCString()}</pubDate></item>`;
    });
    feeds.set(
      `/${w.id}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${w.id}</title><link>${base}/</link><description>copies</description>${items.join('')}</channel></rss>`,
    );
  }
  return {
    base,
    feeds: wires.map((w) => ({ id: w.id, url: `${base}/${w.id}.xml` })),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe.each(['sqlite', 'postgres'] as const)('telex run --once with wire copies (%s)', (backend) => {
  it('stores every copy once and puts each pair of copies in one cluster named after its first stored copy', async () => {
    const wire = await startCopiesWire();
    const t = scratch(wire.feeds);
    const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const databaseUrl = backend === 'postgres' ? `${PG_URL}?schema=${schema}` : t.env.DATABASE_URL;
    const env = { ...t.env, DATABASE_URL: databaseUrl };
    try {
      const run = await runCli(['run', '--once', '--config', t.configPath], env);
      expect(run.stderr).not.toMatch(/TypeError|ReferenceError/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/stored: 5 new/);
      const store = await openStore(databaseUrl);
      try {
        const all = (await store.listArticles({ limit: 100 })).items;
        expect(all).toHaveLength(5);
        for (const story of [3, 11]) {
          const pair = all.filter((a) => a.url.endsWith(`/story-${story}`));
          expect(pair).toHaveLength(2);
          const [a, b] = pair as [ArticleRecord, ArticleRecord];
          expect(a.clusterId).toBe(b.clusterId);
          const first = a.clusterId === a.id ? a : b;
          const second = first === a ? b : a;
          expect(first.clusterId).toBe(first.id);
          expect(first.duplicateOf).toBeNull();
          expect(second.duplicateOf).toBe(first.id);
          expect(String(first.storedAt) <= String(second.storedAt)).toBe(true);
        }
        const alone = all.find((a) => a.url.endsWith('/story-40'));
        expect(alone?.clusterId).toBe(alone?.id);
        expect(alone?.duplicateOf).toBeNull();
        expect(new Set(all.map((a) => a.clusterId)).size).toBe(3);
      } finally {
        await store.close();
      }
    } finally {
      const redis = new Redis(t.env.REDIS_URL);
      const keys = await redis.keys(`${t.env.QUEUE_PREFIX}*`);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      await redis.quit();
      if (backend === 'postgres') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      }
      await wire.close();
      t.cleanup();
    }
  }, 240_000);
});
