/**
 * `sitrep explain` and `brief --explain` as text: for each number, the reading and the rule that
 * made it, or why it is no figure; for a briefing, each figure's rule and how sources were matched.
 */
import type { ExplainedSentence } from '../core/extract/figures/explain.js';
import type { Briefing, Figure } from '../core/model.js';
import { sourceNumbers } from './parts.js';

const BOUND_WORDS: Record<string, string> = {
  exact: '',
  about: 'about',
  'at-least': 'at least',
  'more-than': 'more than',
  'up-to': 'up to',
  'fewer-than': 'fewer than',
};

/** The typed reading of a figure on one line: what, kind, bound, unit, period and rule. */
function readingLine(f: Pick<Figure, 'metric' | 'unit' | 'period' | 'typed'>): string {
  const t = f.typed;
  if (!t) return `${f.metric} · date · rule event.took-office`;
  const bound = BOUND_WORDS[t.bound] ? `, ${BOUND_WORDS[t.bound] ?? ''}` : '';
  const unit = t.unit.label ? ` · ${t.unit.label} (${t.unit.dimension})` : t.unit.dimension === t.kind ? '' : ` · ${t.unit.dimension}`;
  const period = `${t.period.label}${t.period.stated ? '' : ' (the article’s date)'}`;
  return `${f.metric} · ${t.kind}${bound}${unit} · ${period} · rule ${t.rule}`;
}

/** What the extractor makes of each sentence. */
export function renderExplainedText(sentences: ExplainedSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    out.push(`“${s.text}”`);
    if (!s.numbers.length) out.push('  no numbers');
    for (const n of s.numbers) {
      out.push(
        n.figure ? `  ${n.text} → ${readingLine(n.figure)}` : `  ${n.text} → no figure: ${n.excluded?.reason ?? 'unread'} (rule ${n.excluded?.rule ?? '?'})`,
      );
    }
    for (const t of s.times) out.push(`  time “${t.text}” → ${t.period ?? 'no fixed period'} (rule ${t.rule})`);
  }
  return `${out.join('\n')}\n`;
}

/** Every figure of a briefing with its reading, its sources and the measure it was matched on; then conflicts and timelines. */
export function renderBriefingExplained(b: Briefing): string {
  const n = sourceNumbers(b.sources);
  const refs = (files: string[]): string => [...new Set(files)].map((f) => `[${String(n.get(f) ?? '?')}]`).join('');
  const out = [`${b.title}: how each figure was read`, ''];
  for (const f of b.figures) {
    out.push(`${f.qualifier ? `${f.qualifier} ` : ''}${f.text} ${refs(f.sources.map((s) => s.file))}`);
    out.push(`  ${readingLine(f)}`);
    if (f.measureId) out.push(`  matched as ${f.measureId}`);
  }
  if (b.conflicts.length) {
    out.push('', 'Disagreements');
    for (const c of b.conflicts) out.push(`  ${c.metric}, ${c.period}: ${c.values.map((v) => `${v.text} ${refs(v.sources)}`).join(' · ')} (${c.kind})`);
  }
  if (b.timelines?.length) {
    out.push('', 'Timelines');
    for (const t of b.timelines) out.push(`  ${t.metric}: ${t.points.map((p) => `${p.figures.map((f) => f.text).join('/')} (${p.period})`).join(' → ')}`);
  }
  return `${out.join('\n')}\n`;
}
