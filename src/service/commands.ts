/**
 * What a slash command means, for every platform: `/strikes`, `/strikes <topic or free text>`,
 * `/strikes topics | sources | help`. Adapters parse nothing themselves; they render the reply.
 */
import { brief } from '../core/briefing/set.js';
import type { Topic } from '../core/model.js';
import { subjectRef, type Reply } from '../render/reply.js';
import type { Library, ServedSubject } from './library.js';

/** Longer input is refused politely: no topic is that long, and it keeps abuse cheap. */
export const MAX_COMMAND_TEXT = 200;

/** The link to a subject's full briefing page for a topic (leading with what is new since digest run `since`), or undefined when links are off. */
export type PageLink = (subject: ServedSubject, topic: string | undefined, since?: string) => string | undefined;

/** Words that are subcommands, not topics. */
export const SUBCOMMANDS = ['topics', 'sources', 'help'] as const;

/** Answers `/<command> <text>` from the library. Never throws for bad input: every case is a reply. */
export function answer(library: Library, command: string, text: string): Reply {
  const subject = library.byCommand(command);
  if (!subject) return { kind: 'unknown-subject', command, known: library.subjects.map((s) => s.command) };
  const query = text.trim().replace(/\s+/g, ' ');
  if (query.length > MAX_COMMAND_TEXT) return { kind: 'too-long', subject: subjectRef(subject), length: query.length, limit: MAX_COMMAND_TEXT };
  const word = query.toLowerCase();
  if (word === 'topics') return { kind: 'topics', subject: subjectRef(subject), topics: subject.set.topics };
  if (word === 'sources') return { kind: 'sources', subject: subjectRef(subject), sources: subject.set.sources, warnings: subject.warnings };
  if (word === 'help' || word === '?') return { kind: 'help', subject: subjectRef(subject), topics: subject.set.topics };
  return briefingReply(subject, query || undefined);
}

/** The briefing of one subject for a topic (or the overview): what digests post. */
export function briefingReply(subject: ServedSubject, topic?: string): Reply {
  const r = brief(subject.set, topic);
  if (r.ok) return { kind: 'briefing', subject: subjectRef(subject), briefing: r.value };
  return { kind: 'unknown-topic', subject: subjectRef(subject), query: r.error.query, suggestions: r.error.suggestions, topics: r.error.topics };
}

/** Topic names that start with or contain what the user has typed so far, best first, for autocomplete. */
export function suggestTopics(subject: ServedSubject, typed: string, limit = 25): Topic[] {
  const q = typed.trim().toLowerCase();
  if (!q) return subject.set.topics.slice(0, limit);
  const score = (t: Topic): number => {
    const names = [t.name, t.label, ...t.terms].map((x) => x.toLowerCase());
    if (names.some((n) => n.startsWith(q))) return 3;
    if (names.some((n) => n.includes(q))) return 2;
    // A typo: every letter of the query in order ("homcide" -> homicides).
    if (names.some((n) => isSubsequence(q, n))) return 1;
    return 0;
  };
  return subject.set.topics
    .map((t) => ({ t, s: score(t) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.t);
}

function isSubsequence(q: string, s: string): boolean {
  let i = 0;
  for (const c of s) if (c === q[i]) i++;
  return i === q.length;
}
