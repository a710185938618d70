/**
 * The store on PostgreSQL (node-postgres, one pool): the same contract as the SQLite store, for
 * several Sitrep replicas on one database. Every query is parameterised; a write is committed when
 * its promise resolves; migrations run at open under an advisory lock, so replicas starting together
 * migrate once.
 */
import pg from 'pg';
import { err, ok, type Result } from '../core/result.js';
import { describeLocation } from './location.js';
import { MIGRATIONS, SchemaTooNewError, type Migration } from './migrations.js';
import {
  ARTICLE_HEADER_COLUMNS,
  fromSignature,
  readCoverage,
  readExtract,
  readOutlets,
  sameOutlet,
  toArticleHeader,
  toFeedState,
  toRun,
  toSignature,
  toSubscription,
  type ArticleRow,
  type FeedRow,
  type RunRow,
  type SubscriptionRow,
} from './rows.js';
import { sharedTables, type Sql } from './shared-tables.js';
import type { ArticleStore, CoverageStore, FeedStateStore, NewRun, RunState, RunStore, RunUpdate, Store, SubscriptionStore } from './store.js';

/** Where and how to connect. */
export interface PostgresOptions {
  now?: () => number;
  /** A schema to work in (created when missing): tests give each their own. */
  schema?: string | undefined;
  /** Connections in the pool. */
  max?: number;
  /** Told when an idle connection fails (the server restarted, the network dropped): the pool replaces it. */
  onError?: (e: Error) => void;
}

/** BIGINT columns hold ms since the epoch and ids, all well inside 2^53: read as numbers, not strings. */
const TYPES = new pg.TypeOverrides();
TYPES.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The key of the advisory lock migrations run under: any fixed 64-bit number ("sitrep" in ASCII). */
const MIGRATION_LOCK = 0x736974726570;

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** The longest a query may take, on the client and the server; `?query_timeout=` in the URL overrides it. */
const QUERY_TIMEOUT_MS = 15_000;

/** The schema name, checked: it goes into SQL as an identifier. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Runs `f` in one transaction on one connection; a failed one is rolled back and its connection dropped. */
async function inTransaction<T>(pool: pg.Pool, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  // A checked-out connection that drops emits 'error' with no pool listener: unheard, it would end
  // the process. The query in flight fails too, and the catch below drops the connection.
  const dropped = (): void => undefined;
  c.on('error', dropped);
  try {
    await c.query('BEGIN');
    const out = await f(c);
    await c.query('COMMIT');
    c.off('error', dropped);
    c.release();
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    c.off('error', dropped);
    c.release(e instanceof Error ? e : true);
    throw e;
  }
}

