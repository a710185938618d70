/**
 * Polls each live subject's feeds on its own interval (`poll:` in briefing.yaml), once at start and
 * then every interval, and rebuilds the subject's set when new articles came in. A failing feed is
 * logged by name and the others go on.
 */
import type { IngestReport, Ingestor } from '../ingest/ingest.js';
import { describeSpan } from '../schema/duration.js';
import type { Logger } from '../log.js';
import type { Library } from '../service/library.js';

/** What the poller needs. */
export interface FeedPollerDeps {
  library: Library;
  ingestor: Ingestor;
  /** Rebuilds a subject's set after new articles came in. */
  refresh: (subject: string) => Promise<void>;
  /** Takes the subject's feeds for one interval; false while another replica polls them. Always ours when absent. */
  claim?: ((subject: string, pollMs: number) => Promise<boolean>) | undefined;
  logger: Logger;
}

/** The running poller. */
export interface FeedPoller {
  start(): void;
  /** Polls one subject now (the ticker calls it; tests may too). */
  poll(subject: string): Promise<IngestReport | undefined>;
  /** Stops the timers and waits for polls in flight. */
  stop(): Promise<void>;
}

/** Logs a poll: one line for the subject, one warning per failed feed or item. */
function logReport(logger: Logger, r: IngestReport): void {
  for (const f of r.feeds) {
    if (f.status === 'failed')
      logger.warn({ subject: r.subject, feed: f.url, reason: f.error }, `ingest ${r.subject}: feed ${f.url} failed: ${f.error ?? 'unknown error'}`);
    for (const x of f.failures.slice(0, 5))
      logger.warn({ subject: r.subject, feed: f.url, item: x.url, reason: x.reason }, `ingest ${r.subject}: ${x.url} not taken in: ${x.reason}`);
  }
  logger.info(
    { subject: r.subject, added: r.added, folded: r.folded, feeds: r.feeds.length },
    `ingest ${r.subject}: ${String(r.added)} new article(s), ` +
      `${String(r.folded)} wire cop${r.folded === 1 ? 'y' : 'ies'} folded, from ${String(r.feeds.length)} feed(s)`,
  );
}

/** A poller over `deps`; nothing runs until `start`. */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<IngestReport | undefined>>();
  let stopped = false;

  async function pollOnce(name: string): Promise<IngestReport | undefined> {
    const subject = deps.library.subjects.find((s) => s.name === name);
    if (!subject?.live) return undefined;
    if (deps.claim && !(await deps.claim(name, subject.live.pollMs))) {
      deps.logger.debug({ subject: name }, `ingest ${name}: another replica polls its feeds`);
      return undefined;
    }
    const report = await deps.ingestor.poll({ name, feeds: subject.live.feeds, match: subject.live.match });
    logReport(deps.logger, report);
    // Stopping: what came in is stored, and the next start builds it. Articles added beside the bot
    // (`sitrep add`, another replica) raise the subject's version, which the subject sync reads.
    if (!stopped && (report.added || report.folded)) await deps.refresh(name);
    return report;
  }

  const poll = (name: string): Promise<IngestReport | undefined> => {
    const busy = running.get(name);
    if (busy) return busy;
    const p = pollOnce(name)
      .catch((e: unknown) => {
        deps.logger.error({ err: e, subject: name }, `ingest ${name}: the poll failed; the next one retries`);
        return undefined;
      })
      .finally(() => running.delete(name));
    running.set(name, p);
    return p;
  };

  const schedule = (name: string, ms: number): void => {
    if (stopped) return;
    timers.set(
      name,
      setTimeout(() => {
        void poll(name).finally(() => {
          schedule(name, ms);
        });
      }, ms),
    );
  };

  return {
    start() {
      stopped = false;
      for (const s of deps.library.subjects) {
        if (!s.live) continue;
        deps.logger.info(
          { subject: s.name, feeds: s.live.feeds.length },
          `ingest ${s.name}: polling ${String(s.live.feeds.length)} feed(s) every ${describeSpan(s.live.pollMs)}`,
        );
        const ms = s.live.pollMs;
        void poll(s.name).finally(() => {
          schedule(s.name, ms);
        });
      }
    },
    poll,
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all([...running.values()]);
    },
  };
}
