import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../src/errors.js';
import {
  bandKey,
  highestKey,
  sortPlacement,
  decodeCursor,
  encodeCursor,
  entityRowsOf,
  expandTopic,
  ftsMatchExpression,
  nextSortKey,
  normaliseQuery,
  SORT_KEY_SLOTS,
  sortKeyBase,
  pageSize,
  planUpsert,
  sortTimeOf,
} from '../../../src/store/store-core.js';
import { makeRecord } from '../../integration/store/article-store.contract.js';

describe(encodeCursor.name, () => {
  it('round-trips through decodeCursor when the id has any printable characters', () => {
    const c = { key: 1_767_225_600 * 2 ** 20 + 3, id: 'abc:def' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
});

describe(decodeCursor.name, () => {
  it('throws a permanent error when the cursor is garbage', () => {
    for (const bad of ['', 'xyz', Buffer.from('12:').toString('base64url'), Buffer.from('a:b').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(PipelineError);
    }
  });
});

describe(sortKeyBase.name, () => {
  it('orders keys by second and stays a safe integer when dates are extreme', () => {
    expect(sortKeyBase(2_000)).toBeGreaterThan(sortKeyBase(1_999));
    expect(sortKeyBase(1_000)).toBe(sortKeyBase(1_999));
    expect(Number.isSafeInteger(sortKeyBase(Date.parse('9999-12-31T00:00:00Z')))).toBe(true);
    expect(Number.isSafeInteger(sortKeyBase(-1e15))).toBe(true);
  });
});

describe(nextSortKey.name, () => {
  it('hands out the next slot of the second when keys are already used', () => {
    expect(nextSortKey(SORT_KEY_SLOTS, null)).toBe(SORT_KEY_SLOTS);
    expect(nextSortKey(SORT_KEY_SLOTS, SORT_KEY_SLOTS + 4)).toBe(SORT_KEY_SLOTS + 5);
    expect(() => nextSortKey(0, SORT_KEY_SLOTS - 1)).toThrow(PipelineError);
  });
});

describe(ftsMatchExpression.name, () => {
  it('quotes each word so that FTS5 operators are inert when the query contains them', () => {
    expect(ftsMatchExpression('Refugees AND "Seoul" NEAR(x')).toBe('"refugees" "and" "seoul" "near" "x"');
  });
  it('returns null when the query has no words', () => {
    expect(ftsMatchExpression(' -- ** ')).toBeNull();
  });
});

describe(pageSize.name, () => {
  it('defaults to 50 and caps at 1000 when limit is missing or large', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(5000)).toBe(1000);
    expect(() => pageSize(0)).toThrow(/limit/);
  });
});

describe(sortTimeOf.name, () => {
  it('falls back to the store time when publishedAt is missing or invalid', () => {
    expect(sortTimeOf({ publishedAt: '2026-01-01T00:00:00Z' }, 5)).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(sortTimeOf({ publishedAt: null }, 5)).toBe(5);
    expect(sortTimeOf({ publishedAt: 'soon' }, 5)).toBe(5);
  });
});

describe(expandTopic.name, () => {
  it('includes the code itself and its descendants when an expander is given', () => {
    expect(expandTopic('a', (c) => (c === 'a' ? ['b', 'a', 'c'] : []))).toEqual(['a', 'b', 'c']);
    expect(expandTopic('a')).toEqual(['a']);
  });
});

describe(entityRowsOf.name, () => {
  it('normalises names and drops duplicates when an entity repeats', () => {
    const r = makeRecord({
      slug: 'e',
      entities: {
        people: [
          { name: 'Liu  Jianchao', mentions: 1, salience: 1, offset: 0 },
          { name: 'liu jianchao', mentions: 1, salience: 1, offset: 0 },
        ],
        places: [{ name: 'Beijing', mentions: 1, salience: 1, offset: 0 }],
        organisations: [],
      },
    });
    expect(entityRowsOf(r)).toEqual([
      { kind: 'people', key: 'liu jianchao' },
      { kind: 'places', key: 'beijing' },
    ]);
  });
});

describe(planUpsert.name, () => {
  const now = '2026-03-01T00:00:00.000Z';
  it('keeps the first publishedAt and storedAt and bumps version when content changes', () => {
    const first = planUpsert(null, makeRecord({ slug: 'x', publishedAt: '2026-01-01T00:00:00.000Z' }), '2026-02-01T00:00:00.000Z');
    expect(first.outcome).toBe('created');
    const existing = { record: first.record, contentHash: first.record.contentHash, version: 1, substantive: null };
    const next = planUpsert(existing, makeRecord({ slug: 'x', text: 'new', publishedAt: '2026-01-09T00:00:00.000Z' }), now);
    expect(next.outcome).toBe('updated');
    expect(next.record).toMatchObject({
      version: 2,
      publishedAt: '2026-01-01T00:00:00.000Z',
      storedAt: '2026-02-01T00:00:00.000Z',
      updatedAt: now,
      text: 'new',
    });
    expect(planUpsert(existing, makeRecord({ slug: 'x' }), now)).toEqual({ outcome: 'unchanged', record: first.record, substantive: null });
  });
});

describe(normaliseQuery.name, () => {
  it('expands the topic, lowercases lang and entity, and rejects bad dates', () => {
    const n = normaliseQuery({ topic: 't', lang: 'EN', entity: ' Liu  Jianchao ', since: '2026-01-01' }, () => ['t2']);
    expect(n).toMatchObject({ topics: ['t', 't2'], lang: 'en', entity: 'liu jianchao', sinceMs: Date.parse('2026-01-01') });
    expect(() => normaliseQuery({ until: 'tomorrow' })).toThrow(/until/);
  });
});

describe(bandKey.name, () => {
  it('gives the numbers stored databases hold for these bands (the function must never change)', () => {
    expect([bandKey('0:abc'), bandKey('1b:zz9'), bandKey('')]).toEqual([4141617638070085, 934062782397566, 1112412287564811]);
  });

  it('gives distinct safe integers to 200,000 distinct band keys', () => {
    const keys = new Set<number>();
    for (let b = 0; b < 48; b++) {
      for (let h = 0; h < 200_000 / 48; h++) {
        const k = bandKey(`${b.toString(36)}:${((h * 2654435761) >>> 0).toString(36)}`);
        expect(Number.isSafeInteger(k) && k >= 0).toBe(true);
        keys.add(k);
      }
    }
    expect(keys.size).toBe(48 * Math.ceil(200_000 / 48));
  });
});

describe(sortPlacement.name, () => {
  it('keeps a stored row its sort time and key', () => {
    const record = makeRecord({ slug: 'placed', publishedAt: '2026-01-02T00:00:00.000Z' });
    expect(sortPlacement({ sort_at: 1_000_500, skey: 77 }, record, 5_000_000)).toEqual({ sortAt: 1_000_500, skey: 77, base: sortKeyBase(1_000_500) });
  });

  it('sorts a new article by its publication time, else now, with no key yet', () => {
    const published = makeRecord({ slug: 'new', publishedAt: '2026-01-02T00:00:00.000Z' });
    const at = Date.parse('2026-01-02T00:00:00.000Z');
    expect(sortPlacement(undefined, published, 5_000_000)).toEqual({ sortAt: at, skey: null, base: sortKeyBase(at) });
    const undated = makeRecord({ slug: 'undated', publishedAt: null });
    expect(sortPlacement(undefined, undated, 5_000_000)).toEqual({ sortAt: 5_000_000, skey: null, base: sortKeyBase(5_000_000) });
  });
});

describe('highestKey', () => {
  it('reads the MAX(skey) row, null when the second has no key yet', () => {
    expect(highestKey({ m: 42 })).toBe(42);
    expect(highestKey({ m: '42' })).toBe(42);
    expect(highestKey({ m: null })).toBeNull();
    expect(highestKey(undefined)).toBeNull();
  });
});
