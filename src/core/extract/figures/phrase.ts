/**
 * Noun phrases around a number, from part-of-speech tags: the phrase after it ("33,000 union
 * members"), the subject before a verb ("the death toll rose to"), and whose or where ("in Harlan County").
 */
import type { Token } from '../../nlp.js';
import { isCommonNoun, isGroupNoun, isPeopleNoun, senseOf, singular } from './lexicon.js';
import { MONTH_ALTERNATION, MONTH_NAMES, WEEKDAY_ALTERNATION, WEEKDAY_NAMES } from '../../calendar.js';
import { anyOf } from '../../text.js';
import { irregularParticiple } from '../question-grammar.js';
import { countryOf } from '../gazetteer.js';

/** A noun phrase: its head noun, the words before the head, and where it ends. */
export interface NounPhrase {
  /** Whose, when a possessive stands before it ("the country's gross domestic product" -> "country"). */
  owner?: string | undefined;
  /** The head as written ("members"). */
  head: string;
  /** The head's singular, lower case ("member"). */
  lemma: string;
  /** Lower-case words before the head ("union"). */
  modifiers: string[];
  /** Token index of the head, and just after the phrase. */
  at: number;
  next: number;
}

const FUNCTION = /^(?:DET|PRON|ADP|CCONJ|SCONJ|PART|AUX|PUNCT|SYM|NUM|ADV|INTJ)$/;
/** Modifiers that say nothing about what is measured. */
const EMPTY_MODIFIERS = [
  /more|most|such|same|total|overall|further|least|latest|several|many|few|some|all|both|each|every|new/,
  /its|their|his|her|our|record|estimated|nearly|almost|just|only|about|around|roughly|known/,
  /long|bitter|punishing|prolonged|costly|massive|huge|major/,
];
const EMPTY_MODIFIER = new RegExp(`^${anyOf(EMPTY_MODIFIERS)}$`);

/**
 * Whether a token is a common noun: tagged so, or a capitalised word the lexicon knows that starts
 * its sentence or sits in a headline's title case ("Deaths In Spain").
 */
function isNoun(tokens: Token[], i: number, titleCase: boolean): boolean {
  const t = tokens[i];
  if (!t || !/[a-z]/i.test(t.text)) return false;
  if (t.pos === 'NOUN') return true;
  // The tagger reads some nouns as verbs: "contract offers from", "raises of 9%", "a 25% raise", "a pay increase".
  if (t.pos === 'VERB' && isCommonNoun(t.lower) && !/(?:ed|ing)$/.test(t.lower)) {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    // "Four people die in ...": a plural noun then a verb's bare form is a subject and its verb.
    const agrees = before?.pos === 'NOUN' && (before.lemma !== before.lower || isGroupNoun(before.lower)) && t.lemma === t.lower;
    const nominal =
      !agrees &&
      (!before ||
        /^(?:DET|ADJ|NUM|SYM|NOUN)$/.test(before.pos) ||
        before.text === '%' ||
        /^(?:percent|cent)$/.test(before.lower) ||
        (before.pos === 'CCONJ' && after?.lower === 'of'));
    const ends =
      !after ||
      /^(?:ADP|PUNCT|CCONJ|SCONJ)$/.test(after.pos) ||
      after.lower === 'that' ||
      after.lower === 'which' ||
      (after.pos === 'NOUN' && /^(?:SYM|DET|ADJ)$/.test(before?.pos ?? 'X'));
    if (nominal && ends) return true;
  }
  return t.pos === 'PROPN' && (i === 0 || titleCase) && isCommonNoun(t.lower);
}

/** Whether most words of a text are capitalised, as in a headline's title case. */
export function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^[A-Za-z]{4,}$/.test(t.text));
  return words.length >= 3 && words.filter((t) => /^[A-Z]/.test(t.text)).length / words.length > 0.7;
}

