/**
 * Reconciliation by what is measured. Figures from different sources are one measure when their
 * dimension and kind agree, what they measure matches (the same head noun or a synonym, the same
 * whose and where) and their periods meet; not when their labels happen to be the same. Then the
 * same value from several sources is one figure; different values for one moment are a conflict
 * unless bounds or written precision allow both; values at different moments are a timeline.
 */
import { familyOf } from '../extract/figures/label.js';
import { senseName, senseOf, singular } from '../extract/figures/lexicon.js';
import { daysBetween, samePeriod } from '../extract/figures/period.js';
import { STATES, SYNONYMS } from '../extract/figures/vocabulary.js';
import type { Conflict, Figure, FigureMention, Measure, Timeline, TypedFigure } from '../model.js';


/** Everything the set says about its figures: one entry per measure, period and value; conflicts; timelines. */
export interface Reconciled {
  figures: Figure[];
  conflicts: Conflict[];
  timelines: Timeline[];
}

/** The dimension a figure is compared in: counts of people apart from counts of things. */
function dimensionOf(t: TypedFigure): string {
  return t.unit.dimension;
}

const SYNONYM = new Map(SYNONYMS.flatMap((r) => r.words.map((w) => [singular(w), r.head] as const)));
const SYNONYM_HEADS = new Set(SYNONYMS.map((r) => r.head));

/** Heads that mean the same: the vocabulary's synonyms, one WordNet sense, or one directly below the other ("fatality", "death"). */
function headKey(head: string, senses: Set<string>): string {
  const synonym = SYNONYM.get(head);
  if (synonym) return synonym;
  const s = senseOf(head);
  if (!s) return head;
  return `~${senseName(senses.has(s.broader) ? s.broader : s.sense)}`;
}

/** Words that narrow a measure and must agree for two figures to be one measure. */
const loose = (m: Measure): string[] => m.modifiers.filter((w) => !/^(?:general|total|overall|confirmed|reported|official|combined|estimated|current)$/.test(w)).sort();
const norm = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/^the\s+/, '').replace(/\s+county$/, ' county');

/** What the set knows that reconciling needs: the senses its heads use, and the places its story is about. */
interface SetContext {
  senses: Set<string>;
  /** Places named in many headlines, lower case: "deaths in Spain" in a story about Spain is the deaths. */
  storyPlaces: Set<string>;
}

const scopeOf = (m: Measure, ctx: SetContext): string => (ctx.storyPlaces.has(norm(m.scope)) ? '' : norm(m.scope));

/** The measure's identity: what must match for two figures to be the same measure. */
function identity(t: TypedFigure, ctx: SetContext): string {
  // Plain counts of people ("33,000 union members", "32,000 machinists") are told apart by their sentences, not their nouns.
  if (plainPeople(t)) return 'amount|people';
  // Plain counts of things ("two previous offers", "three offers rejected") by their noun; the words that narrow them are checked apart.
  if (plainCount(t)) return `amount|count|${headKey(t.measure.head, ctx.senses)}|${scopeOf(t.measure, ctx)}`;
  const head = headKey(t.measure.head, ctx.senses);
  // A measure the vocabulary names by several words ("cost", "damage", "losses") is one concept whatever narrows its wording.
  const modifiers = SYNONYM_HEADS.has(head) ? '' : loose(t.measure).join(' ');
  return [familyOf(t.kind), dimensionOf(t), t.unit.dimension === 'money' ? t.unit.id : '', head, modifiers, t.measure.who ?? '', scopeOf(t.measure, ctx), t.measure.direction ?? ''].join('|');
}

/**
 * Whether two periods hold one value of a measure. A state count (the dead, the missing) changes
 * by the hour; other figures an article dates only by its own date ("750 children at the camp")
 * hold through one news week.
 */
