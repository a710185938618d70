/** What posting a digest came to, as every platform reports it and the scheduler records it. */

/** Why a post failed, for the scheduler's record: `rate-limited` after retries, `rejected` (4xx), `unavailable` (5xx, network). */
export interface PostError {
  code: 'rate-limited' | 'rejected' | 'unavailable';
  /** The platform's own words, e.g. `channel_not_found` or `HTTP 500`. */
  message: string;
  /** Seconds the platform asked us to wait, when it said. */
  retryAfter?: number | undefined;
}

/** A posted message: the platform's id for it (Slack `ts`, Discord snowflake) and its channel. */
export interface Posted {
  channel: string;
  messageId: string;
}
