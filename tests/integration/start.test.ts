import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { BIN, REPO, useSampleWire } from '../helpers/cli.js';

// Memory is released after 1 s without work, so the test sees it happen.
const ctx = useSampleWire(undefined, { workers: { releaseMemoryAfter: '1s' } });

async function until<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error('condition not reached in time');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('telex start', () => {
  it('polls every feed on its schedule, stores the wire, serves the API, releases memory once quiet, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'start', '--config', ctx.s.configPath], {
      cwd: REPO,
      env: { ...process.env, ...ctx.s.env, PORT: '0', LOG_LEVEL: 'debug', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const apiUrl = await until(async () => /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"api listening"/.exec(out)?.[1], 60_000);
      const expected = ctx.wire.articles.filter((a) => a.expect !== 'failed').length;
      await until(async () => {
        const res = await fetch(`${apiUrl}/articles?limit=50`);
        const body = (await res.json()) as { items: unknown[] };
        return body.items.length >= expected ? true : undefined;
      }, 60_000);
      const ready = await fetch(`${apiUrl}/readyz`);
      expect(ready.status).toBe(200);
      const feeds = (await (await fetch(`${apiUrl}/feeds`)).json()) as unknown;
      expect(JSON.stringify(feeds)).toContain('courier-broken');
      // Once the wire is stored the process goes quiet, and collects its heap after a second of it.
      const storedAt = out.length;
      const released = await until(
        async () => /"heapMb":\{"before":(\d+),"after":(\d+)\},"msg":"memory released"/.exec(out.slice(storedAt)) ?? undefined,
        30_000,
      );
      expect(Number(released[2])).toBeLessThanOrEqual(Number(released[1]));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toMatch(/"msg":"shutdown complete"/);
    const store = await openStore(ctx.s.env.DATABASE_URL);
    try {
      expect(await store.countArticles()).toBe(ctx.wire.articles.filter((a) => a.expect !== 'failed').length);
    } finally {
      await store.close();
    }
    // Longer than the waits above together (60 + 60 + 30 s), so a slow machine fails on the
    // condition it missed, and the child is stopped, rather than on the test's own timeout.
  }, 180_000);
});
