import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/adapter.js';
import { INTERACTIONS_PATH } from '../../../src/adapters/discord/http-endpoint.js';
import type { DiscordSettings } from '../../../src/adapters/discord/settings.js';
import { ChoicesSchema, limitProblems } from '../../../src/render/discord/assertions.js';
import { startHttpServer, type HttpServer } from '../../../src/server/http.js';
import { answer, MAX_COMMAND_TEXT } from '../../../src/service/commands.js';
import { createChatCommands, type ChatCommands, type CommandContext } from '../../../src/service/chat.js';
import { createPageLinks } from '../../../src/server/page-links.js';
import { sqliteStore } from '../../schedule/harness.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { ecuadorLibrary, expectAllWithinLimits, expectWithinLimits, silent } from './harness.js';
import { autocomplete, button, command, ping } from './interactions.js';
import { createSigner, postSigned } from './signer.js';

interface Endpoint {
  url: string;
  adapter: DiscordAdapter;
  server: HttpServer;
}

const signer = createSigner();
let fake: FakeDiscord;
let endpoint: Endpoint;

async function startEndpoint(over: Partial<DiscordSettings> = {}, commands?: ChatCommands): Promise<Endpoint> {
  const settings: DiscordSettings = { mode: 'http', applicationId: APP_ID, publicKey: signer.publicKeyHex, token: 'test-token', apiUrl: fake.api, ...over };
  const adapter = createDiscordAdapter({ library: await ecuadorLibrary(), settings, logger: silent, commands });
  await adapter.start();
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: [...adapter.routes], logger: silent });
  return { url: `http://127.0.0.1:${String(server.port)}${INTERACTIONS_PATH}`, adapter, server };
}

async function stopEndpoint(e: Endpoint): Promise<void> {
  await e.adapter.stop();
  await e.server.close();
}

/** What an immediate message reply carries. */
interface MessageReply {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
    components?: { components: { custom_id: string; label: string }[] }[];
    allowed_mentions: unknown;
  };
}

async function ask(payload: unknown, url = endpoint.url): Promise<MessageReply> {
  const r = await postSigned(url, signer, payload);
  expect(r.status).toBe(200);
  expectWithinLimits(r.body);
  return r.body as MessageReply;
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  endpoint = await startEndpoint();
});

afterAll(async () => {
  await stopEndpoint(endpoint);
  await fake.close();
});

afterEach(() => {
  expectAllWithinLimits(fake.calls);
});

