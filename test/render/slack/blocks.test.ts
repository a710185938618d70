import { describe, expect, it } from 'vitest';
import { buildSet } from '../../../src/core/briefing/set.js';
import type { Briefing } from '../../../src/core/model.js';
import { blockText, SLACK_LIMITS, slackLimitProblems, type SlackMessage } from '../../../src/render/slack/assertions.js';
import { fallback, renderSlack, SHARE_ACTION } from '../../../src/render/slack/blocks.js';
import { escapeMrkdwn, link } from '../../../src/render/slack/escape.js';
import { subjectRef, type Reply } from '../../../src/render/reply.js';
import type { ServedSubject } from '../../../src/service/library.js';
import { actor, briefing } from '../briefing-fixture.js';
import { hugeBriefing } from './huge-briefing.js';

const topics = [
  { name: 'homicides', label: 'Homicides', terms: ['homicide', 'murder'] },
  { name: 'cocaine', label: 'Cocaine', terms: ['cocaine'] },
];
const subject: ServedSubject = {
  name: 'ecuador',
  command: 'ecuador',
  title: 'Ecuador seeks foreign military help',
  warnings: ['notes.pdf: not a text file'],
  set: buildSet({ title: 'Ecuador', topics, articles: [] }),
};
const brief = (b: Briefing = briefing(), opts = {}): SlackMessage => renderSlack({ kind: 'briefing', subject, briefing: b }, opts);
const texts = (m: SlackMessage): string[] => m.blocks.flatMap(blockText);
const all = (m: SlackMessage): string => [m.text, ...texts(m)].join('\n');

describe('a briefing in Block Kit', () => {
  const m = brief(briefing({ topic: { name: 'homicides', label: 'Homicides' } }));

  it('fits Slack', () => {
    expect(slackLimitProblems(m)).toEqual([]);
  });

  it('opens with a header and a line saying how many articles and when they were published', () => {
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Ecuador seeks foreign military help — Homicides', emoji: true } });
    expect(m.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '3 articles · published 2025-02-19 to 2025-02-20', verbatim: true }] });
  });

  it('flags a conflict in bold on its own line under the figure, with every value and its sources', () => {
    expect(all(m)).toContain(
      '• *38.76 per 100,000 people* — homicide rate, 2024 [1]\n      *⚠ sources disagree: 38.76 [1] · 36.18 [2] · 38 [3] (contradiction)*',
    );
    expect(all(m)).not.toContain('• *36.18');
  });

  it('lists figures, actors (core first) and open questions under their titles', () => {
    const [figures, actors, questions] = texts(m).filter((t) => /^\*(Key figures|Actors|Open questions)\*/.test(t));
    expect(figures).toContain('• *731* — homicides, January 2025 [1][2]');
    expect(actors?.split('\n').slice(1, 3)).toEqual(['• Daniel Noboa — President of Ecuador [1][2][3]', '• Luisa González — runoff challenger [1]']);
    expect(questions).toContain('• Which allied countries will send special forces? [1]');
  });

  it('numbers the cited sources, linked where the article has a URL', () => {
    const sources = texts(m).find((t) => t.startsWith('*Sources*'));
    expect(sources?.split('\n')).toEqual([
      '*Sources*',
      '[1] <https://apnews.example/a|AP — Ecuador will seek foreign military aid> · 2025-02-19',
      '[2] Crime crisis sparks call for help',
      '[3] Allies asked for special forces · 2025-02-20',
    ]);
  });

  it('says what it left out', () => {
    expect(texts(m).at(-1)).toBe('+1 more figure not shown');
  });

  it('adds the share button only when asked, and names who shared', () => {
    expect(JSON.stringify(m)).not.toContain(SHARE_ACTION);
    const shareable = brief(briefing(), { share: '{"c":"ecuador","q":""}' });
    expect(shareable.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION,
          text: { type: 'plain_text', text: 'Share in channel', emoji: true },
          value: '{"c":"ecuador","q":""}',
          style: 'primary',
        },
      ],
    });
    expect(texts(brief(briefing(), { sharedBy: 'U024BE7LH' }))).toContain('Shared by <@U024BE7LH>');
    expect(all(brief(briefing(), { sharedBy: '<!channel>' }))).not.toContain('Shared by');
  });

  it('says so when nothing bears on the topic', () => {
    const empty = brief(briefing({ topic: { name: 'x', label: 'Mining' }, figures: [], conflicts: [], actors: [], questions: [] }));
    expect(texts(empty)).toContain('Nothing in these articles bears on *Mining*.');
  });
});

