/**
 * The real platform registry: with Slack's and Discord's secrets set (pointed at the fakes from
 * their adapters' tests), `startBot` starts both, mounts their routes on the one HTTP server, and
 * posts each platform's digest with its run key where the platform can check it.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonceFor } from '../../src/adapters/discord/rest.js';
import { DIGEST_EVENT } from '../../src/adapters/slack/post.js';
import { startBot } from '../../src/bot/bot.js';
import { readEnv, type Env } from '../../src/config/env.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { startFakeDiscord, type FakeDiscord } from '../adapters/discord/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js';
import { commandBody, postSigned } from '../adapters/slack/requests.js';
import { memoryLog } from '../schedule/harness.js';
import { tempDir } from '../temp-dir.js';
import { fakePlatformVariables } from './platform-env.js';

let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  [slack, discord] = await Promise.all([startFakeSlack(), startFakeDiscord()]);
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

const CONFIG = `
subjects: [ecuador]
platforms: [slack, discord]
digests:
  - { id: slack-noon, platform: slack, channel: C0123ABCD, subject: ecuador, topic: homicides, time: "12:00" }
  - { id: discord-noon, platform: discord, channel: 700000000000000009, subject: ecuador, time: "12:00" }
  - { id: console-noon, platform: console, channel: terminal, subject: ecuador, time: "12:00" }
`;

/** A database where the bot last checked at 11:59, so the noon digests fall due at start. */
async function database(config: string): Promise<{ dir: string; db: string }> {
  const dir = await tempDir({ 'sitrep.yaml': config });
  const db = join(dir, 'sitrep.db');
  const seeded = openSqliteStore(db);
  if (!seeded.ok) throw new Error(seeded.error);
  await seeded.value.runs.setCheckedUntil(Date.parse('2025-06-10T11:59:00Z'));
  await seeded.value.close();
  return { dir, db };
}

/** Slack's and Discord's variables, pointed at the fakes, with `extra`. */
function platformEnv(extra: Record<string, string> = {}): Env {
  const env = readEnv(fakePlatformVariables(slack, discord, extra));
  if (!env.ok) throw new Error(env.error.join('\n'));
  return env.value;
}

describe('the bot with Slack and Discord configured', () => {
  it('starts both (and not the console), serves their routes and /healthz, and posts each digest once with its key', async () => {
    const { dir, db } = await database(CONFIG);
    const log = memoryLog();
    const bot = await startBot({
      env: platformEnv(),
      configFile: join(dir, 'sitrep.yaml'),
      db: { engine: 'sqlite', file: db },
      briefingsDir: join(import.meta.dirname, '../../briefings'),
      logger: log.logger,
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      now: () => Date.parse('2025-06-10T12:00:20Z'),
    });
    if (!bot.ok) throw new Error(bot.error);
    try {
      expect(bot.value.adapters.map((a) => a.platform)).toEqual(['slack', 'discord']);
      const base = `http://127.0.0.1:${String(bot.value.port)}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      // Unsigned requests reach each adapter's own route, which refuses them.
      expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(401);
      expect((await fetch(`${base}/discord/interactions`, { method: 'POST', body: '{}' })).status).toBe(401);
      await bot.value.scheduler.idle();

      const slackPosts = slack.calls.filter((c) => c.path === '/api/chat.postMessage');
      expect(slackPosts).toHaveLength(1);
      expect(slackPosts[0]?.body).toMatchObject({
        channel: 'C0123ABCD',
        metadata: { event_type: DIGEST_EVENT, event_payload: { key: 'slack-noon@2025-06-10T12:00Z' } },
      });
      const discordPosts = discord.callsTo('POST', /^\/api\/v10\/channels\/700000000000000009\/messages$/);
      expect(discordPosts.map((c) => c.body)).toEqual([expect.objectContaining({ nonce: nonceFor('discord-noon@2025-06-10T12:00Z'), enforce_nonce: true })]);

      const runs = await bot.value.store.runs.list();
      expect(runs.map((r) => [r.digestId, r.state]).sort()).toEqual([
        ['discord-noon', 'posted'],
        ['slack-noon', 'posted'],
      ]);
      expect(log.messages()).toContain('1 digest(s) wait for a platform that is not running: console-noon (console)');
    } finally {
      await bot.value.stop();
    }
  });

  it('puts an "Open full briefing" link under answers and digests when SITREP_PUBLIC_URL is set', async () => {
    // Channels of their own: the fakes are shared with the test above, and Slack's finds a digest by its key.
    const { dir, db } = await database(CONFIG.replace('C0123ABCD', 'C0LINKS01').replace('700000000000000009', '700000000000000019'));
    const now = Date.parse('2025-06-10T12:00:20Z');
    const bot = await startBot({
      env: platformEnv({ SITREP_PUBLIC_URL: 'https://sitrep.example', SITREP_LINK_SECRET: 'k'.repeat(40) }),
      configFile: join(dir, 'sitrep.yaml'),
      db: { engine: 'sqlite', file: db },
      briefingsDir: join(import.meta.dirname, '../../briefings'),
      logger: memoryLog().logger,
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      now: () => now,
    });
    if (!bot.ok) throw new Error(bot.error);
    try {
      await bot.value.scheduler.idle();
      const link = /^https:\/\/sitrep\.example\/b\/ecuador\/homicides\?t=\d+\.[\w-]{43}$/;
      const slackDigest = slack.calls.filter((c) => c.path === '/api/chat.postMessage').at(-1)?.body as {
        blocks: string | { type: string; elements?: { url?: string; text: { text: string } }[] }[];
      };
      const blocks =
        typeof slackDigest.blocks === 'string'
          ? (JSON.parse(slackDigest.blocks) as { type: string; elements?: { url?: string; text: { text: string } }[] }[])
          : slackDigest.blocks;
      const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
      expect(button?.text.text).toBe('Open full briefing');
      expect(button?.url).toMatch(link);
      const discordDigest = discord.callsTo('POST', /^\/api\/v10\/channels\/700000000000000019\/messages$/).at(-1)?.body as {
        components?: { components: { style: number; label: string; url?: string }[] }[];
      };
      expect(discordDigest.components?.[0]?.components[0]).toMatchObject({
        style: 5,
        label: 'Open full briefing',
        url: expect.stringMatching(/^https:\/\/sitrep\.example\/b\/ecuador\?t=/) as unknown,
      });

      // A slash command's answer carries the link to the same words, and the link opens the page here.
      const base = `http://127.0.0.1:${String(bot.value.port)}`;
      const answered = await postSigned(`${base}/slack/events`, commandBody('/ecuador', 'homicides', `${slack.apiUrl}response`));
      const answer = (answered.json?.blocks ?? []) as { type: string; elements?: { url?: string }[] }[];
      const url = answer.find((b) => b.type === 'actions')?.elements?.find((e) => e.url)?.url ?? '';
      expect(url).toMatch(link);
      const page = await fetch(`${base}${new URL(url).pathname}${new URL(url).search}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>Ecuador seeks foreign military help against drug cartels (Feb 2025) — Homicides</h1>');
    } finally {
      await bot.value.stop();
    }
  });
});
