/** A subject's article set, extracted once and indexed, ready to answer briefings. */
import { closest, distance } from 'fastest-levenshtein';
import { datedArticles } from './dating.js';
import { createInterner, extractArticle } from '../extract/article.js';
import { endOf } from '../extract/figures/period.js';
import { termsOf } from '../terms.js';
import type { Actor, Article, ArticleExtract, Briefing, PubDate, Conflict, Evidence, Figure, Question, SourceRef, Timeline, Topic } from '../model.js';
import { mergeActors } from '../reconcile/actors.js';
import { eventsOfPeople, withDisputedDatesOnly } from '../reconcile/events.js';
import { reconcileFigures } from '../reconcile/figures.js';
import { mergeQuestions } from '../reconcile/questions.js';
import { relatedStems } from './related.js';
import { err, ok, type Result } from '../result.js';
import { foldAccents } from '../text.js';

/** Items of a briefing with the word stems that make them match a topic. */
interface Indexed<T> {
  item: T;
  terms: Set<string>;
}

/** Everything a briefing is built from; built once per set, never re-reads articles. */
export interface BriefingSet {
  title: string;
  topics: Topic[];
  /** How many articles the set holds (their text is not kept: everything needed is indexed). */
  articleCount: number;
  sources: SourceRef[];
  figures: Indexed<Figure>[];
  conflicts: Conflict[];
  timelines: Timeline[];
  actors: Indexed<Actor>[];
  questions: Indexed<Question>[];
  /** stem -> sentences containing it, for free-text topics. */
  sentenceIndex: Map<string, number[]>;
  sentences: Evidence[];
}

/** Why a topic could not be answered; worded by the caller. */
export interface UnknownTopic {
  code: 'unknown-topic';
  query: string;
  suggestions: string[];
  topics: string[];
}

/**
 * The clause of a sentence that holds a figure: what the number is about. Matching a topic on the
 * whole sentence drags in figures that merely share a sentence with it.
 */
function clauseOf(quote: string, text: string): string {
  const at = quote.indexOf(text);
  if (at < 0) return quote;
  const before = quote.slice(0, at).search(/[^,;:—–()]*$/);
  const afterCut = quote.slice(at + text.length).search(/[,;:—–()]|\s(?:and|but|while|which|who|as)\s/);
  return quote.slice(Math.max(0, before), afterCut < 0 ? quote.length : at + text.length + afterCut);
}

const index = <T>(item: T, texts: string[]): Indexed<T> => ({ item, terms: new Set(texts.flatMap(termsOf)) });

/** Builds a set from extracts (made now, or kept from an earlier run). */
function buildSetFromExtracts(input: { title: string; topics: Topic[]; extracts: ArticleExtract[] }): BriefingSet {
  const { extracts } = input;
  const actors = mergeActors(
    extracts.flatMap((e) => e.actors),
    extracts.length,
  );
  const {
    figures: merged,
    conflicts,
    timelines,
  } = reconcileFigures(
    eventsOfPeople(
      extracts.flatMap((e) => e.figures),
      actors,
    ),
    extracts.map((e) => e.article.headline),
    new Map(extracts.map((e) => [e.article.file, e.article.published?.iso ?? ''])),
    new Set(extracts.flatMap((e) => e.compounds ?? [])),
  );
  const figures = withDisputedDatesOnly(merged, conflicts);
  // On equal weight, the later value first: the news before its history.
  const end = (f: Figure): string => (f.typed ? endOf(f.typed.period) : '');
  figures.sort((a, b) => b.weight - a.weight || end(b).localeCompare(end(a)));
  const questions = mergeQuestions(extracts.flatMap((e) => e.questions));
  const sentences = extracts.flatMap((e) => e.sentences);
  const sentenceIndex = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const t of termsOf(s.quote)) {
      const list = sentenceIndex.get(t);
      if (list) list.push(i);
      else sentenceIndex.set(t, [i]);
    }
  });
  return {
    title: input.title,
    topics: input.topics,
    articleCount: extracts.length,
    sources: extracts.map((e, i) => ({
      n: i + 1,
      file: e.article.file,
      headline: e.article.headline,
      outlet: e.article.outlet,
      url: e.article.url,
      published: e.article.published?.iso,
      dateInferred: e.article.published ? ['url', 'text', 'set'].includes(e.article.published.source) : undefined,
    })),
    // A date is found by whom and what it dates ("Ruiz took office"), not by the words around it.
    figures: figures.map((f) => index(f, f.unit === 'date' ? [f.metric] : [f.metric, ...f.sources.map((s) => clauseOf(s.quote, f.text))])),
    conflicts,
    timelines,
    actors: actors.map((a) => index(a, [a.name, a.role, ...a.sources.map((s) => s.quote)])),
    questions: questions.map((q) => index(q, [q.question, ...q.sources.map((s) => s.quote)])),
    sentenceIndex,
    sentences,
  };
}

