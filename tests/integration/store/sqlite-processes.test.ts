import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteArticleStore, openSqliteStore } from '../../../src/store/sqlite-article-store.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'telex-store-proc-'));
const writer = join(import.meta.dirname, 'concurrent-writer.ts');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe(SqliteArticleStore.name, () => {
  it('stores each article once when several processes write the same file at once', async () => {
    const path = join(dir, 'one-db', 'telex.db');
    const n = 150;
    const outputs = await Promise.all(
      ['x', 'y', 'z'].map((variant) =>
        run(process.execPath, ['--import', 'tsx', writer, path, String(n), variant], { timeout: 120_000 }),
      ),
    );
    const counts = outputs.map((o) => JSON.parse(o.stdout) as Record<string, number>);
    const total = (k: string): number => counts.reduce((sum, c) => sum + (c[k] ?? 0), 0);
    expect(total('created')).toBe(n);
    expect(total('created') + total('updated') + total('unchanged')).toBe(3 * n);
    const store = await openSqliteStore(path);
    try {
      expect(await store.countArticles()).toBe(n);
      const all = (await store.listArticles({ limit: 1000 })).items;
      expect(new Set(all.map((a) => a.id)).size).toBe(n);
      // Shared-text articles were created once and never updated; the others carry one version per change.
      const shared = all.filter((a) => a.text.startsWith('Shared'));
      expect(shared.every((a) => a.version === 1)).toBe(true);
      const contested = all.filter((a) => !a.text.startsWith('Shared'));
      expect(contested.reduce((sum, a) => sum + a.version - 1, 0)).toBe(total('updated'));
      expect(await store.findSimilar(['0:1'])).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 180_000);
});
