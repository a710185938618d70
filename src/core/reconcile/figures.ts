/**
 * Reconciliation by what is measured. Figures from different sources are one measure when their
 * dimension and kind agree, what they measure matches (the same head noun or a synonym, the same
 * whose and where) and their periods meet; not when their labels happen to be the same. Then the
 * same value from several sources is one figure; different values for one moment are a conflict
 * unless bounds or written precision allow both; values at different moments are a timeline.
 */
import { familyOf } from '../extract/figures/label.js';
import { daysBetween, endOf } from '../extract/figures/period.js';
import type { Conflict, Figure, FigureMention, Period, Timeline, TypedFigure } from '../model.js';
import { allows, byMoment, conflictOf } from './figure-conflicts.js';
import { absorb, addReading, addWording, commonLabel, countLabel, forget } from './figure-notes.js';
import { rank, recencyOf } from './figure-rank.js';
import {
  baseValue,
  dimensionOf,
  headKey,
  identity,
  loose,
  NO_SENSES,
  norm,
  ownerOf,
  plainCount,
  plainPeople,
  roundSmall,
  sameTime,
  scopeOf,
  scopeSpellings,
  type SetContext,
  STATE_HEADS,
  storyPlaces,
  storySenses,
  namedOnce,
} from './measure-identity.js';

/** Everything the set says about its figures: one entry per measure, period and value; conflicts; timelines. */
export interface Reconciled {
  figures: Figure[];
  conflicts: Conflict[];
  timelines: Timeline[];
}

/** One figure per identity, moment and value, with every source that gave it, each once. */
function mergeSame(mentions: FigureMention[], idOf: (m: FigureMention) => string): Figure[] {
  const buckets = new Map<string, Figure[]>();
  const figures: Figure[] = [];
  // Each figure's sources by file and quote: a figure many articles give has thousands, and a scan of them per mention was quadratic.
  const quoted = new Map<Figure, Set<string>>();
  const sourceKey = (m: FigureMention): string => `${m.evidence.file}\u0000${m.evidence.quote}`;
  for (const m of mentions) {
    const bucket = `${idOf(m)}|${String(baseValue(m))}`;
    const list = buckets.get(bucket) ?? [];
    const f = list.find((x) => !x.typed || !m.typed || sameTime(x.typed, m.typed, true));
    if (f) {
      addReading(f, m.typed);
      if (m.typed) addWording(f, m.typed.measure);
      countLabel(f, m.metric);
      const key = sourceKey(m);
      if (!quoted.get(f)?.has(key)) {
        quoted.get(f)?.add(key);
        f.sources.push(m.evidence);
      }
      if (f.standing) {
        f.standing.headline ||= Boolean(m.typed?.headline);
        f.standing.lead ||= m.position <= 0.2;
      }
      continue;
    }
    const made: Figure = {
      metric: m.metric,
      metricKey: m.metricKey,
      value: m.value,
      text: m.text,
      unit: m.unit,
      period: m.period,
      qualifier: m.qualifier,
      sources: [m.evidence],
      decimals: m.decimals,
      weight: 0,
      typed: m.typed,
      standing: { headline: Boolean(m.typed?.headline), lead: m.position <= 0.2 },
    };
    addReading(made, m.typed);
    if (m.typed) addWording(made, m.typed.measure);
    countLabel(made, m.metric);
    quoted.set(made, new Set([sourceKey(m)]));
    list.push(made);
    buckets.set(bucket, list);
    figures.push(made);
  }
  return figures;
}

/**
 * "23% — revenue" from one source and "23% — quarterly revenue" from another are one figure: the
 * same value, kind and period, heads that match, and one's words within the other's. The vaguer
 * folds into the more specific when they share no source (one source naming both means two things).
 */