/**
 * The one way a set is built: date its articles against each other, extract each once (or take
 * its extract from a cache), index. Articles are added one at a time, so a caller reading them
 * from a store or a folder keeps only their extracts; the dates come first, from `datedBy` (the
 * articles, or stubs carrying each stored article's date and the full text of undated ones).
 */
export class SetBuilder {
  /** Shares equal strings across the set's extracts. */
  readonly intern = createInterner();
  private readonly dates: (PubDate | undefined)[];
  private extracts: ArticleExtract[] = [];
  constructor(
    private readonly meta: { title: string; topics: Topic[] },
    datedBy: Article[],
  ) {
    this.dates = datedArticles(datedBy).map((a) => a.published);
  }
  /** The `i`th article, given the set's date for it when it states none of its own. */
  dated(i: number, article: Article): Article {
    const when = this.dates[i];
    return article.published || !when ? article : { ...article, published: when };
  }
  /** Adds the next article's extract, made by a caller (a cache) from its `dated` article with `intern`. */
  add(extract: ArticleExtract): void {
    this.extracts.push(extract);
  }
  /** Dates the `i`th article, extracts it, and adds its extract. */
  extract(i: number, article: Article): void {
    this.add(extractArticle(this.dated(i, article), this.intern));
  }
  /** The set, indexed. The builder lets go of the extracts: only the set keeps what it needs of them. */
  done(): BriefingSet {
    const extracts = this.extracts;
    this.extracts = [];
    return buildSetFromExtracts({ title: this.meta.title, topics: this.meta.topics, extracts });
  }
}

/** Extracts every article once and indexes the results. */
export function buildSet(input: { title: string; topics: Topic[]; articles: Article[] }): BriefingSet {
  const set = new SetBuilder(input, input.articles);
  input.articles.forEach((a, i) => {
    set.extract(i, a);
  });
  return set.done();
}

type Match = { kind: 'all' } | { kind: 'topic'; topic: Topic; terms: string[][] } | { kind: 'free'; text: string; terms: string[][]; words: string[] };

