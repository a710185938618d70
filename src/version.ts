/** The installed version, from the package.json beside `src/` or `dist/`. */
import { readFileSync } from 'node:fs';

let read: string | undefined;

/** Sitrep's version, read once. */
export function sitrepVersion(): string {
  if (read === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    read = pkg.version ?? 'unknown';
  }
  return read;
}
