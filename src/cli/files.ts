/** Where the deployment config and the database are, for the commands that use them. */
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../config/load-config.js';
import { DEFAULT_DB_FILE } from '../store/sqlite.js';
import type { Args } from './args.js';

/** The config and database files: --config, then SITREP_CONFIG, then the bundled default; SITREP_DB, then var/sitrep.db. */
export function files(args: Args, env: Readonly<Record<string, string | undefined>>): { configFile: string; dbFile: string } {
  const config = args.config ?? (env.SITREP_CONFIG?.trim() || undefined);
  const db = env.SITREP_DB?.trim() || undefined;
  return { configFile: config ? resolve(config) : DEFAULT_CONFIG_FILE, dbFile: db ? resolve(db) : DEFAULT_DB_FILE };
}
