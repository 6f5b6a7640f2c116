import { describe, expect, it } from 'vitest';
import { bucketsOf, buildPipelineStats, percentile } from '../../../src/api/pipeline-stats.js';
import { chooseVersions } from '../../../src/api/console/versions-view.js';
import { formatDuration } from '../../../src/api/console/pipeline-view.js';

const MIN = 60_000;
const NOW = Date.parse('2026-05-01T12:30:20.000Z');

describe(percentile.name, () => {
  it('gives the nearest-rank value, and null when there is none', () => {
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe(bucketsOf.name, () => {
  it('aligns buckets to the minute (hour window) or quarter hour (day window), the last holding now', () => {
    const hour = bucketsOf('1h', NOW);
    expect(hour).toHaveLength(60);
    expect(new Date(hour[59]!).toISOString()).toBe('2026-05-01T12:30:00.000Z');
    expect(new Date(hour[0]!).toISOString()).toBe('2026-05-01T11:31:00.000Z');
    const day = bucketsOf('1d', NOW);
    expect(day).toHaveLength(96);
    expect(new Date(day[95]!).toISOString()).toBe('2026-05-01T12:30:00.000Z');
  });
});

describe(buildPipelineStats.name, () => {
  it('sums writes per bucket and feed, failures per stage, and latency percentiles; ignores what is outside the window', () => {
    const last = Math.floor(NOW / MIN) * MIN;
    const stats = buildPipelineStats({
      window: '1h',
      nowMs: NOW,
      outcomes: [
        { at: last, feedId: 'a', stage: 'enrich', status: 'stored', changed: true, count: 3 },
        { at: last, feedId: 'a', stage: 'enrich', status: 'stored', changed: false, count: 9 },
        { at: last - MIN, feedId: 'b', stage: 'enrich', status: 'stored', changed: true, count: 2 },
        { at: last - MIN, feedId: 'b', stage: 'extract', status: 'failed', changed: false, count: 4 },
        { at: last - MIN, feedId: 'b', stage: 'extract', status: 'skipped', changed: false, count: 5 },
        { at: last - 90 * MIN, feedId: 'old', stage: 'enrich', status: 'stored', changed: true, count: 7 },
      ],
      latencies: [
        { at: last, feedId: 'a', latencyMs: 1_000 },
        { at: last, feedId: 'a', latencyMs: 3_000 },
        { at: last - MIN, feedId: 'b', latencyMs: 2_000 },
      ],
      queues: null,
    });
    expect(stats.stored.sum).toBe(5);
    expect(stats.stored.total.slice(-2)).toEqual([2, 3]);
    expect(Object.keys(stats.stored.byFeed).sort()).toEqual(['a', 'b']);
    expect(stats.stored.byFeed.a?.slice(-2)).toEqual([0, 3]);
    expect(stats.failures).toMatchObject({ sum: 4 });
    expect(stats.failures.byStage.extract.slice(-2)).toEqual([4, 0]);
    expect(stats.latency.p50.slice(-2)).toEqual([2_000, 1_000]);
    expect(stats.latency.p95.slice(-2)).toEqual([2_000, 3_000]);
    expect(stats.latency.p50[0]).toBeNull();
    expect(stats.latency.overall).toEqual({ p50: 2_000, p95: 3_000, count: 3 });
  });
});

describe(chooseVersions.name, () => {
  it('compares the two versions asked for when both are kept, else the newest change', () => {
    expect(chooseVersions([1, 2, 3], '1', '3')).toEqual({ from: 1, to: 3 });
    expect(chooseVersions([1, 2, 3], '3', '1')).toEqual({ from: 3, to: 1 });
    expect(chooseVersions([1, 2, 3], undefined, undefined)).toEqual({ from: 2, to: 3 });
    expect(chooseVersions([4, 5, 6], '1', '6')).toEqual({ from: 5, to: 6 });
    expect(chooseVersions([1, 2], '2', '2')).toEqual({ from: 1, to: 2 });
    expect(chooseVersions([1, 2], '1e0', '2')).toEqual({ from: 1, to: 2 });
    expect(chooseVersions([3], undefined, undefined)).toBeNull();
  });
});

describe(formatDuration.name, () => {
  it('picks a unit a reader takes in at a glance', () => {
    expect([formatDuration(850), formatDuration(42_000), formatDuration(210_000), formatDuration(7_560_000), formatDuration(12 * 86_400_000), formatDuration(null)]).toEqual([
      '850 ms',
      '42 s',
      '3.5 min',
      '2.1 h',
      '12 d',
      '—',
    ]);
  });
});
