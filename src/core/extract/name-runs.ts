/**
 * Capitalised runs of tokens that may name someone: where a run starts and ends ("International
 * Association of Machinists and Aerospace Workers", "Sheriff's Office", "von der Berg"), and runs
 * that shout a heading or a dateline rather than name anyone.
 */
import { lemmas, type Token } from '../nlp.js';
import { isCap } from './actor-roles.js';
import { CONNECTOR, isInstitutionHead, isOrganizationHead, isRoleWord, isTitle } from './actor-words.js';
import { countryOf } from './gazetteer.js';

/** "’s" after a name. */
export const POSSESSIVE = /^[’']s$/;
/** "UN", "EU", "U.N.": an upper-case abbreviation, two letters or more. */
export const isAbbreviation = (s: string): boolean => /^(?:[A-Z]{2,8}|(?:[A-Z]\.){2,4})$/.test(s);
/** Whether a word heads an institution's or an organisation's name. */
export const isOrgWord = (w: string): boolean => isInstitutionHead(w) || isOrganizationHead(w);

/** A token that can be part of a name: capitalised, not punctuation, not a pronoun ("Today I visited"). */
export const nameToken = (t: Token | undefined): boolean =>
  t !== undefined && isCap(t) && t.type !== 'punctuation' && !/^[“"‘’'(]$/.test(t.text) && t.pos !== 'PRON';
const adjacent = (a: Token, b: Token): boolean => a.end === b.start;

/**
 * Whether "and" joins two parts of one name: "US Customs and Border Protection", "International
 * Association of Machinists and Aerospace Workers" (an organisation's name ending on a plural noun).
 */
function andJoins(tokens: readonly Token[], i: number, j: number): boolean {
  const left = tokens.slice(i, j + 1);
  if (countryOf(tokens[j]?.text ?? '')) return false;
  let k = j + 2;
  while (nameToken(tokens[k + 1])) k++;
  const right = tokens.slice(j + 2, k + 1);
  if (right.some((t) => countryOf(t.text) || isTitle(t.text))) return false;
  // "National Search and Rescue Agency": two words an institution's head ends, after a short left side.
  const headed = right.length <= 2 && left.length <= 3 && isInstitutionHead(right.at(-1)?.text ?? '');
  if (!headed && !left.some((t) => isOrgWord(t.text) || t.lower === 'of')) return false;
  const last = right.at(-1);
  return headed || right.slice(0, 3).some((t) => isOrgWord(t.text)) || (last !== undefined && isPlural(last));
}

/** The last token of the capitalised run that starts at `i`. */
export function runEnd(tokens: readonly Token[], i: number): number {
  let j = i;
  for (;;) {
    const t = tokens[j];
    const n = tokens[j + 1];
    const n2 = tokens[j + 2];
    if (!t || !n) return j;
    if (nameToken(n) && !POSSESSIVE.test(n.text)) j++;
    else if (n.text === '.' && /^(?:inc|corp|co|ltd|capt|gen|jr|sr|st)$/i.test(t.text)) j++;
    else if (/^(?:to|of)$/.test(n.text) && n2?.text === 'the' && isTitle(t.text) && nameToken(tokens[j + 3]))
      j += 3; // "Envoy to the UN", "President of the Council"
    else if (
      CONNECTOR.test(n.text) &&
      n.text !== 'and' &&
      n2 &&
      CONNECTOR.test(n2.text) &&
      n2.text !== 'and' &&
      !/^(?:of|the)$/.test(n.text) &&
      nameToken(tokens[j + 3])
    )
      j += 3; // "Ursula von der Leyen"
    else if (!n2 || !nameToken(n2)) return j;
    else if (n.text === '-' && adjacent(t, n) && adjacent(n, n2))
      j += 2; // "American-Statesman"
    else if (POSSESSIVE.test(n.text) && (isTitle(t.text) || isRoleWord(t.text) || isInflected(t)) && isOrgWord(n2.text))
      j += 2; // "Sheriff's Office", "Longshoremen's Association"
    else if (/^[’']$/.test(n.text) && adjacent(t, n) && isPlural(t) && isOrgWord(n2.text))
      j += 2; // "Dockers’ Association"
    else if (CONNECTOR.test(n.text) && n.text !== 'and') j += 2;
    else if (n.text === 'to' && isTitle(t.text))
      j += 2; // "Ambassador to Peru"
    else if (n.text === 'and' && andJoins(tokens, i, j)) j += 2;
    else return j;
  }
}

const standalone = new Map<string, string>();
/** A lower-case word's lemma read on its own (a tagger pass of its own, so each word is read once). */
export const lemmaOf = (lower: string): string => {
  let l = standalone.get(lower);
  if (l === undefined) {
    l = lemmas(lower)[0] ?? lower;
    if (standalone.size < 50_000) standalone.set(lower, l);
  }
  return l;
};
/** "Longshoremen", "Workers": a word whose lemma differs from it, such as a plural noun. */
const isInflected = (t: Token): boolean => lemmaOf(t.lower) !== t.lower;
/** "Workers", "Members": a plural noun, capitalised or not. */
export const isPlural = (t: Token): boolean => t.lower.endsWith('s') && isInflected(t);

/** Whether token `a` starts its sentence, or a quotation or clause set off by a dash or colon. */
export const startsSentence = (tokens: readonly Token[], a: number): boolean => a === 0 || /^[“"‘(—–:-]$/.test(tokens[a - 1]?.text ?? '');

const allCaps = (t: Token): boolean => /^[A-Z]{3,}$/.test(t.text);

/** "UNITED NATIONS", "SEATTLE —": words in capitals that shout a dateline or a heading, not a name. */
export function shouting(words: readonly Token[], tokens: readonly Token[], a: number, j: number): boolean {
  if (words.length >= 2 && words.every(allCaps)) return true;
  const only = words.length === 1 ? words[0] : undefined;
  if (only && allCaps(only) && only.text.length >= 4 && a === 0 && /^[—–(-]$/.test(tokens[j + 1]?.text ?? '')) return true;
  // "(R-TX)": a party and state code
  if (words.length === 2 && words.every((w) => /^[A-Z]{1,3}$/.test(w.text)) && tokens.slice(a, j + 1).some((t) => t.text === '-')) return true;
  // "S/RES/2719": an abbreviation inside a document symbol
  return tokens[a - 1]?.text === '/' || tokens[j + 1]?.text === '/';
}

/** "according to Texas P": a name cut off with its text, ending on a lone letter. */
export const truncated = (tokens: readonly Token[], j: number): boolean => /^[A-Z]$/.test(tokens[j]?.text ?? '') && j === tokens.length - 1;

const upper = (t: Token | undefined): boolean => t !== undefined && /^[A-Z]+$/.test(t.text);

/** "IAM" read as "I" + "AM": capitals written together are one word again. */
export function glued(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some((t, i) => i > 0 && tokens[i - 1]?.end === t.start && t.type !== 'punctuation' && upper(t) && upper(tokens[i - 1]))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out.at(-1);
    if (prev && prev.end === t.start && /^[A-Z]+$/.test(prev.text) && /^[A-Z]+$/.test(t.text)) {
      const text = prev.text + t.text;
      out[out.length - 1] = { text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'PROPN', type: 'word', start: prev.start, end: t.end };
    } else out.push(t);
  }
  return out;
}

/**
 * "China, Pakistan, and Russia abstained": the token after the list of names whose first ends at `j`,
 * where what follows is said of them all; -1 when `j` ends no such list.
 */
export function listEnd(tokens: readonly Token[], j: number): number {
  let k = j + 1;
  let names = 0;
  while (tokens[k]?.text === ',' || tokens[k]?.lower === 'and') {
    k++;
    if (tokens[k]?.lower === 'and') k++;
    if (!nameToken(tokens[k]) || POSSESSIVE.test(tokens[k]?.text ?? '')) return -1;
    k = runEnd(tokens, k) + 1;
    names++;
  }
  return names > 0 ? k : -1;
}

/** "Norway, Chile and Kenya abstained": where the list of names that token `a` starts the last of begins. */
export function listStart(tokens: readonly Token[], a: number): number {
  let k = a;
  for (;;) {
    let p = k - 1;
    if (tokens[p]?.lower === 'and') p--;
    if (tokens[p]?.text === ',') p--;
    if (p === k - 1 || !nameToken(tokens[p])) return k;
    while (nameToken(tokens[p - 1])) p--;
    k = p;
  }
}
