import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { syncSchedulers } from '../../src/pipeline.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { feedScheduler } from '../../src/workers/fetcher/main.js';
import { scratch } from '../helpers/cli.js';

let s: ReturnType<typeof scratch>;
let rt: Runtime;

beforeEach(async () => {
  s = scratch([
    { id: 'alpha', url: 'http://127.0.0.1:9/alpha.xml' },
    { id: 'beta', url: 'http://127.0.0.1:9/beta.xml' },
  ]);
  const config = loadConfig({ configPath: s.configPath, env: { ...s.env } });
  rt = await createRuntime(config, silentLogger(), { redisUrl: s.env.REDIS_URL });
});
afterEach(async () => {
  await rt.producer.queues.poll.obliterate({ force: true });
  await rt.close();
  s.cleanup();
});

const everyOf = async (id: string) => (await rt.producer.queues.poll.getJobScheduler(`poll-${id}`))?.every;

describe(syncSchedulers.name, () => {
  it('creates one scheduler per feed, once, however often it runs', async () => {
    expect(await syncSchedulers(rt)).toEqual({ active: 2, created: 2, removed: 0 });
    expect(await syncSchedulers(rt)).toEqual({ active: 2, created: 0, removed: 0 });
    expect(await rt.producer.queues.poll.getJobSchedulersCount()).toBe(2);
  });

  it('leaves a feed’s adapted interval alone', async () => {
    await syncSchedulers(rt);
    await feedScheduler(rt).reschedule('alpha', 300_000);
    await syncSchedulers(rt);
    expect(Number(await everyOf('alpha'))).toBe(300_000);
    expect(Number(await everyOf('beta'))).toBe(rt.config.file.poll.interval);
  });

  it('drops the schedulers of removed and retired feeds', async () => {
    await syncSchedulers(rt);
    await rt.store.removeFeed('beta');
    await rt.store.recordPoll('alpha', { ok: false, at: new Date().toISOString(), error: { code: 'http_status', message: 'GET -> 410' }, retired: true });
    expect(await syncSchedulers(rt)).toEqual({ active: 0, created: 0, removed: 2 });
    expect(await rt.producer.queues.poll.getJobSchedulersCount()).toBe(0);
  });
});
