/**
 * `config/sitrep.yaml`: which subjects to serve, which platforms to run, the digests and the
 * scheduler's settings. One zod schema, validated once at start; no secrets (those come from the
 * environment only).
 */
import { z } from 'zod';
import { dailyCron, parseCron } from '../schedule/cron.js';
import type { Digest } from '../schedule/digest.js';
import { canonicalZone, suggestZones } from '../schedule/wall-clock.js';
import { describeSpan, parseSpan } from '../schema/duration.js';
import { strictObject } from '../schema/strict-object.js';

/** The validated config. */
export interface SitrepConfig {
  /** Subjects to serve; empty means every folder under `briefings/`. */
  subjects: string[];
  /** Chat platforms to start when their secrets are set (`console` here runs it even beside them). */
  platforms: string[];
  /** The zone of digests and subscriptions that name none. */
  timeZone: string;
  digests: Digest[];
  schedule: { graceMs: number; attempts: number; backoffMs: number; maxBackoffMs: number };
  /** Each platform's own section of the file (`slack:`), as the platform's schema read it; absent when not given. */
  platformConfig: Record<string, unknown>;
  /** How feeds and pages are fetched. */
  ingest: IngestSettings;
}

/** Fetching feeds and pages: limits, and whether private addresses may be fetched. */
export interface IngestSettings {
  /** Fetch from loopback, private and link-local addresses too (an intranet feed, a test server). */
  allowPrivate: boolean;
  /** Hosts fetched whatever address they resolve to. */
  allowHosts: string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  attempts: number;
}

/** Ingest settings when the config says nothing. */
export const INGEST_DEFAULTS: IngestSettings = {
  allowPrivate: false,
  allowHosts: [],
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  attempts: 3,
};

/** What the config is checked against: the platforms this build knows and the subjects on disk. */
export interface Known {
  platforms: readonly string[];
  subjects: readonly string[];
  /** Each platform's own section of the file, by platform name, with the schema the platform declares. */
  sections?: Readonly<Record<string, z.ZodType>> | undefined;
}

const MINUTE = 60_000;

/**
 * A duration (`2h`, `90m`, `1h30m`, `30s`) of at most `max` ms: every span in the config feeds a
 * timer, and Node's timers wrap past 2^31 - 1 ms (about 24.8 days) to 1 ms.
 */
const duration = (max: number) =>
  z.string({ error: 'expected a duration such as 2h, 90m or 30s' }).transform((s, ctx) => {
    const ms = parseSpan(s);
    if (ms === undefined) ctx.issues.push({ code: 'custom', input: s, message: `expected a duration such as 2h, 90m or 30s; got "${s}"` });
    else if (ms > max) ctx.issues.push({ code: 'custom', input: s, message: `expected at most ${describeSpan(max)}; got "${s}"` });
    return ms ?? 0;
  });

/** A size (`5MB`, `500KB`) from `min` to `max` bytes. */
const size = (min: number, max: number) =>
  z
    .union([z.string(), z.number(), z.bigint()], { error: 'expected a size such as 5MB or 500KB' })
    .transform(String)
    .transform((t, ctx) => {
      const bytes = parseSize(t);
      if (bytes === undefined) ctx.issues.push({ code: 'custom', input: t, message: `expected a size such as 5MB or 500KB; got "${t}"` });
      else if (bytes < min || bytes > max)
        ctx.issues.push({ code: 'custom', input: t, message: `expected a size from ${describeSize(min)} to ${describeSize(max)}; got "${t}"` });
      return bytes ?? 0;
    });

// YAML reads long integers (Discord ids) as bigint here, so they stay exact.
const Integer = z.union([z.number(), z.bigint()], { error: 'expected a whole number' }).transform(Number).pipe(z.number().int('expected a whole number'));

