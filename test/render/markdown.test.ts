import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { figureValue } from '../../src/render/parts.js';
import { actor, briefing, deathsCourse, figure, FILES } from './briefing-fixture.js';

const lines = (s: string): string[] => s.trimEnd().split('\n');

/** The markdown of one measure, deaths, given on July 4 (`from`, one source) and July 8 (`to`, another): a timeline of two points. */
function course(from: number, to: number): string {
  const early = figure({ metric: 'deaths', value: from, text: String(from), period: 'July 4, 2025', weight: 1 });
  const late = figure({ metric: 'deaths', value: to, text: String(to), period: 'July 8, 2025', weight: 5, files: [FILES[1]] });
  return renderMarkdown(deathsCourse(early, late), { all: false });
}

describe('renderMarkdown, short', () => {
  const out = renderMarkdown(briefing(), { all: false });

  it('fits one chat message and says how much was left out', () => {
    expect(lines(out).length).toBeLessThanOrEqual(20);
    expect(out).toContain('+3 more figures, +2 more actors, +1 more question (--all shows everything)');
  });

  it('opens with the title, and the topic label when there is one', () => {
    expect(lines(out)[0]).toBe('Ecuador seeks foreign military help');
    const topical = renderMarkdown(briefing({ topic: { name: 'homicides', label: 'Homicides' } }), { all: false });
    expect(lines(topical)[0]).toBe('Ecuador seeks foreign military help — Homicides');
  });

  it('puts the weightiest figures first, each with its unit, metric, period and numbered sources', () => {
    const figures = lines(out).slice(lines(out).indexOf('Key figures') + 1, lines(out).indexOf('Key figures') + 5);
    expect(figures.slice(1)).toEqual([
      '- 731 — homicides, January 2025 [1][2]',
      '- more than six tons — cocaine seized, July 2024 [1]',
      '- 44% of the vote — vote share, February 2025 [1]',
    ]);
  });

  it('flags a conflict inline, on one line with every value and who gave it', () => {
    expect(out).toContain('- 38.76 per 100,000 people — homicide rate, 2024 [1] ⚠ sources disagree: 38.76 [1] · 36.18 [2] · 38 [3] (contradiction)\n');
    expect(out).not.toContain('- 36.18');
  });

  it('lists core actors first, as name and role', () => {
    expect(out).toContain('Actors: Daniel Noboa — President of Ecuador · Luisa González — runoff challenger · National Assembly\n');
  });

  it('lists open questions with their sources', () => {
    expect(out).toContain('Open questions\n- Which allied countries will send special forces? [1]\n- Will the National Assembly approve the plan? [3]\n');
  });

  it('ends with the numbered sources it cites: outlet, headline and date', () => {
    expect(lines(out).slice(-3)).toEqual([
      '[1] AP — Ecuador will seek foreign military aid (2025-02-19)',
      '[2] Crime crisis sparks call for help',
      '[3] Allies asked for special forces (2025-02-20)',
    ]);
  });

  it('marks values that differ only by rounding as rounding, not as a disagreement', () => {
    const figures = [figure({ value: 38.76, text: '38.76', weight: 2 }), figure({ value: 39, text: '39', weight: 1, files: [FILES[2]] })];
    const b = briefing({
      figures,
      conflicts: [
        {
          metric: 'homicide rate',
          period: '2024',
          kind: 'rounding',
          values: [
            { value: 38.76, text: '38.76', sources: [FILES[0]] },
            { value: 39, text: '39', sources: [FILES[2]] },
          ],
          figures,
        },
      ],
    });
    const text = renderMarkdown(b, { all: false });
    expect(text).toContain('≈ sources round differently: 38.76 [1] · 39 [3] (rounding)');
    expect(text).not.toContain('⚠');
  });

  it('tells a measure given at several moments as its course, on the line of its latest value', () => {
    const text = course(24, 109);
    expect(text).toContain(
      '- 109 per 100,000 people — deaths, July 8, 2025 [2] ↗ rose from 24 per 100,000 people [1] (July 4, 2025) to 109 per 100,000 people [2] (July 8, 2025)\n',
    );
    expect(text).not.toContain('⚠');
  });

  it.each([
    [109, 24, '↘ fell from 109'],
    [24, 24, '→ held from 24'],
  ])('draws a course that goes from %d to %d as it goes', (from, to, said) => {
    const text = course(from, to);
    expect(text).toContain(said);
    expect(text).not.toContain('↗');
  });

  it('shows the best passages for a free-text topic', () => {
    const b = briefing({
      topic: { name: 'banana ports', label: 'banana ports' },
      figures: [],
      conflicts: [],
      actors: [],
      questions: [],
      passages: [{ file: FILES[1], quote: 'Cocaine was hidden under bananas at a port near Guayaquil.' }],
    });
    expect(renderMarkdown(b, { all: false })).toBe(
      'Ecuador seeks foreign military help — banana ports\n' +
        'Passages\n' +
        '- “Cocaine was hidden under bananas at a port near Guayaquil.” [2]\n' +
        '[2] Crime crisis sparks call for help\n',
    );
  });

  it('says so when nothing bears on the topic', () => {
    const b = briefing({ topic: { name: 'tourism', label: 'Tourism' }, figures: [], conflicts: [], actors: [], questions: [] });
    expect(renderMarkdown(b, { all: false })).toBe('Ecuador seeks foreign military help — Tourism\nNothing in these articles bears on Tourism.\n');
  });

  it('cites at most three sources per line and counts the rest', () => {
    const sources = Array.from({ length: 5 }, (_, i) => ({ n: i + 1, file: `${i}.txt`, headline: `Story ${i + 1}` }));
    const b = briefing({ sources, figures: [figure({ value: 7, text: '7', files: sources.map((s) => s.file) })], conflicts: [], actors: [], questions: [] });
    expect(renderMarkdown(b, { all: false })).toContain('- 7 per 100,000 people — homicide rate, 2024 [1][2][3]+2\n');
  });
});

