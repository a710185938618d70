/** Discord's settings, taken from the validated environment: which connection, which secrets, which API. */
import { envText, envUrl, readVariables, type Env } from '../../config/env.js';

/** Discord's variables: read here, not in Sitrep's own environment schema. */
export const DISCORD_VARIABLES = {
  DISCORD_TOKEN: envText,
  DISCORD_APPLICATION_ID: envText,
  DISCORD_PUBLIC_KEY: envText,
  DISCORD_API_URL: envUrl.optional(),
  DISCORD_SHARDS: envText,
};
import { err, ok, type Result } from '../../core/result.js';

/** How interactions arrive: a gateway WebSocket (bot token), or signed HTTP requests at `/discord/interactions`. */
type DiscordMode = 'gateway' | 'http';

/** What the Discord adapter needs to run. */
export interface DiscordSettings {
  mode: DiscordMode;
  applicationId: string;
  /** The bot token: connects the gateway, posts digests, registers commands. Optional in `http` mode (answers need none). */
  token?: string | undefined;
  /** The application's Ed25519 public key, 64 hex characters; `http` mode only. */
  publicKey?: string | undefined;
  /** The REST base URL without the version, as `https://discord.com/api` (the default). */
  apiUrl?: string | undefined;
  /** How long an answer may take before the reply is deferred and edited later; 0 defers every answer. */
  deferAfterMs?: number | undefined;
  /** How many rendered answers to remember (default 256; 0 renders every time). */
  answerCacheSize?: number | undefined;
  /** The longest rate-limit wait accepted before a post reports `rate-limited`. */
  maxRateLimitWaitMs?: number | undefined;
  /** Gateway shards this process runs: Discord's recommendation (`auto`, the default), or ids of a count. */
  shards?: Shards | undefined;
}

/** Which gateway shards a process runs. */
export type Shards = 'auto' | { ids: number[]; count: number };

/**
 * DISCORD_SHARDS: `auto` (Discord's recommended count, all in this process), `4` (all four here),
 * or `0,1/4` (shards 0 and 1 of 4 here, the others in other replicas).
 */
export function parseShards(text: string | undefined): Result<Shards, string> {
  const t = (text ?? 'auto').trim();
  if (t === 'auto') return ok('auto');
  const all = /^(\d{1,4})$/.exec(t);
  if (all) {
    const count = Number(all[1]);
    return count >= 1 ? ok({ ids: Array.from({ length: count }, (_, i) => i), count }) : err('DISCORD_SHARDS must be at least 1');
  }
  const some = /^(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\/\s*(\d{1,4})$/.exec(t);
  if (some) {
    const count = Number(some[2]);
    const ids = [...new Set((some[1] ?? '').split(',').map((s) => Number(s.trim())))].sort((a, b) => a - b);
    if (count >= 1 && ids.every((i) => i < count)) return ok({ ids, count });
    return err(`DISCORD_SHARDS: shard ids run from 0 to ${String(count - 1)} of ${String(count)}; got ${t}`);
  }
  return err(`DISCORD_SHARDS must be auto, a shard count (4), or this process's shards of a count (0,1/4); got ${t}`);
}

/** The REST base as discord.js wants it: no trailing slash, no `/v10`. */
const normaliseApiUrl = (url: string): string => url.replace(/\/+$/, '').replace(/\/v\d+$/, '');

/**
 * Discord's settings, or `undefined` when no DISCORD_* variable is set (Discord is not used).
 * With DISCORD_PUBLIC_KEY the bot answers on the HTTP interactions endpoint; otherwise it connects
 * the gateway with DISCORD_TOKEN. The error names every missing or malformed variable.
 */
export function discordSettingsFrom(env: Env): Result<DiscordSettings | undefined, string> {
  const read = readVariables(DISCORD_VARIABLES, env);
  if (!read.ok) return err(`Discord settings: ${read.error.join('; ')}.`);
  const vars = read.value;
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_PUBLIC_KEY: publicKey, DISCORD_API_URL: apiUrl } = vars;
  if (!token && !applicationId && !publicKey && !apiUrl) return ok(undefined);
  const mode: DiscordMode = publicKey ? 'http' : 'gateway';
  const problems: string[] = [];
  if (!applicationId) problems.push('DISCORD_APPLICATION_ID is missing (the application id from the Developer Portal)');
  else if (!/^\d{1,20}$/.test(applicationId)) problems.push('DISCORD_APPLICATION_ID must be the numeric application id');
  if (publicKey && !/^[0-9a-f]{64}$/i.test(publicKey)) problems.push("DISCORD_PUBLIC_KEY must be the 64 hex characters of the application's public key");
  if (mode === 'gateway' && !token)
    problems.push('DISCORD_TOKEN is missing (the bot token; or set DISCORD_PUBLIC_KEY to answer on the HTTP interactions endpoint)');
  const shards = parseShards(vars.DISCORD_SHARDS);
  if (!shards.ok) problems.push(shards.error);
  else if (mode === 'http' && vars.DISCORD_SHARDS)
    problems.push('DISCORD_SHARDS applies to the gateway; on the HTTP interactions endpoint, run more replicas instead');
  if (problems.length || !applicationId || !shards.ok) return err(`Discord settings: ${problems.join('; ')}.`);
  return ok({
    mode,
    applicationId,
    token,
    publicKey: publicKey?.toLowerCase(),
    apiUrl: apiUrl === undefined ? undefined : normaliseApiUrl(apiUrl),
    shards: shards.value,
  });
}
