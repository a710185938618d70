/**
 * Casualty and displacement counts: "82 people are dead", "killing at least 120", "the toll rose to 25",
 * "The dead include 40 adults", "94 confirmed fatalities".
 */
import type { Token } from '../../../nlp.js';
import type { Reading } from './tools.js';
import { clauseBefore, GENERIC, type MeasureContext, type MeasureRule, measure } from './tools.js';
import { isPeopleNoun } from '../lexicon.js';
import { frontedPlace, phraseAt, placeAfter } from '../phrase.js';
import { alternation, STATES, type StateRow } from '../vocabulary.js';
import { anyOf } from '../../../text.js';

const STATE_WORDS = STATES.flatMap((row) => row.states.map((w) => ({ w, row })));
const STATE_VERBS = STATES.flatMap((row) => row.verbs.map((w) => ({ w, row })));
// "look for 11 girls and one counselor": a second count of the list is in the first one's state.
const STATE_VERB_BEFORE = new RegExp(
  `\\b(${alternation(STATE_VERBS.map((x) => x.w))})\\s+(?:(?:\\d[\\d,]*|[a-z]+)\\s+(?:[a-z-]+\\s+){1,2}and\\s+)?` +
    `(?:at least\\s+|more than\\s+|about\\s+|nearly\\s+|over\\s+|some\\s+|up to\\s+|an estimated\\s+)?$`,
  'i',
);
const STATE_NOUNS = STATES.flatMap((row) => row.nouns.map((w) => ({ w, row })));
export const STATE_NOUN = new Map(STATE_NOUNS.map((x) => [x.w, x.row]));
/** The dead, as the lives a thing took: "claimed 270 lives", "the loss of 241 lives", "cost at least 40 lives". */
const DEAD = STATES.find((r) => r.id === 'state.dead');
const LIVES_TAKEN = new RegExp(
  String.raw`\b(?:claim(?:ed|s|ing)?|t(?:ook|akes?|aking|aken)|cost(?:s|ing)?|los(?:e|es|t|ing)|loss\s+of)\s+` +
    String.raw`(?:(?:at least|more than|about|nearly|over|some|up to|an estimated|almost)\s+)?$`,
  'i',
);

/** Verbs and words that bring a toll's number after its noun: "the death toll rose to", "deaths stood at", "the toll is now". */
const TOLL_VERBS = [
  /rose|rises|risen|climbed|climbs|reached|reaches|jumped|increased/,
  /stood|stands|hit|hits|surpassed|passed|topped|exceeded|has reached/,
  /to|at|of|was|is|now/,
];
// The nearest toll noun before the verb: "the search for the missing went on and the death toll of 2,100" is of deaths.
const TOLL_BEFORE = new RegExp(
  `^[^]*\\b(${alternation(STATE_NOUNS.filter((x) => x.w.split(' ').length <= 2).map((x) => x.w))})\\b(?:[^.;:]|\\.\\d){0,80}?\\b${anyOf(TOLL_VERBS)}\\s+` +
    `(?:(?:at least|more than|about|nearly|over|some|up to|an estimated|approximately|around)\\s+)?$`,
  'di',
);

/** A state word's row: the first row that lists it. */
const STATE_OF_WORD = new Map([...STATE_WORDS].reverse().map((x) => [x.w, x.row] as const));
export const stateRowOfWord = (w: string): StateRow | undefined => STATE_OF_WORD.get(w.toLowerCase());
const STATE_NOUN_WORDS = alternation(STATE_NOUNS.map((x) => x.w));
const STATE_INCLUDES = new RegExp(
  `\\b(?:the\\s+)?(${STATE_NOUN_WORDS})\\b[^.;:]{0,60}?\\b(?:include|includes|included|including)\\s+` +
    `(?:[\\d,]+\\s+[a-z]+(?:\\s+and|,)\\s+)*(?:(?:at least|more than|about|nearly|some)\\s+)?$`,
  'i',
);
const STATE_AMONG = new RegExp(`^\\s*(?:(?:of\\s+them\\s+)?among|of)\\s+the\\s+(${STATE_NOUN_WORDS})\\b`, 'i');
const STATE_OF_THE = new RegExp(
  `^\\s*(?:Of|Among)\\s+(?:the\\s+)?(${STATE_NOUN_WORDS})\\b[^,]{0,20},\\s+(?:(?:at least|more than|about|nearly|some)\\s+)?$`,
  'i',
);
const STATE_NUMBER = new RegExp(
  `\\bthe\\s+(?:number|count|tally|total)\\s+(?:of\\s+(?:people\\s+)?)?(${alternation([...STATE_WORDS, ...STATE_NOUNS].map((x) => x.w))})\\b[^.;]*$`,
  'i',
);

