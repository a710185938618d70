/**
 * The vocabulary of figures, part two: the words of change and level, the heads too generic to
 * measure anything alone, votes, places and synonyms. Part one (units, currencies, bounds, states)
 * is vocabulary.ts; a rule reads both and names no story.
 */
import { anyOf } from '../../text.js';

/** Nouns and verbs of change, with the direction they give ("increase", "fell"). */
export interface ChangeRow {
  id: string;
  direction: 'up' | 'down';
  nouns: readonly string[];
  verbs: readonly string[];
}

/** Changes: "a 40% increase", "rose 1.9%", "a 38% wage increase", "cut by 10%". */
export const CHANGES: readonly ChangeRow[] = [
  {
    id: 'change.up',
    direction: 'up',
    nouns: [
      'increase',
      'increases',
      'rise',
      'rises',
      'jump',
      'surge',
      'growth',
      'gain',
      'gains',
      'hike',
      'raise',
      'raises',
      'boost',
      'spike',
      'uptick',
      'climb',
      'pay rise',
      'pay raise',
      'wage increase',
    ],
    verbs: [
      'rose',
      'rise',
      'rises',
      'rising',
      'risen',
      'increased',
      'increase',
      'increases',
      'increasing',
      'grew',
      'grow',
      'grows',
      'grown',
      'jumped',
      'jumps',
      'climbed',
      'climbs',
      'surged',
      'surges',
      'soared',
      'soars',
      'gained',
      'gains',
      'swelled',
      'swell',
      'doubled',
      'tripled',
      'went up',
      'up',
      'raise',
      'raised',
      'raises',
      'raising',
      'boost',
      'boosted',
      'boosts',
      'lift',
      'lifted',
      'lifts',
      'hiked',
      'hike',
      'rallied',
      'rallying',
      'soaring',
      'surging',
      'jumping',
      'climbing',
      'gaining',
      'spiked',
      'skyrocketed',
    ],
  },
  {
    id: 'change.down',
    direction: 'down',
    nouns: ['decrease', 'decline', 'drop', 'fall', 'reduction', 'cut', 'cuts', 'loss', 'slump', 'plunge', 'dip', 'contraction', 'downturn'],
    verbs: [
      'fell',
      'fall',
      'falls',
      'falling',
      'fallen',
      'dropped',
      'drops',
      'declined',
      'declines',
      'decreased',
      'decreases',
      'reduced',
      'cut',
      'slumped',
      'plunged',
      'plummeted',
      'plummets',
      'shrank',
      'contracted',
      'dipped',
      'slid',
      'tumbled',
      'sank',
      'down',
      'reduce',
      'reduced',
      'reduces',
      'lowered',
      'lower',
      'slashed',
      'slash',
      'cuts',
      'trimmed',
      'dove',
      'dived',
      'tumbling',
      'plunging',
      'plummeting',
      'sliding',
      'sinking',
      'slumping',
      'dropping',
      'declining',
      'tanked',
    ],
  },
];

/** Verbs after which a number is the new level of what changed ("rose to 25", "stood at 38"). */
export const LEVEL_VERBS: readonly string[] = [
  'rose',
  'rise',
  'rises',
  'risen',
  'climbed',
  'climbs',
  'increased',
  'grew',
  'jumped',
  'surged',
  'soared',
  'fell',
  'falls',
  'dropped',
  'declined',
  'decreased',
  'reached',
  'reaches',
  'hit',
  'hits',
  'stood',
  'stands',
  'stand',
  'totalled',
  'totaled',
  'totals',
  'topped',
  'passed',
  'exceeded',
  'surpassed',
  // After a modal: "the toll could top 10,000", "may exceed 5,000".
  'exceed',
  'surpass',
  'top',
  'rising',
  'climbing',
  'bringing',
  'brought',
  'raising',
  'lifting',
  'pushing',
  'put',
  'puts',
  // "estimates total economic losses at $50 billion", "pegged the damage at".
  'estimates',
  'estimated',
  'pegged',
  'pegs',
  'reaching',
  'declining',
  'falling',
  'dropping',
  'increasing',
  'decreasing',
  'growing',
  'jumping',
  'raise',
  'raised',
  'raises',
  'cut',
  'cuts',
  'lifted',
  'lifts',
  'pushed',
  'estimated',
  'estimates',
  'valued',
  'pegged',
];

/** Nouns that count nothing themselves: a figure's measure is found elsewhere ("1,300 people" counts people only when nothing better is said). */
export const GENERIC_HEADS: readonly string[] = [
  'people',
  'person',
  'persons',
  'individual',
  'individuals',
  'others',
  'other',
  'one',
  'ones',
  'more',
  'total',
  'number',
  'figure',
  'amount',
  'sum',
  'times',
  'time',
  'cases',
  'case',
  'units',
  'unit',
  'items',
  'item',
  'percent',
  'percentage',
  'per cent',
  'level',
  'count',
  'tally',
  'rest',
];

/** Words for "the number of": the measure is the noun after "of". */
export const COUNT_NOUNS: readonly string[] = [
  'number',
  'total',
  'count',
  'tally',
  'amount',
  'sum',
  'figure',
  'level',
  'share',
  'proportion',
  'percentage',
  'rate',
];

/** A vote, as ballots, ratifications and referendums are reported: which way a share of votes went. */
export interface VoteRow {
  id: string;
  /** How a figure line names the measure. */
  label: string;
  /** Lower-case words or phrases that say which way, read in the number's clause. */
  words: readonly string[];
}

