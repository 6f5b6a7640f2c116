/**
 * Module hooks that hook nothing: loaded into Node's module-hooks thread by
 * loader-thread.ts, they collect that thread's heap when asked over the port
 * and answer with its size before and after.
 */
import { getHeapStatistics } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { collectHeap } from './heap-collect.js';

const residentMb = () => Math.round((getHeapStatistics().total_physical_size / 1048576) * 10) / 10;

export function initialize(data: { port?: MessagePort } | undefined): void {
  const port = data?.port;
  if (!port) {
    return;
  }
  port.on('message', (m: unknown) => {
    if (m !== 'release') {
      return;
    }
    const beforeMb = residentMb();
    collectHeap();
    port.postMessage({ beforeMb, afterMb: residentMb() });
  });
  // The hooks thread must not stay up for this port's sake.
  port.unref();
}