/** A people noun that narrows a state count ("campers" killed), not people at large ("people", "others"). */
export function whoOf(phrase: string): string | undefined {
  const ws = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const head = ws.at(-1);
  // "16 lives lost": the state's own noun counts no one kind of people.
  if (!head || GENERIC.has(head) || !isPeopleNoun(head) || STATE_NOUN.has(ws.join(' '))) return undefined;
  return ws.filter((w) => !/^(?:the|a|an|of|more|other|additional|another|young|elderly)$/.test(w)).join(' ') || undefined;
}

/** "Eleven people from the summer camp remain missing": the people counted are those of the camp. */
function fromWhere(c: MeasureContext, next: number): string | undefined {
  const t = c.s.tokens;
  // After the counted people ("people", "campers"), when the reading starts before them.
  const counted = t[next]?.lower === 'from' ? undefined : phraseAt(t, next, c.titleCase);
  const from = counted && isPeopleNoun(counted.lemma) ? counted.next : next;
  if (t[from]?.lower !== 'from' || !/^(?:the|a|an)$/.test(t[from + 1]?.lower ?? '')) return undefined;
  // The last noun before the verb: "the all-girls Christian summer camp" -> "camp". A place its words single
  // out, not "the area" or "the same family": those say nothing of which count it is.
  let head: string | undefined;
  const words: string[] = [];
  for (let k = from + 2; k < t.length && k < from + 10; k++) {
    const x = t[k];
    if (!x || /^(?:VERB|AUX|ADP|CCONJ|SCONJ)$/.test(x.pos) || (x.pos === 'PUNCT' && x.text !== '-')) break;
    if (x.pos !== 'PUNCT') words.push(x.lower);
    if (x.pos === 'NOUN') head = x.lemma;
  }
  const narrowed = words.length > 1 && !words.includes('same');
  return head && narrowed && !GENERIC.has(head) && !isPeopleNoun(head) ? head : undefined;
}

/** "five people were killed from one family": a count within one group or place, a part of the whole toll. */
const ONE_OF = /^[^,;]{0,40}?\b(?:from|of|in)\s+((?:one|a single)\s+[a-z]+)\b/i;

/** Causes of death or harm: "poisoning", "gunfire", "landslides". */
const CAUSES = [
  /poisoning|drowning|fire|fires|heat|hypothermia|electrocution|gunfire|shooting|shootings|stabbing|overdose|overdoses/,
  /illness|disease|exposure|injuries|crash|crashes|collapse|landslide|landslides|avalanche/,
];
/** A cause after a count, in its clause: "died from suspected carbon monoxide poisoning". */
const CAUSE_AFTER = new RegExp(String.raw`^[^,;]{0,40}?\b(?:from|of|due to|by)\s+(?:suspected\s+|apparent\s+)?((?:[a-z]+\s){0,3}${anyOf(CAUSES)})\b`, 'i');

/** A name: up to four capitalised words. */
const NAME = String.raw`((?:[A-Z][\w’'-]+\s?){1,4})`;
/** A count's named event right after it: "deaths tied to the Eaton Fire", "linked to Hurricane Helene". */
const TIED_TO = new RegExp(String.raw`^[^,;]{0,30}?\b(?:tied|linked|connected|attributed|related)\s+to\s+(?:the\s+)?${NAME}`);
/**
 * A place the clause before a count names as its own: "in South Carolina, where 19 people died",
 * "with North Carolina accounting for 36 deaths", "followed by South Carolina at 25".
 */
