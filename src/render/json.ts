/** The briefing as the JSON contract of `sitrep brief --json` (shared/eval/CONTRACT.md). */
import type { Briefing } from '../core/model.js';

/** Plain data, ready for JSON.stringify. */
export function toContractJson(b: Briefing): object {
  return {
    title: b.title,
    topic: b.topic?.name ?? null,
    sources: b.sources.map((s) => ({ n: s.n, file: s.file, headline: s.headline, outlet: s.outlet ?? null, url: s.url ?? null, published: s.published ?? null })),
    figures: b.figures.map((f) => ({
      metric: f.metric, value: f.value, text: f.text, unit: f.unit, period: f.period, qualifier: f.qualifier ?? null,
      sources: f.sources.map((s) => ({ file: s.file, quote: s.quote })),
    })),
    conflicts: b.conflicts.map((c) => ({ metric: c.metric, period: c.period, kind: c.kind, values: c.values.map((v) => ({ value: v.value, text: v.text, sources: v.sources })) })),
    actors: b.actors.map((a) => ({ name: a.name, aliases: a.aliases, kind: a.kind, role: a.role, salience: a.salience, sources: a.sources })),
    questions: b.questions.map((q) => ({ question: q.question, sources: q.sources })),
    ...(b.passages ? { passages: b.passages } : {}),
  };
}
