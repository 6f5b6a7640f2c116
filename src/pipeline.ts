import type { Worker } from 'bullmq';
import { QUEUES } from './queues/contracts.js';
import type { StageEvent } from './queues/consumer.js';
import type { Runtime } from './runtime.js';
import type { FeedState } from './store/types.js';
import { startEnricher } from './workers/enricher/main.js';
import { startExtractor } from './workers/extractor/main.js';
import { schedulerIdFor, startFetcher } from './workers/fetcher/main.js';

export const ROLES = ['all', 'fetcher', 'extractor', 'enricher', 'api', 'webhooks'] as const;
export type Role = (typeof ROLES)[number];

export type StageListeners = {
  poll?: (e: StageEvent<'poll'>) => void;
  extract?: (e: StageEvent<'extract'>) => void;
  enrich?: (e: StageEvent<'enrich'>) => void;
};

/** Whether a process started with `roles` runs `role` (`all` runs every one). */
export function runsRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role) || roles.includes('all');
}

/** Starts the workers for `roles` in this process. */
export function startWorkers(
  rt: Runtime,
  roles: readonly Role[],
  listeners: StageListeners = {},
  opts: { schedule?: boolean; websub?: boolean } = {},
): Worker[] {
  const has = (r: Role) => runsRole(roles, r);
  const workers: Worker[] = [];
  if (has('fetcher')) {
    workers.push(startFetcher(rt, listeners.poll, opts));
  }
  if (has('extractor')) {
    workers.push(startExtractor(rt, listeners.extract));
  }
  if (has('enricher')) {
    workers.push(startEnricher(rt, listeners.enrich, { withExtractor: has('extractor') }));
  }
  return workers;
}

export { schedulerIdFor };

/**
 * One job scheduler per active feed: creates the missing ones and drops those
 * of removed or retired feeds. Existing schedulers are left alone, since the
 * fetcher moves them as each feed's rhythm changes. Idempotent, and safe with
 * several replicas doing it at once (scheduler ids are the feed ids).
 */
export async function syncSchedulers(rt: Runtime): Promise<{ active: number; created: number; removed: number }> {
  const queue = rt.producer.queues.poll;
  const feeds = await rt.store.listFeeds();
  const wanted = new Map(feeds.filter((f) => f.status === 'active').map((f) => [schedulerIdFor(f.id), f]));
  const existing = new Set((await queue.getJobSchedulers(0, -1)).map((s) => s.key));
  let created = 0;
  for (const [id, feed] of wanted) {
    if (!existing.has(id)) {
      await queue.upsertJobScheduler(
        id,
        { every: feed.intervalMs ?? rt.config.file.poll.interval },
        { name: QUEUES.poll.name, data: { feedId: feed.id } },
      );
      created++;
    }
  }
  let removed = 0;
  for (const id of existing) {
    if (id.startsWith('poll-') && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed++;
    }
  }
  return { active: wanted.size, created, removed };
}

export type RunSummary = {
  feeds: Array<{ id: string; url: string; ok: boolean; items: number; newItems: number; error?: string }>;
  newItems: number;
  stored: { created: number; updated: number; unchanged: number };
  fallbacks: Array<{ url: string; reason: string }>;
  skipped: Array<{ url: string; reason: string }>;
  failures: Array<{ stage: string; url: string; reason: string }>;
  ms: number;
};

export type RunProgress = { feedsPolled: number; feedsTotal: number; extracted: number; stored: number; failed: number };

/**
 * Polls every active feed once and waits until every job that caused has
 * finished. Runs on a private queue prefix with its own in-process workers, so
 * a long-running `telex start` on the same Redis neither steals nor adds jobs.
 */
export async function runOnce(
  rt: Runtime,
  opts: { timeoutMs?: number; onProgress?: (p: RunProgress) => void } = {},
): Promise<RunSummary> {
  const started = Date.now();
  const feeds = (await rt.store.listFeeds()).filter((f) => f.status === 'active');
  const byId = new Map<string, FeedState>(feeds.map((f) => [f.id, f]));
  const summary: RunSummary = {
    feeds: [],
    newItems: 0,
    stored: { created: 0, updated: 0, unchanged: 0 },
    fallbacks: [],
    skipped: [],
    failures: [],
    ms: 0,
  };
  const progress: RunProgress = { feedsPolled: 0, feedsTotal: feeds.length, extracted: 0, stored: 0, failed: 0 };
  const report = () => opts.onProgress?.({ ...progress });
  const workers = startWorkers(rt, ['all'], {
    poll: (e) => {
      const feed = byId.get(e.payload.feedId);
      const url = feed?.url ?? '';
      if (e.outcome === 'done') {
        const newItems = Number(e.detail['newItems'] ?? 0);
        summary.feeds.push({ id: e.payload.feedId, url, ok: true, items: Number(e.detail['items'] ?? 0), newItems });
        summary.newItems += newItems;
      } else if (e.outcome === 'failed') {
        summary.feeds.push({ id: e.payload.feedId, url, ok: false, items: 0, newItems: 0, error: `${e.error.code}: ${e.error.message}` });
      } else if (e.outcome === 'skipped') {
        summary.feeds.push({ id: e.payload.feedId, url, ok: false, items: 0, newItems: 0, error: e.reason });
      }
      if (e.outcome !== 'retry') {
        progress.feedsPolled++;
        report();
      }
    },
    extract: (e) => {
      if (e.outcome === 'done') {
        progress.extracted++;
        if (e.detail['method'] === 'feed-content') {
          summary.fallbacks.push({ url: e.payload.url, reason: String(e.detail['reason'] ?? '') });
        }
      } else if (e.outcome === 'skipped') {
        summary.skipped.push({ url: e.payload.url, reason: e.reason });
      } else if (e.outcome === 'failed') {
        progress.failed++;
        summary.failures.push({ stage: 'extract', url: e.payload.url, reason: `${e.error.code}: ${e.error.message}` });
      }
      report();
    },
    enrich: (e) => {
      if (e.outcome === 'done') {
        const outcome = e.detail['outcome'] as keyof RunSummary['stored'];
        summary.stored[outcome]++;
        progress.stored++;
      } else if (e.outcome === 'failed') {
        progress.failed++;
        summary.failures.push({ stage: 'enrich', url: e.payload.url, reason: `${e.error.code}: ${e.error.message}` });
      }
      report();
    },
  }, { schedule: false });
  try {
    await rt.producer.enqueue(feeds.map((f) => ({ queue: 'poll' as const, payload: { feedId: f.id, force: true }, jobId: `once-${f.id}` })));
    await waitForIdle(rt, opts.timeoutMs ?? 30 * 60_000);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    for (const q of Object.values(rt.producer.queues)) {
      await q.obliterate({ force: true }).catch((err) => rt.log.warn({ err }, 'could not clean run queues'));
    }
  }
  summary.feeds.sort((a, b) => a.id.localeCompare(b.id));
  summary.ms = Date.now() - started;
  return summary;
}

async function waitForIdle(rt: Runtime, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  while (Date.now() < deadline) {
    let busy = 0;
    for (const q of Object.values(rt.producer.queues)) {
      const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      busy += Object.values(c).reduce((a, b) => a + b, 0);
    }
    // Two idle readings in a row: a job that just finished has queued its follow-ups before it completed.
    idleChecks = busy === 0 ? idleChecks + 1 : 0;
    if (idleChecks >= 2) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run did not finish within ${timeoutMs} ms`);
}
