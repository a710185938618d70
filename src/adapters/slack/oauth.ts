/**
 * Multi-workspace mode: Slack's "Add to Slack" OAuth flow through Bolt's installer (at
 * `/slack/install` and `/slack/oauth_redirect`), a bot token per workspace kept sealed in the
 * store, and uninstalls honoured. Digests name their channel WORKSPACE/CHANNEL (`T0123/C0456`).
 */
import { createHmac } from 'node:crypto';
import type { App, HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { RouteHandler } from '../../server/http.js';
import { createSealer } from '../../store/seal.js';
import type { InstallationStore } from '../../store/store.js';
import { installationId, slackInstallationStore } from './installations.js';
import { SLACK_SCOPES } from './manifest.js';
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH, type SlackOAuthSettings } from './settings.js';

/** The installations of a multi-workspace app, for Bolt and for posting digests. */
export type SlackInstalls = ReturnType<typeof slackInstallationStore>;

/** The installations, sealed under the settings' key. */
export const slackInstalls = (oauth: SlackOAuthSettings, store: InstallationStore, now: () => number): SlackInstalls =>
  slackInstallationStore(store, createSealer(oauth.encryptionKey), now);

const page = (title: string, body: string): string =>
  `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>` +
  `<body style="font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em"><h1>${title}</h1><p>${body}</p>`;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** The HTTP receiver's installer options: Bolt runs the flow, Sitrep keeps the installations and words the pages. */
export function installerReceiverOptions(
  oauth: SlackOAuthSettings,
  installs: SlackInstalls,
  slackApiUrl: string,
  logger: Logger,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    // Signs the state the flow round-trips through Slack; derived, so there is one secret to keep.
    stateSecret: createHmac('sha256', oauth.encryptionKey).update('sitrep slack oauth state').digest('base64url'),
    scopes: [...SLACK_SCOPES],
    installationStore: installs,
    ...(oauth.publicUrl ? { redirectUri: `${oauth.publicUrl.replace(/\/+$/, '')}${SLACK_OAUTH_REDIRECT_PATH}` } : {}),
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      directInstall: true,
      clientOptions: { slackApiUrl },
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          const team = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
          logger.info({ workspace: installation.team?.id ?? installation.enterprise?.id }, `Slack: installed in ${team}`);
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(page('Sitrep is installed', `Sitrep is now in ${escape(team)}. Try its slash command in any channel.`));
        },
        failure: (error, _options, _req, res) => {
          logger.warn({ code: error.code }, `Slack: an install did not complete (${error.code}: ${error.message})`);
          res
            .writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
            .end(page('Sitrep was not installed', `The install did not complete (${escape(error.code)}). <a href="${SLACK_INSTALL_PATH}">Start again</a>.`));
        },
      },
    },
  };
}

/** Forgets a workspace's installation when Slack says Sitrep was removed, or its bot token revoked. */
export function honourUninstalls(app: App, installs: SlackInstalls, logger: Logger): void {
  const forget = async (
    q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined },
    why: string,
  ): Promise<void> => {
    const id = installationId(q);
    await installs.deleteInstallation({ teamId: q.teamId, enterpriseId: q.enterpriseId, isEnterpriseInstall: q.isEnterpriseInstall ?? false });
    logger.info({ workspace: id }, `Slack: ${why} in ${id}; its token is deleted, and its digests fail until Sitrep is installed again`);
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget(context, 'Sitrep was uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    if (event.tokens.bot?.length) await forget(context, 'the bot token was revoked');
  });
}

/** The install routes, served by the receiver (no request signature: a person's browser comes here). */
export function installRoutes(listener: RouteHandler, accepting: () => boolean): { path: string; handler: RouteHandler }[] {
  const handler: RouteHandler = (req, res) => {
    if (!accepting()) {
      res.writeHead(503, { 'retry-after': '5' }).end();
      return;
    }
    return listener(req, res);
  };
  return [SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH].map((path) => ({ path, handler }));
}

/** A digest's channel in multi-workspace mode, WORKSPACE/CHANNEL, in its parts. */
export function splitChannel(channel: string): { team: string; channel: string } | undefined {
  const m = /^([TE][A-Z0-9]+)\/([A-Z0-9]+)$/.exec(channel);
  return m?.[1] && m[2] ? { team: m[1], channel: m[2] } : undefined;
}
