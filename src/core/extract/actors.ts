/** Actor mentions in a sentence: people, institutions, organisations, groups and countries. */
import type { ActorKind, ActorMention } from '../model.js';
import type { Sentence, Token } from '../nlp.js';
import { capitalOf, countryOf, isRegion, NEWS_AGENCIES } from './gazetteer.js';

/** Words of a title before a name; they give the role, not the name. */
const TITLE = /^(?:president|vice|minister|prime|defen[cs]e|foreign|interior|finance|capt\.?|captain|police|gen\.?|general|sen\.?|senator|rep\.?|representative|gov\.?|governor|mayor|judge|justice|secretary|ambassador|chancellor|king|queen|prince|princess|pope|dr\.?|mr\.?|mrs\.?|ms\.?|lt\.?|lieutenant|col\.?|colonel|sgt\.?|sergeant|cpl\.?|corporal|adm\.?|admiral|commander|chief|director|attorney|sheriff|officer|spokesman|spokeswoman|spokesperson|former|then-president|then|acting|interim|deputy|state|defense|security|ex-president)$/i;
/** Lower-case words before a name that describe the person ("security expert", "left-wing challenger"). */
const ROLE_WORD = /^(?:expert|analyst|challenger|rival|candidate|incumbent|leader|official|spokesman|spokeswoman|spokesperson|minister|lawmaker|legislator|activist|professor|researcher|economist|journalist|officer|captain|commander|chief|director|founder|ceo|chairman|chairwoman|president|former|then|left-wing|right-wing|leftist|rightist|conservative|progressive|liberal|socialist|security|political|opposition|military|police|senior|top|defense|defence|foreign|interior|finance|economy|health|justice|environment|deputy|vice|prime|presidential|runoff|populist|veteran|retired|general|colonel|governor|mayor|senator|judge|prosecutor|attorney|ambassador|envoy|adviser|advisor|aide|negotiator|mediator|resident|vendor|farmer|worker|student|teacher|doctor|nurse|soldier|commentator|columnist|pollster|strategist|consultant|director|secretary|undersecretary|commissioner|head|boss|mogul|billionaire|businessman|businesswoman|entrepreneur|executive)$/i;
const ORG_INSTITUTION = /^(?:ministry|department|court|assembly|congress|senate|parliament|council|commission|agency|police|army|navy|force|forces|command|office|bureau|service|protection|secretariat|presidency|government|administration|authority|committee|guard|military|corps|tribunal|legislature|cabinet|embassy|prosecutor's|prosecutors|directorate|inspectorate|board|reserve|treasury|patrol|marines|nations)$/i;
const ORG_PRIVATE = /^(?:inc\.?|corp\.?|corporation|ltd\.?|llc|plc|co\.?|company|group|bank|fund|party|union|movement|front|foundation|association|institute|university|center|centre|network|alliance|federation|coalition|league|society|club|airlines|airways|aviation|energy|oil|motors|holdings|partners|capital|media|labs|technologies|systems|pharmaceuticals|intel|watch|international)$/i;
/** Capitalised names that are documents, plans or events, not actors. */
const NOT_ACTOR_HEAD = /^(?:agreement|plan|act|law|treaty|accord|deal|program|programme|operation|exercise|initiative|project|strategy|policy|war|day|election|elections|cup|games|summit|conference|constitution|report|index|award|prize|protocol|doctrine|declaration|charter|convention|bill|decree|reform|referendum|campaign|crisis|flu|covid|pandemic|avatar|opinion|source|sources|posts|photo|commons)$/i;
const CALENDAR = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;
const CONNECTOR = /^(?:of|and|&|de|del|la|for|the|y|da|do|dos|van|von|bin|al|el)$/;
/** Nouns that show a capitalised modifier is the organisation that made something ("AtlasIntel poll"). */
const PRODUCT = /^(?:poll|polls|survey|report|study|publication|statement|spokesperson|spokesman|spokeswoman|official|officials|data|analysis|index|figures)$/i;
const GROUP_HEAD = /^(?:cartels?|gangs?|groups?|militias?|rebels|guerrillas|syndicates|police|military|army|troops|government|presidency|congress|parliament|assembly|legislature|court|ministry|countries|nations|allies|peacekeepers)$/i;
const CRIME = /crim|drug|gang|armed|terror|narco|traffick|mafia|cartel/i;

const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'ADV', 'DET', 'PRON', 'CCONJ', 'VERB', 'AUX', 'PART', 'INTJ']);
const isCap = (t: Token): boolean => /^(?:then-)?[A-ZÁÉÍÓÚÑÜ]/.test(t.text) && (t.type === 'word' || /^[A-Z](?:\.[A-Z])+\.?$/.test(t.text) || t.type === 'abbreviation' || /[A-Za-z]/.test(t.text));
const isAcronym = (s: string): boolean => /^[A-Z]{3,8}$/.test(s) && !countryOf(s);
/** A name as actor keys hold it: lower case, without accents. */
export const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Per-article knowledge mention extraction needs: places named "City, Country" in it. */
export interface ActorContext {
  file: string;
  places: Set<string>;
}

