/**
 * `bench:pipeline --wire pages`: the whole pipeline over a wire of real pages
 * (page-wire.ts), against the one-process script of pipeline-baseline.ts, in
 * the same run, taking turns:
 *
 *   baseline  bench/pipeline-baseline.ts (rss-parser, fetch, Readability on linkedom, better-sqlite3)
 *   once      `telex run --once`: every role in one process, the command timed from start to exit
 *   roles     one `telex start --role X` process per role, timed from the first poll to the last item
 *             (start-up excluded: these are long-running services)
 *
 * Each Telex run has its own redis-server (append-only, as shipped) and SQLite
 * file; Redis CPU is read from /proc before and after. CPU of a command run to
 * its end is the children's time from bash's `times`.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { closeStoredCounts, median, Observer, storedCount, writeRunConfig } from './harness.js';
import { readCorpusPages, startPageWire, type PageWire } from './page-wire.js';
import { BIN, cpuMs, packageRootOf, peakRssMb, REPO, runMeasured, startRedis, startRole, waitFor, type RoleProc } from './procs.js';

export type PagesMode = 'baseline' | 'once' | 'roles';

export type PagesBenchOptions = {
  pagesDir: string;
  items: number;
  feeds: number;
  modes: PagesMode[];
  rounds: number;
  /** Telex builds to compare (dist/cli/main.js of each), taking turns in every round. */
  bins: string[];
  inFlight: number;
  commandstats: boolean;
  root: string;
  /** Pool threads per extractor / enricher process (unset: the shipped default). */
  threads?: { extractor?: number; enricher?: number };
};

type RunResult = {
  mode: PagesMode;
  label: string;
  round: number;
  wallMs: number;
  /** CPU (ms) of each process of the run; Redis separately. */
  cpu: Array<{ name: string; ms: number }>;
  /** Peak RSS (MB, VmHWM) of each role process (`roles` mode). */
  peakRss?: Array<{ name: string; mb: number }>;
  redisMs: number;
  harnessMs: number;
  items: number;
  stored: number;
  note: string;
  commandstats?: string;
};

