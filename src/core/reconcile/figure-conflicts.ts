/** Where sources disagree: one moment's values of one measure that no bound or rounding reconciles. */
import type { Conflict, Figure } from '../model.js';
import { atOneMoment, wordingOf } from './figure-notes.js';
import { baseValue, fullyTyped, headKey, NATIONALITY, NO_SENSES, norm, ownerOf, precisionOf } from './measure-identity.js';
import { singular } from '../extract/figures/lexicon.js';

const STOP = new Set(
  (
    'the a an of to in on for and or but with by from at as is are was were be been has have had that this which who ' +
    'it its their his her they he she we said says not no more than about over after before also were will would could may might can'
  ).split(' '),
);

/** Whether a bound allows another figure's value: "at least 120" allows "150"; "up to 20" allows "18". */
export function allows(bound: Figure, other: Figure): boolean {
  const b = bound.typed?.bound ?? 'exact';
  const v = baseValue(other);
  const x = baseValue(bound);
  // Two counts bounded the same way but with different values are two different counts.
  if (other.typed?.bound === b && b !== 'exact' && b !== 'about') return false;
  if (b === 'at-least') return v >= x;
  if (b === 'more-than') return v > x;
  if (b === 'up-to') return v <= x;
  if (b === 'fewer-than') return v < x;
  if (b === 'about') return Math.abs(v - x) <= precisionOf(bound) / 2 + 1e-9;
  return false;
}

/** Whether two values can both be true as written. */
const compatible = (a: Figure, b: Figure): boolean => baseValue(a) === baseValue(b) || allows(a, b) || allows(b, a);

/** Whether the values agree once each is read at the precision of the least precise. */
function rounding(figures: Figure[]): boolean {
  const coarsest = figures.reduce((p, f) => (precisionOf(f) > precisionOf(p) ? f : p));
  const step = precisionOf(coarsest);
  const rounded = new Set(figures.map((f) => Math.round(baseValue(f) / step)));
  return rounded.size === 1;
}

const PARTS = ['morning', 'afternoon', 'evening', 'night'];
/** A day's parts in order; a day with no part named after them all. */
const partRank = (f: Figure): number => {
  const part = f.typed?.period.part;
  return part ? PARTS.indexOf(part) : PARTS.length;
};

/**
 * Clusters of figures at one moment: the same stated period, or (for figures that hold a news week)
 * dates a week apart at most. A count dated by its day alone ("officials said on Sunday") is the
 * day's latest: it joins the latest part of that day it fits, not the morning's.
 */
export function byMoment(figures: Figure[]): Figure[][] {
  const clusters: { first: Figure; figures: Figure[] }[] = [];
  const ordered = [...figures].sort((a, b) => (a.typed?.period.from ?? '').localeCompare(b.typed?.period.from ?? '') || partRank(a) - partRank(b));
  for (const f of ordered) {
    if (!f.typed) continue;
    const fits = clusters.filter((c) => atOneMoment(c.first, f));
    const at = f.typed.period.part ? fits[0] : fits.at(-1);
    if (at) at.figures.push(f);
    else clusters.push({ first: f, figures: [f] });
  }
  return clusters.map((c) => c.figures);
}

/**
 * Different values for one measure at one moment from different sources. Rounding when every value
 * agrees at the precision of the least precise one; otherwise a contradiction.
 */
export function conflictOf(all: Figure[]): Conflict | undefined {
  const clean = talkingOfOneThing(all);
  // Values from one source alone are its own figures, not a disagreement between sources.
  if (clean.length < 2 || new Set(clean.flatMap((f) => f.sources.map((s) => s.file))).size < 2) return undefined;
  const first = clean[0];
  // One value, bound and all, from every source: an agreement, however its figures were dated.
  if (!first || new Set(clean.map((f) => `${String(baseValue(f))}|${f.typed?.bound ?? ''}`)).size < 2) return undefined;
  const bounded = clean.every((a, x) => clean.every((b, y) => x === y || compatible(a, b)));
  const units = new Set(clean.map((x) => x.typed?.unit.id)).size > 1;
  return {
    metric: first.metric,
    period: first.period,
    kind: bounded ? 'bounds' : rounding(clean) ? 'rounding' : 'contradiction',
    values: clean.map((f) => ({ value: f.value, text: valueText(f, units), sources: [...new Set(f.sources.map((s) => s.file))] })),
    figures: clean,
  };
}