/** A word of the calendar or the clock, lower case: it dates a phrase, never narrows one. */
export const CALENDAR = new RegExp(`^(?:${[...MONTH_NAMES, ...WEEKDAY_NAMES].join('|').toLowerCase()}|today|yesterday|morning|afternoon|evening|night)$`);
/** A month or weekday name, capitalised as written. */
const CALENDAR_NAME = new RegExp(`^(?:${MONTH_ALTERNATION}|${WEEKDAY_ALTERNATION})$`);
const modifierOk = (t: Token): boolean =>
  !CALENDAR.test(t.lower) &&
  (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && (/(?:ed|ing)$/.test(t.lower) || irregularParticiple(t.lower))));

/** Whether the run of proper nouns at `j` ends at a common noun ("Camp Willow campers"). */
function nameBeforeNoun(tokens: Token[], j: number, titleCase: boolean): boolean {
  let k = j;
  while (tokens[k]?.pos === 'PROPN' && k < j + 4) k++;
  return k > j && tokens[k]?.pos !== 'PROPN' && isNoun(tokens, k, titleCase);
}

/**
 * The noun phrase starting at token `i`: modifiers (adjectives, nouns, participles) and a head noun,
 * the last noun before anything else. Undefined when no noun comes first.
 */
export function phraseAt(tokens: Token[], i: number, titleCase: boolean, max = 5): NounPhrase | undefined {
  let j = i;
  while (tokens[j]?.pos === 'DET' && j < i + 2) j++;
  const parts: number[] = [];
  while (j < tokens.length && parts.length < max) {
    const t = tokens[j];
    if (!t) break;
    // "union" in "union members", "combined" in "combined wages", a hyphen inside "family-of-three".
    if (CALENDAR.test(t.lower)) break;
    // A participle is a modifier only before a noun or adjective ("confirmed fatalities"); else it is a predicate ("reported Tuesday").
    const participle = t.pos === 'VERB' && !isNoun(tokens, j, titleCase) && !(isNoun(tokens, j + 1, titleCase) || tokens[j + 1]?.pos === 'ADJ');
    if (participle) break;
    if (isNoun(tokens, j, titleCase) || (modifierOk(t) && t.pos !== 'PROPN') || (t.pos === 'PROPN' && parts.length > 0 && isNoun(tokens, j + 1, titleCase))) {
      parts.push(j);
      j++;
      continue;
    }
    // "Acme workers", "Camp Willow campers": a name before a noun narrows it.
    if (t.pos === 'PROPN' && nameBeforeNoun(tokens, j, titleCase)) {
      parts.push(j);
      j++;
      continue;
    }
    // "uniformed military and police personnel": two modifiers of one head, before any noun.
    if (
      t.pos === 'CCONJ' &&
      parts.length > 0 &&
      parts.every((k) => !isNoun(tokens, k, titleCase)) &&
      isNoun(tokens, j + 1, titleCase) &&
      isNoun(tokens, j + 2, titleCase)
    ) {
      j++;
      continue;
    }
    break;
  }
  // "the country's gross domestic product", "Acme's global workforce": the possessor is whose, the head comes after.
  if (parts.length && /^(?:’s|'s|’|')$/.test(tokens[j]?.text ?? '') && j < i + 6) {
    const after = phraseAt(tokens, j + 1, titleCase, max);
    if (after)
      return {
        ...after,
        owner: tokens
          .slice(parts[0] ?? j, j)
          .map((t) => t.text)
          .join(' '),
      };
  }
  let h = parts.length - 1;
  while (h >= 0 && !isNoun(tokens, parts[h] ?? -1, titleCase)) h--;
  if (h < 0) return undefined;
  const headIdx = parts[h] ?? 0;
  const head = tokens[headIdx];
  if (!head) return undefined;
  const modifiers = parts
    .slice(0, h)
    .map((k) => tokens[k]?.lower ?? '')
    .filter((w) => w && !EMPTY_MODIFIER.test(w));
  return { head: head.text, lemma: singular(head.lower), modifiers, at: headIdx, next: headIdx + 1 };
}

