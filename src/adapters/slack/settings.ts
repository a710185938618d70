/** Which Slack secrets are set, checked once at start-up: missing or swapped ones are named. */
import { z } from 'zod';
import { describeIssues } from '../../schema/issues.js';
import { strictObject } from '../../schema/strict-object.js';
import { envText, envUrl, readVariables, type Env } from '../../config/env.js';
import { err, ok, type Result } from '../../core/result.js';

/** Slack's variables: read here, not in Sitrep's own environment schema. */
export const SLACK_VARIABLES = {
  SLACK_BOT_TOKEN: envText,
  SLACK_SIGNING_SECRET: envText,
  SLACK_APP_TOKEN: envText,
  SLACK_API_URL: envUrl.optional(),
  SLACK_CLIENT_ID: envText,
  SLACK_CLIENT_SECRET: envText,
};
type SlackVariables = z.output<z.ZodObject<typeof SLACK_VARIABLES>>;

/** Where Slack sends commands and button presses in HTTP mode (the manifest's request URL path). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Where Slack's "Add to Slack" flow starts and comes back, in multi-workspace mode. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** Multi-workspace mode: Slack's OAuth install flow, a bot token per workspace kept sealed in the store. */
export interface SlackOAuthSettings {
  /** `SLACK_CLIENT_ID` and `SLACK_CLIENT_SECRET`, from the app's Basic Information page. */
  clientId: string;
  clientSecret: string;
  /** `SITREP_ENCRYPTION_KEY`: seals the tokens at rest and signs the install flow's state. */
  encryptionKey: string;
  /** `SITREP_PUBLIC_URL`: the redirect URL Slack is told, when set. */
  publicUrl?: string | undefined;
}

/** Slack's section of `sitrep.yaml`: who may change subscriptions and add pages. */
export const SLACK_CONFIG = strictObject({
  /** Slack users (U…/W…) and user groups (S…); empty lets everyone. */
  managers: z.array(z.string().regex(/^[UWS][A-Z0-9]{2,}$/, 'expected a Slack user id (U… or W…) or user-group id (S…)')).default([]),
});

/** What the Slack adapter needs from the environment and its section of the config. */
export interface SlackSettings {
  /** Who may change subscriptions and add pages (`slack.managers`): user and group ids; empty lets everyone. */
  managers?: readonly string[] | undefined;
  /** `SLACK_BOT_TOKEN` (xoxb-…): posts messages, in one workspace. Empty in multi-workspace mode. */
  botToken: string;
  /** Multi-workspace mode (OAuth installs) instead of one bot token. */
  oauth?: SlackOAuthSettings | undefined;
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
export function slackSettingsFrom(env: Env, section?: unknown): Result<SlackSettings | undefined, string> {
  const settings = slackSettingsOf(env);
  if (!settings.ok || !settings.value) return settings;
  const config = SLACK_CONFIG.safeParse(section ?? {});
  return config.success
    ? ok({ ...settings.value, managers: config.data.managers })
    : err(
        describeIssues(config.error)
          .map((l) => `slack.${l}`)
          .join('; '),
      );
}

function slackSettingsOf(env: Env): Result<SlackSettings | undefined, string> {
  const read = readVariables(SLACK_VARIABLES, env);
  if (!read.ok) return err(read.error.join('; '));
  const vars = read.value;
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = vars;
  if (vars.SLACK_CLIENT_ID || vars.SLACK_CLIENT_SECRET) return oauthSettingsFrom(vars, env);
  if (!botToken && !signingSecret && !appToken) return ok(undefined);
  if (!botToken) {
    const given = signingSecret ? 'SLACK_SIGNING_SECRET' : 'SLACK_APP_TOKEN';
    return err(`SLACK_BOT_TOKEN is not set, but ${given} is. Set SLACK_BOT_TOKEN to the app's Bot User OAuth Token (xoxb-…, under OAuth & Permissions).`);
  }
  if (!signingSecret && !appToken) {
    return err(
      'SLACK_BOT_TOKEN is set, but neither SLACK_SIGNING_SECRET (HTTP: a server Slack can reach) ' +
        'nor SLACK_APP_TOKEN (Socket Mode: a laptop or private network) is. Set one of them.',
    );
  }
  if (botToken.startsWith('xapp-'))
    return err('SLACK_BOT_TOKEN holds an app-level token (xapp-…). It takes the Bot User OAuth Token (xoxb-…); the xapp- token goes in SLACK_APP_TOKEN.');
  if (appToken && !appToken.startsWith('xapp-'))
    return err('SLACK_APP_TOKEN must be an app-level token (xapp-…, under Basic Information > App-Level Tokens, with the connections:write scope).');
  return ok({ botToken, signingSecret, appToken, apiUrl });
}

/** Multi-workspace mode: the client id and secret, the signing secret (installs and commands arrive over HTTP) and the key tokens are sealed with. */
function oauthSettingsFrom(vars: SlackVariables, env: Env): Result<SlackSettings, string> {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_SIGNING_SECRET: signingSecret } = vars;
  const missing = [
    clientId ? '' : 'SLACK_CLIENT_ID',
    clientSecret ? '' : 'SLACK_CLIENT_SECRET',
    signingSecret ? '' : 'SLACK_SIGNING_SECRET',
    env.SITREP_ENCRYPTION_KEY ? '' : "SITREP_ENCRYPTION_KEY (it seals each workspace's token at rest: openssl rand -base64 32)",
  ].filter(Boolean);
  if (missing.length) return err(`Installing in many workspaces (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET) also needs ${missing.join(', ')}.`);
  if (vars.SLACK_BOT_TOKEN)
    return err(
      'SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set. Keep SLACK_BOT_TOKEN for one workspace, ' +
        'or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs in many; unset the other.',
    );
  if (vars.SLACK_APP_TOKEN)
    return err('SLACK_APP_TOKEN is set with SLACK_CLIENT_ID: installs in many workspaces run over HTTP (SLACK_SIGNING_SECRET). Unset SLACK_APP_TOKEN.');
  return ok({
    botToken: '',
    signingSecret,
    apiUrl: vars.SLACK_API_URL,
    oauth: { clientId: clientId ?? '', clientSecret: clientSecret ?? '', encryptionKey: env.SITREP_ENCRYPTION_KEY ?? '', publicUrl: env.SITREP_PUBLIC_URL },
  });
}
