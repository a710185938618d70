/** Which Slack secrets are set, checked once at start-up: missing or swapped ones are named. */
import type { Env } from '../../config/env.js';
import { err, ok, type Result } from '../../core/result.js';

/** Where Slack sends commands and button presses in HTTP mode (the manifest's request URL path). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** What the Slack adapter needs from the environment. */
export interface SlackSettings {
  /** `SLACK_BOT_TOKEN` (xoxb-…): posts messages. */
  botToken: string;
  /** `SLACK_SIGNING_SECRET`: verifies requests to the HTTP receiver. */
  signingSecret?: string | undefined;
  /** `SLACK_APP_TOKEN` (xapp-…): connects in Socket Mode. */
  appToken?: string | undefined;
  /** `SLACK_API_URL`: the Web API's base URL, for proxies and fakes. */
  apiUrl?: string | undefined;
}

/** Socket Mode when an app token is set (a laptop, a private network); the HTTP receiver otherwise. */
export const slackMode = (s: SlackSettings): 'socket' | 'http' => (s.appToken ? 'socket' : 'http');

/**
 * The Slack settings, or `undefined` when no Slack secret is set (Slack is off). A partial set is an
 * error that says which variable to add or fix.
 */
export function slackSettingsFrom(env: Env): Result<SlackSettings | undefined, string> {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = env;
  if (!botToken && !signingSecret && !appToken) return ok(undefined);
  if (!botToken) {
    const given = signingSecret ? 'SLACK_SIGNING_SECRET' : 'SLACK_APP_TOKEN';
    return err(`SLACK_BOT_TOKEN is not set, but ${given} is. Set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions).`);
  }
  if (!signingSecret && !appToken) {
    return err('SLACK_BOT_TOKEN is set, but neither SLACK_SIGNING_SECRET (HTTP: a server Slack can reach) nor SLACK_APP_TOKEN (Socket Mode: a laptop or private network) is. Set one of them.');
  }
  if (botToken.startsWith('xapp-')) return err('SLACK_BOT_TOKEN holds an app-level token (xapp-…). It takes the Bot User OAuth Token (xoxb-…); the xapp- token goes in SLACK_APP_TOKEN.');
  if (appToken && !appToken.startsWith('xapp-')) return err('SLACK_APP_TOKEN must be an app-level token (xapp-…, under Basic Information > App-Level Tokens, with the connections:write scope).');
  return ok({ botToken, signingSecret, appToken, apiUrl });
}
