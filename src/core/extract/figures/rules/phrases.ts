/**
 * Rules that read the measure from the phrases around a number: the noun after it, the noun before "of",
 * the subject of a change or level verb, the object of a verb.
 */
import type { NounPhrase } from '../phrase.js';
import { clauseSubject, headBefore, nameBefore, phraseAt, phraseEndingAt, placeAfter, subjectBefore } from '../phrase.js';
import { isPeopleNoun, singular, synonymsOf } from '../lexicon.js';
import { CHANGES, COUNT_NOUNS, LEVEL_VERBS, SIZE_VERBS } from '../vocabulary-words.js';
import {
  CHANGE_NOUN,
  CHANGE_VERB,
  changeOfNoun,
  changeOfVerb,
  fromPhrase,
  GENERIC,
  type MeasureContext,
  type MeasureRule,
  type Reading,
  measure,
  phraseLabel,
  predicateAfter,
  thingChanged,
  tokenAt,
  verbBefore,
} from './tools.js';
import { STATE_NOUN, stateReading } from './states.js';
import { CLOSED_AT, CLOSING_VERBS, PHRASAL_CHANGE, phrasalChange } from './moves.js';
import { participle } from '../../question-grammar.js';
import { TIME_UNITS } from '../../../calendar.js';
import type { Token } from '../../../nlp.js';

/** "of" and an optional bound just before a number: "losses of $2 billion", "a crest of more than 39 feet". */
const OF_BEFORE =
  /\bof\s+(?:(?:some|about|nearly|around|roughly|more than|less than|over|under|almost|up to|at least|an estimated|as much as|approximately)\s+)?$/i;

/** Nouns of a value's own movement ("losses of 0.7%"), not of something given ("a raise of 13%"). */
const MOVE_NOUNS = new Set(['loss', 'gain', 'drop', 'decline', 'fall', 'slump', 'dip']);

/** A verb's past participle ("impact" -> "impacted", "burn" -> "burned"), as written when it is one already. */
export const pastParticiple = (t: Token): string => (/(?:ed|en)$/.test(t.lower) ? t.lower : participle(t.lemma));

/**
 * ", reaching 29.45 feet", "The pound extended losses, falling 0.75 per cent": a participle after a
 * comma says more of the sentence's subject, the head before the sentence's first verb.
 */
function participleSubject(c: MeasureContext, v: { token: Token; index: number }): (NounPhrase & { scope?: string | undefined }) | undefined {
  if (tokenAt(c, v.index - 1)?.text !== ',' || !/ing$/.test(v.token.lower)) return undefined;
  const mainVerb = c.s.tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return mainVerb > 0 && mainVerb < v.index ? (nameBefore(c.s.tokens, mainVerb) ?? headBefore(c.s.tokens, mainVerb, c.titleCase)) : undefined;
}

/** How a change is labelled: "rise in exports", "fall in S&P 500". */
const changeLabel = (direction: 'up' | 'down', what: string): string => `${direction === 'up' ? 'rise' : 'fall'} in ${what}`;

/** The level where what a change moved stood after it ("plummeted 4.84% to 5,396.52"): the changed measure, no direction. */
const levelAfter = (change: Reading): Reading => {
  const what = { ...change.measure, direction: undefined };
  return {
    rule: 'measure.level',
    measure: what,
    kind: 'level',
    label: change.label?.replace(/^(?:rise|fall) in /, '') ?? [...what.modifiers, what.head].join(' '),
  };
};

/** Possessive determiners, which open a noun phrase the way "the" does. */
const POSSESSIVE = /^(?:its|their|his|her|our|my|your)$/;

/** "Of the released remains, 15": a fronted group and the count of its part, nothing else before it. */
const OF_THE_FRONT = /^(?:Of|Among)\s+(?:the|these|those)\s+[^,]{3,60},\s+(?:(?:about|nearly|some|more than|at least|almost|only|just)\s+)?$/;

/** Verbs after which "to" and a number give a new level: the level verbs, and every verb of change ("lowered ... to 5%"). */
const LEVEL_OR_CHANGE_VERBS = [...LEVEL_VERBS, ...CHANGES.flatMap((r) => r.verbs)];

/** Nouns of a stretch of time, or of a market's session: money "in" one is when it was, not what it was ("in late trading"). */
const WHEN_NOUNS = new Set([...TIME_UNITS, 'half', 'period', 'trading', 'session']);

