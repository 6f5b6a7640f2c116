import { describe, expect, it } from 'vitest';
import { collectGarbage, collectHeap } from '../../../src/lib/heap-collect.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(collectGarbage.name, () => {
  it('runs a full collection: an object reachable only through a WeakRef is gone', async () => {
    let target: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = null;
    // A WeakRef keeps its target until the current job ends.
    await sleep(0);
    expect(collectGarbage()).toBe(true);
    expect(ref.deref()).toBeUndefined();
  });
});

describe(collectHeap.name, () => {
  it('collects everything unreachable and shrinks the heap, without printing a warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      let garbage: object[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `item ${i}` }));
      const ref = new WeakRef(garbage);
      garbage = null;
      await sleep(0);
      const before = process.memoryUsage().heapTotal;
      collectHeap();
      expect(ref.deref()).toBeUndefined();
      expect(process.memoryUsage().heapTotal).toBeLessThan(before);
      await sleep(50);
      expect(warnings.map((w) => w.name)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