const normalise = (s: string): string =>
  foldAccents(s.toLowerCase())
    .replace(/[^a-z0-9 .-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A topic by name, label or one of its words; free text otherwise; a near-miss of a topic is an error with suggestions. */
export function resolveTopic(set: BriefingSet, query: string | undefined): Result<Match, UnknownTopic> {
  if (!query?.trim()) return ok({ kind: 'all' });
  const q = normalise(query);
  const phrases = (t: Topic): string[][] => [t.name, t.label, ...t.terms].map((x) => termsOf(x)).filter((x) => x.length);
  for (const t of set.topics) {
    const names = [t.name, t.label, ...t.terms].map(normalise);
    if (names.includes(q) || names.includes(q.replace(/-/g, ' '))) return ok({ kind: 'topic', topic: t, terms: phrases(t) });
  }
  const words = termsOf(query);
  const names = set.topics.flatMap((t) => [t.name, ...t.terms.filter((x) => !x.includes(' '))]);
  if (words.length === 0) return err({ code: 'unknown-topic', query, suggestions: [], topics: set.topics.map((t) => t.name) });
  const known = words.some((w) => set.sentenceIndex.has(w));
  if (!known && words.length === 1 && names.length) {
    // Close means a typo or two ("homicdes"), not any word at all: "nope" suggests nothing.
    const close = (n: string): boolean => distance(normalise(n), q) <= Math.max(1, Math.floor(q.length / 4));
    const near = set.topics.filter((t) => [t.name, ...t.terms].some(close));
    const best = closest(q, names);
    const bestTopic = close(best) ? set.topics.find((t) => t.name === best || t.terms.includes(best))?.name : undefined;
    const suggestions = [...new Set([...(bestTopic ? [bestTopic] : []), ...near.map((t) => t.name)])];
    return err({ code: 'unknown-topic', query, suggestions: suggestions.slice(0, 3), topics: set.topics.map((t) => t.name) });
  }
  // Free text matches items by any of its words or their newsroom synonyms; passages rank by the words alone.
  return ok({ kind: 'free', text: query.trim(), terms: [...new Set(words.flatMap(relatedStems))].map((w) => [w]), words });
}

/**
 * The `k` sentences that best match the words (rarer words weigh more), best first, earlier first
 * on ties. One pass over the postings and no sort of all hits: common words match a large share
 * of a big set, and sorting those hits was most of a free-text briefing's time.
 */
function rankSentences(set: BriefingSet, words: string[], k: number): number[] {
  const score = new Float64Array(set.sentences.length);
  const touched: number[] = [];
  for (const w of words) {
    const list = set.sentenceIndex.get(w);
    if (!list) continue;
    const weight = 1 / Math.log2(2 + list.length);
    for (const i of list) {
      if (score[i] === 0) touched.push(i);
      score[i] = (score[i] ?? 0) + weight;
    }
  }
  const best: number[] = [];
  for (const i of touched) {
    const si = score[i] ?? 0;
    if (best.length === k && si <= (score[best[k - 1] ?? 0] ?? 0)) continue;
    let at = best.length;
    while (at > 0 && si > (score[best[at - 1] ?? 0] ?? 0)) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Whether an item's stems contain every stem of one of the phrases. */
const matches = (terms: Set<string>, phrases: string[][]): boolean => phrases.some((p) => p.every((w) => terms.has(w)));

/**
 * The briefing for a topic: `undefined` for the overview; a topic's name, label or one of its
 * words; or free text, answered by ranking sentences.
 */
export function brief(set: BriefingSet, query?: string): Result<Briefing, UnknownTopic> {
  const r = resolveTopic(set, query);
  if (!r.ok) return r;
  const m = r.value;
  const keep = <T>(xs: Indexed<T>[]): T[] => (m.kind === 'all' ? xs : xs.filter((x) => matches(x.terms, m.terms))).map((x) => x.item);
  const figures = keep(set.figures);
  const kept = new Set(figures);
  const conflicts = set.conflicts.filter((c) => c.figures.some((f) => kept.has(f)));
  const timelines = set.timelines.filter((t) => t.points.some((p) => p.figures.some((f) => kept.has(f))));
  let passages: Evidence[] | undefined;
  if (m.kind === 'free') {
    passages = rankSentences(set, m.words, 5)
      .map((i) => set.sentences[i])
      .filter((s): s is Evidence => s !== undefined);
  }
  const topic = m.kind === 'topic' ? { name: m.topic.name, label: m.topic.label } : m.kind === 'free' ? { name: m.text, label: m.text } : undefined;
  return ok({
    title: set.title,
    topic,
    sources: set.sources,
    figures,
    conflicts,
    timelines,
    actors: keep(set.actors),
    questions: keep(set.questions),
    passages,
  });
}
