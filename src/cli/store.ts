/** `sitrep ingest`, `add` and `remove`: articles into and out of the store. */
import { readEnv } from '../config/env.js';
import { runAdd, runIngest, runRemove } from './ingest-commands.js';
import { logProgress, terminalProgress } from '../ingest/progress.js';
import { BRIEFINGS_DIR } from '../load/subjects-dir.js';
import { createLogger } from '../log.js';
import type { Result } from '../core/result.js';
import type { Args, Failure } from './args.js';
import { files } from './files.js';
import type { CliDeps, Io } from './types.js';

/** `sitrep ingest`, `add` and `remove`: a progress bar on a terminal, log lines otherwise. */
export function runStoreCommand(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const tty = !deps.logger && process.stderr.isTTY;
  const level = readEnv(env);
  const logger = deps.logger ?? createLogger(level.ok ? level.value.LOG_LEVEL : 'info', { pretty: process.stderr.isTTY });
  const common = {
    ...files(args, env),
    briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR,
    out: io.stdout,
    platforms: deps.platforms,
    now: deps.now ?? Date.now,
    progress: tty ? terminalProgress(process.stderr) : logProgress(logger),
    resolver: deps.resolver,
  };
  const [subject, target] = args.words;
  if (args.command === 'add') return runAdd(subject ?? '', target ?? '', common);
  if (args.command === 'remove') return runRemove(subject ?? '', target ?? '', common);
  return runIngest(subject, common);
}
