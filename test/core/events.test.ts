/** Dated events: when a person took office, read only where the sentence says so plainly, and disputed only across sources. */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';
import { eventsOf, type PersonRef } from '../../src/core/extract/events.js';
import { toContractJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';

const ruiz: PersonRef = { name: 'Ana Ruiz', key: 'person:ruiz:ana', subject: true };
const soto: PersonRef = { name: 'Soto', key: 'single:soto:other', subject: false };
const read = (sentence: string, persons: PersonRef[] = [], previous: PersonRef[] = []) =>
  eventsOf(sentence, 'a.txt', persons, previous, 0).map((f) => [f.metric, f.metricKey, f.value, f.text]);

describe('when a person took office', () => {
  it.each([
    ['Ana Ruiz took office in March 2021 after a runoff.', [ruiz], []],
    ['Mayor Ana Ruiz, in office since March 2021, vetoed the bill.', [ruiz], []],
    ['Ana Ruiz, who was sworn in on March 14, 2021, vetoed the bill.', [ruiz], []],
    ['Crime has fallen since she took office in March 2021.', [], [ruiz]],
    ['Crime has fallen since she took office in Mar. 2021.', [], [ruiz]],
    ['Ana Ruiz has been in power since 14 March 2021.', [ruiz], []],
    [`Ana Ruiz took office in March 2021, after a runoff that ${'followed months of protests and a long count, '.repeat(4)}and again in May 2024.`, [ruiz], []],
  ])('reads %s', (sentence, persons, previous) => {
    expect(read(sentence, persons, previous)).toEqual([
      ['Ana Ruiz took office', 'event:took office:ruiz', 202103, expect.stringMatching(/March 14, 2021|March 2021|Mar\. 2021|14 March 2021/)],
    ]);
  });

  it.each([
    ['a year without a month', 'Ana Ruiz took office in 2021.', [ruiz], []],
    ['no date at all', 'Ana Ruiz took office amid protests.', [ruiz], []],
    ['a person not beside the phrase', 'Ana Ruiz said the minister took office in March 2021.', [ruiz], []],
    ['a pronoun two people could mean', 'Crime has fallen since he took office in March 2021.', [], [{ ...ruiz, subject: false }, soto]],
    ['a pronoun with nobody before it', 'Crime has fallen since he took office in March 2021.', [], []],
    ['an office that is a place', 'Ana Ruiz opened an office in March 2021.', [ruiz], []],
  ])('reads nothing from %s', (_what, sentence, persons, previous) => {
    expect(read(sentence, persons, previous)).toEqual([]);
  });

  it('takes the person after a fronted clause, and reads nothing when someone named later makes "he" ambiguous', () => {
    expect(read('Since she took office in March 2021, Ana Ruiz has cut taxes twice.', [ruiz], [soto])).toHaveLength(1);
    expect(read('Since she took office in March 2021, Ana Ruiz has cut taxes twice.', [ruiz], [soto])[0]?.[1]).toBe('event:took office:ruiz');
    expect(read('Taxes have risen since she took office in March 2021, Ana Ruiz said.', [ruiz], [{ ...soto, key: 'person:soto:eva', subject: true }])).toEqual(
      [],
    );
  });

  it('takes the subject of the previous sentence for a pronoun when it names two people', () => {
    expect(read('Crime has fallen since she took office in March 2021.', [], [ruiz, soto])).toHaveLength(1);
  });
});

const article = (file: string, body: string) => parseArticle(file, `Headline of ${file}\nDate: 2025-02-10\n\n${body}\n`);

describe('dates across sources', () => {
  const disputed = buildSet({
    title: 'T',
    topics: [],
    articles: [
      article('a.txt', 'Mayor Ana Ruiz, in office since March 2021, vetoed the budget on Monday.'),
      article('b.txt', 'Ana Ruiz vetoed the budget. Spending has risen since she took office in May 2021.'),
      article('c.txt', 'Ana Ruiz took office in March 2021, months after the flood.'),
    ],
  });
  const overview = brief(disputed);
  if (!overview.ok) throw new Error('no overview');
  const b = overview.value;

  it("flags a person's start in office that sources date differently, with every source", () => {
    const c = b.conflicts.find((x) => x.about === 'date');
    expect(c).toMatchObject({ metric: 'Ana Ruiz took office', kind: 'contradiction' });
    expect(c?.values.map((v) => [v.text, v.sources])).toEqual(
      expect.arrayContaining([
        ['March 2021', ['a.txt', 'c.txt']],
        ['May 2021', ['b.txt']],
      ]),
    );
    expect(renderMarkdown(b, { all: true })).toContain('⚠ sources disagree: March 2021 [1][3] · May 2021 [2] (contradiction)');
  });

  it('tells it in JSON as dates with their sentences, not as numbers among the figures', () => {
    const json = toContractJson(b);
    expect(json.figures.filter((f) => f.unit === 'date')).toEqual([]);
    const c = json.conflicts.find((x) => x.metric === 'Ana Ruiz took office');
    expect(c?.period).toBe('2021');
    expect(c?.values.find((v) => v.value === 'May 2021')?.quotes).toEqual([{ file: 'b.txt', quote: 'Spending has risen since she took office in May 2021.' }]);
  });

  it("trusts a sentence's first word as a person only when the set knows it as one", () => {
    const set = buildSet({
      title: 'T',
      topics: [],
      articles: [
        article('a.txt', 'Union leader Marta Quiroga, in office since June 2019, called the strike.'),
        article('b.txt', 'Quiroga has led the union since she took office in July 2019.'),
        article('c.txt', 'Spending has risen since she took office in May 2020.'),
        article('d.txt', 'Spending has doubled since he took office in June 2020.'),
      ],
    });
    const r = brief(set);
    expect(r.ok && r.value.conflicts.map((c) => [c.metric, c.values.map((v) => v.text)])).toEqual([['Marta Quiroga took office', ['June 2019', 'July 2019']]]);
  });

  it('keeps no date as a key figure when the sources agree or only one gives it', () => {
    const agreed = brief(
      buildSet({
        title: 'T',
        topics: [],
        articles: [
          article('a.txt', 'Ana Ruiz took office in March 2021 after the vote.'),
          article('b.txt', 'Ana Ruiz, in office since March 2021, spoke on Monday.'),
        ],
      }),
    );
    expect(agreed.ok && [agreed.value.figures.filter((f) => f.unit === 'date'), agreed.value.conflicts]).toEqual([[], []]);
  });
});
