/**
 * Start-up time and idle memory of each role: `telex start --role X` with no
 * feeds, on a private redis-server and a temp SQLite file. Per role: the time
 * from spawn to its "telex started" log line, and its RSS once it has been
 * idle for --idle (median of 3 s of readings; by then every role and pool
 * thread has released what start-up left, see workers.releaseMemoryAfter).
 *
 *   npm run build && npm run bench:startup
 *   npm run bench:startup -- --runs 5 --roles extractor
 *   npm run bench:startup -- --bin OTHER/bin/telex.js   # another build, alternated with this one in the same run
 *   BENCH_ROLE_ENV="LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2" npm run bench:startup
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { BIN, REPO, rssMb, startRedis, startRole } from './lib/procs.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    roles: { type: 'string', default: 'fetcher,extractor,enricher,api' },
    bin: { type: 'string', multiple: true },
    idle: { type: 'string', default: '25' },
  },
});
const RUNS = Number(values.runs);
const ROLES = String(values.roles).split(',');
const BINS = [BIN, ...(values.bin ?? [])];
const IDLE_S = Number(values.idle);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

const root = mkdtempSync(join(tmpdir(), 'telex-startup-'));
const redis = await startRedis({ dir: join(root, 'redis') });
const configPath = join(root, 'feeds.yaml');
writeFileSync(configPath, stringify({ feeds: [], fetch: { allow: ['127.0.0.1/32'] }, topicsFile: join(REPO, 'config/topics.yaml') }));

type Sample = { startMs: number; idleRssMb: number };
const samples = new Map<string, Sample[]>();
let n = 0;
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const role of ROLES) {
      for (const bin of BINS) {
        n++;
        const env = {
          REDIS_URL: redis.url,
          DATABASE_URL: join(root, `db-${n}.sqlite`),
          DATA_DIR: join(root, `data-${n}`),
          QUEUE_PREFIX: `startup-${n}`,
          PORT: '0',
        };
        const t0 = performance.now();
        const p = startRole(role, env, { name: `${role}-${n}`, configPath, logDir: join(root, 'logs'), bin });
        await Promise.race([p.ready, p.exited.then((code) => Promise.reject(new Error(`${role} exited (${String(code)}): ${p.stderrTail()}`)))]);
        const startMs = performance.now() - t0;
        await sleep(IDLE_S * 1000);
        const readings: number[] = [];
        for (let i = 0; i < 7; i++) {
          readings.push(rssMb(p.pid));
          await sleep(500);
        }
        await p.stop();
        const key = `${bin}\t${role}`;
        samples.set(key, [...(samples.get(key) ?? []), { startMs, idleRssMb: median(readings) }]);
        process.stderr.write(`run ${run} ${role} ${bin}: start ${startMs.toFixed(0)} ms, idle RSS ${median(readings).toFixed(1)} MB\n`);
      }
    }
  }
} finally {
  await redis.stop();
  rmSync(root, { recursive: true, force: true });
}

process.stdout.write(`\nmedian of ${RUNS} runs per role and build (alternated), idle ${IDLE_S} s${process.env['BENCH_ROLE_ENV'] ? `, roles with ${process.env['BENCH_ROLE_ENV']}` : ''}\n`);
process.stdout.write('| build | role | start to "telex started" (ms) | idle RSS (MB) |\n|---|---|---|---|\n');
for (const [key, s] of samples) {
  const [bin, role] = key.split('\t');
  process.stdout.write(`| ${bin} | ${role} | ${median(s.map((x) => x.startMs)).toFixed(0)} | ${median(s.map((x) => x.idleRssMb)).toFixed(1)} |\n`);
}
