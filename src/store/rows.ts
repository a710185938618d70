/** Rows as both engines return them, and their mapping to the store's types: one copy for SQLite and PostgreSQL. */
import type { DigestRun, FeedState, Outlet, RunState, StoredArticle, Subscription } from './store.js';

/** A `digest_runs` row. */
export interface RunRow {
  key: string;
  digest_id: string;
  platform: string;
  channel: string;
  subject: string;
  topic: string | null;
  time_zone: string;
  scheduled_at: number;
  state: RunState;
  attempts: number;
  error: string | null;
  message_id: string | null;
  owner: string | null;
  lease_until: number | null;
  next_attempt_at: number | null;
  updated_at: number;
}

/** A `subscriptions` row; no topic is stored as ''. */
export interface SubscriptionRow {
  id: number;
  platform: string;
  channel: string;
  subject: string;
  topic: string;
  cron: string;
  time_zone: string;
  created_by: string;
  created_at: number;
}

/** An `articles` row. */
export interface ArticleRow {
  id: number;
  subject: string;
  hash: string;
  headline: string;
  /** JSON: the outlets, first one first. */
  outlets: string;
  published: string | null;
  added_at: number;
  text: string;
  signature: Buffer;
}

/** A `feed_state` row. */
export interface FeedRow {
  subject: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  polled_at: number;
  error: string | null;
}

const opt = <T>(v: T | null): T | undefined => v ?? undefined;

export const toRun = (r: RunRow): DigestRun => ({
  key: r.key, digestId: r.digest_id, platform: r.platform, channel: r.channel, subject: r.subject, topic: opt(r.topic),
  timeZone: r.time_zone, scheduledAt: r.scheduled_at, state: r.state, attempts: r.attempts, error: opt(r.error),
  messageId: opt(r.message_id), owner: opt(r.owner), leaseUntil: opt(r.lease_until), nextAttemptAt: opt(r.next_attempt_at), updatedAt: r.updated_at,
});

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id, platform: r.platform, channel: r.channel, subject: r.subject, topic: r.topic || undefined, cron: r.cron,
  timeZone: r.time_zone, createdBy: r.created_by, createdAt: r.created_at,
});

export const toFeedState = (r: FeedRow): FeedState => ({
  subject: r.subject, url: r.url, etag: opt(r.etag), lastModified: opt(r.last_modified), polledAt: r.polled_at, error: opt(r.error),
});

/** A signature's bytes as a Uint32Array of its own (a Buffer may share a larger pool). */
export const toSignature = (b: Buffer): Uint32Array => {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer);
};

/** A signature as the bytes a BLOB or BYTEA column holds. */
export const fromSignature = (s: Uint32Array): Buffer => Buffer.from(s.buffer, s.byteOffset, s.byteLength);

/** An article row without its text. */
export const toArticleHeader = (r: Omit<ArticleRow, 'text'>): Omit<StoredArticle, 'text'> => ({
  id: r.id, subject: r.subject, hash: r.hash, headline: r.headline, outlets: JSON.parse(r.outlets) as Outlet[],
  published: r.published ?? undefined, addedAt: r.added_at, signature: toSignature(r.signature),
});

export const toArticle = (r: ArticleRow): StoredArticle => ({ ...toArticleHeader(r), text: r.text });

/** The columns of an article but its text. */
export const ARTICLE_HEADER_COLUMNS = 'id, subject, hash, headline, outlets, published, added_at, signature';

/** Whether two outlets are the same copy: by address, or by name when neither has one. */
export const sameOutlet = (a: Outlet, b: Outlet): boolean => (a.url !== undefined && a.url === b.url) || (a.url === undefined && b.url === undefined && a.outlet === b.outlet);
