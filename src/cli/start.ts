/** `sitrep start`: the bot, until a signal or the console's Ctrl-D. */
import { Writable } from 'node:stream';
import { startBot } from '../bot/bot.js';
import { readEnv } from '../config/env.js';
import { BRIEFINGS_DIR } from '../load/subjects-dir.js';
import { createLogger } from '../log.js';
import { err, ok, type Result } from '../core/result.js';
import type { Args, Failure } from './args.js';
import { files } from './files.js';
import type { CliDeps, Io, Signals } from './types.js';

/** `sitrep start`: runs until SIGTERM or SIGINT (or Ctrl-D at the console), then stops in order and exits 0. */
export async function runStart(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const rawEnv = deps.env ?? {};
  const env = readEnv(rawEnv);
  if (!env.ok) return err({ exit: 2, message: `The environment has problems:\n${env.error.map((l) => `  ${l}`).join('\n')}` });
  const logger = deps.logger ?? createLogger(env.value.LOG_LEVEL, { pretty: process.stderr.isTTY });
  const signals: Signals = deps.signals ?? process;
  let quit: () => void = () => undefined;
  const stopRequested = new Promise<string>((resolve) => {
    quit = () => {
      resolve('quit');
    };
  });
  const stdout =
    deps.stdout ??
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        io.stdout(String(chunk));
        done();
      },
    });
  const bot = await startBot({
    env: env.value,
    ...files(args, rawEnv),
    briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR,
    logger,
    stdin: deps.stdin,
    stdout,
    platforms: deps.platforms,
    onQuit: () => {
      quit();
    },
    ...(deps.now ? { now: deps.now } : {}),
  });
  if (!bot.ok) return err({ exit: 1, message: `${bot.error}\nSitrep did not start. 'sitrep doctor' checks everything at once.` });
  deps.onStarted?.(bot.value);
  const listeners: ['SIGTERM' | 'SIGINT', () => void][] = (['SIGTERM', 'SIGINT'] as const).map((sig) => [
    sig,
    () => {
      logger.info({ signal: sig }, `${sig} received`);
      quit();
    },
  ]);
  for (const [sig, fn] of listeners) signals.once(sig, fn);
  await stopRequested;
  for (const [sig, fn] of listeners) signals.off(sig, fn);
  await bot.value.stop();
  return ok(undefined);
}
