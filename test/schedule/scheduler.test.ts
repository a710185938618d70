import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { allDigests } from '../../src/bot/digests.js';
import { createScheduler, type Scheduler } from '../../src/schedule/scheduler.js';
import { createChatCommands } from '../../src/service/chat.js';
import { loadLibrary, type Library } from '../../src/service/library.js';
import type { Store } from '../../src/store/store.js';
import { digest, memoryLog, OPTIONS, recordingPlatform, schedulerFor, sqliteStore, type RecordingPlatform } from './harness.js';

const HOUR = 3600_000;
const at = (iso: string): number => Date.parse(iso);

/** A run of an `evening` digest, due at 12:00 UTC: one replica knows the digest, another may not. */
const EVENING_RUN = {
  key: 'evening@2025-06-10T12:00Z',
  digestId: 'evening',
  platform: 'chat',
  channel: 'C1',
  subject: 'ecuador',
  timeZone: 'UTC',
  scheduledAt: at('2025-06-10T12:00:00Z'),
};

let store: Store;
let file: string;
let platform: RecordingPlatform;
let scheduler: Scheduler | undefined;

beforeEach(async () => {
  ({ store, file } = await sqliteStore());
  platform = recordingPlatform();
  vi.useFakeTimers();
});

afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await store.close();
  vi.useRealTimers();
});

/** Starts a scheduler at `now` (the store says it last checked at `checkedUntil`, as if it had been running until then). */
async function startAt(
  now: string,
  opts: { checkedUntil?: string; digests?: ReturnType<typeof digest>[]; log?: ReturnType<typeof memoryLog> } = {},
): Promise<void> {
  vi.setSystemTime(at(now));
  if (opts.checkedUntil) await store.runs.setCheckedUntil(at(opts.checkedUntil));
  const digests = opts.digests ?? [digest()];
  scheduler = schedulerFor({ store, platform, digests: () => digests, ...(opts.log ? { logger: opts.log.logger } : {}) });
  await scheduler.start();
}

/** Moves the fake clock on, firing node-cron's ticks and retry waits, and lets what they started finish. */
const advance = async (ms: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};

describe('a scheduled digest', () => {
  it('is posted once, at 08:00 New York time (12:00 UTC in summer), with its run key', async () => {
    await startAt('2025-06-10T11:00:00Z');
    await advance(3 * HOUR);
    expect(platform.posts.map((p) => [p.at, p.channel, p.key])).toEqual([['2025-06-10T12:00:00.000Z', 'C1', 'morning@2025-06-10T12:00Z']]);
    const [run] = await store.runs.list();
    expect(run).toMatchObject({ key: 'morning@2025-06-10T12:00Z', state: 'posted', attempts: 1, messageId: 'm1' });
  });

  // Each case runs through the whole local day of the change, midnight to midnight (23 h or 25 h long).
  it.each([
    ['08:00 on the day clocks go forward: 12:00 UTC, not 13:00', '0 8 * * *', '2025-03-09T05:00:00Z', 23, ['2025-03-09T12:00:00.000Z']],
    ['08:00 on the day clocks go back: 13:00 UTC, not 12:00', '0 8 * * *', '2025-11-02T04:00:00Z', 25, ['2025-11-02T13:00:00.000Z']],
    ['02:30, which does not exist that day, at 03:00 EDT when the clocks jump', '30 2 * * *', '2025-03-09T05:00:00Z', 23, ['2025-03-09T07:00:00.000Z']],
    ['01:30, which comes twice that day, at the first one only', '30 1 * * *', '2025-11-02T04:00:00Z', 25, ['2025-11-02T05:30:00.000Z']],
  ])('fires once on a New York daylight-saving day: %s', async (_name, cron, midnight, hours, expected) => {
    await startAt(midnight, { digests: [digest({ cron })] });
    await advance(hours * HOUR);
    expect(platform.posts.map((p) => p.at)).toEqual(expected);
  });
});

