/**
 * What reconciling remembers of each figure beyond its fields: every moment its merged readings hold
 * at, the nouns and narrowing words its mentions used, and how often each label named it.
 */
import type { Figure, Measure, TypedFigure } from '../model.js';
import { loose, sameTime, STATE_HEADS } from './measure-identity.js';

/**
 * The nouns and narrowing words every mention of a figure used: "33,000 union members" and
 * "33,000 workers" are one figure of both.
 */
const wording = new WeakMap<Figure, { heads: Set<string>; mods: Set<string> }>();
/** The moments a figure's merged readings hold at, one reading each: many sources give one moment. */
const readings = new WeakMap<Figure, Map<string, TypedFigure>>();
export function addReading(f: Figure, t: TypedFigure | undefined): void {
  if (!t) return;
  const span = `${t.period.from}|${t.period.to}|${t.period.part ?? ''}`;
  const key = `${span}|${String(t.period.stated)}|${String(Boolean(t.baseline))}|${String(STATE_HEADS.has(t.measure.head))}`;
  const moments = readings.get(f);
  if (!moments) readings.set(f, new Map([[key, t]]));
  else if (!moments.has(key)) moments.set(key, t);
}
/** Whether two figures hold at one moment: some reading of each does. */
export const atOneMoment = (a: Figure, b: Figure): boolean =>
  [...(readings.get(a)?.values() ?? [])].some((x) => [...(readings.get(b)?.values() ?? [])].some((y) => sameTime(x, y)));

export function addWording(f: Figure, m: Measure): void {
  const w = wording.get(f) ?? { heads: new Set<string>(), mods: new Set<string>() };
  w.heads.add(m.head);
  for (const x of loose(m)) w.mods.add(x);
  wording.set(f, w);
}

/** How often each label names a figure's mentions: the figure goes by the most common. */
const labels = new WeakMap<Figure, Map<string, number>>();
export function countLabel(f: Figure, label: string): void {
  const m = labels.get(f) ?? new Map<string, number>();
  m.set(label, (m.get(label) ?? 0) + 1);
  labels.set(f, m);
}
/** The label most of a figure's mentions use; the shortest on a tie (the plainest wording). */
export function commonLabel(f: Figure): string {
  const m = labels.get(f);
  return m ? ([...m].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? f.metric) : f.metric;
}

/** The nouns and narrowing words a figure's mentions used. */
export const wordingOf = (f: Figure): { heads: Set<string>; mods: Set<string> } | undefined => wording.get(f);
/** Takes in a folded figure's readings, words and labels. */
export function absorb(into: Figure, from: Figure): void {
  for (const [label, n] of labels.get(from) ?? []) for (let i = 0; i < n; i++) countLabel(into, label);
  for (const t of readings.get(from)?.values() ?? []) addReading(into, t);
  const had = wording.get(from);
  if (had) for (const h of had.heads) addWording(into, { head: h, modifiers: [...had.mods] });
}

/** Drops what reconciling remembered of a figure: a set keeps its figures, not their working notes. */
export function forget(f: Figure): void {
  readings.delete(f);
  wording.delete(f);
  labels.delete(f);
}
