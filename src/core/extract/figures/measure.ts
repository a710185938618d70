/**
 * What a number measures, read by rules in a table: each row has an id and reads one construction
 * ("82 people are dead", "a $12,000 ratification bonus", "the toll rose to 25", "59% of members
 * approved"). Rows are tried in order, most specific first; the first that reads a measure wins.
 */
import type { FigureKind, FigureUnit, Measure } from '../../model.js';
import type { Sentence, Token } from '../../nlp.js';
import { isPeopleNoun, nominalOf, senseOf, singular } from './lexicon.js';
import type { NumberMention } from './numbers.js';
import { clauseSubject, frontedPlace, headBefore, isTitleCase, type NounPhrase, phraseAt, phraseEndingAt, placeAfter, subjectBefore } from './phrase.js';
import type { Quantity } from './quantity.js';
import { CHANGES, COUNT_NOUNS, GENERIC_HEADS, LEVEL_VERBS, NOMINAL_OVERRIDES, PLACE_NOUNS, SHARE_VERBS, SINCE_LAST, SIZE_VERBS, STATES, type StateRow, VOTE_CONTEXT, VOTES } from './vocabulary.js';

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

const GENERIC = new Set(GENERIC_HEADS);
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).map(esc).join('|');
const measure = (head: string, extra: Partial<Measure> = {}): Measure => ({ head, modifiers: [], ...extra });
const tokenAt = (c: MeasureContext, i: number): Token | undefined => c.s.tokens[i];
/** The clause after the number: up to a semicolon, a dash or the next number's clause. */
const clauseAfter = (c: MeasureContext): string => c.after.split(/[;:—–]|,\s(?:and|but|while|which|who)\s|\.\s/)[0] ?? c.after;
/** The clause before the number, back to a semicolon or dash. */
const clauseBefore = (c: MeasureContext): string => c.before.split(/[;—–]/).at(-1) ?? c.before;

// --- states: killed, missing, injured ------------------------------------------------------------

const STATE_WORDS = STATES.flatMap((row) => row.states.map((w) => ({ w, row })));
const STATE_VERBS = STATES.flatMap((row) => row.verbs.map((w) => ({ w, row })));
const STATE_VERB_BEFORE = new RegExp(`\\b(${words(STATE_VERBS.map((x) => x.w))})\\s+(?:at least\\s+|more than\\s+|about\\s+|nearly\\s+|over\\s+|some\\s+|up to\\s+|an estimated\\s+)?$`, 'i');
const STATE_NOUNS = STATES.flatMap((row) => row.nouns.map((w) => ({ w, row })));
const STATE_NOUN = new Map(STATE_NOUNS.map((x) => [x.w, x.row]));
const TOLL_BEFORE = new RegExp(
  `\\b(${words(STATE_NOUNS.filter((x) => x.w.split(' ').length <= 2).map((x) => x.w))})\\b()[^.;:]{0,80}?\\b(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|increased|stood|stands|hit|hits|surpassed|passed|topped|exceeded|has reached|to|at|of|was|is|now)\\s+(?:(?:at least|more than|about|nearly|over|some|up to|an estimated|approximately|around)\\s+)?$`,
  'i',
);

const stateRowOfWord = (w: string): StateRow | undefined => STATE_WORDS.find((x) => x.w === w.toLowerCase())?.row;
const STATE_NOUN_WORDS = words(STATE_NOUNS.map((x) => x.w));
const STATE_INCLUDES = new RegExp(`\\b(?:the\\s+)?(${STATE_NOUN_WORDS})\\b[^.;:]{0,60}?\\b(?:include|includes|included|including)\\s+(?:[\\d,]+\\s+[a-z]+(?:\\s+and|,)\\s+)*(?:(?:at least|more than|about|nearly|some)\\s+)?$`, 'i');
const STATE_AMONG = new RegExp(`^\\s*(?:of\\s+them\\s+)?among\\s+the\\s+(${STATE_NOUN_WORDS})\\b`, 'i');
const STATE_OF_THE = new RegExp(`^\\s*(?:Of|Among)\\s+(?:the\\s+)?(${STATE_NOUN_WORDS})\\b[^,]{0,20},\\s+(?:(?:at least|more than|about|nearly|some)\\s+)?$`, 'i');
const STATE_NUMBER = new RegExp(`\\bthe\\s+(?:number|count|tally|total)\\s+(?:of\\s+(?:people\\s+)?)?(${words(STATE_WORDS.map((x) => x.w))})\\b[^.;]*$`, 'i');
const PLACE_OF = new RegExp(`\\b(${words(PLACE_NOUNS)}|population)\\s+of\\s+(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|just under|just over|an estimated)\\s+)?$`, 'i');
const VOTE_WORDS = new Map(VOTES.map((row) => [row.id, new RegExp(`\\b(?:${words(row.words)})\\b`, 'i')]));

/** A people noun that narrows a state count ("campers" killed), not people at large ("people", "others"). */
function whoOf(phrase: string): string | undefined {
  const ws = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const head = ws.at(-1);
  if (!head || GENERIC.has(head) || !isPeopleNoun(head)) return undefined;
  return ws.filter((w) => !/^(?:the|a|an|of|more|other|additional|another|young|elderly)$/.test(w)).join(' ') || undefined;
}