describe('runs missed while the bot was down', () => {
  it('posts a run missed by 1 h on start (within the 2 h grace window)', async () => {
    const log = memoryLog();
    await startAt('2025-06-10T13:00:00Z', { checkedUntil: '2025-06-10T11:30:00Z', log });
    await advance(0);
    expect(platform.posts.map((p) => [p.at, p.key])).toEqual([['2025-06-10T13:00:00.000Z', 'morning@2025-06-10T12:00Z']]);
    expect(log.messages()).toContain('digests: catching up morning, missed while the bot was down (60 min late, within the 2 h grace window)');
    await advance(HOUR);
    expect(platform.posts).toHaveLength(1);
  });

  it('skips a run missed by 5 h, with a log line and a record saying why', async () => {
    const log = memoryLog();
    await startAt('2025-06-10T17:00:00Z', { checkedUntil: '2025-06-10T11:30:00Z', log });
    await advance(HOUR);
    expect(platform.posts).toEqual([]);
    const [run] = await store.runs.list();
    expect(run).toMatchObject({ key: 'morning@2025-06-10T12:00Z', state: 'skipped' });
    expect(run?.error).toBe('missed: the bot was not running at 2025-06-10 08:00 America/New_York, and 5 h late is beyond the 2 h grace window');
    expect(log.lines.find((l) => l.msg.startsWith('digests: skipped morning'))?.level).toBe(40);
  });

  it('posts nothing for runs before the first start on a new database', async () => {
    await startAt('2025-06-10T12:30:00Z');
    await advance(HOUR);
    expect(platform.posts).toEqual([]);
  });
});

describe('failed posts', () => {
  it("waits out a 429's Retry-After, then posts, recording both tries", async () => {
    platform.fail({ code: 'rate-limited', message: 'HTTP 429', retryAfter: 90 });
    await startAt('2025-06-10T11:59:00Z');
    await advance(60_000 + 89_000);
    expect(platform.posts).toHaveLength(1);
    const [waiting] = await store.runs.list();
    expect(waiting).toMatchObject({
      state: 'claimed',
      attempts: 1,
      error: 'rate-limited: HTTP 429 (retry after 90 s)',
      nextAttemptAt: at('2025-06-10T12:01:30Z'),
    });
    await advance(1000);
    expect(platform.posts.map((p) => p.at)).toEqual(['2025-06-10T12:00:00.000Z', '2025-06-10T12:01:30.000Z']);
    expect((await store.runs.list())[0]).toMatchObject({ state: 'posted', attempts: 2, messageId: 'm2' });
  });

  it('records a failure that lasts past the last try as failed, with the reason', async () => {
    const outage = { code: 'unavailable' as const, message: 'HTTP 500 Internal Server Error' };
    platform.fail(outage, outage, outage);
    await startAt('2025-06-10T11:59:00Z');
    await advance(10 * 60_000);
    // Three tries in all, 30 s then 60 s apart.
    expect(platform.posts.map((p) => p.at)).toEqual(['2025-06-10T12:00:00.000Z', '2025-06-10T12:00:30.000Z', '2025-06-10T12:01:30.000Z']);
    expect((await store.runs.list())[0]).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'unavailable: HTTP 500 Internal Server Error (gave up after 3 tries)',
    });
  });

  it('does not retry a refusal (a 4xx such as an unknown channel)', async () => {
    platform.fail({ code: 'rejected', message: 'channel_not_found' });
    await startAt('2025-06-10T11:59:00Z');
    await advance(10 * 60_000);
    expect(platform.posts).toHaveLength(1);
    expect((await store.runs.list())[0]).toMatchObject({ state: 'failed', attempts: 1, error: 'rejected: channel_not_found (gave up after 1 try)' });
  });
});

