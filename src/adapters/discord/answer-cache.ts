/**
 * Rendered answers, remembered: a bot's library does not change while it runs, so the same
 * command and words give the same briefing, and most users ask for the same few topics. A repeat
 * answer then costs a map lookup instead of a briefing (milliseconds at 10,000 articles).
 * Notices (subscriptions, schedules) depend on who asks and on the store: they are never kept.
 */
import type { DiscordMessage } from '../../render/discord/assertions.js';
import { renderDiscord } from '../../render/discord/embeds.js';
import type { Reply } from '../../render/reply.js';

/** A rendered answer, without its Share button (added per reply). */
interface Rendered {
  message: DiscordMessage;
  kind: Reply['kind'];
}

/** How to get the reply on a miss. */
export type Ask = (command: string, text: string) => Reply | Promise<Reply>;

/** Answers by command and words, the most recent `size` kept. */
export interface AnswerCache {
  get(command: string, text: string, ask: Ask): Promise<Rendered>;
}

/** Default number of answers kept: a few topics and views of a few subjects, a few megabytes. */
const ANSWER_CACHE_SIZE = 256;

/**
 * A cache of `size` answers; 0 renders every time. `version` (the library's) is part of every key,
 * so a subject rebuilt after an ingest is never answered from before it.
 */
export function createAnswerCache(size = ANSWER_CACHE_SIZE, version: () => number = () => 0): AnswerCache {
  const kept = new Map<string, Rendered>();
  return {
    async get(command, text, ask) {
      const key = `${String(version())}\u0000${command.toLowerCase()}\u0000${text.trim().replace(/\s+/g, ' ')}`;
      const hit = kept.get(key);
      if (hit) {
        // Re-inserted last, so the first key is always the least recently used.
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const reply = await ask(command, text);
      const rendered = { message: renderDiscord(reply), kind: reply.kind };
      if (size > 0 && reply.kind !== 'notice') {
        kept.set(key, rendered);
        if (kept.size > size) kept.delete(kept.keys().next().value ?? key);
      }
      return rendered;
    },
  };
}
