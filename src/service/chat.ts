/**
 * Every slash command, for every platform: briefings as `answer()` gives them, and the channel's
 * own digests (`subscribe`, `unsubscribe`, `schedule`) kept in the store. Chat adapters call
 * `handle` with who asked and where; they parse nothing themselves.
 */
import { resolveTopic } from '../core/briefing/set.js';
import type { Result } from '../core/result.js';
import { outletNames } from '../store/article-key.js';
import type { Outlet } from '../store/store.js';
import { dailyCron, cronOf, describeSchedule, nextRun } from '../schedule/cron.js';
import type { Digest } from '../schedule/digest.js';
import { formatIn, formatLocal } from '../schedule/wall-clock.js';
import type { Subscription, SubscriptionStore } from '../store/store.js';
import { subjectRef, type Reply } from '../render/reply.js';
import { answer, type PageLink } from './commands.js';
import type { Library, ServedSubject } from './library.js';
import { describeSyntaxError, parseSubscriptionCommand, subscribeUsage, type SubscriptionCommand } from './subscription-command.js';

/** Whether someone may change a channel's digests and add pages: yes, or who may (in words), with a hint. */
export type Allowed = { ok: true } | { ok: false; who: string; hint?: string | undefined };

/** Who sent a command, and where: what subscriptions and permissions need. */
export interface CommandContext {
  /** `slack`, `discord`, `console`. */
  platform: string;
  /** The channel the command was typed in; subscriptions post there. */
  channel: string;
  /** The platform's id of the user. */
  user: string;
  /** The platform's rule for who may change this channel's digests (and add pages): each platform has its own. */
  mayChangeDigests: () => Promise<Allowed>;
}

/** Answers slash commands. */
export interface ChatCommands {
  /** The reply to `/<command> <text>` sent by `ctx`. Never throws for what a user can type. */
  handle(ctx: CommandContext, command: string, text: string): Promise<Reply>;
}

/** "Only members who can manage this channel (Manage Channels) may add pages." */
const refusal = (no: Extract<Allowed, { ok: false }>, what: string): string => `Only ${no.who} may ${what}.${no.hint ? ` ${no.hint}` : ''}`;

/** A page taken in from chat: stored new, folded into a story as a wire copy, or already there. */
interface AddedPage {
  kind: 'added' | 'duplicate' | 'folded';
  headline: string;
  outlets: Outlet[];
}

/** What the commands are made from. */
export interface ChatDeps {
  library: Library;
  subscriptions: SubscriptionStore;
  /** Digests from the config, listed by `schedule` beside the channel's subscriptions. */
  configDigests: readonly Digest[];
  /** The zone of subscriptions that name none. */
  defaultTimeZone: string;
  now?: () => number;
  /** The link to a subject's full briefing page for a topic or words; absent (or undefined), answers carry none. */
  pageLink?: PageLink | undefined;
  /** Takes a page into a subject and serves it (`/strikes add <url>`); absent, adding from chat is off. */
  addPage?: ((subject: string, url: string) => Promise<Result<AddedPage, { message: string }>>) | undefined;
}

/** `add <url>` after a subject's command: the url, or '' when none is given. */
function parseAddCommand(text: string): string | undefined {
  const m = /^add(?:\s+(\S+))?\s*$/i.exec(text.trim());
  return m ? (m[1] ?? '') : undefined;
}

const notice = (subject: ServedSubject, title: string, lines: string[]): Reply => ({ kind: 'notice', subject: subjectRef(subject), title, lines });

