import { describe, expect, it } from 'vitest';
import { slackMode, slackSettingsFrom } from '../../../src/adapters/slack/settings.js';
import { managersRule } from '../../../src/adapters/slack/adapter.js';
import { readEnv } from '../../../src/config/env.js';

const settings = (vars: Record<string, string>) => {
  const env = readEnv(vars);
  if (!env.ok) throw new Error(env.error.join('\n'));
  return slackSettingsFrom(env.value);
};

describe('Slack settings from the environment', () => {
  it('are off when no Slack secret is set', () => {
    expect(settings({ SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toEqual({ ok: true, value: undefined });
    expect(settings({ SLACK_BOT_TOKEN: '' })).toEqual({ ok: true, value: undefined });
  });

  it('use the HTTP receiver with a signing secret, and Socket Mode with an app token', () => {
    const http = settings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
    expect(http).toEqual({ ok: true, value: { botToken: 'xoxb-1', signingSecret: 's', appToken: undefined, apiUrl: 'http://127.0.0.1:9/api/', managers: [] } });
    const socket = settings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok && socket.value && slackMode(socket.value)).toBe('socket');
    expect(http.ok && http.value && slackMode(http.value)).toBe('http');
  });

  it('take who may change digests from their section of the config (slack.managers), saying what is wrong there', () => {
    const env = readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    if (!env.ok) throw new Error(env.error.join('\n'));
    expect(slackSettingsFrom(env.value, { managers: ['U0ALICE', 'S0EDITORS'] })).toMatchObject({ ok: true, value: { managers: ['U0ALICE', 'S0EDITORS'] } });
    expect(slackSettingsFrom(env.value, { managers: ['bob'] })).toEqual({
      ok: false,
      error: 'slack.managers[0]: expected a Slack user id (U… or W…) or user-group id (S…)',
    });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN is not set, but SLACK_SIGNING_SECRET is.'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN is not set, but SLACK_APP_TOKEN is.'],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'neither SLACK_SIGNING_SECRET (HTTP: a server Slack can reach) nor SLACK_APP_TOKEN (Socket Mode: a laptop or private network) is. Set one of them.',
    ],
    [{ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN holds an app-level token (xapp-…).'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN must be an app-level token (xapp-…'],
  ])('name what is missing or wrong: %o', (vars, message) => {
    const r = settings(vars);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe("Slack's rule for who may change digests", () => {
  const asked: string[][] = [];
  const memberOf =
    (user: string) =>
    (groups: readonly string[]): Promise<boolean> => {
      asked.push([...groups]);
      return Promise.resolve(user === 'U2' && groups.includes('S7'));
    };
  const rule = (managers: string[]) => managersRule(managers, memberOf);

  it('lets everyone when slack.managers names no one', async () => {
    expect(await rule([])('U1', undefined)()).toEqual({ ok: true });
  });

  it('lets the users it names, and members of the groups it names (asked of Slack only then)', async () => {
    asked.length = 0;
    expect(await rule(['U9', 'S7'])('U9', undefined)()).toEqual({ ok: true });
    expect(asked).toEqual([]);
    expect(await rule(['U9', 'S7'])('U2', undefined)()).toEqual({ ok: true });
    expect(await rule(['U9', 'S7'])('U1', undefined)()).toEqual({
      ok: false,
      who: "the people named in Sitrep's config (slack.managers)",
      hint: 'Ask one of them, or your Sitrep admin.',
    });
    expect(await rule(['U9'])('U2', undefined)()).toMatchObject({ ok: false });
    expect(asked).toEqual([['S7'], ['S7']]);
  });
});
