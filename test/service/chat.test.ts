import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dailyCron } from '../../src/schedule/cron.js';
import type { Digest } from '../../src/schedule/digest.js';
import { createChatCommands, type Allowed, type ChatCommands, type CommandContext } from '../../src/service/chat.js';
import { loadLibrary, type Library } from '../../src/service/library.js';
import type { Store } from '../../src/store/store.js';
import { sqliteStore } from '../schedule/harness.js';

let library: Library;
let store: Store;
let commands: ChatCommands;
const NOW = Date.parse('2025-06-10T10:00:00Z');
const fromConfig: Digest = {
  id: 'ecuador-morning',
  platform: 'slack',
  channel: 'C1',
  subject: 'ecuador',
  cron: dailyCron(7, 0),
  timeZone: 'UTC',
  origin: 'config',
};

beforeAll(async () => {
  const r = await loadLibrary(['ecuador'], join(import.meta.dirname, '../../briefings'));
  if (!r.ok) throw new Error(r.error.message);
  library = r.value;
});

beforeEach(async () => {
  ({ store } = await sqliteStore());
  commands = createChatCommands({ library, subscriptions: store.subscriptions, configDigests: [fromConfig], defaultTimeZone: 'UTC', now: () => NOW });
});

const YES = (): Promise<Allowed> => Promise.resolve({ ok: true });
const slack = (over: Partial<CommandContext> = {}): CommandContext => ({ platform: 'slack', channel: 'C1', user: 'U1', mayChangeDigests: YES, ...over });
const lines = async (ctx: CommandContext, text: string): Promise<[string, string[]]> => {
  const r = await commands.handle(ctx, 'ecuador', text);
  if (r.kind !== 'notice') throw new Error(`expected a notice, got ${r.kind}`);
  return [r.title, r.lines];
};
const TITLE = '“Ecuador seeks foreign military help against drug cartels (Feb 2025)';

describe('several subscriptions in one channel', () => {
  it('says what a new time replaces, asks which one a bare unsubscribe means, and removes one, or all', async () => {
    await lines(slack(), 'subscribe daily 08:00 homicides');
    const [, again] = await lines(slack(), 'subscribe daily 10:00 homicides');
    expect(again).toContain('It replaces the earlier daily 08:00 UTC.');
    await lines(slack(), 'subscribe daily 09:00');
    const [title, asked] = await lines(slack(), 'unsubscribe');
    expect(title).toBe('Which subscription?');
    expect(asked).toEqual([
      `/ecuador unsubscribe homicides — ${TITLE} — homicides”, daily 10:00 UTC`,
      `/ecuador unsubscribe overview — ${TITLE}”, daily 09:00 UTC`,
      '/ecuador unsubscribe all — every one of them',
    ]);
    expect(await store.subscriptions.list()).toHaveLength(2);
    expect((await lines(slack(), 'unsubscribe overview'))[0]).toBe('Unsubscribed');
    expect((await store.subscriptions.list()).map((x) => x.topic)).toEqual(['homicides']);
    await lines(slack(), 'subscribe daily 09:00');
    expect((await lines(slack(), 'unsubscribe all'))[0]).toBe('Unsubscribed');
    expect(await store.subscriptions.list()).toEqual([]);
  });
});

describe('subscribing a channel from chat', () => {
  it('stores the subscription, answers when it runs next, and leaves briefings alone', async () => {
    expect(await lines(slack(), 'subscribe weekdays 07:30 murder America/Guayaquil')).toEqual([
      'Subscribed',
      [
        `This channel gets ${TITLE} — homicides”: weekdays 07:30 America/Guayaquil, next 2025-06-10 07:30 America/Guayaquil (in 2 h 30 min).`,
        "Stop it with /ecuador unsubscribe homicides; list this channel's digests with /ecuador schedule.",
      ],
    ]);
    expect(await store.subscriptions.list()).toEqual([
      expect.objectContaining({
        platform: 'slack',
        channel: 'C1',
        subject: 'ecuador',
        topic: 'homicides',
        cron: '30 7 * * 1-5',
        timeZone: 'America/Guayaquil',
        createdBy: 'U1',
        createdAt: NOW,
      }),
    ]);
    expect((await commands.handle(slack(), 'ecuador', 'homicides')).kind).toBe('briefing');
  });

  it("lists the channel's subscriptions and config digests with `schedule`", async () => {
    await commands.handle(slack(), 'ecuador', 'subscribe daily 08:00');
    await commands.handle(slack({ channel: 'C2' }), 'ecuador', 'subscribe daily 09:00');
    expect(await lines(slack(), 'schedule')).toEqual([
      'Digests in this channel',
      [
        `${TITLE}”: daily 08:00 UTC, next 2025-06-11 08:00 UTC (in 22 h) (subscribed by U1)`,
        `${TITLE}”: daily 07:00 UTC, next 2025-06-11 07:00 UTC (in 21 h) (from config, ecuador-morning)`,
      ],
    ]);
    expect(await lines(slack({ channel: 'C3' }), 'schedule')).toEqual([
      'No digests here',
      [
        'This channel gets no /ecuador digest. Start one with /ecuador subscribe daily 08:00 [topic] [time zone], ' +
          'as in /ecuador subscribe weekdays 07:30 homicides America/Bogota.',
      ],
    ]);
  });

  it('unsubscribes, and says that config digests stay', async () => {
    await commands.handle(slack(), 'ecuador', 'subscribe daily 08:00 homicides');
    expect(await lines(slack(), 'unsubscribe')).toEqual([
      'Unsubscribed',
      [`No more ${TITLE} — homicides” (daily 08:00 UTC).`, "1 digest from Sitrep's config still posts here; they change only in config/sitrep.yaml."],
    ]);
    expect(await lines(slack(), 'unsubscribe')).toEqual([
      'Nothing to unsubscribe',
      ['This channel has no /ecuador subscription.', "1 digest from Sitrep's config still posts here; they change only in config/sitrep.yaml."],
    ]);
  });

  it('answers an unknown topic with suggestions, and stores nothing', async () => {
    expect(await lines(slack(), 'subscribe daily 08:00 homicdes')).toEqual([
      'Not subscribed',
      [
        "No topic 'homicdes' in /ecuador. Did you mean homicides?",
        'Topics: homicides, cocaine, migration, election, military-aid, us-relations, gangs, economy. Free text works too.',
      ],
    ]);
    expect(await store.subscriptions.list()).toEqual([]);
  });
});

describe("who may change a channel's digests", () => {
  it("is the platform's rule: refused, the notice says who may, and anyone may still look", async () => {
    const refused: CommandContext = {
      platform: 'any',
      channel: '7001',
      user: '42',
      mayChangeDigests: () => Promise.resolve({ ok: false, who: 'members who can manage this channel (Manage Channels)' }),
    };
    expect(await lines(refused, 'subscribe daily 08:00')).toEqual([
      'Not allowed',
      ["Only members who can manage this channel (Manage Channels) may change this channel's digests."],
    ]);
    expect((await lines({ ...refused, mayChangeDigests: YES }, 'subscribe daily 08:00'))[0]).toBe('Subscribed');
    expect((await lines(refused, 'schedule'))[0]).toBe('Digests in this channel');
    const hinted: CommandContext = { ...refused, mayChangeDigests: () => Promise.resolve({ ok: false, who: 'the editors', hint: 'Ask one of them.' }) };
    expect(await lines(hinted, 'unsubscribe')).toEqual(['Not allowed', ["Only the editors may change this channel's digests. Ask one of them."]]);
  });
});
