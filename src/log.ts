/** Structured logs (pino) to stderr: JSON lines, one object per event. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** The process logger; `silent` in tests. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
}
