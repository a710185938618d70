/**
 * Settings from environment variables: secrets and endpoints. The only module that reads
 * `process.env`; everything else is given what it needs.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.js';
import { parseSpan } from '../schema/duration.js';

const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, as in http://127.0.0.1:9000/api/' });
const secret = z.string().trim().min(1).optional();

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: secret,
  SLACK_SIGNING_SECRET: secret,
  SLACK_APP_TOKEN: secret,
  SLACK_API_URL: url.optional(),
  SLACK_CLIENT_ID: secret,
  SLACK_CLIENT_SECRET: secret,
  DISCORD_TOKEN: secret,
  DISCORD_APPLICATION_ID: secret,
  DISCORD_PUBLIC_KEY: secret,
  DISCORD_API_URL: url.optional(),
  DISCORD_SHARDS: z.string().trim().min(1).optional(),
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  SITREP_CONFIG: z.string().trim().min(1).optional(),
  SITREP_DB: z.string().trim().min(1).optional(),
  SITREP_ENCRYPTION_KEY: z.string().trim().min(32, 'at least 32 characters: make one with openssl rand -base64 32').optional(),
  SITREP_DATABASE_URL: z.url({ protocol: /^postgres(?:ql)?$/, error: 'expected a PostgreSQL URL, as in postgres://sitrep:secret@db.internal:5432/sitrep' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITREP_PUBLIC_URL: url.optional(),
  SITREP_LINK_SECRET: z.string().trim().min(32, 'at least 32 characters: make one with openssl rand -base64 32').optional(),
  SITREP_LINK_EXPIRY: z.string().trim().optional().transform((s, ctx) => {
    if (s === undefined) return undefined;
    const ms = parseSpan(s);
    if (ms === undefined || ms < 60_000 || ms > 366 * 86_400_000) {
      ctx.issues.push({ code: 'custom', input: s, message: 'how long a page link works, from 1m to 366d, as 30d or 12h' });
      return undefined;
    }
    return ms;
  }),
  // `auto`: the console runs when no chat platform does. `off`: never (a container, a service).
  SITREP_CONSOLE: z.enum(['auto', 'off'], { error: 'expected auto or off' }).default('auto'),
});

/** The validated environment. */
export type Env = z.output<typeof EnvSchema>;

/** Every variable Sitrep reads (`.env.example` lists each, with what it is for). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/** Reads the environment once; every bad value is reported with its variable name. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): Result<Env, string[]> {
  // An empty variable means "not set", as in shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = EnvSchema.safeParse(present);
  if (r.success) return ok(r.data);
  return err(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}
