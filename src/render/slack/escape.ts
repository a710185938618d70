/** Text from articles and users made safe for Slack mrkdwn: it can never mention, link or ping, or reverse what follows it. */
import { visible } from '../visible.js';

/**
 * Escapes `&`, `<` and `>`, the only characters Slack's mrkdwn parses into control sequences, so
 * `<!channel>`, `<@U123>` or `<https://evil|click>` in an article show as typed.
 */
export const escapeMrkdwn = (s: string): string => visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Shortens raw text to `max` characters with an ellipsis; clip before escaping so no entity is cut in half. */
export function clip(s: string, max: number): string {
  // Long article text is cut before it is tidied: only the part that can show is worth the work.
  const cut = s.length > 2 * max + 16;
  const t = visible(cut ? s.slice(0, 2 * max + 16) : s)
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length <= max && !cut) return t;
  return `${t.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** `<url|label>` for an http(s) URL, or the escaped label alone when there is no usable URL. */
export function link(url: string | undefined, label: string): string {
  const safe = safeUrl(url);
  return safe ? `<${safe}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>` : escapeMrkdwn(label);
}

/** The URL normalised and escaped for a link, or undefined unless it is a plain http(s) URL. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    // `|` and `>` end the URL part of a link; the URL parser leaves `|` as is.
    const href = u.href.replace(/\|/g, '%7C');
    return href.length > 1000 ? undefined : escapeMrkdwn(href);
  } catch {
    return undefined;
  }
}
