import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleWire, type SampleWire } from '../../../src/demo/sample-wire.js';
import { openStore } from '../../../src/store/index.js';
import { runCli, scratch } from '../../helpers/cli.js';

/** A local 3-master Redis Cluster: redis-server processes on loopback ports, joined by redis-cli. */
const canBind = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

async function clusterPorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    // The cluster bus listens on port + 10000: both must be free.
    const p = 20_000 + Math.floor(Math.random() * 25_000);
    if (!ports.includes(p) && (await canBind(p)) && (await canBind(p + 10_000))) {
      ports.push(p);
    }
  }
  return ports;
}

let dir: string;
let ports: number[] = [];
const servers: ChildProcess[] = [];
let wire: SampleWire;
let s: ReturnType<typeof scratch>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telex-cluster-'));
  ports = await clusterPorts(3);
  for (const port of ports) {
    const d = join(dir, String(port));
    mkdirSync(d);
    servers.push(
      spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', d, '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--appendonly', 'no', '--save', ''],
        { stdio: 'ignore' },
      ),
    );
  }
  for (const port of ports) {
    for (let i = 0; spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() !== 'PONG'; i++) {
      if (i > 100) {
        throw new Error(`redis-server on ${port} did not start`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8' });
  if (create.status !== 0) {
    throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  }
  for (const port of ports) {
    for (let i = 0; !/cluster_state:ok/.test(spawnSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8' }).stdout); i++) {
      if (i > 200) {
        throw new Error(`cluster not ok on ${port}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  wire = await startSampleWire();
  s = scratch(wire.feeds.map((f) => ({ id: f.id, url: f.url })));
  s.env.REDIS_URL = `redis+cluster://127.0.0.1:${ports[0]}?seeds=127.0.0.1:${ports[1]}`;
  s.env.QUEUE_PREFIX = `{telex-test-${randomUUID().slice(0, 8)}}`;
}, 60_000);

afterAll(async () => {
  await wire?.close();
  s?.cleanup();
  await Promise.all(
    servers.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) {
            resolve();
            return;
          }
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('Redis Cluster', () => {
  it('runs the pipeline through a 3-master cluster with a hash-tagged prefix and stores every article once', async () => {
    const r = await runCli(['run', '--once', '--config', s.configPath], s.env);
    expect(r.stderr).not.toMatch(/CROSSSLOT|TypeError|ReferenceError/);
    expect(r.code).toBe(0);
    const expected = wire.articles.filter((a) => a.expect !== 'failed');
    expect(r.stdout).toMatch(new RegExp(`stored: ${expected.length} new`));

    const store = await openStore(s.env.DATABASE_URL);
    try {
      const page = await store.listArticles({ limit: 100 });
      expect(page.items.map((a) => a.url).sort()).toEqual(expected.map((a) => a.url).sort());
      expect(new Set(page.items.map((a) => a.id)).size).toBe(expected.length);
    } finally {
      await store.close();
    }

    // The article events went through the cluster, one per stored article.
    const cluster = new Cluster(ports.map((port) => ({ host: '127.0.0.1', port })));
    try {
      expect(await cluster.xlen(`${s.env.QUEUE_PREFIX}:articles`)).toBe(expected.length);
      const masters = cluster.nodes('master');
      expect(masters).toHaveLength(3);
    } finally {
      cluster.disconnect();
    }

    const second = await runCli(['run', '--once', '--config', s.configPath], s.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/stored: 0 new/);
  }, 240_000);

  it('refuses a queue prefix without a hash tag on a cluster, saying why', async () => {
    const r = await runCli(['run', '--once', '--config', s.configPath], { ...s.env, QUEUE_PREFIX: 'telex-test-plain' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hash tag/);
  }, 120_000);
});
