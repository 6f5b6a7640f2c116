import { describe, expect, it } from 'vitest';
import { bareHost, canonicalizeUrl, isTrackingParam } from '../../../src/lib/url.js';

describe(canonicalizeUrl.name, () => {
  it.each([
    ['HTTPS://News.Example.COM/a/B?x=1#frag', 'https://news.example.com/a/B?x=1'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a?utm_source=rss&utm_medium=feed&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc', 'https://example.com/a'],
    ['https://example.com/a?UTM_Campaign=x&b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?b=2&a=1&b=1', 'https://example.com/a?a=1&b=2&b=1'],
    ['https://example.com/a?q=caf%C3%A9+au+lait&utm_term=x', 'https://example.com/a?q=caf%C3%A9+au+lait'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com./story', 'https://example.com/story'],
    ['  https://example.com/a  ', 'https://example.com/a'],
  ])('canonicalizes %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent when applied twice', () => {
    const once = canonicalizeUrl('HTTP://Example.com:80/x/?z=1&utm_source=a&a=2#f');
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it('returns the trimmed input when it is not an absolute URL', () => {
    expect(canonicalizeUrl(' /relative/path ')).toBe('/relative/path');
  });
});

describe(isTrackingParam.name, () => {
  it('flags tracking names and keeps content-selecting ones', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('GCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});

describe(bareHost.name, () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['WWW.Example.COM', 'example.com'],
    ['news.example.com', 'news.example.com'],
    ['www2.example.com', 'www2.example.com'],
    ['wwwexample.com', 'wwwexample.com'],
  ])('turns %s into %s', (input, expected) => {
    expect(bareHost(input)).toBe(expected);
  });
});
