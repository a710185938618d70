/**
 * Rules for counts a named party wins, takes or holds ("the CDU will receive 208 seats"), and the
 * list that goes on naming others with the noun left out ("AfD — 151, SPD — 121", "the AfD won 152").
 * The owner narrows the measure as a place does, so each party's count is a measure of its own.
 */
import { isPeopleNoun } from '../lexicon.js';
import { phraseAt } from '../phrase.js';
import { STATE_NOUN } from './states.js';
import { fromPhrase, GENERIC, type MeasureRule, type Reading, phraseLabel } from './tools.js';

/** Verbs by which a party comes to have a count: "won", "will receive", "took", "holds". */
const GOT = String.raw`(?:won|wins?|winning|received|receives?|took|takes?|secured|secures?|gained|gains?|got|gets?|captured|holds?|held)`;
/** A bound before the number. */
const BOUND = String.raw`(?:(?:about|nearly|some|more than|at least|almost|just|only|around)\s+)?`;
/** A name of up to four capitalised words (a party, a candidate, a team), without "The". */
const NAME = String.raw`((?:[A-Z][\w’'/&-]*\s?){1,4})`;
/** The name that opens the clause just before the verb: "..., CDU will receive", "the AfD won". */
const OWNER_BEFORE = new RegExp(
  String.raw`(?:^|[,;:—–]\s*|\b(?:and|while|with|whereas)\s+)(?:[Tt]he\s+)?${NAME}\s+(?:(?:will|would|has|have|had|is|was)\s+)?(?:also\s+)?${GOT}\s+${BOUND}$`,
);
/** The next item of a list of owners with the noun left out: ", AfD — 151", ", the AfD won 152", "and the Left Party — 64". */
const NEXT_OWNER = new RegExp(String.raw`(?:[,;]\s*|\b(?:and|while|whereas)\s+)(?:the\s+)?${NAME}\s*(?:([—–-]|with|on)|${GOT})\s+${BOUND}$`);
/** Nothing after the number but the list going on: a comma, "and", the sentence's end. */
const BARE_AFTER = /^\s*(?:$|[,.;:)—–]|(?:and|or|respectively|seats?)\b)/i;

/** A capitalised name as a measure's owner: trimmed, its possessive dropped. */
const ownerOf = (name: string | undefined): string | undefined => name?.trim().replace(/[’']s$/, '') || undefined;

/** People who voted for a named side: "10.3 million Germans voted for the AfD", "2 million cast ballots for Ruiz". */
const VOTED_FOR = new RegExp(String.raw`^\s+(?:[A-Z]?[a-z]+\s+)?(?:voted|cast\s+(?:their\s+)?ballots?)\s+for\s+(?:the\s+)?${NAME}`);

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "over 10.3 million Germans voted for the AfD": that side's votes, as many as the people who cast them.
    id: 'measure.votes-for',
    read: (c): Reading | undefined => {
      if (c.q.kind !== 'count') return undefined;
      const who = ownerOf(VOTED_FOR.exec(c.after)?.[1]);
      return who ? { rule: 'measure.votes-for', measure: { head: 'votes', modifiers: [], scope: who }, label: `votes for ${who}` } : undefined;
    },
  },
  {
    // "CDU will receive 208 seats", "the Greens won 85 seats": what a named party won, not a bare "seats".
    id: 'measure.won',
    read: (c): Reading | undefined => {
      if (c.q.kind !== 'count') return undefined;
      const who = ownerOf(OWNER_BEFORE.exec(c.before)?.[1]);
      const np = phraseAt(c.s.tokens, c.next, c.titleCase);
      // People and casualties are counts of their own ("claimed 90 lives", "took 300 hostages"): no party's holding.
      if (!who || !np || GENERIC.has(np.lemma) || isPeopleNoun(np.lemma) || STATE_NOUN.has(np.head.toLowerCase())) return undefined;
      return { rule: 'measure.won', measure: fromPhrase(np, who), label: `${phraseLabel(np)} for ${who}` };
    },
  },
  {
    // "CDU will receive 208 seats, AfD — 151, SPD — 121": each next owner's count of the same thing.
    id: 'measure.owner-list',
    read: (c): Reading | undefined => {
      const prior = c.previous;
      const m = NEXT_OWNER.exec(c.before);
      const who = ownerOf(m?.[1]);
      if (!prior || !who || prior.kind === 'change' || c.q.kind !== 'count' || !BARE_AFTER.test(c.after)) return undefined;
      // After a dash the list must be of owners already ("CDU ... 208 seats, AfD — 151"); a verb of winning says so itself ("the AfD won 152").
      const owned = prior.rule === 'measure.won' || prior.rule === 'measure.owner-list';
      if ((m?.[2] && !owned) || GENERIC.has(prior.measure.head) || prior.measure.who) return undefined;
      const base = owned ? (prior.label ?? prior.measure.head).replace(/ for .*$/, '') : (prior.label ?? prior.measure.head);
      return { ...prior, rule: 'measure.owner-list', measure: { ...prior.measure, scope: who }, label: `${base} for ${who}` };
    },
  },
];
