/** One feed, parsed, in Telex's own model (whatever the source format). */
export type ParsedFeed = {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  /** Format and version as read from the document ("RSS 2.0", "Atom 1.0", "RSS 1.0", "JSON Feed 1.1"), or null. */
  version: string | null;
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
  /** WebSub hub the feed advertises (`<link rel="hub">`, JSON Feed `hubs`), or null. */
  hub: string | null;
  /** The feed's own URL as it states it (`rel="self"`, JSON Feed `feed_url`), or null. */
  self: string | null;
  /** What the parser recovered from or could not read (malformed XML, unreadable dates, duplicate guids...). */
  warnings: string[];
  items: ParsedItem[];
};

export type ParsedItem = {
  guid: string | null;
  /** Absolute URL of the article page (resolved against xml:base / feed URL). */
  url: string | null;
  title: string | null;
  /** ISO 8601, or null when the feed gave none (or an unparseable one). */
  publishedAt: string | null;
  updatedAt: string | null;
  author: string | null;
  /** Short plain-text summary. */
  summary: string | null;
  /** Full item content (HTML) when the feed carries it; relative links resolved. */
  content: string | null;
  categories: string[];
};
