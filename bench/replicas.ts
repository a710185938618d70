/**
 * Benchmark (not a test): N chat subscriptions (10,000 by default), all due at the same minute,
 * posted to a loopback fake Discord by real `startBot` processes: one on SQLite, three on one
 * PostgreSQL, and three with one killed by SIGKILL halfway. Reports the time until every run is
 * recorded posted and every channel shows its digest, and duplicates (must be 0).
 * `npm run bench:replicas [-- --subscriptions N]`; needs PostgreSQL (SITREP_TEST_DATABASE_URL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { StoreLocation } from '../src/store/location.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../test/adapters/discord/fake-discord.js';

const { values } = parseArgs({ options: { subscriptions: { type: 'string', default: '10000' } } });
const N = Number(values.subscriptions);
const DATABASE_URL = process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHILD = join(import.meta.dirname, '../test/bot/replica-child.ts');
const DUE = Date.parse('2025-06-10T13:00:00Z');
/** A crashed replica's claims are taken over after this lease and the next minute's sweep. */
const LEASE_MS = 5000;

const dir = await mkdtemp(join(tmpdir(), 'sitrep-bench-replicas-'));
await mkdir(join(dir, 'briefings/story/articles'), { recursive: true });
await writeFile(join(dir, 'briefings/story/briefing.yaml'), 'title: A story\ntopics:\n  homicides: [homicide, murders]\n');
await writeFile(
  join(dir, 'briefings/story/articles/a.txt'),
  'Murders fell\nDate: 2025-06-09\n\nPolice said 120 murders were recorded in May, down from 150 in April.\n',
);
const config = join(dir, 'sitrep.yaml');
await writeFile(config, 'subjects: [story]\nplatforms: [discord]\ntimezone: UTC\nschedule: { grace: 2h, attempts: 5, backoff: 1s, max_backoff: 5s }\n');

async function open(where: StoreLocation): Promise<Store> {
  const r = await openStore(where);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** N subscriptions, each its own Discord channel, due at 13:00 UTC; checked until 12:59. */
async function seed(where: StoreLocation, run: number): Promise<string[]> {
  const store = await open(where);
  const channels = Array.from({ length: N }, (_, i) => String(800000000000000000n + BigInt(run) * 100000n + BigInt(i)));
  for (const channel of channels) {
    await store.subscriptions.add({
      platform: 'discord',
      channel,
      subject: 'story',
      cron: '0 13 * * *',
      timeZone: 'UTC',
      createdBy: 'bench',
      createdAt: DUE - 86_400_000,
    });
  }
  await store.runs.setCheckedUntil(DUE - 60_000);
  await store.close();
  return channels;
}

function startReplica(name: string, where: StoreLocation, fake: FakeDiscord, offset: number): { child: ChildProcess; exited: Promise<unknown> } {
  const db = where.engine === 'postgres' ? { SITREP_DATABASE_URL: where.url, SITREP_TEST_SCHEMA: where.schema ?? '' } : { SITREP_DB: where.file };
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      ...db,
      SITREP_TEST_CONFIG: config,
      SITREP_TEST_BRIEFINGS: join(dir, 'briefings'),
      SITREP_TEST_CLOCK_OFFSET: String(offset),
      SITREP_TEST_LEASE_MS: String(LEASE_MS),
      PORT: '0',
      HOST: '127.0.0.1',
      SITREP_CONSOLE: 'off',
      LOG_LEVEL: 'error',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_TOKEN: `bot-${name}`,
      DISCORD_API_URL: fake.api,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

interface Outcome {
  seconds: number;
  duplicates: number;
  resent: number;
}

/** Runs one scenario on a fresh store and fake; `kill` SIGKILLs the first replica once half the channels have their digest. */
async function scenario(run: number, where: StoreLocation, replicas: number, kill: boolean): Promise<Outcome> {
  const channels = await seed(where, run);
  const fake = await startFakeDiscord();
  const started = performance.now();
  const offset = DUE + 5000 - Date.now();
  const procs = Array.from({ length: replicas }, (_, i) => startReplica(`r${String(i)}`, where, fake, offset));
  const killAll = (): void => {
    for (const p of procs) p.child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const store = await open(where);
  let killed = false;
  const shown = (): number => channels.filter((c) => fake.messagesIn(c).length > 0).length;
  for (;;) {
    const done = shown();
    if (kill && !killed && done >= N / 2) {
      procs[0]?.child.kill('SIGKILL');
      killed = true;
    }
    if (done === N && (await store.runs.list({ limit: N + 1, states: ['posted'] })).length === N) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const duplicates = channels.filter((c) => fake.messagesIn(c).length > 1).length;
  const resent = fake.calls.filter((c) => c.method === 'POST' && c.path.includes('/messages')).length - N;
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  process.off('exit', killAll);
  await store.close();
  await fake.close();
  return { seconds, duplicates, resent };
}

const schemas: string[] = [];
const pgLocation = (): StoreLocation => {
  const schema = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  return { engine: 'postgres', url: DATABASE_URL, schema };
};

const rows: [string, Outcome][] = [];
const report = ([name, o]: [string, Outcome]): void => {
  console.log(
    `  ${name}: all posted in ${o.seconds.toFixed(1)} s; channels showing a digest twice: ${String(o.duplicates)}; ` +
      `re-sent under the same nonce: ${String(o.resent)}`,
  );
};
console.log(`${String(N)} subscriptions due at one minute, posted to a loopback Discord (discord.js: 50 requests/s per process)`);
try {
  for (const [name, run] of [
    ['1 process, SQLite', () => scenario(1, { engine: 'sqlite', file: join(dir, 'sitrep.db') }, 1, false)],
    ['3 replicas, PostgreSQL', () => scenario(2, pgLocation(), 3, false)],
    ['3 replicas, one killed halfway', () => scenario(3, pgLocation(), 3, true)],
  ] as const) {
    rows.push([name, await run()]);
    report(rows.at(-1) ?? [name, { seconds: 0, duplicates: 0, resent: 0 }]);
  }
} finally {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
}
if (rows.some(([, o]) => o.duplicates)) process.exitCode = 1;