function foldVaguer(figures: Figure[], ctx: SetContext): Figure[] {
  const senses = ctx.senses;
  const groups = groupBy(
    figures.filter((f) => f.typed),
    (f) => (f.typed ? `${familyOf(f.typed.kind)}|${dimensionOf(f.typed)}|${f.typed.unit.id}|${String(baseValue(f))}|${f.typed.measure.direction ?? ''}` : ''),
  );
  const folded = new Set<Figure>();
  const words = (f: Figure): Set<string> =>
    new Set([
      ...loose(f.typed?.measure ?? { head: '', modifiers: [] }, ctx.storyPlaces),
      headKey(f.typed?.measure.head ?? '', senses),
      ...(f.typed?.measure.who ? [`who:${f.typed.measure.who}`] : []),
      // Whose it is ("seats for AfD") is more than "seats": the vaguer folds into the owner's.
      ...(ownerOf(f.typed) ? [`owner:${ownerOf(f.typed) ?? ''}`] : []),
    ]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const bySize = [...group].sort((a, b) => words(b).size - words(a).size || b.sources.length - a.sources.length);
    for (const vague of [...bySize].reverse()) {
      if (folded.has(vague) || !vague.typed) continue;
      const w = words(vague);
      const files = new Set(vague.sources.map((s) => s.file));
      const into = bySize.find((f) => {
        if (f === vague || folded.has(f) || !f.typed || !vague.typed) return false;
        if (!sameTime(f.typed, vague.typed, true)) return false;
        if (scopeOf(f.typed.measure, ctx) && scopeOf(vague.typed.measure, ctx) && scopeOf(f.typed.measure, ctx) !== scopeOf(vague.typed.measure, ctx))
          return false;
        // "27 girls killed" and "27 campers killed": one group of people, named two ways; but "children" is not everyone.
        if ((f.typed.measure.who === undefined) !== (vague.typed.measure.who === undefined)) return false;
        const state = STATE_HEADS.has(f.typed.measure.head) || STATE_HEADS.has(vague.typed.measure.head);
        if (state && headKey(f.typed.measure.head, senses) !== headKey(vague.typed.measure.head, senses)) return false;
        // One article giving one uncommon value twice means one thing ("€1 billion economic impact" and "could cost as much as €1 billion").
        const sameArticle = f.sources.some((s) => files.has(s.file));
        // A count of the dead told twice in one article, once with its cause, is one count.
        if (sameArticle)
          return (
            state ||
            ((f.typed.kind === 'money' || f.typed.kind === 'share' || f.typed.kind === 'quantity' || dimensionOf(f.typed) === 'people') && !roundSmall(f))
          );
        // Counts of people: "33,000 workers" and "33,000 union members" count the same people. Money and shares of one value
        // at one moment of one story are one figure told in other words ("60% of demand", "60% of the grid").
        // Counts of people in one state given by two names for one group: "27 girls" and "27 campers" killed.
        if (state && f.typed.measure.who && vague.typed.measure.who) return true;
        if (
          (dimensionOf(f.typed) === 'people' && !state) ||
          ((f.typed.kind === 'money' || f.typed.kind === 'share' || f.typed.kind === 'quantity') && !roundSmall(f))
        )
          return true;
        const fw = words(f);
        return [...w].every((x) => fw.has(x));
      });
      if (!into) continue;
      into.sources.push(...vague.sources);
      absorb(into, vague);
      if (into.standing && vague.standing) {
        into.standing.headline ||= vague.standing.headline;
        into.standing.lead ||= vague.standing.lead;
      }
      folded.add(vague);
    }
  }
  return folded.size ? figures.filter((f) => !folded.has(f)) : figures;
}

/** How many of its own steps (days, months, quarters, years) a value is behind a measure's latest: one at least. */
function stepsBehind(grain: Period['grain'], days: number): number {
  // A stretch ("since September", "the first 50 days") goes stale by the day, as a day does.
  const step = grain === 'day' || grain === 'span' ? 1 : grain === 'month' ? 31 : grain === 'quarter' ? 92 : 366;
  return Math.max(1, Math.ceil(days / step));
}

/** Dated events ("took office in October 2023"): one figure per person, date and source; a conflict when sources date it differently. */
function reconcileDates(mentions: FigureMention[]): { figures: Figure[]; conflicts: Conflict[] } {
  const figures = mergeSame(mentions, (m) => `${m.metricKey}|${m.period}`);
  const conflicts: Conflict[] = [];
  for (const group of groupBy(figures, (f) => f.metricKey).values()) {
    const c = group.length > 1 ? conflictOf(group) : undefined;
    if (!c) continue;
    conflicts.push({ ...c, kind: 'contradiction', about: 'date' });
    for (const f of c.figures) f.weight = rank(f, 0, 0, true);
  }
  return { figures, conflicts };
}

