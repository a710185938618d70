/**
 * What changed since a digest: new articles, new or revised figures, new actors, new open
 * questions, and open questions that new articles answer. Pure: a digest's coverage in, the
 * current briefing and the set's sentences in, the changes out.
 */
import { termsOf } from '../terms.js';
import type { Actor, Briefing, Evidence, Figure, Question, SourceRef } from '../model.js';
import { anyOf, overlap } from '../text.js';

/** What one digest covered, kept (as JSON) to compare the next one against. */
export interface Coverage {
  /** 2 when figure keys are measure ids; older coverage keyed figures by their label. */
  v?: number | undefined;
  /** When the digest went out, ISO; said in "What's new since …". */
  at: string;
  /** Content keys of every article in the set. */
  articles: string[];
  /** Every figure of the briefing. */
  figures: { key: string; metric: string; period: string; value: number; text: string }[];
  /** Actor names and aliases, lower-case. */
  actors: string[];
  /** Open questions, as worded. */
  questions: string[];
}

/**
 * A figure the last digest did not give: `new` (a measure it did not have), `timeline` (a new
 * period of a measure it had: "2025" after "2024"), or `revised` (another value for the same
 * measure and period: an updated count).
 */
export interface FigureChange {
  kind: 'new' | 'timeline' | 'revised';
  figure: Figure;
  /**
   * What the last digest said for this measure: for the same period (revised) or its latest
   * other period (timeline); every value it gave for that period, when sources disagreed.
   */
  previous?: { period: string; values: { value: number; text: string }[] } | undefined;
}

/** A question the last digest left open, and the new sentence that answers it. */
interface Answered {
  question: string;
  answer: Evidence;
}

/** Everything new since `since`. */
export interface Changes {
  since: string;
  articles: SourceRef[];
  figures: FigureChange[];
  actors: Actor[];
  questions: Question[];
  answered: Answered[];
}

/** The current state to compare: the briefing, each article file's content key, and the set's sentences. */
export interface CurrentState {
  briefing: Briefing;
  /** File -> content key; a file without one is keyed by its name. */
  keys: ReadonlyMap<string, string>;
  sentences: readonly Evidence[];
}

const measureOf = (f: Figure): string => f.measureId ?? f.metricKey;
const figureKey = (f: Figure): string => `${measureOf(f)}|${f.period}`;
const keyOf = (keys: ReadonlyMap<string, string>, file: string): string => keys.get(file) ?? file;

/** What a briefing covers, to be kept with the digest that posted it. */
export function coverageOf(state: Omit<CurrentState, 'sentences'>, at: string): Coverage {
  const b = state.briefing;
  return {
    v: 2,
    at,
    articles: b.sources.map((s) => keyOf(state.keys, s.file)),
    figures: b.figures.filter((f) => f.metricKey).map((f) => ({ key: figureKey(f), metric: f.metric, period: f.period, value: f.value, text: f.text })),
    actors: [...new Set(b.actors.flatMap((a) => [a.name, ...a.aliases].map((n) => n.toLowerCase())))],
    questions: b.questions.map((q) => q.question),
  };
}

/**
 * A sentence that reports an outcome: a past-tense verb of deciding or winning, and no hedge
 * (a sentence that says a vote "will be held" answers nothing yet).
 */
const OUTCOME = new RegExp(
  String.raw`\b${anyOf([
    /won|wins|held|approved|approves|rejected|rejects|decided|ruled|passed|signed|ratified/,
    /elected|re-elected|defeated|beat|lost|declared|confirmed|agreed|voted|chose|named|appointed/,
    /ended|concluded|upheld|overturned|struck down|blocked|granted|denied|endorsed|secured|finished/,
    /resulted in|took office|was sworn in/,
  ])}\b`,
  'i',
);
const HEDGE =
  /\b(?:will|would|could|may|might|whether|unclear|unknown|uncertain|if|expected to|plans? to|set to|yet to|not yet|pending|awaits?|could not|did not)\b/i;

/** How many of the question's words a sentence must share: two, or all of them when it has fewer. */
const enoughOverlap = (shared: number, total: number): boolean => shared >= Math.min(2, total) && shared / Math.max(1, total) >= 0.5;

/** A new sentence that reports an outcome, with its terms: read once for every question it may answer. */
interface Outcome {
  ev: Evidence;
  terms: string[];
}

