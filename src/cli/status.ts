import type { Runtime } from '../runtime.js';
import type { StoreStats } from '../store/types.js';

export type Status = {
  queues: Record<string, Record<string, number>>;
  schedulers: number;
  store: StoreStats & { kind: string };
  feeds: Array<{ id: string; health: 'ok' | 'failing' | 'retired' | 'never polled'; lastError: string | null }>;
};

/** What `telex status` shows: queue depths, feed health, store counts. */
export async function collectStatus(rt: Runtime): Promise<Status> {
  const queues: Status['queues'] = {};
  for (const [key, q] of Object.entries(rt.producer.queues)) {
    queues[key] = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
  }
  const schedulers = await rt.producer.queues.poll.getJobSchedulersCount();
  const stats = await rt.store.stats();
  const feeds = (await rt.store.listFeeds()).map((f) => ({
    id: f.id,
    health: (f.status === 'retired' ? 'retired' : f.consecutiveFailures > 0 ? 'failing' : f.lastSuccessAt ? 'ok' : 'never polled') as Status['feeds'][number]['health'],
    lastError: f.consecutiveFailures > 0 && f.lastError ? `${f.lastError.code}: ${f.lastError.message}` : null,
  }));
  return { queues, schedulers, store: { kind: rt.store.kind, ...stats }, feeds };
}
