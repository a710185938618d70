/**
 * Local ("wall clock") time in a time zone, to the minute. A wall time is held as a number: the
 * milliseconds at which a UTC clock would show the same date and time, so plain arithmetic and
 * `getUTC*` read it without any zone.
 */

import { distance } from 'fastest-levenshtein';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The IANA name of a time zone as Intl spells it (`america/new_york` -> `America/New_York`), or `undefined` if unknown. */
export function canonicalZone(name: string): string | undefined {
  if (!name.trim()) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Zones whose city resembles `name` (`Bogota`, `new york`, `America/Bogta`), for "did you mean". */
export function suggestZones(name: string, limit = 3): string[] {
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  const city = (z: string): string => key(z.split('/').pop() ?? z);
  const wanted = city(name);
  if (wanted.length < 3) return [];
  const zones = Intl.supportedValuesOf('timeZone');
  const exact = zones.filter((z) => city(z) === wanted);
  if (exact.length) return exact.slice(0, limit);
  // A typo or two: "Guayakil", "Bogata".
  const close = Math.max(1, Math.floor(wanted.length / 4));
  return zones
    .map((z) => ({ z, d: distance(city(z), wanted) }))
    .filter((x) => x.d <= close)
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.z);
}

/** The wall time (to the minute) that `instant` shows in `timeZone`. */
export function wallOf(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
}

/** The zone's offset from UTC at `instant`, in milliseconds (New York in winter: -5 h). */
export const offsetAt = (instant: number, timeZone: string): number => wallOf(instant, timeZone) - Math.floor(instant / MINUTE) * MINUTE;

/**
 * Every instant at which the zone's clocks show `wall`, earliest first: one on most days, two in
 * the hour repeated when clocks go back, none in the hour skipped when they go forward.
 */
export function instantsOf(wall: number, timeZone: string): number[] {
  // The offsets in force a day either side cover any one transition.
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  const out = [...offsets].map((o) => wall - o).filter((t) => wallOf(t, timeZone) === wall);
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * When a run scheduled for `wall` happens. A wall time repeated when clocks go back runs at its
 * first instance only; one skipped when they go forward runs at the first minute after the jump,
 * as cron does (node-cron 4.6 skips it that day).
 */
export function occurrenceOf(wall: number, timeZone: string): number {
  const instants = instantsOf(wall, timeZone);
  if (instants[0] !== undefined) return instants[0];
  // In a gap: the clock jumps over `wall` somewhere between the two offsets' readings of it.
  const before = wall - offsetAt(wall - DAY, timeZone);
  const after = wall - offsetAt(wall + DAY, timeZone);
  let t = Math.min(before, after);
  const end = Math.max(before, after);
  while (t < end && wallOf(t, timeZone) <= wall) t += MINUTE;
  return t;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-03-09 08:00`: a wall time for people. */
function formatWall(wall: number): string {
  const d = new Date(wall);
  return `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2025-03-09 08:00 America/New_York`: an instant as the zone's clocks show it. */
export function formatLocal(instant: number, timeZone: string): string {
  return `${formatWall(wallOf(instant, timeZone))} ${timeZone}`;
}

/** `in 3 h 5 min`, `in 40 s`: how long from `now` until `instant`. */
export function formatIn(instant: number, now: number): string {
  const s = Math.max(0, Math.round((instant - now) / 1000));
  if (s < 60) return `in ${String(s)} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `in ${String(m)} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `in ${String(h)} h${m % 60 ? ` ${String(m % 60)} min` : ''}`;
  return `in ${String(Math.round(h / 24))} days`;
}

/** A duration for people: `2 h`, `90 min`, `45 s`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${String(s)} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${String(m)} min`;
  const h = m / 60;
  return `${Number.isInteger(h) ? String(h) : h.toFixed(1)} h`;
}
