/** The words open questions are told in: who did not say, what is not known, what opens an embedded question. */
import { MONTH_ALTERNATION } from '../calendar.js';

/** The words that open an embedded question: "whether", "how", "who"... */
export const WH_WORDS: readonly string[] = 'which what how when where who whom whose whether why if'.split(' ');
export const WH_CLAUSE = `((?:${WH_WORDS.join('|')})\\b[^;]*)`;
export const MONTH = `(?:${MONTH_ALTERNATION})`;

/** Who did not, would not or could not tell: "did not say", "declined to", "has yet to". */
export const WITHHELD: readonly string[] = [
  '(?:neither|nobody|no one|none)\\b[^,;]{0,30}?\\s+(?:would|could|did|will|was able to)',
  "(?:did|does|do|would|could|has|have|had)(?:\\s+not|n['’]t)",
  'declined to',
  'refused to',
  '(?:was|were|is|are) unable to',
  '(?:has|have) yet to',
];
/** What they did not do: say, specify, explain... (base and past forms). */
export const TELL: readonly string[] = (
  'say said specify specified disclose disclosed reveal revealed name named identify identified explain explained detail detailed ' +
  'confirm confirmed clarify clarified indicate indicated announce announced determine determined establish established ' +
  'know known decide decided provide provided give given offer offered'
).split(' ');
/** What they did not give: "did not provide details on how", "no explanation for why". */
export const TOLD: readonly string[] = [
  'details?',
  'explanations?',
  'information',
  'reasons?',
  'timeline',
  'breakdown',
  'figures',
  'numbers',
  'word',
  'indication',
];

/** "Not (immediately) clear", "unknown", "uncertain": what says a thing is not known. */
const NOT_KNOWN = '(?:unclear|unknown|uncertain|undetermined|not\\s+(?:immediately\\s+|yet\\s+|entirely\\s+|fully\\s+)?(?:clear|known|certain))';

/**
 * Frames that put a wh- or whether-clause in doubt: "it is unclear whether", "hard to say how many".
 * Each with its anchor words (see `Cue.anchors`), one of which it cannot match without.
 */
