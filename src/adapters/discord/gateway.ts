/** The gateway connection: a discord.js `Client` that receives interactions over its WebSocket and answers through REST. */
import { Client, GatewayDispatchEvents, GatewayIntentBits, Routes } from 'discord.js';
import type { Logger } from '../../log.js';
import type { InteractionHandler } from './handler.js';
import { InteractionSchema } from './interaction.js';
import { restOptions } from './rest.js';
import type { DiscordSettings } from './settings.js';

/** How long `start` waits for READY before giving up with a clear error. */
const READY_TIMEOUT_MS = 30_000;

/** A gateway client that hands INTERACTION_CREATE to the handler. */
export interface Gateway {
  client: Client;
  connect(): Promise<void>;
  close(): Promise<void>;
}

/** Builds the client (no connection yet). Its REST is usable at once: the token is set before login. */
export function createGateway(deps: { settings: DiscordSettings; handler: () => InteractionHandler; logger: Logger }): Gateway {
  const { settings, logger } = deps;
  // Interactions need no intents; Guilds keeps discord.js's caches coherent.
  // Shards: Discord's recommended count (GET /gateway/bot) unless DISCORD_SHARDS names them.
  const shards = settings.shards ?? 'auto';
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(settings),
    ...(shards === 'auto' ? { shards: 'auto' } : { shards: shards.ids, shardCount: shards.count }),
  });
  if (settings.token) client.rest.setToken(settings.token);
  // Raw payloads, so both connection modes answer through the same handler.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown) => {
    const receivedAt = performance.now();
    const parsed = InteractionSchema.safeParse(data);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'discord: ignored a malformed interaction');
      return;
    }
    const i = parsed.data;
    void deps.handler().handle(i, receivedAt, async (body) => {
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false });
    });
  });
  client.on('error', (e) => {
    logger.error({ err: e }, 'discord: client error');
  });

  return {
    client,
    async connect() {
      if (!settings.token) throw new Error('DISCORD_TOKEN is missing: the gateway needs the bot token.');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`Discord gateway: not ready after ${String(READY_TIMEOUT_MS / 1000)} s. Check the network and DISCORD_API_URL.`));
        }, READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([client.login(settings.token), timeout]);
      } catch (e) {
        await client.destroy();
        const code = (e as { code?: unknown }).code;
        if (code === 'TokenInvalid') throw new Error('Discord refused DISCORD_TOKEN (401): check the bot token.');
        throw new Error(`Discord gateway: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        clearTimeout(timer);
      }
      const ids = [...client.ws.shards.keys()].sort((a, b) => a - b);
      logger.info(
        { user: client.user?.tag, shards: ids, shardCount: client.options.shardCount },
        `discord: gateway connected (shard${ids.length === 1 ? '' : 's'} ${ids.join(', ')} of ${String(client.options.shardCount ?? ids.length)})`,
      );
    },
    async close() {
      await client.destroy();
    },
  };
}
