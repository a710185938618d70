/** `sitrep digests`. */
import { digestsReport } from './digests-report.js';
import { BRIEFINGS_DIR } from '../load/subjects-dir.js';
import { err, ok, type Result } from '../core/result.js';
import type { Args, Failure } from './args.js';
import { files } from './files.js';
import type { CliDeps, Io } from './types.js';

/** `sitrep digests`: what is scheduled and how recent runs went. */
export async function runDigests(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const r = await digestsReport({
    ...files(args, env),
    briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR,
    platforms: deps.platforms,
    limit: args.limit,
    failedOnly: args.failed,
    ...(deps.now ? { now: deps.now } : {}),
  });
  if (!r.ok) return err({ exit: 1, message: r.error });
  io.stdout(r.value);
  return ok(undefined);
}
