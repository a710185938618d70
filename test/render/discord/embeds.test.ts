import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/core/model.js';
import { embedLength, limitProblems, MessageSchema } from '../../../src/render/discord/assertions.js';
import { BRIEFING_BUDGET } from '../../../src/render/discord/briefing-embed.js';
import { renderDiscord } from '../../../src/render/discord/embeds.js';
import { answer, briefingReply } from '../../../src/service/commands.js';
import type { Reply } from '../../../src/render/reply.js';
import type { ServedSubject } from '../../../src/service/library.js';
import { ecuadorLibrary } from '../../adapters/discord/harness.js';
import { actor, briefing, figure, FILES } from '../briefing-fixture.js';

const subject = { name: 'ecuador', command: 'ecuador', title: 'Ecuador seeks foreign military help', warnings: [] } as unknown as ServedSubject;
const render = (b: Briefing, share?: string): ReturnType<typeof renderDiscord> => renderDiscord({ kind: 'briefing', subject, briefing: b }, { share });
const within = (m: unknown): void => {
  expect(limitProblems(MessageSchema, m)).toEqual([]);
};

describe('a briefing as a Discord embed', () => {
  const m = render(briefing({ topic: { name: 'homicides', label: 'Homicides' } }), 'share:ecuador:homicides');
  const [embed] = m.embeds;
  const field = (name: string): string => embed?.fields?.find((f) => f.name === name)?.value ?? '';

  it('is titled by the subject and the topic, and disables mentions', () => {
    within(m);
    expect(embed?.title).toBe('Ecuador seeks foreign military help — Homicides');
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('leads with the key figures, a conflict flagged under its line with every value and who gave it', () => {
    expect(embed?.description?.split('\n').slice(0, 4)).toEqual([
      '**Key figures**',
      '• **38.76 per 100,000 people** — homicide rate, 2024 [1]',
      '  ⚠ sources disagree: 38.76 [1] · 36.18 [2] · 38 [3] (contradiction)',
      '• **731** — homicides, January 2025 [1][2]',
    ]);
  });

  it('says how many figures it left out', () => {
    expect(embed?.description).toMatch(/\n\+1 more figure$/);
  });

  it('lists core actors first, open questions, and the cited sources with links where known', () => {
    expect(field('Actors').split('\n')[0]).toBe('• Daniel Noboa — President of Ecuador [1][2][3]');
    expect(field('Open questions')).toContain('• Which allied countries will send special forces? [1]');
    expect(field('Sources').split('\n')).toEqual([
      '[1] AP — [Ecuador will seek foreign military aid](https://apnews.example/a) (2025-02-19)',
      '[2] Crime crisis sparks call for help',
      '[3] Allies asked for special forces (2025-02-20)',
    ]);
  });

  it('ends with a footer of the article count and dates, marked ~ when some were inferred', () => {
    expect(embed?.footer?.text).toBe('3 articles · 2025-02-19 to 2025-02-20');
    const b = briefing();
    const inferred = render({ ...b, sources: b.sources.map((x, i) => (i === 2 ? { ...x, dateInferred: true } : x)) });
    expect(inferred.embeds[0]?.footer?.text).toBe('3 articles · ~2025-02-19 to 2025-02-20');
  });

  it('carries a Share button only when asked', () => {
    expect(m.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, label: 'Share', custom_id: 'share:ecuador:homicides' }] }]);
    expect(render(briefing()).components).toBeUndefined();
  });

  it('says so when nothing bears on the topic', () => {
    const empty = render(briefing({ topic: { name: 'x', label: 'ports' }, figures: [], conflicts: [], actors: [], questions: [] }));
    expect(empty.embeds[0]?.description).toBe('Nothing in these articles bears on ports.');
  });

  it('keeps article text from formatting, linking or mentioning', () => {
    const sly = render(briefing({ actors: [actor('@everyone **Boss** [click](https://evil.example) <@123>')] }));
    within(sly);
    const actors = sly.embeds[0]?.fields?.find((f) => f.name === 'Actors')?.value;
    expect(actors).toContain('@everyone \\*\\*Boss\\*\\* \\[click\\](https://evil.example) \\<@123\\>');
  });
});

