/** Rows as both engines return them, and their mapping to the store's types: one copy for SQLite and PostgreSQL. */
import { z } from 'zod';
import type { Coverage } from '../core/briefing/changes.js';
import type { ArticleExtract } from '../core/model.js';
import type { DigestRun, FeedState, Outlet, StoredArticle, Subscription } from './store.js';

/**
 * Rows are checked as they are read, not cast: a column that is not what the schema says (a
 * database written by something else, a bad migration) is an error naming the table and column.
 */
const text = z.string();
const nullableText = z.string().nullable();
const int = z.number().int();
const nullableInt = int.nullable();

const RunRowSchema = z.object({
  key: text,
  digest_id: text,
  platform: text,
  channel: text,
  subject: text,
  topic: nullableText,
  time_zone: text,
  scheduled_at: int,
  state: z.enum(['claimed', 'posted', 'failed', 'skipped']),
  attempts: int,
  error: nullableText,
  message_id: nullableText,
  owner: nullableText,
  lease_until: nullableInt,
  next_attempt_at: nullableInt,
  updated_at: int,
});
/** A `digest_runs` row. */
export type RunRow = z.output<typeof RunRowSchema>;

const SubscriptionRowSchema = z.object({
  id: int,
  platform: text,
  channel: text,
  subject: text,
  topic: text,
  cron: text,
  time_zone: text,
  created_by: text,
  created_at: int,
});
/** A `subscriptions` row; no topic is stored as ''. */
export type SubscriptionRow = z.output<typeof SubscriptionRowSchema>;

const ArticleHeaderSchema = z.object({
  id: int,
  subject: text,
  hash: text,
  headline: text,
  outlets: text,
  published: nullableText,
  added_at: int,
  signature: z.custom<Buffer>((v) => v instanceof Uint8Array, 'expected bytes'),
});
const ArticleRowSchema = ArticleHeaderSchema.extend({ text });
/** An `articles` row; `outlets` is JSON, the first outlet first. */
export type ArticleRow = z.output<typeof ArticleRowSchema>;

const FeedRowSchema = z.object({ subject: text, url: text, etag: nullableText, last_modified: nullableText, polled_at: int, error: nullableText });
/** A `feed_state` row. */
export type FeedRow = z.output<typeof FeedRowSchema>;

const OutletsSchema = z.array(z.object({ outlet: z.string().optional(), url: z.string().optional() }));

/** A value read from `table`, checked against `schema`; what is wrong, by column, when it is not. */
function read<T>(schema: z.ZodType<T>, value: unknown, table: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new Error(`A ${table} row is not what Sitrep wrote: ${r.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ')}`);
}

/** JSON from a column, checked; what is wrong when it is not. */
function readJson<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
  return read(schema, value, what);
}

const opt = <T>(v: T | null): T | undefined => v ?? undefined;

export const toRun = (row: unknown): DigestRun => runOf(read(RunRowSchema, row, 'digest_runs'));
const runOf = (r: RunRow): DigestRun => ({
  key: r.key,
  digestId: r.digest_id,
  platform: r.platform,
  channel: r.channel,
  subject: r.subject,
  topic: opt(r.topic),
  timeZone: r.time_zone,
  scheduledAt: r.scheduled_at,
  state: r.state,
  attempts: r.attempts,
  error: opt(r.error),
  messageId: opt(r.message_id),
  owner: opt(r.owner),
  leaseUntil: opt(r.lease_until),
  nextAttemptAt: opt(r.next_attempt_at),
  updatedAt: r.updated_at,
});

export const toSubscription = (row: unknown): Subscription => subscriptionOf(read(SubscriptionRowSchema, row, 'subscriptions'));
const subscriptionOf = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  subject: r.subject,
  topic: r.topic || undefined,
  cron: r.cron,
  timeZone: r.time_zone,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toFeedState = (row: unknown): FeedState => feedStateOf(read(FeedRowSchema, row, 'feed_state'));
const feedStateOf = (r: FeedRow): FeedState => ({
  subject: r.subject,
  url: r.url,
  etag: opt(r.etag),
  lastModified: opt(r.last_modified),
  polledAt: r.polled_at,
  error: opt(r.error),
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
export const toArticleHeader = (row: unknown): Omit<StoredArticle, 'text'> => headerOf(read(ArticleHeaderSchema, row, 'articles'));
const headerOf = (r: Omit<ArticleRow, 'text'>): Omit<StoredArticle, 'text'> => ({
  id: r.id,
  subject: r.subject,
  hash: r.hash,
  headline: r.headline,
  outlets: readOutlets(r.outlets),
  published: r.published ?? undefined,
  addedAt: r.added_at,
  signature: toSignature(r.signature),
});

/** A full article row. */
export const toArticle = (row: unknown): StoredArticle => {
  const r = read(ArticleRowSchema, row, 'articles');
  return { ...headerOf(r), text: r.text };
};

/** An article's outlets column, checked. */
export const readOutlets = (json: string): Outlet[] => readJson(OutletsSchema, json, "An article's outlets");

/** What a digest covered, as stored with its run; undefined when the stored JSON is not a coverage (it is then as if none was recorded). */
export function readCoverage(json: string): Coverage | undefined {
  try {
    return readJson(CoverageSchema, json, 'A digest coverage');
  } catch {
    return undefined;
  }
}
const CoverageSchema: z.ZodType<Coverage> = z.object({
  v: z.number().optional(),
  at: z.string(),
  articles: z.array(z.string()),
  figures: z.array(z.object({ key: z.string(), metric: z.string(), period: z.string(), value: z.number(), text: z.string() })),
  actors: z.array(z.string()),
  questions: z.array(z.string()),
});

/**
 * An extract from the cache, when it has an extract's shape (its parts, not every field of every
 * figure: the cache key carries the extractor's version); undefined otherwise, and it is made again.
 */
export function readExtract(json: string): ArticleExtract | undefined {
  try {
    // Its parts checked; their fields are the extractor's own output under the same version.
    const shaped: unknown = readJson(ExtractShape, json, 'A cached extract');
    return shaped as ArticleExtract;
  } catch {
    return undefined;
  }
}
const ExtractShape = z.looseObject({
  article: z.looseObject({ file: z.string(), headline: z.string() }),
  figures: z.array(z.looseObject({ metric: z.string(), value: z.number(), evidence: z.looseObject({ file: z.string(), quote: z.string() }) })),
  actors: z.array(z.looseObject({ name: z.string(), key: z.string() })),
  questions: z.array(z.looseObject({ question: z.string() })),
  sentences: z.array(z.looseObject({ file: z.string(), quote: z.string() })),
  places: z.array(z.unknown()),
});

/** The columns of an article but its text. */
export const ARTICLE_HEADER_COLUMNS = 'id, subject, hash, headline, outlets, published, added_at, signature';

/** Whether two outlets are the same copy: by address, or by name when neither has one. */
export const sameOutlet = (a: Outlet, b: Outlet): boolean =>
  (a.url !== undefined && a.url === b.url) || (a.url === undefined && b.url === undefined && a.outlet === b.outlet);
