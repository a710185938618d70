/** Actor mentions in a sentence: people, institutions, organisations, groups and countries. */
import type { ActorKind, ActorMention, Paragraph } from '../model.js';
import type { Sentence, Token } from '../nlp.js';
import { GROUP_HEAD, groupMention } from './actor-groups.js';
import { peopleGroup } from './actor-people.js';
import { definite, indefinite, passiveAgent, type Placing, placingOf } from './actor-places.js';
import { appositive, hyphenRole, isCap, joinTokens, placeModifier, predicateAfter, roleBefore, roleOpening, titleRole } from './actor-roles.js';
import { notProse } from './actor-sentences.js';
import {
  CONNECTOR,
  PRODUCT,
  isAreaHead,
  isCalendar,
  isInstitutionHead,
  isNotActorHead,
  isOrganizationHead,
  isPlaceHead,
  isPlaceQualifier,
  isTitle,
  isTitleHead,
} from './actor-words.js';
import { capitalOf, countryOf, isRegion, NEWS_AGENCIES } from './gazetteer.js';
import { isPeopleNoun } from './figures/lexicon.js';
import {
  glued,
  isAbbreviation,
  isOrgWord,
  isPlural,
  listEnd,
  listStart,
  nameToken,
  POSSESSIVE,
  runEnd,
  shouting,
  startsSentence,
  truncated,
} from './name-runs.js';
import { foldAccents } from '../text.js';

const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'ADV', 'DET', 'PRON', 'CCONJ', 'VERB', 'AUX', 'PART', 'INTJ']);
/** Of those, the ones no one-word name is tagged as, even opening a sentence ("May" may be a name; "But" is not). */
const OPENING_FUNCTION_POS = new Set(['ADP', 'SCONJ', 'DET', 'PRON', 'CCONJ', 'PART', 'INTJ']);
const isAcronym = (s: string): boolean => /^[A-Z]{3,8}$/.test(s) && !countryOf(s);
/** A name as actor keys hold it: lower case, without accents. */
export const norm = (s: string): string => foldAccents(s).toLowerCase();
/** An organisation's name as its key holds it: "U.N. Security Council" and "UN Security Council" are one. */
export const orgKey = (s: string): string => `org:${norm(s).replace(/\./g, '')}`;

/** Per-article knowledge mention extraction needs. */
export interface ActorContext {
  file: string;
  /** Places named "City, Country" in the article. */
  places: Set<string>;
  /** The headline: a body sentence that repeats it only lends roles, as the headline does. */
  headline?: string | undefined;
  /** Whether the article writes a capitalised word mid-sentence: a name, unlike words capitalised by their place. */
  midCap?: ((word: string) => boolean) | undefined;
  /** Names the article gives a weather system ("Hurricane Helene"): alone, "Helene" is the storm, not a person. */
  storms?: ReadonlySet<string> | undefined;
}

/** A weather system's kind, then its name: "Hurricane Helene", "Tropical Storm Alberto", "Typhoon Yagi". */
const STORM_NAME = /\b(?:Hurricane|Typhoon|Cyclone|Tropical\s+Storm|Tropical\s+Depression|Storm|Post-Tropical\s+Cyclone)\s+([A-Z][a-z]+)\b/g;

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
  const storms = new Set([headline, ...paragraphs.map((p) => p.text)].flatMap((t) => [...t.matchAll(STORM_NAME)].map((m) => m[1] ?? '')));
  return { file, places, headline, midCap, storms };
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

/** "Members of Acme", "Shares of Acme": a plural noun capitalised only by its place in the sentence. */
const commonPlural = (t: Token, ctx: ActorContext): boolean => !ctx.midCap?.(t.text) && !isOrgWord(t.text) && !countryOf(t.text) && isPlural(t);

