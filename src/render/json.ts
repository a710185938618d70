/** The briefing as the JSON contract of `sitrep brief --json` (shared/eval/CONTRACT.md). */
import type { ActorKind, Briefing, Conflict, Evidence, Figure } from '../core/model.js';

/** A source's file name and the exact substring of that file behind a claim. */
interface ContractEvidence {
  file: string;
  quote: string;
}

/** The JSON printed by `sitrep brief --json`: the contract's fields, plus text, qualifier, salience and the source list. */
export interface ContractBriefing {
  title: string;
  topic: { name: string; label: string } | null;
  sources: { n: number; file: string; headline: string; outlet: string | null; url: string | null; published: string | null }[];
  figures: {
    metric: string;
    value: number;
    unit: string;
    period: string;
    text: string;
    qualifier: string | null;
    /** The typed reading: kind, bound, dimension, the period's span, and the rule that read it. */
    kind: string | null;
    bound: string | null;
    dimension: string | null;
    from: string | null;
    to: string | null;
    rule: string | null;
    sources: ContractEvidence[];
  }[];
  /** Measures given for several moments, in time order ("rose from 24 to 109"). */
  timelines: { metric: string; points: { period: string; values: { value: number; text: string; sources: string[] }[] }[] }[];
  /** A date conflict ("took office": October 2023 vs November 2023) gives each value as its text, with the sentences saying it. */
  conflicts: {
    metric: string;
    period: string;
    kind: 'rounding' | 'bounds' | 'contradiction';
    values: { value: number | string; text: string; sources: string[]; quotes?: ContractEvidence[] }[];
  }[];
  actors: { name: string; aliases: string[]; kind: ActorKind; role: string; salience: 'core' | 'minor'; sources: ContractEvidence[] }[];
  questions: { question: string; sources: ContractEvidence[] }[];
  /** Only for a free-text topic: the sentences that answer it best. */
  passages?: ContractEvidence[];
}

const evidence = (xs: Evidence[]): ContractEvidence[] => xs.map((s) => ({ file: s.file, quote: s.quote }));

/** A date conflict: each value as the sources write it, with their sentences; the period is the years involved. */
function dateConflict(c: Conflict, figures: readonly Figure[]): ContractBriefing['conflicts'][number] {
  const years = [...new Set(c.values.map((v) => Math.floor(v.value / 100)))].sort();
  return {
    metric: c.metric,
    period: years.join('–'),
    kind: c.kind,
    values: c.values.map((v) => ({
      value: v.text,
      text: v.text,
      sources: [...v.sources],
      quotes: evidence(
        figures
          .filter((f) => f.unit === 'date' && f.value === v.value)
          .flatMap((f) => f.sources)
          .filter((s) => v.sources.includes(s.file)),
      ),
    })),
  };
}

/** Plain data, ready for `JSON.stringify`; every field is copied explicitly so internals never leak. */
export function toContractJson(b: Briefing): ContractBriefing {
  return {
    title: b.title,
    topic: b.topic ? { name: b.topic.name, label: b.topic.label } : null,
    sources: b.sources.map((s) => ({
      n: s.n,
      file: s.file,
      headline: s.headline,
      outlet: s.outlet ?? null,
      url: s.url ?? null,
      published: s.published ?? null,
    })),
    // Dates are not numbers: a disputed date is told under conflicts, with its sentences.
    figures: b.figures
      .filter((f) => f.unit !== 'date')
      .map((f) => ({
        metric: f.metric,
        value: f.value,
        unit: f.unit,
        period: f.period,
        text: f.text,
        qualifier: f.qualifier ?? null,
        kind: f.typed?.kind ?? null,
        bound: f.typed?.bound ?? null,
        dimension: f.typed?.unit.dimension ?? null,
        from: f.typed?.period.from ?? null,
        to: f.typed?.period.to ?? null,
        rule: f.typed?.rule ?? null,
        sources: evidence(f.sources),
      })),
    timelines: (b.timelines ?? []).map((t) => ({
      metric: t.metric,
      points: t.points.map((p) => ({
        period: p.period,
        values: p.figures.map((f) => ({ value: f.value, text: f.text, sources: [...new Set(f.sources.map((s) => s.file))] })),
      })),
    })),
    conflicts: b.conflicts.map((c) =>
      c.about === 'date'
        ? dateConflict(c, b.figures)
        : {
            metric: c.metric,
            period: c.period,
            kind: c.kind,
            values: c.values.map((v) => ({ value: v.value, text: v.text, sources: [...v.sources] })),
          },
    ),
    actors: b.actors.map((a) => ({ name: a.name, aliases: [...a.aliases], kind: a.kind, role: a.role, salience: a.salience, sources: evidence(a.sources) })),
    questions: b.questions.map((q) => ({ question: q.question, sources: evidence(q.sources) })),
    ...(b.passages ? { passages: evidence(b.passages) } : {}),
  };
}
