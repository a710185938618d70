/** Finds the numbers written in a sentence, in digits or words, with their scale, currency, percent or multiple. */
import escapeStringRegexp from 'escape-string-regexp';
import { alternation, CURRENCIES, UNITS, type CurrencyRow } from './vocabulary.js';

/** A number as written in a sentence. */
export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Decimal places as written, and the scale it was written in (1e6 for "18 million"). */
  decimals: number;
  scale: number;
  /** The currency written with it ("$", "€", "US$"). */
  currency?: CurrencyRow | undefined;
  percent: boolean;
  /** "one in five", "half of", "two-thirds of" */
  fraction: boolean;
  /** "fivefold", "3-fold" */
  multiple?: boolean | undefined;
  /** Written in words ("six", "a decade"). */
  words: boolean;
  /** A unit written against the digits ("15GW", "5km"), lower case. */
  attachedUnit?: string | undefined;
  /**
   * The range this number opens or closes ("between $250 and $275 billion", "from 5 to 7%"): the
   * other end, and whether "between" or "of" opened it (then the two bound one figure: "an estimate
   * of $95 billion to $110 billion"); "from" opens a change.
   */
  range?: { first: boolean; other: NumberMention; between: boolean } | undefined;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  b: 1e9,
  mn: 1e6,
  m: 1e6,
  k: 1e3,
  tn: 1e12,
};
const SMALL_WORDS = Object.keys(SMALL).join('|');

/** The value of a number word from zero to ninety ("twelve" -> 12), any case; undefined for another word. */
export const numberWord = (w: string): number | undefined => SMALL[w.toLowerCase()];

