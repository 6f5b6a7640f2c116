import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * One root logger per process: JSON lines, or human-readable when the output
 * is a terminal. Long-running roles log to stdout; one-shot commands log to
 * stderr (`fd: 2`) so their stdout stays the command's own output.
 */
export function createLogger(opts: { level?: LevelWithSilent; pretty?: boolean; name?: string; fd?: 1 | 2 } = {}): Logger {
  const fd = opts.fd ?? 1;
  const stream = fd === 1 ? process.stdout : process.stderr;
  const pretty = opts.pretty ?? (stream.isTTY === true && process.env.NODE_ENV !== 'production');
  const options = {
    name: opts.name ?? 'telex',
    level: opts.level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (pretty) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { destination: fd, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } },
    });
  }
  return pino(options, pino.destination({ fd, sync: fd === 2 }));
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
