/**
 * Wire copies of one story enriched at the same moment by several enricher
 * processes end in one cluster, on both stores (docs/clustering.md).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../../src/lib/ids.js';
import type { FullArticleStore } from '../../../src/store/article-store.js';
import { openStore } from '../../../src/store/index.js';
import { wireCopy } from '../../helpers/wire-copies.js';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'telex-cluster-proc-'));
const writer = join(import.meta.dirname, 'enrich-writer.ts');
const schemas: string[] = [];

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (schemas.length > 0) {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    for (const s of schemas) {
      await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    }
    await admin.end();
  }
});

const STORIES = [5, 20];
const COPIES = 6;
const PROCESSES = 3;
/** Each writer starts tsx and loads the enricher's models: a minute or more on a busy two-core machine. */
const TIMEOUT_MS = 300_000;

/** Starts PROCESSES writers, each with every PROCESSES-th copy, releases them together once all are ready, and waits for them. */
async function enrichInProcesses(url: string, schema: string): Promise<void> {
  const specs = STORIES.flatMap((s) => Array.from({ length: COPIES }, (_, n) => `${s}:${n}`));
  const children = Array.from({ length: PROCESSES }, (_, p) =>
    spawn(process.execPath, ['--import', 'tsx', writer, url, schema, ...specs.filter((_, i) => i % PROCESSES === p)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map((child) => {
    const lines = createInterface({ input: child.stdout });
    const seen: string[] = [];
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (l) => {
        seen.push(l);
        if (l === 'ready') {
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`writer exited (${code}) before it was ready`)));
    });
    const done = new Promise<string[]>((resolve, reject) => {
      child.on('exit', (code) => (code === 0 ? resolve(seen) : reject(new Error(`writer exited with ${code}`))));
    });
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const child of children) {
    child.stdin.write('go\n');
  }
  const results = await Promise.all(outputs.map((o) => o.done));
  const stored = results.map((lines) => JSON.parse(lines[lines.length - 1] ?? '{}') as { stored: number });
  expect(stored.reduce((sum, s) => sum + s.stored, 0)).toBe(STORIES.length * COPIES);
}

async function expectOneClusterPerStory(store: FullArticleStore): Promise<void> {
  const all = (await store.listArticles({ limit: 1000 })).items;
  expect(all).toHaveLength(STORIES.length * COPIES);
  const roots = new Set<string>();
  for (const s of STORIES) {
    const ids = new Set(Array.from({ length: COPIES }, (_, n) => articleIdFor(wireCopy(s, n).canonicalUrl)));
    const members = all.filter((a) => ids.has(a.id));
    const rootIds = new Set(members.map((m) => m.clusterId));
    expect(rootIds.size).toBe(1);
    const root = members.find((m) => rootIds.has(m.id));
    expect(root?.duplicateOf).toBeNull();
    // The cluster is named after its earliest stored copy, which every other copy duplicates.
    expect(members.every((m) => String(root?.storedAt) <= String(m.storedAt))).toBe(true);
    expect(members.filter((m) => m !== root).every((m) => m.duplicateOf === root?.id)).toBe(true);
    roots.add(String(root?.id));
  }
  expect(roots.size).toBe(STORIES.length);
}

describe('clustering across enricher processes', () => {
  it('puts copies of a story enriched at once by three processes into one cluster on SQLite', async () => {
    const path = join(dir, `db-${randomUUID()}`, 'telex.db');
    const store = await openStore(path);
    try {
      await enrichInProcesses(path, '-');
      await expectOneClusterPerStory(store);
    } finally {
      await store.close();
    }
  }, TIMEOUT_MS);

  it('puts copies of a story enriched at once by three processes into one cluster on PostgreSQL', async () => {
    const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    schemas.push(schema);
    const store = await openStore(DATABASE_URL, { schema });
    try {
      await enrichInProcesses(DATABASE_URL, schema);
      await expectOneClusterPerStory(store);
    } finally {
      await store.close();
    }
  }, TIMEOUT_MS);
});
