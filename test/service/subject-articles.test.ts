import { describe, expect, it } from 'vitest';
import { resolveSetDates } from '../../src/core/articles/dates.js';
import { parseArticle } from '../../src/core/articles/parse.js';
import { bodySignature, contentHash } from '../../src/store/article-key.js';
import { articleText } from '../../src/ingest/page.js';
import { mergeArticles } from '../../src/service/subject-articles.js';
import type { StoredArticle } from '../../src/store/store.js';
import { PORT, RUNOFF, RUNOFF_COPY, type PageParts } from '../ingest/fixtures.js';

const text = (p: PageParts, url: string): string => articleText({ headline: p.headline, outlet: p.site, url, published: p.date, paragraphs: p.paragraphs });

function stored(id: number, p: PageParts, url: string): StoredArticle {
  const t = text(p, url);
  const a = parseArticle('x', t);
  return {
    id,
    subject: 'ecuador',
    hash: contentHash(a),
    headline: p.headline,
    outlets: [{ outlet: p.site, url }],
    published: p.date,
    addedAt: id,
    text: t,
    signature: bodySignature(a),
  };
}

describe("a subject's files and stored articles, as one list", () => {
  it("folds a stored wire copy into the folder's article, which then names both outlets, and keeps other stories", () => {
    const folder = [parseArticle('runoff.txt', text(RUNOFF, 'https://diario.example/a'))];
    const r = mergeArticles(folder, [stored(1, RUNOFF_COPY, 'https://prensa.example/b'), stored(2, PORT, 'https://diario.example/port')]);
    expect(r.articles.map((a) => [a.file, a.outlet])).toEqual([
      ['runoff.txt', 'El Diario (also La Prensa)'],
      [expect.stringMatching(/^diario\.example-[0-9a-f]{10}\.txt$/) as unknown, 'El Diario'],
    ]);
    expect(r.folded).toBe(1);
    expect(r.keys.get('runoff.txt')).toBe(contentHash(folder[0] ?? parseArticle('', '')).slice(0, 16));
  });

  it('keeps two folder files that differ, and folds two that are the same text', () => {
    const a = parseArticle('a.txt', text(RUNOFF, 'https://diario.example/a'));
    const b = parseArticle('b.txt', text(RUNOFF_COPY, 'https://prensa.example/b'));
    const same = parseArticle('c.txt', text({ ...RUNOFF, site: 'Primicias' }, 'https://primicias.example/c'));
    const r = mergeArticles([a, b, same], []);
    expect(r.articles.map((x) => [x.file, x.outlet])).toEqual([
      ['a.txt', 'El Diario (also Primicias)'],
      ['b.txt', 'La Prensa'],
    ]);
  });

  it('dates undated folder files among themselves, not by articles ingested months later', () => {
    const undated = parseArticle('feb.txt', 'Gangs stage attacks\nThe attacks came on Feb. 9, 2025, officials said.\n');
    const r = mergeArticles([undated], [stored(1, { ...PORT, date: '2025-06-30' }, 'https://diario.example/port')]);
    // As the set builder sees them: dating the whole set again leaves the folder's date alone.
    expect(resolveSetDates(r.articles).find((a) => a.file === 'feb.txt')?.published).toMatchObject({ iso: '2025-02-09' });
  });
});
