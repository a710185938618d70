/**
 * A crash, for real: a bot process is killed with SIGKILL after Discord took its digest and before
 * the store knew, then started again, against the same SQLite file and a fake Discord. The channel
 * must show the digest once. Every crash point is tested in process, with the scheduler's claim and
 * lease, in scheduler.test.ts; this one also needs Discord's enforced nonce, so it runs whole.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonceFor } from '../../src/adapters/discord/rest.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { DigestRun } from '../../src/store/store.js';
import { startFakeDiscord, type FakeDiscord } from '../adapters/discord/fake-discord.js';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
const KEY = 'daily-homicides@2025-06-10T13:00Z';
let fake: FakeDiscord;
let channelSeq = 700000000000000100n;
// Its own folder, not test/temp-dir's: that one is emptied after each test, and these run side by side.
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = await mkdtemp(join(tmpdir(), 'sitrep-crash-'));
  // A one-article subject: the bot starts in a fraction of the time the bundled one takes.
  await mkdir(join(dir, 'briefings/story/articles'), { recursive: true });
  await writeFile(join(dir, 'briefings/story/briefing.yaml'), 'title: A story\ntopics:\n  homicides: [homicide, murders]\n');
  await writeFile(
    join(dir, 'briefings/story/articles/a.txt'),
    'Murders fell\nDate: 2025-06-09\n\nPolice said 120 murders were recorded in May, down from 150 in April.\n',
  );
});

afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the bot process once; resolves with how it ended. */
function runBot(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve({ code, signal, stderr });
    });
  });
}

/** A database where the bot last checked at 12:59, as if it had been running until the 13:00 digest. */
async function database(name: string): Promise<string> {
  const file = join(dir, `${name}.db`);
  const r = openSqliteStore(file);
  if (!r.ok) throw new Error(r.error);
  await r.value.runs.setCheckedUntil(Date.parse('2025-06-10T12:59:00Z'));
  await r.value.close();
  return file;
}

async function runsIn(file: string): Promise<DigestRun[]> {
  const r = openSqliteStore(file);
  if (!r.ok) throw new Error(r.error);
  const runs = await r.value.runs.list();
  await r.value.close();
  return runs;
}

/** Crashes a bot at `crash` at 13:00:05, starts another at 13:01:30 (its claim's 30 s lease is over); returns what Discord received. */
async function crashThenRestart(
  crash: string,
): Promise<{ file: string; posts: Record<string, unknown>[]; shown: unknown[]; first: Awaited<ReturnType<typeof runBot>> }> {
  const file = await database(crash);
  const channel = String(++channelSeq);
  const env = { SITREP_TEST_DB: file, SITREP_TEST_API: fake.api, SITREP_TEST_CHANNEL: channel, SITREP_TEST_BRIEFINGS: join(dir, 'briefings') };
  const first = await runBot({ ...env, SITREP_TEST_NOW: '2025-06-10T13:00:05Z', SITREP_TEST_CRASH: crash });
  const second = await runBot({ ...env, SITREP_TEST_NOW: '2025-06-10T13:01:30Z' });
  expect(second).toMatchObject({ code: 0, signal: null });
  // A crash is a failure even when the process ends well: nothing unhandled, at any point.
  expect(second.stderr).not.toMatch(/unhandled|uncaught/i);
  const posts = fake.callsTo('POST', new RegExp(`^/api/v10/channels/${channel}/messages$`)).map((c) => c.body as Record<string, unknown>);
  return { file, posts, shown: fake.messagesIn(channel), first };
}

// Two Node processes, one after the other: the timeout only guards against a hang.
describe('a bot killed while posting a digest, then restarted', { timeout: 60_000 }, () => {
  it('sends again under the same enforced nonce when killed after Discord took the message, so the channel shows it once', async () => {
    const { file, posts, shown, first } = await crashThenRestart('after-post');
    expect(first.signal).toBe('SIGKILL');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => [p.nonce, p.enforce_nonce])).toEqual([
      [nonceFor(KEY), true],
      [nonceFor(KEY), true],
    ]);
    // The fake keeps one message per enforced nonce, as Discord does.
    expect(shown).toHaveLength(1);
    expect(await runsIn(file)).toEqual([expect.objectContaining({ key: KEY, state: 'posted' })]);
  });
});
