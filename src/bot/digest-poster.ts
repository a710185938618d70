/**
 * Posts a digest, led by what changed since its last run: a "What's new since …" notice (new
 * articles, figures, actors and questions, and questions new articles answer) right before the
 * briefing; or, with nothing new, one line saying so (or no post, when the digest says skip).
 * What the digest covered goes back to the scheduler, which records it with the posted run.
 */
import type { PlatformAdapter } from '../adapters/adapter.js';
import { changesSince, coverageOf, nothingNew } from '../core/briefing/changes.js';
import { err, ok } from '../core/result.js';
import { subjectRef } from '../render/reply.js';
import { nothingNewNotice, whatsNewNotice } from '../render/whats-new.js';
import type { Digest } from '../schedule/digest.js';
import type { SchedulerDeps } from '../schedule/scheduler.js';
import { formatLocal } from '../schedule/wall-clock.js';
import { briefingReply, type PageLink } from '../service/commands.js';
import type { Library } from '../service/library.js';
import type { CoverageStore } from '../store/store.js';

/** What the poster needs. */
export interface DigestPosterDeps {
  adapters: readonly PlatformAdapter[];
  library: Library;
  coverage: CoverageStore;
  now: () => number;
  /** The link to a subject's full briefing page (leading with what is new since run `since`), put under each digest's briefing when links are on. */
  pageLink?: PageLink | undefined;
}

/** The key of the notice posted before a digest's briefing: its own, so a platform can refuse a duplicate of each. */
export const noticeKey = (key: string): string => `${key}#new`;

/** The scheduler's `post` over `deps`. */
export function createDigestPoster(deps: DigestPosterDeps): SchedulerDeps['post'] {
  return async (digest: Digest, key: string) => {
    const adapter = deps.adapters.find((a) => a.platform === digest.platform);
    const subject = deps.library.subjects.find((s) => s.name === digest.subject);
    if (!adapter) return err({ code: 'rejected', message: `platform ${digest.platform} is not running` });
    if (!subject) return err({ code: 'rejected', message: `subject ${digest.subject} is not served (see subjects: in the config)` });
    const answered = briefingReply(subject, digest.topic);
    if (answered.kind !== 'briefing') return adapter.post(digest.channel, answered, key);
    const keys = subject.keys ?? new Map<string, string>();
    const coverage = coverageOf({ briefing: answered.briefing, keys }, new Date(deps.now()).toISOString());
    const previous = await deps.coverage.latest(digest.id);
    // The page leads with what is new since the run before this one, as the notice does.
    const reply = deps.pageLink ? { ...answered, page: deps.pageLink(subject, digest.topic, previous?.runKey) } : answered;
    if (previous) {
      const changes = changesSince(previous.coverage, { briefing: reply.briefing, keys, sentences: subject.set.sentences });
      const since = formatLocal(previous.postedAt, digest.timeZone);
      if (nothingNew(changes)) {
        if (digest.whenUnchanged === 'skip')
          return ok({ channel: digest.channel, messageId: '', skipped: `nothing new since ${since} (when_unchanged: skip)` });
        const said = await adapter.post(digest.channel, nothingNewNotice(subjectRef(subject), since), key);
        return said.ok ? ok({ ...said.value, coverage }) : said;
      }
      const notice = await adapter.post(digest.channel, whatsNewNotice(subjectRef(subject), changes, reply.briefing.sources, since), noticeKey(key));
      if (!notice.ok) return notice;
    }
    const posted = await adapter.post(digest.channel, reply, key);
    return posted.ok ? ok({ ...posted.value, coverage }) : posted;
  };
}
