/** Numbers that are not figures (years, days of a month, clock times, ages, names), as rule rows with ids. */
import { isCommonNoun, isGroupNoun, isPeopleNoun, singular } from './lexicon.js';
import type { NumberMention } from './numbers.js';
import { CALENDAR } from './phrase.js';
import { alternation, STATES, UNITS } from './vocabulary.js';
import { MONTH_STEMS } from '../../calendar.js';
import { anyOf } from '../../text.js';

const STATE_WORDS = new Set(STATES.flatMap((r) => [...r.states, ...r.nouns]));
/** Whether the words after "one" name a person or a casualty ("one counselor", "one death", "one remains missing"). */
function countsSomeone(after: string): boolean {
  const ws = after
    .trim()
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean)
    .slice(0, 3);
  const first = ws[0] ?? '';
  if (/^(?:is|was|has|had|remains|remained|died|more|other|additional)$/.test(first)) return true;
  return ws.slice(0, 2).some((w) => isPeopleNoun(w) || STATE_WORDS.has(w));
}

/** Why a number is not a figure, with the text just before and after it in its sentence. */
export interface ExclusionRule {
  id: string;
  reason: string;
  test: (n: NumberMention, before: string, after: string) => boolean;
}

/**
 * "737 Max jet": capitalised words, then a singular common noun, which a number above one cannot count
 * ("200 National Guard troops" counts; a noun that names a body of people, "1,300 National Police", too).
 */
