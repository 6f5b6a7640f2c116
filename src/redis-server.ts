import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pingRedis } from './queues/connection.js';
import type { Logger } from './logger.js';

export type EnsuredRedis = { url: string; child: ChildProcess | null; stop(): Promise<void> };

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/**
 * The embedded default: use REDIS_URL when set; otherwise the default address,
 * and if nothing answers there and `redis-server` is installed, start a private
 * one (append-only, data under <dataDir>/redis) for the life of this process.
 */
export async function ensureRedis(opts: {
  envUrl: string | undefined;
  defaultUrl: string;
  dataDir: string;
  log: Logger;
}): Promise<EnsuredRedis> {
  const none = async () => {};
  if (opts.envUrl) {
    if (!(await pingRedis(opts.envUrl))) {
      throw new Error(`Redis at REDIS_URL=${opts.envUrl} is not answering. Start it, or unset REDIS_URL to use the default.`);
    }
    return { url: opts.envUrl, child: null, stop: none };
  }
  if (await pingRedis(opts.defaultUrl)) {
    return { url: opts.defaultUrl, child: null, stop: none };
  }
  if (!onPath('redis-server')) {
    throw new Error(
      `No Redis at ${opts.defaultUrl} and redis-server is not installed. Start Redis (e.g. \`redis-server --port 6379\` or \`docker run -p 6379:6379 redis:7\`) or set REDIS_URL.`,
    );
  }
  const port = Number(new URL(opts.defaultUrl).port || 6379);
  const dir = resolve(opts.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  opts.log.info({ port, dir, pid: child.pid }, 'started a private redis-server');
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(opts.defaultUrl, 500)) {
      return {
        url: opts.defaultUrl,
        child,
        stop: async () => {
          if (child.exitCode === null) {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          }
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`started redis-server on port ${port} but it never answered`);
}
