import { describe, expect, it } from 'vitest';
import { identifyItems, itemsWithoutLink } from '../../../../src/workers/fetcher/item-identity.js';
import type { ParsedItem } from '../../../../src/workers/fetcher/types.js';

const item = (over: Partial<ParsedItem>): ParsedItem => ({
  guid: null,
  url: null,
  title: null,
  publishedAt: null,
  updatedAt: null,
  author: null,
  summary: null,
  content: null,
  categories: [],
  ...over,
});

describe(identifyItems.name, () => {
  it('keys items by GUID when GUIDs are present and unique', () => {
    const out = identifyItems([
      item({ guid: 'a', url: 'https://x.test/1' }),
      item({ guid: 'b', url: 'https://x.test/1' }),
    ]);
    expect(out.map((o) => o.key)).toEqual(['guid:a', 'guid:b']);
  });

  it('falls back to the canonical link when the GUID is missing', () => {
    const out = identifyItems([item({ url: 'https://X.test/1?utm_source=rss#c' })]);
    expect(out[0]?.key).toBe('link:https://x.test/1');
  });

  it('falls back to the link when GUIDs repeat within the feed', () => {
    const out = identifyItems([
      item({ guid: 'same', url: 'https://x.test/1' }),
      item({ guid: 'same', url: 'https://x.test/2' }),
      item({ guid: 'unique', url: 'https://x.test/3' }),
    ]);
    expect(out.map((o) => o.key)).toEqual(['link:https://x.test/1', 'link:https://x.test/2', 'guid:unique']);
  });

  it('adds the title when links also repeat', () => {
    const out = identifyItems([
      item({ url: 'https://x.test/live', title: 'Update 1' }),
      item({ url: 'https://x.test/live', title: 'Update 2' }),
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]?.key).not.toBe(out[1]?.key);
    expect(out[0]?.key.startsWith('link:https://x.test/live#')).toBe(true);
  });

  it('drops items without a link and exact repeats', () => {
    const noLink = item({ guid: 'n', title: 'no link' });
    const out = identifyItems([item({ url: 'https://x.test/1', title: 'T' }), noLink, item({ url: 'https://x.test/1', title: 'T' })]);
    expect(out).toHaveLength(1);
    expect(itemsWithoutLink([noLink, item({ url: 'https://x.test/1' })])).toEqual([noLink]);
  });

  it('changes the hash when title, content or updated date change and not otherwise', () => {
    const base = item({ guid: 'g', url: 'https://x.test/1', title: 'T', content: '<p>a</p>', updatedAt: '2024-01-01T00:00:00.000Z' });
    const hashOf = (i: ParsedItem): string | undefined => identifyItems([i])[0]?.hash;
    const h = hashOf(base);
    expect(hashOf({ ...base, categories: ['x'], publishedAt: '2024-01-02T00:00:00.000Z' })).toBe(h);
    expect(hashOf({ ...base, content: '<p>a</p>\n' })).toBe(h);
    expect(hashOf({ ...base, title: 'T2' })).not.toBe(h);
    expect(hashOf({ ...base, content: '<p>b</p>' })).not.toBe(h);
    expect(hashOf({ ...base, updatedAt: '2024-01-03T00:00:00.000Z' })).not.toBe(h);
    expect(identifyItems([base])[0]?.key).toBe('guid:g');
  });

  it('bounds the key length when a GUID is huge', () => {
    const out = identifyItems([item({ guid: 'g'.repeat(5000), url: 'https://x.test/1' })]);
    expect(out[0]?.key.length).toBeLessThan(600);
  });
});
