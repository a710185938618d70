/**
 * Slack in many workspaces, the whole flow against the loopback fake: "Add to Slack" redirects to
 * Slack with a signed state, the callback exchanges the code (`oauth.v2.access`) and keeps the
 * workspace's token sealed in the store; commands and digests then run as that workspace's bot, and
 * an uninstall deletes the token.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/bot/bot.js';
import { readEnv } from '../../../src/config/env.js';
import { slackSettingsFrom } from '../../../src/adapters/slack/settings.js';
import { memoryLog } from '../../schedule/harness.js';
import { tempDir } from '../../temp-dir.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { commandBody, postSigned, SECRET } from './requests.js';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack.close();
});

const KEY = 'an encryption key of at least thirty-two characters';
const oauthEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_SIGNING_SECRET: SECRET,
  SITREP_ENCRYPTION_KEY: KEY,
  ...extra,
});

async function startOAuthBot(): Promise<{ bot: RunningBot; base: string; db: string; log: ReturnType<typeof memoryLog>; setNow: (iso: string) => void }> {
  const dir = await tempDir({
    'sitrep.yaml':
      'subjects: [ecuador]\n' +
      'platforms: [slack]\n' +
      'digests:\n' +
      '  - { id: noon, platform: slack, channel: "T1/C0OAUTH1", subject: ecuador, topic: homicides, time: "12:00" }\n',
  });
  const env = readEnv({ PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: slack.apiUrl, ...oauthEnv() });
  if (!env.ok) throw new Error(env.error.join('\n'));
  const log = memoryLog();
  const db = join(dir, 'sitrep.db');
  let now = Date.parse('2025-06-10T11:00:00Z');
  const bot = await startBot({
    env: env.value,
    configFile: join(dir, 'sitrep.yaml'),
    db: { engine: 'sqlite', file: db },
    briefingsDir: join(import.meta.dirname, '../../../briefings'),
    logger: log.logger,
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    now: () => now,
  });
  if (!bot.ok) throw new Error(bot.error);
  return {
    bot: bot.value,
    base: `http://127.0.0.1:${String(bot.value.port)}`,
    db,
    log,
    setNow: (iso) => {
      now = Date.parse(iso);
    },
  };
}

/** Clicks "Add to Slack" and comes back from Slack with `code`: the callback's status and page. */
async function install(base: string, code: string, tamper = false): Promise<{ status: number; page: string }> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const to = new URL(start.headers.get('location') ?? '');
  expect(`${to.origin}${to.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
  expect(to.searchParams.get('client_id')).toBe('111.222');
  expect(to.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['commands', 'chat:write', 'channels:history']));
  const state = to.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${tamper ? `${state}x` : state}`, { headers: { cookie } });
  return { status: back.status, page: await back.text() };
}

describe('Slack installed in many workspaces', () => {
  it("installs through OAuth, keeps the token sealed, answers and posts as the workspace's bot, and forgets it on uninstall", async () => {
    const { bot, base, db, log, setNow } = await startOAuthBot();
    try {
      const done = await install(base, 'code-T1');
      expect(done.status).toBe(200);
      expect(done.page).toContain('Sitrep is now in Team T1.');
      const exchange = slack.calls.find((c) => c.path === '/api/oauth.v2.access');
      expect(exchange?.body).toMatchObject({ code: 'code-T1' });

      // Sealed at rest: the token is nowhere in the database file, nor in the log.
      const raw = new Database(db, { readonly: true });
      const rows = raw.prepare('SELECT platform, id, sealed FROM installations').all() as { platform: string; id: string; sealed: string }[];
      raw.close();
      expect(rows.map((r) => [r.platform, r.id])).toEqual([['slack', 'T1']]);
      expect(rows[0]?.sealed).not.toContain('xoxb-');
      expect(JSON.stringify(log.lines)).not.toContain('xoxb-T1-secret');
      expect(log.messages()).toContain('Slack: installed in Team T1');

      // A command from the workspace is answered.
      const answered = await postSigned(
        `${base}/slack/events`,
        commandBody('/ecuador', 'homicides', slack.responseUrl('oauth')).replace('team_id=T_FAKE', 'team_id=T1'),
      );
      expect(answered.status).toBe(200);
      expect(JSON.stringify(answered.json)).toContain('Homicides');

      // The digest to T1/C0OAUTH1 goes out with T1's token, to channel C0OAUTH1.
      setNow('2025-06-10T12:00:10Z');
      await bot.scheduler.sweep();
      await bot.scheduler.idle();
      const post = slack.calls.find((c) => c.path === '/api/chat.postMessage' && c.body.channel === 'C0OAUTH1');
      expect(post?.headers.authorization).toBe('Bearer xoxb-T1-secret');
      expect((await bot.store.runs.list()).map((r) => r.state)).toEqual(['posted']);

      // Uninstalled: the token is deleted, and a digest to the workspace fails, saying why.
      const uninstalled = await postSigned(
        `${base}/slack/events`,
        JSON.stringify({
          token: 'legacy',
          team_id: 'T1',
          api_app_id: 'A_FAKE',
          type: 'event_callback',
          event_id: 'Ev1',
          event_time: 1,
          event: { type: 'app_uninstalled' },
        }),
        { type: 'application/json' },
      );
      expect(uninstalled.status).toBe(200);
      await expect.poll(() => bot.store.installations.count('slack')).toBe(0);
      const adapter = bot.adapters.find((a) => a.platform === 'slack');
      const refused = await adapter?.post('T1/C0OAUTH1', { kind: 'notice', title: 'hi', lines: [] }, 'k1');
      expect(refused).toEqual({
        ok: false,
        error: { code: 'rejected', message: 'Sitrep is not installed in Slack workspace T1 (or was uninstalled); install it at /slack/install' },
      });
      expect(log.messages()).toContain('Slack: Sitrep was uninstalled in T1; its token is deleted, and its digests fail until Sitrep is installed again');
    } finally {
      await bot.stop();
    }
  });

  it('refuses a callback whose state was not the one it issued, and installs nothing', async () => {
    const { bot, base } = await startOAuthBot();
    try {
      const r = await install(base, 'code-T2', true);
      expect(r.status).toBe(400);
      expect(r.page).toContain('Sitrep was not installed');
      expect(await bot.store.installations.count('slack')).toBe(0);
    } finally {
      await bot.stop();
    }
  });

  it.each([
    [{ SLACK_CLIENT_SECRET: '' }, 'Installing in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET) also needs SLACK_CLIENT_SECRET.'],
    [
      { SITREP_ENCRYPTION_KEY: '' },
      'Installing in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET) ' +
        "also needs SITREP_ENCRYPTION_KEY (it seals each workspace's token at rest: openssl rand -base64 32).",
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set. Keep SLACK_BOT_TOKEN for one workspace, ' +
        'or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs in many; unset the other.',
    ],
  ])('says what is missing or clashing: %o', (extra, message) => {
    const env = readEnv(oauthEnv(extra));
    if (!env.ok) throw new Error(env.error.join('\n'));
    expect(slackSettingsFrom(env.value)).toEqual({ ok: false, error: message });
  });
});
