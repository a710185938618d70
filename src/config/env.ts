/**
 * Settings from environment variables: Sitrep's own here, and each chat platform's in its adapter
 * folder (`readVariables` with its own shape). Nothing reads `process.env` but the bin, which hands
 * it over; everything else is given what it needs.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.js';
import { parseSpan } from '../schema/duration.js';

/** An http(s) URL variable (a platform's API base, the public address). */
export const envUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL, as in http://127.0.0.1:9000/api/' });
/** A secret or other text variable: set means non-empty. */
export const envText = z.string().trim().min(1).optional();
const url = envUrl;

const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  SITREP_CONFIG: z.string().trim().min(1).optional(),
  SITREP_DB: z.string().trim().min(1).optional(),
  SITREP_ENCRYPTION_KEY: z.string().trim().min(32, 'at least 32 characters: make one with openssl rand -base64 32').optional(),
  SITREP_DATABASE_URL: z
    .url({ protocol: /^postgres(?:ql)?$/, error: 'expected a PostgreSQL URL, as in postgres://sitrep:secret@db.internal:5432/sitrep' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITREP_PUBLIC_URL: url.optional(),
  SITREP_LINK_SECRET: z.string().trim().min(32, 'at least 32 characters: make one with openssl rand -base64 32').optional(),
  SITREP_LINK_EXPIRY: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
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

/** The environment as given, set variables only: where each platform reads its own. */
type RawEnv = Readonly<Record<string, string>>;

/** The validated environment: Sitrep's own variables, and the raw ones for the platforms. */
export type Env = z.output<typeof EnvSchema> & { raw: RawEnv };

/** Sitrep's own variables; each platform lists its own (`.env.example` lists them all). */
export const SITREP_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

const problems = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

/** Reads the environment once; every bad value is reported with its variable name. */
export function readEnv(env: Readonly<Record<string, string | undefined>>): Result<Env, string[]> {
  // An empty variable means "not set", as in shells and .env files.
  const raw = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const r = EnvSchema.safeParse(raw);
  if (r.success) return ok({ ...r.data, raw });
  return err(problems(r.error));
}

/** A platform's own variables, read from the environment with its shape; each problem with its variable's name. */
export function readVariables<S extends z.ZodRawShape>(shape: S, env: Pick<Env, 'raw'>): Result<z.output<z.ZodObject<S>>, string[]> {
  const r = z.object(shape).safeParse(env.raw);
  return r.success ? ok(r.data) : err(problems(r.error));
}
