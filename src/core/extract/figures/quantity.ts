/**
 * A number's quantity: its bound ("at least"), its unit and dimension ("feet", length), and the kind
 * the unit alone tells (money, share, rate, multiple). What it measures is read elsewhere (measure.ts).
 */
import type { Bound, FigureKind, FigureUnit } from '../../model.js';
import type { NumberMention } from './numbers.js';
import { alternation, BOUNDS, CURRENCIES, type CurrencyRow, UNITS, type UnitRow } from './vocabulary.js';

/** The quantity read around one number. */
export interface Quantity {
  bound: Bound;
  /** The bound as written ("at least"), kept for display. */
  boundText?: string | undefined;
  boundRule?: string | undefined;
  unit: FigureUnit;
  /** The kind the unit tells; `count` until a measure says more. */
  kind: FigureKind;
  /** Offset in the sentence just after the number and its unit words. */
  end: number;
  /** For a rate: the base and what is counted ("per 100,000 people"). */
  per?: { base: string; of: string } | undefined;
}

const BEFORE = BOUNDS.flatMap((b) => b.before.map((w) => ({ w, b })));
const BOUND_BEFORE = new RegExp(`(?:^|[^\\w])(${alternation(BEFORE.map((x) => x.w))})\\s*$`, 'i');
const AFTER = BOUNDS.flatMap((b) => (b.after ?? []).map((w) => ({ w, b })));
const BOUND_AFTER = new RegExp(`^\\s*(${alternation(AFTER.map((x) => x.w))})\\b`, 'i');

const UNIT_BY_SPELLING = new Map<string, UnitRow>(UNITS.flatMap((u) => u.spellings.map((s) => [s, u] as const)));
// Single letters ("m", "t", "l", "g", "c", "f", "w") are units only against the digits ("15m"), never as a word after a space.
// A unit is a whole word, joined to no other ("5-year-old" is an age) but an adjective of size ("985-foot-long").
const UNIT_WORDS = new RegExp(
  `^[\\s-]*(${alternation(UNITS.flatMap((u) => u.spellings).filter((s) => s.length > 1))})(?!\\w)(?!-(?!(?:long|wide|tall|high|deep)\\b))`,
  'i',
);
const CURRENCY_WORDS = new RegExp(`^\\s*(${alternation(CURRENCIES.flatMap((c) => c.words))})\\b`, 'i');
const CURRENCY_BY_WORD = new Map(CURRENCIES.flatMap((c) => c.words.map((w) => [w, c] as const)));
const RATE = /^\s*((?:[a-z]+\s+){0,2}?)per\s+(\d{1,3}(?:,\d{3})+|\d+|capita|cent)(?:\s+(?!in\b|last\b|this\b|and\b|to\b|from\b|of\b|the\b)([a-z]+))?/i;

/** Money over time ("$50 million a day") or for each share of a company ("$110 a share"). */
const PER_TIME = /^\s*(?:a|an|per|each|every)\s+(day|week|month|year|hour|share)\b/i;
const COUNT: FigureUnit = { id: 'count', dimension: 'count', toBase: 1, label: '' };
const PERCENT: FigureUnit = { id: 'percent', dimension: 'ratio', toBase: 1, label: 'percent' };
const FRACTION: FigureUnit = { id: 'fraction', dimension: 'ratio', toBase: 100, label: 'fraction' };
const MULTIPLE: FigureUnit = { id: 'multiple', dimension: 'ratio', toBase: 1, label: 'times' };

const unitOf = (row: UnitRow): FigureUnit => ({ id: row.id, dimension: row.dimension, toBase: row.toBase, label: row.label });

