/**
 * The store's engines for contract tests: a real SQLite file, and a real PostgreSQL database in a
 * schema of the test's own, created for it and dropped after it. PostgreSQL is the local server
 * (SITREP_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test); a test fails when it is down.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import type { StoreLocation } from '../../src/store/location.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../temp-dir.js';

export const TEST_DATABASE_URL = process.env.SITREP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Both engines, for `describe.each`. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

const schemas: string[] = [];
const stores: Store[] = [];

afterEach(async () => {
  await Promise.allSettled(stores.splice(0).map((s) => s.close()));
  const drop = schemas.splice(0);
  if (!drop.length) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const s of drop) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
});

/** A new, empty place for a store on `engine`, removed after the test. */
export async function freshLocation(engine: Engine): Promise<StoreLocation> {
  if (engine === 'sqlite') return { engine, file: join(await tempDir(), 'var', 'sitrep.db') };
  const schema = `sitrep_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return { engine, url: TEST_DATABASE_URL, schema };
}

/** Opens the store at `location` (a fresh one when absent), closed after the test. */
export async function openTestStore(engine: Engine, location?: StoreLocation): Promise<{ store: Store; location: StoreLocation }> {
  const where = location ?? (await freshLocation(engine));
  const r = await openStore(where);
  if (!r.ok) throw new Error(r.error);
  stores.push(r.value);
  return { store: r.value, location: where };
}