/** What a headline's number and its body's must share to be one figure: dimension, head, kind and (unless told not to) place. */
const headlineKey = (t: TypedFigure, scope = true): string =>
  `${t.unit.dimension}|${headKey(t.measure.head, NO_SENSES)}|${scope ? (t.measure.scope ?? '') : ''}|${familyOf(t.kind)}`;
/** The body mentions of each article. */
const bodiesOf = (mentions: FigureMention[]): Map<string, FigureMention[]> =>
  groupBy(
    mentions.filter((m) => !m.typed?.headline),
    (m) => m.evidence.file,
  );

/**
 * A headline's bounded number that its own article gives exactly ("More than 60 dead" over a body's
 * 67; "deaths pass 100" over 104) is the body's figure rounded for the headline: the body's stands.
 */
function withoutRoundedHeadlines(mentions: FigureMention[]): FigureMention[] {
  const bodyOf = bodiesOf(mentions);
  return mentions.filter((m) => {
    const t = m.typed;
    if (!t || (t.bound !== 'more-than' && t.bound !== 'at-least')) return true;
    // Only a round bound is a rounding: "surpassed 100", "more than 60".
    if (!t.headline && (m.value % 10 !== 0 || m.decimals)) return true;
    const rounded = { value: m.value, decimals: m.decimals, typed: t } as Figure;
    const same = headlineKey(t);
    return !(bodyOf.get(m.evidence.file) ?? []).some((b) => {
      const bt = b.typed;
      const exact = bt?.bound === 'exact' || ((bt?.bound === 'at-least' || bt?.bound === 'more-than') && b.value > m.value);
      return (
        b !== m &&
        bt &&
        exact &&
        b.value !== m.value &&
        headlineKey(bt) === same &&
        allows(rounded, { value: b.value, decimals: b.decimals, typed: bt } as Figure)
      );
    });
  });
}

/**
 * A headline's number that its own article's body gives too ("Four people die in Spain" over "at least
 * four people were reported to have died ... Monday") is the body's figure: it holds when the body says.
 */
function headlinesDatedByBody(mentions: FigureMention[]): FigureMention[] {
  const bodyOf = bodiesOf(mentions);
  const scopes = (a: string | undefined, b: string | undefined): boolean => !a || !b || norm(a) === norm(b);
  return mentions.map((m) => {
    const t = m.typed;
    if (!t?.headline) return m;
    const body = (bodyOf.get(m.evidence.file) ?? []).find(
      (b) => b.value === m.value && b.typed && headlineKey(b.typed, false) === headlineKey(t, false) && scopes(b.typed.measure.scope, t.measure.scope),
    );
    return body?.typed && body.period !== m.period ? { ...m, period: body.period, typed: { ...t, period: body.typed.period } } : m;
  });
}

/** Items grouped by a key, in first-seen order. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * Reconciles every figure mention of a set. `headlines` are its articles' headlines: places many name
 * are the story's own. `published` (file -> ISO date) tells which of two equally sourced counts of
 * people in a state is the later report, to lead their disagreement with. `compounds` are the
 * two-word nouns its articles use: the senses a story uses its heads in.
 */
