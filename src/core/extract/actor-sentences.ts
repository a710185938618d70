/**
 * Sentences that name people without being the story's prose: photo captions with their credits,
 * title-case lines from "Recent Posts" lists, copyright and subscription boilerplate. Their names
 * make no actors.
 */
import type { Sentence, Token } from '../nlp.js';

/** A sentence that makes no actors, and why. */
export interface SentenceRule {
  id: string;
  test: (s: Sentence) => boolean;
}

/** "(Olivia Ruiz / The Herald)", "(Photo by Ana Ruiz / AFP)", "(AP Photo/Ana Ruiz)" at the end of a caption. */
function endsOnCredit(s: Sentence): boolean {
  const m = /\(([^()]{2,120})\)\s*\S{0,3}\s*$/.exec(s.text);
  if (!m?.[1]) return false;
  const inside = m[1];
  return /^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\/\s*\S/.test(inside) || /^(?:photo|photograph|image|picture|video|file|credit|courtesy|illustration)s?\b/i.test(inside);
}

const isWord = (t: Token): boolean => /^[A-Za-zÀ-ÿ][\w’'-]{2,}$/.test(t.text);
const capitalised = (t: Token): boolean => /^[A-ZÀ-Ý]/.test(t.text);

/**
 * "Can Nonviolent Struggle Defeat a Dictator?", "This Database Emphatically Says Yes": a headline set
 * in title case, where even verbs and adverbs are capitalised. Names in prose keep their sentence's
 * verbs in lower case.
 */
function titleCase(s: Sentence): boolean {
  const long = s.tokens.filter(isWord);
  if (long.length < 4) return false;
  const caps = long.filter(capitalised).length;
  if (caps / long.length < 0.8) return false;
  return (caps === long.length && long.length >= 5) || s.tokens.some((t, i) => i > 0 && capitalised(t) && /^(?:VERB|AUX|ADV)$/.test(t.pos));
}

/** Copyright lines, "provided as is" disclaimers and newsletter sign-ups. */
const BOILERPLATE = /\b(?:copyright|all rights reserved|provides? the information ["“]?as is|sign up for|subscribe to|delivered (?:directly )?to your inbox)\b|©/i;

/** Checked in order; the first that holds says why the sentence makes no actors. */
export const SENTENCE_RULES: readonly SentenceRule[] = [
  { id: 'photo-credit', test: endsOnCredit },
  { id: 'title-case-line', test: titleCase },
  { id: 'boilerplate', test: (s) => BOILERPLATE.test(s.text) },
];

/** A paragraph that ends on a photo credit is a caption: none of its sentences names actors. */
export function isCaption(sentences: readonly Sentence[]): boolean {
  const last = sentences.at(-1);
  return last !== undefined && endsOnCredit(last);
}

/** Why a sentence names no actors, or undefined for prose. */
export function notProse(s: Sentence): string | undefined {
  return SENTENCE_RULES.find((r) => r.test(s))?.id;
}
