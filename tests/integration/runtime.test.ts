import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { SqliteArticleStore } from '../../src/store/sqlite-article-store.js';
import { scratch } from '../helpers/cli.js';

let s: ReturnType<typeof scratch> | undefined;
let rt: Runtime | undefined;

afterEach(async () => {
  await rt?.close();
  s?.cleanup();
  rt = undefined;
  s = undefined;
});

async function runtime(enriches: boolean): Promise<SqliteArticleStore> {
  s = scratch([{ id: 'alpha', url: 'http://127.0.0.1:9/alpha.xml' }]);
  const config = loadConfig({ configPath: s.configPath, env: { ...s.env } });
  rt = await createRuntime(config, silentLogger(), { redisUrl: s.env.REDIS_URL, enriches });
  expect(rt.store).toBeInstanceOf(SqliteArticleStore);
  return rt.store as SqliteArticleStore;
}

describe(createRuntime.name, () => {
  it('moves SQLite checkpoints to a thread in a process that runs the enricher', async () => {
    const store = await runtime(true);
    expect(store.backgroundCheckpointStats()).not.toBeNull();
  });

  it('leaves them in the commits in the other roles', async () => {
    const store = await runtime(false);
    expect(store.backgroundCheckpointStats()).toBeNull();
  });
});
