/** Where the deployment config and the database are, for the commands that use them. */
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import type { StoreLocation } from '../store/location.js';
import { DEFAULT_DB_FILE } from '../store/sqlite.js';
import type { Args } from './args.js';

/**
 * The config file (--config, then SITREP_CONFIG, then the bundled default) and the store:
 * PostgreSQL at SITREP_DATABASE_URL, else the SQLite file at SITREP_DB, else var/sitrep.db.
 */
export function files(args: Args, env: Readonly<Record<string, string | undefined>>): { configFile: string; db: StoreLocation } {
  const config = args.config ?? (env.SITREP_CONFIG?.trim() || undefined);
  const url = env.SITREP_DATABASE_URL?.trim() || undefined;
  const file = env.SITREP_DB?.trim() || undefined;
  const db: StoreLocation = url ? { engine: 'postgres', url } : { engine: 'sqlite', file: file ? resolve(file) : DEFAULT_DB_FILE };
  return { configFile: config ? resolve(config) : DEFAULT_CONFIG_FILE, db };
}
