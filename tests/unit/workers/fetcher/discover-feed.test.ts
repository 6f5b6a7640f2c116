import { describe, expect, it } from 'vitest';
import { discoverFeeds } from '../../../../src/workers/fetcher/discover-feed.js';

describe(discoverFeeds.name, () => {
  it('finds RSS, Atom and JSON Feed links in document order when the page advertises them', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
      <LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://news.example.org/atom.xml"/>
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="text/xml" href="/sitemap.xml">
      <link rel="alternate" type="text/xml" title="RSS legacy" href="/legacy">
      <!-- <link rel="alternate" type="application/rss+xml" href="/commented.xml"> -->
      <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
    </head><body></body></html>`;
    expect(discoverFeeds(html, 'https://news.example.org/section/page.html')).toEqual([
      'https://news.example.org/feed.xml',
      'https://news.example.org/atom.xml',
      'https://news.example.org/section/feed.json',
      'https://news.example.org/legacy',
    ]);
  });

  it('resolves against <base href> when the page sets one', () => {
    const html = '<head><base href="https://cdn.example.net/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>';
    expect(discoverFeeds(html, 'https://example.org/')).toEqual(['https://cdn.example.net/site/rss.xml']);
  });

  it('returns nothing when the page has no feed links', () => {
    expect(discoverFeeds('<html><head><title>x</title></head></html>', 'https://example.org/')).toEqual([]);
  });
});
