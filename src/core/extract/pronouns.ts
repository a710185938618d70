/**
 * A question read from one sentence keeps that sentence's pronouns ("Will his initiative be
 * approved?"), which mean nothing once the question stands alone in a briefing. The first "he",
 * "his", "him", "she" or "her" becomes the person it means, when that is plain.
 */
import { personMeant, type PersonRef } from './events.js';

const PRONOUN = /\b(he|his|him|she|her)\b/i;
/** After "her", words that end a noun phrase: there it is the object ("support her in"), not a possessive. */
const NOT_A_NOUN = /^(?:to|in|on|at|by|for|from|with|about|as|and|or|but|if|that|than|again|now|then|back|out|up|down|over|off|away|too|also|still|yet)$/i;

/** `question` with its first personal pronoun replaced by who it means; unchanged when no one plainly is. */
export function namePronoun(question: string, persons: readonly PersonRef[], previous: readonly PersonRef[]): string {
  const m = PRONOUN.exec(question);
  if (!m?.[1]) return question;
  const who = personMeant(persons, previous);
  if (!who) return question;
  const surname = who.name.trim().split(/\s+/).at(-1) ?? who.name;
  // The question names them already: its pronoun refers back to that.
  if (question.includes(surname)) return question;
  const word = m[1].toLowerCase();
  const next = /^\s+([A-Za-z]+)/.exec(question.slice(m.index + m[1].length))?.[1];
  const possessive = word === 'his' || (word === 'her' && next !== undefined && !NOT_A_NOUN.test(next));
  return `${question.slice(0, m.index)}${who.name}${possessive ? '’s' : ''}${question.slice(m.index + m[1].length)}`;
}
