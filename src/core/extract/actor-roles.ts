/**
 * Roles as a sentence gives them: the title or description around a name ("union President Jon
 * Holden", "Bob Ruiz, a meteorologist with the weather service,") and what a subject does ("the
 * Labor Ministry proposed a mediator").
 */
import type { Token } from '../nlp.js';
import { isHonorific, isRoleWord, isTitle } from './actor-words.js';
import { countryOf } from './gazetteer.js';

/** A token that starts with a capital letter (or "then-"), as names and titles do. */
export const isCap = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  // Most tokens start with a lower-case letter, a digit or punctuation: decided on the first character.
  if (c >= 97 && c <= 122 && !t.text.startsWith('then-')) return false;
  if (c < 65 || (c > 90 && c < 0xc0)) return false;
  return (
    /^(?:then-)?[A-ZÁÉÍÓÚÑÜ]/.test(t.text) &&
    (t.type === 'word' || /^[A-Z](?:\.[A-Z])+\.?$/.test(t.text) || t.type === 'abbreviation' || /[A-Za-z]/.test(t.text))
  );
};

/** The sentence's text from the first to the last of `tokens`. */
export function joinTokens(tokens: readonly Token[], text: string): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? text.slice(first.start, last.end) : '';
}

/** A sentence opening on a phrase before its subject: "In response to ..., the city council voted". */
const FRONTING = /^(?:in|after|amid|despite|following|as|while|when|since|before|under|during|although|though|because|with|without|faced|facing)$/;

/** Whether the mention starting at token `from` is the subject that follows an opening phrase and its comma. */
function afterOpeningPhrase(tokens: readonly Token[], from: number): boolean {
  if (!FRONTING.test(tokens[0]?.lower ?? '')) return false;
  const comma = /^(?:the|a|an)$/.test(tokens[from - 1]?.lower ?? '') ? from - 2 : from - 1;
  // The phrase's own comma, and no other: "In Lima, Santiago and Bogota, officials..." is a list.
  return tokens[comma]?.text === ',' && tokens.slice(0, comma).every((t) => t.text !== ',');
}

/** The predicate after a mention when it is the subject: "has invited Kenyan peacekeepers ...". */
export function predicateAfter(tokens: readonly Token[], j: number, text: string, from = 0): string | undefined {
  if (from > 3 && !afterOpeningPhrase(tokens, from)) return undefined;
  let k = j;
  if (tokens[k]?.text === ',') {
    const close = tokens.findIndex((t, x) => x > k && t.text === ',');
    if (close < 0 || close - k > 12) return undefined;
    k = close + 1;
  }
  const t = tokens[k];
  if (!t || (t.pos !== 'VERB' && t.pos !== 'AUX')) return undefined;
  // The clause ends at a stop, at a comma after a few words, or where ", but" or ", while" starts another.
  const end = tokens.findIndex(
    (x, y) =>
      y > k && (/^[.;:!?]$/.test(x.text) || (x.text === ',' && (y - k > 6 || /^(?:but|yet|while|although|though|whereas)$/.test(tokens[y + 1]?.lower ?? '')))),
  );
  let stop = end < 0 ? tokens.length : end;
  // "... the costs and priorities of such an initiative": what leans on another sentence is cut off
  // when a whole phrase, ending on a noun, remains; otherwise the phrase stays whole (and is no role).
  const leaning = tokens.findIndex((x, y) => y > k && y < stop && /^(?:this|these|those|such)$/.test(x.lower));
  if (leaning > 0) {
    let e = leaning - 1;
    while (e > k && /^(?:ADP|DET|CCONJ|PART)$/.test(tokens[e]?.pos ?? '')) e--;
    if (e >= k + 2 && /^(?:NOUN|PROPN)$/.test(tokens[e]?.pos ?? '')) stop = e + 1;
  }
  if (stop <= k + 12) return joinTokens(tokens.slice(k, stop), text);
  // Cut short by the cap: end on a noun before a preposition or conjunction ("maintained a
  // military presence at a base on the coast"), or mark it, so a role is only taken from a whole phrase.
  for (let e = k + 11; e >= k + 3; e--) {
    const t = tokens[e];
    const after = tokens[e + 1];
    if ((t?.pos === 'NOUN' || t?.pos === 'PROPN') && after && /^(?:ADP|CCONJ|SCONJ|PUNCT)$/.test(after.pos) && after.text !== '-')
      return joinTokens(tokens.slice(k, e + 1), text);
  }
  return `${joinTokens(tokens.slice(k, k + 12), text)}…`;
}

/** The second half of a hyphenated modifier that says who runs or backs something ("opposition-controlled"). */
const HYPHEN_ROLE = /^(?:controlled|led|backed|run|owned|funded|financed|dominated|sponsored|supported|allied|affiliated|linked|aligned|appointed|based)$/;

