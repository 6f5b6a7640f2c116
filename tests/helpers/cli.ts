import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'yaml';
import { startSampleWire, type SampleWire, type SampleWireFeed } from '../../src/demo/sample-wire.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'dist/cli/main.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the real `telex` command in a child process. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`telex ${args.join(' ')} timed out\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A scratch directory with a feeds file, a database path and a unique queue prefix. */
export function scratch(feeds: Array<{ id: string; url: string }>, extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'telex-test-'));
  const configPath = join(dir, 'feeds.yaml');
  writeFileSync(configPath, stringify({ feeds, fetch: { allow: ['127.0.0.1/32'] }, topicsFile: join(REPO, 'config/topics.yaml'), ...extra }));
  const env = {
    DATABASE_URL: join(dir, 'telex.db'),
    DATA_DIR: join(dir, 'data'),
    QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  return { dir, configPath, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deletes every Redis key of a scratch environment's queue prefix. */
export async function deleteQueueKeys(env: { REDIS_URL: string; QUEUE_PREFIX: string }): Promise<void> {
  const redis = new Redis(env.REDIS_URL);
  try {
    const keys = await redis.keys(`${env.QUEUE_PREFIX}*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
  } finally {
    await redis.quit();
  }
}

/**
 * Registers beforeAll/afterAll hooks that start the sample wire and a scratch
 * config pointing at its feeds (all, or those `pick` keeps; `extra` adds to
 * the config file), and afterwards delete the test's Redis keys, stop the wire
 * and remove the scratch folder.
 */
export function useSampleWire(pick: (f: SampleWireFeed) => boolean = () => true, extra: Record<string, unknown> = {}) {
  const ctx = {} as { wire: SampleWire; s: ReturnType<typeof scratch> };
  beforeAll(async () => {
    ctx.wire = await startSampleWire();
    ctx.s = scratch(
      ctx.wire.feeds.filter(pick).map((f) => ({ id: f.id, url: f.url })),
      extra,
    );
  });
  afterAll(async () => {
    await deleteQueueKeys(ctx.s.env);
    await ctx.wire.close();
    ctx.s.cleanup();
  });
  return ctx;
}