describe('more than one instance, and restarts', () => {
  it('posts a run once when two instances share the database (an overlapping redeploy)', async () => {
    const { store: other } = await sqliteStore(file);
    vi.setSystemTime(at('2025-06-10T11:59:00Z'));
    await store.runs.setCheckedUntil(at('2025-06-10T11:59:00Z'));
    const a = schedulerFor({ store, platform, digests: () => [digest()], instance: 'a' });
    const b = schedulerFor({ store: other, platform, digests: () => [digest()], instance: 'b' });
    await Promise.all([a.start(), b.start()]);
    await advance(5 * 60_000);
    await Promise.all([a.stop(), b.stop()]);
    await other.close();
    expect(platform.posts.map((p) => p.key)).toEqual(['morning@2025-06-10T12:00Z']);
  });

  it('leaves an interrupted run of a digest it does not know to a replica that does (a rolling deploy that adds it)', async () => {
    const evening = digest({ id: 'evening', cron: '0 12 * * *', timeZone: 'UTC' });
    const run = EVENING_RUN;
    await store.runs.claim(run, 'stopped', at('2025-06-10T12:00:30Z'), at('2025-06-10T12:00:00Z'));
    await startAt('2025-06-10T12:01:00Z', { checkedUntil: '2025-06-10T12:00:50Z' });
    expect(await store.runs.list()).toEqual([expect.objectContaining({ key: run.key, state: 'claimed' })]);
    const knows = schedulerFor({ store, platform, digests: () => [digest(), evening], instance: 'knows' });
    await knows.start();
    await knows.idle();
    await knows.stop();
    expect(platform.posts.map((p) => p.key)).toEqual([run.key]);
    expect(await store.runs.list()).toEqual([expect.objectContaining({ key: run.key, state: 'posted', owner: 'knows' })]);
  });

  it('fails an interrupted run no replica knows once its grace window is over', async () => {
    const run = EVENING_RUN;
    await store.runs.claim(run, 'stopped', at('2025-06-10T12:00:30Z'), at('2025-06-10T12:00:00Z'));
    await startAt('2025-06-10T14:30:00Z', { checkedUntil: '2025-06-10T14:29:00Z' });
    expect(await store.runs.list()).toEqual([
      expect.objectContaining({ key: run.key, state: 'failed', error: expect.stringContaining('its digest is no longer configured') as string }),
    ]);
    expect(platform.posts).toEqual([]);
  });

  it('hands a run waiting to retry to the next start, which posts it under the same key', async () => {
    platform.fail({ code: 'unavailable', message: 'HTTP 503' });
    await startAt('2025-06-10T11:59:00Z');
    await advance(60_000);
    await scheduler?.stop();
    expect((await store.runs.list())[0]).toMatchObject({ state: 'claimed', attempts: 1 });
    await advance(10_000);
    scheduler = schedulerFor({ store, platform, digests: () => [digest()], instance: 'next' });
    await scheduler.start();
    await advance(0);
    expect(platform.posts.map((p) => [p.at, p.key])).toEqual([
      ['2025-06-10T12:00:00.000Z', 'morning@2025-06-10T12:00Z'],
      ['2025-06-10T12:00:10.000Z', 'morning@2025-06-10T12:00Z'],
    ]);
    expect((await store.runs.list())[0]).toMatchObject({ state: 'posted', attempts: 2, owner: 'next' });
  });
});

/** Where an instance is killed: the run claimed, nothing sent; the platform has the post, the store does not know; the post recorded. */
type CrashPoint = 'after-claim' | 'after-post' | 'after-record';

/** A promise that never settles: what a killed process answers. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * An instance that dies at `crash`, in process: from then on neither its store nor its platform
 * answers, as a killed process's would not, so it renews no lease and records nothing. The real
 * SIGKILL of a bot process is in crash.test.ts.
 */
function dyingAt(crash: CrashPoint, store: Store, platform: RecordingPlatform): { store: Store; platform: RecordingPlatform } {
  let dead = false;
  const runs = new Proxy(store.runs, {
    get(target, name: keyof Store['runs']) {
      return async (...args: unknown[]): Promise<unknown> => {
        if (dead) return never();
        const result: unknown = await (target as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]?.(...args);
        if (crash === 'after-record' && name === 'update' && (args[2] as { state?: string }).state === 'posted') dead = true;
        return result;
      };
    },
  });
  const post: RecordingPlatform['post'] = async (channel, reply, key) => {
    if (dead || crash === 'after-claim') return ((dead = true), never());
    const r = await platform.post(channel, reply, key);
    if (crash === 'after-post') return ((dead = true), never());
    return r;
  };
  return { store: { ...store, runs }, platform: { ...platform, post } };
}