/** The commands over `deps`. */
export function createChatCommands(deps: ChatDeps): ChatCommands {
  const clock = deps.now ?? Date.now;

  const when = (cron: string, timeZone: string): string => {
    const now = clock();
    const next = nextRun(cronOf(cron), timeZone, now);
    return `${describeSchedule(cron)} ${timeZone}${next === undefined ? '' : `, next ${formatLocal(next, timeZone)} (${formatIn(next, now)})`}`;
  };
  const what = (subject: ServedSubject, topic: string | undefined): string => `“${subject.title}${topic ? ` — ${topic}` : ''}”`;

  async function subscribe(ctx: CommandContext, subject: ServedSubject, c: Extract<SubscriptionCommand, { kind: 'subscribe' }>): Promise<Reply> {
    let topic = c.topic;
    if (topic !== undefined) {
      const r = resolveTopic(subject.set, topic);
      if (!r.ok) {
        const guess = r.error.suggestions.length ? ` Did you mean ${r.error.suggestions.join(', ')}?` : '';
        return notice(subject, 'Not subscribed', [
          `No topic '${topic}' in /${subject.command}.${guess}`,
          `Topics: ${r.error.topics.join(', ')}. Free text works too.`,
        ]);
      }
      if (r.value.kind === 'topic') topic = r.value.topic.name;
    }
    const timeZone = c.timeZone ?? deps.defaultTimeZone;
    const cron = dailyCron(c.hour, c.minute, c.days === 'weekdays');
    // One subscription per topic and channel: subscribing again replaces it, and says what it replaced.
    const before = (await subscriptionsHere(ctx, subject)).find((x) => (x.topic ?? '') === (topic ?? ''));
    await deps.subscriptions.add({
      platform: ctx.platform,
      channel: ctx.channel,
      subject: subject.name,
      topic,
      cron,
      timeZone,
      createdBy: ctx.user,
      createdAt: clock(),
    });
    const replaced =
      before && (before.cron !== cron || before.timeZone !== timeZone) ? [`It replaces the earlier ${describeSchedule(before.cron)} ${before.timeZone}.`] : [];
    return notice(subject, 'Subscribed', [
      `This channel gets ${what(subject, topic)}: ${when(cron, timeZone)}.`,
      ...replaced,
      `Stop it with /${subject.command} unsubscribe${topic ? ` ${topic}` : ''}; list this channel's digests with /${subject.command} schedule.`,
    ]);
  }

  /** This channel's own subscriptions to `subject`, oldest first. */
  async function subscriptionsHere(ctx: CommandContext, subject: ServedSubject): Promise<Subscription[]> {
    return (await deps.subscriptions.list({ platform: ctx.platform, channel: ctx.channel })).filter((x) => x.subject === subject.name);
  }

  async function unsubscribe(ctx: CommandContext, subject: ServedSubject, given: string | undefined): Promise<Reply> {
    // With several subscriptions and no topic, which one is meant is asked, not guessed: each is named, and "all".
    if (given === undefined) {
      const here = await subscriptionsHere(ctx, subject);
      if (here.length > 1) {
        return notice(subject, 'Which subscription?', [
          ...here.map((x) => `/${subject.command} unsubscribe ${x.topic ?? 'overview'} — ${what(subject, x.topic)}, ${describeSchedule(x.cron)} ${x.timeZone}`),
          `/${subject.command} unsubscribe all — every one of them`,
        ]);
      }
    }
    const r = given === undefined || given === 'all' || given === 'overview' ? undefined : resolveTopic(subject.set, given);
    // "overview" is the subscription without a topic (stored with an empty one); "all" and nothing (with one subscription) are every one.
    const topic = given === 'overview' ? '' : given === 'all' ? undefined : r?.ok && r.value.kind === 'topic' ? r.value.topic.name : given;
    const removed = await deps.subscriptions.remove({ platform: ctx.platform, channel: ctx.channel, subject: subject.name, topic });
    const fromConfig = deps.configDigests.filter((d) => d.platform === ctx.platform && d.channel === ctx.channel && d.subject === subject.name);
    const kept = fromConfig.length
      ? [
          `${String(fromConfig.length)} digest${fromConfig.length > 1 ? 's' : ''} from Sitrep's config still post${fromConfig.length > 1 ? '' : 's'} here; ` +
            'they change only in config/sitrep.yaml.',
        ]
      : [];
    if (!removed.length) {
      return notice(subject, 'Nothing to unsubscribe', [`This channel has no /${subject.command} subscription${topic ? ` for '${topic}'` : ''}.`, ...kept]);
    }
    return notice(subject, 'Unsubscribed', [...removed.map((s) => `No more ${what(subject, s.topic)} (${describeSchedule(s.cron)} ${s.timeZone}).`), ...kept]);
  }

  async function schedule(ctx: CommandContext, subject: ServedSubject): Promise<Reply> {
    const here = (d: { platform: string; channel: string; subject: string }): boolean =>
      d.platform === ctx.platform && d.channel === ctx.channel && d.subject === subject.name;
    const subs = await subscriptionsHere(ctx, subject);
    const lines = [
      ...subs.map((s) => `${what(subject, s.topic)}: ${when(s.cron, s.timeZone)} (subscribed by ${s.createdBy})`),
      ...deps.configDigests.filter(here).map((d) => `${what(subject, d.topic)}: ${when(d.cron, d.timeZone)} (from config, ${d.id})`),
    ];
    if (!lines.length)
      return notice(subject, 'No digests here', [`This channel gets no /${subject.command} digest. Start one with ${subscribeUsage(subject.command)}.`]);
    return notice(subject, `Digests in this channel`, lines);
  }

  async function add(ctx: CommandContext, subject: ServedSubject, url: string): Promise<Reply> {
    if (!deps.addPage) return notice(subject, 'Not added', ['Adding pages from chat is not enabled on this Sitrep.']);
    if (!/^https?:\/\/\S+$/i.test(url))
      return notice(subject, 'Not added', [`Give the page's web address, as in /${subject.command} add https://example.com/news/story.`]);
    const allowed = await ctx.mayChangeDigests();
    if (!allowed.ok) return notice(subject, 'Not allowed', [refusal(allowed, 'add pages')]);
    const r = await deps.addPage(subject.name, url);
    if (!r.ok) return notice(subject, 'Not added', [`${url}: ${r.error.message}`]);
    const s = r.value;
    const outlets = outletNames(s.outlets);
    if (s.kind === 'added')
      return notice(subject, 'Added', [`“${s.headline}”${outlets[0] ? ` — ${outlets[0]}` : ''}`, `/${subject.command} briefings include it now.`]);
    if (s.kind === 'folded')
      return notice(subject, 'Added as a wire copy', [
        `Same story as “${s.headline}”, already in /${subject.command}: it counts once, and now lists ${outlets.join(', ')}.`,
      ]);
    return notice(subject, 'Already there', [`“${s.headline}” is already in /${subject.command}.`]);
  }

  return {
    async handle(ctx, command, text) {
      const subject = deps.library.byCommand(command);
      const addUrl = parseAddCommand(text);
      if (subject && addUrl !== undefined) return add(ctx, subject, addUrl);
      const parsed = parseSubscriptionCommand(text);
      if (!subject || !parsed) {
        const reply = answer(deps.library, command, text);
        return reply.kind === 'briefing' && deps.pageLink && subject ? { ...reply, page: deps.pageLink(subject, text.trim() || undefined) } : reply;
      }
      if (!parsed.ok) return notice(subject, 'Not subscribed', describeSyntaxError(parsed.error, subject.command));
      const c = parsed.value;
      if (c.kind === 'schedule') return schedule(ctx, subject);
      const allowed = await ctx.mayChangeDigests();
      if (!allowed.ok) return notice(subject, 'Not allowed', [refusal(allowed, "change this channel's digests")]);
      return c.kind === 'subscribe' ? subscribe(ctx, subject, c) : unsubscribe(ctx, subject, c.topic);
    },
  };
}
