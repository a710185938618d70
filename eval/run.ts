/**
 * `npm run eval`: briefs every article set in ../shared/eval (the seeds, then dev/*) exactly as
 * `sitrep brief --articles DIR --json --all` does, scores each with the shared score.mjs, prints
 * one table, and fails when a set falls below its floor in eval/floors.json.
 *
 *   npm run eval                      the table, then the floor check
 *   npm run eval -- --set boeing      only the sets whose name contains "boeing"
 *   npm run eval -- --details         also what each set missed and the labels that miss
 *   npm run eval -- --write-floors    record today's scores as the floors
 *   npm run eval -- --out DIR         keep each briefing's JSON in DIR
 *
 * Then each set split at its last day (eval/whats-new.ts): what a digest of the earlier articles
 * would be told is new. A revision the gold does not set against the old value fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { main } from '../src/cli.js';
import { checkFloors, type Floors, type Row, rowOf, table } from './table.js';
import { scoreSplit, type SplitScore, splitTable } from './whats-new.js';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: resolve(root, '../shared') },
    set: { type: 'string' },
    details: { type: 'boolean', default: false },
    'write-floors': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const shared = resolve(values.shared);
const evalDir = join(shared, 'eval');
const floorsFile = join(root, 'eval/floors.json');
if (!existsSync(join(evalDir, 'score.mjs'))) {
  console.error(`eval: no score.mjs in ${evalDir}. Pass --shared DIR (the folder holding eval/ and seeds/).`);
  process.exit(2);
}

interface EvalSet {
  name: string;
  gold: string;
  articles: string;
}

const sets: EvalSet[] = [{ name: 'seeds', gold: join(evalDir, 'seeds-gold.json'), articles: join(shared, 'seeds') }];
const devDir = join(evalDir, 'dev');
if (existsSync(devDir)) {
  for (const d of readdirSync(devDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    if (existsSync(join(devDir, d, 'gold.json'))) sets.push({ name: d, gold: join(devDir, d, 'gold.json'), articles: join(devDir, d) });
  }
}
const chosen = sets.filter((s) => !values.set || s.name.includes(values.set));
const work = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
mkdirSync(work, { recursive: true });

const rows: Row[] = [];
const details: string[] = [];
try {
  for (const s of chosen) {
    let json = '';
    let errors = '';
    const code = await main(['brief', '--articles', s.articles, '--json', '--all'], { stdout: (x) => (json += x), stderr: (x) => (errors += x) });
    if (code !== 0) throw new Error(`eval: sitrep brief failed on ${s.name} (exit ${code}): ${errors}`);
    const file = join(work, `${s.name}.json`);
    writeFileSync(file, json);
    const score = (extra: string[]): string =>
      execFileSync(process.execPath, [join(evalDir, 'score.mjs'), '--gold', s.gold, '--articles', s.articles, '--briefing', file, ...extra], {
        encoding: 'utf8',
      });
    rows.push(rowOf(s.name, JSON.parse(score(['--json'])) as Record<string, Record<string, unknown>>));
    if (values.details) details.push(`== ${s.name}\n${score([])}`);
  }
} finally {
  if (!values.out) rmSync(work, { recursive: true, force: true });
}

console.log(table(rows));
if (details.length) console.log(`\n${details.join('\n')}`);

const splits = chosen.map((s) => scoreSplit(s.name, s.articles, s.gold)).filter((x): x is SplitScore => x !== undefined);
const falseRevisions = splits.flatMap((s) => s.falseRevisions.map((r) => `${s.set}: ${r}`));
if (splits.length) console.log(`\nWhat's new, each set split at its last day:\n${splitTable(splits)}`);

if (values['write-floors']) {
  const floors: Floors = existsSync(floorsFile) ? (JSON.parse(readFileSync(floorsFile, 'utf8')) as Floors) : {};
  for (const r of rows) floors[r.set] = r.scores;
  writeFileSync(floorsFile, `${JSON.stringify(floors, null, 2)}\n`);
  console.log(`\nFloors written to eval/floors.json for ${rows.map((r) => r.set).join(', ')}.`);
} else if (existsSync(floorsFile)) {
  const failures = [
    ...checkFloors(rows, JSON.parse(readFileSync(floorsFile, 'utf8')) as Floors),
    ...falseRevisions.map((r) => `a revision no gold conflict holds: ${r}`),
  ];
  if (failures.length) {
    console.error(`\nBelow the floors in eval/floors.json:\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nEvery set is at or above its floors (eval/floors.json).');
}
