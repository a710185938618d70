/** Key figures: every number that matters in a sentence, with what it measures, its unit and period. */
import type { FigureMention, PubDate } from '../model.js';
import type { Sentence, Token } from '../nlp.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { asOf, timeSpans, type TimeSpan } from './periods.js';

/** Why a number is not a figure; checked in order, each with the text just before and after it. */
export const NOT_A_FIGURE: readonly { reason: string; test: (n: NumberMention, before: string, after: string) => boolean }[] = [
  { reason: 'year', test: (n) => !n.words && !n.currency && !n.percent && n.scale === 1 && n.decimals === 0 && /^\d{4}$/.test(n.text) && n.value >= 1800 && n.value <= 2100 },
  { reason: 'base of a rate', test: (_n, before) => /\bper\s*$/i.test(before) },
  { reason: 'day of a month', test: (n, before) => !n.words && n.value <= 31 && /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i.test(before) },
  { reason: 'clock time', test: (_n, _b, after) => /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|o'clock)/i.test(after) },
  { reason: 'page or item number', test: (_n, before) => /\b(?:page|pages|p\.|pp\.|no\.|number|chapter|section|article|vol\.|volume|episode|season|part|item|clause|paragraph|line|room|flight|route|highway|#)\s*$/i.test(before) },
  { reason: 'part of a name', test: (n, before, after) => !n.words && !n.currency && !n.percent && n.decimals === 0 && /(?:^|[^.!?]\s)[A-Z][\w-]*\s$/.test(before) && !/^\s*(?:%|per\b|[a-z]+\s+per\b)/.test(after) && !/\b(?:In|On|At|By|Of|From|To|The|About|Nearly|Some|Only|Over|Under|With|Since|And|Or|But)\s$/.test(before) },
  { reason: 'age', test: (_n, before, after) => /^[\s-]*years?[\s-]old\b/i.test(after) || /\baged?\s*$/i.test(before) },
  { reason: 'idiom', test: (n, before, after) => n.words && (/^(?:one|a|an)$/i.test(n.text) && (/^\s+(?:of|another|day|thing|point|side|way|time|more|by|hand|or|another|must|can|could|would|should|will|may)\b/i.test(after) || /\b(?:no|any|some|every|each|the|that|this|which|only|just)\s+$/i.test(before))) },
  { reason: 'one of N', test: (n, before) => n.words && /\bone\s+of\s+(?:the\s+)?$/i.test(before) },
  { reason: 'duration', test: (n, before, after) => /^\s*(?:-\s*)?(?:hours?|days?|weeks?|months?|years?|decades?|centuries)\b/i.test(after) && !/\bfor\s+(?:about\s+|nearly\s+|almost\s+|more than\s+)?$/i.test(before) },
  { reason: 'decade as duration', test: (n, before) => /decade/i.test(n.text) && !/\bfor\s+(?:about\s+|nearly\s+|almost\s+|more than\s+)?$/i.test(before) },
  { reason: 'twice', test: (n) => /^(?:twice|once)$/i.test(n.text) },
];

const MEASURES = /^(?:tons?|tonnes?|metric tons?|kilograms?|kilos?|kg|grams?|pounds|lbs?|kilometers?|kilometres?|km|miles?|meters?|metres?|feet|hectares?|acres?|barrels?|liters?|litres?|gallons?|megawatts?|gigawatts?|mw|gw|degrees?|points?|percentage points?|years?|months?|days?|weeks?|hours?|decades?)$/i;
const GENERIC = /^(?:people|persons?|individuals?|residents?|inhabitants?|citizens?|cases?|times|units?|items?|others?|ones?|more|of|the|total)$/i;
const CHANGE = /^(?:increase|rise|jump|surge|growth|gain|decrease|decline|drop|fall|reduction|cut|share|majority|stake|rate)s?$/i;
const SKIP_POS = new Set(['DET', 'PUNCT', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'AUX']);
const ANAPHOR = /\b(?:that|this|the)\s+(?:figure|number|rate|level|total|count|tally)\b/i;

const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The noun phrase starting at token index i: adjectives and nouns, optionally "of" + noun. */
function nounPhrase(tokens: Token[], i: number, max = 5): { text: string; head: Token | undefined; next: number } {
  const parts: Token[] = [];
  let j = i;
  while (j < tokens.length && parts.length < max) {
    const t = tokens[j];
    if (!t) break;
    if (t.pos === 'ADJ' || t.pos === 'NOUN' || (t.pos === 'PROPN' && parts.length > 0) || (t.pos === 'VERB' && /ed$/.test(t.lower) && parts.length > 0 && parts.at(-1)?.pos === 'NOUN')) {
      parts.push(t);
      j++;
      continue;
    }
    if (t.lower === 'of' && parts.length && tokens[j + 1] && ['NOUN', 'ADJ'].includes(tokens[j + 1]?.pos ?? '') && MEASURES.test(parts.at(-1)?.lower ?? '')) {
      parts.push(t);
      j++;
      continue;
    }
    break;
  }
  const nouns = parts.filter((p) => p.pos === 'NOUN' || p.pos === 'PROPN');
  return { text: parts.map((p) => p.text).join(' '), head: nouns.at(-1) ?? parts.at(-1), next: j };
}

/** Content words before position `end`: the nearest noun chunk (for "crime reduced by 16%"). */
function chunkBefore(tokens: Token[], end: number): string | undefined {
  let j = tokens.findIndex((t) => t.start >= end) - 1;
  if (j < 0) j = tokens.length - 1;
  // skip back over the verb and its particles ("reduced by", "has risen to")
  while (j >= 0 && ['VERB', 'AUX', 'ADP', 'ADV', 'PART'].includes(tokens[j]?.pos ?? '')) j--;
  const parts: string[] = [];
  while (j >= 0 && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[j]?.pos ?? '') && parts.length < 4) parts.unshift(tokens[j--]?.text ?? '');
  return parts.length ? parts.join(' ') : undefined;
}

/** "homicide rate" when the sentence names a rate with nouns before it; not "the rate". */
function namedRate(tokens: Token[]): string | undefined {
  const i = tokens.findIndex((t) => t.lower === 'rate' || t.lower === 'rates');
  if (i < 1) return undefined;
  const parts: string[] = [];
  for (let j = i - 1; j >= 0 && parts.length < 3; j--) {
    const t = tokens[j];
    if (!t || !['NOUN', 'ADJ'].includes(t.pos) || /^(?:annual|average|overall|current|new)$/i.test(t.lower)) break;
    parts.unshift(t.lower);
  }
  return parts.length ? `${parts.join(' ')} rate` : undefined;
}

/** "a dramatic increase in X: from ..." -> X; "the number of X" -> X. */
function subjectOfChange(before: string): string | undefined {
  const m = /\b(?:increase|rise|jump|surge|growth|decrease|decline|drop|fall|reduction|number|count|total|share)\s+(?:in|of)\s+([^:;,.—–(]{3,120}?)\s*(?::|,|—|–|$)/i.exec(before);
  return m?.[1] ? words(m[1]) : undefined;
}

const trimPhrase = (s: string, max = 8): string => s.split(/\s+/).slice(0, max).join(' ');
/** Words reports use for the same measure: "1,200 jobs" and "1,200 positions", "8% of staff" and "8% of its workforce". */
const SAME_MEASURE: Record<string, string> = { position: 'job', role: 'job', staff: 'workforce', employee: 'workforce', personnel: 'workforce' };

const lemmaKey = (s: string): string =>
  s.toLowerCase().replace(/[’']s\b/g, '').replace(/[^a-z0-9% ]+/g, ' ').split(/\s+/)
    .filter((w) => w && !/^(?:the|a|an|of|in|by|to|for|and|its|their|his|her|that|this)$/.test(w))
    .map((w) => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .map((w) => SAME_MEASURE[w] ?? w)
    .join(' ');

interface Described {
  metric: string;
  unit: string;
}

/** Words written before a number that qualify it ("about", "at least"). */
const QUALIFIERS = 'about|around|roughly|nearly|almost|more than|over|less than|fewer than|under|at least|up to|some|an estimated|approximately|a record';
/** A qualifier as written before its number, kept with the figure. */
const QUALIFIER = new RegExp(`\\b(${QUALIFIERS})\\s*$`, 'i');
/** A qualifier, if any, between a verb and its number: "killing at least 120". */
const BOUND = `(?:(?:${QUALIFIERS})\\s+)?`;
/** "fell 23% to", "rose to about": what follows is the new level of what changed. */
const LEVEL_BEFORE = new RegExp(`\\b(?:fell|rose|dropped|climbed|increased|decreased|declined|grew|jumped|slumped|plunged|surged|reached|hit)\\b[^.;:]*\\b(?:to|at)\\s+${BOUND}$`, 'i');
const KILLED_BEFORE = new RegExp(`\\b(?:killing|killed|kills)\\s+${BOUND}$`, 'i');
const TOLL_BEFORE = new RegExp(`\\b(?:death\\s+)?toll\\b[^.;:]*\\b(?:rose|climbed|reached|jumped|increased|stood|stands|hit|to|at|of)\\s+${BOUND}$`, 'i');
const INJURED_BEFORE = new RegExp(`\\b(?:injuring|injured|wounding|wounded)\\s+${BOUND}$`, 'i');
const KILLED_AFTER = /^\s*(?:people|persons|civilians|residents|others)?\s*(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died)\b/i;
const INJURED_AFTER = /^\s*(?:people|persons|civilians|residents|others)?\s*(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:injured|wounded|hurt)\b/i;

/** Casualties, as disaster and conflict reports give them: "killing at least 120", "320 people injured", "the toll rose to 150". */
function casualtyOf(before: string, after: string): Described | undefined {
  if (KILLED_BEFORE.test(before) || TOLL_BEFORE.test(before) || KILLED_AFTER.test(after)) return { metric: 'death toll', unit: 'people' };
  if (INJURED_BEFORE.test(before) || INJURED_AFTER.test(after)) return { metric: 'injured', unit: 'people' };
  return undefined;
}

/** What a number measures and its unit, from the words around it. */
function describe(n: NumberMention, s: Sentence, prev: Described | undefined, carried: Described | undefined): Described | undefined {
  const text = s.text;
  const before = text.slice(0, n.start);
  const after = text.slice(n.end);
  const idx = s.tokens.findIndex((t) => t.start >= n.end);
  const np = idx >= 0 ? nounPhrase(s.tokens, idx) : { text: '', head: undefined, next: idx };
  const rate = /^\s*((?:[a-z]+\s+){0,2}?)per\s+(\d{1,3}(?:,\d{3})+|\d+|capita)(?:\s+([a-z]+))?/i.exec(after);
  if (rate) {
    const counted = (rate[1] ?? '').trim();
    const unit = words(`per ${rate[2] ?? ''} ${rate[3] && !/^(?:in|last|this|and|to|from)$/i.test(rate[3]) ? rate[3] : ''}`);
    const named = namedRate(s.tokens);
    if (named) return { metric: named, unit };
    if (ANAPHOR.test(before) && prev) return { metric: prev.metric, unit };
    if (counted && !GENERIC.test(counted)) return { metric: `${lemmaKey(counted)} rate`, unit };
    const subj = /^\s*([A-Z][a-z]+)\s/.exec(text)?.[1];
    if (subj && /s$/.test(subj)) return { metric: `${lemmaKey(subj)} rate`, unit };
    return carried ?? (prev ? { metric: prev.metric, unit } : { metric: 'rate', unit });
  }
  if (n.percent) {
    const head = np.head?.lower ?? '';
    if (/^\s*of\s+(?:the\s+)?(vote|votes|ballots)\b/i.test(after)) return { metric: 'vote share', unit: 'percent of the vote' };
    if (CHANGE.test(head)) {
      const what = carried?.metric ?? chunkBefore(s.tokens, n.start);
      return { metric: trimPhrase(`${head} in ${what ?? 'value'}`), unit: `percent ${head}` };
    }
    const of = /^\s*of\s+((?:[A-Za-z-]+\s*){1,5})/.exec(after);
    if (of?.[1]) return { metric: trimPhrase(`share of ${of[1].trim()}`, 6), unit: 'percent' };
    const verb = /\b(\w+)\s+(?:by|to|at)\s*(?:about|nearly|almost|some|more than)?\s*$/i.exec(before);
    if (verb) return { metric: trimPhrase(`change in ${chunkBefore(s.tokens, n.start - 1) ?? verb[1]}`), unit: 'percent' };
    return { metric: chunkBefore(s.tokens, n.start) ?? 'share', unit: 'percent' };
  }
  if (n.currency) {
    // "revenue fell 23% to $2.1 billion": the amount is the new level of what changed.
    const level = LEVEL_BEFORE.exec(before);
    const changed = level ? chunkBefore(s.tokens, level.index) : undefined;
    if (changed && !GENERIC.test(changed)) return { metric: changed.toLowerCase(), unit: n.currency };
    const verb = /\b([a-z]+ed|spent|paid|lent|sent|given|won|lost)\b[^.]*$/.exec(before);
    const purpose = np.text && !GENERIC.test(np.text) ? np.text : '';
    return { metric: trimPhrase(words(purpose || (verb ? `amount ${verb[1]}` : 'amount'))), unit: n.currency };
  }
  const casualty = casualtyOf(before, after);
  if (casualty) return casualty;
  // "a magnitude 6.8 earthquake", "a 6.8-magnitude quake"
  if (/\bmagnitude[\s-]*$/i.test(before) || /^[\s-]*magnitude\b/i.test(after)) return { metric: 'magnitude', unit: 'magnitude' };
  if (/^(?:a|an)\s+decade$/i.test(n.text) || /^\s*(?:years?|months?|days?|weeks?|decades?)\b/i.test(after)) {
    const subj = chunkBefore(s.tokens, n.start - 4) ?? '';
    const rest = /^\s*(?:years?|months?|days?|weeks?|decades?)?\s*([a-z]+ed\s+(?:[a-z]+\s+){0,3}[a-z]+)/i.exec(after)?.[1] ?? '';
    const unit = /decade/i.test(n.text) ? 'years' : /^\s*(\w+)/.exec(after)?.[1] ?? 'years';
    return { metric: trimPhrase(words(`duration: ${subj} ${rest}`), 9), unit };
  }
  if (/\b(?:country|nation|city|state|region|population)\s+of\s+(?:some\s+|about\s+|nearly\s+)?$/i.test(before)) return { metric: 'population', unit: 'people' };
  const first = idx >= 0 ? s.tokens[idx] : undefined;
  if (first && MEASURES.test(first.lower)) {
    const of = /^\s*[a-z]+\s+of\s+([a-z]+)/i.exec(after);
    return { metric: of?.[1] ? of[1].toLowerCase() : carried?.metric ?? first.lower, unit: first.lower };
  }
  const bare = /^\s*(?:$|[,.;:)—–]|(?:in|last|this|next|since|during|from|to|on|at|and|or|a|the)\b)/i.test(after);
  if (carried && (bare || !first || !['NOUN', 'ADJ'].includes(first.pos))) return carried;
  const head = np.head;
  if (np.text && head && !GENERIC.test(head.lower) && !SKIP_POS.has(head.pos)) {
    return { metric: np.text.replace(/(?:\s+[a-z]+ed)+$/, '').toLowerCase(), unit: head.lower };
  }
  const change = subjectOfChange(before);
  const unit = head && GENERIC.test(head.lower) ? head.lower : carried?.unit ?? '';
  if (change) return { metric: trimPhrase(change, 10), unit: unit || 'count' };
  if (carried) return carried;
  const chunk = chunkBefore(s.tokens, n.start);
  return chunk ? { metric: chunk.toLowerCase(), unit: unit || 'count' } : undefined;
}

/** The figure's period: the nearest time expression after it in its clause, else the nearest before. */
function periodOf(n: NumberMention, spans: TimeSpan[], next: NumberMention | undefined, text: string, pub: PubDate): string {
  const usable = spans.filter((t) => !t.baseline && t.period);
  const after = usable.find((t) => t.start >= n.end && (!next || t.start < next.start) && !/[;]/.test(text.slice(n.end, t.start)));
  if (after) return after.period;
  const before = [...usable].reverse().find((t) => t.end <= n.start);
  if (before) return before.period;
  const present = /\b(?:is|are|has|have|remains?|accounts?|accounting|holds?|counts?|stands?)\b/i.test(text);
  return present ? asOf(pub) : 'undated';
}


/** Figures of one sentence. `carry` holds the last metric across sentences for "that figure". */
export function figuresOf(s: Sentence, file: string, quote: string, pub: PubDate, carry: { last?: Described | undefined }, position = 0): FigureMention[] {
  const text = s.text;
  const spans = timeSpans(text, pub);
  const numbers = findNumbers(text)
    .filter((n) => !spans.some((t) => n.start < t.end && t.start < n.end))
    .filter((n) => !NOT_A_FIGURE.some((r) => r.test(n, text.slice(0, n.start), text.slice(n.end))));
  const out: FigureMention[] = [];
  let carried: Described | undefined;
  numbers.forEach((n, i) => {
    const before = text.slice(0, n.start);
    const d = describe(n, s, carry.last, carried);
    if (!d) return;
    carried = d;
    carry.last = d;
    const q = QUALIFIER.exec(before)?.[1];
    out.push({
      metric: d.metric,
      metricKey: lemmaKey(d.metric),
      value: n.percent ? n.value : n.value,
      text: n.text,
      unit: d.unit,
      period: periodOf(n, spans, numbers[i + 1], text, pub),
      qualifier: q?.toLowerCase(),
      evidence: { file, quote },
      decimals: n.decimals,
      position,
    });
  });
  return out;
}
