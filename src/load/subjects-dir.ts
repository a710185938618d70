/** The folder of subjects: each `<root>/<name>/` is one. Cheap to import: no parser loads with it. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../core/result.js';
import { loadError, type LoadError } from './load-error.js';

/**
 * The bundled subjects, found from this file (src/load or dist/load, both two levels below the
 * package root) so the bin works from any working directory.
 */
export const BRIEFINGS_DIR = fileURLToPath(new URL('../../briefings', import.meta.url));

/** Names of the subjects under `root`, sorted. */
export async function listSubjects(root: string = BRIEFINGS_DIR): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The folder of subject `name` under `root`; an unknown name is an error listing the known ones. */
export async function findSubject(name: string, root: string = BRIEFINGS_DIR): Promise<Result<string, LoadError>> {
  const known = await listSubjects(root);
  if (known.includes(name)) return ok(join(root, name));
  const list = known.length ? `Known subjects: ${known.join(', ')}.` : `There are no subjects in ${root}.`;
  return err(loadError('unknown-subject', `No subject '${name}'. ${list} To brief any folder of articles, use --articles DIR.`));
}
