/** How a market value moves and where it stops: "were up 2%", "traded 0.5% weaker", "closed at 38,314". */
import type { Token } from '../../../nlp.js';
import { COMPARATIVE } from './shares.js';
import { type MeasureContext, tokenAt } from './tools.js';

/** Verbs that "up" or "down" after them make a change: "shot up", "were up 2%", "closed down". */
export const PHRASAL_CHANGE = /^(?:shot|went|go|goes|came|spiked|jumped|climbed|ticked|crept|is|are|was|were|been|closed|ended|finished|traded|opened)$/;

/**
 * The verb of "were up", "closed down", "traded 0.5% weaker" a few words before the number, back to
 * a punctuation mark: the value after it ("to $69.95", "at $1.2791") is the level reached.
 */
export function phrasalChange(c: MeasureContext): { token: Token; index: number } | undefined {
  for (let k = c.prev; k > 0 && k >= c.prev - 8; k--) {
    const t = tokenAt(c, k);
    if (!t || /^[,.;:!?()]$/.test(t.text)) return undefined;
    const verb = tokenAt(c, k - 1);
    if ((t.lower === 'up' || t.lower === 'down') && verb && PHRASAL_CHANGE.test(verb.lower)) return { token: verb, index: k - 1 };
    if (COMPARATIVE[t.lower])
      for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
        const w = tokenAt(c, j);
        if (w && PHRASAL_CHANGE.test(w.lower)) return { token: w, index: j };
      }
  }
  return undefined;
}

/** Verbs of where a value stood when trading stopped, before "at": "closed at", "to end at", "settled at". */
export const CLOSING_VERBS = ['closed', 'closes', 'close', 'ended', 'ends', 'end', 'finished', 'finish', 'settled', 'settle', 'opened', 'opens', 'open'];
export const CLOSED_AT = new RegExp(
  String.raw`\b(?:${CLOSING_VERBS.join('|')})\s+(?:the\s+(?:day|session|week)\s+)?(?:(?:up|down|higher|lower)\s+)?at\s+$`,
  'i',
);
