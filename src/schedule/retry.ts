/** When to try a failed post again: exponential backoff, never sooner than the platform asked. */
import type { PostError } from './post-outcome.js';

/** How many times a run is tried and how long to wait between tries. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait after the first failure; it doubles after each one. */
  backoffMs: number;
  /** The longest wait between tries. */
  maxBackoffMs: number;
}

/** Whether a failure can go away by itself: rate limits and outages can, a refusal (4xx) cannot. */
export const isRetryable = (e: PostError): boolean => e.code !== 'rejected';

/** The wait before try `attempt + 1`, after `attempt` tries have failed; a `Retry-After` is honoured even above the cap. */
export function retryDelay(policy: RetryPolicy, attempt: number, error: PostError): number {
  const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
  const asked = error.retryAfter === undefined ? 0 : Math.ceil(error.retryAfter * 1000);
  return Math.max(backoff, asked);
}

/** A failure in words for the run's record: `rate-limited: HTTP 429 (retry after 30 s)`. */
export const describePostError = (e: PostError): string =>
  `${e.code}: ${e.message}${e.retryAfter === undefined ? '' : ` (retry after ${String(e.retryAfter)} s)`}`;
