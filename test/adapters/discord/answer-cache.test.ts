import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerCache, type Ask } from '../../../src/adapters/discord/answer-cache.js';
import { answer } from '../../../src/service/commands.js';
import type { Reply } from '../../../src/render/reply.js';
import type { Library } from '../../../src/service/library.js';
import { ecuadorLibrary } from './harness.js';

let library: Library;
/** An answerer that counts what it was asked. */
function counting(reply?: (text: string) => Reply): { ask: Ask; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: (command, text) => {
      asked.push(text);
      return reply?.(text) ?? answer(library, command, text);
    },
  };
}

beforeAll(async () => {
  library = await ecuadorLibrary();
});

describe('remembered answers', () => {
  it('answer the same command and words once, however spaced', async () => {
    const answers = createAnswerCache();
    const { ask, asked } = counting();
    const first = await answers.get('ecuador', 'homicides', ask);
    expect(first.kind).toBe('briefing');
    expect(await answers.get('Ecuador', '  homicides ', ask)).toBe(first);
    expect(asked).toEqual(['homicides']);
  });

  it('forget the least recently used beyond their size', async () => {
    const answers = createAnswerCache(2);
    const { ask, asked } = counting();
    for (const t of ['homicides', 'cocaine', 'homicides', 'gangs', 'homicides', 'cocaine']) await answers.get('ecuador', t, ask);
    expect(asked).toEqual(['homicides', 'cocaine', 'gangs', 'cocaine']);
  });

  it('answer afresh once the library is rebuilt (a new version after an ingest)', async () => {
    let version = 1;
    const answers = createAnswerCache(undefined, () => version);
    const { ask, asked } = counting();
    await answers.get('ecuador', 'homicides', ask);
    await answers.get('ecuador', 'homicides', ask);
    version = 2;
    await answers.get('ecuador', 'homicides', ask);
    expect(asked).toEqual(['homicides', 'homicides']);
  });

  it('never keep notices: they depend on who asks and on the store', async () => {
    const answers = createAnswerCache();
    const { ask, asked } = counting(() => ({ kind: 'notice', title: 'Subscribed', lines: ['This channel gets it daily at 08:00.'] }));
    await answers.get('ecuador', 'subscribe daily 08:00', ask);
    await answers.get('ecuador', 'subscribe daily 08:00', ask);
    expect(asked).toHaveLength(2);
  });

  it('render every time with size 0', async () => {
    const answers = createAnswerCache(0);
    const { ask, asked } = counting();
    await answers.get('ecuador', 'homicides', ask);
    await answers.get('ecuador', 'homicides', ask);
    expect(asked).toHaveLength(2);
  });
});
