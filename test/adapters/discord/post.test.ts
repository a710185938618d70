import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { nonceFor, REST_RETRIES } from '../../../src/adapters/discord/rest.js';
import type { DiscordSettings } from '../../../src/adapters/discord/settings.js';
import { briefingReply } from '../../../src/service/commands.js';
import type { Reply } from '../../../src/render/reply.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { ecuadorLibrary, expectAllWithinLimits, silent } from './harness.js';

const CHANNEL = '700000000000000001';
const messages = new RegExp(`^/api/v10/channels/${CHANNEL}/messages$`);
let fake: FakeDiscord;
let digest: Reply;

async function adapter(over: Partial<DiscordSettings> = {}): Promise<ReturnType<typeof createDiscordAdapter>> {
  const settings: DiscordSettings = { mode: 'http', applicationId: APP_ID, publicKey: '0'.repeat(64), token: 'post-token', apiUrl: fake.api, ...over };
  return createDiscordAdapter({ library: await ecuadorLibrary(), settings, logger: silent });
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  const subject = (await ecuadorLibrary()).subjects[0];
  if (!subject) throw new Error('no subject');
  digest = briefingReply(subject, 'homicides');
});

afterEach(() => {
  expectAllWithinLimits(fake.calls);
  fake.calls.length = 0;
});

afterAll(async () => {
  await fake.close();
});

describe('posting a digest to a channel', () => {
  it('posts the briefing with the bot token, mentions off, no buttons, and the run key as an enforced nonce', async () => {
    const r = await (await adapter()).post(CHANNEL, digest, 'daily-2025-02-10');
    const [call] = fake.callsTo('POST', messages);
    expect(r).toEqual({ ok: true, value: { channel: CHANNEL, messageId: expect.stringMatching(/^\d+$/) as unknown } });
    expect(call?.headers.authorization).toBe('Bot post-token');
    expect(call?.body).toMatchObject({ nonce: 'daily-2025-02-10', enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(call?.body).not.toHaveProperty('components');
  });

  it('hashes a key longer than 25 characters into a nonce, the same for the same key', () => {
    const key = 'ecuador:homicides:700000000000000001:2025-02-10';
    expect(nonceFor(key)).toHaveLength(25);
    expect(nonceFor(key)).toBe(nonceFor(key));
    expect(nonceFor(key)).not.toBe(nonceFor(`${key}x`));
  });

  it('waits out a 429 and then succeeds', async () => {
    fake.script('POST', messages, {
      status: 429,
      headers: { 'retry-after': '0.05' },
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
    });
    const r = await (await adapter()).post(CHANNEL, digest, 'k1');
    const [limited, retried] = fake.callsTo('POST', messages);
    expect(r.ok).toBe(true);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(45);
  });

  it('reports a rate limit longer than it will wait, without waiting', async () => {
    fake.script('POST', messages, {
      status: 429,
      headers: { 'retry-after': '60' },
      body: { message: 'You are being rate limited.', retry_after: 60, global: false },
    });
    const t0 = performance.now();
    const r = await (await adapter()).post(CHANNEL, digest, 'k2');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r).toMatchObject({ ok: false, error: { code: 'rate-limited', retryAfter: 60 } });
  });

  it(`reports a 500 as unavailable after ${String(REST_RETRIES)} retries`, async () => {
    fake.script('POST', messages, ...Array.from({ length: REST_RETRIES + 1 }, () => ({ status: 500, body: { message: 'Internal Server Error' } })));
    const r = await (await adapter()).post(CHANNEL, digest, 'k3');
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: 'HTTP 500 Internal Server Error' } });
    expect(fake.callsTo('POST', messages)).toHaveLength(REST_RETRIES + 1);
  });

  it("reports a refusal (403) with Discord's words", async () => {
    fake.script('POST', messages, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    const r = await (await adapter()).post(CHANNEL, digest, 'k4');
    expect(r).toEqual({ ok: false, error: { code: 'rejected', message: 'HTTP 403 50001 Missing Access' } });
  });

  it('reports an unreachable API as unavailable', async () => {
    const r = await (await adapter({ apiUrl: 'http://127.0.0.1:1/api' })).post(CHANNEL, digest, 'k5');
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^network: /) as unknown } });
  });

  it.each([
    ['a channel that is not an id', { channel: '#general', over: {} }, "'#general' is not a Discord channel id (digits)"],
    ['no bot token', { channel: CHANNEL, over: { token: undefined } }, 'DISCORD_TOKEN is not set; posting to a channel needs the bot token'],
  ])('refuses %s without calling Discord', async (_, { channel, over }, message) => {
    const r = await (await adapter(over)).post(channel, digest, 'k6');
    expect(r).toEqual({ ok: false, error: { code: 'rejected', message } });
    expect(fake.calls).toHaveLength(0);
  });
});
