#!/usr/bin/env node
/**
 * The only entry point: `sitrep brief | topics | sources | start | doctor | digests | help`.
 * `main(argv, io, deps)` runs without a process. Each command's module (src/cli/) is imported when
 * it runs, so `sitrep help` loads no parser and `sitrep brief` no chat platform.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from './core/result.js';
import { parse, type Failure } from './cli/args.js';
import type { CliDeps, Io } from './cli/types.js';
import { BRIEFINGS_DIR } from './load/subjects-dir.js';
import { sitrepVersion } from './version.js';

export type { CliDeps, Io, Signals } from './cli/types.js';

async function run(argv: string[], io: Io, deps: CliDeps): Promise<Result<void, Failure>> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version')) {
    io.stdout(`sitrep ${sitrepVersion()}\n`);
    return ok(undefined);
  }
  if (argv[0] === 'slack' || argv[0] === 'discord') {
    const { runPlatformCommand } = await import('./cli/platform.js');
    const code = await runPlatformCommand(argv, io, { briefingsDir: deps.briefingsDir, env: deps.env });
    return code === 0 ? ok(undefined) : err({ exit: code === 2 ? 2 : 1, message: '' });
  }
  const parsed = parse(argv);
  if (!parsed.ok) return parsed;
  const args = parsed.value;
  const now = (): number => (deps.now ?? Date.now)();
  switch (args.command) {
    case 'help': {
      const { USAGE, examples } = await import('./cli/help.js');
      io.stdout(`${USAGE}${await examples(deps.briefingsDir ?? BRIEFINGS_DIR)}`);
      return ok(undefined);
    }
    case 'start':
      return (await import('./cli/start.js')).runStart(args, io, deps);
    case 'doctor':
      return (await import('./cli/doctor.js')).runDoctor(args, io, deps);
    case 'digests':
      return (await import('./cli/digests.js')).runDigests(args, io, deps);
    case 'ingest':
    case 'add':
    case 'remove':
      return (await import('./cli/store.js')).runStoreCommand(args, io, deps);
    case 'explain':
      return (await import('./cli/brief.js')).runExplain(args, io, now());
    case 'brief':
    case 'page':
    case 'topics':
    case 'sources': {
      const { loadSet, runBrief, runSources, runTopics } = await import('./cli/brief.js');
      const set = await loadSet(args, deps.briefingsDir ?? BRIEFINGS_DIR, deps);
      if (!set.ok) return set;
      if (args.command === 'topics') return runTopics(set.value, io);
      if (args.command === 'sources') return runSources(set.value, io);
      return runBrief(args, set.value, io, now());
    }
  }
}

/** Runs the CLI and returns its exit code: 0 done, 2 usage error, 1 failure. */
export async function main(argv: string[], io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    const r = await run(argv, io, deps);
    if (r.ok) return 0;
    if (r.error.message) io.stderr(`${r.error.message}\n`);
    return r.error.exit;
  } catch (e) {
    // A fault, not an expected failure: say so, with the trace to report.
    io.stderr(`sitrep: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** Whether this file is the process's script (the `sitrep` bin, through npm's symlink), not an import. */
function isBin(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isBin()) {
  const argv = process.argv.slice(2);
  const code = await main(
    argv,
    { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
    { env: process.env, stdin: process.stdin, stdout: process.stdout },
  );
  process.exitCode = code;
  // A bot that has stopped exits even if a library left a handle open; stdout gets a moment to drain.
  if (argv.includes('start')) setTimeout(() => process.exit(code), 500).unref();
}
