/** What measure rules share: the reading and context types, and the phrase and verb tools they read with. */
import type { FigureKind, FigureUnit, Measure } from '../../../model.js';
import type { Sentence, Token } from '../../../nlp.js';
import type { NumberMention } from '../numbers.js';
import type { NounPhrase } from '../phrase.js';
import { phraseAt } from '../phrase.js';
import type { Quantity } from '../quantity.js';
import { CHANGES, GENERIC_HEADS } from '../vocabulary-words.js';

/** What a rule read: the measure, the kind when the rule knows better than the unit, and the rule's id. */
export interface Reading {
  rule: string;
  measure: Measure;
  kind?: FigureKind | undefined;
  /** How a figure line names the measure, when its words alone would not say it well. */
  label?: string | undefined;
  /** The unit the reading's number was in: a later bare number in the same list ("to 47 in 2023") is in it too. */
  unit?: FigureUnit | undefined;
}

/** Everything a rule looks at for one number. */
export interface MeasureContext {
  s: Sentence;
  n: NumberMention;
  q: Quantity;
  /** Text before the number, and after the number and its unit. */
  before: string;
  after: string;
  /** Index of the first token after the number and its unit; of the last token before the number. */
  next: number;
  prev: number;
  titleCase: boolean;
  /** The reading of the number before this one in the sentence, for lists ("from 46 in 2023 to 38"). */
  previous?: Reading | undefined;
  /** The last reading of the article's previous sentences, for "that figure". */
  carried?: Reading | undefined;
}

/** A measure rule: reads a measure from the context, or passes. */
export interface MeasureRule {
  id: string;
  read: (c: MeasureContext) => Reading | undefined;
}

export const GENERIC = new Set(GENERIC_HEADS);
export const measure = (head: string, extra: Partial<Measure> = {}): Measure => ({ head, modifiers: [], ...extra });
export const tokenAt = (c: MeasureContext, i: number): Token | undefined => c.s.tokens[i];
/** The clause after the number: up to a semicolon, a dash or the next number's clause. */
export const clauseAfter = (c: MeasureContext): string => c.after.split(/[;:—–]|,\s(?:and|but|while|which|who)\s|\.\s/)[0] ?? c.after;
/** The clause before the number, back to a semicolon or dash. */
export const clauseBefore = (c: MeasureContext): string => c.before.split(/[;—–]/).at(-1) ?? c.before;

/** The measure of a noun phrase: its head's singular, its modifiers, and where. */
export function fromPhrase(np: NounPhrase, scope?: string): Measure {
  return measure(np.lemma, { modifiers: np.modifiers, scope });
}

/** A noun phrase as a figure line names it: its words as written, lower case ("union members"), an acronym as it is ("CPR"). */
export const phraseLabel = (np: NounPhrase, extra?: string): string =>
  [...np.modifiers, /^[A-Z]{2,5}$/.test(np.head) ? np.head : np.head.toLowerCase(), ...(extra ? [extra] : [])].join(' ');

/** "homicide rate" when the sentence names a rate with nouns before it; not "the rate". */
export function namedRate(tokens: Token[]): string[] | undefined {
  const i = tokens.findIndex((t) => t.lower === 'rate' || t.lower === 'rates');
  if (i < 1) return undefined;
  const parts: string[] = [];
  for (let j = i - 1; j >= 0 && parts.length < 3; j--) {
    const t = tokens[j];
    if (!t || !['NOUN', 'ADJ'].includes(t.pos) || /^(?:annual|average|overall|current|new)$/i.test(t.lower)) break;
    parts.unshift(t.lower);
  }
  return parts.length ? parts : undefined;
}

export const CHANGE_NOUN = new Map(CHANGES.flatMap((r) => r.nouns.map((w) => [w, r.direction] as const)));
export const CHANGE_VERB = new Map(CHANGES.flatMap((r) => r.verbs.map((w) => [w, r.direction] as const)));
/** The direction a change noun phrase gives ("wage increase" -> up), if its last word or words are a change. */
export function changeOfNoun(phrase: string): 'up' | 'down' | undefined {
  const ws = phrase.split(' ');
  return CHANGE_NOUN.get(ws.slice(-2).join(' ')) ?? CHANGE_NOUN.get(ws.at(-1) ?? '');
}
export const changeOfVerb = (verb: string): 'up' | 'down' | undefined => CHANGE_VERB.get(verb);

/** What a change is in: "an increase in homicides" after the noun. */
export function thingChanged(c: MeasureContext, i: number): string | undefined {
  if (tokenAt(c, i)?.lower !== 'in') return undefined;
  const np = phraseAt(c.s.tokens, i + 1, c.titleCase);
  return np ? np.lemma : undefined;
}

/** The verb governing the number: the nearest verb within `reach` tokens before it, skipping bounds and objects. */
export function verbBefore(c: MeasureContext, reach: number, only?: readonly string[]): { token: Token; index: number } | undefined {
  for (let k = c.prev; k >= 0 && k >= c.prev - reach; k--) {
    const t = c.s.tokens[k];
    if (!t || /^[,.;:!?()]$/.test(t.text)) return undefined;
    // "largely paralysed the country": an "-ed" word the tagger calls an adjective is a verb when an object follows it.
    // "The Eaton Fire scorched 14,117 acres": so is one right before the number.
    const verb = t.pos === 'VERB' || (t.pos === 'ADJ' && /ed$/.test(t.lower) && (c.s.tokens[k + 1]?.pos === 'DET' || k === c.prev));
    if (verb || (only && only.includes(t.lower))) return !only || only.includes(t.lower) ? { token: t, index: k } : undefined;
  }
  return undefined;
}

/** A participle right after a phrase that says what happened to the things counted ("flights cancelled", "were restored"). */
export function predicateAfter(tokens: Token[], i: number): string | undefined {
  let k = i;
  let passive = false;
  // "structures remain threatened": a verb of staying links like a form of "be".
  while (
    tokens[k] &&
    (/^(?:AUX|ADV|PART)$/.test(tokens[k]?.pos ?? '') || /^(?:remain|remains|remained|stay|stays|stayed)$/.test(tokens[k]?.lower ?? '')) &&
    k < i + 3
  ) {
    if (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'VERB') passive = true;
    k++;
  }
  const t = tokens[k];
  if (t?.pos !== 'VERB' || !/(?:ed|en|lt|wn)$/.test(t.lower) || /^(?:said|told|added|noted|reported|according)$/.test(t.lower)) return undefined;
  // "flights were canceled", "flights scheduled throughout": said of the things counted; not "machinists ended their strike".
  return passive || /^(?:ADP|PUNCT)$/.test(tokens[k + 1]?.pos ?? 'PUNCT') ? t.lower : undefined;
}
