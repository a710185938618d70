/** The briefing as text for a terminal: short by default (one chat message), everything with `all`. */
import type { Briefing, Conflict, Figure } from '../core/model.js';

/** How many of each section a short briefing shows. */
export const SHORT = { figures: 5, actors: 3, questions: 2, passages: 3 } as const;

const fmtNumber = (f: Figure): string => {
  const unitInText = f.text.toLowerCase().includes(f.unit.split(' ')[0]?.toLowerCase() ?? '') || /%|\$|€|£/.test(f.text);
  const unit = unitInText || ['count', 'bananas'].includes(f.unit) || f.unit === f.metric ? '' : ` ${f.unit}`;
  return `${f.qualifier ? `${f.qualifier} ` : ''}${f.text}${unit}`;
};

function conflictNote(c: Conflict, n: (file: string) => string): string {
  const vals = c.values.map((v) => `${v.text} ${v.sources.map(n).join('')}`).join(' · ');
  return c.kind === 'rounding' ? `≈ sources round differently: ${vals}` : `⚠ sources disagree: ${vals}`;
}

/** Renders the briefing; sources are cited as [n] from its numbered source list. */
export function renderMarkdown(b: Briefing, { all }: { all: boolean }): string {
  const num = new Map(b.sources.map((s) => [s.file, s.n]));
  const n = (file: string): string => `[${num.get(file) ?? '?'}]`;
  const out: string[] = [`# ${b.title}${b.topic ? ` — ${b.topic.label}` : ''}`];
  const cut = <T>(xs: T[], k: number): T[] => (all ? xs : xs.slice(0, k));
  // Section headers carry the "+N more" count, so a short briefing stays one chat message.
  const header = (title: string, xs: unknown[], k: number, what: string): string => (!all && xs.length > k ? `${title} (+${xs.length - k} more ${what})` : title);
  // Conflicting values sit together, so a reader sees the disagreement at a glance.
  const shown = new Set<string>();
  const figures: Figure[] = [];
  for (const f of b.figures) {
    const key = `${f.metric}|${f.period}`;
    const c = b.conflicts.find((x) => x.metric === f.metric && x.period === f.period);
    if (c && shown.has(key)) continue;
    shown.add(key);
    figures.push(f);
  }
  if (figures.length) {
    out.push(header('Key figures', figures, SHORT.figures, 'figures'));
    for (const f of cut(figures, SHORT.figures)) {
      const c = b.conflicts.find((x) => x.metric === f.metric && x.period === f.period);
      const period = f.period === 'undated' ? '' : `, ${f.period}`;
      if (c) out.push(`- ${f.metric}${period}: ${conflictNote(c, n)}`);
      else out.push(`- ${fmtNumber(f)} — ${f.metric}${period} ${f.sources.map((s) => n(s.file)).join('')}`);
    }
  }
  if (b.passages?.length) {
    out.push('Most relevant sentences');
    for (const p of cut(b.passages, SHORT.passages)) out.push(`- “${p.quote}” ${n(p.file)}`);
  }
  if (b.actors.length) {
    out.push(header('Actors', b.actors, SHORT.actors, 'actors'));
    for (const a of cut(b.actors, SHORT.actors)) out.push(`- ${a.name}${a.role ? ` — ${a.role}` : ''} ${a.files.map(n).join('')}`);
  }
  if (b.questions.length) {
    out.push(header('Open questions', b.questions, SHORT.questions, 'questions'));
    for (const q of cut(b.questions, SHORT.questions)) out.push(`- ${q.question} ${[...new Set(q.sources.map((s) => s.file))].map(n).join('')}`);
  }
  if (!figures.length && !b.actors.length && !b.questions.length && !b.passages?.length) out.push('Nothing in these articles bears on this topic.');
  out.push('Sources');
  for (const s of b.sources) out.push(`[${s.n}] ${s.outlet ? `${s.outlet} — ` : ''}${s.headline.length > 90 ? `${s.headline.slice(0, 87)}…` : s.headline}${s.published ? ` (${s.published})` : ''}${all && s.url ? ` ${s.url}` : ''}`);
  return `${out.join('\n')}\n`;
}