/** "the opposition-controlled National Assembly", "state-owned Pacific Oil Company", "US-backed forces". */
export function hyphenRole(tokens: readonly Token[], i: number, text: string): string | undefined {
  if (tokens[i - 2]?.text !== '-' || !HYPHEN_ROLE.test(tokens[i - 1]?.lower ?? '') || !tokens[i - 3]) return undefined;
  // The whole name before the hyphen: "San Diego-based", not "Diego-based".
  const capital = (t: Token | undefined): boolean => t !== undefined && isCap(t) && t.type !== 'punctuation';
  let from = i - 3;
  while (capital(tokens[from]) && capital(tokens[from - 1])) from--;
  return joinTokens(tokens.slice(from, i), text);
}

/** "San Diego-based Qualcomm": the name before "-based" only says where something is; it does nothing. */
export const placeModifier = (tokens: readonly Token[], j: number): boolean =>
  tokens[j + 1]?.text === '-' && tokens[j]?.end === tokens[j + 1]?.start && tokens[j + 2]?.lower === 'based';

/**
 * Lower-case words and titles directly before a name: its role as the article gives it. Before a
 * capitalised title, lower-case nouns are part of it too ("union President Jon Holden").
 */
export function roleBefore(tokens: readonly Token[], i: number, text: string, titled = false): string | undefined {
  // "then-President Ana Ruiz", tokenised as then / - / President ...
  if (tokens[i - 1]?.text === '-' && /^(?:then|ex)$/.test(tokens[i - 2]?.lower ?? '')) return 'former';
  const modifier = hyphenRole(tokens, i, text);
  if (modifier) return modifier;
  const parts: Token[] = [];
  for (let k = i - 1; k >= 0 && parts.length < 4; k--) {
    const t = tokens[k];
    if (!t) break;
    const compound = titled && !isCap(t) && t.pos === 'NOUN' && parts.length < 2;
    if (
      compound ||
      isRoleWord(t.lower) ||
      (isTitle(t.lower) && isCap(t)) ||
      (/^(?:then|ex)-/.test(t.lower) && isTitle(t.lower.slice(t.lower.indexOf('-') + 1))) ||
      (t.text === '-' && parts.length)
    )
      parts.unshift(t);
    else if (countryOf(t.text) && (parts.length || titled)) {
      parts.unshift(t);
      break;
    } else if ((parts.length || titled) && isCap(t) && /^(?:PROPN|NOUN)$/.test(t.pos)) {
      // What the role is of, a name of up to five words: "Union leader Marta Quiroga", "Mountain View
      // Fire Department spokesperson Lynn Brown".
      let b = k;
      while (b > 0 && k - b < 4 && isCap(tokens[b - 1] ?? t) && /^(?:PROPN|NOUN)$/.test(tokens[b - 1]?.pos ?? '')) b--;
      if (b > 0 && isCap(tokens[b - 1] ?? t)) break;
      parts.unshift(...tokens.slice(b, k + 1));
      break;
    } else break;
  }
  return parts.length ? joinTokens(parts, text).replace(/^(?:then|ex)-/i, 'former ') : undefined;
}

/**
 * "The government-backed mediator, Pablo Ferrer, met...": a role opening the sentence, then the
 * name set off by commas. Only at the start: in "After meeting the mayor, Ana Ruiz said" the mayor is
 * someone else.
 */
export function roleOpening(tokens: readonly Token[], i: number, j: number, text: string): string | undefined {
  if (tokens[i - 1]?.text !== ',' || tokens[j + 1]?.text !== ',' || i < 3 || i > 9) return undefined;
  const phrase = tokens.slice(/^(?:the|a|an)$/.test(tokens[0]?.lower ?? '') ? 1 : 0, i - 1);
  // The role's head ends it, or comes before what it is of: "Permanent Representative to the UN".
  const of = phrase.findIndex((t) => /^(?:to|of|for|at)$/.test(t.text));
  const head = of > 0 ? phrase[of - 1] : phrase.at(-1);
  if (
    !head ||
    !(isRoleWord(head.lower) || isTitle(head.lower)) ||
    phrase.some((t) => t.pos === 'PUNCT' && t.text !== '-' && t.text !== '’s' && t.text !== "'s") ||
    phrase.some((t) => /^(?:VERB|AUX|PRON)$/.test(t.pos) && !HYPHEN_ROLE.test(t.lower))
  )
    return undefined;
  return joinTokens(phrase, text);
}

/** ", a former aide of President Ana Ruiz," or ", director of operations," after a name. */
export function appositive(tokens: readonly Token[], j: number, text: string): string | undefined {
  const first = tokens[j + 1];
  if (tokens[j]?.text !== ',' || !first) return undefined;
  const article = /^(?:a|an|the)$/i.test(first.text);
  if (!article && !(isRoleWord(first.lower) && !isCap(first))) return undefined;
  const end = tokens.findIndex((t, x) => x > j + 1 && /^[,.;:—–()]$/.test(t.text));
  if (end < 0 || end - j > 14) return undefined;
  return joinTokens(tokens.slice(article ? j + 2 : j + 1, end), text);
}

/** Titles before a name as its role, unless they are only honorifics ("Mr", "Dr"). */
export function titleRole(titles: readonly Token[], text: string): string | undefined {
  const words = titles.filter((t) => /[A-Za-z]/.test(t.text));
  return words.length && !words.every((t) => isHonorific(t.text)) ? joinTokens(titles, text) : undefined;
}
