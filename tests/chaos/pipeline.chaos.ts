/**
 * Chaos: 1,000 items from the load wire through fetcher, extractor and
 * enricher, each in its own process, on a private Redis (append-only) and, in
 * turn, a private PostgreSQL store and a SQLite file. Mid-stream: kill -9 the
 * extractor and the enricher (twice each) and start them again, restart Redis,
 * and restart PostgreSQL (on SQLite, a kill -9 of the enricher in the middle of
 * its writes takes that place). At the end every item must be stored exactly
 * once, nothing left queued or active, and failures only where the input was
 * bad. A role that dies on its own is started again (as a supervisor would)
 * and reported as a failure.
 *
 *   npm run test:chaos                      (CHAOS_ITEMS=300 for a quicker pass)
 *   CHAOS_STORES=sqlite npm run test:chaos  (one store only)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, closeStoredCounts, Observer, storedCount, writeRunConfig, type RunSetup } from '../../bench/lib/harness.js';
import { startLoadWire, type LoadWire } from '../../bench/lib/load-wire.js';
import { startPostgres, startRedis, startRole, waitFor, type PgProc, type RedisProc, type RoleProc } from '../../bench/lib/procs.js';

const ITEMS = Number(process.env.CHAOS_ITEMS ?? 1_000);
const FEEDS = 20;
const STORES = (process.env.CHAOS_STORES ?? 'postgres,sqlite').split(',').map((x) => x.trim()) as Array<'postgres' | 'sqlite'>;

describe.each(STORES)('pipeline under chaos (%s)', (backend) => {
  let dir: string;
  let wire: LoadWire;
  let redis: RedisProc;
  let pg: PgProc | undefined;
  let databaseUrl: string;
  let setup: RunSetup;
  let obs: Observer;
  const procs = new Map<string, RoleProc>();
  const log = (msg: string) => process.stdout.write(`[chaos ${backend} ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'telex-chaos-'));
    wire = await startLoadWire({ feeds: FEEDS, itemsPerFeed: Math.ceil(ITEMS / FEEDS), badEvery: 50, flakyEvery: 50, seed: 11 });
    redis = await startRedis({ dir: join(dir, 'redis') });
    if (backend === 'postgres') {
      pg = await startPostgres({ dir: join(dir, 'pg') });
      databaseUrl = pg.url;
    } else {
      databaseUrl = join(dir, 'store', 'telex.db');
    }
    const prefix = `{chaos-${Date.now().toString(36)}}`;
    setup = writeRunConfig(wire, { dir, redisUrl: redis.url, databaseUrl, prefix, pollEvery: '2s' });
    obs = new Observer(redis.url, prefix);
  }, 120_000);

  afterAll(async () => {
    stopping = true;
    for (const p of procs.values()) {
      expectedExit.add(p);
      if (p.alive()) {
        await p.kill9();
      }
    }
    await obs?.close();
    await redis?.stop();
    await closeStoredCounts();
    await pg?.stop();
    await wire?.close();
    if (dir && !process.env.CHAOS_KEEP) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Exits we did not cause: recorded, and the role started again the way a supervisor (Docker, Kubernetes) would. */
  const crashes: Array<{ role: string; pid: number; exit: number | string | null; stderr: string }> = [];
  const expectedExit = new Set<RoleProc>();
  let stopping = false;

  const start = (role: string) => {
    const p = startRole(role, setup.env, { name: role, configPath: setup.configPath, logDir: join(dir, 'logs') });
    procs.set(role, p);
    void p.exited.then((exit) => {
      if (expectedExit.has(p)) {
        return;
      }
      crashes.push({ role, pid: p.pid, exit, stderr: p.stderrTail().split('\n').filter((l) => l.trim()).slice(-14).join('\n') });
      log(`${role} (pid ${p.pid}) died on its own (${exit})${stopping ? '' : ', starting it again'}`);
      if (!stopping) {
        start(role);
      }
    });
    return p;
  };

  describe('pipeline under chaos', () => {
    it(`stores every item exactly once through worker kills and Redis${backend === 'postgres' ? ' and PostgreSQL' : ''} restarts`, async () => {
      const expected = wire.expectedStored;
      const kinds = wire.items.reduce<Record<string, number>>((m, i) => ((m[i.kind] = (m[i.kind] ?? 0) + 1), m), {});
      log(`wire: ${wire.items.length} items ${JSON.stringify(kinds)}; ${expected} should be stored`);
      const roles = ['fetcher', 'extractor', 'enricher'];
      const first = roles.map(start);
      await Promise.all(first.map((p) => p.ready));

      // Each step fires once the store holds this share of the expected articles.
      const steps: Array<{ at: number; name: string; act: () => Promise<void> }> = [
        { at: 0.08, name: 'kill -9 extractor', act: () => killAndRestart('extractor') },
        { at: 0.18, name: 'kill -9 enricher', act: () => killAndRestart('enricher') },
        { at: 0.3, name: 'restart redis', act: () => redis.restart(1_000) },
        { at: 0.45, name: 'kill -9 extractor', act: () => killAndRestart('extractor') },
        backend === 'postgres'
          ? { at: 0.58, name: 'restart postgresql', act: () => (pg as PgProc).restart(1_000) }
          : { at: 0.58, name: 'kill -9 enricher', act: () => killAndRestart('enricher') },
        { at: 0.7, name: 'kill -9 enricher', act: () => killAndRestart('enricher') },
      ];
      const killed: string[] = [];
      const restarts: string[] = [];
      async function killAndRestart(role: string) {
        const p = procs.get(role);
        if (!p) {
          throw new Error(`no ${role}`);
        }
        expectedExit.add(p);
        await p.kill9();
        killed.push(`${role}:${p.pid}`);
        await new Promise((r) => setTimeout(r, 500));
        await start(role).ready;
      }

      let last = 0;
      let stored = 0;
      for (const step of steps) {
        stored = await waitFor(
          `${Math.round(step.at * 100)} % stored before "${step.name}"`,
          async () => {
            const n = await storedCount(databaseUrl);
            if (n !== null && Date.now() - last > 10_000) {
              last = Date.now();
              log(`stored ${n}/${expected}`);
            }
            return n !== null && n >= step.at * expected ? n : undefined;
          },
          15 * 60_000,
          250,
        );
        log(`${step.name} at ${stored}/${expected} stored`);
        const t = new Date().toISOString();
        await step.act();
        restarts.push(`${step.name} ${t}..${new Date().toISOString()}`);
      }

      await waitFor(
        'every item stored and the queues idle',
        async () => {
          const n = await storedCount(databaseUrl);
          const busy = await obs.busy();
          if (Date.now() - last > 10_000) {
            last = Date.now();
            log(`stored ${n}/${expected}, busy ${busy}`);
          }
          return n !== null && n >= expected && busy === 0;
        },
        20 * 60_000,
        500,
      );
      stopping = true;
      for (const p of procs.values()) {
        expectedExit.add(p);
      }
      const exits = await Promise.all([...procs.values()].map((p) => p.stop()));
      expect(exits, 'every role exits 0 on SIGTERM').toEqual(roles.map(() => 0));

      const a = await audit(wire, obs, databaseUrl);
      const jobs = [...procs.values()].map((p) => `${p.name}: ${[...p.jobs.entries()].map(([k, v]) => `${k}=${v}`).join(' ')}`);
      log(`killed: ${killed.join(', ')}`);
      log(`jobs seen by the last process of each role:\n  ${jobs.join('\n  ')}`);
      log(
        `RESULT items ${a.items}, expected stored ${a.expectedStored}, stored ${a.stored} (exactly once: ${a.storedOnce}), ` +
          `versions > 1: ${a.versionsAboveOne}, created events ${a.createdEvents} (ids with more than one: ${a.duplicateCreatedEvents}), ` +
          `failed jobs extract ${a.failedJobs.extract} / enrich ${a.failedJobs.enrich} / poll ${a.failedJobs.poll}, ` +
          `failed on good input ${a.failedOnGoodInput.length}, dead links not failed ${a.badInputNotFailed.length}, nothing left: ${a.nothingLeft}`,
      );
      log(`leftover ${JSON.stringify(a.leftover)}`);
      log(`restarts: ${restarts.join(', ')}`);
      if (a.duplicates.length > 0) {
        log(`articles announced more than once (allowed, at-least-once):\n  ${a.duplicates.join('\n  ')}`);
      }
      log(`processes that died on their own: ${crashes.length}${crashes.map((c) => `\n  ${c.role} pid ${c.pid} exit ${c.exit}:\n    ${c.stderr.replace(/\n/g, '\n    ')}`).join('')}`);
      expect.soft(a.missing, 'items never stored').toEqual([]);
      expect.soft(a.unexpected, 'articles that should not exist').toEqual([]);
      expect.soft(a.stored).toBe(expected);
      expect.soft(a.storedOnce).toBe(true);
      expect.soft(a.versionsAboveOne, 'an article rewritten by a redelivered job').toBe(0);
      // Events are at-least-once (a redelivered enrich job announces again): none lost, repeats allowed.
      expect.soft(a.createdEvents, 'stored articles never announced on the event stream').toBe(expected);
      expect.soft(a.failedOnGoodInput, 'failures on good input').toEqual([]);
      expect.soft(a.badInputNotFailed, 'dead links that did not fail').toEqual([]);
      expect.soft(a.failedJobs.extract).toBe(wire.items.filter((i) => i.expect === 'failed').length);
      expect.soft(a.failedJobs.enrich).toBe(0);
      expect.soft(a.nothingLeft, `queues: ${JSON.stringify(a.leftover)}`).toBe(true);
      // No role may die of a Redis or PostgreSQL restart (soft checks: one run reports every problem).
      expect.soft(crashes.map((c) => `${c.role}: ${c.stderr.split('\n').findLast((l) => /^\w*Error\b/.test(l.trim())) ?? c.exit}`), 'roles that died on their own').toEqual([]);
    });
  });
});
