import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_REDIS_URL, loadEnv, parseFileConfig, type Config } from '../config.js';
import { formatSummary } from '../cli/format.js';
import { createLogger } from '../logger.js';
import { runOnce } from '../pipeline.js';
import { ensureRedis } from '../redis-server.js';
import { createRuntime } from '../runtime.js';
import { startSampleWire } from './sample-wire.js';

/**
 * `npm run demo`: starts the sample wire on 127.0.0.1, points Telex at it
 * (a fresh ./data/demo.db), runs the pipeline once and prints what was stored.
 */
export async function runDemo(): Promise<number> {
  const env = loadEnv();
  const log = createLogger({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL, fd: 2 });
  const wire = await startSampleWire();
  const dbPath = join(env.DATA_DIR, 'demo.db');
  mkdirSync(env.DATA_DIR, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${dbPath}${suffix}`, { force: true });
  }
  const file = parseFileConfig(
    stringify({
      feeds: wire.feeds.map((f) => ({ id: f.id, url: f.url })),
      fetch: { allow: ['127.0.0.1/32'] },
    }),
    'demo',
  );
  const config: Config = { env: { ...env, DATABASE_URL: dbPath }, file, configPath: 'demo' };
  const redis = await ensureRedis({ envUrl: env.REDIS_URL, defaultUrl: DEFAULT_REDIS_URL, dataDir: env.DATA_DIR, log });
  const prefix = `${env.QUEUE_PREFIX}-demo-${Date.now().toString(36)}`;
  const rt = await createRuntime(config, log, { redisUrl: redis.url, prefix });
  try {
    process.stdout.write(`sample wire at ${wire.baseUrl} with ${wire.feeds.length} feeds\n\n`);
    const summary = await runOnce(rt);
    process.stdout.write(`${formatSummary(summary)}\n\nstored articles:\n`);
    const page = await rt.store.listArticles({ limit: 100 });
    for (const a of page.items) {
      const topics = a.topics.slice(0, 3).map((t) => t.label).join(', ');
      const places = a.entities.places.slice(0, 5).map((p) => p.name).join(', ');
      process.stdout.write(
        `- ${a.title}\n    ${a.feed.id} | ${a.publishedAt ?? 'no date'} | ${a.language ?? '?'} | ${a.wordCount} words | ${a.extraction.method}\n    topics: ${topics || '-'}\n    places: ${places || '-'}\n`,
      );
    }
    process.stdout.write(`\n${page.items.length} articles in ${dbPath}\n`);
    return 0;
  } finally {
    await rt.close();
    await redis.stop();
    await wire.close();
  }
}
