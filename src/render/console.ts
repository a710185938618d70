/** A command's reply as terminal text: briefings as markdown, everything else as a few plain lines. */
import { SUBSCRIPTION_WORDS } from './reply.js';
import type { Reply } from './reply.js';
import { renderMarkdown } from './markdown.js';
import { terminalText } from './visible.js';

const list = (xs: string[]): string => xs.map((x) => `  ${x}\n`).join('');

/** Renders any reply for the console adapter, as text a terminal shows as it is (no escape sequences or bidirectional overrides). */
export function renderConsole(reply: Reply): string {
  return terminalText(consoleText(reply));
}

function consoleText(reply: Reply): string {
  switch (reply.kind) {
    case 'briefing':
      // The console takes chat commands: everything is one CLI command away, not an option of its own.
      return renderMarkdown(reply.briefing, {
        all: false,
        more: `sitrep brief ${reply.subject.name}${reply.briefing.topic ? ` ${reply.briefing.topic.name}` : ''} --all shows everything`,
      });
    case 'topics':
      return `Topics of /${reply.subject.command}:\n${list(reply.topics.map((t) => `${t.name} — ${t.label}: ${t.terms.join(', ')}`))}`;
    case 'sources':
      return (
        `Sources of /${reply.subject.command}:\n` +
        list(reply.sources.map((s) => `[${String(s.n)}] ${s.outlet ?? 'outlet unknown'} · ${s.published ?? 'date unknown'} · ${s.headline}`)) +
        (reply.warnings.length ? `Skipped:\n${list(reply.warnings)}` : '')
      );
    case 'help': {
      const c = `/${reply.subject.command}`;
      return [
        reply.subject.title,
        `  ${c}                      the overview briefing`,
        `  ${c} <topic or words>     a topic (${reply.topics
          .slice(0, 4)
          .map((t) => t.name)
          .join(', ')}${reply.topics.length > 4 ? ', …' : ''}) or free text`,
        `  ${c} topics | sources     the topics and their words; the numbered sources`,
        `  ${c} subscribe daily 08:00 [topic] [time zone]   a digest in this channel`,
        `  ${c} unsubscribe [topic] | schedule              stop it; list this channel's digests`,
        `  ${c} add <url>                                    add a page to the subject (admins)`,
        '',
      ].join('\n');
    }
    case 'unknown-topic': {
      const guess = reply.suggestions.length ? ` Did you mean: ${reply.suggestions.join(', ')}?` : '';
      return `No topic '${reply.query}' in /${reply.subject.command}.${guess}\nTopics: ${reply.topics.join(', ')} (free text works too).\n`;
    }
    case 'too-long':
      return `That is ${String(reply.length)} characters; keep it under ${String(reply.limit)}: a topic or a few words.\n`;
    case 'unknown-subject':
      return (
        `No command /${reply.command}. Commands: ${reply.known.map((k) => `/${k}`).join(', ')} ` +
        `(then a topic, topics, sources, help, or ${SUBSCRIPTION_WORDS.join(', ')}).\n`
      );
    case 'notice':
      return `${reply.title}\n${list(reply.lines)}`;
  }
}
