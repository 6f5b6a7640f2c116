import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The URL of the module `name` (a relative path without extension) beside the
 * module at `base` (its `import.meta.url`), with the same extension: `.js` in
 * the compiled package (dist/), `.ts` where the sources run directly (the
 * tests and benchmarks, through tsx).
 */
export function moduleBeside(base: string, name: string): URL {
  return new URL(`${name}${new URL(base).pathname.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** file: URL of tsx's ESM register API (`tsx/esm/api`, import condition): a development dependency. */
function tsxEsmApiUrl(): string {
  let pkgPath: string;
  try {
    pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  } catch {
    throw new Error('tsx is not installed: TypeScript thread modules run only in development (the package runs dist/)');
  }
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } | string }>;
  };
  const entry = pkg.exports['./esm/api']?.import;
  const rel = typeof entry === 'string' ? entry : entry?.default;
  if (!rel) {
    throw new Error('tsx/esm/api not found: TypeScript thread modules need tsx to load');
  }
  return pathToFileURL(resolvePath(dirname(pkgPath), rel)).href;
}

const IDLE_RELEASE_URL = moduleBeside(import.meta.url, './idle-release');

/**
 * Boot code for a worker thread (`new Worker(code, { eval: true, execArgv: [] })`)
 * that loads the module at `moduleUrl`. Compiled modules (`.js`) load as they
 * are; a TypeScript module (the sources under the tests or a benchmark) loads
 * through tsx, registered in the thread first. With `releaseMemoryAfterMs`
 * above 0, the thread also collects its heap whenever it has been quiet that
 * long after start-up or work (see idle-release.ts).
 */
export function threadBootSource(moduleUrl: URL, opts: { releaseMemoryAfterMs?: number } = {}): string {
  const afterMs = Math.max(0, Math.floor(opts.releaseMemoryAfterMs ?? 0));
  const typescript = moduleUrl.pathname.endsWith('.ts');
  const loader = typescript
    ? `
  const { register } = await import(${JSON.stringify(tsxEsmApiUrl())});
  register();`
    : '';
  const idle =
    afterMs > 0
      ? `
  const { startIdleRelease } = await import(${JSON.stringify(IDLE_RELEASE_URL.href)});
  startIdleRelease({ afterMs: ${afterMs} });`
      : '';
  return `
(async () => {${loader}
  await import(${JSON.stringify(moduleUrl.href)});${idle}
})().catch((err) => { throw err; });
`;
}
