/** Shared value types of the core: articles in, briefing out. */

/** Where a claim was read: the article's file name and the exact sentence. */
export interface Evidence {
  file: string;
  quote: string;
}

/** A publication date, with how we know it. */
export interface PubDate {
  /** ISO date, `YYYY-MM-DD`. */
  iso: string;
  year: number;
  /** 1-12 */
  month: number;
  source: 'metadata' | 'date-line' | 'url' | 'text' | 'set';
}

/** Optional facts about a source that the caller knows (from briefing.yaml). */
export interface SourceMeta {
  outlet?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
}

/** A block of body text and where it starts in the file. */
export interface Paragraph {
  text: string;
  start: number;
}

/** Text that is not the article's own prose, and why. */
export interface Furniture {
  text: string;
  reason: string;
}

/** One article file, parsed: headline, metadata, body paragraphs without page furniture. */
export interface Article {
  file: string;
  headline: string;
  outlet?: string | undefined;
  url?: string | undefined;
  published?: PubDate | undefined;
  /** Lower bound for the date found in the text, used when nothing better is known. */
  dateHint?: PubDate | undefined;
  /** Why the date the file gives could not be used ("line 2: 2025-13-45 is not a date: there is no month 13"). */
  dateProblem?: string | undefined;
  body: Paragraph[];
  furniture: Furniture[];
  bytes: number;
}

/** How a number is bounded as written: "at least 120", "up to 20 hours", "about 33,000". */
export type Bound = 'exact' | 'about' | 'at-least' | 'more-than' | 'up-to' | 'fewer-than';

/** What a unit measures; values are compared only within one dimension. */
export type Dimension =
  'people' | 'count' | 'money' | 'ratio' | 'length' | 'mass' | 'area' | 'volume' | 'energy' | 'power' | 'time' | 'speed' | 'temperature' | 'magnitude' | 'date';

/**
 * What kind of quantity a figure is: a count, an amount of money, a share (percent or fraction of
 * something), a rate per N, a multiple ("fivefold"), a change with its direction, the level a change
 * ends at, a physical quantity with a unit, or a date (when a person took office).
 */
export type FigureKind = 'count' | 'money' | 'share' | 'rate' | 'multiple' | 'change' | 'level' | 'quantity' | 'date';

/** The unit a figure is in: its dimension, canonical id and how to convert it within the dimension. */
export interface FigureUnit {
  /** Canonical id: `unit.foot`, `currency.eur`, `percent`, `people`, `count`. */
  id: string;
  dimension: Dimension;
  /** Factor to the dimension's base unit (feet to metres); 1 where nothing converts (currencies, counts). */
  toBase: number;
  /** How a figure line says it: "feet", "US dollars", "percent", "per 100,000 people". */
  label: string;
}

/**
 * What a figure measures, as a structured phrase: the head noun (a lemma), the words that narrow it,
 * the state counted things are in, and whose or where. "the deaths in Harlan County" is head
 * "deaths", scope "Harlan County"; "27 campers killed" is head "deaths" with `who` "campers".
 */
export interface Measure {
  head: string;
  /** Lower-case words before the head that narrow it ("ratification" bonus, "wage" increase). */
  modifiers: string[];
  /** For counts of people in a state: which people, when not people at large ("children" killed). */
  who?: string | undefined;
  /** Whose or where, as written ("Harlan County", "Acme"). */
  scope?: string | undefined;
  /** For a change, its direction. */
  direction?: 'up' | 'down' | undefined;
}

/** When a figure holds: a stated day, month, year or range, or else "as of" the article's date. */
export interface Period {
  /** ISO dates, inclusive; `from === to` for a day. */
  from: string;
  to: string;
  grain: 'day' | 'month' | 'quarter' | 'year' | 'span';
  /** For a day, the part a sentence names ("Tuesday morning"): counts change through a day. */
  part?: 'morning' | 'afternoon' | 'evening' | 'night' | undefined;
  /** Stated in the sentence; false when the figure is dated by its article ("as of"). */
  stated: boolean;
  /** A total from a start until the report ("since September"): it holds as of the report's date. */
  since?: boolean | undefined;
  /** As a figure line says it: "2024", "January 2025", "first 50 days of 2025", "as of July 8, 2025". */
  label: string;
}

/** A number found in an article, with what it measures. */
export interface FigureMention {
  /** Label of what is measured, for people to read ("deaths in Harlan County", "homicide rate"). */
  metric: string;
  /** Normalised metric used to match the same measure across sources. */
  metricKey: string;
  value: number;
  /** The number as written ("six tons", "1,300"). */
  text: string;
  /** The unit as a figure line says it. */
  unit: string;
  /** The period as a figure line says it ("2024", "January 2025", "as of February 2025"). */
  period: string;
  /** Qualifier as written: "about", "more than", "an estimated". */
  qualifier?: string | undefined;
  evidence: Evidence;
  /** Digits after the decimal point, for rounding checks. */
  decimals: number;
  /** Where in its article it stands, 0 (top) to 1 (end): earlier is more important. */
  position: number;
  /** The typed reading: kind, bound, unit, measure and period (absent only for dated events). */
  typed?: TypedFigure | undefined;
}

