/**
 * Shared by the pipeline benchmark and the chaos suite: a feeds file for a
 * load wire, queue and store observation, and the end-of-run audit (every
 * item stored exactly once, nothing left active, failures only on bad input).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { QUEUES, type QueueKey } from '../../src/queues/contracts.js';
import { openStore } from '../../src/store/index.js';
import type { FullArticleStore } from '../../src/store/article-store.js';
import type { LoadWire } from './load-wire.js';
import { REPO } from './procs.js';

export type RunSetup = { configPath: string; env: Record<string, string> };

/** Writes `<dir>/feeds.yaml` for the wire's feeds and returns the role environment. */
export function writeRunConfig(
  wire: { feeds: Array<{ id: string; url: string }> },
  o: {
    dir: string;
    redisUrl: string;
    databaseUrl: string;
    prefix: string;
    pollEvery?: string;
    concurrency?: { fetcher?: number; extractor?: number; enricher?: number };
    /** Pool threads per extractor / enricher process (unset: one per core, the shipped default). */
    threads?: { extractor?: number; enricher?: number };
    /** Lift the extractor's backpressure (a stage run alone fills the next queue on purpose). */
    noBackpressure?: boolean;
  },
): RunSetup {
  const configPath = join(o.dir, 'feeds.yaml');
  writeFileSync(
    configPath,
    stringify({
      feeds: wire.feeds.map((f) => ({ id: f.id, url: f.url, interval: o.pollEvery ?? '2s' })),
      // The whole wire is one host: lift the per-host politeness budget (300/min by default) out of the way.
      fetch: { allow: ['127.0.0.1/32'], timeout: '20s', perHost: { concurrency: 64, perMinute: 1_000_000 } },
      poll: { interval: o.pollEvery ?? '2s', minInterval: '1s' },
      topicsFile: join(REPO, 'config/topics.yaml'),
      // Unset figures take the shipped defaults (src/config.ts).
      workers: {
        ...(o.concurrency?.fetcher ? { fetcherConcurrency: o.concurrency.fetcher } : {}),
        ...(o.concurrency?.extractor ? { extractorConcurrency: o.concurrency.extractor } : {}),
        ...(o.concurrency?.enricher ? { enricherConcurrency: o.concurrency.enricher } : {}),
        ...(o.threads?.extractor !== undefined ? { extractorThreads: o.threads.extractor } : {}),
        ...(o.threads?.enricher !== undefined ? { enricherThreads: o.threads.enricher } : {}),
        ...(o.noBackpressure ? { maxEnrichBacklog: 1_000_000_000 } : {}),
      },
    }),
  );
  return {
    configPath,
    env: {
      REDIS_URL: o.redisUrl,
      DATABASE_URL: o.databaseUrl,
      QUEUE_PREFIX: o.prefix,
      DATA_DIR: join(o.dir, 'data'),
      TELEX_CONFIG: configPath,
    },
  };
}

export type JobCounts = Record<string, number>;

/** A read-only view of the run's queues and article stream. */
/** The pipeline's stages (webhook deliveries are not part of a run). */
type StageKey = Exclude<QueueKey, 'deliver'>;

export class Observer {
  readonly redis: Redis;
  readonly queues: Record<StageKey, Queue>;
  constructor(readonly redisUrl: string, readonly prefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', () => {});
    const make = (k: StageKey) => {
      const q = new Queue(QUEUES[k].name, { connection: this.redis, prefix });
      // Redis restarts are part of the chaos run: reconnect quietly.
      q.on('error', () => {});
      return q;
    };
    this.queues = { poll: make('poll'), extract: make('extract'), enrich: make('enrich') };
  }

  async counts(key: StageKey): Promise<JobCounts> {
    return this.queues[key].getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed', 'completed');
  }

  /** Jobs waiting or running in extract + enrich (poll jobs are scheduled forever). */
  async busy(): Promise<number> {
    let n = 0;
    for (const k of ['extract', 'enrich'] as const) {
      const c = await this.counts(k);
      n += (c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['delayed'] ?? 0) + (c['prioritized'] ?? 0) + (c['paused'] ?? 0);
    }
    return n;
  }

  /** Article stream entries: Redis entry time (ms) per event, in order. */
  async events(): Promise<Array<{ ms: number; id: string; outcome: string; url: string; version: number }>> {
    const out: Array<{ ms: number; id: string; outcome: string; url: string; version: number }> = [];
    let start = '-';
    for (;;) {
      const batch = (await this.redis.xrange(`${this.prefix}:articles`, start, '+', 'COUNT', 5_000)) as Array<[string, string[]]>;
      for (const [sid, fields] of batch) {
        const f = new Map<string, string>();
        for (let i = 0; i + 1 < fields.length; i += 2) {
          f.set(fields[i] ?? '', fields[i + 1] ?? '');
        }
        out.push({ ms: Number(sid.split('-')[0]), id: f.get('id') ?? '', outcome: f.get('outcome') ?? '', url: f.get('url') ?? '', version: Number(f.get('version') ?? 0) });
      }
      if (batch.length < 5_000) {
        return out;
      }
      start = `(${batch[batch.length - 1]?.[0]}`;
    }
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    this.redis.disconnect();
  }
}

/**
 * SQLite stores kept open between counts: opening one runs the migration
 * check, whose write transactions would make the workers' upserts wait (a
 * wait that blocks their event loop) four times a second.
 */
const sqliteStores = new Map<string, Promise<FullArticleStore>>();

/** Closes the stores storedCount keeps open. */
export async function closeStoredCounts(): Promise<void> {
  const all = [...sqliteStores.values()];
  sqliteStores.clear();
  await Promise.all(all.map((p) => p.then((s) => s.close()).catch(() => {})));
}

