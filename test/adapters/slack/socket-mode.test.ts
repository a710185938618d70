/** Socket Mode end to end: apps.connections.open and the WebSocket on the loopback fake; commands arrive as envelopes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/adapter.js';
import { SHARE_ACTION } from '../../../src/render/slack/blocks.js';
import type { Library } from '../../../src/service/library.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { blocksText, ecuadorLibrary, expectWithinSlackLimits, recordingLogger } from './harness.js';
import { buttonPayload, commandFields } from './requests.js';

let fake: FakeSlack;
let library: Library;
let adapter: SlackAdapter;

beforeAll(async () => {
  fake = await startFakeSlack();
  library = await ecuadorLibrary();
  adapter = createSlackAdapter({ library, logger: recordingLogger().logger, settings: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl } });
  await adapter.start();
  await fake.socketConnected();
});
afterAll(async () => {
  await adapter.stop();
  await fake.close();
});

const commandPayload = (text: string, id: string): Record<string, string> => commandFields('/ecuador', text, fake.responseUrl(id));

describe('Socket Mode', () => {
  it('connects with the app token and serves no HTTP route', async () => {
    const open = await fake.waitFor((c) => c.path === '/api/apps.connections.open');
    expect(open.headers.authorization).toBe('Bearer xapp-test');
    expect(adapter.mode).toBe('socket');
    expect(adapter.routes).toEqual([]);
  });

  it('answers /ecuador homicides in the envelope ack', async () => {
    const ack = await fake.envelope({ envelope_id: 'env-1', type: 'slash_commands', payload: commandPayload('homicides', 's1') });
    const payload = ack.payload as Record<string, unknown>;
    expect(payload.response_type).toBe('ephemeral');
    expectWithinSlackLimits({ text: payload.text, blocks: payload.blocks });
    expect(blocksText(payload)).toContain('homicide rate');
    expect(blocksText(payload)).toContain('⚠ sources disagree');
  });

  it('shares in the channel through response_url when the button is pressed', async () => {
    const ack = await fake.envelope({ envelope_id: 'env-2', type: 'slash_commands', payload: commandPayload('cocaine', 's2') });
    const blocks = (ack.payload as { blocks: { elements?: { value: string }[] }[] }).blocks;
    const value = blocks.at(-1)?.elements?.[0]?.value ?? '';
    await fake.envelope({ envelope_id: 'env-3', type: 'interactive', payload: buttonPayload(SHARE_ACTION, value, fake.responseUrl('s-share')) });
    const shared = await fake.waitFor((c) => c.path === '/respond/s-share');
    expect(shared.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expectWithinSlackLimits({ text: shared.body.text, blocks: shared.body.blocks });
    expect(blocksText(shared.body)).toContain('Cocaine');
  });
});

describe('start-up', () => {
  it.each([
    ['auth.test', { botToken: 'xoxb-bad', signingSecret: 's' }, 'Slack refused SLACK_BOT_TOKEN (invalid_auth).'],
    ['apps.connections.open', { botToken: 'xoxb-test', appToken: 'xapp-bad' }, 'Slack refused SLACK_APP_TOKEN (invalid_auth).'],
  ])('fails clearly when Slack refuses a token at %s', async (method, settings, message) => {
    fake.script(method, { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const bad = createSlackAdapter({ library, logger: recordingLogger().logger, settings: { ...settings, apiUrl: fake.apiUrl } });
    await expect(bad.start()).rejects.toThrow(message);
    await bad.stop();
  });
});
