/**
 * Digests go out with `chat.postMessage`. A 429 waits for its Retry-After and tries again, a few
 * times; every other failure comes back as a typed `PostError`, never swallowed.
 */
import { webApi } from '@slack/bolt';
import { err, ok, type Result } from '../../core/result.js';
import type { Logger } from '../../log.js';
import type { SlackMessage } from '../../render/slack/assertions.js';
import type { PostError, Posted } from '../adapter.js';

/** The `event_type` of the metadata a digest carries, with its run key, so a later run can spot it. */
export const DIGEST_EVENT = 'sitrep_digest';

/** What the poster needs. */
export interface PosterDeps {
  /** A client that rejects 429s instead of waiting (`rejectRateLimitedCalls`) and does not retry on its own. */
  client: webApi.WebClient;
  /** Waits between attempts; tests pass one that returns at once and records the wait. */
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** Attempts in all, the first included. */
  maxAttempts?: number | undefined;
  /** A longer Retry-After is not waited for: the error says how long, and the scheduler decides. */
  maxWaitSeconds?: number | undefined;
}

/** Posts a rendered message to a channel. */
export type Poster = (channel: string, message: SlackMessage, key?: string) => Promise<Result<Posted, PostError>>;

/** The poster over `deps.client`. */
export function createPoster(deps: PosterDeps): Poster {
  const maxAttempts = deps.maxAttempts ?? 3;
  const maxWait = deps.maxWaitSeconds ?? 60;
  return async (channel, message, key) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await deps.client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(key ? { metadata: { event_type: DIGEST_EVENT, event_payload: { key } } } : {}),
        });
        if (!r.ts) return err({ code: 'unavailable', message: 'chat.postMessage answered without a message ts' });
        return ok({ channel: r.channel ?? channel, messageId: r.ts });
      } catch (e) {
        const error = postError(e);
        const wait = error.retryAfter ?? 1;
        if (error.code !== 'rate-limited' || attempt >= maxAttempts || wait > maxWait) return err(error);
        deps.logger.warn({ channel, attempt, retryAfter: wait }, `Slack rate-limited a post to ${channel}; retrying in ${wait} s`);
        await deps.sleep(wait * 1000);
      }
    }
  };
}

/** A Web API failure as a `PostError`: 429 rate-limited, 4xx and `ok: false` rejected, 5xx and network unavailable. */
export function postError(e: unknown): PostError {
  if (e instanceof webApi.WebAPIRateLimitedError) return { code: 'rate-limited', message: 'ratelimited', retryAfter: e.retryAfter };
  if (e instanceof webApi.WebAPIPlatformError) return { code: 'rejected', message: e.data.error };
  if (e instanceof webApi.WebAPIHTTPError) return { code: e.statusCode >= 500 ? 'unavailable' : 'rejected', message: `HTTP ${e.statusCode}` };
  if (e instanceof webApi.WebAPIRequestError) return { code: 'unavailable', message: e.original.message };
  return { code: 'unavailable', message: e instanceof Error ? e.message : String(e) };
}