/**
 * Titles, then a name: the name is what follows the last title ("Acme CEO Jane Okafor", "Texas
 * Gov. Ann Reyes", "US Department of Energy Secretary Ana Ruiz"), the rest says whose title it is.
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
  if (
    !n ||
    head < 0 ||
    (tail.length > 0 && !/^(?:to|of|for|at)$/.test(tail[0]?.text ?? '')) ||
    !tail.every((t) => isCap(t) || /^(?:to|of|for|at|the)$/.test(t.text))
  )
    return undefined;
  return { titles, name: words.slice(words.length - n) };
}

function institutionClass(words: string[]): string | undefined {
  if (words.some((w) => /^(?:assembly|congress|parliament|senate|legislature)$/.test(w))) return 'legislature';
  if (words.some((w) => /^(?:court|tribunal)$/.test(w))) return 'court';
  if (words.some((w) => w === 'ministry')) return 'ministry';
  if (words.some((w) => /^(?:army|navy|military|marines|corps)$/.test(w)) || words.includes('force') || words.includes('forces')) return 'military';
  if (words.some((w) => w === 'police')) return 'police';
  if (words.some((w) => /^(?:presidency|government)$/.test(w))) return 'executive';
  return undefined;
}

/**
 * A one-word name written as a brand is: a capital inside it ("AccuWeather", not "BoE") or digits at its end
 * ("Flightradar24"). Surnames with a capital inside open on a particle ("McNeil", "DeSantis", "LeBlanc").
 */
const isBrand = (name: string): boolean =>
  (/^[A-Z][a-z]{2,}(?:[A-Z][a-z0-9]+)+$/.test(name) && !/^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|O)[A-Z]/.test(name)) || /^[A-Z][A-Za-z]+\d+$/.test(name);

/** A person named after titles, or by name alone, with the role the sentence gives them. */
function personMention(
  tokens: readonly Token[],
  a: number,
  j: number,
  titles: readonly Token[],
  nameTokens: readonly Token[],
  s: Sentence,
  site: Site,
  subject: string | undefined,
  placing: Placing,
): ActorMention[] {
  const text = s.text;
  const name = joinTokens(nameTokens, text).replace(/^then-/i, '');
  // "Ambassador to the UN": a title with no name after it names no one.
  const firstWord = nameTokens[0];
  if (!name || !firstWord || !isCap(firstWord) || nameTokens.some((t) => /\d/.test(t.text)) || nameTokens.length > 4) return [];
  const role =
    [roleBefore(tokens, a, text, titles.length > 0), titleRole(titles, text)].filter(Boolean).join(' ') ||
    appositive(tokens, j + 1, text) ||
    roleOpening(tokens, a, j, text);
  // A country in the title ("Spanish Prime Minister") is named too, though it does not act here.
  const countries = titles.map((t) => countryOf(t.text)).filter((c): c is string => Boolean(c));
  const out = countries.map((c) => mention(c, 'country', `country:${c}`, site));
  if (nameTokens.length === 1 && !titles.length && (isAcronym(name) || isBrand(name)))
    return [mention(name, 'organization', orgKey(name), site, { role: subject, subject: Boolean(subject) })];
  if (nameTokens.length >= 2 || titles.length) {
    const last = norm(nameTokens.at(-1)?.text ?? '');
    const first = nameTokens.length >= 2 ? norm(nameTokens[0]?.text ?? '') : '';
    return [
      ...out,
      mention(name, 'person', `person:${last}:${first}`, site, {
        role: role || subject,
        title: Boolean(role),
        subject: Boolean(subject),
        cue: placing.spatial ? 'locative' : undefined,
      }),
    ];
  }
  // A single capitalised word: a surname, a place or an organisation; decided across the set.
  const initial = startsSentence(tokens, a);
  const form = initial ? 'initial' : placing.locative ? 'locative' : 'other';
  return [
    mention(name, 'person', `single:${norm(name)}:${form}`, site, {
      role: role || subject,
      title: Boolean(role),
      subject: Boolean(subject),
      cue: placing.spatial ? 'locative' : undefined,
    }),
  ];
}

