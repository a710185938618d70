/** Open questions: sentences saying something is unknown, undecided, pending, disputed or could still happen. */
import type { QuestionMention } from '../model.js';
import { stem } from '../nlp.js';
import { termsOf } from '../terms.js';
import { anchorGate } from './anchor-gate.js';
import { anyOf } from '../text.js';
import { MONTH, TELL, TOLD, UNEXPLAINED, UNKNOWN_FRAMES, WH_CLAUSE, WH_WORDS, WITHHELD } from './question-words.js';
import { asSubject, cutClause, firstVerb, mainSubject, participle, processParticiple, subjectAt, tidy, yesNoQuestion } from './question-grammar.js';
import { decisionSubject, embedded, FIRST_PERSON, howLong, modalQuestion, when } from './question-asks.js';
import { COUNT_CUES } from './question-counts.js';
import { explained, INQUIRY_CUES } from './question-inquiries.js';
import type { Asked, Cue } from './question-words.js';

/** Ordered: the first cue that words a question for a sentence wins. */
const CUES: readonly Cue[] = [
  {
    id: 'not said',
    anchors: [TELL.join(' '), WH_WORDS.join(' ')],
    re: new RegExp(
      `\\b${anyOf(WITHHELD)}\\s+(?:immediately\\s+|yet\\s+|publicly\\s+)?${anyOf(TELL)}(?:\\s+yet)?\\s+(?:(?:any|new|further|more|a|an|the)\\s+)*` +
        `(?:${anyOf(TOLD)}\\s+(?:for|on|about|of|as to|regarding)\\s+)?${WH_CLAUSE}`,
      'i',
    ),
    ask: (m, s) => (m[1] ? embedded(m[1], s) : undefined),
  },
  {
    id: 'unknown',
    anchors: [WH_WORDS.join(' '), UNKNOWN_FRAMES.map((f) => f.anchors).join(' ')],
    re: new RegExp(`\\b(?:${UNKNOWN_FRAMES.map((f) => f.re).join('|')})\\s+${WH_CLAUSE}`, 'i'),
    ask: (m, s) => (m[1] ? embedded(m[1], s) : undefined),
  },
  {
    id: 'whether unclear',
    anchors: [WH_WORDS.join(' ')],
    re: new RegExp(
      String.raw`^(?:while\s+)?((?:whether|how|what|which|who|why|when)\s+.{10,}?)\s+(?:remains|is|are|was)\s+(?:still\s+)?` +
        String.raw`(?:unclear|unknown|uncertain|to be seen|an open question|not known)`,
      'i',
    ),
    ask: (m, s) => (m[1] ? embedded(m[1], s) : undefined),
  },
  {
    id: 'unexplained',
    anchors: ['unclear unknown uncertain undetermined unexplained unconfirmed mystery known clear investigation being yet determined doubt question limbo air'],
    re: new RegExp(
      `(?:^|[,;—–]\\s*|\\b(?:but|and|said|says|adding|noting|while)\\s+(?:that\\s+)?)((?:the|its|their|his|her)\\s+[^,;:"“”]{2,120}?)` +
        `\\s+(?:remains?|remained|is|are|was|were)\\s+(?:still\\s+|as yet\\s+|so far\\s+)?${anyOf(UNEXPLAINED)}\\b`,
      'i',
    ),
    ask: (m) => (/\b(?:said|says|told|added|noted)\b/i.test(m[1] ?? '') ? undefined : explained(m[1])),
  },
  {
    id: 'no explanation',
    anchors: ['no'],
    re: new RegExp(
      String.raw`\b(?:no|No)\s+(?:firm|clear|official|definitive|confirmed|obvious)?\s*` +
        String.raw`((?:causes?|explanations?|reasons?|motives?)\s+(?:for|of|behind)\s+[^,;]{3,120}?)` +
        String.raw`\s+(?:has|have|had)?\s*(?:yet\s+)?(?:emerged|been\s+(?:given|found|established|identified|determined|offered|announced))`,
    ),
    ask: (m) => explained(m[1]),
  },
  {
    id: 'no details',
    anchors: ['no'],
    re: /\b(?:no|No)\s+(?:confirmed|official|further|new|clear|immediate)?\s*(?:details|information|word)\s+(?:yet\s+)?(?:about|on|of|as to)\s+([^;]{3,160})/,
    ask: (m) => explained(m[1]),
  },
  {
    id: 'unknown cause',
    anchors: ['unknown unexplained undetermined'],
    re: /\b((?:a|an|the)\s+(?:[\w-]+\s+){0,3}[\w-]+)\s+(?:of|from)\s+(?:unknown|unexplained|undetermined)\s+(?:causes?|origins?)/i,
    ask: (m) => (m[1] ? { question: tidy(`What caused ${asSubject(m[1])}`), key: 'about:cause' } : undefined),
  },
  {
    id: 'not ruled out',
    anchors: ['out'],
    re: /\b(?:not|never|nor)\s+(?:rule|rules|ruled|ruling)\s+out\b|\bwithout\s+ruling\s+out\b/i,
    ask: (m, s) => {
      const cause = /\bcauses?\s+of\s+((?:the\s+)?[^,;.]{3,80})/i.exec(s);
      if (cause?.[1]) return explained(`the cause of ${cause[1]}`);
      // "Police have not ruled out arson": can they?
      const what = cutClause(s.slice(m.index + m[0].length)).replace(/\s+(?:as|in|at|for)\s+(?:a|an|the)\s+(?:cause|possibility|factor|motive)\b.*$/i, '');
      if (!what || /^(?:any|anything|nothing|all|every)\b/i.test(what) || what.split(/\s+/).length > 8) return undefined;
      return tidy(`Can ${what} be ruled out`);
    },
  },
  {
    id: 'cause sought',
    anchors: ['caused cause causes origin'],
    re: new RegExp(
      String.raw`\b(?:investigat[a-z]*|prob(?:e|es|ing)|look(?:s|ing)?\s+into|examin[a-z]+|` +
        String.raw`to\s+(?:determine|establish|identify|understand|find|pin\s+down))\s+(?:into\s+)?` +
        String.raw`(?:what\s+caused\s+([^,;]{3,100})|(?:the\s+)?(?:exact\s+|possible\s+)?(?:cause|causes|origin)\s+of\s+([^,;]{3,100}))`,
      'i',
    ),
    ask: (m) => explained(`the cause of ${m[1] ?? m[2] ?? ''}`),
  },
  ...INQUIRY_CUES,
  {
    id: 'no evidence',
    anchors: ['indication evidence sign proof rumor rumors rumour rumours speculation unconfirmed'],
    re: new RegExp(
      String.raw`\b(?:no|little|scant)\s+["“]?(?:indication|evidence|sign|proof)["”]?\s+(?:yet\s+)?(of|that)\s+([^;]{3,120})` +
        String.raw`|\b(?:rumou?rs?|speculation|unconfirmed reports)\s+(?:[a-z]+\s+){0,4}?(about|of|over|that)\s+([^;,]{3,100})`,
      'i',
    ),
    ask: (m) => {
      const prep = m[1] ?? m[3];
      const what = m[2] ?? m[4];
      if (!what) return undefined;
      if (prep === 'that') return yesNoQuestion(what);
      const np = cutClause(what).replace(/\s+and\s+.*$/, '');
      return { question: tidy(`Is there evidence of ${np}`), key: `evidence:${termsOf(np).join(' ')}` };
    },
  },
  {
    id: 'how long',
    anchors: ['take'],
    re: new RegExp(
      String.raw`\b(?:(?:might|may|could|will|would|should|` +
        String.raw`is expected to|are expected to|was expected to|were expected to|is likely to|are likely to)\s+(?:still\s+)?)take\s+` +
        String.raw`(longer|(?:some\s+)?time|a while|(?:a\s+)?(?:few|couple of|several|many)?\s*(?:days|weeks|months|years)|["“][^"”]{1,30}["”]` +
        String.raw`|(?:up to|at least|about|around|more than)?\s*[\w-]+\s+(?:hours|days|weeks|months|years))` +
        String.raw`(?:\s+(?:for\s+([^;,]+?)\s+)?to\s+([^;,]+))?`,
      'i',
    ),
    ask: (m, s) => howLong(m, s),
  },
  {
    id: 'when',
    anchors: ['soon early'],
    re: /\bas\s+(?:soon|early)\s+as\s+[^,;]+?,?\s+(?:or|and|but)\s+(?:as\s+late\s+as|no\s+later\s+than|(?:[a-z]+\s+){0,8}?(?:by|before|until))\s+/i,
    ask: (m, s) => when(m, s),
  },
  {
    id: 'pending approval',
    anchors: ['be require requires approved subject pending'],
    re: new RegExp(
      String.raw`\b(?:must|would have to|has to|needs? to|still needs? to)\s+be\s+` +
        String.raw`(?:approved|debated|ratified|passed|signed|confirmed|voted on|reviewed|decided)` +
        String.raw`|\brequires?\s+(?:the\s+)?approval\b|\bif approved\b|\bsubject to (?:the\s+)?approval\b` +
        String.raw`|\bpending (?:approval|ratification|a vote|review)\b`,
      'i',
    ),
    ask: (_m, s) => {
      const subj = decisionSubject(s);
      return subj ? `Will ${asSubject(subj)} be approved?` : undefined;
    },
  },
  ...COUNT_CUES,
  {
    id: 'pending',
    anchors: ['pending'],
    re: /\b([A-Za-z]+)\s+(?:is|are|remains?|was|were)\s+(?:still\s+)?pending\s+for\s+([^,;]{3,80})/,
    ask: (m) => {
      const done = processParticiple(m[1] ?? '');
      return done && m[2] ? tidy(`When will ${asSubject(cutClause(m[2]))} be ${done}`) : undefined;
    },
  },
  {
    id: 'under way',
    anchors: ['process work task effort'],
    re: new RegExp(
      String.raw`\b(?:process|work|task|effort)\s+of\s+([a-z]+ing\s+[^,;]{2,80}?)\s+(?:is|was|remains?|remained)\s+` +
        String.raw`(?:still\s+)?(?:ongoing|under\s?way|continuing|in progress|not (?:yet )?complete)`,
      'i',
    ),
    ask: (m) => {
      const v = firstVerb(m[1] ?? '');
      return v?.rest ? tidy(`When will ${asSubject(v.rest.startsWith('the ') ? v.rest : `the ${v.rest}`)} be ${participle(v.lemma)}`) : undefined;
    },
  },
  {
    id: 'not yet done',
    anchors: ['not'],
    re: new RegExp(
      String.raw`\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?been|(?:was|were|is|are)\s+not\s+(?:immediately|yet))\s+` +
        String.raw`(identified|found|located|recovered|released|named|determined|confirmed|established|disclosed` +
        String.raw`|made public|accounted for|known|restored|reopened|repaired)\b`,
      'i',
    ),
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      if (!subj || /^(?:it|this|that|they|he|she)$/i.test(subj)) return undefined;
      return tidy(`When will ${asSubject(subj)} be ${m[1] ?? ''}`);
    },
  },
  {
    id: 'not yet named',
    anchors: ['not'],
    re: new RegExp(
      String.raw`\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:[a-z]+ly\s+)?(identified|named|found|located|recovered|released|confirmed|determined|disclosed)` +
        String.raw`\s+((?:the|a|an|its|their|his|her)\s+[^,;]{2,60})`,
      'i',
    ),
    ask: (m) => (m[1] && m[2] ? tidy(`When will ${asSubject(cutClause(m[2]))} be ${m[1].toLowerCase()}`) : undefined),
  },
  {
    id: 'awaited',
    anchors: ['expected due awaited pending'],
    re: new RegExp(
      String.raw`\b((?:a|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?:decision|verdict|ruling|results?|outcome|findings|report|response)` +
        String.raw`(?:\s+(?:on|of|in|over|from)\s+[^,;]{2,60}?)?)\s+(?:is|are|was|were)\s+(?:still\s+)?(?:expected|due|awaited|pending)\b`,
      'i',
    ),
    ask: (m) => (m[1] ? tidy(`What will ${asSubject(m[1])} be`) : undefined),
  },
  {
    id: 'yet to',
    anchors: ['yet'],
    re: /\b(?:has|have|had)\s+yet\s+to\s+(?!respond|comment|reply|return (?:calls|messages|requests))([a-z]+\s[^;,]{2,100})/i,
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      return subj && m[1] ? tidy(`When will ${asSubject(subj)} ${cutClause(m[1])}`) : undefined;
    },
  },
  {
    id: 'under pressure',
    anchors: ['pressure scrutiny'],
    re: /\bunder\s+(?:growing\s+|mounting\s+|intense\s+|heavy\s+|increasing\s+)?(?:pressure|scrutiny)\s+(?:from\s+[^,;]{2,60}?\s+)?to\s+([^;]{3,120})/i,
    ask: (m, s) => {
      const subj = mainSubject(s);
      return subj && m[1] ? tidy(`Can ${asSubject(subj)} ${cutClause(m[1])}`) : undefined;
    },
  },
  {
    id: 'criticism',
    anchors: ['criticism accusation accusations allegation allegations backlash'],
    re: new RegExp(
      String.raw`\b(?:fac(?:es|ed|ing)|drew|draws|drawn|under|amid|receiv(?:es|ed|ing))\s+` +
        String.raw`(?:growing\s+|mounting\s+|heavy\s+|sharp\s+|fierce\s+|widespread\s+|intense\s+)?` +
        String.raw`(?:criticism|accusations?|allegations?|backlash)\s+(about|over|for|that|regarding|on)\s+([^;]{5,200})`,
      'i',
    ),
    ask: (m, s) => {
      const what = cutClause(m[2] ?? '').replace(/\s+and\s+.*$/, '');
      if (!what) return undefined;
      if (m[1] === 'that') return tidy(`Are the accusations that ${what} justified`);
      const subj = mainSubject(s);
      return tidy(`Is the criticism ${subj ? `of ${asSubject(subj)} ` : ''}over ${what} justified`);
    },
  },
  {
    id: 'upcoming vote',
    anchors: ['runoff run referendum upcoming round go prepare prepares inconclusive'],
    re: new RegExp(
      String.raw`\b${anyOf([
        /runoff|run-off|referendum|upcoming (?:election|vote|elections)|second round/,
        /will go to (?:a )?(?:runoff|vote|the polls)|prepares? for (?:its |the )?(?:\w+ )?elections?|inconclusive/,
      ])}\b`,
      'i',
    ),
    ask: (_m, s) => {
      // "won the presidential runoff", "eligible to vote in the Sunday runoff": a vote held already asks nothing.
      if (VOTE_HELD.test(s)) return undefined;
      const at = new RegExp(
        `\\b(${MONTH})\\s+(?:runoff|run-off|election|vote|referendum)` +
          `|\\b(?:runoff|run-off|elections?|vote|referendum)\\s+(?:\\w+\\s+){0,3}(?:in|on)\\s+(${MONTH}(?:\\s+\\d{1,2})?)`,
      ).exec(s);
      const what = /\brunoff|run-off|second round/i.test(s) ? 'runoff' : /\breferendum/i.test(s) ? 'referendum' : 'election';
      const date = at?.[1] ?? at?.[2];
      return { question: `Who will win the ${date ? `${date} ` : ''}${what}, and what will it change?`, key: 'upcoming vote' };
    },
  },
  {
    id: 'alternative',
    anchors: ['rather'],
    re: /\b(?:suggest|recommend|urge|advocate|argue|propose)s?\s+(?:that\s+)?([^.;]{5,160}?)\s+rather than\s+([^.;,]{3,80})/i,
    ask: (m) => {
      const x = cutClause(m[1] ?? '');
      const y = cutClause(m[2] ?? '');
      if (/\bshould\b/.test(x)) return tidy(`${(yesNoQuestion(x) ?? x).replace(/\?$/, '')} rather than ${y}`);
      return tidy(`Should ${x} come before ${y}`);
    },
  },
  {
    id: 'warning',
    anchors: ['against'],
    re: /\bwarn(?:s|ed)?\s+against\s+(\w+ing\b[^.;,]{5,120})/i,
    ask: (m) => tidy(`Is ${cutClause(m[1] ?? '')} the right approach`),
  },
  {
    id: 'disputed',
    anchors: ['mixed divided split disputed contested agrees critics skeptical sceptical'],
    re: new RegExp(
      String.raw`\b(?:are|is|were|remain)\s+(?:mixed|divided|split|disputed|contested)\b` +
        String.raw`|\bnot everyone agrees\b|\bcritics (?:say|argue|warn)\b|\bskeptical\b|\bsceptical\b`,
      'i',
    ),
    ask: (_m, s) => {
      const subj = decisionSubject(s)?.replace(/^(?:local\s+)?(?:perspectives|views|opinions|attitudes)\s+(?:on|about)\s+/i, '');
      return subj && !/^(?:others?|some|they|it|this)$/i.test(subj) ? tidy(`Is there agreement on ${asSubject(subj)}`) : undefined;
    },
  },
  {
    id: 'concerns',
    anchors: ['concern concerns doubt doubts worries reservations misgivings fears'],
    re: new RegExp(
      String.raw`\b(?:voiced|raised|expressed|echoed|cited|shared|flagged|has|have|had|rais(?:es|ing)|voicing|expressing|spark(?:s|ed|ing)|` +
        String.raw`fuel(?:s|led|ed|ling|ing)|stok(?:es|ed|ing)|increased|heightened|eas(?:e|es|ed|ing))\s+(?:(?:growing|serious|some|similar|new)\s+)?` +
        String.raw`(concerns?|doubts?|worries|reservations|misgivings|fears)\s+(about|over|regarding|that|of)\s+([^.;]{5,160})`,
      'i',
    ),
    ask: (m) => {
      const what = cutClause(m[3] ?? '');
      const noun = m[1]?.toLowerCase() === 'fears' ? 'fears' : 'concerns';
      const prep = m[2] === 'that' ? 'that' : noun === 'fears' ? 'of' : 'about';
      return what ? tidy(`Are ${noun} ${prep} ${what} warranted`) : undefined;
    },
  },
  {
    id: 'could rise',
    anchors: ['rise climb increase grow go worsen spread'],
    re: new RegExp(
      String.raw`\b(?:expect(?:s|ed|ing)?|fear(?:s|ed|ing)?|warn(?:s|ed|ing)?|predict(?:s|ed|ing)?|anticipat(?:es?|ed|ing)` +
        String.raw`|seems?\s+likely|(?:is|was)\s+likely)` +
        String.raw`\s+(?:that\s+)?((?:the|a|those|these|that|this)\s+[^,;]{2,50}?)` +
        String.raw`\s+(?:to|will|would|may|could|might)\s+(?:still\s+|further\s+)?(rise|climb|increase|grow|go up|worsen|spread)\b`,
      'i',
    ),
    ask: (m) => (m[1] && m[2] ? tidy(`Will ${asSubject(m[1])} ${m[2]} further`) : undefined),
  },
  {
    id: 'likely',
    anchors: ['likely unlikely expected poised'],
    re: /\b(?:is|are)\s+(?:also\s+|still\s+)?(likely|unlikely|expected|poised)\s+to\s+([a-z]+\b[^;]{2,120})/,
    ask: (m, s) => {
      const subj = subjectAt(s, m.index);
      // Only the sentence's own subject: "the deal the workforce is likely to receive" forecasts nothing.
      if (!subj || !s.trimStart().startsWith(subj) || /^(?:it|this|that|they)$/i.test(subj)) return undefined;
      // "Inflation is expected to rise to 2.75% this year": a forecast with its figure is a figure, not a question.
      const what = cutClause(m[2] ?? '');
      return /\d/.test(what) ? undefined : tidy(`Will ${asSubject(subj)} ${what}`);
    },
  },
  {
    id: 'may',
    anchors: ['could may might'],
    re: /\b(could|may|might)\s+(?!not\b|also\b|only\b|barely\b|hardly\b|scarcely\b)((?:still\s+|well\s+|even\s+|yet\s+)?(?:have\s+(?:been\s+)?)?[a-z]+\b[^;]*)/,
    ask: (m, s) => modalQuestion(m, s),
  },
];

