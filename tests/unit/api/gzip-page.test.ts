import { createHash } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipPageCache, acceptsGzip, crc32Combine } from '../../../src/api/gzip-page.js';

const record = (i: number, words = 400): string =>
  JSON.stringify({ id: `a${i}`, title: `Story ${i} — café`, text: Array.from({ length: words }, (_, k) => `word${(k * 7 + i) % 97}`).join(' ') });

describe('GzipPageCache', () => {
  it('assembles a gzip body that decodes to the page text, items cached or not', () => {
    const cache = new GzipPageCache();
    const items = [record(1), '{"id":"tiny"}', record(2), record(3, 20_000)];
    const expected = `{"items":[${items.join(',')}],"nextCursor":"abc"}`;
    const first = cache.page('{"items":[', items, '],"nextCursor":"abc"}');
    expect(gunzipSync(first).toString('utf8')).toBe(expected);
    expect(cache.misses).toBe(3);
    // Again, from the cache, in another order and with another tail.
    const again = [items[3] as string, items[0] as string];
    const second = cache.page('{"items":[', again, '],"nextCursor":null}');
    expect(gunzipSync(second).toString('utf8')).toBe(`{"items":[${again.join(',')}],"nextCursor":null}`);
    expect(cache.hits).toBe(2);
    expect(cache.misses).toBe(3);
    // The compressed page is much smaller than the text.
    expect(first.length).toBeLessThan(Buffer.byteLength(expected) / 3);
  });

  it('assembles a page of records named by digest: texts read only for what it lacks, a new digest read again', () => {
    const cache = new GzipPageCache();
    const md5 = (t: string): string => createHash('md5').update(t).digest('hex');
    const texts = [record(1), record(2), record(3)].map((json, i) => ({ id: `a${i + 1}`, digest: md5(json), json }));
    const keys = texts.map(({ id, digest }) => ({ id, digest }));
    const tail = '],"nextCursor":null}';
    const expected = `{"items":[${texts.map((t) => t.json).join(',')}${tail}`;
    expect(cache.missing(keys)).toEqual(['a1', 'a2', 'a3']);
    expect(gunzipSync(cache.pageByDigest('{"items":[', keys, texts, tail)).toString('utf8')).toBe(expected);
    expect(cache.misses).toBe(3);
    // Held now: nothing to read, the same page from the cache alone.
    expect(cache.missing(keys)).toEqual([]);
    expect(gunzipSync(cache.pageByDigest('{"items":[', keys, [], tail)).toString('utf8')).toBe(expected);
    expect(cache.hits).toBe(3);
    // a2 changed: its new digest is lacking, and the page carries the new text.
    const changed = record(22);
    const keys2 = [keys[0]!, { id: 'a2', digest: md5(changed) }, keys[2]!];
    expect(cache.missing(keys2)).toEqual(['a2']);
    const page2 = cache.pageByDigest('{"items":[', keys2, [{ id: 'a2', digest: md5(changed), json: changed }], tail);
    expect(gunzipSync(page2).toString('utf8')).toBe(`{"items":[${texts[0]!.json},${changed},${texts[2]!.json}${tail}`);
    // A record gone between the keys and the texts is left out of the page.
    const gone = cache.pageByDigest('{"items":[', [keys[0]!, { id: 'a9', digest: md5('x') }], [], tail);
    expect(gunzipSync(gone).toString('utf8')).toBe(`{"items":[${texts[0]!.json}${tail}`);
  });

  it('writes an empty page and literals longer than one stored block', () => {
    const cache = new GzipPageCache();
    expect(gunzipSync(cache.page('{"items":[', [], '],"nextCursor":null}')).toString()).toBe('{"items":[],"nextCursor":null}');
    const long = 'x'.repeat(70_000);
    expect(gunzipSync(cache.page(long, ['1'], long)).toString()).toBe(`${long}1${long}`);
  });

  it('a changed record is a new entry, and the cache stays within its bound', () => {
    const cache = new GzipPageCache(128 * 1024);
    for (let i = 0; i < 200; i++) {
      cache.page('[', [record(i)], ']');
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(128 * 1024);
    expect(cache.size.entries).toBeGreaterThan(0);
    expect(cache.size.entries).toBeLessThan(200);
    // The same id and length, another text: compressed again, not served from the entry.
    const changed = record(199).replace('Story', 'Storm');
    expect(changed.length).toBe(record(199).length);
    const misses = cache.misses;
    expect(gunzipSync(cache.page('[', [changed], ']')).toString()).toBe(`[${changed}]`);
    expect(cache.misses).toBe(misses + 1);
    expect(gunzipSync(cache.page('[', [record(199)], ']')).toString()).toBe(`[${record(199)}]`);
  });
});

describe('crc32Combine', () => {
  it('gives the CRC-32 of two texts one after the other from theirs', () => {
    const texts = ['', 'a', 'hello, world', 'é'.repeat(1000), 'x'.repeat(70_001)];
    for (const a of texts) {
      for (const b of texts) {
        expect(crc32Combine(crc32(a), crc32(b), Buffer.byteLength(b))).toBe(crc32(a + b));
      }
    }
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
