import { describe, expect, it } from 'vitest';
import { toContractJson } from '../../src/render/json.js';
import { briefing, deathsCourse, FILES, figure } from './briefing-fixture.js';

describe('toContractJson', () => {
  const json = JSON.parse(JSON.stringify(toContractJson(briefing({ topic: { name: 'homicides', label: 'Homicides' } })))) as ReturnType<typeof toContractJson>;

  it('gives each figure the contract fields: metric, value, unit, period and sources with file and quote', () => {
    expect(json.figures[0]).toEqual({
      metric: 'homicide rate',
      value: 38.76,
      unit: 'per 100,000 people',
      period: '2024',
      text: '38.76',
      qualifier: null,
      kind: null,
      bound: null,
      dimension: null,
      from: null,
      to: null,
      rule: null,
      sources: [{ file: FILES[0], quote: 'The rate was 38.76 in 2024.' }],
    });
    expect(json.figures.find((f) => f.value === 6)).toMatchObject({ text: 'six', qualifier: 'more than', unit: 'tons' });
  });

  it('gives each conflict its metric, period, kind and each value with the files that gave it', () => {
    expect(json.conflicts).toEqual([
      {
        metric: 'homicide rate',
        period: '2024',
        kind: 'contradiction',
        values: [
          { value: 38.76, text: '38.76', sources: [FILES[0]] },
          { value: 36.18, text: '36.18', sources: [FILES[1]] },
          { value: 38, text: '38', sources: [FILES[2]] },
        ],
      },
    ]);
  });

  it('gives a typed figure its kind, bound, dimension, span and rule, and each timeline its points in order', () => {
    const typed = figure({
      value: 24,
      text: '24',
      typed: {
        kind: 'count',
        bound: 'at-least',
        scale: 1,
        unit: { id: 'people', dimension: 'people', toBase: 1, label: '' },
        measure: { head: 'deaths', modifiers: [] },
        period: { from: '2025-07-04', to: '2025-07-04', grain: 'day', stated: true, label: 'July 4, 2025' },
        rule: 'state.dead',
      },
    });
    const later = figure({ value: 109, text: '109', files: [FILES[1]] });
    const out = toContractJson(deathsCourse(typed, later));
    expect(out.figures[0]).toMatchObject({ kind: 'count', bound: 'at-least', dimension: 'people', from: '2025-07-04', to: '2025-07-04', rule: 'state.dead' });
    expect(out.timelines).toEqual([
      {
        metric: 'deaths',
        points: [
          { period: 'July 4, 2025', values: [{ value: 24, text: '24', sources: [FILES[0]] }] },
          { period: 'July 8, 2025', values: [{ value: 109, text: '109', sources: [FILES[1]] }] },
        ],
      },
    ]);
  });

  it('gives each actor name, aliases, kind, role, salience and quoted sources, and nothing internal', () => {
    expect(json.actors[1]).toEqual({
      name: 'Daniel Noboa',
      aliases: [],
      kind: 'person',
      role: 'President of Ecuador',
      salience: 'core',
      sources: [{ file: FILES[0], quote: 'Daniel Noboa spoke.' }],
    });
    expect(json.actors[1]).not.toHaveProperty('mentions');
  });

  it('gives each question its text and the sentences behind it', () => {
    expect(json.questions[0]).toEqual({
      question: 'Which allied countries will send special forces?',
      sources: [{ file: FILES[0], quote: 'The statement did not say which countries.' }],
    });
  });

  it('carries the title, the topic and the numbered source list', () => {
    expect(json.title).toBe('Ecuador seeks foreign military help');
    expect(json.topic).toEqual({ name: 'homicides', label: 'Homicides' });
    expect(json.sources[1]).toEqual({ n: 2, file: FILES[1], headline: 'Crime crisis sparks call for help', outlet: null, url: null, published: null });
  });

  it('writes a null topic for the overview and passages only for free text', () => {
    expect(toContractJson(briefing()).topic).toBeNull();
    expect(toContractJson(briefing())).not.toHaveProperty('passages');
    expect(toContractJson(briefing({ passages: [{ file: FILES[1], quote: 'Bananas.' }] })).passages).toEqual([{ file: FILES[1], quote: 'Bananas.' }]);
  });
});
