/**
 * The Slack adapter on @slack/bolt: slash commands and the share button through the HTTP receiver
 * (mounted on the shared server at `/slack/events`) or Socket Mode, and digests with
 * `chat.postMessage`.
 */
import type { RequestListener } from 'node:http';
import type { RouteHandler } from '../../server/http.js';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { renderSlack } from '../../render/slack/blocks.js';
import { answer as answerFrom } from '../../service/commands.js';
import type { Allowed, ChatCommands } from '../../service/chat.js';
import type { Library } from '../../service/library.js';
import { err, type Result } from '../../core/result.js';
import type { Reply } from '../../render/reply.js';
import type { FirstSight } from '../../server/replay-cache.js';
import type { InstallationStore } from '../../store/store.js';
import type { PlatformAdapter } from '../adapter.js';
import type { PostError, Posted } from '../../schedule/post-outcome.js';
import { boltLogger } from './bolt-logger.js';
import { registerHandlers, type Answer, type HandlerDeps } from './handlers.js';
import { createPoster } from './post.js';
import { createReplyCache } from './reply-cache.js';
import { createRequestGuard } from './request-guard.js';
import { honourUninstalls, installerReceiverOptions, installRoutes, slackInstalls, splitChannel } from './oauth.js';
import { SLACK_EVENTS_PATH, SLACK_INSTALL_PATH, slackMode, type SlackSettings } from './settings.js';

/** What the adapter is made from. */
export interface SlackAdapterDeps {
  library: Library;
  settings: SlackSettings;
  logger: Logger;
  /** Milliseconds since the epoch, for request timestamps; `Date.now` by default. */
  now?: (() => number) | undefined;
  /** Waits before retrying a rate-limited post. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Answers commands with who sent them and where (subscriptions too); `answer(library, …)` when absent. */
  commands?: ChatCommands | undefined;
  /** How long an answer may take before the command is acknowledged and answered later (default 2 s; Slack allows 3). */
  ackBudgetMs?: number | undefined;
  /** How many rendered answers to keep for repeated questions (default 500; 0 turns the cache off). */
  cacheSize?: number | undefined;
  /** How long Bolt waits for a listener before answering a signed request nothing handles with 404 (Bolt's default, 3001 ms). */
  unhandledAfterMs?: number | undefined;
  /** Where each workspace's installation is kept, in multi-workspace mode. */
  installations?: InstallationStore | undefined;
  /** Signed requests seen by every replica, when several share the database. */
  firstSight?: FirstSight | undefined;
}

/** The Slack adapter, and which connection mode its settings chose. */
export interface SlackAdapter extends PlatformAdapter {
  readonly mode: 'socket' | 'http';
}

/** Builds the adapter; nothing connects until `start()`. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { settings, logger } = deps;
  const mode = slackMode(settings);
  const signingSecret = settings.signingSecret ?? '';
  // slackSettingsFrom never gives this; settings made by hand might.
  if (mode === 'http' && !signingSecret) throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP receiver) or SLACK_APP_TOKEN (Socket Mode).');
  const log = boltLogger(logger);
  const slackApiUrl = settings.apiUrl ?? 'https://slack.com/api/';
  const clientOptions = { slackApiUrl, logger: log, retryConfig: { retries: 2 } };
  const { oauth } = settings;
  if (oauth && !deps.installations) throw new Error('Slack in many workspaces needs a store for their installations.');
  const installs = oauth && deps.installations ? slackInstalls(oauth, deps.installations, deps.now ?? Date.now) : undefined;
  const receiver =
    mode === 'http'
      ? new HTTPReceiver({
          signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          processBeforeResponse: false,
          logger: log,
          ...(deps.unhandledAfterMs === undefined ? {} : { unhandledRequestTimeoutMillis: deps.unhandledAfterMs }),
          ...(oauth && installs ? installerReceiverOptions(oauth, installs, slackApiUrl, logger) : {}),
        })
      : undefined;
  const app = new App({
    // In multi-workspace mode Bolt authorizes each request from its workspace's installation.
    ...(installs ? {} : { token: settings.botToken }),
    ...(receiver ? { receiver } : { appToken: settings.appToken ?? '', socketMode: true }),
    logger: log,
    clientOptions,
    // auth.test runs in start(), so a bad token is a start-up error rather than a failed first command.
    deferInitialization: true,
    convoStore: false,
  });

  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };
  const { commands } = deps;
  const answer: Answer = commands
    ? (ctx, command, text) => commands.handle(ctx, command, text)
    : (_ctx, command, text) => answerFrom(deps.library, command, text);
  registerHandlers(app, {
    answer,
    logger,
    ackBudgetMs: deps.ackBudgetMs ?? 2000,
    track,
    cache: createReplyCache(deps.cacheSize ?? 500, () => deps.library.version()),
    mayChangeDigests: managersRule(settings.managers ?? [], groupMembership(app, logger)),
    channelOf: (team, channel) => (installs && team ? `${team}/${channel}` : channel),
  });
  if (installs) honourUninstalls(app, installs, logger);

  // Digests get their own client: it hands 429s back to the poster instead of waiting inside.
  const postClient = new webApi.WebClient(settings.botToken || undefined, {
    slackApiUrl,
    logger: log,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const poster = createPoster({ client: postClient, sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), logger });

  let accepting = false;
  const routes = receiver
    ? [
        { path: SLACK_EVENTS_PATH, handler: httpHandler(receiver, signingSecret, deps.now ?? Date.now, logger, () => accepting, deps.firstSight) },
        ...(installs ? installRoutes(receiver.requestListener, () => accepting) : []),
      ]
    : [];
  /** A digest in multi-workspace mode goes out as its workspace's bot. */
  const postToWorkspace = async (channel: string, reply: Reply, key?: string): Promise<Result<Posted, PostError>> => {
    const where = splitChannel(channel);
    if (!where)
      return err({
        code: 'rejected',
        message: `Sitrep is installed in many Slack workspaces, so a channel is written WORKSPACE/CHANNEL (as T0123ABCD/C0456EFGH); got ${channel}`,
      });
    const token = await installs?.botToken(where.team);
    if (!token)
      return err({
        code: 'rejected',
        message: `Sitrep is not installed in Slack workspace ${where.team} (or was uninstalled); install it at ${SLACK_INSTALL_PATH}`,
      });
    return poster(where.channel, renderSlack(reply), key, token);
  };

  return {
    platform: 'slack',
    mode,
    routes,
    async start() {
      try {
        await app.init();
      } catch (e) {
        throw new Error(startError('SLACK_BOT_TOKEN', e, slackApiUrl));
      }
      if (mode === 'socket') {
        try {
          await app.start();
        } catch (e) {
          throw new Error(startError('SLACK_APP_TOKEN', e, slackApiUrl));
        }
      }
      accepting = true;
      logger.info(
        { mode, commands: deps.library.subjects.map((s) => `/${s.command}`) },
        mode === 'socket'
          ? 'Slack connected in Socket Mode'
          : `Slack receiving on ${SLACK_EVENTS_PATH}` +
              (installs ? `; installs in any workspace at ${SLACK_INSTALL_PATH} (${String((await deps.installations?.count('slack')) ?? 0)} so far)` : ''),
      );
    },
    async stop() {
      accepting = false;
      if (mode === 'socket')
        await app.stop().catch((e: unknown) => {
          logger.warn({ err: e }, 'Slack Socket Mode did not close cleanly');
        });
      await Promise.allSettled([...inFlight]);
    },
    post: (channel, reply, key) => (installs ? postToWorkspace(channel, reply, key) : poster(channel, renderSlack(reply), key)),
  };
}

