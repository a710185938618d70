/**
 * Benchmark (not a test): the CLI's cold start, as a user runs it (`node dist/cli.js`, built first),
 * beside `node -e 0` in the same run. Targets: help and usage errors within 150 ms of that floor;
 * `sitrep brief` on the bundled subject under 800 ms in all.
 * `tsx bench/cli.ts [--runs N]`
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/store/sqlite.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;

const built = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('bench/cli: the build failed');

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-bench-'));
const cache = join(dir, 'cache.db');
const store = openSqliteStore(cache);
if (!store.ok) throw new Error(store.error);
await store.value.close();

/** The median wall time of `node args` over `runs` cold processes, in ms; the command must exit with `exit`. */
function time(args: string[], env: Record<string, string>, exit = 0): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - t);
    if (r.status !== exit) throw new Error(`bench/cli: node ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString()}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const cli = join(root, 'dist/cli.js');
const noDb = { SITREP_DB: join(dir, 'absent.db') };
// The first brief fills the extract cache, as the bot's first start does.
time([cli, 'brief', 'ecuador'], { SITREP_DB: cache });
const floor = time(['-e', '0'], {});
const rows: [string, number, string][] = [
  ['sitrep --version', time([cli, '--version'], noDb), 'floor + 150'],
  ['sitrep help', time([cli, 'help'], noDb), 'floor + 150'],
  ['sitrep frob (usage error)', time([cli, 'frob'], noDb, 2), 'floor + 150'],
  ['sitrep brief, no database', time([cli, 'brief'], noDb), '800'],
  ['sitrep brief, extract cache', time([cli, 'brief'], { SITREP_DB: cache }), '800'],
];
rmSync(dir, { recursive: true, force: true });

console.log(`CLI cold start, median of ${String(runs)} processes:`);
console.log(`  node -e 0: ${floor.toFixed(0)} ms (the floor)`);
for (const [name, ms, target] of rows) {
  const limit = target === '800' ? 800 : floor + 150;
  console.log(
    `  ${name}: ${ms.toFixed(0)} ms (+${(ms - floor).toFixed(0)} over the floor; target ${target === '800' ? '< 800 ms' : `<= ${limit.toFixed(0)} ms`})`,
  );
}
