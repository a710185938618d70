/**
 * Sentences that name people without being the story's prose: photo captions with their credits,
 * title-case lines from "Recent Posts" lists, copyright and subscription boilerplate. Their names
 * make no actors.
 */
import type { Sentence } from '../nlp.js';
import { anyOf } from '../text.js';

/** A sentence that makes no actors, and why. */
interface SentenceRule {
  id: string;
  test: (s: Sentence) => boolean;
}

/** "(Olivia Ruiz / The Herald)", "(Photo by Ana Ruiz / AFP)", "(AP Photo/Ana Ruiz)" at the end of a caption. */
function endsOnCredit(s: Sentence): boolean {
  if (s.text.lastIndexOf(')') < s.text.length - 6) return false;
  const m = /\(([^()]{2,120})\)\s*\S{0,3}\s*$/.exec(s.text);
  if (!m?.[1]) return false;
  const inside = m[1];
  return (
    /^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*\/\s*\S/.test(inside) ||
    /^(?:photo|photograph|image|picture|video|file|credit|courtesy|illustration)s?\b/i.test(inside)
  );
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xdd);
const isLetter = (c: number): boolean => isUpper(c) || (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff);

/**
 * "Can Nonviolent Struggle Defeat a Dictator?", "This Database Emphatically Says Yes": a headline set
 * in title case, where even verbs and adverbs are capitalised. Names in prose keep their sentence's
 * verbs in lower case.
 */
function titleCase(s: Sentence): boolean {
  let long = 0;
  let caps = 0;
  let verb = false;
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    const c = t?.text.charCodeAt(0) ?? 0;
    if (!t || t.text.length < 3 || !isLetter(c)) continue;
    long++;
    // Prose has lower-case words early and often: three settle it.
    if (!isUpper(c)) {
      if (long - caps >= 3) return false;
      continue;
    }
    caps++;
    if (i > 0 && (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADV')) verb = true;
  }
  if (long < 4 || caps / long < 0.8) return false;
  return (caps === long && long >= 5) || verb;
}

/** The words of boilerplate: copyright, disclaimers, sign-ups. */
const BOILERPLATE_WORDS = [
  /copyright|all rights reserved/,
  /provides? the information ["“]?as is|without warranty|legal disclaimer/,
  /sign up for|subscribe to|delivered (?:directly )?to your inbox/,
];
/** Copyright lines, "provided as is" disclaimers and newsletter sign-ups. */
const BOILERPLATE = new RegExp(String.raw`\b${anyOf(BOILERPLATE_WORDS)}\b|©`, 'i');

/** A cheap first look for the words BOILERPLATE needs: one scan for all of them, not one each. */
const BOILERPLATE_HINT = /©|ight|eserved|as is|arrant|isclaim|ign up|ubscri|inbox/;
const maybeBoilerplate = (text: string): boolean => BOILERPLATE_HINT.test(text);

/** Checked in order; the first that holds says why the sentence makes no actors. */
const SENTENCE_RULES: readonly SentenceRule[] = [
  { id: 'photo-credit', test: endsOnCredit },
  { id: 'title-case-line', test: titleCase },
  { id: 'boilerplate', test: (s) => maybeBoilerplate(s.text) && BOILERPLATE.test(s.text) },
];

/**
 * Paragraphs none of whose sentences name actors: a caption ending on its photo credit, and a short
 * line with no closing punctuation, as headings and lists of other stories are ("USS Ford enters
 * Caribbean amid tensions with Vene").
 */
export function namesNoActors(paragraph: string, sentences: readonly Sentence[]): boolean {
  const last = sentences.at(-1);
  if (last !== undefined && endsOnCredit(last)) return true;
  const text = paragraph.trim().replace(/^[-•*·–—]\s*/, '');
  return !/[.!?…:;"”’')\]]$/.test(text) && text.split(/\s+/).length <= 16;
}

/** Why a sentence names no actors, or undefined for prose. */
export function notProse(s: Sentence): string | undefined {
  return SENTENCE_RULES.find((r) => r.test(s))?.id;
}
