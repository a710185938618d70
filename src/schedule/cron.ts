/**
 * Digest schedules: five-field cron expressions, parsed and validated by node-cron, matched against
 * wall-clock time in the digest's zone, and the instants they fall on, daylight-saving changes included.
 */
import { parse, validateDetailed } from 'node-cron';
import { occurrenceOf, offsetAt, wallOf } from './wall-clock.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead a next run is looked for: Feb 29 comes round within 8 years. */
const HORIZON_DAYS = 8 * 366;

/** A parsed schedule: the allowed values of each field. */
export interface Cron {
  expression: string;
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
}

/**
 * Parses a five-field cron expression (minute hour day-of-month month day-of-week, with ranges,
 * steps, lists and names), or says what is wrong with it. As in node-cron, a day must match both
 * the day-of-month and the day-of-week fields.
 */
export function parseCron(expression: string): { ok: true; cron: Cron } | { ok: false; message: string } {
  const text = expression.trim().replace(/\s+/g, ' ');
  const fields = text.split(' ');
  if (text.startsWith('@') || fields.length !== 5) {
    return { ok: false, message: `expected five fields (minute hour day-of-month month day-of-week), as in "0 8 * * 1-5"; got "${expression}"` };
  }
  if (/[LW#]/.test(fields.slice(2).join(' ')))
    return { ok: false, message: `L, W and # are not supported here; use numbers, ranges (1-5), steps (*/2) and lists (1,15); got "${expression}"` };
  const v = validateDetailed(text);
  if (!v.valid) {
    const first = v.errors[0];
    const why = first
      ? `${first.field === 'expression' ? '' : `${first.field}: `}${first.message.replace(' a invalid', ' an invalid')}`
      : 'not a cron expression';
    return { ok: false, message: `${why} in "${expression}"` };
  }
  const f = parse(text);
  const numbers = (xs: (number | string)[]): number[] => xs.filter((x): x is number => typeof x === 'number');
  return {
    ok: true,
    cron: {
      expression: text,
      minutes: [...f.minute].sort((a, b) => a - b),
      hours: [...f.hour].sort((a, b) => a - b),
      days: new Set(numbers(f.dayOfMonth)),
      months: new Set(f.month),
      weekdays: new Set(numbers(f.dayOfWeek).map((d) => d % 7)),
    },
  };
}

/** A schedule that is known to parse (config and subscriptions are validated before they get here). */
export function cronOf(expression: string): Cron {
  const r = parseCron(expression);
  if (!r.ok) throw new Error(`Invalid cron expression reached the scheduler: ${r.message}`);
  return r.cron;
}

/** The cron expression for "every day at HH:MM" (or weekdays only). */
export const dailyCron = (hour: number, minute: number, weekdaysOnly = false): string => `${String(minute)} ${String(hour)} * * ${weekdaysOnly ? '1-5' : '*'}`;

/** Whether the day of a wall time (its date, ignoring the clock) is one the schedule runs on. */
function dayMatches(cron: Cron, wallDay: number): boolean {
  const d = new Date(wallDay);
  return cron.months.has(d.getUTCMonth() + 1) && cron.days.has(d.getUTCDate()) && cron.weekdays.has(d.getUTCDay());
}

/**
 * The first run strictly after `after` (an instant), in `timeZone`. Candidates are walked in wall
 * time, day by day, so a yearly schedule costs no more than a daily one.
 */
export function nextRun(cron: Cron, timeZone: string, after: number): number | undefined {
  // A wall time before the one `after` shows has already come round (or been jumped over) by then.
  const floor = wallOf(after, timeZone);
  let day = Math.floor(floor / DAY) * DAY;
  for (let i = 0; i < HORIZON_DAYS; i++, day += DAY) {
    if (!dayMatches(cron, day)) continue;
    // Most days have no clock change near them: then a wall time is one instant, found by subtraction.
    const offset = offsetAt(day - DAY, timeZone);
    const steady = offset === offsetAt(day + 2 * DAY, timeZone);
    for (const h of cron.hours) {
      for (const m of cron.minutes) {
        const wall = day + h * 60 * MINUTE + m * MINUTE;
        if (wall < floor) continue;
        const at = steady ? wall - offset : occurrenceOf(wall, timeZone);
        if (at > after) return at;
      }
    }
  }
  return undefined;
}

/** Every run in `(from, to]`, in order; a skipped hour's several runs fall on one instant and count once. */
export function runsBetween(cron: Cron, timeZone: string, from: number, to: number): number[] {
  const out: number[] = [];
  let t = nextRun(cron, timeZone, from);
  while (t !== undefined && t <= to) {
    out.push(t);
    t = nextRun(cron, timeZone, t);
  }
  return out;
}

/** A schedule for people: `daily 08:00`, `weekdays 07:30`, or the cron expression itself. */
export function describeSchedule(expression: string): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5)$/.exec(expression.trim());
  if (!m) return `cron "${expression}"`;
  const [, minute = '0', hour = '0', days] = m;
  return `${days === '1-5' ? 'weekdays' : 'daily'} ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}
