#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULT_REDIS_URL, loadConfig, parseDuration, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import type { Role } from '../pipeline.js';
import { ensureRedis } from '../redis-server.js';
import type { Runtime } from '../runtime.js';
import { createShutdown } from '../shutdown.js';
import { openStore } from '../store/index.js';
import { formatFeeds, formatSummary } from './format.js';
import { exportArticles } from './articles.js';
import { describeIssues, ListArticlesParams, type ArticleField } from '../api/article-query.js';
import type { ArticleView } from '../store/types.js';
import { addFeed, exportOpml, feedIdFromUrl, importOpml, resolveFeedUrl } from './feeds.js';

const USAGE = `telex — news ingestion pipeline

Usage:
  telex start [--role all|fetcher|extractor|enricher|api|webhooks]...   run the pipeline (long-running)
  telex run --once                                            poll every feed once, wait, print a summary
  telex extract <file|url> [--url <page url>]                 print the extracted article (JSON)
  telex process <file|url> [--url <page url>]                 extract + enrich, print the record (JSON)
  telex feeds add <url> [--id <id>] [--interval <duration>] [--category <name>]... [--no-discover]
                                                              register a feed (a page URL: its advertised feed)
  telex feeds list | remove <id>                              show feeds with health / remove one
  telex feeds import <file.opml> | export                     OPML 2.0 in and out
  telex feeds check <url|file> [--json] [--url <feed url>]    what Telex reads in a feed, with every warning
  telex articles [--since <iso>] [--until <iso>] [--feed <id>] [--category <name>] [--topic <code>] [--lang <code>]
                 [--q <text>] [--limit <n>] [--format json|jsonl|ninjs]
                 [--view full|summary] [--fields id,title,...]     lighter JSON items, as GET /articles
  telex status [--json]                                       queue depths, feed health, store counts
  telex keys add <name> --scope read|write|admin|metrics...   create an API key (shown once)
  telex keys list | revoke <id|name>                          list keys / revoke one
  telex webhooks add <url> [--event created|updated]... [--feed] [--category] [--topic] [--lang] [--entity] [--q]
                           [--format json|ninjs] [--secret <s>]   subscribe a URL (its signing secret shown once)
  telex webhooks list | remove <id> | resume <id> | deliveries <id> [--limit <n>]
  telex demo                                                  run the offline sample wire end to end

Options for every command:
  --config <file>   feeds file (default: $TELEX_CONFIG or config/feeds.yaml)
Environment: REDIS_URL, DATABASE_URL, QUEUE_PREFIX, LOG_LEVEL, TELEX_CONFIG, PORT, HOST, API_TOKEN`;

class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
type Parsed = { values: Record<string, string | boolean | Array<string | boolean> | undefined>; positionals: string[] };

