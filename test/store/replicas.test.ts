/** The tables replicas share, on both engines: heartbeats, leases on shared work, subject versions. */
import { describe, expect, it } from 'vitest';
import { ENGINES, openTestStore } from './engines.js';

describe.each(ENGINES)('replica tables on %s', (engine) => {
  const replica = (id: string, startedAt: number) => ({ id, host: 'box', pid: 7, version: '1.0.0', startedAt });

  it('lists the replicas seen since a moment, and forgets one that leaves', async () => {
    const { store } = await openTestStore(engine);
    await store.replicas.beat(replica('b', 20), 100);
    await store.replicas.beat(replica('a', 10), 50);
    await store.replicas.beat(replica('a', 10), 120);
    expect((await store.replicas.list(90)).map((r) => [r.id, r.seenAt])).toEqual([
      ['a', 120],
      ['b', 100],
    ]);
    expect((await store.replicas.list(110)).map((r) => r.id)).toEqual(['a']);
    await store.replicas.leave('a');
    expect((await store.replicas.list(0)).map((r) => r.id)).toEqual(['b']);
  });

  it('gives a lease to one owner until it runs out or is released', async () => {
    const { store } = await openTestStore(engine);
    expect(await store.leases.acquire('feeds:x', 'a', 1000, 0)).toBe(true);
    expect(await store.leases.acquire('feeds:x', 'b', 1500, 500)).toBe(false);
    expect(await store.leases.acquire('feeds:x', 'a', 2000, 900)).toBe(true);
    expect(await store.leases.acquire('feeds:x', 'b', 2500, 1500)).toBe(false);
    expect(await store.leases.acquire('feeds:x', 'b', 3000, 2001)).toBe(true);
    await store.leases.release('feeds:x', 'a');
    expect(await store.leases.acquire('feeds:x', 'a', 4000, 2100)).toBe(false);
    await store.leases.release('feeds:x', 'b');
    expect(await store.leases.acquire('feeds:x', 'a', 4000, 2100)).toBe(true);
    expect(await store.leases.acquire('feeds:y', 'b', 4000, 2100)).toBe(true);
  });

  it("raises a subject's version each time its articles change", async () => {
    const { store } = await openTestStore(engine);
    expect(await store.subjectVersions.all()).toEqual(new Map());
    expect(await store.subjectVersions.bump('x', 1)).toBe(1);
    expect(await store.subjectVersions.bump('x', 2)).toBe(2);
    expect(await store.subjectVersions.bump('y', 3)).toBe(1);
    expect(await store.subjectVersions.all()).toEqual(
      new Map([
        ['x', 2],
        ['y', 1],
      ]),
    );
  });

  it('keeps one installation per platform and workspace, replaced when installed again', async () => {
    const { store } = await openTestStore(engine);
    await store.installations.put('slack', 'T1', 'sealed-1', 1);
    await store.installations.put('slack', 'T1', 'sealed-2', 2);
    await store.installations.put('slack', 'T2', 'sealed-3', 3);
    expect(await store.installations.get('slack', 'T1')).toBe('sealed-2');
    expect(await store.installations.get('teams', 'T1')).toBeUndefined();
    expect(await store.installations.count('slack')).toBe(2);
    expect(await store.installations.remove('slack', 'T1')).toBe(true);
    expect(await store.installations.remove('slack', 'T1')).toBe(false);
    expect(await store.installations.count('slack')).toBe(1);
  });

  it('answers a ping while open', async () => {
    const { store } = await openTestStore(engine);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('leases between replicas on postgres', () => {
  it('go to exactly one of many replicas asking at once', async () => {
    const { location } = await openTestStore('postgres');
    const replicas = await Promise.all(Array.from({ length: 5 }, async () => (await openTestStore('postgres', location)).store));
    const won = await Promise.all(replicas.map((s, i) => s.leases.acquire('feeds:x', `r${String(i)}`, 1000, 0)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});
