/** Merges the same figure across sources and finds where sources disagree. */
import type { Conflict, Figure, FigureMention } from '../model.js';

const UNITS_WEIGHT = /percent|per |dollars|euros|pounds|tons|tonnes/;

/** One entry per metric, period and value; the sources that gave it, each once. */
export function mergeFigures(mentions: FigureMention[]): Figure[] {
  const byKey = new Map<string, Figure>();
  for (const m of mentions) {
    const key = `${m.metricKey}|${m.period}|${m.value}`;
    const f = byKey.get(key);
    if (f) {
      if (!f.sources.some((s) => s.file === m.evidence.file)) f.sources.push(m.evidence);
      f.weight += 3;
      continue;
    }
    byKey.set(key, {
      metric: m.metric, metricKey: m.metricKey, value: m.value, text: m.text, unit: m.unit, period: m.period,
      qualifier: m.qualifier, sources: [m.evidence], decimals: m.decimals,
      weight: 3 + (1 - m.position) * 2 + (UNITS_WEIGHT.test(m.unit) ? 1.5 : 0) + (m.period === 'undated' ? -1 : 0),
    });
  }
  return foldVaguer([...byKey.values()]);
}

/**
 * "23% — revenue" from one source and "23% — quarterly revenue" from another are one figure: the
 * same value, unit and period, and one metric's words all within the other's. The vaguer folds
 * into the more specific when they share no source (one source naming both means two things).
 */
function foldVaguer(figures: Figure[]): Figure[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = `${f.unit}|${f.period}|${String(f.value)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const folded = new Set<Figure>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const words = new Map(group.map((f) => [f, new Set(f.metricKey.split(' ').filter(Boolean))]));
    // Most specific first, so a vague figure folds into the fullest metric that holds it.
    const bySize = [...group].sort((a, b) => (words.get(b)?.size ?? 0) - (words.get(a)?.size ?? 0));
    for (const vague of [...bySize].reverse()) {
      const w = words.get(vague);
      if (!w?.size || folded.has(vague)) continue;
      const files = new Set(vague.sources.map((s) => s.file));
      const into = bySize.find((f) => f !== vague && !folded.has(f) && (words.get(f)?.size ?? 0) > w.size && [...w].every((x) => words.get(f)?.has(x)) && !f.sources.some((s) => files.has(s.file)));
      if (!into) continue;
      into.sources.push(...vague.sources);
      into.weight += 3 * vague.sources.length;
      folded.add(vague);
    }
  }
  return folded.size ? figures.filter((f) => !folded.has(f)) : figures;
}

const roundTo = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

const LOWER_BOUND = /^(?:at least|more than|over|upwards of)$/;
const UPPER_BOUND = /^(?:up to|less than|fewer than|under|at most)$/;

/** Whether two values can both be true: "at least 120" and "150" can; "120" and "150" cannot. */
function compatible(a: Figure, b: Figure): boolean {
  const allows = (bound: Figure, v: number): boolean =>
    (LOWER_BOUND.test(bound.qualifier ?? '') && v >= bound.value) || (UPPER_BOUND.test(bound.qualifier ?? '') && v <= bound.value);
  return allows(a, b.value) || allows(b, a.value);
}

/**
 * Different values for the same metric and period from different sources. Rounding when every
 * value agrees at the precision of the least precise one; otherwise a contradiction.
 */
export function findConflicts(figures: Figure[]): Conflict[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.period === 'undated' || !f.metricKey) continue;
    const key = `${f.metricKey}|${f.period}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: Conflict[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // A source that gives two values for one key is describing two things: leave it out.
    const perFile = new Map<string, number>();
    for (const f of group) for (const s of f.sources) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
    const clean = group.filter((f) => f.sources.every((s) => perFile.get(s.file) === 1));
    if (clean.length < 2) continue;
    const files = new Set(clean.flatMap((f) => f.sources.map((s) => s.file)));
    if (files.size < 2) continue;
    if (clean.every((a, x) => clean.every((b, y) => x === y || compatible(a, b)))) continue;
    const d = Math.min(...clean.map((f) => f.decimals));
    const rounding = new Set(clean.map((f) => roundTo(f.value, d))).size === 1;
    const first = clean[0];
    if (!first) continue;
    out.push({
      metric: first.metric,
      period: first.period,
      kind: rounding ? 'rounding' : 'contradiction',
      ...(first.unit === 'date' ? { about: 'date' as const } : {}),
      values: clean.map((f) => ({ value: f.value, text: f.text, sources: f.sources.map((s) => s.file) })),
    });
    for (const f of clean) f.weight += 4;
  }
  return out;
}
