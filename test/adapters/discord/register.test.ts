import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../../src/adapters/discord/command-definitions.js';
import { registerCommands, runDiscordRegister } from '../../../src/adapters/discord/register.js';
import { CommandSchema, limitProblems } from '../../../src/render/discord/assertions.js';
import { createLibrary, type Library } from '../../../src/service/library.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { ecuadorLibrary, envFrom } from './harness.js';

const GUILD = '800000000000000001';
let fake: FakeDiscord;
let library: Library;

async function register(vars: Record<string, string>, guildId?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDiscordRegister({
    env: envFrom(vars),
    library,
    guildId,
    io: {
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        err += s;
      },
    },
  });
  return { code, out, err };
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  library = await ecuadorLibrary();
});

afterAll(async () => {
  await fake.close();
});

describe('the command registration payload', () => {
  it("has one chat-input command per subject, named by its briefing.yaml, within Discord's rules", () => {
    const defs = commandDefinitions(library);
    expect(defs.map((d) => d.name)).toEqual(['ecuador']);
    for (const d of defs) expect(limitProblems(CommandSchema, d)).toEqual([]);
    expect(commandDefinitions(createLibrary([]))).toEqual([]);
  });

  it(
    'has a free-text topic option that autocompletes, capped at the command text limit, ' +
      "and a view choice for topics, sources, help and the channel's digests",
    () => {
      const [def] = commandDefinitions(library);
      expect(def?.description).toMatch(/^Briefing: Ecuador seeks foreign military help/);
      expect(def?.options).toEqual([
        expect.objectContaining({ type: 3, name: 'topic', autocomplete: true, max_length: 200 }),
        expect.objectContaining({
          type: 3,
          name: 'view',
          choices: ['topics', 'sources', 'help', 'schedule'].map((value) => expect.objectContaining({ value }) as unknown),
        }),
      ]);
      expect(def?.options.some((o) => o.required)).toBe(false);
    },
  );
});

describe('sitrep discord register', () => {
  const vars = (over: Record<string, string> = {}): Record<string, string> => ({
    DISCORD_TOKEN: 'reg-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.api,
    ...over,
  });

  it('registers the commands globally with one PUT carrying the payload', async () => {
    const r = await register(vars());
    const [put] = fake.callsTo('PUT', new RegExp(`^/api/v10/applications/${APP_ID}/commands$`));
    expect(r).toEqual({ code: 0, out: 'Registered /ecuador globally.\n', err: '' });
    expect(put?.headers.authorization).toBe('Bot reg-token');
    expect(put?.body).toEqual(commandDefinitions(library));
  });

  it('registers in one guild with --guild, for instant updates', async () => {
    const r = await register(vars(), GUILD);
    expect(r.out).toBe(`Registered /ecuador in guild ${GUILD}; they show there at once.\n`);
    expect(fake.callsTo('PUT', new RegExp(`^/api/v10/applications/${APP_ID}/guilds/${GUILD}/commands$`))).toHaveLength(1);
  });

  it.each([
    ['a missing token', { DISCORD_TOKEN: '' }, 'DISCORD_TOKEN is missing'],
    ['a missing application id', { DISCORD_APPLICATION_ID: '' }, 'DISCORD_APPLICATION_ID is missing'],
  ])('fails with %s, naming it', async (_, over, message) => {
    const r = await register(vars(over));
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
  });

  it('says when Discord refuses the token', async () => {
    fake.script('PUT', /\/commands$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    expect(await register(vars())).toEqual({ code: 1, out: '', err: 'Discord refused DISCORD_TOKEN (401): check the bot token.\n' });
  });

  it('says when the bot may not add commands to the guild', async () => {
    fake.script('PUT', /\/commands$/, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    const r = await register(vars(), GUILD);
    expect(r.err).toBe(`Discord refused commands in guild ${GUILD} (403 Missing Access): invite the bot there with the applications.commands scope.\n`);
  });

  it('refuses a guild that is not an id, and a subject whose command Discord would refuse, before calling Discord', async () => {
    const before = fake.calls.length;
    expect((await register(vars(), 'my-server')).err).toBe("--guild takes a server id (digits), not 'my-server'.\n");
    const [subject] = library.subjects;
    if (!subject) throw new Error('no subject');
    const bad = createLibrary([{ ...subject, command: 'Ecuador News' }]);
    const r = await registerCommands({ library: bad, applicationId: APP_ID, token: 't', apiUrl: fake.api });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('/ecuador news name:') as unknown });
    expect(fake.calls.length).toBe(before);
  });
});
