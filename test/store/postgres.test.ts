/** What only PostgreSQL has to show: migrating once among replicas, claims shared between them, clear refusals. */
import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open.js';
import { migratePostgres, postgresPool, postgresSchemaVersion, sentAgainWhenEnded } from '../../src/store/postgres.js';
import type { NewRun } from '../../src/store/store.js';
import { freshLocation, openTestStore, TEST_DATABASE_URL } from './engines.js';

const run = (i: number): NewRun => ({
  key: `d${String(i)}@2025-06-10T12:00Z`,
  digestId: `d${String(i)}`,
  platform: 'slack',
  channel: 'C1',
  subject: 'ecuador',
  timeZone: 'UTC',
  scheduledAt: Date.parse('2025-06-10T12:00Z'),
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('the PostgreSQL store', () => {
  it('migrates once when two replicas start together on an empty database', async () => {
    const where = await freshLocation('postgres');
    if (where.engine !== 'postgres') throw new Error('expected postgres');
    const pools: [pg.Pool, pg.Pool] = [postgresPool(where.url, { schema: where.schema }), postgresPool(where.url, { schema: where.schema })];
    try {
      const applied = await Promise.all(pools.map((p) => migratePostgres(p, { schema: where.schema })));
      expect(applied.map((a) => a.length).sort()).toEqual([0, MIGRATIONS.length]);
      const rows = await pools[0].query<{ version: number }>('SELECT version FROM sitrep_schema ORDER BY version');
      expect(rows.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await postgresSchemaVersion(pools[1])).toBe(LATEST_VERSION);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('opens a store from replicas racing on the same new schema', async () => {
    const where = await freshLocation('postgres');
    const opened = await Promise.all([openStore(where), openStore(where), openStore(where)]);
    expect(opened.map((o) => (o.ok ? 'ok' : o.error))).toEqual(['ok', 'ok', 'ok']);
    await Promise.all(opened.flatMap((o) => (o.ok ? [o.value.close()] : [])));
  });

  it('refuses a database migrated by a newer Sitrep, saying what to do', async () => {
    const { store, location } = await openTestStore('postgres');
    await store.close();
    if (location.engine !== 'postgres') throw new Error('expected postgres');
    const pool = postgresPool(location.url, { schema: location.schema });
    await pool.query("INSERT INTO sitrep_schema (version, name) VALUES ($1, 'from the future')", [LATEST_VERSION + 1]);
    await pool.end();
    const again = await openStore(location);
    expect(again.ok ? '' : again.error).toMatch(/schema version \d+, newer than this Sitrep knows .* Run a newer Sitrep, or use another database/);
  });

  it('says where and what to do when the server is not there, without the password', async () => {
    const port = await closedPort();
    const r = await openStore({ engine: 'postgres', url: `postgres://sitrep:hunter2@127.0.0.1:${String(port)}/sitrep` });
    expect(r.ok ? '' : r.error).toBe(
      `Cannot reach PostgreSQL at postgres://sitrep:***@127.0.0.1:${String(port)}/sitrep (ECONNREFUSED). Start it, or fix SITREP_DATABASE_URL.`,
    );
  });

  it('says so when the database does not exist', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = '/sitrep_no_such_database';
    const r = await openStore({ engine: 'postgres', url: url.toString() });
    expect(r.ok ? '' : r.error).toMatch(/database "sitrep_no_such_database" does not exist\. Create the database, or fix its name in SITREP_DATABASE_URL\.$/);
  });

  it('lets three replicas claim 20 runs at once: each run goes to exactly one', async () => {
    const { location } = await openTestStore('postgres');
    const replicas = await Promise.all(['a', 'b', 'c'].map(async () => (await openTestStore('postgres', location)).store));
    const claims = await Promise.all(
      replicas.flatMap((s, r) => Array.from({ length: 20 }, (_, i) => s.runs.claim(run(i), `replica-${String(r)}`, 1000, 0).then((won) => (won ? i : -1)))),
    );
    expect(claims.filter((i) => i >= 0).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Leases run out: the takeovers share the runs out, none twice.
    const taken = await Promise.all(replicas.map((s, r) => s.runs.takeOver(2000, `replica-${String(r)}`, 9000)));
    expect(
      taken
        .flat()
        .map((t) => t.key)
        .sort(),
    ).toEqual(Array.from({ length: 20 }, (_, i) => run(i).key).sort());
  });

  it('sends a statement once more when the server ended its connection before it ran, and any other failure once', async () => {
    const failing = (code: string): { pool: pg.Pool; sent: () => number } => {
      const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL });
      let n = 0;
      Object.assign(pool, {
        query: () => {
          n++;
          return n === 1
            ? Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code }))
            : Promise.resolve({ rows: [{ ok: 1 }] });
        },
      });
      return { pool: sentAgainWhenEnded(pool), sent: () => n };
    };
    const ended = failing('57P01');
    expect((await ended.pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    expect(ended.sent()).toBe(2);
    const other = failing('42P01');
    await expect(other.pool.query('SELECT 1 AS ok')).rejects.toThrow('terminating connection');
    expect(other.sent()).toBe(1);
    await Promise.all([ended.pool.end(), other.pool.end()]);
  });

  it('reads the pool of a closed connection again after the server drops it', async () => {
    // Its own application name, so that only its sessions are ended, not other tests'.
    const name = `sitrep_drop_${String(process.pid)}_${String(Date.now())}`;
    const where = await freshLocation('postgres');
    if (where.engine !== 'postgres') throw new Error('expected postgres');
    const { store } = await openTestStore('postgres', { ...where, url: `${where.url}?application_name=${name}` });
    await store.subscriptions.add({ platform: 'slack', channel: 'C1', subject: 'ecuador', cron: '0 8 * * *', timeZone: 'UTC', createdBy: 'U1', createdAt: 1 });
    // Every other session of this database is ended by the server, as a restart would.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    expect((await store.subscriptions.list()).map((s) => s.channel)).toEqual(['C1']);
  });
});
