/**
 * The replica tables (heartbeats, leases, subject versions) and installations, written once for both engines over a
 * small query interface: their SQL is the same in SQLite and PostgreSQL but for placeholders.
 */
import type { InstallationStore, LeaseStore, Replica, ReplicaStore, SeenRequestStore, Store, SubjectVersionStore } from './store.js';

/** One statement with `?` placeholders: the rows it returns, and how many rows it changed. */
export interface Sql {
  query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; changes: number }>;
}

interface ReplicaRow {
  id: string;
  host: string;
  pid: number;
  version: string;
  started_at: number;
  seen_at: number;
}

export function replicaStore(sql: Sql): ReplicaStore {
  return {
    async beat(r, now) {
      await sql.query(
        `INSERT INTO replicas (id, host, pid, version, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at`,
        [r.id, r.host, r.pid, r.version, r.startedAt, now],
      );
    },
    async list(since) {
      const rows = (await sql.query('SELECT * FROM replicas WHERE seen_at >= ? ORDER BY started_at, id', [since])).rows as ReplicaRow[];
      return rows.map((r): Replica => ({ id: r.id, host: r.host, pid: r.pid, version: r.version, startedAt: r.started_at, seenAt: r.seen_at }));
    },
    async leave(id) {
      await sql.query('DELETE FROM replicas WHERE id = ?', [id]);
    },
  };
}

function leaseStore(sql: Sql): LeaseStore {
  return {
    // One statement: taken when free, run out, or already this owner's; the row lock settles a race.
    acquire: async (name, owner, until, now) =>
      (
        await sql.query(
          `INSERT INTO leases (name, owner, held_until) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, held_until = excluded.held_until
      WHERE leases.held_until < ? OR leases.owner = excluded.owner`,
          [name, owner, until, now],
        )
      ).changes === 1,
    async release(name, owner) {
      await sql.query('DELETE FROM leases WHERE name = ? AND owner = ?', [name, owner]);
    },
  };
}

function subjectVersionStore(sql: Sql): SubjectVersionStore {
  return {
    async bump(subject, now) {
      const { rows } = await sql.query(
        `INSERT INTO subject_versions (subject, version, changed_at) VALUES (?, 1, ?)
        ON CONFLICT (subject) DO UPDATE SET version = subject_versions.version + 1, changed_at = excluded.changed_at RETURNING version`,
        [subject, now],
      );
      return (rows as { version: number }[])[0]?.version ?? 0;
    },
    async all() {
      const rows = (await sql.query('SELECT subject, version FROM subject_versions', [])).rows as { subject: string; version: number }[];
      return new Map(rows.map((r) => [r.subject, r.version]));
    },
  };
}

function installationStore(sql: Sql): InstallationStore {
  return {
    async put(platform, id, sealed, now) {
      await sql.query(
        `INSERT INTO installations (platform, id, sealed, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (platform, id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
        [platform, id, sealed, now],
      );
    },
    async get(platform, id) {
      const rows = (await sql.query('SELECT sealed FROM installations WHERE platform = ? AND id = ?', [platform, id])).rows as { sealed: string }[];
      return rows[0]?.sealed;
    },
    remove: async (platform, id) => (await sql.query('DELETE FROM installations WHERE platform = ? AND id = ?', [platform, id])).changes === 1,
    async count(platform) {
      const rows = (await sql.query('SELECT count(*) AS n FROM installations WHERE platform = ?', [platform])).rows as { n: number }[];
      return rows[0]?.n ?? 0;
    },
  };
}

function seenRequestStore(sql: Sql): SeenRequestStore {
  let forgotAt = 0;
  return {
    async firstSight(key, ts, forgetBefore) {
      // Old entries go in one sweep a minute, not one per request.
      if (forgetBefore - forgotAt >= 60) {
        forgotAt = forgetBefore;
        await sql.query('DELETE FROM seen_requests WHERE ts < ?', [forgetBefore]);
      }
      return (await sql.query('INSERT INTO seen_requests (key, ts) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, ts])).changes === 1;
    },
  };
}

/** Every table written once for both engines, over `sql`. */
export const sharedTables = (sql: Sql): Pick<Store, 'installations' | 'seenRequests' | 'replicas' | 'leases' | 'subjectVersions'> => ({
  installations: installationStore(sql),
  seenRequests: seenRequestStore(sql),
  replicas: replicaStore(sql),
  leases: leaseStore(sql),
  subjectVersions: subjectVersionStore(sql),
});
