/** What the CLI reads and writes besides its arguments: tests pass their own. */
import type { RunningBot } from '../bot/bot.js';
import type { ChatPlatform } from '../bot/platforms.js';
import type { Resolver } from '../ingest/address-guard.js';
import type { Logger } from '../log.js';

/** Where output goes; tests capture it. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Where SIGTERM and SIGINT come from: the process, or a test's emitter. */
export interface Signals {
  once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  off(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
}

/** What the CLI reads besides its arguments; tests point it at their own subjects, files and fakes. */
export interface CliDeps {
  /** The folder of subjects (`<name>/briefing.yaml`); the bundled `briefings/` by default. */
  briefingsDir?: string;
  /** Environment variables (secrets, PORT, SITREP_CONFIG, SITREP_DB...); the bin passes `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The console adapter's input for `start`; nothing is read when absent. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  /** The console adapter's output for `start`; `io.stdout` when absent. */
  stdout?: NodeJS.WritableStream;
  /** Signals that stop `start`; the process's when absent. */
  signals?: Signals;
  /** The logger of `start`; made from LOG_LEVEL when absent. */
  logger?: Logger;
  /** The chat platforms `start` may run; this build's when absent. */
  platforms?: readonly ChatPlatform[];
  now?: () => number;
  /** Told once `start` serves (tests talk to the running bot). */
  onStarted?: (bot: RunningBot) => void;
  /** How `ingest` and `add` resolve host names; the system's resolver when absent. */
  resolver?: Resolver;
}
