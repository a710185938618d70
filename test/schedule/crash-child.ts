/**
 * A bot process for the crash tests: the real scheduler, the real SQLite store and the real Discord
 * adapter (pointed at the test's fake Discord), posting one daily digest due at 13:00 UTC. It kills
 * itself with SIGKILL at the point SITREP_TEST_CRASH names, as a crash or an OOM kill would:
 *   after-claim   the run is claimed in the store, nothing sent yet
 *   after-post    Discord has the message, the store does not know yet
 *   after-record  the store has recorded the post
 * The crash point is read here only, never in src/.
 */
import { createDiscordAdapter } from '../../src/adapters/discord/adapter.js';
import { createLogger } from '../../src/log.js';
import { createScheduler } from '../../src/schedule/scheduler.js';
import type { Digest } from '../../src/schedule/digest.js';
import { briefingReply } from '../../src/service/commands.js';
import { loadLibrary } from '../../src/service/library.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { RunStore } from '../../src/store/store.js';

const {
  SITREP_TEST_DB: db = '',
  SITREP_TEST_API: api = '',
  SITREP_TEST_NOW: startIso = '',
  SITREP_TEST_CRASH: crash = '',
  SITREP_TEST_CHANNEL: channel = '',
  SITREP_TEST_BRIEFINGS: briefings = '',
} = process.env;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

// The clock starts where the test says and runs at real speed, so a second process can start later.
const t0 = performance.now();
const now = (): number => Date.parse(startIso) + Math.round(performance.now() - t0);

const library = await loadLibrary([], briefings);
if (!library.ok) throw new Error(library.error.message);
const subject = library.value.subjects[0];
if (!subject) throw new Error('no subject');
const opened = openSqliteStore(db);
if (!opened.ok) throw new Error(opened.error);
const store = opened.value;
const logger = createLogger(process.env.LOG_LEVEL ?? 'silent');
const discord = createDiscordAdapter({
  library: library.value,
  settings: { mode: 'http', applicationId: '100000000000000001', publicKey: '0'.repeat(64), token: 'bot-token', apiUrl: api },
  logger,
});

const runs: RunStore = {
  ...store.runs,
  async update(key, owner, change, at) {
    const done = await store.runs.update(key, owner, change, at);
    if (crash === 'after-record' && change.state === 'posted') die();
    return done;
  },
};

const digest: Digest = {
  id: 'daily-homicides',
  platform: 'discord',
  channel,
  subject: subject.name,
  topic: 'homicides',
  cron: '0 13 * * *',
  timeZone: 'UTC',
  origin: 'config',
};
const scheduler = createScheduler({
  runs,
  digests: () => Promise.resolve([digest]),
  async post(d, key) {
    if (crash === 'after-claim') die();
    const r = await discord.post(d.channel, briefingReply(subject, d.topic), key);
    if (crash === 'after-post') die();
    return r;
  },
  logger,
  // The default lease (30 s), so the restart below shows how soon a crashed claim is taken over.
  options: { graceMs: 2 * 3600_000, attempts: 3, backoffMs: 1000, maxBackoffMs: 1000 },
  now,
});

await scheduler.start();
await scheduler.idle();
await scheduler.stop();
await store.close();
