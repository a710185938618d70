/** Fitting text into Discord's budgets by shortening it: clipping lines, dropping the tail with a "+N more". */
import { visible } from '../visible.js';

/** `s` within `max` characters, ending in "…" when cut; never splits a surrogate pair or leaves a dangling escape. */
export function clip(text: string, max: number): string {
  const s = visible(text);
  if (s.length <= max) return s;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of backslashes at the end would escape the ellipsis.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Article text made literal in Discord markdown: no bold, links, spoilers, quotes or mentions of its own. */
export const md = (s: string): string => visible(s).replace(/[\\`*_~|<>[\]]/g, '\\$&');

/**
 * As many of `lines` as fit in `max` characters, one per line, each clipped to `lineMax`; then the
 * line `more(n)` when it is not empty (n = lines left out). `more` must not shrink as n grows.
 * With `whole`, a line is never clipped (it holds a link): one that does not fit is left out.
 */
export function fitLines(lines: readonly string[], max: number, more: (hidden: number) => string, lineMax = max, { whole = false } = {}): string {
  const worst = more(lines.length);
  const reserve = worst ? worst.length + 1 : 0;
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    // The last line needs no room for a "+N more" after it, unless something is already left out.
    const last = out.length === lines.length - 1 && !more(0);
    const room = (last ? max : max - reserve) - used - (out.length ? 1 : 0);
    if (room < Math.min(lineMax, line.length, 40) || (whole && line.length > room)) break;
    const fitted = clip(line, Math.min(lineMax, room));
    out.push(fitted);
    used += fitted.length + (out.length > 1 ? 1 : 0);
  }
  const tail = more(lines.length - out.length);
  if (tail) out.push(clip(tail, max - used - (out.length ? 1 : 0)));
  return out.filter(Boolean).join('\n');
}
