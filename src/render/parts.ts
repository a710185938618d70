/** Pieces every renderer (terminal, Slack, Discord) lays a briefing out with, so they agree on what a line says. */
import type { Actor, Briefing, Conflict, Figure, SourceRef } from '../core/model.js';

const NUMBER_WORDS = new Set(
  ('zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen ' +
    'twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion ' +
    'dozen dozens half quarter third').split(' '),
);
const CURRENCY = /[$€£¥₹]|\b(?:usd|eur|gbp)\b/i;

/** The number as written, with its unit when the text does not already carry one. */
export function figureValue(f: Figure): string {
  const text = `${f.qualifier ? `${f.qualifier} ` : ''}${f.text}`;
  const unit = f.unit.trim();
  const last = f.text.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  // "six tons", "a decade", "$81 million": the text already names what it counts.
  const textHasUnit = !/\d/.test(last) && !NUMBER_WORDS.has(last);
  if (!unit || unit === 'count' || unit === 'date' || textHasUnit || (CURRENCY.test(f.text) && /dollar|euro|pound|yen|rupee|usd|eur|gbp/i.test(unit))) return text;
  if (f.text.includes('%') && /^percent\b/i.test(unit)) return `${text}${unit.replace(/^percent/i, '')}`;
  // "731 — homicides": the metric says what is counted.
  if (f.metric.toLowerCase().split(/\W+/).includes(unit.toLowerCase())) return text;
  return `${text} ${unit}`;
}

// A set's figures and conflicts are the same objects in every briefing of it, and in a large set a
// figure has thousands of sources: whether a figure belongs to a conflict is worked out once.
const membership = new WeakMap<Conflict, WeakMap<Figure, boolean>>();

/** Whether figure `f` (whose source files are `files`) is one of the values of conflict `c`. */
function inConflict(c: Conflict, f: Figure, files: ReadonlySet<string>): boolean {
  let known = membership.get(c);
  if (!known) membership.set(c, (known = new WeakMap()));
  let r = known.get(f);
  if (r === undefined) {
    r = c.period === f.period && c.values.some((v) => v.value === f.value && v.sources.every((file) => files.has(file)));
    known.set(f, r);
  }
  return r;
}

/** Figures shown as lines: conflicting values of one metric and period fold into the line of the first. */
export interface FigureLine {
  figure: Figure;
  conflict?: Conflict | undefined;
  /** Figures this line stands for (itself and the conflicting values it lists). */
  count: number;
}

/** The lines of a briefing's figures, weightiest first. */
export function figureLines(b: Briefing): FigureLine[] {
  const lines: FigureLine[] = [];
  const done = new Set<Conflict>();
  const byWeight = [...b.figures].sort((x, y) => y.weight - x.weight);
  const number = sourceNumbers(b.sources);
  // Conflicts and figures meet only on the same period and value: look them up by that, not pairwise.
  const slot = (period: string, value: number): string => `${period}\u0000${String(value)}`;
  const conflictsAt = new Map<string, Conflict[]>();
  for (const c of b.conflicts) for (const v of c.values) conflictsAt.set(slot(c.period, v.value), [...(conflictsAt.get(slot(c.period, v.value)) ?? []), c]);
  const figuresAt = new Map<string, Figure[]>();
  for (const f of byWeight) figuresAt.set(slot(f.period, f.value), [...(figuresAt.get(slot(f.period, f.value)) ?? []), f]);
  for (const f of byWeight) {
    const c = conflictsAt.get(slot(f.period, f.value))?.find((x) => inConflict(x, f, files(f)));
    if (!c) lines.push({ figure: f, count: 1 });
    else if (!done.has(c)) {
      done.add(c);
      const group = [...new Set(c.values.flatMap((v) => figuresAt.get(slot(c.period, v.value)) ?? []))]
        .filter((g) => inConflict(c, g, files(g))).sort((x, y) => y.weight - x.weight);
      lines.push({ figure: leadOf(group, number) ?? f, conflict: c, count: group.length });
    }
  }
  return lines;
}

// With thousands of articles a figure has thousands of sources: scanning them pairwise made
// figureLines quadratic (half a second a briefing at 10,000 articles). A set's figures and source
// list are the same objects in every briefing of it, so their lookups are built once and kept.
const filesOf = new WeakMap<Figure, ReadonlySet<string>>();
const numbersOf = new WeakMap<readonly SourceRef[], ReadonlyMap<string, number>>();
/** Per source numbering: the lowest source number each figure cites. */
const firstSources = new WeakMap<ReadonlyMap<string, number>, WeakMap<Figure, number>>();

/** The files figure `f` was read in, as a set. */
function files(f: Figure): ReadonlySet<string> {
  let set = filesOf.get(f);
  if (!set) filesOf.set(f, (set = new Set(f.sources.map((s) => s.file))));
  return set;
}

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
