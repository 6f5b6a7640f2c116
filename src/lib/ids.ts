import { createHash } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Article id: a stable hash of the canonical URL (32 hex chars). */
export const articleIdFor = (canonicalUrl: string): string => sha256Hex(canonicalUrl).slice(0, 32);

/** Hash of what makes an article's content: used to tell an update from a re-delivery. */
export const contentHashOf = (parts: { title: string; text: string }): string =>
  sha256Hex(`${parts.title}\n\n${parts.text}`).slice(0, 32);

/** The id and content hash an article is stored under: from its canonical URL, title and text alone. */
export const storedIdentity = (a: { canonicalUrl: string; title: string; text: string }): { id: string; contentHash: string } => ({
  id: articleIdFor(a.canonicalUrl),
  contentHash: contentHashOf(a),
});
