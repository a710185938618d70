/** Finds the numbers written in a sentence, in digits or words, with their scale, currency or percent. */

/** A number as written in a sentence. */
export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Decimal places as written, and the scale it was written in (1e6 for "18 million"). */
  decimals: number;
  scale: number;
  currency?: string | undefined;
  percent: boolean;
  /** "one in five" */
  fraction: boolean;
  /** Written in words ("six", "a decade"). */
  words: boolean;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3 };
const CURRENCY: Record<string, string> = { $: 'US dollars', 'us$': 'US dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' };
const SMALL_WORDS = Object.keys(SMALL).join('|');

const DIGITS = /(US\$|\$|€|£|¥)?\s?(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w/:]|\.\d|,\d{3})(?:\s?(%|percent\b|per cent\b))?(?:[\s-]+(hundred|thousand|million|billion|trillion|bn)\b)?(?:\s?(%|percent\b|per cent\b))?/gi;
const WORDS = new RegExp(
  `\\b(?:(a|an)\\s+(dozen|decade|hundred|thousand|million|billion|half-dozen)|((?:${SMALL_WORDS})(?:[\\s-](?:${SMALL_WORDS}))?)(?:\\s+(hundred|thousand|million|billion|dozen))?)\\b(?:\\s?(percent|per cent)\\b)?`,
  'gi',
);
const FRACTION = new RegExp(`(?<![\\d.,])\\b(${SMALL_WORDS}|\\d{1,2})\\s+(?:in|out of)\\s+(?:every\\s+)?(${SMALL_WORDS}|\\d{1,3})\\b(?![.,]\\d)`, 'gi');
const HALF = /\b(half|a third|one third|two[- ]thirds|a quarter|one quarter|three[- ]quarters)\s+of\b/gi;
const HALVES: Record<string, number> = { half: 0.5, 'a third': 1 / 3, 'one third': 1 / 3, 'two thirds': 2 / 3, 'a quarter': 0.25, 'one quarter': 0.25, 'three quarters': 0.75 };

function wordValue(w: string): number | undefined {
  const parts = w.toLowerCase().split(/[\s-]+/);
  let total = 0;
  for (const p of parts) {
    const v = SMALL[p];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

/** Every number mention in a sentence, left to right, without overlaps. */
export function findNumbers(sentence: string): NumberMention[] {
  const found: NumberMention[] = [];
  const overlaps = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const m of sentence.matchAll(FRACTION)) {
    const a = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : wordValue(m[1] ?? '');
    const b = /^\d+$/.test(m[2] ?? '') ? Number(m[2]) : wordValue(m[2] ?? '');
    if (a === undefined || !b || a >= b) continue;
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: a / b, decimals: 2, scale: 1, percent: false, fraction: true, words: true });
  }
  for (const m of sentence.matchAll(HALF)) {
    const key = (m[1] ?? '').toLowerCase().replace('-', ' ');
    const v = HALVES[key];
    if (v === undefined || overlaps(m.index, m.index + m[0].length)) continue;
    const text = m[1] ?? '';
    found.push({ start: m.index, end: m.index + text.length, text, value: v, decimals: 2, scale: 1, percent: false, fraction: true, words: true });
  }
  for (const m of sentence.matchAll(DIGITS)) {
    const whole = m[0];
    const lead = whole.length - whole.trimStart().length;
    const start = m.index + lead;
    const end = m.index + whole.trimEnd().length;
    if (overlaps(start, end)) continue;
    const scaleWord = (m[5] ?? '').toLowerCase();
    const scale = SCALE[scaleWord] ?? 1;
    const base = Number(`${(m[2] ?? '').replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
    const cur = m[1] ? CURRENCY[m[1].toLowerCase()] : undefined;
    found.push({
      start, end, text: sentence.slice(start, end), value: base * scale, decimals: m[3]?.length ?? 0, scale,
      currency: cur, percent: Boolean(m[4] ?? m[6]), fraction: false, words: false,
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
      if (unit === 'decade') value = 10;
    } else {
      value = wordValue(m[3] ?? '');
      const s = (m[4] ?? '').toLowerCase();
      scale = s === 'dozen' ? 12 : SCALE[s] ?? 1;
      if (value !== undefined) value *= scale;
    }
    if (value === undefined) continue;
    found.push({ start, end, text: m[0], value, decimals: 0, scale, percent: Boolean(m[5]), fraction: false, words: true });
  }
  return found.sort((a, b) => a.start - b.start);
}
