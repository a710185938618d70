/** The Discord adapter: slash commands over the gateway or the HTTP interactions endpoint, and digests posted to channels. */
import { Routes, type REST } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Logger } from '../../log.js';
import { renderDiscord } from '../../render/discord/embeds.js';
import type { ChatCommands } from '../../service/chat.js';
import type { Reply } from '../../render/reply.js';
import type { Library } from '../../service/library.js';
import type { PlatformAdapter } from '../adapter.js';
import type { PostError, Posted } from '../../schedule/post-outcome.js';
import { createGateway, type Gateway } from './gateway.js';
import { createInteractionHandler } from './handler.js';
import { interactionsRoute } from './http-endpoint.js';
import { createRest, nonceFor, toPostError } from './rest.js';
import type { DiscordSettings } from './settings.js';
import type { FirstSight } from '../../server/replay-cache.js';

/** What the adapter is made from. */
export interface DiscordAdapterDeps {
  library: Library;
  /** Answers commands with who sent them and where (subscriptions too); `answer(library, …)` when absent. */
  commands?: ChatCommands | undefined;
  settings: DiscordSettings;
  logger: Logger;
  /** Signed requests seen by every replica, when several share the database. */
  firstSight?: FirstSight | undefined;
}

/** The Discord adapter, with its REST client (tests and the CLI reuse it). */
export interface DiscordAdapter extends PlatformAdapter {
  readonly rest: REST;
}

/** Creates the adapter; nothing connects until `start`. */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const { settings, logger } = deps;
  let stopping = false;
  const gateway: Gateway | undefined = settings.mode === 'gateway' ? createGateway({ settings, handler: () => handler, logger }) : undefined;
  const rest = gateway?.client.rest ?? createRest(settings);
  const handler = createInteractionHandler({
    library: deps.library,
    commands: deps.commands,
    rest,
    deferAfterMs: settings.deferAfterMs,
    answerCacheSize: settings.answerCacheSize,
    logger,
  });
  const routes =
    settings.mode === 'http' && settings.publicKey
      ? [interactionsRoute({ publicKey: settings.publicKey, handler, stopping: () => stopping, logger, firstSight: deps.firstSight })]
      : [];

  return {
    platform: 'discord',
    routes,
    rest,
    async start() {
      if (gateway) await gateway.connect();
      else logger.info({ path: routes[0]?.path }, 'discord: answering on the HTTP interactions endpoint');
      if (!settings.token) logger.warn('discord: DISCORD_TOKEN is not set, so digests cannot be posted to Discord');
    },
    async stop() {
      stopping = true;
      await handler.idle();
      await gateway?.close();
    },
    async post(channel: string, reply: Reply, key?: string): Promise<Result<Posted, PostError>> {
      if (!/^\d{1,20}$/.test(channel)) return err({ code: 'rejected', message: `'${channel}' is not a Discord channel id (digits)` });
      if (!settings.token) return err({ code: 'rejected', message: 'DISCORD_TOKEN is not set; posting to a channel needs the bot token' });
      const body = { ...renderDiscord(reply), ...(key ? { nonce: nonceFor(key), enforce_nonce: true } : {}) };
      try {
        const posted = (await rest.post(Routes.channelMessages(channel), { body })) as { id?: unknown };
        if (typeof posted.id !== 'string') return err({ code: 'unavailable', message: 'Discord answered without a message id' });
        return ok({ channel, messageId: posted.id });
      } catch (e) {
        const error = toPostError(e);
        logger.warn({ channel, code: error.code, reason: error.message }, 'discord: posting a digest failed');
        return err(error);
      }
    },
  };
}
