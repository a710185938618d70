/** The store in one SQLite file (better-sqlite3): WAL, migrated at open, every write durable when its promise resolves. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database, { type Database as Db } from 'better-sqlite3';
import { err, ok, type Result } from '../core/result.js';
import { migrate } from './migrations.js';
import { coverageWriter, sqliteArticleStore, sqliteCoverageStore, sqliteFeedStateStore } from './sqlite-articles.js';
import { sharedTables, type Sql } from './shared-tables.js';
import { readExtract, toRun, toSubscription } from './rows.js';
import type { NewRun, NewSubscription, RunStore, RunUpdate, Store, SubscriptionStore } from './store.js';

/** The database when SITREP_DB is not set: `var/sitrep.db` in the package (`/app/var` in the image, a volume). */
export const DEFAULT_DB_FILE = fileURLToPath(new URL('../../var/sitrep.db', import.meta.url));

const runParams = (run: NewRun, now: number): Record<string, unknown> => ({
  key: run.key,
  digest_id: run.digestId,
  platform: run.platform,
  channel: run.channel,
  subject: run.subject,
  topic: run.topic ?? null,
  time_zone: run.timeZone,
  scheduled_at: run.scheduledAt,
  now,
});

const INSERT_RUN =
  'INSERT INTO digest_runs (key, digest_id, platform, channel, subject, topic, time_zone, scheduled_at, ' +
  `state, attempts, error, owner, lease_until, created_at, updated_at)
  VALUES (@key, @digest_id, @platform, @channel, @subject, @topic, @time_zone, @scheduled_at, @state, 0, @error, @owner, @lease_until, @now, @now)
  ON CONFLICT (key) DO NOTHING`;

function runStore(db: Db): RunStore {
  const insert = db.prepare(INSERT_RUN);
  const takeOver = db.prepare(`UPDATE digest_runs SET owner = @owner, lease_until = @lease_until, updated_at = @now
    WHERE state = 'claimed' AND (lease_until IS NULL OR lease_until < @now) RETURNING *`);
  const claimed = db.prepare(
    'UPDATE digest_runs SET attempts = @attempts, lease_until = @lease_until, error = COALESCE(@error, error), ' +
      `next_attempt_at = @next_attempt_at, updated_at = @now
    WHERE key = @key AND owner = @owner AND state = 'claimed'`,
  );
  const finished = db.prepare(
    'UPDATE digest_runs SET state = @state, attempts = @attempts, error = @error, message_id = @message_id, ' +
      `lease_until = NULL, next_attempt_at = NULL, updated_at = @now
    WHERE key = @key AND owner = @owner AND state = 'claimed'`,
  );
  const digestOf = db.prepare<[string], { digest_id: string }>('SELECT digest_id FROM digest_runs WHERE key = ?');
  const writeCoverage = coverageWriter(db);
  // The run's outcome and what its digest covered are one write: a crash never keeps one without the other.
  const finish = db.transaction((key: string, owner: string, change: Exclude<RunUpdate, { state: 'claimed' }>, now: number): boolean => {
    const r = finished.run({
      key,
      owner,
      now,
      state: change.state,
      attempts: change.attempts,
      error: change.state === 'posted' ? null : change.error,
      message_id: change.state === 'posted' ? change.messageId : null,
    });
    if (r.changes === 1 && change.state === 'posted' && change.coverage) writeCoverage(key, digestOf.get(key)?.digest_id ?? '', now, change.coverage);
    return r.changes === 1;
  });
  const getState = db.prepare<[string], { value: number }>('SELECT value FROM scheduler_state WHERE name = ?');
  const setState = db.prepare('INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  return {
    claim: (run, owner, leaseUntil, now) =>
      Promise.resolve(insert.run({ ...runParams(run, now), state: 'claimed', error: null, owner, lease_until: leaseUntil }).changes === 1),
    skip: (run, reason, now) =>
      Promise.resolve(insert.run({ ...runParams(run, now), state: 'skipped', error: reason, owner: null, lease_until: null }).changes === 1),
    takeOver: (now, owner, leaseUntil) => Promise.resolve(takeOver.all({ now, owner, lease_until: leaseUntil }).map(toRun)),
    update(key: string, owner: string, change: RunUpdate, now: number) {
      if (change.state === 'claimed') {
        const r = claimed.run({
          key,
          owner,
          now,
          attempts: change.attempts,
          lease_until: change.leaseUntil,
          error: change.error ?? null,
          next_attempt_at: change.nextAttemptAt ?? null,
        });
        return Promise.resolve(r.changes === 1);
      }
      return Promise.resolve(finish(key, owner, change, now));
    },
    list(filter = {}) {
      const states = filter.states ?? [];
      const where = states.length ? `WHERE state IN (${states.map(() => '?').join(', ')})` : '';
      const rows = db.prepare(`SELECT * FROM digest_runs ${where} ORDER BY scheduled_at DESC, key LIMIT ?`).all(...states, filter.limit ?? 50);
      return Promise.resolve(rows.map(toRun));
    },
    checkedUntil: () => Promise.resolve(getState.get('checked_until')?.value),
    setCheckedUntil: (instant) => {
      setState.run('checked_until', instant);
      return Promise.resolve();
    },
  };
}

