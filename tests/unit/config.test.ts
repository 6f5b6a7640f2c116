import { describe, expect, it } from 'vitest';
import { loadEnv, parseFileConfig, poolThreads, stageConcurrency } from '../../src/config.js';

const workers = (yaml: string) => parseFileConfig(`workers:\n${yaml}`, 'test.yaml').workers;

describe(stageConcurrency.name, () => {
  it('keeps four jobs in flight per thread when the concurrency is not set', () => {
    expect(stageConcurrency(parseFileConfig('{}', 'test.yaml').workers, 'extractor', 2)).toBe(8);
    expect(stageConcurrency(parseFileConfig('{}', 'test.yaml').workers, 'enricher', 2)).toBe(8);
    expect(stageConcurrency(workers('  enricherThreads: 3\n'), 'enricher', 2)).toBe(12);
    expect(stageConcurrency(workers('  extractorThreads: 1\n'), 'extractor', 8)).toBe(4);
  });

  it('never goes below four jobs when the enricher tags on its main thread', () => {
    expect(stageConcurrency(workers('  enricherThreads: 0\n'), 'enricher', 2)).toBe(4);
  });

  it('takes the configured figure when one is set', () => {
    const w = workers('  extractorConcurrency: 3\n  enricherConcurrency: 20\n');
    expect(stageConcurrency(w, 'extractor', 2)).toBe(3);
    expect(stageConcurrency(w, 'enricher', 2)).toBe(20);
  });
});

describe(poolThreads.name, () => {
  const none = parseFileConfig('{}', 'test.yaml').workers;
  it('gives each pool one thread per core when its stage has the process to itself', () => {
    expect(poolThreads(none, 'extractor', 4)).toBe(4);
    expect(poolThreads(none, 'enricher', 4)).toBe(4);
  });

  it('gives the enricher one thread per two cores when an extractor shares its process', () => {
    expect(poolThreads(none, 'enricher', 2, { withExtractor: true })).toBe(1);
    expect(poolThreads(none, 'enricher', 3, { withExtractor: true })).toBe(2);
    expect(poolThreads(none, 'enricher', 1, { withExtractor: true })).toBe(1);
    expect(poolThreads(none, 'extractor', 2, { withExtractor: true })).toBe(2);
    expect(stageConcurrency(none, 'enricher', 4, { withExtractor: true })).toBe(8);
  });

  it('takes the configured figure when one is set, 0 included', () => {
    expect(poolThreads(workers('  enricherThreads: 2\n'), 'enricher', 2, { withExtractor: true })).toBe(2);
    expect(poolThreads(workers('  enricherThreads: 0\n'), 'enricher', 2, { withExtractor: true })).toBe(0);
  });
});

describe('workers.releaseMemoryAfter', () => {
  it('defaults to 10 s, takes a duration, and 0 turns it off', () => {
    expect(parseFileConfig('{}', 'test.yaml').workers.releaseMemoryAfter).toBe(10_000);
    expect(workers('  fetcherConcurrency: 2\n').releaseMemoryAfter).toBe(10_000);
    expect(workers('  releaseMemoryAfter: 2m\n').releaseMemoryAfter).toBe(120_000);
    expect(workers('  releaseMemoryAfter: 0\n').releaseMemoryAfter).toBe(0);
    expect(() => workers('  releaseMemoryAfter: soon\n')).toThrow(/duration/);
  });
});

describe('websub', () => {
  it('is off (no public URL) by default, with a 10-day lease, renewal an hour ahead and 6 h safety polling', () => {
    expect(parseFileConfig('{}', 'test.yaml').websub).toEqual({ lease: 864_000_000, renewBefore: 3_600_000, pollInterval: 21_600_000, retryAfter: 21_600_000 });
  });

  it('reads the public URL and durations, and refuses a public URL that is not a URL', () => {
    const ws = parseFileConfig('websub:\n  publicUrl: https://telex.example.org\n  lease: 2d\n  pollInterval: 3h\n', 'test.yaml').websub;
    expect(ws).toMatchObject({ publicUrl: 'https://telex.example.org', lease: 172_800_000, pollInterval: 10_800_000 });
    expect(() => parseFileConfig('websub:\n  publicUrl: telex\n', 'test.yaml')).toThrow(/websub\.publicUrl/);
    expect(loadEnv({ WEBSUB_PUBLIC_URL: 'https://push.example.org' }).WEBSUB_PUBLIC_URL).toBe('https://push.example.org');
  });
});