/** Words that make a sentence about a vote. */
export const VOTE_CONTEXT = /\b(?:vot(?:e|ed|es|ing|ers?)|ballots?|referendum|plebiscite|electorate|polls?|ratif(?:y|ied|ication))\b/i;

/** Ordered: a share that "cast ballots" and "approved" counts approval, not turnout. */
export const VOTES: readonly VoteRow[] = [
  {
    id: 'vote.for',
    label: 'votes in favour',
    words: [
      'approve',
      'approved',
      'approving',
      'accept',
      'accepted',
      'endorse',
      'endorsed',
      'back',
      'backed',
      'ratify',
      'ratified',
      'in favour',
      'in favor',
      'supported',
      'voted yes',
      'voting yes',
      'vote yes',
      'said yes',
    ],
  },
  {
    id: 'vote.against',
    label: 'votes against',
    words: ['reject', 'rejected', 'rejecting', 'against', 'voted down', 'opposed', 'voted no', 'voting no', 'vote no', 'said no'],
  },
  { id: 'vote.turnout', label: 'turnout', words: ['voted', 'cast ballots', 'cast their ballots', 'turned out', 'took part'] },
];

/** Nouns for a place whose number is its population ("a town of 1,500", "a country of 18 million"). */
export const PLACE_NOUNS: readonly string[] = [
  'country',
  'nation',
  'city',
  'town',
  'village',
  'state',
  'region',
  'island',
  'province',
  'municipality',
  'community',
  'district',
  'county',
  'metropolis',
  'capital',
];

/** Nouns a verb's act is better called by than WordNet's first derivation ("lost" -> "losses"). */
export const NOMINAL_OVERRIDES: Readonly<Record<string, string>> = {
  lose: 'losses',
  cut: 'cuts',
  pay: 'payment',
  cost: 'cost',
  raise: 'raise',
  owe: 'debt',
  damage: 'damage',
};

/** Superlatives and firsts: "first", "costliest", "most severe". */
const SUPERLATIVES = /first|largest|biggest|longest|worst|costliest|deadliest|highest|lowest|strongest|heaviest|most\s+\w+/.source;
/** Words before a number that mark a superlative gap: "the first strike in 16 years", "the costliest in more than 25 years". */
export const SINCE_LAST = new RegExp(
  String.raw`\b(${SUPERLATIVES})\s+(?:([a-z]+(?:\s(?!in\b|since\b)[a-z]+)?)\s+)?(?:[a-z\s]{0,40}?)` +
    String.raw`\b(?:in|since)\s+(?:more than\s+|over\s+|nearly\s+|almost\s+|about\s+)?$`,
  'i',
);

/**
 * Words the same measure goes by in news copy, beyond what WordNet joins: an event's economic cost
 * is reported as its cost, damage, losses or impact; Britain's currency as sterling or the pound.
 */
export const SYNONYMS: readonly { id: string; head: string; words: readonly string[] }[] = [
  { id: 'synonym.cost', head: 'cost', words: ['cost', 'costs', 'damage', 'damages', 'loss', 'losses', 'impact', 'bill', 'price tag', 'hit'] },
  { id: 'synonym.population', head: 'population', words: ['population', 'inhabitants', 'residents', 'people'] },
  { id: 'synonym.job', head: 'job', words: ['job', 'jobs', 'position', 'positions', 'role', 'roles', 'post', 'posts'] },
  { id: 'synonym.workforce', head: 'workforce', words: ['workforce', 'staff', 'employees', 'personnel', 'headcount'] },
  // Britain's currency as markets report it: "sterling fell 0.7%", "the pound fell 0.75%".
  { id: 'synonym.sterling', head: 'sterling', words: ['sterling', 'pound', 'pound sterling', 'british pound'] },
];

/** Bounds said before a size or a share: "approximately", "more than", "an estimated". */
const BOUND_WORDS = /approximately|about|around|roughly|nearly|almost|over|more than|less than|up to|at least|some|an estimated/;
/** Verbs and phrases of size: "amounting to", "valued at", "was". */
const SIZE_WORDS = [
  /amount(?:s|ed|ing)?\s+to|total(?:s|led|ed|ling|ing)?|ranging\s+from|rang(?:e|es|ed)\s+from/,
  /worth|valued\s+at|estimated\s+at|put\s+at|came\s+to|comes\s+to|stood\s+at|stands\s+at/,
  /is|was|are|were|will\s+be|would\s+be|could\s+be|to\s+be|of\s+about/,
];
/** Verbs that give a number as the size of the noun phrase before them ("damage amounting to €1.6 billion", "GDP is estimated at €4 billion"). */
export const SIZE_VERBS = new RegExp(String.raw`\b${anyOf(SIZE_WORDS)}\s+(?:${anyOf([BOUND_WORDS, 'as much as'])}\s+)?$`, 'i');

/** Verbs of share: "accounting for", "makes up", "represents". */
const SHARE_WORDS = [/account(?:s|ed|ing)?\s+for|make(?:s)?\s+up|made\s+up|making\s+up/, /represent(?:s|ed|ing)?|comprise(?:s|d)?|comprising/];
/** Verbs by which a part is a share of a whole ("the industrial sector accounting for roughly 14%"). */
export const SHARE_VERBS = new RegExp(String.raw`\b${anyOf(SHARE_WORDS)}\s+(?:${anyOf([BOUND_WORDS, 'just'])}\s+)?$`, 'i');
