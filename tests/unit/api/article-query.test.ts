import { describe, expect, it } from 'vitest';
import { ListArticlesParams, StreamParams, parseParams, toArticleQuery, wantsNinjs } from '../../../src/api/article-query.js';
import { HttpError } from '../../../src/api/http-error.js';

describe(parseParams.name, () => {
  it('applies the default limit and coerces numbers when the query is valid', () => {
    expect(parseParams(ListArticlesParams, { limit: '20', feed: 'voa' })).toEqual({ limit: 20, feed: 'voa' });
    expect(parseParams(ListArticlesParams, {})).toEqual({ limit: 50 });
  });

  it('throws a 400 naming every bad parameter when several are wrong', () => {
    let caught: unknown;
    try {
      parseParams(ListArticlesParams, { limit: '1000', since: 'last week', extra: '1' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HttpError);
    const e = caught as HttpError;
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/limit/);
    expect(e.message).toMatch(/since/);
    expect(e.message).toMatch(/extra/);
  });

  it('accepts dates and date-times with offsets when filtering by time', () => {
    expect(() => parseParams(ListArticlesParams, { since: '2024-05-01' })).not.toThrow();
    expect(() => parseParams(ListArticlesParams, { since: '2024-05-01T10:00:00+02:00' })).not.toThrow();
    expect(() => parseParams(ListArticlesParams, { until: '1714550400' })).toThrow(HttpError);
  });

  it('rejects a lastEventId that is not a stream id when streaming', () => {
    expect(() => parseParams(StreamParams, { lastEventId: '12-x' })).toThrow(/lastEventId/);
    expect(parseParams(StreamParams, { lastEventId: '1700000000000-3' }).lastEventId).toBe('1700000000000-3');
  });
});

describe(toArticleQuery.name, () => {
  it('normalises times to UTC ISO and copies every filter when all are given', () => {
    const p = parseParams(ListArticlesParams, {
      since: '2024-05-01',
      until: '2024-05-02T02:00:00+02:00',
      feed: 'voa',
      topic: 'medtop:20000646',
      lang: 'en',
      q: 'refugees',
      entity: 'Beijing',
      limit: '10',
      cursor: 'abc',
    });
    expect(toArticleQuery(p)).toEqual({
      since: '2024-05-01T00:00:00.000Z',
      until: '2024-05-02T00:00:00.000Z',
      feed: 'voa',
      topic: 'medtop:20000646',
      lang: 'en',
      q: 'refugees',
      entity: 'Beijing',
      limit: 10,
      cursor: 'abc',
    });
  });
});

describe(wantsNinjs.name, () => {
  it.each([
    [undefined, undefined, false],
    ['ninjs', 'application/json', true],
    ['json', 'application/ninjs+json', false],
    [undefined, 'application/ninjs+json', true],
    [undefined, 'application/ninjs+json, */*', true],
    [undefined, 'application/json, application/ninjs+json', false],
    [undefined, 'application/json;q=0.5, application/ninjs+json', true],
    [undefined, 'application/ninjs+json;q=0.2, application/json', false],
    [undefined, 'application/ninjs+json;q=0', false],
    [undefined, '*/*', false],
  ] as const)('returns the right choice when format=%s and Accept=%s', (format, accept, expected) => {
    expect(wantsNinjs(format, accept)).toBe(expected);
  });
});
