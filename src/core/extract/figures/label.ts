/** How a figure line says what a figure measures ("deaths in Kerr County", "homicide rate", "ratification bonus"). */
import type { FigureKind, Measure } from '../../model.js';
import type { Reading } from './measure.js';
import { STATES } from './vocabulary.js';

const STATE_BY_HEAD = new Map(STATES.map((r) => [r.head, r]));

/** The label of a reading: the rule's own words, else the measure's, with where it holds. */
export function labelOf(r: Reading): string {
  const m = r.measure;
  const row = STATE_BY_HEAD.get(m.head);
  let base = r.label;
  if (!base && row) base = m.who ? row.of.replace('{who}', m.who) : row.head;
  base ??= [...m.modifiers, m.head].join(' ');
  return m.scope && !base.toLowerCase().includes(m.scope.toLowerCase()) ? `${base} in ${m.scope}` : base;
}

/** Kinds that compare with each other: a level is an amount like any other of its unit. */
export const familyOf = (kind: FigureKind): string => (kind === 'level' ? 'amount' : kind === 'count' || kind === 'money' || kind === 'quantity' || kind === 'share' ? 'amount' : kind);

/** A stable text key for a measure (kept in digests' coverage): family, head, modifiers, who, where, direction. */
export function measureKey(kind: FigureKind, m: Measure): string {
  return [familyOf(kind), m.head, m.modifiers.join(' '), m.who ?? '', (m.scope ?? '').toLowerCase(), m.direction ?? ''].join('|');
}
