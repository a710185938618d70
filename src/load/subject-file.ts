/** The schema of a subject's `briefing.yaml`, and its problems worded with their paths. */
import { z } from 'zod';
import { calendarProblem, parseDate } from '../core/articles/dates.js';
import type { Topic } from '../core/model.js';
import { parseSpan } from '../schema/duration.js';
import { strictObject } from '../schema/strict-object.js';
import { isRecord } from '../core/records.js';
import { capitalise } from '../core/text.js';

/** Slash-command names: what Slack and Discord both accept. */
export const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;
const TOPIC_NAME = /^[a-z0-9][a-z0-9-]*$/;

// YAML reads `2024` as a number; a term is text either way.
const Term = z.union([z.string().trim().min(1, 'a word or phrase, not empty'), z.number()]).transform(String);
const TopicBody = strictObject({
  label: z.string().trim().min(1).optional(),
  terms: z.array(Term, { error: 'a list of words and phrases' }).min(1, 'give at least one word or phrase'),
});
const TopicName = z.string({ error: 'a topic needs a name' }).regex(TOPIC_NAME, 'a topic name is lower-case letters, digits and - (like military-aid)');

// Short words stay lower-case in a label; other two-letter words are taken for abbreviations (US, EU).
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to']);

/** A label from a topic name: `military-aid` -> "Military aid", `us-relations` -> "US relations". */
export function labelOf(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((w, i) => (w.length === 2 && !SMALL_WORDS.has(w) ? w.toUpperCase() : i === 0 ? capitalise(w) : w))
    .join(' ');
}

/** One topic as written: where it is, its name, and the rest (a list of words, or `{ label, terms }`). */
interface RawTopic {
  path: PropertyKey[];
  name: unknown;
  body: unknown;
}

/** The topic entries of a map (`name: [words]` or `name: {label, terms}`) or of a list. */
function rawTopics(raw: unknown): RawTopic[] | string {
  if (isRecord(raw)) return Object.entries(raw).map(([name, body]) => ({ path: [name], name, body }));
  if (!Array.isArray(raw)) return 'topics is a map (name: [words]) or a list of { name, label, terms }';
  return raw.map((item, i): RawTopic => {
    // `{ name, label, terms }`; a lone `terms` or `label` is that form with the name missing.
    if (isRecord(item) && ('name' in item || 'terms' in item || 'label' in item)) {
      const { name, ...body } = item;
      return { path: [i], name, body };
    }
    const only = isRecord(item) ? Object.entries(item) : [];
    const [name, body] = only.length === 1 && only[0] ? only[0] : [undefined, item];
    return { path: name === undefined ? [i] : [i, name], name, body };
  });
}

/** Topics in either form, each problem reported at its own path. */
const Topics = z.unknown().transform((raw, ctx): Topic[] => {
  if (raw === null || raw === undefined) return [];
  const entries = rawTopics(raw);
  if (typeof entries === 'string') {
    ctx.issues.push({ code: 'custom', path: [], message: entries, input: raw });
    return [];
  }
  const topics: Topic[] = [];
  for (const { path, name, body } of entries) {
    const n = TopicName.safeParse(name);
    if (!n.success) for (const i of n.error.issues) ctx.issues.push({ code: 'custom', path, message: i.message, input: name });
    else if (topics.some((t) => t.name === n.data)) ctx.issues.push({ code: 'custom', path, message: `topic '${n.data}' is defined twice`, input: name });
    const short = Array.isArray(body);
    if (!short && !isRecord(body)) {
      ctx.issues.push({ code: 'custom', path, message: `a list of words ([strike, walkout]) or { label, terms }; got ${JSON.stringify(body)}`, input: body });
      continue;
    }
    const b = TopicBody.safeParse(short ? { terms: body } : body);
    if (!b.success) {
      // The short form has no `terms` key of its own: report at the topic's path.
      for (const i of b.error.issues)
        ctx.issues.push({ code: 'custom', path: [...path, ...(short ? i.path.slice(1) : i.path)], message: i.message, input: body });
    }
    if (n.success && b.success) topics.push({ name: n.data, label: b.data.label ?? labelOf(n.data), terms: b.data.terms });
  }
  return topics;
});

const Source = strictObject({
  outlet: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/, error: 'a full http(s) address' }).optional(),
  published: z
    .string({ error: 'a date, written YYYY-MM-DD' })
    .superRefine((s, ctx) => {
      const impossible = calendarProblem(s);
      if (impossible) ctx.addIssue({ code: 'custom', message: `not a date: ${impossible}; write it YYYY-MM-DD` });
      else if (!parseDate(s, 'metadata')) ctx.addIssue({ code: 'custom', message: 'not a date I can read: write it YYYY-MM-DD' });
    })
    .optional(),
});

/** The shortest poll interval: a feed polled more often than this is impolite. */
const MIN_POLL_MS = 60_000;
/** The longest poll interval: a timer holds it, and a subject polled less than weekly is not live. */
const MAX_POLL_MS = 7 * 86_400_000;
/** How often feeds are polled when `poll:` is not given. */
export const DEFAULT_POLL_MS = 30 * 60_000;

const Poll = z.string({ error: 'how often to poll the feeds, as "every 30m", "2h" or "1d"' }).transform((s, ctx) => {
  const ms = parseSpan(s);
  if (ms === undefined) ctx.issues.push({ code: 'custom', input: s, message: `how often to poll the feeds, as "every 30m", "2h" or "1d"; got "${s}"` });
  else if (ms < MIN_POLL_MS) ctx.issues.push({ code: 'custom', input: s, message: 'poll at most once a minute ("every 1m" or longer)' });
  else if (ms > MAX_POLL_MS) ctx.issues.push({ code: 'custom', input: s, message: `poll at least once a week ("every 7d" or shorter); got "${s}"` });
  return ms ?? DEFAULT_POLL_MS;
});

/** `briefing.yaml`: validated once, when the subject is loaded. */
export const SubjectFile = strictObject({
  title: z
    .string({ error: (i) => (i.input === undefined ? 'required: the briefing title' : `the briefing title, as text; got ${JSON.stringify(i.input)}`) })
    .trim()
    .min(1, 'required: the briefing title'),
  command: z.string().regex(COMMAND_NAME, 'a slash command name: lower-case letters, digits, - or _, at most 32').optional(),
  topics: Topics.default([]),
  sources: z.record(z.string(), Source).default({}),
  /** RSS, Atom or JSON feeds to take new articles from. */
  feeds: z.array(z.url({ protocol: /^https?$/, error: 'a feed address, http(s)://…' }), { error: 'a list of feed addresses' }).default([]),
  /** Words an item must contain to be kept (any one of them); none keeps every item. */
  match: z.array(Term, { error: 'a list of words and phrases' }).default([]),
  poll: Poll.optional(),
  /** Who may open the subject's briefing page: holders of a signed link (default), or anyone. */
  page_access: z.enum(['signed', 'public'], { error: 'signed (only signed links, the default) or public (anyone)' }).default('signed'),
});

/** `briefing.yaml` after validation. */
export type SubjectFile = z.output<typeof SubjectFile>;
