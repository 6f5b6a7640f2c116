/**
 * Install-time build of the project's one native addon, native/malloc-trim
 * (run by `npm install` as postinstall, with node-gyp as npm bundles it).
 * The addon is optional: when it cannot be built (no compiler, no Node
 * headers), this says so and exits 0, and idle workers then give back only
 * what their garbage collections free (src/lib/malloc-trim.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../native/malloc-trim');
// npm names its node-gyp in lifecycle scripts; run by hand, take the one beside npm.
const gyp = [process.env.npm_config_node_gyp, join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')].find(
  (p) => p && existsSync(p),
);
const why = !gyp
  ? 'node-gyp not found'
  : (() => {
      // Node's own headers when they sit beside it (as npm's nodedir setting does), not a download.
      const prefix = resolve(dirname(process.execPath), '..');
      const nodedir = !process.env.npm_config_nodedir && existsSync(join(prefix, 'include/node/node_api.h')) ? [`--nodedir=${prefix}`] : [];
      const r = spawnSync(process.execPath, [gyp, 'rebuild', ...nodedir], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' / ');
    })();
if (why) {
  process.stderr.write(`telex: native/malloc-trim not built (${why}); idle workers will return less memory to the system\n`);
} else {
  process.stdout.write('telex: native/malloc-trim built\n');
}
