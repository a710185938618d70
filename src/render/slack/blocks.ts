/** A command's reply as a Slack message (`{ text, blocks }`, plain data) that always fits Slack's limits. */
import type { Reply } from '../reply.js';
import { SLACK_LIMITS, SlackMessage, type SlackBlock } from './assertions.js';
import { briefingLayout } from './briefing.js';
import { clip, escapeMrkdwn as esc, link } from './escape.js';
import { clipMrkdwn, context, fitLines, header, listSections, more, section } from './layout.js';

/** The `action_id` of the "Share in channel" button. */
export const SHARE_ACTION = 'sitrep_share';
/** The `action_id` of the "Open full briefing" link button (the click is only acknowledged). */
export const PAGE_ACTION = 'sitrep_open_page';

/** What to add around a reply. */
export interface SlackRenderOptions {
  /** Adds a "Share in channel" button carrying this value (briefings only). */
  share?: string | undefined;
  /** The Slack user who shared the message, named under it. */
  sharedBy?: string | undefined;
}

/** A Slack user id as Slack sends it; anything else is never put in a mention. */
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** Renders any reply; the result passes `SlackMessage` (a degraded plain message if a bug ever made it not). */
export function renderSlack(reply: Reply, opts: SlackRenderOptions = {}): SlackMessage {
  const message = layout(reply, opts);
  return SlackMessage.safeParse(message).success ? message : fallback(reply);
}

function layout(reply: Reply, opts: SlackRenderOptions): SlackMessage {
  if (reply.kind === 'briefing') {
    const { blocks, summary } = briefingLayout(reply.briefing);
    if (opts.sharedBy && USER_ID.test(opts.sharedBy)) blocks.push(...context([`Shared by <@${opts.sharedBy}>`]));
    type Buttons = Extract<SlackBlock, { type: 'actions' }>['elements'];
    const buttons: Buttons = [];
    if (reply.page)
      buttons.push({ type: 'button', action_id: PAGE_ACTION, text: { type: 'plain_text', text: 'Open full briefing', emoji: true }, url: reply.page });
    if (opts.share !== undefined)
      buttons.push({
        type: 'button',
        action_id: SHARE_ACTION,
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        value: opts.share,
        style: 'primary',
      });
    if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
    return { text: summary, blocks };
  }
  return small(reply);
}

/** Every reply but a briefing: a few lines each. */
function small(reply: Exclude<Reply, { kind: 'briefing' }>): SlackMessage {
  if (reply.kind === 'unknown-subject') {
    const known = reply.known.length ? `Commands here: ${reply.known.map((c) => `\`/${esc(c)}\``).join(', ')}.` : 'No subjects are loaded.';
    return plain(`\`/${esc(clip(reply.command.replace(/^\//, ''), 40))}\` is not a Sitrep subject. ${known}`);
  }
  if (reply.kind === 'notice') {
    const { shown, hidden } = fitLines(
      reply.lines.map((l) => esc(clip(l, 500))),
      { left: SLACK_LIMITS.blocksText - 400 },
    );
    return {
      text: esc(clip(reply.title, 300)),
      blocks: [header(reply.title), ...listSections('', shown), ...context(hidden ? [`+${more(hidden, 'line')} not shown`] : [])],
    };
  }
  return subjectReply(reply);
}