/** Classifies a capitalised run and returns its mentions (a run may hold a country and a person). */
function runMentions(tokens: readonly Token[], i: number, j: number, s: Sentence, site: Site): ActorMention[] {
  const { ctx } = site;
  let a = i;
  // "Under Smith", "Whether Smith", "The Constitutional Court": a function word capitalised by its
  // place is not part of a name; mid-sentence it is ("said Will Powers").
  while (
    a <= j &&
    (/^(?:the|a|an)$/i.test(tokens[a]?.text ?? '') ||
      (a < j && startsSentence(tokens, a) && (FUNCTION_POS.has(tokens[a]?.pos ?? '') || tokens[a]?.pos === 'ADJ') && !isTitle(tokens[a]?.text ?? '')))
  )
    a++;
  const head = tokens[a];
  if (head && a + 2 <= j && startsSentence(tokens, a) && commonPlural(head, ctx) && CONNECTOR.test(tokens[a + 1]?.text ?? '')) {
    a += 2;
    if (/^(?:the|a|an)$/i.test(tokens[a]?.text ?? '')) a++;
  }
  if (a > j) return [];
  // "But his latest deal...": a conjunction or pronoun capitalised by its place alone names no one.
  if (a === j && startsSentence(tokens, a) && OPENING_FUNCTION_POS.has(tokens[a]?.pos ?? '')) return [];
  if (placeModifier(tokens, j)) return [];
  const run = tokens.slice(a, j + 1);
  const text = s.text;
  const words = run.filter((t) => /[A-Za-z]/.test(t.text) && !POSSESSIVE.test(t.text));
  const full = joinTokens(run, text);
  const lowerWords = words.map((t) => t.lower.replace(/\.$/, ''));
  const last = lowerWords.at(-1) ?? '';
  if (!words.length || shouting(words, tokens, a, j) || truncated(tokens, j)) return [];
  // "Helene made landfall": the storm the article names, not a person.
  if (words.length === 1 && ctx.storms?.has(words[0]?.text ?? '')) return [];
  // "(Agency - Outlet) The port ...": a credit in parentheses opening the paragraph names the source, not an actor.
  if (tokens[0]?.text === '(' && tokens.findIndex((t) => t.text === ')') > j) return [];
  if (lowerWords.some(isNotActorHead) || isCalendar(last) || isRegion(full) || NEWS_AGENCIES.test(full)) return [];
  // "the Pawnee Fire", "two Lightning Fires": a named fire is an event; an agency is written without the article ("Cal Fire").
  if (words.length > 1 && (last === 'fires' || (last === 'fire' && definite(tokens, a)))) return [];
  if (isAbbreviation(full) && tokens[a - 1]?.pos === 'NUM') return []; // "2100 GMT", "15 GW": a unit
  const next = tokens[j + 1];
  const placing = placingOf(tokens, a, j);
  const cue = placing.spatial ? ('locative' as const) : undefined;
  const end = listEnd(tokens, j);
  // A name in a list is as near the sentence's start as the list.
  const from = listStart(tokens, a);
  const subject = placing.locative ? undefined : (predicateAfter(tokens, j + 1, text, from) ?? (end > 0 ? predicateAfter(tokens, end, text, from) : undefined));
  const asSubject = { role: subject, subject: Boolean(subject) || passiveAgent(tokens, a), cue };

  const country = countryOf(full);
  // a demonym as a noun modifier is still the country ("Mexican embassy", "Spanish authorities")
  if (country) return [mention(country, 'country', `country:${country}`, site, asSubject)];
  const seat = capitalOf(full);
  // "Moscow warned ...": a capital that acts stands for its country's government.
  if (seat && asSubject.subject) return [mention(full, 'country', `country:${seat}`, site, asSubject)];
  if (seat || ctx.places.has(full.toLowerCase())) return [];
  const hasOrg = lowerWords.some(isOrgWord);
  // "the State Administration Council Chairman, Senior General ...": the title after a body's name is its holder's, not part of the name.
  if (hasOrg && words.length > 2 && isTitleHead(words.at(-1)?.text ?? '') && !isOrgWord(words.at(-1)?.text ?? '')) {
    let k = j;
    while (k > a && (isTitle(tokens[k]?.text ?? '') || !/[A-Za-z]/.test(tokens[k]?.text ?? ''))) k--;
    if (k >= a && k < j) return runMentions(tokens, a, k, s, site);
  }
  if (words.length > 1 && isPlaceQualifier(lowerWords[0] ?? '')) {
    // "mainland Spain" is Spain; "Central Texas" and "West Coast" are parts of places, not actors.
    const whole = countryOf(joinTokens(words.slice(1), text));
    if (whole) return [mention(whole, 'country', `country:${whole}`, site, asSubject)];
    if (!hasOrg) return [];
  }
  // "the Gulf Coasts", "Port of Newark", "Gulf of Mexico": geographic features and facilities.
  if (words.length > 1 && (isPlaceHead(last) || isPlaceHead(last.replace(/s$/, '')) || (isPlaceHead(lowerWords[0] ?? '') && lowerWords[1] === 'of'))) return [];
  // "Lake Toba", "Mount Etna": a natural feature named after its kind.
  if (words.length > 1 && /^(?:lake|mount|mountain|river|gulf|strait|sea)$/.test(lowerWords[0] ?? '')) return [];
  // "a native New Yorker", "an American": a kind of person, not someone's name ("a Portline spokesman" still names Portline).
  const modifies = next !== undefined && next.pos === 'NOUN' && !isCap(next);
  if (indefinite(tokens, a) && !modifies) return [];
  if (words.length > 1 && isAreaHead(last)) return [mention(full, 'institution', `area:${norm(full)}`, site, asSubject)];

  const split = titleSplit(words);
  if (split) return personMention(tokens, a, j, split.titles, split.name, s, site, subject, placing);
  // "Survivor Juwita Sumbayak said", "Witness Ana Ruiz said": a kind of person capitalised by its place, then a full name.
  const [kind, initial] = words;
  if (
    kind &&
    words.length === 3 &&
    startsSentence(tokens, a) &&
    !/^[A-Z]\.?$/.test(initial?.text ?? '') &&
    isPeopleNoun(kind.lower) &&
    !hasOrg &&
    !countryOf(full)
  )
    return personMention(tokens, a, j, [kind], words.slice(1), s, site, subject, placing);
  // "David Ruiz of Tenet Hospitals": a person, then the organisation they speak for.
  const of = run.findIndex((t) => t.text === 'of');
  const person = run.slice(0, Math.max(0, of));
  if (
    of >= 2 &&
    of <= 3 &&
    person.every((t) => isCap(t) && !isTitle(t.text) && !isOrgWord(t.text) && !countryOf(t.text)) &&
    run.slice(of + 1).some((t) => isOrgWord(t.text))
  ) {
    const at = a + of;
    return [...personMention(tokens, a, at - 1, [], person, s, site, undefined, placing), ...runMentions(tokens, at + 1, j, s, site)];
  }
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
    if (words.length === 1) {
      // "passed by Congress": capitalised mid-sentence, a legislature, court or force is the country's own.
      const cls = institutionClass(lowerWords);
      if (cls && !startsSentence(tokens, a)) return [mention(full, 'institution', `generic:${cls}::`, site, asSubject)];
      // "the Council", "Union": a bare head word stands for the one named institution of that kind.
      return [mention(full, hasInstitution ? 'institution' : 'organization', `head:${last}`, site, asSubject)];
    }
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
  // "Panama's UN Ambassador expressed": a title with no name after it names no one.
  if (words.length > 1 && isTitle(words.at(-1)?.text ?? '')) return [];
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
function definition(
  tokens: readonly Token[],
  i: number,
  j: number,
  previous: { end: number; mentions: ActorMention[] } | undefined,
  site: Site,
): ActorMention[] | undefined {
  const t = tokens[i];
  if (!t || i !== j || tokens[i - 1]?.text !== '(' || tokens[j + 1]?.text !== ')' || !isAbbreviation(t.text)) return undefined;
  const letters = t.text.replace(/\./g, '');
  const before = initialsBefore(tokens, i - 1, letters.length);
  if (before.lower && before.initials === letters) return [mention(t.text, 'organization', orgKey(t.text), site, { cue: 'term' })];
  const named = previous?.end === i - 2 ? previous.mentions.find((m) => m.kind === 'organization' || m.kind === 'institution') : undefined;
  return named ? [mention(t.text, named.kind, named.key, site)] : [];
}

const squash = (s: string): string =>
  norm(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether a body sentence repeats the headline ("Reyes: 109 dead – Site Name"). */
function repeatsHeadline(quote: string, headline: string | undefined): boolean {
  if (!headline || quote.length < 12 || headline.length < 12) return false;
  // Most sentences differ in their first letters; only the rest are compared in full.
  if (quote.slice(0, 6).toLowerCase() !== headline.slice(0, 6).toLowerCase()) return false;
  const q = squash(quote);
  const h = squash(headline);
  return q.startsWith(h) || h.startsWith(q);
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
