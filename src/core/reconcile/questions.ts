/** Merges open questions that several sources raise into one, with every sentence behind it. */
import type { Question, QuestionMention } from '../model.js';

function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const inter = b.filter((x) => A.has(x)).length;
  return inter / (A.size + b.length - inter || 1);
}

/** The question worded with the most detail ("the April 13 runoff" over "the runoff"). */
function longestSpecific(members: QuestionMention[]): string {
  const score = (q: string): number => (/\d/.test(q) ? 200 : 0) + Math.min(q.length, 90);
  return members.map((m) => m.question).sort((a, b) => score(b) - score(a))[0] ?? '';
}

/** Greedy clustering: same cue and some shared words, or many shared words. */
export function mergeQuestions(mentions: QuestionMention[]): Question[] {
  const clusters: { q: QuestionMention; members: QuestionMention[] }[] = [];
  for (const m of mentions) {
    const keyed = (cue: string): boolean => cue.includes(':') || cue === 'upcoming vote';
    const c = clusters.find((x) => x.q.question === m.question || (x.q.cue === m.cue && (keyed(m.cue) || jaccard(x.q.terms, m.terms) >= 0.2)) || jaccard(x.q.terms, m.terms) >= 0.4);
    if (c) c.members.push(m);
    else clusters.push({ q: m, members: [m] });
  }
  return clusters
    .map((c) => ({ question: longestSpecific(c.members), sources: c.members.map((m) => m.evidence), n: new Set(c.members.map((m) => m.evidence.file)).size }))
    .sort((a, b) => b.n - a.n)
    .map(({ question, sources }) => ({ question, sources }));
}