const out = (s = '') => process.stdout.write(`${s}\n`);
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const CORES = availableParallelism();
const nodeArgs = () => (process.env['BENCH_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);

/** A short name for a build: its folder relative to the repository. */
function binLabel(bin: string, bins: string[]): string {
  if (bins.length === 1) {
    return '';
  }
  const root = packageRootOf(bin);
  return root === REPO ? 'this tree' : (root.split('/').pop() ?? bin);
}

function topCommands(info: Record<string, string>, n = 8): string {
  const rows = Object.entries(info)
    .map(([k, v]) => ({ cmd: k.replace(/^cmdstat_/, ''), calls: Number(/calls=(\d+)/.exec(v)?.[1] ?? 0), usec: Number(/usec=(\d+)/.exec(v)?.[1] ?? 0) }))
    .sort((a, b) => b.usec - a.usec)
    .slice(0, n);
  return rows.map((r) => `${r.cmd} ${r.calls} calls ${fmt(r.usec / 1000, 0)} ms`).join(', ');
}

async function runBaseline(wire: PageWire, o: PagesBenchOptions, dir: string, round: number): Promise<RunResult> {
  const h0 = process.cpuUsage();
  const r = await runMeasured(process.execPath, [
    '--import', 'tsx', join(REPO, 'bench/pipeline-baseline.ts'),
    '--db', join(dir, 'baseline.db'), '--in-flight', String(o.inFlight),
    ...wire.feeds.map((f) => f.url),
  ]);
  const h = process.cpuUsage(h0);
  if (r.code !== 0) {
    throw new Error(`baseline failed (${r.code}): ${r.stderr.slice(-2000)}`);
  }
  const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { items: number; stored: number; failed: number; reasons: Record<string, number>; workMs: number };
  return {
    mode: 'baseline', label: 'baseline', round, wallMs: r.wallMs, cpu: [{ name: 'baseline', ms: r.cpuMs }], redisMs: 0,
    harnessMs: (h.user + h.system) / 1000, items: res.items, stored: res.stored, note: `not stored ${res.failed} (${Object.entries(res.reasons).map(([k, v]) => `${k}: ${v}`).join('; ')})`,
  };
}

async function runOnce(wire: PageWire, o: PagesBenchOptions, dir: string, round: number, bin: string): Promise<RunResult> {
  const redis = await startRedis({ dir: join(dir, 'redis') });
  try {
    const databaseUrl = join(dir, 'telex.db');
    const setup = writeRunConfig(wire, { dir, redisUrl: redis.url, databaseUrl, prefix: `{pages-once-${round}}`, pollEvery: '2s', ...(o.threads ? { threads: o.threads } : {}) });
    const redis0 = cpuMs(redis.pid());
    const h0 = process.cpuUsage();
    const r = await runMeasured(process.execPath, [...nodeArgs(), bin, 'run', '--once', '--config', setup.configPath], {
      cwd: packageRootOf(bin),
      env: { ...setup.env, NODE_ENV: 'production' },
    });
    const h = process.cpuUsage(h0);
    const redisMs = cpuMs(redis.pid()) - redis0;
    if (r.code !== 0) {
      throw new Error(`telex run --once failed (${r.code}): ${r.stderr.slice(-2000)}`);
    }
    const created = Number(/stored: (\d+) new/.exec(r.stdout)?.[1] ?? NaN);
    const skipped = Number(/skipped: (\d+)/.exec(r.stdout)?.[1] ?? 0);
    const failures = Number(/failures: (\d+)/.exec(r.stdout)?.[1] ?? NaN);
    const stored = (await storedCount(databaseUrl)) ?? NaN;
    await closeStoredCounts();
    const label = ['once', binLabel(bin, o.bins)].filter(Boolean).join(' ');
    return {
      mode: 'once', label, round, wallMs: r.wallMs, cpu: [{ name: 'telex run --once', ms: r.cpuMs }], redisMs,
      harnessMs: (h.user + h.system) / 1000, items: wire.items.length, stored,
      note: `created ${created}, no article ${skipped}, failures ${failures}`,
      ...(o.commandstats ? { commandstats: topCommands(await redis.info('commandstats')) } : {}),
    };
  } finally {
    await redis.stop();
  }
}

async function runRoles(wire: PageWire, o: PagesBenchOptions, dir: string, round: number, bin: string): Promise<RunResult> {
  const redis = await startRedis({ dir: join(dir, 'redis') });
  const prefix = `{pages-roles-${round}}`;
  const databaseUrl = join(dir, 'telex.db');
  const setup = writeRunConfig(wire, { dir, redisUrl: redis.url, databaseUrl, prefix, pollEvery: '2s', ...(o.threads ? { threads: o.threads } : {}) });
  const obs = new Observer(redis.url, prefix);
  const procs: RoleProc[] = [];
  try {
    // Polls wait until every role is up: start-up is not part of a long-running service's throughput.
    await obs.queues.poll.pause();
    for (const role of ['fetcher', 'extractor', 'enricher']) {
      procs.push(startRole(role, setup.env, { name: role, configPath: setup.configPath, logDir: join(dir, 'logs'), bin }));
    }
    await Promise.race([
      Promise.all(procs.map((p) => p.ready)),
      ...procs.map((p) => p.exited.then((c) => Promise.reject(new Error(`${p.name} exited early (${c}); see ${dir}/logs`)))),
    ]);
    await new Promise((r) => setTimeout(r, 3_000));
    const cpu0 = procs.map((p) => cpuMs(p.pid));
    const redis0 = cpuMs(redis.pid());
    const h0 = process.cpuUsage();
    const t0 = performance.now();
    await obs.queues.poll.resume();
    let idle = 0;
    await waitFor(
      'every page fetched and every job finished',
      async () => {
        const allServed = wire.served.size >= wire.items.length;
        idle = allServed && (await obs.busy()) === 0 ? idle + 1 : 0;
        return idle >= 2;
      },
      30 * 60_000,
      100,
    );
    const wallMs = performance.now() - t0;
    const h = process.cpuUsage(h0);
    const cpu = procs.map((p, i) => ({ name: p.name, ms: cpuMs(p.pid) - (cpu0[i] ?? 0) }));
    const redisMs = cpuMs(redis.pid()) - redis0;
    const stored = (await storedCount(databaseUrl)) ?? NaN;
    await closeStoredCounts();
    const jobs = procs.map((p) => [...p.jobs.entries()].map(([k, v]) => `${k}=${v}`).join(' ')).join(' ');
    const peakRss = procs.map((p) => ({ name: p.name, mb: peakRssMb(p.pid) }));
    const commandstats = o.commandstats ? topCommands(await redis.info('commandstats')) : undefined;
    for (const p of procs) {
      await p.stop();
    }
    const label = ['roles', binLabel(bin, o.bins)].filter(Boolean).join(' ');
    return {
      mode: 'roles', label, round, wallMs, cpu, peakRss, redisMs, harnessMs: (h.user + h.system) / 1000, items: wire.items.length, stored, note: jobs,
      ...(commandstats ? { commandstats } : {}),
    };
  } finally {
    for (const p of procs) {
      if (p.alive()) {
        await p.kill9();
      }
    }
    await obs.close();
    await redis.stop();
  }
}

const telexCpu = (r: RunResult) => r.cpu.reduce((s, c) => s + c.ms, 0) + r.redisMs;

function printRun(r: RunResult) {
  const cpu = telexCpu(r);
  out(
    `[round ${r.round}] ${r.label.padEnd(16)} wall ${fmt(r.wallMs / 1000, 2)} s, ${fmt(r.items / (r.wallMs / 1000))} items/s; ` +
      `CPU ${fmt(cpu / 1000, 2)} s (${r.cpu.map((c) => `${c.name} ${fmt(c.ms / 1000, 2)}`).join(', ')}${r.mode === 'baseline' ? '' : `, redis ${fmt(r.redisMs / 1000, 2)}`}), ` +
      `${fmt(cpu / r.items, 1)} ms/item, ${fmt(cpu / r.wallMs, 2)} cores; stored ${r.stored}; wire+bench ${fmt(r.harnessMs / r.wallMs, 2)} cores; ${r.note}`,
  );
  if (r.peakRss) {
    out(`    peak RSS (VmHWM): ${r.peakRss.map((p) => `${p.name} ${fmt(p.mb, 0)} MB`).join(', ')}`);
  }
  if (r.commandstats) {
    out(`    redis commandstats (top by time): ${r.commandstats}`);
  }
}

export async function runPagesBench(o: PagesBenchOptions): Promise<void> {
  const pages = readCorpusPages(o.pagesDir);
  out(`## bench:pipeline --wire pages — ${new Date().toISOString()}`);
  out(
    `pages ${pages.length} from ${o.pagesDir}; wire ${o.items} items over ${o.feeds} RSS feeds; ${o.rounds} round(s) of ${o.modes.join(', ')}` +
      `${o.bins.length > 1 ? ` for each of ${o.bins.join(', ')}` : ''}; baseline ${o.inFlight} pages in flight; cores ${CORES}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const results: RunResult[] = [];
  let n = 0;
  for (let round = 1; round <= o.rounds; round++) {
    // Builds take turns, and their order flips every round, so neither always runs first.
    const bins = round % 2 === 1 ? o.bins : [...o.bins].reverse();
    for (const mode of o.modes) {
      for (const bin of mode === 'baseline' ? [BIN] : bins) {
        const dir = join(o.root, `pages-${++n}-${mode}`);
        mkdirSync(dir, { recursive: true });
        const wire = await startPageWire({ pages, items: o.items, feeds: o.feeds });
        try {
          const r = mode === 'baseline' ? await runBaseline(wire, o, dir, round) : mode === 'once' ? await runOnce(wire, o, dir, round, bin) : await runRoles(wire, o, dir, round, bin);
          printRun(r);
          results.push(r);
        } finally {
          await wire.close();
        }
      }
    }
  }
  out();
  out('### summary (median over rounds; ratios against the baseline of the same round, then their median)');
  const labels = [...new Set(results.map((r) => r.label))];
  const med = median;
  for (const label of labels) {
    const rs = results.filter((r) => r.label === label);
    const ratios = rs.map((r) => {
      const base = results.find((b) => b.mode === 'baseline' && b.round === r.round);
      return base
        ? { speed: r.items / r.wallMs / (base.items / base.wallMs), cpu: telexCpu(r) / r.items / (telexCpu(base) / base.items) }
        : { speed: NaN, cpu: NaN };
    });
    const stages =
      rs[0]?.mode === 'roles'
        ? '; by stage (ms/item): ' +
          [...(rs[0]?.cpu.map((c) => c.name) ?? []), 'redis']
            .map((name) => `${name} ${fmt(med(rs.map((r) => (name === 'redis' ? r.redisMs : (r.cpu.find((c) => c.name === name)?.ms ?? NaN)) / r.items)), 1)}`)
            .join(', ')
        : rs[0]?.mode === 'once'
          ? `; of which redis ${fmt(med(rs.map((r) => r.redisMs / r.items)), 1)} ms/item`
          : '';
    out(
      `${label.padEnd(16)} ${fmt(med(rs.map((r) => r.items / (r.wallMs / 1000))))} items/s, ${fmt(med(rs.map((r) => telexCpu(r) / r.items)))} ms CPU/item, ` +
        `${fmt(med(rs.map((r) => telexCpu(r) / r.wallMs)), 2)} cores` +
        (rs[0]?.mode === 'baseline' ? '' : `; vs baseline: items/s x${fmt(med(ratios.map((x) => x.speed)), 2)}, CPU/item x${fmt(med(ratios.map((x) => x.cpu)), 2)}`) +
        stages,
    );
  }
  out(`load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}