/** Applies the migrations the database lacks, in one transaction under an advisory lock; returns the versions applied. */
export async function migratePostgres(pool: pg.Pool, opts: { schema?: string | undefined; migrations?: readonly Migration[] } = {}): Promise<number[]> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: replicas creating the same schema at once would collide.
    if (opts.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    await c.query('CREATE TABLE IF NOT EXISTS sitrep_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const current = (await c.query<{ v: number | null }>('SELECT max(version) AS v FROM sitrep_schema')).rows[0]?.v ?? 0;
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const due = migrations.filter((m) => m.version > current);
    for (const m of due) {
      await c.query(m.postgres);
      await c.query('INSERT INTO sitrep_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return due.map((m) => m.version);
  });
}

/** The schema version of the database; 0 when Sitrep never migrated it. */
export async function postgresSchemaVersion(db: Queryable): Promise<number> {
  const has = await db.query<{ t: string | null }>("SELECT to_regclass('sitrep_schema') AS t");
  if (!has.rows[0]?.t) return 0;
  return (await db.query<{ v: number | null }>('SELECT max(version) AS v FROM sitrep_schema')).rows[0]?.v ?? 0;
}

const INSERT_RUN =
  'INSERT INTO digest_runs (key, digest_id, platform, channel, subject, topic, time_zone, scheduled_at, ' +
  `state, attempts, error, owner, lease_until, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, $13, $13) ON CONFLICT (key) DO NOTHING`;

const runValues = (run: NewRun, state: RunState, error: string | null, owner: string | null, leaseUntil: number | null, now: number): unknown[] => [
  run.key,
  run.digestId,
  run.platform,
  run.channel,
  run.subject,
  run.topic ?? null,
  run.timeZone,
  run.scheduledAt,
  state,
  error,
  owner,
  leaseUntil,
  now,
];

const PUT_COVERAGE = `INSERT INTO digest_coverage (run_key, digest_id, posted_at, coverage) VALUES ($1, $2, $3, $4)
  ON CONFLICT (run_key) DO UPDATE SET posted_at = excluded.posted_at, coverage = excluded.coverage`;

function runStore(pool: pg.Pool): RunStore {
  return {
    claim: async (run, owner, leaseUntil, now) => (await pool.query(INSERT_RUN, runValues(run, 'claimed', null, owner, leaseUntil, now))).rowCount === 1,
    skip: async (run, reason, now) => (await pool.query(INSERT_RUN, runValues(run, 'skipped', reason, null, null, now))).rowCount === 1,
    // Row locks make this safe between replicas: a row another replica just took no longer matches when re-read.
    takeOver: async (now, owner, leaseUntil) =>
      (
        await pool.query<RunRow>(
          `UPDATE digest_runs SET owner = $1, lease_until = $2, updated_at = $3
      WHERE state = 'claimed' AND (lease_until IS NULL OR lease_until < $3) RETURNING *`,
          [owner, leaseUntil, now],
        )
      ).rows.map(toRun),
    async update(key: string, owner: string, change: RunUpdate, now: number) {
      if (change.state === 'claimed') {
        const r = await pool.query(
          `UPDATE digest_runs SET attempts = $1, lease_until = $2, error = COALESCE($3, error), next_attempt_at = $4, updated_at = $5
          WHERE key = $6 AND owner = $7 AND state = 'claimed'`,
          [change.attempts, change.leaseUntil, change.error ?? null, change.nextAttemptAt ?? null, now, key, owner],
        );
        return r.rowCount === 1;
      }
      // The run's outcome and what its digest covered are one write: a crash never keeps one without the other.
      return inTransaction(pool, async (c) => {
        const r = await c.query<{ digest_id: string }>(
          `UPDATE digest_runs SET state = $1, attempts = $2, error = $3, message_id = $4, lease_until = NULL, next_attempt_at = NULL, updated_at = $5
          WHERE key = $6 AND owner = $7 AND state = 'claimed' RETURNING digest_id`,
          [
            change.state,
            change.attempts,
            change.state === 'posted' ? null : change.error,
            change.state === 'posted' ? change.messageId : null,
            now,
            key,
            owner,
          ],
        );
        const row = r.rows[0];
        if (row && change.state === 'posted' && change.coverage) await c.query(PUT_COVERAGE, [key, row.digest_id, now, JSON.stringify(change.coverage)]);
        return r.rowCount === 1;
      });
    },
    async list(filter = {}) {
      const states = filter.states ?? [];
      const where = states.length ? 'WHERE state = ANY($2)' : '';
      const rows = await pool.query<RunRow>(
        `SELECT * FROM digest_runs ${where} ORDER BY scheduled_at DESC, key LIMIT $1`,
        states.length ? [filter.limit ?? 50, states] : [filter.limit ?? 50],
      );
      return rows.rows.map(toRun);
    },
    checkedUntil: async () => (await pool.query<{ value: number }>("SELECT value FROM scheduler_state WHERE name = 'checked_until'")).rows[0]?.value,
    async setCheckedUntil(instant) {
      await pool.query("INSERT INTO scheduler_state (name, value) VALUES ('checked_until', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [
        instant,
      ]);
    },
  };
}

