import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet, resolveTopic } from '../../src/core/briefing/set.js';
import { createInterner, extractArticle } from '../../src/core/extract/article.js';

const setOf = (...bodies: string[]) =>
  buildSet({
    title: 't',
    topics: [
      { name: 'homicides', label: 'Homicides', terms: ['homicide', 'murder'] },
      { name: 'election', label: 'Election', terms: ['runoff', 'vote'] },
    ],
    articles: bodies.map((b, i) => parseArticle(`${String(i)}.txt`, `Headline ${String(i)}\nDate: 2025-02-10\n${b}\n`)),
  });
const actors = (...bodies: string[]) => {
  const r = brief(setOf(...bodies));
  if (!r.ok) throw new Error('no briefing');
  return r.value.actors;
};

describe('actor roles', () => {
  it.each([
    ['In 2009 then-President Rafael Correa ended an agreement with the United States.', 'Rafael Correa', 'former President'],
    ['The deal was signed under ex-President Guillermo Lasso in 2022.', 'Guillermo Lasso', 'former President'],
    ['The plan will not stop the gangs, said security expert Mario Pazmiño.', 'Mario Pazmiño', 'security expert'],
    ['Union leader Marta Quiroga said the strike would go on.', 'Marta Quiroga', 'Union leader'],
    ['The government-backed mediator, Pablo Ferrer, met both sides on Tuesday.', 'Pablo Ferrer', 'government-backed mediator'],
    ['The country’s top prosecutor, Diana Salazar, opened an inquiry.', 'Diana Salazar', 'country’s top prosecutor'],
  ])('reads the title before a name: %s', (body, name, role) => {
    expect(actors(body).find((a) => a.name === name)?.role).toBe(role);
  });

  it('ends a long predicate role on a whole phrase, not mid-clause', () => {
    const a = actors('The United States maintained a military presence at a base in Manta on the Pacific coast for a decade until 2009.').find(
      (x) => x.name === 'United States',
    );
    expect(a?.role).toBe('maintained a military presence at a base in Manta');
  });

  it.each([
    ['The Trump administration has paused aid to the region.', 'Trump administration', 'has paused aid to the region'],
    ['In response to the attacks on the port, the Biden administration sent coast guard cutters.', 'Biden administration', 'sent coast guard cutters'],
    ['After weeks of talks, the Constitutional Court approved the referendum question.', 'Constitutional Court', 'approved the referendum question'],
  ])('reads what the subject does, after an opening phrase too: %s', (body, name, role) => {
    expect(actors(body).find((a) => a.name === name)?.role).toBe(role);
  });

  it('ends a predicate role where ", but" starts another clause', () => {
    expect(
      actors('After two days of talks, the Labor Ministry proposed a mediator, but neither side has accepted.').find((x) => x.name === 'Labor Ministry')?.role,
    ).toBe('proposed a mediator');
  });

  it('cuts a role before what leans on another sentence, when a whole phrase remains', () => {
    expect(actors('Ana Soto voiced concerns about the costs and risks of such a plan.').find((x) => x.name === 'Ana Soto')?.role).toBe(
      'voiced concerns about the costs and risks',
    );
  });

  it.each([
    ['The bill now goes to the opposition-controlled National Assembly.', 'National Assembly', 'opposition-controlled'],
    ['Workers at the state-owned Pacific Oil Company went on strike.', 'Pacific Oil Company', 'state-owned'],
  ])('reads who runs an institution from a hyphenated modifier: %s', (body, name, role) => {
    expect(actors(body).find((a) => a.name === name)?.role).toBe(role);
  });

  it('takes no role from a title that belongs to someone else before the name', () => {
    const a = actors('After meeting the mayor, Ana Ruiz said the talks had failed.');
    expect(a.find((x) => x.name === 'Ana Ruiz')?.role ?? '').toBe('');
  });

  it('takes no predicate for a name inside a list or mid-sentence', () => {
    const a = actors(
      'In Quito, Lima and Bogota, Interpol agents arrested nine suspects.',
      'Officials in the capital say the Constitutional Court approved the question.',
    );
    expect(a.find((x) => x.name === 'Constitutional Court')?.role ?? '').toBe('');
    expect(a.find((x) => x.name === 'Interpol')?.role ?? '').toBe('');
  });

  it('gives no role rather than a bare "said ..." or one leaning on another sentence', () => {
    const a = actors('Haiti said on Monday that it would wait.', 'Haiti looks poised to follow this trend.').find((x) => x.name === 'Haiti');
    expect(a).toBeDefined();
    expect(a?.role).toBe('');
  });
});

