/** How a figure line says what a figure measures ("deaths in Harlan County", "homicide rate", "ratification bonus"). */
import type { FigureKind, Measure } from '../../model.js';
import type { Reading } from './measure.js';
import { STATES, type StateRow } from './vocabulary.js';

const STATE_BY_HEAD = new Map(STATES.map((r) => [r.head, r]));
/** The state row whose measure a head is ("deaths" -> the row of the dead), if any. */
export const stateRowOf = (head: string): StateRow | undefined => STATE_BY_HEAD.get(head);

/** The words a reading goes by, without where it holds: the rule's own, else its state's, else the measure's. */
export function baseLabel(r: Reading): string {
  const m = r.measure;
  const row = STATE_BY_HEAD.get(m.head);
  return r.label || (row ? (m.who ? row.of.replace('{who}', m.who) : row.head) : [...m.modifiers, m.head].join(' '));
}

/** The label of a reading, with where it holds ("deaths in Harlan County"). */
export function labelOf(r: Reading): string {
  const base = baseLabel(r);
  const scope = r.measure.scope;
  if (!scope || base.toLowerCase().includes(scope.toLowerCase())) return base;
  // A scope that brings its own preposition ("on the ground") takes no "in".
  return /^(?:on|at|aboard|outside|inside)\b/i.test(scope) ? `${base} ${scope}` : `${base} in ${scope}`;
}

/** Kinds that compare with each other: a level is an amount like any other of its unit. */
export const familyOf = (kind: FigureKind): string =>
  kind === 'level' || kind === 'count' || kind === 'money' || kind === 'quantity' || kind === 'share' ? 'amount' : kind;

/** A stable text key for a measure (kept in digests' coverage): family, head, modifiers, who, where, direction. */
export function measureKey(kind: FigureKind, m: Measure): string {
  return [familyOf(kind), m.head, m.modifiers.join(' '), m.who ?? '', (m.scope ?? '').toLowerCase(), m.direction ?? ''].join('|');
}
