/**
 * A command's answer as data, between the service layer that makes it and the renderers that word
 * it for each platform. A reply names its subject (`SubjectRef`), not the served set behind it.
 */
import type { Briefing, SourceRef, Topic } from '../core/model.js';

/** What a reply says of its subject: its names, and a topic for examples. */
export interface SubjectRef {
  /** The folder name, as `sitrep brief <name>` takes it. */
  name: string;
  /** The slash command, without the slash. */
  command: string;
  title: string;
  /** The first topic's name, for examples ("/strikes wages"). */
  exampleTopic?: string | undefined;
}

/** The reference of a served subject: names only, however large its set. */
export const subjectRef = (s: { name: string; command: string; title: string; set: { topics: readonly Topic[] } }): SubjectRef => ({
  name: s.name,
  command: s.command,
  title: s.title,
  exampleTopic: s.set.topics[0]?.name,
});

/** The first words that make a command a subscription command rather than a briefing. */
export const SUBSCRIPTION_WORDS = ['subscribe', 'unsubscribe', 'schedule'] as const;

/** A command's answer, as data; each platform's renderer words it. */
export type Reply =
  /** `page`: the full briefing page's link, when links are on (SITREP_PUBLIC_URL). */
  | { kind: 'briefing'; subject: SubjectRef; briefing: Briefing; page?: string | undefined }
  | { kind: 'topics'; subject: SubjectRef; topics: Topic[] }
  | { kind: 'sources'; subject: SubjectRef; sources: SourceRef[]; warnings: string[] }
  | { kind: 'help'; subject: SubjectRef; topics: Topic[] }
  | { kind: 'unknown-topic'; subject: SubjectRef; query: string; suggestions: string[]; topics: string[] }
  | { kind: 'too-long'; subject: SubjectRef; length: number; limit: number }
  | { kind: 'unknown-subject'; command: string; known: string[] }
  /** A short plain answer (subscriptions, schedules, admin commands): a title and a few lines. */
  | { kind: 'notice'; subject?: SubjectRef | undefined; title: string; lines: string[] };