/** The typed reading of a figure, and the rule that made it. */
export interface TypedFigure {
  kind: FigureKind;
  bound: Bound;
  /** The scale the number was written in: 1e6 for "18 million". */
  scale: number;
  unit: FigureUnit;
  measure: Measure;
  period: Period;
  /** Id of the rule that read what the number measures (`measure.noun-after`, `state.dead`...). */
  rule: string;
  /** Read in the article's headline. */
  headline?: boolean | undefined;
  /** The base of a comparison ("up from 87"): an earlier value than its sentence's. */
  baseline?: boolean | undefined;
}

export type ActorKind = 'person' | 'organization' | 'institution' | 'group' | 'country';

/** One mention of an actor in one sentence. */
export interface ActorMention {
  name: string;
  kind: ActorKind;
  /** Title or description given with this mention ("Defense Minister"). */
  role?: string | undefined;
  /** Where the role comes from: a title or description of the name, or what the name does as a clause's subject. */
  roleFrom?: 'title' | 'predicate' | undefined;
  /** Key used to merge mentions of the same actor. */
  key: string;
  /** Mentioned as the subject of its clause (drives centrality). */
  subject: boolean;
  /** Read in the headline: gives a role to an actor the body names, never an actor of its own. */
  headline?: boolean | undefined;
  /**
   * What the sentence shows the name to be, for the set to weigh: `locative` after "in", "from",
   * "north of" (a place more likely than an actor); `term` an acronym of lower-case words or a unit
   * after a number ("gross domestic product (GDP)", "2100 GMT"), never an actor.
   */
  cue?: 'locative' | 'term' | undefined;
  /** How many a group of people is said to number ("33,000 machinists"): sources giving one count mean one group. */
  count?: number | undefined;
  evidence: Evidence;
}

/** A sentence saying something is unknown, pending, undecided or disputed. */
export interface QuestionMention {
  question: string;
  cue: string;
  /** Content-word stems, for merging the same question across sources. */
  terms: string[];
  evidence: Evidence;
}

/** What one article yields; extraction runs once per article. */
export interface ArticleExtract {
  article: Omit<Article, 'body' | 'furniture'>;
  figures: FigureMention[];
  actors: ActorMention[];
  questions: QuestionMention[];
  /** Body sentences, kept for free-text topics. */
  sentences: Evidence[];
  /** Places named as "City, Country" (lower-case city -> country). */
  places: [string, string][];
  /** Two-word nouns WordNet knows that the article uses ("power outage", "death toll"), once each. */
  compounds?: string[];
}

/** A figure in the briefing: one metric, period and value, with every source that gave it. */
export interface Figure {
  metric: string;
  metricKey: string;
  value: number;
  text: string;
  unit: string;
  period: string;
  qualifier?: string | undefined;
  sources: Evidence[];
  decimals: number;
  /** Rank: higher is more important. */
  weight: number;
  /** The typed reading shared by its mentions (the most specific one's). */
  typed?: TypedFigure | undefined;
  /** Why it ranks where it does beyond its sources: given in a headline, or in an opening paragraph. */
  standing?: { headline: boolean; lead: boolean } | undefined;
  /** What it measures, as reconciliation matched it: figures with one id are one measure. */
  measureId?: string | undefined;
}

/** One measure at several moments: "the death toll rose from 24 to 109". */
export interface Timeline {
  metric: string;
  /** In time order; a point with several values is a moment the sources disagree on. */
  points: { period: string; from: string; figures: Figure[] }[];
}

/** Sources giving different values for one metric and period. */
export interface Conflict {
  metric: string;
  period: string;
  /**
   * How the values differ: they agree once rounded to the coarser one's precision (`rounding`), a
   * bound allows both ("at least 24" and "25": `bounds`), or nothing reconciles them (`contradiction`).
   */
  kind: 'rounding' | 'bounds' | 'contradiction';
  /** Set when the values are dates (value `yyyymm`): their `text` is what the sources say. */
  about?: 'date' | undefined;
  values: { value: number; text: string; sources: string[] }[];
  /** The figures in conflict, so renderers never rebuild membership. */
  figures: Figure[];
}

/** One actor across all sources. */
export interface Actor {
  name: string;
  aliases: string[];
  kind: ActorKind;
  role: string;
  salience: 'core' | 'minor';
  mentions: number;
  files: string[];
  sources: Evidence[];
}

/** An open question, merged across sources. */
export interface Question {
  question: string;
  sources: Evidence[];
}

/** A source in the briefing's numbered list. */
export interface SourceRef {
  n: number;
  file: string;
  headline: string;
  outlet?: string | undefined;
  url?: string | undefined;
  published?: string | undefined;
  /** The date was inferred from the text or the rest of the set, not stated by metadata or a `Date:` line. */
  dateInferred?: boolean | undefined;
}

/** The briefing: what every renderer turns into a message. */
export interface Briefing {
  title: string;
  topic?: { name: string; label: string } | undefined;
  sources: SourceRef[];
  figures: Figure[];
  conflicts: Conflict[];
  /** Measures given for several moments, in time order. */
  timelines?: Timeline[] | undefined;
  actors: Actor[];
  questions: Question[];
  /** Sentences ranked for a free-text topic. */
  passages?: Evidence[] | undefined;
}

/** A topic of a subject: a name, a label and the words that mark it. */
export interface Topic {
  name: string;
  label: string;
  terms: string[];
}
