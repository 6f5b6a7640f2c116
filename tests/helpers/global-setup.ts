import { spawnSync } from 'node:child_process';
import { pingRedis } from '../../src/queues/connection.js';

/**
 * Integration tests need a real Redis. When none answers at REDIS_URL (or the
 * default address), start one; never skip silently.
 */
export default async function setup(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_URL = url;
  if (await pingRedis(url)) {
    return;
  }
  const port = new URL(url).port || '6379';
  const r = spawnSync('redis-server', ['--daemonize', 'yes', '--port', port, '--bind', '127.0.0.1', '--save', ''], { stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`Redis is not reachable at ${url} and redis-server could not be started; install Redis or set REDIS_URL`);
  }
  for (let i = 0; i < 50; i++) {
    if (await pingRedis(url, 300)) {
      return;
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`started redis-server on port ${port} but it does not answer`);
}
