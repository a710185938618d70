/**
 * When two figures are one measure: the same dimension and kind, heads that mean the same, the same
 * narrowing words, people and place; and when two readings are one moment.
 */
import { distance } from 'fastest-levenshtein';
import { familyOf } from '../extract/figures/label.js';
import { isCommonNoun, isPeopleNoun, senseName, senseOf, sensesOf, singular } from '../extract/figures/lexicon.js';
import { daysBetween, PROJECTED, samePeriod } from '../extract/figures/period.js';
import { STATES } from '../extract/figures/vocabulary.js';
import { SYNONYMS } from '../extract/figures/vocabulary-words.js';
import type { Figure, FigureMention, Measure, TypedFigure } from '../model.js';
import { capitalise } from '../text.js';

/** The dimension a figure is compared in: counts of people apart from counts of things. */
export function dimensionOf(t: TypedFigure): string {
  return t.unit.dimension;
}

let synonym: Map<string, string> | undefined;
/** A synonym's head, by the synonym's singular; made on first use (singular reads the lexicon). */
const synonymHead = (head: string): string | undefined =>
  (synonym ??= new Map(SYNONYMS.flatMap((r) => r.words.map((w) => [singular(w), r.head] as const)))).get(head);
const SYNONYM_HEADS = new Set(SYNONYMS.map((r) => r.head));

/**
 * The senses a story's words are used in. `used`: the first senses of its measures' heads; `compoundOf`:
 * a head the story also writes as one two-word noun ("outage", when it writes "power outage" and no
 * other "... outage"), which a bare head stands for.
 */
export interface StorySenses {
  used: ReadonlySet<string>;
  compoundOf: ReadonlyMap<string, string>;
}

/** No senses of a set: heads compared by their own first sense only. */
export const NO_SENSES: StorySenses = { used: new Set(), compoundOf: new Map() };

/** The senses a set's heads are used in, given the two-word nouns its articles use. */
export function storySenses(heads: Iterable<string>, compounds: Iterable<string>): StorySenses {
  const distinct = new Set(heads);
  const byHead = new Map<string, Set<string>>();
  for (const c of compounds) {
    const head = singular(c.slice(c.lastIndexOf(' ') + 1));
    if (distinct.has(head)) byHead.set(head, (byHead.get(head) ?? new Set()).add(singular(c)));
  }
  const compoundOf = new Map([...byHead].flatMap(([head, cs]) => (cs.size === 1 ? [[head, [...cs][0] ?? head] as const] : [])));
  const used = new Set([...distinct].map((h) => senseOf(compoundOf.get(h) ?? h)?.sense).filter((s): s is string => s !== undefined));
  return { used, compoundOf };
}

/**
 * Heads that mean the same: the vocabulary's synonyms, one WordNet sense, or one directly below the
 * other ("fatality", "death"). A word's first sense unless the story uses another of its senses, or
 * the one directly above ("blackout" in a story that writes "power outage" is a kind of power outage).
 */
export function headKey(head: string, senses: StorySenses): string {
  const synonym = synonymHead(head);
  if (synonym) return synonym;
  const [first, ...others] = sensesOf(senses.compoundOf.get(head) ?? head);
  if (!first) return head;
  if (senses.used.has(first.broader)) return `~${senseName(first.broader)}`;
  for (const s of others) {
    if (senses.used.has(s.broader)) return `~${senseName(s.broader)}`;
    if (senses.used.has(s.sense)) return `~${senseName(s.sense)}`;
  }
  return `~${senseName(first.sense)}`;
}

/** A word that names a nationality as a narrowing word does ("indian", "british", "portuguese", "thai"). */
export const NATIONALITY = /^[a-z]+(?:ian|ean|an|ese|ish|i|ch)$/;

/**
 * Words that narrow a measure and must agree for two figures to be one measure; the story's own place
 * narrows nothing ("six Texas counties"), but a nationality narrows people ("169 Indian passengers" of 242).
 */
export const loose = (m: Measure, places?: ReadonlySet<string>): string[] =>
  m.modifiers
    .filter(
      (w) =>
        !/^(?:general|total|overall|confirmed|reported|official|combined|estimated|current)$/.test(w) &&
        (!places?.has(w) || (isPeopleNoun(m.head) && NATIONALITY.test(w))),
    )
    .sort();
