import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { articleText, extractPage } from '../../src/ingest/page.js';
import { newsPage, RUNOFF } from './fixtures.js';

describe('a web page reduced to an article (Readability over linkedom)', () => {
  const page = extractPage(newsPage(RUNOFF), 'https://diario.example/world/noboa-wins');

  it('keeps the headline, outlet, date and url from the page', () => {
    expect(page.ok && { ...page.value, paragraphs: page.value.paragraphs.length }).toEqual({
      headline: 'Noboa wins Ecuador runoff as homicides fall',
      outlet: 'El Diario',
      published: '2025-04-14',
      url: 'https://diario.example/world/noboa-wins',
      paragraphs: RUNOFF.paragraphs.length,
    });
  });

  it('keeps the body paragraphs and drops the cookie banner, menu, byline, caption, share buttons, related box, newsletter and footer', () => {
    const text = page.ok ? page.value.paragraphs.join('\n') : '';
    expect(page.ok && page.value.paragraphs).toEqual(RUNOFF.paragraphs);
    for (const furniture of ['cookies', 'Politics', 'By Gonzalo', 'AP Photo', 'Share on', 'impeachment vote in Congress', 'newsletter', 'All rights reserved'])
      expect(text).not.toContain(furniture);
  });

  it("writes Sitrep's article format, which parseArticle reads back with the same metadata", () => {
    if (!page.ok) throw new Error(page.error.message);
    const a = parseArticle('noboa.txt', articleText(page.value));
    expect([a.headline, a.outlet, a.url, a.published?.iso, a.published?.source]).toEqual([
      'Noboa wins Ecuador runoff as homicides fall',
      'El Diario',
      'https://diario.example/world/noboa-wins',
      '2025-04-14',
      'date-line',
    ]);
    expect(a.body[0]?.text).toMatch(/^President Daniel Noboa won the April 13 runoff/);
  });

  it('takes the date from JSON-LD or <time>, and the outlet from the host, when the page has no Open Graph tags', () => {
    const html = newsPage(RUNOFF)
      .replace(/<meta property="(?:og:site_name|article:published_time)"[^>]*>/g, '')
      .replace(/"publisher":\{[^}]*\}/, '"publisher":null');
    const r = extractPage(html, 'https://www.diario.example/a');
    expect(r.ok && [r.value.outlet, r.value.published]).toEqual(['diario.example', '2025-04-14']);
  });

  it('says when a page has no article (an index page)', () => {
    const r = extractPage(
      '<html><head><title>World</title></head><body><nav><a href="/">Home</a></nav>' +
        '<ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul></body></html>',
    );
    expect(r).toEqual({ ok: false, error: { code: 'no-article', message: expect.stringContaining('no article text') as unknown } });
  });
});