describe('the HTTP interactions endpoint', () => {
  it('answers a signed PING with a PONG', async () => {
    const r = await postSigned(endpoint.url, signer, ping());
    expect(r).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses a forged signature with 401 and runs nothing', async () => {
    const before = fake.calls.length;
    const forger = createSigner();
    const r = await postSigned(endpoint.url, forger, command('ecuador', { topic: 'homicides' }));
    expect(r.status).toBe(401);
    expect(r.body).toBe('invalid request signature\n');
    expect(fake.calls.length).toBe(before);
  });

  it('refuses a missing signature, and a body changed after signing, with 401', async () => {
    const body = JSON.stringify(ping());
    const unsigned = await fetch(endpoint.url, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    const headers = signer.headers(body);
    const tampered = await fetch(endpoint.url, { method: 'POST', headers, body: body.replace('"type":1', '"type":2') });
    expect(tampered.status).toBe(401);
  });

  it.each([
    ['a week old', -7 * 24 * 3600],
    ['6 minutes old', -6 * 60],
    ['6 minutes ahead', 6 * 60],
  ])('refuses a correctly signed request with a timestamp %s, and runs nothing', async (_, offset) => {
    const before = fake.calls.length;
    const body = JSON.stringify(command('ecuador', { topic: 'homicides' }));
    const r = await fetch(endpoint.url, { method: 'POST', headers: signer.headers(body, String(Math.floor(Date.now() / 1000) + offset)), body });
    expect(r.status).toBe(401);
    expect(fake.calls.length).toBe(before);
  });

  it('obeys a signed request once: the same bytes sent again are refused', async () => {
    const body = JSON.stringify(ping());
    const headers = signer.headers(body);
    expect((await fetch(endpoint.url, { method: 'POST', headers, body })).status).toBe(200);
    expect((await fetch(endpoint.url, { method: 'POST', headers, body })).status).toBe(401);
    // A new signature (a new request) is answered.
    expect((await postSigned(endpoint.url, signer, ping())).status).toBe(200);
  });

  it('answers only POST', async () => {
    const r = await fetch(endpoint.url);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
  });

  it('refuses a signed body that is not an interaction with 400', async () => {
    expect((await postSigned(endpoint.url, signer, { hello: 'world' })).status).toBe(400);
  });

  it.each([
    ['homi', 'homicides'],
    ['homcide', 'homicides'],
    ['cartel', 'gangs'],
  ])('autocompletes %j with the topic %j first', async (typed, first) => {
    const r = await postSigned(endpoint.url, signer, autocomplete('ecuador', typed));
    const body = r.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(limitProblems(ChoicesSchema, body.data.choices)).toEqual([]);
    expect(body.data.choices[0]?.value).toBe(first);
  });

  it('autocompletes nothing typed with every topic, at most 25', async () => {
    const library = await ecuadorLibrary();
    const r = await postSigned(endpoint.url, signer, autocomplete('ecuador', ''));
    const { choices } = (r.body as { data: { choices: { value: string }[] } }).data;
    expect(choices.map((c) => c.value)).toEqual(library.subjects[0]?.set.topics.slice(0, 25).map((t) => t.name));
  });

  it('offers words that match no topic as a free-text search', async () => {
    const r = await postSigned(endpoint.url, signer, autocomplete('ecuador', 'banana ports'));
    expect((r.body as { data: { choices: unknown[] } }).data.choices).toEqual([{ name: 'Search the articles for “banana ports”', value: 'banana ports' }]);
  });

  it('answers /ecuador topic:homicides with the briefing embed, only to the user, mentions off, with a Share button', async () => {
    const r = await ask(command('ecuador', { topic: 'homicides' }));
    expect(r.type).toBe(4);
    expect(r.data.flags).toBe(64);
    expect(r.data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = r.data.embeds;
    expect(embed?.title).toMatch(/— Homicides$/);
    expect(embed?.description).toMatch(/homicide rate/i);
    expect(embed?.description).toMatch(/sources (disagree|round differently)/);
    expect(embed?.fields?.map((f) => f.name)).toContain('Sources');
    expect(embed?.footer?.text).toMatch(/^5 articles · ~?20\d\d-\d\d-\d\d/);
    expect(r.data.components?.[0]?.components[0]).toMatchObject({ label: 'Share', custom_id: 'share:ecuador:homicides' });
  });

  it('answers an unknown topic with suggestions and the topic list', async () => {
    const r = await ask(command('ecuador', { topic: 'homcide' }));
    expect(r.data.flags).toBe(64);
    expect(r.data.content).toContain('No topic “homcide”');
    expect(r.data.content).toContain('Did you mean **homicides**?');
    expect(r.data.content).toContain('Topics: homicides, cocaine');
    expect(r.data.components).toBeUndefined();
  });

  it('refuses overlong input politely', async () => {
    const r = await ask(command('ecuador', { topic: 'x'.repeat(MAX_COMMAND_TEXT + 1) }));
    expect(r.data.content).toBe(
      `That is ${String(MAX_COMMAND_TEXT + 1)} characters; a topic or search takes at most ${String(MAX_COMMAND_TEXT)}. Try a topic name or a few words.`,
    );
  });

  it.each([
    ['topics', /^Topics — /, 'homicides'],
    ['sources', /^Sources — /, '[1]'],
  ])('shows view:%s as a list', async (view, title, line) => {
    const r = await ask(command('ecuador', { view }));
    expect(r.data.embeds[0]?.title).toMatch(title);
    expect(r.data.embeds[0]?.description).toContain(line);
  });

  it('shows view:help with the command forms', async () => {
    const r = await ask(command('ecuador', { view: 'help' }));
    expect(r.data.content).toContain('`/ecuador topic:homicides`');
    expect(r.data.content).toContain('`/ecuador view:topics`');
  });

  it('answers a command it does not serve by naming the ones it does', async () => {
    const r = await ask(command('peru'));
    expect(r.data.content).toBe('/peru is not served here; try `/ecuador`.');
  });

  it('posts the briefing to the channel when Share is pressed: public, without the button', async () => {
    const first = await ask(command('ecuador', { topic: 'homicides' }));
    const customId = first.data.components?.[0]?.components[0]?.custom_id ?? '';
    const shared = await ask(button(customId));
    expect(shared.type).toBe(4);
    expect(shared.data.flags).toBeUndefined();
    expect(shared.data.components).toBeUndefined();
    expect(shared.data.embeds).toEqual(first.data.embeds);
  });

  it('shares long free text through a short id, and says when a Share button has expired', async () => {
    const words = 'the military aid, special forces and security packages that Ecuador asked of its foreign allies';
    const first = await ask(command('ecuador', { topic: words }));
    const customId = first.data.components?.[0]?.components[0]?.custom_id ?? '';
    expect(customId).toMatch(/^share#/);
    const shared = await ask(button(customId));
    expect(shared.data.embeds[0]?.title).toContain(words);
    const expired = await ask(button('share#zzz'));
    expect(expired.data).toMatchObject({ flags: 64, content: 'This Share button has expired. Run the command again to share its answer.' });
  });

  it('defers when the answer is not ready in time, then edits the original message', async () => {
    const slow = await startEndpoint({ deferAfterMs: 0 });
    try {
      const payload = command('ecuador', { topic: 'homicides' });
      const r = await postSigned(slow.url, signer, payload);
      expect(r.body).toEqual({ type: 5, data: { flags: 64 } });
      const [edit] = await fake.waitFor('PATCH', new RegExp(`/webhooks/${APP_ID}/${String(payload.token)}/messages/%40original$`));
      expect(edit?.headers.authorization).toBeUndefined();
      expect((edit?.body as MessageReply['data']).embeds[0]?.title).toMatch(/— Homicides$/);
    } finally {
      await stopEndpoint(slow);
    }
  });

  it('refuses new interactions with 503 once stopping', async () => {
    const e = await startEndpoint();
    await e.adapter.stop();
    expect((await postSigned(e.url, signer, ping())).status).toBe(503);
    await e.server.close();
  });

  it.each([
    [
      'synchronously',
      (): Promise<never> => {
        throw new Error('thrown at once');
      },
    ],
    [
      'asynchronously',
      async (): Promise<never> => {
        await new Promise((r) => setTimeout(r, 5));
        throw new Error('thrown later');
      },
    ],
  ])('answers when the commands throw %s, and the server goes on serving', async (_, handle) => {
    const e = await startEndpoint({}, { handle });
    try {
      const r = await postSigned(e.url, signer, command('ecuador', { topic: 'homicides' }));
      // The user is told, privately; the error goes to the log.
      expect(r).toMatchObject({
        status: 200,
        body: { type: 4, data: { content: 'Sorry, building this answer failed. The error has been logged.', flags: 64 } },
      });
      expect((await fetch(e.url.replace(INTERACTIONS_PATH, '/healthz'))).status).toBe(200);
      expect((await postSigned(e.url, signer, ping())).body).toEqual({ type: 1 });
    } finally {
      await stopEndpoint(e);
    }
  });

  it('hands commands to the chat commands with who asked and where, and offers subscription words as typed', async () => {
    const seen: [CommandContext, string][] = [];
    const library = await ecuadorLibrary();
    const commands: ChatCommands = {
      handle: (ctx, command, text) => {
        seen.push([ctx, text]);
        return Promise.resolve(
          text.startsWith('subscribe')
            ? { kind: 'notice', title: 'Subscribed', lines: ['This channel gets “Homicides” daily at 08:00 UTC.'] }
            : answer(library, command, text),
        );
      },
    };
    const e = await startEndpoint({}, commands);
    try {
      const payload = command('ecuador', { topic: 'subscribe daily 08:00 homicides' });
      const member = payload.member as { permissions: string };
      member.permissions = String(1 << 4);
      const r = await ask(payload, e.url);
      expect(r.data.embeds[0]?.title).toBe('Subscribed');
      expect(r.data.components).toBeUndefined();
      expect(seen).toEqual([
        [
          expect.objectContaining({ platform: 'discord', channel: payload.channel_id, user: expect.stringMatching(/^\d+$/) as unknown }),
          'subscribe daily 08:00 homicides',
        ],
      ]);
      // Discord's rule: members who can manage the channel.
      expect(await seen[0]?.[0].mayChangeDigests()).toEqual({ ok: true });
      await ask(command('ecuador', { view: 'schedule' }), e.url);
      expect(await seen[1]?.[0].mayChangeDigests()).toEqual({ ok: false, who: 'members who can manage this channel (Manage Channels)' });
      expect(seen[1]?.[1]).toBe('schedule');
      const typed = await postSigned(e.url, signer, autocomplete('ecuador', 'subscribe daily 08:00'));
      expect((typed.body as { data: { choices: unknown[] } }).data.choices).toEqual([{ name: 'subscribe daily 08:00', value: 'subscribe daily 08:00' }]);
    } finally {
      await stopEndpoint(e);
    }
  });

  it('puts an "Open full briefing" link beside Share under a briefing when links are on', async () => {
    const library = await ecuadorLibrary();
    const { store } = await sqliteStore();
    const links = createPageLinks({ publicUrl: 'https://sitrep.example', secret: 'd'.repeat(40) });
    const commands = createChatCommands({
      library,
      subscriptions: store.subscriptions,
      configDigests: [],
      defaultTimeZone: 'UTC',
      pageLink: (subject, topic) => links.link(subject, topic, Date.now()),
    });
    const e = await startEndpoint({}, commands);
    try {
      const r = await ask(command('ecuador', { topic: 'homicides' }), e.url);
      const buttons = (r.data.components?.[0]?.components ?? []) as unknown as { style: number; label: string; url?: string; custom_id?: string }[];
      expect(buttons.map((b) => [b.style, b.label])).toEqual([
        [5, 'Open full briefing'],
        [2, 'Share'],
      ]);
      expect(buttons[0]?.url).toMatch(/^https:\/\/sitrep\.example\/b\/ecuador\/homicides\?t=\d+\.[\w-]{43}$/);
    } finally {
      await stopEndpoint(e);
      await store.close();
    }
  });
});
