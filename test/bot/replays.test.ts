/**
 * Replays between replicas: the same signed Slack or Discord request sent to one replica and then
 * to another is served once. Two real bots on one PostgreSQL schema, each with its own HTTP server.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/bot.js';
import { readEnv } from '../../src/config/env.js';
import type { StoreLocation } from '../../src/store/location.js';
import { startFakeDiscord, type FakeDiscord } from '../adapters/discord/fake-discord.js';
import { command } from '../adapters/discord/interactions.js';
import { createSigner } from '../adapters/discord/signer.js';
import { startFakeSlack, type FakeSlack } from '../adapters/slack/fake-slack.js';
import { commandBody, sign } from '../adapters/slack/requests.js';
import { memoryLog } from '../schedule/harness.js';
import { freshLocation } from '../store/engines.js';
import { tempDir } from '../temp-dir.js';
import { fakePlatformVariables } from './platform-env.js';

let slack: FakeSlack;
let discord: FakeDiscord;
const signer = createSigner();
beforeAll(async () => {
  [slack, discord] = await Promise.all([startFakeSlack(), startFakeDiscord()]);
});
afterAll(async () => {
  await Promise.all([slack.close(), discord.close()]);
});

async function replica(where: StoreLocation, dir: string): Promise<RunningBot> {
  const env = readEnv(fakePlatformVariables(slack, discord, { DISCORD_PUBLIC_KEY: signer.publicKeyHex }));
  if (!env.ok) throw new Error(env.error.join('\n'));
  const bot = await startBot({
    env: env.value,
    configFile: join(dir, 'sitrep.yaml'),
    db: where,
    briefingsDir: join(import.meta.dirname, '../../briefings'),
    logger: memoryLog().logger,
    stdin: new PassThrough(),
    stdout: new PassThrough(),
  });
  if (!bot.ok) throw new Error(bot.error);
  return bot.value;
}

describe('replicas behind one load balancer', () => {
  it('serve a signed request once, whichever replica a replay reaches', async () => {
    const where = await freshLocation('postgres');
    const dir = await tempDir({ 'sitrep.yaml': 'subjects: [ecuador]\nplatforms: [slack, discord]\n' });
    const [a, b] = [await replica(where, dir), await replica(where, dir)];
    try {
      const at = (bot: RunningBot, path: string): string => `http://127.0.0.1:${String(bot.port)}${path}`;

      // Slack: the same body, timestamp and signature, to a and then to b.
      const body = commandBody('/ecuador', 'topics', slack.responseUrl('replay'));
      const ts = Math.floor(Date.now() / 1000);
      const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) };
      const first = await fetch(at(a, '/slack/events'), { method: 'POST', headers, body });
      const replayed = await fetch(at(b, '/slack/events'), { method: 'POST', headers, body });
      expect([first.status, replayed.status]).toEqual([200, 401]);

      // Discord: the same signed interaction, to b and then to a.
      const payload = JSON.stringify(command('ecuador', { view: 'topics' }));
      const signed = signer.headers(payload);
      const once = await fetch(at(b, '/discord/interactions'), { method: 'POST', headers: signed, body: payload });
      const twice = await fetch(at(a, '/discord/interactions'), { method: 'POST', headers: signed, body: payload });
      expect([once.status, twice.status]).toEqual([200, 401]);

      // A new request is served by either.
      const ts2 = ts + 1;
      const fresh = await fetch(at(b, '/slack/events'), {
        method: 'POST',
        headers: { ...headers, 'x-slack-request-timestamp': String(ts2), 'x-slack-signature': sign(body, ts2) },
        body,
      });
      expect(fresh.status).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