export function reconcileFigures(
  mentions: FigureMention[],
  headlines: readonly string[] = [],
  published: ReadonlyMap<string, string> = new Map(),
  compounds: Iterable<string> = [],
): Reconciled {
  const typed = headlinesDatedByBody(withoutRoundedHeadlines(mentions.filter((m) => m.typed)));
  const senses = storySenses(
    typed.flatMap((m) => (m.typed ? [m.typed.measure.head] : [])),
    compounds,
  );
  const ctx: SetContext = {
    senses,
    storyPlaces: storyPlaces(typed, headlines),
    namedOnce: namedOnce(typed, senses),
    spellings: scopeSpellings(typed),
  };
  // A figure's identity is its first mention's: worked out once for each.
  const ids = new Map<TypedFigure, string>();
  const idOf = (m: { typed?: TypedFigure | undefined }): string => {
    if (!m.typed) return '';
    let id = ids.get(m.typed);
    if (id === undefined) ids.set(m.typed, (id = identity(m.typed, ctx)));
    return id;
  };
  const figures = foldVaguer(mergeSame(typed, idOf), ctx);
  for (const f of figures) {
    f.metric = commonLabel(f);
    f.measureId = f.typed && (plainPeople(f.typed) || plainCount(f.typed)) ? `${idOf(f)}|${headKey(f.typed.measure.head, senses)}` : idOf(f);
  }
  const dates = reconcileDates(mentions.filter((m) => !m.typed));

  const conflicts: Conflict[] = [];
  const disputed = new Set<Figure>();
  /** The other values of a disagreement: told on its lead's line, not leading on their own. */
  const shownOnLead = new Set<Figure>();
  const files = (f: Figure): number => new Set(f.sources.map((x) => x.file)).size;
  // A count that changes by the hour (the dead, the missing): the later report has the newer count.
  const latest = (f: Figure): string =>
    STATE_HEADS.has(f.typed?.measure.head ?? '')
      ? (f.sources
          .map((x) => published.get(x.file) ?? '')
          .sort()
          .at(-1) ?? '')
      : '';
  // Shares the set gives for several owners ("vote share for CDU", "for AfD"): one said of no owner may be any of them.
  const owners = new Map<string, Set<string>>();
  for (const m of typed) {
    const owner = m.typed?.kind === 'share' ? ownerOf(m.typed) : undefined;
    if (m.typed && owner) owners.set(m.typed.measure.head, (owners.get(m.typed.measure.head) ?? new Set()).add(owner));
  }
  const ownerless = (f: Figure): boolean => f.typed?.kind === 'share' && !f.typed.measure.scope && (owners.get(f.typed.measure.head)?.size ?? 0) > 1;
  // Disagreements within what may be one measure (plain counts of people by any noun, weighed by their sentences).
  for (const group of groupBy(figures, idOf).values()) {
    for (const at of group.length > 1 ? byMoment(group) : []) {
      const c = at.length > 1 ? conflictOf(at) : undefined;
      // "28.5% of the vote" and "11.6% of voters", of no party named: two parties' shares, not a disagreement.
      if (!c || c.figures.every(ownerless)) continue;
      conflicts.push(c);
      // Values the bounds or rounding reconcile are no dispute to lead with.
      if (c.kind !== 'contradiction') continue;
      // The value most sources give leads the disagreement (on a tie for a state count, the later report's); the others are shown on its line.
      const [lead, ...others] = [...c.figures].sort((a, b) => files(b) - files(a) || latest(b).localeCompare(latest(a)));
      if (lead) disputed.add(lead);
      for (const o of others) shownOnLead.add(o);
    }
  }
  // Timelines and rank by the measure each figure was matched on.
  const timelines: Timeline[] = [];
  for (const group of groupBy(figures, (f) => f.measureId ?? '').values()) {
    const measureFiles = new Set(group.flatMap((f) => f.sources.map((s) => s.file))).size;
    const moments = group.length > 1 ? byMoment(group) : [group];
    // In time order: by start, then by end ("January" before "the first 50 days of the year"); a projection ends where it starts.
    const start = (at: Figure[]): string => at[0]?.typed?.period.from ?? '';
    const end = (at: Figure[]): string => (at[0]?.typed ? endOf(at[0].typed.period) : '');
    const ordered = [...moments].sort((a, b) => start(a).localeCompare(start(b)) || end(a).localeCompare(end(b)));
    const last = ordered.at(-1) ?? [];
    ordered.forEach((at, i) => {
      const recency =
        ordered.length < 2 ? 0 : recencyOf(i === ordered.length - 1 ? 0 : stepsBehind(at[0]?.typed?.period.grain ?? 'day', daysBetween(end(at), end(last))));
      for (const f of at) f.weight = rank(f, measureFiles, recency, disputed.has(f)) - (shownOnLead.has(f) ? 3 : 0);
    });
    // A count given for a whole year among the story's daily counts ("298 deaths in 2014" beside this week's toll) is another
    // event told for comparison, not a point in the running count.
    const daily = ordered.some((at) => at[0]?.typed?.period.grain === 'day');
    const inRun = ordered.filter((at) => !daily || at[0]?.typed?.period.grain !== 'year');
    if (inRun.length > 1 && group[0]) {
      const points = inRun.map((at) => ({ period: at[0]?.period ?? '', from: at[0]?.typed?.period.from ?? '', figures: at }));
      timelines.push({ metric: group[0].metric, points });
    }
  }
  for (const f of figures) forget(f);
  return { figures: [...figures, ...dates.figures], conflicts: [...conflicts, ...dates.conflicts], timelines };
}
