import { Queue } from 'bullmq';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COOKIE, CONTENT_SECURITY_POLICY } from '../../../src/api/console/plugin.js';
import type { ArticleRecord } from '../../../src/store/types.js';
import { HOSTILE_TITLE, hostileRecord, record, wireRecords } from './fixtures.js';
import { type ConsoleServer, startConsoleServer } from './server.js';

const TOKEN = 'console-token-0123456789';

let s: ConsoleServer;
let recs: ReturnType<typeof wireRecords>;

const doc = (markup: string): Document => new JSDOM(markup).window.document;

async function page(path: string, init: RequestInit = {}): Promise<{ res: Response; body: string; d: Document }> {
  const res = await s.fetch(path, init);
  const body = await res.text();
  return { res, body, d: doc(body) };
}

const headlines = (d: Document): string[] => [...d.querySelectorAll('#wire li.story .headline')].map((h) => h.textContent?.trim() ?? '');

async function seed(...records: ArticleRecord[]): Promise<void> {
  for (const r of records) {
    await s.store.upsertArticle(r);
  }
}

afterEach(async () => {
  await s?.close();
});

describe('console pages (no API token)', () => {
  beforeEach(async () => {
    s = await startConsoleServer();
    recs = wireRecords();
    await s.store.upsertFeed({ id: 'wire-a', url: 'https://wire-a.test/feed.xml', title: 'Wire A' });
    await s.store.upsertFeed({ id: 'wire-b', url: 'https://wire-b.test/rss', title: 'Wire B' });
    await seed(recs.seed, recs.copy, recs.other);
  });

  it('redirects / to the wire', async () => {
    const res = await s.fetch('/');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console/');
  });

  it('lists the wire newest first with feed, time, language, topics and copy badges', async () => {
    const { res, d } = await page('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headlines(d)).toEqual([recs.copy.title, recs.seed.title, recs.other.title]);
    const seedRow = d.querySelector(`li.story[data-id="${recs.seed.id}"]`);
    expect(seedRow?.querySelector('.feed')?.textContent).toBe('Wire A');
    expect(seedRow?.querySelector('time')?.getAttribute('datetime')).toBe(recs.seed.publishedAt);
    expect(seedRow?.querySelector('time')?.textContent).toBe('2026-03-02 09:00 UTC');
    expect(seedRow?.querySelector('.lang')?.textContent).toBe('en');
    expect([...(seedRow?.querySelectorAll('.topics a') ?? [])].map((a) => a.textContent)).toEqual([
      'refugees and internally displaced people',
      'diplomacy',
      'Asia desk',
    ]);
    expect(seedRow?.querySelector('.headline a')?.getAttribute('href')).toBe(`/console/articles/${recs.seed.id}`);
    expect(seedRow?.querySelector('.copies')?.textContent).toBe('+1 copy');
    expect(d.querySelector(`li.story[data-id="${recs.copy.id}"] .copies`)?.textContent).toBe('+1 copy');
    expect(d.querySelector(`li.story[data-id="${recs.other.id}"] .copies`)?.hasAttribute('hidden')).toBe(true);
    // Live updates come from the API's own stream, with no filter here.
    expect(d.querySelector('#wire')?.getAttribute('data-stream')).toBe('/console/stream');
    expect([...d.querySelectorAll('#f-feed option')].map((o) => o.getAttribute('value'))).toEqual(['', 'wire-a', 'wire-b']);
  });

  it('sends a CSP that forbids inline script, and has none', async () => {
    const { res, d } = await page('/console/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const scripts = [...d.querySelectorAll('script')];
    expect(scripts.map((x) => x.getAttribute('src'))).toEqual(['/console/static/console.js']);
    expect(scripts.every((x) => x.textContent === '')).toBe(true);
    expect(d.querySelectorAll('[style], [onclick], [onload]').length).toBe(0);
    const js = await s.fetch('/console/static/console.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain("new EventSource(streamUrl)");
  });

  it('filters by topic, feed, language, entity and words, through the API, and passes them to the stream', async () => {
    const topic = await page('/console/?topic=medtop%3A20000772');
    expect(headlines(topic.d)).toEqual([recs.copy.title, recs.seed.title]);
    expect(topic.d.querySelector('#wire')?.getAttribute('data-stream')).toBe('/console/stream?topic=medtop%3A20000772');
    expect(topic.d.querySelector<HTMLInputElement>('#f-topic')?.value).toBe('medtop:20000772');

    const feed = await page('/console/?feed=wire-b');
    expect(headlines(feed.d)).toEqual([recs.copy.title]);
    expect(feed.d.querySelector('#f-feed option[selected]')?.getAttribute('value')).toBe('wire-b');

    expect(headlines((await page('/console/?lang=en-GB')).d)).toEqual([recs.other.title]);
    expect(headlines((await page('/console/?q=Jianchao+talks')).d)).toEqual([recs.copy.title, recs.seed.title]);
    expect(headlines((await page('/console/?entity=northern+coast')).d)).toEqual([recs.other.title]);

    const none = await page('/console/?q=zanzibar');
    expect(headlines(none.d)).toEqual([]);
    expect(none.d.querySelector('#wire-empty')?.hasAttribute('hidden')).toBe(false);
    expect(none.d.querySelector('#wire-empty')?.textContent).toBe('No stories match these filters.');
  });

  it('shows the API’s own validation message for a bad filter', async () => {
    const { res, d } = await page('/console/?lang=not%20a%20language');
    expect(res.status).toBe(400);
    expect(d.querySelector('.error')?.textContent).toMatch(/lang: expected a language tag/);
  });

  it('pages to older stories with the API cursor, without overlap, and without live updates there', async () => {
    const many = Array.from({ length: 33 }, (_, i) =>
      record({
        url: `https://wire-a.test/brief/${i}`,
        title: `Market brief ${String(i).padStart(2, '0')}`,
        text: `Brief number ${i} on markets.\n\nShares moved.`,
        publishedAt: new Date(Date.UTC(2026, 3, 1, 0, i)).toISOString(),
      }),
    );
    await seed(...many);
    const first = await page('/console/');
    const firstTitles = headlines(first.d);
    expect(firstTitles).toHaveLength(30);
    expect(firstTitles[0]).toBe('Market brief 32');
    const older = first.d.querySelector<HTMLAnchorElement>('a[rel="next"]');
    const href = older?.getAttribute('href') ?? '';
    expect(href).toMatch(/^\/console\/\?cursor=/);

    const second = await page(href);
    const secondTitles = headlines(second.d);
    expect(secondTitles).toEqual(['Market brief 02', 'Market brief 01', 'Market brief 00', recs.copy.title, recs.seed.title, recs.other.title]);
    expect(secondTitles.filter((t) => firstTitles.includes(t))).toEqual([]);
    expect(second.d.querySelector('#wire')?.hasAttribute('data-stream')).toBe(false);
    expect(second.d.querySelector('a[rel="next"]')?.outerHTML).toBeUndefined();
    expect(second.d.querySelector('.paging-note a')?.getAttribute('href')).toBe('/console/');
  });

  it('shows one story with its text, times, topics, entities, other copies and API links', async () => {
    const { res, d } = await page(`/console/articles/${recs.seed.id}`);
    expect(res.status).toBe(200);
    // Server-rendered in full: the page loads no script at all.
    expect(d.querySelectorAll('script').length).toBe(0);
    expect(d.querySelector('h1')?.textContent).toBe(recs.seed.title);
    expect(d.querySelector('.byline')?.textContent).toBe('VOA News');
    expect(d.querySelector('.dateline')?.textContent).toBe('BEIJING');
    expect([...d.querySelectorAll('.body p')].map((p) => p.textContent)).toEqual(recs.seed.text.split('\n\n'));
    const facts = Object.fromEntries(
      [...d.querySelectorAll('.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent?.trim()]),
    );
    expect(facts.Published).toBe('2026-03-02 09:00 UTC');
    expect(facts.Fetched).toBe('2026-03-02 09:05 UTC');
    expect(facts['Canonical link']).toBe(recs.seed.canonicalUrl);
    expect(d.querySelector('.facts a.url')?.getAttribute('href')).toBe(recs.seed.canonicalUrl);
    const rows = [...d.querySelectorAll('.topics-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()));
    expect(rows[0]).toEqual(['refugees and internally displaced people', 'medtop:20000772', 'IPTC Media Topic', '92%', 'refugees, asylum']);
    expect(rows[2]?.[2]).toBe('newsroom');
    const names = (kind: string) => [...d.querySelectorAll(`#ent-${kind} + ul a`)].map((a) => a.textContent);
    expect(names('people')).toEqual(['Liu Jianchao']);
    expect(names('places')).toEqual(['Beijing', 'Seoul', 'South Korea', 'North Korea']);
    expect(names('organisations')).toEqual(['Chinese Foreign Ministry']);
    const copies = [...d.querySelectorAll('.copies-list a')];
    expect(copies.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([[recs.copy.title, `/console/articles/${recs.copy.id}`]]);
    const links = [...d.querySelectorAll('.renderings a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`/articles/${recs.seed.id}?format=json`, `/articles/${recs.seed.id}?format=ninjs`]);
    const json = await s.fetch(links[0] ?? '');
    expect(((await json.json()) as ArticleRecord).id).toBe(recs.seed.id);

    // From the copy, the original is listed as first seen.
    const fromCopy = await page(`/console/articles/${recs.copy.id}`);
    expect(fromCopy.d.querySelector('.copies-list li')?.textContent).toContain('first seen');
  });

  it('answers 404 pages for unknown stories and paths, and keeps the JSON API untouched', async () => {
    for (const path of ['/console/articles/0000000000000000', '/console/articles/bad%20id!', '/console/nothing']) {
      const { res, d } = await page(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(d.querySelector('h1')?.textContent).toBe('Not found');
    }
    const api = await s.fetch(`/articles/${recs.seed.id}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
    expect(api.headers.get('content-security-policy')).toBeNull();
    expect(((await api.json()) as { id: string }).id).toBe(recs.seed.id);
    const feeds = await s.fetch('/feeds', { headers: { accept: 'text/html' } });
    expect(((await feeds.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it('renders hostile titles, text and links as text, with no javascript: links', async () => {
    const hostile = hostileRecord();
    await seed(hostile);
    for (const path of ['/console/', `/console/articles/${hostile.id}`, '/console/?q=hostile']) {
      const { body, d } = await page(path);
      expect(body).not.toMatch(/<script>|<img|<iframe|<svg|<b /i);
      expect(body).not.toMatch(/href="\s*javascript:/i);
      expect([...d.querySelectorAll('script')].every((x) => x.getAttribute('src') === '/console/static/console.js')).toBe(true);
      expect(d.querySelectorAll('main img, main iframe, main svg').length).toBe(0);
    }
    const story = await page(`/console/articles/${hostile.id}`);
    expect(story.d.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE);
    expect(story.body).toContain('&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;');
    const facts = [...story.d.querySelectorAll('.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling] as const);
    const canonical = facts.find(([k]) => k === 'Canonical link')?.[1];
    expect(canonical?.textContent).toBe("javascript:window.__pwned='canonical'//hostile");
    expect(canonical?.querySelectorAll('a').length).toBe(0);
    expect([...story.d.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(\/|#|https?:)/.test(h ?? ''))).toEqual([]);
    expect(story.d.querySelector('#ent-people + ul a')?.textContent).toBe(`<img src=x onerror="window.__pwned='person'">`);
  });
});

describe('feeds page', () => {
  let queue: Queue | undefined;

  afterEach(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    queue = undefined;
  });

  it('shows health per feed with failing feeds first and standing out, and real queue depths', async () => {
    s = await startConsoleServer(({ prefix }) => {
      queue = new Queue('poll-feed', { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }, prefix });
      return { queues: [queue] };
    });
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    await s.store.upsertFeed({ id: 'good', url: 'https://good.test/feed.xml', title: 'Good wire' });
    await s.store.upsertFeed({ id: 'broken', url: 'https://broken.test/feed.xml', title: null });
    await s.store.upsertFeed({ id: 'new', url: 'https://new.test/feed.xml', title: 'New feed' });
    await s.store.recordPoll('good', { ok: true, at: ago(60_000), newItems: 3, nextPollAt: new Date(now.getTime() + 600_000).toISOString() });
    await s.store.recordPoll('broken', { ok: true, at: ago(7_200_000), newItems: 1 });
    for (let i = 0; i < 2; i++) {
      await s.store.recordPoll('broken', { ok: false, at: ago(60_000 - i), error: { code: 'bad_feed', message: 'not a feed: <html> page' } });
    }
    await seed(
      record({ url: 'https://good.test/a', title: 'Fresh', text: 'Fresh story.', feed: { id: 'good', title: 'Good wire', url: null }, publishedAt: ago(3_600_000) }),
      record({ url: 'https://good.test/b', title: 'Old but new here', text: 'Archive story.', feed: { id: 'good', title: 'Good wire', url: null }, publishedAt: '2002-06-11T01:42:00Z' }),
    );
    await queue?.add('poll-feed', { feedId: 'good' });
    await queue?.add('poll-feed', { feedId: 'broken' }, { delay: 600_000 });

    const { res, d } = await page('/console/feeds');
    expect(res.status).toBe(200);
    expect(d.querySelectorAll('script').length).toBe(0);
    const rows = [...d.querySelectorAll('tbody tr[data-feed]')];
    expect(rows.map((r) => [r.getAttribute('data-feed'), r.getAttribute('data-health')])).toEqual([
      ['broken', 'failing'],
      ['new', 'pending'],
      ['good', 'ok'],
    ]);
    const broken = rows[0];
    expect(broken?.classList.contains('feed--failing')).toBe(true);
    const cells = [...(broken?.querySelectorAll('td') ?? [])].map((c) => c.textContent?.trim());
    expect(cells[0]).toBe('Failing');
    expect(cells[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC \(2 h ago\)$/);
    expect(cells[2]).toContain('bad_feed: not a feed: <html> page');
    expect(cells[3]).toBe('2');
    expect(d.querySelector('section.alert')?.textContent).toContain('broken');
    expect(d.querySelector('section.alert')?.textContent).toContain('2 in a row');
    const good = rows[2];
    expect(good?.querySelector('td.recent')?.textContent).toBe('2');
    expect(good?.querySelectorAll('td')[4]?.textContent).toMatch(/in 10 min/);
    expect(good?.querySelectorAll('td')[6]?.textContent).toBe('3');
    expect(d.querySelector('.summary')?.textContent).toBe('3 feeds: 1 ok, 1 failing, 1 not polled yet.');

    const q = [...(d.querySelector('tr[data-queue="poll-feed"]')?.querySelectorAll('td') ?? [])].map((c) => c.textContent);
    // waiting, active, delayed, prioritized, waiting-children, failed
    expect(q).toEqual(['1', '0', '1', '0', '0', '0']);
  });
});

describe('console with API_TOKEN', () => {
  beforeEach(async () => {
    s = await startConsoleServer(() => ({ apiToken: TOKEN }));
    recs = wireRecords();
    await seed(recs.seed);
  });

  const signIn = async (token: string, next = '/console/feeds') =>
    s.fetch('/console/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, next }).toString(),
    });

  it('asks for the token before showing any page', async () => {
    for (const path of ['/console/', '/console/feeds', `/console/articles/${recs.seed.id}`, '/console/?q=refugees']) {
      const { res, body } = await page(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/console/login?next=${encodeURIComponent(path)}`);
      expect(body).not.toContain(recs.seed.title);
    }
    const login = await page('/console/login?next=%2Fconsole%2Ffeeds');
    expect(login.res.status).toBe(200);
    expect(login.d.querySelector('form.login')?.getAttribute('method')).toBe('post');
    expect(login.d.querySelector<HTMLInputElement>('input[name="next"]')?.value).toBe('/console/feeds');
    expect(login.d.querySelector('input[name="token"]')?.getAttribute('type')).toBe('password');
    // The stylesheet and script carry no data and load on the sign-in page.
    // Read to the end: an unread (compressed) body keeps the connection busy and close() waiting on it.
    const css = await s.fetch('/console/static/console.css');
    expect(css.status).toBe(200);
    expect((await css.text()).length).toBeGreaterThan(0);
  });

  it('refuses a wrong token and keeps the right one in an HttpOnly cookie', async () => {
    const wrong = await signIn('nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(doc(await wrong.text()).querySelector('.error')?.textContent).toBe('That token is not valid.');

    const ok = await signIn(TOKEN);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/console/feeds');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=${TOKEN};`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/console/);

    const pair = cookie.split(';')[0] ?? '';
    const wirePage = await page('/console/', { headers: { cookie: pair } });
    expect(wirePage.res.status).toBe(200);
    expect(headlines(wirePage.d)).toEqual([recs.seed.title]);
    expect(wirePage.d.querySelector('form.signout')?.tagName).toBe('FORM');
    expect((await page(`/console/articles/${recs.seed.id}`, { headers: { cookie: pair } })).res.status).toBe(200);
    expect((await s.fetch('/console/', { headers: { cookie: `${COOKIE}=${TOKEN}x` } })).status).toBe(303);

    const out = await s.fetch('/console/logout', { method: 'POST', headers: { cookie: pair } });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`^${COOKIE}=;.*Max-Age=0`));
  });

  it('never redirects off the console after sign-in', async () => {
    for (const next of ['//evil.test/', 'https://evil.test/', '/console\\@evil.test', '/feeds']) {
      const res = await signIn(TOKEN, next);
      expect(res.headers.get('location')).toBe('/console/');
    }
  });
});
