/**
 * How the console reads data: through the public HTTP API's own routes
 * (fastify `inject`, so the same validation, filters and store queries as any
 * API client), never through the store directly.
 */
import type { FastifyInstance } from 'fastify';
import type { ArticlePage, ArticleRecord, ArticleVersion, ArticleVersionSummary, FeedState } from '../../store/types.js';
import type { FeedHealthStatus } from '../feed-health.js';
import type { PipelineStats, StatsWindow } from '../pipeline-stats.js';
import type { VersionDiff } from '../version-diff.js';
import { queryString } from './html.js';
import type { WebSubStatus } from '../../workers/fetcher/websub.js';

/** A feed as GET /feeds lists it; `websub` is there when the API runs a WebSub subscriber. */
export type FeedView = FeedState & { health: FeedHealthStatus; websub?: WebSubStatus | null };

export type QueueDepth = { queue: string; counts: Record<string, number> };

export type ListParams = {
  q?: string;
  topic?: string;
  feed?: string;
  lang?: string;
  entity?: string;
  category?: string;
  since?: string;
  until?: string;
  cursor?: string;
  limit?: number;
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

export type ConsoleApi = {
  listArticles(params: ListParams): Promise<ApiResult<ArticlePage>>;
  getArticle(id: string): Promise<ApiResult<ArticleRecord>>;
  listFeeds(): Promise<ApiResult<FeedView[]>>;
  /** Queue depths from GET /metrics; null when the API reports none. */
  queueDepths(): Promise<QueueDepth[] | null>;
  /** Any GET route of the API, as JSON. */
  get<T>(url: string): Promise<ApiResult<T>>;
  /** A POST without a body; the answer's status. */
  post(url: string): Promise<number>;
  listVersions(id: string): Promise<ApiResult<{ items: ArticleVersionSummary[] }>>;
  /** Version `to` of an article with the diff from version `from`. */
  versionDiff(id: string, from: number, to: number): Promise<ApiResult<ArticleVersion & { diff: VersionDiff }>>;
  pipelineStats(window: StatsWindow): Promise<ApiResult<PipelineStats>>;
};

const LIST_KEYS = ['q', 'topic', 'feed', 'category', 'lang', 'entity', 'since', 'until', 'cursor', 'limit'] as const;

export function listUrl(params: ListParams): string {
  const ordered: Record<string, string | number | undefined> = {};
  for (const k of LIST_KEYS) {
    ordered[k] = params[k];
  }
  return `/articles${queryString(ordered)}`;
}

/** Parses `telex_queue_jobs{queue="…",state="…"} N` lines of the Prometheus text. Pure. */
export function parseQueueDepths(metrics: string): QueueDepth[] {
  const byQueue = new Map<string, Record<string, number>>();
  for (const line of metrics.split('\n')) {
    const m = /^telex_queue_jobs\{([^}]*)\}\s+(\S+)/.exec(line);
    if (!m?.[1] || m[2] === undefined) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const l of m[1].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      if (l[1] && l[2] !== undefined) {
        labels[l[1]] = l[2].replace(/\\(.)/g, '$1');
      }
    }
    const value = Number(m[2]);
    if (!labels.queue || !labels.state || !Number.isFinite(value)) {
      continue;
    }
    const counts = byQueue.get(labels.queue) ?? {};
    counts[labels.state] = value;
    byQueue.set(labels.queue, counts);
  }
  return [...byQueue.entries()].map(([queue, counts]) => ({ queue, counts })).sort((a, b) => a.queue.localeCompare(b.queue));
}

/** A ConsoleApi over `app`'s own routes; `token` (when the API needs one) goes as a bearer token. */
export function createConsoleApi(app: FastifyInstance, token: string | null): ConsoleApi {
  const get = async <T>(url: string): Promise<ApiResult<T>> => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (res.statusCode >= 200 && res.statusCode < 300) {
      return { ok: true, data: res.json() as T };
    }
    let message = `${url.split('?')[0]} answered ${res.statusCode}`;
    try {
      const body = res.json() as { message?: unknown };
      if (typeof body.message === 'string') {
        message = body.message;
      }
    } catch {
      // not JSON: keep the generic message
    }
    return { ok: false, status: res.statusCode, message };
  };

  return {
    get,
    async post(url) {
      const res = await app.inject({ method: 'POST', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      return res.statusCode;
    },
    listArticles: (params) => get<ArticlePage>(listUrl(params)),
    getArticle: (id) => get<ArticleRecord>(`/articles/${encodeURIComponent(id)}`),
    listVersions: (id) => get(`/articles/${encodeURIComponent(id)}/versions`),
    versionDiff: (id, from, to) => get(`/articles/${encodeURIComponent(id)}/versions/${to}?against=${from}`),
    pipelineStats: (window) => get(`/pipeline/stats?window=${window}`),
    async listFeeds() {
      const r = await get<{ items: FeedView[] }>('/feeds');
      return r.ok ? { ok: true, data: r.data.items } : r;
    },
    async queueDepths() {
      const res = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (res.statusCode !== 200) {
        return null;
      }
      const depths = parseQueueDepths(res.body);
      return depths.length > 0 ? depths : null;
    },
  };
}
