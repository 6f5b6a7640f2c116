import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';

/** file: URL of tsx's ESM register API (`tsx/esm/api`, import condition). */
function tsxEsmApiUrl(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } | string }>;
  };
  const entry = pkg.exports['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : entry?.default;
  if (!rel) {
    throw new Error('tsx/esm/api not found: worker threads need tsx to load their TypeScript modules');
  }
  return pathToFileURL(resolvePath(dirname(pkgPath), rel)).href;
}

let tsxUrl: string | undefined;

const IDLE_RELEASE_URL = new URL('./idle-release.ts', import.meta.url);
const LOADER_THREAD_URL = new URL('./loader-thread.ts', import.meta.url);

/**
 * Boot code for a worker thread (`new Worker(code, { eval: true, execArgv: [] })`)
 * that registers tsx and then loads the TypeScript module at `moduleUrl`, the
 * same way under `node --import tsx`, vitest, or anything else. With
 * `releaseMemoryAfterMs` above 0, the thread also releases memory whenever it
 * has been quiet that long after start-up or work (see idle-release.ts),
 * its module-hooks thread's too (loader-thread.ts).
 */
export function threadBootSource(moduleUrl: URL, opts: { releaseMemoryAfterMs?: number } = {}): string {
  tsxUrl ??= tsxEsmApiUrl();
  const afterMs = Math.max(0, Math.floor(opts.releaseMemoryAfterMs ?? 0));
  const idle =
    afterMs > 0
      ? `
  const { startIdleRelease } = await import(${JSON.stringify(IDLE_RELEASE_URL.href)});
  startIdleRelease({ afterMs: ${afterMs} });`
      : '';
  // Before the module loads, so that its releases reach the thread that compiles it (loader-thread.ts).
  const loader =
    afterMs > 0
      ? `
  const { connectLoaderThread } = await import(${JSON.stringify(LOADER_THREAD_URL.href)});
  connectLoaderThread();`
      : '';
  return `
(async () => {
  const { register } = await import(${JSON.stringify(tsxUrl)});
  register();${loader}
  await import(${JSON.stringify(moduleUrl.href)});${idle}
})().catch((err) => { throw err; });
`;
}
