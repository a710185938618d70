/** Structured logs (pino) to stderr: JSON lines for machines, or one readable line per event in a terminal. */
import { pino, type DestinationStream, type Logger } from 'pino';
import { prettyStream } from './log-pretty.js';

export type { Logger };

/** Where logs go and how they look. */
export interface LogOptions {
  /** One readable line per event instead of JSON (for a terminal). */
  pretty?: boolean | undefined;
  /** Another stream than stderr (tests read the log). */
  destination?: DestinationStream | undefined;
}

/** The process logger; `silent` in tests. */
export function createLogger(level: string = 'info', opts: LogOptions = {}): Logger {
  const out = opts.destination ?? (opts.pretty ? prettyStream((s) => process.stderr.write(s), { colour: process.stderr.isTTY }) : pino.destination(2));
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, out);
}
