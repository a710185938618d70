/**
 * One Sitrep replica for the replica tests and bench: the real `startBot` (store, scheduler, Slack and
 * Discord adapters, heartbeat, subject sync) on the test's PostgreSQL schema (or SQLite file at SITREP_DB), posting to the test's fake
 * Slack and Discord. Its clock runs at real speed from the instant the test gives, so replicas
 * started at different moments share one clock. Prints `ready` once it serves; SIGTERM stops it.
 */
import { PassThrough } from 'node:stream';
import { startBot } from '../../src/bot/bot.js';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';

const {
  SITREP_TEST_CLOCK_OFFSET: offset = '0',
  SITREP_TEST_CONFIG: configFile = '',
  SITREP_TEST_BRIEFINGS: briefingsDir = '',
  SITREP_TEST_SCHEMA: schema = '',
  SITREP_TEST_LEASE_MS: leaseMs = '1500',
} = process.env;
const env = readEnv(process.env);
if (!env.ok) throw new Error(env.error.join('\n'));
const url = env.value.SITREP_DATABASE_URL;
const db = url ? { engine: 'postgres' as const, url, schema } : { engine: 'sqlite' as const, file: env.value.SITREP_DB ?? '' };

const bot = await startBot({
  env: env.value,
  configFile,
  db,
  briefingsDir,
  logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  stdout: new PassThrough(),
  now: () => Date.now() + Number(offset),
  scheduler: { leaseMs: Number(leaseMs) },
  replica: { heartbeatMs: 500, subjectSyncMs: 500 },
});
if (!bot.ok) {
  process.stderr.write(`${bot.error}\n`);
  process.exit(1);
}
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void bot.value.stop().then(() => process.exit(0));
});