const PLACE_BEFORE = [
  new RegExp(String.raw`\b(?:in|across)\s+${NAME},\s+where\s+(?:[a-z]+\s+){0,3}$`),
  new RegExp(String.raw`(?:^|[,;(]\s*|\b(?:with|and|by)\s+)${NAME}\s+(?:accounting|accounted|accounts)\s+for\s+(?:[a-z]+\s+){0,2}$`),
  new RegExp(String.raw`(?:[,;]\s*|\b(?:by|and)\s+)${NAME}\s+(?:at|with)\s+$`),
];
const placeBefore = (before: string): string | undefined => {
  for (const re of PLACE_BEFORE) {
    const name = re.exec(before)?.[1]?.trim();
    if (name) return name;
  }
  return undefined;
};

export function stateReading(c: MeasureContext, row: StateRow, who: string | undefined, rule: string, from = c.next): Reading {
  // "in five other counties": the rest of a place's parts, not a place.
  const others = /\bin\s+(?:(?:\w+)\s+)?other\s+(counties|states|provinces|regions|countries|areas|districts|cities|towns|communities)\b/i.exec(c.after)?.[1];
  // "in his county alone": the one the sentence names ("Harlan County Sheriff ..."), else that kind of place.
  const own = /\bin\s+(?:his|her|its|their|the)\s+(county|city|state|country|province|region|district|town|village)\b/i.exec(c.after)?.[1];
  const named = own ? new RegExp(`\\b((?:[A-Z][\\w’'-]*\\s)+${own.charAt(0).toUpperCase()}${own.slice(1)})\\b`).exec(c.s.text)?.[1] : undefined;
  const scope =
    placeAfter(c.s.tokens, from, c.s.text) ??
    (others ? `other ${others.toLowerCase()}` : undefined) ??
    named ??
    (own ? own.toLowerCase() : undefined) ??
    fromWhere(c, c.next) ??
    ONE_OF.exec(c.s.text.slice(c.q.end))?.[1]?.toLowerCase() ??
    // "38 people were killed on the ground": those not aboard the craft the story is about.
    (/^[^,;.]{0,40}?\b(on the ground)\b/i.exec(c.s.text.slice(c.q.end)) ?? /^\s*(on the ground),/i.exec(c.s.text))?.[1]?.toLowerCase() ??
    placeBefore(c.before) ??
    // "17 deaths tied to the Eaton Fire": the named event a count is of, as a place is.
    TIED_TO.exec(c.s.text.slice(c.q.end))?.[1]?.trim() ??
    frontedPlace(c.s.text);
  // "died from suspected carbon monoxide poisoning": a cause makes a part of the count.
  const cause = CAUSE_AFTER.exec(c.s.text.slice(c.q.end))?.[1];
  return {
    rule,
    measure: measure(row.head, { who, scope, ...(cause ? { modifiers: [cause.toLowerCase()] } : {}) }),
    kind: 'count',
    ...(cause ? { label: `${who ? row.of.replace('{who}', who) : row.head} from ${cause.toLowerCase()}` } : {}),
  };
}

const ABOARD = STATES.find((r) => r.id === 'state.aboard');
/**
 * The two kinds of people a vehicle's manifest lists, named by the words at `i` ("passengers", "crew",
 * "crew members"), and the token after them: a count of one listed with the other ("230 passengers and
 * 12 crew") is of those aboard, told once.
 */
function occupantAt(t: Token[], i: number): { kind: string; next: number } | undefined {
  const w = t[i]?.lower ?? '';
  if (/^passengers?$/.test(w)) return { kind: 'passenger', next: i + 1 };
  if (/^crew(?:members?)?$/.test(w)) return { kind: 'crew', next: /^members?$/.test(t[i + 1]?.lower ?? '') ? i + 2 : i + 1 };
  return undefined;
}

/** The kind of occupant a noun phrase's head names ("Indian passengers", "crew members"), else undefined. */
const occupantOf = (t: Token[], np: { lemma: string; at: number } | undefined): string | undefined =>
  np ? occupantAt(t, np.lemma === 'member' ? np.at - 1 : np.at)?.kind : undefined;

