/** Small briefings built by hand, so renderer tests do not depend on extraction. */
import type { Actor, Briefing, Figure } from '../../src/core/model.js';

export const FILES = ['000_ap.txt', '001_blog.txt', '002_wire.txt'] as const;

/** A figure with sensible defaults; `files` name the sources, each quoting `text`. */
export function figure(over: Partial<Figure> & { files?: string[] } = {}): Figure {
  const { files = [FILES[0]], ...rest } = over;
  const text = rest.text ?? String(rest.value ?? 1);
  return {
    metric: 'homicide rate',
    metricKey: 'homicide rate',
    value: 1,
    text,
    unit: 'per 100,000 people',
    period: '2024',
    decimals: 0,
    weight: 1,
    sources: files.map((file) => ({ file, quote: `The rate was ${text} in 2024.` })),
    ...rest,
  };
}

/** An actor with sensible defaults. */
export function actor(name: string, over: Partial<Actor> = {}): Actor {
  return {
    name,
    aliases: [],
    kind: 'person',
    role: '',
    salience: 'core',
    mentions: 1,
    files: [FILES[0]],
    sources: [{ file: FILES[0], quote: `${name} spoke.` }],
    ...over,
  };
}

/** The homicide-rate story: three sources, a contradiction for 2024, and more items than a short briefing shows. */
export function briefing(over: Partial<Briefing> = {}): Briefing {
  const rates = [
    figure({ value: 38.76, text: '38.76', decimals: 2, weight: 10, files: [FILES[0]] }),
    figure({ value: 36.18, text: '36.18', decimals: 2, weight: 9, unit: 'per 100,000', files: [FILES[1]] }),
    figure({ value: 38, text: '38', weight: 8, files: [FILES[2]] }),
  ];
  return {
    title: 'Ecuador seeks foreign military help',
    sources: [
      { n: 1, file: FILES[0], headline: 'Ecuador will seek foreign military aid', outlet: 'AP', published: '2025-02-19', url: 'https://apnews.example/a' },
      { n: 2, file: FILES[1], headline: 'Crime crisis sparks call for help' },
      { n: 3, file: FILES[2], headline: 'Allies asked for special forces', published: '2025-02-20' },
    ],
    figures: [
      ...rates,
      figure({
        metric: 'homicides',
        metricKey: 'homicides',
        value: 731,
        text: '731',
        unit: 'homicides',
        period: 'January 2025',
        weight: 7,
        files: [FILES[0], FILES[1]],
      }),
      figure({
        metric: 'cocaine seized',
        metricKey: 'cocaine seized',
        value: 6,
        text: 'six',
        unit: 'tons',
        period: 'July 2024',
        qualifier: 'more than',
        weight: 6,
      }),
      figure({ metric: 'vote share', metricKey: 'vote share', value: 44, text: '44%', unit: 'percent of the vote', period: 'February 2025', weight: 5 }),
      figure({ metric: 'aid', metricKey: 'aid', value: 81e6, text: '$81 million', unit: 'US dollars', period: 'since 2018', weight: 4 }),
      figure({ metric: 'population', metricKey: 'population', value: 18e6, text: '18 million', unit: 'people', period: 'as of February 2025', weight: 3 }),
      figure({ metric: 'gangs', metricKey: 'gangs', value: 20, text: '20', unit: 'gangs', period: 'undated', weight: 2 }),
    ],
    conflicts: [
      {
        metric: 'homicide rate',
        period: '2024',
        kind: 'contradiction',
        values: [
          { value: 38.76, text: '38.76', sources: [FILES[0]] },
          { value: 36.18, text: '36.18', sources: [FILES[1]] },
          { value: 38, text: '38', sources: [FILES[2]] },
        ],
        figures: rates,
      },
    ],
    actors: [
      actor('Stalin Escobar', { salience: 'minor', role: 'security expert' }),
      actor('Daniel Noboa', { role: 'President of Ecuador', files: [FILES[0], FILES[1], FILES[2]] }),
      actor('Luisa González', { role: 'runoff challenger' }),
      actor('National Assembly', { kind: 'institution' }),
      actor('Gian Carlo Loffredo', { salience: 'minor', role: 'Defense Minister' }),
    ],
    questions: [
      { question: 'Which allied countries will send special forces?', sources: [{ file: FILES[0], quote: 'The statement did not say which countries.' }] },
      { question: 'Will the National Assembly approve the plan?', sources: [{ file: FILES[2], quote: 'It must be debated twice.' }] },
      { question: 'Who will win the April 13 runoff?', sources: [{ file: FILES[1], quote: 'A runoff is set for April 13.' }] },
    ],
    ...over,
  };
}

/** A briefing of one measure, deaths, given on July 4 (`early`) and July 8 (`late`): two figures and their course. */
export function deathsCourse(early: Figure, late: Figure): Briefing {
  return briefing({
    figures: [early, late],
    conflicts: [],
    timelines: [
      {
        metric: 'deaths',
        points: [
          { period: 'July 4, 2025', from: '2025-07-04', figures: [early] },
          { period: 'July 8, 2025', from: '2025-07-08', figures: [late] },
        ],
      },
    ],
  });
}
