/**
 * Posts digests on schedule, once each, across restarts, crashes and redeploys.
 *
 * A node-cron ticker runs a sweep every minute. A sweep takes every run due since the last one
 * (the store keeps that instant), claims it in the store under a lease, then posts it with its
 * run key and records the outcome. Runs missed while the bot was down are caught up when they are
 * within the grace window, and recorded as skipped otherwise. A claim whose lease ran out (its
 * instance died mid-post) is taken over and posted again with the same key, which the platform
 * uses to refuse a duplicate.
 *
 * What holds in each failure window:
 * - Down when a run fell due (or killed before claiming it): the next start finds it; posted if at
 *   most `graceMs` late, else recorded `skipped` with a warning. Never lost silently.
 * - Killed after claiming, before sending: taken over within two leases (a minute by default), posted once.
 * - Killed after the platform took the message, before recording it: posted again under the same
 *   key. Discord refuses the duplicate (nonce + enforce_nonce, remembered a few minutes); Slack
 *   does when its adapter checks the channel's recent messages for the key in their metadata; the
 *   console prints it twice. Past the grace window it is recorded `failed` ("may have been posted").
 * - Killed after recording: never posted again; the store refuses a second claim of a key.
 * - Failing posts: retried with exponential backoff, never sooner than a 429's Retry-After; a 4xx
 *   is not retried; after the last try the run is `failed` with the reason.
 * - SIGTERM: posts in flight finish and are recorded; a retry wait is abandoned and its claim
 *   released, so the next start resumes it at once.
 * - Two instances on one database: the run key is the primary key, so one claims and posts.
 */
import { randomUUID } from 'node:crypto';
import { schedule, type ScheduledTask } from 'node-cron';
import type { PostError, Posted } from './post-outcome.js';
import type { Coverage } from '../core/briefing/changes.js';
import { err, type Result } from '../core/result.js';
import type { Logger } from '../log.js';
import type { NewRun, RunStore } from '../store/store.js';
import { cronOf, runsBetween, type Cron } from './cron.js';
import { runOf, type Digest } from './digest.js';
import { describePostError, isRetryable, retryDelay, type RetryPolicy } from './retry.js';
import { formatDuration, formatLocal } from './wall-clock.js';

/** How the scheduler behaves. */
export interface SchedulerOptions extends RetryPolicy {
  /** A run missed while the bot was down is posted on start if it is at most this late, else skipped. */
  graceMs: number;
  /** How long a claim holds before another instance may take the run over; longer than any one post. */
  leaseMs?: number | undefined;
  /** How far before the grace window missed runs are still looked for, to be logged and recorded as skipped. */
  lookbackMs?: number | undefined;
}

/** What the scheduler is made from. */
export interface SchedulerDeps {
  runs: RunStore;
  /** The digests to run now: config and subscriptions, on platforms that are running. Asked at every sweep. */
  digests: () => Promise<Digest[]>;
  /** Posts `digest` under the run `key`. */
  post: (digest: Digest, key: string) => Promise<Result<DigestPosted, PostError>>;
  logger: Logger;
  options: SchedulerOptions;
  now?: () => number;
  /** This instance's name in claims; random by default. */
  instance?: string | undefined;
  /** While true, sweeps claim nothing (the database does not answer); posts in flight go on. */
  paused?: (() => boolean) | undefined;
  /**
   * Resolves once whoever watches the database (and answers `paused`) has looked at it again: a pass
   * that fails waits for it, to tell an outage, said once by the watcher, from a failure of its own.
   */
  databaseChecked?: (() => Promise<void>) | undefined;
}

/**
 * A digest's outcome: posted (with what it covered, recorded with the run), or deliberately not
 * posted (`skipped` says why: nothing new, and the digest is set to skip then).
 */
interface DigestPosted extends Posted {
  coverage?: Coverage | undefined;
  skipped?: string | undefined;
}

/** The running scheduler. */
export interface Scheduler {
  /** Takes over interrupted runs, catches up missed ones, and starts the minute ticker. */
  start(): Promise<void>;
  /** One pass: claims and starts every run due, takes over abandoned claims. The ticker calls it; tests may too. */
  sweep(): Promise<void>;
  /** Stops the ticker and retry waits (their runs stay claimed for the next start) and waits for posts in flight. */
  stop(): Promise<void>;
  /** Resolves when no post is in flight or waiting to retry. */
  idle(): Promise<void>;
}

const MINUTE = 60_000;
/**
 * Default lease. It is renewed every third of itself while a post is in flight, so a slow post
 * keeps its claim; a crashed instance's claim is taken over within two leases (a minute at most),
 * inside the few minutes Discord remembers a nonce.
 */
const DEFAULT_LEASE_MS = 30_000;
/**
 * How often the checked-until instant is written. Lagging is harmless: a restart re-examines a few
 * minutes whose runs are already recorded, and the store refuses to record them twice.
 */
const CHECKPOINT_MS = 5 * MINUTE;
/** Default look-back beyond the grace window: a day of missed runs is listed, not more. */
const DEFAULT_LOOKBACK_MS = 24 * 60 * MINUTE;

