/**
 * Answering within Discord's 3 seconds: reply at once when the message is ready in time, else
 * defer (type 5) and edit the original when it is. A briefing is synchronous CPU work, so "in
 * time" is checked before building starts (requests queued behind others) as well as by a timer
 * (what waits on I/O, such as subscriptions in the store).
 */
import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { DiscordMessage } from '../../render/discord/assertions.js';
import { textMessage } from '../../render/discord/embeds.js';
import type { Logger } from '../../log.js';
import type { Answer, InteractionResponse } from './route.js';

/** Where an interaction's answers go: its first response, then edits of it. */
export interface Transport {
  callback(body: InteractionResponse): Promise<void>;
  editOriginal(message: DiscordMessage): Promise<void>;
}

/** Timing and logging for `respond`. */
export interface RespondOptions {
  /** When the interaction arrived (`performance.now()`). */
  receivedAt: number;
  /** How long the answer may take before deferring; 0 defers every message. */
  deferAfterMs: number;
  logger: Logger;
}

/** Sends `answer` through `transport`; resolves when it is delivered, rejects when delivery failed. */
export async function respond(answer: Answer, transport: Transport, opts: RespondOptions): Promise<{ deferred: boolean }> {
  if (answer.kind === 'now') {
    await transport.callback(answer.body);
    return { deferred: false };
  }
  const flags = answer.ephemeral ? { flags: MessageFlags.Ephemeral } : {};
  const late = (): boolean => performance.now() - opts.receivedAt >= opts.deferAfterMs;
  // Settled to the error (or undefined), so a failed defer is not an unhandled rejection while the message builds.
  let deferred: Promise<Error | undefined> | undefined;
  const defer = (): void => {
    deferred ??= transport.callback({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: flags }).then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e : new Error('deferring the reply failed')),
    );
  };
  if (late()) defer();
  const timer = deferred ? undefined : setTimeout(defer, Math.max(0, opts.deferAfterMs - (performance.now() - opts.receivedAt)));
  const message = await new Promise<DiscordMessage>((resolve) => {
    setImmediate(() => {
      if (late()) defer();
      resolve(build(answer.build, opts.logger));
    });
  });
  clearTimeout(timer);
  if (!deferred) {
    await transport.callback({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...message, ...flags } });
    return { deferred: false };
  }
  const failed = await deferred;
  if (failed) throw failed;
  await transport.editOriginal(message);
  return { deferred: true };
}

async function build(make: () => DiscordMessage | Promise<DiscordMessage>, logger: Logger): Promise<DiscordMessage> {
  try {
    return await make();
  } catch (e) {
    // A fault (a renderer bug, a store failure): the user still gets an answer, the log gets the trace.
    logger.error({ err: e }, 'discord: building an answer failed');
    return textMessage('Sorry, building this answer failed. The error has been logged.');
  }
}
