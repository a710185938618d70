/**
 * Cues for what is still being found out: what an inquiry seeks ("probe why the plane lost height")
 * and what is being established ("exact figures are being ascertained"). Part of the cue table in questions.ts.
 */
import type { Asked, Cue } from './question-words.js';
import { WH_CLAUSE } from './question-words.js';
import { nounQuestion } from './question-grammar.js';
import { embedded } from './question-asks.js';

/** A question about a noun phrase that is not yet explained; causes share one key across a set. */
export function explained(np: string | undefined): Asked | undefined {
  const q = np ? nounQuestion(np.replace(/\s+(?:at the moment|at this time|at this stage|so far|yet|for now|for the moment)$/i, '')) : undefined;
  return q && { question: q.question, key: q.id === 'cause' ? 'about:cause' : undefined };
}

export const INQUIRY_CUES: readonly Cue[] = [
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
