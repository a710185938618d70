/** Extracts one article once: figures, actors, open questions and its sentences. */
import type { Article, ArticleExtract, Evidence, FigureMention } from '../model.js';
import { analyseParagraphs, type Sentence } from '../nlp.js';
import { namesNoActors } from './actor-sentences.js';
import { actorContext, actorsOf } from './actors.js';
import { eventsOf, type PersonRef } from './events.js';
import { inArticlePart, readFigures, type Carry } from './figures/extract.js';
import { hasSense, opensCompound, singular } from './figures/lexicon.js';
import { countryOf } from './gazetteer.js';
import { whileReading } from './question-grammar.js';
import { namePronoun } from './pronouns.js';
import { questionOf } from './questions.js';
import { oneLine } from '../text.js';

const CITY_COUNTRY = /\b([A-Z][A-Za-z’'-]+(?:\s[A-Z][A-Za-z’'-]+)?),\s+([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)\b/g;

/** Places written "City, Country" anywhere in the page, datelines and captions included. */
function placesOf(texts: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const t of texts) {
    for (const m of t.matchAll(CITY_COUNTRY)) {
      const city = m[1] ?? '';
      const country = countryOf(m[2] ?? '');
      if (country && !countryOf(city) && !/^(?:In|On|At|The|But|And|However)$/.test(city)) out.push([city.toLowerCase(), country]);
    }
  }
  return out;
}

/** Two-word nouns WordNet knows ("power outage", "death toll") among the sentences' adjacent words, once each. */
function compoundsOf(sentences: readonly Sentence[]): string[] {
  const out = new Set<string>();
  for (const s of sentences) {
    for (let i = 1; i < s.tokens.length; i++) {
      const [a, b] = [s.tokens[i - 1], s.tokens[i]];
      if (
        !a ||
        !b ||
        (b.pos !== 'NOUN' && b.pos !== 'PROPN') ||
        (a.pos !== 'NOUN' && a.pos !== 'ADJ' && a.pos !== 'PROPN') ||
        a.end + 1 !== b.start ||
        !opensCompound(a.lower)
      )
        continue;
      const pair = `${a.lower} ${singular(b.lower)}`;
      if (hasSense(pair)) out.add(pair);
    }
  }
  return [...out];
}

/**
 * Returns one shared copy of equal strings; a set's articles repeat the same names, keys and metrics
 * thousands of times. `shared` does the same for small plain values (a unit, a period, a measure).
 */
export interface Interner {
  (s: string): string;
  shared<T extends object>(value: T): T;
}

/** An interner over one Map, for one set. */
export function createInterner(): Interner {
  const seen = new Map<string, string>();
  const values = new Map<string, object>();
  const intern = (s: string): string => {
    const had = seen.get(s);
    if (had !== undefined) return had;
    seen.set(s, s);
    return s;
  };
  const shared = <T extends object>(value: T): T => {
    const key = JSON.stringify(value);
    const had = values.get(key);
    if (had !== undefined) return had as T;
    values.set(key, value);
    return value;
  };
  return Object.assign(intern, { shared });
}

/** A figure's strings and typed parts shared through `intern`: at 10,000 articles their copies are tens of megabytes. */
export function shareFigure<F extends FigureMention>(f: F, intern: Interner): F {
  f.metric = intern(f.metric);
  f.metricKey = intern(f.metricKey);
  f.unit = intern(f.unit);
  f.period = intern(f.period);
  const t = f.typed;
  if (t) f.typed = { ...t, unit: intern.shared(t.unit), measure: intern.shared(t.measure), period: intern.shared(t.period) };
  return f;
}

/**
 * Runs every extractor over the article's body, sentence by sentence. Mentions from one sentence
 * share its Evidence, and `intern` shares strings across articles, so a large set stays small.
 */
export function extractArticle(article: Article, intern: Interner = createInterner()): ArticleExtract {
  const { body, furniture, ...meta } = article;
  const places = placesOf([...furniture.map((f) => f.text), ...body.map((p) => p.text)]);
  const ctx = actorContext(article.file, new Set(places.map(([c]) => c)), article.headline, body);
  const pub = article.published ?? { iso: '1970-01-01', year: 1970, month: 1, source: 'set' as const };
  const out: ArticleExtract = { article: meta, figures: [], actors: [], questions: [], sentences: [], places };
  const carry: Carry = {};
  // Figures are shared once the whole article is read: a part of the day it names dates them all.
  const read: { figures: FigureMention[]; ev: Evidence }[] = [];
  const addFigures = (figures: FigureMention[], ev: Evidence): void => {
    if (figures.length) read.push({ figures, ev });
  };
  // The headline says what the story's actors do ("Peru will seek foreign military aid"): the
  // best role for a country or group, when the body names them too. Its figures are the story's
  // headline numbers, kept after the body's so that a figure quotes the body's fuller sentence first.
  const headline: { figures: FigureMention[]; ev: Evidence }[] = [];
  // The headline and the body are read as one document: each reading costs, whatever its length.
  const [headlineSentences = [], ...sentences] = analyseParagraphs([article.headline, ...body.map((p) => p.text)]);
  for (const s of headlineSentences) {
    const quote = s.text.trim();
    const ev: Evidence = { file: article.file, quote };
    for (const a of actorsOf(s, ctx, quote)) {
      if (a.kind !== 'person' && a.role)
        out.actors.push({ ...a, name: intern(oneLine(a.name)), key: intern(oneLine(a.key)), role: intern(oneLine(a.role)), evidence: ev, headline: true });
    }
    headline.push({ figures: readFigures(s, pub, {}, { file: article.file, quote, position: 0, headline: true }).figures, ev });
  }
  // The people of the nearest earlier sentence that named any: whom a "he" or "she" can mean.
  let previous: PersonRef[] = [];
  body.forEach((p, pi) => {
    const position = body.length > 1 ? pi / (body.length - 1) : 0;
    const own = sentences[pi] ?? [];
    // A photo caption's names, or a heading's, are not the story's actors.
    const caption = namesNoActors(p.text, own);
    for (const s of own) {
      const quote = s.text.trim();
      if (quote.length < 3) continue;
      const ev: Evidence = { file: article.file, quote };
      out.sentences.push(ev);
      addFigures(readFigures(s, pub, carry, { file: article.file, quote, position }).figures, ev);
      const actors = caption ? [] : actorsOf(s, ctx, quote);
      for (const a of actors) {
        const role = a.role === undefined ? undefined : intern(oneLine(a.role));
        out.actors.push({ ...a, name: intern(oneLine(a.name)), key: intern(oneLine(a.key)), role, evidence: ev });
      }
      // A lone capitalised word after "in" or "from" is more likely a place than a person.
      const persons = actors.filter((a) => a.kind === 'person' && !a.key.endsWith(':locative'));
      addFigures(eventsOf(quote, article.file, persons, previous, position), ev);
      const q = whileReading(s, () => questionOf(s.text, article.file, quote));
      if (q) out.questions.push({ ...q, question: oneLine(namePronoun(q.question, persons, previous)), evidence: ev });
      if (persons.length) previous = persons;
    }
  });
  for (const h of headline) addFigures(h.figures, h.ev);
  out.compounds = compoundsOf([...headlineSentences, ...sentences.flat()]).map(intern);
  for (const { figures, ev } of read) for (const f of inArticlePart(figures, carry)) out.figures.push(shareFigure({ ...f, evidence: ev }, intern));
  return out;
}
