/** A briefing far too long for one Slack message, with article text that tries to ping and link. */
import type { Briefing } from '../../../src/core/model.js';
import { actor, briefing, figure } from '../briefing-fixture.js';

const N_SOURCES = 1000;
const file = (i: number): string => `${String(i).padStart(4, '0')}_wire.txt`;
const files = (from: number, n: number): string[] => Array.from({ length: n }, (_, k) => file((from + k) % N_SOURCES));
const long = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** 300 figures, 100 conflicts, 200 actors, 100 questions, 1,000 sources; every text long, some hostile. */
export function hugeBriefing(): Briefing {
  const figures = Array.from({ length: 300 }, (_, i) =>
    figure({
      metric: long(`<!channel> metric ${i} & more `, 400),
      metricKey: `m${i}`,
      value: i,
      text: long(`${i}`, 30),
      unit: long('<@U123> units ', 200),
      period: '2024',
      weight: 1000 - i,
      files: files(i * 7, 50),
    }),
  );
  const conflicts = Array.from({ length: 100 }, (_, i) => ({
    metric: figures[i]?.metric ?? '',
    period: '2024',
    kind: i % 2 ? ('rounding' as const) : ('contradiction' as const),
    values: [
      { value: i, text: String(i), sources: (figures[i]?.sources ?? []).map((s) => s.file) },
      { value: i + 0.5, text: `${i}.5`, sources: files(i + 500, 40) },
    ],
    figures: figures.slice(i, i + 1),
  }));
  return briefing({
    title: long('A very long title <!here> ', 400),
    topic: { name: 'everything', label: long('Everything & more ', 300) },
    sources: Array.from({ length: N_SOURCES }, (_, i) => ({
      n: i + 1,
      file: file(i),
      headline: long(`<https://evil.example|click me> headline ${i} `, 500),
      outlet: long('Outlet & Co ', 100),
      url: `https://news.example/${i}?a=1&b=<2>|x`,
      published: `2025-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    })),
    figures,
    conflicts,
    actors: Array.from({ length: 200 }, (_, i) => actor(long(`Actor ${i} <@W999> `, 300), { role: long('role & duty ', 800), files: files(i, 30) })),
    questions: Array.from({ length: 100 }, (_, i) => ({
      question: long(`Will ${i} <!everyone> happen? `, 1200),
      sources: files(i * 3, 20).map((f) => ({ file: f, quote: 'q' })),
    })),
    passages: Array.from({ length: 20 }, (_, i) => ({ file: file(i), quote: long('A passage <!channel> & quote. ', 2000) })),
  });
}