describe('topic suggestions', () => {
  const set = setOf('Homicides rose in the year before the runoff vote.');
  it.each([
    ['homicdes', ['homicides']],
    ['elction', ['election']],
    ['nope', []],
  ])('suggests for %s: %j', (query, expected) => {
    const r = resolveTopic(set, query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.suggestions).toEqual(expected);
  });
});

describe('extracting a large set', () => {
  it('shares one string for a name repeated across articles, and one Evidence per sentence', () => {
    const intern = createInterner();
    const body = 'Defense Minister Gian Carlo Loffredo met President Daniel Noboa.';
    const [a, b] = ['a.txt', 'b.txt'].map((f) => extractArticle(parseArticle(f, `H\n${body}\n`), intern));
    const keyA = a?.actors.find((m) => m.name === 'Daniel Noboa');
    const keyB = b?.actors.find((m) => m.name === 'Daniel Noboa');
    expect(keyA?.key).toBe(keyB?.key);
    expect(a?.actors.every((m) => m.evidence === a.sentences[0])).toBe(true);
  });
});

describe('free-text topics', () => {
  const set = setOf(
    'Murders rose to 731 in January 2025, police said.',
    'The port handled 12 million tons of bananas in 2024, and officials blamed gangs for violence nearby.',
  );
  const figures = (q: string) => {
    const r = brief(set, q);
    if (!r.ok) throw new Error(`no briefing for ${q}`);
    return r.value.figures.map((f) => f.value);
  };

  it("finds murders for 'homicides': free text reaches newsroom synonyms", () => {
    expect(figures('homicides')).toContain(731);
  });

  it('keeps a figure only when its own clause bears on the topic, not a neighbouring one', () => {
    expect(figures('violence')).not.toContain(12_000_000);
  });

  it('matches word forms through the stemmer: "base" finds "bases"', () => {
    const r = brief(setOf('The United States closed 2 bases in 2009.'), 'base');
    expect(r.ok && r.value.figures.map((f) => f.value)).toEqual([2]);
  });
});

describe('free-text passages', () => {
  it('ranks sentences holding more (and rarer) query words first, earlier first on ties', () => {
    const set = setOf('Banana exports rose.\n\nThe ports were busy.\n\nBanana ports reopened after the strike.\n\nBanana prices fell.');
    const r = brief(set, 'banana ports');
    expect(r.ok && r.value.passages?.map((p) => p.quote)).toEqual([
      'Banana ports reopened after the strike.',
      'The ports were busy.',
      'Banana exports rose.',
      'Banana prices fell.',
    ]);
  });
});

describe('roles from headlines', () => {
  const set = (headline: string, body: string) =>
    buildSet({ title: 't', topics: [], articles: [parseArticle('a.txt', `${headline}\nDate: 2025-02-10\n${body}\n`)] });
  const actorsOf = (headline: string, body: string) => {
    const r = brief(set(headline, body));
    if (!r.ok) throw new Error('no briefing');
    return r.value.actors;
  };

  it("gives a country the headline's account of what it does, quoting the headline", () => {
    const a = actorsOf(
      'Peru will seek foreign military aid against gangs',
      'Peru said on Monday that it would wait.\n\nIn Lima, Peru has deployed 500 soldiers.',
    ).find((x) => x.name === 'Peru');
    expect(a?.role).toBe('will seek foreign military aid against gangs');
    expect(a?.sources[0]?.quote).toBe('Peru will seek foreign military aid against gangs');
  });

  it('makes no actor of a name only the headline gives', () => {
    expect(actorsOf('Chile will send troops to help', 'The plan was announced on Monday.').map((x) => x.name)).not.toContain('Chile');
  });
});