function subscriptionStore(db: Db): SubscriptionStore {
  const upsert = db.prepare(
    `INSERT INTO subscriptions (platform, channel, subject, topic, cron, time_zone, created_by, created_at)
    VALUES (@platform, @channel, @subject, @topic, @cron, @time_zone, @created_by, @created_at)
    ON CONFLICT (platform, channel, subject, topic) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, ` +
      `created_by = excluded.created_by, created_at = excluded.created_at
    RETURNING *`,
  );
  return {
    add(sub: NewSubscription) {
      const row = upsert.get({
        platform: sub.platform,
        channel: sub.channel,
        subject: sub.subject,
        topic: sub.topic ?? '',
        cron: sub.cron,
        time_zone: sub.timeZone,
        created_by: sub.createdBy,
        created_at: sub.createdAt,
      });
      return Promise.resolve(toSubscription(row));
    },
    remove(where) {
      const byTopic = where.topic === undefined ? '' : 'AND topic = @topic';
      const rows = db
        .prepare(`DELETE FROM subscriptions WHERE platform = @platform AND channel = @channel AND subject = @subject ${byTopic} RETURNING *`)
        .all({ platform: where.platform, channel: where.channel, subject: where.subject, ...(where.topic === undefined ? {} : { topic: where.topic }) });
      return Promise.resolve(rows.map(toSubscription).sort((a, b) => a.id - b.id));
    },
    list(where = {}) {
      const clauses = [where.platform === undefined ? '' : 'platform = @platform', where.channel === undefined ? '' : 'channel = @channel'].filter(Boolean);
      const rows = db.prepare(`SELECT * FROM subscriptions ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id`).all(where);
      return Promise.resolve(rows.map(toSubscription));
    },
  };
}

function extractCache(db: Db, now: () => number): Store['extracts'] {
  const get = db.prepare<[string], { extract: string }>('SELECT extract FROM extract_cache WHERE hash = ?');
  const touch = db.prepare('UPDATE extract_cache SET used_at = ? WHERE hash = ?');
  const put = db.prepare(
    'INSERT INTO extract_cache (hash, extract, used_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (hash) DO UPDATE SET extract = excluded.extract, used_at = excluded.used_at',
  );
  const prune = db.prepare('DELETE FROM extract_cache WHERE used_at < ?');
  return {
    get(hash) {
      const row = get.get(hash);
      if (row) touch.run(now(), hash);
      return Promise.resolve(row ? readExtract(row.extract) : undefined);
    },
    put(hash, extract) {
      put.run(hash, JSON.stringify(extract), now());
      return Promise.resolve();
    },
    prune: (before) => Promise.resolve(prune.run(before).changes),
  };
}

/**
 * better-sqlite3 works synchronously, so an error (a busy database, a row that fails its check)
 * would be thrown before a promise exists: each method hands it back as a rejected promise instead,
 * as the PostgreSQL store does.
 */
function rejecting<T extends object>(methods: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(methods)) {
    out[name] =
      typeof f === 'function'
        ? (...args: unknown[]): Promise<unknown> => {
            try {
              return Promise.resolve((f as (...a: unknown[]) => unknown)(...args));
            } catch (e) {
              return Promise.reject(e instanceof Error ? e : new Error(String(e)));
            }
          }
        : f;
  }
  return out as T;
}

/** Statements with `?` placeholders, prepared once each. */
function sqliteSql(db: Db): Sql {
  const prepared = new Map<string, Database.Statement>();
  return {
    query(sql: string, params: readonly unknown[]) {
      let st = prepared.get(sql);
      if (!st) prepared.set(sql, (st = db.prepare(sql)));
      if (st.reader) return Promise.resolve({ rows: st.all(...params), changes: 0 });
      return Promise.resolve({ rows: [], changes: st.run(...params).changes });
    },
  };
}

/** Opens (creating it and its folder if need be) and migrates the store at `path`; the reason in words when it cannot. */
export function openSqliteStore(path: string, opts: { now?: () => number } = {}): Result<Store, string> {
  let db: Db | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // Another instance on the same file (an overlapping redeploy) waits for a lock instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    migrate(db);
  } catch (e) {
    db?.close();
    const code = (e as NodeJS.ErrnoException).code;
    const why = e instanceof Error ? e.message : String(e);
    const fix = 'Set SITREP_DB to a writable path, or mount a writable volume at its folder.';
    if (code === 'EACCES' || code === 'EROFS') return err(`Cannot create the database at ${path}: no permission to write there (${code}). ${fix}`);
    if (code === 'ENOTDIR' || code === 'EEXIST')
      return err(`Cannot create the database at ${path}: a file stands where its folder should be (${code}). ${fix}`);
    return err(`Cannot open the database at ${path}: ${why}`);
  }
  const open = db;
  const now = opts.now ?? Date.now;
  return ok({
    ...sharedTables(sqliteSql(open)),
    ping: () => Promise.resolve(),
    runs: rejecting(runStore(open)),
    subscriptions: rejecting(subscriptionStore(open)),
    extracts: rejecting(extractCache(open, now)),
    articles: rejecting(sqliteArticleStore(open)),
    feeds: rejecting(sqliteFeedStateStore(open)),
    coverage: rejecting(sqliteCoverageStore(open)),
    location: path,
    close() {
      if (open.open) open.close();
      return Promise.resolve();
    },
  });
}
