/** Rules for measures a number's kind or a fixed phrase names: rates, votes, magnitudes, populations, distances, "the first in 16 years", "nine times". */
import { isCommonNoun, senseName, senseOf, singular } from '../lexicon.js';
import { CALENDAR, phraseAt } from '../phrase.js';
import { alternation } from '../vocabulary.js';
import { PLACE_NOUNS, SINCE_LAST, VOTE_CONTEXT, VOTES } from '../vocabulary-words.js';
import { clauseAfter, GENERIC, type MeasureContext, type MeasureRule, measure, namedRate, type Reading, verbBefore, phraseLabel, tokenAt } from './tools.js';
import { anyOf } from '../../../text.js';

const PLACE_OF = new RegExp(
  `\\b(${alternation(PLACE_NOUNS)}|population)\\s+of\\s+` +
    `(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|just under|just over|an estimated)\\s+)?$`,
  'i',
);
/** Words for people harmed: "320 people injured" counts casualties, not a population. */
const HARMED = [/killed|injured|dead|missing|hurt/, /affected|evacuated|displaced|stranded/];
/** The people of a place after a number ("60 million people"), unless harm follows ("people were killed"). */
const PEOPLE_AFTER = new RegExp(String.raw`^\s*(?:people|inhabitants|residents|citizens)\b(?!\s+(?:were|are|was|have|had)?\s*${anyOf(HARMED)})`, 'i');
/** A compass direction: "north", "south-east", "northwest". */
const DIRECTION = String.raw`(?:north|south|east|west)(?:[-\s]?(?:north|south|east|west))?(?:east|west)?`;
/**
 * A distance's direction and place after it: "north of San Antonio", "from the capital", past a
 * conversion ("72 km (45 miles) southwest of") and words that describe the place ("of the city of Marrakech").
 */
const DISTANCE_FROM = new RegExp(
  String.raw`^\s*(?:\([^)]{1,30}\)\s*)?(${DIRECTION}|away|outside|from)\s+(?:of\s+|from\s+)?(?:the\s+)?` +
    // Up to two words that describe the place ("the city of", "tourist hotspot"), but no preposition: "the border with Mexico".
    String.raw`(?:(?!(?:with|in|near|at|to|and|or|on|by)\s)[a-z]+\s+){0,2}?(?:of\s+)?((?:[A-Z][\w’'-]*\s?){1,4})`,
);
/** A distance from a thing the story names by a common noun ("five miles north of the airport"), or from where it is told ("2 miles away", "to the south"). */
const DISTANCE_FROM_THING = new RegExp(
  String.raw`^\s*(?:\([^)]{1,30}\)\s*)?(?:(${DIRECTION}|away|outside)\s+(?:of|from)\s+the\s+([a-z]{3,})\b|(away)\b|to\s+the\s+(${DIRECTION})\b)`,
);

/** The reading of a distance from a thing, or from here: the direction, and the thing when named. */
function nearThing(after: string): Reading | undefined {
  const m = DISTANCE_FROM_THING.exec(after);
  if (!m) return undefined;
  const toward = (m[4] ?? m[1] ?? '').toLowerCase().replace(/[-\s]/g, '');
  const dir = !toward || /^(?:away|outside)$/.test(toward) ? 'from' : `${toward} of`;
  const where = m[2] ? `the ${m[2]}` : undefined;
  return {
    rule: 'measure.distance',
    measure: measure('distance', { modifiers: [dir], ...(where ? { scope: where } : {}) }),
    kind: 'quantity',
    label: where ? `distance ${dir} ${where}` : 'distance',
  };
}

/**
 * A candidate's share of the vote: the name the share is "for", else the last name before it in its
 * clause ("Nawrocki won 50.89 percent", "gave Trzaskowski 50.3 per cent"), by surname, so that
 * "Karol Nawrocki" and "Nawrocki" are one candidate.
 */
