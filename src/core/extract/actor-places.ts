/**
 * How a sentence places a name: where something happens ("in Lima", "north of Oslo", "Travis and
 * Bell counties"), with which article ("a native New Yorker", "the Alder Fire"), and as the agent of
 * a passive verb ("led by Peru").
 */
import type { Token } from '../nlp.js';
import { isCap } from './actor-roles.js';
import { isDirection, isLocative, isPlaceNoun, isPlaceQualifier, isSpatial } from './actor-words.js';
import { isPlural, nameToken, runEnd } from './name-runs.js';

/** The token before the name at `a`, past "the" and lower-case modifiers ("in neighboring Harlan County", "in south central Texas"). */
function beforeName(tokens: readonly Token[], a: number): number {
  let k = a - 1;
  for (let skipped = 0; skipped < 3 && k >= 0; skipped++) {
    const t = tokens[k];
    if (!t || isCap(t) || !(t.lower === 'the' || t.pos === 'ADJ' || isPlaceQualifier(t.lower) || /^[a-z]+-[a-z]+$/.test(t.text))) break;
    k--;
  }
  return k;
}

/**
 * Whether the name at `a` is where something happens: after a spatial preposition ("in Lima"),
 * after "north of" or "the state of", or as the region of a place that is ("near Hunt, Texas").
 * With `broad`, "from", "to" and "at" count too, as they do for a single word.
 */
function placeAt(tokens: readonly Token[], a: number, broad: boolean, depth = 0): boolean {
  const k = beforeName(tokens, a);
  const before = tokens[k]?.lower ?? '';
  if (broad ? isLocative(before) : isSpatial(before)) return true;
  if (before === 'of' && (isDirection(tokens[k - 1]?.lower ?? '') || isPlaceNoun(tokens[k - 1]?.lower ?? ''))) return true;
  // The later names of a list, and the region after a place ("near Hunt, Texas"), are read as the first name is.
  const previous = tokens[k - 1];
  if (!/^(?:,|and|or|&)$/.test(before) || depth > 6 || !previous || !nameToken(previous)) return false;
  let b = k - 1;
  while (b > 0 && nameToken(tokens[b - 1])) b--;
  return placeAt(tokens, b, broad, depth + 1);
}

const LIST_GLUE = /^(?:,|and|or|&)$/;
const INTRODUCES = /^(?:including|like|such|as)$/;

/**
 * Whether the name at `a`..`j` is one of a list of places: "Travis, Burnet and Tom Green counties",
 * "cities including Madrid, Valencia and La Coruña".
 */
function inPlaceList(tokens: readonly Token[], a: number, j: number): boolean {
  let k = j + 1;
  for (let items = 0; items < 8; items++) {
    if (!LIST_GLUE.test(tokens[k]?.lower ?? '')) break;
    while (LIST_GLUE.test(tokens[k]?.lower ?? '')) k++;
    if (!nameToken(tokens[k])) break;
    k = runEnd(tokens, k) + 1;
  }
  const after = tokens[k];
  if (k > j + 1 && after && !isCap(after) && isPlaceNoun(after.lower) && isPlural(after)) return true;
  let b = a - 1;
  for (let items = 0; items < 8 && b >= 0; items++) {
    if (!LIST_GLUE.test(tokens[b]?.lower ?? '')) break;
    while (b >= 0 && LIST_GLUE.test(tokens[b]?.lower ?? '')) b--;
    if (!nameToken(tokens[b])) break;
    while (b > 0 && nameToken(tokens[b - 1])) b--;
    b--;
  }
  while (b >= 0 && INTRODUCES.test(tokens[b]?.lower ?? '')) b--;
  const kind = tokens[b];
  return b < a - 1 && INTRODUCES.test(tokens[b + 1]?.lower ?? '') && kind !== undefined && isPlaceNoun(kind.lower) && isPlural(kind);
}

/** How the sentence places the name at `a`..`j`. */
export interface Placing {
  /** Read as a place: the cue the set weighs for names of any length. */
  spatial: boolean;
  /** Where a place stands, "from" and "to" included: how a single word is read. */
  locative: boolean;
}

export function placingOf(tokens: readonly Token[], a: number, j: number): Placing {
  const listed = inPlaceList(tokens, a, j);
  const spatial = listed || placeAt(tokens, a, false);
  return { spatial, locative: spatial || placeAt(tokens, a, true) };
}

/** Whether a determiner matching `det` comes before the name at `a`, past lower-case modifiers ("the 72,500-acre ..."). */
function determinerBefore(tokens: readonly Token[], a: number, det: RegExp, modifier: (t: Token) => boolean): boolean {
  let k = a - 1;
  for (let t = tokens[k]; t && !isCap(t) && modifier(t); t = tokens[--k]);
  return det.test(tokens[k]?.text ?? '');
}

/** "a native New Yorker", "an American": an indefinite article before a name, past adjectives (not nouns: "a union President Ana Ruiz"). */
export const indefinite = (tokens: readonly Token[], a: number): boolean =>
  determinerBefore(tokens, a, /^(?:a|an)$/i, (t) => t.pos === 'ADJ' || /^[a-z]+-[a-z]+$/.test(t.text));
/** "the 72,500-acre County Fire": the definite article before a name, past any modifiers. */
export const definite = (tokens: readonly Token[], a: number): boolean =>
  determinerBefore(tokens, a, /^the$/i, (t) => /^(?:ADJ|NUM|NOUN)$/.test(t.pos) || t.text === '-');

/**
 * "talks led by the United States", "a plan co-sponsored by Peru and Chile": the agent of a passive
 * verb acts, though it is no subject; so does each name listed with it.
 */
export function passiveAgent(tokens: readonly Token[], a: number): boolean {
  let k = beforeName(tokens, a);
  // Back over the earlier names of a list: "by Peru, Chile and the United States".
  for (let hops = 0; hops < 8 && k > 0 && /^(?:,|and|the)$/.test(tokens[k]?.lower ?? ''); hops++) {
    k--;
    while (k > 0 && (nameToken(tokens[k]) || /^(?:,|and|the)$/.test(tokens[k]?.lower ?? ''))) k--;
  }
  const verb = tokens[k - 1];
  return tokens[k]?.lower === 'by' && verb !== undefined && /^(?:VERB|ADJ)$/.test(verb.pos) && /(?:ed|en|wn)$/.test(verb.lower);
}