/** Stored article count, or null when the store is unreachable (e.g. PostgreSQL restarting). */
export async function storedCount(databaseUrl: string): Promise<number | null> {
  if (!/^postgres(ql)?:/i.test(databaseUrl)) {
    let open = sqliteStores.get(databaseUrl);
    if (!open) {
      open = openStore(databaseUrl);
      sqliteStores.set(databaseUrl, open);
    }
    try {
      return await (await open).countArticles();
    } catch {
      sqliteStores.delete(databaseUrl);
      void open.then((s) => s.close()).catch(() => {});
      return null;
    }
  }
  try {
    const store = await openStore(databaseUrl);
    try {
      return await store.countArticles();
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}

export type Audit = {
  items: number;
  expectedStored: number;
  stored: number;
  storedOnce: boolean;
  missing: string[];
  unexpected: string[];
  versionsAboveOne: number;
  createdEvents: number;
  duplicateCreatedEvents: number;
  /** "<entry time> <article id> <url>" of every created event whose article was announced more than once. */
  duplicates: string[];
  failedJobs: { extract: number; enrich: number; poll: number };
  failedOnGoodInput: string[];
  badInputNotFailed: string[];
  leftover: Record<StageKey, JobCounts>;
  nothingLeft: boolean;
};

/** The end-of-run check: every item accounted for exactly once. */
export async function audit(wire: LoadWire, obs: Observer, databaseUrl: string): Promise<Audit> {
  const store = await openStore(databaseUrl);
  const storedUrls = new Map<string, number>();
  let versionsAboveOne = 0;
  try {
    let cursor: string | undefined;
    for (;;) {
      const page = await store.listArticles({ limit: 500, ...(cursor ? { cursor } : {}) });
      for (const a of page.items) {
        storedUrls.set(a.url, (storedUrls.get(a.url) ?? 0) + 1);
        if (a.version > 1) {
          versionsAboveOne++;
        }
      }
      if (!page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
  } finally {
    await store.close();
  }
  const shouldStore = wire.items.filter((i) => i.expect === 'stored' || i.expect === 'fallback');
  const missing = shouldStore.filter((i) => !storedUrls.has(i.url)).map((i) => i.url);
  const expectedSet = new Set(shouldStore.map((i) => i.url));
  const unexpected = [...storedUrls.keys()].filter((u) => !expectedSet.has(u));
  const stored = [...storedUrls.values()].reduce((a, b) => a + b, 0);

  const events = await obs.events();
  const created = new Map<string, number>();
  for (const e of events) {
    if (e.outcome === 'created') {
      created.set(e.id, (created.get(e.id) ?? 0) + 1);
    }
  }
  const duplicateCreatedEvents = [...created.values()].filter((n) => n > 1).length;
  const duplicates = events
    .filter((e) => e.outcome === 'created' && (created.get(e.id) ?? 0) > 1)
    .map((e) => `${new Date(e.ms).toISOString()} ${e.id} ${e.url}`);

  const failedUrls = new Map<string, string>();
  const failedJobs = { extract: 0, enrich: 0, poll: 0 };
  for (const k of ['poll', 'extract', 'enrich'] as const) {
    const jobs = await obs.queues[k].getFailed(0, -1);
    failedJobs[k] = jobs.length;
    if (k !== 'poll') {
      for (const j of jobs) {
        const url = (j.data as { url?: string }).url;
        if (url) {
          failedUrls.set(url, j.failedReason);
        }
      }
    }
  }
  const byUrl = new Map(wire.items.map((i) => [i.url, i]));
  const failedOnGoodInput = [...failedUrls.entries()].filter(([u]) => byUrl.get(u)?.expect !== 'failed').map(([u, why]) => `${u}: ${why}`);
  const badInputNotFailed = wire.items.filter((i) => i.expect === 'failed' && !failedUrls.has(i.url)).map((i) => i.url);

  const leftover = { poll: await obs.counts('poll'), extract: await obs.counts('extract'), enrich: await obs.counts('enrich') };
  const pending = (c: JobCounts) => (c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['prioritized'] ?? 0) + (c['waiting-children'] ?? 0) + (c['paused'] ?? 0);
  const nothingLeft =
    pending(leftover.extract) + (leftover.extract['delayed'] ?? 0) === 0 &&
    pending(leftover.enrich) + (leftover.enrich['delayed'] ?? 0) === 0 &&
    (leftover.poll['active'] ?? 0) === 0;
  return {
    items: wire.items.length,
    expectedStored: shouldStore.length,
    stored,
    storedOnce: missing.length === 0 && unexpected.length === 0 && stored === shouldStore.length,
    missing,
    unexpected,
    versionsAboveOne,
    createdEvents: created.size,
    duplicateCreatedEvents,
    duplicates,
    failedJobs,
    failedOnGoodInput,
    badInputNotFailed,
    leftover,
    nothingLeft,
  };
}

/** The median (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/**
 * Latencies (ms, sorted) to stored (article event written), from publication
 * (`from: 'publish'`) or from the item's first appearance in a served feed.
 */
export function latencies(wire: LoadWire, events: Array<{ ms: number; url: string; outcome: string }>, from: 'publish' | 'seen' = 'publish'): number[] {
  const out: number[] = [];
  for (const e of events) {
    if (e.outcome !== 'created') {
      continue;
    }
    const t = from === 'publish' ? wire.publishedAt(e.url) : wire.firstServedAt.get(e.url);
    if (t !== undefined) {
      out.push(e.ms - t);
    }
  }
  return out.sort((a, b) => a - b);
}