function voteShare(c: MeasureContext): Reading {
  const clause = c.before.split(/[;,—–(]/).at(-1) ?? '';
  const named =
    /^\s*(?:of\s+the\s+(?:popular\s+|national\s+|total\s+)?vote\s+)?for\s+((?:[A-Z][\w’'-]+\s?){1,3})/.exec(c.after)?.[1] ??
    (RESPECTIVELY.test(c.after) ? respective(c) : namesIn(clause).at(-1));
  // A person by surname ("Karol Nawrocki" is "Nawrocki"); a name that ends in a common noun whole ("Left Party").
  const words =
    named
      ?.trim()
      .replace(/[’']s$/, '')
      .split(/\s+/) ?? [];
  const last = words.at(-1);
  const who = last && words.length > 1 && isCommonNoun(last.toLowerCase()) ? words.join(' ') : last;
  return who
    ? { rule: 'measure.vote', measure: measure('vote share', { scope: who }), label: `vote share for ${who}` }
    : { rule: 'measure.vote', measure: measure('vote share'), label: 'vote share' };
}
/** Capitalised words in a row: a name, when not a dictionary word that opens the clause. */
const NAME_RUN = /(?<=^|\s)(?:[A-Z][\w’'-]+\s?)+/g;
/** The names in a text, in order; a capitalised word opening it is a name only if no dictionary word ("The", "Exit"). */
const namesIn = (text: string): string[] =>
  [...text.matchAll(NAME_RUN)]
    .filter((m) => !CALENDAR.test(m[0].trim().toLowerCase()) && (m.index > 0 || /\s\S/.test(m[0].trim()) || !isCommonWord(m[0].trim().toLowerCase())))
    .map((m) => m[0]);
const RESPECTIVELY = /^(?:[^.;]|\.\d)*\brespectively\b/i;
/** A list of names joined by commas and "and": "The Greens and the Left Party", "Ruiz, Soto and Paz". */
const NAME_LIST = /(?:(?:[Tt]he\s+)?(?:[A-Z][\w’'-]+\s?)+,\s*)*(?:[Tt]he\s+)?(?:[A-Z][\w’'-]+\s?)+,?\s+and\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s?)+/g;
const SHARE = /\d[\d.,]*\s?(?:%|per\s?cent|percent)/g;
/** A run of shares that goes on to the end of a text: where the last clause's shares begin. */
const SHARE_RUN = new RegExp(`${SHARE.source}[^.;]*$`);
/**
 * "The Greens and the Left ... by 11.6% and 8.8% of voters, respectively": the share's place in its
 * run of shares picks its name among as many names before the run.
 */
function respective(c: MeasureContext): string | undefined {
  const run = c.before.search(SHARE_RUN);
  const start = run < 0 ? c.before.length : run;
  const index = (c.before.slice(start).match(SHARE) ?? []).length;
  const count = index + 1 + (c.after.slice(0, c.after.search(/\brespectively\b/i)).match(SHARE) ?? []).length;
  const list = [...c.before.slice(0, start).matchAll(NAME_LIST)].at(-1)?.[0] ?? '';
  const names = list
    .split(/,\s*|\s+and\s+/)
    .map((n) => n.replace(/^the\s+/i, '').trim())
    .filter(Boolean);
  return names.length === count ? names[index] : undefined;
}
const isCommonWord = (w: string): boolean => isCommonNoun(w) || /^(?:the|a|an|one|in|on|at|but|and|with|after|before|while|as|if)$/.test(w);

/** "turnout" shortly before a share, with no other number or clause between: "Turnout at polling stations was". */
const TURNOUT_BEFORE = /\bturnout\b[^.;:!?—–\d%]{0,45}$/i;
/** A sentence about a vote, or about abstaining from one. */
const VOTE_COUNT_CONTEXT = new RegExp(`${VOTE_CONTEXT.source}|\\babstain|\\babstention|\\bmajority\\b`, 'i');
/** A tally's two sides: "5-4", "12–0", "five to four". The first side is for, the second against. */
const TALLY_NEXT = /^\s?(?:[-–]\s?\d{1,2}\b|to\s+(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b(?!\s*(?:%|per|percent)))/i;
const TALLY_END = /(?:\d\s?[-–]\s?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\d{1,2})\s+to\s+)$/i;
/** Up to five words between a count and the way its votes went: "12 member states voted in favour", "13 members of the council voted in favor". */
const VOTED = String.raw`^\s*(?:[\w’'-]+\s+){0,5}?(?:(?:voted|voting|votes?)\s+)?`;
const FOR_AFTER = new RegExp(String.raw`${VOTED}(?:in\s+favou?r|yes)\b`, 'i');
const AGAINST_AFTER = new RegExp(String.raw`${VOTED}(?:against|no)\b(?!\s+(?:one|longer|more))`, 'i');
const ABSTAINED_AFTER = /^\s*(?:[\w’'-]+\s+){0,3}?(?:abstentions?|abstain(?:ed|ing|s)?)\b/i;

/** "times" and what a multiple is of: "five times over its", "four times the", "twice that of". */
const MULTIPLE_OF = /^\s*times\s+(?:over\s+)?(?:the|its|their|his|her|that\s+of)\s+/i;
const VOTE_WORDS = new Map(VOTES.map((row) => [row.id, new RegExp(`\\b(?:${alternation(row.words)})\\b`, 'i')]));

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "$110 a share", "an offer of $110 per share", "earnings of $1.20 a share": money for each share, and what it is.
    id: 'measure.per-share',
    read: (c) => {
      if (!c.q.unit.id.endsWith('/share')) return undefined;
      const what = /\b(offer|price|dividend|earnings|bid|payout|profit|loss)\s+of\s+(?:about\s+|around\s+|nearly\s+)?$/i.exec(c.before)?.[1]?.toLowerCase();
      // "a loss of $1.6 billion, or 38 cents per share": the same measure, per share.
      const same = !what && c.previous && /,\s*or\s+$/i.test(c.before) ? c.previous.measure.head : undefined;
      const head = what ?? same ?? 'price';
      return { rule: 'measure.per-share', measure: measure(head, { modifiers: ['per share'] }), kind: 'money', label: `${head} per share` };
    },
  },
  {
    // "five times over its passenger capacity", "nearly five times the number of passengers it was meant to carry":
    // a multiple of what follows, not how often something happened.
    id: 'measure.multiple-of',
    read: (c) => {
      const m = MULTIPLE_OF.exec(c.s.text.slice(c.n.end));
      if (!m || c.q.kind !== 'count') return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= c.n.end + m[0].length);
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      // "the number of passengers": what is numbered; "the size of its predecessor": the size of what.
      const ofAt = np && /^(?:number|amount|size|level|total)$/.test(np.lemma) && tokenAt(c, np.next)?.lower === 'of' ? np.next + 1 : -1;
      const skip = /^(?:its|their|his|her|our)$/.test(tokenAt(c, ofAt)?.lower ?? '') ? 1 : 0;
      const of = ofAt > 0 ? phraseAt(c.s.tokens, ofAt + skip, c.titleCase) : undefined;
      const what = of ?? np;
      if (!np || !what || GENERIC.has(what.lemma)) return undefined;
      const label = of && np.lemma !== 'number' ? `${phraseLabel(np)} of ${phraseLabel(of)}` : phraseLabel(what);
      return {
        rule: 'measure.multiple-of',
        measure: measure('multiple', { modifiers: of ? [np.lemma, of.lemma] : [np.lemma] }),
        kind: 'multiple',
        label: `multiple of ${label}`,
      };
    },
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
        return {
          rule,
          measure: measure(head, { modifiers: ['rate', ...words.slice(0, -1)] }),
          kind: 'rate',
          label: `${[...words.slice(0, -1), head].join(' ')} rate`,
        };
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
      const by = /\b(approved|backed|endorsed|supported|ratified|rejected|opposed)\s+by\s+(?:(?:more than|nearly|almost|about|some|just over|over)\s+)?$/i.exec(
        c.before,
      );
      if (!VOTE_CONTEXT.test(c.s.text) && !by) return undefined;
      if (/^\s*of\s+the\s+(?:popular\s+|national\s+|total\s+)?vote\b/i.test(c.after)) return voteShare(c);
      // "voted 5-4 to lower the key rate to 5%", "earlier losses of 0.7%": the level a verb reached, or what a noun
      // before "of" measures, in a sentence that also tells of a vote; "a majority of 59%" is still the vote.
      if (/\bto\s+(?:(?:about|nearly|some|around|just)\s+)?$/i.test(c.before) && !/\d%?\s+to\s+$/i.test(c.before)) return undefined;
      const ofWhat = /\b([a-z]+)\s+of\s+(?:(?:about|nearly|some|around|just|over|more than)\s+)?$/i.exec(c.before)?.[1];
      if (ofWhat && !VOTE_CONTEXT.test(ofWhat) && !/^(?:majority|support|share|margin)$/i.test(ofWhat)) return undefined;
      // "a 38% wage increase" in a sentence about a vote is still a wage increase; "60.6% voting no" is the vote.
      const after = phraseAt(c.s.tokens, c.next, c.titleCase);
      if (after && !VOTE_CONTEXT.test(after.head)) return undefined;
      const own = (c.before.split(/[;,—–(]|\b(?:which|that)\b/).at(-1) ?? '').slice(-80);
      // "gave Ruiz 50.3 per cent, against 49.7 percent for Soto", "Ruiz 50.3% against Soto's 49.7%": "against" sets one
      // candidate's share beside another's.
      const beside = /\b(?:against|versus|vs\.?)\s+$/i.test(own) && /^\s*for\s+[A-Z]/.test(c.after);
      const owned = /\b(?:against|versus|vs\.?)\s+[A-Z][\w’'-]*[’']s\s+$/.test(own);
      // The first of the pair: "gave Ruiz 50.3% against Soto's 49.7%", "50.3 per cent, against 49.7 percent".
      const first = /^\s*,?\s*(?:against|versus|vs\.?)\s+(?:[A-Z][\w’'-]*(?:[’']s)?\s+)?\d/.test(c.after);
      const says = (text: string): (typeof VOTES)[number] | undefined => VOTES.find((row) => VOTE_WORDS.get(row.id)?.test(text));
      // Unless the clause says which way on its own: "was rejected by 64% against 36%".
      if ((beside || owned || first) && !says(own.replace(/\b(?:against|versus)\s+(?:[A-Z][\w’'-]*[’']s\s+)?$/i, ''))) return voteShare(c);
      const row = says(`${own} ${clauseAfter(c).slice(0, 120)}`) ?? (c.s.text.length < 120 ? says(c.s.text) : undefined);
      if (!row) return undefined;
      // "they were voted for by 11.6% of voters", "voted for the party": a share for one side, not turnout.
      if (row.id === 'vote.turnout' && /\bvot(?:ed|ing)\s+for\b/i.test(`${own} ${clauseAfter(c).slice(0, 50)}`)) return voteShare(c);
      // "55% of registered voters cast ballots": turnout is said next to its share, not anywhere in the sentence.
      if (row.id === 'vote.turnout' && !says(`${own.slice(-50)} ${clauseAfter(c).slice(0, 50)}`)) return undefined;
      // "Voters reject the plan, 60.6% to 39.4%": the second share went the other way.
      const other = VOTES.find((r) => r.id === (row.id === 'vote.for' ? 'vote.against' : 'vote.for'));
      if (other && row.id !== 'vote.turnout' && /\d%?\s+to\s+$/i.test(c.before) && c.previous?.rule === row.id)
        return { rule: other.id, measure: measure(other.label), label: other.label };
      return { rule: row.id, measure: measure(row.label), label: row.label };
    },
  },
  {
    // "Turnout was 72.8%", "The turnout, at 71.63 percent,", "with turnout hitting 71.7%": the share of voters who voted.
    id: 'measure.turnout',
    read: (c) => (c.q.kind === 'share' && TURNOUT_BEFORE.test(c.before) ? { rule: 'vote.turnout', measure: measure('turnout'), label: 'turnout' } : undefined),
  },
  {
    // "By a vote of 12 in favour", "12 member states voted in favour", "approved by 12 council members",
    // "with three abstentions", "The vote was 12-0": a count of votes cast one way, in a sentence about a vote.
    id: 'measure.vote-count',
    read: (c) => {
      if (c.q.kind !== 'count' || !VOTE_COUNT_CONTEXT.test(c.s.text)) return undefined;
      const after = c.s.text.slice(c.q.end, c.q.end + 80);
      const row = (id: string): Reading | undefined => {
        const r = VOTES.find((x) => x.id === id);
        return r && { rule: `${r.id}.count`, measure: measure(r.label), label: r.label };
      };
      if (ABSTAINED_AFTER.test(after)) return { rule: 'vote.abstain.count', measure: measure('abstentions'), label: 'abstentions' };
      // "voted 5-4", "a majority of five to four": the tally's second side voted against.
      if (c.previous?.rule === 'vote.for.count' && TALLY_END.test(c.before)) return row('vote.against');
      if (TALLY_NEXT.test(c.s.text.slice(c.n.end))) return row('vote.for');
      // The nearer way wins: "12 in favour to none against" are for, "two against and 12 in favour" against.
      const [yes, no] = [FOR_AFTER.exec(after)?.[0].length ?? Infinity, AGAINST_AFTER.exec(after)?.[0].length ?? Infinity];
      if (no < yes) return row('vote.against');
      // "approved by 12 council members": the members who approved.
      const by =
        /\b(?:approved|adopted|backed|endorsed|supported|passed)\s+by\s+(?:all\s+)?$/i.test(c.before) &&
        /^\s*(?:[\w-]+\s+){0,2}?(?:members?|states|countries|nations|votes)\b/i.test(after);
      if (yes < Infinity || by || /^-\s?\d+\b/.test(after)) return row('vote.for');
      return undefined;
    },
  },
  {
    // "a magnitude 6.8 earthquake", "a 6.8-magnitude quake": an earthquake's magnitude.
    id: 'measure.magnitude',
    read: (c) => {
      const after = c.s.text.slice(c.n.end);
      if (!/\bmagnitude[\s-]*$/i.test(c.before) && !/^[\s-]*magnitude\b/i.test(after)) return undefined;
      // "a 6.7-magnitude aftershock", "a magnitude 7.7 quake": what shook, one word for its synonyms ("quake" is "earthquake").
      const word = /^[\s-]*(?:magnitude\s+)?([a-z]+)\b/i.exec(after)?.[1]?.toLowerCase();
      const noun = word && isCommonNoun(word) && !/^(?:magnitude|and|or|on|in|at|struck|hit|was|is)$/.test(word) ? singular(word) : undefined;
      const sense = noun ? senseOf(noun) : undefined;
      const what = noun && (sense ? senseName(sense.sense) : noun);
      return {
        rule: 'measure.magnitude',
        measure: measure('magnitude', what ? { modifiers: [what] } : {}),
        kind: 'quantity',
        label: what ? `${what} magnitude` : 'magnitude',
        unit: { id: 'magnitude', dimension: 'magnitude', toBase: 1, label: 'magnitude' },
      };
    },
  },
  {
    // "a town of less than 1,500", "a country of 18 million", "the Iberian Peninsula, with about 60 million people".
    id: 'measure.population',
    read: (c) => {
      if (c.q.kind !== 'count' && c.q.kind !== 'quantity') return undefined;
      const of = PLACE_OF.exec(c.before);
      // "On the Iberian Peninsula, with about 60 million people": a place, then its people; not "with 320 people injured".
      const home =
        /[A-Z][\w’'-]*,\s+(?:with|home to)\s+(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|an estimated)\s+)?$/.test(c.before) &&
        PEOPLE_AFTER.test(c.after);
      if (!of && !home) return undefined;
      // Whose: the place named just before ("Taboadela, a town of 1,500"; "On the Iberian Peninsula, with 60 million people"), else the kind of place.
      const named = /((?:[A-Z][\w’'-]+\s?){1,3}),\s+(?:a|an|the)?\s*(?:[a-z-]+\s+){0,3}$/.exec(c.before.slice(0, of?.index ?? c.before.length))?.[1]?.trim();
      const where = named ?? (of?.[1] && of[1].toLowerCase() !== 'population' ? of[1].toLowerCase() : undefined);
      return {
        rule: 'measure.population',
        measure: measure('population', { scope: where }),
        kind: 'count',
        label: where ? `population of ${where}` : 'population',
      };
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
      // Its own measure, the time since one of its kind ("strike" narrowed by "since" would read as the strike's length;
      // the first strike in 16 years and the costliest in 25 are two measures).
      return {
        rule: 'measure.since-last',
        measure: measure(`time since ${head}`, { modifiers: [(m[1] ?? '').toLowerCase()] }),
        kind: 'quantity',
        label: `years since a ${(m[1] ?? '').toLowerCase()} ${what || 'one'}`.replace(/\s+/g, ' '),
      };
    },
  },
  {
    // "65 miles north of San Antonio", "about 300 km from the capital": a distance, and from where.
    id: 'measure.distance',
    read: (c) => {
      if (c.q.unit.dimension !== 'length') return undefined;
      const m = DISTANCE_FROM.exec(c.after);
      if (!m?.[2]) return nearThing(c.after);
      const where = m[2].trim();
      // "south-west", "south west" and "southwest" are one direction.
      const dir = /^(?:away|outside|from)$/i.test(m[1] ?? '') ? 'from' : `${(m[1] ?? '').toLowerCase().replace(/[-\s]/g, '')} of`;
      return {
        rule: 'measure.distance',
        measure: measure('distance', { modifiers: [dir], scope: where }),
        kind: 'quantity',
        label: `distance ${dir} ${where}`,
      };
    },
  },
];