/**
 * The proper name just before token `i`, past any auxiliary or adverb: "Apple" in "Apple fell 9%",
 * "S&P 500" in "The S&P 500 plummeted" (a name may end in its number), "Nasdaq Composite". A name
 * is its own head, lower-cased as a key; undefined when no name stands there.
 */
export function nameBefore(tokens: Token[], i: number): NounPhrase | undefined {
  let j = i - 1;
  while (j >= 0 && /^(?:AUX|ADV|PART)$/.test(tokens[j]?.pos ?? '')) j--;
  const end = j;
  if (tokens[j]?.pos === 'NUM' && tokens[j - 1]?.pos === 'PROPN') j--;
  let k = j;
  while (k >= 0 && tokens[k]?.pos === 'PROPN' && j - k < 5) k--;
  if (k === j) return undefined;
  // Only a name that opens its clause, after its own modifiers ("the tech-heavy Nasdaq"): not "in Tokyo" or "Trump's".
  let m = k;
  while (m >= 0 && (/^(?:ADJ|NOUN)$/.test(tokens[m]?.pos ?? '') || tokens[m]?.text === '-') && k - m < 4) m--;
  if (!/^(?:DET|PUNCT|CCONJ|SCONJ)$/.test(tokens[m]?.pos ?? 'DET') || tokens[m]?.text === '-') return undefined;
  const words = tokens.slice(k + 1, end + 1);
  // "Shares closed down": a capitalised common noun opening the sentence is no name.
  if (words.every((t) => isCommonNoun(singular(t.lower)))) return undefined;
  const text = words.reduce((out, t, x) => (x && (words[x - 1]?.end ?? 0) < t.start ? `${out} ${t.text}` : out + t.text), '');
  return { head: text, lemma: text.toLowerCase(), modifiers: [], at: end, next: end + 1 };
}

/** The noun phrase ending at token `j` (its head), read backwards: "the latest contract offer" <- "offer". */
export function phraseEndingAt(tokens: Token[], j: number, titleCase: boolean): NounPhrase | undefined {
  const head = tokens[j];
  if (!head) return undefined;
  const acronym = /^[A-Z]{2,5}$/.test(head.text) && /^(?:ADJ|PART)$/.test(tokens[j - 1]?.pos ?? '');
  const named = (head.pos === 'PROPN' && (senseOf(head.lower) !== undefined || (j === 0 && isCommonNoun(head.lower)))) || acronym;
  if (!isNoun(tokens, j, titleCase) && !named) return undefined;
  const mods: string[] = [];
  for (let k = j - 1; k >= 0 && mods.length < 3; k--) {
    const t = tokens[k];
    if (!t || FUNCTION.test(t.pos) || t.text === '’s' || t.text === "'s") break;
    if (!(modifierOk(t) || isNoun(tokens, k, titleCase))) break;
    // A verb is a modifier only after a determiner or adjective ("the combined wages"), not a clause's verb ("the storm caused damage").
    if (t.pos === 'VERB' && !isNoun(tokens, k, titleCase) && !/^(?:DET|ADJ)$/.test(tokens[k - 1]?.pos ?? '')) break;
    // "two-year Treasury yields": the number joined to a modifier is part of it.
    const dash = tokens[k - 1];
    const num = tokens[k - 2];
    if (dash?.text === '-' && num?.pos === 'NUM' && num.end === dash.start && dash.end === t.start) {
      mods.unshift(`${num.lower}-${t.lower}`);
      break;
    }
    mods.unshift(t.lower);
  }
  return { head: head.text, lemma: singular(head.lower), modifiers: mods.filter((w) => !EMPTY_MODIFIER.test(w)), at: j, next: j + 1 };
}

/**
 * The subject of the verb group that ends just before token `i` ("the death toll has risen to" ->
 * "death toll"; "Shares of Acme have plummeted" -> "Shares", whose "Acme").
 */
