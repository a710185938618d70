/**
 * What Bolt runs: the slash command (answer at once, or acknowledge and follow up through
 * `response_url` when the answer is slow) and the "Share in channel" button.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { SlackMessage } from '../../render/slack/assertions.js';
import { PAGE_ACTION, renderSlack, SHARE_ACTION } from '../../render/slack/blocks.js';
import { section } from '../../render/slack/layout.js';
import type { CommandContext } from '../../service/chat.js';
import type { Reply } from '../../render/reply.js';
import type { ReplyCache } from './reply-cache.js';
import { parseShare, shareValue } from './share.js';

/** Answers `/<command> <text>` sent by `ctx`; may be async (subscriptions touch the store). */
export type Answer = (ctx: CommandContext, command: string, text: string) => Reply | Promise<Reply>;

/** What the handlers need. */
export interface HandlerDeps {
  answer: Answer;
  logger: Logger;
  /** Past this, the command is acknowledged empty and answered through `response_url` (Slack allows 3 s). */
  ackBudgetMs: number;
  /** Registers work in flight, so `stop()` can wait for it. */
  track: <T>(work: Promise<T>) => Promise<T>;
  /** Messages already rendered, by command and text. */
  cache: ReplyCache;
  /** Slack's rule for who may change a channel's digests, for a user, asked with the workspace's token. */
  mayChangeDigests: (user: string, token: string | undefined) => CommandContext['mayChangeDigests'];
  /** A channel as Sitrep names it: the id, or WORKSPACE/CHANNEL when installed in many workspaces. */
  channelOf: (team: string | undefined, channel: string) => string;
}

const SORRY = 'Sorry, that failed on our side and has been logged. Try again in a minute.';

/** Registers the command and button listeners on `app`. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  app.command(/^\/./, async ({ command, ack, respond, context: auth }) => {
    const ctx = context(deps, deps.channelOf(command.team_id, command.channel_id), command.user_id, auth.botToken);
    await deps.track(runCommand(deps, ctx, command.command, command.text, ack, respond));
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SHARE_ACTION }, async ({ ack, action, body, respond, context: auth }) => {
    await ack();
    await deps.track(share(deps, context(deps, deps.channelOf(body.team?.id, body.channel?.id ?? ''), body.user.id, auth.botToken), action.value, respond));
  });

  // The link button opens the page in the browser; Slack still sends the click, which wants an ack.
  app.action({ type: 'block_actions', action_id: PAGE_ACTION }, async ({ ack }) => {
    await ack();
  });
}

type Ack = (message?: { response_type: 'ephemeral'; text: string; blocks: SlackMessage['blocks'] }) => Promise<void>;

const context = (deps: HandlerDeps, channel: string, user: string, token: string | undefined): CommandContext => ({
  platform: 'slack',
  channel,
  user,
  mayChangeDigests: deps.mayChangeDigests(user, token),
});

async function runCommand(deps: HandlerDeps, ctx: CommandContext, command: string, text: string, ack: Ack, respond: RespondFn): Promise<void> {
  const log = deps.logger.child({ command, text: text.slice(0, 200) });
  const cached = deps.cache.get(command, text);
  if (cached) {
    await ack({ response_type: 'ephemeral', ...cached });
    return;
  }
  let acked = false;
  try {
    const pending = Promise.resolve()
      .then(() => deps.answer(ctx, command, text))
      .then((reply) => {
        const m = message(reply, command, text);
        // Notices (subscriptions) depend on who asks and on the store; everything else only on the words.
        if (reply.kind !== 'notice') deps.cache.set(command, text, m);
        return m;
      });
    const early = await within(pending, deps.ackBudgetMs);
    if (early.done) {
      acked = true;
      await ack({ response_type: 'ephemeral', ...early.value });
      return;
    }
    acked = true;
    await ack();
    log.info({ budgetMs: deps.ackBudgetMs }, 'Slow answer: acknowledged, following up through response_url');
    await respond({ response_type: 'ephemeral', ...(await pending) });
  } catch (e) {
    log.error({ err: e }, 'Slash command failed');
    if (!acked) await ack({ response_type: 'ephemeral', text: SORRY, blocks: [section(SORRY)] });
    else await respond({ response_type: 'ephemeral', text: SORRY }).catch(() => undefined);
  }
}

/** The rendered reply, with the share button on a briefing. */
function message(reply: Reply, command: string, text: string): SlackMessage {
  return renderSlack(reply, reply.kind === 'briefing' ? { share: shareValue({ command, text }) } : {});
}

async function share(deps: HandlerDeps, ctx: CommandContext, value: string | undefined, respond: RespondFn): Promise<void> {
  const target = parseShare(value);
  try {
    if (!target) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'This button is out of date. Run the command again.' });
      return;
    }
    const reply = await deps.answer(ctx, `/${target.command}`, target.text);
    await respond({ response_type: 'in_channel', replace_original: false, ...renderSlack(reply, { sharedBy: ctx.user }) });
  } catch (e) {
    deps.logger.error({ err: e, target }, 'Share in channel failed');
  }
}

/** The promise's value if it settles within `ms`; `{ done: false }` otherwise. */
async function within<T>(p: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => {
      resolve({ done: false });
    }, ms);
  });
  try {
    return await Promise.race([p.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
