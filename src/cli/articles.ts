import { listShape, pickFields, type ArticleField } from '../api/article-query.js';
import type { ArticleStore } from '../store/article-store.js';
import type { ArticleQuery, ArticleView } from '../store/types.js';
import { toNinjs } from '../ninjs/to-ninjs.js';

/**
 * Streams matching articles page by page (constant memory). `json` writes one
 * array, `jsonl` and `ninjs` one document per line. `view` and `fields` shape
 * JSON items as GET /articles does (whole records by default, written as stored).
 */
export async function exportArticles(
  store: ArticleStore,
  opts: {
    query: Omit<ArticleQuery, 'limit' | 'cursor'>;
    limit?: number;
    format: 'json' | 'jsonl' | 'ninjs';
    view?: ArticleView;
    fields?: ArticleField[];
    write: (chunk: string) => unknown;
  },
): Promise<number> {
  const shape = listShape({ ...(opts.view ? { view: opts.view } : {}), ...(opts.fields ? { fields: opts.fields } : {}) });
  let cursor: string | undefined;
  let written = 0;
  const max = opts.limit ?? Number.POSITIVE_INFINITY;
  if (opts.format === 'json') {
    opts.write('[');
  }
  while (written < max) {
    const query = { ...opts.query, limit: Math.min(200, max - written), ...(cursor ? { cursor } : {}) };
    let page: { items: string[]; nextCursor: string | null };
    if (opts.format === 'ninjs') {
      const records = await store.listArticles(query);
      page = { items: records.items.map((r) => JSON.stringify(toNinjs(r))), nextCursor: records.nextCursor };
    } else {
      page = await store.listArticleJson(query, shape.view);
    }
    for (const json of page.items) {
      const item = shape.pick && opts.format !== 'ninjs' ? pickFields(json, shape.pick) : json;
      opts.write(opts.format === 'json' ? `${written === 0 ? '\n' : ',\n'}${item}` : `${item}\n`);
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