describe('renderMarkdown, all', () => {
  const out = renderMarkdown(briefing(), { all: true });

  it('shows every figure, actor, question and source, with no "more" line', () => {
    for (const text of [
      '18 million people — population, as of February 2025',
      '20 — gangs [1]',
      'Gian Carlo Loffredo — Defense Minister',
      'Who will win the April 13 runoff?',
      'https://apnews.example/a',
    ]) {
      expect(out).toContain(text);
    }
    expect(out).not.toContain('more figure');
  });

  it('lists actors one a line, core first, with their sources', () => {
    const start = lines(out).indexOf('Actors');
    expect(lines(out).slice(start + 1, start + 3)).toEqual(['- Daniel Noboa — President of Ecuador [1][2][3]', '- Luisa González — runoff challenger [1]']);
    expect(lines(out)[start + 5]).toBe('- Gian Carlo Loffredo — Defense Minister [1]');
  });
});

describe('figureValue', () => {
  it.each([
    ['38.76', 'per 100,000 people', '38.76 per 100,000 people', {}],
    ['six', 'tons', 'more than six tons', { qualifier: 'more than' }],
    ['six tons', 'tons', 'six tons', {}],
    ['a decade', 'years', 'a decade', {}],
    ['$81 million', 'US dollars', '$81 million', {}],
    ['44%', 'percent of the vote', '44% of the vote', {}],
    ['16%', 'percent', '16%', {}],
    ['731', 'homicides', '731', { metric: 'homicides' }],
    ['18 million', 'people', '18 million people', { metric: 'population' }],
    ['15GW', 'GW', '15GW', { metric: 'power lost' }],
    ['15', 'GW', '15 GW', { metric: 'power lost' }],
  ])('writes "%s" with unit "%s" as "%s"', (text, unit, expected, over) => {
    expect(figureValue(figure({ text, unit, ...over }))).toBe(expected);
  });
});

describe('renderMarkdown, actors', () => {
  it('shows an actor without a role by name alone', () => {
    expect(renderMarkdown(briefing({ actors: [actor('Ecuador', { kind: 'country' })], figures: [], conflicts: [], questions: [] }), { all: false })).toContain(
      'Actors: Ecuador\n',
    );
  });

  it('clips a long role in a short briefing', () => {
    const role = 'maintained a military presence at a base in Manta for a decade until 2009';
    const out = renderMarkdown(briefing({ actors: [actor('United States', { role })], figures: [], conflicts: [], questions: [] }), { all: false });
    expect(out).toContain('Actors: United States — maintained a military presence at a bas…\n');
  });
});

describe('renderMarkdown, source dates', () => {
  it('marks a date inferred from the text with ~, and shows a stated one plainly', () => {
    const b = briefing();
    const [first, ...rest] = b.sources;
    if (!first) throw new Error('fixture has no sources');
    const out = renderMarkdown({ ...b, sources: [{ ...first, dateInferred: true }, ...rest] }, { all: true });
    expect(out).toContain('(~2025-02-19)');
    expect(renderMarkdown(b, { all: true })).toContain('(2025-02-19)');
  });
});