function stateReading(c: MeasureContext, row: StateRow, who: string | undefined, rule: string, from = c.next): Reading {
  // "in five other counties": the rest of a place's parts, not a place.
  const others = /\bin\s+(?:(?:\w+)\s+)?other\s+(counties|states|provinces|regions|countries|areas|districts|cities|towns|communities)\b/i.exec(c.after)?.[1];
  // "in his county alone": the one the sentence names ("Kerr County Sheriff ..."), else that kind of place.
  const own = /\bin\s+(?:his|her|its|their|the)\s+(county|city|state|country|province|region|district|town|village)\b/i.exec(c.after)?.[1];
  const named = own ? new RegExp(`\\b((?:[A-Z][\\w’'-]*\\s)+${own.charAt(0).toUpperCase()}${own.slice(1)})\\b`).exec(c.s.text)?.[1] : undefined;
  const scope = placeAfter(c.s.tokens, from, c.s.text) ?? (others ? `other ${others.toLowerCase()}` : undefined) ?? named ?? (own ? own.toLowerCase() : undefined) ?? frontedPlace(c.s.text);
  // "died from suspected carbon monoxide poisoning": a cause makes a part of the count.
  const cause = /^[^,;]{0,40}?\b(?:from|of|due to|by)\s+(?:suspected\s+|apparent\s+)?((?:[a-z]+\s){0,3}(?:poisoning|drowning|fire|fires|heat|hypothermia|electrocution|gunfire|shooting|shootings|stabbing|overdose|overdoses|illness|disease|exposure|injuries|crash|crashes|collapse|landslide|landslides|avalanche))\b/i.exec(c.s.text.slice(c.q.end))?.[1];
  return { rule, measure: measure(row.head, { who, scope, ...(cause ? { modifiers: [cause.toLowerCase()] } : {}) }), kind: 'count', ...(cause ? { label: `${who ? row.of.replace('{who}', who) : row.head} from ${cause.toLowerCase()}` } : {}) };
}

// --- the rows -----------------------------------------------------------------------------------

