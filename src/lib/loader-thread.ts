/**
 * Memory of the thread that loads this thread's modules. tsx compiles the
 * TypeScript sources in Node's module-hooks thread, one per thread that
 * registers it (the main thread and each pool thread), and that thread keeps
 * the garbage of compiling them: 15–20 MB of heap after start-up that nothing
 * in this thread can collect, which only went back during a later burst of
 * work, when that thread happened to collect. `connectLoaderThread` adds a
 * hook module there (loader-hooks.ts) that answers over a message port;
 * `releaseLoaderMemory` asks it to collect its heap.
 */
import { register } from 'node:module';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/** What the hooks thread reports after a release: its V8 heap in MB, resident. */
export type LoaderRelease = { beforeMb: number; afterMb: number };

let port: MessagePort | null = null;

/**
 * Registers the hook module in this thread's module-hooks thread, once. Call
 * it after tsx's own `register()`. Returns false where Node has no hooks
 * thread to register with.
 */
export function connectLoaderThread(): boolean {
  if (port) {
    return true;
  }
  const channel = new MessageChannel();
  try {
    register(new URL('./loader-hooks.ts', import.meta.url), { data: { port: channel.port2 }, transferList: [channel.port2] });
  } catch {
    channel.port1.close();
    return false;
  }
  channel.port1.unref();
  port = channel.port1;
  return true;
}

/**
 * Asks the hooks thread to collect its heap. Resolves with its heap before
 * and after, or null if this thread never connected or no answer came within
 * `timeoutMs`.
 */
export function releaseLoaderMemory(timeoutMs = 5_000): Promise<LoaderRelease | null> {
  const p = port;
  if (!p) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const done = (r: LoaderRelease | null) => {
      clearTimeout(timer);
      p.off('message', onMessage);
      p.unref();
      resolve(r);
    };
    const onMessage = (m: unknown) => done(isRelease(m) ? m : null);
    const timer = setTimeout(() => done(null), timeoutMs);
    timer.unref();
    // Listening refs the port: the answer keeps the process up until it comes (or the timeout).
    p.on('message', onMessage);
    p.postMessage('release');
  });
}

function isRelease(m: unknown): m is LoaderRelease {
  return typeof m === 'object' && m !== null && typeof (m as LoaderRelease).beforeMb === 'number' && typeof (m as LoaderRelease).afterMb === 'number';
}
