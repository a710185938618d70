/** Progress of a long import: a bar in a terminal (cli-progress), a log line every so often otherwise. */
import cliProgress from 'cli-progress';
import type { Logger } from '../log.js';

/** Counts shown with the progress. */
export interface ProgressCounts {
  added: number;
  folded: number;
  failed: number;
}

/** One import's progress. */
interface Progress {
  /** More items to do (a feed was read). */
  grow(n: number): void;
  /** One item done; `counts` so far. */
  tick(counts: ProgressCounts): void;
  done(counts: ProgressCounts): void;
}

/** Makes the progress of an import named `label`. */
export type ProgressFactory = (label: string) => Progress;

/** No progress shown. */
export const silentProgress: ProgressFactory = () => ({ grow: () => undefined, tick: () => undefined, done: () => undefined });

/** A bar on `stream` (a terminal). */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressFactory {
  return (label) => {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {value}/{total} items · {added} added · {folded} folded · {failed} failed · {eta_formatted} left`,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let total = 0;
    let value = 0;
    let started = false;
    return {
      grow(n) {
        total += n;
        if (!started) {
          bar.start(total, 0, { added: 0, folded: 0, failed: 0 });
          started = true;
        } else bar.setTotal(total);
      },
      tick(counts) {
        value++;
        if (started) bar.update(value, { ...counts });
      },
      done(counts) {
        if (started) {
          bar.update(value, { ...counts });
          bar.stop();
        }
      },
    };
  };
}

/** A log line every `every` items and every `everyMs`, whichever comes first, and one at the end. */
export function logProgress(logger: Logger, opts: { every?: number; everyMs?: number; now?: () => number } = {}): ProgressFactory {
  const every = opts.every ?? 500;
  const everyMs = opts.everyMs ?? 10_000;
  const now = opts.now ?? Date.now;
  return (label) => {
    let total = 0;
    let value = 0;
    let last = now();
    const line = (counts: ProgressCounts): void => {
      logger.info(
        { ...counts, done: value, total },
        `${label}: ${String(value)}/${String(total)} items (${String(counts.added)} added, ${String(counts.folded)} folded, ${String(counts.failed)} failed)`,
      );
    };
    return {
      grow(n) {
        total += n;
      },
      tick(counts) {
        value++;
        if (value % every === 0 || now() - last >= everyMs) {
          last = now();
          line(counts);
        }
      },
      done(counts) {
        if (total) line(counts);
      },
    };
  };
}
