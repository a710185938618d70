/** `sitrep start` against the loopback fake Discord, exactly as against Discord: only DISCORD_API_URL differs. */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../../src/bot/bot.js';
import { main } from '../../../src/cli.js';
import { tempDir } from '../../temp-dir.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { expectAllWithinLimits, expectWithinLimits, silent } from './harness.js';
import { command } from './interactions.js';
import { createSigner, postSigned } from './signer.js';

const CONFIG = 'subjects: [ecuador]\nplatforms: [discord]\ntimezone: UTC\ndigests: []\n';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord();
});

afterAll(async () => {
  expectAllWithinLimits(fake.calls);
  await fake.close();
});

/** Runs `sitrep start` with `env` until `use` is done, then stops it as SIGTERM would. */
async function withBot(env: Record<string, string>, use: (bot: RunningBot) => Promise<void>): Promise<void> {
  const dir = await tempDir({ 'sitrep.yaml': CONFIG });
  const signals = new EventEmitter();
  let stderr = '';
  let onStarted: (bot: RunningBot) => void = () => undefined;
  const started = new Promise<RunningBot>((resolve) => {
    onStarted = resolve;
  });
  const done = main(
    ['start', '--config', join(dir, 'sitrep.yaml')],
    {
      stdout: () => undefined,
      stderr: (s) => {
        stderr += s;
      },
    },
    {
      env: { HOST: '127.0.0.1', PORT: '0', SITREP_DB: join(dir, 'sitrep.db'), DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.api, ...env },
      signals,
      logger: silent,
      onStarted,
    },
  );
  const bot = await Promise.race([
    started,
    done.then((code) => {
      throw new Error(`sitrep start exited ${String(code)}: ${stderr}`);
    }),
  ]);
  try {
    await use(bot);
  } finally {
    signals.emit('SIGTERM');
    expect(await done).toBe(0);
  }
}

describe('sitrep start with Discord', () => {
  it('answers on the HTTP interactions endpoint, on PORT, and keeps subscriptions', async () => {
    const signer = createSigner();
    await withBot({ DISCORD_PUBLIC_KEY: signer.publicKeyHex, DISCORD_TOKEN: 'start-token' }, async (bot) => {
      const url = `http://127.0.0.1:${String(bot.port)}/discord/interactions`;
      const brief = await postSigned(url, signer, command('ecuador', { topic: 'homicides' }));
      expectWithinLimits(brief.body);
      expect(brief.body).toMatchObject({ type: 4, data: { embeds: [{ title: expect.stringMatching(/— Homicides$/) as unknown }] } });
      const subscribe = command('ecuador', { topic: 'subscribe daily 08:00 homicides' });
      (subscribe.member as { permissions: string }).permissions = String(1 << 4);
      expect((await postSigned(url, signer, subscribe)).body).toMatchObject({ data: { embeds: [{ title: 'Subscribed' }] } });
      const schedule = await postSigned(url, signer, command('ecuador', { view: 'schedule' }));
      expectWithinLimits(schedule.body);
      expect(JSON.stringify(schedule.body)).toContain('08:00');
    });
  });

  it('connects the gateway with the bot token and answers through the callback', async () => {
    await withBot({ DISCORD_TOKEN: 'start-gateway-token' }, async () => {
      expect(fake.identified.at(-1)).toMatchObject({ token: 'start-gateway-token' });
      const i = command('ecuador', { topic: 'cocaine' });
      fake.dispatch('INTERACTION_CREATE', i);
      const [call] = await fake.waitFor('POST', new RegExp(`/interactions/${String(i.id)}/${String(i.token)}/callback$`));
      expect(call?.body).toMatchObject({ type: 4, data: { embeds: [{ title: expect.stringMatching(/— Cocaine$/) as unknown }] } });
    });
  });
});
