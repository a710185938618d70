/**
 * Rendered answers by command and text. Until an ingest rebuilds a subject, the same question gets
 * the same message: repeats (a team asking for today's topic) cost a lookup.
 */
import type { SlackMessage } from '../../render/slack/assertions.js';

/** A bounded cache; the least recently used entry goes first. */
export interface ReplyCache {
  get(command: string, text: string): SlackMessage | undefined;
  set(command: string, text: string, message: SlackMessage): void;
}

/**
 * A cache of at most `limit` messages; 0 turns it off. `version` (the library's) is part of every
 * key: when an ingest rebuilds a subject, answers made before it are no longer served.
 */
export function createReplyCache(limit: number, version: () => number = () => 0): ReplyCache {
  const entries = new Map<string, SlackMessage>();
  const key = (command: string, text: string): string =>
    `${String(version())}\n${command.replace(/^\//, '').toLowerCase()}\n${text.trim().replace(/\s+/g, ' ')}`;
  return {
    get(command, text) {
      const k = key(command, text);
      const m = entries.get(k);
      if (m) {
        entries.delete(k);
        entries.set(k, m);
      }
      return m;
    },
    set(command, text, message) {
      if (limit <= 0) return;
      const k = key(command, text);
      entries.delete(k);
      entries.set(k, message);
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break;
        entries.delete(oldest);
      }
    },
  };
}
