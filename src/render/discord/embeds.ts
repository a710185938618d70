/** A command's reply as a Discord message payload (plain data), inside Discord's limits by construction. */
import type { Reply } from '../reply.js';
import { LIMITS, limitProblems, MessageSchema, type DiscordActionRow, type DiscordEmbed, type DiscordMessage } from './assertions.js';
import { briefingEmbed, EMBED_COLOR, sourceLine } from './briefing-embed.js';
import { clip, fitLines, md } from './fit.js';

/** A rendered message broke a Discord limit: a bug in the renderer, never the user's doing. */
class DiscordLimitError extends Error {
  override readonly name = 'DiscordLimitError';
  readonly code = 'discord-limit';
  constructor(readonly problems: string[]) {
    super(`Discord message breaks its limits: ${problems.join('; ')}`);
  }
}

/** How to render: `share` is the custom id of a Share button to add under a briefing. */
export interface RenderOptions {
  share?: string | undefined;
}

/** `m` with, after any buttons it has, an "Open full briefing" link to `page` and a Share button whose custom id is `share` (at most 100 characters). */
export function withButtons(m: DiscordMessage, { page, share }: { page?: string | undefined; share?: string | undefined }): DiscordMessage {
  const buttons: DiscordActionRow['components'] = [...(m.components?.[0]?.components ?? [])];
  if (page) buttons.push({ type: 2, style: 5, label: 'Open full briefing', url: page });
  if (share) buttons.push({ type: 2, style: 2, label: 'Share', custom_id: share });
  return buttons.length ? { ...m, components: [{ type: 1, components: buttons }] } : m;
}

const message = (m: { content?: string; embeds?: DiscordEmbed[] }): DiscordMessage => ({
  ...(m.content ? { content: clip(m.content, LIMITS.content) } : {}),
  embeds: m.embeds ?? [],
  allowed_mentions: { parse: [] },
});

const listEmbed = (title: string, description: string, footer?: string): DiscordEmbed => ({
  title: clip(title, LIMITS.title),
  color: EMBED_COLOR,
  description: clip(description, LIMITS.description),
  ...(footer ? { footer: { text: clip(footer, LIMITS.footer) } } : {}),
});

function build(reply: Reply, opts: RenderOptions): DiscordMessage {
  switch (reply.kind) {
    case 'briefing': {
      return withButtons(message({ embeds: [briefingEmbed(reply.briefing)] }), { page: reply.page, share: opts.share });
    }
    case 'topics': {
      const { subject: s, topics } = reply;
      if (!topics.length) return message({ content: `${s.title} has no topics; any words work as free text, as in \`/${s.command} topic:ports\`.` });
      const lines = topics.map((t) => `**${md(t.name)}** — ${md(t.label)}: ${md(t.terms.join(', '))}`);
      const body = fitLines(lines, 4000, (k) => (k ? `+${String(k)} more topics` : ''), 300);
      return message({ embeds: [listEmbed(`Topics — ${s.title}`, body, `/${s.command} topic:<topic> briefs one; any other words work as free text.`)] });
    }
    case 'sources': {
      const { subject: s, sources, warnings } = reply;
      if (!sources.length) return message({ content: `${s.title} has no articles.` });
      const body = fitLines(
        sources.map((x) => sourceLine(x, 300)),
        4000,
        (k) => (k ? `+${String(k)} more sources` : ''),
        300,
        { whole: true },
      );
      const embed = listEmbed(`Sources — ${s.title}`, body, `${String(sources.length)} articles`);
      if (warnings.length)
        embed.fields = [{ name: 'Skipped or unmatched', value: fitLines(warnings.map(md), LIMITS.fieldValue, (k) => (k ? `+${String(k)} more` : ''), 200) }];
      return message({ embeds: [embed] });
    }
    case 'help': {
      const { subject: s, topics } = reply;
      const c = `/${s.command}`;
      return message({
        content: [
          `**${c}** briefs ${md(s.title)}: key figures (with disagreements between sources flagged), actors and open questions.`,
          `• \`${c}\` — the overview`,
          `• \`${c} topic:${topics[0]?.name ?? 'ports'}\` — one topic (suggested as you type), or any words as free text`,
          `• \`${c} view:topics\` — the topics and their words`,
          `• \`${c} view:sources\` — the articles, numbered as cited`,
          `• \`${c} topic:subscribe daily 08:00${topics[0] ? ` ${topics[0].name}` : ''}\` — a daily digest in this channel (Manage Channels needed); ` +
            `\`${c} view:schedule\` lists them`,
          'Answers are shown only to you; press **Share** to post one to the channel.',
        ].join('\n'),
      });
    }
    case 'unknown-topic': {
      const { subject: s, query, suggestions, topics } = reply;
      const guess = suggestions.length ? ` Did you mean ${suggestions.map((x) => `**${md(x)}**`).join(' or ')}?` : '';
      const known = topics.length ? ` Topics: ${clip(topics.join(', '), 1200)}.` : '';
      return message({ content: `No topic “${md(clip(query, 100))}” in ${md(s.title)}.${guess}${known} Other words work as free text.` });
    }
    case 'too-long':
      return message({
        content: `That is ${String(reply.length)} characters; a topic or search takes at most ${String(reply.limit)}. Try a topic name or a few words.`,
      });
    case 'notice': {
      const body = fitLines(reply.lines.map(md), 4000, (k) => (k ? `+${String(k)} more` : ''), 500);
      return message({ embeds: [{ title: clip(reply.title, LIMITS.title), color: EMBED_COLOR, ...(body ? { description: body } : {}) }] });
    }
    case 'unknown-subject': {
      const known = reply.known.map((k) => `\`/${k}\``).join(', ');
      return message({ content: `/${md(reply.command)} is not served here${known ? `; try ${known}` : ''}.` });
    }
  }
}

/** Renders a reply and checks it against Discord's limits; a message that breaks one is a renderer bug and throws. */
export function renderDiscord(reply: Reply, opts: RenderOptions = {}): DiscordMessage {
  const m = build(reply, opts);
  const problems = limitProblems(MessageSchema, m);
  if (problems.length) throw new DiscordLimitError(problems);
  return m;
}

/** A short ephemeral-ready text message, for answers that are not replies (errors, expired buttons). */
export const textMessage = (content: string): DiscordMessage => message({ content });