function subscriptionStore(pool: pg.Pool): SubscriptionStore {
  return {
    async add(sub) {
      const r = await pool.query<SubscriptionRow>(
        `INSERT INTO subscriptions (platform, channel, subject, topic, cron, time_zone, created_by, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (platform, channel, subject, topic) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, ` +
          `created_by = excluded.created_by, created_at = excluded.created_at
        RETURNING *`,
        [sub.platform, sub.channel, sub.subject, sub.topic ?? '', sub.cron, sub.timeZone, sub.createdBy, sub.createdAt],
      );
      const row = r.rows[0];
      if (!row) throw new Error('the subscription was not stored');
      return toSubscription(row);
    },
    async remove(where) {
      const values: unknown[] = [where.platform, where.channel, where.subject];
      if (where.topic !== undefined) values.push(where.topic);
      const r = await pool.query<SubscriptionRow>(
        `DELETE FROM subscriptions WHERE platform = $1 AND channel = $2 AND subject = $3 ${where.topic === undefined ? '' : 'AND topic = $4'} RETURNING *`,
        values,
      );
      return r.rows.map(toSubscription).sort((a, b) => a.id - b.id);
    },
    async list(where = {}) {
      const clauses: string[] = [];
      const values: unknown[] = [];
      if (where.platform !== undefined) clauses.push(`platform = $${String(values.push(where.platform))}`);
      if (where.channel !== undefined) clauses.push(`channel = $${String(values.push(where.channel))}`);
      const r = await pool.query<SubscriptionRow>(`SELECT * FROM subscriptions ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id`, values);
      return r.rows.map(toSubscription);
    },
  };
}

function extractCache(pool: pg.Pool, now: () => number): Store['extracts'] {
  return {
    async get(hash) {
      // Read and marked used in one statement.
      const r = await pool.query<{ extract: string }>('UPDATE extract_cache SET used_at = $2 WHERE hash = $1 RETURNING extract', [hash, now()]);
      const row = r.rows[0];
      return row ? readExtract(row.extract) : undefined;
    },
    async put(hash, extract) {
      await pool.query(
        'INSERT INTO extract_cache (hash, extract, used_at) VALUES ($1, $2, $3) ' +
          'ON CONFLICT (hash) DO UPDATE SET extract = excluded.extract, used_at = excluded.used_at',
        [hash, JSON.stringify(extract), now()],
      );
    },
    prune: async (before) => (await pool.query('DELETE FROM extract_cache WHERE used_at < $1', [before])).rowCount ?? 0,
  };
}

