/**
 * The words of `/<subject> subscribe daily 08:00 [topic] [time zone]`, `/<subject> unsubscribe [topic]`
 * and `/<subject> schedule`, read into values. Pure: whether the caller may, and what is stored,
 * is decided elsewhere.
 */
import { err, ok, type Result } from '../core/result.js';
import { canonicalZone, suggestZones } from '../schedule/wall-clock.js';

/** How often a chat subscription runs. */
type Days = 'daily' | 'weekdays';

/** A subscription command, read. */
export type SubscriptionCommand =
  | { kind: 'subscribe'; days: Days; hour: number; minute: number; topic?: string | undefined; timeZone?: string | undefined }
  | { kind: 'unsubscribe'; topic?: string | undefined }
  | { kind: 'schedule' };

/** Why a subscribe command could not be read; worded by the caller. */
export type SubscriptionSyntaxError =
  { code: 'no-time' } | { code: 'bad-time'; given: string } | { code: 'bad-days'; given: string } | { code: 'bad-zone'; given: string; suggestions: string[] };

const TIME = /^(\d{1,2})(?::([0-5]\d))?\s*(am|pm)?$/i;

/** `08:00`, `8:30`, `17:30`, `8am`, `5:30pm` -> hour and minute; anything else is not a time. */
export function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const [, h = '', min, half] = m;
  // A bare number ("8") is too easily a typo or a topic: ask for 08:00.
  if (min === undefined && half === undefined) return undefined;
  let hour = Number(h);
  const minute = Number(min ?? 0);
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  }
  return hour <= 23 ? { hour, minute } : undefined;
}

/** Whether a word is meant as a time zone: it has a slash (`America/Bogota`) or is UTC/GMT. */
const looksLikeZone = (word: string): boolean => word.includes('/') || /^(utc|gmt)$/i.test(word);

function readSubscribe(words: string[]): Result<SubscriptionCommand, SubscriptionSyntaxError> {
  let days: Days = 'daily';
  const first = words[0]?.toLowerCase();
  if (first === 'daily' || first === 'weekdays') {
    days = first;
    words.shift();
  } else if (first !== undefined && /^(hourly|weekly|monthly|weekends?|every)$/.test(first)) {
    return err({ code: 'bad-days', given: words[0] ?? first });
  }
  const timeWord = words.shift();
  if (timeWord === undefined) return err({ code: 'no-time' });
  const time = parseTimeOfDay(timeWord);
  if (!time) return err({ code: 'bad-time', given: timeWord });
  let timeZone: string | undefined;
  const last = words.at(-1);
  if (last !== undefined && looksLikeZone(last)) {
    timeZone = canonicalZone(last);
    if (!timeZone) return err({ code: 'bad-zone', given: last, suggestions: suggestZones(last) });
    words.pop();
  }
  const topic = words.join(' ').trim() || undefined;
  return ok({ kind: 'subscribe', days, ...time, topic, timeZone });
}

/**
 * Reads a subscription command from the text after the slash command's name, or `undefined` when
 * the text is something else (a topic, free text, `topics`...).
 */
export function parseSubscriptionCommand(text: string): Result<SubscriptionCommand, SubscriptionSyntaxError> | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = words.shift()?.toLowerCase();
  if (verb === 'subscribe') return readSubscribe(words);
  if (verb === 'unsubscribe') return ok({ kind: 'unsubscribe', topic: words.join(' ') || undefined });
  if (verb === 'schedule') return ok({ kind: 'schedule' });
  return undefined;
}

/** How to write a subscribe command, for answers to a wrong one. */
export const subscribeUsage = (command: string): string =>
  `/${command} subscribe daily 08:00 [topic] [time zone], as in /${command} subscribe weekdays 07:30 homicides America/Bogota`;

/** A syntax error in words, with the usage line. */
export function describeSyntaxError(e: SubscriptionSyntaxError, command: string): string[] {
  const usage = `Write it as ${subscribeUsage(command)}.`;
  switch (e.code) {
    case 'no-time':
      return ['Give the time of day to post it, 24-hour, as 08:00.', usage];
    case 'bad-time':
      return [`'${e.given}' is not a time of day. Write it 24-hour as HH:MM, such as 08:00 or 17:30 (or 8am, 5:30pm).`, usage];
    case 'bad-days':
      return [`Digests from chat run daily or on weekdays, not '${e.given}'. (Other schedules can be set in config/sitrep.yaml with cron.)`, usage];
    case 'bad-zone':
      return [
        `'${e.given}' is not a time zone I know.${e.suggestions.length ? ` Did you mean ${e.suggestions.join(' or ')}?` : ''} ` +
          'Use an IANA name such as America/Bogota, Europe/Madrid or UTC.',
        usage,
      ];
  }
}
