/**
 * Key figures of one sentence: each number with its quantity (bound, unit, kind), what it measures,
 * its period, and the rule that read it; and, for `sitrep explain`, why any other number was not taken.
 */
import type { FigureKind, FigureMention, FigureUnit, Period, PubDate } from '../../model.js';
import { isPeopleNoun } from './lexicon.js';
import { retagged, type Sentence } from '../../nlp.js';
import { labelOf, measureKey, stateRowOf } from './label.js';
import { measureContext, readMeasure, type Reading } from './measure.js';
import { exclusionOf } from './not-a-figure.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { asOf, BASELINE, PROJECTED, type TimeSpan, timeSpans } from './period.js';
import { isTitleCase, rateTarget } from './phrase.js';
import { quantityOf } from './quantity.js';

import { anyOf } from '../../text.js';

/** Points (percentage or basis), which a change in percent is not a conversion of. */
const isPoints = (unit: string): boolean => unit === 'unit.percentage-point' || unit === 'unit.basis-point';

/** What became of one number in a sentence: a figure, or the reason it is none. */
export interface FigureNote {
  /** The number as written. */
  text: string;
  figure?: FigureMention | undefined;
  /** The rule that ruled it out, and why in words. */
  excluded?: { rule: string; reason: string } | undefined;
}

/** What one article's sentences pass on to the next: the last reading, for "that figure". */
export interface Carry {
  last?: Reading | undefined;
  /** The parts of each day ("2025-07-06" -> morning) the article's sentences name so far. */
  parts?: Map<string, Set<NonNullable<Period['part']>>> | undefined;
  /** A year long before the report that the sentence before stated ("hit Agadir in 1960"), for a sentence about "it". */
  earlier?: Period | undefined;
}

/** A sentence that goes on about what the one before named, in the past: "It killed at least 12,000 people." */
const GOES_ON = /^(?:It|That|This)\s+(?!is\b|are\b|has\b|have\b|will\b|would\b|could\b|may\b|might\b)[a-z]+ed\b/;

/** The last year a sentence states that ended before the year of the report. */
function earlierYear(spans: readonly TimeSpan[], pub: PubDate): Period | undefined {
  return spans.findLast((t) => t.period?.grain === 'year' && !t.baseline && Number(t.period.to.slice(0, 4)) < pub.year)?.period;
}

/** Where a sentence stands: its file, its exact quote, how far down the article, and whether it is the headline. */
export interface SentencePlace {
  file: string;
  quote: string;
  position: number;
  headline?: boolean | undefined;
}

const PEOPLE: FigureUnit = { id: 'people', dimension: 'people', toBase: 1, label: '' };

/** The bounds the two ends of a range put on one figure. */
const BOUND_FROM_BELOW = { bound: 'at-least', text: 'at least' } as const;
const BOUND_FROM_ABOVE = { bound: 'up-to', text: 'up to' } as const;

/** Rules that give a number the measure of another: its unit carries over when it has none of its own. */
const COPIES = new Set([
  'measure.from-to',
  'measure.range',
  'measure.list',
  'measure.another',
  'measure.anaphor',
  'measure.baseline',
  'measure.level',
  'measure.including',
]);

/**
 * A figure's period: the nearest time expression after it in its clause, else the nearest before;
 * a comparison's baseline dates only the numbers inside the comparison ("up from 87 reported
 * Tuesday morning"). With none, the figure holds as of the article's date.
 */
/** A preposition of extent just before a number: "across five states", "in six counties". */
const ACROSS_BEFORE = /\b(?:across|in|over|throughout)\s+$/i;

/** Words that put a clause in the future ("will", "is expected to", "plans to"). */
const FUTURE_WORDS = [
  /will|would|shall/,
  /is expected to|are expected to|is projected to|are projected to|is forecast to|are forecast to/,
  /is set to|are set to|could reach|plans? to|aims? to/,
  /(?:could|may|might) (?:top|exceed|surpass|be)/,
];
/** A clause about what will be ("will rise to", "is expected to reach", "would have to"): its figures are projections. */
const FUTURE = new RegExp(String.raw`\b${anyOf(FUTURE_WORDS)}\b[^,;.]*$`, 'i');