export function subjectBefore(tokens: Token[], i: number, titleCase: boolean): (NounPhrase & { scope?: string | undefined }) | undefined {
  let j = i - 1;
  let verbs = 0;
  while (j >= 0 && /^(?:VERB|AUX|ADV|PART)$/.test(tokens[j]?.pos ?? '') && !isNoun(tokens, j, titleCase)) {
    if (tokens[j]?.pos === 'VERB') verbs++;
    if (verbs > 2) return undefined;
    j--;
  }
  if (/^(?:that|which|who)$/.test(tokens[j]?.lower ?? '')) j--;
  // "Revenue in the third quarter rose": a time between the subject and its verb (its words tagged TIME).
  if (tokens[j]?.pos === 'TIME') {
    while (j >= 0 && (tokens[j]?.pos === 'TIME' || tokens[j]?.pos === 'DET')) j--;
    if (tokens[j]?.pos === 'ADP') j--;
  }
  // "NXP shares (NXPI) rose": a short parenthesis between the subject and its verb.
  if (tokens[j]?.text === ')') {
    const open = tokens.findLastIndex((t, x) => x < j && t.text === '(');
    if (open > 0 && j - open <= 4) j = open - 1;
  }
  // "Shares of Acme have...", "Shares of the carmaker have...": the subject's head comes before "of"; after it, whose.
  let k = j;
  while (k > 0 && (tokens[k - 1]?.pos === 'PROPN' || tokens[k - 1]?.pos === 'ADJ' || tokens[k - 1]?.pos === 'NOUN')) k--;
  // "The yield on 10-year gilts": a number joined to the noun after it is part of the phrase.
  if (tokens[k - 1]?.text === '-' && tokens[k - 2]?.pos === 'NUM') k -= 2;
  const det = tokens[k - 1]?.pos === 'DET' ? 1 : 0;
  // "The yield on 10-year gilts fell": what is on them is the subject, as with "Shares of Acme".
  if ((tokens[k - 1 - det]?.lower === 'of' || tokens[k - 1 - det]?.lower === 'on') && k <= j) {
    const head = phraseEndingAt(tokens, k - 2 - det, titleCase);
    // "the number of homicides": a count noun before "of" leaves the noun after it as the head.
    if (head && !/^(?:number|total|count|tally|amount|level|rate|share|proportion|percentage|majority|half)$/.test(head.head.toLowerCase())) {
      return {
        ...head,
        // As written: "10-year gilts", not "10 - year gilts".
        scope: tokens.slice(k, j + 1).reduce((out, t, x, all) => (x && (all[x - 1]?.end ?? 0) < t.start ? `${out} ${t.text}` : out + t.text), ''),
      };
    }
  }
  // "Thefts in Norway rise": past a place to the noun.
  return phraseEndingAt(tokens, j, titleCase) ?? headBefore(tokens, j + 1, titleCase);
}

const PLACE_PREP = /^(?:in|across|throughout|within)$/;
/** Kinds of place written before a place's name: "the capital Bangkok", "the city of Sagaing". */
const PLACE_KIND = /^(?:capital|city|town|village|province|state|region|district|port|island)$/;

/**
 * Where a count holds, from a prepositional phrase of capitalised words after token `i` ("in Harlan
 * County", "across Texas"): a named place or body, not a time ("in July") or a quantity ("in six counties").
 */
