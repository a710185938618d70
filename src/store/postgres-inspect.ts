/** A look at a PostgreSQL store without migrating or writing it, for `sitrep doctor`. */
import type pg from 'pg';
import { describeLocation } from './location.js';
import { LATEST_VERSION } from './migrations.js';
import { describePostgresError, postgresPool, postgresSchemaVersion, postgresSql } from './postgres.js';
import { replicaStore } from './shared-tables.js';
import type { Replica } from './store.js';

/** What `inspectPostgresStore` found, for `sitrep doctor`. */
export type PostgresInspection =
  | { state: 'unreachable'; reason: string }
  | {
      state: 'present';
      version: number;
      latest: number;
      server: string;
      runs: number;
      failedSince: number;
      subscriptions: number;
      replicas: Replica[];
      /** The database's clock minus this machine's, in ms: replicas' leases assume clocks agree. */
      clockSkewMs: number;
    };

/** Looks at the database without migrating or writing it; counts failed runs scheduled since `failedAfter`. */
export async function inspectPostgresStore(
  url: string,
  opts: { failedAfter: number; seenAfter: number; schema?: string | undefined },
): Promise<PostgresInspection> {
  const { failedAfter, seenAfter, schema } = opts;
  const where = describeLocation({ engine: 'postgres', url });
  let pool: pg.Pool | undefined;
  try {
    pool = postgresPool(url, { schema, max: 1 });
    pool.on('error', () => undefined);
    const before = Date.now();
    const row = (
      await pool.query<{ v: string; now: number }>(
        "SELECT current_setting('server_version') AS v, (extract(epoch from clock_timestamp()) * 1000)::float8 AS now",
      )
    ).rows[0];
    const server = row?.v ?? '?';
    const clockSkewMs = row ? Math.round(row.now - (before + Date.now()) / 2) : 0;
    const version = await postgresSchemaVersion(pool);
    const count = async (sql: string, values: unknown[] = []): Promise<number> =>
      version ? ((await pool?.query<{ n: number }>(sql, values))?.rows[0]?.n ?? 0) : 0;
    return {
      state: 'present',
      version,
      latest: LATEST_VERSION,
      server,
      runs: await count('SELECT count(*) AS n FROM digest_runs'),
      failedSince: await count("SELECT count(*) AS n FROM digest_runs WHERE state = 'failed' AND scheduled_at >= $1", [failedAfter]),
      subscriptions: await count('SELECT count(*) AS n FROM subscriptions'),
      replicas: version >= 3 ? await replicaStore(postgresSql(pool)).list(seenAfter) : [],
      clockSkewMs,
    };
  } catch (e) {
    return { state: 'unreachable', reason: describePostgresError(e, where) };
  } finally {
    await pool?.end().catch(() => undefined);
  }
}