function sameTime(x: TypedFigure, y: TypedFigure, merging = false): boolean {
  // One value said as current by one source and as projected by another is one figure; two values are a timeline.
  const projected = (t: TypedFigure): boolean => t.period.to === '9999-12-31';
  if (projected(x) !== projected(y)) return merging && !(projected(x) ? y : x).period.stated;
  // "94 fatalities, up from 87 reported this morning": a comparison's base is an earlier moment.
  if (Boolean(x.baseline) !== Boolean(y.baseline)) return false;
  if (samePeriod(x.period, y.period)) return true;
  // A total "since September" is the total as of its report.
  const asReported = (t: TypedFigure): TypedFigure => (t.period.since ? { ...t, period: { ...t.period, from: t.period.to, grain: 'day', stated: false } } : t);
  const a = asReported(x);
  const b = asReported(y);
  if (samePeriod(a.period, b.period)) return true;
  if (STATE_HEADS.has(a.measure.head) || STATE_HEADS.has(b.measure.head) || a.period.grain !== 'day' || b.period.grain !== 'day') return false;
  if (a.period.stated && b.period.stated) return false;
  // One value told a few days apart is one fact; two values are the same moment only within a news cycle:
  // two articles' own dates a day apart, or a stated day and an article up to three days after it.
  const [stated, dated] = a.period.stated ? [a.period, b.period] : [b.period, a.period];
  const gap = daysBetween(stated.from, dated.from);
  const window = merging ? 7 : stated.stated ? 3 : 1;
  return stated.stated ? gap >= 0 && gap <= window : Math.abs(gap) <= window;
}

/** Base value: in the dimension's base unit, so "39 feet" and "11.9 metres" compare. */
const baseValue = (f: { value: number; typed?: TypedFigure | undefined }): number => f.value * (f.typed?.unit.toBase ?? 1);

/** The written precision of a figure: the value of its last digit ("2.1 billion" -> 0.1e9). */
const precisionOf = (f: Figure): number => (f.typed?.scale ?? 1) * 10 ** -f.decimals * (f.typed?.unit.toBase ?? 1);

/** The nouns and narrowing words every mention of a figure used: "33,000 union members" and "33,000 workers" are one figure of both. */
const wording = new WeakMap<Figure, { heads: Set<string>; mods: Set<string> }>();
/** The moments a figure's merged readings hold at, one reading each: many sources give one moment. */
const readings = new WeakMap<Figure, Map<string, TypedFigure>>();
function addReading(f: Figure, t: TypedFigure | undefined): void {
  if (!t) return;
  const key = `${t.period.from}|${t.period.to}|${t.period.part ?? ''}|${String(t.period.stated)}|${String(Boolean(t.baseline))}|${String(STATE_HEADS.has(t.measure.head))}`;
  const moments = readings.get(f);
  if (!moments) readings.set(f, new Map([[key, t]]));
  else if (!moments.has(key)) moments.set(key, t);
}
/** Whether two figures hold at one moment: some reading of each does. */
const atOneMoment = (a: Figure, b: Figure): boolean => [...(readings.get(a)?.values() ?? [])].some((x) => [...(readings.get(b)?.values() ?? [])].some((y) => sameTime(x, y)));

function addWording(f: Figure, m: Measure): void {
  const w = wording.get(f) ?? { heads: new Set<string>(), mods: new Set<string>() };
  w.heads.add(m.head);
  for (const x of loose(m)) w.mods.add(x);
  wording.set(f, w);
}

/** How often each label names a figure's mentions: the figure goes by the most common. */
const labels = new WeakMap<Figure, Map<string, number>>();
function countLabel(f: Figure, label: string): void {
  const m = labels.get(f) ?? new Map<string, number>();
  m.set(label, (m.get(label) ?? 0) + 1);
  labels.set(f, m);
}
/** The label most of a figure's mentions use; the shortest on a tie (the plainest wording). */
function commonLabel(f: Figure): string {
  const m = labels.get(f);
  return m ? [...m].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? f.metric : f.metric;
}

/** One figure per identity, moment and value, with every source that gave it, each once. */
function mergeSame(mentions: FigureMention[], idOf: (m: FigureMention) => string): Figure[] {
  const buckets = new Map<string, Figure[]>();
  const figures: Figure[] = [];
  for (const m of mentions) {
    const bucket = `${idOf(m)}|${String(baseValue(m))}`;
    const list = buckets.get(bucket) ?? [];
    const f = list.find((x) => !x.typed || !m.typed || sameTime(x.typed, m.typed, true));
    if (f) {
      addReading(f, m.typed);
      if (m.typed) addWording(f, m.typed.measure);
      countLabel(f, m.metric);
      if (!f.sources.some((s) => s.file === m.evidence.file && s.quote === m.evidence.quote)) f.sources.push(m.evidence);
      if (f.standing) {
        f.standing.headline ||= Boolean(m.typed?.headline);
        f.standing.lead ||= m.position <= 0.2;
      }
      continue;
    }
    const made: Figure = {
      metric: m.metric, metricKey: m.metricKey, value: m.value, text: m.text, unit: m.unit, period: m.period,
      qualifier: m.qualifier, sources: [m.evidence], decimals: m.decimals, weight: 0, typed: m.typed,
      standing: { files: 1, headline: Boolean(m.typed?.headline), lead: m.position <= 0.2 },
    };
    addReading(made, m.typed);
    if (m.typed) addWording(made, m.typed.measure);
    countLabel(made, m.metric);
    list.push(made);
    buckets.set(bucket, list);
    figures.push(made);
  }
  for (const f of figures) if (f.standing) f.standing.files = new Set(f.sources.map((s) => s.file)).size;
  return figures;
}

