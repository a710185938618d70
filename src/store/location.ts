/** Where the store lives, and how to name it without its secrets. */

/** Where the store lives. */
export type StoreLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; schema?: string | undefined };

/** The location in words, for messages: the file, or the URL without its password. */
export function describeLocation(location: StoreLocation): string {
  if (location.engine === 'sqlite') return location.file;
  try {
    const u = new URL(location.url);
    if (u.password) u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