function articleStore(pool: pg.Pool): ArticleStore {
  const addUrl = (c: Queryable, subject: string, url: string, id: number): Promise<unknown> =>
    c.query('INSERT INTO article_urls (subject, url, article_id) VALUES ($1, $2, $3) ON CONFLICT (subject, url) DO NOTHING', [subject, url, id]);
  return {
    add: (a) =>
      inTransaction(pool, async (c) => {
        const r = await c.query<{ id: number }>(
          `INSERT INTO articles (subject, hash, headline, outlets, published, added_at, text, signature)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (subject, hash) DO NOTHING RETURNING id`,
          [a.subject, a.hash, a.headline, JSON.stringify([a.outlet]), a.published ?? null, a.addedAt, a.text, fromSignature(a.signature)],
        );
        const inserted = r.rows[0]?.id;
        const id =
          inserted ?? (await c.query<{ id: number }>('SELECT id FROM articles WHERE subject = $1 AND hash = $2', [a.subject, a.hash])).rows[0]?.id ?? 0;
        if (a.outlet.url) await addUrl(c, a.subject, a.outlet.url, id);
        return { added: inserted !== undefined, id };
      }),
    addOutlet: (id, outlet) =>
      inTransaction(pool, async (c) => {
        // Locked until the outlets are written: two replicas folding copies into one article add both.
        const row = (await c.query<{ subject: string; outlets: string }>('SELECT subject, outlets FROM articles WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (!row) return false;
        if (outlet.url) await addUrl(c, row.subject, outlet.url, id);
        const outlets = readOutlets(row.outlets);
        if (outlets.some((o) => sameOutlet(o, outlet))) return false;
        await c.query('UPDATE articles SET outlets = $1 WHERE id = $2', [JSON.stringify([...outlets, outlet]), id]);
        return true;
      }),
    seenUrl: async (subject, url) => (await pool.query('SELECT 1 FROM article_urls WHERE subject = $1 AND url = $2', [subject, url])).rowCount !== 0,
    list: async (subject) =>
      (await pool.query<ArticleRow>('SELECT * FROM articles WHERE subject = $1 ORDER BY added_at, id', [subject])).rows.map((r) => ({
        ...toArticleHeader(r),
        text: r.text,
      })),
    headers: async (subject) =>
      (
        await pool.query<Omit<ArticleRow, 'text'>>(`SELECT ${ARTICLE_HEADER_COLUMNS} FROM articles WHERE subject = $1 ORDER BY added_at, id`, [subject])
      ).rows.map(toArticleHeader),
    text: async (id) => (await pool.query<{ text: string }>('SELECT text FROM articles WHERE id = $1', [id])).rows[0]?.text,
    signatures: async (subject) =>
      (await pool.query<{ id: number; signature: Buffer }>('SELECT id, signature FROM articles WHERE subject = $1 ORDER BY id', [subject])).rows.map((r) => ({
        id: r.id,
        signature: toSignature(r.signature),
      })),
    async get(id) {
      const r = (await pool.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id])).rows[0];
      return r ? { ...toArticleHeader(r), text: r.text } : undefined;
    },
    count: async (subject) => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE subject = $1', [subject])).rows[0]?.n ?? 0,
    // Its addresses go with it (ON DELETE CASCADE).
    remove: async (id) => (await pool.query('DELETE FROM articles WHERE id = $1', [id])).rowCount === 1,
  };
}

function feedStateStore(pool: pg.Pool): FeedStateStore {
  return {
    async get(subject, url) {
      const r = (
        await pool.query<FeedRow>('SELECT subject, url, etag, last_modified, polled_at, error FROM feed_state WHERE subject = $1 AND url = $2', [subject, url])
      ).rows[0];
      return r ? toFeedState(r) : undefined;
    },
    async put(s) {
      await pool.query(
        `INSERT INTO feed_state (subject, url, etag, last_modified, polled_at, error) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (subject, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, ` +
          'polled_at = excluded.polled_at, error = excluded.error',
        [s.subject, s.url, s.etag ?? null, s.lastModified ?? null, s.polledAt, s.error ?? null],
      );
    },
  };
}

function coverageStore(pool: pg.Pool): CoverageStore {
  return {
    async latest(digestId) {
      const r = (
        await pool.query<{ run_key: string; posted_at: number; coverage: string }>(
          'SELECT run_key, posted_at, coverage FROM digest_coverage WHERE digest_id = $1 ORDER BY posted_at DESC, seq DESC LIMIT 1',
          [digestId],
        )
      ).rows[0];
      const coverage = r && readCoverage(r.coverage);
      return r && coverage ? { runKey: r.run_key, postedAt: r.posted_at, coverage } : undefined;
    },
    async byRun(runKey) {
      const r = (
        await pool.query<{ digest_id: string; posted_at: number; coverage: string }>(
          'SELECT digest_id, posted_at, coverage FROM digest_coverage WHERE run_key = $1',
          [runKey],
        )
      ).rows[0];
      const coverage = r && readCoverage(r.coverage);
      return r && coverage ? { digestId: r.digest_id, postedAt: r.posted_at, coverage } : undefined;
    },
  };
}

