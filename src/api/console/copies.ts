/**
 * Near-duplicate copies for the console. The API has no cluster filter, so the
 * copies of a story are looked up among the articles published around it (wire
 * copies of one story arrive within hours of each other): a bounded window of
 * GET /articles pages, grouped by clusterId.
 */
import type { ArticleRecord } from '../../store/types.js';
import type { ConsoleApi } from './api-client.js';

/** Half-width of the time window searched for copies. */
export const COPY_WINDOW_MS = 3 * 24 * 3_600_000;
const PAGE = 200;

/** The time the API sorts and filters by: publishedAt, else storedAt, else fetchedAt. */
export const sortTimeOf = (a: ArticleRecord): string => a.publishedAt ?? a.storedAt ?? a.fetchedAt;

/** Article ids per clusterId. Pure. */
export function groupByCluster(items: readonly ArticleRecord[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const a of items) {
    const g = groups.get(a.clusterId) ?? new Set<string>();
    g.add(a.id);
    groups.set(a.clusterId, g);
  }
  return groups;
}

/** [since, until) covering every item's sort time, widened by `COPY_WINDOW_MS` on each side. Pure. */
export function windowAround(items: readonly ArticleRecord[]): { since: string; until: string } | null {
  const times = items.map((a) => Date.parse(sortTimeOf(a))).filter((t) => !Number.isNaN(t));
  if (times.length === 0) {
    return null;
  }
  return {
    since: new Date(Math.min(...times) - COPY_WINDOW_MS).toISOString(),
    until: new Date(Math.max(...times) + COPY_WINDOW_MS).toISOString(),
  };
}

/** Every article in the window around `items` (at most `maxPages` pages of 200). */
async function articlesAround(api: ConsoleApi, items: readonly ArticleRecord[], maxPages: number): Promise<ArticleRecord[]> {
  const window = windowAround(items);
  if (!window) {
    return [...items];
  }
  const found: ArticleRecord[] = [...items];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await api.listArticles({ ...window, limit: PAGE, ...(cursor ? { cursor } : {}) });
    if (!page.ok) {
      break;
    }
    found.push(...page.data.items);
    if (!page.data.nextCursor) {
      break;
    }
    cursor = page.data.nextCursor;
  }
  return found;
}

/** For each listed article: how many other copies of its story are known. */
export async function copyCounts(api: ConsoleApi, items: readonly ArticleRecord[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (items.length === 0) {
    return counts;
  }
  const groups = groupByCluster(await articlesAround(api, items, 2));
  for (const a of items) {
    const members = groups.get(a.clusterId)?.size ?? 1;
    // A duplicate always has at least its original, even outside the window.
    counts.set(a.id, Math.max(members - 1, a.duplicateOf ? 1 : 0));
  }
  return counts;
}

/** The other articles of `article`'s cluster, oldest first (the original included when it still exists). */
export async function otherCopies(api: ConsoleApi, article: ArticleRecord): Promise<ArticleRecord[]> {
  const byId = new Map<string, ArticleRecord>();
  for (const a of await articlesAround(api, [article], 5)) {
    if (a.clusterId === article.clusterId && a.id !== article.id) {
      byId.set(a.id, a);
    }
  }
  if (article.clusterId !== article.id && !byId.has(article.clusterId)) {
    const original = await api.getArticle(article.clusterId);
    if (original.ok) {
      byId.set(original.data.id, original.data);
    }
  }
  return [...byId.values()].sort((a, b) => sortTimeOf(a).localeCompare(sortTimeOf(b)));
}
