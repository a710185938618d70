/** Actor mentions in a sentence: people, institutions, organisations, groups and countries. */
import type { ActorKind, ActorMention, Paragraph } from '../model.js';
import { lemmas, type Sentence, type Token } from '../nlp.js';
import { GROUP_HEAD, groupMention } from './actor-groups.js';
import { peopleGroup } from './actor-people.js';
import { appositive, hyphenRole, isCap, joinTokens, predicateAfter, roleBefore, roleOpening, titleRole } from './actor-roles.js';
import { notProse } from './actor-sentences.js';
import {
  CONNECTOR, PRODUCT, isAreaHead, isCalendar, isDirection, isInstitutionHead, isLocative, isNotActorHead, isOrganizationHead, isPlaceHead,
  isPlaceNoun, isPlaceQualifier, isRoleWord, isSpatial, isTitle, isTitleHead,
} from './actor-words.js';
import { capitalOf, countryOf, isRegion, NEWS_AGENCIES } from './gazetteer.js';

const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'ADV', 'DET', 'PRON', 'CCONJ', 'VERB', 'AUX', 'PART', 'INTJ']);
const POSSESSIVE = /^[’']s$/;
const isAcronym = (s: string): boolean => /^[A-Z]{3,8}$/.test(s) && !countryOf(s);
/** "UN", "EU", "U.N.": an upper-case abbreviation, two letters or more. */
const isAbbreviation = (s: string): boolean => /^(?:[A-Z]{2,8}|(?:[A-Z]\.){2,4})$/.test(s);
const isOrgWord = (w: string): boolean => isInstitutionHead(w) || isOrganizationHead(w);
/** A name as actor keys hold it: lower case, without accents. */
export const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** An organisation's name as its key holds it: "U.N. Security Council" and "UN Security Council" are one. */
const orgKey = (s: string): string => `org:${norm(s).replace(/\./g, '')}`;

/** Per-article knowledge mention extraction needs. */
export interface ActorContext {
  file: string;
  /** Places named "City, Country" in the article. */
  places: Set<string>;
  /** The headline: a body sentence that repeats it only lends roles, as the headline does. */
  headline?: string | undefined;
  /** Whether the article writes a capitalised word mid-sentence: a name, unlike words capitalised by their place. */
  midCap?: ((word: string) => boolean) | undefined;
}

/** Whether `word` follows a lower-case word, a digit or a comma somewhere in the paragraphs: written capitalised mid-sentence. */
function writtenMidSentence(paragraphs: readonly Paragraph[], word: string): boolean {
  for (const p of paragraphs) {
    for (let at = p.text.indexOf(` ${word}`); at > 0; at = p.text.indexOf(` ${word}`, at + 1)) {
      // On its own: after a lower-case word, and not followed by another capitalised word ("Cal Fire" is no "Fire").
      const previous = p.text.slice(p.text.lastIndexOf(' ', at - 1) + 1, at);
      const after = p.text.slice(at + word.length + 1, at + word.length + 3);
      if (/^[\p{Ll}\d]/u.test(previous) && !/^\p{L}|^ \p{Lu}/u.test(after)) return true;
    }
  }
  return false;
}

/** The context for one article's sentences. */
export function actorContext(file: string, places: Set<string>, headline: string, paragraphs: readonly Paragraph[]): ActorContext {
  // Asked only of a few words an article, and answered once for each.
  const answers = new Map<string, boolean>();
  const midCap = (word: string): boolean => {
    let a = answers.get(word);
    if (a === undefined) answers.set(word, (a = writtenMidSentence(paragraphs, word)));
    return a;
  };
  return { file, places, headline, midCap };
}

/** Where a mention was read. */
interface Site {
  ctx: ActorContext;
  file: string;
  quote: string;
}

interface MentionExtra {
  role?: string | undefined;
  /** The role is a title or description, not a predicate. */
  title?: boolean;
  subject?: boolean;
  cue?: ActorMention['cue'];
}

function mention(name: string, kind: ActorKind, key: string, site: Site, extra: MentionExtra = {}): ActorMention {
  const m: ActorMention = { name, kind, key, role: extra.role, subject: extra.subject ?? false, evidence: { file: site.ctx.file, quote: site.quote } };
  if (extra.cue) m.cue = extra.cue;
  if (extra.role) m.roleFrom = extra.title ? 'title' : 'predicate';
  return m;
}

/** A token that can be part of a name: capitalised, not punctuation, not a pronoun ("Today I visited"). */
const nameToken = (t: Token | undefined): boolean => t !== undefined && isCap(t) && t.type !== 'punctuation' && !/^[“"‘’'(]$/.test(t.text) && t.pos !== 'PRON';
const adjacent = (a: Token, b: Token): boolean => a.end === b.start;

/**
 * Whether "and" joins two parts of one name: "US Customs and Border Protection", "International
 * Association of Machinists and Aerospace Workers" (an organisation's name ending on a plural noun).
 */
function andJoins(tokens: readonly Token[], i: number, j: number): boolean {
  const left = tokens.slice(i, j + 1);
  if (countryOf(tokens[j]?.text ?? '') || !left.some((t) => isOrgWord(t.text) || t.lower === 'of')) return false;
  let k = j + 2;
  while (nameToken(tokens[k + 1])) k++;
  const right = tokens.slice(j + 2, k + 1);
  if (right.some((t) => countryOf(t.text) || isTitle(t.text))) return false;
  const last = right.at(-1);
  return right.slice(0, 3).some((t) => isOrgWord(t.text)) || (last !== undefined && isPlural(last));
}

/** The last token of the capitalised run that starts at `i`. */
function runEnd(tokens: readonly Token[], i: number): number {
  let j = i;
  for (;;) {
    const t = tokens[j];
    const n = tokens[j + 1];
    const n2 = tokens[j + 2];
    if (!t || !n) return j;
    if (nameToken(n) && !POSSESSIVE.test(n.text)) j++;
    else if (n.text === '.' && /^(?:inc|corp|co|ltd|capt|gen|jr|sr|st)$/i.test(t.text)) j++;
    else if (/^(?:to|of)$/.test(n.text) && n2?.text === 'the' && isTitle(t.text) && nameToken(tokens[j + 3])) j += 3; // "Envoy to the UN", "President of the Council"
    else if (CONNECTOR.test(n.text) && n.text !== 'and' && n2 && CONNECTOR.test(n2.text) && n2.text !== 'and' && !/^(?:of|the)$/.test(n.text) && nameToken(tokens[j + 3])) j += 3; // "Ursula von der Leyen"
    else if (!n2 || !nameToken(n2)) return j;
    else if (n.text === '-' && adjacent(t, n) && adjacent(n, n2)) j += 2; // "American-Statesman"
    else if (POSSESSIVE.test(n.text) && (isTitle(t.text) || isRoleWord(t.text) || isInflected(t)) && isOrgWord(n2.text)) j += 2; // "Sheriff's Office", "Longshoremen's Association"
    else if (/^[’']$/.test(n.text) && adjacent(t, n) && isPlural(t) && isOrgWord(n2.text)) j += 2; // "Dockers’ Association"
    else if (CONNECTOR.test(n.text) && n.text !== 'and') j += 2;
    else if (n.text === 'to' && isTitle(t.text)) j += 2; // "Ambassador to Peru"
    else if (n.text === 'and' && andJoins(tokens, i, j)) j += 2;
    else return j;
  }
}

/** "Workers", "Members": a plural noun, capitalised or not. */
const inflections = new Map<string, boolean>();
/** "Longshoremen", "Workers": a word whose lemma differs from it, such as a plural noun. */
const isInflected = (t: Token): boolean => {
  let p = inflections.get(t.lower);
  if (p === undefined) {
    p = lemmas(t.lower)[0] !== t.lower;
    if (inflections.size < 50_000) inflections.set(t.lower, p);
  }
  return p;
};
const isPlural = (t: Token): boolean => t.lower.endsWith('s') && isInflected(t);

/** Whether token `a` starts its sentence, or a quotation or clause set off by a dash or colon. */
const startsSentence = (tokens: readonly Token[], a: number): boolean => a === 0 || /^[“"‘(—–:-]$/.test(tokens[a - 1]?.text ?? '');

/** "Members of Boeing", "Shares of Acme": a plural noun capitalised only by its place in the sentence. */
const commonPlural = (t: Token, ctx: ActorContext): boolean =>
  !ctx.midCap?.(t.text) && !isOrgWord(t.text) && !countryOf(t.text) && isPlural(t);

/** The token before the name at `a`, past "the" and lower-case modifiers ("in neighboring Kerr County", "in south central Texas"). */
function beforeName(tokens: readonly Token[], a: number): number {
  let k = a - 1;
  for (let skipped = 0; skipped < 3 && k >= 0; skipped++) {
    const t = tokens[k];
    if (!t || isCap(t) || !(t.lower === 'the' || t.pos === 'ADJ' || isPlaceQualifier(t.lower) || /^[a-z]+-[a-z]+$/.test(t.text))) break;
    k--;
  }
  return k;
}

/**
 * Whether the name at `a` is where something happens: after a spatial preposition ("in Lima"),
 * after "north of" or "the state of", or as the region of a place that is ("near Hunt, Texas").
 * With `broad`, "from", "to" and "at" count too, as they do for a single word.
 */
function placeAt(tokens: readonly Token[], a: number, broad: boolean, depth = 0): boolean {
  const k = beforeName(tokens, a);
  const before = tokens[k]?.lower ?? '';
  if (broad ? isLocative(before) : isSpatial(before)) return true;
  if (before === 'of' && (isDirection(tokens[k - 1]?.lower ?? '') || isPlaceNoun(tokens[k - 1]?.lower ?? ''))) return true;
  // The later names of a list, and the region after a place ("near Hunt, Texas"), are read as the first name is.
  const previous = tokens[k - 1];
  if (!/^(?:,|and|or|&)$/.test(before) || depth > 6 || !previous || !nameToken(previous)) return false;
  let b = k - 1;
  while (b > 0 && nameToken(tokens[b - 1])) b--;
  return placeAt(tokens, b, broad, depth + 1);
}

const LIST_GLUE = /^(?:,|and|or|&)$/;
const INTRODUCES = /^(?:including|like|such|as)$/;

/**
 * Whether the name at `a`..`j` is one of a list of places: "Travis, Burnet and Tom Green counties",
 * "cities including Madrid, Valencia and La Coruña".
 */
function inPlaceList(tokens: readonly Token[], a: number, j: number): boolean {
  let k = j + 1;
  for (let items = 0; items < 8; items++) {
    if (!LIST_GLUE.test(tokens[k]?.lower ?? '')) break;
    while (LIST_GLUE.test(tokens[k]?.lower ?? '')) k++;
    if (!nameToken(tokens[k])) break;
    k = runEnd(tokens, k) + 1;
  }
  const after = tokens[k];
  if (k > j + 1 && after && !isCap(after) && isPlaceNoun(after.lower) && isPlural(after)) return true;
  let b = a - 1;
  for (let items = 0; items < 8 && b >= 0; items++) {
    if (!LIST_GLUE.test(tokens[b]?.lower ?? '')) break;
    while (b >= 0 && LIST_GLUE.test(tokens[b]?.lower ?? '')) b--;
    if (!nameToken(tokens[b])) break;
    while (b > 0 && nameToken(tokens[b - 1])) b--;
    b--;
  }
  while (b >= 0 && INTRODUCES.test(tokens[b]?.lower ?? '')) b--;
  const kind = tokens[b];
  return b < a - 1 && INTRODUCES.test(tokens[b + 1]?.lower ?? '') && kind !== undefined && isPlaceNoun(kind.lower) && isPlural(kind);
}

/** How the sentence places the name at `a`..`j`. */
interface Placing {
  /** Read as a place: the cue the set weighs for names of any length. */
  spatial: boolean;
  /** Where a place stands, "from" and "to" included: how a single word is read. */
  locative: boolean;
}

function placingOf(tokens: readonly Token[], a: number, j: number): Placing {
  const listed = inPlaceList(tokens, a, j);
  const spatial = listed || placeAt(tokens, a, false);
  return { spatial, locative: spatial || placeAt(tokens, a, true) };
}

/** Whether a determiner matching `det` comes before the name at `a`, past lower-case modifiers ("the 72,500-acre ..."). */
function determinerBefore(tokens: readonly Token[], a: number, det: RegExp, modifier: (t: Token) => boolean): boolean {
  let k = a - 1;
  for (let t = tokens[k]; t && !isCap(t) && modifier(t); t = tokens[--k]);
  return det.test(tokens[k]?.text ?? '');
}

/** "a native New Yorker", "an American": an indefinite article before a name, past adjectives (not nouns: "a union President Ana Ruiz"). */
const indefinite = (tokens: readonly Token[], a: number): boolean => determinerBefore(tokens, a, /^(?:a|an)$/i, (t) => t.pos === 'ADJ' || /^[a-z]+-[a-z]+$/.test(t.text));
/** "the 72,500-acre County Fire": the definite article before a name, past any modifiers. */
const definite = (tokens: readonly Token[], a: number): boolean => determinerBefore(tokens, a, /^the$/i, (t) => /^(?:ADJ|NUM|NOUN)$/.test(t.pos) || t.text === '-');

/**
 * "talks led by the United States", "a plan co-sponsored by Peru and Chile": the agent of a passive
 * verb acts, though it is no subject; so does each name listed with it.
 */
function passiveAgent(tokens: readonly Token[], a: number): boolean {
  let k = beforeName(tokens, a);
  // Back over the earlier names of a list: "by Peru, Chile and the United States".
  for (let hops = 0; hops < 8 && k > 0 && /^(?:,|and|the)$/.test(tokens[k]?.lower ?? ''); hops++) {
    k--;
    while (k > 0 && (nameToken(tokens[k]) || /^(?:,|and|the)$/.test(tokens[k]?.lower ?? ''))) k--;
  }
  const verb = tokens[k - 1];
  return tokens[k]?.lower === 'by' && verb !== undefined && /^(?:VERB|ADJ)$/.test(verb.pos) && /(?:ed|en|wn)$/.test(verb.lower);
}

const allCaps = (t: Token): boolean => /^[A-Z]{3,}$/.test(t.text);

/** "UNITED NATIONS", "SEATTLE —": words in capitals that shout a dateline or a heading, not a name. */
function shouting(words: readonly Token[], tokens: readonly Token[], a: number, j: number): boolean {
  if (words.length >= 2 && words.every(allCaps)) return true;
  const only = words.length === 1 ? words[0] : undefined;
  if (only && allCaps(only) && only.text.length >= 4 && a === 0 && /^[—–(-]$/.test(tokens[j + 1]?.text ?? '')) return true;
  // "(R-TX)": a party and state code
  if (words.length === 2 && words.every((w) => /^[A-Z]{1,3}$/.test(w.text)) && tokens.slice(a, j + 1).some((t) => t.text === '-')) return true;
  // "S/RES/2719": an abbreviation inside a document symbol
  return tokens[a - 1]?.text === '/' || tokens[j + 1]?.text === '/';
}

/** "according to Texas P": a name cut off with its text, ending on a lone letter. */
const truncated = (tokens: readonly Token[], j: number): boolean => /^[A-Z]$/.test(tokens[j]?.text ?? '') && j === tokens.length - 1;

/**
 * Titles, then a name: the name is what follows the last title ("Boeing CEO Kelly Ortberg", "Texas
 * Gov. Greg Abbott", "US Department of Energy Secretary Ana Ruiz"), the rest says whose title it is.
 */
/** Lower-case particles of people's names. */
const PARTICLE = /^(?:de|del|la|las|los|le|y|da|di|do|dos|du|des|van|von|der|den|ter|bin|al|el)$/;

function titleSplit(words: readonly Token[]): { titles: Token[]; name: Token[] } | undefined {
  let n = 0;
  for (let k = words.length - 1; k >= 0 && n < 6; k--) {
    const w = words[k];
    // "Ana von der Berg": a surname's particles belong to the name.
    let p = k;
    while (p > 0 && PARTICLE.test(words[p]?.text ?? '')) p--;
    const given = words[p];
    if (w && PARTICLE.test(w.text) && n > 0 && p < k && given && isCap(given) && !isTitle(given.text)) {
      n++;
      continue;
    }
    if (!w || !isCap(w) || isTitle(w.text) || isOrgWord(w.text) || countryOf(w.text) || CONNECTOR.test(w.text) || isAbbreviation(w.text)) break;
    n++;
  }
  const titles = words.slice(0, words.length - n);
  // The title ends right before the name, or says of what after it ("Ambassador to the UN", "President
  // of Peru"); "Ministry of Foreign Affairs" has a title word, but no title.
  let head = titles.length - 1;
  while (head >= 0 && !isTitleHead(titles[head]?.text ?? '')) head--;
  const tail = titles.slice(head + 1);
  if (!n || head < 0 || (tail.length > 0 && !/^(?:to|of|for|at)$/.test(tail[0]?.text ?? '')) || !tail.every((t) => isCap(t) || /^(?:to|of|for|at|the)$/.test(t.text))) return undefined;
  return { titles, name: words.slice(words.length - n) };
}

function institutionClass(words: string[]): string | undefined {
  if (words.some((w) => /^(?:assembly|congress|parliament|senate|legislature)$/.test(w))) return 'legislature';
  if (words.some((w) => /^(?:court|tribunal)$/.test(w))) return 'court';
  if (words.some((w) => w === 'ministry')) return 'ministry';
  if (words.some((w) => /^(?:army|navy|military|marines|corps)$/.test(w)) || (words.includes('force') || words.includes('forces'))) return 'military';
  if (words.some((w) => w === 'police')) return 'police';
  if (words.some((w) => /^(?:presidency|government)$/.test(w))) return 'executive';
  return undefined;
}

/** A person named after titles, or by name alone, with the role the sentence gives them. */
function personMention(tokens: readonly Token[], a: number, j: number, titles: readonly Token[], nameTokens: readonly Token[], s: Sentence, site: Site, subject: string | undefined, placing: Placing): ActorMention[] {
  const text = s.text;
  const name = joinTokens(nameTokens, text).replace(/^then-/i, '');
  // "Ambassador to the UN": a title with no name after it names no one.
  const firstWord = nameTokens[0];
  if (!name || !firstWord || !isCap(firstWord) || nameTokens.some((t) => /\d/.test(t.text)) || nameTokens.length > 4) return [];
  const role = [roleBefore(tokens, a, text, titles.length > 0), titleRole(titles, text)].filter(Boolean).join(' ') || appositive(tokens, j + 1, text) || roleOpening(tokens, a, j, text);
  // A country in the title ("Spanish Prime Minister") is named too, though it does not act here.
  const countries = titles.map((t) => countryOf(t.text)).filter((c): c is string => Boolean(c));
  const out = countries.map((c) => mention(c, 'country', `country:${c}`, site));
  if (nameTokens.length === 1 && !titles.length && isAcronym(name)) return [mention(name, 'organization', orgKey(name), site, { role: subject, subject: Boolean(subject) })];
  if (nameTokens.length >= 2 || titles.length) {
    const last = norm(nameTokens.at(-1)?.text ?? '');
    const first = nameTokens.length >= 2 ? norm(nameTokens[0]?.text ?? '') : '';
    return [...out, mention(name, 'person', `person:${last}:${first}`, site, { role: role || subject, title: Boolean(role), subject: Boolean(subject), cue: placing.spatial ? 'locative' : undefined })];
  }
  // A single capitalised word: a surname, a place or an organisation; decided across the set.
  const initial = startsSentence(tokens, a);
  const form = initial ? 'initial' : placing.locative ? 'locative' : 'other';
  return [mention(name, 'person', `single:${norm(name)}:${form}`, site, { role: role || subject, title: Boolean(role), subject: Boolean(subject), cue: placing.spatial ? 'locative' : undefined })];
}

/** Classifies a capitalised run and returns its mentions (a run may hold a country and a person). */
function runMentions(tokens: readonly Token[], i: number, j: number, s: Sentence, site: Site): ActorMention[] {
  const { ctx } = site;
  let a = i;
  // "Under Smith", "Whether Smith", "The Constitutional Court": a function word capitalised by its
  // place is not part of a name; mid-sentence it is ("said Will Powers").
  while (a <= j && (/^(?:the|a|an)$/i.test(tokens[a]?.text ?? '') || (a < j && startsSentence(tokens, a) && FUNCTION_POS.has(tokens[a]?.pos ?? '') && !isTitle(tokens[a]?.text ?? '')))) a++;
  const head = tokens[a];
  if (head && a + 2 <= j && startsSentence(tokens, a) && commonPlural(head, ctx) && CONNECTOR.test(tokens[a + 1]?.text ?? '')) {
    a += 2;
    if (/^(?:the|a|an)$/i.test(tokens[a]?.text ?? '')) a++;
  }
  if (a > j) return [];
  const run = tokens.slice(a, j + 1);
  const text = s.text;
  const words = run.filter((t) => /[A-Za-z]/.test(t.text) && !POSSESSIVE.test(t.text));
  const full = joinTokens(run, text);
  const lowerWords = words.map((t) => t.lower.replace(/\.$/, ''));
  const last = lowerWords.at(-1) ?? '';
  if (!words.length || shouting(words, tokens, a, j) || truncated(tokens, j)) return [];
  // "(Agency - Outlet) The port ...": a credit in parentheses opening the paragraph names the source, not an actor.
  if (tokens[0]?.text === '(' && tokens.findIndex((t) => t.text === ')') > j) return [];
  if (lowerWords.some(isNotActorHead) || isCalendar(last) || isRegion(full) || NEWS_AGENCIES.test(full)) return [];
  // "the Pawnee Fire", "two Lightning Fires": a named fire is an event; an agency is written without the article ("Cal Fire").
  if (words.length > 1 && (last === 'fires' || (last === 'fire' && definite(tokens, a)))) return [];
  if (isAbbreviation(full) && tokens[a - 1]?.pos === 'NUM') return []; // "2100 GMT", "15 GW": a unit
  const next = tokens[j + 1];
  const placing = placingOf(tokens, a, j);
  const cue = placing.spatial ? ('locative' as const) : undefined;
  const subject = placing.locative ? undefined : predicateAfter(tokens, j + 1, text, a);
  const asSubject = { role: subject, subject: Boolean(subject) || passiveAgent(tokens, a), cue };

  const country = countryOf(full);
  // a demonym as a noun modifier is still the country ("Mexican embassy", "Spanish authorities")
  if (country) return [mention(country, 'country', `country:${country}`, site, asSubject)];
  const seat = capitalOf(full);
  // "Moscow warned ...": a capital that acts stands for its country's government.
  if (seat && asSubject.subject) return [mention(full, 'country', `country:${seat}`, site, asSubject)];
  if (seat || ctx.places.has(full.toLowerCase())) return [];
  const hasOrg = lowerWords.some(isOrgWord);
  if (words.length > 1 && isPlaceQualifier(lowerWords[0] ?? '')) {
    // "mainland Spain" is Spain; "Central Texas" and "West Coast" are parts of places, not actors.
    const whole = countryOf(joinTokens(words.slice(1), text));
    if (whole) return [mention(whole, 'country', `country:${whole}`, site, asSubject)];
    if (!hasOrg) return [];
  }
  // "the Gulf Coasts", "Port of Newark", "Gulf of Mexico": geographic features and facilities.
  if (words.length > 1 && (isPlaceHead(last) || isPlaceHead(last.replace(/s$/, '')) || (isPlaceHead(lowerWords[0] ?? '') && lowerWords[1] === 'of'))) return [];
  // "a native New Yorker", "an American": a kind of person, not someone's name.
  if (indefinite(tokens, a)) return [];
  if (words.length > 1 && isAreaHead(last)) return [mention(full, 'institution', `area:${norm(full)}`, site, asSubject)];

  const split = titleSplit(words);
  if (split) return personMention(tokens, a, j, split.titles, split.name, s, site, subject, placing);
  // "UN Mike Waltz": an abbreviation, then a person's name.
  const lead = words[0];
  const after = words[1];
  if (lead && after && words.length >= 3 && isAbbreviation(lead.text) && !countryOf(lead.text) && !hasOrg && !words.some((w) => isTitle(w.text))) {
    return [mention(lead.text, 'organization', orgKey(lead.text), site), ...runMentions(tokens, tokens.indexOf(after), j, s, site)];
  }

  // A leading country or demonym: an institution of that country, or a role ("Mexican President").
  const leadCountry = lead ? countryOf(lead.text) : undefined;
  let titled = 0;
  while (titled < words.length - 1 && isTitle(words[titled]?.text ?? '')) titled++;
  const nameWords = lowerWords.slice(titled);
  const hasInstitution = nameWords.some(isInstitutionHead);
  const hasPrivate = nameWords.some(isOrganizationHead);
  const second = words[1];
  if (leadCountry && second && !hasInstitution && !hasPrivate) {
    return [mention(leadCountry, 'country', `country:${leadCountry}`, site), ...runMentions(tokens, tokens.indexOf(second), j, s, site)];
  }
  if (hasInstitution || hasPrivate) {
    // "the Council", "Union": a bare head word stands for the one named institution of that kind.
    if (words.length === 1) return [mention(full, hasInstitution ? 'institution' : 'organization', `head:${last}`, site, asSubject)];
    const kind: ActorKind = hasInstitution ? 'institution' : 'organization';
    const cls = institutionClass(lowerWords);
    const key = cls ? `class:${cls}:${leadCountry ?? ''}:${norm(full).replace(/\./g, '')}` : orgKey(full);
    const modifier = hyphenRole(tokens, a, text);
    return [mention(full, kind, key, site, { role: subject ?? modifier, title: !subject && Boolean(modifier), subject: Boolean(subject), cue })];
  }
  // "the Smith administration", "the Ruiz government"
  if (next && /^(?:administration|government)$/i.test(next.text) && words.length <= 2) {
    const surname = norm(words.at(-1)?.text ?? '');
    const does = predicateAfter(tokens, j + 2, text, a);
    return [mention(`${full} ${next.text}`, 'institution', `admin:${surname}`, site, { role: does, subject: Boolean(does) })];
  }
  if (next && next.pos === 'NOUN' && !isCap(next) && !POSSESSIVE.test(next.text)) {
    // "AtlasIntel poll" names its maker; "Local officials" at a sentence's start does not.
    const maker = PRODUCT.test(next.text) && words.length === 1 && !(startsSentence(tokens, a) && !ctx.midCap?.(full));
    if (isAcronym(full) || maker) return [mention(full, 'organization', orgKey(full), site)];
    return [];
  }
  return personMention(tokens, a, j, words.slice(0, titled), words.slice(titled), s, site, subject, placing);
}

/** The initials of the words before an opening parenthesis at `open`, as many as `n` ("gross domestic product"). */
function initialsBefore(tokens: readonly Token[], open: number, n: number): { initials: string; lower: boolean } {
  const picked: Token[] = [];
  for (let k = open - 1; k >= 0 && picked.length < n; k--) {
    const t = tokens[k];
    if (!t || t.type === 'punctuation') break;
    if (!CONNECTOR.test(t.text)) picked.unshift(t);
  }
  return { initials: picked.map((t) => t.text.charAt(0).toUpperCase()).join(''), lower: picked.every((t) => !isCap(t)) };
}

/**
 * "(CEOE)" after the name it abbreviates is that actor again; after lower-case words that it
 * abbreviates ("gross domestic product (GDP)") it is a term, and never an actor.
 */
function definition(tokens: readonly Token[], i: number, j: number, previous: { end: number; mentions: ActorMention[] } | undefined, site: Site): ActorMention[] | undefined {
  const t = tokens[i];
  if (!t || i !== j || tokens[i - 1]?.text !== '(' || tokens[j + 1]?.text !== ')' || !isAbbreviation(t.text)) return undefined;
  const letters = t.text.replace(/\./g, '');
  const before = initialsBefore(tokens, i - 1, letters.length);
  if (before.lower && before.initials === letters) return [mention(t.text, 'organization', orgKey(t.text), site, { cue: 'term' })];
  const named = previous?.end === i - 2 ? previous.mentions.find((m) => m.kind === 'organization' || m.kind === 'institution') : undefined;
  return named ? [mention(t.text, named.kind, named.key, site)] : [];
}

const squash = (s: string): string => norm(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** Whether a body sentence repeats the headline ("Abbott: 109 dead – Site Name"). */
function repeatsHeadline(quote: string, headline: string | undefined): boolean {
  if (!headline || quote.length < 12 || headline.length < 12) return false;
  // Most sentences differ in their first letters; only the rest are compared in full.
  if (quote.slice(0, 6).toLowerCase() !== headline.slice(0, 6).toLowerCase()) return false;
  const q = squash(quote);
  const h = squash(headline);
  return q.startsWith(h) || h.startsWith(q);
}

/** "IAM" read as "I" + "AM": capitals written together are one word again. */
const upper = (t: Token | undefined): boolean => t !== undefined && /^[A-Z]+$/.test(t.text);

function glued(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some((t, i) => i > 0 && tokens[i - 1]?.end === t.start && t.type !== 'punctuation' && upper(t) && upper(tokens[i - 1]))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out.at(-1);
    if (prev && prev.end === t.start && /^[A-Z]+$/.test(prev.text) && /^[A-Z]+$/.test(t.text)) {
      const text = prev.text + t.text;
      out[out.length - 1] = { ...prev, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'PROPN', type: 'word', end: t.end };
    } else out.push(t);
  }
  return out;
}

/** Every actor mention in one sentence. */
export function actorsOf(s: Sentence, ctx: ActorContext, quote: string): ActorMention[] {
  if (notProse(s)) return [];
  const tokens = glued(s.tokens);
  const site: Site = { ctx, file: ctx.file, quote };
  const out: ActorMention[] = [];
  let previous: { end: number; mentions: ActorMention[] } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (nameToken(t)) {
      const j = runEnd(tokens, i);
      // "Nurses voted": a plural capitalised by its place may be a group of people, not a name.
      const people = j === i && t.lower.endsWith('s') && startsSentence(tokens, i) && !ctx.midCap?.(t.text) ? peopleGroup(tokens, i, s, site) : undefined;
      if (people) {
        out.push(people);
        continue;
      }
      const found = definition(tokens, i, j, previous, site) ?? runMentions(tokens, i, j, s, site);
      out.push(...found);
      previous = { end: j, mentions: found };
      i = j;
      continue;
    }
    if (t.pos !== 'NOUN') continue;
    const m = GROUP_HEAD.test(t.lower) ? groupMention(tokens, i, s, site) : t.lower.endsWith('s') ? peopleGroup(tokens, i, s, site) : undefined;
    if (m) out.push(m);
  }
  return repeatsHeadline(quote, ctx.headline) ? out.map((m) => ({ ...m, headline: true })) : out;
}
