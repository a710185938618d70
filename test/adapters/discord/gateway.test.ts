import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { parseShards, type DiscordSettings } from '../../../src/adapters/discord/settings.js';
import { APP_ID, BAD_TOKEN, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { ecuadorLibrary, expectAllWithinLimits, silent } from './harness.js';
import { autocomplete, command } from './interactions.js';

let fake: FakeDiscord;
const started: DiscordAdapter[] = [];

async function connect(over: Partial<DiscordSettings> = {}): Promise<DiscordAdapter> {
  const settings: DiscordSettings = { mode: 'gateway', applicationId: APP_ID, token: 'gateway-token', apiUrl: fake.api, ...over };
  const adapter = createDiscordAdapter({ library: await ecuadorLibrary(), settings, logger: silent });
  started.push(adapter);
  await adapter.start();
  return adapter;
}

const callbackOf = (i: Record<string, unknown>): RegExp => new RegExp(`^/api/v10/interactions/${String(i.id)}/${String(i.token)}/callback$`);

beforeAll(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.stop()));
  expectAllWithinLimits(fake.calls);
});

afterAll(async () => {
  await fake.close();
});

describe('the gateway connection', () => {
  it('logs in with the bot token, has no HTTP routes, and answers a topic command through the interaction callback', async () => {
    const adapter = await connect();
    expect(adapter.routes).toEqual([]);
    expect(fake.identified.at(-1)).toMatchObject({ token: 'gateway-token' });
    const i = command('ecuador', { topic: 'homicides' });
    fake.dispatch('INTERACTION_CREATE', i);
    const [call] = await fake.waitFor('POST', callbackOf(i));
    const body = call?.body as { type: number; data: { flags: number; embeds: { title: string }[] } };
    expect(call?.headers.authorization).toBeUndefined();
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]?.title).toMatch(/— Homicides$/);
  });

  it('answers autocomplete through the callback', async () => {
    await connect();
    const i = autocomplete('ecuador', 'coca');
    fake.dispatch('INTERACTION_CREATE', i);
    const [call] = await fake.waitFor('POST', callbackOf(i));
    expect(call?.body).toMatchObject({ type: 8, data: { choices: [{ value: 'cocaine' }] } });
  });

  it('defers and then edits the original message when the answer is late', async () => {
    await connect({ deferAfterMs: 0 });
    const i = command('ecuador');
    fake.dispatch('INTERACTION_CREATE', i);
    const [deferral] = await fake.waitFor('POST', callbackOf(i));
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 64 } });
    const [edit] = await fake.waitFor('PATCH', new RegExp(`/webhooks/${APP_ID}/${String(i.token)}/messages/%40original$`));
    expect((edit?.body as { embeds: unknown[] }).embeds).toHaveLength(1);
  });

  it('fails to start with a clear message when Discord refuses the token', async () => {
    await expect(connect({ token: BAD_TOKEN })).rejects.toThrow('Discord refused DISCORD_TOKEN (401): check the bot token.');
  });
});

describe('gateway shards', () => {
  const shardsOf = (from: number): unknown[] => fake.identified.slice(from).map((d) => (d as { shard?: unknown }).shard);

  it('runs as many shards as Discord recommends, and answers an interaction that arrives on either', async () => {
    fake.recommendShards(2);
    const before = fake.identified.length;
    try {
      await connect();
    } finally {
      fake.recommendShards(1);
    }
    expect(shardsOf(before)).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(shardsOf(before)).toHaveLength(2);
    for (const shard of [0, 1]) {
      const i = command('ecuador', { topic: 'homicides' });
      fake.dispatch('INTERACTION_CREATE', i, shard);
      const calls = await fake.waitFor('POST', callbackOf(i));
      expect(calls).toHaveLength(1);
    }
  });

  it('runs only the shards DISCORD_SHARDS gives this process', async () => {
    const before = fake.identified.length;
    await connect({ shards: { ids: [1, 3], count: 4 } });
    expect(shardsOf(before).sort()).toEqual([
      [1, 4],
      [3, 4],
    ]);
  });
});

describe('DISCORD_SHARDS', () => {
  it.each([
    [undefined, { ok: true, value: 'auto' }],
    ['auto', { ok: true, value: 'auto' }],
    ['2', { ok: true, value: { ids: [0, 1], count: 2 } }],
    ['3, 1/4', { ok: true, value: { ids: [1, 3], count: 4 } }],
    ['4/4', { ok: false, error: 'DISCORD_SHARDS: shard ids run from 0 to 3 of 4; got 4/4' }],
    ['many', { ok: false, error: "DISCORD_SHARDS must be auto, a shard count (4), or this process's shards of a count (0,1/4); got many" }],
  ])('reads %s', (text, expected) => {
    expect(parseShards(text)).toEqual(expected);
  });
});