export const norm = (s: string | undefined): string =>
  (s ?? '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+county$/, ' county');

/** What the set knows that reconciling needs: the senses its heads use, and the places its story is about. */
export interface SetContext {
  senses: StorySenses;
  /** Places named in many headlines, lower case: "deaths in Spain" in a story about Spain is the deaths. */
  storyPlaces: Set<string>;
  /** Heads the set names by one proper name only ("river" -> "guadalupe"): "the river" is that one. */
  namedOnce?: Map<string, string>;
  /** Places spelt two ways across the set ("Marrakesh", "Marrakech"), each to the spelling more figures use. */
  spellings?: Map<string, string>;
}

/**
 * Scopes the set spells two ways, a letter apart ("marrakesh", "marrakech"): each rarer spelling to
 * the commoner one. Only names of six letters or more, alike in their first letter: "Perry" and
 * "Kerry" are two places.
 */
export function scopeSpellings(mentions: readonly FigureMention[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const scope = norm(m.typed?.measure.scope);
    if (scope.length >= 6) counts.set(scope, (counts.get(scope) ?? 0) + 1);
  }
  const byUse = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  const out = new Map<string, string>();
  byUse.forEach((rare, i) => {
    const common = byUse.slice(0, i).find((c) => !out.has(c) && c[0] === rare[0] && distance(c, rare) === 1);
    if (common) out.set(rare, common);
  });
  return out;
}

/**
 * Heads that the set's measures narrow by exactly one name, and never by another word ("the Larch
 * River", never "the Birch River"): a bare "the river" in the same story is the named one.
 */
export function namedOnce(mentions: FigureMention[], senses: StorySenses): Map<string, string> {
  const names = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.typed) continue;
    const head = headKey(m.typed.measure.head, senses);
    const mods = loose(m.typed.measure);
    const seen = names.get(head) ?? new Set<string>();
    // A name is written capitalised in its sentence ("the Larch River"); "immediate" in "an immediate raise" is no name.
    const written = m.evidence.quote;
    // Capitalised as a word of its own, and not only as a sentence's first word.
    const capitalised = (w: string): boolean => [...written.matchAll(new RegExp(`\\b${capitalise(w)}\\b`, 'g'))].some((x) => x.index > 0);
    for (const w of mods) seen.add(isCommonNoun(w) || !/^[a-z]+$/.test(w) || !capitalised(w) ? '' : w);
    names.set(head, seen);
  }
  return new Map(
    [...names].flatMap(([head, seen]) => {
      const only = [...seen][0];
      return seen.size === 1 && only ? [[head, only] as const] : [];
    }),
  );
}

export const scopeOf = (m: Measure, ctx: SetContext): string => {
  const scope = norm(m.scope);
  return ctx.storyPlaces.has(scope) ? '' : (ctx.spellings?.get(scope) ?? scope);
};

/** Rules whose scope names who has the figure (a party, a candidate), not where it holds. */
const OWNER_RULES = new Set(['measure.vote', 'measure.votes-for', 'measure.won', 'measure.owner-list']);

/** Who has the figure ("AfD" of "seats for AfD"), when a rule read an owner rather than a place. */
export const ownerOf = (t: TypedFigure | undefined): string | undefined => (t?.measure.scope && OWNER_RULES.has(t.rule) ? norm(t.measure.scope) : undefined);

/** Whose a figure is (a party's share or seats is its own, however many headlines name the party), else where it holds. */
const ownerOrScope = (t: TypedFigure, ctx: SetContext): string => ownerOf(t) ?? scopeOf(t.measure, ctx);

/** The measure's identity: what must match for two figures to be the same measure. */
export function identity(t: TypedFigure, ctx: SetContext): string {
  // Plain counts of people ("33,000 union members", "32,000 machinists") are told apart by their sentences, not their nouns.
  if (plainPeople(t)) return 'amount|people';
  // Plain counts of things ("two previous offers", "three offers rejected") by their noun; the words that narrow them are checked apart.
  if (plainCount(t)) return `amount|count|${headKey(t.measure.head, ctx.senses)}|${ownerOrScope(t, ctx)}`;
  const head = headKey(t.measure.head, ctx.senses);
  // A measure the vocabulary names by several words ("cost", "damage", "losses") is one concept whatever narrows its wording.
  const narrowing = loose(t.measure, ctx.storyPlaces);
  const named = narrowing.length ? narrowing : [ctx.namedOnce?.get(head) ?? ''].filter(Boolean);
  const modifiers = SYNONYM_HEADS.has(head) ? '' : named.join(' ');
  return [
    familyOf(t.kind),
    dimensionOf(t),
    t.unit.dimension === 'money' ? t.unit.id : '',
    head,
    modifiers,
    t.measure.who ?? '',
    ownerOrScope(t, ctx),
    t.measure.direction ?? '',
  ].join('|');
}

/**
 * Whether two periods hold one value of a measure. A state count (the dead, the missing) changes
 * by the hour; other figures an article dates only by its own date ("750 children at the camp")
 * hold through one news week.
 */
