/** The briefing as plain text for a terminal or a chat: short by default (one message), everything with `all`. */
import type { Briefing, Evidence, Figure } from '../core/model.js';
import { oneLine } from '../core/text.js';
import { actorText, conflictMarker, coreFirst, figureLines, figureValue, sourceDate, timelineMarker } from './parts.js';

/** How many of each section a short briefing shows, so it stays about 15 lines. */
const SHORT = { figures: 4, actors: 3, questions: 2, passages: 3, refs: 3, headline: 80, quote: 200, role: 40 } as const;

/**
 * Renders the briefing; every item cites its sources as [n], numbered as in `b.sources`. `more`
 * says how the reader sees everything, after the count of what the short briefing leaves out.
 */
export function renderMarkdown(b: Briefing, { all, more: howMore = '--all shows everything' }: { all: boolean; more?: string }): string {
  const number = new Map(b.sources.map((s) => [s.file, s.n]));
  const cited = new Set<number>();
  const refs = (files: string[], cap = all ? Infinity : SHORT.refs): string => {
    const ns = [...new Set(files.map((f) => number.get(f)).filter((n): n is number => n !== undefined))].sort((x, y) => x - y);
    ns.slice(0, cap).forEach((n) => cited.add(n));
    return `${ns
      .slice(0, cap)
      .map((n) => `[${n}]`)
      .join('')}${ns.length > cap ? `+${ns.length - cap}` : ''}`;
  };
  const take = <T>(xs: T[], k: number): T[] => (all ? xs : xs.slice(0, k));
  const clip = (s: string, k: number): string => (all || s.length <= k ? s : `${s.slice(0, k - 1).trimEnd()}…`);
  const out: string[] = [`${b.title}${b.topic ? ` — ${b.topic.label}` : ''}`];
  const more: string[] = [];

  const lines = figureLines(b);
  const shownFigures = take(lines, SHORT.figures);
  if (shownFigures.length) out.push('Key figures');
  for (const { figure: f, conflict: c, timeline: t } of shownFigures) {
    const course = t ? timelineMarker(t, refs) : undefined;
    out.push(`- ${figureLine(f, refs)}${c ? ` ${conflictMarker(c, refs)}` : ''}${course ? ` ${course}` : ''}`);
  }
  const hiddenFigures = lines.slice(shownFigures.length).reduce((n, l) => n + l.count, 0);
  if (hiddenFigures) more.push(`${hiddenFigures} more figure${hiddenFigures > 1 ? 's' : ''}`);

  const passages = take(b.passages ?? [], SHORT.passages);
  if (passages.length) out.push('Passages');
  for (const p of passages) out.push(`- “${clip(oneLine(p.quote), SHORT.quote)}” ${refs([p.file])}`);

  const actors = take(coreFirst(b.actors), SHORT.actors);
  if (actors.length && all) {
    out.push('Actors');
    for (const a of actors) out.push(`- ${actorText(a)} ${refs(a.files.length ? a.files : a.sources.map((s) => s.file))}`);
  } else if (actors.length) out.push(`Actors: ${actors.map((a) => actorText({ ...a, role: clip(a.role, SHORT.role) })).join(' · ')}`);
  if (b.actors.length > actors.length) more.push(`${b.actors.length - actors.length} more actor${b.actors.length - actors.length > 1 ? 's' : ''}`);

  const questions = take(b.questions, SHORT.questions);
  if (questions.length) out.push('Open questions');
  for (const q of questions) out.push(`- ${q.question} ${refs(q.sources.map((s) => s.file))}`);
  if (b.questions.length > questions.length)
    more.push(`${b.questions.length - questions.length} more question${b.questions.length - questions.length > 1 ? 's' : ''}`);

  if (out.length === 1) out.push(b.topic ? `Nothing in these articles bears on ${b.topic.label}.` : 'Nothing found in these articles.');
  if (more.length) out.push(`+${more.join(', +')} (${howMore})`);
  const sources = all ? b.sources : b.sources.filter((s) => cited.has(s.n));
  for (const s of sources) {
    const headline = clip(s.headline, SHORT.headline);
    out.push(`[${s.n}] ${s.outlet ? `${s.outlet} — ` : ''}${headline}${s.published ? ` (${sourceDate(s) ?? ''})` : ''}${all && s.url ? ` ${s.url}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function figureLine(f: Figure, refs: (files: string[]) => string): string {
  const period = f.period && f.period !== 'undated' ? `, ${f.period}` : '';
  return `${figureValue(f)} — ${f.metric}${period} ${refs(f.sources.map((s: Evidence) => s.file))}`;
}