/** A scheduler over `deps`; nothing runs until `start`. */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { runs, logger, options } = deps;
  const clock = deps.now ?? Date.now;
  const owner = deps.instance ?? randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const lookbackMs = options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const crons = new Map<string, Cron>();
  const inFlight = new Map<string, Promise<void>>();
  const waits = new Map<string, () => void>();
  let ticker: ScheduledTask | undefined;
  let recovery: NodeJS.Timeout | undefined;
  let stopping = false;
  let sweeping: Promise<void> = Promise.resolve();

  const cron = (expression: string): Cron => {
    let c = crons.get(expression);
    if (!c) crons.set(expression, (c = cronOf(expression)));
    return c;
  };
  const fields = (run: NewRun): Record<string, unknown> => ({
    digest: run.digestId,
    key: run.key,
    platform: run.platform,
    channel: run.channel,
    scheduled: formatLocal(run.scheduledAt, run.timeZone),
  });

  /** Waits `ms`, or less if the scheduler stops; true when the wait ran its course. */
  const wait = (key: string, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(key);
        resolve(true);
      }, ms);
      waits.set(key, () => {
        clearTimeout(timer);
        waits.delete(key);
        resolve(false);
      });
    });

  /** Posts a claimed run until it is posted, refused, or out of tries; `tried` tries were made before. */
  async function deliver(digest: Digest, run: NewRun, tried: number): Promise<void> {
    let attempts = tried;
    const maxAttempts = Math.max(options.attempts, tried + 1);
    for (;;) {
      if (stopping) return;
      attempts++;
      const renew = (): Promise<boolean> => runs.update(run.key, owner, { state: 'claimed', attempts, leaseUntil: clock() + leaseMs }, clock());
      await renew();
      const renewing = setInterval(
        () => {
          renew().catch(() => undefined);
        },
        Math.max(1000, Math.floor(leaseMs / 3)),
      );
      const r = await deps
        .post(digest, run.key)
        .catch((e: unknown) => err<PostError>({ code: 'unavailable', message: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          clearInterval(renewing);
        });
      if (r.ok && r.value.skipped !== undefined) {
        await runs.update(run.key, owner, { state: 'skipped', attempts, error: r.value.skipped }, clock());
        logger.info({ ...fields(run), reason: r.value.skipped }, `digests: ${run.digestId} not posted: ${r.value.skipped}`);
        return;
      }
      if (r.ok) {
        const kept = await runs.update(run.key, owner, { state: 'posted', attempts, messageId: r.value.messageId, coverage: r.value.coverage }, clock());
        logger.info({ ...fields(run), attempts, messageId: r.value.messageId }, `digests: posted ${run.digestId} to ${run.platform} ${run.channel}`);
        if (!kept)
          logger.warn(
            fields(run),
            'digests: another instance took this run over while it was posting; the platform was given the same key to refuse a duplicate',
          );
        return;
      }
      const reason = describePostError(r.error);
      if (!isRetryable(r.error) || attempts >= maxAttempts) {
        const error = `${reason} (gave up after ${String(attempts)} ${attempts === 1 ? 'try' : 'tries'})`;
        await runs.update(run.key, owner, { state: 'failed', attempts, error }, clock());
        logger.error({ ...fields(run), attempts, reason }, `digests: ${run.digestId} failed: ${error}`);
        return;
      }
      const delay = retryDelay(options, attempts, r.error);
      const now = clock();
      await runs.update(run.key, owner, { state: 'claimed', attempts, error: reason, nextAttemptAt: now + delay, leaseUntil: now + delay + leaseMs }, now);
      logger.warn(
        { ...fields(run), attempts, reason, retryIn: formatDuration(delay) },
        `digests: posting ${run.digestId} failed; trying again in ${formatDuration(delay)}`,
      );
      if (!(await wait(run.key, delay))) {
        // Stopping: hand the run to the next start at once instead of after the lease.
        await runs.update(run.key, owner, { state: 'claimed', attempts, error: reason, nextAttemptAt: now + delay, leaseUntil: clock() }, clock());
        return;
      }
    }
  }

  function launch(digest: Digest, run: NewRun, tried: number): void {
    if (inFlight.has(run.key)) return;
    const p = deliver(digest, run, tried)
      .catch((e: unknown) => {
        logger.error({ ...fields(run), err: e }, 'digests: recording a run failed');
      })
      .finally(() => inFlight.delete(run.key));
    inFlight.set(run.key, p);
  }

  /** Claims or skips every run of `digest` in `(from, now]`. */
  async function due(digest: Digest, from: number, now: number): Promise<void> {
    for (const at of runsBetween(cron(digest.cron), digest.timeZone, Math.max(from, digest.since ?? from), now)) {
      const run = runOf(digest, at);
      const late = now - at;
      if (late > options.graceMs) {
        const reason =
          `missed: the bot was not running at ${formatLocal(at, digest.timeZone)}, ` +
          `and ${formatDuration(late)} late is beyond the ${formatDuration(options.graceMs)} grace window`;
        if (await runs.skip(run, reason, now)) logger.warn({ ...fields(run), late: formatDuration(late) }, `digests: skipped ${run.digestId}: ${reason}`);
        continue;
      }
      if (!(await runs.claim(run, owner, now + leaseMs, now))) continue;
      if (late >= MINUTE)
        logger.info(
          { ...fields(run), late: formatDuration(late) },
          `digests: catching up ${run.digestId}, missed while the bot was down ` +
            `(${formatDuration(late)} late, within the ${formatDuration(options.graceMs)} grace window)`,
        );
      launch(digest, run, 0);
    }
  }

  /** Resumes runs whose instance stopped mid-post: posted again with the same key, unless too late. */
  async function recover(digests: () => Promise<Digest[]>, now: number): Promise<void> {
    const taken = await runs.takeOver(now, owner, now + leaseMs);
    if (!taken.length) return;
    const byId = new Map((await digests()).map((d) => [d.id, d]));
    for (const run of taken) {
      if (inFlight.has(run.key)) continue;
      const digest = byId.get(run.digestId);
      const late = now - run.scheduledAt;
      // Another replica may know a digest this one does not (a rolling deploy that adds it): the
      // claim is left for it until the grace window ends, and fails only then.
      if (!digest && late <= options.graceMs) {
        await runs.update(run.key, owner, { state: 'claimed', attempts: run.attempts, leaseUntil: now - 1 }, now);
        logger.debug(fields(run), `digests: ${run.digestId} is not a digest of this replica; leaving its interrupted run to one that has it`);
        continue;
      }
      let why: string | undefined;
      if (!digest) why = 'its digest is no longer configured (removed from the config, unsubscribed, or its platform is not running)';
      else if (late > options.graceMs)
        why = `the bot stopped while posting it, and ${formatDuration(late)} late is beyond the ${formatDuration(options.graceMs)} grace window`;
      if (why || !digest) {
        const error = `interrupted: ${why ?? ''}; it may or may not have been posted (check the channel)${run.error ? `; last error: ${run.error}` : ''}`;
        await runs.update(run.key, owner, { state: 'failed', attempts: run.attempts, error }, now);
        logger.error(fields(run), `digests: ${run.digestId} failed: ${error}`);
        continue;
      }
      logger.warn(
        { ...fields(run), attempts: run.attempts },
        `digests: resuming ${run.digestId}, interrupted while posting; posting again under the same key so the platform can refuse a duplicate`,
      );
      launch(digest, run, run.attempts);
    }
  }

  async function pass(): Promise<void> {
    if (stopping || deps.paused?.()) return;
    const now = clock();
    const digests = await deps.digests();
    const last = await runs.checkedUntil();
    const horizon = now - options.graceMs - lookbackMs;
    let from = last ?? now;
    if (from < horizon) {
      logger.warn(
        { since: new Date(from).toISOString() },
        `digests: no runs were checked since ${new Date(from).toISOString()}; runs before ${new Date(horizon).toISOString()} are not looked for`,
      );
      from = horizon;
    }
    for (const d of digests) await due(d, from, now);
    // Only once every due run is claimed or skipped: a crash before this re-examines the same window.
    if (last === undefined || now - last >= CHECKPOINT_MS) await runs.setCheckedUntil(now);
    await recover(() => Promise.resolve(digests), now);
  }

  /**
   * Reports a pass that threw. One cut short by the database's going away is no failure of its own:
   * whoever watches the database (`paused`) says that once.
   */
  const failed =
    (what: string) =>
    async (e: unknown): Promise<void> => {
      // A pass can fail before the watcher sees the database go: it is asked once more.
      if (!stopping && !deps.paused?.()) await deps.databaseChecked?.();
      if (deps.paused?.()) logger.debug({ err: e }, `digests: ${what} stopped; the database does not answer`);
      else logger.error({ err: e }, `digests: ${what} failed; the next one retries`);
    };

  /** Between sweeps: claims whose instance died are taken over within about two leases, not at the next minute. */
  const recoverSoon = (): Promise<void> => {
    sweeping = sweeping.then(() => (stopping || deps.paused?.() ? undefined : recover(deps.digests, clock()))).catch(failed('looking for interrupted runs'));
    return sweeping;
  };

  const sweep = (): Promise<void> => {
    // One pass at a time; a tick during a slow pass waits its turn.
    sweeping = sweeping.then(pass).catch(failed('a scheduler pass'));
    return sweeping;
  };

  return {
    async start() {
      stopping = false;
      await sweep();
      ticker = schedule('* * * * *', () => sweep(), { name: 'sitrep-digests', noOverlap: true, missedExecutionTolerance: 30_000, suppressMissedWarning: true });
      recovery = setInterval(
        () => {
          void recoverSoon();
        },
        Math.min(Math.max(leaseMs, 1000), MINUTE),
      );
    },
    sweep,
    async stop() {
      stopping = true;
      clearInterval(recovery);
      recovery = undefined;
      await ticker?.destroy();
      ticker = undefined;
      for (const cancel of [...waits.values()]) cancel();
      await sweeping;
      await Promise.all([...inFlight.values()]);
    },
    async idle() {
      await sweeping;
      while (inFlight.size) await Promise.all([...inFlight.values()]);
    },
  };
}