/** An IANA time zone, in Intl's spelling. */
const TimeZoneName = z.string({ error: 'expected a time zone name such as America/Bogota or UTC' }).transform((s, ctx) => {
  const zone = canonicalZone(s);
  if (!zone) {
    const near = suggestZones(s);
    ctx.issues.push({
      code: 'custom',
      input: s,
      message:
        `unknown time zone "${s}"; expected an IANA name such as America/Bogota, Europe/Madrid or UTC` +
        (near.length ? ` (did you mean ${near.join(' or ')}?)` : ''),
    });
  }
  return zone ?? s;
});

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const CronText = z.string({ error: 'expected a cron expression such as "0 8 * * 1-5"' }).superRefine((s, ctx) => {
  const r = parseCron(s);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

const oneOf = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

function digestSchema(known: Known) {
  return strictObject({
    id: z.string().regex(ID, 'expected an id of lower-case letters, digits, - _ or . (at most 64), such as strikes-morning').optional(),
    platform: z
      .string({ error: `expected a platform: ${oneOf(known.platforms)}` })
      .refine((p) => known.platforms.includes(p), { error: (i) => `unknown platform '${String(i.input)}'; expected one of ${oneOf(known.platforms)}` }),
    channel: z
      .union([z.string().trim().min(1, 'expected a channel'), z.bigint(), z.number()], {
        error: 'expected a channel: a Slack channel id (C…), a Discord channel id, or any name on the console',
      })
      .superRefine((c, ctx) => {
        if (typeof c === 'number') ctx.addIssue({ code: 'custom', message: `channel ${String(c)} must be written in quotes, as in channel: "${String(c)}"` });
      })
      .transform(String),
    subject: z.string({ error: 'expected the name of a subject (a folder under briefings/)' }).refine((s) => known.subjects.includes(s), {
      error: (i) =>
        `unknown subject '${String(i.input)}'; ` +
        (known.subjects.length ? `expected one of ${oneOf(known.subjects)}` : 'there are no subjects under briefings/'),
    }),
    topic: z
      .union([z.string().trim().min(1), z.number()], { error: 'expected a topic: its name, or any words' })
      .transform(String)
      .optional(),
    cron: CronText.optional(),
    time: z
      .string({ error: 'expected a time of day, HH:MM (24-hour), such as "08:00"' })
      .regex(TIME, 'expected a time of day, HH:MM (24-hour), such as "08:00" or "17:30"')
      .optional(),
    timezone: TimeZoneName.optional(),
    when_unchanged: z.enum(['say', 'skip'], { error: 'expected say (post "Nothing new since …") or skip (post nothing)' }).optional(),
  }).check(
    z.refine((d) => (d.cron === undefined) !== (d.time === undefined), {
      message: 'expected either time (daily, as "08:00") or cron (as "0 8 * * 1-5"), not both and not neither',
      when: () => true,
    }),
  );
}

const ConfigBase = (known: Known) =>
  strictObject({
    subjects: z
      .array(
        z
          .string()
          .refine((s) => known.subjects.includes(s), { error: (i) => `unknown subject '${String(i.input)}'; expected one of ${oneOf(known.subjects)}` }),
      )
      .default([]),
    platforms: z
      .array(
        z
          .string()
          .refine((p) => known.platforms.includes(p), { error: (i) => `unknown platform '${String(i.input)}'; expected one of ${oneOf(known.platforms)}` }),
      )
      .default(known.platforms.filter((p) => p !== 'console')),
    timezone: TimeZoneName.default('UTC'),
    schedule: strictObject({
      grace: duration(7 * 24 * 60 * MINUTE).default(2 * 60 * MINUTE),
      attempts: Integer.pipe(z.number().min(1, 'expected at least 1 try').max(20, 'expected at most 20 tries')).default(5),
      backoff: duration(60 * MINUTE).default(30_000),
      max_backoff: duration(24 * 60 * MINUTE).default(10 * MINUTE),
    }).default({ grace: 2 * 60 * MINUTE, attempts: 5, backoff: 30_000, max_backoff: 10 * MINUTE }),
    ...Object.fromEntries(Object.entries(known.sections ?? {}).map(([name, schema]) => [name, schema.optional()])),
    digests: z.array(digestSchema(known), { error: 'expected a list of digests' }).default([]),
    ingest: strictObject({
      allow_private: z.boolean({ error: 'expected true or false' }).default(false),
      allow_hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'expected a host name, such as feeds.intranet.example')).default([]),
      timeout: duration(10 * MINUTE).default(INGEST_DEFAULTS.timeoutMs),
      max_size: size(1024, 100 * 1024 ** 2).default(INGEST_DEFAULTS.maxBytes),
      redirects: Integer.pipe(z.number().min(0).max(20, 'expected at most 20 redirects')).default(INGEST_DEFAULTS.maxRedirects),
      attempts: Integer.pipe(z.number().min(1, 'expected at least 1 try').max(10, 'expected at most 10 tries')).default(INGEST_DEFAULTS.attempts),
    }).default({
      allow_private: false,
      allow_hosts: [],
      timeout: INGEST_DEFAULTS.timeoutMs,
      max_size: INGEST_DEFAULTS.maxBytes,
      redirects: INGEST_DEFAULTS.maxRedirects,
      attempts: INGEST_DEFAULTS.attempts,
    }),
  });

