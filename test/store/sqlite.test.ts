import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, MIGRATIONS, schemaVersion } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { inspectSqliteStore } from '../../src/store/inspect.js';
import type { NewRun, Store } from '../../src/store/store.js';
import { tempDir } from '../temp-dir.js';
import { ENGINES, openTestStore } from './engines.js';

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function store(file?: string): Promise<{ store: Store; file: string }> {
  const path = file ?? join(await tempDir(), 'var', 'sitrep.db');
  const r = openSqliteStore(path);
  if (!r.ok) throw new Error(r.error);
  open.push(r.value);
  return { store: r.value, file: path };
}

const run = (over: Partial<NewRun> = {}): NewRun => ({
  key: 'morning@2025-06-10T12:00Z',
  digestId: 'morning',
  platform: 'slack',
  channel: 'C1',
  subject: 'ecuador',
  timeZone: 'UTC',
  scheduledAt: Date.parse('2025-06-10T12:00Z'),
  ...over,
});

describe('the SQLite store', () => {
  it('creates its folder and file, migrated to the latest schema', async () => {
    const { file } = await store();
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('applies each migration once, in order, and refuses a database from a newer Sitrep', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    db.pragma(`user_version = ${String(LATEST_VERSION + 1)}`);
    expect(() => migrate(db)).toThrow(/newer than this Sitrep knows/);
    db.close();
  });

  it('says what to do when the database cannot be created', async () => {
    const dir = await tempDir({ var: 'a file where the folder should be' });
    const r = openSqliteStore(join(dir, 'var', 'sitrep.db'));
    expect(r.ok ? '' : r.error).toBe(
      `Cannot create the database at ${join(dir, 'var', 'sitrep.db')}: a file stands where its folder should be (EEXIST). ` +
        `Set SITREP_DB to a writable path, or mount a writable volume at its folder.`,
    );
  });
});

describe.each(ENGINES)('digest runs on %s', (engine) => {
  it('lets a run be claimed once, by anyone, in any state', async () => {
    const { store: s } = await openTestStore(engine);
    expect(await s.runs.claim(run(), 'a', 1000, 0)).toBe(true);
    expect(await s.runs.claim(run(), 'b', 1000, 0)).toBe(false);
    expect(await s.runs.skip(run(), 'late', 0)).toBe(false);
    expect(await s.runs.skip(run({ key: 'other' }), 'late', 0)).toBe(true);
  });

  it('takes over only claims whose lease has run out, and only once', async () => {
    const { store: s } = await openTestStore(engine);
    await s.runs.claim(run(), 'a', 1000, 0);
    expect(await s.runs.takeOver(999, 'b', 5000)).toEqual([]);
    const [taken] = await s.runs.takeOver(1001, 'b', 5000);
    expect(taken).toMatchObject({ key: run().key, owner: 'b', leaseUntil: 5000, state: 'claimed' });
    expect(await s.runs.takeOver(1002, 'c', 9000)).toEqual([]);
    // The old owner's late record is refused; the new owner's counts.
    expect(await s.runs.update(run().key, 'a', { state: 'posted', attempts: 1, messageId: 'x' }, 1100)).toBe(false);
    expect(await s.runs.update(run().key, 'b', { state: 'posted', attempts: 2, messageId: 'y' }, 1200)).toBe(true);
    expect((await s.runs.list())[0]).toMatchObject({ state: 'posted', attempts: 2, messageId: 'y', owner: 'b', leaseUntil: undefined });
  });

  it('keeps the last error while retrying, and lists failed runs newest first', async () => {
    const { store: s } = await openTestStore(engine);
    await s.runs.claim(run(), 'a', 1000, 0);
    await s.runs.update(run().key, 'a', { state: 'claimed', attempts: 1, leaseUntil: 2000, error: 'unavailable: HTTP 500', nextAttemptAt: 1500 }, 10);
    await s.runs.update(run().key, 'a', { state: 'claimed', attempts: 2, leaseUntil: 3000 }, 20);
    expect((await s.runs.list())[0]).toMatchObject({ attempts: 2, error: 'unavailable: HTTP 500', nextAttemptAt: undefined });
    await s.runs.update(run().key, 'a', { state: 'failed', attempts: 2, error: 'gave up' }, 30);
    await s.runs.claim(run({ key: 'later', scheduledAt: Date.parse('2025-06-11T12:00Z') }), 'a', 1000, 0);
    expect((await s.runs.list()).map((r) => r.key)).toEqual(['later', run().key]);
    expect((await s.runs.list({ states: ['failed'] })).map((r) => [r.key, r.error])).toEqual([[run().key, 'gave up']]);
  });

  it('keeps the checked-until instant across a reopen', async () => {
    const { store: s, location } = await openTestStore(engine);
    expect(await s.runs.checkedUntil()).toBeUndefined();
    await s.runs.setCheckedUntil(12345);
    await s.close();
    const { store: again } = await openTestStore(engine, location);
    expect(await again.runs.checkedUntil()).toBe(12345);
  });
});

describe.each(ENGINES)('subscriptions on %s', (engine) => {
  const sub = { platform: 'slack', channel: 'C1', subject: 'ecuador', cron: '0 8 * * *', timeZone: 'UTC', createdBy: 'U1', createdAt: 1 };

  it('keeps one per channel, subject and topic: subscribing again replaces the schedule', async () => {
    const { store: s } = await openTestStore(engine);
    const first = await s.subscriptions.add(sub);
    const again = await s.subscriptions.add({ ...sub, cron: '30 7 * * 1-5', timeZone: 'America/Guayaquil' });
    await s.subscriptions.add({ ...sub, topic: 'homicides' });
    expect(again.id).toBe(first.id);
    expect((await s.subscriptions.list()).map((x) => [x.topic, x.cron, x.timeZone])).toEqual([
      [undefined, '30 7 * * 1-5', 'America/Guayaquil'],
      ['homicides', '0 8 * * *', 'UTC'],
    ]);
  });

  it('removes one topic, or all of a subject in the channel, and only there', async () => {
    const { store: s } = await openTestStore(engine);
    await s.subscriptions.add(sub);
    await s.subscriptions.add({ ...sub, topic: 'homicides' });
    await s.subscriptions.add({ ...sub, channel: 'C2' });
    expect((await s.subscriptions.remove({ platform: 'slack', channel: 'C1', subject: 'ecuador', topic: 'homicides' })).map((x) => x.topic)).toEqual([
      'homicides',
    ]);
    expect(await s.subscriptions.remove({ platform: 'slack', channel: 'C1', subject: 'ecuador' })).toHaveLength(1);
    expect((await s.subscriptions.list()).map((x) => x.channel)).toEqual(['C2']);
    expect(await s.subscriptions.list({ platform: 'discord' })).toEqual([]);
  });
});

describe.each(ENGINES)('the extract cache on %s', (engine) => {
  it('gives back what was put, and prunes what was not used since', async () => {
    const { store: s } = await openTestStore(engine);
    const extract = {
      article: { file: 'a.txt', headline: 'H', bytes: 1 },
      figures: [],
      actors: [],
      questions: [],
      sentences: [{ file: 'a.txt', quote: 'Q.' }],
      places: [],
    };
    await s.extracts.put('h1', extract);
    expect(await s.extracts.get('h1')).toEqual(extract);
    expect(await s.extracts.get('h2')).toBeUndefined();
    expect(await s.extracts.prune(Date.now() + 1000)).toBe(1);
  });
});

describe('inspecting a store for doctor', () => {
  it('reports a missing file as creatable, and a present one with its schema and counts', async () => {
    const dir = await tempDir();
    expect(inspectSqliteStore(join(dir, 'var', 'x.db'), 0)).toEqual({ state: 'missing', creatable: true, folder: dir });
    const { file, store: s } = await store(join(dir, 'var', 'x.db'));
    await s.runs.claim(run(), 'a', 1, 0);
    expect(inspectSqliteStore(file, 0)).toEqual({
      state: 'present',
      writable: true,
      version: LATEST_VERSION,
      latest: LATEST_VERSION,
      runs: 1,
      failedSince: 0,
      subscriptions: 0,
    });
  });
});

describe('what is read back is checked, not cast', () => {
  it('names the table and column of a row that is not what Sitrep wrote', async () => {
    const { store: s, file } = await store();
    await s.runs.claim(run(), 'a', 1000, 0);
    const db = new Database(file);
    db.prepare("UPDATE digest_runs SET attempts = 'many'").run();
    db.close();
    await expect(s.runs.list()).rejects.toThrow('A digest_runs row is not what Sitrep wrote: attempts: Invalid input: expected number, received string');
  });

  it('makes a cached extract again, and treats a coverage as never recorded, when their stored JSON is not theirs', async () => {
    const { store: s, file } = await store();
    await s.extracts.put('h1', { article: { file: 'a.txt', headline: 'H', bytes: 1 }, figures: [], actors: [], questions: [], sentences: [], places: [] });
    const db = new Database(file);
    db.prepare('UPDATE extract_cache SET extract = \'{"figures": 3}\'').run();
    db.prepare("INSERT INTO digest_coverage (run_key, digest_id, posted_at, coverage) VALUES ('k', 'morning', 1, 'not json')").run();
    db.close();
    expect(await s.extracts.get('h1')).toBeUndefined();
    expect(await s.coverage.latest('morning')).toBeUndefined();
  });
});
