import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';
import { figuresOf } from '../../src/core/extract/figures/extract.js';
import type { Figure, FigureMention, PubDate } from '../../src/core/model.js';
import { findConflicts, mergeFigures } from '../../src/core/reconcile/figures.js';
import { analyse } from '../../src/core/nlp.js';

const pub: PubDate = { iso: '2025-02-19', year: 2025, month: 2, source: 'metadata' };

function figures(sentence: string): { value: number; metric: string; unit: string; period: string }[] {
  const carry = {};
  return analyse(sentence).flatMap((s) => figuresOf(s, 'a.txt', s.text, pub, carry)).map(({ value, metric, unit, period }) => ({ value, metric, unit, period }));
}

describe('figures', () => {
  it.each([
    ['the homicide rate dropped from 46.18 per 100,000 people in 2023 to 38.76 per 100,000 people last year.', [[46.18, 'homicide rate', '2023'], [38.76, 'homicide rate', '2024']]],
    ['Homicides have risen from six per 100,000 inhabitants in 2018 to a record 47 in 2023.', [[6, 'homicide rate', '2018'], [47, 'homicide rate', '2023']]],
    ['January was the deadliest month on record, with 731 homicides.', [[731, 'homicides', 'January 2025']]],
    ['Police dogs uncovered more than six tons of cocaine at a port last July.', [[6, 'cocaine', 'July 2024']]],
    ['The United States has invested $81 million since 2018.', [[81_000_000, 'amount invested', 'since 2018']]],
    ['The banana trade accounts for about one in five bananas imported to the United States.', [[0.2, 'bananas', 'as of February 2025']]],
    ['Unemployment rose to 7.5% in 2024.', [[7.5, 'change in Unemployment', '2024']]],
    ['It is a country of 18 million people.', [[18_000_000, 'population', 'as of February 2025']]],
  ] as const)('reads %s', (sentence, expected) => {
    const got = figures(sentence);
    expect(got.map((f) => [f.value, f.metric, f.period])).toEqual(expected.map((e) => [...e]));
  });

  it.each([
    ['dates and years', 'The vote is on April 13, and the court ruled on June 6, 2024.'],
    ['relative periods', 'Violence has grown over the past four years, and the first round was 10 days ago.'],
    ['names with numbers', 'Troops trained at exercise Resolute Sentinel 24 near the coast.'],
    ['page numbers', 'The report says so on page 12.'],
    ['idioms with one', 'He won one of two spots in the runoff.'],
  ])('ignores %s', (_what, sentence) => {
    expect(figures(sentence)).toEqual([]);
  });

  it('resolves "that figure" to the metric of the sentence before', () => {
    const got = figures('Homicides rose to 47 per 100,000 in 2023. That figure dropped to 38 per 100,000 last year.');
    expect(got.at(-1)).toMatchObject({ value: 38, metric: 'homicide rate', period: '2024' });
  });

  it('skips a comparison baseline when choosing the period', () => {
    const got = figures('There were 1,300 homicides in the first 50 days of 2025, a 40% increase compared to the same timeframe in the previous year.');
    expect(got.map((f) => f.period)).toEqual(['first 50 days of 2025', 'first 50 days of 2025']);
  });
});

describe('an amount a change ends at', () => {
  it.each([
    ['Quarterly revenue fell 23% to $2.1 billion in 2024.', 'quarterly revenue'],
    ['Net profit rose to about $40 million last year.', 'net profit'],
  ])('measures what changed: %s', (sentence, metric) => {
    expect(figures(sentence).find((f) => f.unit === 'US dollars')?.metric).toBe(metric);
  });
});