describe('a briefing too long for one embed', () => {
  const long = (s: string, n: number): string => `${s} `.repeat(n).trim();
  const sources = Array.from({ length: 300 }, (_, i) => ({
    n: i + 1,
    file: `${String(i).padStart(3, '0')}.txt`,
    headline: long(`Headline ${String(i)}`, 40),
    outlet: long('Outlet', 20),
    url: `https://news.example/${String(i)}`,
    published: '2025-02-19',
  }));
  const files = sources.map((s) => s.file);
  const huge = briefing({
    title: long('A very long subject title', 30),
    topic: { name: 'free', label: long('a long free text query', 12) },
    sources,
    figures: Array.from({ length: 400 }, (_, i) =>
      figure({ metric: long(`metric ${String(i)}`, 30), value: i, text: String(i), weight: 400 - i, files: files.slice(i % 50, (i % 50) + 20) }),
    ),
    conflicts: [],
    actors: Array.from({ length: 200 }, (_, i) => actor(long(`Name ${String(i)}`, 10), { role: long('role', 80), files: files.slice(0, 30) })),
    questions: Array.from({ length: 100 }, (_, i) => ({
      question: long(`Will question ${String(i)} be answered`, 30),
      sources: [{ file: files[i] ?? FILES[0], quote: 'q' }],
    })),
    passages: Array.from({ length: 5 }, (_, i) => ({ file: files[i] ?? FILES[0], quote: long(`A long passage ${String(i)}`, 200) })),
  });
  const m = render(huge, 'share:ecuador:free');
  const [embed] = m.embeds;

  it('is shortened to fit every limit, not refused', () => {
    within(m);
    expect(embed && embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.title?.endsWith('…')).toBe(true);
  });

  it('says what it left out of each part', () => {
    expect(embed?.description).toMatch(/\+\d+ more figures$/);
    const field = (name: string): string => embed?.fields?.find((f) => f.name === name)?.value ?? '';
    expect(field('Actors')).toMatch(/\+\d+ more actors$/);
    expect(field('Open questions')).toMatch(/\+\d+ more questions$/);
    expect(field('Passages')).toMatch(/\+\d+ more passages?$/);
  });

  it('keeps each part inside its budget', () => {
    expect(embed?.description?.length).toBeLessThanOrEqual(BRIEFING_BUDGET.figures.chars);
    expect(embed?.fields?.find((f) => f.name === 'Sources')?.value.length).toBeLessThanOrEqual(BRIEFING_BUDGET.sources);
  });

  it('cites at most three sources per item, then a count', () => {
    expect(embed?.description?.split('\n')[1]).toMatch(/\[\d+\]\[\d+\]\[\d+\]\+17$/);
  });
});

describe('source links', () => {
  const linkOf = /\]\((https?:\/\/[^\s()]+)\)/;
  const sources = [
    {
      n: 1,
      file: FILES[0],
      headline: `${'A very long headline about the port strike and its cost '.repeat(6)}end`,
      outlet: 'Wire',
      url: 'https://news.example/a-story-with-a-rather-long-address/2025/02/19/index.html',
      published: '2025-02-19',
    },
    { n: 2, file: FILES[1], headline: 'Strike (update)', outlet: 'Wiki', url: 'https://en.wiki.example/wiki/Strike_(2025)', published: '2025-02-20' },
    { n: 3, file: FILES[2], headline: 'A headline *with* _markdown_ [brackets]', url: `https://news.example/${'x'.repeat(320)}` },
  ];
  const b = briefing({ sources, figures: [figure({ files: [...FILES] })] });

  it.each([
    ['a briefing', () => render(b).embeds[0]?.fields?.find((f) => f.name === 'Sources')?.value ?? ''],
    ['the source list', () => renderDiscord({ kind: 'sources', subject, sources, warnings: [] }).embeds[0]?.description ?? ''],
  ])('in %s stay whole links, even where the headline is clipped or the address ends in ")"', (_, text) => {
    const lines = text().split('\n');
    expect(lines[0]).toMatch(linkOf);
    expect(lines[0]).toContain('…](https://news.example/a-story-with-a-rather-long-address/2025/02/19/index.html)');
    expect(lines[1]).toContain('](https://en.wiki.example/wiki/Strike_%282025%29)');
    // An address too long for its line leaves the headline unlinked, never a link cut short.
    expect(lines[2]).not.toContain('](');
    for (const line of lines) expect(line.split('[').length - 1 - (line.match(/\\\[/g) ?? []).length).toBeLessThanOrEqual(2);
  });
});

describe('every reply kind', () => {
  it.each<[string, (s: ServedSubject) => Reply]>([
    ['overview', (s) => briefingReply(s)],
    ['topic', (s) => briefingReply(s, 'homicides')],
    ['free text', (s) => briefingReply(s, 'banana ports')],
    ['topics', (s) => ({ kind: 'topics', subject: s, topics: s.set.topics })],
    [
      'sources',
      (s) => ({
        kind: 'sources',
        subject: s,
        sources: s.set.sources,
        warnings: Array.from({ length: 80 }, (_, i) => `skipped file-${String(i)}.txt: not UTF-8`),
      }),
    ],
    ['help', (s) => ({ kind: 'help', subject: s, topics: s.set.topics })],
    ['unknown topic', (s) => briefingReply(s, 'homcide')],
    ['too long', (s) => ({ kind: 'too-long', subject: s, length: 500, limit: 200 })],
    ['unknown subject', () => ({ kind: 'unknown-subject', command: 'peru', known: ['ecuador'] })],
    ['notice', (s) => ({ kind: 'notice', subject: s, title: 'Digest scheduled', lines: ['#news gets /ecuador homicides at 09:00 America/Guayaquil'] })],
  ])("renders the %s within Discord's limits", async (_, make) => {
    const s = (await ecuadorLibrary()).subjects[0];
    if (!s) throw new Error('no subject');
    within(renderDiscord(make(s)));
  });

  it('words an unknown topic with the suggestion and the topics', async () => {
    const library = await ecuadorLibrary();
    const m = renderDiscord(answer(library, 'ecuador', 'homcide'));
    expect(m.content).toMatch(
      /^No topic “homcide” in Ecuador .*\. Did you mean \*\*homicides\*\*\? Topics: homicides, cocaine, .*\. Other words work as free text\.$/,
    );
  });
});