/**
 * Slack's rule: the users and user groups named in `slack.managers` may change a channel's digests
 * and add pages; with none named, everyone may.
 */
export function managersRule(managers: readonly string[], memberOf: ReturnType<typeof groupMembership>): HandlerDeps['mayChangeDigests'] {
  const users = managers.filter((m) => !m.startsWith('S'));
  const groups = managers.filter((m) => m.startsWith('S'));
  const no: Allowed = { ok: false, who: "the people named in Sitrep's config (slack.managers)", hint: 'Ask one of them, or your Sitrep admin.' };
  return (user, token) => async () => {
    if (!managers.length || users.includes(user)) return { ok: true };
    if (groups.length && (await memberOf(user, token)(groups))) return { ok: true };
    return no;
  };
}

/** Whether a user is in any of some user groups (`usergroups.users.list`, scope usergroups:read); false when Slack will not say. */
function groupMembership(app: App, logger: Logger): (user: string, token: string | undefined) => (groups: readonly string[]) => Promise<boolean> {
  return (user, token) => async (groups) => {
    for (const usergroup of groups) {
      try {
        const r = await app.client.usergroups.users.list({ usergroup, ...(token ? { token } : {}) });
        if (r.users?.includes(user)) return true;
      } catch (e) {
        logger.warn({ err: e, usergroup }, `Could not list the members of Slack user group ${usergroup}`);
      }
    }
    return false;
  };
}

/** The `/slack/events` route: 503 until started, then the request guard, then Bolt. */
function httpHandler(
  receiver: HTTPReceiver,
  signingSecret: string,
  now: () => number,
  logger: Logger,
  accepting: () => boolean,
  firstSight: FirstSight | undefined,
): RouteHandler {
  const next: RequestListener = (req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(404).end();
    }
  };
  const guard = createRequestGuard({ signingSecret, now, logger, next, firstSight });
  return (req, res) => {
    if (!accepting()) {
      res.writeHead(503, { 'retry-after': '5' }).end();
      return;
    }
    return guard(req, res);
  };
}

/** A start-up failure in words: which secret Slack refused, or that Slack could not be reached. */
function startError(variable: string, e: unknown, apiUrl: string): string {
  if (e instanceof webApi.WebAPIPlatformError) {
    const code = e.data.error;
    if (/auth|token|revoked|inactive/.test(code)) return `Slack refused ${variable} (${code}). Copy it again from the app's settings page.`;
    return `Slack said ${code} when Sitrep connected with ${variable}.`;
  }
  if (e instanceof webApi.WebAPIHTTPError) return `Slack answered HTTP ${e.statusCode} at ${apiUrl} when Sitrep connected with ${variable}.`;
  if (e instanceof webApi.WebAPIRequestError) return `Could not reach Slack at ${apiUrl}: ${e.original.message}. Check the network, or SLACK_API_URL if set.`;
  return `Slack did not connect: ${e instanceof Error ? e.message : String(e)}`;
}