function joinTokens(tokens: Token[], text: string): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? text.slice(first.start, last.end) : '';
}

/** A sentence opening on a phrase before its subject: "In response to ..., the city council voted". */
const FRONTING = /^(?:in|after|amid|despite|following|as|while|when|since|before|under|during|although|though|because|with|without|faced|facing)$/;

/** Whether the mention starting at token `from` is the subject that follows an opening phrase and its comma. */
function afterOpeningPhrase(tokens: Token[], from: number): boolean {
  if (!FRONTING.test(tokens[0]?.lower ?? '')) return false;
  const comma = /^(?:the|a|an)$/.test(tokens[from - 1]?.lower ?? '') ? from - 2 : from - 1;
  // The phrase's own comma, and no other: "In Lima, Santiago and Bogota, officials..." is a list.
  return tokens[comma]?.text === ',' && tokens.slice(0, comma).every((t) => t.text !== ',');
}

/** The predicate after a mention when it is the subject: "has invited Kenyan peacekeepers ...". */
function predicateAfter(tokens: Token[], j: number, text: string, from = 0): string | undefined {
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
  const end = tokens.findIndex((x, y) => y > k && (/^[.;:!?]$/.test(x.text) || (x.text === ',' && (y - k > 6 || /^(?:but|yet|while|although|though|whereas)$/.test(tokens[y + 1]?.lower ?? '')))));
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
    if ((t?.pos === 'NOUN' || t?.pos === 'PROPN') && after && /^(?:ADP|CCONJ|SCONJ|PUNCT)$/.test(after.pos) && after.text !== '-') return joinTokens(tokens.slice(k, e + 1), text);
  }
  return `${joinTokens(tokens.slice(k, k + 12), text)}…`;
}

/** The second half of a hyphenated modifier that says who runs or backs something ("opposition-controlled"). */
const HYPHEN_ROLE = /^(?:controlled|led|backed|run|owned|funded|financed|dominated|sponsored|supported|allied|affiliated|linked|aligned|appointed|based)$/;

/** "the opposition-controlled National Assembly", "state-owned Pacific Oil Company", "US-backed forces". */
function hyphenRole(tokens: Token[], i: number, text: string): string | undefined {
  return tokens[i - 2]?.text === '-' && HYPHEN_ROLE.test(tokens[i - 1]?.lower ?? '') && tokens[i - 3] ? joinTokens(tokens.slice(i - 3, i), text) : undefined;
}