/** Words of a bound before a number: "more than", "nearly", "as much as". */
export const BOUND_WORD = /^(?:more|less|fewer|than|about|nearly|almost|around|roughly|some|over|under|just|as|much)$/;

/** Adjectives of size after a compound's unit ("985-foot-long"), and the dimension each names. */
const DIMENSION_OF: Record<string, string> = { long: 'length', wide: 'width', tall: 'height', high: 'height', deep: 'depth' };

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "a ratification bonus of $12,000", "a crest of more than 39 feet", "losses of $2 billion".
    id: 'measure.of-before',
    read: (c) => {
      if (!OF_BEFORE.test(c.before)) return undefined;
      const after = phraseAt(c.s.tokens, c.q.kind === 'quantity' && tokenAt(c, c.next)?.lower === 'of' ? c.next + 1 : c.next, c.titleCase);
      if (after && !GENERIC.has(after.lemma) && c.q.kind !== 'money') return undefined;
      const of = c.s.tokens.findLastIndex((t) => t.end <= c.n.start && t.lower === 'of');
      const np = phraseEndingAt(c.s.tokens, of - 1, c.titleCase);
      // "a level of 29 feet" is the level; "a total of 12" says nothing of what is counted.
      if (!np || ((GENERIC.has(np.lemma) || COUNT_NOUNS.includes(np.lemma)) && c.q.kind !== 'quantity')) return undefined;
      const row = STATE_NOUN.get(np.head.toLowerCase());
      if (row) return stateReading(c, row, undefined, `${row.id}.of`);
      // "Sterling held onto earlier losses of 0.7%": a share that is a change is the change of the clause's subject.
      const moved = singular(np.head.toLowerCase());
      const direction = c.q.kind === 'share' && MOVE_NOUNS.has(moved) ? changeOfNoun(moved) : undefined;
      const v = direction ? c.s.tokens.findLastIndex((t, i) => i < np.at && (t.pos === 'VERB' || t.pos === 'AUX')) : -1;
      const subject = v > 0 ? subjectBefore(c.s.tokens, v, c.titleCase) : undefined;
      if (direction && subject && !GENERIC.has(subject.lemma))
        return {
          rule: 'measure.of-before',
          measure: { ...fromPhrase(subject, subject.scope), direction },
          kind: 'change',
          label: `${direction === 'up' ? 'rise' : 'fall'} in ${[...subject.modifiers, subject.head.toLowerCase()].join(' ')}`,
        };
      return { rule: 'measure.of-before', measure: fromPhrase(np, placeAfter(c.s.tokens, c.next, c.s.text)), label: phraseLabel(np) };
    },
  },
  {
    // "a 38% wage increase", "a $12,000 ratification bonus", "a 52-day strike", "a 1.9% rise".
    id: 'measure.compound',
    read: (c) => {
      if (c.q.kind === 'count' || c.q.kind === 'rate') return undefined;
      // "the 985-foot-long vessel": which of the thing's dimensions the adjective names.
      const dim = c.s.tokens[c.next]?.text === '-' ? DIMENSION_OF[c.s.tokens[c.next + 1]?.lower ?? ''] : undefined;
      const np = phraseAt(c.s.tokens, dim ? c.next + 2 : c.next, c.titleCase, 4);
      if (!np || GENERIC.has(np.lemma)) return undefined;
      const change = changeOfNoun([...np.modifiers, np.head.toLowerCase()].join(' '));
      if (c.q.kind === 'share' && change) {
        // "a 38% wage increase" measures a change in wages, as "raise wages 38%" does: the word before the change is what changed.
        // "a 38% raise": WordNet says a raise is a "wage increase", so it is a change in wages.
        const changed =
          np.modifiers.at(-1) ??
          synonymsOf(np.lemma)
            .map((w) => /^([a-z]+) (?:increase|rise|hike|cut|reduction|decrease)$/.exec(w)?.[1])
            .find(Boolean);
        if (changed && !CHANGE_NOUN.has(changed))
          return {
            rule: 'measure.compound.change',
            measure: { head: singular(changed), modifiers: np.modifiers.slice(0, -1), direction: change },
            kind: 'change',
            label: phraseLabel(np),
          };
        // "1,300 homicides ..., signifying a 40% increase": a change of the count before it; not of people ("26,000 members ... a 38% raise").
        const previous = c.previous && !isPeopleNoun(c.previous.measure.head) ? c.previous.measure.head : undefined;
        const what = previous ?? thingChanged(c, np.next);
        return {
          rule: 'measure.compound.change',
          measure: { ...fromPhrase(np), direction: change, ...(what ? { head: what, modifiers: [] } : {}) },
          kind: 'change',
          label: what ? `${np.head.toLowerCase()} in ${what}` : phraseLabel(np),
        };
      }
      // "a 52-day strike", "the 1.6-mile bridge", "a 300-meter-long ship": how long the thing is.
      if (c.q.unit.dimension === 'time' || (c.q.unit.dimension === 'length' && c.q.kind === 'quantity'))
        return {
          rule: c.q.unit.dimension === 'time' ? 'measure.compound.duration' : 'measure.compound.size',
          measure: fromPhrase(np),
          kind: 'quantity',
          label: `${[...np.modifiers, np.head.toLowerCase()].join(' ')} ${dim ?? 'length'}`,
        };
      // "an 11.5 percent premium", "a 25% stake": the noun is what the share is ("a 38% pay rise spread over" is a change, read later).
      const shareOf = c.q.kind === 'share' && ![...np.modifiers, np.head.toLowerCase()].some((w) => changeOfNoun(w));
      if (c.q.kind === 'money' || c.q.kind === 'quantity' || shareOf)
        return { rule: 'measure.compound', measure: fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), label: phraseLabel(np) };
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
      // "$2.1 billion in the quarter": a stretch of time is when, not what.
      return np && !GENERIC.has(np.lemma) && !WHEN_NOUNS.has(np.lemma)
        ? { rule: 'measure.money-in', measure: fromPhrase(np), label: phraseLabel(np) }
        : undefined;
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
    // "Acme shares rose by 1.9%", "crime reduced by 16%", "Shares of Acme have plummeted 40%", "the river swelled 26 feet".
    id: 'measure.change-verb',
    read: (c) => {
      // "closed at 38,314, down by about 2,231": after a level and a comma, how far what stood there moved.
      if (c.previous?.rule === 'measure.level') {
        const m = /,\s*(up|down)\s+(?:by\s+)?(?:(?:about|nearly|almost|around|roughly|some|more than|over|just)\s+)?$/i.exec(c.before);
        if (m?.[1]) {
          const moved = m[1].toLowerCase() === 'up' ? 'up' : 'down';
          return {
            rule: 'measure.change-verb',
            measure: { ...c.previous.measure, direction: moved },
            kind: 'change',
            label: changeLabel(moved, c.previous.label ?? c.previous.measure.head),
          };
        }
      }
      if (c.q.kind === 'count' || c.q.kind === 'rate' || /\bto\s+(?:\S+\s+){0,2}$/i.test(c.before.slice(-14))) return undefined;
      // "fell to a session low of $1.2752": the level it reached, named.
      if (/\b(?:to|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}of\s+$/i.test(c.before)) return undefined;
      // "fell from $1.5 billion to $1.2 billion": the values a change went between are levels, not its size.
      if (/\bfrom\s+(?:(?:about|nearly|some|more than|at least|almost|around)\s+)?$/i.test(c.before)) return undefined;
      // "closed down 3% at $12.40": after a change, the value it stopped at is a level.
      if (c.previous?.kind === 'change' && /\bat\s+$/i.test(c.before)) return undefined;
      // Headlines drop the verb's form: "Thefts in Norway rise 12.5%" tags "rise" a noun.
      // "was down more than 4 per cent": past the number's bound.
      let at = c.prev;
      while (at > 0 && BOUND_WORD.test(tokenAt(c, at)?.lower ?? '')) at--;
      const bare = tokenAt(c, at);
      // "the river shot up 20 feet" where the tagger calls "shot" a noun: a phrasal verb of change.
      // "Acme shares were up 2.2 percent", "closed down 3%": up or down after a form of "be" or a verb of trading.
      const phrasal = bare && /^(?:up|down)$/.test(bare.lower) && PHRASAL_CHANGE.test(tokenAt(c, at - 1)?.lower ?? '') ? tokenAt(c, at - 1) : undefined;
      const v =
        (phrasal ? { token: phrasal, index: at - 1 } : undefined) ??
        verbBefore(c, 6) ??
        (bare && CHANGE_VERB.has(bare.lower) && bare.pos === 'NOUN' && c.q.kind === 'share' ? { token: bare, index: at } : undefined);
      const particle = v ? tokenAt(c, v.index + 1)?.lower : undefined;
      const direction = v
        ? (changeOfVerb(v.token.lower) ??
          (PHRASAL_CHANGE.test(v.token.lower) && (particle === 'up' || particle === 'down') ? (particle === 'up' ? 'up' : 'down') : undefined))
        : undefined;
      if (!v || !direction) return undefined;
      // "cut its key rate by 25 basis points": past a possessive to the noun.
      const object = phraseAt(c.s.tokens, POSSESSIVE.test(tokenAt(c, v.index + 1)?.lower ?? '') ? v.index + 2 : v.index + 1, c.titleCase);
      const transitive = object && object.next <= c.prev + 1 && !GENERIC.has(object.lemma) ? object : undefined;
      // "Apple fell 9%", "The S&P 500 plummeted 4.84%": what a name's value does, as written.
      const named = transitive ? undefined : nameBefore(c.s.tokens, v.index);
      if (named)
        return { rule: 'measure.change-verb', measure: { ...measure(named.lemma), direction }, kind: 'change', label: changeLabel(direction, named.head) };
      // "The pound extended losses, falling 0.75 per cent": the participle's subject is the sentence's.
      const subject: (NounPhrase & { scope?: string | undefined }) | undefined =
        transitive ?? participleSubject(c, v) ?? subjectBefore(c.s.tokens, v.index, c.titleCase);
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      const label = changeLabel(direction, [...subject.modifiers, subject.head.toLowerCase()].join(' '));
      return {
        rule: 'measure.change-verb',
        measure: { ...fromPhrase(subject, subject.scope), direction },
        kind: c.q.kind === 'share' ? 'change' : c.q.kind,
        label,
      };
    },
  },
  {
    // "the toll rose to 25", "unemployment rose to 7.5%", "revenue fell 23% to $2.1 billion", "deaths pass 100".
    id: 'measure.level',
    read: (c) => {
      // "shares were up 2.6% to $69.95": a phrasal verb of change, then the level it reached.
      const phrasal = /\b(?:to|at)\s+(?:(?:about|nearly|some|more than|at least|almost|around)\s+)?$/i.test(c.before) ? phrasalChange(c) : undefined;
      // "voted to lower the key rate to 5%", "reduced rates from 5.25%": any verb of change, then "to" or "from".
      const toLevel = /\b(?:to|from)\s+(?:(?:about|nearly|some|more than|at least|almost|around|just)\s+)?$/i.test(c.before);
      // "held onto losses of 0.7% at $1.2764": after a change, the value it stood at is the level of what changed.
      const prior = c.previous;
      if (!phrasal && prior?.kind === 'change' && prior.measure.direction && c.q.kind === 'money' && /\bat\s+$/i.test(c.before)) return levelAfter(prior);
      // "closed at 38,314", "to end at 40,545": where a market's value stood when trading stopped.
      const closing = CLOSED_AT.test(c.before) ? verbBefore(c, 4, CLOSING_VERBS) : undefined;
      // "dropped 1,679 points to end at 40,545": where what changed ended.
      if (closing && prior?.kind === 'change' && /\bto\s+\w+\s+at\s+$/i.test(c.before)) return levelAfter(prior);
      const v = phrasal ?? closing ?? (toLevel ? verbBefore(c, 16, LEVEL_OR_CHANGE_VERBS) : verbBefore(c, 10, LEVEL_VERBS));
      // "could top 10,000": after a modal, a verb the tagger reads as an adjective is still the verb.
      const afterModal = v?.token.pos === 'ADJ' && c.s.tokens[v.index - 1]?.pos === 'AUX';
      // "The analyst estimates total losses at $50 billion": the tagger may read "estimates" as a noun; "at" says it is the verb.
      const valued =
        v &&
        /^(?:estimates|estimated|pegged|pegs|put|puts)$/.test(v.token.lower) &&
        /\bat\s+(?:(?:about|nearly|some|more than|at least|almost|around|roughly)\s+)?$/i.test(c.before);
      if (!v || (v.token.pos !== 'VERB' && v.token.pos !== 'AUX' && !afterModal && !valued)) return undefined;
      // "plans to cut about 17,000 jobs": the noun after the number says what it counts.
      const after = phraseAt(c.s.tokens, c.next, c.titleCase);
      if (c.q.kind === 'count' && after && !GENERIC.has(after.lemma)) return undefined;
      // "raise machinists' average annual pay to $119,309", "puts the company's losses through last week at $6.5 billion".
      let k = v.index + 1;
      const skipped = (t: Token | undefined): boolean =>
        !!t && (t.pos === 'PROPN' || t.pos === 'DET' || /^(?:’s|'s|’|')$/.test(t.text) || POSSESSIVE.test(t.lower));
      while (skipped(tokenAt(c, k))) k++;
      const object = k < c.prev && !phrasal ? phraseAt(c.s.tokens, k, c.titleCase) : undefined;
      // ", reaching 29.45 feet": the participle's subject is the sentence's.
      const subject: (NounPhrase & { scope?: string | undefined }) | undefined =
        object && !GENERIC.has(object.lemma) ? object : (participleSubject(c, v) ?? subjectBefore(c.s.tokens, v.index, c.titleCase));
      // "is currently $75,608 and will rise to $119,309": the same measure as the value before.
      if (
        (!subject || GENERIC.has(subject.lemma)) &&
        c.previous &&
        /\b(?:to|at)\s+(?:(?:about|nearly|some|more than|at least|almost|around)\s+)?$/i.test(c.before)
      )
        // "plummeted 4.84% to 5,396.52": the level after a change is where what changed stood.
        return c.previous.kind === 'change' ? levelAfter(c.previous) : { ...c.previous, rule: 'measure.level', kind: c.previous.kind };
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      const row = STATE_NOUN.get(subject.head.toLowerCase()) ?? STATE_NOUN.get(`${subject.modifiers.at(-1) ?? ''} ${subject.head.toLowerCase()}`);
      if (row && c.q.kind === 'count') return stateReading(c, row, undefined, `${row.id}.level`);
      // "shares were up 2.6% to $69.95": money that shares reach is their price.
      if (c.q.kind === 'money' && /^(?:share|stock)$/.test(subject.lemma))
        return {
          rule: 'measure.level',
          measure: measure('share price', { modifiers: subject.modifiers, scope: subject.scope }),
          kind: 'level',
          label: [...subject.modifiers, 'share price'].join(' '),
        };
      return {
        rule: 'measure.level',
        measure: fromPhrase(subject, subject.scope ?? placeAfter(c.s.tokens, c.next, c.s.text)),
        kind: c.q.kind === 'share' || c.q.kind === 'money' ? 'level' : c.q.kind,
        label: phraseLabel(subject),
      };
    },
  },
  {
    // "Of the released mortal remains, 15 were transported by air": a part of a group named first, and what was done to it.
    id: 'measure.of-the-front',
    read: (c) => {
      if (c.q.kind !== 'count' || !OF_THE_FRONT.test(c.before)) return undefined;
      const t = c.s.tokens;
      const at = t.findIndex((x) => /^(?:the|these|those)$/i.test(x.lower));
      const comma = t.findIndex((x) => x.text === ',');
      const np = at >= 0 && at < comma ? phraseEndingAt(t, comma - 1, c.titleCase) : undefined;
      const done = predicateAfter(t, c.next);
      if (!np || !done || GENERIC.has(np.lemma)) return undefined;
      return { rule: 'measure.of-the-front', measure: { ...fromPhrase(np), modifiers: [...np.modifiers, done] }, kind: 'count', label: phraseLabel(np, done) };
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
      return {
        rule: 'measure.partitive',
        measure: { ...fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), ...(done ? { modifiers: [...np.modifiers, done] } : {}) },
        kind: 'count',
        label: phraseLabel(np, done),
      };
    },
  },
  {
    // "33,000 union members", "six tons of cocaine", "15 gigawatts of power", "35,000 passengers trapped".
    id: 'measure.noun-after',
    read: (c) => {
      let at = c.next;
      // "six tons of cocaine": after a unit, what it is of.
      if (c.q.kind === 'quantity' && tokenAt(c, at)?.lower === 'of') {
        at++;
        // "35 basis points of easing", "36 basis points of BOE easing": an act named by its "-ing" word.
        let k = at;
        while (tokenAt(c, k)?.pos === 'PROPN') k++;
        const act = tokenAt(c, k);
        if (act && act.pos === 'VERB' && /ing$/.test(act.lower) && !phraseAt(c.s.tokens, at, c.titleCase))
          return { rule: 'measure.noun-after', measure: measure(act.lower), label: act.lower };
      }
      const np = phraseAt(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma) || COUNT_NOUNS.includes(np.lemma) || (c.q.kind !== 'count' && c.q.kind !== 'quantity')) return undefined;
      if (c.q.kind === 'quantity' && at === c.next) return undefined;
      const done = predicateAfter(c.s.tokens, np.next);
      const m = fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text));
      return { rule: 'measure.noun-after', measure: done ? { ...m, modifiers: [...m.modifiers, done] } : m, label: phraseLabel(np, done) };
    },
  },
  {
    // "economic damage in Spain amounting to approximately €1.6 billion", "Spain's daily GDP is estimated at over €4 billion",
    // "losses ranging from €2.25 billion".
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
      // "The ship is about 984 feet long": which of its dimensions.
      const dim = c.q.unit.dimension === 'length' ? DIMENSION_OF[c.s.tokens[c.next]?.lower ?? ''] : undefined;
      return { rule: 'measure.size', measure: fromPhrase(np, np.scope), label: phraseLabel(np, dim) };
    },
  },
  {
    // "the outage that struck on Monday and lasted up to 20 hours", "paralysed the country for more than 10 hours", "attempted CPR for 29 minutes".
    id: 'measure.duration',
    read: (c) => {
      if (c.q.unit.dimension !== 'time') return undefined;
      const lasted =
        /\b(?:last(?:ed|s|ing)?|went on|continued|persisted)\s+(?:(?:up to|nearly|almost|about|more than|less than|over|some|around|for)\s+)*$/i.test(c.before);
      const spanFor = /\bfor\s+(?:(?:up to|nearly|almost|about|more than|less than|over|some|around|just)\s+)*$/i.test(c.before);
      if (!lasted && !spanFor) return undefined;
      // "The U.S. military for a decade operated a base": the span before its verb.
      const after = c.s.tokens[c.next];
      const v = verbBefore(c, 8) ?? (spanFor && after?.pos === 'VERB' ? { token: after, index: c.next } : undefined);
      if (!v) return undefined;
      if (lasted) {
        const subject = clauseSubject(c.s.tokens, v.index, c.titleCase);
        return subject && !GENERIC.has(subject.lemma)
          ? { rule: 'measure.duration', measure: fromPhrase(subject), kind: 'quantity', label: `${phraseLabel(subject)} duration` }
          : undefined;
      }
      // "for N hours": what was done that long, the verb and its object ("country paralysed", "CPR attempted"), else its subject.
      // A name or an acronym as the object ("attempted CPR for 29 minutes") is what was done, too.
      const named = c.s.tokens[v.index + 1];
      const object =
        phraseAt(c.s.tokens, v.index + 1, c.titleCase) ??
        (named?.pos === 'PROPN' && v.index + 1 < c.prev
          ? { head: named.text, lemma: named.lower, modifiers: [], at: v.index + 1, next: v.index + 2 }
          : undefined);
      const what = object && (object.next <= c.prev || v.index >= c.next) ? object : clauseSubject(c.s.tokens, v.index, c.titleCase);
      if (!what || GENERIC.has(what.lemma)) return undefined;
      return { rule: 'measure.duration', measure: fromPhrase(what), kind: 'quantity', label: `${phraseLabel(what)} ${v.token.lower}` };
    },
  },
  {
    // "a dramatic increase in undocumented travellers intercepted at the border: from 24,936 in 2022", "the number of migrants ... 124,023".
    id: 'measure.number-of',
    read: (c) => {
      const t = c.s.tokens;
      const at = t.findLastIndex(
        (x, i) =>
          i < c.prev &&
          /^(?:increase|rise|jump|surge|growth|decrease|decline|drop|fall|reduction|number|count|total)s?$/.test(x.lower) &&
          /^(?:in|of)$/.test(t[i + 1]?.lower ?? ''),
      );
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
