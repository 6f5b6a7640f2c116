/** The console's story versions and pipeline page, server-rendered, over a real API server on 127.0.0.1. */
import { Queue } from 'bullmq';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/api/console/plugin.js';
import { makeRecord } from '../../helpers/records.js';
import { type ConsoleServer, REDIS_URL, startConsoleServer } from './server.js';

let s: ConsoleServer;
let queue: Queue | undefined;

async function page(path: string): Promise<{ res: Response; d: Document }> {
  const res = await s.fetch(path);
  return { res, d: new JSDOM(await res.text()).window.document };
}

afterEach(async () => {
  await s?.close();
  await queue?.obliterate({ force: true });
  await queue?.close();
  queue = undefined;
});

describe('story page versions', () => {
  const V1 = { title: 'Ferry strike halts crossings', text: 'Crews walked out at dawn.\n\nTalks resume on Friday.' };
  const V2 = { title: 'Ferry strike halts crossings.', text: 'Crews walked out at dawn!\n\nTalks resume on Friday.' };
  const V3 = { title: 'Ferry strike halts all crossings', text: 'Crews walked out at dawn.\n\nTalks resume on Monday <script>window.x=1</script>.' };

  it('lists each version with its kind of change, and shows the words added and removed between any two', async () => {
    s = await startConsoleServer();
    for (const v of [V1, V2, V3]) {
      await s.store.upsertArticle(makeRecord({ slug: 'ferry', ...v }));
    }
    const id = makeRecord({ slug: 'ferry' }).id;

    const latest = await page(`/console/articles/${id}`);
    expect(latest.res.status).toBe(200);
    const rows = [...latest.d.querySelectorAll('.versions-table tbody tr')].map((r) => [
      r.getAttribute('data-version'),
      r.querySelector('.change')?.textContent,
      r.querySelector('td:nth-child(4)')?.textContent,
    ]);
    expect(rows).toEqual([
      ['1', 'first', V1.title],
      ['2', 'cosmetic', V2.title],
      ['3', 'substantive', V3.title],
    ]);
    // By default: the newest change.
    const changes = latest.d.querySelector('#changes');
    expect([changes?.getAttribute('data-from'), changes?.getAttribute('data-to')]).toEqual(['2', '3']);
    expect([...latest.d.querySelectorAll('.diff-title ins')].map((e) => e.textContent)).toEqual(['all ']);
    expect([...latest.d.querySelectorAll('.diff-title del')].map((e) => e.textContent)).toEqual(['.']);

    const picked = await page(`/console/articles/${id}?from=1&to=3`);
    const text = picked.d.querySelector('.diff-text');
    expect([...(text?.querySelectorAll('del') ?? [])].map((e) => e.textContent)).toEqual(['Friday']);
    expect([...(text?.querySelectorAll('ins') ?? [])].map((e) => e.textContent?.trim())).toEqual(['Monday <script>window.x=1</script>']);
    // Story text in a diff is text, never markup.
    expect(picked.d.querySelectorAll('main script')).toHaveLength(0);
    expect(picked.d.querySelector('.diff-key')?.textContent).toMatch(/7 words added, 1 removed/);
    expect(picked.d.querySelector<HTMLSelectElement>('#diff-from')?.value).toBe('1');

    // A version not kept falls back to the newest change.
    const fallback = await page(`/console/articles/${id}?from=1&to=99`);
    expect(fallback.d.querySelector('#changes')?.getAttribute('data-from')).toBe('2');
  });

  it('says so when only one version is kept', async () => {
    s = await startConsoleServer();
    const { record } = await s.store.upsertArticle(makeRecord({ slug: 'single' }));
    const { d } = await page(`/console/articles/${record.id}`);
    expect(d.querySelectorAll('.versions-table tbody tr')).toHaveLength(1);
    expect(d.querySelector('.versions .none')?.textContent).toBe('This is the only version kept.');
    expect(d.querySelector('#changes')).toBeNull();
  });
});

describe('pipeline page', () => {
  it('renders the figures as tables, loads uPlot and its script from the console, and serves the live figures as JSON', async () => {
    const prefix = `test-console-${Date.now()}`;
    queue = new Queue('enrich-article', { connection: { url: REDIS_URL }, prefix });
    await queue.add('x', { n: 1 });
    s = await startConsoleServer(() => ({ queues: [queue as Queue] }));
    const at = new Date(Date.now() - 30_000).toISOString();
    for (const [slug, feed] of [['p1', 'wire-a'], ['p2', 'wire-a'], ['p3', 'wire-b']] as const) {
      const { record } = await s.store.upsertArticle(makeRecord({ slug, feed: { id: feed, title: null, url: null }, publishedAt: new Date(Date.now() - 90_000).toISOString() }));
      await s.store.recordItemOutcome({ feedId: feed, url: record.url, stage: 'enrich', status: 'stored', reason: 'created', articleId: record.id, at });
    }
    await s.store.recordItemOutcome({ feedId: 'wire-b', url: 'https://news.test/bad', stage: 'extract', status: 'failed', reason: 'timeout: slow', at });

    const { res, d } = await page('/console/pipeline');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(d.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Pipeline');
    expect([...d.querySelectorAll('script')].map((e) => e.getAttribute('src'))).toEqual(['/console/static/uplot.js', '/console/static/pipeline.js']);
    expect([...d.querySelectorAll('link[rel="stylesheet"]')].map((e) => e.getAttribute('href'))).toEqual([
      '/console/static/uplot.css',
      '/console/static/console.css',
    ]);
    const cell = (chart: string, key: string, col = 1) =>
      d.querySelector(`#${chart} tr[data-key="${key}"] td:nth-of-type(${col})`)?.textContent;
    expect([cell('chart-stored', 'total'), cell('chart-stored', 'wire-a'), cell('chart-stored', 'wire-b')]).toEqual(['3', '2', '1']);
    expect([cell('chart-failures', 'extract'), cell('chart-failures', 'enrich')]).toEqual(['1', '0']);
    expect(cell('chart-queues', 'enrich-article')).toBe('1');
    expect(cell('chart-latency', 'p50')).toMatch(/^\d+(\.\d)? (s|min)$/);
    expect(d.querySelector('#pipeline')?.getAttribute('data-stats')).toBe('/console/pipeline/stats.json?window=1h');

    const day = await page('/console/pipeline?window=1d');
    expect(day.d.querySelector('#pipeline')?.getAttribute('data-stats')).toBe('/console/pipeline/stats.json?window=1d');

    const json = await s.fetch('/console/pipeline/stats.json?window=1d');
    expect(json.status).toBe(200);
    expect((await json.json()).stored.sum).toBe(3);

    for (const [name, type, marker] of [
      ['uplot.js', 'text/javascript', 'uPlot'],
      ['uplot.css', 'text/css', '.u-legend'],
      ['pipeline.js', 'text/javascript', 'stats.json'],
    ] as const) {
      const r = await s.fetch(`/console/static/${name}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain(type);
      expect(await r.text()).toContain(name === 'pipeline.js' ? 'data-stats' : marker);
    }
  });

  it('asks for the token before showing the page or its figures when API_TOKEN is set', async () => {
    s = await startConsoleServer(() => ({ apiToken: 'console-token-0123456789' }));
    for (const path of ['/console/pipeline', '/console/pipeline/stats.json']) {
      const res = await s.fetch(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/console\/login\?next=/);
    }
  });
});
