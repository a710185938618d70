/** How far up the briefing a figure goes. */
import type { Figure, TypedFigure } from '../model.js';

/** Kinds a newsroom leads with: casualties, money, shares and changes before plain counts. */
function kindWeight(t: TypedFigure | undefined): number {
  if (!t) return 0;
  if (t.measure.head === 'deaths' || t.measure.head === 'missing') return 2;
  if (t.rule.startsWith('vote.')) return 1.5;
  if (t.kind === 'money' || t.kind === 'share' || t.kind === 'change' || t.kind === 'rate') return 1;
  return t.kind === 'quantity' ? 0.5 : 0;
}

/**
 * The latest value of a measure is its news (`behind` 0 days); earlier ones are its history, the more
 * so the staler they are: a day behind counts nothing, two days less, three or more least.
 */
export const recencyOf = (behind: number): number => (behind <= 0 ? 3 : Math.max(-2, 1 - behind));

/**
 * How far up the briefing a figure goes: independent sources for its value and for its measure,
 * a headline or the opening paragraph, its kind, whether it is the measure's latest value, and
 * whether sources disagree on it.
 */
export function rank(f: Figure, measureFiles: number, recency: number, disputed: boolean): number {
  const files = new Set(f.sources.map((s) => s.file)).size;
  const s = f.standing;
  return (
    3 * files +
    0.75 * Math.min(measureFiles, 8) +
    (s?.headline ? 2 : 0) +
    (s?.lead ? 1 : 0) +
    kindWeight(f.typed) +
    recency +
    (disputed ? 2 : 0) -
    (f.typed?.period.stated === false ? 0 : 0.5)
  );
}