/**
 * "23% — revenue" from one source and "23% — quarterly revenue" from another are one figure: the
 * same value, kind and period, heads that match, and one's words within the other's. The vaguer
 * folds into the more specific when they share no source (one source naming both means two things).
 */
function foldVaguer(figures: Figure[], ctx: SetContext): Figure[] {
  const senses = ctx.senses;
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    if (!f.typed) continue;
    const key = `${familyOf(f.typed.kind)}|${dimensionOf(f.typed)}|${f.typed.unit.id}|${String(baseValue(f))}|${f.typed.measure.direction ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const folded = new Set<Figure>();
  const words = (f: Figure): Set<string> => new Set([...loose(f.typed?.measure ?? { head: '', modifiers: [] }), headKey(f.typed?.measure.head ?? '', senses), ...(f.typed?.measure.who ? [`who:${f.typed.measure.who}`] : [])]);
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
        if (scopeOf(f.typed.measure, ctx) && scopeOf(vague.typed.measure, ctx) && scopeOf(f.typed.measure, ctx) !== scopeOf(vague.typed.measure, ctx)) return false;
        if ((f.typed.measure.who ?? '') !== (vague.typed.measure.who ?? '')) return false;
        const state = STATE_HEADS.has(f.typed.measure.head) || STATE_HEADS.has(vague.typed.measure.head);
        if (state && headKey(f.typed.measure.head, senses) !== headKey(vague.typed.measure.head, senses)) return false;
        // One article giving one uncommon value twice means one thing ("€1 billion economic impact" and "could cost as much as €1 billion").
        const sameArticle = f.sources.some((s) => files.has(s.file));
        if (sameArticle) return !state && (f.typed.kind === 'money' || f.typed.kind === 'share' || f.typed.kind === 'quantity' || dimensionOf(f.typed) === 'people') && !roundSmall(f);
        // Counts of people: "33,000 workers" and "33,000 union members" count the same people. Money and shares of one value
        // at one moment of one story are one figure told in other words ("60% of demand", "60% of the grid").
        if ((dimensionOf(f.typed) === 'people' && !state) || ((f.typed.kind === 'money' || f.typed.kind === 'share') && !roundSmall(f))) return true;
        const fw = words(f);
        return [...w].every((x) => fw.has(x));
      });
      if (!into) continue;
      into.sources.push(...vague.sources);
      for (const [label, n] of labels.get(vague) ?? []) for (let i = 0; i < n; i++) countLabel(into, label);
      for (const t of readings.get(vague)?.values() ?? []) addReading(into, t);
      const had = wording.get(vague);
      if (had) for (const h of had.heads) addWording(into, { head: h, modifiers: [...had.mods] });
      if (into.standing && vague.standing) {
        into.standing.files = new Set(into.sources.map((s) => s.file)).size;
        into.standing.headline ||= vague.standing.headline;
        into.standing.lead ||= vague.standing.lead;
      }
      folded.add(vague);
    }
  }
  return folded.size ? figures.filter((f) => !folded.has(f)) : figures;
}

/** A small round value ("10", "5%", "two") is said of many things in one story; an uncommon one ("€1.6bn", "33,000", "60%"?) rarely. */
const roundSmall = (f: Figure): boolean => f.decimals === 0 && (f.typed?.scale ?? 1) === 1 && f.value < 20;

/** Whether a bound allows another figure's value: "at least 120" allows "150"; "up to 20" allows "18". */
function allows(bound: Figure, other: Figure): boolean {
  const b = bound.typed?.bound ?? 'exact';
  const v = baseValue(other);
  const x = baseValue(bound);
  // Two counts bounded the same way but with different values are two different counts.
  if (other.typed?.bound === b && b !== 'exact' && b !== 'about') return false;
  if (b === 'at-least') return v >= x;
  if (b === 'more-than') return v > x;
  if (b === 'up-to') return v <= x;
  if (b === 'fewer-than') return v < x;
  if (b === 'about') return Math.abs(v - x) <= precisionOf(bound) / 2 + 1e-9;
  return false;
}

/** Whether two values can both be true as written. */
const compatible = (a: Figure, b: Figure): boolean => baseValue(a) === baseValue(b) || allows(a, b) || allows(b, a);

/** Whether the values agree once each is read at the precision of the least precise. */
function rounding(figures: Figure[]): boolean {
  const coarsest = figures.reduce((p, f) => (precisionOf(f) > precisionOf(p) ? f : p));
  const step = precisionOf(coarsest);
  const rounded = new Set(figures.map((f) => Math.round(baseValue(f) / step)));
  return rounded.size === 1;
}

/** Clusters of figures at one moment: the same stated period, or (for figures that hold a news week) dates a week apart at most. */
function byMoment(figures: Figure[]): Figure[][] {
  const clusters: { first: Figure; figures: Figure[] }[] = [];
  const ordered = [...figures].sort((a, b) => (a.typed?.period.from ?? '').localeCompare(b.typed?.period.from ?? ''));
  for (const f of ordered) {
    if (!f.typed) continue;
    const at = clusters.find((c) => atOneMoment(c.first, f));
    if (at) at.figures.push(f);
    else clusters.push({ first: f, figures: [f] });
  }
  return clusters.map((c) => c.figures);
}

/**
 * Different values for one measure at one moment from different sources. Rounding when every value
 * agrees at the precision of the least precise one; otherwise a contradiction. A source that gives
 * two values for one measure and moment is describing two things, and is left out.
 */
function conflictOf(all: Figure[]): Conflict | undefined {
  const clean = talkingOfOneThing(all);
  // Values from one source alone are its own figures, not a disagreement between sources.
  if (clean.length < 2 || new Set(clean.flatMap((f) => f.sources.map((s) => s.file))).size < 2) return undefined;
  if (clean.every((f) => f.sources.every((s) => s.file === clean[0]?.sources[0]?.file))) return undefined;
  const first = clean[0];
  if (!first) return undefined;
  const bounded = clean.every((a, x) => clean.every((b, y) => x === y || compatible(a, b)));
  return {
    metric: first.metric,
    period: first.period,
    kind: bounded ? 'bounds' : rounding(clean) ? 'rounding' : 'contradiction',
    values: clean.map((f) => ({ value: f.value, text: valueText(f, new Set(clean.map((x) => x.typed?.unit.id)).size > 1), sources: [...new Set(f.sources.map((s) => s.file))] })),
    figures: clean,
  };
}

/** A count of people that no state, vote or population reading types: "33,000 workers". */
const plainPeople = (t: TypedFigure): boolean => t.kind === 'count' && dimensionOf(t) === 'people' && !fullyTyped(t);
/** A count of things no rule types further: "344 flights", "two previous offers". */
const plainCount = (t: TypedFigure): boolean => t.kind === 'count' && dimensionOf(t) === 'count' && !fullyTyped(t);

/** Whether a reading types its figure fully (a rate, a share, money, a state count); a plain count ("750 children") needs its sentences to agree. */
const STATE_HEADS = new Set(STATES.map((r) => r.head));
const fullyTyped = (t: TypedFigure | undefined): boolean => !t || t.kind !== 'count' || STATE_HEADS.has(t.measure.head) || t.rule.startsWith('vote.') || t.rule === 'measure.population';
const STOP = new Set('the a an of to in on for and or but with by from at as is are was were be been has have had that this which who it its their his her they he she we said says not no more than about over after before also were will would could may might can'.split(' '));
/** Content words near the number in each of its sentences: what a plain count is said of. */
function contextOf(f: Figure): Set<string> {
  const near = f.sources.flatMap((s) => {
    const at = s.quote.indexOf(f.text);
    const window = at < 0 ? s.quote : s.quote.slice(Math.max(0, at - 50), at + f.text.length + 60);
    return window.toLowerCase().split(/[^a-z]+/);
  });
  const head = f.typed?.measure.head ?? '';
  return new Set(near.filter((w) => w.length > 3 && !STOP.has(w) && singular(w) !== head && w !== head));
}

/**
 * The figures of one moment that speak of one thing: plain counts ("750 children were at the camp",
 * "identification is pending for 10 children") only when their sentences share a content word
 * besides the counted noun.
 */
function talkingOfOneThing(group: Figure[]): Figure[] {
  if (group.every((f) => fullyTyped(f.typed))) return group;
  const ctx = new Map(group.map((f) => [f, contextOf(f)]));
  // Plain counts of people must count the same people: a noun in common ("machinists"), and words that narrow
  // one within the other's ("union members" and "members", not "voting members").
  const narrowedAlike = (a: Figure, b: Figure): boolean => {
    const [x, y] = [wording.get(a), wording.get(b)];
    if (!x || !y || ![...x.heads].some((h) => y.heads.has(h) || headKey(h, new Set()) === [...y.heads].map((k) => headKey(k, new Set()))[0])) return false;
    return [...x.mods].every((w) => y.mods.has(w)) || [...y.mods].every((w) => x.mods.has(w));
  };
  const sameWhere = (a: Figure, b: Figure): boolean => !a.typed?.measure.scope || !b.typed?.measure.scope || norm(a.typed.measure.scope) === norm(b.typed.measure.scope);
  // Two counts of the same people differ by a share ("32,000" and "33,000"), not by an order of magnitude ("750" and "27").
  const similar = (a: Figure, b: Figure): boolean => Math.max(a.value, b.value) <= 1.5 * Math.min(a.value, b.value);
  const linked = (a: Figure, b: Figure): boolean => (fullyTyped(a.typed) && fullyTyped(b.typed)) || ([...(ctx.get(a) ?? [])].some((w) => ctx.get(b)?.has(w)) && narrowedAlike(a, b) && sameWhere(a, b) && similar(a, b));
  // The largest set linked to its first member.
  let best: Figure[] = [];
  for (const f of group) {
    const component = group.filter((g) => g === f || linked(f, g));
    if (component.length > best.length) best = component;
  }
  return best;
}

/** A value as a conflict line says it: its bound, and its unit when the values are in different ones ("52 days · more than 7 weeks"). */
function valueText(f: Figure, units: boolean): string {
  const unit = f.typed?.unit;
  const needsUnit = units && unit && unit.dimension !== 'money' && unit.id !== 'percent' && unit.label && !f.text.toLowerCase().includes(unit.label.toLowerCase().slice(0, 3));
  return `${f.qualifier ? `${f.qualifier} ` : ''}${f.text}${needsUnit ? ` ${unit.label}` : ''}`;
}

/** Dated events ("took office in October 2023"): one figure per person, date and source; a conflict when sources date it differently. */
function reconcileDates(mentions: FigureMention[]): { figures: Figure[]; conflicts: Conflict[] } {
  const figures = mergeSame(mentions, (m) => `${m.metricKey}|${m.period}`);
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(f.metricKey, [...(groups.get(f.metricKey) ?? []), f]);
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    const c = group.length > 1 ? conflictOf(group) : undefined;
    if (!c) continue;
    conflicts.push({ ...c, kind: 'contradiction', about: 'date' });
    for (const f of c.figures ?? []) f.weight = rank(f, 0, 0, true);
  }
  return { figures, conflicts };
}

/** Places named as scopes that a third or more of the headlines name too. */
function storyPlaces(mentions: FigureMention[], headlines: readonly string[]): Set<string> {
  const scopes = new Set(mentions.map((m) => m.typed?.measure.scope).filter((s): s is string => Boolean(s)));
  const out = new Set<string>();
  for (const scope of scopes) {
    const named = headlines.filter((h) => h.toLowerCase().includes(scope.toLowerCase())).length;
    if (headlines.length && named * 3 >= headlines.length) out.add(norm(scope));
  }
  return out;
}

/**
 * A headline's bounded number that its own article gives exactly ("More than 60 dead" over a body's
 * 67; "deaths pass 100" over 104) is the body's figure rounded for the headline: the body's stands.
 */
function withoutRoundedHeadlines(mentions: FigureMention[]): FigureMention[] {
  const body = mentions.filter((m) => !m.typed?.headline);
  const others = (m: FigureMention): FigureMention[] => body.filter((b) => b !== m && (b.typed?.bound === 'exact' || ((b.typed?.bound === 'at-least' || b.typed?.bound === 'more-than') && b.value > m.value)));
  return mentions.filter((m) => {
    const t = m.typed;
    if (!t || (t.bound !== 'more-than' && t.bound !== 'at-least')) return true;
    const rounded = { value: m.value, decimals: m.decimals, typed: t } as Figure;
    // Only a round bound is a rounding: "surpassed 100", "more than 60".
    if (!t.headline && (m.value % 10 !== 0 || m.decimals)) return true;
    return !others(m).some((b) => b.evidence.file === m.evidence.file && b.typed && b.value !== m.value && headKey(b.typed.measure.head, new Set()) === headKey(t.measure.head, new Set()) && (b.typed.measure.scope ?? '') === (t.measure.scope ?? '') && familyOf(b.typed.kind) === familyOf(t.kind) && allows(rounded, { value: b.value, decimals: b.decimals, typed: b.typed } as Figure));
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

/** Kinds a newsroom leads with: casualties, money, shares and changes before plain counts. */
function kindWeight(t: TypedFigure | undefined): number {
  if (!t) return 0;
  if (t.measure.head === 'deaths' || t.measure.head === 'missing') return 2;
  if (t.rule.startsWith('vote.')) return 1.5;
  if (t.kind === 'money' || t.kind === 'share' || t.kind === 'change' || t.kind === 'rate') return 1;
  return t.kind === 'quantity' ? 0.5 : 0;
}

/**
 * How far up the briefing a figure goes: independent sources for its value and for its measure,
 * a headline or the opening paragraph, its kind, whether it is the measure's latest value, and
 * whether sources disagree on it.
 */
function rank(f: Figure, measureFiles: number, recency: number, disputed: boolean): number {
  const files = new Set(f.sources.map((s) => s.file)).size;
  const s = f.standing;
  return 3 * files + 0.75 * Math.min(measureFiles, 8) + (s?.headline ? 2 : 0) + (s?.lead ? 1 : 0) + kindWeight(f.typed) + recency + (disputed ? 2 : 0) - (f.typed?.period.stated === false ? 0 : 0.5);
}

/** Reconciles every figure mention of a set. `headlines` are its articles' headlines: places many name are the story's own. */
export function reconcileFigures(mentions: FigureMention[], headlines: readonly string[] = []): Reconciled {
  const typed = withoutRoundedHeadlines(mentions.filter((m) => m.typed));
  const senses = new Set(typed.map((m) => senseOf(m.typed?.measure.head ?? '')?.sense).filter((s): s is string => s !== undefined));
  const ctx: SetContext = { senses, storyPlaces: storyPlaces(typed, headlines) };
  const idOf = (m: { typed?: TypedFigure | undefined }): string => (m.typed ? identity(m.typed, ctx) : '');
  const figures = foldVaguer(mergeSame(typed, idOf), ctx);
  for (const f of figures) {
    f.metric = commonLabel(f);
    f.measureId = f.typed && (plainPeople(f.typed) || plainCount(f.typed)) ? `${idOf(f)}|${headKey(f.typed.measure.head, senses)}` : idOf(f);
  }
  const dates = reconcileDates(mentions.filter((m) => !m.typed));

  const conflicts: Conflict[] = [];
  const disputed = new Set<Figure>();
  // Disagreements within what may be one measure (plain counts of people by any noun, weighed by their sentences).
  for (const group of groupBy(figures, idOf).values()) {
    for (const at of group.length > 1 ? byMoment(group) : []) {
      const c = at.length > 1 ? conflictOf(at) : undefined;
      if (!c) continue;
      conflicts.push(c);
      for (const f of c.figures ?? []) disputed.add(f);
    }
  }
  // Timelines and rank by the measure each figure was matched on.
  const timelines: Timeline[] = [];
  for (const group of groupBy(figures, (f) => f.measureId ?? '').values()) {
    const measureFiles = new Set(group.flatMap((f) => f.sources.map((s) => s.file))).size;
    const moments = group.length > 1 ? byMoment(group) : [group];
    const ordered = [...moments].sort((a, b) => (a[0]?.typed?.period.from ?? '').localeCompare(b[0]?.typed?.period.from ?? ''));
    ordered.forEach((at, i) => {
      // The latest value of a measure is its news; earlier ones are its history.
      const recency = ordered.length < 2 ? 0 : i === ordered.length - 1 ? 3 : i === ordered.length - 2 ? 1 : -2;
      for (const f of at) f.weight = rank(f, measureFiles, recency, disputed.has(f));
    });
    if (moments.length > 1 && group[0]) {
      const points = ordered.map((at) => ({ period: at[0]?.period ?? '', from: at[0]?.typed?.period.from ?? '', figures: at }));
      timelines.push({ metric: group[0].metric, points });
    }
  }
  return { figures: [...figures, ...dates.figures], conflicts: [...conflicts, ...dates.conflicts], timelines };
}
