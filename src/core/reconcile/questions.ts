/** Merges open questions that several sources raise into one, with every sentence behind it. */
import { termsOf } from '../terms.js';
import type { Question, QuestionMention } from '../model.js';
import { overlap } from '../text.js';

/** The question with the most detail ("the April 13 runoff" over "the runoff"), then the wording most sources use. */
function wording(members: QuestionMention[]): string {
  const count = new Map<string, number>();
  for (const m of members) count.set(m.question, (count.get(m.question) ?? 0) + 1);
  const score = (q: string): number => (/\d/.test(q) ? 2000 : 0) + (count.get(q) ?? 0) * 100 + Math.min(q.length, 90);
  return [...count.keys()].sort((a, b) => score(b) - score(a))[0] ?? '';
}

interface Cluster {
  order: number;
  first: QuestionMention;
  /** Content words of the first question's wording, and its opening ("when will", "how long"). */
  asks: string[];
  head: string;
  members: QuestionMention[];
}

let template: Set<string> | undefined;
/** Words the question templates add ("Are concerns about ... warranted?"): they say nothing about the subject. */
const templateTerms = (): Set<string> =>
  (template ??= new Set(
    termsOf('concerns warranted justified criticism accusations evidence agreement approved known right approach come before win change how long take'),
  ));

const headOf = (q: string): string => q.toLowerCase().split(/\s+/).slice(0, 2).join(' ');
/** Cues that say which question they ask: every mention with the cue is the same question. */
const keyed = (cue: string): boolean => cue.includes(':') || cue === 'upcoming vote';

/** Whether a mention asks what a cluster asks. */
function sameQuestion(c: Cluster, m: QuestionMention, asks: string[]): boolean {
  if (c.first.question === m.question) return true;
  if (c.first.cue === m.cue && keyed(m.cue)) return true;
  // Same opening and the same subject: "When will workers return to work?" / "When will the 33,000 workers go back to work?"
  const q = overlap(c.asks, asks);
  if (c.head === headOf(m.question) && (q.shared >= 2 || (q.shared >= 1 && q.jaccard >= 0.15))) return true;
  const s = overlap(c.first.terms, m.terms);
  return s.jaccard >= 0.4 || (c.first.cue === m.cue && s.jaccard >= 0.2);
}

const COMMON = 300;

/**
 * Greedy clustering. Each mention is compared only with clusters that share a word with it (an
 * index from word to clusters), so a large set stays far from quadratic.
 */
export function mergeQuestions(mentions: QuestionMention[]): Question[] {
  const clusters: Cluster[] = [];
  const byWord = new Map<string, Set<Cluster>>();
  const byCue = new Map<string, Cluster>();
  for (const m of mentions) {
    const asks = termsOf(m.question).filter((w) => !templateTerms().has(w));
    const candidates = new Set<Cluster>();
    const cued = byCue.get(m.cue);
    if (cued) candidates.add(cued);
    for (const w of [...m.terms, ...asks]) {
      const list = byWord.get(w);
      // A word in hundreds of questions (the story's own name) tells none apart; rarer shared words will.
      if (list && list.size <= COMMON) for (const c of list) candidates.add(c);
    }
    const found = [...candidates].sort((a, b) => a.order - b.order).find((c) => sameQuestion(c, m, asks));
    if (found) {
      found.members.push(m);
      continue;
    }
    const c: Cluster = { order: clusters.length, first: m, asks, head: headOf(m.question), members: [m] };
    clusters.push(c);
    if (keyed(m.cue)) byCue.set(m.cue, c);
    for (const w of new Set([...m.terms, ...asks])) {
      const list = byWord.get(w);
      if (list) list.add(c);
      else byWord.set(w, new Set([c]));
    }
  }
  return clusters
    .map((c) => ({ question: wording(c.members), sources: c.members.map((m) => m.evidence), n: new Set(c.members.map((m) => m.evidence.file)).size }))
    .sort((a, b) => b.n - a.n)
    .map(({ question, sources }) => ({ question, sources }));
}
