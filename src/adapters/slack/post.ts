/**
 * Digests go out with `chat.postMessage`. A 429 waits for its Retry-After and tries again, a few
 * times; every other failure comes back as a typed `PostError`, never swallowed.
 */
import { webApi } from '@slack/bolt';
import { err, ok, type Result } from '../../core/result.js';
import type { Logger } from '../../log.js';
import type { SlackMessage } from '../../render/slack/assertions.js';
import type { PostError, Posted } from '../../schedule/post-outcome.js';

/** How many pages of 100 recent messages a rerun reads looking for its earlier post. */
const HISTORY_PAGES = 5;

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

/** Posts a rendered message to a channel; with `token`, as that workspace's bot (multi-workspace mode). */
export type Poster = (channel: string, message: SlackMessage, key?: string, token?: string) => Promise<Result<Posted, PostError>>;

/** The poster over `deps.client`. */
export function createPoster(deps: PosterDeps): Poster {
  const maxAttempts = deps.maxAttempts ?? 3;
  const maxWait = deps.maxWaitSeconds ?? 60;
  return async (channel, message, key, token) => {
    const as = token ? { token } : {};
    if (key) {
      const earlier = await findDigest(deps, channel, key, as);
      if (earlier) return ok({ channel, messageId: earlier });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await deps.client.chat.postMessage({
          ...as,
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

/**
 * The ts of a digest already in the channel with this run key, from its message metadata. It closes
 * the window where Slack took a post but the bot died before recording it: the rerun finds the
 * message instead of posting it twice. If history cannot be read (no `channels:history` scope,
 * Slack down), the post goes ahead: a rare duplicate beats a missing digest.
 */
async function findDigest(deps: PosterDeps, channel: string, key: string, as: { token?: string }): Promise<string | undefined> {
  try {
    let cursor: string | undefined;
    // The newest HISTORY_PAGES pages: a run is retried within minutes of its first post.
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const r = await deps.client.conversations.history({ ...as, channel, limit: 100, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      const found = r.messages?.find(
        (m) => m.metadata?.event_type === DIGEST_EVENT && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      if (found?.ts) {
        deps.logger.info({ channel, key, ts: found.ts }, `Digest ${key} is already in ${channel}; not posting it again`);
        return found.ts;
      }
      cursor = r.response_metadata?.next_cursor;
      if (!r.has_more || !cursor) return undefined;
    }
    return undefined;
  } catch (e) {
    deps.logger.warn({ channel, key, reason: postError(e).message }, `Could not read ${channel}'s history to check for digest ${key}; posting it`);
    return undefined;
  }
}

/** A Web API failure as a `PostError`: 429 rate-limited, 4xx and `ok: false` rejected, 5xx and network unavailable. */
function postError(e: unknown): PostError {
  if (e instanceof webApi.WebAPIRateLimitedError) return { code: 'rate-limited', message: 'ratelimited', retryAfter: e.retryAfter };
  if (e instanceof webApi.WebAPIPlatformError) return { code: 'rejected', message: e.data.error };
  if (e instanceof webApi.WebAPIHTTPError) return { code: e.statusCode >= 500 ? 'unavailable' : 'rejected', message: `HTTP ${e.statusCode}` };
  if (e instanceof webApi.WebAPIRequestError) return { code: 'unavailable', message: e.original.message };
  return { code: 'unavailable', message: e instanceof Error ? e.message : String(e) };
}
