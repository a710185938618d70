import { describe, expect, it } from 'vitest';
import type { Briefing, Figure, SourceRef } from '../../src/core/model.js';
import { PAGE_LIMITS, renderPage } from '../../src/render/page.js';

const source = (n: number): SourceRef => ({
  n,
  file: `${String(n)}.txt`,
  headline: `Story ${String(n)}`,
  outlet: `Outlet ${String(n)}`,
  published: '2025-02-19',
});
const figure = (i: number, files: string[]): Figure => ({
  metric: `measure ${String(i)}`,
  metricKey: `m${String(i)}`,
  value: i,
  text: String(i),
  unit: 'count',
  period: '2024',
  decimals: 0,
  weight: 1000 - i,
  sources: files.map((file) => ({ file, quote: `Officials counted ${String(i)} cases in 2024 (${file}).` })),
});

describe('the page of a very large set', () => {
  it('shows the first figures, a few quotes and citations each, says what it leaves out, and lists only the sources it cites', () => {
    const sources = Array.from({ length: 400 }, (_, i) => source(i + 1));
    const files = sources.map((s) => s.file);
    const figures = Array.from({ length: PAGE_LIMITS.figures + 15 }, (_, i) => figure(i + 1, files.slice(i, i + 20)));
    const b: Briefing = { title: 'Big story', sources, figures, conflicts: [], actors: [], questions: [] };
    const html = renderPage(b, { generatedAt: 0 });
    expect(html.match(/<span class="value">/g)).toHaveLength(PAGE_LIMITS.figures);
    expect(html).toContain('15 more figures are not shown: a topic or words narrow the page.');
    expect(html.match(/<blockquote>/g)).toHaveLength(PAGE_LIMITS.figures * PAGE_LIMITS.quotes);
    // 20 sources a figure: 3 quoted, then 6 cited and the rest counted.
    expect(html).toContain(`and ${String(20 - PAGE_LIMITS.quotes - PAGE_LIMITS.cites)} more</p>`);
    const listed = html.match(/<li id="source-\d+">/g) ?? [];
    expect(listed.length).toBeLessThan(sources.length);
    expect(html).toContain(`${String(sources.length - listed.length)} more sources are not cited on this page.`);
    // Every citation on the page points at a source the page lists.
    for (const m of html.matchAll(/href="#source-(\d+)"/g)) expect(html).toContain(`<li id="source-${m[1] ?? ''}">`);
  });
});
