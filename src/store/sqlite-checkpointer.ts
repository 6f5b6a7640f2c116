/**
 * WAL checkpoints on a thread of their own, for a SQLite writer that must not
 * stall: copying WAL pages into the database and the fsyncs that go with it
 * otherwise happen inside whichever commit crosses the autocheckpoint mark,
 * blocking the writer's event loop for the length of a disk flush.
 *
 * The thread has its own connection to the file and runs a PASSIVE checkpoint
 * every `intervalMs`; writers and readers never wait for it. Under writes that
 * never pause, a checkpoint rarely catches up with the last commit, and the WAL
 * only starts over once it reaches the writer's own (raised) checkpoint mark.
 * It exchanges no rows with the writer, only the WAL's frame counts after a
 * checkpoint that did something.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type CheckpointerStats = {
  /** Checkpoints that found new WAL frames and copied some. */
  checkpoints: number;
  /** After the last of them: frames in the WAL, and how many of those are in the database file. */
  walFrames: number;
  copiedFrames: number;
};

export type Checkpointer = {
  stats(): CheckpointerStats;
  /** Stops the thread (after the checkpoint it may be running) and closes its connection. */
  close(): Promise<void>;
};

export type CheckpointerOptions = {
  intervalMs: number;
  /** The thread stopped on its own (could not open the file, a checkpoint failed): the writer must checkpoint again itself. */
  onFailure(err: Error): void;
};

type ThreadMessage = { type: 'checkpoint'; log: number; checkpointed: number } | { type: 'error'; message: string };

// CommonJS, evaluated as the thread's script: no TypeScript loader needed, and the
// thread costs one isolate and one SQLite connection.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
let timer = null;
let last = '';
const tick = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const now = r ? r.log + '/' + r.checkpointed : '';
    if (r && r.checkpointed > 0 && now !== last) {
      parentPort.postMessage({ type: 'checkpoint', log: r.log, checkpointed: r.checkpointed });
    }
    last = now;
  } catch (err) {
    clearInterval(timer);
    parentPort.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
  }
};
timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export function startCheckpointer(path: string, o: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: { driver, path, intervalMs: Math.max(10, Math.floor(o.intervalMs)) },
    // The thread holds no data: a small heap is plenty.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  // The owner's close() stops it; an owner that exits without closing is not kept alive by it.
  worker.unref();
  const stats: CheckpointerStats = { checkpoints: 0, walFrames: 0, copiedFrames: 0 };
  let stopping = false;
  let failed = false;
  const fail = (err: Error) => {
    if (!failed && !stopping) {
      failed = true;
      o.onFailure(err);
    }
  };
  worker.on('message', (m: ThreadMessage) => {
    if (m.type === 'checkpoint') {
      stats.checkpoints += 1;
      stats.walFrames = m.log;
      stats.copiedFrames = m.checkpointed;
    } else {
      fail(new Error(`background checkpoint failed: ${m.message}`));
      void worker.terminate();
    }
  });
  worker.on('error', (err) => fail(new Error(`background checkpoint thread failed: ${err.message}`)));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      fail(new Error(`background checkpoint thread exited (code ${code})`));
      resolve();
    });
  });
  return {
    stats: () => ({ ...stats }),
    async close() {
      if (!stopping) {
        stopping = true;
        // Keep the process up until the thread has closed its connection.
        worker.ref();
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
