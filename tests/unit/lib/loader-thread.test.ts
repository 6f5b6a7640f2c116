import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { releaseLoaderMemory, type LoaderRelease } from '../../../src/lib/loader-thread.js';

const REPO = new URL('../../../', import.meta.url);
const src = (path: string) => JSON.stringify(new URL(path, REPO).href);

/**
 * A process started the way bin/telex.js starts (tsx registered, then the
 * sources loaded), connected to its module-hooks thread before loading the
 * pipeline's modules, that asks for two releases in a row and prints them. It
 * never calls process.exit: it must end on its own, the port not holding it.
 */
const CHILD = `
import { register } from 'tsx/esm/api';
register();
const { connectLoaderThread, releaseLoaderMemory } = await import(${src('src/lib/loader-thread.ts')});
const connected = connectLoaderThread();
await import(${src('src/pipeline.ts')});
const first = await releaseLoaderMemory();
const second = await releaseLoaderMemory();
process.stdout.write(JSON.stringify({ connected, first, second }));
`;

function runChild(): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], { cwd: new URL(REPO).pathname, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child did not end by itself\n${out}\n${err}`));
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe(releaseLoaderMemory.name, () => {
  it('resolves null in a thread that never connected', async () => {
    await expect(releaseLoaderMemory()).resolves.toBeNull();
  });

  it("collects the hooks thread's heap, where compiling the sources left its garbage, and lets the process end", async () => {
    const { code, out, err } = await runChild();
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out) as { connected: boolean; first: LoaderRelease | null; second: LoaderRelease | null };
    expect(r.connected).toBe(true);
    // Compiling the pipeline's modules grows that heap to 25-30 MB; about 10 MB of it is live.
    expect(r.first?.beforeMb ?? 0).toBeGreaterThan((r.first?.afterMb ?? Infinity) + 5);
    // Nothing was compiled since: the second finds nothing more to give back.
    expect(r.second?.afterMb ?? Infinity).toBeLessThanOrEqual((r.first?.afterMb ?? 0) + 1);
  }, 90_000);
});
