/** Publication dates: from metadata, a `Date:` line, the text, or the rest of the set. */
import * as chrono from 'chrono-node';
import type { Article, PubDate } from '../model.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** chrono's reference date: only dates that state their year are taken, so it decides nothing. */
const REF = new Date(Date.UTC(2000, 0, 1));

function toPub(year: number, month: number, day: number, source: PubDate['source']): PubDate {
  return { iso: `${year}-${pad(month)}-${pad(day)}`, year, month, source };
}

/** Parses a date written by a person or a machine ("2025-02-19", "Feb. 19, 2025"). */
export function parseDate(text: string | undefined, source: PubDate['source']): PubDate | undefined {
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (iso) return toPub(Number(iso[1]), Number(iso[2]), Number(iso[3]), source);
  const r = chrono.strict.parse(text, REF)[0];
  if (!r?.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  return toPub(r.start.get('year') ?? 0, r.start.get('month') ?? 1, r.start.isCertain('day') ? r.start.get('day') ?? 1 : 1, source);
}

/**
 * The date a text opens with, when it states its month and year ("October 2023", "Nov. 23, 2023"),
 * as written. chrono's casual parser: the strict one does not read a month without its day.
 */
export function leadingDate(text: string): { text: string; year: number; month: number } | undefined {
  const r = chrono.parse(text, REF)[0];
  if (r?.index !== 0 || !r.start.isCertain('year') || !r.start.isCertain('month')) return undefined;
  return { text: r.text, year: r.start.get('year') ?? 0, month: r.start.get('month') ?? 1 };
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;

/**
 * The latest date the text states with its year ("Feb. 9, 2025", "January 2025", "in 2024").
 * An article is published on or after every such date, so this is a lower bound.
 */
export function dateHintOf(lines: string[]): PubDate | undefined {
  let best: { pub: PubDate; precision: number } | undefined;
  const consider = (pub: PubDate, precision: number): void => {
    if (!best || pub.iso > best.pub.iso || (pub.iso === best.pub.iso && precision > best.precision)) best = { pub, precision };
  };
  for (const line of lines) {
    for (const r of chrono.strict.parse(line, REF)) {
      if (!r.start.isCertain('year') || !r.start.isCertain('month')) continue;
      const day = r.start.isCertain('day') ? r.start.get('day') ?? 1 : 1;
      consider(toPub(r.start.get('year') ?? 0, r.start.get('month') ?? 1, day, 'text'), r.start.isCertain('day') ? 3 : 2);
    }
    for (const m of line.matchAll(YEAR)) consider(toPub(Number(m[1]), 1, 1, 'text'), 1);
  }
  return best?.pub;
}

const DAY = 86_400_000;
const ms = (p: PubDate): number => Date.parse(`${p.iso}T00:00:00Z`);

/**
 * Gives every article a publication date. Articles of one set are about one story, so an
 * article whose text gives only an older or vaguer date is taken to be from the set's date:
 * the latest date known from metadata, or else from the texts.
 */
export function resolveSetDates(articles: Article[]): Article[] {
  const strong = articles.map((a) => a.published).filter((p): p is PubDate => p !== undefined);
  const pool = strong.length ? strong : articles.map((a) => a.dateHint).filter((p): p is PubDate => p !== undefined);
  const setDate = pool.reduce<PubDate | undefined>((m, p) => (!m || p.iso > m.iso ? p : m), undefined);
  return articles.map((a) => {
    if (a.published) return a;
    const hint = a.dateHint;
    if (!setDate) return hint ? { ...a, published: hint } : a;
    if (!hint || ms(hint) < ms(setDate) - 45 * DAY || (hint.iso.endsWith('-01') && hint.year === setDate.year && hint.iso <= setDate.iso)) {
      return { ...a, published: { ...setDate, source: 'set' } };
    }
    return { ...a, published: hint };
  });
}
