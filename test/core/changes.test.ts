import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { changesSince, coverageOf, nothingNew, type Coverage } from '../../src/core/briefing/changes.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';
import type { Article } from '../../src/core/model.js';

const BEFORE = parseArticle(
  'before.txt',
  `Ecuador heads to a runoff
Source: Example News
Date: 2025-03-01
The homicide rate was 38.8 per 100,000 people in 2024, police said on Friday.
Police counted 731 homicides in January 2025, a record for the month.
It remains unclear who will win the April 13 runoff between Daniel Noboa and Luisa González.
`,
);

const AFTER = parseArticle(
  'after.txt',
  `Noboa wins the runoff
Source: El Diario
Date: 2025-04-14
President Daniel Noboa won the April 13 runoff with 55.6 percent of the vote, the electoral council said.
The homicide rate fell to 30.5 per 100,000 people in 2025, the Interior Ministry said.
The Interior Ministry said on Monday that the homicide rate was 38.1 per 100,000 people in 2024, correcting its earlier count.
Diana Salazar, the attorney general, said prosecutors had not said whether the recount would change the result.
`,
);

const keys = (articles: Article[]): Map<string, string> => new Map(articles.map((a) => [a.file, `hash-of-${a.file}`]));

function state(articles: Article[]) {
  const set = buildSet({ title: 'Ecuador', topics: [], articles });
  const r = brief(set);
  if (!r.ok) throw new Error('no briefing');
  return { briefing: r.value, keys: keys(articles), sentences: set.sentences };
}

describe('what changed since the last digest', () => {
  const before: Coverage = coverageOf(state([BEFORE]), '2025-04-01T08:00:00.000Z');
  const changes = changesSince(before, state([BEFORE, AFTER]));

  it('records what a digest covered: article keys, figures, actors and questions', () => {
    expect(before.at).toBe('2025-04-01T08:00:00.000Z');
    expect(before.articles).toEqual(['hash-of-before.txt']);
    expect(before.v).toBe(2);
    expect(before.figures.map((f) => `${f.metric}|${f.period}=${String(f.value)}`)).toEqual(
      expect.arrayContaining(['homicide rate|2024=38.8', 'homicides|January 2025=731']),
    );
    // Keys name the measure the reconciliation matched, so another wording of it next time is the same measure.
    expect(new Set(before.figures.map((f) => f.key.slice(0, f.key.lastIndexOf('|')))).size).toBe(2);
    expect(before.questions.length).toBeGreaterThan(0);
  });

  it('lists the new article', () => {
    expect(changes.articles.map((s) => s.file)).toEqual(['after.txt']);
  });

  it('gives a new period of a measure as the next point of its timeline, and another value for the same period as a revision', () => {
    const lines = changes.figures.map((c) =>
      (
        `${c.kind} ${c.figure.metric} ${c.figure.period} ${String(c.figure.value)} ` +
        `after ${c.previous?.values.map((v) => v.value).join('/') ?? ''} ${c.previous?.period ?? ''}`
      ).trim(),
    );
    expect(lines).toEqual(expect.arrayContaining(['timeline homicide rate 2025 30.5 after 38.8 2024', 'revised homicide rate 2024 38.1 after 38.8 2024']));
  });

  it('compares with coverage kept before measure ids by period and value', () => {
    const old: Coverage = { ...before, v: undefined, figures: before.figures.map((f) => ({ ...f, key: `${f.metric}|${f.period}` })) };
    const again = changesSince(old, state([BEFORE]));
    expect(again.figures).toEqual([]);
  });

  it('marks the open question a new article answers, quoting the answering sentence', () => {
    expect(changes.answered).toEqual([
      {
        question: before.questions[0],
        answer: { file: 'after.txt', quote: expect.stringMatching(/^President Daniel Noboa won the April 13 runoff/) as unknown },
      },
    ]);
  });

  it('lists new actors, and new questions unless they are the old ones reworded', () => {
    expect(changes.actors.map((a) => a.name)).toContain('Diana Salazar');
    expect(changes.actors.map((a) => a.name)).not.toContain('Daniel Noboa');
    expect(changes.questions.every((q) => q.sources.some((s) => s.file === 'after.txt'))).toBe(true);
  });

  it('finds nothing new when nothing changed', () => {
    const again = changesSince(coverageOf(state([BEFORE, AFTER]), '2025-04-15T08:00:00.000Z'), state([BEFORE, AFTER]));
    expect(nothingNew(again)).toBe(true);
    expect(again.since).toBe('2025-04-15T08:00:00.000Z');
  });

  it.each([
    ['a hedged sentence', 'Daniel Noboa is expected to win the April 13 runoff, polls suggest.'],
    ['a sentence on something else', 'Voters in the April 13 runoff queued for hours in Guayaquil.'],
  ])('does not take %s for an answer', (_what, sentence) => {
    const other = parseArticle('other.txt', `Runoff day\nDate: 2025-04-13\n${sentence}\n`);
    expect(changesSince(before, state([BEFORE, other])).answered).toEqual([]);
  });
});

