/**
 * Time expressions in a sentence, resolved to structured periods against the publication date:
 * "last year" in a February 2025 article is 2024; "late Tuesday" is the Tuesday on or before it;
 * "between January and July last year" is a range of months. Rules are table rows with ids.
 */
import type { ParsedComponents } from 'chrono-node';
// English only: the package's index loads every locale (four times the import time).
import * as chrono from 'chrono-node/en';
import { ahead } from '../../articles/dates.js';
import type { Period, PubDate } from '../../model.js';
import { MONTH_NAMES, MONTH_STEMS, MONTH_WORDS, TIME_UNIT_WORDS, WEEKDAY_WORDS } from '../../calendar.js';
import { numberWord } from './numbers.js';
import { anyOf, capitalise } from '../../text.js';

/** A time expression: where it is in the sentence and the period it names (none when it names no fixed one). */
export interface TimeSpan {
  start: number;
  end: number;
  period?: Period | undefined;
  /** A comparison baseline ("compared to the previous year"): never a figure's own period. */
  baseline: boolean;
  rule: string;
}

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTH_RE = `(?:${MONTH_WORDS})\\.?`;
/** 0-11 from a month name or abbreviation. */
const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().replace('.', '').slice(0, 3)));
const monthName = (i: number): string => capitalise(MONTHS[i] ?? '');

const pad = (n: number): string => String(n).padStart(2, '0');
/** ISO date of a year, month (0-11, may overflow) and day (may overflow). */
function iso(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const lastDay = (year: number, month: number): string => iso(year, month + 1, 0);
const dayOf = (s: string): number => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
/** The months from m[1] to m[2], of the year m[3] names, else the latest such stretch ended by the article's month. */
function monthSpan(m: RegExpExecArray, pub: PubDate): Period {
  const a = monthIndex(m[1] ?? '');
  const b = monthIndex(m[2] ?? '');
  const y = !m[3] ? (b <= pub.month - 1 ? pub.year : pub.year - 1) : /last/i.test(m[3]) ? pub.year - 1 : /this/i.test(m[3]) ? pub.year : Number(m[3]);
  return span(iso(y, a, 1), lastDay(y, b), `${monthName(a)}–${monthName(b)} ${y}`);
}

/** Days between two ISO dates. */
export const daysBetween = (a: string, b: string): number => Math.round(dayOf(b) - dayOf(a));
/** A day's label: "July 8, 2025". */
const dayLabel = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number);
  return `${monthName((m ?? 1) - 1)} ${day ?? 1}, ${y ?? 0}`;
};

const year = (y: number, label = String(y)): Period => ({ from: `${y}-01-01`, to: `${y}-12-31`, grain: 'year', stated: true, label });
const month = (y: number, m: number): Period => ({ from: iso(y, m, 1), to: lastDay(y, m), grain: 'month', stated: true, label: `${monthName(m)} ${y}` });
const day = (d: string): Period => ({ from: d, to: d, grain: 'day', stated: true, label: dayLabel(d) });
const span = (from: string, to: string, label: string): Period => ({ from, to, grain: 'span', stated: true, label });

/** The most recent occurrence of a month on or before the publication month (strictly before with "last"). */
function pastMonth(m: number, pub: PubDate, strict: boolean): Period {
  const y = m < pub.month - 1 + (strict ? 0 : 1) ? pub.year : pub.year - 1;
  return month(y, m);
}

/** A month and day without a year: this year's, unless that is after the publication date. */
function pastDay(m: number, d: number, pub: PubDate): string {
  const same = iso(pub.year, m, d);
  return same > pub.iso ? iso(pub.year - 1, m, d) : same;
}

/** The weekday (0 Sunday) on or before the publication date: news tells of days just past. */
function pastWeekday(weekday: number, pub: PubDate): string {
  const pubDay = new Date(`${pub.iso}T00:00:00Z`).getUTCDay();
  const back = (pubDay - weekday + 7) % 7;
  const [y, m, d] = pub.iso.split('-').map(Number);
  return iso(y ?? 0, (m ?? 1) - 1, (d ?? 1) - back);
}

/** Words a time pattern cannot match without (see `Pattern.needs`). */
type Need = 'year' | 'unit' | 'month';

interface Pattern {
  id: string;
  re: RegExp;
  /**
   * What `re` cannot match without: a year in digits ("1998", "2024"), a unit of time as a word
   * ("days", "year") or a month's name or abbreviation. A sentence with none is not scanned for it.
   */
  needs?: Need;
  /** The period, or undefined for an expression that names no fixed period ("the past four years"). */
  resolve: (m: RegExpExecArray, pub: PubDate) => Period | undefined;
}

