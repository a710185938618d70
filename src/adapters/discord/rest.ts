/** discord.js REST, configured once: base URL, retries, how long a rate limit may hold a request; its errors as `PostError`. */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions } from 'discord.js';
import type { PostError } from '../../schedule/post-outcome.js';
import type { DiscordSettings } from './settings.js';

/** Retries of a request that failed with a 5xx or a dropped connection, before the failure is reported. */
export const REST_RETRIES = 2;

/** The longest rate-limit wait a request accepts by default; longer ones fail as `rate-limited` for the caller to reschedule. */
const MAX_RATE_LIMIT_WAIT_MS = 15_000;

/** REST options shared by the gateway client and the standalone REST client. 429s are queued and retried by discord.js. */
export function restOptions(settings: Pick<DiscordSettings, 'apiUrl' | 'maxRateLimitWaitMs'>): Partial<RESTOptions> {
  const maxWait = settings.maxRateLimitWaitMs ?? MAX_RATE_LIMIT_WAIT_MS;
  return {
    ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
    retries: REST_RETRIES,
    timeout: 10_000,
    rejectOnRateLimit: (r) => Math.max(r.retryAfter, r.timeToReset) > maxWait,
  };
}

/** A REST client for the settings, with the token when there is one. */
export function createRest(settings: DiscordSettings): REST {
  const rest = new REST(restOptions(settings));
  if (settings.token) rest.setToken(settings.token);
  return rest;
}

/** A REST failure as a `PostError`: rate limits, refusals (4xx) and outages (5xx, network) apart. */
export function toPostError(e: unknown): PostError {
  if (e instanceof RateLimitError) {
    // discord.js adds a small safety offset to Discord's wait; whole seconds are what Discord said.
    const seconds = Math.max(1, Math.round(Math.max(e.retryAfter, e.timeToReset) / 1000));
    return { code: 'rate-limited', message: `rate limited on ${e.route} for ${String(seconds)} s`, retryAfter: seconds };
  }
  if (e instanceof DiscordAPIError) {
    if (e.status === 429) return { code: 'rate-limited', message: `HTTP 429 ${e.message}` };
    return { code: 'rejected', message: `HTTP ${String(e.status)} ${String(e.code)} ${e.message}` };
  }
  if (e instanceof HTTPError) return { code: 'unavailable', message: `HTTP ${String(e.status)} ${e.message}`.trim() };
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const reason = typeof cause === 'string' ? cause : e instanceof Error ? e.message : String(e);
  return { code: 'unavailable', message: `network: ${reason}` };
}

/** A message nonce for a digest key: the key itself when short enough, else a hash of it (Discord takes 25 characters). */
export const nonceFor = (key: string): string => (key.length <= 25 ? key : createHash('sha256').update(key).digest('base64url').slice(0, 25));
