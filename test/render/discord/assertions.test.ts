import { describe, expect, it } from 'vitest';
import { limitProblems, MessageSchema } from '../../../src/render/discord/assertions.js';

const ok = { embeds: [{ title: 't', description: 'd' }], allowed_mentions: { parse: [] } };
const x = (n: number): string => 'x'.repeat(n);

describe("Discord's limits", () => {
  it('accept a message inside them', () => {
    expect(limitProblems(MessageSchema, ok)).toEqual([]);
  });

  it.each([
    ['a title over 256', { ...ok, embeds: [{ title: x(257) }] }, 'embeds.0.title'],
    ['a description over 4096', { ...ok, embeds: [{ description: x(4097) }] }, 'embeds.0.description'],
    ['26 fields', { ...ok, embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, 'embeds.0.fields'],
    ['a field value over 1024', { ...ok, embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }, 'embeds.0.fields.0.value'],
    ['a field name over 256', { ...ok, embeds: [{ fields: [{ name: x(257), value: 'v' }] }] }, 'embeds.0.fields.0.name'],
    ['a footer over 2048', { ...ok, embeds: [{ footer: { text: x(2049) } }] }, 'embeds.0.footer.text'],
    ['over 6000 characters across embeds', { ...ok, embeds: [{ description: x(4000) }, { description: x(2001) }] }, 'embeds'],
    ['11 embeds', { ...ok, embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, 'embeds'],
    ['content over 2000', { ...ok, content: x(2001) }, 'content'],
    ['mentions left on', { ...ok, allowed_mentions: { parse: ['everyone'] } }, 'allowed_mentions.parse'],
    ['mentions not set', { embeds: ok.embeds }, 'allowed_mentions'],
    [
      'a custom id over 100',
      { ...ok, components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Share', custom_id: x(101) }] }] },
      'components.0.components.0.custom_id',
    ],
    ['nothing to show', { embeds: [], allowed_mentions: { parse: [] } }, '(message)'],
  ])('refuse %s', (_, message, path) => {
    const problems = limitProblems(MessageSchema, message);
    expect(problems.some((p) => p.startsWith(`${path}:`))).toBe(true);
  });
});
