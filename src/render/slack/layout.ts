/** Block builders that cannot break Slack's limits: every text is clipped, long lists are split or cut. */
import { SLACK_LIMITS, type SlackBlock } from './assertions.js';
import { clip } from './escape.js';

/** A header block; plain text, so nothing in it is parsed as a mention or link. */
export const header = (text: string): SlackBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText) || 'Sitrep', emoji: true },
});

/*
 * Every mrkdwn text is `verbatim`: Slack then parses only what we wrote as markup (our `<url|label>`
 * links, `<@U…>`), never bare URLs, #channel names or mentions that article text might contain.
 */

/** A context block of small grey lines (mrkdwn, already escaped), at most Slack's ten. */
export function context(lines: string[]): SlackBlock[] {
  const elements = lines
    .filter((l) => l.trim())
    .slice(0, SLACK_LIMITS.contextElements)
    .map((l) => ({ type: 'mrkdwn' as const, text: clipMrkdwn(l, SLACK_LIMITS.contextText), verbatim: true }));
  return elements.length ? [{ type: 'context', elements }] : [];
}

/** One section of mrkdwn (already escaped). */
export const section = (text: string): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clipMrkdwn(text, SLACK_LIMITS.sectionText) || ' ', verbatim: true },
});

/** A titled list as sections: lines joined one per row, a new section whenever one would pass 3,000 characters. */
export function listSections(title: string, lines: string[]): SlackBlock[] {
  if (!lines.length) return [];
  const blocks: SlackBlock[] = [];
  let text = title;
  for (const raw of lines) {
    const line = clipMrkdwn(raw, SLACK_LIMITS.sectionText - 1);
    if (text && text.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(text));
      text = line;
    } else text = text ? `${text}\n${line}` : line;
  }
  if (text) blocks.push(section(text));
  return blocks;
}

/**
 * Shortens mrkdwn that is already escaped and linked, without cutting an `&amp;` entity or a
 * `<url|label>` link in half.
 */
export function clipMrkdwn(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  cut = cut.replace(/&[#a-z0-9]*$/i, '');
  return `${cut.trimEnd()}…`;
}

/** How many characters of text a message may still spend; lists take from it item by item. */
export interface Budget {
  left: number;
}

/** Keeps the lines that fit the budget, in order, and counts those left out. */
export function fitLines(lines: string[], budget: Budget): { shown: string[]; hidden: number } {
  const shown: string[] = [];
  for (const line of lines) {
    if (line.length + 1 > budget.left) break;
    budget.left -= line.length + 1;
    shown.push(line);
  }
  return { shown, hidden: lines.length - shown.length };
}

/** "5 more figures" / "1 more figure". */
export const more = (n: number, noun: string): string => `${n.toLocaleString('en-US')} more ${noun}${n === 1 ? '' : 's'}`;
