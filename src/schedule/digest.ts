/** A digest: which briefing goes to which channel, and when. Config and chat subscriptions both become these. */
import type { DigestTarget, NewRun } from '../store/store.js';

/** A scheduled briefing. */
export interface Digest extends DigestTarget {
  /** Stable id: part of every run's key, so renaming it starts a new series of runs. */
  id: string;
  origin: 'config' | 'subscription';
  /** Runs before this instant are not caught up (a subscription made at 08:30 does not owe the 08:00 run). */
  since?: number | undefined;
  /** With nothing new since the last run: `say` so in one line (the default), or `skip` the post. */
  whenUnchanged?: 'say' | 'skip' | undefined;
}

/** A run's key: the digest id and the scheduled instant, to the minute in UTC (`daily-news@2025-03-09T12:00Z`). */
const runKey = (digestId: string, scheduledAt: number): string => `${digestId}@${new Date(scheduledAt).toISOString().slice(0, 16)}Z`;

/** The run of `digest` scheduled at `scheduledAt`, as the store records it. */
export const runOf = (digest: Digest, scheduledAt: number): NewRun => ({
  key: runKey(digest.id, scheduledAt),
  digestId: digest.id,
  platform: digest.platform,
  channel: digest.channel,
  subject: digest.subject,
  topic: digest.topic,
  timeZone: digest.timeZone,
  scheduledAt,
});

/** The digest id of a chat subscription. */
export const subscriptionDigestId = (id: number): string => `sub-${String(id)}`;