/** A size in words: `100 MB`, `1 KB`. */
const describeSize = (bytes: number): string => (bytes >= 1024 ** 2 ? `${String(bytes / 1024 ** 2)} MB` : `${String(bytes / 1024)} KB`);

/** `5MB`, `500KB`, `1GB`, `1048576` -> bytes. */
function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(Number(m[1]) * unit);
}

/** `strikes-wages-console-terminal`: an id for a digest that names none. */
const derivedId = (d: { subject: string; topic?: string | undefined; platform: string; channel: string }): string =>
  [d.subject, d.topic ?? 'overview', d.platform, d.channel]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

/** The schema of `sitrep.yaml`, checked against what this build and this disk hold. */
export function configSchema(known: Known) {
  return ConfigBase(known)
    .check(
      z.superRefine(
        (c, ctx) => {
          // Runs even when other parts failed, so every problem is reported at once: read defensively.
          const digests = Array.isArray(c.digests) ? c.digests : [];
          const served = Array.isArray(c.subjects) ? c.subjects : [];
          const seen = new Map<string, number>();
          digests.forEach((d, i) => {
            if (typeof d !== 'object') return;
            if (served.length && typeof d.subject === 'string' && known.subjects.includes(d.subject) && !served.includes(d.subject)) {
              ctx.addIssue({
                code: 'custom',
                path: ['digests', i, 'subject'],
                message: `subject '${d.subject}' is not served; add it to subjects: (${served.join(', ')})`,
              });
            }
            if (typeof d.subject !== 'string' || typeof d.platform !== 'string' || typeof d.channel !== 'string') return;
            const id = d.id ?? derivedId(d);
            const other = seen.get(id);
            if (other !== undefined)
              ctx.addIssue({
                code: 'custom',
                path: ['digests', i, 'id'],
                message: `digests[${String(other)}] has the same id '${id}'; give each digest its own id:`,
              });
            else seen.set(id, i);
          });
        },
        { when: () => true },
      ),
    )
    .transform((c): SitrepConfig => ({
      subjects: c.subjects,
      platforms: [...new Set(c.platforms)],
      timeZone: c.timezone,
      schedule: { graceMs: c.schedule.grace, attempts: c.schedule.attempts, backoffMs: c.schedule.backoff, maxBackoffMs: c.schedule.max_backoff },
      platformConfig: Object.fromEntries(Object.keys(known.sections ?? {}).map((name) => [name, (c as Record<string, unknown>)[name]])),
      ingest: {
        allowPrivate: c.ingest.allow_private,
        allowHosts: c.ingest.allow_hosts,
        timeoutMs: c.ingest.timeout,
        maxBytes: c.ingest.max_size,
        maxRedirects: c.ingest.redirects,
        attempts: c.ingest.attempts,
      },
      digests: c.digests.map((d): Digest => {
        const [hour, minute] = (d.time ?? '').split(':').map(Number);
        return {
          id: d.id ?? derivedId(d),
          platform: d.platform,
          channel: d.channel,
          subject: d.subject,
          topic: d.topic,
          cron: d.cron ?? dailyCron(hour ?? 0, minute ?? 0),
          timeZone: d.timezone ?? c.timezone,
          origin: 'config',
          ...(d.when_unchanged ? { whenUnchanged: d.when_unchanged } : {}),
        };
      }),
    }));
}
