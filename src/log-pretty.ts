/** pino's JSON lines, made readable in a terminal: `14:00:01 INFO  digests: posted … key=value`. No extra dependency. */
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '\x1b[90m'],
  20: ['DEBUG', '\x1b[90m'],
  30: ['INFO ', '\x1b[32m'],
  40: ['WARN ', '\x1b[33m'],
  50: ['ERROR', '\x1b[31m'],
  60: ['FATAL', '\x1b[35m'],
};

const show = (v: unknown): string => {
  if (typeof v === 'string') return /\s/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
};

/** Formats one pino JSON line; a line that is not JSON passes through. */
function formatLogLine(line: string, colour = false): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { level, time, msg, err, ...rest } = o;
  const [name, tint] = LEVELS[typeof level === 'number' ? level : 30] ?? ['INFO ', ''];
  const clock = typeof time === 'string' ? new Date(time).toTimeString().slice(0, 8) : '';
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(' ');
  const e = typeof err === 'object' && err !== null ? (err as { stack?: unknown; message?: unknown }) : undefined;
  const trace = typeof e?.stack === 'string' ? e.stack : typeof e?.message === 'string' ? e.message : '';
  const stack = trace ? `\n    ${trace.split('\n').join('\n    ')}` : '';
  const label = colour ? `${tint}${name}\x1b[0m` : name;
  return `${clock} ${label} ${typeof msg === 'string' ? msg : ''}${fields ? `  ${colour ? '\x1b[90m' : ''}${fields}${colour ? '\x1b[0m' : ''}` : ''}${stack}\n`;
}

/** A pino destination that writes formatted lines through `write`. */
export function prettyStream(write: (s: string) => void, opts: { colour?: boolean | undefined } = {}): DestinationStream {
  return {
    write: (line: string) => {
      write(formatLogLine(line.trimEnd(), opts.colour ?? false));
    },
  };
}
