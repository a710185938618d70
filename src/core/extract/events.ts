/**
 * Dated events sources can disagree on: when a person took office ("Ruiz, in office since November
 * 2023"; "since she took office in October 2023"). Each becomes a figure whose value is the month
 * (unit `date`), so the same merging and conflict finding as for numbers applies; the set keeps
 * only those that sources date differently.
 *
 * Precision over recall: a date must name its month; the person must be named right before the
 * phrase, or be the one person a "he" or "she" can mean (named earlier in the sentence, else in the
 * nearest earlier sentence naming people); and the set keeps it only for someone it knows as a person.
 */
import { leadingDate } from '../articles/dates.js';
import type { FigureMention } from '../model.js';
import { norm } from './actors.js';
import { anyOf } from '../text.js';

/** A person named in a sentence, as the actor extractor read them. */
export interface PersonRef {
  name: string;
  /** The actor key (`person:last:first` or `single:name:...`). */
  key: string;
  /** Named as the subject of its clause. */
  subject: boolean;
}

/** Taking office: "took office", "came to power", "was sworn in". */
const TOOK_OFFICE_WORDS = [/(?:took|assumed|entered)\s+office|took\s+power|came\s+to\s+power/, /assumed\s+the\s+presidency|was\s+sworn\s+in|was\s+inaugurated/];
/** Phrases dating the start of a term in office, each ending where its date begins. */
const TOOK_OFFICE = new RegExp(
  String.raw`\b${anyOf(TOOK_OFFICE_WORDS)}(?:\s+as\s+[\w' -]{2,40}?)?\s+(?:in|on)\s+|\b(?:in|at)\s+(?:office|power)\s+since\s+`,
  'gi',
);

/** Between a name and its phrase: nothing, a comma, "who", "has been". */
const NAME_GAP = /^\s*,?\s*(?:who\s+)?(?:(?:has|had)\s+been\s+|(?:has|had|was|is)\s+)?$/;
const PRONOUN_BEFORE = /\b(?:he|she)\s+(?:(?:has|had)\s+been\s+|(?:has|had)\s+)?$/i;
/** A sentence opening on a clause about "he" or "she" ("Since she took office..."). */
const FRONTED = /^\s*(?:ever\s+)?(?:since|after|when|before|once)\s+(?:he|she)\b/i;

/** The surname part of a person's actor key: what a person is matched on across sources. */
function surnameOf(key: string): string | undefined {
  const m = /^(?:person|single):([^:]+):/.exec(key);
  return m?.[1];
}

/** A person's name as their actor key holds its surname: "Daniel Ruiz" -> "ruiz". */
export const surnameOfName = (name: string): string => norm(name.trim().split(/\s+/).at(-1) ?? '');

const EVENT = 'event:took office:';

/** Whose start in office a dated-event figure is, by surname; undefined for any other figure. */
export const eventPerson = (metricKey: string): string | undefined => (metricKey.startsWith(EVENT) ? metricKey.slice(EVENT.length) : undefined);

/**
 * Whom a pronoun may mean: a full name, or a single capitalised word not at the start of its
 * sentence ("Spending has risen since she..." names no one).
 */
const reliable = (p: PersonRef): boolean => p.key.startsWith('person:') || !p.key.endsWith(':initial');

/** The person a pronoun means: the one person of the nearest earlier sentence naming people, or its one subject. */
function antecedent(previous: readonly PersonRef[]): PersonRef | undefined {
  const sure = previous.filter(reliable);
  const people = sure.length ? sure : previous;
  const distinct = [...new Map(people.map((p) => [surnameOf(p.key), p])).values()];
  if (distinct.length === 1) return distinct[0];
  const subjects = [...new Map(people.filter((p) => p.subject).map((p) => [surnameOf(p.key), p])).values()];
  return subjects.length === 1 ? subjects[0] : undefined;
}

const one = (ps: PersonRef[]): PersonRef | undefined => (new Set(ps.map((p) => surnameOf(p.key))).size === 1 ? ps[0] : undefined);

/**
 * The person a "he", "his" or "her" of a sentence means: the one person the sentence names, else
 * the one person of the nearest earlier sentence naming people. Undefined when two are named: a
 * subject is no sure antecedent of "his" (names say nothing of who "his" can be).
 */
export function personMeant(persons: readonly PersonRef[], previous: readonly PersonRef[]): PersonRef | undefined {
  const pool = persons.length ? persons : previous;
  const sure = pool.filter(reliable);
  return one(sure.length ? sure : [...pool]);
}

const defined = (ps: (PersonRef | undefined)[]): PersonRef[] => ps.filter((p): p is PersonRef => p !== undefined);

/**
 * Whom the phrase at `at` may be about, most likely first (empty when the sentence does not say
 * plainly). The set keeps the first that it knows as a person: see buildSetFromExtracts.
 */
function actorsAt(sentence: string, at: number, persons: readonly PersonRef[], previous: readonly PersonRef[]): PersonRef[] {
  const before = sentence.slice(0, at);
  for (const p of persons) {
    const i = before.lastIndexOf(p.name);
    if (i >= 0 && NAME_GAP.test(before.slice(i + p.name.length))) return [p];
  }
  if (!PRONOUN_BEFORE.test(before)) return [];
  // Someone named earlier in the sentence. A lone capitalised word there may be no person ("Spending
  // has risen since she..."): then the earlier sentence's person is the second reading.
  const named = persons.filter((p) => before.includes(p.name));
  const sure = named.filter(reliable);
  if (sure.length) return defined([one(sure)]);
  if (named.length) return defined([one(named), antecedent(previous.filter(reliable))]);
  // "Since he took office in March 2021, Smith has...": a fronted clause means the subject after it.
  // Anyone else named later makes the pronoun ambiguous.
  const later = persons.filter((p) => reliable(p) && sentence.includes(p.name, at));
  if (later.length) return FRONTED.test(sentence) ? defined([one(later)]) : [];
  return defined([antecedent(previous)]);
}

/**
 * Dated events in one sentence, as figures. `persons` are the people the sentence names;
 * `previous` those of the nearest earlier sentence that named any.
 */
export function eventsOf(sentence: string, file: string, persons: readonly PersonRef[], previous: readonly PersonRef[], position: number): FigureMention[] {
  const out: FigureMention[] = [];
  // Most sentences say nothing of office or power: skip them before the full pattern.
  if (!/\b(?:office|power|sworn|inaugurated|presidency)\b/i.test(sentence)) return out;
  for (const m of sentence.matchAll(TOOK_OFFICE)) {
    const d = leadingDate(sentence.slice(m.index + m[0].length));
    if (!d) continue;
    for (const who of actorsAt(sentence, m.index, persons, previous)) {
      const surname = surnameOf(who.key);
      if (!surname) continue;
      out.push({
        metric: `${who.name} took office`,
        metricKey: `${EVENT}${surname}`,
        value: d.year * 100 + d.month,
        text: d.text,
        unit: 'date',
        period: '',
        evidence: { file, quote: sentence },
        decimals: 0,
        position,
      });
    }
  }
  return out;
}
