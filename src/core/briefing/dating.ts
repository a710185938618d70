/**
 * Dates a set's articles by their texts and, where a weekday leaves the day in doubt, by the
 * running counts their openings give against the dated reports' (see `resolveSetDates`).
 */
import { resolveSetDates } from '../articles/dates.js';
import { extractArticle } from '../extract/article.js';
import { countryOf } from '../extract/gazetteer.js';
import { PROJECTED } from '../extract/figures/period.js';
import type { Article } from '../model.js';
import { STATE_HEADS } from '../reconcile/measure-identity.js';

/** Paragraphs of an article's opening: where a report gives its story's current toll. */
const OPENING = 3;

/**
 * The running counts an article's headline and opening give for its whole story ("at least 205
 * dead"): the highest of each state, of people at large, in no place smaller than a country, as reported or at least.
 */
function openingTolls(a: Article): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of extractArticle({ ...a, body: a.body.slice(0, OPENING), furniture: [] }).figures) {
    const t = f.typed;
    // A country's count is the story's ("62 deaths in Spain"); a town's or a county's is a part of it.
    const part = t?.measure.scope && !countryOf(t.measure.scope);
    if (!t || !STATE_HEADS.has(t.measure.head) || part || t.measure.who || t.measure.modifiers.length || t.baseline) continue;
    if ((t.bound !== 'exact' && t.bound !== 'at-least') || t.period.to === PROJECTED) continue;
    out.set(t.measure.head, Math.max(out.get(t.measure.head) ?? 0, f.value));
  }
  return out;
}

/** Every article of a set dated: its own date, its text, the set's other dates, and its toll against the dated reports'. */
export function datedArticles(articles: Article[]): Article[] {
  const read = new Map<Article, Map<string, number>>();
  return resolveSetDates(articles, (a) => {
    let t = read.get(a);
    if (!t) read.set(a, (t = openingTolls(a)));
    return t;
  });
}
