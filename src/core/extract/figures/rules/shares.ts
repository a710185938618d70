/**
 * Rules for shares and the changes markets report: "was 13% contained", "accounting for roughly
 * 14%", "60% of its national demand", "traded 0.5% weaker".
 */
import type { Token } from '../../../nlp.js';
import type { NounPhrase } from '../phrase.js';
import { headBefore, phraseAt, placeAfter, subjectBefore } from '../phrase.js';
import { SHARE_VERBS } from '../vocabulary-words.js';
import { fromPhrase, GENERIC, type MeasureContext, type MeasureRule, measure, phraseLabel, predicateAfter, tokenAt, verbBefore } from './tools.js';

/** Verbs by which a subject has a share of something ("gangs control 90% of the capital"), each with its participle. */
const HELD_BY = new Map([
  ['control', 'controlled'],
  ['hold', 'held'],
  ['own', 'owned'],
  ['occupy', 'occupied'],
  ['govern', 'governed'],
  ['dominate', 'dominated'],
  ['run', 'run'],
  ['seize', 'seized'],
  ['capture', 'captured'],
]);

/** "90% of Port-au-Prince": a proper name, hyphens and all, as the whole a share is of. */
function properName(c: MeasureContext, i: number): NounPhrase | undefined {
  let k = i;
  // A word written against the one before it ("Port-au-Prince") is part of the name.
  while (tokenAt(c, k)?.pos === 'PROPN' || (k > i && tokenAt(c, k)?.start === tokenAt(c, k - 1)?.end && /^(?:-|\w+)$/.test(tokenAt(c, k)?.text ?? ''))) k++;
  if (k === i) return undefined;
  const name = c.s.text.slice(tokenAt(c, i)?.start ?? 0, tokenAt(c, k - 1)?.end ?? 0);
  return { head: name, lemma: name.toLowerCase(), modifiers: [], at: i, next: k };
}

export /** Comparatives that say which way a value moved: "traded 0.5% weaker", "closed 2% higher". */
const COMPARATIVE: Readonly<Record<string, 'up' | 'down'>> = { higher: 'up', stronger: 'up', lower: 'down', weaker: 'down' };

/** The rows, each read by `readMeasure` in the order measure.ts gives. */
export const RULES: readonly MeasureRule[] = [
  {
    // "Sterling traded 0.5% weaker", "shares closed 2% higher": a change, and which way the comparative says.
    id: 'measure.comparative',
    read: (c) => {
      const word = tokenAt(c, c.next)?.lower ?? '';
      const direction = COMPARATIVE[word];
      if (!direction || (c.q.kind !== 'share' && c.q.kind !== 'money')) return undefined;
      const v = verbBefore(c, 3) ?? (tokenAt(c, c.prev)?.pos === 'AUX' ? { token: tokenAt(c, c.prev) as Token, index: c.prev } : undefined);
      const subject = v ? subjectBefore(c.s.tokens, v.index, c.titleCase) : undefined;
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      return {
        rule: 'measure.comparative',
        measure: { ...fromPhrase(subject, subject.scope), direction },
        kind: c.q.kind === 'share' ? 'change' : c.q.kind,
        label: `${direction === 'up' ? 'rise' : 'fall'} in ${[...subject.modifiers, subject.head.toLowerCase()].join(' ')}`,
      };
    },
  },
  {
    // "The Palisades Fire was 13% contained", "the project is 60% completed": how much of the subject is in that state.
    id: 'measure.share-state',
    read: (c) => {
      const done = tokenAt(c, c.next);
      const be = tokenAt(c, c.prev);
      if (c.q.kind !== 'share' || !done || !be || done.pos !== 'VERB' || !/(?:ed|en)$/.test(done.lower) || be.pos !== 'AUX') return undefined;
      const subject = subjectBefore(c.s.tokens, c.prev, c.titleCase);
      if (!subject || GENERIC.has(subject.lemma)) return undefined;
      return {
        rule: 'measure.share-state',
        measure: measure(subject.lemma, { modifiers: [...subject.modifiers, done.lower], scope: subject.scope }),
        kind: 'share',
        label: `share of ${phraseLabel(subject)} ${done.lower}`,
      };
    },
  },
  {
    // "the industrial sector accounting for roughly 14%", "... and the service sector for about 12%".
    id: 'measure.share-verb',
    read: (c) => {
      if (c.q.kind !== 'share') return undefined;
      const m =
        SHARE_VERBS.exec(c.before) ??
        (/\baccount(?:s|ed|ing)?\s+for\b/i.test(c.before)
          ? /\s+for\s+(?:(?:approximately|about|around|roughly|nearly|almost|over|more than|less than|some|just)\s+)?$/i.exec(c.before)
          : null);
      if (!m) return undefined;
      const at = c.s.tokens.findIndex((t) => t.start >= m.index + (m[0].length - m[0].trimStart().length));
      const np = headBefore(c.s.tokens, at, c.titleCase);
      if (!np || GENERIC.has(np.lemma)) return undefined;
      return { rule: 'measure.share-verb', measure: fromPhrase(np, np.scope), kind: 'share', label: `${phraseLabel(np)} share` };
    },
  },
  {
    // "60% of its national demand", "10% of Acme's global workforce", "half of the residents".
    id: 'measure.share-of',
    read: (c) => {
      // "about 0.1 percentage point of the country's gross domestic product" is a share of it, too.
      if (c.q.kind !== 'share' && c.q.unit.id !== 'unit.percentage-point') return undefined;
      const partOf = /^\s*of\s/i.test(c.after);
      if (!partOf && !(c.n.fraction && /\b(?:in|out of)\b/.test(c.n.text))) return undefined;
      let i = partOf ? c.next + 1 : c.next;
      while (
        tokenAt(c, i) &&
        (/^(?:DET|PRON)$/.test(tokenAt(c, i)?.pos ?? '') ||
          tokenAt(c, i)?.text === '’s' ||
          tokenAt(c, i)?.text === "'s" ||
          (tokenAt(c, i)?.pos === 'PROPN' && /^(?:’s|'s)$/.test(tokenAt(c, i + 1)?.text ?? '')))
      )
        i++;
      const np = phraseAt(c.s.tokens, i, c.titleCase) ?? properName(c, i);
      if (!np) return undefined;
      // "Gangs control 90% of the capital": whose share it is, by the verb before it ("controlled by gangs").
      const v = verbBefore(c, 2);
      const held = v ? HELD_BY.get(v.token.lemma) : undefined;
      const holder = v && held ? subjectBefore(c.s.tokens, v.index, c.titleCase) : undefined;
      const done = predicateAfter(c.s.tokens, np.next) ?? (holder ? `${held ?? ''} by ${phraseLabel(holder)}` : undefined);
      return {
        rule: 'measure.share-of',
        measure: { ...fromPhrase(np, placeAfter(c.s.tokens, np.next, c.s.text)), ...(done ? { modifiers: [...np.modifiers, done] } : {}) },
        kind: 'share',
        label: `share of ${[...np.modifiers, /^[A-Z]/.test(np.head) ? np.head : np.head.toLowerCase()].join(' ')}${done ? ` ${done}` : ''}`,
      };
    },
  },
];
