import type { ArticleStore } from '../store/article-store.js';
import type { ArticleQuery } from '../store/types.js';
import { toNinjs } from '../ninjs/to-ninjs.js';

/**
 * Streams matching articles page by page (constant memory). `json` writes one
 * array, `jsonl` and `ninjs` one document per line.
 */
export async function exportArticles(
  store: ArticleStore,
  opts: { query: Omit<ArticleQuery, 'limit' | 'cursor'>; limit?: number; format: 'json' | 'jsonl' | 'ninjs'; write: (chunk: string) => unknown },
): Promise<number> {
  let cursor: string | undefined;
  let written = 0;
  const max = opts.limit ?? Number.POSITIVE_INFINITY;
  if (opts.format === 'json') {
    opts.write('[');
  }
  while (written < max) {
    const page = await store.listArticles({ ...opts.query, limit: Math.min(200, max - written), ...(cursor ? { cursor } : {}) });
    for (const record of page.items) {
      if (opts.format === 'json') {
        opts.write(`${written === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
      } else {
        opts.write(`${JSON.stringify(opts.format === 'ninjs' ? toNinjs(record) : record)}\n`);
      }
      written++;
    }
    if (!page.nextCursor || page.items.length === 0) {
      break;
    }
    cursor = page.nextCursor;
  }
  if (opts.format === 'json') {
    opts.write(written === 0 ? ']\n' : '\n]\n');
  }
  return written;
}
