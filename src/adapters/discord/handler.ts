/** Handles interactions the same way whichever way they arrive (gateway or HTTP): route, respond, log, track what is in flight. */
import { Routes, type REST } from 'discord.js';
import type { Logger } from '../../log.js';
import type { ChatCommands } from '../../service/chat.js';
import type { Library } from '../../service/library.js';
import { createAnswerCache } from './answer-cache.js';
import type { Interaction } from './interaction.js';
import { respond, type Transport } from './respond.js';
import { routeInteraction, type InteractionResponse } from './route.js';
import { createShareIds } from './share.js';

/** Default time an answer may take before the reply is deferred: a margin under Discord's 3 seconds. */
const DEFER_AFTER_MS = 2000;

/** Answers interactions. */
export interface InteractionHandler {
  /** Answers `i`; `callback` sends its first response. Resolves when done; failures are logged, never thrown. */
  handle(i: Interaction, receivedAt: number, callback: Transport['callback']): Promise<void>;
  /** Resolves when every interaction in flight is answered. */
  idle(): Promise<void>;
}

/** What the handler needs: the library, REST for edits, the defer threshold, the logger. */
export interface HandlerDeps {
  library: Library;
  commands?: ChatCommands | undefined;
  rest: REST;
  deferAfterMs?: number | undefined;
  /** Answers remembered (0: none). */
  answerCacheSize?: number | undefined;
  logger: Logger;
}

/** A handler over `deps`; Share ids live as long as it does. */
export function createInteractionHandler(deps: HandlerDeps): InteractionHandler {
  const shares = createShareIds();
  const answers = createAnswerCache(deps.answerCacheSize, () => deps.library.version());
  const inFlight = new Set<Promise<void>>();
  const deferAfterMs = deps.deferAfterMs ?? DEFER_AFTER_MS;

  const run = async (i: Interaction, receivedAt: number, callback: Transport['callback']): Promise<void> => {
    const editOriginal: Transport['editOriginal'] = async (message) => {
      // Interaction webhooks are authorised by their token, not the bot's.
      await deps.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body: message, auth: false });
    };
    try {
      const answer = routeInteraction({ library: deps.library, commands: deps.commands, shares, answers }, i);
      const { deferred } = await respond(answer, { callback, editOriginal }, { receivedAt, deferAfterMs, logger: deps.logger });
      deps.logger.debug(
        { interaction: i.id, type: i.type, command: i.data?.name, deferred, ms: Math.round(performance.now() - receivedAt) },
        'discord: answered',
      );
    } catch (e) {
      deps.logger.error({ err: e, interaction: i.id, type: i.type, command: i.data?.name }, 'discord: answering an interaction failed');
    }
  };

  return {
    handle(i, receivedAt, callback) {
      const p = run(i, receivedAt, callback).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return p;
    },
    async idle() {
      await Promise.all([...inFlight]);
    },
  };
}

/** The response body type, re-exported for transports. */
export type { InteractionResponse };