/** The rule table, in the order rows are tried. */
export const MEASURE_RULES: readonly MeasureRule[] = [
  {
    // "That figure dropped to 38 per 100,000": the measure of the sentence before.
    id: 'measure.anaphor',
    read: (c) => {
      const prior = c.carried;
      if (!prior || !/\b(?:that|this|the same)\s+(?:figure|number|rate|level|total|count|tally)\b/i.test(c.before) || /\b(?:rate|figure|number|total)\s+of\b/i.test(c.before)) return undefined;
      return (prior.kind === 'rate') === (c.q.kind === 'rate') ? { ...prior, rule: 'measure.anaphor' } : undefined;
    },
  },
  {
    // "94 fatalities, up from 87", "an increase from 43 deaths": a baseline measures what the value before it does.
    id: 'measure.baseline',
    read: (c) => (c.previous && /\b(?:up|down)\s+from\s+(?:(?:about|nearly|some|more than|at least)\s+)?$/i.test(c.before) ? { ...c.previous, rule: 'measure.baseline' } : undefined),
  },
  {
    // "rising from 13.7 per 100,000 in 2021 to 46.18 in 2023": the value a change ends at measures what it starts at.
    id: 'measure.from-to',
    read: (c) => (c.previous && /\bfrom\s+[^;]*?\bto\s+(?:(?:a|an|the|about|nearly|some|more than|at least|almost)\s+)?(?:record\s+)?(?:high\s+of\s+|low\s+of\s+)?$/i.test(c.before) && (c.previous.kind ?? c.q.kind) !== 'change' ? { ...c.previous, rule: 'measure.from-to' } : undefined),
  },
  {
    // "33,000 members, including 17,000 in Everett": a part of what the value before counts.
    id: 'measure.including',
    read: (c) => {
      if (!c.previous || !/\b(?:including|of whom|of which|among them)\s+(?:(?:about|nearly|some|more than|at least)\s+)?(?:[\d,]+\s+[a-z]+\s+and\s+)?$/i.test(c.before)) return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const row = STATES.find((x) => x.head === c.previous?.measure.head);
      // "... confirmed dead, including 38 adults and 21 children": which people a state count holds.
      if (np && row && isPeopleNoun(np.head.toLowerCase())) return { rule: 'measure.including', measure: { ...c.previous.measure, who: whoOf([...np.modifiers, np.head].join(' ')) }, kind: 'count' };
      if (np) return undefined;
      const scope = placeAfter(c.s.tokens, c.next, c.s.text);
      if (scope) return { ...c.previous, rule: 'measure.including', measure: { ...c.previous.measure, scope }, label: c.previous.label?.replace(/ in .*$/, '') };
      // "At least 237 have been rescued, including 167 by helicopter".
      const by = /^\s*(by|via|in|on)\s+((?:[a-z-]+\s?){1,3})/i.exec(c.after);
      if (!by?.[2]) return undefined;
      const how = `${(by[1] ?? '').toLowerCase()} ${by[2].trim().toLowerCase()}`;
      return { ...c.previous, rule: 'measure.including', measure: { ...c.previous.measure, modifiers: [...c.previous.measure.modifiers, how] }, label: `${labelOfPrevious(c.previous)} ${how}` };
    },
  },
  {
    // "€1.6 billion ($1.8 billion)", "roughly 14% (€575 million)": the same measure in another unit.
    id: 'measure.conversion',
    read: (c) => (c.previous && /\(\s*$/.test(c.before) ? { ...c.previous, rule: 'measure.conversion', kind: c.q.kind === c.previous.kind ? c.previous.kind : c.q.kind } : undefined),
  },
  {
    // "called out at least nine times to carbon monoxide emergencies": how often something happened.
    id: 'measure.times',
    read: (c) => {
      if (c.q.kind !== 'count' || !/^\s*times\b/i.test(c.s.text.slice(c.n.end))) return undefined;
      const v = verbBefore(c, 5);
      if (!v) return undefined;
      const particle = tokenAt(c, v.index + 1)?.pos === 'ADP' && tokenAt(c, v.index + 1)?.lower === 'out' ? ' out' : '';
      const at = c.s.tokens.findIndex((t) => t.start >= c.n.end + (/^\s*times/i.exec(c.s.text.slice(c.n.end))?.[0].length ?? 0));
      const to = /^(?:to|for|over|on)$/.test(tokenAt(c, at)?.lower ?? '') ? phraseAt(c.s.tokens, at + 1, c.titleCase) : undefined;
      const label = `times ${v.token.lower}${particle}${to ? ` ${tokenAt(c, at)?.lower ?? ''} ${phraseLabel(to)}` : ''}`;
      return { rule: 'measure.times', measure: measure('time', { modifiers: [v.token.lemma, ...(to ? [to.lemma] : [])] }), kind: 'count', label };
    },
  },
  {
    // "46.18 per 100,000 people", "13.7 murders per 100,000", "the homicide rate ... 38 per 100,000".
    id: 'measure.rate',
    read: (c) => {
      if (c.q.kind !== 'rate') return undefined;
      // What the rate counts is its head ("homicide", "murder"), so "homicide rate" and "13.7 murders per 100,000" are one measure.
      const rate = (words: string[], rule = 'measure.rate'): Reading => {
        const head = singular(words.at(-1) ?? 'rate');
        return { rule, measure: measure(head, { modifiers: ['rate', ...words.slice(0, -1)] }), kind: 'rate', label: `${[...words.slice(0, -1), head].join(' ')} rate` };
      };
      const named = namedRate(c.s.tokens);
      if (named) return rate(named);
      const counted = /^\s*((?:[a-z]+\s+){0,2}?)per\b/i.exec(c.s.text.slice(c.n.end))?.[1]?.trim().toLowerCase();
      if (counted && !GENERIC.has(counted)) return rate(counted.split(/\s+/));
      const subject = /^\s*([A-Z][a-z]+)\s/.exec(c.s.text)?.[1];
      if (subject && /s$/.test(subject)) return rate([subject.toLowerCase()]);
      const prior = c.previous ?? c.carried;
      return prior?.kind === 'rate' ? { ...prior, rule: 'measure.rate' } : undefined;
    },
  },
  {
    // "59% of members approved", "voted by 59% to accept", "64% voted against", "three-quarters of the members voted".
    id: 'measure.vote',
    read: (c) => {
      if (c.q.kind !== 'share') return undefined;
      const by = /\b(approved|backed|endorsed|supported|ratified|rejected|opposed)\s+by\s+(?:(?:more than|nearly|almost|about|some|just over|over)\s+)?$/i.exec(c.before);
      if (!VOTE_CONTEXT.test(c.s.text) && !by) return undefined;
      if (/^\s*of\s+the\s+(?:popular\s+)?vote\b/i.test(c.after)) return { rule: 'measure.vote', measure: measure('vote share'), label: 'vote share' };
      // "a 38% wage increase" in a sentence about a vote is still a wage increase; "60.6% voting no" is the vote.
      const after = phraseAt(c.s.tokens, c.next, c.titleCase);
      if (after && !VOTE_CONTEXT.test(after.head)) return undefined;
      const own = (c.before.split(/[;,—–(]|\b(?:which|that)\b/).at(-1) ?? '').slice(-80);
      const says = (text: string): (typeof VOTES)[number] | undefined => VOTES.find((row) => VOTE_WORDS.get(row.id)?.test(text));
      const row = says(`${own} ${clauseAfter(c).slice(0, 120)}`) ?? (c.s.text.length < 120 ? says(c.s.text) : undefined);
      if (!row) return undefined;
      // "Voters reject the plan, 60.6% to 39.4%": the second share went the other way.
      const other = VOTES.find((r) => r.id === (row.id === 'vote.for' ? 'vote.against' : 'vote.for'));
      if (other && row.id !== 'vote.turnout' && /\d%?\s+to\s+$/i.test(c.before) && c.previous?.rule === row.id) return { rule: other.id, measure: measure(other.label), label: other.label };
      return { rule: row.id, measure: measure(row.label), label: row.label };
    },
  },
  {
    // "a magnitude 6.8 earthquake", "a 6.8-magnitude quake": an earthquake's magnitude.
    id: 'measure.magnitude',
    read: (c) => (/\bmagnitude[\s-]*$/i.test(c.before) || /^[\s-]*magnitude\b/i.test(c.s.text.slice(c.n.end)) ? { rule: 'measure.magnitude', measure: measure('magnitude'), kind: 'quantity', label: 'magnitude', unit: { id: 'magnitude', dimension: 'magnitude', toBase: 1, label: 'magnitude' } } : undefined),
  },
  {
    // "a town of less than 1,500", "a country of 18 million", "the Iberian Peninsula, with about 60 million people".
    id: 'measure.population',
    read: (c) => {
      if (c.q.kind !== 'count' && c.q.kind !== 'quantity') return undefined;
      const of = PLACE_OF.exec(c.before);
      // "On the Iberian Peninsula, with about 60 million people": a place, then its people; not "with 320 people injured".
      const home = /[A-Z][\w’'-]*,\s+(?:with|home to)\s+(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|an estimated)\s+)?$/.test(c.before) && /^\s*(?:people|inhabitants|residents|citizens)\b(?!\s+(?:were|are|was|have|had)?\s*(?:killed|injured|dead|missing|hurt|affected|evacuated|displaced|stranded))/i.test(c.after);
      if (!of && !home) return undefined;
      // Whose: the place named just before ("Taboadela, a town of 1,500"; "On the Iberian Peninsula, with 60 million people"), else the kind of place.
      const named = /((?:[A-Z][\w’'-]+\s?){1,3}),\s+(?:a|an|the)?\s*(?:[a-z-]+\s+){0,3}$/.exec(c.before.slice(0, of?.index ?? c.before.length))?.[1]?.trim();
      const where = named ?? (of?.[1] && of[1].toLowerCase() !== 'population' ? of[1].toLowerCase() : undefined);
      return { rule: 'measure.population', measure: measure('population', { scope: where }), kind: 'count', label: where ? `population of ${where}` : 'population' };
    },
  },
  {
    // "killing at least 120", "claimed the lives of 27 young girls".
    id: 'state.verb-before',
    read: (c) => {
      const m = STATE_VERB_BEFORE.exec(c.before);
      const row = m?.[1] ? STATE_VERBS.find((x) => x.w === m[1]?.toLowerCase())?.row : undefined;
      if (!row || c.q.kind !== 'count') return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      return stateReading(c, row, np ? whoOf([...np.modifiers, np.head].join(' ')) : undefined, row.id, np?.next ?? c.next);
    },
  },
  {
    // "The dead include 40 adults and 28 children", "at least 30 among the dead", "Of the fatalities so far, 68 have occurred in Kerr County".
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
      const who = np ? whoOf([...np.modifiers, np.head].join(' ')) : subject && /^(?:VERB|AUX)$/.test(c.s.tokens[subject.next]?.pos ?? '') ? whoOf(subject.head) : undefined;
      return stateReading(c, row, who, `${row.id}.among`, np?.next ?? c.next);
    },
  },
  {
    // "82 people are dead", "161 remain missing in Kerr County", "Eleven people from the camp remain unaccounted for", "109 dead".
    id: 'state.after',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const t = c.s.tokens;
      const np = phraseAt(t, c.next, c.titleCase);
      if (np && !isPeopleNoun(np.head.toLowerCase())) return undefined;
      let k = np ? np.next : c.next;
      for (let steps = 0; k < t.length && steps < 12; k++, steps++) {
        const x = t[k];
        if (!x || (x.pos === 'PUNCT' && x.text !== '-') || x.lower === 'and' || x.lower === 'but') return undefined;
        const two = `${x.lower} ${t[k + 1]?.lower ?? ''}`;
        const row = stateRowOfWord(two) ?? stateRowOfWord(x.lower);
        if (row) return stateReading(c, row, np ? whoOf([...np.modifiers, np.head].join(' ')) : undefined, row.id, k + 1);
        // Between them only a place or group ("from the camp"), verbs of being and reporting.
        if (x.pos === 'VERB' && !/^(?:remain|remains|remained|confirmed|reported|believed|known|feared|presumed|listed|been|being|left|found)$/.test(x.lower)) return undefined;
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
      const row = m?.[1] ? stateRowOfWord(m[1]) : undefined;
      if (!row) return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const at = c.s.tokens.findIndex((t) => t.start >= (m?.index ?? 0) + (c.before.length - clauseBefore(c).length));
      return stateReading(c, row, np ? whoOf([...np.modifiers, np.head].join(' ')) : undefined, `${row.id}.number`, at + 3);
    },
  },
  {
    // "the death toll rose to 25", "the toll in Kerr County has reached at least 111", "a death toll of 82".
    id: 'state.toll',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const m = TOLL_BEFORE.exec(clauseBefore(c));
      const row = m?.[1] ? STATE_NOUN.get(m[1].toLowerCase()) : undefined;
      if (!m || !row) return undefined;
      const toll = c.s.tokens.findIndex((t) => t.start >= m.index + (c.before.length - clauseBefore(c).length) + (m[0].length - m[0].trimStart().length));
      const scope = placeAfter(c.s.tokens, toll + (m[1]?.split(' ').length ?? 1), c.s.text, 3);
      return { rule: `${row.id}.toll`, measure: measure(row.head, { scope: scope ?? placeAfter(c.s.tokens, c.next, c.s.text) ?? frontedPlace(c.s.text) }), kind: 'count' };
    },
  },
  {
    // "94 confirmed fatalities in Kerr County", "731 deaths", "15 injuries".
    id: 'state.noun-after',
    read: (c) => {
      if (c.q.kind !== 'count') return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      const row = np ? STATE_NOUN.get(np.head.toLowerCase()) ?? STATE_NOUN.get(`${np.modifiers.at(-1) ?? ''} ${np.head.toLowerCase()}`) : undefined;
      return row && np ? stateReading(c, row, undefined, `${row.id}.noun`, np.next) : undefined;
    },
  },
  {
    // "the first strike in 16 years", "the costliest strike in more than 25 years".
    id: 'measure.since-last',
    read: (c) => {
      if (c.q.unit.dimension !== 'time') return undefined;
      const m = SINCE_LAST.exec(c.before);
      if (!m) return undefined;
      const what = (m[2] ?? '').trim().toLowerCase();
      const head = what ? singular(what.split(' ').at(-1) ?? what) : 'record';
      return { rule: 'measure.since-last', measure: measure(head, { modifiers: ['since'] }), kind: 'quantity', label: `years since a ${(m[1] ?? '').toLowerCase()} ${what || 'one'}`.replace(/\s+/g, ' ') };
    },
  },
  {
    // "65 miles north of San Antonio", "about 300 km from the capital": a distance, and from where.
    id: 'measure.distance',
    read: (c) => {
      if (c.q.unit.dimension !== 'length') return undefined;
      const m = /^\s*((?:north|south|east|west)(?:[-\s]?(?:north|south|east|west))?(?:east|west)?|away|outside|from)\s+(?:of\s+|from\s+)?(?:the\s+)?((?:[A-Z][\w’'-]*\s?){1,4})/.exec(c.after);
      if (!m?.[2]) return undefined;
      const where = m[2].trim();
      const dir = /^(?:away|outside|from)$/i.test(m[1] ?? '') ? 'from' : `${(m[1] ?? '').toLowerCase()} of`;
      return { rule: 'measure.distance', measure: measure('distance', { modifiers: [dir], scope: where }), kind: 'quantity', label: `distance ${dir} ${where}` };
    },
  },
  {
    // "a ratification bonus of $12,000", "a crest of more than 39 feet", "losses of $2 billion".
    id: 'measure.of-before',
    read: (c) => {
      if (!/\bof\s+(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|up to|at least|an estimated|as much as|approximately)\s+)?$/i.test(c.before)) return undefined;
      const after = phraseAt(c.s.tokens, c.q.kind === 'quantity' && tokenAt(c, c.next)?.lower === 'of' ? c.next + 1 : c.next, c.titleCase);
      if (after && !GENERIC.has(after.lemma) && c.q.kind !== 'money') return undefined;
      const of = c.s.tokens.findLastIndex((t) => t.end <= c.n.start && t.lower === 'of');
      const np = phraseEndingAt(c.s.tokens, of - 1, c.titleCase);
      if (!np || GENERIC.has(np.lemma) || COUNT_NOUNS.includes(np.lemma)) return undefined;
      const row = STATE_NOUN.get(np.head.toLowerCase());
      if (row) return stateReading(c, row, undefined, `${row.id}.of`);
      return { rule: 'measure.of-before', measure: fromPhrase(np, placeAfter(c.s.tokens, c.next, c.s.text)), label: phraseLabel(np) };
    },
  },
  {
    // "the industrial sector accounting for roughly 14%", "... and the service sector for about 12%".
    id: 'measure.share-verb',
    read: (c) => {
      if (c.q.kind !== 'share') return undefined;
      const m = SHARE_VERBS.exec(c.before) ?? (SHARE_VERBS.source && /\baccount(?:s|ed|ing)?\s+for\b/i.test(c.before) ? /\s+for\s+(?:(?:approximately|about|around|roughly|nearly|almost|over|more than|less than|some|just)\s+)?$/i.exec(c.before) : null);
      if (!m) return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= m.index + (m[0].length - m[0].trimStart().length));
      const np = headBefore(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma)) return undefined;
      return { rule: 'measure.share-verb', measure: fromPhrase(np, np.scope), kind: 'share', label: `${phraseLabel(np)} share` };
    },
  },
  {
    // "60% of its national demand", "10% of Boeing's global workforce", "half of the residents".
    id: 'measure.share-of',
    read: (c) => {
      if (c.q.kind !== 'share') return undefined;
      const partOf = /^\s*of\s/i.test(c.after);
      if (!partOf && !(c.n.fraction && /\b(?:in|out of)\b/.test(c.n.text))) return undefined;
      let i = partOf ? c.next + 1 : c.next;
      while (tokenAt(c, i) && (/^(?:DET|PRON)$/.test(tokenAt(c, i)?.pos ?? '') || tokenAt(c, i)?.text === '’s' || tokenAt(c, i)?.text === "'s" || (tokenAt(c, i)?.pos === 'PROPN' && /^(?:’s|'s)$/.test(tokenAt(c, i + 1)?.text ?? '')))) i++;
      const np = phraseAt(c.s.tokens, i, c.titleCase);
      if (!np) return undefined;
      const done = predicateAfter(c.s.tokens, np.next);
      return { rule: 'measure.share-of', measure: { ...fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), ...(done ? { modifiers: [...np.modifiers, done] } : {}) }, kind: 'share', label: `share of ${[...np.modifiers, np.head.toLowerCase()].join(' ')}${done ? ` ${done}` : ''}` };
    },
  },
  {
    // "a 38% wage increase", "a $12,000 ratification bonus", "a 52-day strike", "a 1.9% rise".
    id: 'measure.compound',
    read: (c) => {
      if (c.q.kind === 'count' || c.q.kind === 'rate') return undefined;
      const np = phraseAt(c.s.tokens, c.next, c.titleCase, 4);
      if (!np || GENERIC.has(np.lemma) || (tokenAt(c, c.next)?.pos === 'VERB' && np.at !== c.next)) return undefined;
      const change = changeOfNoun([...np.modifiers, np.head.toLowerCase()].join(' '));
      if (c.q.kind === 'share' && change) {
        // "a 38% wage increase" measures a change in wages, as "raise wages 38%" does: the word before the change is what changed.
        const changed = np.modifiers.at(-1);
        if (changed && !CHANGE_NOUN.has(changed)) return { rule: 'measure.compound.change', measure: { head: singular(changed), modifiers: np.modifiers.slice(0, -1), direction: change }, kind: 'change', label: phraseLabel(np) };
        const what = c.previous?.measure.head ?? thingChanged(c, np.next);
        return { rule: 'measure.compound.change', measure: { ...fromPhrase(np), direction: change, ...(what ? { head: what, modifiers: [] } : {}) }, kind: 'change', label: what ? `${np.head.toLowerCase()} in ${what}` : phraseLabel(np) };
      }
      if (c.q.unit.dimension === 'time') return { rule: 'measure.compound.duration', measure: fromPhrase(np), kind: 'quantity', label: `${[...np.modifiers, np.head.toLowerCase()].join(' ')} length` };
      if (c.q.kind === 'money' || c.q.kind === 'quantity') return { rule: 'measure.compound', measure: fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), label: phraseLabel(np) };
      return undefined;
    },
  },
  {
    // "€1.6bn in damages", "$600 million in combined wages", "$100 million a day in revenue".
    id: 'measure.money-in',
    read: (c) => {
      if (c.q.kind !== 'money') return undefined;
      const m = /^\s*(?:(?:a|per)\s+(?:day|week|month|year)\s+)?in\s+/i.exec(c.after);
      if (!m) return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= c.q.end + m[0].length);
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      return np && !GENERIC.has(np.lemma) ? { rule: 'measure.money-in', measure: fromPhrase(np), label: phraseLabel(np) } : undefined;
    },
  },
  {
    // "have received $250 per week from a strike fund": payments and where they come from.
    id: 'measure.money-from',
    read: (c) => {
      if (c.q.kind !== 'money') return undefined;
      const m = /^\s*from\s+(?:a|an|the|its|their)\s+/i.exec(c.after);
      const v = verbBefore(c, 3);
      if (!m || !v || !/^(?:receive|get|pay|earn|draw|collect|give)$/.test(v.token.lemma)) return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= c.q.end + m[0].length);
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      return np ? { rule: 'measure.money-from', measure: measure('payment', { modifiers: [np.lemma] }), label: `payments from ${phraseLabel(np)}` } : undefined;
    },
  },
  {
    // "Boeing shares rose by 1.9%", "crime reduced by 16%", "Shares of Boeing have plummeted 40%", "the river swelled 26 feet".
    id: 'measure.change-verb',
    read: (c) => {
      if (c.q.kind === 'count' || c.q.kind === 'rate' || /\bto\s+(?:\S+\s+){0,2}$/i.test(c.before.slice(-14))) return undefined;
      // Headlines drop the verb's form: "Homicides in Ecuador rise 40.36%" tags "rise" a noun.
      const bare = tokenAt(c, c.prev);
      const v = verbBefore(c, 6) ?? (bare && CHANGE_VERB.has(bare.lower) && bare.pos === 'NOUN' && c.q.kind === 'share' ? { token: bare, index: c.prev } : undefined);
      const particle = v ? tokenAt(c, v.index + 1)?.lower : undefined;
      const direction = v ? changeOfVerb(v.token.lower) ?? (/^(?:shot|went|go|goes|came|spiked)$/.test(v.token.lower) && (particle === 'up' || particle === 'down') ? (particle === 'up' ? 'up' : 'down') : undefined) : undefined;
      if (!v || !direction) return undefined;
      const object = phraseAt(c.s.tokens, v.index + 1, c.titleCase);
      const transitive = object && object.next <= c.prev + 1 && !GENERIC.has(object.lemma) ? object : undefined;
      const subject: (NounPhrase & { scope?: string | undefined }) | undefined = transitive ?? subjectBefore(c.s.tokens, v.index, c.titleCase);
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      const label = `${direction === 'up' ? 'rise' : 'fall'} in ${[...subject.modifiers, subject.head.toLowerCase()].join(' ')}`;
      return { rule: 'measure.change-verb', measure: { ...fromPhrase(subject, subject.scope), direction }, kind: c.q.kind === 'share' ? 'change' : c.q.kind, label };
    },
  },
  {
    // "the toll rose to 25", "unemployment rose to 7.5%", "revenue fell 23% to $2.1 billion", "deaths pass 100".
    id: 'measure.level',
    read: (c) => {
      const v = verbBefore(c, 10, LEVEL_VERBS);
      if (!v || (v.token.pos !== 'VERB' && v.token.pos !== 'AUX')) return undefined;
      // "plans to cut about 17,000 jobs": the noun after the number says what it counts.
      const after = phraseAt(c.s.tokens, c.next, c.titleCase);
      if (c.q.kind === 'count' && after && !GENERIC.has(after.lemma)) return undefined;
      // "raise machinists' average annual pay to $119,309", "puts Boeing's losses through last week at $6.5 billion".
      let k = v.index + 1;
      while (tokenAt(c, k) && (tokenAt(c, k)?.pos === 'PROPN' || /^(?:’s|'s|’|')$/.test(tokenAt(c, k)?.text ?? '') || tokenAt(c, k)?.pos === 'DET')) k++;
      const object = k < c.prev ? phraseAt(c.s.tokens, k, c.titleCase) : undefined;
      // ", reaching 29.45 feet": a participle after a comma says more of the sentence's subject.
      const mainVerb = c.s.tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const participle = tokenAt(c, v.index - 1)?.text === ',' && /ing$/.test(v.token.lower) && mainVerb > 0 ? headBefore(c.s.tokens, mainVerb, c.titleCase) : undefined;
      const subject: (NounPhrase & { scope?: string | undefined }) | undefined = object && !GENERIC.has(object.lemma) ? object : participle ?? subjectBefore(c.s.tokens, v.index, c.titleCase);
      // "is currently $75,608 and will rise to $119,309": the same measure as the value before.
      if ((!subject || GENERIC.has(subject.lemma)) && c.previous && /\b(?:to|at)\s+(?:(?:about|nearly|some|more than|at least|almost|around)\s+)?$/i.test(c.before)) return { ...c.previous, rule: 'measure.level', kind: c.previous.kind };
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      const row = STATE_NOUN.get(subject.head.toLowerCase()) ?? STATE_NOUN.get(`${subject.modifiers.at(-1) ?? ''} ${subject.head.toLowerCase()}`);
      if (row && c.q.kind === 'count') return stateReading(c, row, undefined, `${row.id}.level`);
      return { rule: 'measure.level', measure: fromPhrase(subject, subject.scope ?? placeAfter(c.s.tokens, c.next, c.s.text)), kind: c.q.kind === 'share' || c.q.kind === 'money' ? 'level' : c.q.kind, label: phraseLabel(subject) };
    },
  },
  {
    // "344 of 6,000 flights were canceled": the part counts what the whole counts.
    id: 'measure.partitive',
    read: (c) => {
      const m = /^\s*(?:out\s+)?of\s+(?:the\s+)?(?:[\d,.]+(?:\s+(?:thousand|million|billion))?|[a-z]+)\s+/i.exec(c.after);
      if (!m || c.q.kind !== 'count') return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= c.q.end + m[0].length);
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma)) return undefined;
      const done = predicateAfter(c.s.tokens, np.next);
      return { rule: 'measure.partitive', measure: { ...fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), ...(done ? { modifiers: [...np.modifiers, done] } : {}) }, kind: 'count', label: phraseLabel(np, done) };
    },
  },
  {
    // "33,000 union members", "six tons of cocaine", "15 gigawatts of power", "35,000 passengers trapped".
    id: 'measure.noun-after',
    read: (c) => {
      let at = c.next;
      // "six tons of cocaine": after a unit, what it is of.
      if (c.q.kind === 'quantity' && tokenAt(c, at)?.lower === 'of') at++;
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma) || COUNT_NOUNS.includes(np.lemma) || (c.q.kind !== 'count' && c.q.kind !== 'quantity')) return undefined;
      if (c.q.kind === 'quantity' && at === c.next) return undefined;
      const done = predicateAfter(c.s.tokens, np.next);
      const m = fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text));
      return { rule: 'measure.noun-after', measure: done ? { ...m, modifiers: [...m.modifiers, done] } : m, label: phraseLabel(np, done) };
    },
  },
  {
    // "economic damage in Spain amounting to approximately €1.6 billion", "Spain's daily GDP is estimated at over €4 billion", "losses ranging from €2.25 billion".
    id: 'measure.size',
    read: (c) => {
      if (c.q.kind !== 'money' && c.q.kind !== 'quantity' && c.q.kind !== 'count') return undefined;
      const m = SIZE_VERBS.exec(c.before);
      if (!m) return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= m.index);
      const np = headBefore(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma) || COUNT_NOUNS.includes(np.lemma)) return undefined;
      const row = STATE_NOUN.get(np.head.toLowerCase());
      if (row && c.q.kind === 'count') return stateReading(c, row, undefined, `${row.id}.size`);
      return { rule: 'measure.size', measure: fromPhrase(np, np.scope), label: phraseLabel(np) };
    },
  },
  {
    // "the outage that struck on Monday and lasted up to 20 hours", "paralysed the country for more than 10 hours", "attempted CPR for 29 minutes".
    id: 'measure.duration',
    read: (c) => {
      if (c.q.unit.dimension !== 'time') return undefined;
      const lasted = /\b(?:last(?:ed|s|ing)?|went on|continued|persisted)\s+(?:(?:up to|nearly|almost|about|more than|less than|over|some|around|for)\s+)*$/i.test(c.before);
      const spanFor = /\bfor\s+(?:(?:up to|nearly|almost|about|more than|less than|over|some|around|just)\s+)*$/i.test(c.before);
      const v = verbBefore(c, 8);
      if (!v || (!lasted && !spanFor)) return undefined;
      if (lasted) {
        const subject = clauseSubject(c.s.tokens, v.index, c.titleCase);
        return subject && !GENERIC.has(subject.lemma) ? { rule: 'measure.duration', measure: fromPhrase(subject), kind: 'quantity', label: `${phraseLabel(subject)} duration` } : undefined;
      }
      // "for N hours": what was done that long, the verb and its object ("country paralysed", "CPR attempted"), else its subject.
      const object = phraseAt(c.s.tokens, v.index + 1, c.titleCase);
      const what = object && object.next <= c.prev ? object : clauseSubject(c.s.tokens, v.index, c.titleCase);
      if (!what || GENERIC.has(what.lemma)) return undefined;
      return { rule: 'measure.duration', measure: fromPhrase(what), kind: 'quantity', label: `${phraseLabel(what)} ${v.token.lower}` };
    },
  },
  {
    // "invested $81 million", "lost about $5.5 billion", "could cost the economy as much as €1 billion", "lost 15 gigawatts".
    id: 'measure.verb-object',
    read: (c) => {
      if (c.q.kind !== 'money' && c.q.kind !== 'quantity') return undefined;
      const v = verbBefore(c, 6);
      if (v && c.s.tokens.slice(v.index + 1, c.prev + 1).some((t) => t.pos === 'ADP' && !/^(?:than|of|as)$/.test(t.lower))) return undefined;
      if (!v || /^(?:be|have|do|say|tell|include|provide|give|get|make|take|reach|total|estimate|put|see|show|bring|offer|deliver|receive|exceed|top|hit|pass)$/.test(v.token.lemma)) return undefined;
      const noun = NOMINAL_OVERRIDES[v.token.lemma] ?? nominalOf(v.token.lemma);
      if (noun === v.token.lemma && !senseOf(noun)) return undefined;
      return { rule: 'measure.verb-object', measure: measure(singular(noun), { scope: placeAfter(c.s.tokens, c.next, c.s.text) }), label: noun };
    },
  },
  {
    // "an increase in X ... from 24,936 in 2022 to 124,023 in 2024": the next value in a list.
    id: 'measure.list',
    read: (c) => {
      const prior = c.previous;
      if (!prior || prior.kind === 'change') return undefined;
      const bare = /^\s*(?:$|[,.;:)—–]|(?:in|last|this|next|since|during|from|to|on|at|and|or|a|the|per|according)\b)/i.test(c.after);
      return bare && /(?:\b(?:to|and|or|from|then)|,)\s+(?:(?:a|an|the|about|nearly|some|more than|at least|another)\s+)?(?:record\s+)?$/i.test(c.before) ? { ...prior, rule: 'measure.list' } : undefined;
    },
  },
  {
    // "a dramatic increase in undocumented travellers intercepted at the border: from 24,936 in 2022", "the number of migrants ... 124,023".
    id: 'measure.number-of',
    read: (c) => {
      const t = c.s.tokens;
      const at = t.findLastIndex((x, i) => i < c.prev && /^(?:increase|rise|jump|surge|growth|decrease|decline|drop|fall|reduction|number|count|total)s?$/.test(x.lower) && /^(?:in|of)$/.test(t[i + 1]?.lower ?? ''));
      if (at < 0 || t.slice(at, c.prev).some((x) => x.text === ';')) return undefined;
      const np = phraseAt(t, at + 2, c.titleCase);
      if (!np || GENERIC.has(np.lemma)) return undefined;
      const row = STATE_NOUN.get(np.head.toLowerCase());
      if (row && c.q.kind === 'count') return stateReading(c, row, undefined, `${row.id}.number-of`);
      const done = predicateAfter(t, np.next);
      return { rule: 'measure.number-of', measure: fromPhrase(np), kind: c.q.kind === 'share' ? 'share' : 'count', label: phraseLabel(np, done) };
    },
  },
];

