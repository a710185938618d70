/** Spans of time as people write them in briefing.yaml and on the command line: `30m`, `12h`, `7d`, `2w`, `every 1h30m`. */

const MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, min: 60_000, m: 60_000, s: 1000 };

/** Milliseconds, or undefined when the text is not a span. */
export function parseSpan(text: string): number | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^every\s+/, '')
    .replace(/\s+/g, '');
  if (!/^(?:\d+(?:w|d|h|min|m|s))+$/.test(t)) return undefined;
  let ms = 0;
  for (const m of t.matchAll(/(\d+)(w|d|h|min|m|s)/g)) ms += Number(m[1]) * (MS[m[2] ?? 's'] ?? 0);
  return ms;
}

/** A span in words: `30 min`, `2 h`, `7 days`. */
export function describeSpan(ms: number): string {
  if (ms % 86_400_000 === 0) return `${String(ms / 86_400_000)} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${String(ms / 3_600_000)} h`;
  if (ms % 60_000 === 0) return `${String(ms / 60_000)} min`;
  return `${String(Math.round(ms / 1000))} s`;
}
