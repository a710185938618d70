/** `sitrep doctor`. */
import { doctor, formatFinding } from './doctor-checks.js';
import { BRIEFINGS_DIR } from '../load/subjects-dir.js';
import { err, ok, type Result } from '../core/result.js';
import type { Args, Failure } from './args.js';
import { files } from './files.js';
import type { CliDeps, Io } from './types.js';
import { plural } from '../core/text.js';

/** `sitrep doctor`: every check at once, and whether `sitrep start` will run. */
export async function runDoctor(args: Args, io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  const env = deps.env ?? {};
  const r = await doctor({
    env,
    ...files(args, env),
    briefingsDir: deps.briefingsDir ?? BRIEFINGS_DIR,
    platforms: deps.platforms,
    ...(deps.now ? { now: deps.now } : {}),
  });
  io.stdout(`${r.findings.map(formatFinding).join('\n')}\n`);
  const fails = r.findings.filter((f) => f.level === 'fail').length;
  io.stdout(r.ok ? '\nReady: sitrep start will run with this setup.\n' : `\n${plural(fails, 'problem')} (✗) to fix before 'sitrep start'.\n`);
  return r.ok ? ok(undefined) : err({ exit: 1, message: '' });
}
