/**
 * What both platforms' endpoints refuse besides a bad signature: a request whose signed timestamp
 * is more than 5 minutes from our clock either way, and the same signed request a second time.
 */

/** How far a request's timestamp may be from our clock, either way (Slack's rule, applied to Discord too). */
export const MAX_SKEW_SECONDS = 5 * 60;

/** Why a signed timestamp is refused, or undefined when it is within the window. */
export function outsideWindow(ts: number, nowSec: number): 'stale' | 'future' | undefined {
  if (ts < nowSec - MAX_SKEW_SECONDS) return 'stale';
  if (ts > nowSec + MAX_SKEW_SECONDS) return 'future';
  return undefined;
}

/**
 * Replicas behind one load balancer share what they saw: true the first time any replica records
 * `key`. When the shared record cannot be reached, a request counts as new (this replica's own
 * memory still refuses what it saw).
 */
export type FirstSight = (key: string, ts: number, forgetBefore: number) => Promise<boolean>;

/** Asks `shared`, if any, whether a signed request is new; unreachable counts as new. */
export async function firstSightShared(shared: FirstSight | undefined, key: string, ts: number, forgetBefore: number): Promise<boolean> {
  if (!shared) return true;
  try {
    return await shared(key, ts, forgetBefore);
  } catch {
    return true;
  }
}

/** Signatures seen within the accepted window; older ones expire, since their timestamps are refused anyway. */
export class ReplayCache {
  /** Only the platform can sign, so this is far more than it sends in a window; it bounds memory all the same. */
  private static readonly MAX = 100_000;
  private readonly seen = new Map<string, number>();

  /** Records a signature; false when it was already there. */
  add(signature: string, ts: number, nowSec: number): boolean {
    this.expire(nowSec);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, ts);
    return true;
  }

  private expire(nowSec: number): void {
    // Map order is arrival order, close to timestamp order: drop expired entries from the front.
    for (const [sig, ts] of this.seen) {
      if (ts >= nowSec - MAX_SKEW_SECONDS && this.seen.size < ReplayCache.MAX) break;
      this.seen.delete(sig);
    }
  }
}
