/** The console's pure helpers: escaping, outside links, queue gauges, sign-in redirects, cookies, times. */
import { describe, expect, it } from 'vitest';
import { parseQueueDepths } from '../../../src/api/console/api-client.js';
import { groupByCluster, windowAround } from '../../../src/api/console/copies.js';
import { escapeHtml, html, raw, safeHttpUrl } from '../../../src/api/console/html.js';
import { parseCookies, safeNext } from '../../../src/api/console/plugin.js';
import { formatTime, relativeTime } from '../../../src/api/console/views.js';
import { wireRecords } from './fixtures.js';

describe(html.name, () => {
  it('escapes every interpolated value, nested arrays included, but not its own markup', () => {
    const payload = `<img src=x onerror="alert('1')">&\``;
    const out = html`<p title="${payload}">${payload}${[payload, html`<b>${payload}</b>`]}${null}${undefined}${false}${3}</p>`;
    const esc = '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;&#96;';
    expect(out.value).toBe(`<p title="${esc}">${esc}${esc}<b>${esc}</b>3</p>`);
    expect(escapeHtml(payload)).toBe(esc);
    expect(html`${raw('<hr>')}`.value).toBe('<hr>');
  });

  it('does not treat look-alike objects as safe markup', () => {
    const fake = { value: '<script>x</script>', toString: () => '<script>x</script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe(safeHttpUrl.name, () => {
  it('keeps absolute http(s) URLs and drops every other scheme or garbage', () => {
    expect(safeHttpUrl('https://news.test/a?b=1')).toBe('https://news.test/a?b=1');
    expect(safeHttpUrl('HTTP://News.test')).toBe('http://news.test/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.test', '/relative', 'not a url', '', null]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});

describe(parseQueueDepths.name, () => {
  it('reads the telex_queue_jobs gauges per queue and state, ignoring other metrics', () => {
    const text = [
      '# HELP telex_queue_jobs Jobs in each queue by state, read at scrape time.',
      '# TYPE telex_queue_jobs gauge',
      'telex_queue_jobs{queue="poll-feed",state="waiting"} 3',
      'telex_queue_jobs{queue="poll-feed",state="failed"} 1',
      'telex_queue_jobs{queue="enrich-article",state="active"} 2',
      'telex_feeds{health="ok"} 4',
      'telex_queue_jobs{queue="odd \\"name\\"",state="waiting"} 5',
    ].join('\n');
    expect(parseQueueDepths(text)).toEqual([
      { queue: 'enrich-article', counts: { active: 2 } },
      { queue: 'odd "name"', counts: { waiting: 5 } },
      { queue: 'poll-feed', counts: { waiting: 3, failed: 1 } },
    ]);
    expect(parseQueueDepths('telex_feeds{health="ok"} 4')).toEqual([]);
  });
});

describe(safeNext.name, () => {
  it('returns only console paths, and the wire for anything else', () => {
    expect(safeNext('/console/feeds')).toBe('/console/feeds');
    expect(safeNext('/console/?q=a%20b')).toBe('/console/?q=a%20b');
    for (const bad of ['//evil.test', 'https://evil.test/console/', '/console\\evil', '/consoleevil', '/console/login?next=x', '/articles', undefined, 42]) {
      expect(safeNext(bad)).toBe('/console/');
    }
  });
});

describe(parseCookies.name, () => {
  it('reads name/value pairs and decodes values', () => {
    const c = parseCookies('a=1; telex_console_token=t%3Bx; broken; =v; b=%E0%A4%A');
    expect(c.get('a')).toBe('1');
    expect(c.get('telex_console_token')).toBe('t;x');
    expect(c.get('b')).toBe('%E0%A4%A');
    expect(c.has('broken')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe('times', () => {
  it('formats UTC minutes and relative times', () => {
    expect(formatTime('2002-06-11T01:42:59Z')).toBe('2002-06-11 01:42 UTC');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('yesterday')).toBe('yesterday');
    const now = new Date('2026-01-01T12:00:00Z');
    expect(relativeTime('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-01-01T15:00:00Z', now)).toBe('in 3 h');
    expect(relativeTime('2025-12-30T12:00:00Z', now)).toBe('2 d ago');
    expect(relativeTime('2026-01-01T11:59:30Z', now)).toBe('30 s ago');
  });
});

describe(groupByCluster.name, () => {
  it('groups article ids by cluster and widens the window by three days each side', () => {
    const { seed, copy, other } = wireRecords();
    const groups = groupByCluster([seed, copy, other, seed]);
    expect([...(groups.get(seed.id) ?? [])]).toEqual([seed.id, copy.id]);
    expect([...(groups.get(other.id) ?? [])]).toEqual([other.id]);
    expect(windowAround([seed, other])).toEqual({ since: '2026-02-27T08:00:00.000Z', until: '2026-03-05T09:00:00.000Z' });
    expect(windowAround([])).toBeNull();
  });
});