describe('merging figures across sources', () => {
  const m = (metric: string, value: number, file: string, period = '2024'): FigureMention => ({
    metric, metricKey: metric, value, text: `${String(value)}%`, unit: 'percent', period, evidence: { file, quote: `${metric} ${String(value)}%` }, decimals: 0, position: 0,
  });
  const lines = (fs: Figure[]) => fs.map((f) => [f.metric, f.period, f.sources.map((s) => s.file)]);

  it('folds a vaguer metric into a more specific one with the same value, unit and period', () => {
    expect(lines(mergeFigures([m('quarterly revenue', 23, 'a.txt'), m('revenue', 23, 'b.txt')]))).toEqual([['quarterly revenue', '2024', ['a.txt', 'b.txt']]]);
  });

  it('keeps them apart across periods, with other words, or when one source gives both', () => {
    expect(mergeFigures([m('quarterly revenue', 23, 'a.txt'), m('revenue', 23, 'b.txt', '2023')])).toHaveLength(2);
    expect(mergeFigures([m('quarterly revenue', 23, 'a.txt'), m('annual profit', 23, 'b.txt')])).toHaveLength(2);
    expect(mergeFigures([m('quarterly revenue', 23, 'a.txt'), m('revenue', 23, 'a.txt')])).toHaveLength(2);
  });
});

describe('the same measure in other words', () => {
  it('takes "1,200 jobs" and "1,200 positions", "8% of its workforce" and "8 percent of staff" as one figure each', () => {
    const set = buildSet({
      title: 'T', topics: [],
      articles: [
        parseArticle('a.txt', 'A\nDate: 2024-11-04\n\nThe company said it would cut 1,200 jobs, about 8% of its workforce, on Monday.\n'),
        parseArticle('b.txt', 'B\nDate: 2024-11-05\n\nThe company will eliminate 1,200 positions, roughly 8 percent of staff, it said.\n'),
      ],
    });
    const r = brief(set);
    if (!r.ok) throw new Error('no briefing');
    expect(r.value.figures.map((f) => [f.value, f.sources.map((s) => s.file)])).toEqual(expect.arrayContaining([[1200, ['a.txt', 'b.txt']], [8, ['a.txt', 'b.txt']]]));
    expect(r.value.figures).toHaveLength(2);
  });
});

describe('conflicts and bounds', () => {
  const f = (value: number, file: string, qualifier?: string): Figure => ({
    metric: 'death toll', metricKey: 'death toll', value, text: String(value), unit: 'people', period: 'September 2023', qualifier, sources: [{ file, quote: String(value) }], decimals: 0, weight: 1,
  });

  it('sees no disagreement between "at least 120" and "150", or "up to 40" and "35"', () => {
    expect(findConflicts([f(120, 'a.txt', 'at least'), f(150, 'b.txt')])).toEqual([]);
    expect(findConflicts([f(40, 'a.txt', 'up to'), f(35, 'b.txt')])).toEqual([]);
  });

  it('flags values no bound reconciles: "at least 120" and "100", "120" and "150"', () => {
    expect(findConflicts([f(120, 'a.txt', 'at least'), f(100, 'b.txt')])).toHaveLength(1);
    expect(findConflicts([f(120, 'a.txt'), f(150, 'b.txt')])).toHaveLength(1);
  });
});

describe('casualties', () => {
  it.each([
    ['A magnitude 6.8 earthquake struck on Friday, killing at least 120 people and injuring more than 300.', [[120, 'death toll'], [300, 'injured']]],
    ['The death toll rose to 150 on Sunday, with 320 people injured.', [[150, 'death toll'], [320, 'injured']]],
    ['Twelve people were killed and 40 were wounded in the attack.', [[12, 'death toll'], [40, 'injured']]],
  ] as const)('reads %s', (sentence, expected) => {
    expect(figures(sentence).filter((x) => x.unit === 'people').map((x) => [x.value, x.metric])).toEqual(expected.map((e) => [...e]));
  });
});

describe('magnitude', () => {
  it.each(['A magnitude 6.8 earthquake struck the south.', 'A 6.8-magnitude quake struck the south.'])('reads %s', (sentence) => {
    expect(figures(sentence).map((x) => [x.value, x.metric])).toEqual([[6.8, 'magnitude']]);
  });
});
