/**
 * What the bot keeps between restarts, behind small interfaces: digest runs, chat subscriptions,
 * and extracted articles. Every method is async so a server database can take SQLite's place
 * without touching callers.
 */
import type { Coverage } from '../core/briefing/changes.js';
import type { ArticleExtract } from '../core/model.js';

/** Where a digest goes and what it carries: enough to word a run without the digest at hand. */
interface RunTarget {
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

/**
 * A change to a claimed run, made by the instance that holds it. A posted run may carry what the
 * digest covered, recorded in the same transaction; a run with nothing to post is `skipped`.
 */
export type RunUpdate =
  | { state: 'claimed'; attempts: number; leaseUntil: number; error?: string | undefined; nextAttemptAt?: number | undefined }
  | { state: 'posted'; attempts: number; messageId: string; coverage?: Coverage | undefined }
  | { state: 'failed'; attempts: number; error: string }
  | { state: 'skipped'; attempts: number; error: string };

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

/** Which briefing goes to which channel, and when: what a config digest and a subscription share. */
export interface DigestTarget {
  platform: string;
  channel: string;
  subject: string;
  topic?: string | undefined;
  /** Five-field cron expression, read in `timeZone`. */
  cron: string;
  timeZone: string;
}

/** A channel's subscription to a digest, made from chat. */
export interface Subscription extends DigestTarget {
  id: number;
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

/** One outlet that ran an article: the first, or a wire copy folded into it. */
export interface Outlet {
  outlet?: string | undefined;
  url?: string | undefined;
}

/** An article taken in from a feed, a page or a file. */
export interface StoredArticle {
  id: number;
  subject: string;
  /** SHA-256 of its normalised body text: the same article twice is stored once. */
  hash: string;
  headline: string;
  /** The outlet that ran it first, then every wire copy folded into it. */
  outlets: Outlet[];
  /** `YYYY-MM-DD`, when known. */
  published?: string | undefined;
  addedAt: number;
  /** The article in Sitrep's text format (headline, Source:, Date:, body). */
  text: string;
  /** MinHash signature of the body, to fold later wire copies into it. */
  signature: Uint32Array;
}

/** An article to store, with the outlet it came from. */
export type NewArticle = Omit<StoredArticle, 'id' | 'outlets'> & { outlet: Outlet };

/** Articles by subject, one row per story (wire copies fold into the first). */
export interface ArticleStore {
  /** Stores an article; when the subject already has its hash, nothing is stored and the kept one's id comes back. */
  add(article: NewArticle): Promise<{ added: boolean; id: number }>;
  /** Adds an outlet (a wire copy) to a stored article and remembers its url; false when already listed. */
  addOutlet(id: number, outlet: Outlet): Promise<boolean>;
  /** Whether the subject already took in the article at `url` (its own or a folded copy's). */
  seenUrl(subject: string, url: string): Promise<boolean>;
  /** The subject's articles, oldest first. */
  list(subject: string): Promise<StoredArticle[]>;
  /** The subject's articles without their texts, oldest first: a large set is read one text at a time. */
  headers(subject: string): Promise<Omit<StoredArticle, 'text'>[]>;
  /** One article's text. */
  text(id: number): Promise<string | undefined>;
  /** Ids and signatures of the subject's articles, for near-duplicate checks without the texts. */
  signatures(subject: string): Promise<{ id: number; signature: Uint32Array }[]>;
  get(id: number): Promise<StoredArticle | undefined>;
  count(subject: string): Promise<number>;
  /** Deletes a stored article, with the addresses of every copy folded into it; false when there was none. */
  remove(id: number): Promise<boolean>;
}

/** A feed's state for one subject: the validators of its last answer, for conditional GETs. */
export interface FeedState {
  subject: string;
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  polledAt: number;
  /** Why the last poll failed, when it did. */
  error?: string | undefined;
}

/** Feed states, by subject and feed url (two subjects may share a feed and filter it differently). */
export interface FeedStateStore {
  get(subject: string, url: string): Promise<FeedState | undefined>;
  put(state: FeedState): Promise<void>;
}

/** What digests covered, recorded with their posted runs. */
export interface CoverageStore {
  /** The coverage of the digest's last posted run that recorded one. */
  latest(digestId: string): Promise<{ runKey: string; postedAt: number; coverage: Coverage } | undefined>;
  /** The coverage one posted run recorded, by its run key. */
  byRun(runKey: string): Promise<{ digestId: string; postedAt: number; coverage: Coverage } | undefined>;
}

/** A running Sitrep, as its heartbeat shows it. */
export interface Replica {
  /** The instance id its digest claims carry. */
  id: string;
  host: string;
  pid: number;
  /** Sitrep's version. */
  version: string;
  startedAt: number;
  seenAt: number;
}

/** Heartbeats: which replicas run on this store. */
export interface ReplicaStore {
  /** Records that `replica` is alive at `now`. */
  beat(replica: Omit<Replica, 'seenAt'>, now: number): Promise<void>;
  /** Replicas seen since `since`, longest running first. */
  list(since: number): Promise<Replica[]>;
  /** Forgets a replica that stopped. */
  leave(id: string): Promise<void>;
}

/** Short leases on shared work (a subject's feed polls), so one replica at a time does it. */
export interface LeaseStore {
  /** Takes or renews `name` for `owner` until `until`; false while another holds it. */
  acquire(name: string, owner: string, until: number, now: number): Promise<boolean>;
  /** Gives `name` up, if `owner` holds it. */
  release(name: string, owner: string): Promise<void>;
}

/** A version per subject, raised whenever its stored articles change, so every replica rebuilds it. */
export interface SubjectVersionStore {
  /** Raises the subject's version; returns the new one. */
  bump(subject: string, now: number): Promise<number>;
  /** Every subject's version. */
  all(): Promise<Map<string, number>>;
}

/**
 * A chat platform's installations (a Slack workspace's bot token), by platform and workspace id.
 * The store keeps what it is given, opaque: callers seal secrets before and open them after.
 */
export interface InstallationStore {
  put(platform: string, id: string, sealed: string, now: number): Promise<void>;
  get(platform: string, id: string): Promise<string | undefined>;
  /** False when there was none. */
  remove(platform: string, id: string): Promise<boolean>;
  count(platform: string): Promise<number>;
}

/** Signed platform requests seen lately, shared by replicas so that none serves a replay another took. */
export interface SeenRequestStore {
  /** Records a request's signature (with its signed timestamp, in seconds); false when it was seen before. Forgets those older than `forgetBefore`. */
  firstSight(key: string, ts: number, forgetBefore: number): Promise<boolean>;
}

/** The whole store. */
export interface Store {
  installations: InstallationStore;
  seenRequests: SeenRequestStore;
  replicas: ReplicaStore;
  leases: LeaseStore;
  subjectVersions: SubjectVersionStore;
  /** Resolves when the database answers; rejects with why it does not. */
  ping(): Promise<void>;
  runs: RunStore;
  subscriptions: SubscriptionStore;
  articles: ArticleStore;
  feeds: FeedStateStore;
  coverage: CoverageStore;
  extracts: ExtractCache & {
    /** Drops extracts not used since `before`: articles removed or changed long ago. */
    prune(before: number): Promise<number>;
  };
  /** Where it lives, for logs and `sitrep doctor`. */
  readonly location: string;
  /** Closes it; waits for nothing, since every write is done when its promise resolves. */
  close(): Promise<void>;
}
