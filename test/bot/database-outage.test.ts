/**
 * PostgreSQL gone for a while under a running replica (a relay in front of the real server is cut):
 * the replica says so once, answers commands from what it has loaded, claims no digest, reports it
 * on /healthz, and when the database is back says so and posts the digest that fell due, once.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot/bot.js';
import { readEnv } from '../../src/config/env.js';
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js';
import { commandBody, postSigned, SECRET } from '../adapters/slack/requests.js';
import { memoryLog } from '../schedule/harness.js';
import { freshLocation, openTestStore, TEST_DATABASE_URL } from '../store/engines.js';
import { startTcpCut, type TcpCut } from '../store/tcp-cut.js';
import { tempDir } from '../temp-dir.js';

let slack: FakeSlack;
let relay: TcpCut;
beforeAll(async () => {
  slack = await startFakeSlack();
  const pg = new URL(TEST_DATABASE_URL);
  relay = await startTcpCut({ host: pg.hostname, port: Number(pg.port || 5432) });
});
afterAll(async () => {
  await Promise.all([slack.close(), relay.close()]);
});

const waitFor = async (what: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a replica whose database goes away for a while', { timeout: 60_000 }, () => {
  it.each([
    ['drops every connection', 'cut', 'C0OUTAGE1'],
    ['goes silent, connections open', 'stall', 'C0OUTAGE2'],
  ] as const)('%s: serves from memory, claims nothing, says so, and posts the due digest once when the database is back', async (_, how, channel) => {
    const where = await freshLocation('postgres');
    if (where.engine !== 'postgres') throw new Error('expected postgres');
    const { store: seed } = await openTestStore('postgres', where);
    await seed.runs.setCheckedUntil(Date.parse('2025-06-10T12:58:00Z'));
    const dir = await tempDir({
      'sitrep.yaml':
        `subjects: [ecuador]\n` +
        `platforms: [slack]\n` +
        `digests:\n` +
        `  - { id: noon, platform: slack, channel: ${channel}, subject: ecuador, topic: homicides, cron: "0 13 * * *" }\n`,
    });
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(relay.port);
    // A silent database fails a query after this long (15 s by default).
    url.searchParams.set('query_timeout', '300');
    const env = readEnv({ PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
    if (!env.ok) throw new Error(env.error.join('\n'));
    let now = Date.parse('2025-06-10T12:59:00Z');
    const log = memoryLog();
    const bot = await startBot({
      env: env.value,
      configFile: join(dir, 'sitrep.yaml'),
      db: { engine: 'postgres', url: url.toString(), schema: where.schema },
      briefingsDir: join(import.meta.dirname, '../../briefings'),
      logger: log.logger,
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      now: () => now,
      replica: { heartbeatMs: 50 },
    });
    if (!bot.ok) throw new Error(bot.error);
    const base = `http://127.0.0.1:${String(bot.value.port)}`;
    const health = async (): Promise<unknown> => (await fetch(`${base}/healthz`)).json();
    try {
      expect(await health()).toEqual({ ok: true, database: 'ok' });

      if (how === 'cut') relay.cut();
      else relay.stall();
      await waitFor(() => log.messages().some((m) => m.includes('does not answer')));
      expect(await health()).toMatchObject({ ok: true, database: 'unreachable', since: expect.any(String) as string });
      // The digest falls due while the database is away: nothing is claimed or posted.
      now = Date.parse('2025-06-10T13:00:10Z');
      await bot.value.scheduler.sweep();
      expect(slack.messagesIn(channel)).toEqual([]);
      // Commands still answer, from the briefing loaded at start.
      const answered = await postSigned(`${base}/slack/events`, commandBody('/ecuador', 'homicides', slack.responseUrl('outage')));
      expect(answered.status).toBe(200);
      expect(JSON.stringify(answered.json)).toContain('Homicides');
      expect(log.messages().filter((m) => m.includes('does not answer'))).toHaveLength(1);
      // Paused, not failing: no sweep even tried the database.
      expect(log.messages().filter((m) => m.includes('scheduler pass failed'))).toEqual([]);

      relay.restore();
      // A connection attempt made into the silence ends at the pool's 5 s connect timeout; then the next beat gets through.
      await waitFor(() => log.messages().some((m) => m.startsWith('database: back after')), 20_000);
      expect(await health()).toEqual({ ok: true, database: 'ok' });
      await bot.value.scheduler.sweep();
      await bot.value.scheduler.idle();
      await bot.value.scheduler.sweep();
      await bot.value.scheduler.idle();
      expect(slack.messagesIn(channel)).toHaveLength(1);
      expect((await seed.runs.list()).map((r) => [r.key, r.state])).toEqual([['noon@2025-06-10T13:00Z', 'posted']]);
    } finally {
      await bot.value.stop();
    }
  });
});