/** Currency symbols and codes written before a number, longest first ("US$" before "$"). */
const SYMBOLS = CURRENCIES.flatMap((c) => c.symbols.map((s) => [s, c] as const)).sort((a, b) => b[0].length - a[0].length);
const bySymbol = new Map(SYMBOLS);
/** Codes are written in capitals ("USD 5m", "Rs 500"); symbols with letters in any case ("US$", "C$"). */
const SYMBOL_RE = SYMBOLS.map(([s]) =>
  /^[a-z]+$/.test(s)
    ? `${s.toUpperCase()}\\s|${s.charAt(0).toUpperCase()}${s.slice(1)}\\.?\\s?`
    : Array.from(s, (ch) => (/[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : escapeStringRegexp(ch))).join(''),
).join('|');

/** An optional percent sign or word ("12%", "12 per cent"), read before and after a scale word. */
const PERCENT = `(?:\\s?(%|percent\\b|per cent\\b))?`;
const DIGITS = new RegExp(
  `(${SYMBOL_RE})?\\s?(?<![\\w.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?` +
    // An attached scale ("1.6bn", "$5m") or a word after ("18 million", "2-billion", a headline's "$47 Billion").
    `(?:([a-zA-Z]{1,3})(?![\\w]))?(?![\\w/:]|\\.\\d|,\\d{3})${PERCENT}(?:[\\s-]+([Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn)\\b)?${PERCENT}`,
  'g',
);
const WORDS = new RegExp(
  // "a dozen", "a million"; or small words with a scale: "twenty-five thousand", "three dozen".
  `\\b(?:(a|an)\\s+(dozen|decade|hundred|thousand|million|billion|half-dozen)|` +
    `((?:${SMALL_WORDS})(?:[\\s-](?:${SMALL_WORDS}))?)(?:\\s+(hundred|thousand|million|billion|dozen))?)` +
    `\\b(?:\\s?(percent|per cent)\\b)?`,
  'gi',
);
const FRACTION = new RegExp(`(?<![\\d.,])\\b(${SMALL_WORDS}|\\d{1,2})\\s+(?:in|out of)\\s+(?:every\\s+)?(${SMALL_WORDS}|\\d{1,3})\\b(?![.,]\\d)`, 'gi');
const HALF = /\b(half|a third|one third|two[- ]thirds|a quarter|one quarter|three[- ]quarters)\s+of\b/gi;
const HALVES: Record<string, number> = {
  half: 0.5,
  'a third': 1 / 3,
  'one third': 1 / 3,
  'two thirds': 2 / 3,
  'a quarter': 0.25,
  'one quarter': 0.25,
  'three quarters': 0.75,
};
const AND_A_HALF = new RegExp(`\\b(\\d+|${SMALL_WORDS})\\s+and\\s+(?:a\\s+)?half\\b`, 'gi');
/** Unit abbreviations that may be written against the digits ("15GW", "10km", "5kg"). */
const ATTACHED_UNITS = new Set(UNITS.flatMap((u) => u.spellings).filter((w) => /^[a-z]{1,3}$/.test(w) && w.length > 1));
/** Spellings of units of measure other than time ("foot", "tons", "mile"): "a day" is idiom far more often than a figure. */
const MEASURE_UNITS = alternation(
  UNITS.filter((u) => u.dimension !== 'time' && u.dimension !== 'ratio')
    .flatMap((u) => u.spellings)
    .filter((w) => /^[a-z]{3,}$/.test(w)),
);
/** "more than a foot of rain", "nearly a metre and a half of snow": one of a unit, after a bound, of something ("a mile from the river" is a distance). */
const ONE_UNIT = new RegExp(
  `\\b(?:more than|over|nearly|almost|about|around|roughly|less than|under|at least|up to)\\s+` +
    `((an?)\\s+(${MEASURE_UNITS})(\\s+and\\s+a\\s+half)?)(?=\\s+of\\b)`,
  'gi',
);
const MULTIPLE = new RegExp(`\\b(${SMALL_WORDS}|\\d+)[-\\s]?fold\\b`, 'gi');
/** "a quarter of a percentage point", "half a mile": a part of one unit is a number in that unit. */
const PART_OF_UNIT = new RegExp(
  `\\b(half|a third|one third|a quarter|one quarter|three[- ]quarters)\\s+(?:of\\s+)?an?\\s+(${MEASURE_UNITS}|percentage point)\\b`,
  'gi',
);

function wordValue(w: string): number | undefined {
  const parts = w.toLowerCase().split(/[\s-]+/);
  // "twenty-four" is one number, tens then units; "five-four" (a vote) and "ten-eleven" are not.
  const [tens = 0, units = 10] = parts.length === 2 ? parts.map((p) => SMALL[p] ?? -1) : [];
  if (parts.length === 2 && !(tens >= 20 && tens % 10 === 0 && units >= 0 && units < 10)) return undefined;
  let total = 0;
  for (const p of parts) {
    const v = SMALL[p];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

const numberOf = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : wordValue(s));

/** Words without which HALF and AND_A_HALF, or MULTIPLE, cannot match: most sentences have none, and skip those scans. */
const MAY_HALVE = /half|third|quarter/i;
const MAY_MULTIPLY = /fold/i;

/** Whether a sentence may hold a number at all: a digit, or a number word. */
const MAY_HOLD = new RegExp(
  `\\d|\\b(?:${SMALL_WORDS}|an? (?:${MEASURE_UNITS})|dozen|decade|hundred|thousand|million|billion|half|third|thirds|quarter|quarters)\\b|fold\\b`,
  'i',
);

/** Every number mention in a sentence, left to right, without overlaps. */
export function findNumbers(sentence: string): NumberMention[] {
  if (!MAY_HOLD.test(sentence)) return [];
  const found: NumberMention[] = [];
  const overlaps = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const m of sentence.matchAll(FRACTION)) {
    const a = numberOf(m[1] ?? '');
    const b = numberOf(m[2] ?? '');
    // "one in five", "nine out of 10": a proportion. "85 out of 89" is two counts.
    if (a === undefined || !b || a >= b || (b > 10 && b !== 20 && b !== 100 && b !== 1000)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: a / b, decimals: 2, scale: 1, percent: false, fraction: true, words: true });
  }
  // Before the halves: "a foot and a half of rain" is one and a half feet, not a half of the rain.
  for (const m of sentence.matchAll(ONE_UNIT)) {
    const text = m[1] ?? '';
    const start = m.index + m[0].length - text.length;
    if (!overlaps(start, start + text.length))
      found.push({
        start,
        end: start + text.length,
        text,
        value: m[4] ? 1.5 : 1,
        decimals: m[4] ? 1 : 0,
        scale: 1,
        percent: false,
        fraction: false,
        words: true,
        attachedUnit: (m[3] ?? '').toLowerCase(),
      });
  }
  const halves = MAY_HALVE.test(sentence);
  for (const m of halves ? sentence.matchAll(PART_OF_UNIT) : []) {
    const v = HALVES[(m[1] ?? '').toLowerCase().replace('-', ' ')];
    if (v === undefined || overlaps(m.index, m.index + m[0].length)) continue;
    const unit = (m[2] ?? '').toLowerCase();
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: v,
      decimals: 2,
      scale: 1,
      percent: false,
      fraction: false,
      words: true,
      attachedUnit: unit,
    });
  }
  for (const m of halves ? sentence.matchAll(HALF) : []) {
    const v = HALVES[(m[1] ?? '').toLowerCase().replace('-', ' ')];
    if (v === undefined || overlaps(m.index, m.index + m[0].length)) continue;
    const text = m[1] ?? '';
    found.push({ start: m.index, end: m.index + text.length, text, value: v, decimals: 2, scale: 1, percent: false, fraction: true, words: true });
  }
  for (const m of MAY_MULTIPLY.test(sentence) ? sentence.matchAll(MULTIPLE) : []) {
    const v = numberOf((m[1] ?? '').toLowerCase());
    if (v === undefined || overlaps(m.index, m.index + m[0].length)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: v,
      decimals: 0,
      scale: 1,
      percent: false,
      fraction: false,
      multiple: true,
      words: !/^\d/.test(m[0]),
    });
  }
  // "29 and a half feet", "three and a half hours".
  for (const m of halves ? sentence.matchAll(AND_A_HALF) : []) {
    const v = numberOf((m[1] ?? '').toLowerCase());
    if (v === undefined || overlaps(m.index, m.index + m[0].length)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: v + 0.5,
      decimals: 1,
      scale: 1,
      percent: false,
      fraction: false,
      words: !/^\d/.test(m[0]),
    });
  }
  for (const m of sentence.matchAll(DIGITS)) {
    const whole = m[0];
    const lead = whole.length - whole.trimStart().length;
    const start = m.index + lead;
    const end = m.index + whole.trimEnd().length;
    if (overlaps(start, end)) continue;
    const attached = (m[4] ?? '').toLowerCase();
    const scaleWord = (m[6] ?? '').toLowerCase();
    const cur = m[1] ? bySymbol.get(m[1].trim().replace(/\.$/, '').toLowerCase()) : undefined;
    // "$5m" is five million; "5km" is five kilometres; "5G" or "F16" is a name, not a number.
    const unit = attached && !(cur && SCALE[attached]) && ATTACHED_UNITS.has(attached) ? attached : undefined;
    if (attached && !unit && !(cur && SCALE[attached])) continue;
    const scale = (unit ? 1 : (SCALE[attached] ?? 1)) * (SCALE[scaleWord] ?? 1);
    const base = Number(`${(m[2] ?? '').replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    found.push({
      start,
      end,
      text: sentence.slice(start, end),
      value: scaled(base, scale),
      decimals: m[3]?.length ?? 0,
      scale,
      currency: cur,
      percent: Boolean(m[5] ?? m[7]),
      fraction: false,
      words: false,
      attachedUnit: unit,
    });
  }
  for (const m of sentence.matchAll(WORDS)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(start, end)) continue;
    let value: number | undefined;
    let scale = 1;
    if (m[2]) {
      const unit = m[2].toLowerCase();
      value = unit === 'dozen' ? 12 : unit === 'half-dozen' ? 6 : unit === 'decade' ? 10 : SCALE[unit];
    } else {
      value = wordValue(m[3] ?? '');
      const s = (m[4] ?? '').toLowerCase();
      scale = s === 'dozen' ? 12 : (SCALE[s] ?? 1);
      if (value !== undefined) value *= scale;
    }
    if (value === undefined) continue;
    found.push({ start, end, text: m[0], value, decimals: 0, scale, percent: Boolean(m[5]), fraction: false, words: true });
  }
  // "voted 5-4": a tally's second side is a number of its own, which DIGITS leaves as a hyphen's.
  if (TALLY_CONTEXT.test(sentence))
    for (const m of sentence.matchAll(TALLY)) {
      const start = m.index + m[0].length - (m[1] ?? '').length;
      if (!overlaps(start, start + (m[1] ?? '').length))
        found.push({
          start,
          end: start + (m[1] ?? '').length,
          text: m[1] ?? '',
          value: Number(m[1]),
          decimals: 0,
          scale: 1,
          percent: false,
          fraction: false,
          words: false,
        });
    }
  found.sort((a, b) => a.start - b.start);
  markRanges(sentence, found);
  return found;
}

/** A number times its scale, as the decimal written: 4.1 billion is 4,100,000,000, not binary 4,099,999,999.9999995. */
const scaled = (base: number, scale: number): number => (scale === 1 ? base : Number((base * scale).toPrecision(15)));

/** A vote's tally, "5-4" or "12–0": two small numbers joined by a dash, in a sentence about a vote. */
const TALLY = /(?<![\w.,/-])\d{1,2}\s?[-–]\s?(\d{1,2})(?![\w.,/%-])/g;
const TALLY_CONTEXT = /\bvot(?:e|ed|es|ing)\b|\bmajority\b|\bballots?\b/i;

/** "between", "from" or "of" just before the first number of a range. */
const RANGE_START = /\b(?:between|from|of)\s+$/i;
/** What joins a range's two numbers: "and", "to", a dash. */
const RANGE_JOIN = /^\s*(?:and|to|-|–|—)\s*$/i;

/**
 * "between $250 and $275 billion", "from 5 to 7%": the two ends of a range know each other, and the
 * first is written in the second's scale and as its percent. Its value is the one the text gives it
 * ($250 billion), not a new one.
 */
function markRanges(sentence: string, found: NumberMention[]): void {
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i] as NumberMention;
    const b = found[i + 1] as NumberMention;
    const opening = RANGE_START.exec(sentence.slice(0, a.start));
    if (!opening || !RANGE_JOIN.test(sentence.slice(a.end, b.start))) continue;
    const between = !/^from/i.test(opening[0]);
    // "a majority of five to four" is a tally, not a range: a range's ends rise.
    if (/^of/i.test(opening[0]) && a.value > b.value) continue;
    a.range = { first: true, other: b, between };
    b.range = { first: false, other: a, between };
    if (a.scale === 1 && b.scale > 1 && !a.percent && !a.fraction && !a.attachedUnit && a.value * b.scale <= b.value) {
      a.value = scaled(a.value, b.scale);
      a.scale = b.scale;
      // Shown as the text means it: "$250 billion", not "$250"; the quote keeps the words as written.
      const scaleWord = /(?:\s|-)?(?:[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|bn|m)$/.exec(b.text)?.[0];
      if (scaleWord) a.text = `${a.text}${scaleWord}`;
    }
    if (b.percent && !a.percent && !a.currency && a.value <= b.value) a.percent = true;
  }
}