function countsNoSingular(after: string): boolean {
  const m = /^\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+([a-z]+)\b/.exec(after);
  const noun = m?.[1];
  // "82 Sunday morning", "12 Tuesday night": a day or month is no name.
  if (
    !m ||
    m[0]
      .trim()
      .split(/\s+/)
      .some((w) => CALENDAR.test(w.toLowerCase()))
  )
    return false;
  return !!noun && singular(noun) === noun && isCommonNoun(noun) && !isGroupNoun(noun);
}
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_STEMS})[a-z]*\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTH_STEMS})[a-z]*\\b`, 'i');
const CLOCK_AFTER = /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|BST|EST|EDT|CST|CDT|PST|PDT|local time|hrs\b|h\b|o'clock)/i;
/** Words that label what the number after them names: documents, places and routes, stages, laws and cases. */
const LABEL_WORDS = [
  /page|pages|p\.|pp\.|no\.|nos\.|number|chapter|section|article|vol\.|volume|episode|season|part|item|clause|paragraph|line/,
  /room|flight|route|highway|interstate|district|ward|gate|platform|terminal|lot|unit/,
  /grade|level|phase|stage|round|game|week|day|channel/,
  /resolution|decree|bill|act|law|amendment|case|docket|file|code|#/,
];
/** Words before a number that make it a label, not a quantity ("page 12", "Line 7", "District 751"). */
const LABEL_BEFORE = new RegExp(String.raw`\b${anyOf(LABEL_WORDS)}\s*$`, 'i');
/** Capitalised function words that may open a sentence ("In", "About", "Those"). */
const SENTENCE_WORDS = [
  /In|On|At|By|Of|From|To|The|A|An|About|Nearly|Some|Only|Over|Under|With|Since/,
  /And|Or|But|All|Another|Almost|Around|Roughly|Just|Up|Down|More|Less|Fewer|Than/,
  /After|Before|During|For|Of|Some|Those|These|That|This|Its|Their|His|Her|Our|Another/,
];
/** Capitalised words that introduce a number as a quantity, not as part of a name. */
const SENTENCE_WORD = new RegExp(String.raw`\b${anyOf(SENTENCE_WORDS)}\s$`);
/** Nouns for a person, whose age may follow after a comma ("a woman, 34"). */
const PERSON_NOUNS = [
  /man|woman|wife|husband|son|daughter|father|mother|girl|boy|child/,
  /brother|sister|grandmother|grandfather|niece|nephew/,
  /victim|driver|resident|teen|teenager|student|worker/,
];
const PERSON_NOUN_COMMA = new RegExp(String.raw`(?:\b[A-Z][a-z’'-]+|\b${anyOf(PERSON_NOUNS)}),\s*$`);
const spellings = (time: boolean): string => alternation(UNITS.filter((u) => (u.dimension === 'time') === time).flatMap((u) => u.spellings));
const SPAN_AFTER = new RegExp(`^\\s*(?:${spellings(true)})\\b`, 'i');
/** A measured change just before: "rose 20 feet in", "jumped 5% in about". */
const CHANGE_IN_BEFORE = new RegExp(
  `\\d[\\d.,]*\\s*(?:%|percent|${spellings(false)})\\s+in\\s+` +
    // An optional bound: "in about", "in less than".
    `(?:about\\s+|approximately\\s+|less than\\s+|under\\s+|just\\s+|nearly\\s+|roughly\\s+|only\\s+)?$`,
  'i',
);

/** A bracketed group of small whole numbers after a word: "their son (56)", "an elderly couple (81 and 77)". */
const AGE_GROUP_BEFORE = /([A-Za-z’'-]+)\s*\((?:\s*\d{1,3}\s*(?:,|and)\s*)*$/;
const AGE_GROUP_AFTER = /^\s*(?:(?:,|and)\s*\d{1,3}\s*)*\)/;

/** Ages given in brackets after a person ("son (56)", "Ana Ruiz (34)") or a pair of them ("couple (81 and 77)"). */
function bracketedAge(n: NumberMention, before: string, after: string): boolean {
  if (n.words || n.decimals > 0 || n.value >= 120) return false;
  const word = AGE_GROUP_BEFORE.exec(before)?.[1];
  const rest = AGE_GROUP_AFTER.exec(after)?.[0];
  if (!word || rest === undefined) return false;
  const several = /\d/.test(rest) || /\(\s*\d/.test(before.slice(-12));
  return several || /^[A-Z]/.test(word) || (isPeopleNoun(word.toLowerCase()) && !/s$/i.test(word));
}

/** A compound of a number and a unit of time before a word for a record: "a 16-month low", "a 30-year high". */
const RECORD_SPAN_AFTER = /^[\s-]+(?:year|month|week|day|decade)s?[\s-]+(?:high|low|record|peak|best|worst)\b/i;
/** A compound of a number and a unit of time, then a plural noun (a name between): "10-year gilts", "two-year Treasury yields". */
const KIND_OF_PLURAL_AFTER = /^-(?:year|month|week|day|hour)\s+(?:[A-Z][\w-]*\s+)?([a-z]+s)\b/;
/** A word that makes the compound after it one thing's length: "a 52-day strike", "his 10-year sentence", "the seven-week strikes". */
const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|its|their|his|her|our|your|my)\s+(?:[a-z]+\s+)?$/i;

/** "10-year gilts", "30-year mortgages": the span names a kind of the things after it (a maturity, a term), not a figure. */
function namesAKind(before: string, after: string): boolean {
  const noun = KIND_OF_PLURAL_AFTER.exec(after)?.[1];
  return !!noun && singular(noun) !== noun && isCommonNoun(noun) && !DETERMINER_BEFORE.test(before);
}

/** Checked in order; the first that holds names the reason. */
const NOT_A_FIGURE: readonly ExclusionRule[] = [
  {
    id: 'not.year',
    reason: 'a year',
    test: (n) => !n.words && !n.currency && !n.percent && n.scale === 1 && n.decimals === 0 && /^\d{4}$/.test(n.text) && n.value >= 1800 && n.value <= 2100,
  },
  { id: 'not.rate-base', reason: 'the base of a rate ("per 100,000")', test: (_n, before) => /\bper\s*$/i.test(before) },
  {
    id: 'not.day-of-month',
    reason: 'a day of a month',
    test: (n, before, after) => !n.words && n.value <= 31 && n.decimals === 0 && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)),
  },
  {
    id: 'not.clock-time',
    reason: 'a time of day',
    test: (n, _before, after) =>
      CLOCK_AFTER.test(after) || (!n.words && /^\s*(?:to|and|-|–)\s*\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/i.test(after)) || /\d:\s*$/.test(_before),
  },
  { id: 'not.label-number', reason: 'a page, item or place number', test: (_n, before) => LABEL_BEFORE.test(before) },
  { id: 'not.list-number', reason: 'a list or subhead number', test: (n, before, after) => !n.words && before.trim() === '' && /^[.)]\s/.test(after) },
  { id: 'not.code', reason: 'part of a code ("401(k)")', test: (n, _before, after) => !n.words && /^\(\w\)/.test(after) },
  {
    id: 'not.name-part',
    reason: 'part of a name ("Resolute Sentinel 24", "S&P 500")',
    test: (n, before, after) =>
      !n.words &&
      !n.currency &&
      !n.percent &&
      n.decimals === 0 &&
      !/,/.test(n.text) &&
      /(?:^|[^.!?]\s)[A-Z][\w&-]*\s$/.test(before) &&
      !/^\s*(?:%|per\b|[a-z]+\s+per\b)/.test(after) &&
      !SENTENCE_WORD.test(before),
  },
  {
    id: 'not.model-name',
    reason: 'part of a name with the capitalised word after it ("737 Max jet")',
    test: (n, _before, after) => !n.words && !n.currency && !n.percent && n.value > 1 && !/,/.test(n.text) && countsNoSingular(after),
  },
  {
    id: 'not.age',
    reason: 'an age',
    test: (n, before, after) =>
      /^(?:\s*(?:,|and|or)\s*\d{1,3})*[\s-]*years?[\s-]old\b/i.test(after) ||
      /\baged?\s*$/i.test(before) ||
      (!n.words && n.value < 120 && n.decimals === 0 && PERSON_NOUN_COMMA.test(before) && /^\s*(?:,|\)|\.|and\b|$)/.test(after)) ||
      bracketedAge(n, before, after),
  },
  {
    id: 'not.idiom',
    reason: 'a word, not a count ("one of", "no one")',
    test: (n, before, after) =>
      n.words &&
      /^(?:one|a|an)$/i.test(n.text) &&
      (/^\s+(?:of|another|day|thing|point|side|way|time|more|by|hand|or|another|must|can|could|would|should|will|may)\b/i.test(after) ||
        /\b(?:no|any|some|every|each|the|this|which)\s+$/i.test(before) ||
        // "only one way", but "just one survivor", "only one known survivor": one person is a count.
        (/\b(?:only|just)\s+$/i.test(before) && !countsSomeone(after))),
  },
  { id: 'not.one-of', reason: '"one of" a group', test: (n, before) => n.words && /\bone\s+of\s+(?:the\s+)?$/i.test(before) },
  // "a camp missing one entire side", "one setback after another": "one" counts people or casualties in news, little else.
  {
    id: 'not.one-thing',
    reason: '"one" of a thing, not a count that matters',
    test: (n, _before, after) => /^(?:one|a|an)$/i.test(n.text) && !countsSomeone(after),
  },
  { id: 'not.once', reason: '"once" or "twice"', test: (n) => /^(?:twice|once)$/i.test(n.text) },
  { id: 'not.record-span', reason: 'how long a record stood ("a 16-month low")', test: (_n, _before, after) => RECORD_SPAN_AFTER.test(after) },
  { id: 'not.kind-span', reason: 'a span naming a kind of thing ("10-year gilts")', test: (_n, before, after) => namesAKind(before, after) },
  // "rose more than 20 feet in two hours", "swelled 26 feet in less than an hour": how fast the change before it came.
  { id: 'not.span-of-change', reason: 'the time another figure took', test: (_n, before, after) => SPAN_AFTER.test(after) && CHANGE_IN_BEFORE.test(before) },
];

/** The first rule a number meets, if any. */
export function exclusionOf(n: NumberMention, sentence: string): ExclusionRule | undefined {
  const before = sentence.slice(0, n.start);
  const after = sentence.slice(n.end);
  return NOT_A_FIGURE.find((r) => r.test(n, before, after));
}
