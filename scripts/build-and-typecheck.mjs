/**
 * The first step of `npm test`: `npm run build` (scripts/build.mjs: tsc of src/
 * into dist/) and the type check of everything (`tsc --noEmit`: src, tests,
 * bench, scripts) side by side, each a process of its own, where they ran one
 * after the other; the type check reads no file of dist/. Exits non-zero when
 * either fails, after both have finished and printed their errors.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs `node ...args` in the repository, its output on ours; resolves its exit code. */
const run = (args) =>
  new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      process.stderr.write(`${args.join(' ')}: ${err.message}\n`);
      resolvePromise(1);
    });
    child.on('close', (code) => resolvePromise(code ?? 1));
  });

const [build, typecheck] = await Promise.all([
  run([resolve(root, 'scripts/build.mjs')]),
  run([tsc, '--noEmit', '-p', resolve(root, 'tsconfig.json')]),
]);
if (build !== 0) {
  process.stderr.write(`npm run build failed (exit ${build})\n`);
}
if (typecheck !== 0) {
  process.stderr.write(`tsc --noEmit failed (exit ${typecheck})\n`);
}
process.exit(build !== 0 ? build : typecheck);
