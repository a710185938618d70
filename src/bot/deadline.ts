/** Waiting on work with a limit, as a shutdown does. */
import { setTimeout as delay } from 'node:timers/promises';

/** Whether `work` settles within `ms`: `'late'` when it does not (the work goes on; only the wait ends). */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<'done' | 'late'> {
  const timer = new AbortController();
  try {
    return await Promise.race([work.then(() => 'done' as const), delay(ms, 'late' as const, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}
