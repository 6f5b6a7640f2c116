import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DEFAULT_VERSIONS_KEPT } from './store/types.js';

/** Parses "90s", "15m", "2h", "1d", "500ms" or a bare number of milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(value);
  if (!m) {
    throw new Error(`not a duration: "${value}" (use e.g. 90s, 15m, 2h)`);
  }
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  return Math.round(n * factor);
}

const Duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    return parseDuration(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const Env = z.object({
  REDIS_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).default('./data/telex.db'),
  DATA_DIR: z.string().min(1).default('./data'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}-]+$/, 'letters, digits, _, - and {} only')
    .default('telex'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  TELEX_CONFIG: z.string().min(1).default('config/feeds.yaml'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  API_TOKEN: z.string().min(1).optional(),
  /** Public base URL of the API for WebSub callbacks (overrides websub.publicUrl in the config file). */
  WEBSUB_PUBLIC_URL: z.url().optional(),
  HTTPS_PROXY: z.string().optional(),
  HTTP_PROXY: z.string().optional(),
  NO_PROXY: z.string().optional(),
});
export type Env = Readonly<z.infer<typeof Env>>;

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Sole reader of process.env. Throws one error listing every problem. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return Object.freeze(parsed.data);
}

export const FeedEntry = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'feed id: letters, digits, ".", "_" and "-"')
    .max(100),
  url: z.url(),
  title: z.string().optional(),
  interval: Duration.optional(),
  /** Categories (desks) the feed belongs to, e.g. [world, business]; /articles?category= filters by them. */
  categories: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  /**
   * false: fetch this feed's article pages without reading robots.txt (a source the newsroom
   * has a licence with). Feeds themselves are never subject to robots.txt.
   */
  respectRobots: z.boolean().default(true),
});

export const FileConfig = z.object({
  feeds: z.array(FeedEntry).default([]),
  /** Delete articles older than this many days (by publishedAt, else storedAt); unset keeps everything. */
  retentionDays: z.number().int().positive().optional(),
  /**
   * Earlier versions of each article that the store keeps (see docs/versions.md):
   * `keep` versions in all, the current one included (default 20; 1 keeps no
   * history), and none older than `maxAge` (e.g. 90d; default no age limit).
   */
  versions: z
    .object({
      keep: z.number().int().min(1).max(1000).default(DEFAULT_VERSIONS_KEPT),
      maxAge: Duration.optional(),
    })
    .default({ keep: DEFAULT_VERSIONS_KEPT }),
  /** Newsroom topics (YAML), relative to the working directory; re-read when it changes. */
  topicsFile: z.string().default('config/topics.yaml'),
  fetch: z
    .object({
      /** Hosts or CIDRs that the SSRF guard lets through (e.g. 127.0.0.1/32 for a local wire). */
      allow: z.array(z.string()).default([]),
      userAgent: z.string().optional(),
      timeout: Duration.optional(),
      maxBytes: z.number().int().positive().optional(),
      /** Politeness per host, shared by every fetcher and extractor through Redis. */
      perHost: z
        .object({
          concurrency: z.number().int().positive().default(4),
          perMinute: z.number().int().positive().default(300),
        })
        .default({ concurrency: 4, perMinute: 300 }),
    })
    .default({ allow: [], perHost: { concurrency: 4, perMinute: 300 } }),
  poll: z
    .object({
      /** Default interval; each feed's adapts to how often it publishes, within [minInterval, maxInterval]. */
      interval: Duration.default(15 * 60_000),
      minInterval: Duration.default(2 * 60_000),
      maxInterval: Duration.default(24 * 3_600_000),
    })
    .default({ interval: 15 * 60_000, minInterval: 2 * 60_000, maxInterval: 24 * 3_600_000 }),
  /**
   * WebSub (push): feeds that name a hub get a subscription whose callback is
   * `<publicUrl>/websub/<feed id>` on the API server. Off while no public URL is set.
   */
  websub: z
    .object({
      /** Base URL at which hubs reach this API (e.g. https://telex.example.org); WEBSUB_PUBLIC_URL overrides it. */
      publicUrl: z.url().optional(),
      /** Lease asked of the hub (the hub decides). */
      lease: Duration.default(10 * 86_400_000),
      /** Renew this long before the lease ends (at most half the lease). */
      renewBefore: Duration.default(3_600_000),
      /** Poll interval while a subscription is live: polling stays as the safety net. */
      pollInterval: Duration.default(6 * 3_600_000),
      /** After a hub refused or failed, ask again no sooner than this. */
      retryAfter: Duration.default(6 * 3_600_000),
    })
    .default({ lease: 10 * 86_400_000, renewBefore: 3_600_000, pollInterval: 6 * 3_600_000, retryAfter: 6 * 3_600_000 }),
  workers: z
    .object({
      fetcherConcurrency: z.number().int().positive().default(4),
      /** Jobs in flight per extractor process (default: four per extractor thread, see stageConcurrency). */
      extractorConcurrency: z.number().int().positive().optional(),
      /** Jobs in flight per enricher process (default: four per enricher thread, at least four). */
      enricherConcurrency: z.number().int().positive().optional(),
      /** Worker threads for DOM work in each extractor process (default: one per core). */
      extractorThreads: z.number().int().positive().optional(),
      /**
       * Backpressure: an extractor takes no new page while this many extracted
       * articles wait for an enricher (they wait in Redis, tens of kB each).
       */
      maxEnrichBacklog: z.number().int().positive().default(256),
      /**
       * Worker threads for tagging and fingerprinting in each enricher process
       * (default: one per core); 0 runs them on the process's main thread.
       */
      enricherThreads: z.number().int().min(0).optional(),
      /**
       * A process or pool thread that has worked and then stays quiet this long
       * collects its heap, frees the SQLite page cache and trims malloc, giving
       * the memory a burst of work grew back to the system (0: never; see
       * src/lib/idle-release.ts).
       */
      releaseMemoryAfter: Duration.default(10_000),
    })
    .default({ fetcherConcurrency: 4, maxEnrichBacklog: 256, releaseMemoryAfter: 10_000 }),
  /** Webhook deliveries (the webhooks role). Targets pass the same SSRF guard as feeds (fetch.allow). */
  webhooks: z
    .object({
      /** Deliveries in flight per process. */
      concurrency: z.number().int().positive().default(8),
      /** Deadline of one delivery attempt. */
      timeout: Duration.default(10_000),
      /** First retry delay, doubled on each of the ten attempts. */
      retryBase: Duration.default(10_000),
      /** Deliveries failed in a row (each after its retries) that pause a subscription. */
      pauseAfter: z.number().int().positive().default(20),
      /** Attempts kept in each subscription's delivery log. */
      logSize: z.number().int().positive().max(10_000).default(100),
    })
    .default({ concurrency: 8, timeout: 10_000, retryBase: 10_000, pauseAfter: 20, logSize: 100 }),
});
export type FileConfig = z.infer<typeof FileConfig>;

