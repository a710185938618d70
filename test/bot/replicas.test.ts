/**
 * Replicas for real: three `startBot` processes on one PostgreSQL schema, posting to a loopback
 * fake Slack and Discord. Twenty digests fall due in the same minute; each channel must show its
 * digest exactly once, also when a replica is killed with SIGKILL while it posts and then started
 * again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../src/store/location.js';
import { startFakeDiscord, type FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js';

import { freshLocation, openTestStore, TEST_DATABASE_URL } from '../store/engines.js';
import { fakePlatformVariables } from './platform-env.js';

const CHILD = join(import.meta.dirname, 'replica-child.ts');
const DUE = Date.parse('2025-06-10T13:00:00Z');
let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;

beforeAll(async () => {
  [slack, discord] = await Promise.all([startFakeSlack(), startFakeDiscord()]);
  dir = await mkdtemp(join(tmpdir(), 'sitrep-replicas-'));
  // A one-article subject: each replica starts in a fraction of the time the bundled one takes.
  await mkdir(join(dir, 'briefings/story/articles'), { recursive: true });
  await writeFile(join(dir, 'briefings/story/briefing.yaml'), 'title: A story\ntopics:\n  homicides: [homicide, murders]\n');
  await writeFile(
    join(dir, 'briefings/story/articles/a.txt'),
    'Murders fell\nDate: 2025-06-09\n\nPolice said 120 murders were recorded in May, down from 150 in April.\n',
  );
});

// A failed test must not leave its replicas running: each is killed once its test ends.
const spawned: ChildProcess[] = [];
afterEach(() => {
  for (const c of spawned.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** Ten Slack and ten Discord channels of their own for each test, and a config posting to each at 13:00 UTC. */
async function twentyDigests(test: number): Promise<{ config: string; slackChannels: string[]; discordChannels: string[] }> {
  const slackChannels = Array.from({ length: 10 }, (_, i) => `C${String(test)}REPLICA${String(i).padStart(2, '0')}`);
  const discordChannels = Array.from({ length: 10 }, (_, i) => `71000000000000${String(test)}${String(i).padStart(2, '0')}`);
  const digests = [
    ...slackChannels.map((c, i) => `  - { id: slack-${String(i)}, platform: slack, channel: "${c}", subject: story, cron: "0 13 * * *" }`),
    ...discordChannels.map((c, i) => `  - { id: discord-${String(i)}, platform: discord, channel: "${c}", subject: story, cron: "0 13 * * *" }`),
  ];
  const config = join(dir, `sitrep-${String(test)}.yaml`);
  await writeFile(
    config,
    `subjects: [story]\n` +
      `platforms: [slack, discord]\n` +
      `timezone: UTC\n` +
      `schedule: { grace: 2h, attempts: 3, backoff: 1s, max_backoff: 2s }\n` +
      `digests:\n` +
      `${digests.join('\n')}\n`,
  );
  return { config, slackChannels, discordChannels };
}

/** A new schema where the replicas last checked at 12:59, so the 13:00 digests fall due as they start. */
async function database(): Promise<StoreLocation & { engine: 'postgres' }> {
  const where = await freshLocation('postgres');
  if (where.engine !== 'postgres') throw new Error('expected postgres');
  const { store } = await openTestStore('postgres', where);
  await store.runs.setCheckedUntil(DUE - 60_000);
  await store.close();
  return where;
}

interface Replica {
  name: string;
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts replica `name` (its own Slack and Discord tokens, so the fakes tell who sent what), its clock `offset` ahead. */
function startReplica(name: string, db: { schema?: string | undefined }, config: string, offset: number): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      SITREP_DATABASE_URL: TEST_DATABASE_URL,
      SITREP_TEST_SCHEMA: db.schema ?? '',
      SITREP_TEST_CONFIG: config,
      SITREP_TEST_BRIEFINGS: join(dir, 'briefings'),
      SITREP_TEST_CLOCK_OFFSET: String(offset),
      SITREP_CONSOLE: 'off',
      LOG_LEVEL: 'warn',
      ...fakePlatformVariables(slack, discord, { SLACK_BOT_TOKEN: `xoxb-${name}`, DISCORD_TOKEN: `bot-${name}` }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal, stderr });
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    void exited.then((e) => {
      reject(new Error(`replica ${name} exited before it was ready (${String(e.code ?? e.signal)}): ${e.stderr}`));
    });
  });
  return { name, child, ready, exited };
}

