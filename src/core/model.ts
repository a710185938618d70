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
  source: 'metadata' | 'date-line' | 'text' | 'set';
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
  body: Paragraph[];
  furniture: Furniture[];
  bytes: number;
}

/** A number found in an article, with what it measures. */
export interface FigureMention {
  metric: string;
  /** Normalised metric used to match the same measure across sources. */
  metricKey: string;
  value: number;
  /** The number as written ("six tons", "1,300"). */
  text: string;
  unit: string;
  /** Absolute period ("2024", "January 2025", "as of February 2025"). */
  period: string;
  /** Qualifier as written: "about", "more than", "an estimated". */
  qualifier?: string | undefined;
  evidence: Evidence;
  /** Digits after the decimal point, for rounding checks. */
  decimals: number;
  /** Where in its article it stands, 0 (top) to 1 (end): earlier is more important. */
  position: number;
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
}

/** Sources giving different values for one metric and period. */
export interface Conflict {
  metric: string;
  period: string;
  kind: 'rounding' | 'contradiction';
  /** Set when the values are dates (value `yyyymm`): their `text` is what the sources say. */
  about?: 'date' | undefined;
  values: { value: number; text: string; sources: string[] }[];
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