const UNIT = TIME_UNIT_WORDS;
const NUM = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)';
/** A number in digits or words (the words NUM takes: one to sixty, and a hundred). */
const num = (s: string): number => numberWord(s) ?? (s.toLowerCase() === 'hundred' ? 100 : Number(s));
const ORDINAL: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const quarter = (y: number, q: number, label: string): Period => ({
  from: iso(y, (q - 1) * 3, 1),
  to: lastDay(y, q * 3 - 1),
  grain: 'quarter',
  stated: true,
  label,
});

/** The day of publication or the day before it: "today", "last night", "the day before". */
const DAY_WORDS = [
  /yesterday|today|tonight|this morning|this afternoon|this evening|last night|earlier today/,
  /the previous (?:night|day|evening)|the night before|the day before/,
].map((r) => r.source);
/** What a leader's time in power is called: "under Smith's presidency", "during Ruiz's time in office". */
const TENURE_WORDS = ['tenure', 'term', 'presidency', 'government', 'administration', 'watch', 'rule', 'time in office'];

/** Ordered: longer, more specific patterns first; a later match may not overlap an earlier one. */
const PATTERNS: Pattern[] = [
  {
    id: 'period.first-n-of',
    needs: 'year',
    re: new RegExp(`\\b(?:the\\s+)?(first|last|final)\\s+(${NUM})\\s+(${UNIT})\\s+of\\s+(?:(${MONTH_RE})\\s+)?((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m) => {
      const y = Number(m[5]);
      const label = `${(m[1] ?? '').toLowerCase()} ${m[2] ?? ''} ${m[3] ?? ''} of ${m[4] ? `${monthName(monthIndex(m[4]))} ` : ''}${y}`;
      const first = (m[1] ?? '').toLowerCase() === 'first';
      const n = num(m[2] ?? '0');
      const unit = (m[3] ?? '').toLowerCase().replace(/s$/, '');
      const days = unit === 'day' ? n : unit === 'week' ? n * 7 : unit === 'month' ? n * 30 : n * 365;
      const base = m[4] ? monthIndex(m[4]) : 0;
      return first
        ? span(iso(y, base, 1), iso(y, base, days), label)
        : span(iso(y, m[4] ? base + 1 : 12, 1 - days), m[4] ? lastDay(y, base) : `${y}-12-31`, label);
    },
  },
  {
    id: 'period.past-n',
    needs: 'unit',
    re: new RegExp(`\\b(?:the\\s+)?(past|last|previous|next|coming|first)\\s+(${NUM})\\s+(${UNIT})\\b`, 'gi'),
    resolve: () => undefined,
  },
  { id: 'period.n-ago', needs: 'unit', re: new RegExp(`\\b(${NUM}|a)\\s+(${UNIT})\\s+ago\\b`, 'gi'), resolve: () => undefined },
  {
    id: 'period.n-after',
    needs: 'unit',
    re: new RegExp(`\\b(${NUM}|a)\\s+(${UNIT})\\s+(?:after|before|later|earlier|into|since)\\b`, 'gi'),
    resolve: () => undefined,
  },
  {
    id: 'period.months-ended',
    needs: 'unit',
    re: new RegExp(
      `\\b(?:in\\s+)?the\\s+(three|six|nine|twelve|3|6|9|12)\\s+months\\s+(?:that\\s+|which\\s+)?` +
        `(?:ended|ending|to|through)\\s+(?:in\\s+)?(${MONTH_RE})(?:\\s+((?:19|20)\\d\\d))?`,
      'gi',
    ),
    resolve: (m, pub) => {
      const end = monthIndex(m[2] ?? '');
      const y = m[3] ? Number(m[3]) : end <= pub.month - 1 ? pub.year : pub.year - 1;
      const n = num(m[1] ?? '3');
      return span(iso(y, end - n + 1, 1), lastDay(y, end), `${n} months to ${monthName(end)} ${y}`);
    },
  },
  {
    id: 'period.quarter',
    needs: 'year',
    re: /\b(?:the\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?|Q([1-4]))\s+((?:19|20)\d\d)\b/gi,
    resolve: (m) => {
      const q = m[2] ? Number(m[2]) : (ORDINAL[(m[1] ?? '').toLowerCase()] ?? 1);
      return quarter(Number(m[3]), q, `Q${q} ${m[3] ?? ''}`);
    },
  },
  {
    // "in the third quarter", "third-quarter revenue", "Q2": the latest such quarter begun by the report.
    id: 'period.quarter-of-report',
    re: /\b(?:the\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter|Q([1-4]))\b/gi,
    resolve: (m, pub) => {
      const q = m[2] ? Number(m[2]) : (ORDINAL[(m[1] ?? '').toLowerCase()] ?? 1);
      const y = iso(pub.year, (q - 1) * 3, 1) <= pub.iso ? pub.year : pub.year - 1;
      return quarter(y, q, `Q${q} ${y}`);
    },
  },
  {
    id: 'period.half',
    needs: 'year',
    re: /\b(?:the\s+)?(first|second)\s+half\s+of\s+((?:19|20)\d\d)\b/gi,
    resolve: (m) => {
      const y = Number(m[2]);
      const first = (m[1] ?? '').toLowerCase() === 'first';
      return span(first ? `${y}-01-01` : `${y}-07-01`, first ? `${y}-06-30` : `${y}-12-31`, `${first ? 'first' : 'second'} half of ${y}`);
    },
  },
  {
    id: 'period.since-until',
    needs: 'year',
    re: new RegExp(`\\b(since|until|till|through|before|after)\\s+(${MONTH_RE}\\s+)?((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m, pub) => {
      const w = (m[1] ?? '').toLowerCase();
      const y = Number(m[3]);
      const mi = m[2] ? monthIndex(m[2].trim()) : undefined;
      const label = `${w} ${mi === undefined ? '' : `${monthName(mi)} `}${y}`;
      const start = mi === undefined ? `${y}-01-01` : iso(y, mi, 1);
      const end = mi === undefined ? `${y}-12-31` : lastDay(y, mi);
      return w === 'since' || w === 'after' ? { ...span(start, pub.iso, label), since: true } : span('0001-01-01', end, label);
    },
  },
  {
    id: 'period.between-years',
    needs: 'year',
    re: /\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|-|–)\s+((?:19|20)\d\d)\b/gi,
    resolve: (m) => span(`${m[1] ?? ''}-01-01`, `${m[2] ?? ''}-12-31`, `${m[1] ?? ''}–${m[2] ?? ''}`),
  },
  {
    id: 'period.between-months',
    needs: 'month',
    re: new RegExp(
      `\\b(?:between|from)\\s+(${MONTH_RE})\\s+(?:and|to|through|-|–)\\s+(${MONTH_RE})(?:\\s+(?:of\\s+)?(last year|this year|(?:19|20)\\d\\d))?`,
      'gi',
    ),
    resolve: (m, pub) => monthSpan(m, pub),
  },
  {
    // "in the April-June period", "the July–September quarter".
    id: 'period.month-dash',
    needs: 'month',
    re: new RegExp(`\\b(${MONTH_RE})\\s?[-–]\\s?(${MONTH_RE})\\b(?:\\s+(?:period|quarter))?(?:\\s+(?:of\\s+)?(last year|this year|(?:19|20)\\d\\d))?`, 'gi'),
    resolve: (m, pub) => monthSpan(m, pub),
  },
  {
    id: 'period.full-date',
    needs: 'year',
    re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m) => day(iso(Number(m[3]), monthIndex(m[1] ?? ''), Number(m[2]))),
  },
  {
    id: 'period.full-date-dmy',
    needs: 'year',
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_RE})\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m) => day(iso(Number(m[3]), monthIndex(m[2] ?? ''), Number(m[1]))),
  },
  {
    id: 'period.month-year',
    needs: 'year',
    re: new RegExp(`\\b(${MONTH_RE})\\s+((?:19|20)\\d\\d)\\b`, 'gi'),
    resolve: (m) => month(Number(m[2]), monthIndex(m[1] ?? '')),
  },
  {
    id: 'period.year',
    needs: 'year',
    re: /\b(?:in\s+)?(?:the\s+)?(fiscal\s+)?((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?\b(?![,.]?\d)/g,
    resolve: (m) => {
      if (!m[3]) return year(Number(m[2]));
      const end = m[3].length === 2 ? Number(`${(m[2] ?? '').slice(0, 2)}${m[3]}`) : Number(m[3]);
      return span(`${m[2] ?? ''}-01-01`, `${end}-12-31`, `${m[2] ?? ''}–${m[3]}`);
    },
  },
  {
    id: 'period.relative',
    needs: 'unit',
    re: /\b(last|this|next|the previous|the past|the current)\s+(year|month)\b/gi,
    resolve: (m, pub) => relative(m[1] ?? '', m[2] ?? '', pub),
  },
  {
    id: 'period.relative-day',
    re: new RegExp(String.raw`\b(${DAY_WORDS.join('|')})\b`, 'gi'),
    resolve: (m, pub) => day(/yesterday|last night|previous|before/i.test(m[1] ?? '') ? iso(pub.year, pub.month - 1, Number(pub.iso.slice(8)) - 1) : pub.iso),
  },
  {
    id: 'period.named-month',
    needs: 'month',
    re: new RegExp(`\\b(last|this|next)\\s+(${MONTH_RE})(?![a-z])`, 'gi'),
    resolve: (m, pub) => ((m[1] ?? '').toLowerCase() === 'next' ? undefined : pastMonth(monthIndex(m[2] ?? ''), pub, (m[1] ?? '').toLowerCase() === 'last')),
  },
  {
    id: 'period.tenure',
    re: new RegExp(String.raw`\b(?:during|under|in)\s+([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?[’']s?\s+${anyOf(TENURE_WORDS)})\b`, 'g'),
    resolve: (m, pub) => span('0001-01-01', pub.iso, `during ${m[1] ?? ''}`),
  },
];

/** A bare capitalised month ("in November", "January was"): the latest one on or before the article. */
const BARE_MONTH: Pattern = {
  id: 'period.bare-month',
  needs: 'month',
  re: new RegExp(`\\b(${MONTH_RE})(?:[’']s)?(?![a-z])`, 'gi'),
  // "pricing 35 basis points of easing by December": a month ahead of the report is no month past.
  resolve: (m, pub) => (/^[A-Z]/.test(m[1] ?? '') && m[1] !== 'May' && !ahead(m.input, m.index) ? pastMonth(monthIndex(m[1] ?? ''), pub, false) : undefined),
};

function relative(which: string, unit: string, pub: PubDate): Period | undefined {
  const w = which.toLowerCase();
  const back = w === 'last' || w === 'the previous' || w === 'the past' ? 1 : w === 'this' || w === 'the current' ? 0 : -1;
  if (back < 0) return undefined;
  if (unit.toLowerCase() === 'year') return year(pub.year - back);
  const m = pub.month - 1 - back;
  return m >= 0 ? month(pub.year, m) : month(pub.year - 1, m + 12);
}

/** The words of a comparison: "compared with", "versus", "the same period", "up from", "an increase from". */
const BASELINE_WORDS = [
  /compared\s+(?:to|with)|versus|vs\.?/,
  /from the same|same (?:period|time|timeframe|month|quarter)/,
  /up from|down from|(?:an?\s+)?(?:increase|decrease|rise|drop|fall)\s+from|from a/,
];
/**
 * Words that open a comparison's baseline ("up from 87 on Monday", "compared with the same period"):
 * what follows them in the clause is the earlier moment. "than" is left out: in "higher than the
 * 6.85 in 2019" the year belongs to the number after it.
 */
export const BASELINE = new RegExp(String.raw`\b${anyOf(BASELINE_WORDS)}\s[^,;]*$`, 'i');
/** Cheap test for what chrono alone reads: a weekday, or a month with a day and no year. */
const DAYS_HINT = new RegExp(
  [
    // "Tuesday"
    `\\b${WEEKDAY_WORDS}\\b`,
    // "Jan. 30"
    `\\b(?:${MONTH_STEMS})[a-z]*\\.?\\s+\\d{1,2}\\b`,
    // "30 January", "4th of July"
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_STEMS})`,
    // "Fourth of July"
    `\\b[a-z-]+(?:st|nd|rd|th)\\s+of\\s+(?:${MONTH_STEMS})`,
  ].join('|'),
  'i',
);
/** The same, for every match in a sentence (matchAll works on a copy, so one is enough). */
const DAYS_HINTS = new RegExp(DAYS_HINT.source, 'gi');
/** A date's own words within what chrono read ("at 12 on Jan. 30" is read as noon; the 12 is a count). */
const OWN_DATE = new RegExp(
  `${anyOf([
    `\\b${WEEKDAY_WORDS}\\b`,
    `\\b(?:${MONTH_STEMS})[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_STEMS})[a-z]*\\.?`,
    `\\b[a-z-]+(?:st|nd|rd|th)\\s+of\\s+(?:${MONTH_STEMS})`,
  ])}[^]*$`,
  'i',
);
const CHRONO_REF = new Date(Date.UTC(2000, 0, 1));
/** chrono with only its weekday and month-name parsers: the rest read clock times and relative spans this table reads itself. */
const DAYS = (() => {
  const config = chrono.configuration.createCasualConfiguration();
  config.parsers = config.parsers.filter((p) => /Weekday|MonthName/.test(p.constructor.name));
  return new chrono.Chrono(config);
})();

/** chrono's readings of the few words around each weekday or month-and-day in a sentence: reading the whole sentence costs far more. */
function chronoResults(sentence: string): { index: number; text: string; start: ParsedComponents }[] {
  const out: { index: number; text: string; start: ParsedComponents }[] = [];
  let covered = -1;
  for (const h of sentence.matchAll(DAYS_HINTS)) {
    // A hint the last window read whole; one it cut ("... back by Nov" of "Nov. 12") is read again in its own.
    if (h.index + h[0].length <= covered) continue;
    const from = Math.max(0, h.index - 24);
    const to = Math.min(sentence.length, h.index + h[0].length + 24);
    covered = to;
    for (const r of DAYS.parse(sentence.slice(from, to), CHRONO_REF)) {
      const index = from + r.index;
      const seen = out.findIndex((o) => o.index === index);
      if (seen < 0) out.push({ index, text: r.text, start: r.start });
      else if ((out[seen]?.text.length ?? 0) < r.text.length) out[seen] = { index, text: r.text, start: r.start };
    }
  }
  return out;
}

/** Words after a date that go on with the clause, not name what the date dates ("July 4 and 5", "July 4 was", "July 4 morning"). */
const NOT_AN_EVENT = [
  /and|or|to|in|at|on|by|for|from|with|when|as|after|before|that|which/,
  /was|were|is|are|has|have|had|will|would/,
  /morning|afternoon|evening|night/,
];
/** A lower-case word after a date that may be the event it names: "the July 4 flood". */
const NOUN_AFTER_DATE = new RegExp(String.raw`^\s+(?!${anyOf(NOT_AN_EVENT)}\b)[a-z]+`);

/** Days and weekdays, as chrono reads them, resolved to the latest such day on or before the article. */
function chronoDays(sentence: string, pub: PubDate): { start: number; end: number; period: Period | undefined; rule: string }[] {
  if (!DAYS_HINT.test(sentence)) return [];
  const out: { start: number; end: number; period: Period | undefined; rule: string }[] = [];
  for (const r of chronoResults(sentence)) {
    // "in five seconds" is a date only relative to chrono's reference: a day needs a month or weekday named.
    if (!DAYS_HINT.test(r.text) && !NEEDS.month.test(r.text)) continue;
    const known = (c: 'year' | 'month' | 'day' | 'weekday'): number | undefined => (r.start.isCertain(c) ? (r.start.get(c) ?? undefined) : undefined);
    const [y, m, dd, wd] = [known('year'), known('month'), known('day'), known('weekday')];
    let d: string | undefined;
    let rule = '';
    if (m !== undefined && dd !== undefined) {
      // "must be back by Nov. 12": a deadline ahead dates no figure.
      if (y === undefined && ahead(sentence, r.index)) {
        out.push({ start: r.index, end: r.index + r.text.length, period: undefined, rule: 'period.ahead' });
        continue;
      }
      d = y !== undefined ? iso(y, m - 1, dd) : pastDay(m - 1, dd, pub);
      rule = 'period.month-day';
    } else if (wd !== undefined && dd === undefined) {
      // "next Tuesday", "as soon as Wednesday" are ahead: no fixed period for a figure, and no number of it is one.
      if (/\bnext\b/i.test(sentence.slice(Math.max(0, r.index - 6), r.index)) || ahead(sentence, r.index)) {
        out.push({ start: r.index, end: r.index + r.text.length, period: undefined, rule: 'period.ahead' });
        continue;
      }
      d = pastWeekday(wd, pub);
      rule = 'period.weekday';
    }
    if (!d) continue;
    // Only the date's own words: chrono reads "at 12 on Jan. 30" as noon, and the 12 is a count.
    const own = OWN_DATE.exec(r.text);
    const lead = own ? own.index : (/^(?:on|by|late|early|in)\s+/i.exec(r.text)?.[0].length ?? 0);
    const end = r.index + r.text.length;
    // "the July 4 flood", "from July 4 flooding", "the catastrophic Fourth of July flooding": a date naming an event dates the event, not a figure.
    const ordinal = /^[a-z-]+(?:st|nd|rd|th)\s+of\s/i.test(r.text.slice(lead));
    const attributive =
      (ordinal ? /\b(?:the(?:\s+[a-z]+)?|from|of|since|after|before|during|by)\s+$/i : /\b(?:the|from|of|since|after|before|during|by)\s+$/i).test(
        sentence.slice(0, r.index + lead),
      ) && NOUN_AFTER_DATE.test(sentence.slice(end));
    const part = /\b(morning|afternoon|evening|night)\b/i
      .exec(`${r.text} ${sentence.slice(end, end + 12)}`.slice(0, r.text.length + 12))?.[1]
      ?.toLowerCase() as Period['part'];
    const when = day(d);
    out.push({
      start: r.index + lead,
      end,
      period: attributive ? undefined : { ...when, ...(part ? { part, label: `${when.label}, ${part}` } : {}) },
      rule: attributive ? 'period.event-date' : rule,
    });
  }
  return out;
}

/**
 * What a pattern marked with each need must find somewhere in the sentence. Each is looser than
 * every pattern that names it: a unit of time stands in them as a whole word (after a space, before
 * a word boundary), and a month's name starts at a word boundary with one of these three letters.
 */
const NEEDS: Record<Need, RegExp> = {
  year: /(?:19|20)\d\d/,
  unit: new RegExp(`\\b${TIME_UNIT_WORDS}\\b`, 'i'),
  month: new RegExp(`\\b(?:${MONTH_STEMS})`, 'i'),
};

/** Finds the time expressions of a sentence; those that resolve to no fixed period still mark their span. */
export function timeSpans(sentence: string, pub: PubDate): TimeSpan[] {
  const all: TimeSpan[] = [];
  const free = (start: number, end: number): boolean => !all.some((t) => start < t.end && t.start < end);
  const add = (start: number, end: number, period: Period | undefined, rule: string): void => {
    if (!free(start, end)) return;
    all.push({ start, end, period, baseline: BASELINE.test(sentence.slice(Math.max(0, start - 60), start)), rule });
  };
  // Each need is looked for once a sentence, when a pattern first asks.
  const found: Partial<Record<Need, boolean>> = {};
  const has = (need: Need | undefined): boolean => need === undefined || (found[need] ??= NEEDS[need].test(sentence));
  for (const p of PATTERNS) {
    if (!has(p.needs)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) add(m.index, m.index + m[0].length, p.resolve(m, pub), p.id);
  }
  for (const c of chronoDays(sentence, pub)) add(c.start, c.end, c.period, c.rule);
  BARE_MONTH.re.lastIndex = 0;
  if (has(BARE_MONTH.needs))
    for (let m = BARE_MONTH.re.exec(sentence); m; m = BARE_MONTH.re.exec(sentence))
      add(m.index, m.index + m[0].length, BARE_MONTH.resolve(m, pub), BARE_MONTH.id);
  // "since the strike began in September": a total from then until the report.
  for (const t of all) {
    const p = t.period;
    if (!p || p.grain === 'span' || !/\bsince\b[^,;.]{0,40}$/i.test(sentence.slice(Math.max(0, t.start - 45), t.start))) continue;
    t.period = { from: p.from, to: pub.iso, grain: 'span', stated: true, label: `since ${p.label}`, since: true };
  }
  return all.sort((a, b) => a.start - b.start);
}

/** The end of a projection's period ("will rise to $119,309"): open, as far as a figure can say. */
export const PROJECTED = '9999-12-31';

/** When a period ends, for ordering: a projection ends where it starts (its report's date). */
export const endOf = (p: Period): string => (p.to === PROJECTED ? p.from : p.to);

/** The period of a figure no time expression dates: as of its article's date. */
export function asOf(pub: PubDate): Period {
  return { from: pub.iso, to: pub.iso, grain: 'day', stated: false, label: `as of ${dayLabel(pub.iso)}` };
}

/** Whether two periods are the same day, month, year or stretch of time. */
export function samePeriod(a: Period, b: Period): boolean {
  if (a.grain === 'span' || b.grain === 'span') return a.label === b.label || (a.from === b.from && a.to === b.to);
  // Parts of a day tell counts apart only when both sentences name one: "late Friday" is "Friday evening".
  return a.from === b.from && a.to === b.to && (!a.part || !b.part || a.part === b.part);
}
