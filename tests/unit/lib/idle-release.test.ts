import { describe, expect, it } from 'vitest';
import { IDLE_DEFAULTS, idleStart, idleStep, releaseMemory, startIdleRelease, type IdleState } from '../../../src/lib/idle-release.js';

/** Feeds `readings` (utilisation per 1 s reading) through idleStep; returns the readings (1-based) that released. */
function releasesFor(readings: number[], start: IdleState = idleStart()): number[] {
  let state = start;
  const out: number[] = [];
  readings.forEach((u, i) => {
    const step = idleStep(state, u, 1_000, { ...IDLE_DEFAULTS, afterMs: 3_000 });
    state = step.state;
    if (step.release) {
      out.push(i + 1);
    }
  });
  return out;
}

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `cond` holds, for 5 s at most. */
const until = async (cond: () => boolean) => {
  const end = Date.now() + 5_000;
  while (!cond() && Date.now() < end) {
    await sleep(20);
  }
};
/** About 200 ms of a busy event loop, in slices. */
const work = async () => {
  for (let i = 0; i < 4; i++) {
    spin(45);
    await sleep(5);
  }
};

describe(idleStep.name, () => {
  it('releases once the loop has been quiet for afterMs after work', () => {
    expect(releasesFor([0.5, 0, 0, 0])).toEqual([4]);
  });

  it('releases once per quiet spell, and again only after more work', () => {
    expect(releasesFor([0.9, 0, 0, 0, 0, 0, 0, 0.3, 0, 0, 0, 0])).toEqual([4, 11]);
  });

  it('never releases a process that has not worked since the last release', () => {
    expect(releasesFor([0, 0, 0, 0, 0, 0])).toEqual([]);
    expect(releasesFor([0, 0, 0, 0], { quietMs: 0, workedSinceRelease: true })).toEqual([3]);
  });

  it('restarts the quiet time on a reading between quiet and busy, without counting it as work', () => {
    expect(releasesFor([0.5, 0, 0, 0.03, 0, 0, 0])).toEqual([7]);
    expect(releasesFor([0.03, 0, 0, 0, 0])).toEqual([]);
  });

  it('waits while work goes on', () => {
    expect(releasesFor([0.5, 0.5, 0.5, 0.5, 0.5, 0.5])).toEqual([]);
  });
});

describe(releaseMemory.name, () => {
  // How thoroughly it collects is heap-collect.test.ts's.
  it("collects this thread's heap at once", async () => {
    let target: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = null;
    await sleep(0);
    releaseMemory();
    expect(ref.deref()).toBeUndefined();
  });
});

describe(startIdleRelease.name, () => {
  // Thresholds far from the test runner's own background activity, even on a loaded machine: a
  // reading is work only when 70 ms of a 100 ms window ran (work() keeps about 90 % of it), so a
  // callback stretched by a busy scheduler reads between quiet and busy, which is not work.
  const loose = { checkMs: 100, afterMs: 300, busyAbove: 0.7, quietBelow: 0.3 };

  it('counts start-up as work: releases after the first quiet spell, then only after more work', async () => {
    let calls = 0;
    const watch = startIdleRelease({ ...loose, release: () => void calls++ });
    try {
      await until(() => calls > 0);
      expect(calls).toBe(1);
      await sleep(600);
      expect(calls).toBe(1);
      await work();
      await until(() => calls > 1);
      expect(calls).toBe(2);
      await sleep(600);
      expect(calls).toBe(2);
      expect(watch.releases()).toBe(2);
    } finally {
      watch.stop();
    }
  });

  it('waits while the loop stays busy', async () => {
    let calls = 0;
    const watch = startIdleRelease({ ...loose, release: () => void calls++ });
    try {
      const end = Date.now() + 600;
      while (Date.now() < end) {
        spin(45);
        await sleep(5);
      }
      expect(calls).toBe(0);
    } finally {
      watch.stop();
    }
  });

  it('passes a failing release to onError and keeps watching', async () => {
    const errors: unknown[] = [];
    const watch = startIdleRelease({
      ...loose,
      release: () => {
        throw new Error('cannot');
      },
      onError: (err) => errors.push(err),
    });
    try {
      await until(() => errors.length > 0);
      expect(String(errors[0])).toContain('cannot');
      await work();
      await until(() => errors.length > 1);
      expect(watch.releases()).toBe(2);
    } finally {
      watch.stop();
    }
  });
});