/** Lower-case words and titles directly before a name: its role as the article gives it. */
function roleBefore(tokens: Token[], i: number, text: string): string | undefined {
  // "then-President Ana Ruiz", tokenised as then / - / President ...
  if (tokens[i - 1]?.text === '-' && /^(?:then|ex)$/.test(tokens[i - 2]?.lower ?? '')) return 'former';
  const modifier = hyphenRole(tokens, i, text);
  if (modifier) return modifier;
  const parts: Token[] = [];
  for (let k = i - 1; k >= 0 && parts.length < 4; k--) {
    const t = tokens[k];
    if (!t) break;
    if (ROLE_WORD.test(t.lower) || (TITLE.test(t.lower) && isCap(t)) || (/^(?:then|ex)-/.test(t.lower) && TITLE.test(t.lower.slice(t.lower.indexOf('-') + 1))) || (t.text === '-' && parts.length)) parts.unshift(t);
    else if (countryOf(t.text) && parts.length) {
      parts.unshift(t);
      break;
    } else if (parts.length && isCap(t) && /^(?:PROPN|NOUN)$/.test(t.pos) && (k === 0 || !isCap(tokens[k - 1] ?? t))) {
      // What the role is of: "Union leader Marta Quiroga", "Hamas leader Yahya Sinwar".
      parts.unshift(t);
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
function roleOpening(tokens: Token[], i: number, j: number, text: string): string | undefined {
  if (tokens[i - 1]?.text !== ',' || tokens[j + 1]?.text !== ',' || i < 3 || i > 9) return undefined;
  const phrase = tokens.slice(/^(?:the|a|an)$/.test(tokens[0]?.lower ?? '') ? 1 : 0, i - 1);
  const head = phrase.at(-1);
  if (!head || !(ROLE_WORD.test(head.lower) || TITLE.test(head.lower)) || phrase.some((t) => t.pos === 'PUNCT' && t.text !== '-' && t.text !== '’s' && t.text !== "'s") || phrase.some((t) => /^(?:VERB|AUX|PRON)$/.test(t.pos) && !HYPHEN_ROLE.test(t.lower))) return undefined;
  return joinTokens(phrase, text);
}

/** ", a former aide of President Ana Ruiz," after a name. */
function appositive(tokens: Token[], j: number, text: string): string | undefined {
  if (tokens[j]?.text !== ',' || !/^(?:a|an|the)$/i.test(tokens[j + 1]?.text ?? '')) return undefined;
  const end = tokens.findIndex((t, x) => x > j + 1 && /^[,.;:—–()]$/.test(t.text));
  if (end < 0 || end - j > 14) return undefined;
  return joinTokens(tokens.slice(j + 2, end), text);
}

function mention(name: string, kind: ActorKind, key: string, ctx: ActorContext, quote: string, extra: { role?: string | undefined; subject?: boolean } = {}): ActorMention {
  return { name, kind, key, role: extra.role, subject: extra.subject ?? false, evidence: { file: ctx.file, quote } };
}

/** Classifies a capitalised run and returns its mentions (a run may hold a country and a person). */
function runMentions(tokens: Token[], i: number, j: number, s: Sentence, ctx: ActorContext, quote: string): ActorMention[] {
  let run = tokens.slice(i, j + 1);
  const text = s.text;
  const out: ActorMention[] = [];
  // "Under Smith", "Whether Smith", "The Constitutional Court": a capitalised function word is not part of a name.
  while (run.length && (/^(?:the|a|an)$/i.test(run[0]?.text ?? '') || (run.length > 1 && FUNCTION_POS.has(run[0]?.pos ?? '') && !TITLE.test(run[0]?.text ?? '')))) run = run.slice(1);
  if (run[0] && run[0] !== tokens[i]) return runMentions(tokens, tokens.indexOf(run[0]), j, s, ctx, quote);
  if (!run.length) return out;
  const next = tokens[j + 1];
  const subject = predicateAfter(tokens, j + 1, text, i);
  const full = joinTokens(run, text);
  const words = run.filter((t) => /[A-Za-z]/.test(t.text));
  const lowerWords = words.map((t) => t.lower.replace(/\.$/, ''));
  if (lowerWords.some((w) => NOT_ACTOR_HEAD.test(w)) || words.every((t) => CALENDAR.test(t.text)) || isRegion(full) || NEWS_AGENCIES.test(full)) return out;
  if (tokens[i - 1]?.text === '(' && next?.text === ')' && isAcronym(full)) return out;

  const country = countryOf(full);
  if (country) {
    // a demonym as a noun modifier is still the country ("Mexican embassy", "Spanish authorities")
    return [mention(country, 'country', `country:${country}`, ctx, quote, { role: subject, subject: Boolean(subject) })];
  }
  if (capitalOf(full) || ctx.places.has(full.toLowerCase())) return out;

  // A leading country or demonym: an institution of that country, or a role ("Mexican President").
  const lead = words[0] ? countryOf(words[0].text) : undefined;
  let titles = 0;
  while (titles < words.length - 1 && TITLE.test(words[titles]?.text ?? '')) titles++;
  const nameWords = lowerWords.slice(titles);
  const hasInstitution = nameWords.some((w) => ORG_INSTITUTION.test(w));
  const hasPrivate = nameWords.some((w) => ORG_PRIVATE.test(w));
  if (lead && words.length > 1 && !hasInstitution && !hasPrivate) {
    out.push(mention(lead, 'country', `country:${lead}`, ctx, quote));
    return out.concat(runMentions(tokens, tokens.indexOf(words[1] as Token), j, s, ctx, quote));
  }
  if (hasInstitution || hasPrivate) {
    const kind: ActorKind = hasInstitution ? 'institution' : 'organization';
    const cls = institutionClass(lowerWords);
    const key = cls ? `class:${cls}:${lead ?? ''}:${norm(full)}` : `org:${norm(full)}`;
    return [mention(full, kind, key, ctx, quote, { role: subject ?? hyphenRole(tokens, i, text), subject: Boolean(subject) })];
  }
  // "the Smith administration", "the Ruiz government"
  if (next && /^(?:administration|government)$/i.test(next.text) && words.length <= 2) {
    const last = norm(words.at(-1)?.text ?? '');
    const does = predicateAfter(tokens, j + 2, text, i);
    return [mention(`${full} ${next.text}`, 'institution', `admin:${last}`, ctx, quote, { role: does, subject: Boolean(does) })];
  }
  if (next && next.pos === 'NOUN' && !isCap(next) && !/^[’']s$/.test(next.text)) {
    if (isAcronym(full) || (PRODUCT.test(next.text) && words.length === 1)) return [mention(full, 'organization', `org:${norm(full)}`, ctx, quote)];
    return out;
  }
  // Titles at the front give the role; what remains is the name.
  let k = 0;
  while (k < words.length - 1 && TITLE.test(words[k]?.text ?? '')) k++;
  const nameTokens = words.slice(k);
  const titled = k > 0;
  const name = joinTokens(nameTokens, text).replace(/^then-/i, '');
  if (!name || nameTokens.some((t) => /\d/.test(t.text))) return out;
  const role = [roleBefore(tokens, i, text), titled ? joinTokens(words.slice(0, k), text) : undefined].filter(Boolean).join(' ') || appositive(tokens, j + 1, text) || roleOpening(tokens, i, j, text);
  if (isAcronym(name)) return [mention(name, 'organization', `org:${norm(name)}`, ctx, quote, { role: subject, subject: Boolean(subject) })];
  if (nameTokens.length >= 2 || titled) {
    if (nameTokens.length > 4) return out;
    const last = norm(nameTokens.at(-1)?.text ?? '');
    const first = nameTokens.length >= 2 ? norm(nameTokens[0]?.text ?? '') : '';
    return [mention(name, 'person', `person:${last}:${first}`, ctx, quote, { role: role || subject, subject: Boolean(subject) })];
  }
  // A single capitalised word: a surname, a place or an organisation; decided across the set.
  const initial = i === 0 || /^[“"‘(]$/.test(tokens[i - 1]?.text ?? '');
  const prev = tokens[i - 1]?.lower ?? '';
  const locative = /^(?:in|near|from|at|to|across|outside|around|into|via|throughout|within)$/.test(prev);
  return [mention(name, 'person', `single:${norm(name)}:${initial ? 'initial' : locative ? 'locative' : 'other'}`, ctx, quote, { role: role || subject, subject: Boolean(subject) })];
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

/** Lower-case collective actors: "drug cartels", "criminal gangs", "the national police", "allied countries". */
function groupMention(tokens: Token[], h: number, s: Sentence, ctx: ActorContext, quote: string): ActorMention | undefined {
  const head = tokens[h];
  if (!head || isCap(head) || head.pos !== 'NOUN') return undefined;
  const after = tokens[h + 1];
  if (after && after.pos === 'NOUN' && !isCap(after)) return undefined; // "police dogs", "military assistance"
  const mods: Token[] = [];
  for (let k = h - 1; k >= 0 && mods.length < 3; k--) {
    const t = tokens[k];
    if (!t || !(t.pos === 'ADJ' || t.pos === 'NOUN' || (t.pos === 'VERB' && /ed$/.test(t.lower)) || (t.pos === 'PROPN' && countryOf(t.text)) || /^[a-z]+-[a-z]+$/.test(t.text))) break;
    if (/^(?:numerous|various|many|several|some|other|such|more|most|few|all|both|these|those)$/.test(t.lower)) break;
    if (isCap(t) && !countryOf(t.text)) break;
    mods.unshift(t);
  }
  const country = mods.map((m) => countryOf(m.text)).find(Boolean);
  const modWords = mods.filter((m) => !countryOf(m.text)).map((m) => m.lower);
  const h0 = head.lower;
  const name = joinTokens([...mods, head], s.text);
  const subject = predicateAfter(tokens, h + 1, s.text, h - mods.length);
  const base = { role: subject, subject: Boolean(subject) };
  const det = tokens[h - 1 - mods.length]?.lower ?? '';
  if (/^cartels?$/.test(h0)) return mention(name, 'group', 'group:cartel', ctx, quote, base);
  if (/^(?:gangs?|syndicates|militias?|rebels|guerrillas)$/.test(h0)) return mention(name, 'group', `group:${h0.replace(/s$/, '')}`, ctx, quote, base);
  if (/^groups?$/.test(h0)) {
    if (modWords.some((w) => CRIME.test(w))) return mention(name, 'group', 'group:gang', ctx, quote, base);
    if (modWords.length && modWords.join(' ') === 'human rights' ) return mention(name, 'group', 'group:human rights', ctx, quote, base);
    return undefined;
  }
  if (/^(?:countries|nations|allies)$/.test(h0)) {
    return modWords.includes('allied') || h0 === 'allies' ? mention(name, 'group', 'group:allies', ctx, quote, base) : undefined;
  }
  if (modWords.includes('foreign') && h0 !== 'ministry') return undefined;
  if (h0 === 'police') return mention(name, 'institution', `generic:police:${country ?? ''}:`, ctx, quote, base);
  if (/^(?:military|army|troops)$/.test(h0) || (h0 === 'forces' && modWords.includes('armed'))) {
    if (!country && !/^(?:the|its|their)$/.test(det) && !modWords.includes('armed')) return undefined;
    return mention(name, 'institution', `generic:military:${country ?? ''}:`, ctx, quote, base);
  }
  if (/^(?:government|presidency)$/.test(h0)) {
    if (!country && det !== 'the') return undefined;
    return mention(name, 'institution', `generic:executive:${country ?? ''}:`, ctx, quote, base);
  }
  if (/^(?:congress|parliament|assembly|legislature)$/.test(h0)) return mention(name, 'institution', `generic:legislature:${country ?? ''}:`, ctx, quote, base);
  if (h0 === 'court' && det === 'the') return mention(name, 'institution', `generic:court:${country ?? ''}:`, ctx, quote, base);
  if (h0 === 'ministry' && modWords.length) return mention(name, 'institution', `generic:ministry:${country ?? ''}:${modWords.join(' ')}`, ctx, quote, base);
  return undefined;
}

/** Every actor mention in one sentence. */
export function actorsOf(s: Sentence, ctx: ActorContext, quote: string): ActorMention[] {
  const tokens = s.tokens;
  const out: ActorMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (isCap(t) && t.type !== 'punctuation' && !/^[“"‘’'(]$/.test(t.text)) {
      let j = i;
      while (j + 1 < tokens.length) {
        const n = tokens[j + 1];
        const n2 = tokens[j + 2];
        if (n && isCap(n) && n.type !== 'punctuation' && !/^[’']s$/.test(n.text)) j++;
        else if (n && n.text === '.' && /^(?:inc|corp|co|ltd|capt|gen|jr|sr|st)$/i.test(tokens[j]?.text ?? '')) j++;
        else if (n && n2 && CONNECTOR.test(n.text) && isCap(n2) && n.text !== 'and') j += 2;
        else if (n && n2 && n.text === 'and' && isCap(n2) && !countryOf(tokens[j]?.text ?? '') && !countryOf(n2.text) && tokens.slice(j + 2, j + 5).some((x) => ORG_INSTITUTION.test(x.lower) || ORG_PRIVATE.test(x.lower))) j += 2;
        else break;
      }
      out.push(...runMentions(tokens, i, j, s, ctx, quote));
      i = j;
      continue;
    }
    if (GROUP_HEAD.test(t.lower)) {
      const m = groupMention(tokens, i, s, ctx, quote);
      if (m) out.push(m);
    }
  }
  return out;
}