/** Content words near the number in each of its sentences: what a plain count is said of. */
function contextOf(f: Figure): Set<string> {
  const near = f.sources.flatMap((s) => {
    const at = s.quote.indexOf(f.text);
    const window = at < 0 ? s.quote : s.quote.slice(Math.max(0, at - 50), at + f.text.length + 60);
    return window.toLowerCase().split(/[^a-z]+/);
  });
  const head = f.typed?.measure.head ?? '';
  return new Set(near.filter((w) => w.length > 3 && !STOP.has(w) && singular(w) !== head && w !== head));
}

/**
 * The figures of one moment that speak of one thing: plain counts ("750 children were at the camp",
 * "identification is pending for 10 children") only when their sentences share a content word
 * besides the counted noun.
 */
function talkingOfOneThing(group: Figure[]): Figure[] {
  // Sources that disagree on one quantity are off by a part of it, not by a factor ("$430 million" and "$10 billion" of losses are two losses).
  const near = (a: Figure, b: Figure): boolean => Math.max(Math.abs(a.value), Math.abs(b.value)) <= 3 * Math.min(Math.abs(a.value), Math.abs(b.value));
  // Counts a named owner has ("seats for AfD"): the owner says what they count.
  if (group.every((f) => fullyTyped(f.typed) || ownerOf(f.typed)) && group.every((f) => group.every((g) => near(f, g)))) return group;
  const ctx = new Map(group.map((f) => [f, contextOf(f)]));
  // Plain counts of people must count the same people: a noun in common ("machinists"), and words that narrow
  // one within the other's ("union members" and "members", not "voting members").
  const narrowedAlike = (a: Figure, b: Figure): boolean => {
    const [x, y] = [wordingOf(a), wordingOf(b)];
    const keys = (heads: Set<string>): Set<string> => new Set([...heads].map((h) => headKey(h, NO_SENSES)));
    if (!x || !y || ![...keys(x.heads)].some((h) => keys(y.heads).has(h))) return false;
    // A narrowing word the other figure's sentences use near it narrows that one too ("offers rejected" and "two offers ... members rejected").
    const within = (m: Set<string>, other: Figure, o: Set<string>): boolean => [...m].every((w) => o.has(w) || ctx.get(other)?.has(w));
    // A nationality narrows both alike or neither: "169 Indian passengers" are a part of "242 passengers".
    const nations = (m: Set<string>): string =>
      [...m]
        .filter((w) => NATIONALITY.test(w))
        .sort()
        .join(' ');
    if (nations(x.mods) !== nations(y.mods)) return false;
    return within(x.mods, b, y.mods) || within(y.mods, a, x.mods);
  };
  const sameWhere = (a: Figure, b: Figure): boolean =>
    !a.typed?.measure.scope || !b.typed?.measure.scope || norm(a.typed.measure.scope) === norm(b.typed.measure.scope);
  // Two counts of the same people differ by a share ("32,000" and "33,000"), not by an order of magnitude ("750" and "27").
  const similar = (a: Figure, b: Figure): boolean => Math.max(a.value, b.value) <= 1.5 * Math.min(a.value, b.value);
  const linked = (a: Figure, b: Figure): boolean =>
    (fullyTyped(a.typed) && fullyTyped(b.typed) && near(a, b)) ||
    ([...(ctx.get(a) ?? [])].some((w) => ctx.get(b)?.has(w)) && narrowedAlike(a, b) && sameWhere(a, b) && similar(a, b));
  // The largest set linked to its first member.
  let best: Figure[] = [];
  for (const f of group) {
    const component = group.filter((g) => g === f || linked(f, g));
    if (component.length > best.length) best = component;
  }
  return best;
}

/** A value as a conflict line says it: its bound, and its unit when the values are in different ones ("52 days · more than 7 weeks"). */
function valueText(f: Figure, units: boolean): string {
  const unit = f.typed?.unit;
  const needsUnit =
    units && unit && unit.dimension !== 'money' && unit.id !== 'percent' && unit.label && !f.text.toLowerCase().includes(unit.label.toLowerCase().slice(0, 3));
  return `${f.qualifier ? `${f.qualifier} ` : ''}${f.text}${needsUnit ? ` ${unit.label}` : ''}`;
}
