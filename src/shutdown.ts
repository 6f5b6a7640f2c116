import type { Logger } from './logger.js';

type Closer = { name: string; close: () => Promise<unknown> | unknown };

/**
 * Ordered, idempotent shutdown. Closers run in registration order (workers
 * first, then producers, then stores); a force timer exits(1) if they hang.
 */
export function createShutdown(log: Logger, opts: { forceAfterMs?: number; exit?: (code: number) => void } = {}) {
  const closers: Closer[] = [];
  let running: Promise<void> | null = null;
  const exit = opts.exit ?? ((code: number) => process.exit(code));

  const run = (reason: string): Promise<void> => {
    if (running) {
      return running;
    }
    running = (async () => {
      log.info({ reason }, 'shutting down');
      const timer = setTimeout(() => {
        log.error({ forceAfterMs: opts.forceAfterMs ?? 30_000 }, 'shutdown timed out, forcing exit');
        exit(1);
      }, opts.forceAfterMs ?? 30_000);
      timer.unref();
      for (const closer of closers) {
        try {
          await closer.close();
          log.debug({ closer: closer.name }, 'closed');
        } catch (err) {
          log.error({ err, closer: closer.name }, 'closer failed');
        }
      }
      clearTimeout(timer);
      log.info('shutdown complete');
    })();
    return running;
  };

  return {
    onShutdown(name: string, close: Closer['close']): void {
      closers.push({ name, close });
    },
    run,
    /** Wires SIGTERM and SIGINT to `run`, then exits 0. */
    installSignalHandlers(): void {
      const handler = (signal: NodeJS.Signals) => {
        void run(signal).then(() => exit(0));
      };
      process.once('SIGTERM', handler);
      process.once('SIGINT', handler);
    },
  };
}
export type Shutdown = ReturnType<typeof createShutdown>;