function parse(argv: string[], options: OptionSpec): Parsed {
  try {
    const r = parseArgs({ args: argv, options: { config: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function configFrom(values: Record<string, unknown>): Config {
  const configPath = typeof values['config'] === 'string' ? values['config'] : undefined;
  return loadConfig(configPath ? { configPath } : {});
}

/** Long-running roles log to stdout; one-shot commands to stderr, quieter by default. */
function loggerFor(config: Config, oneShot = false): Logger {
  return createLogger({ level: oneShot && config.env.LOG_LEVEL === 'info' ? 'warn' : config.env.LOG_LEVEL, fd: oneShot ? 2 : 1 });
}

async function withRuntime<T>(
  config: Config,
  log: Logger,
  prefix: string | undefined,
  fn: (rt: Runtime) => Promise<T>,
  opts: { enriches?: boolean } = {},
): Promise<T> {
  const redis = await ensureRedis({ envUrl: config.env.REDIS_URL, defaultUrl: DEFAULT_REDIS_URL, dataDir: config.env.DATA_DIR, log });
  const { createRuntime } = await import('../runtime.js');
  let rt: Runtime | undefined;
  try {
    rt = await createRuntime(config, log, { redisUrl: redis.url, enriches: opts.enriches ?? false, ...(prefix ? { prefix } : {}) });
    return await fn(rt);
  } finally {
    await rt?.close();
    await redis.stop();
  }
}

async function cmdStart(argv: string[]): Promise<number> {
  const { values } = parse(argv, { role: { type: 'string', multiple: true } });
  const { ROLES, runsRole, startWorkers, syncSchedulers } = await import('../pipeline.js');
  const { createRuntime } = await import('../runtime.js');
  const roles = (values.role as string[] | undefined)?.flatMap((r) => r.split(',')) ?? ['all'];
  for (const r of roles) {
    if (!(ROLES as readonly string[]).includes(r)) {
      throw new UsageError(`unknown role "${r}" (one of ${ROLES.join(', ')})`);
    }
  }
  const config = configFrom(values);
  const log = loggerFor(config);
  const redis = await ensureRedis({ envUrl: config.env.REDIS_URL, defaultUrl: DEFAULT_REDIS_URL, dataDir: config.env.DATA_DIR, log });
  const typed = roles as Role[];
  const has = (r: Role) => runsRole(typed, r);
  const rt = await createRuntime(config, log, { redisUrl: redis.url, enriches: has('enricher') });
  const shutdown = createShutdown(log);
  const workers = startWorkers(rt, typed);
  shutdown.onShutdown('workers', () => Promise.all(workers.map((w) => w.close())));
  if (has('fetcher')) {
    const sync = async () => {
      try {
        const r = await syncSchedulers(rt);
        log.debug(r, 'feed schedulers synced');
      } catch (err) {
        log.error({ err }, 'could not sync feed schedulers');
      }
    };
    await sync();
    const timer = setInterval(() => void sync(), 60_000);
    shutdown.onShutdown('scheduler sync', () => clearInterval(timer));
    const websub = rt.websub;
    if (websub) {
      // Lease renewals and unsubscriptions of removed feeds.
      const sweep = async () => {
        try {
          const r = await websub.sweep();
          log.debug(r, 'websub subscriptions swept');
        } catch (err) {
          log.error({ err }, 'websub sweep failed');
        }
      };
      const sweepTimer = setInterval(() => void sweep(), 60_000);
      shutdown.onShutdown('websub sweep', () => clearInterval(sweepTimer));
    }
  }
  const running = [...workers];
  if (has('webhooks')) {
    const { startWebhooks } = await import('../webhooks/main.js');
    const webhooks = await startWebhooks(rt);
    running.push(webhooks.worker);
    shutdown.onShutdown('webhooks', () => webhooks.close());
  }
  if (has('api')) {
    const { startApi } = await import('./serve.js');
    const api = await startApi(rt, running);
    shutdown.onShutdown('api', () => api.close());
  }
  const retentionDays = config.file.retentionDays;
  if (retentionDays && has('enricher')) {
    const prune = async () => {
      try {
        const deleted = await rt.store.deleteOlderThan(retentionDays);
        log.info({ deleted, retentionDays }, 'retention applied');
      } catch (err) {
        log.error({ err }, 'retention failed');
      }
    };
    await prune();
    const timer = setInterval(() => void prune(), 3_600_000);
    shutdown.onShutdown('retention', () => clearInterval(timer));
  }
  const releaseAfterMs = config.file.workers.releaseMemoryAfter;
  if (releaseAfterMs > 0) {
    const { releaseMemory, startIdleRelease } = await import('../lib/idle-release.js');
    const mb = (n: number) => Math.round(n / 1048576);
    const idle = startIdleRelease({
      afterMs: releaseAfterMs,
      release: () => {
        const heapBefore = process.memoryUsage().heapTotal;
        rt.store.releaseMemory();
        releaseMemory();
        log.debug({ heapMb: { before: mb(heapBefore), after: mb(process.memoryUsage().heapTotal) } }, 'memory released');
      },
      onError: (err) => log.warn({ err }, 'could not release memory'),
    });
    shutdown.onShutdown('idle memory release', () => idle.stop());
  }
  shutdown.onShutdown('runtime', () => rt.close());
  shutdown.onShutdown('redis', () => redis.stop());
  shutdown.installSignalHandlers();
  log.info({ roles, prefix: rt.prefix, database: rt.store.kind, feeds: (await rt.store.listFeeds()).length }, 'telex started');
  await new Promise(() => {});
  return 0;
}

async function cmdRun(argv: string[]): Promise<number> {
  const { values } = parse(argv, { once: { type: 'boolean' } });
  if (!values.once) {
    throw new UsageError('`telex run` needs --once (use `telex start` to run continuously)');
  }
  const config = configFrom(values);
  const log = loggerFor(config, true);
  const runPrefix = `${config.env.QUEUE_PREFIX}-once-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const tty = process.stderr.isTTY === true;
  const { runOnce } = await import('../pipeline.js');
  const summary = await withRuntime(
    config,
    log,
    runPrefix,
    (rt) =>
      runOnce(rt, {
        onProgress: tty
          ? (p) => process.stderr.write(`\rfeeds ${p.feedsPolled}/${p.feedsTotal}  extracted ${p.extracted}  stored ${p.stored}  failed ${p.failed}   `)
          : undefined,
      }),
    { enriches: true },
  );
  if (tty) {
    process.stderr.write('\n');
  }
  process.stdout.write(`${formatSummary(summary)}\n`);
  return 0;
}

async function cmdExtract(argv: string[], enrich: boolean): Promise<number> {
  const { values, positionals } = parse(argv, { url: { type: 'string' } });
  const source = positionals[0];
  if (!source) {
    throw new UsageError(`usage: telex ${enrich ? 'process' : 'extract'} <file|url> [--url <page url>]`);
  }
  const config = configFrom(values);
  const opts = { source, ...(typeof values.url === 'string' ? { pageUrl: values.url } : {}), config };
  const { extractFromSource, processFromSource } = await import('./local.js');
  const result = enrich ? await processFromSource(opts) : await extractFromSource(opts);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function cmdFeeds(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(rest, {
    id: { type: 'string' },
    interval: { type: 'string' },
    title: { type: 'string' },
    'no-discover': { type: 'boolean' },
    category: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    url: { type: 'string' },
  });
  const config = configFrom(values);
  if (sub === 'check') {
    return cmdFeedsCheck(config, positionals[0], { json: values.json === true, ...(typeof values.url === 'string' ? { baseUrl: values.url } : {}) });
  }
  const store = await openStore(config.env.DATABASE_URL);
  try {
    for (const f of config.file.feeds) {
      await store.upsertFeed({ id: f.id, url: f.url, title: f.title ?? null, intervalMs: f.interval ?? null, ...(f.categories ? { categories: f.categories } : {}) });
    }
    switch (sub) {
      case 'add': {
        const url = positionals[0];
        if (!url) {
          throw new UsageError('usage: telex feeds add <url> [--id <id>] [--interval <duration>]');
        }
        let feedUrl = url;
        let title = typeof values.title === 'string' ? values.title : undefined;
        if (!values['no-discover']) {
          const { createHttpClient } = await import('../net/safe-fetch.js');
          const resolved = await resolveFeedUrl(createHttpClient({ allow: config.file.fetch.allow }), url);
          feedUrl = resolved.url;
          title ??= resolved.title ?? undefined;
          if (resolved.discovered) {
            process.stdout.write(`discovered feed ${feedUrl} on ${url}\n`);
          }
        }
        const feed = await addFeed(store, {
          url: feedUrl,
          id: typeof values.id === 'string' ? values.id : feedIdFromUrl(feedUrl),
          ...(typeof values.interval === 'string' ? { intervalMs: parseDuration(values.interval) } : {}),
          ...(title ? { title } : {}),
          ...(Array.isArray(values.category) ? { categories: values.category.map(String) } : {}),
        });
        process.stdout.write(`added feed ${feed.id} -> ${feed.url}\n`);
        return 0;
      }
      case 'list':
        process.stdout.write(`${formatFeeds(await store.listFeeds())}\n`);
        return 0;
      case 'import': {
        const file = positionals[0];
        if (!file) {
          throw new UsageError('usage: telex feeds import <file.opml>');
        }
        const { readFile } = await import('node:fs/promises');
        const { added, skipped } = await importOpml(store, await readFile(file, 'utf8'));
        const lines = [`imported ${added.length} feeds`, ...added.map((f) => `  ${f.id} -> ${f.url}`)];
        if (skipped.length > 0) {
          lines.push(`skipped ${skipped.length}`);
          for (const s of skipped) {
            const what = [s.text ? `"${s.text}"` : null, s.url ?? null].filter(Boolean).join(' ');
            lines.push(`  ${s.line > 0 ? `line ${s.line}: ` : ''}${what || '(outline)'}: ${s.reason}`);
          }
        }
        process.stdout.write(`${lines.join('\n')}\n`);
        return 0;
      }
      case 'export':
        process.stdout.write(await exportOpml(store, new Date()));
        return 0;
      case 'remove': {
        const id = positionals[0];
        if (!id) {
          throw new UsageError('usage: telex feeds remove <id>');
        }
        const removed = await store.removeFeed(id);
        process.stdout.write(removed ? `removed feed ${id}\n` : `no feed ${id}\n`);
        return removed ? 0 : 1;
      }
      default:
        throw new UsageError('usage: telex feeds add|list|remove|import|export|check ...');
    }
  } finally {
    await store.close();
  }
}

/** `telex feeds check <url|file> [--json] [--url <feed url>]`: exit 0 when the feed reads, 1 with the reason when not. */
async function cmdFeedsCheck(config: Config, source: string | undefined, opts: { json: boolean; baseUrl?: string }): Promise<number> {
  if (!source) {
    throw new UsageError('usage: telex feeds check <url|file> [--json] [--url <feed url>]');
  }
  const { createHttpClient } = await import('../net/safe-fetch.js');
  const { readFile } = await import('node:fs/promises');
  const { checkFeed, formatFeedCheck } = await import('./feed-check.js');
  const http = createHttpClient({
    allow: config.file.fetch.allow,
    ...(config.file.fetch.userAgent ? { userAgent: config.file.fetch.userAgent } : {}),
    ...(config.file.fetch.timeout ? { timeoutMs: config.file.fetch.timeout } : {}),
  });
  try {
    const report = await checkFeed(source, { http, readFile: (p) => readFile(p) }, opts.baseUrl ? { baseUrl: opts.baseUrl } : {});
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else if (report.ok) {
      process.stdout.write(`${formatFeedCheck(report)}\n`);
    }
    if (!report.ok) {
      const { code, message } = report.error;
      process.stderr.write(`telex: cannot read ${source}: ${message.startsWith(code) || code === 'error' ? message : `${code}: ${message}`}\n`);
      return 1;
    }
    return 0;
  } finally {
    http.close();
  }
}

async function cmdArticles(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    since: { type: 'string' },
    until: { type: 'string' },
    feed: { type: 'string' },
    category: { type: 'string' },
    topic: { type: 'string' },
    lang: { type: 'string' },
    q: { type: 'string' },
    limit: { type: 'string' },
    format: { type: 'string' },
    view: { type: 'string' },
    fields: { type: 'string' },
  });
  const format = (values.format as string | undefined) ?? 'json';
  if (!['json', 'jsonl', 'ninjs'].includes(format)) {
    throw new UsageError(`unknown format "${format}" (json, jsonl or ninjs)`);
  }
  const view = values.view as string | undefined;
  if (view !== undefined && view !== 'full' && view !== 'summary') {
    throw new UsageError(`unknown view "${view}" (full or summary)`);
  }
  let fields: ArticleField[] | undefined;
  if (values.fields !== undefined) {
    const parsed = ListArticlesParams.shape.fields.safeParse(values.fields);
    if (!parsed.success || !parsed.data) {
      throw new UsageError(`--fields: ${parsed.success ? 'no field named' : describeIssues(parsed.error)}`);
    }
    fields = parsed.data;
  }
  if ((view !== undefined || fields !== undefined) && format === 'ninjs') {
    throw new UsageError('--view and --fields apply to json and jsonl, not ninjs');
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new UsageError('--limit must be a positive whole number');
  }
  const config = configFrom(values);
  const { mediaTopicDescendants } = await import('../topic-expander.js');
  const store = await openStore(config.env.DATABASE_URL, { topicExpander: mediaTopicDescendants });
  try {
    const str = (k: string) => (typeof values[k as keyof typeof values] === 'string' ? (values[k as keyof typeof values] as string) : undefined);
    await exportArticles(store, {
      query: {
        ...(str('since') ? { since: str('since') } : {}),
        ...(str('until') ? { until: str('until') } : {}),
        ...(str('feed') ? { feed: str('feed') } : {}),
        ...(str('category') ? { category: str('category') } : {}),
        ...(str('topic') ? { topic: str('topic') } : {}),
        ...(str('lang') ? { lang: str('lang') } : {}),
        ...(str('q') ? { q: str('q') } : {}),
      },
      ...(limit !== undefined ? { limit } : {}),
      format: format as 'json' | 'jsonl' | 'ninjs',
      ...(view ? { view: view as ArticleView } : {}),
      ...(fields ? { fields } : {}),
      write: (chunk) => process.stdout.write(chunk),
    });
    return 0;
  } finally {
    await store.close();
  }
}

async function cmdStatus(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  const config = configFrom(values);
  const log = loggerFor(config, true);
  const { collectStatus } = await import('./status.js');
  const status = await withRuntime(config, log, undefined, (rt) => collectStatus(rt));
  const { formatStatus } = await import('./format.js');
  process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : `${formatStatus(status)}\n`);
  return 0;
}

async function cmdKeys(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parse(rest, { scope: { type: 'string', multiple: true } });
  const config = configFrom(values);
  const cli = await import('./access.js');
  const store = await openStore(config.env.DATABASE_URL);
  try {
    switch (sub) {
      case 'add': {
        const name = positionals[0];
        if (!name || !Array.isArray(values.scope)) {
          throw new UsageError('usage: telex keys add <name> --scope read|write|admin|metrics [--scope ...]');
        }
        process.stdout.write(`${await cli.addKey(store.access, name, cli.parseScopes(values.scope.map(String)))}\n`);
        return 0;
      }
      case 'list':
        process.stdout.write(`${cli.formatKeys(await store.access.listApiKeys())}\n`);
        return 0;
      case 'revoke': {
        if (!positionals[0]) {
          throw new UsageError('usage: telex keys revoke <id|name>');
        }
        const r = await cli.revokeKey(store.access, positionals[0]);
        process.stdout.write(`${r.text}\n`);
        return r.ok ? 0 : 1;
      }
      default:
        throw new UsageError('usage: telex keys add|list|revoke ...');
    }
  } finally {
    await store.close();
  }
}

async function cmdWebhooks(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const filterKeys = ['feed', 'category', 'topic', 'lang', 'entity', 'q'] as const;
  const { values, positionals } = parse(rest, {
    event: { type: 'string', multiple: true },
    format: { type: 'string' },
    secret: { type: 'string' },
    limit: { type: 'string' },
    ...Object.fromEntries(filterKeys.map((k) => [k, { type: 'string' as const }])),
  });
  const config = configFrom(values);
  const cli = await import('./access.js');
  const store = await openStore(config.env.DATABASE_URL);
  const id = positionals[0];
  const needId = (what: string): string => {
    if (!id) {
      throw new UsageError(`usage: telex webhooks ${what} <id>`);
    }
    return id;
  };
  try {
    switch (sub) {
      case 'add': {
        if (!id) {
          throw new UsageError('usage: telex webhooks add <url> [--event created|updated]... [--feed <id>] [--format json|ninjs] ...');
        }
        const filter = Object.fromEntries(filterKeys.filter((k) => typeof values[k] === 'string').map((k) => [k, values[k]]));
        const input = {
          url: id,
          filter,
          ...(Array.isArray(values.event) ? { events: values.event.map(String) } : {}),
          ...(typeof values.format === 'string' ? { format: values.format } : {}),
          ...(typeof values.secret === 'string' ? { secret: values.secret } : {}),
        };
        process.stdout.write(`${await cli.addWebhook(store.access, input)}\n`);
        return 0;
      }
      case 'list':
        process.stdout.write(`${await cli.listWebhooks(store.access)}\n`);
        return 0;
      case 'remove': {
        const removed = await store.access.removeWebhook(needId('remove'));
        process.stdout.write(removed ? `removed webhook ${id}\n` : `no webhook ${id}\n`);
        return removed ? 0 : 1;
      }
      case 'resume': {
        const w = await store.access.setWebhookStatus(needId('resume'), 'active', null, new Date().toISOString());
        process.stdout.write(w ? `resumed webhook ${id}\n` : `no webhook ${id}\n`);
        return w ? 0 : 1;
      }
      case 'deliveries': {
        const limit = values.limit === undefined ? 50 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1) {
          throw new UsageError('--limit must be a positive whole number');
        }
        if (!(await store.access.getWebhook(needId('deliveries')))) {
          process.stdout.write(`no webhook ${id}\n`);
          return 1;
        }
        process.stdout.write(`${cli.formatDeliveries(await store.access.listDeliveries(needId('deliveries'), limit))}\n`);
        return 0;
      }
      default:
        throw new UsageError('usage: telex webhooks add|list|remove|resume|deliveries ...');
    }
  } finally {
    await store.close();
  }
}

async function cmdDemo(argv: string[]): Promise<number> {
  parse(argv, {});
  const { runDemo } = await import('../demo/run-demo.js');
  return runDemo();
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
      case 'serve':
        return await cmdStart(command === 'serve' ? ['--role', 'api', ...rest] : rest);
      case 'run':
        return await cmdRun(rest);
      case 'extract':
        return await cmdExtract(rest, false);
      case 'process':
        return await cmdExtract(rest, true);
      case 'feeds':
        return await cmdFeeds(rest);
      case 'articles':
        return await cmdArticles(rest);
      case 'demo':
        return await cmdDemo(rest);
      case 'status':
        return await cmdStatus(rest);
      case 'keys':
        return await cmdKeys(rest);
      case 'webhooks':
        return await cmdWebhooks(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`telex: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`telex: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`telex: ${(err as Error).message}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// Let stdout drain, then exit even if a library left a handle open.
process.stdout.write('', () => process.exit(code));
