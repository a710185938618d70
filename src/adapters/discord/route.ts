/** What to answer an interaction with: pong, autocomplete choices, or a message to build (maybe after deferring). */
import { InteractionResponseType, InteractionType } from 'discord.js';
import { clip } from '../../render/discord/fit.js';
import { LIMITS, type DiscordMessage } from '../../render/discord/assertions.js';
import { textMessage, withButtons } from '../../render/discord/embeds.js';
import type { ChatCommands } from '../../service/chat.js';
import { answer, suggestTopics } from '../../service/commands.js';
import type { Library } from '../../service/library.js';
import { SUBSCRIPTION_WORDS } from '../../render/reply.js';
import type { Ask, AnswerCache } from './answer-cache.js';
import { OPTION } from './command-definitions.js';
import { commandContext, focusedOption, stringOption, type Interaction } from './interaction.js';
import type { ShareIds } from './share.js';

/** An interaction response body, as Discord takes it. */
export interface InteractionResponse {
  type: InteractionResponseType;
  data?: Record<string, unknown>;
}

/** How to answer: at once with `body`, or with a message that `build` makes (deferred if it is slow). */
export type Answer =
  { kind: 'now'; body: InteractionResponse } | { kind: 'message'; ephemeral: boolean; build: () => DiscordMessage | Promise<DiscordMessage> };

/** What routing needs. */
export interface RouteDeps {
  library: Library;
  /** The chat commands (subscriptions included); plain `answer(library, …)` when absent. */
  commands?: ChatCommands | undefined;
  shares: ShareIds;
  answers: AnswerCache;
}

const say = (content: string): Answer => ({ kind: 'message', ephemeral: true, build: () => textMessage(content) });
const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** Up to 25 topics for what is typed; when none matches, the typed words themselves, since free text works too. */
function choices(deps: RouteDeps, i: Interaction): { name: string; value: string }[] {
  const subject = deps.library.byCommand(i.data?.name ?? '');
  const focused = focusedOption(i);
  if (!subject || focused?.name !== OPTION.topic) return [];
  const typed = normalise(focused.value);
  const verb = typed.split(' ')[0]?.toLowerCase() ?? '';
  const own = { name: clip(typed, LIMITS.choiceName), value: typed.slice(0, LIMITS.choiceValue) };
  // "subscribe daily 08:00" is a command, not a search: offer it as typed.
  if ((SUBSCRIPTION_WORDS as readonly string[]).includes(verb)) return [own];
  const topics = suggestTopics(subject, typed, LIMITS.choices).map((t) => ({
    name: clip(`${t.label} — ${t.terms.join(', ')}`, LIMITS.choiceName),
    value: t.name,
  }));
  if (topics.length || !typed) return topics;
  return [{ ...own, name: clip(`Search the articles for “${typed}”`, LIMITS.choiceName) }];
}

/** Routes an interaction; never throws for what a user can send. */
export function routeInteraction(deps: RouteDeps, i: Interaction): Answer {
  const { commands } = deps;
  const ask: Ask = commands ? (command, text) => commands.handle(commandContext(i), command, text) : (command, text) => answer(deps.library, command, text);
  switch (i.type) {
    case InteractionType.Ping:
      return { kind: 'now', body: { type: InteractionResponseType.Pong } };
    case InteractionType.ApplicationCommandAutocomplete:
      return { kind: 'now', body: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: choices(deps, i) } } };
    case InteractionType.ApplicationCommand: {
      const command = i.data?.name ?? '';
      const text = stringOption(i, OPTION.view) ?? stringOption(i, OPTION.topic) ?? '';
      return {
        kind: 'message',
        ephemeral: true,
        build: async () => {
          const { message, kind } = await deps.answers.get(command, text, ask);
          if (kind !== 'briefing') return message;
          const subject = deps.library.byCommand(command)?.command ?? command;
          return withButtons(message, { share: deps.shares.idFor({ command: subject, query: normalise(text) }) });
        },
      };
    }
    case InteractionType.MessageComponent: {
      const shared = deps.shares.read(i.data?.custom_id ?? '');
      if (!shared) return say('This Share button has expired. Run the command again to share its answer.');
      return { kind: 'message', ephemeral: false, build: async () => (await deps.answers.get(shared.command, shared.query, ask)).message };
    }
    default:
      return say('Sitrep answers slash commands only.');
  }
}