/** Why the database could not be used, in words: what failed and what to do. */
export function describePostgresError(e: unknown, where: string): string {
  if (e instanceof SchemaTooNewError) return e.message;
  const code = (e as { code?: unknown }).code;
  const why = e instanceof Error ? e.message : String(e);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT') {
    return `Cannot reach PostgreSQL at ${where} (${code}). Start it, or fix SITREP_DATABASE_URL.`;
  }
  if (code === '28P01' || code === '28000') return `PostgreSQL at ${where} refused the login: ${why}. Fix the user or password in SITREP_DATABASE_URL.`;
  if (code === '3D000') return `PostgreSQL at ${where}: ${why}. Create the database, or fix its name in SITREP_DATABASE_URL.`;
  return `Cannot use PostgreSQL at ${where}: ${why}`;
}

/** A pool on `url`, reading BIGINT as numbers and working in `schema` when given. */
export function postgresPool(url: string, opts: Pick<PostgresOptions, 'schema' | 'max'> = {}): pg.Pool {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) throw new Error(`not a schema name Sitrep accepts: ${opts.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: TYPES,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // A database that stops answering without closing the connection fails queries instead of
    // holding them forever (the heartbeat then reports it down); keep-alives find dead peers.
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'sitrep',
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  return sentAgainWhenEnded(pool);
}

/** The server ended the session ("terminating connection due to administrator command", a shutdown): no statement ran. */
const endedByServer = (e: unknown): boolean => e instanceof Error && 'code' in e && (e.code === '57P01' || e.code === '57P02');

/**
 * A connection the server ends while it waits idle in the pool (a restart, a session killed) fails
 * the one statement sent on it before the pool has heard: that statement is sent once more, on a
 * fresh connection. Safe for any statement: a session the server ends runs nothing after it.
 */
export function sentAgainWhenEnded(pool: pg.Pool): pg.Pool {
  const send = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
  const query = async (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
    try {
      return await send(text, values);
    } catch (e) {
      if (!endedByServer(e)) throw e;
      return send(text, values);
    }
  };
  return Object.assign(pool, { query });
}

/** Statements with `?` placeholders, numbered for PostgreSQL (none of the shared SQL has a `?` of its own). */
export function postgresSql(pool: pg.Pool): Sql {
  const numbered = new Map<string, string>();
  return {
    async query(sql: string, params: readonly unknown[]) {
      let text = numbered.get(sql);
      if (text === undefined) {
        let n = 0;
        numbered.set(sql, (text = sql.replace(/\?/g, () => `$${String(++n)}`)));
      }
      const r = await pool.query(text, [...params]);
      return { rows: r.rows as unknown[], changes: r.rowCount ?? 0 };
    },
  };
}

/** Connects to PostgreSQL at `url` and migrates it; the reason in words when it cannot. */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<Result<Store, string>> {
  const location = describeLocation({ engine: 'postgres', url }) + (opts.schema ? ` (schema ${opts.schema})` : '');
  let pool: pg.Pool;
  try {
    pool = postgresPool(url, opts);
  } catch (e) {
    return err(describePostgresError(e, location));
  }
  // An idle connection that fails (a server restart) must not take the process down: the pool drops it.
  pool.on('error', (e) => {
    opts.onError?.(e);
  });
  try {
    await migratePostgres(pool, { schema: opts.schema });
  } catch (e) {
    await pool.end().catch(() => undefined);
    return err(describePostgresError(e, location));
  }
  const now = opts.now ?? Date.now;
  let closed: Promise<void> | undefined;
  return ok({
    ...sharedTables(postgresSql(pool)),
    async ping() {
      await pool.query('SELECT 1');
    },
    runs: runStore(pool),
    subscriptions: subscriptionStore(pool),
    extracts: extractCache(pool, now),
    articles: articleStore(pool),
    feeds: feedStateStore(pool),
    coverage: coverageStore(pool),
    location,
    close: () => (closed ??= pool.end()),
  });
}
