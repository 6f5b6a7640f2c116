/**
 * Worker thread for the thread-pool tests: each message is an operation.
 * `echo` replies with its value, `spin` runs for `ms` then replies, `signal`
 * sets a shared flag (so the test's blocked thread can see it started),
 * `exit` ends the thread, `hang` never returns, `limits` replies with the
 * thread's heap limits, `watch` leaves an unreachable object behind and sets
 * a shared flag once a garbage collection has taken it.
 */
import { parentPort, resourceLimits } from 'node:worker_threads';

type Op =
  | { id: number; op: 'echo'; value: unknown }
  | { id: number; op: 'spin'; ms: number }
  | { id: number; op: 'signal'; flag: SharedArrayBuffer }
  | { id: number; op: 'exit' }
  | { id: number; op: 'hang' }
  | { id: number; op: 'limits' }
  | { id: number; op: 'watch'; flag: SharedArrayBuffer };

const collected = new FinalizationRegistry((flag: SharedArrayBuffer) => {
  const view = new Int32Array(flag);
  Atomics.store(view, 0, 1);
  Atomics.notify(view, 0);
});

const port = parentPort;
if (!port) {
  throw new Error('thread-pool-worker.ts must run in a worker thread');
}

port.on('message', (msg: Op) => {
  switch (msg.op) {
    case 'echo':
      port.postMessage({ id: msg.id, ok: true, value: msg.value });
      return;
    case 'spin': {
      const until = Date.now() + msg.ms;
      while (Date.now() < until) {
        // busy
      }
      port.postMessage({ id: msg.id, ok: true, value: 'spun' });
      return;
    }
    case 'signal': {
      const flag = new Int32Array(msg.flag);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      port.postMessage({ id: msg.id, ok: true, value: 'signalled' });
      return;
    }
    case 'watch':
      collected.register({ unreachable: true }, msg.flag);
      port.postMessage({ id: msg.id, ok: true, value: 'watching' });
      return;
    case 'limits':
      port.postMessage({ id: msg.id, ok: true, value: resourceLimits });
      return;
    case 'exit':
      process.exit(3);
      return;
    case 'hang':
      for (;;) {
        // never returns
      }
  }
});
port.postMessage({ ready: true });
