/**
 * This replica's presence in the store: a heartbeat row (so `sitrep doctor` lists the replicas),
 * which doubles as the database check. While the database does not answer, the replica says so
 * once, stops claiming digests (the scheduler asks `databaseUp`), keeps answering commands from
 * what it has loaded, and says so again when the database is back.
 */
import { hostname } from 'node:os';
import type { Logger } from '../log.js';
import { formatDuration } from '../schedule/wall-clock.js';
import type { Store } from '../store/store.js';
import { settlesWithin } from './deadline.js';

/** How often the heartbeat is written; a replica not seen for three beats is listed as gone. */
export const HEARTBEAT_MS = 10_000;

/** How long stopping waits for a heartbeat in flight. */
const STOP_WAIT_MS = 2000;

/** What /healthz reports of the database. */
interface DatabaseHealth {
  database: 'ok' | 'unreachable';
  /** Since when it does not answer (ISO). */
  since?: string | undefined;
}

/** The running presence. */
export interface Presence {
  /** Whether the database answered at the last beat. */
  databaseUp(): boolean;
  health(): DatabaseHealth;
  /** One beat now (the timer calls it; tests may too). */
  beat(): Promise<void>;
  /** Resolves when the beat in flight, or else the next one, has ended: the database looked at after now. At once when not beating. */
  nextBeat(): Promise<void>;
  start(): Promise<void>;
  /** Stops beating and removes this replica's row (when the database answers). */
  stop(): Promise<void>;
}

/** A presence for replica `instance`; nothing runs until `start`. */
export function createPresence(deps: {
  store: Store;
  instance: string;
  version: string;
  logger: Logger;
  now: () => number;
  everyMs?: number | undefined;
}): Presence {
  const { store, logger, now } = deps;
  const startedAt = now();
  const me = { id: deps.instance, host: hostname(), pid: process.pid, version: deps.version, startedAt };
  let downSince: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let started = false;
  let beating: Promise<void> = Promise.resolve();
  /** Who waits for the end of the beat in flight, or else the next. */
  let waiting: (() => void)[] = [];
  const release = (): void => {
    const waiters = waiting;
    waiting = [];
    for (const w of waiters) w();
  };

  async function beatOnce(): Promise<void> {
    try {
      await store.replicas.beat(me, now());
      if (downSince !== undefined) {
        logger.info(`database: back after ${formatDuration(now() - downSince)}; claiming digests again`);
        downSince = undefined;
      }
    } catch (e) {
      if (downSince === undefined) {
        downSince = now();
        logger.error(
          { err: e },
          `database: ${store.location} does not answer (${e instanceof Error ? e.message : String(e)}); ` +
            'no digests are claimed until it is back, and commands answer from what is loaded',
        );
      }
    } finally {
      release();
    }
  }

  const beat = (): Promise<void> => (beating = beating.then(beatOnce));

  return {
    databaseUp: () => downSince === undefined,
    health: () => (downSince === undefined ? { database: 'ok' } : { database: 'unreachable', since: new Date(downSince).toISOString() }),
    beat,
    nextBeat: () => (started && !stopped ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
    async start() {
      started = true;
      await beat();
      const every = deps.everyMs ?? HEARTBEAT_MS;
      const tick = (): void => {
        if (!stopped)
          timer = setTimeout(() => {
            void beat().finally(tick);
          }, every);
      };
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      release();
      // A heartbeat stuck on a database that does not answer must not hold the shutdown.
      const outcome = await settlesWithin(beating, STOP_WAIT_MS);
      if (outcome === 'done' && downSince === undefined) await store.replicas.leave(me.id).catch(() => undefined);
    },
  };
}
