/**
 * Whether the set's mentions of a name show an actor of the story, not a place it happens in or a
 * country it only mentions. Names differ in what they need:
 *
 * | key        | an actor when                                                                     |
 * |------------|-----------------------------------------------------------------------------------|
 * | country    | it does something ("Peru will seek aid"), or half the articles name it (central)  |
 * | area       | it does something, or the set names it in half its articles (where the story is)  |
 * | single     | it does something, and is not mostly read after "in", "from" or only first        |
 * | acronym    | it does something, or two articles name it                                        |
 * | generic    | it does something, or two articles name it ("the police")                         |
 * | people     | it does something in three articles, and in a quarter of them ("workers voted")  |
 * | head       | never alone: only as the one named institution it stands for                      |
 * | org, class | it does something, or is not only read as a place ("in the European Union")       |
 * | any other  | it does something, or is not mostly read as a place ("in San Angelo")             |
 */
import { isAbbreviation } from '../extract/name-runs.js';
import type { ActorMention } from '../model.js';

/** The mentions of one actor-to-be, under the key that names it. */
export interface Candidate {
  key: string;
  name: string;
  mentions: readonly ActorMention[];
  files: number;
}

/** How one single capitalised word is used across the set. */
export interface SingleForms {
  locative: number;
  initial: number;
  total: number;
}

/** A rule for one kind of key, with an id a reviewer can point at. */
interface EvidenceRule {
  id: string;
  applies: (c: Candidate) => boolean;
  keep: (c: Candidate, articleCount: number, forms: ReadonlyMap<string, SingleForms>) => boolean;
}

const acts = (c: Candidate): boolean => c.mentions.some((m) => m.subject);
/** Named in half the set's articles, three at least: where the story is, whether or not it acts. */
const central = (c: Candidate, articleCount: number): boolean => c.files >= Math.max(3, Math.ceil(articleCount / 2));
const locativeMostly = (c: Candidate): boolean => c.mentions.filter((m) => m.cue === 'locative').length * 2 >= c.mentions.length;
const type = (c: Candidate): string => c.key.slice(0, c.key.indexOf(':'));

/** Whether a single capitalised word is a place: mostly used after "in", "near", "from", or only ever at a sentence's start. */
function singleIsPlace(word: string, forms: ReadonlyMap<string, SingleForms>): boolean {
  const f = forms.get(word);
  return !f || f.locative * 2 >= f.total || f.initial === f.total;
}

/** Checked in order; the first rule that applies decides. */
const EVIDENCE_RULES: readonly EvidenceRule[] = [
  { id: 'country-acts-or-central', applies: (c) => type(c) === 'country', keep: (c, n) => acts(c) || central(c, n) },
  { id: 'area-acts-or-central', applies: (c) => type(c) === 'area', keep: (c, n) => acts(c) || central(c, n) },
  { id: 'single-acts-not-place', applies: (c) => type(c) === 'single', keep: (c, _n, forms) => acts(c) && !singleIsPlace(c.key.split(':')[1] ?? '', forms) },
  { id: 'acronym-acts-or-recurs', applies: (c) => type(c) === 'org' && isAbbreviation(c.name), keep: (c) => acts(c) || c.files >= 2 },
  { id: 'generic-acts-or-recurs', applies: (c) => type(c) === 'generic', keep: (c) => acts(c) || c.files >= 2 },
  {
    id: 'people-act-across-sources',
    applies: (c) => type(c) === 'people',
    keep: (c, n) => new Set(c.mentions.filter((m) => m.subject).map((m) => m.evidence.file)).size >= Math.max(3, Math.ceil(n / 4)),
  },
  { id: 'head-never-alone', applies: (c) => type(c) === 'head', keep: () => false },
  {
    id: 'organization-not-only-a-place',
    applies: (c) => type(c) === 'org' || type(c) === 'class',
    keep: (c) => acts(c) || !c.mentions.every((m) => m.cue === 'locative'),
  },
  { id: 'name-not-a-place', applies: () => true, keep: (c) => acts(c) || !locativeMostly(c) },
];

/** Whether a candidate is an actor, and the rule that said so. */
export function judge(c: Candidate, articleCount: number, forms: ReadonlyMap<string, SingleForms>): { keep: boolean; rule: string } {
  const rule = EVIDENCE_RULES.find((r) => r.applies(c)) ?? EVIDENCE_RULES[EVIDENCE_RULES.length - 1];
  return rule ? { keep: rule.keep(c, articleCount, forms), rule: rule.id } : { keep: true, rule: '' };
}
