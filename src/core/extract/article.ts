/** Extracts one article once: figures, actors, open questions and its sentences. */
import type { Article, ArticleExtract, Evidence } from '../model.js';
import { analyse } from '../nlp.js';
import { actorsOf } from './actors.js';
import { figuresOf } from './figures.js';
import { countryOf } from './gazetteer.js';
import { questionOf } from './questions.js';

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

/** Runs every extractor over the article's body, sentence by sentence. */
export function extractArticle(article: Article): ArticleExtract {
  const { body, furniture, ...meta } = article;
  const places = placesOf([...furniture.map((f) => f.text), ...body.map((p) => p.text)]);
  const ctx = { file: article.file, places: new Set(places.map(([c]) => c)) };
  const pub = article.published ?? { iso: '1970-01-01', year: 1970, month: 1, source: 'set' as const };
  const out: ArticleExtract = { article: meta, figures: [], actors: [], questions: [], sentences: [], places };
  const carry = {};
  body.forEach((p, pi) => {
    const position = body.length > 1 ? pi / (body.length - 1) : 0;
    for (const s of analyse(p.text)) {
      const quote = s.text.trim();
      if (quote.length < 3) continue;
      const ev: Evidence = { file: article.file, quote };
      out.sentences.push(ev);
      out.figures.push(...figuresOf(s, article.file, quote, pub, carry, position));
      out.actors.push(...actorsOf(s, ctx, quote));
      const q = questionOf(s.text, article.file, quote);
      if (q) out.questions.push(q);
    }
  });
  return out;
}