export function placeAfter(tokens: Token[], i: number, text: string, limit = 6): string | undefined {
  for (let k = i; k < Math.min(tokens.length, i + limit); k++) {
    const t = tokens[k];
    if (!t) break;
    if (/^[.;:!?,]$/.test(t.text)) break;
    if (!PLACE_PREP.test(t.lower)) continue;
    // A kind of place before the name is said of the count only with no other thing between ("eight people in the capital
    // Bangkok"), not of a noun in between ("1,644 amid extensive damage in the city of Mandalay").
    const direct = tokens.slice(i, k).every((x) => x.pos !== 'NOUN' || isPeopleNoun(singular(x.lower)));
    let a = k + 1;
    // "in neighboring Kendall County", "in hardest-hit Harlan County", "in central Texas".
    while (
      tokens[a]?.pos === 'DET' ||
      (tokens[a]?.pos === 'ADJ' && /^[a-z]/.test(tokens[a]?.text ?? '')) ||
      (tokens[a]?.text === '-' && a > k + 1) ||
      (tokens[a + 1]?.text === '-' && /^[a-z]/.test(tokens[a]?.text ?? '')) ||
      // "in the capital Bangkok", "in the city of Sagaing": the kind of place before its name.
      (direct && PLACE_KIND.test(tokens[a]?.lower ?? '') && /^[a-z]/.test(tokens[a]?.text ?? '')) ||
      (direct && tokens[a]?.lower === 'of' && PLACE_KIND.test(tokens[a - 1]?.lower ?? ''))
    )
      a++;
    let b = a;
    while (tokens[b] && /^[A-Z]/.test(tokens[b]?.text ?? '') && tokens[b]?.pos === 'PROPN') b++;
    if (b === a) continue;
    const first = tokens[a];
    const last = tokens[b - 1];
    if (!first || !last || CALENDAR_NAME.test(first.text)) continue;
    // "in Palisades and Eaton fires": a count over two named places is no one place's.
    if (/^(?:and|or)$/.test(tokens[b]?.lower ?? '') && tokens[b + 1]?.pos === 'PROPN') return undefined;
    return text.slice(first.start, last.end);
  }
  return undefined;
}