describe('article text cannot mention, ping or link', () => {
  it.each([['<!channel>'], ['<!here|here>'], ['<@U024BE7LH>'], ['<#C123|general>'], ['<https://evil.example|Click here>'], ['<!subteam^S123>']])(
    'shows %s as typed',
    (hostile) => {
      const b = briefing({
        title: `Title ${hostile}`,
        sources: [{ n: 1, file: '000_ap.txt', headline: `Headline ${hostile}`, outlet: `Outlet ${hostile}`, url: 'https://apnews.example/a' }],
        questions: [{ question: `Why ${hostile}?`, sources: [{ file: '000_ap.txt', quote: hostile }] }],
        actors: [actor(`Name ${hostile}`, { role: `role ${hostile}` })],
      });
      const m = brief(b);
      const mrkdwn = [m.text, ...m.blocks.filter((x) => x.type !== 'header').flatMap(blockText)].join('\n');
      expect(mrkdwn).not.toMatch(/<[!@#]/);
      expect(mrkdwn).not.toContain('<https://evil');
      expect(mrkdwn).toContain(escapeMrkdwn(hostile));
    },
  );

  it('marks every mrkdwn text verbatim, so Slack parses no bare URL, #channel or @mention in it', () => {
    const objects = JSON.stringify(brief(hugeBriefing(), { share: 'x' })).match(/"type":"mrkdwn"[^}]*}/g) ?? [];
    expect(objects.length).toBeGreaterThan(3);
    for (const o of objects) expect(o).toContain('"verbatim":true');
  });

  it('links only http(s) URLs, and keeps | and > out of the link', () => {
    expect(link('javascript:alert(1)', 'AP')).toBe('AP');
    expect(link('https://x.example/a?b=1&c=2|3', 'A | B')).toBe('<https://x.example/a?b=1&amp;c=2%7C3|A ¦ B>');
    expect(link(undefined, 'a < b')).toBe('a &lt; b');
  });
});

describe('a briefing too long for one message', () => {
  const m = brief(hugeBriefing(), { share: 'x' });

  it('is shortened to fit: every limit holds', () => {
    expect(slackLimitProblems(m)).toEqual([]);
    expect(texts(m).join('').length).toBeLessThanOrEqual(SLACK_LIMITS.blocksText);
  });

  it('still leads with the top figure and its conflict, and counts what it left out', () => {
    expect(texts(m).join('\n')).toContain('*⚠ sources disagree: 0 [1][2][3]+47 · 0.5 [501][502][503]+37 (contradiction)*');
    expect(texts(m).join('\n')).toMatch(/\+\d+ more figures, .* not shown/);
  });
});

describe('every other reply', () => {
  const ref = subjectRef(subject);
  const replies: [string, Reply, string][] = [
    ['topics', { kind: 'topics', subject: ref, topics }, '• *homicides* — Homicides: homicide, murder'],
    [
      'sources',
      { kind: 'sources', subject: ref, sources: briefing().sources, warnings: subject.warnings },
      '[1] <https://apnews.example/a|AP — Ecuador will seek foreign military aid> · 2025-02-19 · `000_ap.txt`',
    ],
    ['help', { kind: 'help', subject: ref, topics }, '• `/ecuador topics` the topics and their words'],
    ['help on subscriptions', { kind: 'help', subject: ref, topics }, '`/ecuador subscribe daily 08:00 [topic] [time zone]` a daily digest in this channel'],
    [
      'an unknown topic',
      { kind: 'unknown-topic', subject: ref, query: 'homicdes', suggestions: ['homicides'], topics: ['homicides', 'cocaine'] },
      'No topic *homicdes* in Ecuador seeks foreign military help. Did you mean `/ecuador homicides`?',
    ],
    [
      'an unknown topic without a guess',
      { kind: 'unknown-topic', subject: ref, query: '<!channel>', suggestions: [], topics: ['homicides'] },
      'No topic *&lt;!channel&gt;* in Ecuador seeks foreign military help.',
    ],
    [
      'overlong input',
      { kind: 'too-long', subject: ref, length: 245, limit: 200 },
      'That is 245 characters; `/ecuador` takes up to 200. Try a topic, as in `/ecuador homicides`, or `/ecuador topics`.',
    ],
    ['an unknown subject', { kind: 'unknown-subject', command: '/peru', known: ['ecuador'] }, '`/peru` is not a Sitrep subject. Commands here: `/ecuador`.'],
    ['a notice', { kind: 'notice', title: 'Subscribed', lines: ['#news gets /ecuador at 09:00 <!here>'] }, '#news gets /ecuador at 09:00 &lt;!here&gt;'],
  ];

  it.each(replies)('words %s within the limits', (_, reply, expected) => {
    const m = renderSlack(reply);
    expect(slackLimitProblems(m)).toEqual([]);
    expect(all(m)).toContain(expected);
  });

  it('cuts 10,000 sources down to what fits, and says how many more there are', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ n: i + 1, file: `${i}.txt`, headline: `Synthetic story ${i}`, published: '2025-02-01' }));
    const m = renderSlack({ kind: 'sources', subject, sources: many, warnings: [] });
    expect(slackLimitProblems(m)).toEqual([]);
    expect(all(m)).toMatch(/\+9,\d{3} more sources not shown/);
  });

  it('has a fallback that fits whatever the reply holds', () => {
    expect(slackLimitProblems(fallback({ kind: 'briefing', subject, briefing: hugeBriefing() }))).toEqual([]);
  });
});

describe("the limits' own check", () => {
  const ok: SlackMessage = { text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] };
  it.each([
    ['51 blocks', { ...ok, blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, 'blocks: Too big'],
    ['a 3,001-character section', { ...ok, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }, 'blocks.0.text.text: Too big'],
    ['a 151-character header', { ...ok, blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }, 'blocks.0.text.text: Too big'],
    [
      '11 context elements',
      { ...ok, blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }] },
      'blocks.0.elements: Too big',
    ],
    [
      '9,000 characters across blocks',
      { ...ok, blocks: [1, 2, 3].map(() => ({ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } })) },
      'blocks: blocks carry more than 8000',
    ],
  ])('catches %s', (_, message, problem) => {
    expect(slackLimitProblems(ok)).toEqual([]);
    expect(slackLimitProblems(message).join('\n')).toContain(problem);
  });
});
