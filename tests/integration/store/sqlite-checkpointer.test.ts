import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite-article-store.js';
import { startCheckpointer } from '../../../src/store/sqlite-checkpointer.js';
import { makeRecord } from '../../helpers/records.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-checkpoint-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function until(what: string, cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SQLite background checkpoints', () => {
  it('copies committed pages into the database file from its own thread while the writer goes on', async () => {
    const path = join(dir, 'bg', 'telex.db');
    const store = await openSqliteStore(path, { backgroundCheckpoint: { intervalMs: 30 } });
    // Everything so far (the migrations) into the file, then measure from there.
    await until('the migrations to be checkpointed', () => (store.backgroundCheckpointStats()?.checkpoints ?? 0) > 0);
    const before = statSync(path).size;
    const checkpointsBefore = store.backgroundCheckpointStats()?.checkpoints ?? 0;
    for (let i = 0; i < 200; i++) {
      await store.upsertArticle(makeRecord({ slug: `bg-${i}`, text: `Story number ${i} about the harbour and the council. `.repeat(40) }));
    }
    // 200 articles are a few hundred pages, far below any commit's own checkpoint mark:
    // only the thread moves them into the file.
    await until('the articles to reach the database file', () => statSync(path).size > before + 200 * 1024);
    await until('the thread to report it', () => (store.backgroundCheckpointStats()?.checkpoints ?? 0) > checkpointsBefore);
    const stats = store.backgroundCheckpointStats();
    expect(stats?.copiedFrames).toBeGreaterThan(0);
    expect(stats?.copiedFrames).toBeLessThanOrEqual(stats?.walFrames ?? 0);
    await store.close();
    // The thread's connection closed first, so the writer's close checkpointed the rest and removed the WAL.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const raw = new Database(path, { readonly: true });
    expect((raw.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(200);
    raw.close();
  });

  it('leaves checkpoints to the commits unless asked', async () => {
    const store = await openSqliteStore(join(dir, 'plain', 'telex.db'));
    expect(store.backgroundCheckpointStats()).toBeNull();
    await store.close();
  });

  it('reports a thread that cannot work, and still closes', async () => {
    const failures: Error[] = [];
    const cp = startCheckpointer(join(dir, 'missing', 'telex.db'), { intervalMs: 20, onFailure: (err) => failures.push(err) });
    await until('the failure to be reported', () => failures.length > 0);
    expect(failures[0]?.message).toMatch(/checkpoint thread/);
    expect(failures).toHaveLength(1);
    await cp.close();
    expect(cp.stats().checkpoints).toBe(0);
  });
});