export function sameTime(x: TypedFigure, y: TypedFigure, merging = false): boolean {
  // One value said as current by one source and as projected by another is one figure; two values are a timeline.
  const projected = (t: TypedFigure): boolean => t.period.to === PROJECTED;
  if (projected(x) !== projected(y)) return merging && !(projected(x) ? y : x).period.stated;
  // "94 fatalities, up from 87 reported this morning": a comparison's base is an earlier moment.
  if (Boolean(x.baseline) !== Boolean(y.baseline)) return false;
  if (samePeriod(x.period, y.period)) return true;
  // One value told in the morning and in the afternoon held all day: one figure.
  if (merging && x.period.part && y.period.part && samePeriod({ ...x.period, part: undefined }, { ...y.period, part: undefined })) return true;
  // A total "since September" is the total as of its report.
  const asReported = (t: TypedFigure): TypedFigure => (t.period.since ? { ...t, period: { ...t.period, from: t.period.to, grain: 'day', stated: false } } : t);
  const a = asReported(x);
  const b = asReported(y);
  if (samePeriod(a.period, b.period)) return true;
  if (STATE_HEADS.has(a.measure.head) || STATE_HEADS.has(b.measure.head) || a.period.grain !== 'day' || b.period.grain !== 'day') return false;
  // Two stated days a day apart hold one value of a fact that does not change by the day ("85 substations by late April 28").
  if (a.period.stated && b.period.stated) return merging && Math.abs(daysBetween(a.period.from, b.period.from)) <= 1;
  // One value told a few days apart is one fact; two values are the same moment only within a news cycle:
  // two articles' own dates a day apart, or a stated day and an article up to three days after it.
  const [stated, dated] = a.period.stated ? [a.period, b.period] : [b.period, a.period];
  const gap = daysBetween(stated.from, dated.from);
  const window = merging ? 7 : stated.stated ? 3 : 1;
  // An article a day before the day another states can hold the same fact as it (merging only).
  return stated.stated ? gap >= (merging ? -1 : 0) && gap <= window : Math.abs(gap) <= window;
}

/** A count of people that no state, vote or population reading types: "33,000 workers". */
export const plainPeople = (t: TypedFigure): boolean => t.kind === 'count' && dimensionOf(t) === 'people' && !fullyTyped(t);
/** A count of things no rule types further: "344 flights", "two previous offers". */
export const plainCount = (t: TypedFigure): boolean => t.kind === 'count' && dimensionOf(t) === 'count' && !fullyTyped(t);

/** The heads of counts that run on by the hour (the dead, the missing): not the people aboard, told once. */
export const STATE_HEADS = new Set(STATES.filter((r) => !r.fixed).map((r) => r.head));
/** Whether a reading types its figure fully (a rate, a share, money, a state count); a plain count ("750 children") needs its sentences to agree. */
export const fullyTyped = (t: TypedFigure | undefined): boolean =>
  !t || t.kind !== 'count' || STATE_HEADS.has(t.measure.head) || t.rule.startsWith('state.') || t.rule.startsWith('vote.') || t.rule === 'measure.population';
/** Base value: in the dimension's base unit, so "39 feet" and "11.9 metres" compare. */
export const baseValue = (f: { value: number; typed?: TypedFigure | undefined }): number => f.value * (f.typed?.unit.toBase ?? 1);

/** The written precision of a figure: the value of its last digit ("2.1 billion" -> 0.1e9). */
export const precisionOf = (f: Figure): number => (f.typed?.scale ?? 1) * 10 ** -f.decimals * (f.typed?.unit.toBase ?? 1);

/** A small round value ("10", "5%", "two") is said of many things in one story; an uncommon one ("€1.6bn", "33,000", "60%"?) rarely. */
export const roundSmall = (f: Figure): boolean =>
  f.decimals === 0 &&
  (f.typed?.scale ?? 1) === 1 &&
  f.value < 20 &&
  (f.typed?.unit.dimension === 'count' || f.typed?.unit.dimension === 'people' || f.typed?.unit.dimension === 'ratio');

/** Places named as scopes that a third or more of the headlines name too. */
export function storyPlaces(mentions: FigureMention[], headlines: readonly string[]): Set<string> {
  const scopes = new Set(mentions.map((m) => m.typed?.measure.scope).filter((s): s is string => Boolean(s)));
  const out = new Set<string>();
  for (const scope of scopes) {
    const named = headlines.filter((h) => h.toLowerCase().includes(scope.toLowerCase())).length;
    if (headlines.length && named * 3 >= headlines.length) out.add(norm(scope));
  }
  return out;
}
