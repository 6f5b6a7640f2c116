import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BENCH = resolve(ROOT, 'bench/extract.ts');

/** The modules bench/extract.ts loads when it starts: its static imports, type-only ones left out. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

describe('bench:extract --pool', () => {
  it('loads no extractor, linkedom or Readability in the main thread when it starts', () => {
    const heavy = staticImports(BENCH).filter((spec) => /linkedom|readability|jsdom|workers\/extractor\//.test(spec));
    expect(heavy).toEqual([]);
  });

  it('runs the pool over pages and reports its memory when the extractor is loaded only in the threads', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', BENCH, '--pool', '1', '--pool-from', 'src', '--limit', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ extractions: 2, failures: 0, maxHeapMb: 192 });
    expect(out.rssBeforePoolMiB).toBeGreaterThan(0);
    expect(out.peakRssMiB).toBeGreaterThanOrEqual(out.rssBeforePoolMiB as number);
  }, 60_000);
});
