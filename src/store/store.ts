/**
 * What the bot keeps between restarts, behind small interfaces: digest runs, chat subscriptions,
 * and extracted articles. Every method is async so a server database can take SQLite's place
 * without touching callers.
 */
import type { ArticleExtract } from '../core/model.js';

/** Where a digest goes and what it carries: enough to word a run without the digest at hand. */
export interface RunTarget {
  digestId: string;
  platform: string;
  channel: string;
  subject: string;
  topic?: string | undefined;
  timeZone: string;
}

/** A run to record: its key (digest id + scheduled instant) and when it was due. */
export interface NewRun extends RunTarget {
  key: string;
  /** The scheduled instant, ms since the epoch. */
  scheduledAt: number;
}

/**
 * `claimed`: an instance took it and is posting (or waiting to retry); `posted`: done;
 * `failed`: given up, with the reason; `skipped`: missed by more than the grace window.
 */
export type RunState = 'claimed' | 'posted' | 'failed' | 'skipped';

/** A recorded run. */
export interface DigestRun extends NewRun {
  state: RunState;
  attempts: number;
  /** The last failure, or why it was skipped. */
  error?: string | undefined;
  messageId?: string | undefined;
  /** The instance that holds the claim, and until when; an expired claim is taken over. */
  owner?: string | undefined;
  leaseUntil?: number | undefined;
  nextAttemptAt?: number | undefined;
  updatedAt: number;
}

/** A change to a claimed run, made by the instance that holds it. */
export type RunUpdate =
  | { state: 'claimed'; attempts: number; leaseUntil: number; error?: string | undefined; nextAttemptAt?: number | undefined }
  | { state: 'posted'; attempts: number; messageId: string }
  | { state: 'failed'; attempts: number; error: string };

/** Digest runs: claimed before posting and recorded after, so none is posted twice or lost silently. */
export interface RunStore {
  /** Records `run` as claimed by `owner` until `leaseUntil`; false when it is already recorded (by anyone, in any state). */
  claim(run: NewRun, owner: string, leaseUntil: number, now: number): Promise<boolean>;
  /** Records `run` as skipped with `reason`; false when it is already recorded. */
  skip(run: NewRun, reason: string, now: number): Promise<boolean>;
  /** Takes over every claimed run whose lease ended before `now` (its instance stopped mid-post), for `owner`. */
  takeOver(now: number, owner: string, leaseUntil: number): Promise<DigestRun[]>;
  /** Updates a run `owner` holds; false when another instance has taken it over. */
  update(key: string, owner: string, change: RunUpdate, now: number): Promise<boolean>;
  /** Runs, newest scheduled first. */
  list(filter?: { limit?: number; states?: RunState[] }): Promise<DigestRun[]>;
  /** The instant up to which every scheduled run has been claimed or skipped; undefined on a new database. */
  checkedUntil(): Promise<number | undefined>;
  setCheckedUntil(instant: number): Promise<void>;
}

/** A channel's subscription to a digest, made from chat. */
export interface Subscription {
  id: number;
  platform: string;
  channel: string;
  subject: string;
  topic?: string | undefined;
  /** Five-field cron expression in `timeZone`. */
  cron: string;
  timeZone: string;
  /** Who subscribed (the platform's user id). */
  createdBy: string;
  createdAt: number;
}

/** A subscription to add: one per channel, subject and topic; adding again replaces its schedule. */
export type NewSubscription = Omit<Subscription, 'id'>;

/** Subscriptions: live at once, kept across restarts. */
export interface SubscriptionStore {
  /** Adds or replaces the channel's subscription for the subject and topic. */
  add(sub: NewSubscription): Promise<Subscription>;
  /** Removes the channel's subscriptions to `subject` (only the one for `topic`, when given); returns what was removed. */
  remove(where: { platform: string; channel: string; subject: string; topic?: string | undefined }): Promise<Subscription[]>;
  /** Subscriptions, oldest first; only a platform's or a channel's when asked. */
  list(where?: { platform?: string; channel?: string }): Promise<Subscription[]>;
}

/** Extracted articles by content hash, so a restart does not extract unchanged articles again. */
export interface ExtractCache {
  get(hash: string): Promise<ArticleExtract | undefined>;
  put(hash: string, extract: ArticleExtract): Promise<void>;
}

/** The whole store. */
export interface Store {
  runs: RunStore;
  subscriptions: SubscriptionStore;
  extracts: ExtractCache & {
    /** Drops extracts not used since `before`: articles removed or changed long ago. */
    prune(before: number): Promise<number>;
  };
  /** Where it lives, for logs and `sitrep doctor`. */
  readonly location: string;
  /** Closes it; waits for nothing, since every write is done when its promise resolves. */
  close(): Promise<void>;
}