/** Words of a vote already held: its winner, its count, who took part. */
const VOTE_HELD = new RegExp(
  String.raw`\b${anyOf([
    // The vote itself won, not a place in it ("won one of two spots in an April runoff").
    /(?:won|wins|winning)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:runoff|run-off|election|vote|referendum|presidency|second round)/,
    /defeated|was elected|were elected|conceded|declared the winner|victory in|victor/,
    /turnout was|went to the polls|were eligible|was eligible|votes were counted|after counting|followed an inconclusive/,
  ])}\b`,
  'i',
);

/**
 * Questions whose opening names what they ask share a key across a set: every "What caused ...?"
 * is about the event; "Which countries ...?" and "How many people ...?" ask one thing each.
 */
function keyOf(question: string): string | undefined {
  if (/^what caused\b/i.test(question)) return 'about:cause';
  const wh = /^(?:(which|what|whose)|how (many|much))\s+([a-z]+)/i.exec(question);
  const word = wh?.[3]?.toLowerCase();
  if (!word || /^(?:is|are|was|were|will|would|could|can|might|may|should|must|has|have|had|do|does|did|the|a|an)$/.test(word)) return undefined;
  return `wh:${(wh?.[1] ?? `how ${wh?.[2] ?? ''}`).toLowerCase()} ${stem(word)}`;
}

