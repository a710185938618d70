/** A look at a SQLite store without changing it, for `sitrep doctor`: does it exist, can it be written, which schema, what is in it. */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, schemaVersion } from './migrations.js';

/** What `inspectSqliteStore` found. */
export type StoreInspection =
  | { state: 'missing'; creatable: boolean; folder: string }
  | { state: 'unreadable'; reason: string }
  | { state: 'present'; writable: boolean; version: number; latest: number; runs: number; failedSince: number; subscriptions: number };

/** The nearest folder of `path` that exists. */
function existingAncestor(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const canWrite = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Inspects the store at `path` read-only; counts failed runs scheduled since `failedAfter`. */
export function inspectSqliteStore(path: string, failedAfter: number): StoreInspection {
  if (!existsSync(path)) {
    const folder = existingAncestor(path);
    return { state: 'missing', creatable: canWrite(folder), folder };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = schemaVersion(db);
    const has = (table: string): boolean => db?.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    const count = (sql: string, ...args: unknown[]): number => db?.prepare<unknown[], { n: number }>(sql).get(...args)?.n ?? 0;
    return {
      state: 'present',
      writable: canWrite(path) && canWrite(dirname(path)),
      version,
      latest: LATEST_VERSION,
      runs: has('digest_runs') ? count('SELECT count(*) AS n FROM digest_runs') : 0,
      failedSince: has('digest_runs') ? count("SELECT count(*) AS n FROM digest_runs WHERE state = 'failed' AND scheduled_at >= ?", failedAfter) : 0,
      subscriptions: has('subscriptions') ? count('SELECT count(*) AS n FROM subscriptions') : 0,
    };
  } catch (e) {
    return { state: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}
