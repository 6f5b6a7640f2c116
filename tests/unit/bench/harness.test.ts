import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRunConfig } from '../../../bench/lib/harness.js';
import { loadFileConfig, poolThreads } from '../../../src/config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(threads?: { extractor?: number; enricher?: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'telex-harness-'));
  dirs.push(dir);
  const wire = { feeds: [{ id: 'a', url: 'http://127.0.0.1:1/a.rss' }] };
  const { configPath } = writeRunConfig(wire, { dir, redisUrl: 'redis://127.0.0.1:6379', databaseUrl: join(dir, 't.db'), prefix: '{t}', ...(threads ? { threads } : {}) });
  return loadFileConfig(configPath);
}

describe('writeRunConfig', () => {
  it('passes pool thread counts through, zero enricher threads included', () => {
    const config = setup({ extractor: 1, enricher: 0 });
    expect(config.workers.extractorThreads).toBe(1);
    expect(config.workers.enricherThreads).toBe(0);
    expect(poolThreads(config.workers, 'enricher', 2, { withExtractor: true })).toBe(0);
    expect(poolThreads(config.workers, 'extractor', 2)).toBe(1);
  });

  it('leaves the shipped defaults when no thread count is given', () => {
    const config = setup();
    expect(config.workers.extractorThreads).toBeUndefined();
    expect(config.workers.enricherThreads).toBeUndefined();
    expect(poolThreads(config.workers, 'enricher', 2, { withExtractor: true })).toBe(1);
  });
});
