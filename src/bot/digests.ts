/** The bot's digests: those in the config and those subscribed from chat, as one list for the scheduler. */
import { resolveTopic } from '../core/briefing/set.js';
import { subscriptionDigestId, type Digest } from '../schedule/digest.js';
import type { Subscription, SubscriptionStore } from '../store/store.js';
import type { Library } from '../service/library.js';

/** A chat subscription as a digest; it owes no run scheduled before it was made. */
const subscriptionDigest = (s: Subscription): Digest => ({
  id: subscriptionDigestId(s.id),
  platform: s.platform,
  channel: s.channel,
  subject: s.subject,
  topic: s.topic,
  cron: s.cron,
  timeZone: s.timeZone,
  origin: 'subscription',
  since: s.createdAt,
});

/** Config digests and subscriptions, only on the platforms given (those running). */
export async function allDigests(configDigests: readonly Digest[], subscriptions: SubscriptionStore, platforms?: ReadonlySet<string>): Promise<Digest[]> {
  const subs = (await subscriptions.list()).map(subscriptionDigest);
  const all = [...configDigests, ...subs];
  return platforms ? all.filter((d) => platforms.has(d.platform)) : all;
}

/** Config digests whose topic the subject cannot answer, as `digests[i].topic: ...` lines. */
export function topicProblems(configDigests: readonly Digest[], library: Library): string[] {
  const out: string[] = [];
  configDigests.forEach((d, i) => {
    const subject = library.subjects.find((s) => s.name === d.subject);
    if (!subject || d.topic === undefined) return;
    const r = resolveTopic(subject.set, d.topic);
    if (r.ok) return;
    const guess = r.error.suggestions.length ? ` (did you mean ${r.error.suggestions.join(', ')}?)` : '';
    out.push(
      `digests[${String(i)}].topic: no topic '${d.topic}' in ${d.subject}${guess}; ` +
        `expected one of ${r.error.topics.join(', ')}, or words found in its articles`,
    );
  });
  return out;
}
