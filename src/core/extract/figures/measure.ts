/**
 * What a number measures, read by rules in a table: each row has an id and reads one construction
 * ("82 people are dead", "a $12,000 ratification bonus", "the toll rose to 25", "59% of members
 * approved"). Rows are tried in the order below, most specific first; the first that reads a measure wins.
 */
import type { Sentence } from '../../nlp.js';
import type { NumberMention } from './numbers.js';
import type { Quantity } from './quantity.js';
import { RULES as COPIES } from './rules/copies.js';
import { RULES as KINDS } from './rules/kinds.js';
import { RULES as OBJECTS } from './rules/objects.js';
import { RULES as OWNERS } from './rules/owners.js';
import { RULES as PHRASES } from './rules/phrases.js';
import { RULES as SHARES } from './rules/shares.js';
import { RULES as STATES } from './rules/states.js';
import type { MeasureContext, MeasureRule, Reading } from './rules/tools.js';

export type { MeasureContext, Reading } from './rules/tools.js';

const BY_ID = new Map([...COPIES, ...KINDS, ...STATES, ...SHARES, ...PHRASES, ...OBJECTS, ...OWNERS].map((r) => [r.id, r]));

/** The order rows are tried in: a row that reads a narrower construction comes before a broader one. */
const ORDER = [
  'measure.anaphor',
  'measure.baseline',
  'measure.from-to',
  'measure.range',
  'measure.including',
  'measure.conversion',
  'measure.per-share',
  'measure.multiple-of',
  'measure.times',
  'measure.rate',
  'measure.turnout',
  'measure.vote',
  'measure.vote-count',
  'measure.magnitude',
  'measure.population',
  'state.verb-before',
  'state.among',
  'state.before-noun',
  'state.after',
  'state.number',
  'state.toll',
  'state.occupants',
  'state.noun-after',
  'measure.since-last',
  'measure.votes-for',
  'measure.won',
  'measure.owner-list',
  'measure.distance',
  'measure.of-before',
  'measure.comparative',
  'measure.share-state',
  'measure.share-verb',
  'measure.share-of',
  'measure.compound',
  'measure.money-in',
  'measure.money-from',
  'measure.change-verb',
  'measure.level',
  'measure.of-the-front',
  'measure.partitive',
  'measure.noun-after',
  'measure.size',
  'measure.duration',
  'measure.people-object',
  'measure.verb-object',
  'measure.another',
  'measure.list',
  'measure.number-of',
] as const;

/** The rule table, in the order rows are tried. */
const MEASURE_RULES: readonly MeasureRule[] = ORDER.map((id) => {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`measure rule ${id} is listed but not defined`);
  return rule;
});

/**
 * Reads what one number measures: the first rule that reads it, or undefined when none does. The
 * first number of a range is read as if "between" were not there ("may cost between $250 and $275
 * billion" as "may cost $250"); the second takes its reading (measure.range).
 */
export function readMeasure(c: MeasureContext): Reading | undefined {
  const first = c.n.range?.first && c.n.range.between && c.s.tokens[c.prev]?.lower === 'between';
  const read = first ? { ...c, before: c.before.replace(/\bbetween\s+$/i, ''), prev: c.prev - 1 } : c;
  for (const rule of MEASURE_RULES) {
    const r = rule.read(read);
    if (r) return r;
  }
  return undefined;
}

/** The context of a number in a sentence, for the rules. */
export function measureContext(
  s: Sentence,
  n: NumberMention,
  q: Quantity,
  extra: { titleCase: boolean; previous?: Reading | undefined; carried?: Reading | undefined },
): MeasureContext {
  const next = s.tokens.findIndex((t) => t.start >= q.end);
  const prev = s.tokens.findLastIndex((t) => t.end <= n.start);
  return {
    s,
    n,
    q,
    before: s.text.slice(0, n.start),
    after: s.text.slice(q.end),
    next: next < 0 ? s.tokens.length : next,
    prev,
    ...extra,
  };
}
