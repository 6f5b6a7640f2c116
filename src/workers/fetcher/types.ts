/** One feed, parsed, in Telex's own model (whatever the source format). */
export type ParsedFeed = {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string | null;
  /** The site the feed belongs to. */
  link: string | null;
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
  /** Full item content (HTML) when the feed carries it. */
  content: string | null;
  categories: string[];
};
