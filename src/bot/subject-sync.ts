/**
 * Keeps every replica's subjects current. A replica that changes a subject's stored articles (a
 * feed poll, a page added from chat, `sitrep add` beside it) raises the subject's version in the
 * store; every replica reads the versions on a timer and rebuilds the subjects whose version moved.
 */
import type { Logger } from '../log.js';
import type { SubjectVersionStore } from '../store/store.js';

/** The running sync. */
export interface SubjectSync {
  /** Reads the versions as they stand: what this replica loaded at start. */
  start(): Promise<void>;
  /** Records that this replica changed `subject`'s articles and rebuilds it; the others rebuild it at their next check. */
  changed(subject: string): Promise<void>;
  /** Rebuilds the subjects another replica changed since the last check; returns their names. */
  check(): Promise<string[]>;
  stop(): void;
}

/** How often versions are read when no subject polls feeds more often. */
export const SUBJECT_SYNC_MS = 30_000;

export function createSubjectSync(deps: {
  versions: SubjectVersionStore;
  /** The subjects this replica serves. */
  subjects: () => readonly string[];
  refresh: (subject: string) => Promise<void>;
  logger: Logger;
  now: () => number;
  everyMs: number;
}): SubjectSync {
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function check(): Promise<string[]> {
    const versions = await deps.versions.all();
    const moved = deps.subjects().filter((s) => (versions.get(s) ?? 0) !== (seen.get(s) ?? 0));
    for (const s of moved) {
      seen.set(s, versions.get(s) ?? 0);
      deps.logger.info({ subject: s }, `${s}: its articles changed on another replica or from the CLI; rebuilding`);
      await deps.refresh(s);
    }
    return moved;
  }

  const tick = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      check()
        .catch((e: unknown) => {
          deps.logger.warn({ err: e }, 'subjects: could not read their versions; the next check retries');
        })
        .finally(tick);
    }, deps.everyMs);
  };

  return {
    async start() {
      stopped = false;
      for (const [s, v] of await deps.versions.all()) seen.set(s, v);
      tick();
    },
    // Raised before the rebuild: the rebuild then reads every change committed before the raise, another replica's too.
    async changed(subject) {
      try {
        seen.set(subject, await deps.versions.bump(subject, deps.now()));
      } catch (e) {
        deps.logger.warn(
          { err: e, subject },
          `${subject}: could not tell other replicas it changed (${e instanceof Error ? e.message : String(e)}); they rebuild it at their next poll`,
        );
      }
      await deps.refresh(subject);
    },
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