/** The bound written around a number, and the number's unit and kind. */
export function quantityOf(n: NumberMention, sentence: string): Quantity {
  const before = sentence.slice(0, n.start);
  const pre = BOUND_BEFORE.exec(before);
  const written = pre?.[1] ? BEFORE.find((x) => x.w === pre[1]?.toLowerCase()) : undefined;
  // "The toll has gone up to 2,497": the verb's particle, no bound.
  const row = written?.b.particleOf?.test(before) ? undefined : written;
  const finish = (unit: FigureUnit, kind: FigureKind, end: number, per?: Quantity['per']): Quantity => {
    if (row) {
      // "Up to 20 hours in some places": the longest seen across places, the maximum itself.
      const across = row.b.across?.test(sentence.slice(end));
      return { bound: across ? 'exact' : row.b.bound, boundText: row.w, boundRule: across ? `${row.b.id}.across` : row.b.id, unit, kind, end, per };
    }
    // "100 or more", "$5 million-plus": a bound after the number and its unit.
    const m = BOUND_AFTER.exec(sentence.slice(end));
    const after = m?.[1] ? AFTER.find((x) => x.w === m[1]?.toLowerCase()) : undefined;
    if (after) return { bound: after.b.bound, boundText: after.w, boundRule: after.b.id, unit, kind, end, per };
    return { bound: 'exact', unit, kind, end, per };
  };
  if (n.multiple) return finish(MULTIPLE, 'multiple', n.end);
  if (n.percent) return finish(PERCENT, 'share', n.end);
  if (n.fraction) return finish(FRACTION, 'share', n.end);
  const after = sentence.slice(n.end);
  const rate = RATE.exec(after);
  if (rate && !n.currency) {
    const of = (rate[3] ?? '').toLowerCase();
    const label = `per ${rate[2] ?? ''}${of ? ` ${of}` : ''}`;
    return finish({ id: `rate.${rate[2] ?? ''}`, dimension: 'ratio', toBase: 1, label }, 'rate', n.end + rate[0].length, { base: rate[2] ?? '', of });
  }
  // "$50 million a day", "$250 per week": money over time is its own unit.
  const money = (c: CurrencyRow, end: number): Quantity => {
    const per = PER_TIME.exec(sentence.slice(end));
    return per?.[1]
      ? finish(
          { id: `${c.id}/${per[1].toLowerCase()}`, dimension: 'money', toBase: 1, label: `${c.label} a ${per[1].toLowerCase()}` },
          'money',
          end + per[0].length,
        )
      : finish({ id: c.id, dimension: 'money', toBase: 1, label: c.label }, 'money', end);
  };
  if (n.currency) return money(n.currency, n.end);
  const word = CURRENCY_WORDS.exec(after);
  const currency = word?.[1] ? CURRENCY_BY_WORD.get(word[1].toLowerCase()) : undefined;
  if (word && currency) return money(currency, n.end + word[0].length);
  const attached = n.attachedUnit ? UNIT_BY_SPELLING.get(n.attachedUnit) : undefined;
  if (attached) return finish(unitOf(attached), 'quantity', n.end);
  // "between 50 and 70 mph": the first number of a range is in the second's unit.
  const u = UNIT_WORDS.exec(after);
  const unit = u?.[1] ? UNIT_BY_SPELLING.get(u[1].toLowerCase()) : undefined;
  if (u && unit) return finish(unitOf(unit), 'quantity', n.end + u[0].length);
  // "between 50 and 70 mph": the first number of a range is in the second's unit, written after the second.
  const rangeUnit = n.range?.first ? UNIT_WORDS.exec(sentence.slice(n.range.other.end))?.[1] : undefined;
  const shared = rangeUnit ? UNIT_BY_SPELLING.get(rangeUnit.toLowerCase()) : undefined;
  if (shared) return finish(unitOf(shared), 'quantity', n.end);
  // "a decade" is ten years.
  const year = /^(?:a|an)\s+decades?$/i.test(n.text) ? UNIT_BY_SPELLING.get('year') : undefined;
  if (year) return finish(unitOf(year), 'quantity', n.end);
  return finish(COUNT, 'count', n.end);
}