describe('what changed, for a topic', () => {
  it('lists only the new articles that bear on the topic', () => {
    const other = parseArticle('port.txt', 'Port seizure\nDate: 2025-04-15\nPolice seized 8.8 tons of cocaine at the port of Guayaquil on Tuesday.\n');
    const topics = [{ name: 'homicides', label: 'Homicides', terms: ['homicide', 'homicides'] }];
    const at = (articles: Article[]) => {
      const set = buildSet({ title: 'Ecuador', topics, articles });
      const r = brief(set, 'homicides');
      if (!r.ok) throw new Error('no briefing');
      return { briefing: r.value, keys: keys(articles), sentences: set.sentences };
    };
    const changes = changesSince(coverageOf(at([BEFORE]), '2025-04-01T08:00:00.000Z'), at([BEFORE, AFTER, other]));
    expect(changes.articles.map((s) => s.file)).toEqual(['after.txt']);
  });
});

describe('a live subject: later reports on the bundled story', () => {
  const dir = join(import.meta.dirname, '../../briefings/ecuador/articles');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseArticle(f, readFileSync(join(dir, f), 'utf8')));
  // Reports written for this test, in the shape later coverage of the story takes.
  const runoff = parseArticle(
    'later-runoff.txt',
    `Electoral council declares Noboa the winner of Ecuador's runoff
Source: Andes Wire
Date: 2025-04-14
The National Electoral Council declared Daniel Noboa the winner of the April 13 runoff on Monday, with 55.6 percent of the vote.
`,
  );
  const homicides = parseArticle(
    'later-homicides.txt',
    `Homicides in Ecuador rise 40.36% in the first half
Source: Pacific Herald
Date: 2025-08-10
Ecuador recorded 5,268 homicides between January and June, police said, an increase from 3,753 homicides registered between January and July last year.
`,
  );
  const referendum = parseArticle(
    'later-referendum.txt',
    `Voters reject foreign bases, 60.6% to 39.4%
Source: Andes Wire
Date: 2025-11-17
Ecuadorians rejected a proposal to allow foreign military bases in a referendum on Sunday, with 60.6% voting no, the electoral council said.
Turnout was 81%, it said.
`,
  );
  const live = (articles: Article[]) => state(articles);
  const first = coverageOf(live(seeds), '2025-03-01T08:00:00.000Z');
  const changes = changesSince(first, live([...seeds, runoff, homicides, referendum]));

  it('takes another period for a new point, never a correction of the old one', () => {
    const homicideLines = changes.figures.filter((c) => /homicide/.test(c.figure.metric));
    expect(homicideLines.some((c) => c.kind === 'revised')).toBe(false);
    const b = live([...seeds, homicides]).briefing;
    expect(b.conflicts.some((c) => c.values.some((v) => v.value === 3753))).toBe(false);
  });

  it('marks the runoff question answered by the report that states the outcome, quoting it', () => {
    const a = changes.answered.find((x) => /April 13/.test(x.question));
    expect(a?.answer).toEqual({
      file: 'later-runoff.txt',
      quote: expect.stringMatching(/^The National Electoral Council declared Daniel Noboa the winner/) as unknown,
    });
  });

  it("leads what is new with the new reports' headline figures", () => {
    const top = changes.figures.slice(0, 3).map((c) => c.figure.value);
    expect(top).toEqual(expect.arrayContaining([60.6]));
    expect(changes.figures.find((c) => c.figure.value === 60.6)?.figure.metric).toBe('votes against');
  });
});