/** Stands for a dot inside the sentence while cues match: a decimal point or an abbreviation's. */
const INNER_DOT = '\u2024';

/** A question the sentence asks outright: the writer's own, not a quote, a headline or a subhead. */
function askedOutright(sentence: string): string | undefined {
  const s = sentence.trim();
  if (!/\?["”’]?$/.test(s) || s.length > 300 || /^["“‘]|["”’]$/.test(s)) return undefined;
  if (FIRST_PERSON.test(s)) return undefined;
  const words = s.split(/\s+/);
  const capitals = words.filter((w) => /^[A-Z]/.test(w)).length;
  if (words.length < 5 || capitals / words.length > 0.5) return undefined;
  return tidy(s.replace(/\?$/, ''));
}

/** The cues a sentence holds the anchor words of, in their order: the only ones that can match it. */
const cuesWithAnchorsIn = anchorGate(CUES);

/**
 * The cues that match a sentence without its holding their anchor words: always none, or the gate
 * in `questionOf` would drop a question. For tests, which check the anchors against real text.
 */
export function cuesMatchingUnanchored(raw: string): string[] {
  const gated = new Set(cuesWithAnchorsIn(raw));
  const sentence = maskInnerDots(raw);
  return CUES.filter((c) => !gated.has(c) && c.re.test(sentence)).map((c) => c.id);
}

/** The cues stop at a dot to stay in the sentence; inside one sentence, a dot before the end is "$1.5" or "U.S.". */
const maskInnerDots = (raw: string): string => raw.replace(/\.(?=.*\w)/g, INNER_DOT);

/** The open question a sentence raises, if it raises one. */
export function questionOf(raw: string, file: string, quote: string): QuestionMention | undefined {
  // "- The full extent of the damage is unclear": a list's bullet is no part of the sentence.
  const sentence = maskInnerDots(raw.replace(/^[-•*–]\s+/, ''));
  const outright = askedOutright(sentence);
  if (outright) return { question: outright.replaceAll(INNER_DOT, '.'), cue: 'asked', terms: termsOf(raw), evidence: { file, quote } };
  if (/\?\s*$/.test(sentence)) return undefined;
  for (const c of cuesWithAnchorsIn(raw)) {
    const m = c.re.exec(sentence);
    if (!m) continue;
    const got = c.ask(m, sentence);
    const asked: Asked | undefined = typeof got === 'string' ? { question: got } : got;
    if (!asked?.question || asked.question.split(/\s+/).length < 3) continue;
    const question = asked.question.replaceAll(INNER_DOT, '.');
    return { question, cue: asked.key ?? keyOf(question) ?? c.id, terms: termsOf(raw), evidence: { file, quote } };
  }
  return undefined;
}