/** The replies about one subject: too long, unknown topic, topics, sources, help. */
function subjectReply(reply: Exclude<Reply, { kind: 'briefing' | 'unknown-subject' | 'notice' }>): SlackMessage {
  const { subject } = reply;
  const cmd = `/${subject.command}`;
  const example = `\`${cmd} ${subject.exampleTopic ?? 'banana ports'}\``;
  switch (reply.kind) {
    case 'too-long':
      return plain(`That is ${reply.length} characters; \`${cmd}\` takes up to ${reply.limit}. Try a topic, as in ${example}, or \`${cmd} topics\`.`);
    case 'unknown-topic': {
      const query = `*${esc(clip(reply.query, 60))}*`;
      const guess = reply.suggestions.length ? ` Did you mean ${reply.suggestions.map((s) => `\`${cmd} ${esc(s)}\``).join(' or ')}?` : '';
      const topics = reply.topics.length ? `Topics: ${esc(clip(reply.topics.join(', '), 1000))}. ` : '';
      return {
        text: `No topic ${query} in ${esc(clip(subject.title, 100))}.${guess}`,
        blocks: [
          section(`No topic ${query} in ${esc(clip(subject.title, 200))}.${guess}`),
          ...context([`${topics}Free text works too, as in \`${cmd} banana ports\`.`]),
        ],
      };
    }
    case 'topics': {
      const budget = { left: SLACK_LIMITS.blocksText - 600 };
      const lines = reply.topics.map((t) => `• *${esc(clip(t.name, 60))}* — ${esc(clip(t.label, 60))}: ${esc(clip(t.terms.join(', '), 300))}`);
      const { shown, hidden } = fitLines(lines, budget);
      return {
        text: `Topics of ${esc(clip(subject.title, 200))}`,
        blocks: [
          header(`Topics — ${subject.title}`),
          ...(shown.length ? listSections('', shown) : [section('No topics are defined; any words work as free text.')]),
          ...context([hidden ? `+${more(hidden, 'topic')} not shown` : '', `Try ${example}; free text works too.`]),
        ],
      };
    }
    case 'sources': {
      const budget = { left: SLACK_LIMITS.blocksText - 800 };
      const lines = reply.sources.map(
        (s) =>
          `[${s.n}] ${link(s.url, `${s.outlet ? `${clip(s.outlet, 40)} — ` : ''}${clip(s.headline || s.file, 110)}`)}` +
          ` · ${s.published ?? 'date unknown'} · \`${esc(clip(s.file, 60))}\``,
      );
      const { shown, hidden } = fitLines(lines, budget);
      const warnings = fitLines(
        reply.warnings.map((w) => `• ${esc(clip(w, 200))}`),
        budget,
      );
      return {
        text: `Sources of ${esc(clip(subject.title, 200))}`,
        blocks: [
          header(`Sources — ${subject.title}`),
          ...listSections('', shown),
          ...listSections('*Skipped or unmatched*', warnings.shown),
          ...context([hidden ? `+${more(hidden, 'source')} not shown` : '', warnings.hidden ? `+${more(warnings.hidden, 'warning')} not shown` : '']),
        ],
      };
    }
    case 'help': {
      const topics = reply.topics.map((t) => t.name).join(', ');
      return {
        text: `How to use ${cmd}`,
        blocks: [
          section(
            [
              `*${cmd}* — ${esc(clip(subject.title, 200))}`,
              `• \`${cmd}\` the overview briefing`,
              `• \`${cmd} &lt;topic or words&gt;\` a topic briefing, as in ${example}`,
              `• \`${cmd} topics\` the topics and their words`,
              `• \`${cmd} sources\` the articles behind the briefings`,
              `• \`${cmd} subscribe daily 08:00 [topic] [time zone]\` a daily digest in this channel; ` +
                `\`${cmd} unsubscribe\` stops it; \`${cmd} schedule\` lists them`,
              `• \`${cmd} help\` this message`,
            ].join('\n'),
          ),
          ...context([
            topics ? `Topics: ${esc(clip(topics, 1000))}` : 'No topics defined; free text works.',
            'Answers are only visible to you until you press Share in channel.',
          ]),
        ],
      };
    }
  }
}

/** A one-section message. */
const plain = (mrkdwn: string): SlackMessage => ({ text: clipMrkdwn(mrkdwn, 1000), blocks: [section(mrkdwn)] });

/** Never needed while the renderer is right: a message that fits whatever the reply holds. */
export function fallback(reply: Reply): SlackMessage {
  const title =
    reply.kind === 'unknown-subject'
      ? 'Sitrep'
      : reply.kind === 'briefing'
        ? reply.briefing.title
        : reply.kind === 'notice'
          ? reply.title
          : reply.subject.title;
  return {
    text: esc(clip(title, 200)),
    blocks: [header(title), section('This answer did not fit in a Slack message. The CLI (`sitrep brief`) shows all of it.')],
  };
}
