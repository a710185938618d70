/**
 * Cues for what is still being found out or still in force: what an inquiry seeks ("probe why the
 * plane lost height"), what is being established ("exact figures are being ascertained"), and orders
 * that remain in place. Part of the cue table in questions.ts.
 */
import type { Asked, Cue } from './question-words.js';
import { WH_CLAUSE } from './question-words.js';
import { asSubject, cutClause, nounQuestion, subjectAt, tidy } from './question-grammar.js';
import { embedded } from './question-asks.js';

/** A question about a noun phrase that is not yet explained; causes share one key across a set. */
export function explained(np: string | undefined): Asked | undefined {
  const q = np ? nounQuestion(np.replace(/\s+(?:at the moment|at this time|at this stage|so far|yet|for now|for the moment)$/i, '')) : undefined;
  return q && { question: q.question, key: q.id === 'cause' ? 'about:cause' : undefined };
}

export const INQUIRY_CUES: readonly Cue[] = [
  {
    // "Some countries are considering retaliation": a step still weighed, not yet taken.
    id: 'weighing a step',
    anchors: ['weighing considering mulling debating'],
    re: new RegExp(
      String.raw`\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?(?:weighing|considering|mulling|debating)\s+` +
        String.raw`(?!whether\b|how\b|what\b|when\b|which\b|who\b|if\b)((?:a|an|the|possible|new|further)?\s*[a-z][^,;]{2,80})`,
      'i',
    ),
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      return subj && m[1] && !/^(?:it|this|that|they|he|she|we|i)$/i.test(subj) ? tidy(`Will ${asSubject(subj)} go ahead with ${cutClause(m[1])}`) : undefined;
    },
  },
  {
    // "evacuation orders remain in place", "the curfew is still in effect": lifted when, nobody has said.
    id: 'still in force',
    anchors: ['place effect force'],
    re: new RegExp(
      String.raw`\b((?:the\s+)?(?:(?!that\b|which\b|and\b|but\b|as\b|if\b)[a-z-]+\s+){0,2}` +
        String.raw`(?:orders?|restrictions?|closures?|warnings?|bans?|curfews?|advisor(?:y|ies)|lockdowns?))` +
        String.raw`\s+(?:remain|remains|remained|are still|is still|stay|stays)\s+in\s+(?:place|effect|force)\b`,
      'i',
    ),
    ask: (m) => (m[1] ? tidy(`When will ${asSubject(m[1])} be lifted`) : undefined),
  },
  {
    // "as they probe why the plane lost height", "investigators are trying to establish how the fire started".
    id: 'inquiry',
    anchors: ['investigating investigate investigates probe probes probing looking examining determine establish understand ascertain'],
    re: new RegExp(
      String.raw`\b(?:investigat(?:e|es|ing)|prob(?:e|es|ing)|look(?:s|ing)?\s+into|examin(?:e|es|ing)|` +
        String.raw`to\s+(?:determine|establish|understand|ascertain|find\s+out))\s+${WH_CLAUSE}`,
      'i',
    ),
    ask: (m, s) => (m[1] ? embedded(m[1], s) : undefined),
  },
  {
    // "Exact figures on casualties are being ascertained": what is being found out is not known yet.
    id: 'being established',
    anchors: ['being'],
    re: new RegExp(
      String.raw`^["“]?((?:the\s+)?(?:exact|final|precise|full|true|official)?\s*[^,;:"“”]{3,80}?)\s+(?:is|are)\s+(?:still\s+)?being\s+` +
        String.raw`(?:ascertained|determined|established|investigated|assessed|verified|calculated|tallied|worked out)\b`,
      'i',
    ),
    // "Exact figures ..." opening the sentence are the exact figures.
    ask: (m) => explained(m[1]?.replace(/^(exact|final|precise|full|true|official)\b/i, (w) => `the ${w.toLowerCase()}`)),
  },
];
