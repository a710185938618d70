/** How a stored article is recognised: its content hash, its MinHash signature, its outlets and its file name in a set. */
import { createHash } from 'node:crypto';
import { signatureOf, wordsOf, type Signature } from '../core/articles/near-duplicates.js';
import type { Article } from '../core/model.js';
import type { Outlet } from './store.js';

/** An article's body as one text: what two copies of a story share (headline, header lines and furniture left out). */
export const bodyText = (a: Pick<Article, 'body'>): string => a.body.map((p) => p.text).join('\n');

/** SHA-256 of the body's words, lower-case: the same article twice has the same hash, however it was laid out. */
export const contentHash = (a: Pick<Article, 'body'>): string =>
  createHash('sha256')
    .update(wordsOf(bodyText(a)).join(' '))
    .digest('hex');

/** The MinHash signature of the body, for near-duplicates. */
export const bodySignature = (a: Pick<Article, 'body'>): Signature => signatureOf(bodyText(a));

/** "AP (also El Universo, Primicias)": the first outlet, and the wire copies folded into it. */
export function outletLabel(outlets: readonly Outlet[]): string | undefined {
  const [first, ...rest] = outletNames(outlets);
  if (!first) return undefined;
  return rest.length ? `${first} (also ${rest.join(', ')})` : first;
}

/** The outlets' names, each once (one outlet's page kept under two addresses is one outlet); its host where an outlet has no name. */
export function outletNames(outlets: readonly Outlet[]): string[] {
  return [...new Set(outlets.map((o) => o.outlet ?? hostOf(o.url)).filter((n): n is string => Boolean(n)))];
}

/** A url's host without `www.`. */
export function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** The file name a stored article goes by in a set (and in citations): its host and a short hash, stable. */
export function storedFileName(a: { hash: string; outlets: readonly Outlet[] }): string {
  const host = hostOf(a.outlets[0]?.url)?.replace(/[^a-z0-9.-]+/gi, '-') ?? 'added';
  return `${host}-${a.hash.slice(0, 10)}.txt`;
}
