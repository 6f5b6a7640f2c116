import { describe, expect, it } from 'vitest';
import { articleEventFields, parseArticleEvent } from '../../../src/store/article-events.js';
import { makeRecord } from '../../integration/store/article-store.contract.js';

describe(articleEventFields.name, () => {
  it('round-trips through parseArticleEvent without topic evidence when the record has topics', () => {
    const rec = {
      ...makeRecord({
        slug: 'ev',
        language: null,
        publishedAt: null,
        topics: [{ code: 'c', label: 'C', score: 0.5, scheme: 'custom' as const, evidence: ['word'] }],
      }),
      version: 3,
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const ev = parseArticleEvent('1-0', articleEventFields(rec, 'updated', false));
    expect(ev).toEqual({
      streamId: '1-0',
      id: rec.id,
      version: 3,
      outcome: 'updated',
      title: rec.title,
      url: rec.canonicalUrl,
      feedId: 'wire',
      language: null,
      clusterId: rec.clusterId,
      topics: [{ code: 'c', label: 'C', score: 0.5, scheme: 'custom' }],
      publishedAt: null,
      updatedAt: '2026-01-02T00:00:00.000Z',
      substantive: false,
    });
  });

  it('says substantive, cosmetic or nothing, and reads entries written before the flag existed as nothing', () => {
    const rec = makeRecord({ slug: 'flag' });
    expect(parseArticleEvent('1-0', articleEventFields(rec, 'updated', true))?.substantive).toBe(true);
    expect(parseArticleEvent('1-0', articleEventFields(rec, 'updated', false))?.substantive).toBe(false);
    expect(parseArticleEvent('1-0', articleEventFields(rec, 'created'))?.substantive).toBeNull();
    expect(parseArticleEvent('1-0', ['id', 'x', 'outcome', 'updated'])?.substantive).toBeNull();
  });
});

describe(parseArticleEvent.name, () => {
  it('returns null when the entry is not an article event', () => {
    expect(parseArticleEvent('1-0', ['foo', 'bar'])).toBeNull();
    expect(parseArticleEvent('1-0', ['id', 'x', 'outcome', 'deleted'])).toBeNull();
  });
  it('keeps going with no topics when the topics field is malformed', () => {
    expect(parseArticleEvent('1-0', ['id', 'x', 'outcome', 'created', 'topics', '{nope'])?.topics).toEqual([]);
  });
});
