/**
 * Rules that read the measure from a verb's object: "invested $81 million", "burned over 27,000
 * acres", "The layoffs will impact roughly 17,500 people".
 */
import type { Token } from '../../../nlp.js';
import { nominalOf, senseOf, singular } from '../lexicon.js';
import { phraseAt, phraseEndingAt, placeAfter, subjectBefore } from '../phrase.js';
import { NOMINAL_OVERRIDES } from '../vocabulary-words.js';
import { BOUND_WORD, pastParticiple } from './phrases.js';
import { stateReading, stateRowOfWord } from './states.js';
import { fromPhrase, GENERIC, type MeasureRule, measure, phraseLabel, tokenAt, verbBefore } from './tools.js';

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "invested $81 million", "lost about $5.5 billion", "could cost the economy as much as €1 billion", "lost 15 gigawatts".
    id: 'measure.verb-object',
    read: (c) => {
      if (c.q.kind !== 'money' && c.q.kind !== 'quantity') return undefined;
      const v = verbBefore(c, 6);
      // A preposition between the verb and its number says it is no object of the verb; a bound ("burned over 27,000 acres") does not,
      // but over a time it is a span ("spread over four years").
      const bound = (t: Token): boolean => BOUND_WORD.test(t.lower) && c.q.unit.dimension !== 'time';
      if (v && c.s.tokens.slice(v.index + 1, c.prev + 1).some((t) => t.pos === 'ADP' && !/^(?:than|of|as|up)$/.test(t.lower) && !bound(t))) return undefined;
      if (
        !v ||
        /^(?:be|have|do|say|tell|include|provide|give|get|make|take|reach|total|estimate|put|see|show|bring|offer|deliver|receive|exceed|top|hit|pass)$/.test(
          v.token.lemma,
        )
      )
        return undefined;
      // "has predicted gusts (between) 50 and 70 mph": the noun the verb takes, right before the number, is what is measured.
      const object = c.prev > v.index && tokenAt(c, c.prev)?.pos === 'NOUN' ? phraseEndingAt(c.s.tokens, c.prev, c.titleCase) : undefined;
      if (object && !GENERIC.has(object.lemma)) return { rule: 'measure.verb-object', measure: fromPhrase(object), label: phraseLabel(object) };
      // "The Palisades Fire has burned 23,713 acres": an area is the area the verb did, and whose.
      if (c.q.unit.dimension === 'area') {
        const done = pastParticiple(v.token);
        const by = subjectBefore(c.s.tokens, v.index, c.titleCase);
        const whose = by && !GENERIC.has(by.lemma) ? phraseLabel(by) : undefined;
        return {
          rule: 'measure.verb-object',
          measure: measure('area', { modifiers: [done], scope: whose }),
          label: `area ${done}${whose ? ` by ${whose}` : ''}`,
        };
      }
      const noun = NOMINAL_OVERRIDES[v.token.lemma] ?? nominalOf(v.token.lemma);
      if (noun === v.token.lemma && !senseOf(noun)) return undefined;
      return { rule: 'measure.verb-object', measure: measure(singular(noun), { scope: placeAfter(c.s.tokens, c.next, c.s.text) }), label: noun };
    },
  },
  {
    // "The layoffs will impact roughly 17,500 people", "which employed 116,500 people": people, as the verb did to them.
    id: 'measure.people-object',
    read: (c) => {
      const np = c.q.kind === 'count' ? phraseAt(c.s.tokens, c.next, c.titleCase) : undefined;
      if (!np || !/^(?:people|person|individual|employee)$/.test(np.lemma) || np.modifiers.length) return undefined;
      const v = verbBefore(c, 3);
      if (!v || /^(?:be|have|do|say|tell|include|make|take|see|show|give|get|reach|total|number|count)$/.test(v.token.lemma)) return undefined;
      // The verb's own object, said as done: not "account for 41 people", not "have not been able to ...".
      if (c.s.tokens.slice(v.index + 1, c.prev + 1).some((t) => t.pos === 'ADP' || t.pos === 'PART')) return undefined;
      if (c.s.tokens.slice(Math.max(0, v.index - 5), v.index).some((t) => /^(?:not|never|unable|n't|no)$/.test(t.lower))) return undefined;
      const done = pastParticiple(v.token);
      // "evacuated 3,000 people" are the evacuated, one count with "3,000 evacuated".
      const row = stateRowOfWord(done);
      if (row) return stateReading(c, row, undefined, `${row.id}.object`, np.next);
      return {
        rule: 'measure.people-object',
        measure: measure(np.lemma === 'employee' ? 'employee' : 'people', { modifiers: [done] }),
        label: `${np.head.toLowerCase()} ${done}`,
      };
    },
  },
];