/** The words a reading goes by, for a part of it ("rescued" -> "rescued by helicopter"). */
function labelOfPrevious(r: Reading): string {
  const row = STATES.find((x) => x.head === r.measure.head);
  return r.label ?? (row ? (r.measure.who ? row.of.replace('{who}', r.measure.who) : row.head) : [...r.measure.modifiers, r.measure.head].join(' '));
}

/** The measure of a noun phrase: its head's singular, its modifiers, and where. */
function fromPhrase(np: NounPhrase, scope?: string): Measure {
  return measure(np.lemma, { modifiers: np.modifiers, scope });
}

/** A noun phrase as a figure line names it: its words as written, lower case ("union members"). */
const phraseLabel = (np: NounPhrase, extra?: string): string => [...np.modifiers, np.head.toLowerCase(), ...(extra ? [extra] : [])].join(' ');

/** "homicide rate" when the sentence names a rate with nouns before it; not "the rate". */
function namedRate(tokens: Token[]): string[] | undefined {
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

const CHANGE_NOUN = new Map(CHANGES.flatMap((r) => r.nouns.map((w) => [w, r.direction] as const)));
const CHANGE_VERB = new Map(CHANGES.flatMap((r) => r.verbs.map((w) => [w, r.direction] as const)));
/** The direction a change noun phrase gives ("wage increase" -> up), if its last word or words are a change. */
function changeOfNoun(phrase: string): 'up' | 'down' | undefined {
  const ws = phrase.split(' ');
  return CHANGE_NOUN.get(ws.slice(-2).join(' ')) ?? CHANGE_NOUN.get(ws.at(-1) ?? '');
}
const changeOfVerb = (verb: string): 'up' | 'down' | undefined => CHANGE_VERB.get(verb);

/** What a change is in: "an increase in homicides" after the noun. */
function thingChanged(c: MeasureContext, i: number): string | undefined {
  if (tokenAt(c, i)?.lower !== 'in') return undefined;
  const np = phraseAt(c.s.tokens, i + 1, c.titleCase);
  return np ? np.lemma : undefined;
}

/** The verb governing the number: the nearest verb within `reach` tokens before it, skipping bounds and objects. */
function verbBefore(c: MeasureContext, reach: number, only?: readonly string[]): { token: Token; index: number } | undefined {
  for (let k = c.prev; k >= 0 && k >= c.prev - reach; k--) {
    const t = c.s.tokens[k];
    if (!t || /^[,.;:!?()]$/.test(t.text)) return undefined;
    if (t.pos === 'VERB' || (only && only.includes(t.lower))) return !only || only.includes(t.lower) ? { token: t, index: k } : undefined;
  }
  return undefined;
}

/** A participle right after a phrase that says what happened to the things counted ("flights cancelled", "were restored"). */
function predicateAfter(tokens: Token[], i: number): string | undefined {
  let k = i;
  let passive = false;
  while (tokens[k] && /^(?:AUX|ADV|PART)$/.test(tokens[k]?.pos ?? '') && k < i + 3) {
    if (tokens[k]?.pos === 'AUX') passive = true;
    k++;
  }
  const t = tokens[k];
  if (t?.pos !== 'VERB' || !/(?:ed|en|lt|wn)$/.test(t.lower) || /^(?:said|told|added|noted|reported|according)$/.test(t.lower)) return undefined;
  // "flights were canceled", "flights scheduled throughout": said of the things counted; not "machinists ended their strike".
  return passive || /^(?:ADP|PUNCT)$/.test(tokens[k + 1]?.pos ?? 'PUNCT') ? t.lower : undefined;
}

/** Reads what one number measures: the first rule that reads it, or undefined when none does. */
export function readMeasure(c: MeasureContext): Reading | undefined {
  for (const rule of MEASURE_RULES) {
    const r = rule.read(c);
    if (r) return r;
  }
  return undefined;
}

/** The context of a number in a sentence, for the rules. */
export function measureContext(s: Sentence, n: NumberMention, q: Quantity, extra: { previous?: Reading | undefined; carried?: Reading | undefined }): MeasureContext {
  const next = s.tokens.findIndex((t) => t.start >= q.end);
  const prev = s.tokens.findLastIndex((t) => t.end <= n.start);
  return {
    s, n, q, before: s.text.slice(0, n.start), after: s.text.slice(q.end),
    next: next < 0 ? s.tokens.length : next, prev, titleCase: isTitleCase(s.tokens), ...extra,
  };
}