const outcomesIn = (sentences: readonly Evidence[]): Outcome[] =>
  sentences
    .filter((ev) => !/\?\s*["”’]?\s*$/.test(ev.quote) && OUTCOME.test(ev.quote) && !HEDGE.test(ev.quote))
    .map((ev) => ({ ev, terms: termsOf(ev.quote) }));

function answeredBy(question: string, outcomes: readonly Outcome[]): Evidence | undefined {
  const terms = termsOf(question);
  if (!terms.length) return undefined;
  let best: { ev: Evidence; score: number } | undefined;
  for (const { ev, terms: own } of outcomes) {
    // "win" and "winner", "elect" and "election": a word and its derivation are one term.
    const shared = terms.filter((t) => own.some((o) => o === t || (Math.min(o.length, t.length) >= 3 && (o.startsWith(t) || t.startsWith(o))))).length;
    if (enoughOverlap(shared, terms.length) && (!best || shared > best.score)) best = { ev, score: shared };
  }
  return best?.ev;
}

/** The figure of the latest period among `figures`: the one a new period follows in its timeline. */
const latest = (figures: Coverage['figures'], order: ReadonlyMap<string, string>): Coverage['figures'][number] | undefined =>
  figures.reduce<Coverage['figures'][number] | undefined>(
    (best, f) => (!best || (order.get(f.period) ?? f.period) > (order.get(best.period) ?? best.period) ? f : best),
    undefined,
  );

/**
 * Figures a new article states that the last digest did not give, in the briefing's order (the new
 * reports' headline numbers first). Another value for a measure and period the digest had is a
 * revision; a new period of a measure it had is the next point of that measure's timeline.
 */
function figureChanges(previous: Coverage, figures: Figure[], fresh: (files: string[]) => boolean): FigureChange[] {
  // Coverage from before measure ids knew figures by label: compare those by period and value only.
  const keyed = (previous.v ?? 1) >= 2;
  const seenKey = (key: string, period: string, value: number): string => `${keyed ? key : period}|${String(value)}`;
  const seen = new Set(previous.figures.map((f) => seenKey(f.key, f.period, f.value)));
  const byMeasure = new Map<string, Coverage['figures']>();
  for (const f of previous.figures) {
    const measure = f.key.slice(0, f.key.lastIndexOf('|'));
    byMeasure.set(measure, [...(byMeasure.get(measure) ?? []), f]);
  }
  // Periods sort by when they start; the briefing's figures know that, the coverage only their labels.
  const order = new Map(figures.map((f) => [f.period, f.typed?.period.from ?? f.period]));
  const out: FigureChange[] = [];
  for (const f of figures) {
    if (!f.metricKey || seen.has(seenKey(figureKey(f), f.period, f.value)) || !fresh(f.sources.map((s) => s.file))) continue;
    const before = keyed ? (byMeasure.get(measureOf(f)) ?? []) : [];
    const same = before.filter((p) => p.period === f.period);
    if (same.length) {
      out.push({ kind: 'revised', figure: f, previous: { period: f.period, values: same.map((p) => ({ value: p.value, text: p.text })) } });
      continue;
    }
    const last = latest(before, order);
    if (last)
      out.push({
        kind: 'timeline',
        figure: f,
        previous: { period: last.period, values: before.filter((p) => p.period === last.period).map((p) => ({ value: p.value, text: p.text })) },
      });
    else out.push({ kind: 'new', figure: f });
  }
  // The new reports' headline numbers lead: they are what the reports are about.
  return [...out.filter((c) => c.figure.standing?.headline), ...out.filter((c) => !c.figure.standing?.headline)];
}

/** What is new in `current` since the digest that covered `previous`. */
export function changesSince(previous: Coverage, current: CurrentState): Changes {
  const { briefing: b, keys } = current;
  const known = new Set(previous.articles);
  const isNew = (file: string): boolean => !known.has(keyOf(keys, file));
  const fresh = (files: string[]): boolean => files.some(isNew);
  const actorsBefore = new Set(previous.actors);
  const questionTerms = previous.questions.map(termsOf);
  const outcomes = outcomesIn(current.sentences.filter((s) => isNew(s.file)));
  const answered: Answered[] = [];
  for (const question of previous.questions) {
    const answer = answeredBy(question, outcomes);
    if (answer) answered.push({ question, answer });
  }
  const answeredTerms = answered.map((a) => termsOf(a.question));
  // A topic's digest lists only the new articles that bear on it: those its figures, questions and
  // passages cite. (Not its actors: an actor on topic brings every article that names it.)
  const cited = b.topic
    ? new Set(
        [...b.figures.flatMap((f) => f.sources), ...b.questions.flatMap((q) => q.sources), ...(b.passages ?? []), ...answered.map((a) => a.answer)].map(
          (e) => e.file,
        ),
      )
    : undefined;
  return {
    since: previous.at,
    articles: b.sources.filter((s) => isNew(s.file) && (!cited || cited.has(s.file))),
    figures: figureChanges(previous, b.figures, fresh),
    actors: b.actors.filter(
      (a) => fresh(a.files.length ? a.files : a.sources.map((s) => s.file)) && ![a.name, ...a.aliases].some((n) => actorsBefore.has(n.toLowerCase())),
    ),
    questions: b.questions.filter((q) => {
      if (previous.questions.includes(q.question) || !fresh(q.sources.map((s) => s.file))) return false;
      const terms = termsOf(q.question);
      return ![...questionTerms, ...answeredTerms].some((t) => overlap(t, terms).jaccard >= 0.5);
    }),
    answered,
  };
}

/** Whether nothing at all changed. */
export const nothingNew = (c: Changes): boolean => !c.articles.length && !c.figures.length && !c.actors.length && !c.questions.length && !c.answered.length;
