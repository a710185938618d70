/**
 * What changed since the last digest, as a `notice` reply: a title and short lines, each citing
 * the source it comes from. Every platform already renders notices, so this needs no new reply kind.
 */
import type { Changes, FigureChange } from '../core/briefing/changes.js';
import type { Evidence, SourceRef } from '../core/model.js';
import { oneLine } from '../core/text.js';
import type { Reply, SubjectRef } from './reply.js';
import { coreFirst, figureValue } from './parts.js';

/** How many of each kind of change the notice lists before a "+N more" line. */
const WHATS_NEW_LIMITS = { figures: 4, answered: 3, questions: 2, actors: 3, articles: 3, quote: 220 } as const;

const clip = (s: string, k: number): string => (s.length <= k ? s : `${s.slice(0, k - 1).trimEnd()}…`);

/** "El Diario, 2025-04-14" for the first source of `files`, "+N" when there are more. */
function citation(files: readonly string[], sources: ReadonlyMap<string, SourceRef>): string {
  const refs = [...new Set(files)].map((f) => sources.get(f)).filter((s): s is SourceRef => s !== undefined);
  const first = refs[0];
  if (!first) return '';
  const name = first.outlet ?? `“${clip(first.headline, 60)}”`;
  return ` — ${name}${first.published ? `, ${first.published}` : ''}${refs.length > 1 ? ` (+${String(refs.length - 1)})` : ''}`;
}

function figureLine(c: FigureChange, sources: ReadonlyMap<string, SourceRef>): string {
  const f = c.figure;
  const period = f.period && f.period !== 'undated' ? `, ${f.period}` : '';
  const cite = citation(
    f.sources.map((s) => s.file),
    sources,
  );
  if (c.kind === 'new' || !c.previous) return `New figure: ${f.metric}${period}: ${figureValue(f)}${cite}`;
  const p = c.previous;
  const values = [...new Set(p.values.map((v) => v.text))].join(' or ');
  // Another value for the same period is an updated count; a new period continues the measure's timeline.
  if (c.kind === 'revised') return `Updated figure: ${f.metric}${period}: ${figureValue(f)} (was ${values})${cite}`;
  return `New figure: ${f.metric}${period}: ${figureValue(f)} (${p.period}: ${values})${cite}`;
}

const more = (n: number, what: string): string[] => (n > 0 ? [`+${String(n)} more ${what}${n > 1 ? 's' : ''}`] : []);

/** The lines of a "What's new" notice, most telling first: figures, answered questions, new questions, actors, articles. */
export function whatsNewLines(changes: Changes, sourceList: readonly SourceRef[]): string[] {
  const sources = new Map(sourceList.map((s) => [s.file, s]));
  const L = WHATS_NEW_LIMITS;
  const cite = (evidence: readonly Evidence[]): string =>
    citation(
      evidence.map((e) => e.file),
      sources,
    );
  return [
    ...changes.figures.slice(0, L.figures).map((c) => figureLine(c, sources)),
    ...more(changes.figures.length - L.figures, 'figure'),
    ...changes.answered.slice(0, L.answered).map((a) => `Answered: ${a.question} “${clip(oneLine(a.answer.quote), L.quote)}”${cite([a.answer])}`),
    ...more(changes.answered.length - L.answered, 'answered question'),
    ...changes.questions.slice(0, L.questions).map((q) => `New open question: ${q.question}${cite(q.sources)}`),
    ...more(changes.questions.length - L.questions, 'open question'),
    ...coreFirst(changes.actors)
      .slice(0, L.actors)
      .map((a) => `New actor: ${a.name}${a.role ? ` (${clip(a.role, 60)})` : ''}${cite(a.sources)}`),
    ...more(changes.actors.length - L.actors, 'actor'),
    ...changes.articles.slice(0, L.articles).map((s) => `New article: “${clip(s.headline, 100)}”${citation([s.file], sources)}`),
    ...more(changes.articles.length - L.articles, 'article'),
  ];
}

/** The notice that leads a digest with what is new since `since` (a date in words). */
export function whatsNewNotice(subject: SubjectRef, changes: Changes, sourceList: readonly SourceRef[], since: string): Reply {
  return { kind: 'notice', subject, title: `What's new since ${since}`, lines: whatsNewLines(changes, sourceList) };
}

/** The one line a digest with nothing new says instead of repeating itself. */
export function nothingNewNotice(subject: SubjectRef, since: string): Reply {
  return { kind: 'notice', subject, title: `Nothing new since ${since}`, lines: [] };
}
