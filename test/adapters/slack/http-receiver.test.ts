/** End to end through Bolt's HTTP receiver on the shared server: signed requests in, Slack's Web API faked on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ACTION, SHARE_ACTION } from '../../../src/render/slack/blocks.js';
import type { ChatCommands, CommandContext } from '../../../src/service/chat.js';
import { answer } from '../../../src/service/commands.js';
import type { Library } from '../../../src/service/library.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { blocksText, ecuadorLibrary, expectWithinSlackLimits, startHttpSlack, type HttpSlack } from './harness.js';
import { actionBody, buttonPayload, commandBody, nowSec, postSigned, SECRET, sign } from './requests.js';

let fake: FakeSlack;
let library: Library;
let slack: HttpSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
  library = await ecuadorLibrary();
  slack = await startHttpSlack(fake, library);
});
afterAll(async () => {
  await slack.close();
  await fake.close();
});

const command = (text: string, id = 'r1') => postSigned(slack.url, commandBody('/ecuador', text, fake.responseUrl(id)));
const button = (block: unknown): { value: string } => (block as { elements: { value: string }[] }).elements[0] ?? { value: '' };

describe('slash commands', () => {
  it('answers /ecuador homicides at once, ephemeral, with the homicide rate, its conflict and a share button', async () => {
    const r = await command('homicides');
    expect(r.status).toBe(200);
    expect(r.json?.response_type).toBe('ephemeral');
    expectWithinSlackLimits({ text: r.json?.text, blocks: r.json?.blocks });
    const text = blocksText(r.json);
    expect(text).toContain('Homicides');
    expect(text).toContain('homicide rate');
    expect(text).toContain('⚠ sources disagree');
    expect(text).toContain(SHARE_ACTION);
  });

  it('answers /ecuador alone with the overview, headed by the subject title and how many articles', async () => {
    const r = await command('');
    expectWithinSlackLimits({ text: r.json?.text, blocks: r.json?.blocks });
    const blocks = r.json?.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0]?.text?.text).toBe(library.subjects[0]?.title);
    expect(blocksText(r.json)).toContain('5 articles · published ~2025-02-19');
  });

  it('answers an unknown topic with a suggestion, not an error', async () => {
    const r = await command('homicdes');
    expect(r.status).toBe(200);
    expectWithinSlackLimits({ text: r.json?.text, blocks: r.json?.blocks });
    expect(blocksText(r.json)).toContain('Did you mean `/ecuador homicides`?');
  });

  it('refuses input over 200 characters politely', async () => {
    const r = await command('x'.repeat(201));
    expectWithinSlackLimits({ text: r.json?.text, blocks: r.json?.blocks });
    expect(r.json?.text).toContain('That is 201 characters; `/ecuador` takes up to 200.');
  });

  it.each([
    ['topics', 'homicides'],
    ['sources', 'AP — Ecuador will seek foreign military aid'],
    ['help', '`/ecuador topics` the topics and their words'],
  ])('answers /ecuador %s', async (text, expected) => {
    const r = await command(text);
    expectWithinSlackLimits({ text: r.json?.text, blocks: r.json?.blocks });
    expect(blocksText(r.json)).toContain(expected);
  });

  it('shares the same briefing in the channel when the button is pressed', async () => {
    const asked = await command('homicides', 'to-share');
    const blocks = asked.json?.blocks as unknown[];
    const value = button(blocks.at(-1)).value;
    const r = await postSigned(slack.url, actionBody(buttonPayload(SHARE_ACTION, value, fake.responseUrl('share'))));
    expect(r.status).toBe(200);
    const posted = await fake.waitFor((c) => c.path === '/respond/share');
    expect(posted.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expectWithinSlackLimits({ text: posted.body.text, blocks: posted.body.blocks });
    // The same briefing, without the button, saying who shared it.
    expect(posted.body.blocks).toEqual([
      ...blocks.slice(0, -1),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Shared by <@U0ALICE>', verbatim: true }] },
    ]);
  });
});

describe('signed bodies Sitrep does not serve', () => {
  it.each([
    '{"name":""}',
    '{"type":"block_suggestion"}',
    '{"type":"view_submission"}',
    '{"type":"shortcut"}',
    '{"type":"message_action"}',
    '{"type":"view_closed"}',
    '{"type":"block_actions","actions":[]}',
    '{"type":"block_actions","actions":[{}]}',
    '{"command":"/ecuador"}',
    '{}',
  ])('refuses %s with 400 before Bolt sees it, and never answers 500', async (body) => {
    const r = await postSigned(slack.url, body, { type: 'application/json' });
    expect(r.status).toBe(400);
    expect(slack.logs.filter((l) => l.msg === 'An unhandled error occurred while Bolt processed an event')).toEqual([]);
  });
});

describe('the "Open full briefing" link button', () => {
  it('is acknowledged when pressed (Slack sends the click too), and posts nothing', async () => {
    const [calls, logs] = [fake.calls.length, slack.logs.length];
    const r = await postSigned(slack.url, actionBody(buttonPayload(PAGE_ACTION, '', fake.responseUrl('page'))));
    expect(r.status).toBe(200);
    expect(fake.calls.length).toBe(calls);
    expect(slack.logs.slice(logs).filter((l) => (l.level as number) >= 40)).toEqual([]);
  });
});

describe('requests Slack did not sign', () => {
  const refused = (reason: string) => slack.logs.filter((l) => l.reason === reason && String(l.msg).startsWith('Refused a Slack request'));

  it.each([
    ['a forged signature', 'bad-signature', { signature: sign('something else', nowSec()) }],
    ['a wrong signing secret', 'bad-signature', { secret: 'not-the-secret' }],
    ['no signature', 'no-signature', { signature: null }],
    ['a timestamp 6 minutes old', 'stale', { ts: nowSec() - 6 * 60 }],
    ['a timestamp 6 minutes ahead', 'future', { ts: nowSec() + 6 * 60 }],
  ] as const)('refuses %s with 401, logs it, and runs nothing', async (_, reason, opts) => {
    const before = fake.calls.length;
    const r = await postSigned(slack.url, commandBody('/ecuador', 'homicides', fake.responseUrl('forged')), opts);
    expect(r).toEqual({ status: 401, json: undefined });
    expect(refused(reason)).not.toHaveLength(0);
    expect(fake.calls.length).toBe(before);
  });

  it('refuses the same signed request sent twice', async () => {
    const body = commandBody('/ecuador', 'cocaine', fake.responseUrl('replay'));
    const ts = nowSec();
    const before = refused('replay').length;
    expect((await postSigned(slack.url, body, { ts })).status).toBe(200);
    expect((await postSigned(slack.url, body, { ts })).status).toBe(401);
    expect(refused('replay')).toHaveLength(before + 1);
  });
});

describe('bodies that must not stop the bot', () => {
  const healthz = (): Promise<number> => fetch(slack.url.replace('/slack/events', '/healthz')).then((r) => r.status);
  let asked = 0;
  const stillAnswers = async (): Promise<void> => {
    expect(await healthz()).toBe(200);
    expect((await command('homicides', `after-${String(++asked)}`)).status).toBe(200);
  };

  it('refuses an unsigned body over 256 KiB with 413 and goes on serving', async () => {
    const r = await fetch(slack.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'A'.repeat(256 * 1024 + 1) });
    expect(r.status).toBe(413);
    expect(slack.logs.some((l) => l.reason === 'too-large')).toBe(true);
    await stillAnswers();
  });

  it.each([
    ['a form whose payload is null', 'application/x-www-form-urlencoded', 'payload=null'],
    ['a form whose payload is not JSON', 'application/x-www-form-urlencoded', 'payload=%7Bnope'],
    ['a JSON null', 'application/json', 'null'],
    ['a JSON array', 'application/json', '[1,2]'],
    ['a JSON string', 'application/json', '"hello"'],
  ])('refuses a signed body that is %s with 400 and goes on serving', async (_, type, body) => {
    const ts = nowSec();
    const r = await fetch(slack.url, {
      method: 'POST',
      headers: { 'content-type': type, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) },
      body,
    });
    expect(r.status).toBe(400);
    await stillAnswers();
  });
});

describe('commands with who asked and where', () => {
  it('are handed the channel and user, and repeated questions come from the rendered-reply cache', async () => {
    const seen: CommandContext[] = [];
    const commands: ChatCommands = {
      handle: (ctx, cmd, text) => {
        seen.push(ctx);
        return Promise.resolve(
          text.startsWith('subscribe') ? { kind: 'notice', title: 'Subscribed', lines: [`${ctx.channel} gets it`] } : answer(library, cmd, text),
        );
      },
    };
    const chat = await startHttpSlack(fake, library, {
      commands,
      settings: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, managers: ['UBOB', 'S0EDITORS'] },
    });
    try {
      const first = await postSigned(chat.url, commandBody('/ecuador', 'cocaine', fake.responseUrl('c1')));
      const again = await postSigned(chat.url, commandBody('/ecuador', '  cocaine ', fake.responseUrl('c2')));
      expect(again.json).toEqual(first.json);
      expect(seen).toEqual([expect.objectContaining({ platform: 'slack', channel: 'C_NEWS', user: 'U0ALICE' })]);
      // Who may subscribe: Alice is no manager by name, but Slack says she is in the S0EDITORS group.
      expect(await seen[0]?.mayChangeDigests()).toEqual({ ok: true });
      expect(fake.calls.filter((c) => c.path === '/api/usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0EDITORS']);
      // A notice depends on the store and on who asks: never cached.
      for (const id of ['s1', 's2']) {
        const r = await postSigned(chat.url, commandBody('/ecuador', 'subscribe 9:00', fake.responseUrl(id)));
        expect(blocksText(r.json)).toContain('C_NEWS gets it');
      }
      expect(seen).toHaveLength(3);
    } finally {
      await chat.close();
    }
  });
});

describe('a slow answer', () => {
  it('is acknowledged within the budget and followed up through response_url', async () => {
    const slow: ChatCommands = {
      handle: async (_ctx, cmd, text) => {
        await new Promise((r) => setTimeout(r, 300));
        return answer(library, cmd, text);
      },
    };
    const patient = await startHttpSlack(fake, library, { commands: slow, ackBudgetMs: 50 });
    try {
      const started = Date.now();
      const r = await postSigned(patient.url, commandBody('/ecuador', 'homicides', fake.responseUrl('slow')));
      expect(r).toEqual({ status: 200, json: undefined });
      expect(Date.now() - started).toBeLessThan(250);
      const followUp = await fake.waitFor((c) => c.path === '/respond/slow');
      expect(followUp.body.response_type).toBe('ephemeral');
      expectWithinSlackLimits({ text: followUp.body.text, blocks: followUp.body.blocks });
      expect(blocksText(followUp.body)).toContain('homicide rate');
    } finally {
      await patient.close();
    }
  });
});
