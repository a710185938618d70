import { describe, expect, it } from 'vitest';
import { discordSettingsFrom } from '../../../src/adapters/discord/settings.js';
import { envFrom } from './harness.js';

const KEY = 'ab'.repeat(32);
const settings = (vars: Record<string, string>): ReturnType<typeof discordSettingsFrom> => discordSettingsFrom(envFrom(vars));

describe('Discord settings from the environment', () => {
  it('are absent when no DISCORD_* variable is set', () => {
    expect(settings({ PORT: '8080' })).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['token and application id: the gateway', { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123' }, { mode: 'gateway', token: 't', applicationId: '123' }],
    [
      'a public key: the HTTP endpoint, token optional',
      { DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: '123' },
      { mode: 'http', publicKey: KEY, token: undefined },
    ],
    [
      'a public key and a token: the HTTP endpoint that can post',
      { DISCORD_PUBLIC_KEY: KEY.toUpperCase(), DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123' },
      { mode: 'http', publicKey: KEY, token: 't' },
    ],
    [
      'an API URL with /v10 and a slash',
      { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123', DISCORD_API_URL: 'http://127.0.0.1:9000/api/v10/' },
      { apiUrl: 'http://127.0.0.1:9000/api' },
    ],
  ])('choose %s', (_, vars, expected) => {
    expect(settings(vars)).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['the token, for the gateway', { DISCORD_APPLICATION_ID: '123' }, 'DISCORD_TOKEN is missing'],
    ['the application id', { DISCORD_TOKEN: 't' }, 'DISCORD_APPLICATION_ID is missing'],
    ['the application id, when only the API URL is set', { DISCORD_API_URL: 'http://127.0.0.1:9000/api' }, 'DISCORD_APPLICATION_ID is missing'],
    ['a malformed public key', { DISCORD_PUBLIC_KEY: 'xyz', DISCORD_APPLICATION_ID: '123' }, 'DISCORD_PUBLIC_KEY must be the 64 hex characters'],
    ['a malformed application id', { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID must be the numeric application id'],
  ])('name %s when it is missing or wrong', (_, vars, message) => {
    const r = settings(vars);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('list every problem at once', () => {
    expect(settings({ DISCORD_API_URL: 'http://127.0.0.1:9000/api' })).toEqual({
      ok: false,
      error:
        'Discord settings: DISCORD_APPLICATION_ID is missing (the application id from the Developer Portal); ' +
        'DISCORD_TOKEN is missing (the bot token; or set DISCORD_PUBLIC_KEY to answer on the HTTP interactions endpoint).',
    });
  });
});