/** "by the contract's end", "by the end of the decade": a value reached later. */
const BY_THE_END = /^[^,;.]{0,30}\bby\s+(?:the\s+)?(?:(?:[a-z]+[’']s\s+)?end|close|end\s+of)\b/i;

function periodOf(n: NumberMention, spans: TimeSpan[], next: NumberMention | undefined, text: string, pub: PubDate, kind: FigureKind): Period {
  const own = periodStated(n, spans, next, text);
  if (own) return own;
  // A change is what a deal or plan brings, told alike in the future ("will raise wages 43%") and the present.
  if (kind === 'change' || kind === 'share') return asOf(pub);
  const clause =
    text
      .slice(0, n.start)
      .split(/[;,—–]\s|\band\b/)
      .at(-1) ?? '';
  // "is currently $75,608 and will rise to $119,309": a projection is not the current value.
  if (FUTURE.test(clause) || BY_THE_END.test(text.slice(n.end, n.end + 60)))
    return { from: pub.iso, to: PROJECTED, grain: 'span', stated: true, label: 'projected' };
  return asOf(pub);
}

function periodStated(n: NumberMention, spans: TimeSpan[], next: NumberMention | undefined, text: string): Period | undefined {
  const inBaseline = BASELINE.test(text.slice(Math.max(0, n.start - 60), n.start));
  const usable = spans.filter((t) => t.period && (inBaseline || !t.baseline));
  // Not past a clause about something else: "41 are missing after floods slammed the county, which rose early Friday",
  // "the first strike in 16 years ... since a door panel blew off a plane in January" (but "lost $5.5 billion since
  // the strike began in September" is a total since then).
  const after = usable.find((t) => {
    const between = text.slice(n.end, t.start);
    return (
      t.start >= n.end &&
      // "a loss of $1.6 billion, or 38 cents per share, in the April-June period": a restatement between does not stop it.
      (!next || t.start < next.start || /^\s*,\s*or\s+$/.test(text.slice(n.end, next.start))) &&
      !/[;]|,\s*(?:which|who|where|whose)\b|\b(?:after|when|while|because)\s/i.test(between) &&
      (t.period?.since || !/\bsince\s+\S/i.test(between))
    );
  });
  if (after?.period) return after.period;
  const before = [...usable].reverse().find((t) => t.end <= n.start && (inBaseline || !BASELINE.test(text.slice(t.end, n.start))));
  if (before?.period) return before.period;
  // "At least 78 people are dead and another 41 are missing, officials said on Sunday": a closing attribution dates them all.
  const attributed = usable.find(
    (t) =>
      t.start >= n.end &&
      /\b(?:said|says|told|announced|reported|confirmed|according to)\b[^,;()]*$/i.test(text.slice(0, t.start)) &&
      !/[;]/.test(text.slice(n.end, t.start)),
  );
  return attributed?.period;
}

/** Reads every number of a sentence: the figures, and a note for each number saying what became of it. */
export function readFigures(s: Sentence, pub: PubDate, carry: Carry, place: SentencePlace): { figures: FigureMention[]; notes: FigureNote[] } {
  const text = s.text;
  const found = findNumbers(text);
  const before = carry.earlier;
  carry.earlier = undefined;
  // Most sentences hold no number: nothing more to read.
  if (!found.length) return { figures: [], notes: [] };
  const spans = timeSpans(text, pub);
  carry.earlier = earlierYear(spans, pub);
  // "... hitting Agadir in 1960. It killed at least 12,000 people.": that year's, not the report's.
  const then = before && !spans.some((t) => t.period) && GOES_ON.test(text) ? before : undefined;
  // "up from 87 reported Sunday morning": a baseline's part of the day is the earlier count's, not the article's.
  for (const { period, baseline } of spans) {
    if (!period?.part || baseline) continue;
    carry.parts ??= new Map();
    carry.parts.set(period.from, (carry.parts.get(period.from) ?? new Set()).add(period.part));
  }
  const notes: FigureNote[] = [];
  const numbers = found.filter((n) => {
    const inTime = spans.find((t) => n.start < t.end && t.start < n.end);
    if (inTime) notes.push({ text: n.text, excluded: { rule: inTime.rule, reason: 'part of a date or time expression' } });
    return !inTime;
  });
  const figures: FigureMention[] = [];
  let previous: Reading | undefined;
  // Time expressions are no part of what a number measures: "declining to 36.18 last year" measures no "year".
  // With no time expression there is nothing to mask (no copy: the tokens are only read).
  const masked: Sentence = spans.length
    ? { ...s, tokens: s.tokens.map((t) => (t.pos !== 'PUNCT' && spans.some((x) => t.start < x.end && x.start < t.end) ? retagged(t, 'TIME') : t)) }
    : s;
  const titleCase = isTitleCase(masked.tokens);
  const candidates = numbers.filter((n) => {
    const no = exclusionOf(n, text);
    if (no) notes.push({ text: n.text, excluded: { rule: no.id, reason: no.reason } });
    return !no;
  });
  candidates.forEach((n, i) => {
    const read = quantityOf(n, text);
    const found = readMeasure(measureContext(masked, n, read, { titleCase, previous, carried: carry.last }));
    // A bare number that continues another's measure ("from six per 100,000 in 2018 to 47 in 2023") is in its unit.
    const inherits =
      found && (COPIES.has(found.rule) || found.rule === 'measure.magnitude') && read.unit.id === 'count' && found.unit && found.unit.id !== 'count';
    const inherited = inherits && found.unit ? { ...read, unit: found.unit, kind: found.kind ?? read.kind } : read;
    // A count of people ("82 people are dead", "33,000 workers") is in the people dimension.
    const people =
      found &&
      inherited.unit.id === 'count' &&
      (found.rule.startsWith('state.') || stateRowOf(found.measure.head) !== undefined || found.measure.who !== undefined || isPeopleNoun(found.measure.head));
    const q = people ? { ...inherited, unit: PEOPLE } : inherited;
    // Of the earlier event the sentence before named ("It killed 12,000"): a measure of that year, not the story's.
    // "a 34% tariff on Chinese imports", "China faces a 54% tariff": the country a rate is charged on is whose it is.
    // A list's next item names its own ("47% on imports from Madagascar, 46% on Vietnam").
    const target =
      found && (!found.measure.scope || found.rule === 'measure.list') && !then && q.kind === 'share'
        ? rateTarget(text.slice(0, n.start), text.slice(q.end))
        : undefined;
    const scope = then && !found?.measure.scope ? then.label : target;
    const r = found && { ...found, unit: q.unit, ...(scope ? { measure: { ...found.measure, scope } } : {}) };
    if (!r) {
      notes.push({ text: n.text, excluded: { rule: 'measure.none', reason: 'no rule reads what it measures' } });
      return;
    }
    // "more than 39 feet (11.8 meters)": the same figure in another unit of its dimension, told once.
    // But "1,679 points (4%)": points and percent are two measures of one move, and neither converts to the other.
    const before = figures.at(-1)?.typed?.unit;
    if (r.rule === 'measure.conversion' && before?.dimension === q.unit.dimension && q.kind !== 'money' && isPoints(before.id) === isPoints(q.unit.id)) {
      notes.push({ text: n.text, excluded: { rule: 'measure.conversion', reason: 'the figure before it in another unit' } });
      return;
    }
    // "killed across five states, including 23 in ...": a count of the places a figure spans is an aside; what follows goes on with the figure.
    if (!(r.rule === 'measure.noun-after' && ACROSS_BEFORE.test(text.slice(0, n.start)))) previous = r;
    carry.last = r;
    const kind = r.kind ?? q.kind;
    // "344 of 6,000 flights ... on Monday": a part and its whole share the period after them.
    const next = candidates.slice(i + 1).find((m) => !/^\s*(?:out\s+)?of\s+(?:the\s+)?$/i.test(text.slice(n.end, m.start)));
    const period = then ?? periodOf(n, spans, next, text, pub, kind);
    // "between $250 and $275 billion": the ends of a range bound one figure, from below and from above.
    const end = n.range?.between && q.bound === 'exact' ? (n.range.first ? BOUND_FROM_BELOW : BOUND_FROM_ABOVE) : undefined;
    const figure: FigureMention = {
      metric: labelOf(r),
      metricKey: measureKey(kind, r.measure),
      value: n.value,
      text: n.text,
      unit: q.unit.label,
      period: period.label,
      qualifier: end ? end.text : q.boundText,
      evidence: { file: place.file, quote: place.quote },
      decimals: n.decimals,
      position: place.position,
      typed: {
        kind,
        bound: end ? end.bound : q.bound,
        scale: n.scale,
        unit: q.unit,
        measure: r.measure,
        period,
        rule: r.rule,
        headline: place.headline,
        baseline: r.rule === 'measure.baseline' || undefined,
      },
    };
    figures.push(figure);
    notes.push({ text: n.text, figure });
  });
  return { figures, notes };
}

/**
 * An article that places its day in one part ("search crews Sunday morning ...") reports that day's
 * counts as of that part, whichever sentence gives them: "59 confirmed dead" beside another
 * article's "68, the sheriff said Sunday afternoon" is an earlier count, not a disagreement.
 */
export function inArticlePart(figures: FigureMention[], carry: Carry): FigureMention[] {
  if (!carry.parts?.size) return figures;
  return figures.map((f) => {
    const period = f.typed?.period;
    const named = period && period.grain === 'day' && !period.part ? carry.parts?.get(period.from) : undefined;
    if (!f.typed || !period || named?.size !== 1) return f;
    const [part] = named;
    return { ...f, typed: { ...f.typed, period: { ...period, part } } };
  });
}

/** Figures of one sentence. `carry` holds the last reading across sentences for "that figure". */
export function figuresOf(s: Sentence, file: string, quote: string, pub: PubDate, carry: Carry, position = 0): FigureMention[] {
  return readFigures(s, pub, carry, { file, quote, position }).figures;
}
