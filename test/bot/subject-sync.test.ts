/** Subject versions between replicas: a change made on one is rebuilt on the others, once, and not again where it was made. */
import { describe, expect, it } from 'vitest';
import { createSubjectSync } from '../../src/bot/subject-sync.js';
import { memoryLog } from '../schedule/harness.js';
import { ENGINES, openTestStore } from '../store/engines.js';

describe.each(ENGINES)('subject sync on %s', (engine) => {
  it('rebuilds on the other replicas the subject one replica changed, and only there', async () => {
    const { store, location } = await openTestStore(engine);
    const { store: other } = await openTestStore(engine, location);
    const rebuilt: Record<string, string[]> = { a: [], b: [] };
    const sync = (name: 'a' | 'b', s: typeof store): ReturnType<typeof createSubjectSync> =>
      createSubjectSync({
        versions: s.subjectVersions,
        subjects: () => ['x', 'y'],
        refresh: (subject) => {
          rebuilt[name]?.push(subject);
          return Promise.resolve();
        },
        logger: memoryLog().logger,
        now: () => 1,
        everyMs: 3_600_000,
      });
    const [a, b] = [sync('a', store), sync('b', other)];
    await a.start();
    await b.start();
    await a.changed('x');
    expect(await a.check()).toEqual([]);
    expect(await b.check()).toEqual(['x']);
    expect(await b.check()).toEqual([]);
    expect(rebuilt).toEqual({ a: ['x'], b: ['x'] });
    a.stop();
    b.stop();
  });
});
