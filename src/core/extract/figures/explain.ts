/** Why each number of a sentence is or is not a figure: the rule that read it, or the rule that ruled it out. */
import type { PubDate } from '../../model.js';
import { analyse } from '../../nlp.js';
import { type FigureNote, readFigures } from './extract.js';
import { timeSpans } from './period.js';

/** One sentence, its time expressions and what became of each of its numbers. */
export interface ExplainedSentence {
  text: string;
  times: { text: string; period?: string | undefined; rule: string }[];
  numbers: FigureNote[];
}

/** Explains every sentence of a text as the extractor reads it, against a publication date. */
export function explainText(text: string, pub: PubDate): ExplainedSentence[] {
  const carry = {};
  return analyse(text).map((s) => ({
    text: s.text,
    times: timeSpans(s.text, pub).map((t) => ({ text: s.text.slice(t.start, t.end), period: t.period?.label, rule: t.rule })),
    numbers: readFigures(s, pub, carry, { file: '', quote: s.text, position: 0 }).notes,
  }));
}
