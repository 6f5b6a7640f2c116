import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/lib/heap-collect.js';
import { mallocTrimAvailable, trimMalloc } from '../../../src/lib/malloc-trim.js';

const rssMb = () => process.memoryUsage.rss() / 1048576;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const glibc = process.platform === 'linux' && Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

describe.runIf(glibc)(trimMalloc.name, () => {
  it('is built at install on glibc Linux', () => {
    expect(mallocTrimAvailable()).toBe(true);
  });

  it('returns memory freed between live allocations, which a garbage collection alone leaves resident', async () => {
    // 80 MB in small blocks, one in sixteen kept: the rest is freed in between.
    let blocks: Buffer[] = [];
    for (let i = 0; i < 40_000; i++) {
      blocks.push(Buffer.allocUnsafeSlow(2000).fill(1));
    }
    const kept = blocks.filter((_, i) => i % 16 === 0);
    blocks = [];
    collectGarbage();
    await sleep(200);
    collectGarbage();
    await sleep(200);
    const afterGc = rssMb();
    expect(trimMalloc()).toBe(true);
    expect(afterGc - rssMb()).toBeGreaterThan(40);
    expect(kept.every((b) => b[0] === 1 && b[1999] === 1)).toBe(true);
  });
});
