import { describe, expect, it } from 'vitest';
import { compareStreamIds, eventMayMatch, formatSseMessage, matchesFilter, resumeMayLoseEvents } from '../../../src/api/stream-filter.js';
import type { ArticleRecord } from '../../../src/store/types.js';

const record = (o: Partial<ArticleRecord> = {}): ArticleRecord => ({
  id: 'x',
  url: 'https://news.test/x',
  canonicalUrl: 'https://news.test/x',
  feed: { id: 'voa', title: null, url: null },
  siteName: null,
  title: 'Refugees reach Séoul',
  byline: null,
  dateline: null,
  publishedAt: '2026-03-01T10:00:00.000Z',
  modifiedAt: null,
  fetchedAt: '2026-03-01T11:00:00.000Z',
  language: 'en-US',
  excerpt: null,
  text: 'Seven North Korean refugees entered the Canadian embassy in Beijing.',
  html: '',
  wordCount: 10,
  leadImage: null,
  topics: [{ code: 'medtop:20000646', label: 'refugees', score: 0.9, scheme: 'medtop' }],
  entities: { people: [{ name: 'Liu  Jianchao', mentions: 1, salience: 1, offset: 0 }], places: [], organisations: [] },
  keywords: [],
  clusterId: 'c',
  duplicateOf: null,
  contentHash: 'h',
  version: 1,
  extraction: { method: 'readability', warnings: [] },
  ...o,
});

describe(matchesFilter.name, () => {
  it('matches when there is no filter', () => {
    expect(matchesFilter(record(), {})).toBe(true);
  });

  it.each([
    [{ feed: 'voa' }, true],
    [{ feed: 'ap' }, false],
    [{ lang: 'en' }, true],
    [{ lang: 'EN-us' }, true],
    [{ lang: 'fr' }, false],
    [{ lang: 'e' }, false],
    [{ since: '2026-03-01T10:00:00Z' }, true],
    [{ since: '2026-03-01T10:00:01Z' }, false],
    [{ until: '2026-03-01T10:00:00Z' }, false],
    [{ until: '2026-03-02' }, true],
    [{ topic: 'medtop:20000646' }, true],
    [{ topic: 'medtop:04000000' }, false],
    [{ entity: 'liu jianchao' }, true],
    [{ entity: 'Beijing' }, false],
    [{ q: 'canadian EMBASSY' }, true],
    [{ q: 'seoul refugees' }, true],
    [{ q: 'canadian consulate' }, false],
  ] as const)('decides %j as %s', (filter, expected) => {
    expect(matchesFilter(record(), filter)).toBe(expected);
  });

  it('matches a parent topic when the expander lists the record topic as a descendant', () => {
    const expand = (code: string) => (code === 'medtop:11000000' ? ['medtop:20000646'] : []);
    expect(matchesFilter(record(), { topic: 'medtop:11000000' }, expand)).toBe(true);
    expect(matchesFilter(record(), { topic: 'medtop:11000000' })).toBe(false);
  });

  it('uses storedAt for time filters when publishedAt is missing', () => {
    const r = record({ publishedAt: null, storedAt: '2026-04-01T00:00:00.000Z' });
    expect(matchesFilter(r, { since: '2026-03-15' })).toBe(true);
  });
});

describe(eventMayMatch.name, () => {
  it('rules out other feeds and languages from the event alone', () => {
    expect(eventMayMatch({ feedId: 'ap', language: 'en' }, { feed: 'voa' })).toBe(false);
    expect(eventMayMatch({ feedId: 'voa', language: 'fr' }, { lang: 'en' })).toBe(false);
    expect(eventMayMatch({ feedId: 'voa', language: null }, { feed: 'voa', lang: 'en' })).toBe(true);
  });

  it('passes a language with a subtag of the one asked for, and no other language that starts alike', () => {
    expect(eventMayMatch({ feedId: 'voa', language: 'en-GB' }, { lang: 'EN' })).toBe(true);
    expect(eventMayMatch({ feedId: 'voa', language: 'EN' }, { lang: 'en' })).toBe(true);
    expect(eventMayMatch({ feedId: 'voa', language: 'eng' }, { lang: 'en' })).toBe(false);
  });
});

describe(formatSseMessage.name, () => {
  it('prefixes every data line when the data spans lines', () => {
    expect(formatSseMessage({ id: '1-0', event: 'article', data: 'a\nb' })).toBe('id: 1-0\nevent: article\ndata: a\ndata: b\n\n');
  });
});

describe(compareStreamIds.name, () => {
  it('orders by time then sequence when ids differ', () => {
    expect(compareStreamIds('1700000000000-1', '1700000000000-0')).toBeGreaterThan(0);
    expect(compareStreamIds('999-5', '1000-0')).toBeLessThan(0);
    expect(compareStreamIds('1000-0', '1000-0')).toBe(0);
  });
});

describe(resumeMayLoseEvents.name, () => {
  const info = (firstId: string | null, entriesAdded: number, length: number) => ({ firstId, entriesAdded, length });

  it('reports a gap only when the stream was trimmed past the last id', () => {
    expect(resumeMayLoseEvents('1000-0', info('1001-0', 10, 5))).toBe(true);
    expect(resumeMayLoseEvents('1001-0', info('1001-0', 10, 5))).toBe(false);
    expect(resumeMayLoseEvents('1002-0', info('1001-0', 10, 5))).toBe(false);
    expect(resumeMayLoseEvents('1000-0', info('1001-0', 5, 5))).toBe(false);
    expect(resumeMayLoseEvents('0-0', info('1001-0', 10, 5))).toBe(false);
    expect(resumeMayLoseEvents('1000-0', null)).toBe(false);
  });
});