/** Jobs in flight per thread of a stage's pool when its concurrency is not set. */
export const JOBS_PER_THREAD = 4;

/**
 * Jobs in flight per process for the stages that work on a thread pool: the
 * configured figure, else four per thread (threads default to one per core),
 * and never fewer than four. Each job spends part of its time waiting on
 * Redis, the network or the store; with fewer jobs than that the threads sit
 * idle while the process has work queued.
 */
export function stageConcurrency(
  workers: FileConfig['workers'],
  stage: 'extractor' | 'enricher',
  cores: number = availableParallelism(),
  opts: { withExtractor?: boolean } = {},
): number {
  const set = stage === 'extractor' ? workers.extractorConcurrency : workers.enricherConcurrency;
  if (set) {
    return set;
  }
  return Math.max(4, JOBS_PER_THREAD * poolThreads(workers, stage, cores, opts));
}

/**
 * Pool threads of a stage in one process: the configured figure, else one per
 * core; but an enricher that shares its process with an extractor (`telex run
 * --once`, `telex start` with every role) gets one per two cores. An article
 * costs the enricher about half the CPU the extractor spends on its page, so
 * more threads only compete with the extractor's for the same cores (each
 * still warms up its own JIT and language detector; the models themselves are
 * shared, see model-pack.ts).
 */
export function poolThreads(
  workers: FileConfig['workers'],
  stage: 'extractor' | 'enricher',
  cores: number = availableParallelism(),
  opts: { withExtractor?: boolean } = {},
): number {
  const set = stage === 'extractor' ? workers.extractorThreads : workers.enricherThreads;
  if (set !== undefined) {
    return set;
  }
  return stage === 'enricher' && opts.withExtractor ? Math.max(1, Math.ceil(cores / 2)) : cores;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseFileConfig(text: string, source: string): FileConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError(`invalid config ${source}: ${(err as Error).message}`);
  }
  const parsed = FileConfig.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`invalid config ${source}:\n${z.prettifyError(parsed.error)}`);
  }
  const ids = new Set<string>();
  const dupes = parsed.data.feeds.map((f) => f.id).filter((id) => (ids.has(id) ? true : (ids.add(id), false)));
  if (dupes.length > 0) {
    throw new ConfigError(`invalid config ${source}:\n✖ duplicate feed ids: ${[...new Set(dupes)].join(', ')}`);
  }
  return parsed.data;
}

export function loadFileConfig(path: string): FileConfig {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  return parseFileConfig(text, path);
}

export type Config = { env: Env; file: FileConfig; configPath: string };

/** Environment plus feeds file; `configPath` (from --config) wins over TELEX_CONFIG. */
export function loadConfig(opts: { configPath?: string; env?: NodeJS.ProcessEnv } = {}): Config {
  const envErrors: string[] = [];
  let env: Env | undefined;
  try {
    env = loadEnv(opts.env);
  } catch (err) {
    envErrors.push((err as Error).message);
  }
  const configPath = opts.configPath ?? env?.TELEX_CONFIG ?? 'config/feeds.yaml';
  let file: FileConfig | undefined;
  try {
    file = loadFileConfig(configPath);
  } catch (err) {
    envErrors.push((err as Error).message);
  }
  if (envErrors.length > 0 || !env || !file) {
    throw new ConfigError(envErrors.join('\n'));
  }
  return { env, file, configPath };
}