/** "242 passengers and crew": everyone aboard, so no one kind of them. */
const everyoneAboard = (t: Token[], np: { lemma: string; at: number; next: number }): boolean => {
  const kind = occupantOf(t, np);
  const other = t[np.next]?.lower === 'and' ? occupantAt(t, np.next + 1) : undefined;
  return Boolean(kind && other && other.kind !== kind);
};

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "killing at least 120", "claimed the lives of 27 young girls".
    id: 'state.verb-before',
    read: (c) => {
      const m = STATE_VERB_BEFORE.exec(c.before);
      const row = m?.[1] ? STATE_VERBS.find((x) => x.w === m[1]?.toLowerCase())?.row : undefined;
      if (!row || c.q.kind !== 'count') return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      // "the loss of 27 campers" is of people; "the loss of 17,000 jobs" is not.
      if (/^(?:the|mourning)\b|\bfor$/i.test(m?.[1] ?? '') && !(np && isPeopleNoun(np.head.toLowerCase()))) return undefined;
      // "reported killed in Myanmar and 3,408 missing": a state of its own right after the count is its state.
      const own = stateRowOfWord(c.s.tokens[np?.next ?? c.next]?.lower ?? '');
      if (own && own !== row) return undefined;
      const all = np && everyoneAboard(c.s.tokens, np);
      return stateReading(c, row, np && !all ? whoOf([...np.modifiers, np.head].join(' ')) : undefined, row.id, np?.next ?? c.next);
    },
  },
  {
    // "The dead include 40 adults and 28 children", "at least 30 among the dead", "Of the fatalities so far, 68 have occurred in Harlan County".
    id: 'state.among',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const include = STATE_INCLUDES.exec(clauseBefore(c));
      const among = STATE_AMONG.exec(c.after);
      const of = STATE_OF_THE.exec(c.before);
      const word = include?.[1] ?? among?.[1] ?? of?.[1];
      const row = word ? STATE_NOUN.get(word.toLowerCase()) : undefined;
      if (!row) return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      // "Children make up a share of the casualties, with at least 30 among the dead".
      const subject = np ? undefined : phraseAt(c.s.tokens, 0, c.titleCase);
      const who = np
        ? whoOf([...np.modifiers, np.head].join(' '))
        : subject && /^(?:VERB|AUX)$/.test(c.s.tokens[subject.next]?.pos ?? '')
          ? whoOf(subject.head)
          : undefined;
      return stateReading(c, row, who, `${row.id}.among`, np?.next ?? c.next);
    },
  },
  {
    // "six missing people", "two injured workers", "10 dead migrants": a state word before the people counted.
    id: 'state.before-noun',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const word = c.s.tokens[c.next];
      const row = word && /^(?:VERB|ADJ)$/.test(word.pos) ? stateRowOfWord(word.lower) : undefined;
      const np = row ? phraseAt(c.s.tokens, c.next + 1, c.titleCase) : undefined;
      if (!row || !np || np.at !== c.next + 1 + np.modifiers.length || !isPeopleNoun(np.lemma)) return undefined;
      return stateReading(c, row, whoOf([...np.modifiers, np.head].join(' ')), `${row.id}.before-noun`, np.next);
    },
  },
  {
    // "82 people are dead", "161 remain missing in Harlan County", "Eleven people from the camp remain unaccounted for", "109 dead",
    // "18 of the adults and 10 of the children unidentified".
    id: 'state.after',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const t = c.s.tokens;
      // "Five of the 27 victims remain unidentified": the 27 is the whole, not in the state.
      if (/^(?:the|these|those)$/.test(t[c.prev]?.lower ?? '') && t[c.prev - 1]?.lower === 'of' && t[c.prev - 2]?.pos === 'NUM') return undefined;
      // "18 of the adults ... unidentified": a part of a group counts that group's people.
      const partitive = t[c.next]?.lower === 'of' && /^(?:the|these|those)$/.test(t[c.next + 1]?.lower ?? '');
      const np = phraseAt(t, partitive ? c.next + 2 : c.next, c.titleCase);
      if (np && !isPeopleNoun(np.head.toLowerCase())) return undefined;
      // "10 North Carolinians had died": the people of a place, named by a capitalised plural, are who.
      let people = np ? undefined : c.next;
      while (people !== undefined && t[people]?.pos === 'PROPN') people++;
      const demonym = people !== undefined && people > c.next && /(?:ans|ers|ese|ites)$/.test(t[people - 1]?.lower ?? '') ? people : undefined;
      let k = np ? np.next : (demonym ?? c.next);
      // "Six workers who were filling potholes are presumed dead": past the relative clause, to the verb after its last noun.
      if (np && /^(?:who|that)$/.test(t[k]?.lower ?? '')) {
        let r = k + 2;
        const main = (x: Token | undefined): boolean => x?.pos === 'AUX' || /^(?:remain|remains|remained)$/.test(x?.lower ?? '');
        while (r < t.length && r < k + 14 && !main(t[r])) r++;
        if (main(t[r])) k = r;
      }
      for (let steps = 0; k < t.length && steps < 12; k++, steps++) {
        const x = t[k];
        // "five campers and one counselor still missing": a coordinated count of people goes on to the state.
        const coordinated = x?.lower === 'and' && (t[k + 1]?.pos === 'NUM' || /^(?:a|an)$/.test(t[k + 1]?.lower ?? '')) && np !== undefined;
        // "20 more people – all on the ground – were feared dead": past an aside between dashes.
        const close = x && /^(?:–|—|--)$/.test(x.text) ? t.findIndex((y, i) => i > k && i < k + 10 && y.text === x.text) : -1;
        if (close > 0) {
          k = close;
          continue;
        }
        if (!x || (x.pos === 'PUNCT' && x.text !== '-') || (x.lower === 'and' && !coordinated) || x.lower === 'but') return undefined;
        // "The toll climbed to 2,122 with 2,421 people injured": another count is in the state after it, not this one
        // ("a 19-year-old counselor" is one person, described; "three of the 12 hikers", the whole they are part of).
        const whole = /^(?:the|these|those)$/.test(t[k - 1]?.lower ?? '') && t[k - 2]?.lower === 'of';
        if (x.pos === 'NUM' && t[k - 1]?.lower !== 'and' && t[k + 1]?.text !== '-' && !whole) return undefined;
        const two = `${x.lower} ${t[k + 1]?.lower ?? ''}`;
        const three = `${two} ${t[k + 2]?.lower ?? ''}`;
        const row = stateRowOfWord(`${three} ${t[k + 3]?.lower ?? ''}`) ?? stateRowOfWord(three) ?? stateRowOfWord(two) ?? stateRowOfWord(x.lower);
        const named = demonym === undefined ? undefined : c.s.text.slice(t[c.next]?.start ?? 0, t[demonym - 1]?.end ?? 0);
        if (row) return stateReading(c, row, np ? whoOf([...np.modifiers, np.head].join(' ')) : named, row.id, k + 1);
        // Between them only a place or group ("from the camp"), verbs of being and reporting.
        // "were reported to have died": a perfect after a verb of reporting is still the state's.
        const perfect = x.lower === 'have' && t[k - 1]?.lower === 'to';
        if (
          x.pos === 'VERB' &&
          !perfect &&
          !/^(?:remain|remains|remained|confirmed|reported|believed|known|feared|presumed|listed|said|thought|estimated|been|being|left|found)$/.test(x.lower)
        )
          return undefined;
      }
      return undefined;
    },
  },
  {
    // "The number missing from the camp totals five campers": a count of people in a state, named after "the number".
    id: 'state.number',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const m = STATE_NUMBER.exec(clauseBefore(c));
      const row = m?.[1] ? (stateRowOfWord(m[1]) ?? STATE_NOUN.get(m[1].toLowerCase())) : undefined;
      if (!row) return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const at = c.s.tokens.findIndex((t) => t.start >= (m?.index ?? 0) + (c.before.length - clauseBefore(c).length));
      return stateReading(c, row, np ? whoOf([...np.modifiers, np.head].join(' ')) : undefined, `${row.id}.number`, at + 3);
    },
  },
  {
    // "the death toll rose to 25", "the toll in Harlan County has reached at least 111", "a death toll of 82".
    id: 'state.toll',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const m = TOLL_BEFORE.exec(clauseBefore(c));
      const row = m?.[1] ? STATE_NOUN.get(m[1].toLowerCase()) : undefined;
      if (!m || !row) return undefined;
      // "deaths bring the total to 36 cases": the noun right after the number says what it counts.
      const after = phraseAt(c.s.tokens, c.next, c.titleCase);
      const own = after ? STATE_NOUN.get(after.head.toLowerCase()) : undefined;
      if (own && own !== row) return undefined;
      const toll = c.s.tokens.findIndex((t) => t.start >= (m.indices?.[1]?.[0] ?? 0) + (c.before.length - clauseBefore(c).length));
      const scope = placeAfter(c.s.tokens, toll + (m[1]?.split(' ').length ?? 1), c.s.text, 3);
      return {
        rule: `${row.id}.toll`,
        measure: measure(row.head, { scope: scope ?? placeAfter(c.s.tokens, c.next, c.s.text) ?? placeBefore(c.before) ?? frontedPlace(c.s.text) }),
        kind: 'count',
      };
    },
  },
  {
    // "carrying 230 passengers and 12 crew members", "242 passengers and crew": a manifest, whatever
    // the verb, counts those aboard; passengers and crew together are everyone aboard.
    id: 'state.occupants',
    read: (c) => {
      if (c.q.kind !== 'count' || !ABOARD) return undefined;
      const t = c.s.tokens;
      const np = phraseAt(t, c.next, c.titleCase);
      const kind = occupantOf(t, np);
      if (!np || !kind) return undefined;
      // The other kind: right after "and" ("passengers and crew"), or after "and" and its own count ("and 12 crew members").
      const and = t[np.next]?.lower === 'and' ? np.next + 1 : -1;
      const numbered = t[and]?.pos === 'NUM' ? and + 1 : and;
      const other = and < 0 ? undefined : occupantAt(t, numbered);
      // Or before it: "10 crew members" after "232 passengers and".
      const before = /\b(passengers?|crew(?:\s+members)?)\s+and\s+$/i.exec(c.before)?.[1];
      if (!(other && other.kind !== kind) && !(before && !before.toLowerCase().startsWith(kind))) return undefined;
      return other && other.kind !== kind && numbered === and
        ? stateReading(c, ABOARD, undefined, 'state.aboard.occupants', other.next)
        : stateReading(c, ABOARD, whoOf([...np.modifiers, np.head].join(' ')), 'state.aboard.occupants', np.next);
    },
  },
  {
    // "94 confirmed fatalities in Harlan County", "731 deaths", "15 injuries".
    id: 'state.noun-after',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const row = np
        ? (STATE_NOUN.get(np.head.toLowerCase()) ??
          STATE_NOUN.get(`${np.modifiers.at(-1) ?? ''} ${np.head.toLowerCase()}`) ??
          (/^li(?:fe|ves)$/.test(np.head.toLowerCase()) && !np.modifiers.length && LIVES_TAKEN.test(c.before) ? DEAD : undefined))
        : undefined;
      if (!row || !np) return undefined;
      // "All four cases were linked to ...": cases the text already told of, not a count of infections.
      if (row.head === 'cases' && /\b(?:all|the|these|those|both)\s+$/i.test(c.before)) return undefined;
      const r = stateReading(c, row, undefined, `${row.id}.noun`, np.next);
      // "seven new cases": the day's new ones, not the total.
      return c.s.tokens.slice(c.next, np.at).some((t) => NEW_WORDS.has(t.lower))
        ? { ...r, measure: { ...r.measure, modifiers: [...r.measure.modifiers, 'new'] }, label: `new ${r.label ?? row.head}` }
        : r;
    },
  },
];

/** Words that make a count the newest part of a running total: "seven new cases", "12 additional deaths". */
const NEW_WORDS = new Set(['new', 'additional', 'fresh', 'more', 'further']);