describe('an instance killed while posting a digest, then another started', () => {
  const KEY = 'morning@2025-06-10T12:00Z';

  /** Kills instance `a` at `crash` during the 12:00 run, starts `b` at 12:01:30 (the 30 s lease is over); returns the run as stored. */
  async function crashThenRestart(crash: CrashPoint): Promise<{ postsBefore: number; run: unknown }> {
    vi.setSystemTime(at('2025-06-10T11:59:00Z'));
    await store.runs.setCheckedUntil(at('2025-06-10T11:59:00Z'));
    const dying = dyingAt(crash, store, platform);
    // Never stopped: a killed instance does not stop. Its timers go with the fake clock after the test.
    await schedulerFor({ store: dying.store, platform: dying.platform, digests: () => [digest()], instance: 'a' }).start();
    await advance(65_000);
    const postsBefore = platform.posts.length;
    await advance(85_000);
    const { store: other } = await sqliteStore(file);
    scheduler = schedulerFor({ store: other, platform, digests: () => [digest()], instance: 'b' });
    await scheduler.start();
    await scheduler.idle();
    await scheduler.stop();
    scheduler = undefined;
    const [run] = await other.runs.list();
    await other.close();
    return { postsBefore, run };
  }

  it('posts once when killed between claiming the run and sending it', async () => {
    const { postsBefore, run } = await crashThenRestart('after-claim');
    expect(postsBefore).toBe(0);
    expect(platform.posts.map((p) => [p.at, p.key])).toEqual([['2025-06-10T12:01:30.000Z', KEY]]);
    expect(run).toMatchObject({ key: KEY, state: 'posted', owner: 'b' });
  });

  it('sends again under the same key when killed after the platform took the post (the platform keeps one per key)', async () => {
    const { postsBefore, run } = await crashThenRestart('after-post');
    expect(postsBefore).toBe(1);
    expect(platform.posts.map((p) => p.key)).toEqual([KEY, KEY]);
    expect(run).toMatchObject({ key: KEY, state: 'posted', owner: 'b' });
  });

  it('does not post again when killed after recording the post', async () => {
    const { postsBefore, run } = await crashThenRestart('after-record');
    expect(postsBefore).toBe(1);
    expect(platform.posts.map((p) => p.key)).toEqual([KEY]);
    expect(run).toMatchObject({ key: KEY, state: 'posted', owner: 'a', attempts: 1 });
  });
});

describe('a subscription made from chat', () => {
  let library: Library;
  beforeAll(async () => {
    const r = await loadLibrary(['ecuador'], join(import.meta.dirname, '../../briefings'));
    if (!r.ok) throw new Error(r.error.message);
    library = r.value;
  });

  it('is stored, survives a restart, and fires at its local time', async () => {
    vi.setSystemTime(at('2025-06-10T10:00:00Z'));
    const commands = createChatCommands({ library, subscriptions: store.subscriptions, configDigests: [], defaultTimeZone: 'UTC' });
    const reply = await commands.handle(
      { platform: 'chat', channel: 'C9', user: 'U1', mayChangeDigests: () => Promise.resolve({ ok: true }) },
      'ecuador',
      'subscribe daily 08:00 homicides America/Guayaquil',
    );
    expect(reply).toMatchObject({ kind: 'notice', title: 'Subscribed' });

    // Restart: a new store on the same file, a new scheduler.
    await store.close();
    ({ store } = await sqliteStore(file));
    scheduler = schedulerFor({ store, platform, digests: () => allDigests([], store.subscriptions) });
    await scheduler.start();
    await advance(4 * HOUR);
    expect(platform.posts.map((p) => [p.at, p.channel, p.key])).toEqual([['2025-06-10T13:00:00.000Z', 'C9', 'sub-1@2025-06-10T13:00Z']]);
  });
});

describe('a pass that fails', () => {
  it.each([
    [true, 'digests: a scheduler pass stopped; the database does not answer', 20],
    [false, 'digests: a scheduler pass failed; the next one retries', 50],
  ])('asks the database watcher before reporting it: the database found gone (%s) makes it no failure of its own', async (goneWhenChecked, said, level) => {
    const log = memoryLog();
    let down = false;
    let checks = 0;
    scheduler = createScheduler({
      runs: store.runs,
      digests: () => Promise.reject(new Error('Connection terminated unexpectedly')),
      post: () => Promise.reject(new Error('unused')),
      logger: log.logger,
      options: OPTIONS,
      paused: () => down,
      databaseChecked: () => {
        checks++;
        down = goneWhenChecked;
        return Promise.resolve();
      },
    });
    await scheduler.sweep();
    expect(checks).toBe(1);
    expect(log.lines.filter((l) => l.msg.startsWith('digests: a scheduler pass')).map((l) => [l.msg, l.level])).toEqual([[said, level]]);
  });
});
