/**
 * The SQLite schema, as numbered migrations. `PRAGMA user_version` holds the last one applied; each
 * runs in its own transaction at start. Never edit a released migration: add the next one.
 */
import type { Database } from 'better-sqlite3';

/** One step of the schema. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest runs, subscriptions, extract cache',
    sql: `
      CREATE TABLE digest_runs (
        key             TEXT PRIMARY KEY,
        digest_id       TEXT NOT NULL,
        platform        TEXT NOT NULL,
        channel         TEXT NOT NULL,
        subject         TEXT NOT NULL,
        topic           TEXT,
        time_zone       TEXT NOT NULL,
        scheduled_at    INTEGER NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'failed', 'skipped')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        error           TEXT,
        message_id      TEXT,
        owner           TEXT,
        lease_until     INTEGER,
        next_attempt_at INTEGER,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      );
      CREATE INDEX digest_runs_scheduled ON digest_runs (scheduled_at DESC);
      CREATE INDEX digest_runs_claimed ON digest_runs (lease_until) WHERE state = 'claimed';

      CREATE TABLE scheduler_state (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );

      CREATE TABLE subscriptions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        platform   TEXT NOT NULL,
        channel    TEXT NOT NULL,
        subject    TEXT NOT NULL,
        topic      TEXT NOT NULL DEFAULT '',
        cron       TEXT NOT NULL,
        time_zone  TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (platform, channel, subject, topic)
      );

      CREATE TABLE extract_cache (
        hash     TEXT PRIMARY KEY,
        extract  TEXT NOT NULL,
        used_at  INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'ingested articles, feed state, digest coverage',
    sql: `
      CREATE TABLE articles (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        subject    TEXT NOT NULL,
        hash       TEXT NOT NULL,
        headline   TEXT NOT NULL,
        outlets    TEXT NOT NULL,
        published  TEXT,
        added_at   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        signature  BLOB NOT NULL,
        UNIQUE (subject, hash)
      );
      CREATE INDEX articles_added ON articles (subject, added_at);

      CREATE TABLE article_urls (
        subject    TEXT NOT NULL,
        url        TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (subject, url)
      );

      CREATE TABLE feed_state (
        subject       TEXT NOT NULL,
        url           TEXT NOT NULL,
        etag          TEXT,
        last_modified TEXT,
        polled_at     INTEGER NOT NULL,
        error         TEXT,
        PRIMARY KEY (subject, url)
      );

      CREATE TABLE digest_coverage (
        run_key   TEXT PRIMARY KEY,
        digest_id TEXT NOT NULL,
        posted_at INTEGER NOT NULL,
        coverage  TEXT NOT NULL
      );
      CREATE INDEX digest_coverage_latest ON digest_coverage (digest_id, posted_at DESC);
    `,
  },
];

/** The schema version this build expects. */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Why the schema cannot be used. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  readonly code = 'schema-too-new';
  constructor(readonly found: number, readonly latest: number) {
    super(`The database has schema version ${String(found)}, newer than this Sitrep knows (${String(latest)}). Run a newer Sitrep, or point SITREP_DB at another file.`);
  }
}

/** The schema version of `db`. */
export const schemaVersion = (db: Database): number => Number(db.pragma('user_version', { simple: true }));

/** Applies the migrations `db` lacks, each in a transaction; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${String(m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
