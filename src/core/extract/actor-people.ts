/**
 * Groups of people who act in a story, named by a plural noun for a kind of person: "striking
 * workers voted", "Catalan firefighters have been called out", "the 9,000 nurses who walked out
 * returned". Such a mention is only a candidate: the set keeps a group that several sources show
 * doing something.
 */
import type { ActorMention } from '../model.js';
import type { Sentence, Token } from '../nlp.js';
import { isCap, joinTokens, predicateAfter } from './actor-roles.js';
import { isQuantifier } from './actor-words.js';
import { countryOf } from './gazetteer.js';
import { isPeopleNoun } from './figures/lexicon.js';
import { lemmaOf } from './name-runs.js';

/**
 * People who report or comment rather than act ("officials said", "experts warn"): they speak for
 * others, and are never a group of their own.
 */
const SPEAKERS = new Set([
  'official',
  'expert',
  'analyst',
  'source',
  'observer',
  'critic',
  'commentator',
  'reporter',
  'journalist',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'witness',
  'other',
  'someone',
  'anyone',
  'everyone',
  'individual',
  'person',
  'human',
]);

/** Quantity words between a number and its noun, and before it: "about 33,000", "more than 200". */
const QUANTITY = /^(?:about|around|some|nearly|almost|roughly|approximately|over|more|than|at|least|up|to|the|its|their|all|of)$/;

/** The lemma of a plural noun, lower-case or capitalised by its place, or undefined when it is not plural. */
function pluralLemma(t: Token, first: boolean): string | undefined {
  if (!t.lower.endsWith('s') || (isCap(t) && !first)) return undefined;
  const read = t.lemma;
  const lemma = read !== t.lower ? read : lemmaOf(t.lower);
  return lemma && lemma !== t.lower ? lemma : undefined;
}

/** A number written in digits before the group ("33,000"), if any. */
function countBefore(tokens: readonly Token[], k: number): number | undefined {
  const t = tokens[k];
  if (!t || t.pos !== 'NUM' || !/^\d[\d,]*$/.test(t.text)) return undefined;
  const n = Number(t.text.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 2 ? n : undefined;
}

/** The predicate when the group is a subject, past a phrase after it: "workers at embattled plane maker Acme voted". */
function groupPredicate(tokens: readonly Token[], h: number, from: number, text: string): string | undefined {
  const direct = predicateAfter(tokens, h + 1, text, from);
  if (direct) return direct;
  if (!/^(?:at|of|from|in|on|with|across)$/.test(tokens[h + 1]?.lower ?? '')) return undefined;
  for (let k = h + 2; k < Math.min(tokens.length, h + 10); k++) {
    const t = tokens[k];
    if (!t) return undefined;
    if (/^(?:VERB|AUX)$/.test(t.pos)) return predicateAfter(tokens, k, text, from);
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(t.pos)) return undefined;
  }
  return undefined;
}

/** A group of people headed by the plural noun at `h`, or undefined. */
export function peopleGroup(tokens: readonly Token[], h: number, s: Sentence, site: { file: string; quote: string }): ActorMention | undefined {
  const head = tokens[h];
  if (!head?.lower.endsWith('s')) return undefined;
  const first = h === 0 || /^[“"‘(]$/.test(tokens[h - 1]?.text ?? '');
  if (head.pos !== 'NOUN' && !(first && head.pos === 'PROPN')) return undefined;
  const lemma = pluralLemma(head, first);
  if (!lemma || !isPeopleNoun(lemma) || SPEAKERS.has(lemma)) return undefined;
  const after = tokens[h + 1];
  if (after && after.pos === 'NOUN' && !isCap(after)) return undefined; // "worker safety"
  const mods: Token[] = [];
  let k = h - 1;
  for (; k >= 0 && mods.length < 3; k--) {
    const t = tokens[k];
    if (!t) break;
    // "striking workers", "the affected nurses"; not "urged members", where the verb takes them as object
    const participle = t.pos === 'VERB' && (/ing$/.test(t.lower) || (/ed$/.test(t.lower) && /^(?:DET|NUM)$/.test(tokens[k - 1]?.pos ?? '')));
    if (!(/^(?:ADJ|NOUN|PROPN)$/.test(t.pos) || participle)) break;
    if (isQuantifier(t.lower)) break;
    if (isCap(t) && t.pos !== 'PROPN' && !countryOf(t.text)) break;
    mods.unshift(t);
  }
  let q = k;
  const count = countBefore(tokens, q);
  if (count !== undefined) q--;
  while (q >= 0 && QUANTITY.test(tokens[q]?.lower ?? '')) q--;
  const from = Math.max(0, q + 1);
  const subject = groupPredicate(tokens, h, from, s.text);
  const name = joinTokens([...mods.filter((m) => !/[’']s$/.test(m.text)), head], s.text);
  const m: ActorMention = {
    name,
    kind: 'group',
    key: `people:${lemma}`,
    role: subject,
    subject: Boolean(subject),
    evidence: { file: site.file, quote: site.quote },
  };
  if (count !== undefined) m.count = count;
  return m;
}