/** SIGTERM, then the exit: 0 and nothing unhandled. */
async function stop(r: Replica): Promise<void> {
  r.child.kill('SIGTERM');
  const e = await r.exited;
  expect({ replica: r.name, code: e.code, signal: e.signal }).toEqual({ replica: r.name, code: 0, signal: null });
  expect(e.stderr).not.toMatch(/unhandled|uncaught/i);
}

/** Resolves once `n` runs are recorded posted (checked every 100 ms), with them. */
async function postedRuns(where: StoreLocation, n: number): Promise<string[]> {
  const { store } = await openTestStore('postgres', where);
  for (;;) {
    const posted = (await store.runs.list({ limit: 100, states: ['posted'] })).map((r) => r.key);
    if (posted.length >= n) return posted.sort();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shownPerChannel = (test: { slackChannels: string[]; discordChannels: string[] }): number[] => [
  ...test.slackChannels.map((c) => slack.messagesIn(c).length),
  ...test.discordChannels.map((c) => discord.messagesIn(c).length),
];

// Several Node processes each: the timeout only guards against a hang.
describe('three replicas on one PostgreSQL', { timeout: 90_000 }, () => {
  it('post each of 20 digests due in the same minute exactly once, then stop cleanly on SIGTERM', async () => {
    const test = await twentyDigests(1);
    const where = await database();
    const offset = DUE + 5000 - Date.now();
    const replicas = ['a', 'b', 'c'].map((n) => startReplica(n, where, test.config, offset));
    await Promise.all(replicas.map((r) => r.ready));
    expect(await postedRuns(where, 20)).toHaveLength(20);
    expect(shownPerChannel(test)).toEqual(Array.from({ length: 20 }, () => 1));
    // Nothing was even sent twice: the claim kept the other replicas away.
    const sent =
      discord.calls.filter((c) => c.method === 'POST' && test.discordChannels.some((ch) => c.path.endsWith(`/channels/${ch}/messages`))).length +
      slack.calls.filter((c) => c.path === '/api/chat.postMessage' && test.slackChannels.includes(String(c.body.channel))).length;
    expect(sent).toBe(20);
    const { store } = await openTestStore('postgres', where);
    expect(await store.replicas.list(0)).toHaveLength(3);
    await Promise.all(replicas.map(stop));
    // Each stopped replica took its heartbeat row with it.
    expect(await store.replicas.list(0)).toEqual([]);
  });

  it('still post each exactly once when one of three is killed while it posts and started again', async () => {
    const test = await twentyDigests(2);
    const where = await database();
    const offset = DUE + 5000 - Date.now();
    // Discord takes replica a's first message and never answers it: a is posting when it dies.
    const held = discord.holdNext(
      (c) => c.method === 'POST' && c.headers.authorization === 'Bot bot-a' && test.discordChannels.some((ch) => c.path.endsWith(`/channels/${ch}/messages`)),
    );
    const a = startReplica('a', where, test.config, offset);
    await a.ready;
    const call = await held;
    // b and c run beside it; then a is killed, and its claims go to them after its 1.5 s lease.
    const others = ['b', 'c'].map((n) => startReplica(n, where, test.config, offset));
    await Promise.all(others.map((r) => r.ready));
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    const again = startReplica('a', where, test.config, offset);
    await again.ready;
    others.push(again);
    expect(await postedRuns(where, 20)).toHaveLength(20);
    expect(shownPerChannel(test)).toEqual(Array.from({ length: 20 }, () => 1));
    // The message Discord took from a was sent again by a replica that took the run over, under the same nonce.
    const channel = /channels\/(\d+)\/messages/.exec(call.path)?.[1] ?? '';
    const resent = discord.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`));
    expect(resent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(resent.map((c) => (c.body as { nonce?: unknown }).nonce)).size).toBe(1);
    await Promise.all(others.map(stop));
  });
});
