/**
 * Processes the benchmark and the chaos suite run: private redis-server and
 * PostgreSQL instances on free loopback ports (in a temp dir, torn down
 * afterwards), and `telex start --role X` children. Linux /proc gives CPU and RSS.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { pingRedis } from '../../src/queues/connection.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'dist/cli/main.js');

/** The folder of the package.json nearest above `file`: where a role started from that file runs. */
export function packageRootOf(file: string): string {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return REPO;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1 (bind 0, read, close). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(stepMs);
  }
}

const CLK_TCK = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** CPU time (user + system, ms) of a live process, threads included. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] = utime, fields[12] = stime (0-based after the comm field).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Resident set size (MB) of a live process. */
export function rssMb(pid: number): number {
  return statusMb(pid, 'VmRSS');
}

/** Peak resident memory of a live process since it started (VmHWM), MB. */
export function peakRssMb(pid: number): number {
  return statusMb(pid, 'VmHWM');
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Runs a command to its end and measures it: wall time, and the CPU (user +
 * system, every thread) of the command and its children, from bash's `times`
 * after it exits (a process's /proc entry is gone by then).
 */
export async function runMeasured(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; onSpawn?: (pid: number) => void } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; wallMs: number; cpuMs: number }> {
  const marker = '__times__';
  const t0 = performance.now();
  // bash runs the command as its child; `times` then prints the children's user and system time.
  const child = spawn('bash', ['-c', `"$@"; rc=$?; echo ${marker} >&2; times >&2; exit $rc`, 'bash', cmd, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, ...(opts.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) {
    opts.onSpawn?.(child.pid);
  }
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
  const wallMs = performance.now() - t0;
  const at = stderr.lastIndexOf(marker);
  const timesLines = at >= 0 ? stderr.slice(at + marker.length).trim().split('\n') : [];
  const secs = (s: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(s);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const [user, sys] = (timesLines[1] ?? '').trim().split(/\s+/);
  return { code, stdout, stderr: at >= 0 ? stderr.slice(0, at) : stderr, wallMs, cpuMs: (secs(user ?? '') + secs(sys ?? '')) * 1000 };
}

// ---------------------------------------------------------------- redis

export type RedisProc = {
  port: number;
  url: string;
  dir: string;
  pid(): number;
  /** Clean stop (SIGTERM: Redis flushes the append-only file), then start again on the same port and dir. */
  restart(downMs?: number): Promise<void>;
  /** kill -9 then start again. */
  crash(downMs?: number): Promise<void>;
  info(section: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
};

export type RedisProcOptions = { dir: string; port?: number; appendfsync?: 'always' | 'everysec'; extra?: string[] };

export async function startRedis(opts: RedisProcOptions): Promise<RedisProc> {
  const port = opts.port ?? (await freePort());
  mkdirSync(opts.dir, { recursive: true });
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', opts.dir,
    '--appendonly', 'yes', '--appendfsync', opts.appendfsync ?? 'everysec',
    '--save', '', '--maxmemory-policy', 'noeviction', '--protected-mode', 'no',
    ...(opts.extra ?? []),
  ];
  // LOADING replies an error until the append-only file is loaded, so a ping only succeeds once it is.
  const ping = () => pingRedis(url, 500);
  const launch = async () => {
    const c = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    let err = '';
    c.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    await waitFor(`redis-server on ${port}`, async () => (c.exitCode !== null ? Promise.reject(new Error(`redis-server exited: ${err}`)) : ping()), 15_000);
  };
  const exited = async (c: ChildProcess) => {
    if (c.exitCode === null && c.signalCode === null) {
      await new Promise((r) => c.once('exit', r));
    }
  };
  /** Stops the server with `signal` (SIGTERM: a clean shutdown; SIGKILL: a crash), waits, starts it again on the same port and dir. */
  const relaunch = async (signal: NodeJS.Signals, downMs: number): Promise<void> => {
    const c = child;
    if (c) {
      c.kill(signal);
      await exited(c);
    }
    await sleep(downMs);
    await launch();
  };
  await launch();
  const self: RedisProc = {
    port,
    url,
    dir: opts.dir,
    pid: () => child?.pid ?? -1,
    restart: (downMs = 500) => relaunch('SIGTERM', downMs),
    crash: (downMs = 500) => relaunch('SIGKILL', downMs),
    async info(section) {
      const r = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        const text = await r.info(section);
        return Object.fromEntries(
          text
            .split('\r\n')
            .filter((l) => l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
        );
      } finally {
        r.disconnect();
      }
    },
    async stop() {
      const c = child;
      if (c) {
        c.kill('SIGTERM');
        await exited(c);
      }
      child = null;
    },
  };
  return self;
}

// ---------------------------------------------------------------- postgres

export type PgProc = { port: number; url: string; dir: string; restart(downMs?: number): Promise<void>; stop(): Promise<void> };

const pgBin = (name: string): string => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const p = join(base, v, 'bin', name);
    if (existsSync(p)) {
      return p;
    }
  }
  return name;
};

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
function asPg(cmd: string, args: string[]): { status: number | null; out: string } {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** A private PostgreSQL cluster in `dir` on a free loopback port; database `telex`, user `postgres`, trust auth. */
export async function startPostgres(opts: { dir: string; port?: number }): Promise<PgProc> {
  const port = opts.port ?? (await freePort());
  mkdirSync(opts.dir, { recursive: true });
  const data = join(opts.dir, 'data');
  if (process.getuid?.() === 0) {
    // The postgres user must be able to reach the directory (mkdtemp makes 0700 parents).
    for (let d = dirname(opts.dir); d !== '/' && d !== tmpdir(); d = dirname(d)) {
      chmodSync(d, 0o755);
    }
    chmodSync(opts.dir, 0o777);
    spawnSync('chown', ['-R', 'postgres', opts.dir]);
  }
  const init = asPg(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) {
    throw new Error(`initdb failed: ${init.out}`);
  }
  const ctl = (action: 'start' | 'stop', mode?: string) =>
    asPg(pgBin('pg_ctl'), [
      '-D', data, '-l', join(opts.dir, 'pg.log'), '-w', '-t', '60',
      ...(action === 'start' ? ['-o', `-p ${port} -k ${opts.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`] : ['-m', mode ?? 'fast']),
      action,
    ]);
  const s = ctl('start');
  if (s.status !== 0) {
    throw new Error(`pg_ctl start failed: ${s.out}`);
  }
  const c = asPg(pgBin('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'telex']);
  if (c.status !== 0) {
    throw new Error(`createdb failed: ${c.out}`);
  }
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/telex`,
    dir: opts.dir,
    async restart(downMs = 500) {
      // "immediate" is a crash of the server processes: no checkpoint, recovery on start.
      const st = ctl('stop', 'immediate');
      if (st.status !== 0) {
        throw new Error(`pg_ctl stop failed: ${st.out}`);
      }
      await sleep(downMs);
      const up = ctl('start');
      if (up.status !== 0) {
        throw new Error(`pg_ctl start failed: ${up.out}`);
      }
    },
    async stop() {
      ctl('stop', 'immediate');
    },
  };
}

// ---------------------------------------------------------------- telex roles

export type RoleProc = {
  role: string;
  name: string;
  pid: number;
  child: ChildProcess;
  startedAt: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
  /** kill -9. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (graceful drain). */
  stop(): Promise<number | string | null>;
  alive(): boolean;
  /** Resolves when the process logs "telex started" (needs LOG_LEVEL info or lower). */
  ready: Promise<void>;
  /** Jobs this process finished, per stage and outcome ("extract:done"), from its log. */
  jobs: Map<string, number>;
  /** Log lines at warn or above (pino level >= 40), the last 200. */
  problems: string[];
  /** The last 4 kB written to stderr (a crash's stack trace lands here). */
  stderrTail(): string;
};

/**
 * `node dist/cli/main.js start --role <role>` with `env` on top of ours. Output
 * goes to `<logDir>/<name>.log` (the workers log JSON lines).
 */
export function startRole(
  role: string,
  env: Record<string, string>,
  opts: { name?: string; configPath: string; logDir: string; bin?: string },
): RoleProc {
  const name = opts.name ?? role;
  mkdirSync(opts.logDir, { recursive: true });
  const log: WriteStream = createWriteStream(join(opts.logDir, `${name}.log`), { flags: 'a' });
  // BENCH_NODE_ARGS adds node flags to every role (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", which NODE_OPTIONS refuses).
  // The roles run as the image's entrypoint and `npm start` run them (young generation capped), plus BENCH_NODE_ARGS.
  const nodeArgs = ['--max-semi-space-size=8', ...(process.env['BENCH_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean)];
  const bin = opts.bin ?? BIN;
  // BENCH_ROLE_ENV adds variables to the roles only (e.g. "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2" or "MALLOC_ARENA_MAX=2").
  const roleEnv = Object.fromEntries(
    (process.env['BENCH_ROLE_ENV'] ?? '')
      .split(/\s+/)
      .filter((kv) => kv.includes('='))
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start', '--role', role, '--config', opts.configPath], {
    cwd: packageRootOf(bin),
    // BENCH_LOG_LEVEL=debug shows, among others, when each role releases memory.
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info', ...roleEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const jobs = new Map<string, number>();
  const problems: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  let errTail = '';
  child.stderr?.on('data', (d: Buffer) => {
    errTail = (errTail + d.toString()).slice(-4096);
  });
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"msg":"job ')) {
        const stage = /"stage":"(\w+)"/.exec(line)?.[1] ?? '?';
        const outcome = /"msg":"job (done|skipped|failed|failed permanently|failed after last attempt|failed, will retry)"/.exec(line)?.[1] ?? '?';
        const k = `${stage}:${outcome}`;
        jobs.set(k, (jobs.get(k) ?? 0) + 1);
      } else if (line.includes('"msg":"telex started"')) {
        markReady();
      }
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level >= 40) {
        problems.push(line.slice(0, 600));
        if (problems.length > 200) {
          problems.shift();
        }
      }
    }
  });
  const exited = new Promise<number | string | null>((r) =>
    child.once('exit', (code, signal) => {
      log.end();
      r(code ?? signal);
    }),
  );
  const pid = child.pid ?? -1;
  return {
    role,
    name,
    pid,
    child,
    startedAt: Date.now(),
    exited,
    ready,
    jobs,
    problems,
    stderrTail: () => errTail,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