/** "In Harlan County, ...": a place that opens the sentence. */
export function frontedPlace(text: string): string | undefined {
  // "In Texas,", "In neighbouring Thailand,".
  const m = /^(?:In|Across|Throughout)\s+(?:[a-z]+\s+){0,2}((?:[A-Z][\w’'-]+\s?){1,4}),/.exec(text);
  return m?.[1]?.trim();
}

/**
 * "The total value of the deal, including debt, would be": a noun `j` inside an aside set off by two
 * commas before the verb at `i` is not the subject; the word before the aside is. Asides open on
 * "including", "not", "plus" and the like, or hold no verb ("the company, a chipmaker, is").
 */
function beforeAside(tokens: Token[], j: number, i: number): number {
  if (!tokens.slice(j + 1, i).some((t) => t.text === ',')) return j;
  for (let p = j - 1; p > 0 && p >= j - 8; p--) {
    if (tokens[p]?.text !== ',') continue;
    const aside = tokens.slice(p + 1, j + 1);
    const opens = /^(?:including|excluding|plus|minus|not|among|with|without|like)$/.test(aside[0]?.lower ?? '');
    return opens || !aside.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ? p - 1 : j;
  }
  return j;
}

/**
 * The noun a clause before token `i` is about, past a verb group, a relative pronoun and a place
 * ("economic damage in Spain amounting to", "the outage that struck on Monday and lasted",
 * "Spain's daily GDP is estimated at"): the phrase and the place or owner it carries.
 */
export function headBefore(tokens: Token[], i: number, titleCase: boolean): (NounPhrase & { scope?: string | undefined }) | undefined {
  let j = i - 1;
  while (
    j >= 0 &&
    (/^(?:VERB|AUX|ADV|PART)$/.test(tokens[j]?.pos ?? '') || /^(?:that|which|who|,)$/.test(tokens[j]?.lower ?? '')) &&
    !isNoun(tokens, j, titleCase)
  )
    j--;
  j = beforeAside(tokens, j, i);
  let scope: string | undefined;
  // A place after the noun: "damage in Spain".
  let k = j;
  while (k >= 0 && tokens[k]?.pos === 'PROPN' && !isNoun(tokens, k, titleCase)) k--;
  if (k < j && /^(?:in|across|of|for)$/.test(tokens[k]?.lower ?? '')) {
    scope = tokens
      .slice(k + 1, j + 1)
      .map((t) => t.text)
      .join(' ');
    j = k - 1;
  }
  const np = phraseEndingAt(tokens, j, titleCase);
  if (!np) return undefined;
  // "Spain's daily GDP": whose it is.
  let m = j - np.modifiers.length - 1;
  if (/^(?:’s|'s)$/.test(tokens[m]?.text ?? '')) {
    m--;
    const owner: string[] = [];
    while (m >= 0 && tokens[m]?.pos === 'PROPN') owner.unshift(tokens[m--]?.text ?? '');
    if (owner.length) scope ??= owner.join(' ');
  }
  return { ...np, scope };
}

/** The subject of the clause a verb at `i` belongs to, past coordinated verbs ("the outage that struck on Monday and lasted"). */
export function clauseSubject(tokens: Token[], i: number, titleCase: boolean): (NounPhrase & { scope?: string | undefined }) | undefined {
  const direct = headBefore(tokens, i, titleCase);
  // A preposition's object ("began on Monday night lasted") is no subject: the clause's is further back.
  let start = direct?.at ?? 0;
  while (start > 0 && /^(?:NOUN|PROPN|ADJ|NUM|TIME)$/.test(tokens[start - 1]?.pos ?? '')) start--;
  if (direct && tokens[start - 1]?.pos !== 'ADP') return direct;
  for (let k = i - 1; k >= 0 && k > i - 16; k--) {
    const t = tokens[k];
    if (!t || /^[.;:]$/.test(t.text)) break;
    if (/^(?:that|which)$/.test(t.lower)) return headBefore(tokens, k, titleCase);
  }
  const first = phraseAt(tokens, 0, titleCase);
  return first && /^(?:VERB|AUX)$/.test(tokens[first.next]?.pos ?? '') ? first : undefined;
}

/** A country's name or demonym, up to three capitalised words ("Chinese", "U.S.", "South Korea"). */
const COUNTRY_WORDS = String.raw`([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})`;
/** "on imports from Madagascar", "on Chinese imports", "on U.S. goods", "46% on Vietnam": what a rate is charged on. */
const CHARGED_ON = new RegExp(
  String.raw`^[^,;:]{0,40}?\bon\s+(?:(?:all\s+)?(?:imports|goods|products|exports)\s+(?:imported\s+)?from\s+)?(?:the\s+)?${COUNTRY_WORDS}`,
);
/** "China faces a particularly steep", "Japan will see a": the country a rate falls on, as the subject. */
const FACES = new RegExp(
  // Not one of a list ("Vietnam and India will see tariffs of 46% and 26%, respectively").
  String.raw`(?<!\b(?:and|or),?\s+)(?<!,\s*)\b${COUNTRY_WORDS}\s+(?:will\s+)?(?:faces?|faced|facing|sees?|saw|gets?|got)\s+` +
    String.raw`(?:a|an|the)?\s*(?:[a-z-]+\s+){0,3}$`,
);

/** The country a rate (a tariff, a tax) is charged on, from the words after or before it; undefined when none is named. */
export function rateTarget(before: string, after: string): string | undefined {
  const on = CHARGED_ON.exec(after)?.[1];
  const named = on ?? FACES.exec(before)?.[1];
  if (!named || CALENDAR_NAME.test(named)) return undefined;
  // The longest run of the words that names a country: "Chinese imports" -> China, "South Korea" -> South Korea.
  const words = named.split(/\s+/);
  for (let k = words.length; k > 0; k--) {
    const country = countryOf(words.slice(0, k).join(' '));
    // Said "on": a tariff on China, not a tariff in China.
    if (country) return `on ${country}`;
  }
  // A bloc or territory no gazetteer lists ("on the European Union"), named after "on".
  return on && words.length > 1 ? `on ${named.replace(/(?<=[a-z]{2})\.$/, '')}` : undefined;
}
