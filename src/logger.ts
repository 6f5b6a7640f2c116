import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** One root logger per process: JSON lines, or pretty when stdout is a terminal. */
export function createLogger(opts: { level?: LevelWithSilent; pretty?: boolean; name?: string } = {}): Logger {
  const pretty = opts.pretty ?? (process.stdout.isTTY === true && process.env.NODE_ENV !== 'production');
  return pino({
    name: opts.name ?? 'telex',
    level: opts.level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
