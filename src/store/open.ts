/**
 * Which store a command uses: PostgreSQL when SITREP_DATABASE_URL is set (shared by replicas),
 * else the SQLite file at SITREP_DB. PostgreSQL's driver loads only when it is the one.
 */
import type { Result } from '../core/result.js';
import { openSqliteStore } from './sqlite.js';
import type { StoreLocation } from './location.js';
import type { Store } from './store.js';

/** Opens and migrates the store at `location`; the reason in words, with what to do, when it cannot. */
export async function openStore(
  location: StoreLocation,
  opts: { now?: (() => number) | undefined; onError?: (e: Error) => void } = {},
): Promise<Result<Store, string>> {
  if (location.engine === 'sqlite') return openSqliteStore(location.file, opts.now ? { now: opts.now } : {});
  const { openPostgresStore } = await import('./postgres.js');
  return openPostgresStore(location.url, {
    schema: location.schema,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.onError ? { onError: opts.onError } : {}),
  });
}
