/** What the extractor core returns for one page. Every string is trimmed; unknowns are null. */
export type Extracted = {
  title: string;
  byline: string | null;
  /** "BEIJING —" style place line that opens the story, without the dash. */
  dateline: string | null;
  /** ISO 8601 with offset. */
  publishedAt: string | null;
  modifiedAt: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  /** BCP 47, as the page declares it. */
  language: string | null;
  excerpt: string | null;
  leadImage: string | null;
  /** Paragraphs, headings and list items, one per block, blocks separated by one blank line. */
  text: string;
  /** Sanitized HTML of the story body, absolute URLs, nothing executable. */
  html: string;
  wordCount: number;
  /** How the body was found: Readability, or the text-density classifier when Readability found too little. */
  method: 'readability' | 'density';
  warnings: string[];
};
