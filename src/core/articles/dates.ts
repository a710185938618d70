/** Publication dates: from metadata, a `Date:` line, the text, or the rest of the set. */
// English only: the package's index loads every locale (four times the import time).
import * as chrono from 'chrono-node/en';
import type { Article, PubDate } from '../model.js';
import { MONTH_NAMES, MONTH_STEMS } from '../calendar.js';
import { anyOf } from '../text.js';

/** A month beside a number: where a day may be written without its year. */
const MONTH_AND_DAY = new RegExp(`\\b(?:${MONTH_STEMS})[a-z]*\\.?\\s+\\d|\\d\\s+(?:${MONTH_STEMS})`, 'i');

const pad = (n: number): string => String(n).padStart(2, '0');

/** chrono's reference date: only dates that state their year are taken, so it decides nothing. */
const REF = new Date(Date.UTC(2000, 0, 1));

function toPub(year: number, month: number, day: number, source: PubDate['source']): PubDate {
  return { iso: `${year}-${pad(month)}-${pad(day)}`, year, month, source };
}

/** Why `YYYY-MM-DD` is no day of the calendar ("there is no month 13", "February 2025 has 28 days"), or undefined when it is one. */
function impossibleDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${String(month)}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1] ?? ''} ${String(year)} has ${String(days)} days`;
  return undefined;
}

/** Why a date written `YYYY-MM-DD` is no day of the calendar (`2025-13-45`); undefined for a real day or any other writing. */
export function calendarProblem(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return iso ? impossibleDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}

/** Parses a date written by a person or a machine ("2025-02-19", "Feb. 19, 2025"); undefined for none, or for a day the calendar does not have. */
export function parseDate(text: string | undefined, source: PubDate['source']): PubDate | undefined {
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return impossibleDate(y, m, d) ? undefined : toPub(y, m, d, source);
  }
  const r = chrono.strict.parse(text, REF)[0];
  if (!r?.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  return toPub(r.start.get('year') ?? 0, r.start.get('month') ?? 1, r.start.isCertain('day') ? (r.start.get('day') ?? 1) : 1, source);
}

/** A text's first 64 characters and the rest of the word they end in: room for any date written out in words. */
const OPENING = /^[^]{0,64}\S*/;

/**
 * The date a text opens with, when it states its month and year ("October 2023", "Nov. 23, 2023"),
 * as written. chrono's casual parser: the strict one does not read a month without its day.
 */
export function leadingDate(text: string): { text: string; year: number; month: number } | undefined {
  // Only the opening can hold it: chrono's casual parsers cost by the length of what they read.
  const r = chrono.parse(OPENING.exec(text)?.[0] ?? text, REF)[0];
  if (r?.index !== 0 || !r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  return { text: r.text, year: r.start.get('year') ?? 0, month: r.start.get('month') ?? 1 };
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
/** The words before a day that put it ahead, in order: "as soon as", "by", "deadline of"... */
const FUTURE_WORDS = [
  /as soon as|as early as/,
  /(?:as soon as|as early as)\b[^.;]{0,60}\bas late as/,
  /no later than|by|until|till|before/,
  /starting|beginning|from/,
  /deadline(?: of)?|due|scheduled for|set for|expected on/,
];
/**
 * Words that put a day ahead of the report ("as soon as Wednesday", "back by Nov. 12", "as soon as
 * Wednesday or as late as Nov. 12", "will vote on Friday"; but "as late as Saturday night, 20 were
 * missing" is past).
 */
const FUTURE_BEFORE = new RegExp(String.raw`\b${anyOf(FUTURE_WORDS)}\s+(?:(?:the\s+)?(?:first|next|coming)\s+\w+\s+on\s+)?$`, 'i');
const FUTURE_CLAUSE =
  /\b(?:will|would|could|shall|is expected to|are expected to|plans? to|is set to|are set to|must|expects|forecasts|projects|predicts|anticipates)\b/i;
/**
 * Whether the date at `at` in a line lies ahead of the report rather than behind it ("as soon as
 * Wednesday", "will vote on Friday"). A day's event named by its day ("from Friday's quake") is
 * ahead only in a clause about what will be.
 */
export const ahead = (line: string, at: number, event = false): boolean => {
  const before = line.slice(0, at);
  // A clause ends at a full stop or semicolon, not at the point of "2.75%".
  const clause = before.split(/[.;](?!\d)/).at(-1) ?? before;
  if (!event && FUTURE_BEFORE.test(before)) return true;
  const future = [...clause.matchAll(FUTURE_CLAUSES)].at(-1);
  // "Pakistan will send aid, announced its prime minister on March 31": the day is the announcement's.
  return !!future && !REPORTED.test(clause.slice(future.index + future[0].length));
};
const FUTURE_CLAUSES = new RegExp(FUTURE_CLAUSE.source, 'gi');
/** A verb of saying in the past: a day after it dates the saying. */
const REPORTED = /\b(?:announced|said|told|reported|confirmed|stated|added|declared)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(next\s+|last\s+|this\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;

/** The weekdays (0 Sunday) lines name as days of the report's own week: not "next" or "last" ones, nor days ahead. */
function* weekdaysNamed(lines: readonly string[]): Generator<number> {
  for (const line of lines) {
    for (const m of line.matchAll(WEEKDAY)) {
      const event = /^[’']s\b/.test(line.slice(m.index + m[0].length));
      if ((m[1] && !/^this/i.test(m[1])) || ahead(line, m.index, event)) continue;
      yield WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
    }
  }
}

/**
 * A report that names a weekday after its latest stated date was written on or after that weekday:
 * "flooding on July 4 ... at a Tuesday afternoon news conference" is from Tuesday, July 8, or later.
 */
function laterByWeekday(hint: PubDate, lines: string[], stated: readonly PubDate[]): PubDate {
  const base = ms(hint);
  const from = new Date(base).getUTCDay();
  // "struck on April 28 ... had begun on Monday afternoon": a weekday the week's stated days already name is that day.
  const named = new Set(stated.filter((d) => ms(d) <= base && base - ms(d) < 7 * DAY).map((d) => new Date(ms(d)).getUTCDay()));
  let latest = base;
  for (const weekday of weekdaysNamed(lines)) {
    if (!named.has(weekday)) latest = Math.max(latest, base + ((weekday - from + 7) % 7) * DAY);
  }
  if (latest === base) return hint;
  const d = new Date(latest);
  return toPub(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hint.source);
}

/**
 * The latest date the text states with its year ("Feb. 9, 2025", "January 2025", "in 2024"), but
 * not one ahead of the report ("will close by 2027"). An article is published on or after every
 * such date, so this is a lower bound.
 */
export function dateHintOf(lines: string[]): PubDate | undefined {
  let best: { pub: PubDate; precision: number } | undefined;
  const days: PubDate[] = [];
  const consider = (pub: PubDate, precision: number): void => {
    if (precision === 3) days.push(pub);
    if (!best || pub.iso > best.pub.iso || (pub.iso === best.pub.iso && precision > best.precision)) best = { pub, precision };
  };
  for (const line of lines) {
    for (const r of chrono.strict.parse(line, REF)) {
      // A year must be written: "in an hour" is certain of its year only relative to chrono's reference.
      if (!r.start.isCertain('year') || !r.start.isCertain('month') || !/\b(?:1[89]|20)\d\d\b/.test(r.text) || ahead(line, r.index)) continue;
      const day = r.start.isCertain('day') ? (r.start.get('day') ?? 1) : 1;
      consider(toPub(r.start.get('year') ?? 0, r.start.get('month') ?? 1, day, 'text'), r.start.isCertain('day') ? 3 : 2);
    }
    // "expects the deal to close by the end of 2017": a year ahead bounds nothing.
    for (const m of line.matchAll(YEAR)) if (!ahead(line, m.index)) consider(toPub(Number(m[1]), 1, 1, 'text'), 1);
  }
  if (!best) return undefined;
  const found: { pub: PubDate; precision: number } = best;
  return found.precision === 3 ? laterByWeekday(found.pub, lines, days) : found.pub;
}

/**
 * The latest day an article names without its year ("the July 4 flood"), in the set's year, moved
 * on by the weekdays it names after it: the best date an undated article's own text gives.
 */
function dayWithoutYear(a: Article, setDate: PubDate): PubDate | undefined {
  const lines = [a.headline, ...a.body.map((p) => p.text)];
  let best: PubDate | undefined;
  const days: PubDate[] = [];
  for (const line of lines) {
    if (!MONTH_AND_DAY.test(line)) continue;
    for (const r of chrono.casual.parse(line, REF)) {
      if (!r.start.isCertain('month') || !r.start.isCertain('day') || r.start.isCertain('year') || ahead(line, r.index)) continue;
      const month = r.start.get('month') ?? 1;
      const day = r.start.get('day') ?? 1;
      // The set's year, unless that day would fall well after the set's date: then the year before.
      let year = setDate.year;
      if (`${year}-${pad(month)}-${pad(day)}` > setDate.iso && month - setDate.month > 1) year--;
      const pub = toPub(year, month, day, 'text');
      days.push(pub);
      if (!best || pub.iso > best.iso) best = pub;
    }
  }
  return best ? laterByWeekday(best, lines, days) : undefined;
}

const linesOf = (a: Article): string[] => [a.headline, ...a.body.map((p) => p.text)];

/**
 * The day each weekday the dated reports name stands for (on or before each report's date), where
 * they agree: a story's "Friday" is one Friday.
 */
function weekdayCalendar(dated: readonly Article[]): Map<number, number> {
  const seen = new Map<number, Set<number>>();
  for (const a of dated) {
    if (!a.published) continue;
    const base = ms(a.published);
    const from = new Date(base).getUTCDay();
    for (const weekday of weekdaysNamed(linesOf(a))) {
      const day = base - ((from - weekday + 7) % 7) * DAY;
      seen.set(weekday, (seen.get(weekday) ?? new Set()).add(day));
    }
  }
  return new Map([...seen].flatMap(([weekday, days]) => (days.size === 1 ? [[weekday, [...days][0] ?? 0] as const] : [])));
}

/**
 * An undated article that names only weekdays ("said on Sunday") is from the latest of them, read as
 * the days within three of the set's date: reports of one story come in one week. A day after the
 * set's date is taken only if the article's toll allows it (`before`: it trails a dated report on or
 * after the day a week earlier, so it is that earlier day).
 */
function weekdayNear(a: Article, setDate: PubDate, calendar: ReadonlyMap<number, number>, before: (iso: string) => boolean): PubDate | undefined {
  const base = ms(setDate);
  const from = new Date(base).getUTCDay();
  let latest: number | undefined;
  for (const weekday of weekdaysNamed(linesOf(a))) {
    const days = (weekday - from + 7) % 7;
    const ahead = days > 0 && days <= 3 && !before(new Date(base + (days - 7) * DAY).toISOString().slice(0, 10));
    // "Friday's quake" is the Friday the dated reports of the story mean by it.
    latest = Math.max(latest ?? -Infinity, calendar.get(weekday) ?? base + (ahead || days === 0 ? days : days - 7) * DAY);
  }
  if (latest === undefined) return undefined;
  const d = new Date(latest);
  return toPub(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'text');
}

/** A date a page's address carries ("/2025/07/05/", "/2025/Apr/29/", "/202504/30/"): the day it was filed. */
export function urlDate(url: string | undefined): PubDate | undefined {
  if (!url) return undefined;
  const m = /\/(20\d\d)[/-]?(\d\d|[A-Za-z]{3})[/-](\d\d)(?:\/|[^\d])/.exec(url) ?? /[/_-](20\d\d)-(\d\d)-(\d\d)(?:[/_-]|$)/.exec(url);
  if (!m) return undefined;
  const month = /^\d+$/.test(m[2] ?? '')
    ? Number(m[2])
    : ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf((m[2] ?? '').toLowerCase()) + 1;
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return toPub(Number(m[1]), month, day, 'url');
}

const DAY = 86_400_000;
const ms = (p: PubDate): number => Date.parse(`${p.iso}T00:00:00Z`);

/** The running counts (the dead, the missing) an article's opening gives for its whole story: the highest of each, by what it counts. */
export type TollReader = (a: Article) => ReadonlyMap<string, number>;

/**
 * Gives every article a publication date. Articles of one set are about one story, so an
 * article whose text gives only an older or vaguer date is taken to be from the set's date:
 * the latest date known from metadata, or else from the texts.
 */
export function resolveSetDates(articles: Article[], tolls?: TollReader): Article[] {
  const latest = (pool: PubDate[]): PubDate | undefined => pool.reduce<PubDate | undefined>((m, p) => (!m || p.iso > m.iso ? p : m), undefined);
  const strong = articles.map((a) => a.published).filter((p): p is PubDate => p !== undefined);
  const calendar = weekdayCalendar(articles);
  // The dated reports' tolls, read once and only when an undated report's day is in doubt.
  let dated: { iso: string; tolls: ReadonlyMap<string, number> }[] | undefined;
  const trails =
    (a: Article) =>
    (iso: string): boolean => {
      if (!tolls) return false;
      dated ??= articles.flatMap((d) => (d.published ? [{ iso: d.published.iso, tolls: tolls(d) }] : []));
      const own = tolls(a);
      // Below a count a dated report gave on or after that day: the story's running count only grows.
      return [...own].some(([head, x]) => dated?.some((d) => d.iso >= iso && (d.tolls.get(head) ?? -Infinity) > x));
    };
  const resolve = (setDate: PubDate | undefined): Article[] =>
    articles.map((a) => {
      if (a.published) return a;
      if (!setDate) return a.dateHint ? { ...a, published: a.dateHint } : a;
      // A stated date well before the set's, or only a year or month, says less than the days the text names.
      const vague = (h: PubDate | undefined): boolean =>
        !h || ms(h) < ms(setDate) - 45 * DAY || (h.iso.endsWith('-01') && h.year === setDate.year && h.iso <= setDate.iso);
      // A day named without its year more than a week before the set's is an earlier event the article looks back on
      // ("the first round on May 18"), not its date: its weekdays are read near the set's date instead.
      const recent = (day: PubDate | undefined): PubDate | undefined => (day && ms(setDate) - ms(day) <= 7 * DAY ? day : undefined);
      const hint = !vague(a.dateHint) ? a.dateHint : (recent(dayWithoutYear(a, setDate)) ?? weekdayNear(a, setDate, calendar, trails(a)));
      // Only a stated date can be vague; a day the text names ("on Friday", "April 1") is a day.
      return { ...a, published: hint && (hint !== a.dateHint || !vague(hint)) ? hint : { ...setDate, source: 'set' } };
    });
  if (strong.length) return resolve(latest(strong));
  // No article states its date: the latest its texts give. A year alone ("in 2025") gives a first
  // guess; the days the texts then name near it ("February 19") give the set's date.
  const first = resolve(latest(articles.map((a) => a.dateHint).filter((p): p is PubDate => p !== undefined)));
  const found = latest(first.map((a) => a.published).filter((p): p is PubDate => p !== undefined && p.source !== 'set'));
  return found ? resolve(found) : first;
}
