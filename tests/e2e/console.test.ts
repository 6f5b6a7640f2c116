/**
 * The newsroom console end to end in a real headless chromium: the sample wire
 * on 127.0.0.1, Telex's pipeline and API in this process (temp SQLite, real
 * Redis, unique queue prefix), the console in the browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { startApi } from '../../src/cli/serve.js';
import { type Config, loadEnv, parseFileConfig } from '../../src/config.js';
import { SEED_TITLE, type SampleWire, startSampleWire } from '../../src/demo/sample-wire.js';
import { silentLogger } from '../../src/logger.js';
import { runOnce } from '../../src/pipeline.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import { publishArticleEvent } from '../../src/store/article-events.js';
import { HOSTILE_TITLE, hostileRecord } from '../integration/console/fixtures.js';
import { type Browser, launchBrowser } from './browser.js';

const REPO = resolve(import.meta.dirname, '../..');
// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs write to a scratch folder.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(REPO, 'docs/screenshots') : mkdtempSync(join(tmpdir(), 'telex-shots-'));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const WAIT = { timeout: 45_000 };

let wire: SampleWire;
let rt: Runtime;
let api: { close(): Promise<void>; url: string };
let browser: Browser;
let dir: string;
let prefix: string;
/** Stories the first test's run created or updated. */
let storedByRun = 0;

