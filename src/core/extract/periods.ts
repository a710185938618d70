/** Time expressions in a sentence, resolved to absolute periods against the publication date. */
import type { PubDate } from '../model.js';

/** A time expression: where it is in the sentence and the absolute period it names. */
export interface TimeSpan {
  start: number;
  end: number;
  period: string;
  /** A comparison baseline ("compared to the previous year"): never a figure's own period. */
  baseline: boolean;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().replace('.', '').slice(0, 3)));
const monthName = (i: number): string => cap(MONTHS[i] ?? '');

/** The most recent occurrence of a month on or before the publication month (strictly before with "last"). */
function pastMonth(month: number, pub: PubDate, strict: boolean): string {
  const year = month < pub.month - 1 + (strict ? 0 : 1) ? pub.year : pub.year - 1;
  return `${monthName(month)} ${year}`;
}

interface Pattern {
  re: RegExp;
  resolve: (m: RegExpExecArray, pub: PubDate) => string | undefined;
}

const UNIT = '(?:days?|weeks?|months?|years?|quarters?|decades?)';
const NUM = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)';

/** Ordered: longer, more specific patterns first; a later match may not overlap an earlier one. */
const PATTERNS: Pattern[] = [
  { re: new RegExp(`\\b(?:the\\s+)?(first|last|final)\\s+(${NUM})\\s+(${UNIT})\\s+of\\s+((?:${MONTH_RE}\\s+)?(?:19|20)\\d\\d)\\b`, 'gi'), resolve: (m) => `${m[1]?.toLowerCase()} ${m[2]} ${m[3]} of ${m[4]}` },
  { re: new RegExp(`\\b(?:the\\s+)?(past|last|previous|next|coming|first)\\s+(${NUM})\\s+(${UNIT})\\b`, 'gi'), resolve: () => undefined },
  { re: new RegExp(`\\b(${NUM}|a)\\s+(${UNIT})\\s+ago\\b`, 'gi'), resolve: () => undefined },
  { re: new RegExp(`\\b(since|until|till|through|before|after)\\s+(${MONTH_RE}\\s+)?((?:19|20)\\d\\d)\\b`, 'gi'), resolve: (m) => `${m[1]?.toLowerCase()} ${m[2] ? `${monthName(monthIndex(m[2].trim()))} ` : ''}${m[3]}` },
  { re: new RegExp(`\\b(?:between|from)\\s+((?:19|20)\\d\\d)\\s+(?:and|to|-|–)\\s+((?:19|20)\\d\\d)\\b`, 'gi'), resolve: (m) => `${m[1]}–${m[2]}` },
  { re: new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`, 'gi'), resolve: (m) => `${monthName(monthIndex(m[1] ?? ''))} ${m[2]}, ${m[3]}` },
  { re: new RegExp(`\\b(${MONTH_RE})\\s+((?:19|20)\\d\\d)\\b`, 'gi'), resolve: (m) => `${monthName(monthIndex(m[1] ?? ''))} ${m[2]}` },
  { re: /\b(?:in\s+)?(?:the\s+)?(fiscal\s+)?((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?\b(?![,.]?\d)/g, resolve: (m) => (m[3] ? `${m[2]}–${m[3]}` : m[2]) },
  { re: /\b(last|this|next|the previous|the past|the current)\s+(year|month)\b/gi, resolve: (m, pub) => relative(m[1] ?? '', m[2] ?? '', pub) },
  { re: new RegExp(`\\b(last|this|next)\\s+(${MONTH_RE})(?![a-z])`, 'gi'), resolve: (m, pub) => (m[1]?.toLowerCase() === 'next' ? undefined : pastMonth(monthIndex(m[2] ?? ''), pub, m[1]?.toLowerCase() === 'last')) },
  { re: new RegExp(`\\b(${MONTH_RE})(?:[’']s)?(?![a-z])`, 'gi'), resolve: (m, pub) => (/^[A-Z]/.test(m[1] ?? '') && m[1] !== 'May' ? pastMonth(monthIndex(m[1] ?? ''), pub, false) : undefined) },
  { re: /\b(?:during|under|in)\s+([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?[’']s?\s+(?:tenure|term|presidency|government|administration|watch|rule|time in office))\b/g, resolve: (m) => `during ${m[1]}` },
];

function relative(which: string, unit: string, pub: PubDate): string | undefined {
  const w = which.toLowerCase();
  const back = w === 'last' || w === 'the previous' || w === 'the past' ? 1 : w === 'this' || w === 'the current' ? 0 : -1;
  if (back < 0) return undefined;
  if (unit.toLowerCase() === 'year') return String(pub.year - back);
  const m = pub.month - 1 - back;
  return m >= 0 ? `${monthName(m)} ${pub.year}` : `${monthName(m + 12)} ${pub.year - 1}`;
}

// "than" is left out: in "higher than the 6.85 in 2019" the year belongs to the number after it.
const BASELINE = /\b(?:compared\s+(?:to|with)|versus|vs\.?|from the same|same (?:period|time|timeframe|month|quarter))\s[^,;]*$/i;

/** Finds the time expressions of a sentence; those that resolve to nothing still mark their span. */
export function timeSpans(sentence: string, pub: PubDate): TimeSpan[] {
  const taken: TimeSpan[] = [];
  const all: (TimeSpan & { resolved: boolean })[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (all.some((t) => start < t.end && t.start < end)) continue;
      const period = p.resolve(m, pub);
      const baseline = BASELINE.test(sentence.slice(Math.max(0, start - 60), start));
      all.push({ start, end, period: period ?? '', baseline, resolved: period !== undefined });
    }
  }
  for (const t of all) taken.push({ start: t.start, end: t.end, period: t.resolved ? t.period : '', baseline: t.baseline });
  return taken.sort((a, b) => a.start - b.start);
}

/** "as of February 2025": the period of a present-tense figure with no time expression. */
export function asOf(pub: PubDate): string {
  return `as of ${monthName(pub.month - 1)} ${pub.year}`;
}
