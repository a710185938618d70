/**
 * The application commands: one chat-input command per subject, `/strikes [topic:…] [view:…]`.
 *
 * Options, not subcommands: Discord does not let a command with subcommands run bare or take
 * options beside them, so subcommands would turn `/strikes topic:homicides` into
 * `/strikes brief topic:homicides` and `/strikes` alone would not give the overview. A `view`
 * choice keeps both as users type them, and mirrors Slack's `/strikes topics | sources | help`.
 * Subscriptions are words like Slack's, in `topic`: `/strikes topic:subscribe daily 08:00 homicides`.
 */
import { MAX_COMMAND_TEXT, SUBCOMMANDS } from '../../service/commands.js';
import type { ServedSubject } from '../../service/library.js';
import { clip } from '../../render/discord/fit.js';
import type { CommandDefinition } from '../../render/discord/assertions.js';

/** The options' names, as interactions carry them. */
export const OPTION = { topic: 'topic', view: 'view' } as const;

/** Discord's option types used here. */
const STRING = 3;

/** What `view` offers: Slack's subcommands, and this channel's digests. */
const VIEWS = [...SUBCOMMANDS, 'schedule'] as const;

const VIEW_DESCRIPTIONS: Record<(typeof VIEWS)[number], string> = {
  topics: 'Topics: the topics and their words',
  sources: 'Sources: the articles, numbered as cited',
  help: 'Help: how to use this command',
  schedule: 'Schedule: the digests this channel gets',
};

/** What commands are made from: each subject's command and title (a `Library` will do; no set is needed). */
export interface CommandSubjects {
  subjects: readonly Pick<ServedSubject, 'command' | 'title'>[];
}

/** The registration payload: one command per subject. */
export function commandDefinitions(library: CommandSubjects): CommandDefinition[] {
  return library.subjects.map((s) => ({
    type: 1,
    name: s.command.toLowerCase(),
    description: clip(`Briefing: ${s.title}`, 100),
    options: [
      {
        type: STRING,
        name: OPTION.topic,
        description: 'A topic (suggested as you type) or any words; leave out for the overview',
        autocomplete: true,
        max_length: MAX_COMMAND_TEXT,
      },
      {
        type: STRING,
        name: OPTION.view,
        description: "Something other than a briefing: topics, sources, help or this channel's digests",
        choices: VIEWS.map((v) => ({ name: VIEW_DESCRIPTIONS[v], value: v })),
      },
    ],
  }));
}
