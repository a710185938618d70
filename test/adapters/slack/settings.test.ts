import { describe, expect, it } from 'vitest';
import { slackMode, slackSettingsFrom } from '../../../src/adapters/slack/settings.js';
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
    expect(http).toEqual({ ok: true, value: { botToken: 'xoxb-1', signingSecret: 's', appToken: undefined, apiUrl: 'http://127.0.0.1:9/api/' } });
    const socket = settings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.ok && socket.value && slackMode(socket.value)).toBe('socket');
    expect(http.ok && http.value && slackMode(http.value)).toBe('http');
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN is not set, but SLACK_SIGNING_SECRET is.'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN is not set, but SLACK_APP_TOKEN is.'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'neither SLACK_SIGNING_SECRET (HTTP: a server Slack can reach) nor SLACK_APP_TOKEN (Socket Mode: a laptop or private network) is. Set one of them.'],
    [{ SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN holds an app-level token (xapp-…).'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN must be an app-level token (xapp-…'],
  ])('name what is missing or wrong: %o', (vars, message) => {
    const r = settings(vars);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
