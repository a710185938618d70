/** Article text with bidirectional overrides, zero-width characters and terminal escapes shows as plain text on every surface. */
import { describe, expect, it } from 'vitest';
import { buildSet } from '../../src/core/briefing/set.js';
import type { Briefing } from '../../src/core/model.js';
import { renderConsole } from '../../src/render/console.js';
import { renderDiscord } from '../../src/render/discord/embeds.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSlack } from '../../src/render/slack/blocks.js';
import { terminalText, visible } from '../../src/render/visible.js';
import type { ServedSubject } from '../../src/service/library.js';
import { actor, briefing, figure, FILES } from './briefing-fixture.js';

/** Right-to-left override, pop, zero-width space and joiner, an isolate, a BOM, a bell, and a screen-clearing escape. */
const HOSTILE = ['\u202E', '\u202C', '\u200B', '\u200D', '\u2067', '\uFEFF', '\u0007', '\u001b[2J', '\u001b]8;;http://evil\u0007'];
const hostileText = (s: string): string => `${HOSTILE.join('')}${s}\u202Etxt.exe`;

function hostileBriefing(): Briefing {
  // A long quote with an override near its end: clipping must not leave it open.
  const long = `${'The rate was 38.76 in 2024, officials said. '.repeat(20)}\u202Eevil`;
  return briefing({
    title: hostileText('Ecuador'),
    figures: [figure({ metric: hostileText('homicide rate'), value: 38.76, text: '38.76', decimals: 2, sources: [{ file: FILES[0], quote: long }] })],
    actors: [actor(hostileText('Daniel Noboa'), { role: hostileText('President') })],
  });
}

const subject = {
  name: 'ecuador',
  command: 'ecuador',
  title: hostileText('Ecuador'),
  warnings: [],
  set: buildSet({ title: 'Ecuador', topics: [], articles: [] }),
} as unknown as ServedSubject;
const leftovers = (s: string): string[] => (s.match(/[\p{Cf}\p{Cc}]/gu) ?? []).filter((c) => c !== '\n' && c !== '\t');

describe('text shown to people', () => {
  it('keeps letters, tabs and new lines, and drops format and control characters', () => {
    expect(visible('a\u202Eb\u200Bc\td\ne\u0000f')).toBe('abc\td\nef');
    expect(terminalText('ok\u001b[2J\u001b[31mred\u001b[0m')).toBe('okred');
  });

  it.each([
    ['Slack', () => JSON.stringify(renderSlack({ kind: 'briefing', subject, briefing: hostileBriefing() }))],
    ['Discord', () => JSON.stringify(renderDiscord({ kind: 'briefing', subject, briefing: hostileBriefing() }))],
    ['the terminal', () => renderConsole({ kind: 'briefing', subject, briefing: hostileBriefing() })],
  ])('in %s has none of them, short or clipped', (_, render) => {
    const shown = render();
    // JSON.stringify writes controls as \u escapes: read it back to see the characters themselves.
    const text = shown.startsWith('{')
      ? JSON.stringify(JSON.parse(shown) as unknown, (_k, v: unknown) => v).replace(/\\u00([0-9a-f]{2})/g, (_m, h: string) =>
          String.fromCharCode(parseInt(h, 16)),
        )
      : shown;
    expect(leftovers(text)).toEqual([]);
    expect(text).toContain('Daniel Noboa');
    expect(text).toContain('txt.exe');
  });

  it('in the full markdown briefing a terminal prints has none of them', () => {
    expect(leftovers(terminalText(renderMarkdown(hostileBriefing(), { all: true })))).toEqual([]);
  });
});
