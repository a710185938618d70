/** Pieces every renderer (terminal, Slack, Discord) lays a briefing out with, so they agree on what a line says. */
import type { Actor, Briefing, Conflict, Figure, SourceRef, Timeline } from '../core/model.js';

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
    'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion ' +
    'dozen dozens half quarter third'
  ).split(' '),
);
const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp)\b/i;

/** The number as written, with its unit when the text does not already carry one. */
export function figureValue(f: Figure): string {
  const text = `${f.qualifier ? `${f.qualifier} ` : ''}${f.text}`;
  const unit = f.unit.trim();
  const last = f.text.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  // "six tons", "a decade", "$81 million": the text already names what it counts.
  // "15GW": the unit written onto the number.
  const textHasUnit = (!/\d/.test(last) && !NUMBER_WORDS.has(last)) || (/\d/.test(last) && last.endsWith(unit.toLowerCase()));
  if (!unit || unit === 'count' || unit === 'date' || textHasUnit || (CURRENCY.test(f.text) && /dollar|euro|pound|yen|rupee|usd|eur|gbp/i.test(unit)))
    return text;
  if (f.text.includes('%') && /^percent\b/i.test(unit)) return `${text}${unit.replace(/^percent/i, '')}`;
  // "731 — homicides": the metric says what is counted.
  if (f.metric.toLowerCase().split(/\W+/).includes(unit.toLowerCase())) return text;
  return `${text} ${unit}`;
}

/** Figures shown as lines: conflicting values of one measure and moment fold into the line of the first. */
export interface FigureLine {
  figure: Figure;
  conflict?: Conflict | undefined;
  /** The measure's timeline, on the line of its latest value. */
  timeline?: Timeline | undefined;
  /** Figures this line stands for (itself and the conflicting values it lists). */
  count: number;
}

/** The figures each conflict holds and the timeline each latest value ends, looked up by reference. */
function membershipOf(b: Briefing): { conflictOf: Map<Figure, Conflict>; timelineOf: Map<Figure, Timeline> } {
  const conflictOf = new Map<Figure, Conflict>();
  const timelineOf = new Map<Figure, Timeline>();
  const present = new Set(b.figures);
  for (const c of b.conflicts) for (const f of c.figures) if (present.has(f) && !conflictOf.has(f)) conflictOf.set(f, c);
  for (const t of b.timelines ?? []) for (const f of t.points.at(-1)?.figures ?? []) timelineOf.set(f, t);
  return { conflictOf, timelineOf };
}

/** The lines of a briefing's figures, weightiest first. */
export function figureLines(b: Briefing): FigureLine[] {
  const lines: FigureLine[] = [];
  const done = new Set<Conflict>();
  const byWeight = [...b.figures].sort((x, y) => y.weight - x.weight);
  const number = sourceNumbers(b.sources);
  const { conflictOf, timelineOf } = membershipOf(b);
  for (const f of byWeight) {
    const c = conflictOf.get(f);
    if (!c) lines.push({ figure: f, timeline: timelineOf.get(f), count: 1 });
    else if (!done.has(c)) {
      done.add(c);
      const group = c.figures.filter((g) => conflictOf.get(g) === c).sort((x, y) => y.weight - x.weight);
      const lead = leadOf(group, number) ?? f;
      lines.push({ figure: lead, conflict: c, timeline: group.map((g) => timelineOf.get(g)).find(Boolean), count: group.length });
    }
  }
  return lines;
}

/**
 * A measure's course on one line: "rose from 24 [1] (July 4, 2025) to 109 [8] (July 8, 2025) in 6
 * counts". Disputed moments give their first value; the figure line and its conflict say the rest.
 */
export function timelineMarker(t: Timeline, refs: (files: string[]) => string): string | undefined {
  const first = t.points[0]?.figures[0];
  const last = t.points.at(-1)?.figures[0];
  if (!first || !last || t.points.length < 2) return undefined;
  const at = (f: Figure, period: string): string => `${figureValue(f)} ${refs(f.sources.map((s) => s.file))} (${period})`;
  const a = first.value * (first.typed?.unit.toBase ?? 1);
  const z = last.value * (last.typed?.unit.toBase ?? 1);
  const course = z > a ? '↗ rose' : z < a ? '↘ fell' : '→ held';
  const counts = t.points.length > 2 ? ` in ${String(t.points.length)} counts` : '';
  return `${course} from ${at(first, t.points[0]?.period ?? '')} to ${at(last, t.points.at(-1)?.period ?? '')}${counts}`;
}

// A set's source list is the same object in every briefing of it, so its lookups are built once and kept.
const numbersOf = new WeakMap<readonly SourceRef[], ReadonlyMap<string, number>>();
/** Per source numbering: the lowest source number each figure cites. */
const firstSources = new WeakMap<ReadonlyMap<string, number>, WeakMap<Figure, number>>();

/** File name -> source number, for a briefing's source list. */
export function sourceNumbers(sources: readonly SourceRef[]): ReadonlyMap<string, number> {
  let map = numbersOf.get(sources);
  if (!map) numbersOf.set(sources, (map = new Map(sources.map((s) => [s.file, s.n]))));
  return map;
}

/** The value a conflict's line leads with: the one most sources give, then the earliest source's. */
function leadOf(group: Figure[], number: ReadonlyMap<string, number>): Figure | undefined {
  let firsts = firstSources.get(number);
  if (!firsts) firstSources.set(number, (firsts = new WeakMap()));
  const known = firsts;
  const first = (f: Figure): number => {
    let n = known.get(f);
    if (n === undefined) known.set(f, (n = f.sources.reduce((m, s) => Math.min(m, number.get(s.file) ?? Infinity), Infinity)));
    return n;
  };
  return [...group].sort((x, y) => y.sources.length - x.sources.length || first(x) - first(y))[0];
}

/** Every value of a conflict and who gave it, so a reader sees the disagreement on one line. */
export function conflictMarker(c: Conflict, refs: (files: string[]) => string): string {
  const values = c.values.map((v) => `${v.text} ${refs(v.sources)}`).join(' · ');
  if (c.kind === 'rounding') return `≈ sources round differently: ${values} (rounding)`;
  if (c.kind === 'bounds') return `≈ sources differ: ${values} (the bounds allow both)`;
  return `⚠ sources disagree: ${values} (contradiction)`;
}

export const actorText = (a: Actor): string => `${a.name}${a.role ? ` — ${a.role}` : ''}`;

/** Core actors first, each group in the order given. */
export const coreFirst = (actors: Actor[]): Actor[] => [...actors.filter((a) => a.salience === 'core'), ...actors.filter((a) => a.salience !== 'core')];

/** A source's date as shown: `~` marks one inferred from the text or the rest of the set. */
export const sourceDate = (s: SourceRef): string | undefined => (s.published ? `${s.dateInferred ? '~' : ''}${s.published}` : undefined);

/** The span of the sources' publication dates ("2025-02-09 to 2025-02-19"), `~` when any was inferred; undefined when none is known. */
export function publishedRange(sources: readonly SourceRef[]): string | undefined {
  let from: string | undefined;
  let to: string | undefined;
  let inferred = false;
  for (const { published: p, dateInferred } of sources) {
    if (!p) continue;
    if (!from || p < from) from = p;
    if (!to || p > to) to = p;
    inferred ||= dateInferred === true;
  }
  if (!from || !to) return undefined;
  return `${inferred ? '~' : ''}${from === to ? from : `${from} to ${to}`}`;
}