/** Opens `path` in a new tab that records dialogs and page errors. */
async function open(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${api.url}${path}`);
  return { page, dialogs };
}

beforeAll(async () => {
  browser = await launchBrowser();
  wire = await startSampleWire();
  dir = mkdtempSync(join(tmpdir(), 'telex-e2e-'));
  prefix = `test-${randomUUID().slice(0, 8)}`;
  const env = loadEnv({
    DATABASE_URL: join(dir, 'telex.db'),
    DATA_DIR: join(dir, 'data'),
    QUEUE_PREFIX: prefix,
    REDIS_URL,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  const file = parseFileConfig(
    stringify({
      feeds: wire.feeds.map((f) => ({ id: f.id, url: f.url })),
      fetch: { allow: ['127.0.0.1/32'] },
      topicsFile: join(REPO, 'config/topics.yaml'),
    }),
    'e2e',
  );
  const config: Config = { env, file, configPath: 'e2e' };
  rt = await createRuntime(config, silentLogger(), { redisUrl: REDIS_URL, prefix });
  api = await startApi(rt, []);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await rt?.close();
  await wire?.close();
  const redis = new Redis(REDIS_URL);
  const keys = prefix ? await redis.keys(`${prefix}*`) : [];
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  await redis.quit();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

describe('newsroom console in a browser', () => {
  it('shows the seed story arriving live, finds it by search, shows its topics and places, and marks the broken feed failing', async () => {
    const { page: wirePage } = await open('/');
    expect(new URL(wirePage.url()).pathname).toBe('/console/');
    await wirePage.locator('#wire[data-live="open"]').waitFor({ ...WAIT, state: 'attached' });
    expect(await wirePage.locator('#wire li.story').count()).toBe(0);
    // Survives only if the page is never reloaded.
    await wirePage.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });

    const summary = await runOnce(rt, { timeoutMs: 120_000 });
    expect(summary.stored.created).toBeGreaterThan(0);
    storedByRun = summary.stored.created + summary.stored.updated;

    const seedRow = wirePage.locator('#wire li.story', { hasText: SEED_TITLE });
    await seedRow.waitFor(WAIT);
    expect(await wirePage.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await expect.poll(() => wirePage.locator('#live-status').textContent(), WAIT).toMatch(/new stor/);
    expect(await seedRow.locator('.meta').textContent()).toContain('2002-06-11');

    await wirePage.reload();
    await wirePage.locator('#wire li.story').first().waitFor(WAIT);
    await wirePage.screenshot({ path: join(SCREENSHOTS, 'wire.png'), fullPage: true });

    // Search from the filter form, with the keyboard.
    await wirePage.locator('#f-q').fill('Liu Jianchao');
    await Promise.all([wirePage.waitForURL(/q=Liu\+Jianchao/, WAIT), wirePage.locator('#f-q').press('Enter')]);
    const titles = await wirePage.locator('#wire li.story .headline').allTextContents();
    expect(titles.map((t) => t.trim())).toContain(SEED_TITLE);
    expect(titles).not.toContain('Storm Idris Cuts Power to 40,000 Homes Along the Northern Coast');

    await Promise.all([wirePage.waitForURL(/\/console\/articles\//, WAIT), wirePage.getByRole('link', { name: SEED_TITLE }).click()]);
    await expect.poll(() => wirePage.locator('h1').textContent(), WAIT).toBe(SEED_TITLE);
    const topics = await wirePage.locator('.topics-table tbody th').allTextContents();
    expect(topics.length).toBeGreaterThan(0);
    const topicText = (await wirePage.locator('.topics-table').textContent())?.toLowerCase() ?? '';
    expect(topicText).toMatch(/refugee|diplomacy|asylum/);
    const places = (await wirePage.locator('section.entities', { has: wirePage.locator('#ent-places') }).locator('li a').allTextContents()).map((p) => p.trim());
    expect(places).toEqual(expect.arrayContaining(['Beijing', 'Seoul']));
    const people = await wirePage.locator('section.entities', { has: wirePage.locator('#ent-people') }).textContent();
    expect(people).toContain('Liu Jianchao');
    await wirePage.screenshot({ path: join(SCREENSHOTS, 'story.png'), fullPage: true });

    const { page: feedsPage } = await open('/console/feeds');
    const broken = feedsPage.locator('tr[data-feed="courier-broken"]');
    expect(await broken.getAttribute('data-health')).toBe('failing');
    expect(await broken.locator('.health').textContent()).toBe('Failing');
    expect(await feedsPage.locator('section.alert').textContent()).toContain('courier-broken');
    // Failing feeds come first.
    expect(await feedsPage.locator('tbody tr[data-feed]').first().getAttribute('data-feed')).toBe('courier-broken');
    expect(await feedsPage.locator('tr[data-feed="courier-world"]').getAttribute('data-health')).toBe('ok');
    expect(Number(await feedsPage.locator('tr[data-feed="courier-world"] td.recent').textContent())).toBeGreaterThan(0);
    await feedsPage.screenshot({ path: join(SCREENSHOTS, 'feeds.png'), fullPage: true });
    await feedsPage.close();
    await wirePage.close();
  }, 180_000);

  it('renders script, onerror and javascript: payloads as text, stored or arriving live, and runs nothing', async () => {
    const { page, dialogs } = await open('/console/');
    await page.locator('#wire[data-live="open"]').waitFor({ ...WAIT, state: 'attached' });

    // Arrives live through the stream, built by the console script.
    const live = hostileRecord('live');
    const { record: stored } = await rt.store.upsertArticle(live);
    await publishArticleEvent(rt.producerRedis, rt.eventsStreamKey, stored, 'created');
    const liveRow = page.locator(`#wire li.story[data-id="${live.id}"]`);
    await liveRow.waitFor(WAIT);
    expect((await liveRow.locator('.headline').textContent())?.trim()).toBe(HOSTILE_TITLE);

    // Server-rendered: the wire and the story page.
    await page.reload();
    const row = page.locator(`#wire li.story[data-id="${live.id}"]`);
    await row.waitFor(WAIT);
    expect((await row.locator('.headline').textContent())?.trim()).toBe(HOSTILE_TITLE);
    await Promise.all([page.waitForURL(/\/console\/articles\//, WAIT), row.locator('.headline a').click()]);
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe(HOSTILE_TITLE);
    expect(await page.locator('.body').textContent()).toContain("<script>window.__pwned='text'</script>");
    expect(await page.locator('.byline').textContent()).toContain('<iframe');

    // Nothing ran, nothing became markup, no javascript: link exists.
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
      hostileElements: document.querySelectorAll('main img, main iframe, main svg, main b').length,
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    }));
    expect(state).toEqual({ pwned: undefined, scripts: [], hostileElements: 0, jsLinks: 0 });
    expect(dialogs).toEqual([]);

    // The Content-Security-Policy refuses inline script even if some got in.
    const inline = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true;';
      document.body.append(s);
      return (window as unknown as { __inline?: boolean }).__inline ?? false;
    });
    expect(inline).toBe(false);
    await page.close();
  }, 120_000);

  it('draws the pipeline page charts from the run, live, with no CSP violation, and shows a story update as a word diff', async () => {
    expect(storedByRun).toBeGreaterThan(0);
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) {
        violations.push(m.text());
      }
    });
    page.on('pageerror', (err) => violations.push(`page error: ${err.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    // The page's timers run on a clock the test moves: its next refresh comes when the test says.
    await page.clock.install();
    await page.goto(`${api.url}/console/pipeline`);
    await page.locator('#pipeline[data-live="open"]').waitFor({ ...WAIT, state: 'attached' });

    // What the run stored, per feed, as the store's item outcomes say.
    const outcomes = (await rt.store.listItemOutcomes({ status: 'stored', limit: 10_000 })).filter(
      (o) => o.stage === 'enrich' && (o.reason === 'created' || o.reason === 'updated'),
    );
    expect(outcomes.length).toBe(storedByRun);
    const perFeed = new Map<string, number>();
    for (const o of outcomes) {
      perFeed.set(o.feedId, (perFeed.get(o.feedId) ?? 0) + 1);
    }
    const legend = async (chart: string) => (await page.locator(`#${chart} .u-legend .u-series .u-label`).allTextContents()).map((t) => t.trim());
    expect(await legend('chart-stored')).toEqual([
      `All feeds (${storedByRun})`,
      ...[...perFeed.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f} (${n})`),
    ]);
    expect(await page.locator('#chart-stored').getAttribute('data-sum')).toBe(String(storedByRun));
    expect(await legend('chart-latency')).toEqual([expect.stringMatching(/^p50 \(\d/), expect.stringMatching(/^p95 \(\d/)]);
    expect((await legend('chart-queues')).map((l) => l.replace(/ \(\d+\)$/, ''))).toEqual(expect.arrayContaining(['poll-feed', 'extract-article', 'enrich-article']));
    expect(await legend('chart-failures')).toEqual([expect.stringMatching(/^fetch \(/), expect.stringMatching(/^extract \(/), expect.stringMatching(/^enrich \(/)]);

    // The total's line is drawn: pixels of its colour (#0b57d0) on the stored chart's canvas.
    const linePixels = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#chart-stored canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) {
        return -1;
      }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - 11) < 40 && Math.abs(data[i + 1]! - 87) < 40 && Math.abs(data[i + 2]! - 208) < 40 && data[i + 3]! > 128) {
          n++;
        }
      }
      return n;
    });
    expect(linePixels).toBeGreaterThan(10);

    // Live: a story stored now shows up in the next refresh, without a reload.
    await page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });
    const extra = await rt.store.upsertArticle(hostileRecord('pipeline-live'));
    await rt.store.recordItemOutcome({ feedId: 'live-feed', url: extra.record.url, stage: 'enrich', status: 'stored', reason: 'created', articleId: extra.record.id, at: new Date().toISOString() });
    // The page refreshes every 10 s (POLL_MS in pipeline.js): move its clock on to the next refresh.
    await page.clock.fastForward(10_000);
    await expect.poll(() => page.locator('#chart-stored').getAttribute('data-sum'), { timeout: 30_000, interval: 500 }).toBe(String(storedByRun + 1));
    expect(await legend('chart-stored')).toContain('live-feed (1)');
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'pipeline.png'), fullPage: true });

    // A write-through of the seed story: the story page shows both versions and what changed.
    const seed = (await rt.store.listArticles({ q: 'Liu Jianchao' })).items.find((a) => a.title === SEED_TITLE);
    expect(seed).toBeDefined();
    const rewritten = seed!.text.replace(/^(.*?)\./, '$1, a foreign ministry spokesman confirmed on Tuesday.');
    expect(rewritten).not.toBe(seed!.text);
    await rt.store.upsertArticle({ ...seed!, text: rewritten, contentHash: `${seed!.contentHash}-2` });
    await page.goto(`${api.url}/console/articles/${seed!.id}`);
    expect(await page.locator('.versions-table tbody tr').count()).toBe(2);
    expect((await page.locator('.versions-table tbody tr').nth(1).locator('.change').textContent())?.trim()).toBe('substantive');
    expect(await page.locator('.diff-text ins').allTextContents()).toEqual([expect.stringContaining('foreign ministry spokesman confirmed on Tuesday')]);
    await page.locator('section.versions').screenshot({ path: join(SCREENSHOTS, 'versions.png') });
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);
});