export const UNKNOWN_FRAMES: readonly { re: string; anchors: string }[] = [
  {
    re:
      `(?:it|this)(?:\\s+|['’])(?:s|is|was|remains|remained)\\s+(?:still\\s+|also\\s+)?${NOT_KNOWN}` +
      `(?:\\s+(?:at\\s+this\\s+(?:time|point|stage)|for\\s+now|so\\s+far|yet))?`,
    anchors: 'unclear unknown uncertain undetermined clear known certain',
  },
  {
    re: `(?:remains?|remained|is|are|was|were)\\s+(?:still\\s+)?${NOT_KNOWN}\\s+(?:on|as to|about|over)?`,
    anchors: 'unclear unknown uncertain undetermined clear known certain',
  },
  { re: '(?:it\\s+)?remains\\s+to\\s+be\\s+seen', anchors: 'seen' },
  {
    re:
      '(?:hard|difficult|impossible|too early|too soon)\\s+to\\s+' +
      '(?:say|know|tell|determine|predict|assess|estimate|gauge|establish|get\\s+a\\s+(?:complete|full|clear|accurate)\\s+picture\\s+of)' +
      '(?:\\s+(?:for\\s+(?:certain|sure)|with\\s+certainty|yet|exactly))?',
    anchors: 'hard difficult impossible early soon',
  },
  {
    re:
      '(?:many\\s+|serious\\s+|new\\s+)?questions?\\s+' +
      '(?:remain|remained|swirl|swirled|swirling|linger|lingered|persist|persisted|mount|mounted|grow|grew|arose|arise|' +
      'were\\s+raised|have\\s+been\\s+raised|are\\s+being\\s+asked)\\s*(?:about|over|as\\s+to|on)?',
    anchors: 'question questions',
  },
  { re: '(?:no one|nobody)\\s+(?:knows|knew|can\\s+say|could\\s+say)', anchors: 'knows knew say' },
  { re: '(?:uncertainty|doubts?)\\s+(?:remains?\\s+)?(?:about|over|as\\s+to|on)', anchors: 'uncertainty doubt doubts' },
  { re: '(?:divided|split)\\s+(?:over|on|about|as\\s+to)', anchors: 'divided split' },
  // "There was no specific guidance from the bank on where rates may settle."
  {
    re:
      '(?:no|little)\\s+(?:specific\\s+|clear\\s+|further\\s+|firm\\s+)?(?:guidance|indication|signal|word)\\s+' +
      '(?:from\\s+[^,;]{1,40}?\\s+)?(?:on|about|as\\s+to|of)',
    anchors: 'guidance indication signal word',
  },
  {
    re: '(?:under|over)(?:represent|state|estimate|count)s?',
    anchors:
      'underrepresent underrepresents understate understates underestimate underestimates undercount undercounts ' +
      'overrepresent overrepresents overstate overstates overestimate overestimates overcount overcounts',
  },
  {
    re: '(?:is|are|was|were)\\s+(?:still\\s+)?(?:investigating|examining|looking\\s+into|trying\\s+to\\s+(?:determine|establish|understand|find\\s+out))',
    anchors: 'investigating examining looking trying',
  },
  // People asking: "residents questioned why", "families want to know how".
  {
    re: '(?:questioned|questioning|wondered|wondering|(?:want|wants|wanted|demanded|demanding|demand)\\s+to\\s+know)',
    anchors: 'questioned questioning wondered wondering know',
  },
  // A decision still to come: "the court will decide whether", "regulators must determine how".
  { re: '(?:will|would|must|to|yet\\s+to)\\s+(?:decide|determine|rule\\s+on|weigh|assess)', anchors: 'decide determine rule weigh assess' },
  // Not decided yet: "no decision has been made on whether", "officials have not decided when", "undecided about how".
  {
    re:
      '(?:no\\s+(?:final\\s+)?decision\\s+(?:has|had|have)?\\s*(?:yet\\s+)?(?:been|was)\\s+(?:made|taken|reached)(?:\\s+yet)?\\s+(?:on|about|as\\s+to)|' +
      "(?:has|have|had)\\s+(?:not|n[’']t)\\s+(?:yet\\s+)?decided|" +
      '(?:remain|remains|remained|is|are|was|were)\\s+(?:still\\s+)?undecided\\s+(?:on|about|over|as\\s+to)?)',
    anchors: 'decision decided undecided',
  },
  // Still deliberating: "officials are weighing whether to close the port", "the board is considering how".
  {
    re: '(?:is|are|was|were)\\s+(?:still\\s+|now\\s+)?(?:weighing|considering|mulling|debating|discussing)',
    anchors: 'weighing considering mulling debating discussing',
  },
];

/** How a thing is said to be not yet explained: "the cause remains unclear", "the future of X is in doubt". */
export const UNEXPLAINED: readonly string[] = [
  'unclear',
  'unknown',
  'uncertain',
  'undetermined',
  'unexplained',
  'unconfirmed',
  'a mystery',
  'not known',
  'not clear',
  'not yet known',
  'not yet clear',
  'not immediately (?:clear|known)',
  'under investigation',
  'being investigated',
  'yet to be (?:determined|established|confirmed)',
  'to be determined',
  'being (?:determined|investigated|analy[sz]ed|examined|assessed|established)',
  'in doubt',
  'in question',
  'in limbo',
  'up in the air',
];

/** What a cue makes of a sentence: the question, and a key shared by questions about the same thing. */
export interface Asked {
  question: string;
  key?: string | undefined;
}

/** A rule: when `re` matches a sentence, `ask` words its question (or declines). */
export interface Cue {
  id: string;
  /**
   * Words `re` cannot match without, so that a sentence lacking them is not scanned for it (most
   * sentences lack them): each string is a space-separated set of lower-case words, and a sentence
   * can match only if it holds a word of every set as a whole word. A word chosen here must stand in
   * `re` between spaces, `\b` or the sentence's ends, and every way `re` can match must need one.
   */
  anchors: readonly string[];
  re: RegExp;
  ask: (m: RegExpExecArray, sentence: string) => Asked | string | undefined;
}
