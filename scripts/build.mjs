/**
 * `npm run build`: compiles src/ with tsc into a fresh dist/ (JavaScript and
 * declaration files), then copies beside it what tsc does not emit: the
 * console's static files, the demo wire's page and the enricher's data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  process.exit(r.status ?? 1);
}
cpSync(resolve(root, 'src'), dist, { recursive: true, filter: (src) => !src.endsWith('.ts') });
